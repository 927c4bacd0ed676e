"""Where an unnamed source stands, as news writes it: "a Western diplomat in Baghdad", "a customs official at al-Qaim",
"a local official in Deir ez-Zor". The source is a new entry named by the text's words, with a presence in the place
(the ontology's hasPresenceIn). Only the words of a source's description may stand before the role, and only an
article opens it, so a person the sentence names is no such entry; a person named right before the description, a comma
between ("Haider Saleh, a researcher in Basra"), is the source. kg.unnamed_sources reads a source inside a body.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_ROLE = (r"(?:official|diplomat|source|researcher|analyst|journalist|correspondent|witness|resident|observer|contractor|trader|"
         r"merchant|driver)")
# ", who gave his name as": the source is the person the text then names, not an unnamed one.
_NAME_GIVEN = re.compile(r"[^,;.]*\bwho\s+(?:gave|identified)\s+(?:his|her|their)\s+names?\b"
                         r"|\s*,\s*(?:identified|known)\s+(?:only\s+)?as\b", re.I)
_PLACED = re.compile(rf"\b(?P<words>(?:An?|an?)\s+(?:[\w.-]+\s+){{0,3}}?{_ROLE}\s+(?:in|at)\s+)$")
_NOT_DESCRIPTION = re.compile(r"\b(?:of|for|with|and|or|the|who|which|that|said|told|in|at)\b", re.I)


def placed_sources(proposer: Proposer, text: str, nodes: list[Node], document: str) -> list[Proposed]:
    """[source, hasPresenceIn, place] for "a <description> official/diplomat/… in <place>", the source a new entry, and
    [source, country, state] where its description names a state ("an Iraqi official", "a U.S. defense official")."""
    is_a = proposer.ontology.is_subclass
    out = []
    for place in nodes:
        if place.kind == "demonym" or place.kind == "reference":
            continue
        m = _PLACED.search(text[max(0, place.start - 80):place.start])
        if m is None or _NOT_DESCRIPTION.search(m.group("words").split(None, 1)[1].rsplit(None, 2)[0]):
            continue
        if _NAME_GIVEN.match(text, place.end):
            continue
        words = m.group("words") + place.words
        start = place.start - len(m.group(0))
        states = [n for n in nodes if start <= n.start and n.end <= start + len(m.group(0)) and is_a(n.type, LB + "Country")]
        placed = place.kind in ("linked", "new") and is_a(place.type, LB + "Place")
        if not placed and not states:
            continue
        named = _named_person(proposer, text, nodes, start)
        source = named.id if named is not None else _entry(proposer, words, document)
        node = Node(0, 0, source, LB + "Person", words)
        if placed and proposer.allowed(node, "hasPresenceIn", place):
            out.append(Proposed(source, "hasPresenceIn", place.id, f"{words!r}: an unnamed source that stands there"))
        for state in states[:1]:
            if proposer.allowed(node, "country", state):
                out.append(Proposed(source, "country", state.id, f"{words!r}: an unnamed source of {state.words!r}"))
    return out


def _named_person(proposer: Proposer, text: str, nodes: list[Node], start: int) -> Node | None:
    """The person the description stands in apposition to, named right before it and a comma ("Haider Saleh, a
    researcher in Basra"): the source is that person, not an unnamed one."""
    return next((n for n in nodes if n.kind in ("linked", "new") and n.end <= start and re.fullmatch(r",\s*", text[n.end:start])
                 and proposer.ontology.is_subclass(n.type, LB + "Person")), None)


def _entry(proposer: Proposer, words: str, document: str) -> str:
    """A new entry for the unnamed source, named by the text's words."""
    return proposer.unnamed(words, "Person", f"an unnamed source ({words!r}), in document {document}")
