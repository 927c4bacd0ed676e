"""The two places a crossing joins, told with a verb of linking and a second place after "with", "to" or "and": "the
gate, which links Tal Sabr with the Jordanian town of Nur", "a crossing connecting the port to the highway town of
Zarqa". The ontology's `connects` (a place on one side of the crossing) for each. kg.relation_cues reads the first place
of "linking A"; this rule adds the second, past the words that describe it ("the Syrian town of").
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_LINKS = re.compile(r",?\s+(?:(?:which|that|it)\s+)?(?:(?:also|still|now)\s+)?(?:links|linked|linking|connects|connected|connecting|"
                    r"joins|joined|joining)\s+(?:the\s+)?", re.I)
_SECOND = re.compile(r"\s+(?:with|to|and)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:(?:town|city|village|port|province|district)\s+of\s+)?",
                     re.I)


def linked_places(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[crossing, connects, A] and [crossing, connects, B] for "<crossing>, which links A with the … town of B"."""
    named = [n for n in nodes if n.kind not in ("demonym", "unsure")]
    out = []
    for i, way in enumerate(named):
        if not proposer.ontology.is_subclass(way.type, LB + "Crossing"):
            continue
        verb = _LINKS.match(text, way.end)
        first = next((n for n in named[i + 1:] if verb and n.start == verb.end()), None)
        if first is None:
            continue
        second = next((n for n in named if n.start > first.end and _SECOND.fullmatch(text, first.end, n.start)), None)
        pair = (first, second) if second is not None else ()
        if all(proposer.ontology.is_subclass(p.type, LB + "Place") and proposer.allowed(way, "connects", p) for p in pair):
            for place in pair:
                out.append(Proposed(way.id, "connects", place.id, f"{text[way.start:second.end]!r}: a place it joins"))
    return out
