"""kg suggest's kinds of goods given as examples of what something carries (kg.goods_examples)."""

from __future__ import annotations

from pathlib import Path

from kg.namespaces import LB
from kg.register import Entity

from .test_suggest_parts import nodes_of, proposer_of


def examples(text: str, names: dict[str, str], cargo: list[tuple[str, str]]):
    from kg.goods_examples import goods_examples
    from kg.propose import Proposed

    proposer = proposer_of({"goods": "Commodity", "fuel": "Commodity", "jordan": "Country", "run": "SmugglingOperation",
                            "wheat": "Settlement"})
    entities = {k: Entity(k, LB + "Commodity", k, (), "", Path("register.yaml"), None) for k in ("goods", "fuel")}
    facts = [Proposed(s, "cargo", o, "") for s, o in cargo]
    found = goods_examples(proposer, text, nodes_of(proposer, text, names), facts, entities, "009")
    return proposer, {(f.subject, f.property, f.object) for f in found}


def test_the_kinds_listed_as_examples_of_goods_carried_are_carried_too():
    text = "The smuggling of goods into Jordan, such as fuel, baby formula and car parts, costs the treasury dearly."
    proposer, found = examples(text, {"goods": "goods", "Jordan": "jordan"}, [("run", "goods")])
    assert found == {("run", "cargo", "fuel"), ("run", "cargo", "baby-formula"), ("run", "cargo", "car-parts")}
    # a kind the register lacks is a new commodity named by its words
    assert proposer.new["car-parts"].type == "Commodity" and proposer.new["car-parts"].aliases == ["car parts"]


def test_no_examples_without_goods_carried_or_a_list_word():
    text = "The smuggling of goods into Jordan, such as fuel and car parts, costs the treasury dearly."
    assert examples(text, {"goods": "goods", "Jordan": "jordan"}, [])[1] == set()
    text = "The smuggling of goods into Jordan costs the treasury dearly, fuel and car parts."
    assert examples(text, {"goods": "goods", "Jordan": "jordan"}, [("run", "goods")])[1] == set()


def test_a_register_entry_of_another_kind_is_no_commodity():
    text = "Goods move through the town, including fuel and wheat."
    assert examples(text, {"Goods": "goods"}, [("run", "goods")])[1] == {("run", "cargo", "fuel")}
