"""kg suggest's places where an armed group keeps its men (kg.stationed_forces), on hand-made sentences."""

from __future__ import annotations

from kg.stationed_forces import stationed_forces

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"syria": "Country", "hama": "Settlement", "homs": "Settlement", "tadmur": "Settlement", "badr": "Militia",
         "irgc": "StateForce", "iran": "Country", "advisers": "PersonGroup", "t4": "MilitaryBase"}


def found(text: str, names: dict[str, str]) -> set[tuple]:
    proposer = proposer_of(TYPES)
    return {(f.subject, f.property, f.object) for f in stationed_forces(proposer, text, nodes_of(proposer, text, names))}


def test_a_group_that_keeps_or_rotates_its_men_somewhere_is_deployed_there():
    text = "Badr reportedly keeps several hundred fighters in Hama."
    assert found(text, {"Badr": "badr", "Hama": "hama"}) == {("badr", "deployedIn", "hama")}
    text = "The Guards rotate 300 troops between Homs and Tadmur each month."
    assert found(text, {"Guards": "irgc", "Homs": "homs", "Tadmur": "tadmur"}) == {("irgc", "deployedIn", "homs"),
                                                                                 ("irgc", "deployedIn", "tadmur")}


def test_no_presence_where_men_are_sent_or_the_keeper_is_not_an_armed_group():
    text = "Badr sent 200 fighters to Hama."
    assert found(text, {"Badr": "badr", "Hama": "hama"}) == set()
    text = "Iran keeps 2,000 fighters in Syria."
    assert found(text, {"Iran": "iran", "Syria": "syria"}) == set()
    text = "The Guards lost dozens of men in Homs."
    assert found(text, {"Guards": "irgc", "Homs": "homs"}) == set()


def test_positions_held_or_kept_in_or_around_a_place_deploy_the_group_there():
    text = "Badr fighters have long held positions around Hama."  # where its men are, the group is
    assert found(text, {"Badr": "badr", "Hama": "hama"}) == {("badr", "deployedIn", "hama")}
    text = "Badr has held positions around Hama since the war."
    assert found(text, {"Badr": "badr", "Hama": "hama"}) == {("badr", "deployedIn", "hama")}
    text = "The Guards are likely to keep their positions in Homs next year."
    assert found(text, {"Guards": "irgc", "Homs": "homs"}) == {("irgc", "deployedIn", "homs")}
    text = "The Guards alone keep between 300 and 500 troops in Homs."
    assert found(text, {"Guards": "irgc", "Homs": "homs"}) == {("irgc", "deployedIn", "homs")}


def test_each_group_of_a_coordinated_subject_is_deployed():
    text = "Badr and the Guards have reportedly kept forces in Tadmur."
    assert found(text, {"Badr": "badr", "Guards": "irgc", "Tadmur": "tadmur"}) == {("badr", "deployedIn", "tadmur"),
                                                                                 ("irgc", "deployedIn", "tadmur")}
    text = "Iran and the Guards keep positions in Tadmur."  # a state is not an armed group
    assert found(text, {"Iran": "iran", "Guards": "irgc", "Tadmur": "tadmur"}) == {("irgc", "deployedIn", "tadmur")}


def test_positions_seized_or_struck_are_no_presence():
    text = "Badr seized positions in Hama."
    assert found(text, {"Badr": "badr", "Hama": "hama"}) == set()
    text = "Badr struck the Guards' positions in Homs."
    assert found(text, {"Badr": "badr", "Guards": "irgc", "Homs": "homs"}) == set()


def test_a_base_occupied_is_manned_a_town_occupied_is_taken():
    text = "Badr and Iranian advisers occupy the T4 base near Homs."
    assert found(text, {"Badr": "badr", "Iranian advisers": "advisers", "T4": "t4", "Homs": "homs"}) == {
        ("badr", "deployedIn", "t4"), ("advisers", "deployedIn", "t4")}
    assert found("Badr occupied Homs in 2015.", {"Badr": "badr", "Homs": "homs"}) == set()


def test_a_where_clause_places_the_men_a_group_keeps():
    text = "Convoys avoid Hama, where Badr and the Guards keep several hundred troops."
    assert found(text, {"Hama": "hama", "Badr": "badr", "Guards": "irgc"}) == {("badr", "deployedIn", "hama"),
                                                                             ("irgc", "deployedIn", "hama")}
    # the clause puts the men somewhere else; the clause is no "where" clause
    text = "Convoys avoid Hama, where Badr keeps several hundred troops in camps near Homs."
    assert found(text, {"Hama": "hama", "Badr": "badr", "Homs": "homs"}) == set()
    text = "Convoys avoid Hama, and Badr keeps several hundred troops."
    assert found(text, {"Hama": "hama", "Badr": "badr"}) == set()
