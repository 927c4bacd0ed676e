"""Quantities as news and analysis write them, on hand-made sentences: ranges, currencies other than the dollar, rates,
qualifier words and written numbers; and the counts a draft gives a group of people or an activity, or leaves alone."""

from __future__ import annotations

import pytest

from kg.dates_numbers import dates, quantities
from kg.namespaces import LB

from .test_suggest_parts import nodes_of
from .test_suggest_values import proposer  # noqa: F401  (the fixture)


def read(text):
    found = quantities(text, [(d.start, d.end) for d in dates(text, None)])
    return [{k: v for k, v in q.as_yaml().items() if k != "verbatim"} for q in found]


@pytest.mark.parametrize("text, expected", [
    ("Between 30 to 60 trucks", {"min": 30, "max": 60, "qualifier": "between", "unit": "truck"}),
    ("it moves 20 to 35 tankers a week", {"min": 20, "max": 35, "qualifier": "between", "unit": "tanker", "per": "week"}),
    ("a force of 600-900 fighters", {"min": 600, "max": 900, "qualifier": "between", "unit": "person"}),
    ("from 5 to 8 million dollars", {"min": 5_000_000, "max": 8_000_000, "qualifier": "between", "unit": "USD"}),
    ("collected 2.5 billion Iraqi dinars", {"value": 2_500_000_000, "qualifier": "exactly", "unit": "IQD"}),
    ("fees of 50,000 dinars per lorry", {"value": 50_000, "qualifier": "exactly", "unit": "IQD", "per": "lorry"}),
    ("worth 900 million Syrian pounds", {"value": 900_000_000, "qualifier": "exactly", "unit": "SYP"}),
    ("a fine of 40,000 euros", {"value": 40_000, "qualifier": "exactly", "unit": "EUR"}),
    ("The post is staffed 12 hours a day.", {"value": 12, "qualifier": "exactly", "unit": "hour", "per": "day"}),
    ("An average of 90 lorries crossed.", {"value": 90, "qualifier": "about", "unit": "lorry"}),
    ("as many as 70 rockets", {"value": 70, "qualifier": "atMost", "unit": "rocket"}),
    ("close to 300 tankers", {"value": 300, "qualifier": "about", "unit": "tanker"}),
    ("seventeen fighters", {"value": 17, "qualifier": "exactly", "unit": "person"}),
    ("Fires burned for hours, but no casualties were reported.", {"value": 0, "qualifier": "exactly", "unit": "person"}),
    ("leaving eight dead", {"value": 8, "qualifier": "exactly", "unit": "person"}),
    ("Some 80 lorries cross the bridge each day.", {"value": 80, "qualifier": "about", "unit": "lorry", "per": "day"}),
    ("about 60 tankers leave on a busy day", {"value": 60, "qualifier": "about", "unit": "tanker", "per": "day"}),
    ("20 trucks of grain are weighed monthly", {"value": 20, "qualifier": "exactly", "unit": "truck", "per": "month"}),
    ("$900 per shipment", {"value": 900, "qualifier": "exactly", "unit": "USD", "per": "shipment"}),
])
def test_the_reader_reads_what_curators_write(text, expected):
    assert read(text) == [expected]


def test_a_count_compared_with_one_before_takes_its_unit():
    assert read("Some 30 lorries crossed on Friday, compared with about 120 on a busy day.") == [
        {"value": 30, "qualifier": "about", "unit": "lorry"}, {"value": 120, "qualifier": "about", "unit": "lorry", "per": "day"}]
    assert read("Some 30 lorries crossed on Friday and 120 were turned back.") == [{"value": 30, "qualifier": "about", "unit": "lorry"}]


@pytest.mark.parametrize("text", [
    "The talks lasted 48 hours.",  # a span of time is no quantity
    "Trade fell in 2018-2019.",  # years, not a range of numbers
    "Trade fell in 2018-2019 and 2020.",
])
def test_spans_of_time_and_years_are_not_quantities(text):
    assert read(text) == []


@pytest.mark.parametrize("text", [
    "40 trucks crossed, and the gate now opens daily.",  # the rate of another clause
    "The militia lost 30 fighters after a month of fighting.",  # a span, not a rate
])
def test_no_rate_from_another_clause_or_a_span(text):
    assert "per" not in read(text)[0]


def groups(proposer, text, names):  # noqa: F811
    from kg.quantity_cues import count_groups

    nodes = nodes_of(proposer, text, names)
    return [g.words for g in count_groups(proposer, text, nodes, quantities(text), "009")]


def test_people_counted_of_an_actor_are_named_with_it_and_have_their_size(proposer):  # noqa: F811
    from kg.quantity_cues import count_groups, quantity_facts

    text = "The report cites three officials of Kataib Hezbollah."
    nodes = nodes_of(proposer, text, {"Kataib Hezbollah": "kataib-hezbollah"})
    found = count_groups(proposer, text, nodes, quantities(text), "009")
    assert [g.words for g in found] == ["three officials of Kataib Hezbollah"]
    facts = quantity_facts(proposer, text, sorted(nodes + found, key=lambda n: n.start), quantities(text), [], "009")
    assert [(f.subject, f.property, f.object["value"]) for f in facts] == [(found[0].id, "size", 3)]


@pytest.mark.parametrize("text", [
    "Washington blacklisted the two men in March.",  # people the text named before
    "London sanctioned two traders, Ali Hassan and Omar Saleh, in May.",  # people the sentence names
    "London sanctioned two traders, Ali Hassan al-Tamimi and Omar Saleh, in May.",
    "A spokesman put the toll at seven, five fighters and two drivers.",  # the dead of an event
])
def test_no_new_group_for_people_named_or_dead(proposer, text):  # noqa: F811
    assert groups(proposer, text, {}) == []


def test_only_a_trade_earns_or_charges_money(proposer):  # noqa: F811
    from kg.quantity_cues import quantity_facts

    def money(text):
        return [(proposer.types[f.subject], f.property) for f in quantity_facts(proposer, text, [], quantities(text), [], "009")]
    assert money("Customs revenue reached 3 billion dinars after the reopening.") == []
    assert money("Smugglers charge 50,000 dinars per truck for the smuggling of fuel.") == [(LB + "SmugglingOperation", "fee")]


def test_no_fact_for_the_count_a_count_is_compared_with(proposer):  # noqa: F811
    from kg.quantity_cues import quantity_facts

    text = "Kataib Hezbollah has transferred 20 tons of arms, compared with about 50 tons last year."
    nodes = nodes_of(proposer, text, {"Kataib Hezbollah": "kataib-hezbollah"})
    found = quantity_facts(proposer, text, nodes, quantities(text), [], "009")
    assert [(f.property, f.object["value"]) for f in found] == [("quantity", 20)]
