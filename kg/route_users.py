"""Who uses a route, road or crossing, from the verb between them: "Shiite militias are using dirt bypass roads",
"Iran and its proxies have used back roads in the area to send military equipment into Syria". The user is the actor
the clause names right before the verb (with the auxiliaries between), the ontology's `usedBy`.

Roads worded by the words of the ontology's definition of a bypass road ("a back or dirt road used to get around a
closed crossing"), "back roads", "dirt roads", "bypass roads", are the register's one BypassRoad where it has exactly
one and no name covers the words; such roads get, as a named route does, what they carry and where they lead
(kg.route_cues).
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .route_cues import route_facts

_BYPASS = re.compile(r"\b(?:back|dirt|bypass|side)(?:\s+(?:back|dirt|bypass|side))?\s+roads?\b", re.I)
_USE = re.compile(r"\b(?:use[sd]?|using|exploit(?:s|ed|ing)?)\s+(?:the\s+|these\s+|those\s+)?$", re.I)
# Between the user and the verb: its coordinated proxies, then auxiliaries and adverbs only.
_SUBJECT_GAP = re.compile(r"^\s+(?:and\s+(?:its|their)\s+\w+\s+)?(?:(?:have|has|had|are|is|were|was|will|would|may|might|could|can|"
                          r"also|currently|now|already|been|still|reportedly)\s+)*$", re.I)

# Words that make the actor part of another noun ("militias linked to the IRGC"), not the subject of the verb.
_MODIFIER = re.compile(r"\b(?:(?:linked|tied|close|loyal|affiliated|allied|backed|sponsored|supported|funded)\s+(?:to|with|by)|of)\s+"
                       r"(?:the\s+)?$", re.I)


def route_users(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[route, usedBy, actor] for the routes, roads and crossings a clause says an actor uses; and the facts of the
    bypass roads a sentence describes."""
    text = text.replace("*", " ")
    nodes = [n for n in nodes if n.kind != "unsure"]
    out = []
    described = _bypass_roads(proposer, text, nodes)
    if described:
        node = described[0]
        out += [f for f in route_facts(proposer, text, sorted(nodes + [node], key=lambda n: n.start)) if f.subject == node.id]
    for route in sorted(nodes + described, key=lambda n: n.start):
        if route.kind == "demonym" or not any(_is(proposer, route, c) for c in ("Route", "Crossing")):
            continue
        verb = _USE.search(text[:route.start])
        if verb is None:
            continue
        actors = [n for n in nodes if n.end <= verb.start() and _is(proposer, n, "Actor")]
        if actors and _SUBJECT_GAP.match(text[actors[-1].end:verb.start()]) and not _MODIFIER.search(text[:actors[-1].start]) \
                and proposer.allowed(route, "usedBy", actors[-1]):
            out.append(Proposed(route.id, "usedBy", actors[-1].id, f"{actors[-1].words!r} {verb.group(0).strip()!r} {route.words!r}"))
    return out


def _bypass_roads(proposer: Proposer, text: str, nodes: list[Node]) -> list[Node]:
    """The register's one bypass road, where the sentence words one and no name covers the words."""
    roads = [e for e, t in proposer.types.items() if t == LB + "BypassRoad" and e not in proposer.new]
    out = []
    for m in _BYPASS.finditer(text):
        if len(roads) == 1 and not any(n.start < m.end() and m.start() < n.end for n in nodes):
            out.append(Node(m.start(), m.end(), roads[0], LB + "BypassRoad", m.group(0), "reference", "the register's one bypass road"))
    return out


def _is(proposer: Proposer, node: Node, cls: str) -> bool:
    return proposer.ontology.is_subclass(node.type, LB + cls)
