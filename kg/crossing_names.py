"""The towns a crossing's own name joins: "the al-Qaim–Abu Kamal crossing", "the Qaim-Albukamal border crossing".

Where the register's label or alias matched the whole name, the towns inside it are no names of the sentence of their
own (kg.place_cues.crossing_ends reads the crossings a text words by their two towns), so the name's words are read
here: a run of one to three of its words whose consonants (kg.names.skeleton, which leaves out the Arabic article and
the vowels the spellings disagree on) are those of a town of the register is that town, which the crossing
`connects`. Only a name that holds two towns says what the crossing joins: "the al-Qa'im border crossing" names it by
one end, and curators seldom write that end as a fact there.
"""

from __future__ import annotations

import re

from .names import skeleton
from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .register import Entity

_WORDS = re.compile(r"[\w’']+")
_NOT_TOWN = frozenset({"border", "crossing", "crossings", "point", "gate", "the", "official", "main", "new", "old", "and"})
_MIN = 2  # consonants a town's skeleton needs (al-Qaim: k, m)


def town_skeletons(proposer: Proposer, entities: dict[str, Entity]) -> dict[str, str]:
    """The skeleton of each name and alias of the register's towns -> the town (a skeleton two towns share is no one's)."""
    out: dict[str, str] = {}
    for ent in entities.values():
        if ent.id not in proposer.types or not proposer.ontology.is_subclass(proposer.types[ent.id], LB + "Settlement"):
            continue
        for name in {ent.label, *ent.aliases}:
            key = skeleton(name)
            if len(key) >= _MIN:
                out[key] = ent.id if out.get(key, ent.id) == ent.id else ""
    return {k: v for k, v in out.items() if v}


def named_crossing_ends(proposer: Proposer, nodes: list[Node], towns: dict[str, str]) -> list[Proposed]:
    """[crossing, connects, town] for each town a crossing's own name holds."""
    out = []
    for n in nodes:
        if n.kind != "linked" or n.how.startswith("the crossing that joins") \
                or not proposer.ontology.is_subclass(n.type, LB + "Crossing"):
            continue
        words = _WORDS.findall(n.words.replace("-", " "))
        found: list[str] = []
        i = 0
        while i < len(words):
            for size in (3, 2, 1):
                run = words[i:i + size]
                if len(run) < size or any(w.lower() in _NOT_TOWN for w in run):
                    continue
                town = towns.get(skeleton(" ".join(run)))
                if town and town != n.id and town not in found:
                    found.append(town)
                    i += size - 1
                    break
            i += 1
        if len(found) < 2:
            continue  # "the al-Qaim border crossing": curators mostly give it no `connects`; "al-Qaim–Abu Kamal", both
        for town in found:
            if proposer.allowed(n, "connects", Node(n.start, n.end, town, proposer.types[town], n.words)):
                out.append(Proposed(n.id, "connects", town, f"{n.words!r}: a town in the crossing's own name"))
    return out
