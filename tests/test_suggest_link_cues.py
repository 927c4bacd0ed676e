"""kg suggest's relation cues for what a crossing links and the faction a group is of (kg.relation_cues), on hand-made
sentences."""

from __future__ import annotations

from kg.state_cues import state_facts

from .test_suggest_parts import facts_of, nodes_of, proposer_of

TYPES = {"sdf": "Militia", "rabia": "Crossing", "nineveh": "Region", "hasakah": "Region", "badr": "Militia", "pmf": "Militia",
         "iran": "Country", "mosul": "Settlement"}


def test_a_crossing_that_is_the_link_between_two_places_connects_them():
    proposer = proposer_of(TYPES)
    text = "Rabia is the main official link between Nineveh and the Syrian province."
    assert facts_of(proposer, text, {"Rabia": "rabia", "Nineveh": "nineveh"}) == {("rabia", "connects", "nineveh")}
    text = "Rabia, which reopened in 2019, remains a vital commercial gateway between Nineveh and Hasakah."
    names = {"Rabia": "rabia", "Nineveh": "nineveh", "Hasakah": "hasakah"}
    found = {(f.subject, f.property, f.object) for f in state_facts(proposer, text, nodes_of(proposer, text, names), {})}
    assert found >= {("rabia", "connects", "nineveh")}
    # a link the crossing is not: the road between two places, and a town (not a crossing) between them
    text = "Rabia lies on the road between Nineveh and Hasakah."
    assert ("rabia", "connects", "nineveh") not in facts_of(proposer, text, names)
    text = "Mosul is the main link between Nineveh and Hasakah."
    assert facts_of(proposer, text, {"Mosul": "mosul", "Nineveh": "nineveh"}) == set()


def test_a_group_that_is_a_faction_of_a_body_is_part_of_it():
    proposer = proposer_of(TYPES)
    text = "Badr, another powerful faction of the PMF, said it would not leave."
    assert facts_of(proposer, text, {"Badr": "badr", "PMF": "pmf"}) == {("badr", "partOf", "pmf")}
    text = "Badr, a faction that the PMF distrusts, said it would not leave."
    assert facts_of(proposer, text, {"Badr": "badr", "PMF": "pmf"}) == set()
    text = "Badr, another faction backed by Iran, said it would not leave."
    assert ("badr", "partOf", "iran") not in facts_of(proposer, text, {"Badr": "badr", "Iran": "iran"})


def test_a_place_held_by_or_under_an_actor_is_controlled_by_it():
    proposer = proposer_of(TYPES)
    assert facts_of(proposer, "Trucks cross at SDF-held Rabia.", {"SDF": "sdf", "Rabia": "rabia"}) == {("sdf", "controls", "rabia")}
    assert facts_of(proposer, "Rabia is now firmly under SDF control.", {"SDF": "sdf", "Rabia": "rabia"}) == {("sdf", "controls", "rabia")}
    assert facts_of(proposer, "Rabia came under Badr in 2016.", {"Badr": "badr", "Rabia": "rabia"}) == {("badr", "controls", "rabia")}
    # under fire from a group is not under the group; a group under another is no place controlled
    assert facts_of(proposer, "Rabia came under fire from Badr.", {"Badr": "badr", "Rabia": "rabia"}) == set()
    assert ("pmf", "controls", "badr") not in facts_of(proposer, "Badr is under the PMF umbrella.", {"Badr": "badr", "PMF": "pmf"})


def test_an_actor_that_says_it_stands_with_another_supports_it():
    proposer = proposer_of(TYPES)
    assert facts_of(proposer, "Badr said it stood with the PMF.", {"Badr": "badr", "PMF": "pmf"}) == {("badr", "supports", "pmf")}
    assert facts_of(proposer, "Badr stood in for the PMF.", {"Badr": "badr", "PMF": "pmf"}) == set()
    text = "Badr, another faction of the PMF, said it stood with the SDF."
    names = {"Badr": "badr", "PMF": "pmf", "SDF": "sdf"}
    found = {(f.subject, f.property, f.object) for f in state_facts(proposer, text, nodes_of(proposer, text, names), {})}
    assert ("badr", "supports", "sdf") in found and ("pmf", "supports", "sdf") not in found
