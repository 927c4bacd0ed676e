"""Pronouns taken as the entity they stand for: "It also controls the roads" (it = the militia the text named last),
"they have influence over it". The standard salience rule of coreference with agreement in number: a pronoun that
opens a sentence stands for the subject of the sentence before when that agrees with it, otherwise (and inside a
sentence) for the thing of its number named last. A curator sees the reading in each fact's reason.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node
from .reference import Salience

_PRONOUN = re.compile(r"\b(it|they)\b", re.I)
# "It is possible that", "it was reported", "it can be assumed": a pronoun that stands for no thing.
_EXPLETIVE = re.compile(r"\s+(?:\w+ly\s+)?(?:is|was|were|are|seems|seemed|appears|appeared|remains|"
                        r"(?:can|could|may|might|would|will|should|must)(?:\s+not|\s+also|\s+\w+ly)?\s+be)\b", re.I)
_MAKES = re.compile(r"\b(?:make|makes|made|making)\s+$", re.I)  # "makes it too important", "make it easier"
# Words that may come before a pronoun that opens a sentence: "However, it did not open".
_OPENING = re.compile(r"^\W*(?:(?:however|but|and|yet|still|so|thus|then|now|instead)\W*)?$", re.I)
# What a pronoun never stands for: a person (he, she), what is carried, an event or a count.
_NOT = ("Person", "PersonGroup", "Commodity", "Event", "Quantity", "Sect", "Mode", "SourceDocument")
RECENT = 2  # how many sentences back a pronoun reaches
# "Through it", "across it": a pronoun a thing passes through stands for a way across (a crossing, road, route, border).
_THROUGH = re.compile(r"\b(?:through|across|via)\s+$", re.I)
_WAYS = ("Crossing", "Route", "Road", "Border", "LandBridge")
# "The region", "this area": the region the text named last; not "the area between …", "the region of …".
_AREA = re.compile(r"\b(?:the|this|that)\s+(?:area|region)\b(?!\s+(?:of|between|around|near|along)\b|-)", re.I)
_PLURAL_HEAD = re.compile(r"(?<![su])s$", re.I)  # "militias", "Units", "Iranians"; not "Hizballah", "Force", "Crisis"


def plural(node: Node, salience: Salience) -> bool:
    """Whether the text names the thing in the plural: the head noun of the words ("Residents of al-Qaim", "the Shiite
    militias", "the Iranians") ends in a plural s. A country is one thing whatever its name ("the United States")."""
    if node.kind != "demonym" and salience.ontology.is_subclass(node.type, LB + "Country"):
        return False
    head = re.split(r"\s+of\s+", node.words.strip())[0].split()
    return bool(head) and bool(_PLURAL_HEAD.search(head[-1]))


def _fits(node: Node, is_plural: bool, salience: Salience, way: bool = False) -> bool:
    if way and not any(salience.ontology.is_subclass(node.type, LB + cls) for cls in _WAYS):
        return False
    if node.kind not in ("linked", "new", "reference", "demonym") or node.kind == "demonym" and not is_plural:
        return False  # an adjective ("Iraqi") is no antecedent of "it"; "the Iranians" is one of "they"
    if any(salience.ontology.is_subclass(node.type, LB + cls) for cls in _NOT):
        return False
    return plural(node, salience) == is_plural


def areas(text: str, nodes: list[Node], salience: Salience) -> list[Node]:
    """Nodes for "the region", "this area": the region named last in the sentence or the two before it, names and
    descriptions alike ("the area between Albu Kamal and al-Qaim … in the region")."""
    out = []
    for m in _AREA.finditer(text):
        if any(m.start() < n.end and n.start < m.end() for n in nodes):
            continue
        named = [n for sent in salience.recent[-RECENT:] for n in sent]
        named += sorted((n for n in nodes if n.end <= m.start()), key=lambda n: n.start)
        found = next((n for n in reversed(named) if n.kind in ("linked", "new", "reference")
                      and salience.ontology.is_subclass(n.type, LB + "Region")), None)
        if found is not None:
            out.append(Node(m.start(), m.end(), found.id, found.type, m.group(0), "reference", f"{m.group(0)!r}: the region named last"))
    return out


def pronouns(text: str, nodes: list[Node], salience: Salience) -> list[Node]:
    """Nodes for the pronouns "it" and "they" of a sentence and for "the region", then the sentence's nodes kept as what
    later pronouns may stand for."""
    regions = areas(text, nodes, salience)
    nodes, out = nodes + regions, []
    subject = salience.recent[-1] if salience.recent else []
    previous = [n for sent in salience.recent[-RECENT:] for n in sent]
    for m in _PRONOUN.finditer(text):
        taken = any(m.start() < n.end and n.start < m.end() for n in nodes)
        if taken or _EXPLETIVE.match(text, m.end()) or _MAKES.search(text[:m.start()]):
            continue
        is_plural, way = m.group(1).lower() == "they", bool(_THROUGH.search(text[:m.start()]))
        before = sorted((n for n in nodes if n.end <= m.start()), key=lambda n: n.start)
        found = next((n for n in before if _fits(n, is_plural, salience, way)), None)
        why = "the subject of the sentence"
        if found is None and _OPENING.match(text[:m.start()]):
            found = next((n for n in subject if _fits(n, is_plural, salience, way)), None)
            why = "the subject of the sentence before"
        if found is None:
            found = next((n for n in reversed(previous + before) if _fits(n, is_plural, salience, way)), None)
            why = "named last"
        if found is not None:
            out.append(Node(m.start(), m.end(), found.id, found.type, m.group(0), "reference",
                            f"{m.group(0)!r}: the {'plural ' if is_plural else ''}thing {why}"))
    salience.recent.append(sorted((n for n in nodes + out if n.kind in ("linked", "new", "reference", "demonym")), key=lambda n: n.start))
    return regions + out
