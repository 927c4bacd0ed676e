"""Quantities as news and analysis write them, on hand-made sentences: ranges, currencies other than the dollar, rates,
qualifier words and written numbers; and the counts a draft gives a group of people or an activity, or leaves alone."""

from __future__ import annotations

import pytest

from kg.dates import dates
from kg.namespaces import LB
from kg.quantities import quantities

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
    ("fees of 50,000 dinars per lorry", {"value": 50_000, "qualifier": "exactly", "unit": "IQD", "per": "truck"}),
    ("worth 900 million Syrian pounds", {"value": 900_000_000, "qualifier": "exactly", "unit": "SYP"}),
    ("a fine of 40,000 euros", {"value": 40_000, "qualifier": "exactly", "unit": "EUR"}),
    ("The post is staffed 12 hours a day.", {"value": 12, "qualifier": "exactly", "unit": "hour", "per": "day"}),
    ("An average of 90 lorries crossed.", {"value": 90, "qualifier": "exactly", "unit": "truck"}),
    ("as many as 70 rockets", {"value": 70, "qualifier": "atMost", "unit": "rocket"}),
    ("close to 300 tankers", {"value": 300, "qualifier": "about", "unit": "tanker"}),
    ("seventeen fighters", {"value": 17, "qualifier": "exactly", "unit": "person"}),
    ("Fires burned for hours, but no casualties were reported.", {"value": 0, "qualifier": "exactly", "unit": "person"}),
    ("leaving eight dead", {"value": 8, "qualifier": "exactly", "unit": "person"}),
    ("Some 80 lorries cross the bridge each day.", {"value": 80, "qualifier": "about", "unit": "truck", "per": "day"}),
    ("about 60 tankers leave on a busy day", {"value": 60, "qualifier": "about", "unit": "tanker", "per": "day"}),
    ("20 trucks of grain are weighed monthly", {"value": 20, "qualifier": "exactly", "unit": "truck", "per": "month"}),
    ("$900 per shipment", {"value": 900, "qualifier": "exactly", "unit": "USD", "per": "shipment"}),
    ("traffic could pass 400 trucks a day", {"value": 400, "qualifier": "moreThan", "unit": "truck", "per": "day"}),
    ("The brigade took over two posts.", {"value": 2, "qualifier": "exactly", "unit": "post"}),
    ("Two of our convoys reached the town.", {"value": 2, "qualifier": "exactly", "unit": "convoy"}),
    ("more than 20 of them died in the raid", {"value": 20, "qualifier": "moreThan", "unit": "person"}),
    ("one guard was killed", {"value": 1, "qualifier": "exactly", "unit": "person"}),
    ("The court convicted two employees of the firm.", {"value": 2, "qualifier": "exactly", "unit": "person"}),
    ("a litre of diesel sold for about 650 Syrian pounds", {"value": 650, "qualifier": "about", "unit": "SYP", "per": "litre"}),
    ("a single tanker of fuel can fetch up to $12,000", {"value": 12_000, "qualifier": "atMost", "unit": "USD", "per": "tanker"}),
    ("they moved about 60 tankers of diesel a week", {"value": 60, "qualifier": "about", "unit": "tanker", "per": "week"}),
    ("Reports put the dead at seven.", {"value": 7, "qualifier": "exactly", "unit": "person"}),
    ("He put the number of fighters deployed there at about 1,200.", {"value": 1200, "qualifier": "about", "unit": "person"}),
    ("The ministry listed four individuals on Monday.", {"value": 4, "qualifier": "exactly", "unit": "person"}),
    ("a strike that killed at least one fighter", {"value": 1, "qualifier": "atLeast", "unit": "person"}),
    ("Police arrested nine money changers.", {"value": 9, "qualifier": "exactly", "unit": "person"}),
    ("Customs froze assets worth US$3.5 million.", {"value": 3_500_000, "qualifier": "exactly", "unit": "USD"}),
    ("Only 40 per cent of the plan is funded.", {"value": 40, "qualifier": "exactly", "unit": "percent"}),
    ("three of the network’s couriers were held", {"value": 3, "qualifier": "exactly", "unit": "person"}),
    ("at least two of those depots burned", {"value": 2, "qualifier": "atLeast", "unit": "depot"}),
    ("A bundle of bread cost 300 pounds.", {"value": 300, "qualifier": "exactly", "unit": "SYP", "per": "bundle"}),
    ("The firm moved 120 truck loads of cement.", {"value": 120, "qualifier": "exactly", "unit": "truck"}),
    ("Guards took 20,000 dinars from each passing lorry.", {"value": 20_000, "qualifier": "exactly", "unit": "IQD", "per": "truck"}),
])
def test_the_reader_reads_what_curators_write(text, expected):
    assert read(text) == [expected]


