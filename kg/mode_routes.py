"""Routes a sentence words by how they go rather than by name: "risky aerial and naval routes", "Sea vessels can
accommodate more goods than trucks", "relied mainly on commercial aircraft for the transport of weapons". Each is the
register's one route of the class of that mode (an AirBridge for air, a SeaRoute for sea), where the register has exactly
one: it gets its `mode`, and the traits the words before it and the clause after it give (kg.route_traits). Vehicles
stand for their route only where the sentence is about carrying (a plane that strikes is no air bridge)."""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Proposed, Proposer
from .route_traits import traits_after, traits_before

_MODE_WORDS = {"aerial": "air", "air": "air", "naval": "sea", "sea": "sea", "maritime": "sea"}
_MODE = "(?:aerial|air|naval|sea|maritime)"
_ROUTES = re.compile(rf"\b(?P<modes>{_MODE}(?:(?:,\s*|\s+(?:and|or)\s+){_MODE})*)\s+(?:routes?|corridors?)\b", re.I)
_VEHICLES = {"vessels": "sea", "ships": "sea", "tankers": "sea", "aircraft": "air", "planes": "air", "airplanes": "air"}
_VEHICLE = re.compile(rf"\b(?:{_MODE}\s+|cargo\s+|commercial\s+)?(?P<vehicle>{'|'.join(_VEHICLES)})\b", re.I)
_CARRYING = re.compile(r"\b(?:transport\w*|carr(?:y|ies|ying|ied)|accommodate|goods|cargo|shipments?|supplies|capacity)\b", re.I)
_CLASSES = {"air": "AirBridge", "sea": "SeaRoute"}


def mode_routes(proposer: Proposer, text: str) -> list[Proposed]:
    """[route, mode, air | sea] and its traits for the routes a sentence words by their mode or vehicles."""
    found = []  # (mode, start, end, words)
    for m in _ROUTES.finditer(text):
        found += [(_MODE_WORDS[w.lower()], m.start(), m.end(), m.group(0)) for w in re.findall(_MODE, m.group("modes"), re.I)]
    if _CARRYING.search(text):
        found += [(_VEHICLES[m.group("vehicle").lower()], m.start(), m.end(), m.group(0)) for m in _VEHICLE.finditer(text)]
    out = []
    for mode, start, end, words in found:
        routes = [e for e, t in proposer.types.items() if t == LB + _CLASSES[mode] and e not in proposer.new]
        if len(routes) != 1:
            continue
        out.append(Proposed(routes[0], "mode", mode, f"{words!r}: the register's one {_CLASSES[mode]}"))
        out += traits_before(routes[0], words, text, start) + traits_after(routes[0], words, text, end)
    return out
