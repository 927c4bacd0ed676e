"""The events news tells in its common words, on hand-made sentences: a strike "outside" a town (near it), the dead of
one event and not of another the sentence tells after a clause word, a town an actor "was driven out of" (its capture),
a dated public statement by a verb of saying ("the chamber recommended on Thursday"), and a roadside bomb (an attack)."""

from __future__ import annotations

from kg.dates import dates as find_dates
from kg.quantities import quantities as find_quantities

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"albu-kamal": "Settlement", "kataib-hezbollah": "Militia", "anbar-chamber": "Organization", "us-office": "GovernmentBody",
         "rawa-firm": "Organization", "ali-hassan": "Person"}


def drafted(text: str, names: dict[str, str], doc_date: str | None = None) -> set[tuple[str, str, object]]:
    """(class of the event, property, object) of each fact the events of a sentence give (doc_date: the document's
    date, from which a weekday counts back)."""
    proposer = proposer_of(TYPES)
    found = proposer.events_of(text, nodes_of(proposer, text, names), find_dates(text, doc_date), find_quantities(text), "009",
                               doc_date)
    return {(proposer.types[f.subject].split("#")[-1], f.property, f.object if isinstance(f.object, str) else f.object.get("value"))
            for f in found}


def test_a_strike_outside_a_town_is_near_it():
    facts = drafted("A drone strike outside the Syrian border town of Albu Kamal on May 3, 2021, hit a depot.",
                    {"Albu Kamal": "albu-kamal"})
    assert ("Strike", "nearLocation", "albu-kamal") in facts
    # a place the strike is not said to be at, before it, is not its place
    facts = drafted("Fighters from Albu Kamal said a drone strike hit a depot on May 3, 2021.", {"Albu Kamal": "albu-kamal"})
    assert not {f for f in facts if f[1] in ("nearLocation", "location")}


def test_the_dead_of_an_event_are_those_its_own_clause_counts():
    facts = drafted("An air strike hit a depot near Albu Kamal on May 3, 2021, killing four fighters.", {"Albu Kamal": "albu-kamal"})
    assert ("Strike", "casualties", 4) in facts
    facts = drafted("Jets struck a depot near Albu Kamal on May 3, 2021, after a rocket attack killed three soldiers.",
                    {"Albu Kamal": "albu-kamal"})
    assert ("Strike", "date", "2021-05-03") in facts
    assert not {f for f in facts if f[0] == "Strike" and f[1] == "casualties"}


def test_a_town_an_actor_was_driven_out_of_is_captured():
    facts = drafted("Families fled after the group was driven out of Albu Kamal in December 2017.", {"Albu Kamal": "albu-kamal"})
    assert ("TerritorialCapture", "capturedPlace", "albu-kamal") in facts
    assert ("TerritorialCapture", "date", "2017-12") in facts
    # driven to a town is no capture of it
    facts = drafted("The convoy was driven to Albu Kamal in December 2017.", {"Albu Kamal": "albu-kamal"})
    assert not {f for f in facts if f[0] == "TerritorialCapture"}


def test_a_dated_verb_of_saying_is_a_statement_and_a_roadside_bomb_an_attack():
    facts = drafted("On March 4, 2022, the Anbar Chamber recommended that the road be reopened.", {"Anbar Chamber": "anbar-chamber"})
    assert ("Announcement", "date", "2022-03-04") in facts
    assert ("Announcement", "agent", "anbar-chamber") in facts
    facts = drafted("A roadside bomb hit a patrol of Kataib Hezbollah near Albu Kamal on May 3, 2021.",
                    {"Kataib Hezbollah": "kataib-hezbollah", "Albu Kamal": "albu-kamal"})
    assert ("Attack", "date", "2021-05-03") in facts
    # a claim of responsibility is no statement of its own: the attack is what the date dates
    facts = drafted("Kataib Hezbollah claimed responsibility for the attack on May 3, 2021.", {"Kataib Hezbollah": "kataib-hezbollah"})
    assert not {f for f in facts if f[0] == "Announcement"}


