"""Who was present at the event the sentence before dates: "The meeting … was held on March 17. Present were General
Bakri and senior Iraqi representatives", "The minister was present and gave a short statement".

A sentence that says someone was present, and dates no event of its own, tells who attended the one event the
sentence before it dated: the actors after "Present were" (and those joined to them by "and" or commas), or the actor
right before "was present".
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_PRESENT_BEFORE = re.compile(r"^\W*(?:also\s+)?present\s+(?:were|was)\s+", re.I)
_PRESENT_AFTER = re.compile(r"^\s+(?:was|were)\s+(?:also\s+)?present\b", re.I)
_WITHIN = re.compile(r"\s+(?!and\b)[\w’'-]+(?:\s+(?!and\b)[\w’'.-]+){0,3}\s+")  # one noun phrase: a post before a name
# "… and senior Iraqi representatives", "… and his deputy Omar Saleh"
_JOINED = re.compile(r"[^,;.()]{0,40}?(?:,\s*(?:and\s+)?|\s+and\s+)(?:[\w’'-]+\s+){0,3}", re.I)


def present_at(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed], previous: list[Proposed]
               ) -> list[Proposed]:
    """[event, attendedBy, actor] for the actors a sentence says were present, at the one event the sentence before
    dated (none when this sentence dates an event itself)."""
    ontology = proposer.ontology
    if any(f.property == "date" for f in facts):
        return []
    dated = list(dict.fromkeys(f.subject for f in previous if f.property == "date"
                               and ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Event")))
    if len(dated) != 1:
        return []
    actors = sorted((n for n in nodes if n.kind in ("linked", "reference", "new") and ontology.is_subclass(n.type, LB + "Actor")),
                    key=lambda n: n.start)
    opening = _PRESENT_BEFORE.match(text)
    found: list[Node] = []
    if opening:
        last = opening.end()
        for i, n in enumerate(actors):
            if n.start < last or i + 1 < len(actors) and _WITHIN.fullmatch(text[n.end:actors[i + 1].start]):
                continue  # "Iranian army commander General Bakri": the army names his post, he was present
            if found and not _JOINED.fullmatch(text[found[-1].end:n.start]) or not found and n.start - last > 40:
                break
            found.append(n)
    else:
        found = [n for n in actors if _PRESENT_AFTER.match(text[n.end:])]
    return [Proposed(dated[0], "attendedBy", n.id, f"{n.words!r} present at the event the sentence before dates") for n in found]
