"""Dates and numbers of a draft as facts, on hand-made sentences: a date a verb dates, a deadline ("within two months"),
a dated citation, and the quantities the curated files give as facts."""

from __future__ import annotations

import pytest

from kg.dates import dates, deadlines
from kg.namespaces import LB
from kg.quantities import quantities

from .test_suggest_parts import nodes_of


@pytest.fixture
def proposer():
    """A proposer with a small register of its own for each test (the tests add entries to it)."""
    from kg.event_index import EventIndex
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT
    from kg.propose import Proposer

    ontology = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")
    types = {"kataib-hezbollah": LB + "Militia", "al-qaim": LB + "Settlement"}
    return Proposer(ontology, types, EventIndex(ontology))


@pytest.mark.parametrize("text, reference, expected", [
    ("The crossing is supposed to open within two months.", "2019-07-24", ["2019-09"]),
    ("In less than a month the crossing would open.", "2019-07-24", ["2019-08"]),
    ("It will open within approximately two months.", "2019-11-23", ["2020-01"]),
    ("The barrier is to be finished within a year.", "2022", ["2023"]),
    ("It is to open within two months.", "2022", []),  # a span of months from a year: no month to count from
    ("It opened two months ago.", "2019-07-24", []),
    # the span still left, not the one set at some earlier time, counts from the reference
    ("The meeting determined that it would open within six months, thus two months were left.", "2019-07-22", ["2019-09"]),
])
def test_a_deadline_counted_from_the_reference_date(text, reference, expected):
    assert [d.value for d in deadlines(text, reference)] == expected


def events(proposer, text, names, doc_date=None):
    nodes = nodes_of(proposer, text, names)
    found = dates(text, doc_date)
    return proposer.events_of(text, nodes, found, quantities(text, [(d.start, d.end) for d in found]), "009", doc_date)


def test_a_date_no_event_word_stands_near_dates_what_the_verb_of_its_clause_says(proposer):
    found = events(proposer, "In 2017 the fighters of Kataib Hezbollah came back to al-Qaim.",
                   {"Kataib Hezbollah": "kataib-hezbollah", "al-Qaim": "al-qaim"})
    # its date, and the group whose fighters came as its agent (the verb's subject is theirs)
    assert [(f.property, f.object) for f in found] == [("date", "2017"), ("agent", "kataib-hezbollah")]
    assert proposer.types[found[0].subject] == LB + "Event" and "'came'" in found[0].reason
    assert events(proposer, "The fighters, who left, returned to al-Qaim; 2017 was a year of war.", {"al-Qaim": "al-qaim"}) == []


def test_a_deployment_is_an_event_of_its_kind(proposer):
    found = events(proposer, "In 2017 Kataib Hezbollah moved some units to al-Qaim.",
                   {"Kataib Hezbollah": "kataib-hezbollah", "al-Qaim": "al-qaim"})
    assert ("date", "2017") in [(f.property, f.object) for f in found]
    assert proposer.types[found[0].subject] == LB + "Deployment"


def test_a_deadline_bounds_the_event_that_is_due(proposer):
    found = events(proposer, "Officials said the crossing at al-Qaim is supposed to open within two months.",
                   {"al-Qaim": "al-qaim"}, "2019-07-24")
    bound = [f for f in found if f.property == "dateNotAfter"]
    assert [f.object for f in bound] == ["2019-09"] and proposer.types[bound[0].subject] == LB + "CrossingOpening"


def test_a_deadline_bounds_what_is_due_not_the_report_of_it(proposer):
    found = events(proposer, "Officials reported that in less than a month the crossing at al-Qaim would open.",
                   {"al-Qaim": "al-qaim"}, "2019-07-24")
    bound = [f for f in found if f.property == "dateNotAfter"]
    assert [f.object for f in bound] == ["2019-08"] and proposer.types[bound[0].subject] == LB + "CrossingOpening"


def test_a_dated_citation_bounds_the_event_the_sentence_reports(proposer):
    found = events(proposer, "Kataib Hezbollah commanders held a meeting in al-Qaim (Sputnik, July 22, 2019).",
                   {"Kataib Hezbollah": "kataib-hezbollah", "al-Qaim": "al-qaim"})
    bound = [f for f in found if f.property == "dateNotAfter"]
    assert [f.object for f in bound] == ["2019-07-22"] and proposer.types[bound[0].subject] == LB + "Meeting"
    # what is prepared or planned has not happened by the report's date
    for text in ("Officials made preparations for opening the crossing at al-Qaim (Sputnik, July 22, 2019).",
                 "Kataib Hezbollah plans to hold a meeting in al-Qaim (Sputnik, July 22, 2019)."):
        names = {w: i for w, i in (("Kataib Hezbollah", "kataib-hezbollah"), ("al-Qaim", "al-qaim")) if w in text}
        assert not [f for f in events(proposer, text, names) if f.property == "dateNotAfter"]
    # a citation with no word of an event's kind bounds nothing
    assert events(proposer, "Kataib Hezbollah is strong in al-Qaim (Sputnik, July 22, 2019).",
                  {"Kataib Hezbollah": "kataib-hezbollah", "al-Qaim": "al-qaim"}) == []


