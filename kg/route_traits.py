"""What a sentence says makes a route or crossing favourable or not: "it could move greater volumes of cargo at a lower
cost per unit" (advantages: capacity, cost), "relies on … aircraft, each with a limited carrying capacity" (a limitation:
capacity), "will enable larger numbers of vehicles to enter … and make it easier to preserve secrecy". The ontology's
`advantage` and `limitation` of a Route or Crossing, whose values are the RouteCharacteristic concepts.

A trait is proposed only for the one route or crossing a sentence names (with two, the words could be about either; a
description such as "the route" may stand for another), only where its cue stands in the same clause after it (or, for
a limitation, in the clause a "but" opens after an advantage), and not where the cue qualifies another route ("reduce
its dependence on risky aerial and naval routes"). kg.mode_routes uses the same cues for routes worded by their mode.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

# (cue, property, characteristic): comparative or limiting words a reader takes for the route's trait.
_TRAITS = [
    (r"\b(?:greater|larger|bigger|higher) (?:volumes?|quantit(?:y|ies)|numbers?|amounts?)\b|\bmore (?:goods|cargo|vehicles|trucks)\b",
     "advantage", "capacity"),
    (r"\blimited (?:\w+ )?capacity\b|\bsmall (?:\w+ )?capacity\b", "limitation", "capacity"),
    (r"\blower (?:\w+ )?cost\b|\bcheaper\b|\bless expensive\b", "advantage", "cost"),
    (r"\bhigher (?:\w+ )?cost\b|\bmore expensive\b|\bcostly\b", "limitation", "cost"),
    (r"\bsecrecy\b", "advantage", "secrecy"),
    (r"\brisky\b|\bdangerous\b|\bexposed to (?:air ?strikes|attacks?)\b", "limitation", "risk"),
    (r"\bsecurity (?:difficulties|problems|risks|threats)\b|\binsecure\b", "limitation", "security"),
    (r"\binterdict(?:ed|s|ing|ion)?\b", "limitation", "interdiction"),
]
_CUES = [(re.compile(p, re.I), prop, value) for p, prop, value in _TRAITS]
# A route's length compared: only of a route (a crossing has none), and only in its own words or right after them.
_DISTANCE = [(re.compile(r"^\s*(?:is|was|being)\s+(?:much\s+|far\s+)?(shorter|longer)\b", re.I), "after"),
             (re.compile(r"\b(shorter|longer)\s+$", re.I), "before")]
# A route's noun right after a cue: the cue is about that route, not the one the sentence names before it.
_OTHER_ROUTE = re.compile(r"^(?:\s+(?:and\s+)?[a-z]+){0,3}?\s+(?:routes?|roads?|bridges?|crossings?|corridors?)\b")
# An adjective after the route is its trait only where the clause says it of the route ("the route is risky").
_ADJECTIVES = {"risky", "dangerous", "costly", "insecure"}
_SAID_OF = re.compile(r"\b(?:is|are|was|were|remains?|remained|being|seems?|proved)\s+(?:\w+\s+)?\w+$", re.I)
# A clause ends at a stop (not the point of an initial or abbreviation: "the U.S. Navy has"), or at a word that opens a contrast.
_CLAUSE_END = re.compile(r"[;:!?]|(?<!\b[A-Z])\.(?!\w)(?!\s+[a-z])|\b(?i:but|while|whereas|although|however)\b")


def route_traits(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[route, advantage | limitation, characteristic] for the one route or crossing of a sentence."""
    routes = [n for n in nodes if n.kind in ("linked", "new") and _is_any(proposer, n, ("Route", "Crossing"))]
    if len({n.id for n in routes}) != 1:
        return []
    route = routes[0]
    out = traits_after(route.id, route.words, text, route.end)
    if _is_any(proposer, route, ("Route",)):
        for pattern, where in _DISTANCE:
            m = pattern.search(text[route.end:route.end + 30] if where == "after" else text[max(0, route.start - 12):route.start])
            if m:
                prop = "advantage" if m.group(1).lower() == "shorter" else "limitation"
                out.append(Proposed(route.id, prop, "distance", f"{m.group(1)!r} {where} {route.words!r}"))
                break
    return out


def traits_after(route_id: str, words: str, text: str, end: int) -> list[Proposed]:
    """The traits the cues of the clause after a route's words give it; past a "but" that follows an advantage, the
    limitations ("Sea vessels can accommodate more goods …, but the U.S. has interdicted weapons shipments")."""
    stop = _CLAUSE_END.search(text, end)
    found = _cues(route_id, words, text[end:stop.start() if stop else len(text)], ("advantage", "limitation"))
    if stop and stop.group(0).lower() == "but" and any(f.property == "advantage" for f in found):
        after = _CLAUSE_END.search(text, stop.end())
        found += _cues(route_id, words, text[stop.end():after.start() if after else len(text)], ("limitation",))
    return found


def traits_before(route_id: str, words: str, text: str, start: int) -> list[Proposed]:
    """The traits the words right before a route's give it ("risky aerial and naval routes")."""
    before = re.search(r"(?:\S+\s+){0,2}$", text[max(0, start - 40):start]).group(0)
    return [Proposed(route_id, prop, value, f"{m.group(0)!r} before {words!r}") for pattern, prop, value in _CUES
            if (m := pattern.search(before))]


def _cues(route_id: str, words: str, clause: str, props: tuple[str, ...]) -> list[Proposed]:
    out = []
    for pattern, prop, value in _CUES:
        m = pattern.search(clause)
        if m and m.group(0).lower() in _ADJECTIVES and not _SAID_OF.search(clause, 0, m.end()):
            continue  # "cuts its dependence on risky flights": the adjective of another noun, not said of the route
        if prop in props and m and not _OTHER_ROUTE.match(clause[m.end():]):
            out.append(Proposed(route_id, prop, value, f"{m.group(0)!r} after {words!r}"))
    return out


def _is_any(proposer: Proposer, node: Node, classes: tuple[str, ...]) -> bool:
    return any(proposer.ontology.is_subclass(node.type, LB + c) for c in classes)
