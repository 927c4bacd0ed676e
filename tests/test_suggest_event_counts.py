"""kg suggest's count of what a dated event's verb acts on (kg.event_counts), on hand-made sentences."""

from __future__ import annotations

from kg.event_counts import event_counts
from kg.propose import Proposed
from kg.quantities import quantities

from .test_suggest_parts import proposer_of

TYPES = {"seizure-x": "Seizure", "strike-x": "Strike", "report-x": "Announcement"}


def found(text: str, facts: list[tuple]) -> set[tuple]:
    proposer = proposer_of(TYPES)
    return {(f.subject, f.property, f.object["value"], f.object["unit"])
            for f in event_counts(proposer, text, quantities(text), [Proposed(*f, "") for f in facts])}


def test_the_count_an_event_s_verb_acts_on_is_its_quantity():
    assert found("Customs officers seized 30 trucks at the gate on Friday.", [("seizure-x", "date", "2022-02-04")]) \
        == {("seizure-x", "quantity", 30, "truck")}
    assert found("On Friday the raid hit nine depots along the river.", [("strike-x", "date", "2022-02-04")]) \
        == {("strike-x", "quantity", 9, "depot")}
    # the counted noun after its modifier (what the number reader takes as the unit)
    assert found("On Friday the raid hit two storage warehouses.", [("strike-x", "date", "2022-02-04")]) \
        == {("strike-x", "quantity", 2, "warehouse")}
    assert found("Guards on Friday collected tolls from about 60 lorries an hour.", [("seizure-x", "date", "2022-02-04")]) \
        == {("seizure-x", "quantity", 60, "truck")}


def test_no_quantity_for_a_count_the_verb_does_not_take_or_an_event_that_only_speaks():
    strike = [("strike-x", "date", "2022-02-04")]
    # inside another thing's phrase, people, a report's count
    assert found("On Friday the raid hit a column of 20 trucks.", strike) == set()
    assert found("On Friday the raid killed nine fighters.", strike) == set()
    assert found("The monitor reported 40 trucks on Friday.", [("report-x", "date", "2022-02-04")]) == set()
    # two events, or a quantity already given
    assert found("On Friday the raid hit nine depots.", strike + [("seizure-x", "date", "2022-02-04")]) == set()
    given = strike + [("strike-x", "quantity", {"value": 3, "qualifier": "exactly", "unit": "depot"})]
    assert found("On Friday the raid hit nine depots.", given) == set()


def test_no_quantity_for_whom_a_sanction_lists_or_for_others_the_number_reader_names_no_thing_of():
    proposer_types = {**TYPES, "sanction-x": "Sanction"}
    proposer = proposer_of(proposer_types)
    text = "The ministry on Friday sanctioned three trading firms."
    given = [Proposed("sanction-x", "date", "2022-02-04", "")]
    assert event_counts(proposer, text, quantities(text), given) == []
    assert found("On Friday a bomb killed two guards and wounded three others.", [("strike-x", "date", "2022-02-04")]) == set()
