"""How many things an event a sentence dates took in, where the count is what its verb acts on: "hit nine depots",
"collected tolls from about 60 lorries an hour", "seized 30 trucks" → the event's `quantity` (the ontology's "how much the
event moved, seized or built").

Not a count inside another thing's phrase ("hit a column of 20 trucks": the column's trucks, not the strike's), nor
one whose noun the number reader did not reach ("two trading companies"), nor people, money, lengths or shares
(casualties, sizes, values and lengths have their own rules), nor an event a report, a meeting or a sanction is
(what they count is what they say or list, not what they did). Only for a sentence of one such event."""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Proposed, Proposer
from .quantities import CURRENCIES, QuantityMention

# A verb in the past, then at most one word (its object, before a count it takes from) and a preposition.
_ACTED_ON = re.compile(r"\b(?:[a-z]+ed|hit|struck|took|sent|brought|built|shot|set)\s+(?:[a-z]+\s+)?(?:(?:from|on|into|to)\s+)?$")
_NOT_THINGS = {"person", "km", "miles", "percent", "mile", "other"} | CURRENCIES  # "three others": no thing named
# What says or decides rather than moves, seizes or builds: a sanction's count is of whom it lists
_SAYING = ("Announcement", "Meeting", "Sanction")


def event_counts(proposer: Proposer, text: str, quantities: list[QuantityMention], facts: list[Proposed]) -> list[Proposed]:
    """[event, quantity, count] for the one event a sentence dates, and the count its verb acts on."""
    events = list(dict.fromkeys(f.subject for f in facts if f.property == "date" and _doing(proposer, f.subject)))
    if len(events) != 1 or any(f.subject == events[0] and f.property == "quantity" for f in facts):
        return []
    used = [f.object for f in facts if isinstance(f.object, dict)]
    for q in quantities:
        if q.unit in _NOT_THINGS or q.as_yaml() in used:
            continue
        if _ACTED_ON.search(text[:q.start]):
            return [Proposed(events[0], "quantity", q.as_yaml(), f"{q.verbatim!r}: what the event's verb acts on")]
    return []


def _doing(proposer: Proposer, ent_id: str) -> bool:
    cls = proposer.types.get(ent_id, "")
    return proposer.ontology.is_subclass(cls, LB + "Event") and not any(
        proposer.ontology.is_subclass(cls, LB + c) for c in _SAYING)
