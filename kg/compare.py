"""What a new document's candidate facts have to do with what the graph already holds.

Against the reviewed statements of the other documents, a candidate fact
- corroborates those that state the same fact (same subject, property and object);
- disagrees with those that give another value where an event has one: another date, another number for the same
  count, another perpetrator;
- dates those whose day had no year (a month-day, "--11-17") when it gives its year: with that day, its month, or
  the year alone (the build checks the year can be that day's: kg.statements.check_date_resolution).
"""

from __future__ import annotations

from collections import defaultdict

from .ontology import DATE_PROPERTIES
from .statements import ConceptRef, EntityRef, QuantityValue, Statement, TypedValue, WaypointValue

# Properties with one value per event: two documents giving two values disagree.
SINGLE_VALUED = DATE_PROPERTIES | {"perpetrator", "casualties", "cost", "fee", "revenue", "tradeValue", "quantity"}


def object_key(value: object) -> str:
    """One comparable form of a fact's object, curated (kg.statements) or proposed (YAML values) alike."""
    if isinstance(value, EntityRef):
        return value.id
    if isinstance(value, ConceptRef):
        return value.iri.rsplit("#", 1)[-1]
    if isinstance(value, TypedValue):
        return value.lexical
    if isinstance(value, WaypointValue):
        return f"{value.place}#{value.sequence}"
    if isinstance(value, QuantityValue):
        return _quantity(value.value, value.min, value.max, value.qualifier.rsplit("#", 1)[-1], value.unit, value.per)
    if isinstance(value, dict):
        return _quantity(value.get("value"), value.get("min"), value.get("max"), value.get("qualifier"), value.get("unit"),
                         value.get("per"))
    return str(value)


def _quantity(value, lo, hi, qualifier, unit, per) -> str:
    def num(x):
        return "" if x is None else format(float(x), "g")
    return f"{num(value)}|{num(lo)}|{num(hi)}|{qualifier}|{unit}|{per or ''}"


class Known:
    """The facts of reviewed statements, by subject and property."""

    def __init__(self):
        self.by_subject_property: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        # (subject, object) -> [(property, statement id)] of the statements that say their facts happened or hold (not
        # what they plan, predict or deny): what a sentence naming both may say again (kg.known_relations)
        self.asserted_between: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)

    def add(self, stmt: Statement) -> None:
        for fact in stmt.facts:
            self.add_fact(fact.subject, fact.property.name, object_key(fact.object), stmt.id, stmt.modality == "asserted")

    def add_fact(self, subject: str, prop: str, obj: str, stmt_id: str, asserted: bool = True) -> None:
        self.by_subject_property[(subject, prop)].append((obj, stmt_id))
        if asserted:
            self.asserted_between[(subject, obj)].append((prop, stmt_id))


def compare(facts, known: Known) -> dict[str, list[str]]:
    """Ids of the statements the candidate facts corroborate, disagree with, or give the year of."""
    out: dict[str, list[str]] = {"corroborates": [], "disagrees": [], "dates": []}
    for fact in facts:
        ours = object_key(fact.object)
        for theirs, stmt_id in known.by_subject_property.get((fact.subject, fact.property), []):
            if theirs == ours:
                key = "corroborates"
            elif fact.property in DATE_PROPERTIES and theirs.startswith("--") and not ours.startswith("--"):
                if not theirs[1:].startswith(ours[4:]):
                    continue
                key = "dates"  # our date (the day, its month or its year alone) gives the year their month-day lacked
            elif fact.property in DATE_PROPERTIES and (ours.startswith(theirs) or theirs.startswith(ours)):
                continue  # one date is the other at a coarser precision
            elif fact.property in SINGLE_VALUED:
                key = "disagrees"
            else:
                continue
            if stmt_id not in out[key]:
                out[key].append(stmt_id)
    return out
