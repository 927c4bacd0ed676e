"""What news phrasing says of actors and routes beside their names, on hand-made sentences: an apposition's sect and
backer, a nationality adjective before a group's name, a route given by its mode ("by road across A into B")."""

from __future__ import annotations

import pytest

from kg.namespaces import LB

from .test_suggest_parts import nodes_of

LABELS = {"iran": "Iran", "iraq": "Iraq", "syria": "Syria", "pakistan": "Pakistan", "lebanon": "Lebanon"}


@pytest.fixture
def proposer():
    from kg.event_index import EventIndex
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT
    from kg.propose import Proposer

    ontology = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")
    types = {c: LB + "Country" for c in LABELS} | {
        "badr": LB + "Militia", "zainabiyoun": LB + "Militia", "tribes": LB + "Militia", "council": LB + "GovernmentBody",
        "roe": LB + "Person", "doe": LB + "Person", "mosul": LB + "Settlement", "erbil": LB + "Settlement",
        "poe": LB + "Person", "monitor": LB + "MediaOutlet", "firm": LB + "Organization",
        "guard": LB + "StateForce", "us-forces": LB + "StateForce", "base": LB + "MilitaryBase",
        "land-bridge": LB + "LandBridge", "air-bridge": LB + "AirBridge", "aleppo": LB + "Settlement", "beirut": LB + "Settlement"}
    return Proposer(ontology, types, EventIndex(ontology))


def _facts(found):
    return {(f.subject, f.property, f.object) for f in found}


def test_the_apposition_after_a_name_gives_its_sect_and_backer(proposer):
    from kg.appositions import appositive_facts

    text = "Officials blamed the Badr Organization, a largely Shia paramilitary group, and Liwa Zainabiyoun, another Iran-backed unit."
    nodes = nodes_of(proposer, text, {"Badr Organization": "badr", "Liwa Zainabiyoun": "zainabiyoun"})
    assert _facts(appositive_facts(proposer, text, nodes, LABELS)) == {("badr", "sect", "shia"), ("iran", "sponsors", "zainabiyoun")}


def test_an_apposition_of_hostility_or_a_clause_says_nothing_of_the_name(proposer):
    from kg.appositions import appositive_facts

    for text in ("The tribal council, a rival of the Sunni militias, met the Badr Organization.",
                 "The Badr Organization, which fought Sunni fighters and Iran-backed units, withdrew.",
                 "The Badr Organization said Sunni groups, the Iran-backed units and others had left."):
        nodes = nodes_of(proposer, text, {"Badr Organization": "badr"} | ({"tribal council": "council"} if "council" in text else {}))
        assert _facts(appositive_facts(proposer, text, nodes, LABELS)) == set(), text


def test_a_nationality_adjective_before_a_groups_name_gives_its_country(proposer):
    from kg.appositions import national_groups

    text = "Fighters of the Pakistani Zainabiyoun brigade joined the Lebanese Badr Organization near Aleppo."
    nodes = nodes_of(proposer, text, {"Zainabiyoun": "zainabiyoun", "Badr Organization": "badr", "Aleppo": "aleppo"})
    assert _facts(national_groups(proposer, text, nodes, LABELS)) == {("zainabiyoun", "country", "pakistan"),
                                                                        ("badr", "country", "lebanon")}
    # a capitalised word that is no nationality, and a nationality before a place, say nothing
    text = "The Northern Zainabiyoun brigade held the Syrian Aleppo road."
    nodes = nodes_of(proposer, text, {"Zainabiyoun": "zainabiyoun", "Aleppo": "aleppo"})
    assert _facts(national_groups(proposer, text, nodes, LABELS)) == set()


def test_a_route_given_by_its_mode_and_ends(proposer):
    from kg.mode_phrases import by_mode

    text = "The network ships rockets by road through Iraq to Aleppo, and by air via Syria into Beirut."
    nodes = nodes_of(proposer, text, {"Iraq": "iraq", "Aleppo": "aleppo", "Syria": "syria", "Beirut": "beirut"})
    assert _facts(by_mode(proposer, text, nodes)) == {
        ("land-bridge", "mode", "land"), ("land-bridge", "passesThrough", "iraq"), ("land-bridge", "destination", "aleppo"),
        ("air-bridge", "mode", "air"), ("air-bridge", "passesThrough", "syria"), ("air-bridge", "destination", "beirut")}


def test_by_road_without_carrying_is_no_route(proposer):
    from kg.mode_phrases import by_mode

    text = "Aleppo is three hours by road from Iraq."
    nodes = nodes_of(proposer, text, {"Aleppo": "aleppo", "Iraq": "iraq"})
    assert _facts(by_mode(proposer, text, nodes)) == set()


def test_a_persons_apposition_gives_the_title_and_the_body_or_place(proposer):
    from kg.person_appositions import person_appositions

    text = "Jane Roe, a spokeswoman for the Badr Organization, and John Doe, a 52-year-old fuel trader from Mosul, spoke."
    nodes = nodes_of(proposer, text, {"Jane Roe": "roe", "Badr Organization": "badr", "John Doe": "doe", "Mosul": "mosul"})
    assert _facts(person_appositions(proposer, text, nodes)) == {
        ("roe", "title", "spokeswoman"), ("roe", "memberOf", "badr"), ("doe", "title", "fuel trader"), ("doe", "hasPresenceIn", "mosul")}


