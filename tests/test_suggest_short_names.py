"""Names news writes otherwise than the register: a lower-case name capitalised where a sentence or heading starts, the
middle of a long Arabic name dropped, a group's last name once the text has named it in full, and a crossing named by
the two places it joins."""


import pytest

from kg.mentions import Matcher
from kg.short_names import short_forms

from .test_suggest_parts import entity

REGISTER = {e.id: e for e in [
    entity("harakat-x", "Militia", "Harakat Sayyid al-Abrar", "Harakat Sayyid al-Abrar"),
    entity("kataib-y", "Militia", "Kataib Jund al-Abrar", "Kataib Jund al-Abrar"),
    entity("liwa-z", "Militia", "Liwa Imam al-Muntazar", "Liwa Imam al-Muntazar"),
    entity("diesel", "Commodity", "diesel", "diesel"),
    entity("mosul", "Settlement", "Mosul", "Mosul"),
]}


def links(text: str) -> list[tuple[str, str | None]]:
    return [(m.words, m.entity) for m in Matcher(REGISTER).find(text) if m.entity]


def test_the_middle_of_a_long_arabic_name_dropped():
    assert ("Liwa al-Muntazar", "liwa-z") in links("Fighters of Liwa al-Muntazar crossed near Mosul.")


def test_a_short_form_two_entries_share_is_nobody_s():
    # Harakat Sayyid al-Abrar and Kataib Jund al-Abrar do not share a short form, but a third with its first word would
    forms = short_forms({"a": {"Harakat Sayyid al-Abrar"}, "b": {"Harakat Jund al-Abrar"}})
    assert forms == {}
    assert short_forms({"a": {"Harakat Sayyid al-Abrar"}}) == {"harakat al abrar": "a"}


def test_a_short_form_that_is_another_entry_s_name_is_that_entry_s():
    assert short_forms({"a": {"Harakat Sayyid al-Abrar"}, "b": {"Harakat al-Abrar"}}) == {}


def test_a_group_s_last_name_after_its_full_name():
    text = "Liwa Imam al-Muntazar moved men east. Later Muntazar fighters left the town."
    assert ("Muntazar", "liwa-z") in links(text)
    # not before the text has named the group
    assert links("Muntazar fighters left the town. Nobody followed.") == []


def test_a_lower_case_name_capitalised_where_a_sentence_starts():
    text = "Smuggling pays well. Diesel is the largest trade."
    assert ("Diesel", "diesel") in links(text)
    assert ("Diesel", "diesel") in links("Crossings, Walls and Diesel on the Border Roads")  # a heading in title case
    # inside a sentence, a capitalised word is another name's (a company's), not the common noun
    assert links("They bought shares of Diesel Motor Works in Mosul.") == [("Mosul", "mosul")]


CROSSINGS = {e.id: e for e in [
    entity("tala", "Settlement", "Tal Afar", "Tal Afar"),
    entity("rabia", "Settlement", "Rabia", "Rabia"),
    entity("yarubiya", "Settlement", "Yarubiya", "Yarubiya"),
    entity("rabia-yarubiya-crossing", "OfficialCrossing", "Yarubiya–Rabia border crossing", "Yarubiya–Rabia border crossing"),
    entity("rabia-old-post", "OfficialCrossing", "old post of the Rabia Yarubiya crossing", "old post of the Rabia Yarubiya crossing"),
]}


def test_a_crossing_named_by_the_two_places_it_joins():
    found = [(m.words, m.entity) for m in Matcher(CROSSINGS).find("Lorries waited at the Rabia-Yarubiya crossing overnight.")]
    assert found == [("Rabia-Yarubiya crossing", "rabia-yarubiya-crossing")]
    # two places joined by a dash before another word stay the places; so do places no crossing joins
    road = [(m.words, m.entity) for m in Matcher(CROSSINGS).find("The Rabia-Yarubiya road was cut.")]
    assert road == [("Rabia", "rabia"), ("Yarubiya", "yarubiya")]
    other = [m.entity for m in Matcher(CROSSINGS).find("Lorries waited at the Rabia-Tal Afar crossing overnight.") if m.entity]
    assert other == ["rabia", "tala"]


BODIES = {e.id: e for e in [
    entity("border-command", "StateForce", "Iraqi Border Forces Command", "Iraqi Border Forces Command"),
    entity("isf", "StateForce", "Iraqi Security Forces", "Iraqi Security Forces"),
    entity("mosul", "Settlement", "Mosul", "Mosul"),
]}


def body_links(text: str) -> list[tuple[str, str | None]]:
    return [(m.words, m.entity) for m in Matcher(BODIES).find(text) if m.entity]


@pytest.mark.parametrize("text, words", [
    ("The Iraqi Border Forces took over the post near Mosul.", "Iraqi Border Forces"),  # without "Command"
    ("The Border Forces Command sent two companies.", "Border Forces Command"),  # without the country's adjective
    ("Iraqi Border Guards manned the gate.", "Iraqi Border Guards"),  # guards for forces
])
def test_a_body_s_name_as_news_shortens_it(text, words):
    assert (words, "border-command") in body_links(text)


def test_a_short_form_another_country_s_body_could_have_is_nobody_s():
    # "Security Forces" alone may be any country's: only the register's full name links
    assert body_links("Syrian Security Forces closed the road to Mosul.") == [("Mosul", "mosul")]
    assert ("Iraqi Security Forces", "isf") in body_links("Iraqi Security Forces closed the road.")


def test_a_body_s_short_form_in_lower_case():
    assert ("Iraqi border guards", "border-command") in body_links("Iraqi border guards manned the gate near Mosul.")


ARTICLES = {e.id: e for e in [
    entity("qaim", "Settlement", "al-Qaim", "al-Qaim"),
    entity("qaim-crossing", "OfficialCrossing", "al-Qaim crossing", "al-Qaim crossing"),
    entity("hit", "Settlement", "Hit", "Hit"),
    entity("al-hit", "Settlement", "al-Hit", "al-Hit"),
]}


def test_a_name_without_its_arabic_article():
    found = [(m.words, m.entity) for m in Matcher(ARTICLES).find("Trucks queued in Qaim and at the Qaim crossing.") if m.entity]
    assert found == [("Qaim", "qaim"), ("Qaim crossing", "qaim-crossing")]
    # a form that is another entry's name, or too short to tell, stays that entry's or nobody's
    assert [m.entity for m in Matcher(ARTICLES).find("They reached Hit at dawn.") if m.entity] == ["hit"]


def test_the_first_word_of_a_brigades_name_in_any_spelling_after_its_full_name():
    register = {**REGISTER, "kh": entity("kh", "Militia", "Kataib Hezbollah", "Kataib Hezbollah")}
    found = lambda text: [(m.words, m.entity) for m in Matcher(register).find(text) if m.entity]  # noqa: E731
    text = "Trucks were held at a Kataeb Hizballah checkpoint. The Kata’ib want $400 a truck."
    assert ("Kata’ib", "kh") in found(text)
    assert ("Kata’ib", "kh") not in found("The Kata’ib want $400 a truck.")  # not before the text has named the group
    # the first word of another brigade's name is that name's
    assert ("Kataib", "kh") not in found("Kataib Hezbollah fired. Kataib Jund al-Abrar fighters left.")


def test_a_corps_named_without_its_country_and_corps():
    register = {"irgc": entity("irgc", "Militia", "Islamic Revolutionary Guard Corps", "Iranian Revolutionary Guards Corps")}
    assert [(m.words, m.entity) for m in Matcher(register).find("The Revolutionary Guards run the office.") if m.entity] == [
        ("Revolutionary Guards", "irgc")]
