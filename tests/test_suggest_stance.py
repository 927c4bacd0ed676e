"""kg suggest's hostility between actors that a verb or noun of struggle tells (kg.stance_cues), on hand-made sentences."""

from __future__ import annotations

import pytest

from kg.namespaces import LB
from kg.stance_cues import opposed

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"iran": "Country", "syria": "Country", "israel": "Country", "united-states": "Country", "kataib-hezbollah": "Militia",
         "islamic-state": "ArmedGroup", "al-qaim": "Settlement", "syrian-army": "StateForce"}


@pytest.fixture(scope="module")
def proposer():
    return proposer_of(TYPES)


def found(proposer, text: str, names: dict[str, str]) -> set[tuple]:

    nodes = nodes_of(proposer, text, names)
    return {(f.subject, f.property, f.object) for f in opposed(proposer, text, nodes)}


def test_a_front_against_an_actor_is_opposed_by_the_actor_who_opens_it_not_where_arms_go(proposer):
    text = "Iran is moving rockets to Syria to open a new front against Israel."
    assert found(proposer, text, {"Iran": "iran", "Syria": "syria", "Israel": "israel"}) == {("iran", "opposes", "israel")}


def test_verbs_of_defeat_and_a_fronted_phrase_whose_possessive_is_the_subject(proposer):
    text = "Kataib Hezbollah vowed to defeat the Islamic State near al-Qaim."
    names = {"Kataib Hezbollah": "kataib-hezbollah", "Islamic State": "islamic-state", "al-Qaim": "al-qaim"}
    assert found(proposer, text, names) == {("kataib-hezbollah", "opposes", "islamic-state")}
    text = "In its campaign to counter the smuggling networks of Kataib Hezbollah, the United States named two leaders."
    assert found(proposer, text, {"Kataib Hezbollah": "kataib-hezbollah", "United States": "united-states"}) == {
        ("united-states", "opposes", "kataib-hezbollah"), ("united-states", "counters", "kataib-hezbollah")}  # meant to curb it


def test_who_helps_an_actor_defeat_another_supports_the_one_and_opposes_the_other(proposer):
    text = "Russian advisers in the Syrian Army, who helped Kataib Hezbollah in fighting the Islamic State, left."
    names = {"Syrian Army": "syrian-army", "Kataib Hezbollah": "kataib-hezbollah", "Islamic State": "islamic-state"}
    # the body the helpers serve in is not the helper; the helped one's own struggle stays its own
    assert found(proposer, text, names) == {("kataib-hezbollah", "opposes", "islamic-state")}
    text = "The United States assisted the Syrian army in defeating the Islamic State."
    names = {"United States": "united-states", "Syrian army": "syrian-army", "Islamic State": "islamic-state"}
    assert found(proposer, text, names) == {("syrian-army", "opposes", "islamic-state"), ("united-states", "supports", "syrian-army"),
                                            ("united-states", "opposes", "islamic-state")}
    # no verb of help right before the one fighting: no helper
    text = "The United States watched as the Syrian army went on fighting the Islamic State."
    assert ("united-states", "supports", "syrian-army") not in found(proposer, text, names)


def test_no_opposition_between_a_place_and_an_actor_or_across_clauses(proposer):
    assert found(proposer, "The town of al-Qaim was used to fight the Islamic State.",
                 {"al-Qaim": "al-qaim", "Islamic State": "islamic-state"}) == set()
    assert found(proposer, "Iran sent advisors; the army went on to defeat the Islamic State.",
                 {"Iran": "iran", "Islamic State": "islamic-state"}) == set()


