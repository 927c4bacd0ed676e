"""The events news tells in its common words, on hand-made sentences: a strike "outside" a town (near it), the dead of
one event and not of another the sentence tells after a clause word, a town an actor "was driven out of" (its capture),
a dated public statement by a verb of saying ("the chamber recommended on Thursday"), and a roadside bomb (an attack)."""

from __future__ import annotations

from kg.dates_numbers import dates as find_dates
from kg.dates_numbers import quantities as find_quantities

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"albu-kamal": "Settlement", "kataib-hezbollah": "Militia", "anbar-chamber": "Organization"}


def drafted(text: str, names: dict[str, str]) -> set[tuple[str, str, object]]:
    """(class of the event, property, object) of each fact the events of a sentence give."""
    proposer = proposer_of(TYPES)
    found = proposer.events_of(text, nodes_of(proposer, text, names), find_dates(text, None), find_quantities(text), "009")
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
