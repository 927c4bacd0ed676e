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


@pytest.mark.parametrize("text, words, ent_id", [
    ("Iranian advisers arrived in the town.", "Iranian advisers", "iranian-advisors"),
    ("The National Mobilisation Committee met.", "National Mobilisation Committee", "national-mobilization-committee"),
])
def test_british_spellings_of_a_registered_name(text, words, ent_id):
    register = {**REGISTER, "iranian-advisors": entity("iranian-advisors", "MilitaryUnit", "Iranian advisors", "Iranian advisors"),
                "national-mobilization-committee": entity("national-mobilization-committee", "Organization",
                                                          "National mobilization committee")}
    assert (words, ent_id) in [(m.words, m.entity) for m in Matcher(register).find(text) if m.entity]


def test_a_different_word_is_no_spelling_variant():
    register = {**REGISTER, "iranian-advisors": entity("iranian-advisors", "MilitaryUnit", "Iranian advisors", "Iranian advisors")}
    assert not [m for m in Matcher(register).find("Iranian advertisers paid.") if m.entity == "iranian-advisors"]


def test_a_name_in_brackets_after_a_linked_name_is_that_entity_throughout_the_text():
    register = {**REGISTER, "pmf": entity("pmf", "Militia", "Popular Mobilization Forces", "Popular Mobilization Forces")}
    text = ("The Popular Mobilization Forces (Hashd al-Shaabi) hold the road. Critics say the Hashd al-Shaabi "
            "answers to Tehran. Jamal Omar (Abu Ali) spoke.")
    found = [(m.words, m.entity) for m in Matcher(register).find(text)]
    assert found.count(("Hashd al-Shaabi", "pmf")) == 2
    assert ("Abu Ali", "pmf") not in found  # after an unlinked name: not the entity's


def test_a_bracketed_name_after_a_name_it_does_not_rename_is_left_alone():
    text = "Trade grew between Iraq (and Syria) last year."
    assert [(m.words, m.entity) for m in Matcher(REGISTER).find(text) if m.entity] == [("Iraq", "iraq"), ("Syria", "syria")]


def test_a_groups_arabic_name_read_as_its_english_one():
    register = {**REGISTER, "pmf": entity("pmf", "Militia", "Popular Mobilization Forces", "Popular Mobilization Forces"),
                "saraya-x": entity("saraya-x", "Militia", "Peace Companies", "Peace Companies")}
    found = [(m.words, m.entity) for m in Matcher(register).find("Fighters of the Hashd al-Shaabi and of al-Hashd al-Shaabi met.")]
    assert found.count(("Hashd al-Shaabi", "pmf")) + found.count(("al-Hashd al-Shaabi", "pmf")) == 2
    # a word outside the glossary, or the words in English order, read as nothing
    for text in ("Fighters of the Hashd al-Watani met.", "Fighters of the Shaabi Hashd met.", "Fighters of Saraya al-Salam met."):
        assert not [m for m in Matcher(register).find(text) if m.entity], text


def test_a_datelines_agency_in_brackets_is_not_the_places_name():
    text = "MOSUL, Iraq (Tigris Wire) - Trucks queued. Tigris Wire said so."
    assert ("Tigris Wire", "iraq") not in [(m.words, m.entity) for m in Matcher(REGISTER).find(text)]


def test_the_head_noun_of_a_translated_name_alone_is_the_one_group_whose_english_name_holds_it():
    register = {**REGISTER, "pmf": entity("pmf", "Militia", "Popular Mobilization Forces", "Popular Mobilization Forces")}
    found = [(m.words, m.entity) for m in Matcher(register).find("The Hashd al-Shaabi grew. Later the Hashd took the town.")]
    assert ("Hashd", "pmf") in found
    found = [(m.words, m.entity) for m in Matcher(register).find("The Hashd took the town. Then the Hashd al-Shaabi grew.")]
    assert ("Hashd", "pmf") in found  # "the Hashd" is how news names the Popular Mobilization, before its full name too
    # a noun two groups' English names hold is neither's
    two = {**register, "nm": entity("nm", "Militia", "National Mobilization Units", "National Mobilization Units")}
    assert ("Hashd", "pmf") not in [(m.words, m.entity) for m in Matcher(two).find("The Hashd took the town.")]