def test_a_count_compared_with_one_before_takes_its_unit():
    assert read("Some 30 lorries crossed on Friday, compared with about 120 on a busy day.") == [
        {"value": 30, "qualifier": "about", "unit": "truck"}, {"value": 120, "qualifier": "about", "unit": "truck", "per": "day"}]
    assert read("Some 30 lorries crossed on Friday and 120 were turned back.") == [{"value": 30, "qualifier": "about", "unit": "truck"}]


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


@pytest.mark.parametrize("text", [
    "One official said the road was open.",  # "one" that counts no one an event hit
    "One of the guards was killed.",  # one of a group: the group is what the text counts
    "Militias took over the crossing.",  # "over" of a verb, with no number after it
])
def test_no_count_from_one_or_a_verb(text):
    assert read(text) == []


def test_a_part_or_a_comparison_is_counted_at_the_rate_of_the_count_before():
    assert read("An average of 140 trucks cross each day, but only about 90 of them are logged.") == [
        {"value": 140, "qualifier": "exactly", "unit": "truck", "per": "day"},
        {"value": 90, "qualifier": "about", "unit": "truck", "per": "day"}]
    assert read("A litre of diesel sold for 650 Syrian pounds, up from 400 pounds in May.") == [
        {"value": 650, "qualifier": "exactly", "unit": "SYP", "per": "litre"},
        {"value": 400, "qualifier": "exactly", "unit": "SYP", "per": "litre"}]
    # another unit is another count, at no rate of the first
    assert read("About 300 trucks cross a day, up from 20 buses.")[1] == {"value": 20, "qualifier": "exactly", "unit": "bus"}


@pytest.mark.parametrize("text, expected", [
    # a currency's code before the sum, as rulings and filings write it
    ("he transferred at least EUR 870,000 through an exchange office",
     {"value": 870_000, "qualifier": "atLeast", "unit": "EUR"}),
    ("Prosecutors put the payments at about EUR 1.4 million.", {"value": 1_400_000, "qualifier": "about", "unit": "EUR"}),
    ("The court fined the firm €250,000.", {"value": 250_000, "qualifier": "exactly", "unit": "EUR"}),
    ("It paid USD 2.5 million to the broker.", {"value": 2_500_000, "qualifier": "exactly", "unit": "USD"}),
    ("fees of between EUR 5,000 and EUR 9,000", {"min": 5_000, "max": 9_000, "qualifier": "between", "unit": "EUR"}),
    # an estimate or a guess is about the figure
    ("the crossing's revenue, estimated at $3 million a month",
     {"value": 3_000_000, "qualifier": "about", "unit": "USD", "per": "month"}),
    ("There were maybe 300 trucks in front of me.", {"value": 300, "qualifier": "about", "unit": "truck"}),
    ("perhaps 40 fighters", {"value": 40, "qualifier": "about", "unit": "person"}),
    # kilograms as kg, like kilometres as km; a price per kilo too
    ("about 1,800 kilograms of hashish", {"value": 1_800, "qualifier": "about", "unit": "kg"}),
    ("A kilo of tomatoes was 750 dinars.", {"value": 750, "qualifier": "exactly", "unit": "IQD", "per": "kg"}),
])
def test_codes_estimates_and_kilograms(text, expected):
    assert read(text) == [expected]


@pytest.mark.parametrize("text", [
    "EUROPE 300 trucks crossed.",  # a word that begins with a code is no currency
    "The USD rate rose 300 points.",  # a code that is not before the number
])
def test_a_code_not_right_before_a_number_is_no_currency(text):
    assert all(q["unit"] not in ("EUR", "USD") for q in read(text))


def test_a_rate_per_loaded_or_empty_truck_is_per_truck():
    assert read("men ask between $250 and $400 per loaded truck") == [
        {"min": 250, "max": 400, "qualifier": "between", "unit": "USD", "per": "truck"}]
    assert read("a fee of $50 per empty tanker") == [{"value": 50, "qualifier": "exactly", "unit": "USD", "per": "tanker"}]


