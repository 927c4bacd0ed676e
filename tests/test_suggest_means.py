"""kg suggest's force an actor secures or controls a place through (kg.means_cues), on hand-made sentences."""

from __future__ import annotations

import pytest

from .test_suggest_parts import proposer_of

TYPES = {"iran": "Country", "kataib-hezbollah": "Militia", "al-qaim": "Settlement"}


@pytest.fixture(scope="module")
def proposer():
    return proposer_of(TYPES)


def found(proposer, text: str) -> set[tuple]:
    from kg.means_cues import means_facts
    from kg.propose import Node, Proposed

    names = {"Iran": "iran", "Kataib Hezbollah": "kataib-hezbollah", "al-Qaim": "al-qaim"}
    nodes = sorted((Node(text.index(w), text.index(w) + len(w), i, proposer.types[i], w) for w, i in names.items() if w in text),
                   key=lambda n: n.start)
    facts = [Proposed("iran", "secures", "al-qaim", "")]
    return {(f.subject, f.property, f.object) for f in means_facts(proposer, text, nodes, facts)}


def test_the_force_an_actor_secures_a_place_by_using_secures_it_and_one_deployed_in_the_region_is_there(proposer):
    assert found(proposer, "Iran secures al-Qaim by using Kataib Hezbollah, deployed permanently in the area.") == {
        ("kataib-hezbollah", "secures", "al-qaim"), ("kataib-hezbollah", "deployedIn", "al-qaim")}
    assert found(proposer, "Iran secures al-Qaim by using Kataib Hezbollah.") == {("kataib-hezbollah", "secures", "al-qaim")}


def test_a_force_named_otherwise_is_not_the_means(proposer):
    assert found(proposer, "Iran secures al-Qaim, and Kataib Hezbollah is deployed in the area.") == set()
