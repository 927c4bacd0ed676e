"""Who relies on a route the text words by its mode or vehicles, what it carries, and the route meant to replace it:
"Iran has relied mainly on commercial aircraft for the transport of weapons and fighters" (the air route is used by
Iran and carries weapons and fighters), "the land bridge will enable it to reduce its dependence on risky aerial and
naval routes" (Iran uses both, and the land bridge, their alternative). As in kg.mode_routes, the route of a mode is
the register's one route of that mode's class (an AirBridge for air, a SeaRoute for sea), where it has exactly one.
The ontology's `usedBy` (a feature used by an actor), `cargo` and `alternativeTo` (symmetric: a route or crossing that
can serve instead of another).
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_CLASSES = {"aerial": "AirBridge", "air": "AirBridge", "aircraft": "AirBridge", "planes": "AirBridge", "airplanes": "AirBridge",
            "naval": "SeaRoute", "sea": "SeaRoute", "maritime": "SeaRoute", "vessels": "SeaRoute", "ships": "SeaRoute",
            "tankers": "SeaRoute"}
_MODE_WORD = re.compile(r"\b(?:" + "|".join(_CLASSES) + r")\b", re.I)
# Relying on routes or vehicles: the cue, then a few words ending in the routes' or vehicles' noun.
_RELY = re.compile(r"\b(?P<cue>(?:dependence|reliance|dependent|relie[sd]|rely(?:ing)?|depend(?:s|ed|ing)?)\s+(?:\w+\s+)?on)\s+"
                   r"(?P<what>(?:[\w-]+,?\s+){0,6}?(?:routes?|corridors?|bridges?|aircraft|planes|airplanes|vessels|ships|tankers))\b",
                   re.I)
_REDUCE = re.compile(r"\b(?:reduc\w*|lessen\w*|end(?:s|ed|ing)?|cut(?:s|ting)?)\s+(?:its\s+|their\s+|the\s+)?$", re.I)
_FOR_CARRYING = re.compile(r"^\s*(?:for\s+(?:the\s+)?(?:transport(?:ation)?|shipment|delivery|carrying)\s+of|"
                           r"to\s+(?:transport|carry|ship|deliver|move|send))\s+$", re.I)
_AND = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)$", re.I)


def route_uses(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[route, usedBy, actor], [route, cargo, commodity] and [other route, alternativeTo, route] for the routes of a
    sentence worded by their mode or vehicles after a word of relying on them."""
    text = text.replace("*", " ")
    out = []
    for m in _RELY.finditer(text):
        routes = []
        for word in _MODE_WORD.findall(m.group("what")):
            found = [e for e, t in proposer.types.items() if t == LB + _CLASSES[word.lower()] and e not in proposer.new]
            if len(found) == 1 and found[0] not in routes:
                routes.append(found[0])
        if not routes:
            continue
        what = m.group("what")
        before = [n for n in nodes if n.end <= m.start() and n.kind != "unsure"]
        actors = [n for n in before if _is(proposer, n, "Actor") and not re.match(r"\s+(?:troops|forces)\b", text[n.end:])]
        if actors:
            out += [Proposed(r, "usedBy", actors[-1].id, f"{actors[-1].words!r} … {m.group('cue')!r} {what!r}") for r in routes]
        others = [n for n in before if n.kind in ("linked", "new") and _is(proposer, n, "Route") and n.id not in routes]
        if others and _REDUCE.search(text[:m.start()]):
            out += [Proposed(others[-1].id, "alternativeTo", r, f"{others[-1].words!r} … to reduce {m.group('cue')!r} {what!r}")
                    for r in routes]
            if actors:  # the route that lets the actor rely less on the others is one it uses
                out.append(Proposed(others[-1].id, "usedBy", actors[-1].id, f"{others[-1].words!r} lets {actors[-1].words!r} reduce "
                                                                             f"{m.group('cue')!r} {what!r}"))
        out += _cargo(proposer, text, nodes, m.end(), routes, what)
    return out


def _cargo(proposer: Proposer, text: str, nodes: list[Node], end: int, routes: list[str], what: str) -> list[Proposed]:
    """The commodities "for the transport of" names right after the vehicles, and those coordinated with them."""
    goods = []
    for n in [n for n in nodes if n.start >= end]:
        gap = text[goods[-1].end if goods else end:n.start]
        if not _is(proposer, n, "Commodity") or not (_AND.match(gap) if goods else _FOR_CARRYING.match(gap)):
            break
        goods.append(n)
    return [Proposed(r, "cargo", n.id, f"{what!r} for carrying {n.words!r}") for r in routes for n in goods]


def _is(proposer: Proposer, node: Node, cls: str) -> bool:
    return proposer.ontology.is_subclass(node.type, LB + cls)
