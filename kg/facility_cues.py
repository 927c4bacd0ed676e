"""The facilities a sentence lists for a place it names: "foundations being laid at the new crossing site, including for
large hangars and secured entrances". The ontology's `facility` of a feature, in the source's words: each item of the
list, plain words (a name in the list is another entity, not a facility)."""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

# After the place (and its own noun, "site"): the list a facility's cue opens, to the clause's end.
_LIST = re.compile(r"^(?:\s+(?:site|area|compound))?,?\s+(?:including|with facilities such as|equipped with)\s+(?:for\s+)?"
                   r"(?P<items>[^.;:()]+)")
_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_ITEM = re.compile(r"(?:[a-z]+\s+){0,2}[a-z]+s")  # a few lower-case words ending in a plural noun
_PLACES = ("Crossing", "Installation", "Barrier", "MilitaryBase")


def facilities(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[place, facility, words] for each item of the list after a crossing, base or barrier the sentence names."""
    out = []
    for n in nodes:
        if n.kind not in ("linked", "new") or not any(proposer.ontology.is_subclass(n.type, LB + c) for c in _PLACES):
            continue
        m = _LIST.match(text[n.end:])
        if m is None:
            continue
        items = [i.strip() for i in _SPLIT.split(m.group("items").strip())]
        if items and all(_ITEM.fullmatch(i) for i in items):
            out += [Proposed(n.id, "facility", i, f"{i!r} in the list after {n.words!r}") for i in items]
    return out
