"""Goods an actor moves, as a sentence tells it without a date: "Kataeb Hizballah moves weapons through the al-Qaim
crossing", "smugglers run fuel and Captagon pills across unofficial crossings into Iraq".

Such a sentence tells of an activity a curator gives an entry of its own: a SmugglingOperation where the verb or its
clause says smuggling ("smuggle", "illegal", "unofficial"), a Deployment where the goods are fighters sent to a place
and through none, else a Transfer. Its agent is the actor right before the verb, its cargo the goods after it (the
ontology's Commodity), and the places after "through", "via" or "across", after "into", "to" or "toward", and after
"from" are what it passes through, its destination and its origin, each where the ontology's domain and range agree.
The register's activity of that kind whose agent and goods other documents give is the one the sentence tells of
("Tehran moves weapons …": Iran's shipments the register has). A sentence with no goods named tells of no such activity
("the militia runs the crossing"), nor does one with a date (kg.event_proposals makes its event) or one where a route
lets the actor move them ("a road that lets Iran move fighters": the route's use).
"""

from __future__ import annotations

import re

from .namespaces import LB
from .proposals import Node, Proposed, local_name
from .propose import Proposer
from .relation_cues import FROM, THROUGH, TO

_VERB = re.compile(r"\b(?:smuggl(?:e|es|ed|ing)|mov(?:e|es|ed|ing)|ship(?:s|ped|ping)?|transport(?:s|ed|ing)?|"
                   r"carr(?:y|ies|ied|ying)|haul(?:s|ed|ing)?|ferr(?:y|ies|ied|ying)|funnel(?:s|led|ling)?|r[au]ns?|"
                   r"bring(?:s|ing)?|brought)\b", re.I)
_SMUGGLING = re.compile(r"\bsmuggl|\billegal|\billicit|\bunofficial|\bcontraband", re.I)
# What may stand between the actor and its verb: an aside in brackets, an adverb, an auxiliary.
_BEFORE_VERB = re.compile(r"\s*(?:\([^()]*\))?\s*(?:(?:also|still|allegedly|reportedly|regularly|routinely|openly|has|have|"
                          r"had|is|are|was|were|been|to|used|continues|continue|continued)\s+){0,3}", re.I)
_WAYS = [(THROUGH, "passesThrough"), (TO, "destination"), (FROM, "origin")]
_END = re.compile(r"[;:()]|,\s+(?:which|who|while|but|and\s+(?:the|its|their))\b|\b(?:which|who|while|but|because|after|"
                  r"before|when|said|says)\b", re.I)
_LETS = re.compile(r"\b(?:lets?|allow(?:s|ed|ing)?|enabl(?:e|es|ed|ing)|help(?:s|ed)?)\s+$", re.I)
REACH = 120  # characters after the verb that its goods and places stand within
_PEOPLE = {"fighters", "people", "militants", "men"}


def moved_goods(proposer: Proposer, text: str, nodes: list[Node], dated: bool, document: str) -> list[Proposed]:
    """The activities the sentence's verbs of moving goods tell of, each with its agent, cargo and places."""
    out: list[Proposed] = []
    linked = [n for n in nodes if n.kind in ("linked", "new")]
    for verb in _VERB.finditer(text) if not dated else ():
        actor = next((n for n in reversed(linked) if n.end <= verb.start() and proposer.ontology.is_subclass(n.type, LB + "Actor")
                      and _BEFORE_VERB.fullmatch(text, n.end, verb.start())), None)
        if actor is None or _LETS.search(text, max(0, actor.start - 30), actor.start):
            continue
        clause = _END.search(text, verb.end(), verb.end() + REACH)
        stop = clause.start() if clause else min(len(text), verb.end() + REACH)
        after = [n for n in linked if verb.end() <= n.start and n.end <= stop]
        goods = [n for n in after if local_name(n.type) == "Commodity"]
        if not goods:
            continue
        places = [(role, n) for n in after if n not in goods
                  for pattern, role in _WAYS if pattern.search(text, max(verb.end(), n.start - 40), n.start)]
        cls = "SmugglingOperation" if _SMUGGLING.search(text, verb.start(), stop) else "Transfer"
        if cls == "Transfer" and all(n.words.lower() in _PEOPLE for n in goods) \
                and any(r == "destination" for r, _ in places) and not any(r == "passesThrough" for r, _ in places):
            cls = "Deployment"
        event_id = proposer.events.by_cargo(cls, actor.id, {n.id for n in goods}, proposer.types) or proposer.unnamed(
            f"{actor.words} {verb.group(0)} {goods[0].words}", cls, f"an activity of the kind {cls}, undated, in document {document}")
        ev = Node(verb.start(), verb.end(), event_id, LB + cls, verb.group(0))
        why = f"{actor.words!r} {verb.group(0)!r}"
        if proposer.allowed(ev, "agent", actor):
            out.append(Proposed(event_id, "agent", actor.id, f"the {cls} {event_id}: {why}"))
        out += [Proposed(event_id, "cargo", n.id, f"{why} {n.words!r}") for n in goods if proposer.allowed(ev, "cargo", n)]
        out += [Proposed(event_id, role, n.id, f"{why} … {n.words!r} ({role})") for role, n in places if proposer.allowed(ev, role, n)]
    return out

