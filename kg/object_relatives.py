"""A state told in a relative clause whose subject follows the thing it is about: "the crossing, which Kataib Hezbollah
controls", "the road that the militias still use" (the cue patterns of kg.propose read only the words between two names,
and here the verb comes after both). The verb gives the relation: control ("controls", "holds"), running ("runs",
"operates"), guarding ("guards", "secures") or use ("uses").
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

# Between the thing and the clause's subject: ", which" or "that" (and an article).
_RELATIVE = re.compile(r",?\s+(?:which|that)\s+(?:the\s+)?", re.I)
_ADVERBS = r"(?:(?:\w+ly|still|now|also|long)\s+)*"
_AFTER = rf"\s+{_ADVERBS}(?:(?:has|have|had)\s+{_ADVERBS})?"
_VERBS = [(r"(?:controls?|controlled|holds?|held)", "controls", "ab"), (r"(?:runs?|ran|operates?|operated)", "operates", "ab"),
          (r"(?:guards?|guarded|secures?|secured|protects?|protected)", "secures", "ab"), (r"(?:uses?|used)", "usedBy", "ba")]
_VERB = [(re.compile(_AFTER + v + r"\b(?!\s+(?:to|by|in|on|at|from|through)\b)", re.I), prop, way) for v, prop, way in _VERBS]


def object_relatives(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[actor, p, thing] (or [thing, usedBy, actor]) for "<thing>, which <actor> <verb>"."""
    out = []
    nodes = [n for n in nodes if n.kind not in ("demonym", "unsure")]
    for thing, actor in zip(nodes, nodes[1:], strict=False):
        if not _RELATIVE.fullmatch(text, thing.end, actor.start) or not proposer.ontology.is_subclass(actor.type, LB + "Actor"):
            continue
        for verb, prop, way in _VERB:
            m = verb.match(text, actor.end)
            if m is None:
                continue
            s, o = (actor, thing) if way == "ab" else (thing, actor)
            if proposer.allowed(s, prop, o) and proposer.plausible(s, prop, o):
                out.append(Proposed(s.id, prop, o.id, f"{text[thing.start:m.end()]!r}: a relative clause with {actor.words!r} its subject"))
            break
    return out
