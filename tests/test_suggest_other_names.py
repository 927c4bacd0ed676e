"""kg suggest's backing of a group the text names again by another name (kg.other_names), on hand-made sentences."""

from __future__ import annotations

from kg.other_names import other_names

from .test_suggest_parts import rule_facts

TYPES = {"iran": "Country", "shia-militias": "Militia", "pmu": "Militia", "al-qaim": "Settlement"}


def found(text: str, names: dict[str, str], facts: list[tuple]) -> set[tuple]:
    return rule_facts(other_names, TYPES, text, names, facts)


def test_who_backs_a_group_backs_it_by_the_name_the_text_also_calls_it():
    text = "Tehran's Shia militias, also known as the Hashd, moved into al-Qaim."
    names = {"Shia militias": "shia-militias", "Hashd": "pmu", "al-Qaim": "al-qaim"}
    facts = [("iran", "sponsors", "shia-militias"), ("shia-militias", "hasPresenceIn", "al-qaim")]
    assert found(text, names, facts) == {("iran", "sponsors", "pmu")}


def test_no_backing_passes_to_a_name_that_is_not_called_so():
    text = "Tehran's Shia militias, alongside the Hashd, moved into al-Qaim."
    names = {"Shia militias": "shia-militias", "Hashd": "pmu", "al-Qaim": "al-qaim"}
    assert found(text, names, [("iran", "sponsors", "shia-militias")]) == set()