def test_a_date_in_the_possessive_dates_the_event_it_qualifies():
    facts = drafted("The Anbar Chamber condemned Monday's drone strike near Albu Kamal.",
                    {"Anbar Chamber": "anbar-chamber", "Albu Kamal": "albu-kamal"}, "2021-05-05")
    assert {f[0] for f in facts if f[1] == "date"} == {"Strike"}
    # without the possessive, the day is the statement's
    facts = drafted("The Anbar Chamber condemned on Monday the drone strike near Albu Kamal.",
                    {"Anbar Chamber": "anbar-chamber", "Albu Kamal": "albu-kamal"}, "2021-05-05")
    assert "Announcement" in {f[0] for f in facts if f[1] == "date"}


def test_the_day_officials_said_something_dates_no_event_of_no_kind():
    facts = drafted("Trade through the border has recovered, officials said on Tuesday.", {}, "2021-05-05")
    assert not {f for f in facts if f[0] == "Event"}
    facts = drafted("Some 300 families returned to their villages on Tuesday.", {}, "2021-05-05")
    assert ("Event", "date") in {f[:2] for f in facts}


def test_an_event_a_span_of_two_dates_dates_is_one_event_within_them():
    facts = drafted("Tankers made at least 12 shipments of oil to Albu Kamal between January and March.",
                    {"Albu Kamal": "albu-kamal"}, "2021-05-05")
    assert {f[1:] for f in facts if f[0] == "Transfer" and f[1].startswith("date")} == {
        ("dateNotBefore", "2021-01"), ("dateNotAfter", "2021-03")}
    # two dates joined otherwise are two events
    facts = drafted("Tankers made shipments of oil to Albu Kamal in January, and further shipments in March.",
                    {"Albu Kamal": "albu-kamal"}, "2021-05-05")
    assert {f[2] for f in facts if f[0] == "Transfer" and f[1] == "date"} == {"2021-01", "2021-03"}


def test_who_made_a_dated_statement_said_in_it_or_after_it():
    names = {"Kataib Hezbollah": "kataib-hezbollah"}
    facts = drafted("Kataib Hezbollah said in a statement on March 4, 2022, that it would respond.", names)
    assert ("Announcement", "agent", "kataib-hezbollah") in facts
    facts = drafted("In a statement on March 4, 2022, Kataib Hezbollah said it would respond.", names)
    assert ("Announcement", "agent", "kataib-hezbollah") in facts
    # an actor the statement is about, not its speaker
    facts = drafted("In a statement on March 4, 2022, the ministry said Kataib Hezbollah would respond.", names)
    assert not {f for f in facts if f[1] == "agent"}


def test_a_date_that_opens_a_sentence_of_people_killed_dates_the_attack_that_killed_them():
    names = {"Albu Kamal": "albu-kamal"}
    facts = drafted("On May 3, 2021, two soldiers were killed when a roadside bomb hit their vehicle near Albu Kamal.", names)
    assert {("Attack", "date", "2021-05-03"), ("Attack", "casualties", 2)} <= facts
    # the subject of a passive is its count, not the wounded after it; the group they were of was struck
    facts = drafted("On May 3, 2021, two members of Kataib Hezbollah were killed and three others wounded when a roadside bomb hit "
                    "their car.", {"Kataib Hezbollah": "kataib-hezbollah"})
    assert {f[2] for f in facts if f[1] == "casualties"} == {2}
    assert ("Attack", "target", "kataib-hezbollah") in facts
    # a death told otherwise is no attack
    facts = drafted("On May 3, 2021, two soldiers were killed when their vehicle overturned near Albu Kamal.", names)
    assert not {f for f in facts if f[0] == "Attack"}


def test_a_firm_added_after_a_sanction_is_sanctioned_and_where_it_is_based_is_no_place_of_the_sanction():
    names = {"Albu Kamal": "albu-kamal"}
    facts = drafted("Washington has sanctioned two militia leaders, and in June 2021 it added a firm based in Albu Kamal.", names)
    assert ("Sanction", "date", "2021-06") in facts
    assert not {f for f in facts if f[1] in ("location", "nearLocation")}
    # adding with no sanction before is no sanction
    facts = drafted("The militias had few rockets, and in June 2021 they added two launchers in Albu Kamal.", names)
    assert not {f for f in facts if f[0] == "Sanction"}


