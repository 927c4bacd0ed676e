"""A toll in a sentence of its own, on hand-made sentences: the dead it counts are the casualties of the strike the text
dated last; not the wounded, nor a count of people who did not die, nor a sentence with an event of its own."""

from __future__ import annotations

import pytest

from kg.namespaces import LB
from kg.propose import Proposed
from kg.quantities import quantities
from kg.time_cues import Timeline
from kg.tolls import tolls


def after_a_strike(text):
    timeline = Timeline()
    timeline.add([], [Proposed("strike-a", "date", "2022-03-04", "")], {"strike-a": LB + "Strike"})
    return [(f.subject, f.property, f.object["value"]) for f in tolls(timeline, text, quantities(text), False)]


@pytest.mark.parametrize("text, value", [
    ("A local monitor said at least 9 militiamen were killed.", 9),
    ("The group's spokesman put the toll at seven, five fighters and two guards.", 7),
    ("Hospital staff later gave a toll of eight dead.", 8),
    ("Medics said four civilians had also been killed.", 4),
    ("No casualties were reported, residents said.", 0),
])
def test_the_dead_a_sentence_of_its_own_counts_are_the_last_strike_s_casualties(text, value):
    assert after_a_strike(text) == [("strike-a", "casualties", value)]


@pytest.mark.parametrize("text", [
    "Medics said twelve fighters were wounded.",  # the wounded, counted apart
    "Three officials of the ministry visited the site.",  # people who did not die
    "A second strike killed 5 fighters near the town.",  # an event of its own
])
def test_no_toll_for_the_wounded_the_living_or_another_event(text):
    assert after_a_strike(text) == []


def test_no_toll_before_any_strike():
    text = "A local monitor said at least 9 militiamen were killed."
    assert tolls(Timeline(), text, quantities(text), False) == []
