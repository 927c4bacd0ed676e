"""Pronouns and descriptions a draft takes as an entity named before them (kg.pronouns, kg.reference)."""

from __future__ import annotations

import pytest

from kg.namespaces import LB
from kg.propose import Node

TYPES = {"harb-brigade": LB + "Militia", "farmers-of-hit": LB + "PersonGroup", "hit": LB + "Settlement", "iraq": LB + "Country",
         "border-guards": LB + "Militia", "east-gate": LB + "OfficialCrossing", "oil": LB + "Commodity",
         "anbar-desert": LB + "Region"}


@pytest.fixture(scope="module")
def ontology():
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT

    return load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")


def nodes_of(text: str, names: dict[str, str], kind: str = "linked") -> list[Node]:
    return [Node(text.index(w), text.index(w) + len(w), i, TYPES[i], w, kind) for w, i in names.items()]


def read(ontology, sentences: list[tuple[str, dict[str, str]]]) -> list[list[tuple[str, str]]]:
    """The pronouns each sentence of a text stands for, as (pronoun, entity)."""
    from kg.pronouns import pronouns
    from kg.reference import Salience

    salience = Salience(ontology, TYPES, [])
    return [[(n.words, n.id) for n in pronouns(text, nodes_of(text, names), salience)] for text, names in sentences]


def test_a_pronoun_that_opens_a_sentence_is_the_thing_of_its_number_in_the_sentence_before(ontology):
    text = [("The farmers of Hit say the Harb Brigade has kept them off their land.",
             {"farmers of Hit": "farmers-of-hit", "Harb Brigade": "harb-brigade"}),
            ("It also holds the road to the river.", {})]
    assert read(ontology, text) == [[], [("It", "harb-brigade")]]  # not the farmers: "it" is one thing
    text = [("The border guards met the Harb Brigade at the East Gate.",
             {"border guards": "border-guards", "Harb Brigade": "harb-brigade", "East Gate": "east-gate"}),
            ("They now search every lorry.", {})]
    assert read(ontology, text)[1] == [("They", "border-guards")]


def test_a_pronoun_inside_a_sentence_is_the_thing_its_clause_began_with(ontology):
    text = "Guards are posted at the East Gate, after it has been reopened for trade."
    assert read(ontology, [(text, {"Guards": "border-guards", "East Gate": "east-gate"})]) == [[("it", "east-gate")]]


def test_no_thing_for_a_pronoun_that_stands_for_none_or_for_what_is_carried(ontology):
    text = [("The Harb Brigade moved oil through Hit.", {"Harb Brigade": "harb-brigade", "oil": "oil", "Hit": "hit"}),
            ("It is possible that the road was closed.", {}),
            ("It can be assumed that the trade grew.", {}),
            ("The new road makes it easier to reach Iraq.", {"Iraq": "iraq"})]
    assert read(ontology, text) == [[], [], [], []]


def test_a_fact_through_a_pronoun(ontology):
    from kg.event_index import EventIndex
    from kg.pronouns import pronouns
    from kg.propose import Proposer
    from kg.reference import Salience

    proposer = Proposer(ontology, dict(TYPES), EventIndex(ontology))
    salience = Salience(ontology, TYPES, [])
    first = "The Harb Brigade fought near Hit."
    pronouns(first, nodes_of(first, {"Harb Brigade": "harb-brigade", "Hit": "hit"}), salience)
    then = "It also controls the East Gate."
    nodes = nodes_of(then, {"East Gate": "east-gate"})
    nodes = sorted(nodes + pronouns(then, nodes, salience), key=lambda n: n.start)
    assert ("harb-brigade", "controls", "east-gate") in {(f.subject, f.property, f.object) for f in proposer.relations(then, nodes)}


def test_what_passes_through_it_passes_through_a_way_across_not_the_group_named_last(ontology):
    text = [("The Harb Brigade runs the East Gate.", {"Harb Brigade": "harb-brigade", "East Gate": "east-gate"}),
            ("Oil for the Harb Brigade flows through it to Iraq.", {"Harb Brigade": "harb-brigade", "Iraq": "iraq"})]
    assert read(ontology, text)[1] == [("it", "east-gate")]


def test_the_region_is_the_region_named_last_not_a_region_a_name_follows(ontology):
    text = [("The Harb Brigade fought in the Anbar desert.", {"Harb Brigade": "harb-brigade", "Anbar desert": "anbar-desert"}),
            ("It took control of Hit and the region.", {"Hit": "hit"}),
            ("It left the region of Hit.", {"Hit": "hit"})]
    found = read(ontology, text)
    assert ("the region", "anbar-desert") in found[1]
    assert [w for w, _ in found[2]] == ["It"]


def test_a_headline_country_and_crossing_is_the_crossing_the_document_names_most_when_it_joins_that_country(ontology):
    from kg.reference import Salience, descriptions

    named = [Node(0, 9, "east-gate", TYPES["east-gate"], "East Gate")] * 3
    text = "Iraq Border Crossing Set to Reopen"
    salience = Salience(ontology, TYPES, named, {"east-gate": {"iraq", "hit"}})
    found = [(n.words, n.id) for n in descriptions(text, nodes_of(text, {"Iraq": "iraq"}), salience)]
    assert found == [("Iraq Border Crossing", "east-gate")]
    # the other documents do not say the crossing joins that country: no reading
    salience = Salience(ontology, TYPES, named, {"east-gate": {"hit"}})
    assert descriptions(text, nodes_of(text, {"Iraq": "iraq"}), salience) == []
