"""A person's military rank as the text abbreviates it right before the name ("commander Lt. Gen. Muhammad …"): a
title of its own besides the office the words before it give (kg.propose's titles). The ontology's `title` of a Person,
verbatim."""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_RANK = re.compile(r"(?:^|[\s,(])((?:(?:Lt|Gen|Col|Maj|Brig|Adm|Capt|Cpt|Sgt)\.\s+)+)$")


def ranks(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[person, title, "Lt. Gen."] for a person named right after an abbreviated rank."""
    out = []
    for n in nodes:
        if n.kind not in ("linked", "new") or not proposer.ontology.is_subclass(n.type, LB + "Person"):
            continue
        m = _RANK.search(text[max(0, n.start - 30):n.start])
        if m:
            rank = m.group(1).strip()
            out.append(Proposed(n.id, "title", rank, f"the rank {rank!r} before {n.words!r}"))
    return out
