"""kg suggest leaves out, as an event's place, where a speaker of the sentence is (kg.speaker_places)."""

from __future__ import annotations

from .test_suggest_parts import nodes_of, proposer_of


def places(text: str, verb: str) -> list[tuple[str, str]]:
    proposer = proposer_of({"mosul": "Settlement", "tikrit": "Settlement"})
    nodes = nodes_of(proposer, text, {n: n.lower() for n in ("Mosul", "Tikrit") if n in text})
    return [(role, n.id) for role, n in proposer.places(text, nodes, text.index(verb) + len(verb), "Event")]


def test_the_place_of_a_speaker_is_not_the_event_s():
    assert places("The market reopened on Sunday, an official at Mosul said.", "reopened") == []
    assert places("The market reopened on Sunday, according to residents in Mosul.", "reopened") == []
    # the event's own place after it, beside a speaker's
    assert places("The market reopened in Tikrit on Sunday, a spokesman in Mosul said.", "reopened") == [("location", "tikrit")]
    assert places("The market reopened on Sunday at Mosul.", "reopened") == [("location", "mosul")]
