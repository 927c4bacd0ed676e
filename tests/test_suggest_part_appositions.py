"""A body part of another, from an apposition or a possessive (kg.part_appositions), on hand-made sentences."""

from dataclasses import replace

from kg.part_appositions import part_appositions
from tests.test_suggest_parts import nodes_of, proposer_of

_TYPES = {"hill-brigades": "Militia", "river-front": "Militia", "lake-league": "Organization", "grain-ministry": "GovernmentBody",
          "seed-office": "GovernmentBody", "jordan": "Country", "port-board": "GovernmentBody"}


def _facts(text: str, names: dict[str, str], new: tuple[str, ...] = ()) -> set[tuple]:
    proposer = proposer_of(_TYPES)
    nodes = [replace(n, kind="new") if n.id in new else n for n in nodes_of(proposer, text, names)]
    return {(f.subject, f.property, f.object) for f in part_appositions(proposer, text, nodes)}


def test_an_apposition_makes_a_faction_part_of_its_umbrella():
    names = {"Hill Brigades": "hill-brigades", "River Front": "river-front"}
    assert _facts("Hill Brigades, another faction of the River Front, denied it.", names) == {("hill-brigades", "partOf", "river-front")}
    assert _facts("Hill Brigades, a rival of the River Front, denied it.", names) == set()


def test_a_possessive_makes_an_office_part_of_its_body():
    names = {"Grain Ministry": "grain-ministry", "Seed Office": "seed-office"}
    facts = _facts("The Grain Ministry's Seed Office fined them.", names, new=("seed-office",))
    assert facts == {("seed-office", "partOf", "grain-ministry")}
    assert _facts("The Grain Ministry's Seed Office fined them.", names) == set()  # two register entries: kg.place_cues


def test_a_state_or_a_group_after_a_possessive_is_no_part():
    assert _facts("Jordan's Port Board said so.", {"Jordan": "jordan", "Port Board": "port-board"}, new=("port-board",)) == set()
    names = {"River Front": "river-front", "Lake League": "lake-league"}
    assert _facts("The River Front's Lake League said so.", names, new=("lake-league",)) == set()
