"""A group the text names again by another name in an appositive: "Iranian-backed militias, often called the Popular
Mobilization Units": who backs the one backs the other, the name the register gives the same groups.

Only the backing (sponsors, supports) passes over: the appositive says the two names stand for the same groups, and the
sentence's backer is the one its first name gives. Each fact is one the ontology allows (Proposer.allowed).
"""

from __future__ import annotations

import re

from .propose import Node, Proposed, Proposer

_CALLED = re.compile(r"[*_”\"]*,\s+(?:(?:often|also|commonly|sometimes|widely|usually)\s+)?(?:called|known\s+as|dubbed|referred\s+to\s+as)"
                     r"\s+(?:the\s+)?[*_“\"]*$", re.I)
_BACKING = ("sponsors", "supports")


def other_names(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """[backer, p, B] for each [backer, p, A] where the sentence calls A "…, often called B"."""
    named = [n for n in nodes if n.kind in ("linked", "new")]
    out = []
    for a, b in zip(named, named[1:], strict=False):
        if a.id == b.id or not _CALLED.fullmatch(text[a.end:b.start]):
            continue
        for f in facts:
            backer = Node(0, 0, f.subject, proposer.types.get(f.subject, ""), f.subject)  # a name's own word may give it
            if f.property in _BACKING and f.object == a.id and backer.id != b.id \
                    and proposer.allowed(backer, f.property, b) and proposer.plausible(backer, f.property, b):
                out.append(Proposed(f.subject, f.property, b.id, f"{f.reason}; {a.words!r}{text[a.end:b.start]}{b.words!r}"))
    return out
