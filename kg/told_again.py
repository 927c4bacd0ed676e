"""One event told in several sentences: a report names a strike (or sanctions, a seizure, a deployment) with its date
first, then calls it "the strike", "the attack" or "the raid" in the sentences after ("The strike hit four tankers …",
"No one claimed the attack"). An undated sentence whose definite event word is of a kind the text dated is about that
event (the last of its kind the text dated, kg.time_cues.Timeline): its places and roles are the event's, under the
same id, and so is its date (what the rules of a dated strike, its kind and whether anyone is named for it, read)."""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .time_cues import Timeline

# A definite event, singular (sanctions: plural): "the strike", "the drone attack", "the British sanctions", "this seizure".
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+(?:(?:latest|deadly|reported|suspected|same|drone|air|missile|rocket|new|"
                       r"(?-i:[A-Z])[\w.-]+)\s+){0,2}(strike|air ?strike|attack|raid|bombing|sanctions|seizure|deployment|withdrawal)"
                       r"\b(?!\s*s\b)(?!-)", re.I)
# an attack told again may be the strike the text dated, and the reverse
_KINDS = {"attack": ("Attack", "Strike"), "sanctions": ("Sanction",), "seizure": ("Seizure",), "deployment": ("Deployment",),
          "withdrawal": ("Deployment",)}


def told_again(proposer: Proposer, timeline: Timeline, text: str, nodes: list[Node], dated: bool, quantities
               ) -> list[Proposed]:
    """The date, places and roles an undated sentence (dated: whether it gives a date) gives the event it calls by a
    definite word of its kind."""
    if dated:
        return []
    for m in _DEFINITE.finditer(text):
        word = m.group(1).lower()
        kinds = _KINDS.get(word, ("Strike", "Attack"))
        known = [(cls, timeline.kinds[cls]) for cls in kinds if cls in timeline.kinds]
        if not known:
            continue
        cls, (event_id, value) = known[0]
        ev = Node(m.start(1), m.end(1), event_id, proposer.types.get(event_id, LB + cls), m.group(0))
        why = f"{m.group(0)!r}: the {cls} {event_id} the text dated {value}"
        out = [Proposed(event_id, "date", value, f"{why}, told again")]  # what the rules of a dated strike read
        out += [Proposed(event_id, role, place.id, f"{why}; {place.words!r} ({role})")
                for role, place in proposer.places(text, nodes, m.end(), cls) if proposer.allowed(ev, role, place)]
        return out + proposer.roles(text, nodes, ev, cls, m, quantities)
    return []