def test_a_sanction_lists_each_party_joined_to_its_first_target_and_its_issuer_past_an_acronym():
    names = {"Foreign Assets Office": "us-office", "Rawa Transport Company": "rawa-firm", "Ali Hassan": "ali-hassan"}
    facts = drafted("On June 13, 2023, the Foreign Assets Office (FAO) designated Rawa Transport Company and its co-owner, Ali Hassan.",
                    names)
    assert {f[1:] for f in facts if f[1] in ("sanctionTarget", "issuedBy")} == {
        ("sanctionTarget", "rawa-firm"), ("sanctionTarget", "ali-hassan"), ("issuedBy", "us-office")}
    # a party named in another clause is not listed with it
    facts = drafted("On June 13, 2023, the Foreign Assets Office designated Rawa Transport Company, after Ali Hassan fled.", names)
    assert {f[2] for f in facts if f[1] == "sanctionTarget"} == {"rawa-firm"}


def test_a_strikes_target_follows_a_word_of_striking_not_a_word_ending_like_one():
    names = {"Kataib Hezbollah": "kataib-hezbollah"}
    facts = drafted("Jets struck a depot on May 3, 2021, in an operation Kataib Hezbollah condemned.", names)
    assert not {f for f in facts if f[1] == "target"}
    facts = drafted("Jets struck a depot on May 3, 2021, in an attack on Kataib Hezbollah.", names)
    assert ("Strike", "target", "kataib-hezbollah") in facts


def test_an_event_a_bearing_away_from_a_town_is_near_it():
    names = {"Albu Kamal": "albu-kamal"}
    facts = drafted("A drone strike hit a depot about 8 km south of Albu Kamal on May 3, 2021.", names)
    assert ("Strike", "nearLocation", "albu-kamal") in facts
    # a bearing of something else, before the strike, is not the strike's place
    facts = drafted("Fighters from south of Albu Kamal said a drone strike hit a depot on May 3, 2021.", names)
    assert not {f for f in facts if f[1] in ("nearLocation", "location")}
    # where a thing built lies is no place to tell its building by
    facts = drafted("The army completed a concrete wall north of Albu Kamal in May 2021.", names)
    assert ("Construction", "date", "2021-05") in facts
    assert not {f for f in facts if f[1] in ("nearLocation", "location")}


def test_the_subject_of_a_dated_verb_is_the_agent_of_its_event_but_not_of_a_passive():
    names = {"Kataib Hezbollah": "kataib-hezbollah"}
    facts = drafted("In March 2022, Kataib Hezbollah opened an office in Baghdad.", names)
    assert {("Event", "date", "2022-03"), ("Event", "agent", "kataib-hezbollah")} <= facts
    # what was done to it, and what it said, are no deeds of its
    facts = drafted("In March 2022, Kataib Hezbollah was expelled from the market.", names)
    assert not {f for f in facts if f[1] == "agent"}
    facts = drafted("Kataib Hezbollah said on March 4, 2022 that trade had recovered.", names)
    assert not {f for f in facts if f[1] == "agent" and f[0] == "Event"}


def test_a_unit_moved_with_a_count_between_is_a_deployment_and_a_weapon_that_had_hit_a_strike():
    names = {"Kataib Hezbollah": "kataib-hezbollah", "Albu Kamal": "albu-kamal"}
    facts = drafted("On 11 May 2020, Kataib Hezbollah moved about 200 fighters to Albu Kamal.", names)
    assert {("Deployment", "agent", "kataib-hezbollah"), ("Deployment", "location", "albu-kamal")} <= facts
    facts = drafted("On 27 May 2023 a drone had hit a pickup truck near Albu Kamal, killing two members of Kataib Hezbollah.", names)
    assert {("Strike", "strikeType", "droneStrike"), ("Strike", "casualties", 2), ("Strike", "target", "kataib-hezbollah")} <= facts


