"""Routes a sentence gives by how goods go and where to: "moves weapons by road across Iraq into Syria, by air on cargo
flights to Damascus, and by sea on tankers bound for the coast". Each "by road", "by air", "by sea" after a verb of
carrying stands for the register's one route of that mode (a LandBridge, an AirBridge, a SeaRoute): it gets its `mode`,
the places its phrase goes "across", "through" or "via" (passesThrough) and the one it goes "to", "into" or is "bound
for" (destination). The phrase runs to the next comma, semicolon or "by"."""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .relation_cues import THROUGH, TO

_MODES = {"road": "land", "land": "land", "truck": "land", "air": "air", "plane": "air", "sea": "sea", "ship": "sea"}
_CLASSES = {"land": "LandBridge", "air": "AirBridge", "sea": "SeaRoute"}
_BY = re.compile(r"\bby\s+(road|land|truck|air|plane|sea|ship)\b", re.I)
_CARRY = re.compile(r"\b(?:mov(?:e|es|ed|ing)|sen(?:d|ds|t|ding)|ship(?:s|ped|ping)?|transport\w*|carr(?:y|ies|ied|ying)"
                    r"|smuggl\w*|deliver\w*|suppl(?:y|ies|ied|ying)|ferr(?:y|ies|ied|ying)|routes?|brought|bring\w*)\b", re.I)
_PHRASE_END = re.compile(r"[,;:.!?()]|\bby\s+(?:road|land|truck|air|plane|sea|ship)\b", re.I)


def by_mode(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[route, mode, land | air | sea], and its passesThrough and destination, for each "by road/air/sea" of carrying."""
    out = []
    for m in _BY.finditer(text):
        if not _CARRY.search(text, 0, m.start()):
            continue
        mode = _MODES[m.group(1).lower()]
        routes = [e for e, t in proposer.types.items() if t == LB + _CLASSES[mode] and e not in proposer.new]
        if len(routes) != 1:
            continue
        route = routes[0]
        end = _PHRASE_END.search(text, m.end())
        stop = end.start() if end else len(text)
        out.append(Proposed(route, "mode", mode, f"{m.group(0)!r}: the register's one {_CLASSES[mode]}"))
        places = [n for n in nodes if m.end() <= n.start and n.end <= stop and n.kind in ("linked", "new")
                  and proposer.ontology.is_subclass(n.type, LB + "Place")]
        for n in places:
            before = text[m.end():n.start]
            for cue, prop in ((THROUGH, "passesThrough"), (TO, "destination")):
                if cue.search(before):
                    route_node = Node(m.start(), m.end(), route, proposer.types[route], m.group(0))
                    if proposer.allowed(route_node, prop, n):
                        out.append(Proposed(route, prop, n.id, f"{m.group(0)!r} … {before.strip()!r} {n.words!r}"))
    return out
