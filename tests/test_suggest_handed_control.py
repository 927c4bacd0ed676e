"""kg suggest's handovers of control (kg.handed_control), on hand-made sentences."""

from __future__ import annotations

from kg.handed_control import handed_control

from .test_suggest_parts import rule_facts

TYPES = {"rabia": "OfficialCrossing", "army": "StateForce", "badr": "Militia", "syria": "Country", "mosul": "Settlement",
         "ministry": "GovernmentBody"}


def found(text: str, names: dict[str, str]) -> set[tuple]:
    return rule_facts(handed_control, TYPES, text, names)


def test_the_one_a_place_is_handed_to_controls_it():
    assert found("Baghdad handed full control of Rabia to the army in May.", {"Rabia": "rabia", "army": "army"}) == {
        ("army", "controls", "rabia")}
    assert found("The government should hand Rabia over to the army.", {"Rabia": "rabia", "army": "army"}) == {
        ("army", "controls", "rabia")}
    assert found("Officials want to put Rabia under the control of the army, not Badr.",
                 {"Rabia": "rabia", "army": "army", "Badr": "badr"}) == {("army", "controls", "rabia")}
    assert found("Rabia was formally handed over to the army.", {"Rabia": "rabia", "army": "army"}) == {("army", "controls", "rabia")}


def test_no_control_where_nothing_is_handed_or_the_receiver_is_no_actor():
    # a place named near "to" without a handover; a country is not a place handed here; a place handed to a place
    assert found("Trucks drove from Rabia to the army camp.", {"Rabia": "rabia", "army": "army"}) == set()
    assert found("Badr handed Syria to the army.", {"Syria": "syria", "army": "army", "Badr": "badr"}) == set()
    assert found("The ministry handed Rabia to Mosul traders.", {"Rabia": "rabia", "Mosul": "mosul", "ministry": "ministry"}) == set()
    assert found("Badr handed over the keys of Rabia to the army.", {"Rabia": "rabia", "army": "army", "Badr": "badr"}) == set()

