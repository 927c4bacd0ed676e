"""Dates and figures in the forms lists, forms, circulars and price tables write them: a day written 14/03/1971, two
days of a month, a day or month "of last year", a date that opens a sentence of what is to come, a deadline a modal
("may") or a time of day ("10 p.m.") stands between; lengths written "30-kilometre", "US dollars", prices "above" a
sum and what a sum is paid for ("per tonne", "/litre", "for each truck", "each truck pays"). And how the evaluation
compares a bound: by the day it bounds."""

from __future__ import annotations

import pytest

from kg.dates import dates
from kg.news_dates import ahead
from kg.quantities import quantities
from kg.suggest_eval import date_key


def values(text: str, doc_date: str | None) -> list[str]:
    return [d.value for d in ahead(text, dates(text, doc_date), doc_date)]


@pytest.mark.parametrize("text, doc_date, expected", [
    ("AL-JANABI, Saad Hamid. DOB: 14/03/1971. Listed on: 21/06/2021.", "2022-01-10", ["1971-03-14", "2021-06-21"]),
    # either number may be the month: the year alone
    ("Listed on: 03/04/2021.", "2022-01-10", ["2021"]),
    # full stops between the numbers: day first, as European lists and captions write it
    ("Date of listing: 20.11.2023.", "2023-11-23", ["2023-11-20"]),
    ("ON-SCREEN CAPTION: Al-Qaim – Abu Kamal crossing · reopened 30.09.2019", "2021-04-01", ["2019-09-30"]),
    ("some 3.5 million pills in 2023", "2024-01-10", ["2023"]),
    # a ticker's line in capitals
    ("SINCE IT REOPENED ON 30 SEPTEMBER 2019", "2024-03-12", ["2019-09-30"]),
    ("THE LAST STRIKE OF THIS SIZE, IN JULY 2018, KILLED MORE THAN 20 FIGHTERS.", "2024-03-12", ["2018-07"]),
    ("Air strikes hit warehouses near Al-Bukamal on 8 September last year.", "2020-09-20", ["2019-09-08"]),
    ("the 3.5 million pills our border guards stopped here in March of last year", "2024-03-16", ["2023-03"]),
    ("The wall was finished in January of last year.", "2024-05-19", ["2023-01"]),
    ("The delegation visited Damascus on 12 and 13 November and held talks.", "2019-11-20", ["2019-11-12"]),
])
def test_dates_as_lists_and_letters_write_them(text, doc_date, expected):
    assert values(text, doc_date) == expected


def test_two_days_of_a_month_are_a_span_of_both():
    [found] = dates("The talks were held on 12 and 13 November 2019 in Damascus.", None)
    assert (found.value, found.span) == ("2019-11-12", ("2019-11-12", "2019-11-13"))
    assert dates("It rose from 13 to 12 May.", None)[0].span is None  # not a span backwards: the day alone


@pytest.mark.parametrize("text, doc_date, expected", [
    # the date opens the sentence, the verb of the future comes after it
    ("From 1 July, every truck entering from Syria will be inspected.", "2024-06-10", ["2024-07-01"]),
    # a modal of what may come
    ("The agency may suspend deliveries through the crossing until the end of April.", "2024-03-12", ["2024-04"]),
    # the date's own "before" ends no clause
    ("Most households said they plan to return before the end of March.", "2020-12-10", ["2021-03"]),
    # the full stops of a time of day end no clause
    ("The commission plans to extend the opening hours until 10 p.m. from April 1.", "2024-03-12", ["2024-04-01"]),
])
def test_a_date_of_what_is_to_come_is_the_next_one(text, doc_date, expected):
    assert values(text, doc_date) == expected


@pytest.mark.parametrize("text, doc_date, expected", [
    ("The militia may have moved the rockets in May.", "2020-09-20", ["2020-05"]),  # a hedge on the past
    ("In May, the militia moved the rockets.", "2020-09-20", ["2020-05"]),
    ("On 12 May, officials said the road will reopen.", "2020-09-20", ["2020-05-12"]),  # the day of the saying
])
def test_a_date_of_what_happened_stays_the_latest_one(text, doc_date, expected):
    assert values(text, doc_date) == expected


def read(text: str) -> list[dict]:
    found = quantities(text, [(d.start, d.end) for d in dates(text, None)])
    return [{k: v for k, v in q.as_yaml().items() if k != "verbatim"} for q in found]


