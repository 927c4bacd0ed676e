"""kg suggest's cargo in plain words: goods listed before a verb of passing through a crossing, and the goods a
register's transfer moves (kg.cargo_lists)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.namespaces import LB
from kg.register import Entity

from .test_suggest_parts import nodes_of

COMMODITIES = {"fighters": ("fighters", ()), "weapons": ("weapons", ()), "fuel": ("fuel", ()),
               "military-equipment": ("military equipment", ()), "goods": ("goods", ())}


@pytest.fixture(scope="module")
def proposer():
    from kg.event_index import EventIndex
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT
    from kg.propose import Proposer

    ontology = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")
    types = {"gate": LB + "Crossing", "iran": LB + "Country", "iraq": LB + "Country", "arms-run": LB + "Transfer"}
    return Proposer(ontology, types | {k: LB + "Commodity" for k in COMMODITIES}, EventIndex(ontology))


def entities() -> dict[str, Entity]:
    return {k: Entity(k, LB + "Commodity", label, aliases, "", Path("register.yaml"), None) for k, (label, aliases) in COMMODITIES.items()}


def cargo(proposer, text: str, names: dict[str, str], facts=()) -> set[tuple]:
    from kg.cargo_lists import listed_cargo

    nodes = nodes_of(proposer, text, names)
    return {(f.subject, f.object) for f in listed_cargo(proposer, text, nodes, list(facts), entities())}


def test_goods_listed_before_a_verb_of_passing_through_a_crossing_are_its_cargo(proposer):
    text = "Fuel, stolen goods and arms also flow through the gate, a trader said."
    assert cargo(proposer, text, {"the gate": "gate"}) == {("gate", "fuel"), ("gate", "goods"), ("gate", "weapons")}
    text = "It is a lifeline, with most of the troop reinforcements passing through the gate."
    assert cargo(proposer, text, {"the gate": "gate"}) == {("gate", "fighters")}


def test_a_kind_of_goods_the_register_lacks_listed_with_goods_it_has_is_a_new_commodity(proposer):
    from kg.cargo_lists import listed_cargo

    text = "Cigarettes, stolen goods and scrap metal also pass through the gate, a trader said."
    nodes = nodes_of(proposer, text, {"the gate": "gate"})
    found = {(f.subject, f.object) for f in listed_cargo(proposer, text, nodes, [], entities(), "009")}
    assert found == {("gate", "cigarettes"), ("gate", "goods"), ("gate", "scrap-metal")}
    assert proposer.new["scrap-metal"].type == "Commodity"
    # no goods the register has in the list: the words are not known to be goods
    text = "Cigarettes and scrap metal also pass through the gate."
    assert listed_cargo(proposer, text, nodes_of(proposer, text, {"the gate": "gate"}), [], entities(), "009") == []


def test_no_cargo_when_the_verb_does_not_end_on_the_crossing(proposer):
    text = "Fuel and goods pass through Iraq before the gate."
    assert cargo(proposer, text, {"Iraq": "iraq", "the gate": "gate"}) == set()


def test_a_register_transfer_told_by_the_sentence_carries_the_goods_its_verb_lists(proposer):
    from kg.propose import Proposed

    told = [Proposed("arms-run", "agent", "iran", "")]
    text = "Iran has been shipping hardware and other materiel to Iraq."
    names = {"Iran": "iran", "Iraq": "iraq"}
    assert cargo(proposer, text, names, told) == {("arms-run", "military-equipment")}
    assert cargo(proposer, text, names) == set()


def test_the_register_transfer_the_sentence_tells_of_passes_through_the_crossing_with_the_goods(proposer):
    from kg.cargo_lists import listed_cargo
    from kg.propose import Proposed

    text = "It is a lifeline, with most of the arms and troop reinforcements flowing through the gate to Iraq."
    nodes = nodes_of(proposer, text, {"the gate": "gate", "Iraq": "iraq"})
    told = [Proposed("arms-run", "destination", "iraq", "")]
    found = {(f.subject, f.property, f.object) for f in listed_cargo(proposer, text, nodes, told, entities())}
    assert {("arms-run", "passesThrough", "gate"), ("arms-run", "cargo", "weapons"), ("arms-run", "cargo", "fighters")} <= found
    # no transfer of the register told: only the crossing carries the goods
    alone = {(f.subject, f.property, f.object) for f in listed_cargo(proposer, text, nodes, [], entities())}
    assert alone == {("gate", "cargo", "weapons"), ("gate", "cargo", "fighters")}


def users(proposer, text: str, names: dict[str, str]) -> set[tuple]:
    from kg.cargo_lists import enabled_users

    nodes = nodes_of(proposer, text, names)
    return {(f.subject, f.property, f.object) for f in enabled_users(proposer, text, nodes, entities())}


def test_a_crossing_that_lets_an_actor_move_goods_is_used_by_it_for_them(proposer):
    text = "Officials will reopen the gate next month, allowing Iran to ship fuel and arms to Iraq."
    assert users(proposer, text, {"the gate": "gate", "Iran": "iran", "Iraq": "iraq"}) == {
        ("gate", "usedBy", "iran"), ("gate", "cargo", "fuel"), ("gate", "cargo", "weapons")}


def test_no_use_when_the_verb_is_not_one_of_moving_goods_or_the_use_is_only_feared(proposer):
    names = {"the gate": "gate", "Iran": "iran", "Iraq": "iraq"}
    assert users(proposer, "Officials will reopen the gate, allowing Iran to claim a win over Iraq.", names) == set()
    assert users(proposer, "There are fears that the gate could let Iran send arms to Iraq.", names) == set()
