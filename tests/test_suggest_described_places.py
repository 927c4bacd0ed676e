"""kg suggest's places described by where they lie (kg.described_places) on hand-made sentences: the new entry, its
place, and what a dated event in the same sentence does with it."""

from __future__ import annotations

from kg.dates import dates as find_dates
from kg.described_places import described_places
from kg.namespaces import LB
from kg.quantities import quantities as find_quantities

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"albu-kamal": "Settlement", "al-qaim": "Settlement", "rabia": "Settlement", "euphrates": "Region",
         "iraq-syria-border": "Border", "kataib-hezbollah": "Militia", "us-forces": "StateForce", "weapons": "Commodity",
         "strike-2018-06-near-albu-kamal": "Strike"}


def described(text: str, names: dict[str, str]):
    proposer = proposer_of(TYPES)
    places, facts = described_places(proposer, text, nodes_of(proposer, text, names), "005")
    return proposer, places, {(f.subject, f.property, f.object) for f in facts}


def test_a_place_told_by_where_it_lies_is_a_new_entry_of_its_kind_near_that_place():
    proposer, places, facts = described("Trucks entered Syria through an unofficial crossing south of Al-Bukamal.",
                                        {"Al-Bukamal": "albu-kamal"})
    assert [p.words for p in places] == ["unofficial crossing south of Al-Bukamal"]
    assert facts == {("unofficial-crossing-south-of-al-bukamal", "near", "albu-kamal")}
    assert proposer.new["unofficial-crossing-south-of-al-bukamal"].type == "UnofficialCrossing"
    _, _, facts = described("A drone hit a weapons depot on the eastern outskirts of Abu Kamal.", {"Abu Kamal": "albu-kamal"})
    assert facts == {("weapons-depot-on-the-eastern-outskirts-of-abu-kamal", "near", "albu-kamal")}
    # a bearing with its distance; a name that qualifies the place's noun is part of its words
    proposer, places, facts = described("Fighters man a Kataib Hezbollah checkpoint about 8 km north of al-Qaim.",
                                 {"Kataib Hezbollah": "kataib-hezbollah", "al-Qaim": "al-qaim"})
    assert [p.words for p in places] == ["Kataib Hezbollah checkpoint about 8 km north of al-Qaim"]
    entry = proposer.new[places[0].id]  # the distance is in an alias, not in the label
    assert (entry.label, entry.aliases) == ("Kataib Hezbollah checkpoint north of al-Qaim",
                                            ["Kataib Hezbollah checkpoint about 8 km north of al-Qaim"])
    # "at" places nothing: the warehouses at a base are the base's
    assert described("Jets struck warehouses at the Imam Ali base.", {"Imam Ali": "al-qaim"})[1] == []


def test_a_count_is_an_alias_not_the_label_and_a_wall_along_a_border_is_on_it():
    proposer, _, facts = described("The Fatemiyoun took over two positions near al-Qaim.", {"al-Qaim": "al-qaim"})
    entry = proposer.new["positions-near-al-qaim"]
    assert (entry.label, entry.aliases, entry.type) == ("Positions near al-Qaim", ["two positions near al-Qaim"], "Installation")
    _, _, facts = described("Iraq is finishing a concrete wall along the border.", {"border": "iraq-syria-border"})
    assert facts == {("concrete-wall-along-the-border", "onBorder", "iraq-syria-border")}
    # a road is a route, no place: the ontology has no `near` for it, but the entry is made for the events it hosts
    proposer, places, facts = described("Troops seized two trucks on a dirt road north of al-Qaim.", {"al-Qaim": "al-qaim"})
    assert [p.words for p in places] == ["dirt road north of al-Qaim"] and facts == set()
    assert proposer.new["dirt-road-north-of-al-qaim"].type == "Road"


def test_no_described_place_where_the_words_say_otherwise():
    # an official crossing; a road to a place; a place name that qualifies a larger thing; a verb before the noun
    assert described("Trucks use the northern crossing at Rabia.", {"Rabia": "rabia"})[1] == []
    assert described("Militias guard the road to al-Qaim.", {"al-Qaim": "al-qaim"})[1] == []
    assert described("They hold positions along the al-Qaim road.", {"al-Qaim": "al-qaim"})[1] == []
    assert described("Militia Positions Along the al-Qaim–Albu Kamal Border Zone", {"al-Qaim": "al-qaim"})[1] == []
    assert described("Officials said the convoy stopped near al-Qaim.", {"al-Qaim": "al-qaim"})[1] == []
    assert described("A picture taken from the countryside near Syria's town of al-Qaim.", {"Syria": "rabia"})[1] == []
    assert described("A picture taken from the countryside near Syria's town of al-Qaim.", {"Syria's": "rabia"})[1] == []


def events(text: str, names: dict[str, str], known: list[tuple] = ()):
    proposer = proposer_of(TYPES)
    for fact in known:
        proposer.events.add(*fact)
    nodes = nodes_of(proposer, text, names)
    places, facts = described_places(proposer, text, nodes, "005")
    towns = {p.end for p in places}
    nodes = sorted([n for n in nodes if n.end not in towns] + places, key=lambda n: n.start)
    dates = find_dates(text, "2020-07-15")
    found = proposer.events_of(text, nodes, dates, find_quantities(text, [(d.start, d.end) for d in dates]), "005", "2020-07-15")
    return proposer, {(f.subject, f.property, f.object if isinstance(f.object, str) else repr(f.object)) for f in facts + found}


def test_a_dated_strike_hit_the_described_place_near_its_town_and_a_seizure_was_on_it():
    proposer, facts = events("On June 14, an air strike hit a fuel depot outside Albu Kamal.", {"Albu Kamal": "albu-kamal"})
    strike = next(s for s, p, o in facts if p == "date")
    assert proposer.types[strike] == LB + "Strike"
    assert {(strike, "hit", "fuel-depot-outside-albu-kamal"), (strike, "nearLocation", "albu-kamal")} <= facts
    _, facts = events("On June 14, border guards seized weapons on a dirt road north of al-Qaim.",
                      {"weapons": "weapons", "al-Qaim": "al-qaim"})
    seizure = next(s for s, p, o in facts if p == "date")
    assert {(seizure, "location", "dirt-road-north-of-al-qaim"), (seizure, "nearLocation", "al-qaim")} <= facts
    # a described place the words do not put the event on or in is not where it was
    _, facts = events("On June 14, border guards seized weapons bound for positions near al-Qaim.",
                      {"weapons": "weapons", "al-Qaim": "al-qaim"})
    assert not any(p in ("location", "hit") for s, p, o in facts)


def test_a_strike_the_register_has_near_the_town_is_that_strike():
    known = [("strike-2018-06-near-albu-kamal", "nearLocation", "albu-kamal"), ("strike-2018-06-near-albu-kamal", "date", "2018-06")]
    for text in ("In June 2018 an air strike hit militia positions near Albu Kamal.",
                 "In June 2018 an air strike killed 12 fighters at a checkpoint near Albu Kamal."):
        _, facts = events(text, {"Albu Kamal": "albu-kamal"}, known)
        assert ("strike-2018-06-near-albu-kamal", "nearLocation", "albu-kamal") in facts
        assert not any(s.startswith("strike-2018-06-") and s != "strike-2018-06-near-albu-kamal" for s, _, _ in facts)
