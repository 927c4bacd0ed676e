"""kg suggest's crossings and roads the text makes part of a route (kg.route_parts), on hand-made sentences."""

from __future__ import annotations

from kg.route_parts import route_parts

from .test_suggest_parts import rule_facts

TYPES = {"iran": "Country", "qaim-crossing": "OfficialCrossing", "land-bridge": "Route", "al-qaim": "Settlement"}


def found(text: str, names: dict[str, str]) -> set[tuple]:
    return rule_facts(route_parts, TYPES, text, names)


def test_a_crossing_that_will_be_part_of_a_states_route_is_a_component_of_it():
    text = "Analysts fear the Qaim crossing would be a vital part of Iran's “land corridor” to the sea."
    assert found(text, {"Qaim crossing": "qaim-crossing", "Iran": "iran", "land corridor": "land-bridge"}) == {
        ("qaim-crossing", "componentOf", "land-bridge")}


def test_no_component_without_part_of_or_of_a_town():
    text = "Analysts fear the Qaim crossing would open Iran's “land corridor” to the sea."
    assert found(text, {"Qaim crossing": "qaim-crossing", "Iran": "iran", "land corridor": "land-bridge"}) == set()
    text = "Analysts fear al-Qaim would be part of Iran's “land corridor”."
    assert found(text, {"al-Qaim": "al-qaim", "Iran": "iran", "land corridor": "land-bridge"}) == set()
