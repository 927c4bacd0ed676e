"""Moves of forces in kg suggest's drafts: who moved, where to and from, and the date a "when" clause takes, on
hand-made sentences."""

from __future__ import annotations

from .test_suggest_parts import nodes_of, proposer_of

_TYPES = {"the regime": "GovernmentBody", "the army": "StateForce", "river-brigade": "Militia", "western-bank": "Region",
          "the city": "Settlement", "syria": "Country", "iraq": "Country"}


def _events(text: str, names: dict[str, str], facts=()):
    """The sentence's facts as make_draft has them after the events of its dates and the moves' roles."""
    from kg.dates import dates as find_dates
    from kg.movements import movement_roles, when_dated
    from kg.propose import Proposed

    proposer = proposer_of({i: c for i, c in _TYPES.items()})
    nodes = nodes_of(proposer, text, names)
    dates = find_dates(text, None)
    found = [Proposed(*f, "") for f in facts] + proposer.events_of(text, nodes, dates, [], "999")
    found = when_dated(proposer, text, nodes, dates, [], "999", found)
    found += movement_roles(proposer, text, nodes, found)
    return {(proposer.types[f.subject].rsplit("#")[-1] if f.subject in proposer.new else f.subject, f.property, f.object)
            for f in found}


def test_a_dated_move_has_its_movers_and_the_places_it_went_to_and_came_from():
    text = "In 2016 the regime and the army moved their forces to the western bank from the city."
    names = {"the regime": "the regime", "the army": "the army", "western bank": "western-bank", "the city": "the city"}
    assert _events(text, names) >= {("Deployment", "date", "2016"), ("Deployment", "agent", "the regime"),
                                    ("Deployment", "agent", "the army"), ("Deployment", "location", "western-bank"),
                                    ("Deployment", "origin", "the city")}
    # the last of the movers may be words the register does not name; the one it names is still a mover
    text = "In 2016 the regime and Syrian troops made their way back to the city."
    found = _events(text, {"the regime": "the regime", "the city": "the city"})
    assert {f for f in found if f[1] in ("agent", "location")} == {("Deployment", "agent", "the regime"),
                                                                  ("Deployment", "location", "the city")}


def test_a_move_is_not_given_a_mover_that_is_not_its_subject():
    # the regime is what the army spoke of, not one who moved
    text = "In 2016 the army, citing the regime, moved their forces to the western bank."
    found = _events(text, {"the army": "the army", "the regime": "the regime", "western bank": "western-bank"})
    assert ("Deployment", "agent", "the regime") not in found
    # a place that is neither where the move went nor where it came from is neither
    found = _events("In 2016 the army moved forces beyond the city.", {"the army": "the army", "the city": "the city"})
    assert not {f for f in found if f[1] in ("location", "origin")}


def test_a_date_before_when_dates_the_event_of_the_when_clause():
    text = "That was the case in 2016 when units of the river brigade, a group allied to the army, moved some units to Syria."
    names = {"river brigade": "river-brigade", "the army": "the army", "Syria": "syria"}
    found = _events(text, names, [("river-brigade", "deployedIn", "syria")])
    assert {f for f in found if f[0] in ("Deployment", "Event")} == {
        ("Deployment", "date", "2016"), ("Deployment", "agent", "river-brigade"), ("Deployment", "location", "syria")}
    # without "when" the date stays with the verb of its own clause
    text = "That was the case in 2016, and units of the river brigade moved some units to Syria later."
    found = _events(text, {"river brigade": "river-brigade", "Syria": "syria"})
    assert ("Deployment", "date", "2016") not in found


def test_a_count_among_a_moves_facts_changes_none_of_its_roles():
    """A fact whose object is a quantity (a mapping) among the move's facts ("deployed two additional battalions … to
    the Al-Qaim district") changes none of its roles, and drafting does not stop on it."""
    from kg.dates import dates as find_dates
    from kg.movements import movement_roles
    from kg.propose import Proposed
    from kg.quantities import quantities

    proposer = proposer_of({"the government": "GovernmentBody", "al-qaim": "Settlement"})
    text = "Last month my Government deployed two additional battalions of border guards to the Al-Qaim district."
    nodes = nodes_of(proposer, text, {"Government": "the government", "Al-Qaim": "al-qaim"})
    dates = find_dates(text, "2024-11-20")
    found = proposer.events_of(text, nodes, dates, quantities(text, [(d.start, d.end) for d in dates]), "999", "2024-11-20")
    [move] = {f.subject for f in found if f.property == "date"}
    without = movement_roles(proposer, text, nodes, found)
    found.append(Proposed(move, "quantity", {"value": 2, "qualifier": "exactly", "unit": "battalion"}, "a count"))
    assert movement_roles(proposer, text, nodes, found) == without
