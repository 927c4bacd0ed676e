"""Sanctions, designations and captures news tells in the ways it commonly does ("X was designated by Y as a terrorist
organisation", "Y added X to its sanctions list", "forces took the town in 2017"), on hand-made sentences."""

from __future__ import annotations

from kg.dates import dates as find_dates

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"harakat-al-nujaba": "Militia", "islamic-state": "ArmedGroup", "united-states": "Country",
         "us-treasury": "GovernmentBody", "trading-firm": "Organization",
         "militias": "Militia", "albu-kamal": "Settlement", "kataib-hezbollah": "Militia"}


def events(text: str, names: dict[str, str], doc_date: str | None = None) -> set[tuple[str, str, str]]:
    proposer = proposer_of(TYPES)
    found = proposer.events_of(text, nodes_of(proposer, text, names), find_dates(text, doc_date), [], "009", doc_date)
    return {(proposer.types[f.subject].split("#")[-1], f.property, f.object) for f in found}


def test_the_subject_of_a_passive_designation_is_its_target_and_who_designated_it_its_issuer():
    names = {"Washington": "united-states", "Harakat al-Nujaba": "harakat-al-nujaba"}
    found = events("Harakat al-Nujaba was designated by Washington as a terrorist organisation in March 2019.", names)
    assert {("Sanction", "date", "2019-03"), ("Sanction", "sanctionTarget", "harakat-al-nujaba"),
            ("Sanction", "issuedBy", "united-states")} <= found
    assert ("Sanction", "sanctionTarget", "united-states") not in found
    # in the active voice the subject designates and the object is designated
    found = events("In March 2019 Washington designated Harakat al-Nujaba.", names)
    assert {("Sanction", "sanctionTarget", "harakat-al-nujaba"), ("Sanction", "issuedBy", "united-states")} <= found


def test_an_authority_that_added_someone_to_its_sanctions_list_sanctioned_them():
    names = {"U.S. Treasury": "us-treasury", "Baghdad trading firm": "trading-firm"}
    found = events("The U.S. Treasury on Tuesday added a Baghdad trading firm to its sanctions list.", names, "2023-06-15")
    assert {("Sanction", "date", "2023-06-13"), ("Sanction", "sanctionTarget", "trading-firm"),
            ("Sanction", "issuedBy", "us-treasury")} <= found
    # adding to anything else is no sanction, and a date's own month is no verb of an event
    assert events("In May 2022 the militias added two rockets to their arsenal.", {}) == {("Event", "date", "2022-05")}


def test_forces_that_took_a_town_captured_it():
    names = {"pro-Iranian militias": "militias", "Albu Kamal": "albu-kamal"}
    found = events("The pro-Iranian militias took Albu Kamal in December 2017.", names)
    assert {("TerritorialCapture", "date", "2017-12"), ("TerritorialCapture", "capturedPlace", "albu-kamal"),
            ("TerritorialCapture", "agent", "militias")} <= found
    # to take a person or an actor is not to capture a place
    found = events("In 2017 the sanctions took Kataib Hezbollah by surprise.", {"Kataib Hezbollah": "kataib-hezbollah"})
    assert not {f for f in found if f[0] == "TerritorialCapture"}


def test_a_towns_capture_a_source_dates_a_month_off_is_the_registers_capture_of_that_town_that_year():
    proposer = proposer_of({**TYPES, "capture-2017": "TerritorialCapture"})
    proposer.events.add("capture-2017", "capturedPlace", "albu-kamal")
    proposer.events.add("capture-2017", "date", "2017-11")
    names = {"Albu Kamal": "albu-kamal"}
    for text, same in [("The militias took Albu Kamal in December 2017.", True), ("The militias took Albu Kamal in June 2019.", False)]:
        found = proposer.events_of(text, nodes_of(proposer, text, names), find_dates(text, None), [], "009")
        assert (("capture-2017", "capturedPlace", "albu-kamal") in {(f.subject, f.property, f.object) for f in found}) == same


def test_a_group_that_seized_towns_captured_them_and_a_date_before_and_dates_the_verb_before_it():
    names = {"Islamic State": "islamic-state"}
    proposer = proposer_of({**TYPES, "crossing": "OfficialCrossing"})
    text = "The crossing was shut after the Islamic State seized both towns in 2014 and only reopened in October 2019."
    found = proposer.events_of(text, nodes_of(proposer, text, {**names, "crossing": "crossing"}), find_dates(text, None), [], "009")
    dated = {(proposer.types[f.subject].split("#")[-1], f.object) for f in found if f.property == "date"}
    assert dated == {("TerritorialCapture", "2014"), ("CrossingOpening", "2019-10")}
    # goods seized are a seizure
    assert ("Seizure", "date", "2014") in events("In 2014 the Islamic State seized two trucks.", names)


def test_a_designation_whose_target_and_issuer_other_documents_name_is_the_registers():
    proposer = proposer_of({**TYPES, "kh-designation": "TerroristDesignation", "us-state-department": "GovernmentBody"})
    proposer.events.add("kh-designation", "sanctionTarget", "kataib-hezbollah")
    proposer.events.add("kh-designation", "issuedBy", "us-state-department")
    names = {"State Department": "us-state-department", "Kataib Hezbollah": "kataib-hezbollah"}

    def subjects(text):
        found = proposer.events_of(text, nodes_of(proposer, text, names), find_dates(text, None), [], "009", None)
        return {(f.subject, f.property, f.object) for f in found}
    found = subjects("The State Department designated Kataib Hezbollah a foreign terrorist organization in 2009.")
    assert ("kh-designation", "date", "2009") in found
    # the register's sanction, dated otherwise by another document, is another sanction
    proposer.events.add("kh-designation", "date", "2010")
    assert not any(s == "kh-designation" for s, _, _ in subjects("The State Department designated Kataib Hezbollah in 2009."))