def test_a_citation_of_two_days_bounds_the_event_by_the_later_day(proposer):
    assert [(d.value, d.last) for d in dates("(Fars, March 17 and 18, 2019)", None)] == [("2019-03", "2019-03-18")]
    found = events(proposer, "Kataib Hezbollah commanders held a meeting in al-Qaim (Fars, March 17 and 18, 2019).",
                   {"Kataib Hezbollah": "kataib-hezbollah", "al-Qaim": "al-qaim"})
    assert [f.object for f in found if f.property == "dateNotAfter"] == ["2019-03-18"]


def test_a_captions_date_after_a_place_bounds_what_it_says_happened(proposer):
    text = "Soldiers are seen at the crossing, after it has been reopened for trade, in al-Qaim, Iraq September 30, 2019."
    proposer.types["iraq"] = LB + "Country"
    found = events(proposer, text, {"al-Qaim": "al-qaim", "Iraq": "iraq"})
    bound = [f for f in found if f.property == "dateNotAfter"]
    assert [f.object for f in bound] == ["2019-09-30"] and proposer.types[bound[0].subject] == LB + "CrossingOpening"
    # a date in the middle of the sentence, or after no place, is no caption's
    assert not [f for f in events(proposer, "The crossing at al-Qaim was reopened September 30, 2019.", {"al-Qaim": "al-qaim"})
                if f.property == "dateNotAfter"]


def test_according_to_a_report_is_no_purpose(proposer):
    found = events(proposer, "On July 22, 2019, according to a report from Kataib Hezbollah, the crossing was ready.",
                   {"Kataib Hezbollah": "kataib-hezbollah"})
    assert [(f.property, f.object) for f in found if f.property == "date"] == [("date", "2019-07-22")]
    assert proposer.types[found[0].subject] == LB + "Announcement"


def test_a_second_date_of_one_event_word_is_a_second_event(proposer):
    found = events(proposer, "Air strikes hit Kataib Hezbollah in the summer of 2018 and again in the summer and fall of 2019.",
                   {"Kataib Hezbollah": "kataib-hezbollah"})
    dated = {(f.subject, f.object) for f in found if f.property == "date"}
    assert {value for _, value in dated} == {"2018", "2019"} and len({subject for subject, _ in dated}) == 2
    assert all(proposer.types[subject] == LB + "Strike" for subject, _ in dated)


def counted(proposer, text, names):
    from kg.quantity_cues import quantity_facts

    nodes = nodes_of(proposer, text, names)
    return [(f.subject, f.property, f.object["verbatim"]) for f in quantity_facts(proposer, text, nodes, quantities(text), [], "009")]


def test_the_members_and_weapons_an_actor_counts(proposer):
    proposer.types["shiite-militias"] = LB + "ArmedGroup"
    assert counted(proposer, "Kataib Hezbollah leads more than a dozen Shiite militias.",
                   {"Kataib Hezbollah": "kataib-hezbollah", "Shiite militias": "shiite-militias"}) == [
        ("shiite-militias", "size", "more than a dozen Shiite militias")]
    assert counted(proposer, "Kataib Hezbollah is seeking guidance for its 150,000 missiles.",
                   {"Kataib Hezbollah": "kataib-hezbollah"}) == [("kataib-hezbollah", "arsenal", "150,000 missiles")]
    assert counted(proposer, "The 150,000 missiles of the army worry Kataib Hezbollah.", {"Kataib Hezbollah": "kataib-hezbollah"}) == []


@pytest.mark.parametrize("text, prop, cls", [
    ("Smuggling across the border generates at least $50 million a month for Kataib Hezbollah.", "revenue", "SmugglingOperation"),
    ("The value of this illicit trade exceeds $10 billion annually.", "tradeValue", "SmugglingOperation"),
    ("Smuggling costs the state treasury millions of dollars annually.", "cost", "SmugglingOperation"),
    ("Kataib Hezbollah has transferred thousands of tons of weapons to al-Qaim.", "quantity", "Transfer"),
])
def test_what_an_activity_makes_costs_is_worth_or_moves(proposer, text, prop, cls):
    found = counted(proposer, text, {w: i for w, i in (("Kataib Hezbollah", "kataib-hezbollah"), ("al-Qaim", "al-qaim")) if w in text})
    assert [p for _, p, _ in found] == [prop] and proposer.types[found[0][0]] == LB + cls


