"""kg suggest's convoy a dated strike hit (kg.struck_convoys), on hand-made sentences."""

from __future__ import annotations

from kg.propose import Proposed
from kg.quantities import quantities
from kg.struck_convoys import struck_convoys

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"strike-x": "Strike", "seizure-x": "Seizure", "diesel": "Commodity", "raqqa": "Settlement"}


def found(text: str, names: dict[str, str], facts: list[tuple]) -> set[tuple]:
    proposer = proposer_of(TYPES)
    out = struck_convoys(proposer, text, nodes_of(proposer, text, names), quantities(text), [Proposed(*f, "") for f in facts], "009")
    return {(f.subject, f.property, f.object["value"] if isinstance(f.object, dict) else f.object) for f in out}


def test_a_convoy_a_dated_strike_hit_is_a_transfer_of_its_date_with_its_vehicles_and_goods():
    dated = [("strike-x", "date", "2022-07-01")]
    assert found("On Friday, drones hit a convoy of 9 lorries near Raqqa.", {"Raqqa": "raqqa"}, dated) \
        == {("transfer-2022-07-01", "date", "2022-07-01"), ("transfer-2022-07-01", "quantity", 9),
            ("strike-x", "concerns", "transfer-2022-07-01"), ("strike-x", "nearLocation", "raqqa")}
    assert found("A raid on a convoy of diesel tankers on Friday set them ablaze.", {"diesel": "diesel"}, dated) \
        == {("transfer-2022-07-01", "date", "2022-07-01"), ("transfer-2022-07-01", "cargo", "diesel"),
            ("strike-x", "concerns", "transfer-2022-07-01")}


def test_no_convoy_where_the_strike_did_not_hit_one_or_no_strike_is_dated():
    dated = [("strike-x", "date", "2022-07-01")]
    assert found("On Friday, drones hit a depot used by a convoy of 9 lorries.", {}, dated) == set()
    assert found("On Friday, guards stopped a convoy of 9 lorries.", {}, [("seizure-x", "date", "2022-07-01")]) == set()
    assert found("Drones hit a convoy of 9 lorries.", {}, [("strike-x", "target", "raqqa")]) == set()


def test_a_strike_on_a_convoy_was_where_the_convoy_was_hit():
    dated = [("strike-x", "date", "2022-07-01")]
    out = found("A raid on a convoy of 9 lorries near the northern town of Raqqa killed four men on Friday.", {"Raqqa": "raqqa"}, dated)
    assert ("strike-x", "nearLocation", "raqqa") in out
    # the sentence gives the strike's place, or the place is not where the convoy was
    assert ("strike-x", "nearLocation", "raqqa") not in found(
        "A raid on a convoy of 9 lorries near the town of Raqqa on Friday.", {"Raqqa": "raqqa"}, dated + [("strike-x", "location", "x")])
    assert ("strike-x", "nearLocation", "raqqa") not in found(
        "A raid on a convoy of 9 lorries bound for Raqqa on Friday.", {"Raqqa": "raqqa"}, dated)


def test_where_a_struck_convoy_was_going_is_its_destination():
    dated = [("strike-x", "date", "2022-07-01")]
    assert ("transfer-2022-07-01", "destination", "raqqa") in found(
        "A raid on a convoy of 9 lorries bound for Raqqa on Friday.", {"Raqqa": "raqqa"}, dated)
    assert ("transfer-2022-07-01", "destination", "raqqa") in found(
        "Drones hit a convoy of trucks carrying diesel to the city of Raqqa.", {"Raqqa": "raqqa"}, dated)
    # a place the convoy was near, not going to
    assert ("transfer-2022-07-01", "destination", "raqqa") not in found(
        "Drones hit a convoy of trucks near Raqqa.", {"Raqqa": "raqqa"}, dated)
