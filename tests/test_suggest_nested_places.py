"""kg suggest's country of a province a sentence places a town in (kg.nested_places), on hand-made sentences."""

from __future__ import annotations

import pytest

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"iraqi-army": "StateForce", "iraq": "Country", "rawa": "Settlement", "anbar": "Region", "euphrates-valley": "Region",
         "karim-saleh": "Person"}


@pytest.fixture(scope="module")
def proposer():
    return proposer_of(TYPES)


def found(proposer, text: str, names: dict[str, str], placed: list[tuple[str, str]]) -> set[tuple]:
    from kg.nested_places import provinces_in_countries
    from kg.propose import Proposed

    nodes = nodes_of(proposer, text, names)
    facts = [Proposed(s, "locatedIn", o, "") for s, o in placed]
    return {(f.subject, f.property, f.object) for f in provinces_in_countries(proposer, text, nodes, facts)}


def test_the_province_a_town_lies_in_lies_in_the_towns_country(proposer):
    text = "Fighters crossed into Iraq's town of Rawa in the western Anbar province last week."
    names = {"Iraq": "iraq", "Rawa": "rawa", "Anbar": "anbar"}
    assert found(proposer, text, names, [("rawa", "iraq"), ("rawa", "anbar")]) == {("anbar", "locatedIn", "iraq")}
    assert found(proposer, text, names, [("rawa", "anbar")]) == set()  # the town's country not given


def test_a_region_not_called_a_province_may_cross_a_border(proposer):
    text = "Fighters crossed into Iraq's town of Rawa in the Euphrates Valley last week."
    names = {"Iraq": "iraq", "Rawa": "rawa", "Euphrates Valley": "euphrates-valley"}
    assert found(proposer, text, names, [("rawa", "iraq"), ("rawa", "euphrates-valley")]) == set()


def test_a_governor_of_a_place_in_a_country_is_of_that_country(proposer):
    from kg.nested_places import officials_countries
    from kg.propose import Node, Proposed

    text = "Karim Saleh, the governor of the Anbar province in Iraq, said the road was open."
    nodes = [Node(text.index(w), text.index(w) + len(w), i, proposer.types[i], w)
             for w, i in (("Karim Saleh", "karim-saleh"), ("Anbar", "anbar"), ("Iraq", "iraq"))]
    placed = Proposed("anbar", "locatedIn", "iraq", "")

    def found(title):
        facts = [Proposed("karim-saleh", "title", title, ""), placed]
        return {(f.subject, f.property, f.object) for f in officials_countries(proposer, nodes, facts, {"iraq": "Iraq"})}

    assert found("governor of the Anbar province") == {("karim-saleh", "country", "iraq")}
    assert found("envoy to the Anbar province") == set()  # an envoy's country is not the place's
    assert found("Iraqi army commander") == {("karim-saleh", "country", "iraq")}  # the adjective inside a body's name
    assert found("army commander") == set()


def test_the_head_of_a_countrys_body_is_of_that_country(proposer):
    from kg.nested_places import officials_countries
    from kg.propose import Node, Proposed

    text = "The chief of the Iraqi army in Iraq, Karim Saleh, spoke on Monday."
    nodes = [Node(text.index(w), text.index(w) + len(w), i, proposer.types[i], w)
             for w, i in (("Iraqi army", "iraqi-army"), ("Iraq", "iraq"), ("Karim Saleh", "karim-saleh"))]

    def found(title, facts):
        facts = [Proposed("karim-saleh", "title", title, "")] + facts
        return {(f.subject, f.property, f.object) for f in officials_countries(proposer, nodes, facts, {})}

    assert found("chief of the Iraqi army", [Proposed("iraqi-army", "country", "iraq", "")]) == {("karim-saleh", "country", "iraq")}
    assert found("chief of the Iraqi army", []) == set()  # the body's country not given
    assert found("adviser to the Iraqi army", [Proposed("iraqi-army", "country", "iraq", "")]) == set()