@pytest.mark.parametrize("text, expected", [
    ("a 30-kilometre stretch of the border", {"value": 30, "qualifier": "exactly", "unit": "km"}),
    ("trade of one billion US dollars a year", {"value": 1_000_000_000, "qualifier": "exactly", "unit": "USD", "per": "year"}),
    ("pushed the price of a litre above 12,000 pounds", {"value": 12_000, "qualifier": "moreThan", "unit": "SYP", "per": "litre"}),
    ("Diesel, al-Qaim truck rack: 1,150 dinars/litre (unchanged)", {"value": 1150, "qualifier": "exactly", "unit": "IQD",
                                                                   "per": "litre"}),
    ("a tonnage fee of 3,000 dinars per tonne of declared cargo", {"value": 3000, "qualifier": "exactly", "unit": "IQD",
                                                                  "per": "ton"}),
    ("A fee of 150,000 Iraqi dinars shall be collected for each truck entering Iraq.",
     {"value": 150_000, "qualifier": "exactly", "unit": "IQD", "per": "truck"}),
    ("they reportedly charge each truck between $150 and $400", {"min": 150, "max": 400, "qualifier": "between", "unit": "USD",
                                                                 "per": "truck"}),
    ("about 25,000 dinars for every pickup of vegetables", {"value": 25_000, "qualifier": "about", "unit": "IQD", "per": "pickup"}),
    ("would cost an estimated 6 billion dinars a quarter", {"value": 6_000_000_000, "qualifier": "about", "unit": "IQD",
                                                           "per": "quarter"}),
    ("it will be 100,000 dinars a checkpoint", {"value": 100_000, "qualifier": "exactly", "unit": "IQD", "per": "checkpoint"}),
    ("They cleared about 1.4 million square metres of farmland", {"value": 1_400_000, "qualifier": "about",
                                                                "unit": "squareMetre"}),
    ("a security zone of 20 square kilometres", {"value": 20, "qualifier": "exactly", "unit": "squareKilometre"}),
    ("500 hectares of wheat", {"value": 500, "qualifier": "exactly", "unit": "hectare"}),
    ("Drivers say tankers pay between $250 and $400 each at checkpoints", {"min": 250, "max": 400, "qualifier": "between",
                                                                          "unit": "USD", "per": "tanker"}),
    # people, as curators count them, whatever the noun and its adjective
    ("The driver and two Iraqi accomplices were arrested.", {"value": 2, "qualifier": "exactly", "unit": "person"}),
    ("a drone struck a car, killing three young men", {"value": 3, "qualifier": "exactly", "unit": "person"}),
    ("according to two freight agents in Anbar", {"value": 2, "qualifier": "exactly", "unit": "person"}),
    # the payer a fee is for, as curators write it (a passenger is a person), before the sum or as a list's label
    ("Each passenger pays 25,000 dinars.", {"value": 25_000, "qualifier": "exactly", "unit": "IQD", "per": "person"}),
    ("The Iraqi side charges 25,000 dinars per passenger", {"value": 25_000, "qualifier": "exactly", "unit": "IQD",
                                                            "per": "person"}),
    ("Passenger: 5,000 Iraqi dinars.", {"value": 5_000, "qualifier": "exactly", "unit": "IQD", "per": "person"}),
    ("Transit truck bound for Lebanon: 60 US dollars.", {"value": 60, "qualifier": "exactly", "unit": "USD", "per": "truck"}),
])
def test_figures_as_tables_circulars_and_traders_write_them(text, expected):
    assert read(text) == [expected]


def test_a_sum_each_truck_pays_in_another_clause_is_per_nothing():
    assert read("Each truck waits at the gate, and the crossing earned $300,000 in May.") == [
        {"value": 300_000, "qualifier": "exactly", "unit": "USD"}]


@pytest.mark.parametrize("prop, a, b, same", [
    ("dateNotAfter", "2021", "2021-12", True),  # both: not after 31 December 2021
    ("dateNotAfter", "2021-12", "2021-12-31", True),
    ("dateNotBefore", "2020", "2020-01", True),
    ("dateNotAfter", "2021", "2021-01", False),
    ("dateNotBefore", "2020", "2020-12", False),
    ("date", "2021", "2021-12", False),  # a date is compared as written: a year is not its December
])
def test_the_evaluation_compares_a_bound_by_the_day_it_bounds(prop, a, b, same):
    assert (date_key(prop, a) == date_key(prop, b)) is same
