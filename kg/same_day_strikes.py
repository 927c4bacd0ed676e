"""A strike of the register told again with another place or month. Sources place one strike differently: at the base
it hit, near the town the base stands by, "in the area". A sentence's strike of a day the register has exactly one
strike of the same kind on is that strike, whatever place it names; a date of a month or a year, or a day of two
strikes, is not enough (other strikes fell then). Sources also date one strike a month apart: a strike of the same
kind, at the same place, by or on an actor the register gives it, the month before or after, is that strike when the
register has one such. And a strike at night is dated by one source the day before and by another the day after: a
sentence's strike of a day the register has no strike of that day for, next to its one strike of the day before or
after, is that one rather than a series the register dates by the month alone ("September 8" is the register's strike
of September 9, not its strikes of "mid and late September"). Strikes the draft itself proposed are not the
register's."""

from __future__ import annotations

from datetime import date as day
from datetime import timedelta

from .event_index import EventIndex
from .namespaces import LB


def same_day_strike(events: EventIndex, types: dict[str, str], new: dict, date: str, kind: str | None) -> str | None:
    """The register's one strike of that day (and of that kind, where the sentence gives one), or None."""
    if len(date.lstrip("-")) < 10:
        return None
    found = [ent_id for ent_id, days in events.dates.items()
             if date in days and ent_id not in new and types.get(ent_id) == LB + "Strike"
             and (kind is None or kind in events.kinds.get(ent_id, {kind}))]
    return found[0] if len(found) == 1 else None


def month_off_strike(events: EventIndex, types: dict[str, str], new: dict, date: str, kind: str | None,
                     places: set[str], actors: set[str]) -> str | None:
    """The register's one strike of that kind at one of these places, whose perpetrator or target is one of these
    actors, dated in the month before or after the sentence's (a month or a day), or None."""
    if len(date.lstrip("-")) < 7 or not places or not actors:
        return None
    month = int(date[:4]) * 12 + int(date[5:7])
    found = [ent_id for ent_id, days in events.dates.items()
             if ent_id not in new and types.get(ent_id) == LB + "Strike"
             and (kind is None or kind in events.kinds.get(ent_id, {kind})) and places & events.places.get(ent_id, set())
             and any(role in ("perpetrator", "target") and obj in actors for role, obj in events.roles.get(ent_id, ()))
             and any(len(d) >= 7 and abs(int(d[:4]) * 12 + int(d[5:7]) - month) == 1 for d in days)]
    return found[0] if len(found) == 1 else None


def night_strike(events: EventIndex, types: dict[str, str], new: dict, date: str, kind: str | None,
                 found: str | None) -> str | None:
    """The register's one strike (of that kind) dated the day before or after the sentence's day, where the strike the
    register was found to have (found) is not dated that day, or None."""
    if len(date) != 10 or date.startswith("-") or found is not None and date in events.dates.get(found, ()):
        return None
    try:
        near = {str(day.fromisoformat(date) + timedelta(days=step)) for step in (-1, 1)}
    except ValueError:
        return None
    strikes = [ent_id for ent_id, days in events.dates.items() if ent_id not in new and types.get(ent_id) == LB + "Strike"
               and (kind is None or kind in events.kinds.get(ent_id, {kind}))]
    if any(date in events.dates[e] for e in strikes):
        return None  # the register has a strike of that very day: not this rule's to choose
    adjacent = [e for e in strikes if near & events.dates[e]]
    return adjacent[0] if len(adjacent) == 1 else None
