"""Where a route the text names starts and ends, from the words right after its name: "the land bridge from Iran to
Syria" (origin Iran), "the land bridge Iran seeks to construct between its territory and the Mediterranean Sea"
(origin Iran, whose territory it is; destination the Mediterranean Sea). The ontology's `origin` and `destination` of a
route; kg.route_cues gives the destination a "to" names after a route.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_FROM = re.compile(r"^[\s”\"’]*(?:(?:that|which)\s+)?(?:(?:runs?|running|stretch(?:es|ing)?|extend(?:s|ing)?|leads?|leading)\s+)?"
                   r"from\s+(?:the\s+)?$", re.I)
_BETWEEN = re.compile(r"\bbetween\s+(?:(?P<own>(?:its|their)\s+(?:own\s+)?territory)|(?:the\s+)?)", re.I)
_AND = re.compile(r"^\s+and\s+(?:the\s+)?$", re.I)
_BREAK = re.compile(r"[.;:!?()]|\b(?:but|while|whereas|although|because)\b", re.I)
_WINDOW = 60  # characters from the route's name to "between"


def route_ends(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[route, origin, place] and [route, destination, place] from "from X" and "between X and Y" after a route's name."""
    text = text.replace("*", " ")
    out = []
    nodes = [n for n in nodes if n.kind != "unsure"]
    for i, route in enumerate(nodes):
        if route.kind not in ("linked", "new") or not _is(proposer, route, "Route"):
            continue
        after = [n for n in nodes[i + 1:] if n.kind != "demonym"]
        if after and _is(proposer, after[0], "Place") and _FROM.match(text[route.end:after[0].start]):
            out.append(Proposed(route.id, "origin", after[0].id, f"{route.words!r} from {after[0].words!r}"))
            continue
        stop = _BREAK.search(text, route.end)
        window = text[route.end:min(stop.start() if stop else len(text), route.end + _WINDOW)]
        m = _BETWEEN.search(window)
        if m is None:
            continue
        at = route.end + m.end()
        places = [n for n in after if n.start >= at and _is(proposer, n, "Place")]
        if m.group("own"):  # "between its territory and Y": the country named between the route and "between"
            owners = [n for n in nodes[i + 1:] if n.end <= route.end + m.start() and _is(proposer, n, "Country")]
            if len(owners) != 1 or not places or not _AND.match(text[at:places[0].start]):
                continue
            origin, destination = owners[0], places[0]
        elif len(places) >= 2 and places[0].start == at and _AND.match(text[places[0].end:places[1].start]):
            origin, destination = places[0], places[1]
        else:
            continue
        why = f"{route.words!r} between {origin.words!r} and {destination.words!r}"
        out += [Proposed(route.id, "origin", origin.id, why), Proposed(route.id, "destination", destination.id, why)]
    return out


def _is(proposer: Proposer, node: Node, cls: str) -> bool:
    return proposer.ontology.is_subclass(node.type, LB + cls)