def test_the_money_word_nearest_the_amount_gives_its_property(proposer):
    found = counted(proposer, "Smuggling generates at least $50 million a month, some of which is collected in fees.", {})
    assert [p for _, p, _ in found] == ["revenue"]


def test_a_sentence_opening_on_these_goes_on_about_the_activity_before(proposer):
    from kg.propose import Proposed
    from kg.quantity_cues import quantity_facts

    text = "These can range between $200 and $1,500 per truck."
    before = [Proposed("smuggling-operation", "revenue", {"value": 50}, "")]
    found = quantity_facts(proposer, text, [], quantities(text), [], "009", before)
    assert [(f.subject, f.property, f.object["min"], f.object["per"]) for f in found] == [("smuggling-operation", "fee", 200, "truck")]
    assert quantity_facts(proposer, text, [], quantities(text), [], "009", []) == []  # nothing before to go on about
    text = "Kataib Hezbollah has $50 million."
    assert quantity_facts(proposer, text, [], quantities(text), [], "009", before) == []  # no anaphor


def test_people_counted_unnamed_are_a_group_of_that_size(proposer):
    from kg.quantity_cues import count_groups, quantity_facts

    for text, words in (("An additional force of about two hundred operatives is deployed at al-Qaim.",
                         "force of about two hundred operatives"),
                        ("The United States imposed sanctions on five prominent Iraqi leaders of the group.",
                         "five prominent Iraqi leaders")):
        nodes = nodes_of(proposer, text, {"al-Qaim": "al-qaim"} if "al-Qaim" in text else {})
        groups = count_groups(proposer, text, nodes, quantities(text), "009")
        assert [(g.words, proposer.types[g.id]) for g in groups] == [(words, LB + "PersonGroup")]
        found = quantity_facts(proposer, text, sorted(nodes + groups, key=lambda n: n.start), quantities(text), [], "009")
        assert [(f.subject, f.property) for f in found] == [(groups[0].id, "size")]
    text = "An air strike killed more than 20 members near al-Qaim."  # the dead are the event's casualties
    assert count_groups(proposer, text, nodes_of(proposer, text, {"al-Qaim": "al-qaim"}), quantities(text), "009") == []


def test_things_counted_by_the_one_event_of_the_register_whose_agent_the_clause_names(proposer):
    proposer.types.update({"zone-declaration": LB + "Announcement", "kh-transfer": LB + "Transfer"})
    proposer.events.add("zone-declaration", "agent", "kataib-hezbollah")
    proposer.events.add("kh-transfer", "agent", "kataib-hezbollah")
    from kg.quantity_cues import quantity_facts

    def found(text):
        nodes = nodes_of(proposer, text, {"Kataib Hezbollah": "kataib-hezbollah"})
        return [(f.subject, f.property, f.object) for f in quantity_facts(proposer, text, nodes, quantities(text), [], "009")]
    assert [f[:2] for f in found("Residents say Kataib Hezbollah keeps them from their 1,500 farms by declaring a security zone.")] == [
        ("zone-declaration", "quantity"), ("zone-declaration", "agent")]
    # two events of the actor and no word of the kind of either: which one is not told
    assert found("Kataib Hezbollah keeps them from their 1,500 farms.") == []


def test_money_or_goods_with_no_activity_are_left_to_the_curator(proposer):
    assert counted(proposer, "Kataib Hezbollah has $50 million.", {"Kataib Hezbollah": "kataib-hezbollah"}) == []
    assert counted(proposer, "Kataib Hezbollah keeps thousands of tons of weapons.", {"Kataib Hezbollah": "kataib-hezbollah"}) == []


def test_what_a_route_carries_where_it_leads_and_how(proposer):
    from kg.route_cues import route_facts

    proposer.types.update({"land-bridge": LB + "Route", "weapons": LB + "Commodity", "fighters": LB + "Commodity",
                           "syria": LB + "Country", "lebanon": LB + "Country", "crossing": LB + "Crossing"})
    text = "The land bridge allows Kataib Hezbollah to send fighters and weapons through Syria to Lebanon."
    nodes = nodes_of(proposer, text, {"land bridge": "land-bridge", "Kataib Hezbollah": "kataib-hezbollah", "fighters": "fighters",
                                      "weapons": "weapons", "Syria": "syria", "Lebanon": "lebanon"})
    assert {(f.subject, f.property, f.object) for f in route_facts(proposer, text, nodes)} == {
        ("land-bridge", "cargo", "fighters"), ("land-bridge", "cargo", "weapons"), ("land-bridge", "destination", "lebanon"),
        ("land-bridge", "mode", "land")}
    text = "The crossing is a gateway for weapons."
    assert [(f.property, f.object) for f in route_facts(proposer, text, nodes_of(
        proposer, text, {"crossing": "crossing", "weapons": "weapons"}))] == [("cargo", "weapons")]
    text = "The crossing stays shut; weapons are sent by air."  # no cue of carrying in the crossing's clause
    assert route_facts(proposer, text, nodes_of(proposer, text, {"crossing": "crossing", "weapons": "weapons"})) == []


