"""Dates and events as news reports write them: abbreviated months, weekdays, the event a verb of saying makes known."""

from __future__ import annotations

import pytest

from kg.dates import dates
from kg.namespaces import LB
from kg.news_dates import ahead, date_property

from .test_suggest_parts import proposer_of


@pytest.fixture
def proposer():
    return proposer_of({"france": "Country"})


def dated(proposer, text: str, doc_date: str | None = None) -> set[tuple[str, str, str]]:
    """(class, property, value) of each date fact the sentence's events get."""
    found = proposer.events_of(text, [], dates(text, doc_date), [], "009", doc_date)
    return {(proposer.types[f.subject].removeprefix(LB), f.property, f.object) for f in found if f.property.startswith("date")}


def test_an_abbreviated_month_is_its_month():
    assert [d.value for d in dates("The raid on Sept. 3, 2019 and the talks in Feb. 2020.", None)] == ["2019-09-03", "2020-02"]
    assert [d.value for d in dates("A convoy was hit on Nov. 12.", "2021-12-01")] == ["2021-11-12"]
    assert [d.value for d in dates("Talks resumed in Dec. after a pause.", "2021-12-20")] == ["2021-12"]
    # a word that only looks like an abbreviation is no month
    assert dates("Septa trains and the Marco Polo bridge.", "2021-12-01") == []


def test_a_month_a_table_or_list_abbreviates_without_a_full_stop_is_its_month_of_that_year():
    assert [d.value for d in dates("Crossing | Trucks, Mar 2024 | Trucks, Sep 2023", None)] == ["2024-03", "2023-09"]
    assert [d.value for d in dates("30 Sep 2019 – Crossing reopens. Sep 9, 2019: strikes.", None)] == ["2019-09-30",
                                                                                                      "2019-09-09"]
    # without a year after it, such a word is no month ("Mar" is also a word), nor is a month's name cut short
    assert dates("They mar the road and Jun Li said.", "2024-04-01") == []
    assert [d.value for d in dates("Decem 2024", None)] == ["2024"]


def test_the_month_a_figure_is_for_or_a_thing_happened_during_is_that_month():
    assert [d.value for d in dates("Revenue for February is unchanged.", "2024-04-10")] == ["2024-02"]
    assert [d.value for d in dates("During March, queues grew.", "2024-04-10")] == ["2024-03"]
    # a sentence's first word too: "Since January, …", "By March, …"
    assert [d.value for d in dates("Since January, the brigades have seized more pills.", "2024-04-10")] == ["2024-01"]
    [by_march] = dates("By March, the wall was finished.", "2024-04-10")
    assert by_march.value == "2024-03" and date_property("By March, the wall was finished.", by_march) == "dateNotAfter"


def test_a_similar_strike_on_an_abbreviated_day_is_a_strike_of_that_day(proposer):
    assert ("Strike", "date", "2021-08-07") in dated(proposer, "A similar strike on Aug. 7 hit a depot.", "2021-09-01")


def test_the_event_a_verb_of_saying_announced_is_what_its_date_dates(proposer):
    assert dated(proposer, "On Friday, France announced sanctions on three shipping firms.", "2022-03-09") == {
        ("Sanction", "date", "2022-03-04")}
    # a statement that is not of an event of another kind stays a statement
    assert dated(proposer, "On Friday, France announced that talks would go on.", "2022-03-09") == {
        ("Announcement", "date", "2022-03-04")}


def test_a_date_at_the_end_of_a_long_clause_dates_the_event_its_subject_names(proposer):
    text = "An air strike on a column of trucks near the river crossing of the northern district killed nine fighters late on Friday."
    assert dated(proposer, text, "2022-03-09") == {("Strike", "date", "2022-03-04")}
    # after a dateline's dash too
    text = "BEIRUT (Agency) - A drone strike on a depot of the militia on the southern edge of the old town wounded two guards on Sunday."
    assert dated(proposer, text, "2022-03-09") == {("Strike", "date", "2022-03-06")}


