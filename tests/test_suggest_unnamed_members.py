"""The unnamed member of a body a report is given to (kg.unnamed_members), on hand-made sentences."""

from functools import partial

from kg.unnamed_members import unnamed_members
from tests.test_suggest_parts import rule_facts

_TYPES = {"river-council": "Organization", "ports-authority": "GovernmentBody", "lake-town": "Settlement", "jon-smith": "Person"}


def _facts(text: str, names: dict[str, str]) -> set[tuple]:
    return rule_facts(partial(unnamed_members, document="900"), _TYPES, text, names)


def test_a_spokesman_for_a_body_is_a_member():
    facts = _facts("A spokesman for the River Council said the road was closed.", {"River Council": "river-council"})
    assert facts == {("a-spokesman-for-the-river-council", "memberOf", "river-council")}


def test_two_officials_of_a_body_in_a_place():
    facts = _facts("Trucks waited for days, according to two officials of the Ports Authority in Lake Town.",
                   {"Ports Authority": "ports-authority", "Lake Town": "lake-town"})
    assert facts == {("two-officials-of-the-ports-authority-in-lake-town", "memberOf", "ports-authority")}


def test_the_body_named_before_the_role():
    facts = _facts("One Ports Authority official told reporters the figures were wrong.", {"Ports Authority": "ports-authority"})
    assert facts == {("one-ports-authority-official", "memberOf", "ports-authority")}


def test_a_named_person_is_no_unnamed_member():
    names = {"River Council": "river-council", "Jon Smith": "jon-smith"}
    assert _facts("Jon Smith, a spokesman for the River Council, said so.", names) == set()
    assert _facts("A spokesman for the River Council, Jon Smith, said so.", names) == set()
    given = "A spokesman for the River Council, who gave his name only as Abu Jon, said so."
    assert _facts(given, {"River Council": "river-council", "Abu Jon": "jon-smith"}) == set()


def test_a_place_is_no_body():
    assert _facts("A spokesman for Lake Town said so.", {"Lake Town": "lake-town"}) == set()
