"""A diary's or a log's dated entries (kg.dated_entries): a line that is a date alone heads the lines under it, a
weekday alone is the next such day; within an entry the words count from its day, and what it tells without a date
happened on that day. A news article's dateline makes no entries."""

from __future__ import annotations

from pathlib import Path

from kg.dated_entries import Entries

DIARY = """A Driver's Notebook

December 2, 2019

Entries from his notebook for October.

Saturday, October 5
Left Baghdad at four in the morning with tiles for Damascus.

Monday
At the checkpoint outside Haditha they took 20,000 dinars.

Tuesday, October 8
Waited at the crossing since yesterday noon. The manager says fees will go up after the new year.
"""


def test_each_line_under_a_dated_heading_is_of_its_day_and_a_weekday_alone_is_the_next_such_day():
    entries = Entries(DIARY, "2019-12-02")
    day = lambda words: entries.day_at(DIARY.index(words))  # noqa: E731
    assert day("Entries from his notebook") is None  # the dateline is the document's date, no entry's
    assert day("Left Baghdad").value == "2019-10-05"
    assert day("At the checkpoint").value == "2019-10-07"
    assert day("Waited at the crossing").value == "2019-10-08"


def test_a_text_with_a_dateline_alone_has_no_entries():
    article = "Trucks wait at al-Qaim\n\nOctober 5, 2019\n\nTrucks waited at the crossing on Monday, drivers said.\n"
    assert Entries(article, "2019-10-05").entries == []
    assert Entries(article, "2019-10-05").day_at(len(article) - 5) is None


def test_an_entrys_words_count_from_its_day_and_what_it_tells_undated_is_of_that_day():
    from kg.compare import Known
    from kg.corpus import Document
    from kg.event_index import EventIndex
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT
    from kg.suggest import make_draft

    ontology = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")
    doc = Document("009", "009.txt", Path("009.txt"), DIARY, "", "Notebook", "diary", "Test", [], "2019-12-02")
    drafted = {s["quote"]: s for s in make_draft(doc, ontology, {}, Known(), EventIndex(ontology)).statements}

    def dates(start: str) -> set[str]:
        """The dates a sentence's draft gives: among its values, or as its facts' dates."""
        found = set()
        for stmt in (s for q, s in drafted.items() if q.startswith(start)):
            found |= {v for v in stmt["proposal"].get("values") or [] if isinstance(v, str)}
            found |= {o for _, p, o in stmt["facts"] if p.startswith("date")}
        return found

    assert dates("Waited at the crossing") == {"2019-10-07"}  # "yesterday" of October 8, not of December 2
    assert dates("At the checkpoint outside Haditha") == {"2019-10-07"}  # the Monday after October 5
    assert dates("Left Baghdad") == {"2019-10-05"}
    # what is to come is not of the entry's day
    assert "2019-10-08" not in dates("The manager says")


CABLE = """Summary of a diplomatic cable

February 11, 2022

DATE: October 9, 2019
SUBJECT: The reopened crossing

1. Iraq and Syria reopened the crossing on September 30. On Tuesday, officials met in Baghdad.
"""


def test_a_labelled_date_line_heads_the_text_under_it_as_the_day_it_was_written():
    entries = Entries(CABLE, "2022-02-11")
    assert entries.day_at(CABLE.index("Iraq and Syria")).value == "2019-10-09"
    assert entries.day_at(CABLE.index("Summary")) is None
    assert not entries.diary and Entries(DIARY, "2019-12-02").diary  # what a cable tells undated is not of its day
    # the label alone makes no entry of a line that is more than a date
    assert Entries(CABLE.replace("DATE: October 9, 2019", "DATE: October 9, 2019, before the vote"), "2022-02-11").entries == []


EMAILS = """Emails from a freight firm, published by a newspaper

December 3, 2020

From: A. Saleh
Date: Sunday, November 8, 2020, 21:14
Subject: Convoy 41

They want $400 per truck. We paid at the same place last month.

From: F. Obeid
Sent: 10 November 2020 at 9:40 AM (GMT+3)

The trucks crossed this afternoon.
"""


def test_an_emails_date_with_its_time_heads_the_email():
    entries = Entries(EMAILS, "2020-12-03")
    assert entries.day_at(EMAILS.index("They want")).value == "2020-11-08"
    assert entries.day_at(EMAILS.index("The trucks crossed")).value == "2020-11-10"
    assert not entries.diary  # an email tells of days before its own too


POSTS = """Posts of a channel, translated

6 February 2024

Mon 29 Jan, 22:41 | 41,300 views
Our drones struck the base this evening.

Wed 31 Jan, 23:58 | 112,000 views
The martyrs will be buried tomorrow.
"""


def test_a_channels_post_heading_with_its_time_and_views_heads_the_post():
    entries = Entries(POSTS, "2024-02-06")
    assert entries.day_at(POSTS.index("Our drones")).value == "2024-01-29"
    assert entries.day_at(POSTS.index("The martyrs")).value == "2024-01-31"


TICKER = """Breaking news ticker

Tuesday, 12 March 2024 | captions of the day

06:58 | BREAKING: AIR STRIKE HITS TRUCKS NEAR THE BORDER.
07:45 | AT LEAST 4 KILLED IN STRIKE, LOCAL SOURCES SAY.
08:32 | BORDER FORCES CLOSE THE CROSSING.
"""


def test_a_tickers_timed_lines_under_the_pages_one_date_are_of_that_day():
    entries = Entries(TICKER, "2024-03-12")
    assert entries.day_at(TICKER.index("AT LEAST")).value == "2024-03-12" and entries.diary
    assert entries.day_at(TICKER.index("Breaking")) is None
    # two timed lines are no ticker
    assert Entries(TICKER.replace("08:32 | BORDER FORCES CLOSE THE CROSSING.\n", ""), "2024-03-12").entries == []


def test_a_logs_line_that_opens_with_its_day_is_of_that_day_and_its_day_counts_from_the_document_not_the_line_before():
    log = ("Weekly Incident Log\n\n20 March 2023\n\nINCIDENTS (date | place | type | details)\n\n"
           "Mon 13 Mar | Husaybah | Checkpoint | Fighters set up a new checkpoint.\n\n"
           "Tue 14 Mar | Albu Kamal | Air strike | Unidentified aircraft struck a warehouse.\n")
    entries = Entries(log, "2023-03-20")
    assert entries.day_at(log.index("Tue 14 Mar")).value == "2023-03-14"
    assert entries.day_at(log.index("Unidentified aircraft")).value == "2023-03-14"
    assert entries.day_at(log.index("Fighters set up")).value == "2023-03-13"


FACT_SHEET = """Strikes on militia targets

February 26, 2024

Feb. 2 | Al Qaim, Iraq | command-and-control node | KH
Feb. 20 | Abu Kamal, Syria | drone storage site | Nujaba

RESULTS

Last Tuesday's strike hit the same site again.
"""


def test_a_tables_dated_row_is_an_entry_of_its_line_alone():
    entries = Entries(FACT_SHEET, "2024-02-26")
    assert entries.day_at(FACT_SHEET.index("Al Qaim")).value == "2024-02-02"
    assert entries.day_at(FACT_SHEET.index("Abu Kamal")).value == "2024-02-20"
    assert entries.day_at(FACT_SHEET.index("Last Tuesday")) is None  # counted from the document's date
