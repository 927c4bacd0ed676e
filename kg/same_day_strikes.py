"""A strike of the register told again with another place. Sources place one strike differently: at the base it hit,
near the town the base stands by, "in the area". A sentence's strike of a day the register has exactly one strike of
the same kind on is that strike, whatever place it names; a date of a month or a year, or a day of two strikes, is not
enough (other strikes fell then). Strikes the draft itself proposed are not the register's."""

from __future__ import annotations

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
