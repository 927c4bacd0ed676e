"""The dates news gives strikes in its common ways: between commas after the strike's word ("The first strike, on
May 3, hit a depot"), at the sentence's opening after a time of day ("On the night of May 3, strikes hit"), and a
day's strike the register has without a place, on hand-made sentences."""

from __future__ import annotations

from kg.dates import dates as find_dates

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"albu-kamal": "Settlement", "depot": "Installation", "strike-may-3": "Strike"}


def dated(proposer, text: str, names: dict[str, str]) -> set[tuple[str, str]]:
    found = proposer.events_of(text, nodes_of(proposer, text, names), find_dates(text, None), [], "009")
    return {(proposer.types[f.subject].split("#")[-1], f.object) for f in found if f.property == "date"}


def test_a_date_between_commas_after_a_strike_or_after_a_time_of_day_at_the_opening_dates_the_strike():
    proposer = proposer_of(TYPES)
    assert dated(proposer, "The deadliest strike, on May 3, 2021, hit a depot near Albu Kamal.", {"Albu Kamal": "albu-kamal"}) \
        == {("Strike", "2021-05-03")}
    assert dated(proposer, "On the night of May 3, 2021, strikes hit militia positions along the river.", {}) == {("Strike", "2021-05-03")}
    # a clock time before the date, as a military timeline or an incident report writes it
    assert dated(proposer, "At 0140 on 21 August 2024, coalition aircraft struck the compound.", {}) == {("Strike", "2024-08-21")}
    assert dated(proposer, "Shortly after midnight on 24 June 2020, a drone struck the truck park.", {}) == {("Strike", "2020-06-24")}
    # a date between commas after a word that is no event's, or in another clause, dates no strike
    assert ("Strike", "2021-05-03") not in dated(proposer, "After the strikes, the town, on May 3, 2021, reopened its market.", {})


def test_a_days_strike_the_register_places_nowhere_is_the_strike_a_sentence_places_that_day():
    proposer = proposer_of(TYPES)
    proposer.events.add("strike-may-3", "date", "2021-05-03")
    text = "On May 3, 2021, air strikes destroyed a depot near Albu Kamal."
    found = proposer.events_of(text, nodes_of(proposer, text, {"Albu Kamal": "albu-kamal"}), find_dates(text, None), [], "009")
    assert ("strike-may-3", "date", "2021-05-03") in {(f.subject, f.property, f.object) for f in found}
    # a month alone, with a place, is not that day's strike
    text = "In May 2021, air strikes destroyed a depot near Albu Kamal."
    found = proposer.events_of(text, nodes_of(proposer, text, {"Albu Kamal": "albu-kamal"}), find_dates(text, None), [], "009")
    assert "strike-may-3" not in {f.subject for f in found}


def test_the_registers_one_strike_of_a_day_is_the_strike_a_sentence_places_elsewhere_that_day():
    proposer = proposer_of(TYPES)
    proposer.events.add("strike-may-3", "date", "2021-05-03")
    proposer.events.add("strike-may-3", "nearLocation", "albu-kamal")
    text = "On May 3, 2021, air strikes destroyed warehouses at the depot."
    names = {"depot": "depot"}
    found = proposer.events_of(text, nodes_of(proposer, text, names), find_dates(text, None), [], "009")
    assert ("strike-may-3", "date", "2021-05-03") in {(f.subject, f.property, f.object) for f in found}
    # a strike of another kind that day is another strike; so is one of the month
    proposer.events.add("strike-may-3", "strikeType", "airStrike")
    text = "On May 3, 2021, a drone strike destroyed warehouses at the depot."
    found = proposer.events_of(text, nodes_of(proposer, text, names), find_dates(text, None), [], "009")
    assert "strike-may-3" not in {f.subject for f in found}
    text = "In May 2021, air strikes destroyed warehouses at the depot."
    found = proposer.events_of(text, nodes_of(proposer, text, names), find_dates(text, None), [], "009")
    assert "strike-may-3" not in {f.subject for f in found}


def test_the_registers_strike_of_a_place_and_side_a_source_dates_a_month_off_is_that_strike():
    proposer = proposer_of({**TYPES, "kataib-hezbollah": "Militia"})
    for prop, obj in (("date", "2021-05"), ("nearLocation", "albu-kamal"), ("target", "kataib-hezbollah")):
        proposer.events.add("strike-may-3", prop, obj)
    names = {"Albu Kamal": "albu-kamal", "Kataib Hezbollah": "kataib-hezbollah"}

    def struck(text: str) -> set[str]:
        named = {w: i for w, i in names.items() if w in text}
        found = proposer.events_of(text, nodes_of(proposer, text, named), find_dates(text, None), [], "009")
        return {f.subject for f in found if f.property == "date"}
    assert struck("In June 2021, an air strike near Albu Kamal killed ten members of Kataib Hezbollah.") == {"strike-may-3"}
    # two months off, or on no side the register gives it, is another strike
    assert "strike-may-3" not in struck("In July 2021, an air strike near Albu Kamal killed ten members of Kataib Hezbollah.")
    assert "strike-may-3" not in struck("In June 2021, an air strike near Albu Kamal destroyed a depot.")
