"""The state a body's name opens with (kg.body_countries), on hand-made sentences."""

from dataclasses import replace

from kg.body_countries import body_countries
from kg.entity_types import guess_type
from tests.test_suggest_parts import nodes_of, proposer_of

_TYPES = {"united-states": "Country", "jordan": "Country", "us-water-office": "GovernmentBody",
          "jordanian-grain-board": "GovernmentBody", "water-office": "GovernmentBody", "river-traders": "Organization"}
_LABELS = {"united-states": "United States", "jordan": "Jordan"}


def _facts(text: str, names: dict[str, str], kind: str = "new") -> set[tuple]:
    proposer = proposer_of(_TYPES)
    nodes = [replace(n, kind=kind) for n in nodes_of(proposer, text, names)]
    return {(f.subject, f.property, f.object) for f in body_countries(proposer, text, nodes, _LABELS)}


def test_a_body_named_with_its_state():
    assert _facts("The U.S. Water Office fined the firm.", {"U.S. Water Office": "us-water-office"}) == {
        ("us-water-office", "country", "united-states")}
    assert _facts("the Jordanian Grain Board said", {"Jordanian Grain Board": "jordanian-grain-board"}) == {
        ("jordanian-grain-board", "country", "jordan")}
    assert _facts("the U.S. Water Office said", {"Water Office": "water-office"}) == {("water-office", "country", "united-states")}


def test_no_state_in_the_name_or_no_state_body():
    assert _facts("The Water Office fined the firm.", {"Water Office": "water-office"}) == set()
    assert _facts("Jordan River Traders said", {"Jordan River Traders": "river-traders"}) == set()
    assert _facts("the Jordanian Grain Board said", {"Jordanian Grain Board": "jordanian-grain-board"}, kind="linked") == set()


def test_a_commission_is_a_government_body():
    assert guess_type("Border Crossings Commission", "the ", " said")[0] == "GovernmentBody"


def test_a_name_after_a_preposition_of_place_is_a_place():
    assert guess_type("Dorset", "a customs official in ", " said")[0] == "Place"
    assert guess_type("Dorset", "a customs official told ", " said")[0] != "Place"
