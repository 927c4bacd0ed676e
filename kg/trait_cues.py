"""What a route or crossing is good or bad at, from the words of the sentence that names it: "move greater volumes of
cargo at a lower cost per unit" (an advantage of capacity and of cost), "a limited carrying capacity" (a limitation of
capacity), "risky" routes, "security difficulties". The ontology's `advantage` and `limitation`, whose values are the
concepts of lb:RouteCharacteristic (capacity, cost, risk, secrecy, distance, interdiction, security).
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

# (words, property, characteristic)
TRAITS = [
    (r"\b(?:greater|larger|bigger|more)\s+(?:volumes?|numbers?|quantities|amounts?|goods|cargo|capacity)\b|\baccommodate\s+more\b",
     "advantage", "capacity"),
    (r"\blimited\s+(?:\w+\s+)?(?:capacity|supply)\b", "limitation", "capacity"),
    (r"\b(?:lower|reduced|less)\s+(?:\w+\s+)?costs?\b|\bcheaper\b", "advantage", "cost"),
    (r"\b(?:preserve|maintain|keep)\s+(?:\w+\s+)?secrecy\b", "advantage", "secrecy"),
    # said of the route ("the route is risky"), not an adjective of another noun ("dependence on risky aerial routes")
    (r"\b(?:is|are|was|were|remains?|remained)\s+(?:\w+\s+)?(?:risky|dangerous)\b", "limitation", "risk"),
    (r"\bsecurity\s+(?:difficulties|problems|risks|threats)\b", "limitation", "security"),
    (r"\binterdict(?:ed|s|ion)?\b", "limitation", "interdiction"),
]
_TRAITS = [(re.compile(p, re.I), prop, value) for p, prop, value in TRAITS]
# "risky aerial and naval routes": the adjective of the route itself (and of the one coordinated with it)
_RISKY_BEFORE = re.compile(r"\b(?:risky|dangerous)\s+(?:[a-z]+\s+(?:and|or)\s+)?$", re.I)
# "… can accommodate more goods than trucks or planes": the vehicles of the routes compared, and their mode
_VEHICLES = {"trucks": "land", "lorries": "land", "planes": "air", "aircraft": "air", "airplanes": "air", "ships": "sea",
             "vessels": "sea"}
_VEHICLE = "(?:" + "|".join(_VEHICLES) + ")"
_MORE_THAN = re.compile(r"\s+(?:can\s+|could\s+)?(?:accommodate|carry|move|transport|hold)\s+(?:many\s+|much\s+|far\s+)?(?:more|greater)"
                        rf"\s+(?:\w+\s+){{0,2}}?than\s+({_VEHICLE}(?:(?:,\s*|\s+or\s+|\s+and\s+){_VEHICLE})*)", re.I)
# Where a clause ends (a sentence's "." is the end of an abbreviation: "the U.S.")
_BREAK = re.compile(r"[;:]|\bbut\b|\bwhile\b|\bwhereas\b", re.I)
_STOP = re.compile(r"[;:]|\bwhile\b|\bwhereas\b", re.I)


def compared_capacity(proposer: Proposer, text: str, nodes: list[Node], labels: dict[str, str]) -> list[Proposed]:
    """"Sea vessels can accommodate more goods than trucks or planes": the route carries more than the register's one
    route of each mode the vehicles after "than" stand for (trucks: land, planes: air, ships: sea), by its label."""
    out = []
    for route in [n for n in nodes if n.kind not in ("demonym", "unsure") and proposer.ontology.is_subclass(n.type, LB + "Route")]:
        m = _MORE_THAN.match(text, route.end)
        if m is None:
            continue
        for word in re.findall(r"\w+", m.group(1)):
            mode = _VEHICLES.get(word.lower())
            found = [e for e, label in labels.items() if mode and re.search(rf"\b{mode}\b", label, re.I) and e in proposer.types
                     and proposer.ontology.is_subclass(proposer.types[e], LB + "Route")]
            if len(found) == 1 and found[0] != route.id:
                out.append(Proposed(route.id, "capacityGreaterThan", found[0], f"{route.words!r}{m.group(0)}: more than the "
                                                                                 f"{labels[found[0]]} ({word})"))
    return out


def trait_facts(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[route, advantage or limitation, characteristic] for the words of a trait that follow a route or crossing the
    sentence names, in the same clause (the one named last before the words), and for "risky" right before it."""
    routes = [n for n in nodes if n.kind not in ("demonym", "unsure") and any(
        proposer.ontology.is_subclass(n.type, LB + c) for c in ("Route", "Crossing"))]
    out = []
    for pattern, prop, value in _TRAITS:
        for m in pattern.finditer(text):
            route = next((r for r in reversed(routes) if r.end <= m.start()), None)
            # "X can carry more goods, but the U.S. has interdicted shipments": the clause "but" opens gives X's drawback
            stop = _STOP if prop == "limitation" else _BREAK
            if route is None or stop.search(text, route.end, m.start()):
                continue
            out.append(Proposed(route.id, prop, value, f"{route.words!r} … {m.group(0)!r}: a {prop} of {value}"))
    for route in routes:
        m = _RISKY_BEFORE.search(text, 0, route.start)
        if m:
            out.append(Proposed(route.id, "limitation", "risk", f"{m.group(0).strip()!r} {route.words!r}: a limitation of risk"))
    return out
