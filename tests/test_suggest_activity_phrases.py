"""kg suggest's activities worded with their goods and where they go ("the smuggling of fuel into Jordan"): the new
entry's name and its roles (kg.activity_phrases, with kg.quantity_cues)."""

from __future__ import annotations

from kg.namespaces import LB
from kg.quantities import quantities

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"fuel": "Commodity", "jordan": "Country", "turkey": "Country", "kataib-hezbollah": "Militia"}


def drafted(text: str, names: dict[str, str]):
    from kg.activity_phrases import phrase_roles
    from kg.quantity_cues import quantity_facts

    proposer = proposer_of(TYPES)
    nodes = nodes_of(proposer, text, names)
    facts = quantity_facts(proposer, text, nodes, quantities(text), [], "009")
    facts += phrase_roles(proposer, text, nodes, facts)
    return proposer, {(f.subject, f.property, f.object if isinstance(f.object, str) else "amount") for f in facts}


def test_an_activity_worded_with_its_goods_and_destination_is_named_by_the_phrase_and_has_those_roles():
    text = "The smuggling of fuel into Jordan costs the treasury millions of dollars a year."
    proposer, found = drafted(text, {"fuel": "fuel", "Jordan": "jordan"})
    (event,) = {s for s, p, _ in found if p == "cost"}
    assert proposer.types[event] == LB + "SmugglingOperation"
    assert "smuggling of fuel into Jordan" in proposer.new[event].aliases
    assert {(event, "cargo", "fuel"), (event, "destination", "jordan")} <= found


def test_goods_coming_from_a_place_give_its_origin():
    text = "The smuggling of fuel from Turkey costs the treasury millions of dollars a year."
    _, found = drafted(text, {"fuel": "fuel", "Turkey": "turkey"})
    assert {p for _, p, o in found if o in ("fuel", "turkey")} == {"cargo", "origin"}


def test_an_activity_without_such_a_phrase_keeps_its_word_and_gets_no_roles():
    text = "Smuggling by Kataib Hezbollah into Jordan costs the treasury millions of dollars a year."
    proposer, found = drafted(text, {"Kataib Hezbollah": "kataib-hezbollah", "Jordan": "jordan"})
    (event,) = {s for s, p, _ in found if p == "cost"}
    assert proposer.new[event].aliases == []
    assert {p for _, p, _ in found} == {"cost"}
