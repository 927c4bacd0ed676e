"""The unnamed member of a body that news gives a report or a figure to: "a spokesman for the Iraqi government said",
"two officials of the Hashd al-Shaabi", "a Treasury official said", "one PMF commander told the authors".

The member is a new entry named by the text's own words ("A spokesman for the Iraqi government"), a member of the body
(the ontology's memberOf); one person is a Person, two or more a PersonGroup.
A role followed by a comma and a name ("a spokesman for X, Abu Ali") is that person's (kg.named_roles), and a role in
apposition after a name ("Abu Ali, a spokesman for X") is the named person's (kg.person_appositions).
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_MODIFIER = r"(?:(?:senior|local|top|regional|military|field|deputy|security|customs|logistics|media|press)\s+)?"
_ROLE = r"(?:spokes(?:man|woman|person)|officials?|commanders?|officers?)"
_COUNT = r"(?P<count>an?|one|two|three|four|several)"
# "a spokesman for the", "two officials of": the words before the body's name.
_ROLE_OF = re.compile(rf"\b(?P<words>{_COUNT}\s+{_MODIFIER}{_ROLE}\s+(?:for|of|with|from)\s+(?:the\s+)?)$", re.I)
# "a Treasury official", "one PMF commander": the article before the body's name, the role right after it.
_BEFORE = re.compile(rf"\b{_COUNT}\s+$", re.I)
_AFTER = re.compile(rf"\s+{_ROLE}\b", re.I)
# The place the member stands in, right after the body ("in western Anbar"): part of its description.
_PLACE = re.compile(r"\s+in\s+(?:the\s+)?(?:(?:western|eastern|northern|southern|central)\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")
# ", who gave his name only as", ", identified as": the name of the person the role is given to follows.
_NAME_GIVEN = re.compile(r"\s*,\s*(?:who\s+(?:gave|identified)\s+(?:his|her|their)\s+names?\s+(?:only\s+)?as|(?:identified|known)\s+"
                         r"(?:only\s+)?as|named)\s", re.I)
_BODIES = ("Organization",)


def unnamed_members(proposer: Proposer, text: str, nodes: list[Node], document: str) -> list[Proposed]:
    """[member, memberOf, body] for an unnamed spokesman, official, commander or officer of a body the sentence names.
    The role is in the entry's label; no title fact is drafted for it, as curators seldom give an unnamed source one."""
    is_a = proposer.ontology.is_subclass
    named = [n for n in nodes if n.kind in ("linked", "new")]
    out = []
    for body in named:
        if not any(is_a(body.type, LB + c) for c in _BODIES):
            continue
        m = _ROLE_OF.search(text, max(0, body.start - 60), body.start)
        if m is not None and m.end() == body.start:
            start, end, count = m.start("words"), body.end, m.group("count")
        else:
            before, after = _BEFORE.search(text, max(0, body.start - 20), body.start), _AFTER.match(text, body.end)
            if before is None or before.end() != body.start or after is None:
                continue
            start, end, count = before.start(), after.end(), before.group("count")
        place = _PLACE.match(text, end)
        words = text[start:place.end() if place else end]
        if _is_named(proposer, text, named, start, start + len(words)):
            continue
        cls = "Person" if count.lower() in ("a", "an", "one") else "PersonGroup"
        member = proposer.unnamed(words, cls, f"an unnamed member of {body.words!r} ({words!r}), in document {document}")
        node = Node(start, end, member, LB + cls, words)
        why = f"{words!r}: an unnamed member of {body.words!r}"
        if proposer.allowed(node, "memberOf", body):
            out.append(Proposed(member, "memberOf", body.id, why))
    return out


def _is_named(proposer: Proposer, text: str, named: list[Node], start: int, end: int) -> bool:
    """Whether the role is a named person's: the name set before it with a comma, or after it with one."""
    is_a = proposer.ontology.is_subclass
    for n in named:
        if not is_a(n.type, LB + "Person"):
            continue
        if n.end <= start and re.fullmatch(r"\s*,\s*", text[n.end:start]):
            return True
        if n.start >= end and re.fullmatch(r"\s*,\s*", text[end:n.start]):
            return True
    return _NAME_GIVEN.match(text, end) is not None
