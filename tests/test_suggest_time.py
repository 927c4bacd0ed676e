"""Times a draft gives by what the text said before (kg.time_cues), on hand-made sentences: "the same day", "after the
capture", "as planned"."""

from __future__ import annotations

import pytest

from kg.dates import DateMention
from kg.namespaces import LB
from kg.propose import Proposed
from kg.time_cues import Timeline

from .test_suggest_parts import nodes_of


@pytest.fixture
def proposer():
    """A proposer with a small register of its own for each test (the tests add entries to it)."""
    from kg.event_index import EventIndex
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT
    from kg.propose import Proposer

    ontology = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")
    return Proposer(ontology, {"kataib-hezbollah": LB + "Militia"}, EventIndex(ontology))


def told(proposer, timeline, dates=(), facts=()):
    """The timeline after a sentence that gave these dates and facts."""
    timeline.add(list(dates), list(facts), proposer.types)
    return timeline


def test_the_same_day_is_the_day_of_the_event_the_words_before_it_name(proposer):
    proposer.types["opening"] = LB + "CrossingOpening"
    timeline = told(proposer, Timeline(), [DateMention(0, 9, "yesterday", "2019-09-29")],
                    [Proposed("opening", "date", "2019-09-30", "")])
    assert [d.value for d in timeline.same_day("The opening comes the same day that Kataib Hezbollah said so.")] == ["2019-09-30"]
    assert [d.value for d in timeline.same_day("It rained the same day.")] == ["2019-09-29"]  # no event's word: the last day
    assert Timeline().same_day("It rained the same day.") == []
    found = timeline.refer(proposer, "The opening comes the same day that Kataib Hezbollah said so.",
                           nodes_of(proposer, "Kataib Hezbollah", {"Kataib Hezbollah": "kataib-hezbollah"}), "009")
    assert [(f.property, f.object) for f in found] == [("date", "2019-09-30")] and "'said'" in found[0].reason


def test_what_happened_after_an_event_the_text_dated_is_not_before_it(proposer):
    proposer.types["capture"] = LB + "TerritorialCapture"
    timeline = told(proposer, Timeline(), [], [Proposed("capture", "date", "2017-11", "")])
    for text, verb in (("After ISIS was expelled from the region, work began on the crossing.", "'began'"),
                       ("The crossing was put to use immediately after the occupation of the region.", "'put'")):
        found = timeline.refer(proposer, text, [], "009")
        assert [(f.property, f.object) for f in found] == [("dateNotBefore", "2017-11")] and verb in found[0].reason
        assert proposer.types[found[0].subject] == LB + "Event"
    assert timeline.refer(proposer, "After the meeting, work began on the crossing.", [], "009") == []  # no meeting dated
    assert Timeline().refer(proposer, "After ISIS was expelled, work began.", [], "009") == []


def test_as_planned_is_the_date_of_the_plan(proposer):
    proposer.types["opening"] = LB + "CrossingOpening"
    timeline = told(proposer, Timeline(), [], [Proposed("opening", "date", "2018-04", "")])
    assert [(f.subject, f.property, f.object) for f in timeline.refer(proposer, "However, it did not open as planned.", [], "009")] == [
        ("opening", "date", "2018-04")]
    assert timeline.refer(proposer, "However, it did not open.", [], "009") == []


def test_an_opening_the_source_says_took_place_is_completed_and_delayed_after_delays(proposer):
    from kg.status_cues import event_statuses

    proposer.types.update({"opening": LB + "CrossingOpening", "strike": LB + "Strike"})
    dated = [Proposed("opening", "date", "2019-09-30", ""), Proposed("strike", "date", "2019-09-30", "")]
    text = "The crossing re-opened on Monday after a month of delays and airstrikes had caused concern about what might be there."
    assert [(f.subject, f.object) for f in event_statuses(proposer, text, dated)] == [("opening", "completed"), ("opening", "delayed")]
    for text in ("The crossing will be opened on Monday.", "The crossing has not been opened on Monday."):
        assert event_statuses(proposer, text, dated) == []


def test_a_draft_goes_on_from_one_sentence_to_the_next():
    from pathlib import Path

    from kg.compare import Known
    from kg.corpus import Document
    from kg.event_index import EventIndex
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT
    from kg.suggest import make_draft

    from .test_suggest_parts import entity

    ontology = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")
    entities = {e.id: e for e in [entity("kataib-hezbollah", "Militia", "Kataib Hezbollah", "Kataib Hezbollah"),
                                  entity("al-qaim-crossing", "Crossing", "al-Qaim crossing", "al-Qaim crossing")]}
    text = ("The al-Qaim crossing re-opened on September 30, 2019 after a month of delays. "
            "Smuggling generates at least $50 million a month for Kataib Hezbollah, some of which is collected in fees. "
            "These can range between $200 and $1,500 per truck. "
            "The opening comes the same day that Kataib Hezbollah said the crossing was theirs.\n")
    doc = Document("009", "009.txt", Path("009.txt"), text, "", "Test", "news", "Test", [], "2019-10-01")
    statements = make_draft(doc, ontology, entities, Known(), EventIndex(ontology)).statements
    facts = [[tuple(f[:2]) + ((f[2] if isinstance(f[2], str) else f[2]["verbatim"]),) for f in s["facts"]] for s in statements]
    opening = next(s for s, p, _ in facts[0] if p == "date")
    assert {o for s, p, o in facts[0] if p == "status" and s == opening} == {"completed", "delayed"}
    revenue = [s for s, p, _ in facts[1] if p == "revenue"]
    assert [(s, p) for s, p, _ in facts[2]] == [(revenue[0], "fee")]  # "These": the activity of the sentence before
    assert {(s == opening, o) for s, p, o in facts[3] if p == "date"} == {(True, "2019-09-30"), (False, "2019-09-30")}


def test_what_someone_said_the_same_day_is_a_statement_of_that_day_by_them(proposer):
    proposer.types["opening"] = LB + "CrossingOpening"
    timeline = told(proposer, Timeline(), [], [Proposed("opening", "date", "2019-09-30", "")])
    text = "The opening came the same day that the militia's leader, Kataib Hezbollah, said the road was theirs."
    found = timeline.refer(proposer, text, nodes_of(proposer, text, {"Kataib Hezbollah": "kataib-hezbollah"}), "009")
    statement = {f.subject for f in found}
    assert len(statement) == 1 and proposer.types[statement.pop()] == LB + "Announcement"
    assert {(f.property, f.object) for f in found} == {("date", "2019-09-30"), ("agent", "kataib-hezbollah")}
    # a deed that day is an event of no kind yet, and who did it is the curator's to say
    text = "The opening came the same day that Kataib Hezbollah closed the road."
    found = timeline.refer(proposer, text, nodes_of(proposer, text, {"Kataib Hezbollah": "kataib-hezbollah"}), "009")
    assert [(f.property, proposer.types[f.subject]) for f in found] == [("date", LB + "Event")]
