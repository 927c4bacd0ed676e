"""The statement a sentence refers back to: "On May 2 the minister announced that the gate would open. He made the
statement at a press conference held in Baghdad on May 1".

"The statement" (or "the announcement", "the remarks") with its speaker named again is the announcement the sentence
before told of, by that speaker: what this sentence says of it (its day, its place) is said of that announcement, not of
a new one the word "statement" would otherwise start.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_THE_STATEMENT = re.compile(r"\b(?:made|gave|issued|delivered|read)\s+(?:the|this|that|these|those)\s+"
                            r"(?:statement|announcement|remarks|comments|declaration)s?\b", re.I)


def restated(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed], previous: list[Proposed]
             ) -> list[Proposed]:
    """The sentence's facts, with those of the new announcements its "made the statement" starts given to the one
    announcement of the sentence before whose speaker this sentence names before those words."""
    said = _THE_STATEMENT.search(text)
    if said is None:
        return facts
    ontology = proposer.ontology
    earlier = list(dict.fromkeys(f.subject for f in previous if f.subject in proposer.new
                                 and ontology.is_subclass(proposer.types[f.subject], LB + "Announcement")))
    speakers = {f.object for f in previous if f.subject in earlier and f.property == "agent"}
    if len(earlier) != 1 or len(speakers) != 1:
        return facts
    report, speaker = earlier[0], speakers.pop()
    label = proposer.new[speaker].label if speaker in proposer.new else speaker
    named = [n for n in nodes if n.end <= said.start() and re.fullmatch(r"\s+", text[n.end:said.start()])
             and (n.id == speaker or label.endswith(" " + n.words))]  # "al-Ghanimi" for Othman al-Ghanimi
    if not named:
        return facts
    cited = {f.subject for f in facts if f.property == "agent" and f.object != speaker and f.object not in (n.id for n in named)}
    own = [e for e in dict.fromkeys(f.subject for f in facts) if e in proposer.new and e != report and e not in cited
           and e not in {f.subject for f in previous} and ontology.is_subclass(proposer.types[e], LB + "Announcement")
           and _starts_at(proposer, e, said)]
    if not own:
        return facts
    days = {f.object for f in previous if f.subject == report and f.property == "date"}
    why = f"{named[0].words!r} {said.group(0)!r}: the announcement of the sentence before"
    out = [Proposed(report, f.property, f.object, f"{f.reason}; {why}") if f.subject in own else f
           for f in facts if not (f.subject in own and f.property == "agent")
           and not (f.subject in own and f.property == "dateNotAfter" and f.object in days)]  # no later than its own day
    return out + [Proposed(report, "agent", speaker, why)]


def _starts_at(proposer: Proposer, event: str, said: re.Match) -> bool:
    """Whether the new event is the one the word of the statement started (its label begins with that word)."""
    word = said.group(0).split()[-1].lower()
    return proposer.new[event].label.lower().startswith(word)
