"""Strikes news tells by the weapon that struck ("a drone hit a depot") and the places it puts them near ("near the
border town of X"), on hand-made sentences."""

from __future__ import annotations

from kg.dates import dates as find_dates

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"kataib-hezbollah": "Militia", "albu-kamal": "Settlement", "syria": "Country"}


def events(text: str, names: dict[str, str]) -> set[tuple[str, str, str]]:
    proposer = proposer_of(TYPES)
    found = proposer.events_of(text, nodes_of(proposer, text, names), find_dates(text, None), [], "009")
    return {(proposer.types[f.subject].split("#")[-1], f.property, f.object) for f in found}


def test_a_weapon_that_hit_something_on_a_date_is_a_strike_of_its_kind_on_what_it_hit():
    names = {"Kataib Hezbollah": "kataib-hezbollah"}
    found = events("On March 4, 2021, a drone hit a depot of Kataib Hezbollah in the desert.", names)
    assert {("Strike", "date", "2021-03-04"), ("Strike", "strikeType", "droneStrike"),
            ("Strike", "target", "kataib-hezbollah")} <= found
    assert ("Strike", "strikeType", "airStrike") in events("In May 2020 warplanes targeted a base of Kataib Hezbollah.", names)
    # a weapon that is only named, or that struck nothing, is no strike
    assert not {f for f in events("In May 2020 a drone was seen over a base of Kataib Hezbollah.", names) if f[0] == "Strike"}
    assert not {f for f in events("In May 2020 the jets returned to their base.", {}) if f[0] == "Strike"}


def test_a_strike_near_a_border_town_is_near_that_town_and_a_country_is_not_near():
    names = {"Albu Kamal": "albu-kamal"}
    found = events("In June 2019 an air strike hit fighters near the Syrian border town of Albu Kamal.", names)
    assert ("Strike", "nearLocation", "albu-kamal") in found
    found = events("In June 2019 an air strike hit fighters near the border of Syria.", {"Syria": "syria"})
    assert not {f for f in found if f[1] == "nearLocation"}


def test_the_country_whose_aircraft_struck_is_the_perpetrator_and_the_group_whose_site_was_hit_the_target():
    proposer = proposer_of({**TYPES, "united-states": "Country"})
    text = "On April 2, 2022, U.S. aircraft struck two depots used by Kataib Hezbollah in the desert."
    nodes = nodes_of(proposer, text, {"Kataib Hezbollah": "kataib-hezbollah"}, demonyms={"U.S.": "united-states"})
    found = {(f.property, f.object) for f in proposer.events_of(text, nodes, find_dates(text, None), [], "009")}
    assert {("perpetrator", "united-states"), ("target", "kataib-hezbollah"), ("strikeType", "airStrike")} <= found
    assert ("perpetrator", "kataib-hezbollah") not in found
    # a group that reported the strike, or whose site was only near it, is not its target
    text = "On April 2, 2022, U.S. aircraft struck two depots near a base, Kataib Hezbollah said."
    nodes = nodes_of(proposer, text, {"Kataib Hezbollah": "kataib-hezbollah"}, demonyms={"U.S.": "united-states"})
    found = {(f.property, f.object) for f in proposer.events_of(text, nodes, find_dates(text, None), [], "009")}
    assert ("target", "kataib-hezbollah") not in found and ("perpetrator", "united-states") in found
    # a name inside a compound adjective ("Syria-bound") describes what was hit, it is not the group that held it
    proposer.types["syria"] = "https://landbridge-kg.org/ontology#Country"
    text = "On April 2, 2022, U.S. aircraft struck a convoy of Syria-bound trucks."
    nodes = nodes_of(proposer, text, {"Syria": "syria"}, demonyms={"U.S.": "united-states"})
    assert not {f for f in proposer.events_of(text, nodes, find_dates(text, None), [], "009") if f.property == "target"}
