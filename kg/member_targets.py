"""The group an event aimed at its members is aimed at too: sanctions "on five leaders of the group" target the group.

Where the target a sentence's facts give an event is a set of people described as leaders, members or commanders "of"
a group — named there ("of Kataib Hezbollah") or spoken of as "the group" or "the militia" when the sentence names one
armed group before — the event is aimed at that group as well: [event, target, group], as a curator writes it.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_MEMBERS = re.compile(r"\b(?:leaders?|members?|commanders?|officials?|operatives?|figures?|financiers?|heads?)$", re.I)
_OF = re.compile(r"\s+(?:of|in|within|from)\s+(?:the\s+)?")
_THE_GROUP = re.compile(r"\s+(?:of|in|within|from)\s+(?:the|this|that)\s+(?:group|militia|organi[sz]ation|movement)\b", re.I)
_TARGETS = ("target", "sanctionTarget")

def member_targets(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """[event, target, group] for each event whose target in the sentence's facts is the members of a group."""
    ontology = proposer.ontology
    by_id = {n.id: n for n in nodes}
    out = []
    for f in facts:
        members = by_id.get(f.object) if f.property in _TARGETS and isinstance(f.object, str) else None
        if members is None or not _MEMBERS.search(members.words):
            continue
        group = None
        of = _OF.match(text, members.end)
        if of:
            group = next((n for n in nodes if n.start == of.end() and ontology.is_subclass(n.type, LB + "ArmedGroup")), None)
        if group is None and _THE_GROUP.match(text, members.end):
            earlier = {n.id: n for n in nodes if n.end <= members.start and n.kind in ("linked", "reference")
                       and ontology.is_subclass(n.type, LB + "ArmedGroup")}
            group = next(iter(earlier.values())) if len(earlier) == 1 else None
        if group is not None and not any(g.subject == f.subject and g.property in _TARGETS and g.object == group.id for g in facts):
            out.append(Proposed(f.subject, "target", group.id, f"{members.words!r} of {group.words!r}: aimed at the group too"))
    return out
