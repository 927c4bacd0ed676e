"""The sect an actor's own words give it: a name as the text writes it that holds the sect's adjective ("Shiite
militias", "Shi’ite militias"), or the adjective an editor adds in brackets before a name ("[Shiite] Kataib Hizballah").
The ontology's `sect` of an Actor (not of a country: a state is not described by a branch of Islam here)."""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_SECT = r"(Shiite|Shi['’]ite|Shia|Shi['’]a|Sunni)"
_IN_NAME = re.compile(rf"\b{_SECT}\b")
_BRACKETED = re.compile(rf"\[{_SECT}\]\s*$")


def named_sects(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[actor, sect, shia | sunni] where the adjective is in the actor's name as written or bracketed right before it."""
    out = []
    for n in nodes:
        if n.kind not in ("linked", "new") or not proposer.ontology.is_subclass(n.type, LB + "Actor") \
                or proposer.ontology.is_subclass(n.type, LB + "Country"):
            continue
        m = _IN_NAME.search(n.words) or _BRACKETED.search(text[max(0, n.start - 12):n.start])
        if m:
            value = "sunni" if m.group(1).lower() == "sunni" else "shia"
            out.append(Proposed(n.id, "sect", value, f"{m.group(0)!r} in or before the name {n.words!r}"))
    return out
