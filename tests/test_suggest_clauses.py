"""A sentence's coordinated clauses whose modality differs from the sentence's are drafted apart (kg.clauses)."""

import pytest

from kg.clauses import clause_statements, clauses


def quoted(sentence: str) -> list[tuple[str, str, str]]:
    return [(sentence[c.start:c.end], c.cues.certainty, c.cues.modality) for c in clauses(sentence)]


def test_a_done_clause_and_a_planned_one():
    text = "The guards finished a 20 km fence east of the town in May and plan to extend it by a further 10 km."
    assert quoted(text) == [("The guards finished a 20 km fence east of the town in May", "stated", "asserted")]


def test_a_denial_and_a_claim_by_one_speaker():
    text = "A militia spokesman denied that the lorries carried rockets and said they were carrying flour for bakeries."
    assert quoted(text) == [("said they were carrying flour for bakeries", "reported", "asserted")]


def test_an_asserted_clause_before_but_not():
    text = "Raids on the depots raise the price of each load, but they have not closed the road."
    assert quoted(text) == [("Raids on the depots raise the price of each load", "stated", "asserted")]


def test_a_clause_keeps_the_sentence_s_source():
    text = "The council opened an inquiry and will send envoys to the valley next week, a local official said."
    assert quoted(text) == [("The council opened an inquiry", "reported", "asserted")]


def test_what_a_speaker_said_they_would_do():
    text = "The council said it had opened an inquiry and would send envoys to the valley on Monday."
    assert quoted(text) == [("would send envoys to the valley on Monday", "reported", "intended")]
    # what the speaker said they would not do is no intention
    refused = "The council said it had opened an inquiry and would not send envoys to the valley."
    assert all(c.cues.modality != "intended" for c in clauses(refused))


def test_a_clause_beside_a_hedged_one_is_stated():
    text = "The ministry fined three haulage firms in May, but all have reportedly kept trading under new names."
    assert quoted(text) == [("The ministry fined three haulage firms in May", "stated", "asserted")]
    text = "Two brigades also move men through the valley, and the brigades reportedly rotate 300 fighters each month."
    assert quoted(text) == [("Two brigades also move men through the valley", "stated", "asserted")]


@pytest.mark.parametrize("text", [
    "The convoy crossed the river and reached the town at dawn.",  # one modality throughout
    "The road is closed, but not for long.",  # the second piece is no clause
    "The trucks did not stop and did not pay.",  # both clauses denied
    "Trucks carried fuel to Iraq, Syria, and Lebanon.",  # a list, not clauses
    "The convoy reached the town, and residents said it left at dawn.",  # one modality, no hedging adverb
])
def test_no_split(text):
    assert clauses(text) == []


def test_a_clause_statement_has_its_own_quote_and_no_facts():
    text = "Raids on the depots raise the price of each load, but they have not closed the road."
    whole = {"id": "009-004", "quote": text, "certainty": "stated", "modality": "denied", "facts": []}
    doc_text = "Intro. " + text
    [item] = clause_statements("009", doc_text, 7, text, whole, 5)
    assert item["id"] == "009-005" and item["quote"] in doc_text and item["facts"] == []
    assert (item["certainty"], item["modality"]) == ("stated", "asserted")