def test_the_group_some_of_the_dead_were_from_was_struck_and_so_is_each_holder_listed_of_what_was_hit():
    names = {"Kataib Hezbollah": "kataib-hezbollah", "Albu Kamal": "albu-kamal"}
    facts = drafted("On January 4, 2024, a drone strike near Albu Kamal killed seven fighters, three of them from Kataib Hezbollah.",
                    names)
    assert ("Strike", "target", "kataib-hezbollah") in facts
    names = {"Kataib Hezbollah": "kataib-hezbollah", "Anbar Chamber": "anbar-chamber"}
    facts = drafted("On February 25, 2021, aircraft struck buildings used by Kataib Hezbollah and the Anbar Chamber.", names)
    assert {f[2] for f in facts if f[1] == "target"} == {"kataib-hezbollah", "anbar-chamber"}
    # one named in another clause was not struck
    facts = drafted("On February 25, 2021, aircraft struck buildings used by Kataib Hezbollah, after the Anbar Chamber complained.",
                    names)
    assert {f[2] for f in facts if f[1] == "target"} == {"kataib-hezbollah"}
    # nor a group the text goes on to describe, nor one whose man comes after it
    facts = drafted("On February 25, 2021, aircraft struck buildings used by Kataib Hezbollah, the group the Anbar Chamber lists.",
                    names)
    assert {f[2] for f in facts if f[1] == "target"} == {"kataib-hezbollah"}
    facts = drafted("On February 25, 2021, aircraft struck buildings used by Kataib Hezbollah and the Anbar Chamber's guards.",
                    names)
    assert {f[2] for f in facts if f[1] == "target"} == {"kataib-hezbollah"}


def test_no_agent_of_a_dated_verb_whose_subject_it_is_said_of_or_done_to():
    names = {"Ali Hassan": "ali-hassan"}
    facts = drafted("Fatima said her husband Ali Hassan was taken on April 24, 2023.", names)
    assert not {f for f in facts if f[1] == "agent"}
    facts = drafted("Ali Hassan is expected in Baghdad around 10 April 2023.", names)
    assert not {f for f in facts if f[1] == "agent"}


def test_a_sanction_for_a_deed_is_dated_not_the_deed_and_a_groups_people_are_not_the_group():
    names = {"Kataib Hezbollah": "kataib-hezbollah", "Anbar Chamber": "anbar-chamber"}
    facts = drafted("The Anbar Chamber sanctioned five leaders last November for smuggling weapons.", {"Anbar Chamber": "anbar-chamber"},
                    "2023-03-20")
    assert ("Sanction", "date", "2022-11") in facts and not {f for f in facts if f[0] == "Transfer"}
    facts = drafted("On November 17, 2023, the Anbar Chamber sanctioned six Kataib Hezbollah leaders.", names)
    assert not {f for f in facts if f[1] == "sanctionTarget"}
    facts = drafted("On November 17, 2023, the Anbar Chamber sanctioned Kataib Hezbollah.", names)
    assert ("Sanction", "sanctionTarget", "kataib-hezbollah") in facts
    # a deed's own word after "for" still dates it when it is no gerund
    facts = drafted("Kataib Hezbollah claimed responsibility for the attack on May 3, 2021.", {"Kataib Hezbollah": "kataib-hezbollah"})
    assert ("Attack", "date", "2021-05-03") in facts


def test_since_a_date_is_where_what_is_counted_began():
    facts = drafted("The strike near Albu Kamal on Tuesday was the third on militia sites around the town since January.",
                    {"Albu Kamal": "albu-kamal"}, "2023-03-20")
    assert {f[1] for f in facts if f[2] == "2023-01"} == {"dateNotBefore"}
    # a date "since" which the text then tells what happened, "when …", dates that
    from kg.news_dates import date_property

    text = "The area has been hit repeatedly since June 2018, when an air strike near Albu Kamal killed 14 fighters."
    assert date_property(text, find_dates(text, None)[0]) == "date"
