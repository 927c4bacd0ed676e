"""kg suggest's places a sentence names after opening in a country (kg.fronted_places), on hand-made sentences."""

from __future__ import annotations

from kg.fronted_places import fronted_places

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"iraq": "Country", "syria": "Country", "al-qaim": "Settlement", "anbar": "Region", "al-qaim-crossing": "OfficialCrossing",
         "kataib-hezbollah": "Militia"}


def found(text: str, names: dict[str, str]) -> set[tuple]:
    proposer = proposer_of(TYPES)
    return {(f.subject, f.property, f.object) for f in fronted_places(proposer, text, nodes_of(proposer, text, names))}


def test_the_towns_and_regions_named_after_an_opening_in_a_country_lie_in_it():
    text = "While in Iraq, the minister toured al-Qaim and the Anbar desert with Kataib Hezbollah."
    names = {"Iraq": "iraq", "al-Qaim": "al-qaim", "Anbar": "anbar", "Kataib Hezbollah": "kataib-hezbollah"}
    assert found(text, names) == {("al-qaim", "locatedIn", "iraq"), ("anbar", "locatedIn", "iraq")}


def test_no_place_where_a_word_sends_something_elsewhere_or_the_country_is_not_the_opening():
    # a crossing may join two countries; a place things go to is no place in the country the sentence opens in
    text = "In Syria, trucks left the Qaim crossing for Iraq and drove to al-Qaim."
    assert found(text, {"Syria": "syria", "Qaim crossing": "al-qaim-crossing", "Iraq": "iraq", "al-Qaim": "al-qaim"}) == set()
    text = "The minister toured al-Qaim while in Iraq."
    assert found(text, {"al-Qaim": "al-qaim", "Iraq": "iraq"}) == set()
