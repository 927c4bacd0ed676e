"""Hostility between actors that a verb or noun of struggle tells, where the words between the two names are more than
kg.relation_cues' one-verb patterns reach:

- "A … in an effort to open a second front against B", "A … regularly incite against B": A (the actor named last before
  the cue, in the same clause, and not as where something goes: "sending arms to Syria") opposes B (the actor the cue
  reaches);
- "A … helped C in defeating B", "the goal of A was to destroy B": the same, with the verbs of defeat and destruction;
- "As part of its efforts to curb the activities of B, A …": a fronted phrase whose possessive is the clause's subject A.

Each fact is one the ontology allows (opposes: an actor and another actor), with the words that gave it.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

# The cue, then up to three words (and "of") before the opposed actor: "against the", "to curb the illicit activities of".
_CUE = re.compile(r"\b(?:(?:front|war|fight|campaign|struggle|efforts?|operations?|insurgency)\s+against"
                  r"|incit(?:e|es|ed|ing)\s+against"
                  r"|(?:to|in)\s+(?:defeat(?:ing)?|destroy(?:ing)?|fight(?:ing)?|combat(?:ing)?|curb(?:ing)?|counter(?:ing)?))\s+", re.I)
_REACH = re.compile(r"(?:the\s+)?(?:(?:[\w’'-]+\s+){0,3}?of\s+(?:the\s+)?)?")
_CLAUSE = re.compile(r"[.;:!?()]|\bbut\b")
_BOUND = re.compile(r"\b(?:to|into|toward|towards|from|via)\s+(?:the\s+)?$")  # "sending arms to Syria": where, not who
_FRONTED = re.compile(r"^\s*(?:As\s+part\s+of\s+|In\s+)?(?:its|their)\s+")


def _actors(proposer: Proposer, nodes: list[Node]) -> list[Node]:
    return [n for n in nodes if n.kind in ("linked", "new", "reference") and proposer.ontology.is_subclass(n.type, LB + "Actor")]


def opposed(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """The opposes facts of the cues above: who, before the cue (or after a fronted phrase), struggles against whom."""
    out = []
    actors = _actors(proposer, nodes)
    for m in _CUE.finditer(text):
        target = next((n for n in actors if n.start >= m.end() and _REACH.fullmatch(text, m.end(), n.start)), None)
        if target is None:
            continue
        before = [n for n in actors if n.end <= m.start() and not _CLAUSE.search(text, n.end, m.start())
                  and not _BOUND.search(text, 0, n.start)]
        subject = before[-1] if before else None
        if subject is None and _FRONTED.match(text[:m.start()]):
            comma = text.find(",", target.end)
            subject = next((n for n in actors if comma >= 0 and n.start > comma and not _CLAUSE.search(text, comma, n.start)), None)
        if subject is not None and proposer.allowed(subject, "opposes", target):
            out.append(Proposed(subject.id, "opposes", target.id, f"{subject.words!r} … {m.group(0).strip()!r} … {target.words!r}"))
    return out
