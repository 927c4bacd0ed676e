"""What a route or crossing carries when the sentence lists it in plain words the name finder leaves unlinked: "the route
allows Iran to send forces, supplies and weapons through Iraq", "the crossing would open for the passage of merchandise
and travelers". After a verb of moving goods (kg.route_cues' cue words), each item of the list that follows, up to the
next preposition of where, is the register's commodity whose label or alias is the item's last word, or whose label a
common word for it gives ("forces" and "reinforcements" are fighters moved along a route).
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .register import Entity
from .route_cues import CARRIES, clause_end

# Common words for a commodity the register names otherwise: the word, and the register label it stands for.
_SYNONYMS = {"forces": "fighters", "reinforcements": "fighters", "militiamen": "fighters", "troops": "fighters",
             "militias": "fighters", "arms": "weapons", "hardware": "military equipment", "materiel": "military equipment",
             "merchandise": "goods"}
_LIST_END = re.compile(r"\s(?:through|to|into|via|from|across|by|for|in|on|along|between)\s|[.;:!?()]|$", re.I)
_ITEMS = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)")


def commodity_words(entities: dict[str, Entity], ontology) -> dict[str, str]:
    """Each register commodity's label and aliases (lower case), and the common words above, to the commodity's id."""
    words = {}
    for e in entities.values():
        if ontology.is_subclass(e.type, LB + "Commodity"):
            for w in (e.label, *e.aliases):
                words.setdefault(w.lower(), e.id)
    by_label = {e.label.lower(): e.id for e in entities.values() if ontology.is_subclass(e.type, LB + "Commodity")}
    for word, label in _SYNONYMS.items():
        if label in by_label:
            words.setdefault(word, by_label[label])
    return words


def unnamed_cargo(proposer: Proposer, text: str, nodes: list[Node], entities: dict[str, Entity]) -> list[Proposed]:
    """[route or crossing, cargo, commodity] for the items a verb of moving goods lists after the route in its clause."""
    out: list[Proposed] = []
    words = None
    for route in nodes:
        if route.kind in ("demonym", "unsure") or not any(proposer.ontology.is_subclass(route.type, LB + c) for c in ("Route", "Crossing")):
            continue
        end = clause_end(text, route.end)
        cue = CARRIES.search(text, route.end, end)
        if cue is None:
            continue
        if words is None:
            words = commodity_words(entities, proposer.ontology)
        stop = _LIST_END.search(text, cue.end())
        for item in _ITEMS.split(text[cue.end():stop.start() if stop else len(text)]):
            found = commodity_item(item, words)
            if found and all(n.id != found for n in nodes if n.start >= cue.end()):
                out.append(Proposed(route.id, "cargo", found, f"{route.words!r} … {cue.group(0)!r} … {item.strip()!r}"))
    return out


def commodity_item(item: str, words: dict[str, str]) -> str | None:
    """The commodity an item's last one or two words name ("a much greater volume of weapons", "military equipment")."""
    tokens = re.findall(r"[\w’'-]+", item.lower())
    for n in (2, 1):
        if len(tokens) >= n and " ".join(tokens[-n:]) in words:
            return words[" ".join(tokens[-n:])]
    return None
