"""The unnamed source a report is given to: "according to a report from a senior source in the Interior Ministry, …",
"a senior official at the embassy in Amman said".

An unnamed source is people the text refers to without naming them (the ontology's PersonGroup), known by where they
stand: a new entry named by the text's own words ("Senior source in the Interior Ministry"), a member of the body it
names, and the agent of the one report the sentence's facts have, when the sentence gives that report no agent.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

# "a senior source in the", "an informed official at", "a security source within": the words before the body's name.
_SOURCE = re.compile(r"\b(?:an?|one)\s+(?P<words>(?:(?:senior|high-ranking|informed|security|military|diplomatic|government|"
                     r"local|well-placed)\s+)*(?:source|official)\s+(?:in|at|within|from)\s+(?:the\s+)?)$", re.I)
# Where the sentence gives the report to the source: "according to a report from", or "said"/"told" after it.
_GIVEN = re.compile(r"\baccording to\b|\b(?:said|says|told|stated|revealed|reported)\b", re.I)
_BODIES = ("Organization", "GovernmentBody", "StateForce", "ArmedGroup")


def unnamed_sources(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed], document: str
                    ) -> list[Proposed]:
    """[report, agent, source] and [source, memberOf, body] for an unnamed source in a body the sentence names, where
    the sentence's facts have one report and give it no agent."""
    ontology = proposer.ontology
    reports = list(dict.fromkeys(f.subject for f in facts if ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Announcement")))
    if len(reports) != 1 or any(f.subject == reports[0] and f.property == "agent" for f in facts) or not _GIVEN.search(text):
        return []
    for body in nodes:
        said = _SOURCE.search(text[max(0, body.start - 80):body.start])
        if body.kind not in ("linked", "new") or said is None or not any(ontology.is_subclass(body.type, LB + c) for c in _BODIES):
            continue
        words = said.group("words") + body.words
        source = _entry(proposer, words, document)
        why = f"{words!r}: the unnamed source the report is given to"
        out = [Proposed(reports[0], "agent", source, why)]
        group = Node(0, 0, source, LB + "PersonGroup", words)
        if proposer.allowed(group, "memberOf", body):
            out.append(Proposed(source, "memberOf", body.id, f"{words!r}: one who stands in {body.words!r}"))
        return out
    return []


def _entry(proposer: Proposer, words: str, document: str) -> str:
    """A new entry for the unnamed source, named by the text's words."""
    return proposer.unnamed(words, "PersonGroup", f"an unnamed source ({words!r}) a report is given to, in document {document}")
