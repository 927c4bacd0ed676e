"""kg suggest's states told in a relative clause whose subject follows the thing it is about (kg.object_relatives), on
hand-made sentences."""

from __future__ import annotations

from kg.object_relatives import object_relatives

from .test_suggest_parts import rule_facts

TYPES = {"rabia": "OfficialCrossing", "badr": "Militia", "m4": "Road", "iran": "Country", "mosul": "Settlement"}


def found(text: str, names: dict[str, str]) -> set[tuple]:
    return rule_facts(object_relatives, TYPES, text, names)


def test_the_verb_after_the_clauses_subject_gives_the_relation():
    assert found("Trucks wait at Rabia, which Badr still controls.", {"Rabia": "rabia", "Badr": "badr"}) == {
        ("badr", "controls", "rabia")}
    assert found("The M4, which Badr has long used, is quiet.", {"M4": "m4", "Badr": "badr"}) == {("m4", "usedBy", "badr")}
    assert found("Rabia, which Badr runs with the army, is open.", {"Rabia": "rabia", "Badr": "badr"}) == {("badr", "operates", "rabia")}


def test_no_relation_where_the_clause_says_something_else():
    # the actor is the object of the clause; the verb is not one of state; "held talks"; a place is no actor
    assert found("Rabia, which Badr said it controls, is open.", {"Rabia": "rabia", "Badr": "badr"}) == set()
    assert found("Rabia, which was used by Badr, is open.", {"Rabia": "rabia", "Badr": "badr"}) == set()
    assert found("Rabia, which Badr held to be vital, is open.", {"Rabia": "rabia", "Badr": "badr"}) == set()
    assert found("The M4, which Mosul controls, is open.", {"M4": "m4", "Mosul": "mosul"}) == set()
