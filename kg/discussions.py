"""What a meeting discussed and who took part, from a sentence that says its members "discussed" something.

A text often tells of a meeting (its place, date, attendees) and then, in the next sentence, what was said there:
"Syrian, Iraqi and Iranian representatives discussed border security, as well as trade". Where the sentence's facts,
or else the facts of the sentence before, have exactly one meeting, the actors named before "discussed" took part in
it and each phrase after it (split at "as well as") is a topic of it, in the source's words, as a curator writes them.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

# "discussed" (or "talked about") with what was discussed after it, up to the end of the sentence or a bracket; not
# the participle of a passive ("the issues discussed at the meeting"), whose topic stands before it.
_DISCUSSED = re.compile(r"\b(?:discussed|talked about|debated)\s+(?!(?:at|in|during|on|by|with|over|there)\b)"
                        r"(?P<what>[^()]+?)\s*(?:\(|[.;]?\s*$)", re.I)
# Where the topics part: ", as well as".
_AS_WELL = re.compile(r"\s*,?\s+as well as\s+", re.I)
_MARKUP = re.compile(r"[*_]")
# The start of the clause the doers stand in: after "that", a colon or the sentence's start.
_CLAUSE = re.compile(r"(?:\bthat\b|:)\s*", re.I)


def discussions(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed], previous: list[Proposed]
                ) -> list[Proposed]:
    """[meeting, participant, actor] for each actor named in the clause before "discussed", and [meeting, topic, words]
    for each phrase after it, for the one meeting the sentence's facts (or else the sentence before's) have."""
    said = _DISCUSSED.search(text)
    if said is None:
        return []
    meeting = _one_meeting(proposer, facts) or _one_meeting(proposer, previous)
    if meeting is None:
        return []
    clause = 0
    for m in _CLAUSE.finditer(text, 0, said.start()):
        clause = m.end()
    ontology = proposer.ontology
    out = [Proposed(meeting, "participant", n.id, f"{n.words!r} before {said.group(0).split()[0]!r}: a member of the meeting")
           for n in nodes if clause <= n.start and n.end <= said.start() and n.kind in ("linked", "demonym", "reference")
           and ontology.is_subclass(n.type, LB + "Actor")]
    for phrase in _AS_WELL.split(_MARKUP.sub("", said.group("what"))):
        phrase = phrase.strip(" ,;")
        if len(phrase.split()) >= 2:
            out.append(Proposed(meeting, "topic", phrase, f"what was {said.group(0).split()[0]}, in the source's words"))
    return out


def _one_meeting(proposer: Proposer, facts: list[Proposed]) -> str | None:
    meetings = {f.subject for f in facts if proposer.ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Meeting")}
    return meetings.pop() if len(meetings) == 1 else None