@pytest.mark.parametrize("text", ["the blood of our 22 martyrs", "22 mujahideen of the brigade", "22 hostages were freed"])
def test_a_militias_words_for_its_dead_and_fighters_count_people(text):
    assert read(text) == [{"value": 22, "qualifier": "exactly", "unit": "person"}]


def test_a_fee_at_each_checkpoint_is_per_checkpoint():
    assert read("Drivers said they pay 10,000 dinars at each checkpoint.") == [
        {"value": 10_000, "qualifier": "exactly", "unit": "IQD", "per": "checkpoint"}]


def test_the_people_a_verb_of_harm_or_a_toll_counts_and_pills_however_named():
    assert read("A bomb struck a vehicle, killing one fighter and wounding two.") == [
        {"value": 1, "qualifier": "exactly", "unit": "person"}, {"value": 2, "qualifier": "exactly", "unit": "person"}]
    assert read("The death toll from the strike rose to 11, a monitor said.") == [{"value": 11, "qualifier": "exactly", "unit": "person"}]
    assert read("Customs seized some 3.6 million Captagon tablets.") == [{"value": 3_600_000, "qualifier": "about", "unit": "pill"}]
    # "one" without a verb of harm before it, or a noun that is no person, is no count of people
    assert read("One of the trucks was hit.") == []
    assert read("The strike destroyed one depot and wounded nobody.") == []


