"""The stops of a named route in order, as the document gives them over its sentences: "an Iranian land bridge through
Iraq to Syria and from there to Lebanon", then "The land bridge from Iran to Syria and from Syria to Lebanon through
the Albukamal border crossing". Each sentence gives an order of places after the route's name (from, through, to); the
orders are merged into one for the document, the place a "from" opens with first, and a crossing that the other
documents say connects two of the places goes between them. The ontology's `hasWaypoint` numbers a route's stops
from its origin (waypoint 1): the stops of a sentence are proposed only once the merged order starts at an origin, each
with its place in that order, and only the places the sentence itself names.
"""

from __future__ import annotations

import re

from .compare import Known
from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .relation_cues import FROM, THROUGH, TO

_AND = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$", re.I)
_BREAK = re.compile(r"[.;:!?()]")
_CROSSING = re.compile(r"^\s+(?:border\s+)?crossing\b", re.I)  # a place's name in a crossing's


class RouteStops:
    """The merged order of each named route's stops over the document so far."""

    def __init__(self, proposer: Proposer, known: Known):
        self.proposer, self.known = proposer, known
        self.orders: dict[str, list[str]] = {}
        self.origins: dict[str, str] = {}

    def facts(self, text: str, nodes: list[Node]) -> list[Proposed]:
        """[route, hasWaypoint, {place, sequence}] for the stops a sentence names after a route."""
        text = text.replace("*", " ")
        out = []
        for route in nodes:
            if route.kind not in ("linked", "new", "reference") or not self._is(route.id, "Route"):
                continue
            seq, origin = self._sequence(text, route, nodes)
            if len(seq) < 2:
                continue
            if origin:
                self.origins[route.id] = origin
            order = self._merge(route.id, seq)
            if not order or order[0] != self.origins.get(route.id):
                continue
            for place in seq:
                n = order.index(place) + 1
                out.append(Proposed(route.id, "hasWaypoint", {"place": place, "sequence": n},
                                    f"{route.words!r}: stop {n} in the order the document gives its places ({', '.join(order)})"))
        return out

    def _sequence(self, text: str, route: Node, nodes: list[Node]) -> tuple[list[str], str | None]:
        """The places of the clause after a route, in the order its prepositions give; and the one "from" opens with."""
        stop = _BREAK.search(text, route.end)
        end = stop.start() if stop else len(text)
        seq: list[str] = []
        through: list[str] = []  # "through" places after the last "to": placed where the crossings' ends put them
        origin = None
        last = None
        for n in nodes:
            if not (route.end <= n.start < end) or n.kind == "demonym" or n.id == route.id:
                continue
            place = self._crossing_at(n.id) if _CROSSING.match(text[n.end:]) else n.id
            if place is None or not self._is(place, "Place"):
                if self._is(n.id, "Route"):
                    break  # another route's places
                continue
            before = text[:n.start]
            if FROM.search(before):
                if not seq and not through:
                    origin = place
                if place not in seq:
                    seq.append(place)
            elif THROUGH.search(before):
                (through if seq and TO.search(text[:_start_of(text, last)]) else seq).append(place)
            elif TO.search(before) or (last is not None and _AND.match(text[last.end:n.start])):
                seq.append(place)
            elif self._is(place, "Country"):
                continue  # a country named as an actor ("allows Iran to send …")
            else:
                break  # a place the route's words do not lead to: the words are about another thing's places
            last = n
        for place in through:
            if place not in seq:
                seq.append(place)
        return [p for i, p in enumerate(seq) if p not in seq[:i]], origin

    def _merge(self, route: str, seq: list[str]) -> list[str]:
        order = self.orders.setdefault(route, [])
        for i, place in enumerate(seq):
            if place in order:
                continue
            if self._is(place, "Crossing"):
                ends = [order.index(p) for p in self._connects(place) if p in order]
                if len(ends) >= 2:
                    order.insert(min(ends) + 1, place)
                    continue
            if place == self.origins.get(route):
                order.insert(0, place)
            elif i > 0 and seq[i - 1] in order:
                order.insert(order.index(seq[i - 1]) + 1, place)
            else:
                order.append(place)
        return order

    def _crossing_at(self, place: str) -> str | None:
        """"the Albukamal border crossing": the one crossing the other documents say connects the place."""
        found = {s for (s, p), values in self.known.by_subject_property.items() if p == "connects" and any(v == place for v, _ in values)
                 and self._is(s, "Crossing")}
        return found.pop() if len(found) == 1 else None

    def _connects(self, crossing: str) -> list[str]:
        return [k for k, _ in self.known.by_subject_property.get((crossing, "connects"), [])]

    def _is(self, ent_id: str, cls: str) -> bool:
        t = self.proposer.types.get(ent_id)
        return t is not None and self.proposer.ontology.is_subclass(t, LB + cls)


def _start_of(text: str, node: Node | None) -> int:
    return node.start if node is not None else len(text)
