"""kg suggest's roles given before a person's name (kg.named_roles), on hand-made sentences."""

from __future__ import annotations

from kg.named_roles import named_roles

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"badr": "Militia", "umar-saleh": "Person", "hama": "Settlement", "sara-nouri": "Person", "council": "Organization"}


def found(text: str, names: dict[str, str]) -> set[tuple]:
    proposer = proposer_of(TYPES)
    return {(f.subject, f.property, f.object) for f in named_roles(proposer, text, nodes_of(proposer, text, names))}


def test_a_spokesman_named_after_the_body_is_its_member():
    text = "A spokesman for Badr, who gave his name only as Umar Saleh, said the road was open."
    assert found(text, {"Badr": "badr", "Umar Saleh": "umar-saleh"}) == {("umar-saleh", "title", "spokesman"),
                                                                        ("umar-saleh", "memberOf", "badr")}
    text = "Council spokeswoman Sara Nouri denied the report."
    assert found(text, {"Council": "council", "Sara Nouri": "sara-nouri"}) == {("sara-nouri", "title", "spokeswoman"),
                                                                              ("sara-nouri", "memberOf", "council")}


def test_a_commander_named_after_the_body_commands_it():
    text = "The commander of Badr in Hama, Umar Saleh, left the town."
    assert found(text, {"Badr": "badr", "Hama": "hama", "Umar Saleh": "umar-saleh"}) == {
        ("umar-saleh", "title", "commander of Badr"), ("umar-saleh", "commands", "badr")}


def test_no_role_where_the_name_is_not_the_roles_holder():
    text = "A spokesman for Badr said Umar Saleh had left."
    assert found(text, {"Badr": "badr", "Umar Saleh": "umar-saleh"}) == set()
    text = "Badr fought Umar Saleh in Hama."
    assert found(text, {"Badr": "badr", "Umar Saleh": "umar-saleh", "Hama": "hama"}) == set()