def test_a_name_that_says_who_backs_it(proposer):
    from kg.name_cues import name_facts
    from kg.propose import Node

    proposer.types.update({"iran": LB + "Country", "iran-backed-militias": LB + "ArmedGroup", "iran-backed-media": LB + "MediaOutlet"})
    labels = {"iran": "Iran", "iran-backed-militias": "Iran-backed militias"}
    nodes = [Node(0, 23, "iran-backed-militias", LB + "ArmedGroup", "Iranian-backed militias"),
             Node(30, 47, "iran-backed-media", LB + "MediaOutlet", "Iran-backed media"),
             Node(50, 65, "kataib-hezbollah", LB + "Militia", "Kataib Hezbollah")]
    assert {(f.subject, f.property, f.object) for f in name_facts(proposer, nodes, labels)} == {
        ("iran", "sponsors", "iran-backed-militias"), ("iran", "supports", "iran-backed-media")}


def test_a_label_that_describes_is_found_where_the_text_words_it():
    from kg.label_words import described

    labels = {"iraqi-side": "Iraqi side of the Iraq–Syria border", "syrian-side": "Syrian side of the Iraq–Syria border",
              "roads": "Roads in and out of al-Qaim", "iraq": "Iraq"}
    types = dict.fromkeys(labels, LB + "Region")
    text = "KH has established a presence on the Iraqi side of the border and controls the roads in and out of al-Qaim."
    found = {(n.words, n.id) for n in described(text, nodes_of_words(text, {"al-Qaim": "al-qaim"}), labels, types)}
    assert found == {("Iraqi side of the border", "iraqi-side"), ("roads in and out of al-Qaim", "roads")}
    assert described("The side of the border was quiet.", [], labels, types) == []  # fits two labels: neither


def nodes_of_words(text, names):
    from kg.propose import Node

    return [Node(text.index(w), text.index(w) + len(w), i, LB + "Settlement", w) for w, i in names.items()]


def test_a_presence_established_somewhere(proposer):
    proposer.types["iraqi-side"] = LB + "Region"
    text = "Kataib Hezbollah has also established a presence on the Iraqi side of the border."
    nodes = nodes_of(proposer, text, {"Kataib Hezbollah": "kataib-hezbollah", "Iraqi side of the border": "iraqi-side"})
    assert {(f.subject, f.property, f.object) for f in proposer.relations(text, nodes)} == {
        ("kataib-hezbollah", "hasPresenceIn", "iraqi-side")}


def test_the_places_a_routes_own_words_go_through(proposer):
    from kg.propose import Node
    from kg.route_cues import route_facts

    proposer.types["roads"] = LB + "Road"
    text = "The militia controls the roads in and out of al-Qaim."
    roads = Node(text.index("roads"), text.index("al-Qaim") + 7, "roads", LB + "Road", "roads in and out of al-Qaim", "reference")
    town = Node(text.index("al-Qaim"), text.index("al-Qaim") + 7, "al-qaim", LB + "Settlement", "al-Qaim")
    assert [(f.subject, f.property, f.object) for f in route_facts(proposer, text, [roads], [town])] == [
        ("roads", "passesThrough", "al-qaim")]
    outside = Node(0, 3, "al-qaim", LB + "Settlement", "The")
    assert route_facts(proposer, text, [roads], [outside]) == []


def test_an_undated_event_of_the_register_by_its_word_and_its_agent(proposer):
    proposer.types.update({"iraq": LB + "Country", "opening": LB + "CrossingOpening", "shipments": LB + "Transfer",
                           "weapons": LB + "Commodity"})
    proposer.events.add("opening", "agent", "iraq")
    proposer.events.add("shipments", "agent", "kataib-hezbollah")
    found = events(proposer, "Iraq is set to open the crossing.", {"Iraq": "iraq"})
    assert [(f.subject, f.property, f.object) for f in found] == [("opening", "agent", "iraq")]
    found = events(proposer, "Kataib Hezbollah has transferred weapons to al-Qaim.",
                   {"Kataib Hezbollah": "kataib-hezbollah", "weapons": "weapons", "al-Qaim": "al-qaim"})
    assert {(f.property, f.object) for f in found} == {("agent", "kataib-hezbollah"), ("cargo", "weapons"), ("destination", "al-qaim")}
    assert events(proposer, "Kataib Hezbollah is set to open the crossing.", {"Kataib Hezbollah": "kataib-hezbollah"}) == []
