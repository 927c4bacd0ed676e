"""Names news writes in forms the register does not list: a border by its two countries, another word for the armed
body at the end of a group's name."""

from __future__ import annotations

import pytest

from kg.mentions import Matcher
from tests.test_suggest_parts import entity

REGISTER = {e.id: e for e in [
    entity("iraq", "Country", "Iraq", "Iraq"),
    entity("syria", "Country", "Syria", "Syria"),
    entity("jordan", "Country", "Jordan", "Jordan"),
    entity("iraq-syria-border", "Border", "Iraq–Syria border"),
    entity("iran-backed-militias", "Militia", "Iran-backed militias", "Iran-backed militias", "Iranian-backed militias"),
]}


def linked(text: str) -> list[tuple[str, str]]:
    return [(m.words, m.entity) for m in Matcher(REGISTER).find(text) if m.entity]


@pytest.mark.parametrize("text, words", [
    ("Drones struck a convoy near the Syria-Iraq border on Friday.", "Syria-Iraq border"),
    ("Troops patrol the Iraq–Syria frontier at night.", "Iraq–Syria frontier"),
    ("A Report on the Iraq-Syria Border", "Iraq-Syria Border"),
])
def test_a_border_named_by_its_two_countries(text, words):
    assert linked(text) == [(words, "iraq-syria-border")]


def test_two_countries_without_a_border_of_theirs_in_the_register_stay_countries():
    assert linked("Trade on the Iraq-Jordan border grew.") == [("Iraq", "iraq"), ("Jordan", "jordan")]
    assert linked("Talks between Iraq and Syria on the border resumed.") == [("Iraq", "iraq"), ("Syria", "syria")]


@pytest.mark.parametrize("text, words", [
    ("Strikes hit Iran-aligned groups near the river.", "Iran-aligned groups"),
    ("Iranian-backed forces took the town.", "Iranian-backed forces"),
    ("The Iran-backed factions denied it.", "Iran-backed factions"),
])
def test_another_word_for_the_armed_body(text, words):
    assert (words, "iran-backed-militias") in linked(text)


def test_iran_itself_is_still_iran():
    register = {**REGISTER, "iran": entity("iran", "Country", "Iran", "Iran")}
    assert [(m.words, m.entity) for m in Matcher(register).find("Iran sent groups of advisers.") if m.entity] == [("Iran", "iran")]
