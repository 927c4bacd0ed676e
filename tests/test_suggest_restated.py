"""The statement a sentence refers back to in kg suggest's drafts, on hand-made sentences."""

from __future__ import annotations

from kg.namespaces import LB

from .test_suggest_parts import proposer_of


def _restated(text: str, names: dict[str, str]):
    """What the sentence says, after the sentence before told that Omar Saleh announced on May 2, 2020 that a gate opens."""
    from kg.dates import dates
    from kg.propose import NewEntity, Node, Proposed
    from kg.restated import restated

    proposer = proposer_of({"baghdad": "Settlement", "omar-saleh": "Person", "ali-karim": "Person"})
    proposer.new["omar-saleh"] = NewEntity("omar-saleh", "Person", "Omar Saleh", [], "")
    proposer.new["announcement-2020-05-02"] = NewEntity("announcement-2020-05-02", "Announcement", "Announced (2020-05-02)", [], "")
    proposer.types["announcement-2020-05-02"] = LB + "Announcement"
    previous = [Proposed("announcement-2020-05-02", "date", "2020-05-02", ""),
                Proposed("announcement-2020-05-02", "agent", "omar-saleh", "")]
    nodes = [Node(text.index(w), text.index(w) + len(w), i, proposer.types[i], w) for w, i in names.items()]
    facts = proposer.events_of(text, nodes, dates(text, None), [], "999")
    return {(f.subject, f.property, f.object) for f in restated(proposer, text, nodes, facts, previous)}


def test_the_statement_its_speaker_made_is_the_announcement_the_sentence_before_told_of():
    text = "Saleh made the statement during a press conference held in Baghdad on May 1, 2020."
    found = _restated(text, {"Saleh": "omar-saleh", "Baghdad": "baghdad"})
    assert {f for f in found if f[0] == "announcement-2020-05-02"} == {
        ("announcement-2020-05-02", "date", "2020-05-01"), ("announcement-2020-05-02", "location", "baghdad"),
        ("announcement-2020-05-02", "agent", "omar-saleh")}
    assert {f[0] for f in found} == {"announcement-2020-05-02"}


def test_a_statement_someone_else_made_is_another_announcement():
    text = "Ali Karim made the statement during a press conference held in Baghdad on May 1, 2020."
    found = _restated(text, {"Ali Karim": "ali-karim", "Baghdad": "baghdad"})
    assert not {f for f in found if f[0] == "announcement-2020-05-02"}
    assert any(f[1:] == ("date", "2020-05-01") for f in found)
