"""What a report a sentence dates says and who carried it, where the sentence gives its source before what it says.

"On May 3, 2020, according to a report from a local official, the two ministries agreed on new tariffs (Radio One,
Channel Two, May 3, 2020)": the report (an Announcement) says the clause after "according to …," — its topic, in the
source's words — and the outlets the closing citation lists, when it lists more than one, carried it (participants;
a single outlet is the report's agent, which kg.propose gives).
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_MARK = r"[*_\"“”]*"
# "according to a report from "a source in the ministry," the clause (citation)." — the source ends at the comma that
# closes it (inside or just before a closing quotation mark).
_ACCORDING = re.compile(rf"\baccording to\s+[^,;()]{{3,120}}?,{_MARK}\s+{_MARK}(?P<topic>[^()]+?){_MARK}\s*(?:\(|[.;]?{_MARK}\s*$)",
                        re.I)
# What the report's agent "said" without a "that" (which kg.event_literals reads): "Salami said the goal was …".
_SAID = re.compile(r"\W{0,3}\s*(?:said|says|stated|declared)\s+(?!(?:that|on|in|at|during|to|by|last|yesterday|earlier)\b)"
                   r"(?P<topic>[^()]+?)\s*(?:\(|[.;]?\s*$)", re.I)
_CITATION = re.compile(r"\(([^()]*)\)\W*$")
# The platform an outlet's channel is on ("Sawt al-Iraq YouTube channel"): not an outlet itself.
_PLATFORM = re.compile(r"\s+(?:channel|account|page|feed)\b", re.I)


def report_parts(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """[report, topic, clause] after "according to …," or after "said" right after the report's agent, and [report,
    participant, outlet] for each outlet of a closing citation that lists several, for the one report the sentence's
    facts have."""
    ontology = proposer.ontology
    reports = list(dict.fromkeys(f.subject for f in facts
                                 if ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Announcement")))
    if len(reports) != 1:
        return []
    report = reports[0]
    out = []
    said = _ACCORDING.search(text)
    if said and not any(f.subject == report and f.property == "topic" for f in facts):
        topic = re.sub(r"[*_]", "", said.group("topic")).strip(" ,")
        if len(topic.split()) >= 4:
            out.append(Proposed(report, "topic", topic, "what the report says: the clause after 'according to …,'"))
    agents = {f.object for f in facts if f.subject == report and f.property == "agent"}
    for n in (n for n in nodes if n.id in agents):
        spoke = _SAID.match(text, n.end)
        if spoke and " that " not in spoke.group("topic") and len(spoke.group("topic").split()) >= 4 \
                and not any(p.property == "topic" for p in out + [f for f in facts if f.subject == report]):
            out.append(Proposed(report, "topic", spoke.group("topic"), f"what {n.words!r} said, in the source's words"))
    cited = _CITATION.search(text)
    has_agent = any(f.subject == report and f.property == "agent" for f in facts)
    if cited and not has_agent:
        outlets = [n for n in nodes if cited.start(1) <= n.start and n.end <= cited.end(1) and n.kind in ("linked", "new", "unsure")
                   and ontology.is_subclass(n.type, LB + "Organization") and not _PLATFORM.match(text, n.end)]
        if len({n.id for n in outlets}) >= 2:
            out += [Proposed(report, "participant", n.id, f"{n.words!r}, one of the outlets the citation lists")
                    for n in dict((n.id, n) for n in outlets).values()]
    return out