def test_a_country_adjective_before_a_groups_name_but_not_before_its_members():
    from tests.test_suggest_parts import nodes_of, proposer_of

    proposer = proposer_of({"iraq": "Country", "kh": "Militia"})

    def facts(text):
        nodes = nodes_of(proposer, text, {"Kataib Hezbollah": "kh"}, {"Iraqi": "iraq"})
        return {(f.subject, f.property, f.object) for f in proposer.countries(text, nodes)}

    assert facts("The Iraqi Kataib Hezbollah denied it.") == {("kh", "country", "iraq")}
    assert facts("Most of the dead were Iraqi members of Kataib Hezbollah.") == set()


def test_a_new_name_leaves_its_possessive_ending_out():
    found = [m.words for m in Matcher({}).find("On Monday the Water Board's Seed Office fined Jon Smith’s firm.") if m.how == "unknown"]
    assert found == ["Water Board", "Seed Office", "Jon Smith"]


def test_a_day_the_text_counts_back_to_is_no_name():
    text = "Last Tuesday's strike hit the site again. Next Friday the Water Board meets; Earlier Sunday it met."
    assert [m.words for m in Matcher({}).find(text) if m.how == "unknown"] == ["Water Board"]


def test_a_pronouns_contraction_is_no_part_of_a_name():
    text = "Hi all! I’m Rania Haddad, a reporter. We're Water Board staff; It's Seed Office policy."
    assert [m.words for m in Matcher({}).find(text) if m.how == "unknown"] == ["Rania Haddad", "Water Board", "Seed Office"]


@pytest.mark.parametrize("text, words", [
    ("The Department of State designated the group in 2009.", "Department of State"),
    ("The U.S. Department of State designated the group.", "Department of State"),
    ("A State Department spokesman declined to comment.", "State Department"),
])
def test_a_department_named_either_way_round(text, words):
    register = {**REGISTER, "us-state-department": entity("us-state-department", "GovernmentBody", "U.S. State Department",
                                                           "State Department")}
    assert (words, "us-state-department") in [(m.words, m.entity) for m in Matcher(register).find(text) if m.entity]


def test_a_ministry_of_another_field_is_not_the_department():
    register = {**REGISTER, "iraqi-interior-ministry": entity("iraqi-interior-ministry", "GovernmentBody", "Interior Ministry")}
    found = [(m.words, m.entity) for m in Matcher(register).find("The Ministry of the Interior and the Ministry of Oil met.")]
    assert ("Ministry of the Interior", "iraqi-interior-ministry") in found
    assert not [w for w, e in found if e == "iraqi-interior-ministry" and "Oil" in w]


def test_a_states_body_and_a_country_by_the_formal_names_official_texts_give():
    register = {**REGISTER, "gov": entity("gov", "GovernmentBody", "Iraqi government", "Iraqi government"),
                "syria": entity("syria", "Country", "Syria", "Syria")}
    found = [(m.words, m.entity) for m in Matcher(register).find(
        "The Government of Iraq and the Syrian Arab Republic signed, and the Republic of Iraq ratified.")]
    assert ("Government of Iraq", "gov") in found and ("Syrian Arab Republic", "syria") in found
    assert ("Republic of Iraq", "iraq") in found


def test_a_word_of_a_capitals_line_is_no_name_without_its_article():
    register = {**REGISTER, "al-monitor": entity("al-monitor", "MediaOutlet", "Al-Monitor", "Al-Monitor")}
    found = [(m.words, m.entity) for m in Matcher(register).find("09:05 | DEATH TOLL RISES TO 9, A WAR MONITOR SAYS.")]
    assert ("MONITOR", "al-monitor") not in found
    assert ("Al-Monitor", "al-monitor") in [(m.words, m.entity) for m in Matcher(register).find("Al-Monitor reported it.")]
