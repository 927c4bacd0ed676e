"""kg suggest's cargo a route or crossing carries, listed in plain words after a verb of moving goods (kg.cargo_words)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.namespaces import LB
from kg.register import Entity

from .test_suggest_parts import nodes_of

COMMODITIES = {"fighters": ("fighters", ("troops",)), "weapons": ("weapons", ("arms",)), "fuel": ("fuel", ())}


@pytest.fixture(scope="module")
def proposer():
    from kg.event_index import EventIndex
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT
    from kg.propose import Proposer

    ontology = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")
    types = {"corridor": LB + "LandBridge", "iran": LB + "Country", "iraq": LB + "Country"}
    return Proposer(ontology, types | {k: LB + "Commodity" for k in COMMODITIES}, EventIndex(ontology))


def entities() -> dict[str, Entity]:
    return {k: Entity(k, LB + "Commodity", label, aliases, "", Path("register.yaml"), None) for k, (label, aliases) in COMMODITIES.items()}


def cargo(proposer, text: str, names: dict[str, str]) -> set[tuple]:
    from kg.cargo_words import unnamed_cargo

    nodes = nodes_of(proposer, text, names)
    return {(f.subject, f.object) for f in unnamed_cargo(proposer, text, nodes, entities())}


def test_the_items_a_verb_of_moving_lists_after_a_route_are_its_cargo_up_to_where_they_go(proposer):
    text = "The corridor lets Iran move reinforcements, arms and fuel through Iraq to the coast."
    assert cargo(proposer, text, {"corridor": "corridor", "Iran": "iran", "Iraq": "iraq"}) == {
        ("corridor", "fighters"), ("corridor", "weapons"), ("corridor", "fuel")}


def test_no_cargo_without_a_verb_of_moving_or_past_the_clause(proposer):
    text = "The corridor worries officials in Iraq; militias smuggle arms."
    assert cargo(proposer, text, {"corridor": "corridor", "Iraq": "iraq"}) == set()
    assert cargo(proposer, "Iran sends fuel to Iraq.", {"Iran": "iran", "Iraq": "iraq"}) == set()