def test_a_date_at_the_end_of_a_long_clause_dates_the_event_its_verb_names(proposer):
    text = "The finance ministry sanctioned three exchange houses tied to the smuggling network of the province in March."
    assert ("Sanction", "date", "2021-03") in dated(proposer, text, "2021-06-01")


def test_a_date_of_another_clause_does_not_date_a_far_event(proposer):
    # a comma and a clause word stand between the strike and the date: the date is of what the clause after says
    text = "The strike on a column of trucks near the crossing of the northern district was condemned, which the council debated on Friday."
    assert ("Strike", "date", "2022-03-04") not in dated(proposer, text, "2022-03-09")
    # a word of an event's kind deep in the subject is not its head
    text = ("Officials of the ministry that handles the aftermath of every strike on the province and its many outlying districts "
            "and villages resigned on Friday.")
    assert ("Strike", "date", "2022-03-04") not in dated(proposer, text, "2022-03-09")


def test_a_time_of_a_day_is_no_date_text(proposer):
    text = "An air strike hit the depot late on Friday."
    assert "dateText" not in {f.property for f in proposer.events_of(text, [], dates(text, "2022-03-09"), [], "009")}
    text = "An air strike hit the depot in late March."
    found = proposer.events_of(text, [], dates(text, "2022-05-01"), [], "009")
    assert ("dateText", "late March") in {(f.property, f.object) for f in found}


def test_a_weekday_or_month_of_what_is_to_come_is_the_next_one():
    from kg.news_dates import ahead

    def read(text: str) -> list[str]:
        return [d.value for d in ahead(text, dates(text, "2022-03-09"), "2022-03-09")]  # a Wednesday

    assert read("The council said it would send observers to the camp on Friday.") == ["2022-03-11"]
    assert read("The ministry plans to reopen the bridge in January.") == ["2023-01"]
    assert read("The ministers will meet again on Wednesday.") == ["2022-03-16"]  # the document's own weekday: a week on
    # what happened stays the last such day; a future verb of another clause does not carry over
    assert read("Observers reached the camp on Friday.") == ["2022-03-04"]
    assert read("Talks will go on, the envoy said on Friday.") == ["2022-03-04"]


def test_a_day_what_is_to_come_stands_on_dates_its_verb(proposer):
    from kg.news_dates import ahead

    text = "The council said it would send observers to the camp on Friday."
    found = proposer.events_of(text, [], ahead(text, dates(text, "2022-03-09"), "2022-03-09"), [], "009", "2022-03-09")
    assert [(proposer.types[f.subject].removeprefix(LB), f.property, f.object) for f in found] == [("Event", "date", "2022-03-11")]


def test_a_weekday_after_a_place_is_no_captions_date():
    from kg.dates import dateline

    text = "The council sent observers to the camp on Friday."
    assert not dateline(text, dates(text, "2022-03-09")[0], [text.index(" on Friday")])
    text = "Trucks queue at the crossing in Al Qaim, Iraq March 2, 2022."
    assert dateline(text, dates(text, None)[0], [text.index(" March")])


def test_the_strike_told_again_is_the_strike_the_text_dated(proposer):
    from kg.time_cues import Timeline
    from kg.told_again import told_again

    proposer.types["strike-2022-03-04"] = LB + "Strike"
    timeline = Timeline()
    timeline.kinds["Strike"] = ("strike-2022-03-04", "2022-03-04")
    found = told_again(proposer, timeline, "The attack set two trucks on fire.", [], False, [])
    assert ("strike-2022-03-04", "date", "2022-03-04") in {(f.subject, f.property, f.object) for f in found}
    # a sentence with a date of its own, strikes in general, or a text that dated no strike: no event told again
    assert told_again(proposer, timeline, "The attack on Friday set two trucks on fire.", [], True, []) == []
    assert told_again(proposer, timeline, "The strikes set trucks on fire every week.", [], False, []) == []
    assert told_again(proposer, Timeline(), "The attack set two trucks on fire.", [], False, []) == []


