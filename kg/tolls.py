"""A toll a report gives in a sentence of its own, after the sentence that told the strike: "A monitor said at least 16
fighters were killed", "A spokesman put the toll at six", "Officials gave a higher toll of five dead". A sentence with
no date and no word of an event's kind that counts the dead is about the strike or attack the text dated last
(kg.time_cues.Timeline): the count is its casualties. Not the wounded (news counts them apart), nor a count of people
no word of death follows."""

from __future__ import annotations

import re

from .propose import Proposed
from .quantities import QuantityMention
from .relation_cues import TRIGGERS
from .time_cues import Timeline

# the words of an event's kind, but for a report's: a toll is what a report gives
_TRIGGERS = [re.compile(rf"\b(?:{p})\b", re.I) for p, cls in TRIGGERS if cls != "Announcement"]
_TOLL = re.compile(r"\b(?:death\s+)?toll\s+(?:at|of|to|rose\s+to)\s+$", re.I)  # "put the toll at …", "a toll of …"
_DIED = re.compile(r"^\s*(?:(?:were|was|had|have|has)\s+(?:also\s+)?(?:been\s+)?(?:also\s+)?(?:killed|dead)|(?:also\s+)?died)\b", re.I)
_KINDS = ("Strike", "Attack")


def tolls(timeline: Timeline, text: str, quantities: list[QuantityMention], dated: bool) -> list[Proposed]:
    """The casualties of the strike (or attack) the text dated last, from a sentence of its own that counts the dead."""
    if dated or any(p.search(text) for p in _TRIGGERS):
        return []
    last = [timeline.kinds[k] for k in _KINDS if k in timeline.kinds]
    if not last:
        return []
    event, value = last[0]
    out = []
    for q in quantities:
        if q.unit != "person":
            continue
        dead = _TOLL.search(text[:q.start]) or _DIED.match(text[q.end:]) or re.search(r"\b(?:dead|killed)$", q.verbatim) \
            or q.value == 0  # "no casualties were reported"
        if dead:
            out.append(Proposed(event, "casualties", q.as_yaml(), f"{q.verbatim!r}: the dead of {event}, the strike the "
                                f"text dated last ({value}), counted in a sentence of its own"))
    return out
