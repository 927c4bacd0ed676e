"""The kinds of goods a sentence gives as examples of the goods something carries: "the smuggling of goods into Syria,
such as subsidized medicines, gasoline, clothing and electrical appliances".

Where the sentence's facts give a route, crossing or activity a commodity as cargo and the commodity's name is followed,
in its clause, by "such as", "including" or "like" and a list, each item of the list (plain words, up to the item "and"
or "or" joins last) is a commodity it carries too: the register's, by label, alias or common word (kg.cargo_words), or
a new entry of the ontology's Commodity named by the item's words.
"""

from __future__ import annotations

import re

from .cargo_words import commodity_item, commodity_words
from .namespaces import LB
from .propose import NewEntity, Node, Proposed, Proposer, slug
from .register import Entity

# Between the commodity and its examples: a short phrase of where (" into Syria"), then "such as" and the like.
_SUCH = re.compile(r"[^.;:!?()]{0,40}?,?\s+(?:such as|including|like|notably|especially)\s+")
# One item: one to three plain (lower-case) words, then a comma, "and", "or" or the list's end.
_ITEM = re.compile(r"(?P<sep>,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)?(?P<words>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}?)"
                   r"(?=,|\s+and\s|\s+or\s|[.;:!?()]|$)")


def goods_examples(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed], entities: dict[str, Entity],
                   document: str) -> list[Proposed]:
    """[carrier, cargo, item] for each kind of goods listed as an example of a commodity the carrier's facts give it."""
    out: list[Proposed] = []
    words = None
    for n in nodes:
        carriers = [f.subject for f in facts if f.property == "cargo" and f.object == n.id]
        m = _SUCH.match(text, n.end) if carriers else None
        if m is None:
            continue
        if words is None:
            words = commodity_words(entities, proposer.ontology)
        for item in _items(text, m.end()):
            found = commodity_item(item, words) or new_commodity(proposer, item, entities, document)
            if found and found != n.id:
                out += [Proposed(c, "cargo", found, f"{item!r}, an example of the {n.words!r} it carries") for c in carriers]
    return out


def _items(text: str, start: int) -> list[str]:
    """The items of a list from start, up to the one "and" or "or" joins (the last)."""
    out = []
    pos = start
    while True:
        m = _ITEM.match(text, pos)
        if m is None or (out and not m.group("sep")):
            return out
        out.append(m.group("words"))
        if m.group("sep") and re.search(r"\b(?:and|or)\b", m.group("sep")):
            return out
        pos = m.end()


def new_commodity(proposer: Proposer, item: str, entities: dict[str, Entity], document: str) -> str | None:
    """A new Commodity entry named by an item's words (one per words), unless the register has the id for another kind;
    None for an item that is no kind of goods in plain words (a name, a number)."""
    if not re.fullmatch(r"[A-Za-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}", item):
        return None
    ent_id = slug(item)
    if ent_id in entities or (ent_id in proposer.types and ent_id not in proposer.new):
        return ent_id if proposer.ontology.is_subclass(proposer.types.get(ent_id, ""), LB + "Commodity") else None
    if ent_id not in proposer.new:
        proposer.new[ent_id] = NewEntity(ent_id, "Commodity", item, [item],
                                         f"Commodity: {item!r}, listed with goods, in document {document}")
        proposer.types[ent_id] = LB + "Commodity"
    return ent_id