@pytest.mark.parametrize("text, expected", [
    # part of a group with its owner's word: the noun counts, not "your" or "his"
    ("Washington sanctioned five of your leaders last November.", [{"value": 5, "qualifier": "exactly", "unit": "person"}]),
    ("Abu Hassan said at least five of his men were killed.", [{"value": 5, "qualifier": "atLeast", "unit": "person"}]),
    ("we screened all 41 of our Syrian and Iraqi subcontractors",
     [{"value": 41, "qualifier": "exactly", "unit": "subcontractor"}]),
    ("We expect thousands of our people to join it.", [{"value": 1000, "qualifier": "multiple", "unit": "person"}]),
    # two words of the thing counted
    ("Teams recorded more than 600 damaged or destroyed houses.", [{"value": 600, "qualifier": "moreThan", "unit": "house"}]),
    # the noun left out: the count before it, or the sum before it, gives it
    ("Of more than 1,400 posts in that period, 318 dealt with the border.",
     [{"value": 1400, "qualifier": "moreThan", "unit": "post"}, {"value": 318, "qualifier": "exactly", "unit": "post"}]),
    ("Usually it is 25,000 dinars, sometimes 50,000 if they do not like your face.",
     [{"value": 25_000, "qualifier": "exactly", "unit": "IQD"}, {"value": 50_000, "qualifier": "exactly", "unit": "IQD"}]),
    ("a box has fallen from 9,000 dinars to about 5,000.",
     [{"value": 9_000, "qualifier": "exactly", "unit": "IQD"}, {"value": 5_000, "qualifier": "about", "unit": "IQD"}]),
    ("Five killed in the strike.", [{"value": 5, "qualifier": "exactly", "unit": "person"}]),
    # no count: a verb, a time of day, a page cited after a sum, a change of a price
    ("All three pleaded not guilty.", []),
    ("A second strike at 0225 hit a truck.", []),
    ("last night around one o’clock we heard a blast", []),
    ("drivers paid about $150 per truck (Saad 2020, 41).", [{"value": 150, "qualifier": "about", "unit": "USD", "per": "truck"}]),
    ("Diesel, wholesale: about 8,900 Syrian pounds/litre (up 350)",
     [{"value": 8_900, "qualifier": "about", "unit": "SYP", "per": "litre"}]),
    # a ticker's line in capitals, read as its small letters would be
    ("AT LEAST 4 KILLED IN STRIKE, LOCAL SOURCES SAY.", [{"value": 4, "qualifier": "atLeast", "unit": "person"}]),
    ("DEATH TOLL RISES TO MORE THAN 12, MONITOR SAYS.", [{"value": 12, "qualifier": "moreThan", "unit": "person"}]),
    ("CORRECTION: DEATH TOLL IS 11 AFTER MONITOR REVISED ITS COUNT.", [{"value": 11, "qualifier": "exactly", "unit": "person"}]),
    ("ABOUT 200 TRUCKS QUEUE AT AL-QAIM SINCE IT REOPENED ON 30 SEPTEMBER 2019.",
     [{"value": 200, "qualifier": "about", "unit": "truck"}]),
])
def test_what_a_number_counts_when_the_word_after_it_is_no_noun(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a count of times counts what the verb before it does; after a colon, what the count of times before it counted
    ("Militias have attacked U.S. forces at least 170 times since Oct. 17: 67 times in Iraq and 102 times in Syria.",
     [{"value": 170, "qualifier": "atLeast", "unit": "attack"}, {"value": 67, "qualifier": "exactly", "unit": "attack"},
      {"value": 102, "qualifier": "exactly", "unit": "attack"}]),
    ("The video, viewed more than 500,000 times, is not new.", [{"value": 500_000, "qualifier": "moreThan", "unit": "view"}]),
    ("He said he made the trip at least a dozen times.", [{"value": 12, "qualifier": "atLeast", "unit": "trip"}]),
    ("the enemy has struck our positions more than forty times", [{"value": 40, "qualifier": "moreThan", "unit": "strike"}]),
    ("He tried three times to cross.", []),
    # plural and rough scales, a compound number, a number with its noun after a hyphen or in quotation marks
    ("Residents described dozens of trucks crossing at night.", [{"value": 12, "qualifier": "multiple", "unit": "truck"}]),
    ("Photos show a few hundred mourners.", [{"value": 100, "qualifier": "multiple", "unit": "person"}]),
    ("Thousands of the faithful carried the coffins.", [{"value": 1000, "qualifier": "multiple", "unit": "person"}]),
    ("There were more than a hundred trucks behind me.", [{"value": 100, "qualifier": "moreThan", "unit": "truck"}]),
    ("you pay twenty-five thousand dinars", [{"value": 25_000, "qualifier": "exactly", "unit": "IQD"}]),
    ("police detained a two-person television crew", [{"value": 2, "qualifier": "exactly", "unit": "person"}]),
    ('The command said three "smugglers" died.', [{"value": 3, "qualifier": "exactly", "unit": "person"}]),
    ("Our July report put the number of people killed at 17.", [{"value": 17, "qualifier": "exactly", "unit": "person"}]),
    ("the Treasury sanctioned three of the group's financiers", [{"value": 3, "qualifier": "exactly", "unit": "person"}]),
    # none and one of the people a verb of harm names
    ("It said no civilians were harmed.", [{"value": 0, "qualifier": "exactly", "unit": "person"}]),
    ("No British personnel were hurt in the attack.", [{"value": 0, "qualifier": "exactly", "unit": "person"}]),
    ("a rocket attack that killed a U.S. civilian contractor at the base",
     [{"value": 1, "qualifier": "exactly", "unit": "person"}]),
    ("aircraft struck trucks near the crossing, martyring one driver", [{"value": 1, "qualifier": "exactly", "unit": "person"}]),
    ("a strike that killed a truck in the yard", []),
    ("state media said the strike killed seven “terrorists”", [{"value": 7, "qualifier": "exactly", "unit": "person"}]),
    ("Israel hit the group in 2018 and killed 50 of them.", [{"value": 50, "qualifier": "exactly", "unit": "person"}]),
    ("the real count was closer to four million pills", [{"value": 4_000_000, "qualifier": "about", "unit": "pill"}]),
])
def test_counts_of_times_rough_scales_and_the_people_a_harm_names(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text, per", [
    ("Every day, three hundred trucks cross from al-Qaim to Syria.", "day"),
    ("Customs officials put the daily figure at about 120 trucks.", "day"),
    ("He expects daily traffic through the port to rise from about 180 trucks.", "day"),
    ("By my estimate the checkpoint takes in at least $40,000 on each such night.", "night"),
    ("at least 40 such trucks cross on a busy night", "night"),
    ("On most nights, drivers said, between 20 and 30 more tankers leave the highway.", "night"),
    ("at least 30 trucks passed through Al-Bukamal in a single week last month", "week"),
    ("For each load you paid $12,000 in cash.", "load"),
    # no rate for people, or from a newspaper's name
    ("The daily newspaper said five people were killed.", None),
])
def test_a_rate_the_sentence_gives_before_or_after_a_count(text, per):
    assert [q.get("per") for q in read(text)][:1] == [per]
