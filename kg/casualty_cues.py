"""The people a strike or an attack killed or wounded: the count of persons nearest a word of killing, unless that word
belongs to another event of the sentence. "U.S. jets struck 85 targets after a drone attack killed three soldiers":
the three are the drone attack's dead, not the strikes'; the clause word "after" sets the other event and its killing
apart. "An air strike hit a depot, killing four fighters": the four are the strike's."""

from __future__ import annotations

import re

from .quantities import QuantityMention
from .relation_cues import TRIGGERS

KILLED = re.compile(r"\b(?:kill(?:ed|ing|s)?|dead|deaths|wounded|wounding|casualties)\b", re.I)
# A word that opens another clause whose event may be another: "after a drone attack killed", "when a rocket killed".
_OTHER_CLAUSE = re.compile(r"\b(?:after|before|when|while|since|following|in (?:retaliation|response) (?:for|to))\b", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?$", re.I)
_VIOLENCE = [re.compile(rf"\b(?:{p})\b", re.I) for p, cls in TRIGGERS if cls in ("Strike", "Attack")]


def casualty_count(text: str, m: re.Match, quantities: list[QuantityMention]) -> QuantityMention | None:
    """The count of persons the event of the word m killed or wounded: the one nearest the first word of killing that
    no clause of another strike or attack sets apart from m; None if the sentence tells of no killing of its."""
    people = [q for q in quantities if q.unit == "person"]
    for kill in KILLED.finditer(text):
        if people and not _apart(text, m, kill):
            # "two soldiers were killed and three wounded": a passive's count is its subject, before it; "killing four
            # fighters": an active verb's, its object after it
            passive = _PASSIVE.search(text, 0, kill.start())
            side = [q for q in people if (q.end <= kill.start() if passive else q.start >= kill.end())] or people
            return min(side, key=lambda q: min(abs(q.start - kill.end()), abs(kill.start() - q.end)))
    return None


def _apart(text: str, m: re.Match, kill: re.Match) -> bool:
    """Whether a clause word stands between the event's word and the word of killing, and the word of another strike or
    attack stands on the killing's side of it (after the clause word, or before a killing told first): the killing is
    that event's."""
    after = kill.start() >= m.end()
    start, end = (m.end(), kill.start()) if after else (kill.end(), m.start())
    for clause in _OTHER_CLAUSE.finditer(text, start, end):
        side = (clause.end(), end) if after else (0, kill.start())
        if any(p.search(text, *side) for p in _VIOLENCE):
            return True
    return False
