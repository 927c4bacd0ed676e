"""kg suggest's places a crossing joins (kg.linked_places), on hand-made sentences."""

from kg.linked_places import linked_places

from .test_suggest_parts import rule_facts

TYPES = {"x-gate": "OfficialCrossing", "tal-sabr": "Settlement", "nur": "Settlement", "x-road": "Road", "x-group": "Militia"}


def test_both_places_a_crossing_links():
    text = "The gate, which links Tal Sabr with the small Jordanian town of Nur, reopened."
    names = {"The gate": "x-gate", "Tal Sabr": "tal-sabr", "Nur": "nur"}
    assert rule_facts(linked_places, TYPES, text, names) == {("x-gate", "connects", "tal-sabr"), ("x-gate", "connects", "nur")}


def test_no_link_of_a_road_a_group_or_a_single_place():
    assert not rule_facts(linked_places, TYPES, "The road, which links Tal Sabr with Nur, is paved.",
                          {"The road": "x-road", "Tal Sabr": "tal-sabr", "Nur": "nur"})
    assert not rule_facts(linked_places, TYPES, "The gate, which links Tal Sabr with the Green Brigade, is busy.",
                          {"The gate": "x-gate", "Tal Sabr": "tal-sabr", "the Green Brigade": "x-group"})
    assert not rule_facts(linked_places, TYPES, "The gate links Tal Sabr to its farms.", {"The gate": "x-gate", "Tal Sabr": "tal-sabr"})
