"""kg suggest's whom a strike hit, whose it was not and that no one owned it, in the wording of news (kg.strike_sides),
on hand-made sentences."""

from __future__ import annotations

from kg.propose import Proposed
from kg.strike_sides import strike_sides
from kg.time_cues import Timeline

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"strike-x": "Strike", "strike-y": "Strike", "convoy-x": "Transfer", "brigade-z": "ArmedGroup",
         "army-q": "ArmedGroup", "hama": "Settlement"}


def found(text: str, names: dict[str, str], facts: list[tuple], dated: bool = False, earlier: str | None = None) -> set[tuple]:
    proposer = proposer_of(TYPES)
    timeline = Timeline()
    if earlier:
        timeline.add([], [Proposed(earlier, "date", "2023-05-02", "")], proposer.types)
    given = [Proposed(*f, "") for f in facts]
    return {(f.subject, f.property, f.object)
            for f in strike_sides(proposer, timeline, text, nodes_of(proposer, text, names), dated, given)}


def test_whose_the_dead_were_is_whom_the_strike_hit():
    names = {"Brigade Zeta": "brigade-z"}
    assert found("A medic said those killed were members of Brigade Zeta.", names, [], earlier="strike-x") \
        == {("strike-x", "target", "brigade-z")}
    assert found("The raid killed at least four fighters of Brigade Zeta.", names, [("strike-x", "date", "2023-05-02")], True) \
        == {("strike-x", "target", "brigade-z")}
    assert found("Brigade Zeta fighters were among the dead, a medic said.", names, [], earlier="strike-x") \
        == {("strike-x", "target", "brigade-z")}
    assert found("The dead included four Brigade Zeta commanders.", names, [], earlier="strike-x") \
        == {("strike-x", "target", "brigade-z")}
    assert found("Brigade Zeta fighters were among the first to arrive.", names, [], earlier="strike-x") == set()
    # the dead of a group not said to be the strike's, a place, or no strike the text dated
    assert found("The raid was condemned by Brigade Zeta.", names, [], earlier="strike-x") == set()
    assert found("The dead belonged to families in Hama.", {"Hama": "hama"}, [], earlier="strike-x") == set()
    assert found("A medic said the dead belonged to Brigade Zeta.", names, []) == set()


def test_a_denied_deed_names_its_perpetrator():
    names = {"Army Q": "army-q"}
    assert found("An officer said Army Q had not carried out any strikes in the area.", names, [], earlier="strike-x") \
        == {("strike-x", "perpetrator", "army-q")}
    assert found("Army Q denied carrying out the attack.", names, [], earlier="strike-x") == {("strike-x", "perpetrator", "army-q")}
    # an undenied deed is not this rule's; a sentence with its own date speaks of another day
    assert found("Army Q had not left the area.", names, [], earlier="strike-x") == set()
    assert found("Army Q had not carried out any strikes since March.", names, [], dated=True, earlier="strike-x") == set()


def test_a_strike_no_one_claimed_is_unattributed():
    assert found("No group has claimed responsibility for the raid.", {}, [("strike-x", "date", "2023-05-02")], True) \
        == {("strike-x", "attributionStatus", "unattributed")}
    assert found("There was no immediate claim of responsibility.", {}, [], earlier="strike-x") \
        == {("strike-x", "attributionStatus", "unattributed")}
    # a claim made, a perpetrator already named, or two strikes
    assert found("Army Q claimed responsibility for the raid.", {"Army Q": "army-q"}, [], earlier="strike-x") \
        == {("strike-x", "perpetrator", "army-q")}
    assert found("No one claimed the attack.", {}, [("strike-x", "perpetrator", "army-q")], True) == set()
    assert found("No one claimed the attacks.", {}, [("strike-x", "date", "2023-05-02"), ("strike-y", "date", "2023-05-03")], True) == set()


def test_whom_a_source_blames_is_the_strikes_alleged_perpetrator():
    names = {"Army Q": "army-q"}
    assert found("Local officials blamed Army Q.", names, [], earlier="strike-x") == {("strike-x", "perpetrator", "army-q")}
    assert found("Officials blamed the raid on Army Q.", names, [], earlier="strike-x") == {("strike-x", "perpetrator", "army-q")}
    assert found("The group accused Army Q of carrying out the attack.", names, [], earlier="strike-x") \
        == {("strike-x", "perpetrator", "army-q")}
    # blame for something else, or an accusation of another deed
    assert found("Officials blamed Army Q for the fuel shortages.", names, [], earlier="strike-x") == set()
    assert found("The group accused Army Q of smuggling fuel.", names, [], earlier="strike-x") == set()


def test_who_claims_a_strike_is_its_perpetrator():
    names = {"Army Q": "army-q"}
    assert found("Army Q claimed responsibility for the drone attack.", names, [], earlier="strike-x") \
        == {("strike-x", "perpetrator", "army-q")}
    assert found("Army Q said it had carried out the raid.", names, [], earlier="strike-x") == {("strike-x", "perpetrator", "army-q")}
    # a claim not made, or a claim of something else
    assert found("Army Q has not claimed responsibility for the attack.", names, [], earlier="strike-x") == set()
    assert found("Army Q claimed the town was safe.", names, [], earlier="strike-x") == set()
