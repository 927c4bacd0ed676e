"""kg suggest's state a crossing or road stands in (kg.standing_statuses), on hand-made sentences."""

from kg.standing_statuses import standing_statuses
from tests.test_suggest_parts import rule_facts

TYPES = {"x-crossing": "OfficialCrossing", "x-road": "Road", "x-town": "Settlement", "x-group": "Militia"}


def test_a_setting_between_the_crossing_and_its_verb():
    text = "The smaller crossing north of the river port remains blocked to lorries."
    assert rule_facts(standing_statuses, TYPES, text, {"smaller crossing": "x-crossing"}) == {("x-crossing", "status", "blocked")}


def test_shut_is_closed_and_a_compass_phrase_is_a_setting():
    text = "The desert road further west had been shut since the floods."
    assert rule_facts(standing_statuses, TYPES, text, {"desert road": "x-road"}) == {("x-road", "status", "closed")}
    text = "The Zarqa crossing, in the south, is now open."
    assert rule_facts(standing_statuses, TYPES, text, {"Zarqa crossing": "x-crossing"}) == {("x-crossing", "status", "open")}


def test_no_status_of_a_negated_verb_a_town_or_a_later_clause():
    crossing = {"Zarqa crossing": "x-crossing"}
    assert not rule_facts(standing_statuses, TYPES, "The Zarqa crossing has not been closed.", crossing)
    assert not rule_facts(standing_statuses, TYPES, "Beit Nur remains closed to visitors.", {"Beit Nur": "x-town"})
    text = "The Zarqa crossing, which the Green Brigade said was closed, is busy."
    assert not rule_facts(standing_statuses, TYPES, text, {**crossing, "the Green Brigade": "x-group"})