def test_a_completed_structure_with_its_measure_is_a_construction(proposer):
    assert ("Construction", "date", "2021-06") in dated(proposer, "The engineers completed a 12 km earth berm in June 2021.")
    # completed talks are no construction
    assert ("Construction", "date", "2021-06") not in dated(proposer, "The envoys completed a long round of talks in June 2021.")


def test_vehicles_passing_on_a_day_are_a_transfer_of_that_day(proposer):
    assert ("Transfer", "date", "2022-03-08") in dated(proposer, "Only 25 lorries passing on Tuesday were counted.", "2022-03-09")
    # a crossing that is a place, on a day, is no transfer
    assert ("Transfer", "date", "2022-03-08") not in dated(proposer, "The guards closed the crossing on Tuesday.", "2022-03-09")


def test_a_cited_sources_date_bounds_only_what_the_sentence_does_not_date(proposer):
    text = "Aircraft struck a depot near the town (Local TV, May 3, 2021)."
    assert ("Strike", "dateNotAfter", "2021-05-03") in dated(proposer, text)
    text = "On May 2, 2021, aircraft struck a depot near the town (Local TV, May 3, 2021)."
    assert {f for f in dated(proposer, text) if f[0] == "Strike"} == {("Strike", "date", "2021-05-02")}


def test_last_month_and_this_year_count_from_the_documents_date():
    def read(text: str) -> list[str]:
        return [d.value for d in dates(text, "2022-01-10")]

    assert read("The crossing reopened last month.") == ["2021-12"]
    assert read("Strikes on the road rose earlier this year.") == ["2022"]
    assert read("A convoy was hit in March last year.") == ["2021-03"]
    # "the last year of the war" is no date, and a document without a date gives none
    assert read("The last year of the war was the worst.") == []
    assert dates("The crossing reopened last month.", None) == []


@pytest.mark.parametrize("text, kind", [
    ("Artillery shelled the village on Friday.", "Strike"),
    ("Drone attacks hit the base on Friday.", "Strike"),
    ("Gunmen ambushed a patrol on Friday.", "Attack"),
    ("Gunmen attacked a patrol on Friday.", "Attack"),
    ("The brigade withdrew from the town on Friday.", "Deployment"),
    ("The ministry blacklisted two exchange houses on Friday.", "Sanction"),
    ("Customs officers impounded 12 tankers on Friday.", "Seizure"),
])
def test_the_words_news_uses_for_an_event_name_its_kind(proposer, text, kind):
    assert {f[0] for f in dated(proposer, text, "2022-03-09")} == {kind}


def test_a_day_earlier_or_later_counts_from_the_day_the_text_gave_last():
    from kg.news_dates import days_apart

    day = dates("on March 3, 2021", None)[0]

    def read(text: str) -> list[str]:
        return [d.value for d in days_apart(text, day)]

    assert read("A second strike hit the depot a day later.") == ["2021-03-04"]
    assert read("Two days earlier, the convoy had left the town.") == ["2021-03-01"]
    assert read("The next day the crossing closed.") == ["2021-03-04"]
    # days after another event count from that event's day; a text that gave no day gives none
    assert read("Two days after the strike the crossing closed.") == []
    assert days_apart("A second strike hit the depot a day later.", None) == []


def test_a_day_before_its_month_without_a_year_takes_the_documents_year():
    assert [d.value for d in dates("On 3 October, guards closed the crossing.", "2020-01-10")] == ["2019-10-03"]
    assert [d.value for d in dates("The talks of 21 Sept. failed.", "2020-01-10")] == ["2019-09-21"]
    # a count before a month's name that no day can be is no date
    assert dates("Some 40 March recruits left.", "2020-01-10") == []


