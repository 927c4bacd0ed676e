"""Literal and concept values of a draft's facts, on hand-made sentences: what makes a route favourable or not."""

from __future__ import annotations

import pytest

from kg.namespaces import LB

from .test_suggest_parts import nodes_of


@pytest.fixture
def proposer():
    """A proposer with a small register of its own for each test (the tests add entries to it)."""
    from kg.event_index import EventIndex
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT
    from kg.propose import Proposer

    ontology = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")
    types = {"iran": LB + "Country", "syria": LB + "Country", "al-qaim": LB + "Settlement", "land-bridge": LB + "LandBridge",
             "air-bridge": LB + "AirBridge", "north-route": LB + "Route", "south-route": LB + "Route",
             "border-crossing": LB + "Crossing"}
    return Proposer(ontology, types, EventIndex(ontology))


def traits(proposer, text, names):
    from kg.route_traits import route_traits

    return {(f.subject, f.property, f.object) for f in route_traits(proposer, text, nodes_of(proposer, text, names))}


def test_what_makes_a_route_favourable_or_not(proposer):
    assert traits(proposer, "Once Iran holds the land bridge through al-Qaim, trucks could carry larger quantities of fuel at a "
                            "lower cost per ton.", {"Iran": "iran", "land bridge": "land-bridge", "al-Qaim": "al-qaim"}) \
        == {("land-bridge", "advantage", "capacity"), ("land-bridge", "advantage", "cost")}
    assert traits(proposer, "The air bridge depends on a few cargo planes with limited capacity.", {"air bridge": "air-bridge"}) \
        == {("air-bridge", "limitation", "capacity")}
    assert traits(proposer, "The north route is shorter, and the crossing helps preserve secrecy.", {"north route": "north-route"}) \
        == {("north-route", "advantage", "distance"), ("north-route", "advantage", "secrecy")}


def test_no_trait_where_the_words_could_be_about_another_route(proposer):
    # two routes: the words could be about either
    assert traits(proposer, "The north route and the south route carry larger quantities of fuel.",
                  {"north route": "north-route", "south route": "south-route"}) == set()
    # the cue qualifies the routes it stands before, not the land bridge
    assert traits(proposer, "The land bridge lets Iran avoid risky aerial and naval routes.",
                  {"land bridge": "land-bridge", "Iran": "iran"}) == set()
    # a crossing has no length of its own; a cue before the name is not about it
    assert traits(proposer, "Using the shorter road through the border crossing is not possible.",
                  {"border crossing": "border-crossing"}) == set()
