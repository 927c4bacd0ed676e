"""kg suggest's unnamed sources placed by the text (kg.placed_sources), on hand-made sentences."""

from __future__ import annotations

from kg.placed_sources import placed_sources

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"mosul": "Settlement", "erbil": "Settlement", "omar-haddad": "Person", "iraq": "Country", "london": "Person"}


def drafted(text: str, names: dict[str, str], demonyms: dict[str, str] | None = None):
    proposer = proposer_of(TYPES)
    nodes = nodes_of(proposer, text, names, demonyms)
    facts = {(f.subject, f.property, f.object) for f in placed_sources(proposer, text, nodes, "009")}
    return facts, {e.id: e.label for e in proposer.new.values()}


def test_an_unnamed_official_in_a_town_is_a_new_entry_present_there():
    facts, new = drafted("A senior security official in Mosul said the road was shut.", {"Mosul": "mosul"})
    assert new == {"a-senior-security-official-in-mosul": "A senior security official in Mosul"}
    assert facts == {("a-senior-security-official-in-mosul", "hasPresenceIn", "mosul")}
    facts, new = drafted("Trucks queued, a customs officer and a resident at Erbil said.", {"Erbil": "erbil"})
    assert facts == {("a-resident-at-erbil", "hasPresenceIn", "erbil")}


def test_no_entry_where_the_place_is_not_where_the_source_stands():
    text = "Omar Haddad, who met a diplomat and an official from Mosul, left for Erbil."
    assert drafted(text, {"Omar Haddad": "omar-haddad", "Mosul": "mosul", "Erbil": "erbil"}) == (set(), {})
    text = "A diplomat said the militia in Mosul had grown."
    assert drafted(text, {"Mosul": "mosul"}) == (set(), {})


def test_a_state_the_description_names_is_the_sources_country():
    facts, _ = drafted("An Iraqi border official in Mosul said trucks waited.", {"Mosul": "mosul"}, {"Iraqi": "iraq"})
    assert facts == {("an-iraqi-border-official-in-mosul", "hasPresenceIn", "mosul"),
                     ("an-iraqi-border-official-in-mosul", "country", "iraq")}
    # a name of a guessed class is no place, and without a state the source is not entered
    assert drafted("A diplomat in London said so.", {"London": "london"}) == (set(), {})


def test_a_description_after_a_named_person_places_that_person():
    facts, new = drafted("Omar Haddad, a security analyst in Mosul, said the road was shut.",
                         {"Omar Haddad": "omar-haddad", "Mosul": "mosul"})
    assert facts == {("omar-haddad", "hasPresenceIn", "mosul")}
    assert new == {}
    # a person named earlier in the sentence, not right before the description, is not the source
    facts, new = drafted("Omar Haddad left, and a security analyst in Mosul said the road was shut.",
                         {"Omar Haddad": "omar-haddad", "Mosul": "mosul"})
    assert facts == {("a-security-analyst-in-mosul", "hasPresenceIn", "mosul")}


def test_a_trade_s_unnamed_source_and_one_who_gives_a_name():
    facts, _ = drafted("Fees doubled, a grain trader in Mosul said.", {"Mosul": "mosul"})
    assert facts == {("a-grain-trader-in-mosul", "hasPresenceIn", "mosul")}
    assert drafted("said a grain trader in Mosul who gave his name as Abu Omar.", {"Mosul": "mosul"}) == (set(), {})
