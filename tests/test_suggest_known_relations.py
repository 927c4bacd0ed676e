"""The reviewed facts a sentence says again (kg.known_relations), on hand-made sentences and a hand-made record of
reviewed facts."""

from __future__ import annotations

import pytest

from kg.compare import Known
from kg.event_index import EventIndex
from kg.known_relations import known_relations
from kg.namespaces import LB
from kg.ontology import load_ontology
from kg.paths import PROJECT_ROOT
from kg.propose import Node, Proposer

TYPES = {"zanbar-brigade": "Militia", "qarya-crossing": "Crossing", "qarya": "Settlement", "upper-province": "Region",
         "zanbar-strike": "Strike", "mobilization-forces": "ArmedGroup"}
KNOWN = [("zanbar-brigade", "controls", "qarya-crossing", "000-029"), ("qarya", "locatedIn", "upper-province", "001-004"),
         ("zanbar-strike", "hit", "zanbar-brigade", "002-011"), ("zanbar-brigade", "partOf", "mobilization-forces", "003-020"),
         ("zanbar-brigade", "secures", "qarya-crossing", "003-021"), ("qarya-crossing", "near", "qarya", "001-005")]
ASSERTED = {"000-029", "001-004", "002-011", "003-020", "001-005"}  # 003-021 is a plan: "would guard"


@pytest.fixture(scope="module")
def ontology():
    return load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")


def said_again(ontology, text: str, names: dict[str, str]) -> set[tuple[str, str, str]]:
    known = Known()
    for subject, prop, obj, stmt_id in KNOWN:
        known.add_fact(subject, prop, obj, stmt_id, stmt_id in ASSERTED)
    proposer = Proposer(ontology, {k: LB + v for k, v in TYPES.items()}, EventIndex(ontology))
    nodes = [Node(text.index(w), text.index(w) + len(w), ent, LB + TYPES[ent], w) for w, ent in names.items()]
    return {(f.subject, f.property, f.object) for f in known_relations(proposer, known, text, nodes)}


def test_a_standing_relation_is_said_again_with_a_word_of_it(ontology):
    found = said_again(ontology, "The Zanbar Brigade still controls the Qarya crossing, traders say.",
                       {"Zanbar Brigade": "zanbar-brigade", "Qarya crossing": "qarya-crossing"})
    assert found == {("zanbar-brigade", "controls", "qarya-crossing")}


BOTH = {"Zanbar Brigade": "zanbar-brigade", "Qarya crossing": "qarya-crossing"}


@pytest.mark.parametrize("text, names", [
    ("Zanbar Brigade men now guard the Qarya crossing.", BOTH),  # what another source only plans (003-021)
    ("Traders near the Qarya crossing say Qarya was quiet.", {"Qarya crossing": "qarya-crossing", "Qarya": "qarya"}),  # "near"
    ("Zanbar Brigade fighters were seen near the Qarya crossing on Monday.", BOTH),  # no word of the relation
])
def test_a_sentence_that_names_both_and_does_not_say_the_relation_again(ontology, text, names):
    assert said_again(ontology, text, names) == set()


def test_an_event_and_the_thing_in_one_of_its_roles(ontology):
    found = said_again(ontology, "The June strike on the Zanbar Brigade was never claimed.",
                       {"June strike": "zanbar-strike", "Zanbar Brigade": "zanbar-brigade"})
    assert found == {("zanbar-strike", "hit", "zanbar-brigade")}


def test_a_place_and_the_place_it_lies_in_after_a_comma_or_in(ontology):
    assert said_again(ontology, "Traders in Qarya, in Upper Province, closed their shops.",
                      {"Qarya": "qarya", "Upper Province": "upper-province"}) == {("qarya", "locatedIn", "upper-province")}
    assert said_again(ontology, "Upper Province officials visited Qarya on Sunday.",
                      {"Qarya": "qarya", "Upper Province": "upper-province"}) == set()


def test_a_fact_whose_other_entity_is_not_named_is_not_proposed(ontology):
    assert said_again(ontology, "The Zanbar Brigade is part of the new coalition.", {"Zanbar Brigade": "zanbar-brigade"}) == set()
