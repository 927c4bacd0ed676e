"""Influence and control an actor is said to have over a place, where the noun rather than a verb tells it:

- "A has considerable influence over B", "A wields control over B", "A exerts influence in B";
- "B, over which A has considerable influence, and possibly control": the relative clause after the place, each noun
  of the list its own fact;
- "A is the dominant force in B", "On B …, the dominant military forces are A" (the place the sentence opens on): the
  dominant force influences the place.

influence gives the ontology's influences, control its controls; each fact is one the ontology's domain and range allow
(an actor and a place: Proposer.allowed), with the words that gave it.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_MARKUP = re.compile(r"[*_]+|<[^>]+>")
_HAVE = r"(?:has|have|had|having|wields?|wielded|exerts?|exerted|exercises?|exercised|enjoys?|enjoyed|maintains?|maintained)"
# The words after the verb up to the preposition: "considerable influence, and possibly control", "a strong grip and control".
_NOUNS = re.compile(rf"\s+(?:(?:now|also|still|already|\w+ly)\s+)?{_HAVE}\s+((?:a\s+|an\s+)?(?:[\w-]+,?\s+){{0,4}}?(?:influence|control)\b"
                    r"(?:,?\s+(?:and|or)\s+(?:[\w-]+\s+){0,2}?(?:influence|control)\b)?)", re.I)
_OVER = r"\s+(?:over|on|in)\s+(?:the\s+)?"
_OVER_WHICH = re.compile(r"\s*,?\s*(?:over|on|in)\s+which\s+$", re.I)
_PROPS = (("influence", "influences"), ("control", "controls"))


def influence_facts(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[actor, influences|controls, place] for the two patterns above."""
    plain_nodes = [n for n in nodes if n.kind != "unsure"]
    spaced = _MARKUP.sub(lambda g: " " * len(g.group(0)), text)  # the words without emphasis, at the same offsets
    out = []
    for i, a in enumerate(plain_nodes):
        m = _NOUNS.match(spaced, a.end)
        if m is None:
            continue
        nouns = m.group(1).lower()
        forward = [b for b in plain_nodes[i + 1:] if re.fullmatch(_OVER, spaced[m.end():b.start], re.I)]
        before = [b for b in plain_nodes[:i] if _OVER_WHICH.fullmatch(spaced[b.end:a.start])]
        for place in forward[:1] + before[-1:]:
            for noun, prop in _PROPS:
                if re.search(rf"\b{noun}\b", nouns) and proposer.allowed(a, prop, place) and proposer.plausible(a, prop, place):
                    out.append(Proposed(a.id, prop, place.id, f"{a.words!r} {m.group(0).strip()!r} … {place.words!r}"))
    return out


_DOMINANT = r"\bthe\s+(?:most\s+)?(?:dominant|strongest|leading)\s+(?:\w+\s+)?(?:forces?|powers?|actors?)"
_IS_DOMINANT = re.compile(rf"\s+(?:is|are|was|were|remains?|remained|has\s+become|have\s+become)\s+{_DOMINANT}"
                          r"\s+(?:in|on|at)\s+(?:the\s+)?$", re.I)
_DOMINANT_ARE = re.compile(rf"{_DOMINANT}\s+(?:is|are|was|were)\s+(?:the\s+)?[*_“\"]*$", re.I)
_OPENS_ON = re.compile(r"^[\W_]*(?:On|In|At)\s+(?:the\s+)?$")


def dominant_forces(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[actor, influences, place] where the actor is the dominant force in the place, or the dominant forces of the
    place the sentence opens on are the actor."""
    spaced = _MARKUP.sub(lambda g: " " * len(g.group(0)), text)
    named = [n for n in nodes if n.kind in ("linked", "new", "reference")]
    is_a = proposer.ontology.is_subclass
    opening = next((n for n in named if is_a(n.type, LB + "Place") and _OPENS_ON.match(spaced[:n.start])), None)
    out = []
    for i, a in enumerate(named):
        pairs = [(a, b) for b in named[i + 1:i + 2] if _IS_DOMINANT.fullmatch(spaced[a.end:b.start])]
        m = _DOMINANT_ARE.search(spaced, 0, a.start)
        if opening is not None and m is not None and m.end() == a.start and opening.end <= m.start():
            pairs.append((a, opening))
        for actor, place in pairs:
            if proposer.allowed(actor, "influences", place) and proposer.plausible(actor, "influences", place):
                out.append(Proposed(actor.id, "influences", place.id, f"{actor.words!r}: the dominant force in {place.words!r}"))
    return out
