"""Two passive clauses joined by "and" both say something of the thing before them: in "the militias, handled by Iran
and supported by Iranian advisors" the advisors support the militias, as Iran sponsors them (kg.propose reads the
first clause; this reads the second with the first's subject)."""

from __future__ import annotations

import re

from .propose import Node, Proposed, Proposer
from .relation_cues import RELATIONS

_BY = re.compile(r"^,? (?:\w+ )?by (?:the )?$")  # ", handled by ", ", backed by the "
_SECOND = re.compile(r"^ and (\w+ by (?:the )?)$")  # " and supported by "
_CUES = [(re.compile(pattern), prop, way) for pattern, prop, way in RELATIONS if way == "ba"]


def coordinated_passives(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[agent, property, thing] for "thing, V-ed by X and W-ed by agent", the property W-ed by gives."""
    out = []
    for thing, first, agent in zip(nodes, nodes[1:], nodes[2:], strict=False):
        second = _SECOND.match(text[first.end:agent.start])
        if second is None or not _BY.match(text[thing.end:first.start]) or agent.kind in ("demonym", "unsure"):
            continue
        cue = ", " + second.group(1)
        for pattern, prop, _ in _CUES:
            if pattern.fullmatch(cue) and proposer.allowed(agent, prop, thing) and proposer.plausible(agent, prop, thing):
                out.append(Proposed(agent.id, prop, thing.id, f"{thing.words!r}{text[thing.end:agent.start]}{agent.words!r}"))
                break
    return out