def test_after_a_days_strike_is_after_that_day_not_the_strike_told_last(proposer):
    from kg.time_cues import Timeline

    timeline = Timeline()
    timeline.kinds["Strike"] = ("strike-2022-02-01", "2022-02-01")  # the strike the text dated last was another
    text = "Guards abandoned the post after Friday's strike."
    found = timeline.refer(proposer, text, [], "009", dates(text, "2022-03-09"))
    assert [(f.property, f.object) for f in found] == [("dateNotBefore", "2022-03-04")]
    text = "Guards abandoned the post after the strike."
    found = timeline.refer(proposer, text, [], "009", dates(text, "2022-03-09"))
    assert [(f.property, f.object) for f in found] == [("dateNotBefore", "2022-02-01")]


def test_sanctions_told_again_are_the_sanctions_the_text_dated(proposer):
    from kg.time_cues import Timeline
    from kg.told_again import told_again

    proposer.types["sanctions-2022-03-04"] = LB + "Sanction"
    timeline = Timeline()
    timeline.kinds["Sanction"] = ("sanctions-2022-03-04", "2022-03-04")
    found = told_again(proposer, timeline, "The French sanctions freeze the assets of two firms.", [], False, [])
    assert ("sanctions-2022-03-04", "date", "2022-03-04") in {(f.subject, f.property, f.object) for f in found}
    # a word of no event before the noun: sanctions of some other kind
    assert told_again(proposer, timeline, "The economic sanctions of the past decade hurt the farmers.", [], False, []) == []


def test_a_plan_made_in_a_month_is_no_month_to_come():
    from kg.news_dates import ahead

    text = "The plans for the road were drawn up in March."
    assert [d.value for d in ahead(text, dates(text, "2022-01-10"), "2022-01-10")] == ["2021-03"]


def test_yesterday_stays_yesterday_in_a_clause_of_the_future():
    from kg.news_dates import ahead

    text = "The group will hold talks, it announced yesterday."
    assert [d.value for d in ahead(text, dates(text, "2022-01-10"), "2022-01-10")] == ["2022-01-09"]


def test_a_date_after_by_is_the_events_deadline(proposer):
    assert dated(proposer, "Engineers completed the new bridge by June 2021.") == {("Construction", "dateNotAfter", "2021-06")}
    assert dated(proposer, "Engineers completed the new bridge in June 2021.") == {("Construction", "date", "2021-06")}


@pytest.mark.parametrize("text, doc_date, expected", [
    ("In April, the Treasury announced a new round of sanctions.", "2024-01-15", ["2023-04"]),
    ("The brigade moved to al-Qaim in mid-August, residents said.", "2022-09-20", ["2022-08"]),
    ("The commission plans to install scanners by mid-2025.", "2024-06-01", ["2025"]),
    ("The militia is likely to keep its positions through the elections in October.", "2021-06-14", ["2021-10"]),
    ("The ministry plans to bring the trade under a formal contract from July.", "2023-05-18", ["2023-07"]),
    ("Buyers should expect prices to stay above 8,500 pounds a litre through June.", "2023-05-18", ["2023-06"]),
    ("The crossing reopened on the last day of September 2019.", "2023-06-06", ["2019-09-30"]),
    ("The gate closed on the last day of February and opened on the first day of March.", "2024-05-01",
     ["2024-02-29", "2024-03-01"]),
])
def test_months_and_years_as_news_writes_them(text, doc_date, expected):
    assert [d.value for d in ahead(text, dates(text, doc_date), doc_date)] == expected


def test_through_a_month_is_a_deadline_from_a_month_a_date():
    text = "Prices will stay high through June, and a new contract applies from July."
    through, start = ahead(text, dates(text, "2023-05-18"), "2023-05-18")
    assert (date_property(text, through), date_property(text, start)) == ("dateNotAfter", "date")


def test_a_deadline_at_part_of_a_year_bounds_it():
    text = "The ministry plans to open the terminal by mid-2023."
    (found,) = dates(text, "2022-05-01")
    assert (found.value, date_property(text, found)) == ("2023", "dateNotAfter")