def test_a_place_further_on_or_inside_a_word_is_not_where_the_person_is(proposer):
    from kg.person_appositions import person_appositions

    text = "John Doe, an analyst at an Erbil-based institute who studies Mosul, spoke; Jane Roe, a mother of three in Mosul, left."
    nodes = nodes_of(proposer, text, {"John Doe": "doe", "Erbil": "erbil", "Mosul": "mosul", "Jane Roe": "roe"})
    assert _facts(person_appositions(proposer, text, nodes)) == {("doe", "title", "analyst")}


def test_a_place_based_actor_has_a_presence_there(proposer):
    from kg.based_in import based_in

    text = "Two Mosul-based trading firms and the Erbil-based Badr Organization were named."
    proposer.types["firms"] = LB + "Organization"
    nodes = nodes_of(proposer, text, {"Mosul": "mosul", "trading firms": "firms", "Erbil": "erbil", "Badr Organization": "badr"})
    assert _facts(based_in(proposer, text, nodes)) == {("firms", "hasPresenceIn", "mosul"), ("badr", "hasPresenceIn", "erbil")}
    # the actor named after the thing that is based there is not
    text = "A Mosul-based study of the trade, by Jane Roe, was cited."
    nodes = nodes_of(proposer, text, {"Mosul": "mosul", "Jane Roe": "roe"})
    assert _facts(based_in(proposer, text, nodes)) == set()


def test_a_states_possessive_before_its_body_gives_the_bodys_country(proposer):
    from kg.appositions import possessed_bodies

    text = "Syria's Border Guard met Iraq's Badr Organization."
    nodes = nodes_of(proposer, text, {"Syria": "syria", "Border Guard": "guard", "Iraq": "iraq", "Badr Organization": "badr"})
    assert _facts(possessed_bodies(proposer, text, nodes)) == {("guard", "country", "syria")}  # a militia is no state's body


def test_a_states_force_at_a_place_is_deployed_there(proposer):
    from kg.presence_cues import forces_at

    text = "Drones struck U.S. forces at the Mosul base, and the Border Guard near Erbil fired back at Iraq."
    nodes = nodes_of(proposer, text, {"U.S. forces": "us-forces", "Mosul base": "base", "Border Guard": "guard", "Erbil": "erbil",
                                      "Iraq": "iraq"})
    assert _facts(forces_at(proposer, text, nodes)) == {("us-forces", "deployedIn", "base")}


def test_a_new_facility_named_after_its_town_lies_in_it(proposer):
    from kg.named_facilities import named_facilities
    from kg.propose import Node

    labels = LABELS | {"mosul": "Mosul", "erbil": "Erbil"}
    proposer.types.update({"mosul-airport": LB + "Installation", "erbil-road": LB + "Road", "mosul-base": LB + "Installation"})
    nodes = [Node(0, 22, "mosul-airport", LB + "Installation", "Mosul International Airport", "new"),
             Node(30, 40, "erbil-road", LB + "Road", "Erbil Road", "new"),
             Node(50, 60, "mosul-base", LB + "Installation", "Mosul Base", "linked")]
    # a road named after its end, and a facility the register already has, are left as they are
    assert _facts(named_facilities(proposer, nodes, labels)) == {("mosul-airport", "locatedIn", "mosul")}


def test_the_people_listed_after_a_counted_description(proposer):
    from kg.person_appositions import listed_people

    text = "Sanctions hit two Syrian fuel traders, Jane Roe and John Doe, and the Badr Organization."
    nodes = nodes_of(proposer, text, {"Jane Roe": "roe", "John Doe": "doe", "Badr Organization": "badr"}, {"Syrian": "syria"})
    assert _facts(listed_people(proposer, text, nodes)) == {
        ("roe", "title", "fuel traders"), ("doe", "title", "fuel traders"), ("roe", "country", "syria"), ("doe", "country", "syria")}
    # a list longer than the count is another list
    text = "Sanctions hit two Syrian fuel traders, Jane Roe, John Doe and Jim Poe."
    nodes = nodes_of(proposer, text, {"Jane Roe": "roe", "John Doe": "doe", "Jim Poe": "poe"}, {"Syrian": "syria"})
    assert _facts(listed_people(proposer, text, nodes)) == set()


def test_a_town_the_apposition_calls_a_countrys_town_lies_in_it(proposer):
    from kg.appositions import appositive_towns

    text = "Fighters reached Mosul, an Iraqi border town, then Erbil, a town that Syrian forces had left."
    nodes = nodes_of(proposer, text, {"Mosul": "mosul", "Erbil": "erbil"})
    assert _facts(appositive_towns(proposer, text, nodes, LABELS)) == {("mosul", "locatedIn", "iraq")}


def test_a_description_beside_a_bodys_name_gives_its_country(proposer):
    from kg.appositions import described_countries

    text = "Syria Watch, a Lebanese monitoring group, and a Pakistani trading firm (Indus Star) named Jane Roe, a Syrian trader."
    nodes = nodes_of(proposer, text, {"Syria Watch": "monitor", "Indus Star": "firm", "Jane Roe": "roe"})
    assert _facts(described_countries(proposer, text, nodes, LABELS)) == {
        ("monitor", "country", "lebanon"), ("firm", "country", "pakistan")}  # a person is no body
