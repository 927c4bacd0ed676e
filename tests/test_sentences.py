"""A document's sentences (kg.sentences): pySBD's segments, a sanctions list's entry kept whole."""

from __future__ import annotations

from pathlib import Path

from kg.corpus import Document
from kg.sentences import sentences


def _of(text: str) -> list[str]:
    doc = Document("009", "009.txt", Path("009.txt"), text, "", "Test", "news", "Test", [], "2022-12-08")
    return [s.text for s in sentences(doc)]


def test_a_listed_name_and_its_identifiers_are_one_sentence_its_reason_another():
    text = ("3.1 ZANBARI, Falah Mahdi. a.k.a. (1) Abu Zahra (2) Falah al-Zanbari. DOB: 02/09/1979. Nationality: Iraqi. "
            "Reason: A finance official of the Qarya Brigade. He is believed to take about US$300 per truck.\n")
    assert _of(text) == [
        "3.1 ZANBARI, Falah Mahdi. a.k.a. (1) Abu Zahra (2) Falah al-Zanbari. DOB: 02/09/1979. Nationality: Iraqi.",
        "Reason: A finance official of the Qarya Brigade.",
        "He is believed to take about US$300 per truck.",
    ]


def test_a_firms_entry_too():
    text = "QARYA LAND TRANSPORT COMPANY LLC. Registration number: 71045 (Baghdad). Address: Qarya, Iraq.\n"
    assert _of(text) == [text.strip()]


def test_what_is_not_an_identifier_stays_apart():
    text = ("4.1 ZANBARI, Haidar Kareem. The entry is amended to add the alias Abu Mujtaba.\n\n"
            "The office moved in 2022. Address: Qarya, Iraq.\n\n"
            "SALEH, Omar.\nDOB: 01/01/1980.\n")
    assert _of(text) == ["4.1 ZANBARI, Haidar Kareem.", "The entry is amended to add the alias Abu Mujtaba.",
                         "The office moved in 2022.", "Address: Qarya, Iraq.", "SALEH, Omar.", "DOB: 01/01/1980."]


def test_a_sentence_goes_on_after_a_titles_abbreviation():
    text = "Mrs Caldwell: I thank the hon. Member for his question. Hon. Members: Hear, hear.\nThe right hon.\nGentleman sat."
    assert _of(text) == ["Mrs Caldwell: I thank the hon. Member for his question.", "Hon. Members: Hear, hear.",
                         "The right hon.", "Gentleman sat."]  # not across a line's end


def test_a_days_number_stays_with_its_month_and_a_numbered_list_stays_a_list():
    text = ("The posts appeared on May 24. The crossing reopened on May 25.\n\nTrucks crossed on Sunday.\n\n"
            "The council asks for:\n1. A second lane.\n2. New scanners.\n")
    assert _of(text) == ["The posts appeared on May 24.", "The crossing reopened on May 25.", "Trucks crossed on Sunday.",
                         "The council asks for:", "1. A second lane.", "2. New scanners."]


def test_a_numbered_entry_with_the_given_names_first_and_its_listing_date_after_its_reasons():
    text = ("1. Jabbar Kadhim AL-FARTOUSI (a.k.a. Abu Haidar al-Qaimi). Identifying information: DOB 3.4.1978; nationality "
            "Iraqi. Reasons: Commander of a brigade that escorts convoys. Date of listing: 20.11.2023.\n\n"
            "2. Qasim Abd al-Zahra AL-KINANI. Identifying information: DOB 1981.\n\n"
            "3. The Council reviewed the list. Date of listing: 20.11.2023.\n")
    doc = Document("009", "009.txt", Path("009.txt"), text, "", "Test", "news", "Test", [], "2023-11-23")
    found = [(s.text, s.listed) for s in sentences(doc)]
    assert found == [
        ("1. Jabbar Kadhim AL-FARTOUSI (a.k.a. Abu Haidar al-Qaimi). Identifying information: DOB 3.4.1978; nationality Iraqi.",
         True),
        ("Reasons: Commander of a brigade that escorts convoys.", False),
        ("Date of listing: 20.11.2023.", True),  # the entry's, though its reasons come between
        ("2. Qasim Abd al-Zahra AL-KINANI. Identifying information: DOB 1981.", True),
        ("3. The Council reviewed the list.", False),
        ("Date of listing: 20.11.2023.", False),  # no entry on its line
    ]
