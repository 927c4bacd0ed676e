"""kg suggest's garrisons (kg.garrisons): the force a garrison's words name is deployed in its place, on hand-made
sentences."""

from __future__ import annotations

from pathlib import Path

from kg.garrisons import garrisons
from kg.namespaces import LB
from kg.register import Entity

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"us": "Country", "us-forces": "StateForce", "irgc": "StateForce", "tanf": "Settlement", "rukban": "Settlement",
         "turkey": "Country", "damascus": "Settlement", "waleed-crossing": "OfficialCrossing", "waleed": "Organization"}
ENTITIES = {"us-forces": Entity("us-forces", "StateForce", "U.S. forces", ("American troops",), "", Path(), None),
            "us": Entity("us", "Country", "United States", ("U.S.",), "", Path(), None),
            "waleed-crossing": Entity("waleed-crossing", "OfficialCrossing", "Waleed crossing", (), "", Path(), None)}


def found(text: str, names: dict[str, str], demonyms: dict[str, str] | None = None) -> set[tuple]:
    proposer = proposer_of(TYPES)
    return {(f.subject, f.property, f.object) for f in garrisons(proposer, text, nodes_of(proposer, text, names, demonyms), ENTITIES)}


def deployed(force: str, place: str) -> set[tuple]:
    return {(force, "deployedIn", place)}


def test_a_countrys_garrison_at_a_place_is_its_troops_there():
    assert found("Aid trucks wait near the U.S. garrison at Tanf.", {"U.S.": "us", "Tanf": "tanf"}) == deployed("us-forces", "tanf")
    text = "The road to Damascus runs past Tanf, where a small American garrison has stood since 2016."
    assert found(text, {"Damascus": "damascus", "Tanf": "tanf"}, {"American": "us"}) == deployed("us-forces", "tanf")
    text = "The convoys avoid Rukban because of the IRGC garrison there."
    assert found(text, {"Rukban": "rukban", "IRGC": "irgc"}) == deployed("irgc", "rukban")


def test_a_force_that_keeps_a_garrison_where_a_place_is():
    text = "Trucks stop at Tanf, where U.S. forces keep a garrison."
    assert found(text, {"Tanf": "tanf", "U.S. forces": "us-forces"}) == deployed("us-forces", "tanf")


def test_no_garrison_without_a_force_or_a_place_the_words_name():
    # a country whose troops the register lacks; a garrison of no named force; a garrison named but placed nowhere
    assert found("Trucks pass the Turkish garrison at Tanf.", {"Tanf": "tanf"}, {"Turkish": "turkey"}) == set()
    assert found("Trucks pass the old garrison at Tanf.", {"Tanf": "tanf"}) == set()
    assert found("Tanf lies far from the U.S. garrison.", {"Tanf": "tanf", "U.S.": "us"}) == set()


def test_a_place_the_register_lacks_is_the_crossing_it_names_or_no_place():
    from kg.propose import Node

    proposer = proposer_of(TYPES)
    text = "Convoys avoid Waleed, where U.S. forces keep a garrison."
    nodes = nodes_of(proposer, text, {"U.S. forces": "us-forces"}) + [Node(14, 20, "waleed", proposer.types["waleed"], "Waleed", "unsure")]
    found = {(f.subject, f.property, f.object) for f in garrisons(proposer, text, sorted(nodes, key=lambda n: n.start), ENTITIES)}
    assert found == deployed("us-forces", "waleed-crossing")
    text = "Convoys avoid Qusayr, where U.S. forces keep a garrison."
    nodes = nodes_of(proposer, text, {"U.S. forces": "us-forces"}) + [Node(14, 20, "qusayr", LB + "Organization", "Qusayr", "unsure")]
    assert garrisons(proposer, text, sorted(nodes, key=lambda n: n.start), ENTITIES) == []
