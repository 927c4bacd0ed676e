"""Bounds of the document's year and month as news writes them, on hand-made sentences: a deadline ("by the end of the
year", "before the end of the year", "by the end of March") is the latest date of what is due, at the precision the
text gives (the document's year, March); a count "since the start of the year" begins then; "at the end of the year",
which may be a year named before, is no date; a span of two months ("between January and March") gives both."""

from __future__ import annotations

import pytest

from kg.dates_numbers import dates
from kg.news_dates import ahead, date_property

DOC = "2022-05-10"


def bounds(text):
    return [(d.value, date_property(text, d)) for d in ahead(text, dates(text, DOC), DOC)]


@pytest.mark.parametrize("text, expected", [
    ("The ministry plans to finish the road by the end of the year.", [("2022", "dateNotAfter")]),
    ("Engineers expect to add two gates before the end of the year, an official said.", [("2022", "dateNotAfter")]),
    ("The army wants the post manned by the end of this year.", [("2022", "dateNotAfter")]),
    ("A monitor has counted 25 raids since the start of the year.", [("2022", "dateNotBefore")]),
    ("The agency will connect the gate to the network by the end of August.", [("2022-08", "dateNotAfter")]),
])
def test_the_bounds_of_the_year_and_month_a_sentence_gives(text, expected):
    assert bounds(text) == expected


@pytest.mark.parametrize("text", [
    "At the end of the year the fighters left the town.",  # which year: the text may have named it before
    "The year-end report was late.",
])
def test_no_date_from_a_year_the_sentence_does_not_bound(text):
    assert bounds(text) == []


def test_a_span_is_a_deadline_only_for_what_is_to_come():
    from kg.dates_numbers import deadlines

    assert [d.value for d in deadlines("The ministry says the road will reopen in less than a month.", DOC)] == ["2022-06"]
    assert [d.value for d in deadlines("Both sides reached an agreement on opening the bridge within two months.", DOC)] == ["2022-07"]
    assert deadlines("It was the second raid on the depot in less than a month, residents said.", DOC) == []


@pytest.mark.parametrize("text, expected", [
    ("Trucks crossed between January and March, traders said.", ["2022-01", "2022-03"]),
    ("From November to February the road was shut.", ["2021-11", "2022-02"]),  # each the latest such month not after May
    ("The wall was built from March 2019 to May 2020.", ["2019-03", "2020-05"]),
    ("Between May and June, the guards may march from the post to the gate.", ["2022-05", "2022-06"]),
    ("The guards may march from the post to the gate.", []),  # "may" and "march" are no months
])
def test_a_span_of_two_months_gives_both(text, expected):
    assert [d.value for d in dates(text, DOC) if len(d.value) == 7] == expected