def test_the_actor_a_clause_says_acts_with_anothers_support_is_supported_by_it(proposer):
    from kg.propose import Node
    from kg.stance_cues import supported

    def found(text, names):
        nodes = sorted((Node(text.index(w), text.index(w) + len(w), i, proposer.types[i], w) for w, i in names.items()),
                       key=lambda n: n.start)
        return {(f.subject, f.property, f.object) for f in supported(proposer, text, nodes)}

    names = {"Syria": "syria", "al-Qaim": "al-qaim", "Iran": "iran"}
    assert found("Syria plans to rebuild the road to al-Qaim, with Iran support.", names) == {("iran", "supports", "syria")}
    assert found("Syria rebuilt the road with the help of Iran near al-Qaim.", names) == {("iran", "supports", "syria")}
    # support given to something else, or in another clause, is not the subject's
    assert found("Syria rebuilt the road near al-Qaim; Iran support was cut.", names) == set()
    assert found("Syria talked with Iran about al-Qaim.", names) == set()


def test_a_states_proxies_are_the_registers_group_its_label_calls_backed_by_it(proposer):
    from kg.propose import Node
    from kg.stance_cues import proxies

    proposer.types.update({"backed-groups": LB + "Militia"})
    labels = {"iran": "Iran", "syria": "Syria", "backed-groups": "Iran-backed local militias", "kataib-hezbollah": "Kataib Hezbollah"}

    def sponsored(text, words, kind="linked"):
        at = text.index(words)
        return {(f.subject, f.object) for f in proxies(proposer, text, [Node(at, at + len(words), "iran", LB + "Country", words, kind)],
                                                        labels)}

    assert sponsored("Iran and its proxies move arms.", "Iran") == {("iran", "backed-groups")}
    assert sponsored("Trade suffers from Iran's proxies.", "Iran") == {("iran", "backed-groups")}
    assert sponsored("Iranian proxies hold the road.", "Iranian", "demonym") == {("iran", "backed-groups")}
    assert sponsored("Iran and its allies met.", "Iran") == set()
    assert proxies(proposer, "Syria and its proxies met.", [Node(0, 5, "syria", LB + "Country", "Syria")], labels) == []  # none backs


def test_a_place_held_by_an_armed_group_is_controlled_by_it(proposer):
    from kg.propose import Node

    text = "The fighters returned to the farms of al-Qaim, held by Kataib Hezbollah since the war."
    nodes = [Node(text.index(w), text.index(w) + len(w), i, proposer.types[i], w)
             for w, i in (("al-Qaim", "al-qaim"), ("Kataib Hezbollah", "kataib-hezbollah"))]
    facts = {(f.subject, f.property, f.object) for f in proposer.relations(text, nodes)}
    assert ("kataib-hezbollah", "controls", "al-qaim") in facts
    text = "Al-Qaim held talks with Kataib Hezbollah."  # a verb with an object, not a passive
    nodes = [Node(text.index(w), text.index(w) + len(w), i, proposer.types[i], w)
             for w, i in (("Al-Qaim", "al-qaim"), ("Kataib Hezbollah", "kataib-hezbollah"))]
    assert not any(f.property == "controls" for f in proposer.relations(text, nodes))


def test_the_sentences_subject_supports_the_actor_a_participle_after_a_comma_names(proposer):
    from kg.propose import Node
    from kg.stance_cues import supporting

    def found(text, names):
        nodes = sorted((Node(text.index(w), text.index(w) + len(w), i, proposer.types[i], w) for w, i in names.items()),
                       key=lambda n: n.start)
        return {(f.subject, f.property, f.object) for f in supporting(proposer, text, nodes)}

    names = {"Kataib Hezbollah": "kataib-hezbollah", "al-Qaim": "al-qaim", "Syrian army": "syrian-army"}
    assert found("Kataib Hezbollah stayed near al-Qaim after the war, supporting the Syrian army in the town.", names) == {
        ("kataib-hezbollah", "supports", "syrian-army")}
    # the subject is not the sentence's opening name, or a clause ends before the participle
    assert found("After the war in al-Qaim, Kataib Hezbollah stayed, supporting the Syrian army.", names) == set()
    assert found("Kataib Hezbollah stayed near al-Qaim; others left, supporting the Syrian army.", names) == set()