def test_the_same_month_is_the_month_the_text_gave_last():
    from kg.time_cues import Timeline

    timeline = Timeline()
    assert timeline.same_month("Our teams counted 640 families during the same month.") == []  # no month given yet
    timeline.add(dates("Some 1,900 families returned in September.", "2020-10-12"), [], {})
    found = timeline.same_month("Our teams counted 640 families during the same month.")
    assert [(d.value, d.words, d.year_inferred) for d in found] == [("2020-09", "during the same month", True)]
    timeline.add(dates("The council met on October 3.", "2020-10-12"), [], {})
    assert [d.value for d in timeline.same_month("Two schools reopened that same month.")] == ["2020-10"]


@pytest.mark.parametrize("text", [
    "Militias are likely to retaliate for the 12 June strike.",
    "The group will avenge Monday's attack.",
])
def test_a_date_that_names_an_event_is_not_read_forward(text):
    (found,) = dates(text, "2023-06-15")
    assert ahead(text, [found], "2023-06-15") == [found]


def test_a_day_before_or_after_counts_from_the_sentences_own_day_when_it_gave_one():
    from kg.news_dates import days_apart

    before = dates("on March 3, 2021", None)[0]
    text = "Imagery from September 10, 2019 shows three warehouses destroyed in air strikes the previous day."
    assert [d.value for d in days_apart(text, before, dates(text, None))] == ["2019-09-09"]
    # the night before is the day before; a day the sentence gives after the words is not what they count from
    text = "A drone hit a pickup the previous night, the channel said on May 27, 2023."
    assert [d.value for d in days_apart(text, before, dates(text, None))] == ["2021-03-02"]


@pytest.mark.parametrize("text, doc_date, value", [
    ("My brother paid 10,000 dinars there last Thursday.", "2019-10-15", "2019-10-10"),  # the Thursday before
    ("Last Tuesday the gate shut.", "2019-10-15", "2019-10-08"),  # on a Tuesday, a week before
    ("On Tuesday last week, three channels posted a video.", "2023-06-20", "2023-06-13"),  # of the week before
    ("On Sunday last week the convoy left.", "2023-06-20", "2023-06-18"),
])
def test_a_weekday_with_last_is_of_the_week_before(text, doc_date, value):
    assert [d.value for d in dates(text, doc_date)] == [value]
    # a clause of the future does not move it on: "last" says which week
    future = "He said he would go there " + text
    assert [d.value for d in ahead(future, dates(future, doc_date), doc_date)] == [value]


def test_a_weekday_without_last_is_the_latest_such_day_or_in_a_clause_of_the_future_the_next():
    assert [d.value for d in dates("On Tuesday the gate shut.", "2019-10-15")] == ["2019-10-15"]
    text = "He said he would go there on Tuesday."
    assert [d.value for d in ahead(text, dates(text, "2019-10-15"), "2019-10-15")] == ["2019-10-22"]


@pytest.mark.parametrize("text, doc_date, value", [
    ("Prices rose sharply over the summer, traders said.", "2020-09-10", "2020"),
    ("Prices rose sharply over the summer, traders said.", "2021-02-10", "2020"),  # the latest summer begun
    ("By the autumn, an average of 310 trucks a day crossed.", "2024-01-15", "2023"),
    ("Prices are expected to rise further over the summer.", "2021-10-10", "2022"),  # still to come: the next one
    ("Prices are expected to rise further over the summer.", "2021-07-10", "2021"),  # not ended yet
    ("The ministry plans to install cameras by next spring.", "2023-10-01", "2024"),
    ("The ministry plans to open the lane next summer.", "2023-03-01", "2023"),
    ("Officials have asked for it since last autumn.", "2020-03-01", "2019"),
    ("The fall in prices this summer hurt traders.", "2020-03-01", "2020"),  # this summer: the document's year's
])
def test_a_season_is_its_year(text, doc_date, value):
    assert [d.value for d in ahead(text, dates(text, doc_date), doc_date)] == [value]


