"""What a sentence says makes a route or crossing favourable or not: "it could move greater volumes of cargo at a lower
cost per unit" (advantages: capacity, cost), "relies on … aircraft, each with a limited carrying capacity" (a limitation:
capacity), "will enable larger numbers of vehicles to enter … and make it easier to preserve secrecy". The ontology's
`advantage` and `limitation` of a Route or Crossing, whose values are the RouteCharacteristic concepts.

A trait is proposed only for the one route or crossing a sentence names (with two, the words could be about either; a
description such as "the route" may stand for another), only where its cue stands in the same clause after it, and not
where the cue qualifies another route ("reduce its dependence on risky aerial and naval routes").
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
_CLAUSE_END = re.compile(r"[.;:!?]|\b(?:but|while|whereas|although|however)\b", re.I)


def route_traits(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[route, advantage | limitation, characteristic] for the one route or crossing of a sentence."""
    routes = [n for n in nodes if n.kind in ("linked", "new") and _is_any(proposer, n, ("Route", "Crossing"))]
    if len({n.id for n in routes}) != 1:
        return []
    route = routes[0]
    end = _CLAUSE_END.search(text, route.end)
    clause = text[route.end:end.start() if end else len(text)]
    out = []
    for pattern, prop, value in _CUES:
        m = pattern.search(clause)
        if m and not _OTHER_ROUTE.match(clause[m.end():]):
            out.append(Proposed(route.id, prop, value, f"{m.group(0)!r} after {route.words!r}"))
    if _is_any(proposer, route, ("Route",)):
        for pattern, where in _DISTANCE:
            m = pattern.search(text[route.end:route.end + 30] if where == "after" else text[max(0, route.start - 12):route.start])
            if m:
                prop = "advantage" if m.group(1).lower() == "shorter" else "limitation"
                out.append(Proposed(route.id, prop, "distance", f"{m.group(1)!r} {where} {route.words!r}"))
                break
    return out


def _is_any(proposer: Proposer, node: Node, classes: tuple[str, ...]) -> bool:
    return any(proposer.ontology.is_subclass(node.type, LB + c) for c in classes)
