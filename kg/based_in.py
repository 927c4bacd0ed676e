"""Where an actor is based, as news writes it in a compound adjective before the name: "the Baghdad-based Nahrain
Transport Company", "a London-based monitor": the actor has a presence in the place (the ontology's hasPresenceIn).
Only the words of the name's phrase may stand between ("two Baghdad-based trading companies"), not another clause.
An actor the text does not name ("a Baghdad-based research centre") is a new entry named by the text's words, and the
person an apposition gives it to ("Jane Roe, a researcher at a London-based institute") is its member."""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_BASED = re.compile(r"-(?:based|headquartered)\s+")
_BETWEEN = re.compile(r"(?:[a-z][\w-]*\s+){0,3}")


def based_in(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[actor, hasPresenceIn, place] for "<place>-based <actor>"."""
    is_a = proposer.ontology.is_subclass
    out = []
    for place in nodes:
        m = _BASED.match(text, place.end)
        if m is None or place.kind not in ("linked", "new") or not is_a(place.type, LB + "Place"):
            continue
        actor = next((n for n in nodes if n.start >= m.end() and n.kind in ("linked", "new", "reference")), None)
        if actor is None or not is_a(actor.type, LB + "Actor") or not _BETWEEN.fullmatch(text, m.end(), actor.start):
            continue
        if proposer.allowed(actor, "hasPresenceIn", place):
            out.append(Proposed(actor.id, "hasPresenceIn", place.id, f"{text[place.start:m.end()]!r}{actor.words!r}"))
    return out


_UNNAMED = re.compile(r"\b(?:an?)\s+$", re.I)
_BODY = re.compile(r"-(?:based|headquartered)\s+(?:[a-z][\w-]*\s+){0,2}?(?:centre|center|institute|monitor|group|organi[sz]ation|"
                   r"company|firm|think tank|observatory|network|agency|charity|newspaper|outlet|website|council|committee)\b")
_MEMBER = re.compile(r"\s*,\s*an?\s+(?:[\w-]+\s+){0,2}?(?:researcher|analyst|fellow|expert|director|official|member|spokes\w+|"
                     r"reporter|journalist)\s+(?:at|with|for|of)\s+$", re.I)


def unnamed_based(proposer: Proposer, text: str, nodes: list[Node], document: str) -> list[Proposed]:
    """[body, hasPresenceIn, place] for "a <place>-based <body>" the text does not name, the body a new entry, and
    [person, memberOf, body] for the person whose apposition it ends."""
    is_a = proposer.ontology.is_subclass
    out = []
    for place in nodes:
        article = _UNNAMED.search(text, 0, place.start)
        body = _BODY.match(text, place.end)
        if article is None or body is None or place.kind not in ("linked", "new") or not is_a(place.type, LB + "Place") \
                or any(n.start >= place.end and n.start < body.end() for n in nodes):
            continue
        words = text[article.start():body.end()]
        ent_id = proposer.unnamed(words, "Organization", f"a body the text describes ({words!r}) without naming it, in document {document}")
        entry = Node(article.start(), body.end(), ent_id, LB + "Organization", words)
        if proposer.allowed(entry, "hasPresenceIn", place):
            out.append(Proposed(ent_id, "hasPresenceIn", place.id, f"{words!r}"))
        person = next((n for n in nodes if n.end <= article.start() and is_a(n.type, LB + "Person") and n.kind in ("linked", "new")
                       and _MEMBER.fullmatch(text, n.end, article.start())), None)
        if person is not None and proposer.allowed(person, "memberOf", entry):
            out.append(Proposed(person.id, "memberOf", ent_id, f"{text[person.start:body.end()]!r}"))
    return out
