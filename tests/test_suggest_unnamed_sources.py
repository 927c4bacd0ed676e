"""The unnamed source a report is given to in kg suggest's drafts, on hand-made sentences."""

from __future__ import annotations

from kg.namespaces import LB

from .test_suggest_parts import nodes_of, proposer_of


def _sources(text: str, names: dict[str, str], facts: list[tuple]):
    from kg.propose import Proposed
    from kg.unnamed_sources import unnamed_sources

    proposer = proposer_of({"interior-ministry": "GovernmentBody", "gate-report": "Announcement", "radio-one": "MediaOutlet",
                            "amman": "Settlement"})
    found = unnamed_sources(proposer, text, nodes_of(proposer, text, names), [Proposed(*f, "") for f in facts], "999")
    return {(f.subject, f.property, f.object) for f in found}, proposer


def test_a_report_from_an_unnamed_source_in_a_body_is_that_source_s():
    text = "On May 3, 2020, according to a report from a senior source in the Interior Ministry, the gate would open soon."
    found, proposer = _sources(text, {"Interior Ministry": "interior-ministry"}, [("gate-report", "date", "2020-05-03")])
    source = "senior-source-in-the-interior-ministry"
    assert found == {("gate-report", "agent", source), (source, "memberOf", "interior-ministry")}
    assert proposer.new[source].label == "Senior source in the Interior Ministry"
    assert proposer.types[source] == LB + "PersonGroup"


def test_a_report_that_has_its_source_or_a_source_that_stands_in_a_place_is_left_alone():
    text = "Radio One said a senior source in the Interior Ministry was dismissed."
    facts = [("gate-report", "date", "2020-05-03"), ("gate-report", "agent", "radio-one")]
    assert _sources(text, {"Radio One": "radio-one", "Interior Ministry": "interior-ministry"}, facts)[0] == set()
    text = "According to a report, a senior official in Amman said the gate would open."
    assert _sources(text, {"Amman": "amman"}, [("gate-report", "date", "2020-05-03")])[0] == set()
