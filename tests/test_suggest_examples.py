"""kg suggest's relations to the examples a sentence names after a kind of thing (kg.example_cues), on hand-made sentences."""

from __future__ import annotations

import pytest

from kg.namespaces import LB

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"iran": "Country", "kataib-hezbollah": "Militia", "nujaba": "Militia", "al-hari": "Crossing", "al-qaim": "Crossing",
         "syria": "Country"}


@pytest.fixture(scope="module")
def proposer():
    return proposer_of(TYPES)


def found(proposer, text: str, names: dict[str, str]) -> set[tuple]:
    from kg.example_cues import example_facts

    nodes = nodes_of(proposer, text, names)
    return {(f.subject, f.property, f.object) for f in example_facts(proposer, text, nodes)}


def test_each_example_after_notably_or_including_stands_in_the_verbs_relation_to_the_actor(proposer):
    text = "Kataib Hezbollah now holds several desert crossings, notably al-Hari and al-Qaim."
    names = {"Kataib Hezbollah": "kataib-hezbollah", "al-Hari": "al-hari", "al-Qaim": "al-qaim"}
    assert found(proposer, text, names) == {("kataib-hezbollah", "controls", "al-hari"), ("kataib-hezbollah", "controls", "al-qaim")}
    text = "Smugglers from Kataib Hezbollah use remote crossings -- including al-Hari."
    assert found(proposer, text, {k: v for k, v in names.items() if k != "al-Qaim"}) == {("al-hari", "usedBy", "kataib-hezbollah")}


def test_no_example_fact_without_an_actor_in_the_clause_or_where_the_ontology_disallows_it(proposer):
    names = {"Iran": "iran", "al-Hari": "al-hari"}
    assert found(proposer, "Iran sent arms; the army controls the smaller crossings, notably al-Hari.", names) == set()
    assert found(proposer, "Iran sponsors several local crossings, notably al-Hari.", names) == set()  # a crossing is no armed group


def test_a_force_a_sentence_opening_with_a_place_says_is_deployed_there(proposer):
    from kg.presence_cues import fronted_deployments
    from kg.propose import Node

    def deployed(text, names):
        nodes = sorted((Node(text.index(w), text.index(w) + len(w), i, proposer.types[i], w) for w, i in names.items()),
                       key=lambda n: n.start)
        return {(f.subject, f.property, f.object) for f in fronted_deployments(proposer, text, nodes)}

    proposer.types.update({"deir": LB + "Region", "brigade": LB + "MilitaryUnit"})
    assert deployed("In Deir a brigade of volunteers is now stationed, known as the Nujaba Brigade.",
                    {"Deir": "deir", "Nujaba Brigade": "brigade"}) == {("brigade", "deployedIn", "deir")}
    assert deployed("In Deir, Kataib Hezbollah has been deployed since 2017.", {"Deir": "deir", "Kataib Hezbollah": "kataib-hezbollah"}) \
        == {("kataib-hezbollah", "deployedIn", "deir")}
    # the place must open the sentence, and the force be deployed in the same clause
    assert deployed("Kataib Hezbollah is deployed, as in Deir.", {"Deir": "deir", "Kataib Hezbollah": "kataib-hezbollah"}) == set()
    assert deployed("In Deir. Kataib Hezbollah is deployed.", {"Deir": "deir", "Kataib Hezbollah": "kataib-hezbollah"}) == set()


def test_a_force_the_sentence_says_guards_a_place_is_deployed_there(proposer):
    from kg.presence_cues import guards_deployed
    from kg.propose import Node, Proposed

    text = "The crossing al-Hari is guarded by Kataib Hezbollah."
    nodes = [Node(text.index("al-Hari"), text.index("al-Hari") + 7, "al-hari", proposer.types["al-hari"], "al-Hari"),
             Node(text.index("Kataib"), len(text) - 1, "kataib-hezbollah", proposer.types["kataib-hezbollah"], "Kataib Hezbollah")]
    secures = [Proposed("kataib-hezbollah", "secures", "al-hari", "")]
    assert {(f.subject, f.property, f.object) for f in guards_deployed(proposer, text, nodes, secures)} == {
        ("kataib-hezbollah", "deployedIn", "al-hari")}
    # securing without guarding words (a policy, a deal) puts no force there
    assert guards_deployed(proposer, "Kataib Hezbollah secured a deal over al-Hari.", nodes, secures) == []
    # a count among the sentence's facts is read past, not taken for a place
    counted = [Proposed("convoy-1", "quantity", {"value": 12, "qualifier": "exactly", "unit": "truck"}, "")] + secures
    assert [(f.subject, f.object) for f in guards_deployed(proposer, text, nodes, counted)] == [("kataib-hezbollah", "al-hari")]
