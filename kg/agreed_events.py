"""Who is to do what an agreement between them is for: "an agreement was reached between Jordan and Egypt for opening
the gate" — the parties are the agents of the opening, the one event the sentence's facts have besides reports.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

# "an agreement … between A and B for|on|to …": the parties, then the word before what they agreed on.
_AGREED = re.compile(r"\b(?:agreement|deal|accord|understanding)\b[^.;:()]{0,60}?\bbetween\s+(?P<parties>[^.;:()]+?)\s+"
                     r"(?:for|on|to|over|regarding|about)\s", re.I)
_PARTIES = ("Country", "GovernmentBody", "Organization", "Person")


def agreed_events(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """[event, agent, party] for each party named between "agreement … between" and "for" or "on", for the one event
    (not a report) the sentence's facts have, when none of its agents is given yet."""
    agreed = _AGREED.search(text)
    if agreed is None:
        return []
    ontology = proposer.ontology
    events = list(dict.fromkeys(f.subject for f in facts if ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Event")
                                and not ontology.is_subclass(proposer.types[f.subject], LB + "Announcement")))
    if len(events) != 1 or any(f.subject == events[0] and f.property == "agent" for f in facts):
        return []
    parties = [n for n in nodes if agreed.start("parties") <= n.start and n.end <= agreed.end("parties")
               and n.kind in ("linked", "new") and any(ontology.is_subclass(n.type, LB + c) for c in _PARTIES)]
    if len(parties) < 2:
        return []
    return [Proposed(events[0], "agent", n.id, f"{n.words!r}, a party to {agreed.group(0).split()[0]!r}: to do what it is for")
            for n in parties]
