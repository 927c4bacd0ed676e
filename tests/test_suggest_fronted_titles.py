"""A role given before a person's name with a definite or possessive word (kg.fronted_titles), on hand-made sentences."""

from kg.fronted_titles import fronted_titles
from tests.test_suggest_parts import rule_facts

_TYPES = {"jon-smith": "Person", "grain-traders": "Organization", "river-council": "GovernmentBody", "jordan": "Country"}


def test_the_role_before_the_name_is_a_title():
    facts = rule_facts(fronted_titles, _TYPES, "The trader, Jon Smith, paid the fees.", {"Jon Smith": "jon-smith"})
    assert facts == {("jon-smith", "title", "trader")}


def test_its_role_makes_a_member_of_the_body_named_before():
    text = "The ministry fined Grain Traders and its co-owner, Jon Smith, last week."
    facts = rule_facts(fronted_titles, _TYPES, text, {"Grain Traders": "grain-traders", "Jon Smith": "jon-smith"})
    assert facts == {("jon-smith", "title", "co-owner"), ("jon-smith", "memberOf", "grain-traders")}


def test_a_body_s_role():
    text = "the River Council's deputy head, Jon Smith, said"
    facts = rule_facts(fronted_titles, _TYPES, text, {"River Council": "river-council", "Jon Smith": "jon-smith"})
    assert facts == {("jon-smith", "title", "deputy head"), ("jon-smith", "memberOf", "river-council")}


def test_no_role_or_a_list_is_no_title():
    assert rule_facts(fronted_titles, _TYPES, "In the town, Jon Smith said so.", {"Jon Smith": "jon-smith"}) == set()
    names = {"Jordan": "jordan", "Jon Smith": "jon-smith"}
    assert rule_facts(fronted_titles, _TYPES, "They met Jordan's envoy and Jon Smith.", names) == set()


def _with_new_bodies(text: str, names: dict[str, str], bodies: dict[str, str]) -> set[tuple]:
    """The rule's facts where the document has named these bodies (id -> name) as new entries before the sentence."""
    from kg.namespaces import LB
    from kg.proposals import NewEntity
    from tests.test_suggest_parts import nodes_of, proposer_of

    proposer = proposer_of(_TYPES)
    for ent_id, name in bodies.items():
        proposer.new[ent_id] = NewEntity(ent_id, "GovernmentBody", name, [name], "named before")
        proposer.types[ent_id] = LB + "GovernmentBody"
    return {(f.subject, f.property, f.object) for f in fronted_titles(proposer, text, nodes_of(proposer, text, names))}


def test_the_noun_s_role_is_of_the_one_body_named_with_that_head():
    text = "Jon Smith, the chamber's director for Basra, said so."
    facts = _with_new_bodies(text, {"Jon Smith": "jon-smith"}, {"basra-chamber": "Basra Chamber of Trade"})
    assert facts == {("jon-smith", "title", "director for Basra"), ("jon-smith", "memberOf", "basra-chamber")}
    two = {"basra-chamber": "Basra Chamber of Trade", "lake-chamber": "Lake Chamber"}
    assert _with_new_bodies(text, {"Jon Smith": "jon-smith"}, two) == {("jon-smith", "title", "director for Basra")}


def test_its_leader_leads_the_body():
    text = "Washington blacklisted Grain Traders and its leader, Jon Smith."
    facts = rule_facts(fronted_titles, _TYPES, text, {"Grain Traders": "grain-traders", "Jon Smith": "jon-smith"})
    assert facts == {("jon-smith", "leads", "grain-traders")}