@pytest.mark.parametrize("text", [
    "After the fall of Mosul the militias moved west.",  # a fall that is an event
    "The fall in traffic worried the traders.",  # a fall that is a drop
    "Airstrikes hit the depots in the summer and fall of 2019.",  # two seasons whose year follows: the year is the date
    "The spring near the village dried up.",  # a spring of water
    "Fuel runs short every winter.",  # winter straddles two years
])
def test_words_that_are_no_season_of_a_year_give_none(text):
    assert [d.words for d in dates(text, "2020-03-01") if not d.words.isdigit()] == []


def test_the_first_months_of_a_year_and_the_rest_of_it_are_spans():
    found = dates("The ministry collected 212 billion dinars in the first nine months of the year.", "2023-10-20")
    assert [(d.value, d.span) for d in found] == [("2023", ("2023-01", "2023-09"))]
    found = dates("Trade rose in the first six months of 2022.", "2023-01-05")
    assert [(d.value, d.span) for d in found] == [("2022", ("2022-01", "2022-06"))]
    text = "He will take over its operations later this year."
    found = ahead(text, dates(text, "2021-06-10"), "2021-06-10")
    assert [(d.value, d.span) for d in found] == [("2021", ("2021-06", "2021-12"))]
    # a month count that is not of a year's start is none
    assert [d.span for d in dates("The first twelve months of the year were quiet.", "2023-10-20")] == []


@pytest.mark.parametrize("text, kinds", [
    # "took" is a capture only before a name (the words are matched ignoring case, the name's capital is not)
    ("On 16 March 2019 I took the notes at the meeting in Damascus.", {"Meeting"}),
    ("The militias took Albukamal on 19 November 2017.", {"TerritorialCapture"}),
    ("The militias took al-Qaim on 3 November 2017.", {"TerritorialCapture"}),
    # "the forces of occupation" name those who hold a land; "the occupation of" a town is its capture
    ("The forces of occupation left the base on 12 July 2024.", {"Event"}),
    ("After the occupation of Mosul on 10 June 2014, the militias formed.", {"TerritorialCapture"}),
])
def test_a_capture_word_needs_the_name_or_the_act_it_tells_of(proposer, text, kinds):
    assert {f[0] for f in dated(proposer, text)} == kinds


@pytest.mark.parametrize("text, values", [
    # the year a sentence named carries on to a later month or day of that year
    ("In March 2018, Syrian TV reported that the crossing would reopen in April.", ["2018-03", "2018-04"]),
    ("Talks began on 2 November 2019 and ended on 17 November.", ["2019-11-02", "2019-11-17"]),
    # not to what is to come from the document's day, nor across a semicolon, nor back to an earlier month
    ("In March 2018 officials said the crossing will reopen in April.", ["2018-03", "2024-04"]),
    ("The talks of March 2018 failed; the crossing reopened in April.", ["2018-03", "2023-04"]),
    ("On 5 May 2019 the depot burned, after a strike on 2 April.", ["2019-05-05", "2023-04-02"]),
    # a year alone says no month to follow
    ("Since 2017 the militia has held the town, and in March it opened a depot.", ["2017", "2023-03"]),
])
def test_a_month_without_a_year_takes_the_year_its_sentence_named_before(text, values):
    assert [d.value for d in ahead(text, dates(text, "2024-01-10"), "2024-01-10")] == values


@pytest.mark.parametrize("text, doc_date, values", [
    ("Washington sanctioned four of its commanders last November.", "2023-04-06", ["2022-11"]),
    ("He came last March.", "2023-03-16", ["2022-03"]),  # the document's own month: a year before
    ("He came last March.", "2023-05-16", ["2023-03"]),
    ("The trucks were still crossing two weeks ago.", "2023-03-16", ["2023-03-02"]),
    ("Three days ago the gate shut.", "2023-03-16", ["2023-03-13"]),
    ("Rates are up from roughly $2,400 a year ago.", "2022-03-10", ["2021-03"]),
    ("Six months ago the depot was empty.", "2022-03-10", ["2021-09"]),
    ("It was the last March of the war.", "2022-03-10", []),  # an order, not a time
])
def test_last_month_by_name_and_a_time_ago_count_back_from_the_documents_date(text, doc_date, values):
    assert [d.value for d in ahead(text, dates(text, doc_date), doc_date)] == values


