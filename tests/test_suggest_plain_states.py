"""kg suggest's states told with a plain verb of being (kg.relation_cues), on hand-made sentences."""

from __future__ import annotations

from .test_suggest_parts import facts_of, proposer_of

TYPES = {"badr": "Militia", "iran": "Country", "hama": "Settlement", "crossing": "OfficialCrossing"}


def test_a_place_under_the_control_of_or_held_by_a_group_is_controlled_by_it():
    names = {"Hama": "hama", "Badr": "badr"}
    assert ("badr", "controls", "hama") in facts_of(proposer_of(TYPES), "Hama is under the control of Badr.", names)
    assert ("badr", "controls", "hama") in facts_of(proposer_of(TYPES), "Hama remains firmly in the hands of Badr.", names)


def test_a_crossing_run_or_manned_by_a_group_is_operated_by_it():
    names = {"Qaim crossing": "crossing", "Badr": "badr"}
    assert ("badr", "operates", "crossing") in facts_of(proposer_of(TYPES), "The Qaim crossing, which is run by Badr, is shut.", names)
    assert ("badr", "operates", "crossing") in facts_of(proposer_of(TYPES), "The Qaim crossing is manned by Badr.", names)


def test_a_group_backed_or_funded_by_a_state():
    names = {"Badr": "badr", "Iran": "iran"}
    assert ("iran", "sponsors", "badr") in facts_of(proposer_of(TYPES), "Badr is backed by Iran.", names)
    assert ("badr", "fundedBy", "iran") in facts_of(proposer_of(TYPES), "Badr has long been funded by Iran.", names)


def test_no_state_where_the_words_between_say_something_else():
    names = {"Hama": "hama", "Badr": "badr"}
    assert facts_of(proposer_of(TYPES), "Hama is far from the control of Badr.", names) == set()
    assert facts_of(proposer_of(TYPES), "Badr is angered by Iran.", {"Badr": "badr", "Iran": "iran"}) == set()


def test_a_town_an_appositive_sets_in_a_province_lies_in_it():
    names = {"Hit": "hit", "Anbar": "anbar"}
    types = {**TYPES, "hit": "Settlement", "anbar": "Region"}
    assert ("hit", "locatedIn", "anbar") in facts_of(proposer_of(types), "Hit, a city in western Anbar, was calm.", names)
    assert ("hit", "locatedIn", "anbar") not in facts_of(proposer_of(types), "Hit, a city far from Anbar, was calm.", names)


def test_a_groups_fighters_or_positions_in_a_place_put_it_there():
    names = {"Badr": "badr", "Hama": "hama"}
    assert ("badr", "deployedIn", "hama") in facts_of(proposer_of(TYPES), "Badr fighters in Hama fired on the road.", names)
    assert ("badr", "hasPresenceIn", "hama") in facts_of(proposer_of(TYPES), "Badr also has positions in Hama.", names)
    assert facts_of(proposer_of(TYPES), "Badr sent its fighters from Hama.", names) == set()


def test_what_moves_along_a_road_is_its_cargo():
    types = {**TYPES, "fuel": "Commodity", "highway": "Road"}
    names = {"fuel": "fuel", "M4 highway": "highway"}
    assert ("highway", "cargo", "fuel") in facts_of(proposer_of(types), "Most fuel moves along the M4 highway.", names)
    assert ("highway", "cargo", "fuel") not in facts_of(proposer_of(types), "Most fuel is sold beside the M4 highway.", names)
