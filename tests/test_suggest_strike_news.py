"""kg suggest's dead and places of a strike in the wording of news (kg.strike_news), on hand-made sentences."""

from __future__ import annotations

from kg.propose import Proposed
from kg.quantities import quantities
from kg.strike_news import strike_news

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"strike-x": "Strike", "strike-y": "Strike", "transfer-x": "Transfer", "mayadin": "Settlement", "syria": "Country",
         "hama": "Settlement"}


def found(text: str, names: dict[str, str], facts: list[tuple]) -> set[tuple]:
    proposer = proposer_of(TYPES)
    given = [Proposed(*f, "") for f in facts]
    return {(f.subject, f.property, str(f.object) if isinstance(f.object, dict) else f.object)
            for f in strike_news(proposer, text, nodes_of(proposer, text, names), quantities(text), given)}


def dead(value: int, qualifier: str, verbatim: str) -> str:
    return str({"value": value, "qualifier": qualifier, "unit": "person", "verbatim": verbatim})


def test_the_people_a_strike_killed_are_its_casualties():
    dated = [("strike-x", "date", "2023-05-02")]
    assert found("Jets pounded a depot on Tuesday, killing at least nine guard members.", {}, dated) \
        == {("strike-x", "casualties", dead(9, "atLeast", "at least nine guard members"))}
    assert found("The raid killed more than 30 fighters of the brigade on Tuesday.", {}, dated) \
        == {("strike-x", "casualties", dead(30, "moreThan", "more than 30 fighters"))}
    assert found("Twelve soldiers were killed when the raid hit their base on Tuesday.", {}, dated) \
        == {("strike-x", "casualties", dead(12, "exactly", "Twelve soldiers"))}
    # the wounded, things destroyed, or a count that is not of people
    assert found("Twelve soldiers were wounded when the raid hit their base on Tuesday.", {}, dated) == set()
    assert found("The raid on Tuesday killed 40 sheep in the pens.", {}, dated) == set()
    # no strike, or two strikes the words could be about
    assert found("The convoy on Tuesday was hit, killing four fighters.", {}, [("transfer-x", "date", "2023-05-02")]) == set()
    assert found("Two raids on Tuesday killed four fighters.", {}, dated + [("strike-y", "date", "2023-05-02")]) == set()


def test_a_place_a_strike_is_a_bearing_from_is_near_it():
    dated = [("strike-x", "date", "2023-05-02")]
    names = {"Mayadin": "mayadin"}
    assert found("Drones hit a farm about 10 km (6 miles) east of Mayadin on Tuesday.", names, dated) \
        == {("strike-x", "nearLocation", "mayadin")}
    assert found("Drones hit a farm north of the town of Mayadin on Tuesday.", names, dated) \
        == {("strike-x", "nearLocation", "mayadin")}
    assert found("Drones hit a farm west of the old Mayadin bridge on Tuesday.", {"Mayadin bridge": "mayadin"}, dated) \
        == {("strike-x", "nearLocation", "mayadin")}
    # where the sentence already says where, a country, or a place named with no bearing
    assert found("Drones hit a farm east of Mayadin on Tuesday.", names, dated + [("strike-x", "location", "hama")]) == set()
    assert found("Drones hit a farm east of Syria on Tuesday.", {"Syria": "syria"}, dated) == set()
    assert found("Drones hit a farm on the road to Mayadin on Tuesday.", names, dated) == set()


def test_a_strike_dated_among_one_a_source_only_bounds_is_the_one_the_words_are_of():
    facts = [("strike-x", "date", "2023-05-02"), ("strike-y", "dateNotAfter", "2023-05-03")]
    assert found("Jets hit a camp on May 2, killing six fighters (Monitor, May 3, 2023).", {}, facts) \
        == {("strike-x", "casualties", dead(6, "exactly", "six fighters"))}


def test_aircraft_that_struck_make_an_air_strike_and_unidentified_ones_leave_it_unattributed():
    from kg.strike_cues import strike_facts

    proposer = proposer_of(TYPES)

    def kinds(text, facts):
        return {(f.subject, f.property, f.object) for f in strike_facts(proposer, text, [Proposed(*f, "") for f in facts])}

    dated = [("strike-x", "date", "2023-05-02")]
    assert kinds("Unidentified warplanes bombed a depot near the river on Tuesday.", dated) \
        == {("strike-x", "strikeType", "airStrike"), ("strike-x", "attributionStatus", "unattributed")}
    assert kinds("Israeli jets struck a depot on Tuesday.", dated) == {("strike-x", "strikeType", "airStrike")}
    # aircraft that carried something, not a strike's; a perpetrator named
    assert kinds("Cargo aircraft landed at the airport on Tuesday after the strike.", dated) == set()
    assert kinds("Unidentified gunmen attacked the post on Tuesday.", dated + [("strike-x", "perpetrator", "isis")]) == set()
