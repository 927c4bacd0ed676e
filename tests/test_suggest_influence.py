"""kg suggest's influence and control an actor has over a place by the noun that tells it (kg.influence_cues), on
hand-made sentences."""

from __future__ import annotations

from kg.influence_cues import dominant_forces, influence_facts

from .test_suggest_parts import nodes_of, proposer_of, rule_facts

TYPES = {"iran": "Country", "kataib-hezbollah": "Militia", "al-qaim": "Settlement", "crossing": "OfficialCrossing"}


def found(text: str, names: dict[str, str]) -> set[tuple]:
    return rule_facts(influence_facts, TYPES, text, names)


def test_an_actor_that_has_influence_over_a_place():
    text = "Kataib Hezbollah now wields strong influence over al-Qaim."
    assert found(text, {"Kataib Hezbollah": "kataib-hezbollah", "al-Qaim": "al-qaim"}) == {
        ("kataib-hezbollah", "influences", "al-qaim")}


def test_a_relative_clause_after_the_place_and_each_noun_of_its_list():
    text = "Militias are guarding the Qaim crossing, over which Iran has **great influence and perhaps control**."
    assert found(text, {"Qaim crossing": "crossing", "Iran": "iran"}) == {("iran", "influences", "crossing"),
                                                                         ("iran", "controls", "crossing")}


def test_no_influence_without_the_noun_or_between_two_actors():
    assert found("Kataib Hezbollah has a base near al-Qaim.", {"Kataib Hezbollah": "kataib-hezbollah", "al-Qaim": "al-qaim"}) == set()
    assert found("Iran has influence over Kataib Hezbollah.", {"Iran": "iran", "Kataib Hezbollah": "kataib-hezbollah"}) == set()


def dominant(text: str, names: dict[str, str]) -> set[tuple]:
    proposer = proposer_of(TYPES)
    return {(f.subject, f.property, f.object) for f in dominant_forces(proposer, text, nodes_of(proposer, text, names))}


def test_the_dominant_force_in_a_place_influences_it():
    names = {"Kataib Hezbollah": "kataib-hezbollah", "al-Qaim": "al-qaim"}
    assert dominant("Kataib Hezbollah has become the dominant armed force in al-Qaim.", names) == {
        ("kataib-hezbollah", "influences", "al-qaim")}
    assert dominant("In al-Qaim, by most accounts, the strongest forces are **Kataib Hezbollah** fighters.", names) == {
        ("kataib-hezbollah", "influences", "al-qaim")}


def test_no_influence_for_a_force_that_is_not_the_dominant_one():
    names = {"Kataib Hezbollah": "kataib-hezbollah", "al-Qaim": "al-qaim"}
    assert dominant("Kataib Hezbollah is one of the forces in al-Qaim.", names) == set()
    assert dominant("The dominant forces are Kataib Hezbollah fighters, who left al-Qaim.", names) == set()  # opens on no place
