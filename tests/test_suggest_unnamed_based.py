"""kg suggest's bodies the text places without naming them (kg.based_in.unnamed_based), on hand-made sentences."""

from __future__ import annotations

from kg.based_in import unnamed_based

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"beirut": "Settlement", "lina-haddad": "Person", "carnegie": "Organization"}


def drafted(text: str, names: dict[str, str]):
    proposer = proposer_of(TYPES)
    facts = {(f.subject, f.property, f.object) for f in unnamed_based(proposer, text, nodes_of(proposer, text, names), "009")}
    return facts, {e.id: e.label for e in proposer.new.values()}


def test_an_unnamed_body_based_in_a_city_is_a_new_entry_there_with_its_member():
    text = "The road is vital, said Lina Haddad, an analyst at a Beirut-based think tank."
    facts, new = drafted(text, {"Lina Haddad": "lina-haddad", "Beirut": "beirut"})
    assert new == {"a-beirut-based-think-tank": "A Beirut-based think tank"}
    assert facts == {("a-beirut-based-think-tank", "hasPresenceIn", "beirut"), ("lina-haddad", "memberOf", "a-beirut-based-think-tank")}


def test_no_entry_for_a_named_body_or_a_thing_that_is_no_body():
    assert drafted("A Beirut-based Carnegie centre said so.", {"Beirut": "beirut", "Carnegie": "carnegie"}) == (set(), {})
    assert drafted("Lina Haddad flew a Beirut-based plane.", {"Lina Haddad": "lina-haddad", "Beirut": "beirut"}) == (set(), {})
