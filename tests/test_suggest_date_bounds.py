"""Bounds of the document's year and month as news writes them, on hand-made sentences: a deadline ("by the end of the
year", "before the end of the year", "by the end of March") is the latest date of what is due, at the precision the
text gives (the document's year, March); a count "since the start of the year" begins then; "at the end of the year",
which may be a year named before, is no date; a span of two months ("between January and March") gives both."""

from __future__ import annotations

import pytest

from kg.dates import dates
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
    from kg.dates import deadlines

    assert [d.value for d in deadlines("The ministry says the road will reopen in less than a month.", DOC)] == ["2022-06"]
    assert [d.value for d in deadlines("Both sides reached an agreement on opening the bridge within two months.", DOC)] == ["2022-07"]
    assert deadlines("It was the second raid on the depot in less than a month, residents said.", DOC) == []
    # what someone asks, urges or says should be done by then, and a count in tens of days
    assert [d.value for d in deadlines("The review should be repeated within three months.", DOC)] == ["2022-08"]
    assert [d.value for d in deadlines("We recommend that the panel report within 60 days.", DOC)] == ["2022-07-09"]
    assert [d.value for d in deadlines("A committee will be formed within thirty days.", DOC)] == ["2022-06-09"]
    assert deadlines("The checkpoint was set up within thirty days of the strike.", DOC) == []


@pytest.mark.parametrize("text, expected", [
    ("Trucks crossed between January and March, traders said.", ["2022-01", "2022-03"]),
    ("From November to February the road was shut.", ["2021-11", "2022-02"]),  # each the latest such month not after May
    ("The wall was built from March 2019 to May 2020.", ["2019-03", "2020-05"]),
    ("Between May and June, the guards may march from the post to the gate.", ["2022-05", "2022-06"]),
    ("The guards may march from the post to the gate.", []),  # "may" and "march" are no months
])
def test_a_span_of_two_months_gives_both(text, expected):
    assert [d.value for d in dates(text, DOC) if len(d.value) == 7] == expected


def parts(text, doc=DOC):
    return [(d.words, d.value, d.span, d.year_inferred) for d in ahead(text, dates(text, doc), doc) if d.span]


@pytest.mark.parametrize("text, expected", [
    # a quarter without a year: the latest that began by the document's date (May 2022)
    ("Traffic rose to 11,480 trucks in the second quarter.", [("second quarter", "2022", ("2022-04", "2022-06"), True)]),
    ("Traffic rose sharply in the first half of 2021.", [("first half of 2021", "2021", ("2021-01", "2021-06"), False)]),
    ("Seizures fell in the final quarter of last year.", [("final quarter of last year", "2021", ("2021-10", "2021-12"), True)]),
    ("The Q3 2020 figures were the lowest.", [("Q3 2020", "2020", ("2020-07", "2020-09"), False)]),
    ("Revenue rose in the second half of the year.", [("second half of the year", "2022", ("2022-07", "2022-12"), True)]),
    # the same part of another year: the first part the sentence named (what the comparison is of)
    ("It carried 9,000 trucks in the first quarter, up from 8,000 in the fourth quarter and 7,000 in the same quarter of 2020.",
     [("first quarter", "2022", ("2022-01", "2022-03"), True), ("fourth quarter", "2021", ("2021-10", "2021-12"), True),
      ("same quarter of 2020", "2020", ("2020-01", "2020-03"), False)]),
    # what is still to come: the next such quarter
    ("The ministry expects traffic to pass 12,000 trucks in the first quarter.",
     [("first quarter", "2023", ("2023-01", "2023-03"), True)]),
])
def test_a_quarter_or_half_of_a_year_is_a_span_of_its_months(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize("text", [
    "The last quarter was quiet, traders said.",  # the one before the document's: no part the words name
    "In the first half of the match the guards left.",  # a half of something else
    "The same quarter of 2020 was worse.",  # the same as what? the sentence named no quarter before
    "Half of the trucks were turned back; a quarter were searched.",
])
def test_no_span_from_words_that_name_no_part_of_a_year(text):
    assert parts(text) == []


def test_an_event_in_a_quarter_is_bounded_by_its_months():
    from kg.proposals import Proposed
    from kg.span_dates import within_span

    text = "Customs seized 40 tankers of diesel in the third quarter of 2021."
    quarter = dates(text, DOC)[0]
    last = spans_of(text)[quarter.start]
    facts = within_span([Proposed("seizure", "date", "2021", "a seizure")], quarter, last)
    assert [(f.property, f.object) for f in facts] == [("dateNotBefore", "2021-07"), ("dateNotAfter", "2021-09")]


def spans_of(text):
    from kg.span_dates import spans

    return spans(text, dates(text, DOC))


@pytest.mark.parametrize("text, expected", [
    ("The ministry today listed two firms.", [("today", "2022-05-10")]),  # a verb of the past by it: the document's day
    ("Today we counted thirty trucks at the gate.", [("Today", "2022-05-10")]),
    ("The road is open again next month, officials say.", [("next month", "2022-06")]),
    ("The agency will propose new listings early next year.", [("next year", "2023")]),
    ("The depot was hit on the eighth of April, people said.", [("the eighth of April", "2022-04-08")]),
    ("It began on the twenty-first of March, 2019.", [("the twenty-first of March, 2019", "2019-03-21")]),
])
def test_days_as_speech_and_releases_give_them(text, expected):
    assert [(d.words, d.value) for d in dates(text, DOC)] == expected


@pytest.mark.parametrize("text", [
    "Today the militias are a force in the province.",  # today as nowadays: no day
    "Give today to support our reporting.",
    "The first of the trucks left at dawn.",
])
def test_no_day_from_today_as_nowadays_or_an_ordinal_of_no_month(text):
    assert dates(text, DOC) == []
