"""Routes a sentence describes rather than names: "the first land route from Baghdad to Damascus", "Between Baghdad
and Damascus there are two main overland routes", "one is shorter and runs from Baghdad to Damascus through the
al-Tanef Crossing", "the longer route". Such a description is taken for the register's route whose ends and stops
agree with it, as the other documents' reviewed statements give them (origin, destination, passesThrough, hasWaypoint)
or as its label words them ("Baghdad–Damascus route via Albu Kamal": from Baghdad to Damascus, by Albu Kamal). Where
the ends fit several routes, a place the sentence names that only one of them passes, or a word the document has said
of one (shorter, longer; "the other" of two it introduced together), decides; otherwise nothing is proposed.

The resolved route gets the facts the sentence states of it: its ends (origin, destination), its mode ("land",
"overland"), its stops in order from start to end ("runs from X through Y to Z": hasWaypoint), the crossings and border
it passes ("crosses the border at Albukamal"), its length against the other ("shorter", "longer": advantage or
limitation distance), status open ("opened the first land route"), the terrain it avoids ("did not cross terrain held
by U.S. troops"), who cannot use it ("cannot make logistic use of the route") or uses it ("Although using the route …,
the Iranians give it priority"), the alternative the other route of a pair is, what it carries (kg.route_cues) and the
limitations its clause gives (kg.route_traits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .compare import Known
from .mentions import Matcher
from .names import fold
from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .relation_cues import FROM, TO
from .route_cues import route_facts
from .route_traits import traits_after

# A register label that words a route by its ends, and maybe a stop: "Baghdad–Damascus route via Albu Kamal".
_LABEL = re.compile(r"^(?P<a>[^–—]+?)\s*[–—]\s*(?P<b>[^–—]+?)\s+(?:route|road|highway|corridor)\b(?:\s+(?:via|through)\s+(?P<via>.+))?$",
                    re.I)
_MODE = r"(?:land|overland|road)"
# One route described: "the first land route", "the shorter route", "the other route", "the route".
_ONE = re.compile(rf"\b(?P<det>the|this|that|its|one)\s+(?P<adjs>(?:(?:first|only|main|shorter|longer|other|second|same)\s+)*)"
                  rf"(?P<mode>{_MODE}\s+)?route\b(?![-\w])", re.I)
# "one is shorter", "The other route is longer": one of a pair the text introduced.
_ONE_OF = re.compile(r"\b(?P<det>one|the other)(?:\s+route)?\s+(?:is|was)\s+(?:much\s+|far\s+)?(?P<adjs>shorter|longer)\b", re.I)
# Several routes described: "two main overland routes".
_SEVERAL = re.compile(rf"\b(?P<count>two|three|both)\s+(?:(?:main|major|principal|possible|different)\s+)*(?P<mode>{_MODE}\s+)?routes\b",
                      re.I)
_COUNTS = {"two": 2, "three": 3}
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_AND = re.compile(r"^\s+and\s+$", re.I)
_VIA = re.compile(r"\b(?:through|via|across|at)\s+(?:the\s+)?$", re.I)
_RUNS = re.compile(r"\b(?:runs?|running|goes|going|leads?|leading|stretch(?:es|ing)?)\s+from\b", re.I)
_CROSSES_BORDER = re.compile(r"\bcross(?:es|ing)?\s+the\s+border\s+at\s+$", re.I)
_OPENED = re.compile(r"\b(?:re-?)?open(?:ed|s|ing)?\s+(?:up\s+)?$", re.I)
_HELD = r"(?:the\s+)?(?:terrain|territory|areas?|land)\s+(?:held|controlled)\s+by\b"
_AVOIDS = re.compile(rf"\b(?:(?:did|does|do)\s+not|never)\s+cross\s+{_HELD}|\bavoid(?:s|ed|ing)?\s+{_HELD}", re.I)
_CANNOT_USE = re.compile(r"\bcan(?:no|')t\s+(?:make\s+(?:\w+\s+)?use\s+of|use)\b|\bunable\s+to\s+use\b|\bnot\s+practical\b", re.I)
_CLAUSE_END = re.compile(r"[;:!?()]|\.(?!\w)|\b(?:but|while|whereas|although|because)\b", re.I)
# A word after a country's name that makes the words its forces, not the country: "U.S. troops".
_TROOPS = re.compile(r"\s+(troops|forces|soldiers|fighters|army)\b", re.I)
_FORCE_WORDS = ("forces", "troops")
_IT_IS = re.compile(r"\b(?:it|which)\s+(?:is|was)\s+(?:\w+\s+)?$", re.I)
# A clause that opens on using a route: its user is the subject of the main clause after it.
_USING = re.compile(r"(?:^|\b(?:although|though|while|despite|by)\s+)using\s+$", re.I)
_RECENT = 3  # "the route" is the route described last only within this many sentences


@dataclass
class RouteEnds:
    """What the register and the other documents say of a route: its ends and the places it passes."""

    origin: str | None = None
    destination: str | None = None
    via: set[str] = field(default_factory=set)
    via_names: set[str] = field(default_factory=set)  # folded words of the stop its label names ("albu kamal")


class DescribedRoutes:
    """The register's routes by their ends and stops, and what the document has said of each so far."""

    def __init__(self, proposer: Proposer, entities: dict, known: Known, matcher: Matcher):
        self.proposer = proposer
        self.routes: dict[str, RouteEnds] = {}
        self.known = known
        self.names = {e.id: {fold(n) for n in (e.label, *e.aliases)} for e in entities.values()}
        for ent in entities.values():
            if ent.id in proposer.new or not self._is(ent.id, "Route"):
                continue
            ends = RouteEnds()
            ends.origin = _first(known, ent.id, "origin")
            ends.destination = _first(known, ent.id, "destination")
            ends.via = {k.split("#", 1)[0] for p in ("passesThrough", "hasWaypoint")
                        for k, _ in known.by_subject_property.get((ent.id, p), [])}
            m = _LABEL.match(ent.label)
            if m:
                ends.origin = ends.origin or _one(matcher, m.group("a"))
                ends.destination = ends.destination or _one(matcher, m.group("b"))
                if m.group("via"):
                    ends.via_names.add(fold(m.group("via")))
                    if (place := _one(matcher, m.group("via"))) is not None:
                        ends.via.add(place)
            ends.via -= {ends.origin, ends.destination}
            if ends.origin or ends.destination or ends.via:
                self.routes[ent.id] = ends
        self.said: dict[str, set[str]] = {}  # route -> the comparative words the document has said of it
        self.pair: list[str] = []  # the routes the document last introduced together
        self.last: str | None = None  # the route the document described last
        self.last_at = self.sentence = 0  # the sentence that described it; the sentence being read

    def facts(self, text: str, nodes: list[Node]) -> list[Proposed]:
        """The facts a sentence states of the routes it describes."""
        self.sentence += 1
        text = text.replace("*", " ")  # emphasis marks stand where spaces would: the offsets stay the nodes'
        nodes = [n for n in nodes if n.kind not in ("unsure",)]
        out: list[Proposed] = []
        taken: list[tuple[int, int]] = []
        for m in _SEVERAL.finditer(text):
            taken.append(m.span())
            out += self._several(text, nodes, m)
        for pattern in (_ONE_OF, _ONE):
            for m in pattern.finditer(text):
                if any(s < m.end() and m.start() < e for s, e in taken) or any(n.start < m.end() and m.start() < n.end for n in nodes
                                                                                if n.kind != "reference"):
                    continue
                taken.append(m.span())
                out += self._one(text, nodes, m)
        return out

    def _several(self, text: str, nodes: list[Node], m: re.Match) -> list[Proposed]:
        ends = self._ends(text, nodes, m)
        if ends is None:
            return []
        found = [r for r, e in self.routes.items() if {e.origin, e.destination} == set(ends)]
        count = _COUNTS.get(m.group("count").lower())
        if len(found) < 2 or count is not None and len(found) != count:
            return []
        self.pair, self.last = sorted(found), None
        out = []
        for route in self.pair:
            out += self._ends_facts(route, m.group(0))
            if m.group("mode"):
                out.append(Proposed(route, "mode", "land", f"{m.group(0)!r}: a land route by its words"))
        if len(self.pair) == 2:
            out.append(Proposed(self.pair[0], "alternativeTo", self.pair[1], f"{m.group(0)!r}: two routes between the same places"))
        return out

    def _one(self, text: str, nodes: list[Node], m: re.Match) -> list[Proposed]:
        words = _plain(m.group(0))
        adjs = {w.lower() for w in (m.group("det") + " " + m.group("adjs")).split()} - {"the", "this", "that", "its", "one"}
        clause_end = _clause_end(text, m.end())
        after = [n for n in nodes if m.end() <= n.start < clause_end and n.kind != "demonym"]
        ends = self._ends(text, nodes, m)
        places = {n.id for n in nodes if n.kind != "demonym"}
        candidates = list(self.routes)
        if ends is not None:
            candidates = [r for r in candidates if (self.routes[r].origin, self.routes[r].destination) == ends]
        elif m.group("det").lower() == "one" or "other" in adjs:
            candidates = [r for r in self.pair if not ("other" in adjs and r == self.last)] if self.pair else []
        elif adjs & {"shorter", "longer"}:
            candidates = [r for r in candidates if adjs & self.said.get(r, set())] or \
                [r for r in candidates if self.routes[r].via & places or self._named_via(r, nodes)]
        elif self.last is not None and self.sentence - self.last_at <= _RECENT and not adjs:
            candidates = [self.last]
        elif self.last is not None and self.last_at == self.sentence and adjs <= {"only", "main", "same"} \
                and _IT_IS.search(text[:m.start()]):
            candidates = [self.last]  # "the longer route is important because it is the only overland route"
        else:
            return []
        if len(candidates) > 1:
            candidates = [r for r in candidates if self.routes[r].via & places or self._named_via(r, nodes)]
        if len(candidates) != 1:
            return []
        route = candidates[0]
        self.last, self.last_at = route, self.sentence
        self.said.setdefault(route, set()).update(adjs & {"shorter", "longer"})
        out = []
        if ends is not None:
            out += self._ends_facts(route, words)
        if m.groupdict().get("mode"):
            out.append(Proposed(route, "mode", "land", f"{words!r}: a land route by its words"))
        for adj, prop in (("shorter", "advantage"), ("longer", "limitation")):
            if adj in adjs:
                out.append(Proposed(route, prop, "distance", f"{words!r}: {adj} than the other route"))
        if _OPENED.search(text[:m.start()]):
            out.append(Proposed(route, "status", "open", f"{words!r}, opened"))
        for n in nodes:
            if n.kind != "demonym" and n.id in self.routes[route].via | self._named_via(route, nodes) and self._is(n.id, "Place") \
                    and not self._is(n.id, "Country"):
                out.append(Proposed(route, "passesThrough", n.id, f"{words!r}: a place the route passes, as the register has it"))
        stops = self._stops(route, text, nodes, m)
        waypoints = {f.object["place"] for f in stops if f.property == "hasWaypoint"}
        out = [f for f in out if not (f.property == "passesThrough" and f.object in waypoints)] + stops  # the stop says more
        out += self._actors(route, text, nodes, m, words, clause_end)
        node = Node(m.start(), m.end(), route, self.proposer.types[route], words, "reference", "a route the text describes")
        out += [f for f in route_facts(self.proposer, text, [node] + after) if f.subject == route and f.property == "cargo"]
        if not adjs:  # "using the route presents security difficulties": the traits of its clause, as for a named route
            out += [f for f in traits_after(route, words, text, m.end()) if f.property == "limitation"]
        return out

    def _ends(self, text: str, nodes: list[Node], m: re.Match) -> tuple[str, str] | None:
        """The two places a description gives as its ends: "from X to Y" right after it, or "between X and Y" in the
        sentence."""
        places = [n for n in nodes if n.kind != "demonym" and self._is(n.id, "Place")]
        for a, b in zip(places, places[1:], strict=False):
            if _BETWEEN.search(text[:a.start]) and _AND.match(text[a.end:b.start]):
                return a.id, b.id
            if m.end() <= a.start and len(text[m.end():a.start]) <= 20 and FROM.search(text[m.end():a.start]) \
                    and TO.search(text[a.end:b.start]) and len(text[a.end:b.start]) <= 10:
                return a.id, b.id
        return None

    def _ends_facts(self, route: str, words: str) -> list[Proposed]:
        ends = self.routes[route]
        out = []
        if ends.origin:
            out.append(Proposed(route, "origin", ends.origin, f"{words!r}: the route from {ends.origin} the register has"))
        if ends.destination:
            out.append(Proposed(route, "destination", ends.destination, f"{words!r}: the route to {ends.destination} the register has"))
        return out

    def _stops(self, route: str, text: str, nodes: list[Node], m: re.Match) -> list[Proposed]:
        """"runs from X through Y to Z": X first, the places it goes through in order, Z last; "crosses the border at W":
        the border, and the one crossing at W, passed."""
        runs = _RUNS.search(text, m.end())
        if runs is None or runs.start() - m.end() > 40:
            return []
        end = _clause_end(text, runs.end(), stops=r"[;:!?()]|\.(?!\w)")
        inside = [n for n in nodes if runs.end() <= n.start < end and n.kind != "demonym"]
        if not inside or not FROM.search(text[:inside[0].start]):
            return []
        first, middle, last = inside[0], [], None
        out = []
        for n in inside[1:]:
            before = text[:n.start]
            if _CROSSES_BORDER.search(before):
                middle.append(n)
                out += self._border_at(route, n, nodes)
            elif _VIA.search(before):
                middle.append(n)
                if self._is(n.id, "Crossing"):
                    out.append(Proposed(route, "passesThrough", n.id, f"the route runs through {n.words!r}"))
            elif TO.search(before) and last is None:
                last = n
        stops = [first] + middle + ([last] if last else [])
        if len(stops) < 3:
            return out
        return out + [Proposed(route, "hasWaypoint", {"place": n.id, "sequence": i},
                               f"stop {i} of the route as the text runs it: {n.words!r}") for i, n in enumerate(stops, 1)]

    def _border_at(self, route: str, place: Node, nodes: list[Node]) -> list[Proposed]:
        out = []
        border = [n.id for n in nodes if n.kind == "reference" and self._is(n.id, "Border")]
        names = self.names.get(place.id, set()) | {fold(place.words)}
        crossings = [c for c, cn in self.names.items() if self._is(c, "Crossing") and c not in self.proposer.new
                     and any(re.search(rf"\b{re.escape(a)}\b", b) for a in names for b in cn)]
        if len(crossings) == 1:
            out.append(Proposed(route, "passesThrough", crossings[0], f"the route crosses the border at {place.words!r}: the one "
                                                                     "crossing there"))
            border = border or [_first(self.known, crossings[0], "onBorder")]  # the border the crossing is on
        if border and border[0]:
            out.append(Proposed(route, "passesThrough", border[0], f"the route crosses the border at {place.words!r}"))
        return out

    def _actors(self, route: str, text: str, nodes: list[Node], m: re.Match, words: str, clause_end: int) -> list[Proposed]:
        out = []
        avoid = _AVOIDS.search(text, m.end(), min(len(text), m.end() + 80))
        if avoid:
            stop = _clause_end(text, avoid.end(), stops=r"[;:!?()]|\.(?!\w)")
            for n in nodes:
                if not (avoid.end() <= n.start < stop) or n.kind == "demonym" or not self._is(n.id, "Actor"):
                    continue
                troops = _TROOPS.match(text[n.end:])
                actor = self._forces_of(n.words, troops.group(1)) if troops else n.id
                if actor:
                    out.append(Proposed(route, "avoidsTerrainOf", actor, f"{words!r} {_plain(avoid.group(0))!r} "
                                                                         f"{text[n.start:troops.end() + n.end if troops else n.end]!r}"))
        cue = _CANNOT_USE.search(text)
        gerund = _USING.search(text[:m.start()])
        if gerund and cue is None:  # "Although using the route …, the Iranians give it priority": the main clause's subject
            comma = re.compile(r",(?![^()]*\))").search(text, m.end())
            main = [n for n in nodes if comma and n.start >= comma.end() and n.start - comma.end() <= 20 and self._is(n.id, "Actor")]
            if main:
                out.append(Proposed(route, "usedBy", main[0].id, f"{_plain(gerund.group(0))!r} {words!r}, {main[0].words!r}"))
        if cue:  # the actor the clause of the cue names before it: "For the Iranians, using …", "Iran cannot make use of"
            start = max([0] + [s.end() for s in _CLAUSE_END.finditer(text, 0, cue.start())])
            actors = [n for n in nodes if start <= n.start and n.end <= cue.start() and self._is(n.id, "Actor")
                      and not _TROOPS.match(text[n.end:])]
            if actors:
                out.append(Proposed(route, "cannotBeUsedBy", actors[-1].id, f"{actors[-1].words!r} … {_plain(cue.group(0))!r} {words!r}"))
        return out

    def _forces_of(self, country_words: str, noun: str) -> str | None:
        """"U.S. troops": the one register actor named by the country's words and a word for its forces ("U.S. forces")."""
        wanted = {f"{fold(country_words)} {w}" for w in {noun.lower(), *_FORCE_WORDS}}
        found = [e for e, names in self.names.items() if names & wanted and self._is(e, "Actor")]
        return found[0] if len(found) == 1 else None

    def _named_via(self, route: str, nodes: list[Node]) -> set[str]:
        """The sentence's places whose names hold the stop the route's label names (al-Tanf: the al-Tanef Crossing)."""
        stops = self.routes[route].via_names
        return {n.id for n in nodes if n.kind != "demonym" and any(re.search(rf"\b{re.escape(s)}\b", name)
                                                                   for s in stops for name in self.names.get(n.id, set()))}

    def _is(self, ent_id: str, cls: str) -> bool:
        t = self.proposer.types.get(ent_id)
        return t is not None and self.proposer.ontology.is_subclass(t, LB + cls)


def _plain(words: str) -> str:
    return " ".join(words.split())


def _first(known: Known, subject: str, prop: str) -> str | None:
    values = known.by_subject_property.get((subject, prop), [])
    return values[0][0] if values else None


def _one(matcher: Matcher, words: str) -> str | None:
    """The register entry a part of a label names as a whole."""
    found = [m for m in matcher.find(words) if m.entity is not None]
    return found[0].entity if len(found) == 1 and found[0].start == 0 and found[0].end == len(words) else None


def _clause_end(text: str, start: int, stops: str | None = None) -> int:
    m = re.compile(stops, re.I).search(text, start) if stops else _CLAUSE_END.search(text, start)
    return m.start() if m else len(text)
