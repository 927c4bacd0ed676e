"""kg suggest's states a state shares with its proxies where a sentence names them together (kg.proxy_facts), on
hand-made sentences."""

from __future__ import annotations

from kg.propose import Proposed
from kg.proxy_facts import shared_with_members, shared_with_proxies

from .test_suggest_parts import nodes_of, proposer_of, rule_facts

TYPES = {"iran": "Country", "syria": "Country", "iran-backed-militias": "Militia", "desert-track": "BypassRoad",
         "al-qaim": "Settlement", "irgc": "StateForce", "kataib-hezbollah": "Militia"}


def shared(text: str, facts: list[tuple]) -> set[tuple]:
    proposer = proposer_of(TYPES)
    nodes = nodes_of(proposer, text, {"Iran": "iran", "Syria": "syria"})
    given = [Proposed(s, p, o, "given") for s, p, o in facts]
    return {(f.subject, f.property, f.object) for f in shared_with_proxies(proposer, text, nodes, given)}


def test_a_state_and_its_proxies_use_a_road_together():
    text = "Iran and its proxies now use a desert track to reach Syria."
    facts = [("desert-track", "usedBy", "iran"), ("iran", "sponsors", "iran-backed-militias"), ("iran", "hasPresenceIn", "syria")]
    assert shared(text, facts) == {("desert-track", "usedBy", "iran-backed-militias"),
                                   ("iran-backed-militias", "hasPresenceIn", "syria")}


def test_a_state_named_without_its_proxies_shares_nothing():
    text = "Iran, whose proxies are elsewhere, now uses a desert track to reach Syria."
    facts = [("desert-track", "usedBy", "iran"), ("iran", "sponsors", "iran-backed-militias")]
    assert shared(text, facts) == set()
    # the sponsorship itself and an event's roles are not states the two share
    text = "Iran and its proxies now use a desert track to reach Syria."
    assert shared(text, [("iran", "sponsors", "iran-backed-militias"), ("iran", "supports", "syria")]) == set()


def members(text: str, names: dict[str, str], facts: list[tuple]) -> set[tuple]:
    return rule_facts(shared_with_members, TYPES, text, names, facts)


def test_an_actor_joined_by_the_members_of_a_group_shares_its_states_with_the_group():
    text = "Al-Qaim is held by the IRGC (Guards) and fighters from Kataib Hezbollah, locals say."
    names = {"Al-Qaim": "al-qaim", "IRGC": "irgc", "Kataib Hezbollah": "kataib-hezbollah"}
    facts = [("irgc", "controls", "al-qaim"), ("irgc", "deployedIn", "al-qaim"), ("irgc", "partOf", "iran")]
    assert members(text, names, facts) == {("kataib-hezbollah", "controls", "al-qaim"), ("kataib-hezbollah", "deployedIn", "al-qaim")}
    # a group the actor fights beside is no group of members joining it
    text = "Al-Qaim is held by the IRGC, which fights Kataib Hezbollah."
    assert members(text, names, facts) == set()
