"""The register's events as the other documents' statements describe them (dates, places, agents), so that a sentence's
event is recognised as one the register has rather than proposed again."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .namespaces import LB
from .ontology import Ontology

if TYPE_CHECKING:
    from .propose import Node

# The properties that tie an event to the things that take part in it (what kg.event_roles recognises an event by).
ROLES = ("agent", "target", "location", "nearLocation", "cargo", "destination", "origin", "participant", "expelled",
         "capturedPlace", "concerns", "issuedBy", "sanctionTarget", "recipient", "attendedBy", "perpetrator", "openedCrossing",
         "passesThrough", "constructed")
# What tells where an event was, and the thing an opening or construction was of (one event whatever its date).
_PLACES = ("location", "nearLocation", "capturedPlace", "openedCrossing", "constructed", "hit")


class EventIndex:
    """The register's events with what other documents' statements say of them (dates, places), to recognise one."""

    def __init__(self, ontology: Ontology):
        self.ontology = ontology
        self.dates: dict[str, set[str]] = {}
        self.done: dict[str, set[str]] = {}  # the dates asserted statements give (what happened, not what was planned)
        self.places: dict[str, set[str]] = {}
        self.agents: dict[str, set[str]] = {}
        self.connects: dict[str, set[str]] = {}  # a crossing or border -> the places other documents say it joins
        self.roles: dict[str, set[tuple[str, str]]] = {}  # an event -> (role, entity) other documents give it
        self.kinds: dict[str, set[str]] = {}  # a strike -> its kinds (air strike, rocket fire) as other statements say
        self.within: dict[str, set[str]] = {}  # a site -> what it is part of or lies in (warehouses -> the base)
        self.programmes: dict[str, set[str]] = {}  # a sanction -> the programmes it is under

    def add(self, subject: str, prop: str, value: str, asserted: bool = True) -> None:
        """A fact other documents state of an entry; asserted: stated as what happened (not a plan, a prediction)."""
        if prop == "date" and asserted:
            self.done.setdefault(subject, set()).add(value)
        if prop in ROLES:
            self.roles.setdefault(subject, set()).add((prop, value))
        if prop == "date":
            self.dates.setdefault(subject, set()).add(value)
        elif prop in _PLACES:
            self.places.setdefault(subject, set()).add(value)
        elif prop == "agent":
            self.agents.setdefault(subject, set()).add(value)
        elif prop in ("connects", "borderOf"):
            self.connects.setdefault(subject, set()).add(value)
        elif prop == "strikeType":
            self.kinds.setdefault(subject, set()).add(value)
        elif prop in ("componentOf", "locatedIn"):
            self.within.setdefault(subject, set()).add(value)
        elif prop == "programme":
            self.programmes.setdefault(subject, set()).add(value)

    def find(self, cls: str, date: str, places: list[Node], types: dict[str, str], agent: str | None = None,
             kind: str | None = None) -> tuple[str | None, str]:
        """An event of the register of this kind whose place and date agree (or, lacking a date, whose place does; or,
        lacking a place, whose date does at the register's precision or finer; or, for a report, whose agent and date do).
        A strike of another kind (kind: the sentence's, such as rocketFire) is another event, whatever its date."""
        place_ids = {p.id for p in places}
        if agent is not None:
            for ent_id, agents in self.agents.items():
                if agent in agents and ent_id in types and any(_same_day(date, d) for d in self.dates.get(ent_id, ())):
                    return ent_id, f"the report {ent_id} of the register (source and date agree)"
            return None, ""
        found: list[tuple[tuple[int, bool], str, str]] = []
        for ent_id, ent_type in types.items():
            if not (self.ontology.is_subclass(ent_type, LB + cls) or self.ontology.is_subclass(LB + cls, ent_type)):
                continue
            if ent_type == LB + "Event" and cls != "Event" or kind and kind not in self.kinds.get(ent_id, {kind}):
                continue
            known_dates = self.dates.get(ent_id, set())
            if cls in ("Strike", "Attack") and len(date.lstrip("-")) >= 7 and known_dates \
                    and max(len(d.lstrip("-")) for d in known_dates) == 4:
                continue  # strikes other documents date by their year alone are a series, not the day's strike
            where = self.places.get(ent_id, set())  # and the places its crossing joins: the opening "in Al Qaim"; and what
            # the sites it hit are part of (the strike on the warehouses is a strike at the base they belong to)
            same_place = bool(place_ids & where.union(*(self.connects.get(p, set()) | self.within.get(p, set()) for p in where)))
            same_date = any(_same_day(date, d) for d in known_dates)
            # a year alone is not the month or day of an event the register dates so: other strikes fell that year
            as_fine = any(_same_day(date, d) and len(date.lstrip("-")) >= len(d.lstrip("-")) for d in known_dates)
            # the opening or construction of a thing is one event whatever date a source gives it (planned or done), but
            # for a reopening long after every date other documents say it happened ("reopened to passengers on 3 June"
            # 2020, after the opening of 30 September 2019)
            by_object = cls in ("CrossingOpening", "Construction") and not _long_after(date, self.done.get(ent_id, set()))
            # a town's capture that one source dates a month off another's: the same place taken the same year
            same_date = same_date or cls == "TerritorialCapture" and same_place and any(date[:4] == d[:4] for d in known_dates)
            # a day's event the register places nowhere is the one the sentence places ("on May 3, strikes hit X")
            as_fine = as_fine and (not place_ids or not where and len(date) >= 10)
            if same_place and (same_date or not known_dates or by_object) or as_fine or by_object and same_date and not place_ids:
                finest = max((len(d.lstrip("-")) for d in known_dates if _same_day(date, d)), default=0)
                found.append(((finest, same_place), ent_id, f"the {cls} {ent_id} of the register "
                                                            f"({'place' if same_place else 'date'} agrees)"))
        # of several that agree, the one whose date agrees to the finest precision (the strike of 9 September 2019
        # over a series of strikes that year), then the one whose place does; else the first
        best = max(found, key=lambda f: f[0], default=None)
        return (best[1], best[2]) if best else (None, "")

    def add_drafted(self, facts, new: dict) -> None:
        """The dates and places a draft gives its own new events, so that a later sentence of the text that tells of one
        again ("The meeting … was held on March 17" after "a meeting … in March 2019") finds it as the register's."""
        for f in facts:
            if f.subject in new and isinstance(f.object, str) \
                    and (f.property in _PLACES or f.property == "strikeType"
                         or f.property == "date" and len(f.object.lstrip("-")) >= 5):  # a year alone is too wide
                self.add(f.subject, f.property, f.object)

    def other_time(self, event_id: str, dates: list[str]) -> bool:
        """Whether a sentence's dates are all other than every date other documents give the event (False when either
        has none: an undated sentence can tell of a dated event)."""
        known = self.dates.get(event_id, set())
        return bool(known and dates) and not any(_same_day(a, b) for a in dates for b in known)

    def by_parties(self, cls: str, targets: set[str], issuers: set[str], date: str, types: dict[str, str]) -> str | None:
        """The one sanction of the register of this kind whose target and issuer, as other documents give them, are
        among these, unless other documents date it otherwise."""
        found = [e for e, roles in self.roles.items() if e in types and self.ontology.is_subclass(types[e], LB + "Sanction")
                 and (self.ontology.is_subclass(types[e], LB + cls) or self.ontology.is_subclass(LB + cls, types[e]))
                 and any(r == "sanctionTarget" and x in targets for r, x in roles)
                 and any(r == "issuedBy" and x in issuers for r, x in roles)
                 and not self.other_time(e, [date])]
        return found[0] if len(found) == 1 else None

    def by_cargo(self, cls: str, agent: str, goods: set[str], types: dict[str, str]) -> str | None:
        """The event of the register of this kind (or a kind of it) whose agent other documents give as this one and
        which shares the most of these goods as its cargo, if one alone does ("Tehran moves weapons and fighters …":
        Iran's shipments of weapons and fighters the register has)."""
        shared = {e: sum(("cargo", g) in roles for g in goods) for e, roles in self.roles.items()
                  if e in types and self.ontology.is_subclass(types[e], LB + cls) and ("agent", agent) in roles}
        most = max(shared.values(), default=0)
        best = [e for e, n in shared.items() if n and n == most]
        return best[0] if len(best) == 1 else None

    def by_agent(self, cls: str, agent: str, types: dict[str, str]) -> str | None:
        """The one event of the register of this kind whose agent other documents name, if there is exactly one."""
        found = [e for e, agents in self.agents.items() if agent in agents and e in types
                 and self.ontology.is_subclass(types[e], LB + cls)]
        return found[0] if len(found) == 1 else None


LATER = 6  # months after every known date of an opening that make a date another opening


def _long_after(date: str, known: set[str]) -> bool:
    """Whether a date of a month or day is more than LATER months after every known date of a month or day."""
    def months(d: str) -> int | None:
        return int(d[:4]) * 12 + int(d[5:7]) if re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", d) else None
    at, before = months(date), [m for m in map(months, known) if m is not None]
    return at is not None and bool(before) and all(at - m > LATER for m in before)


def _same_day(a: str, b: str) -> bool:
    """Two dates that can be the same time: equal, one the other's month or year, or a month-day that the date has."""
    if a.startswith("--") or b.startswith("--"):
        return a[-5:] == b[-5:]
    return a.startswith(b) or b.startswith(a)
