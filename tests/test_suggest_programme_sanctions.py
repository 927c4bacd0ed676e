"""A register sanction told again by its programme's name (kg.programme_sanctions), on hand-made sentences: "Kata'ib
Hizballah, which the United States designated a foreign terrorist organization in 2009" is the register's designation,
not a new sanction of 2009."""

from __future__ import annotations

from kg.dates import dates as find_dates
from kg.namespaces import LB
from kg.programme_sanctions import programme_sanctions
from kg.propose import Node

from .test_suggest_parts import entity, nodes_of, proposer_of

TYPES = {"kataib-hezbollah": "Militia", "harakat-al-nujaba": "Militia", "united-states": "Country",
         "us-state-department": "GovernmentBody", "kh-fto-designation": "TerroristDesignation"}
ENTITIES = {e.id: e for e in [entity("united-states", "Country", "United States", "United States", "U.S.", "US"),
                              entity("us-state-department", "GovernmentBody", "U.S. State Department", "State Department")]}
NAMES = {"Kata'ib Hizballah": "kataib-hezbollah", "Kataib Hezbollah": "kataib-hezbollah", "KH": "kataib-hezbollah",
         "United States": "united-states", "State Department": "us-state-department", "Harakat al-Nujaba": "harakat-al-nujaba"}


def drafted(text: str, doc_date: str = "2024-05-02", new_name: str = "") -> tuple[set[tuple], set[str]]:
    """The facts of the sentence's events once the rule has read them, and the new entries the facts name (new_name:
    words the linker took for a name the register lacks)."""
    proposer = proposer_of(TYPES)
    for prop, value in (("sanctionTarget", "kataib-hezbollah"), ("issuedBy", "us-state-department"),
                        ("programme", "foreignTerroristOrganization")):
        proposer.events.add("kh-fto-designation", prop, value)  # as the seeds' statements give it
    nodes = nodes_of(proposer, text, {w: i for w, i in NAMES.items() if w in text})
    if new_name:
        proposer.types["new-name"] = LB + "Organization"
        nodes = sorted(nodes + [Node(text.index(new_name), text.index(new_name) + len(new_name), "new-name", LB + "Organization",
                                     new_name, "new")], key=lambda n: n.start)
    dates = find_dates(text, doc_date)
    facts = programme_sanctions(proposer, text, nodes, dates, proposer.events_of(text, nodes, dates, [], "009", doc_date),
                                ENTITIES)
    triples = {(f.subject, f.property, f.object) for f in facts}
    return triples, {s for s, _, _ in triples if s in proposer.new}


def test_a_target_and_its_programme_named_are_the_register_sanction_with_its_issuer_and_date():
    facts, new = drafted("Kata'ib Hizballah, which the United States designated a foreign terrorist organization in 2009, "
                         "denies it.")
    assert {("kh-fto-designation", "sanctionTarget", "kataib-hezbollah"),
            ("kh-fto-designation", "programme", "foreignTerroristOrganization"),
            ("kh-fto-designation", "issuedBy", "united-states"),  # the country whose State Department issued it
            ("kh-fto-designation", "date", "2009")} <= facts
    assert not new  # no new sanction of 2009 beside it


def test_being_on_the_list_since_a_year_is_having_been_designated_then():
    facts, new = drafted("KH has been on the State Department's list of Foreign Terrorist Organizations since 2009.")
    assert ("kh-fto-designation", "date", "2009") in facts
    assert ("kh-fto-designation", "issuedBy", "us-state-department") in facts
    assert not {f for f in facts if f[1] == "dateNotBefore"} and not new
    # the programme's own words taken for a new name are no target of a sanction beside it
    facts, new = drafted("KH, designated a Foreign Terrorist Organization by the State Department in 2009, denies it.",
                         new_name="Terrorist Organization")
    assert ("kh-fto-designation", "date", "2009") in facts
    assert not new and not {f for f in facts if f[2] == "new-name"}
    # undated, it is still that designation
    facts, _ = drafted("Kataib Hezbollah, which the State Department lists as an FTO, runs the checkpoints.")
    assert ("kh-fto-designation", "programme", "foreignTerroristOrganization") in facts
    assert not {f for f in facts if f[0] == "kh-fto-designation" and f[1] == "date"}


def test_another_clauses_date_and_an_issuer_the_register_does_not_name_are_not_the_designations():
    facts, new = drafted("Kataib Hezbollah is on the US list of foreign terrorist organisations, and the United States "
                         "sanctioned five of its leaders last November.")
    assert ("kh-fto-designation", "programme", "foreignTerroristOrganization") in facts
    assert not {f for f in facts if f[0] == "kh-fto-designation" and f[1] == "date"}
    assert {f for f in facts if f[0] in new and f[1] == "date"} == {(next(iter(new)), "date", "2023-11")}
    facts, _ = drafted("The Department designated KH as a Foreign Terrorist Organization in 2009.")
    assert ("kh-fto-designation", "date", "2009") in facts
    assert not {f for f in facts if f[1] == "issuedBy"}


def test_no_programme_named_or_another_target_is_no_register_sanction():
    facts, _ = drafted("Kataib Hezbollah was sanctioned by the State Department in 2009.")
    assert not {f for f in facts if f[0] == "kh-fto-designation" and f[1] == "programme"}
    facts, _ = drafted("Harakat al-Nujaba was designated a Foreign Terrorist Organization in 2019.")
    assert not {f for f in facts if f[0] == "kh-fto-designation"}
