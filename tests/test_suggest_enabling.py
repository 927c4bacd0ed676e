"""kg suggest's `enables`: the route, crossing or event a sentence says lets an actor do a register transfer (kg.enabling)."""

from __future__ import annotations

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"desert-road": "Route", "gate": "OfficialCrossing", "turkey": "Country", "arms-run": "Transfer",
         "gate-opening": "CrossingOpening", "fuel-run": "Transfer"}


def enabled(text: str, names: dict[str, str], told: list[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    from kg.enabling import enablers
    from kg.propose import Proposed

    proposer = proposer_of(TYPES)
    facts = [Proposed(s, p, o, "") for s, p, o in told]
    return {(f.subject, f.property, f.object) for f in enablers(proposer, text, nodes_of(proposer, text, names), facts)}


def test_a_route_that_lets_an_actor_do_the_transfer_the_sentence_tells_of_enables_it():
    told = [("arms-run", "agent", "turkey")]
    names = {"desert road": "desert-road", "Ankara": "turkey"}
    assert enabled("The desert road may enable Ankara to ship arms north.", names, told) == {("desert-road", "enables", "arms-run")}
    # the road is not what lets: it is named after the verb
    assert enabled("Money may enable Ankara to ship arms along the desert road.", names, told) == set()


def test_an_event_told_before_the_verb_of_letting_enables_the_transfer():
    told = [("gate-opening", "openedCrossing", "gate"), ("arms-run", "agent", "turkey")]
    names = {"the gate": "gate", "Ankara": "turkey"}
    text = "Officials will open the gate next week, potentially allowing Ankara to ship arms north."
    assert enabled(text, names, told) == {("gate-opening", "enables", "arms-run"), ("arms-run", "passesThrough", "gate")}


def test_no_transfer_told_or_two_or_only_feared_enables_nothing():
    names = {"desert road": "desert-road", "Ankara": "turkey"}
    text = "The desert road may enable Ankara to ship arms north."
    assert enabled(text, names, []) == set()
    assert enabled(text, names, [("arms-run", "agent", "turkey"), ("fuel-run", "agent", "turkey")]) == set()
    assert enabled("The desert road did not allow Ankara to ship arms north.", names, [("arms-run", "agent", "turkey")]) == set()
    feared = "There are concerns that the desert road may enable Ankara to ship arms north."
    assert enabled(feared, names, [("arms-run", "agent", "turkey")]) == set()



def test_a_route_that_enables_a_transfer_carries_its_goods_and_the_transfer_passes_the_crossing_an_opening_opens():
    told = [("arms-run", "agent", "turkey"), ("arms-run", "cargo", "weapons")]
    names = {"desert road": "desert-road", "Ankara": "turkey"}
    found = enabled("The desert road may enable Ankara to ship arms north.", names, told)
    assert ("desert-road", "cargo", "weapons") in found and ("desert-road", "passesThrough", "gate") not in found
    told = [("gate-opening", "openedCrossing", "gate"), ("arms-run", "agent", "turkey"), ("arms-run", "cargo", "weapons")]
    text = "Officials will open the gate next week, potentially allowing Ankara to ship arms north."
    found = enabled(text, {"the gate": "gate", "Ankara": "turkey"}, told)
    # the opening is no way: it carries nothing, but what it lets be done goes through the crossing it opens
    assert ("arms-run", "passesThrough", "gate") in found and ("gate-opening", "cargo", "weapons") not in found