@pytest.mark.parametrize("text, doc_date, span", [
    ("The commissioner will meet the commander next week.", "2019-11-17", ("2019-11-18", "2019-11-24")),  # a Sunday
    ("The commissioner will meet the commander next week.", "2019-11-18", ("2019-11-25", "2019-12-01")),  # a Monday
    ("Drivers said the wait last week was two days.", "2019-11-17", ("2019-11-04", "2019-11-10")),
])
def test_next_and_last_week_are_spans_of_days_monday_to_sunday(text, doc_date, span):
    assert [d.span for d in ahead(text, dates(text, doc_date), doc_date)] == [span]


def test_a_week_by_its_weekday_or_its_order_is_no_span_of_the_week():
    assert [d.value for d in dates("On Tuesday last week, three channels posted a video.", "2023-06-20")] == ["2023-06-13"]
    assert dates("The next week of talks was cancelled.", "2023-06-20") == []


def test_what_was_planned_to_happen_by_a_month_is_the_next_such_month():
    text = "He said it planned to complete a line of cameras by the end of March."
    assert [d.value for d in ahead(text, dates(text, "2021-11-16"), "2021-11-16")] == ["2022-03"]


@pytest.mark.parametrize("text, reference, value", [
    ("The department will complete its survey within ten days.", "2019-11-17", "2019-11-27"),
    ("The command would deploy a battalion within two weeks.", "2021-11-16", "2021-11"),
    ("The command would deploy a battalion within three weeks.", "2021-11-16", "2021-12"),
])
def test_a_deadline_in_days_is_a_day_and_in_weeks_the_month_it_ends_in(text, reference, value):
    from kg.dates import deadlines

    assert [d.value for d in deadlines(text, reference)] == [value]


def test_the_next_morning_is_the_next_day():
    from kg.news_dates import days_apart

    text = "On November 2, 2019 the gate was shut and reopened the next morning."
    assert [d.value for d in days_apart(text, None, dates(text, None))] == ["2019-11-03"]


def test_a_span_of_months_with_its_year_a_month_of_last_year_and_a_hearing_put_off():
    def read(text: str, doc_date: str = "2024-03-14") -> list[str]:
        return [d.value for d in ahead(text, dates(text, doc_date), doc_date)]

    # the year after the second month is the first's too, or the year before where the span crosses New Year
    assert read("They moved fuel between May and November 2023.") == ["2023-05", "2023-11"]
    assert read("The road was shut from November to March 2020.") == ["2019-11", "2020-03"]
    # "March last year", a sentence's first words too
    assert read("In March last year customs stopped four million pills.") == ["2023-03"]
    # a hearing adjourned to a day is still to come; a crossing closed until a day is not
    assert read("The judge adjourned the trial until April 2.") == ["2024-04-02"]
    assert read("The crossing stayed closed until March 5.") == ["2024-03-05"]
    assert read("The court adjourned on March 2 after a short session.") == ["2024-03-02"]


def test_a_part_of_the_day_the_text_is_written_on_is_that_day():
    read = lambda text: [(d.words, d.value) for d in dates(text, "2020-11-10")]  # noqa: E731
    assert read("Firas paid $3,600 this morning and the trucks crossed this afternoon.") == [
        ("this morning", "2020-11-10"), ("this afternoon", "2020-11-10")]
    assert read("Today they are a force on the border.") == []  # "today" for nowadays stays no date


def test_a_day_with_a_month_a_list_abbreviates_and_a_month_of_last_year():
    read = lambda text: [(d.words, d.value) for d in dates(text, "2024-02-06")]  # noqa: E731
    assert read("Mon 29 Jan, 22:41 | 41,300 views") == [("29 Jan", "2024-01-29")]
    assert read("People here remember June of last year, when a strike hit.") == [("June of last year", "2023-06")]
    assert read("The Jan Li convoy and Mar Elias church were hit.") == []  # no day before it: no month
