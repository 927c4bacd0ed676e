"""Literal and concept values of a draft's facts, on hand-made sentences: what makes a route favourable or not, what an
announcement said, an event's time as the source words it."""

from __future__ import annotations

import pytest

from kg.namespaces import LB

from .test_suggest_parts import nodes_of


@pytest.fixture
def proposer():
    """A proposer with a small register of its own for each test (the tests add entries to it)."""
    from kg.event_index import EventIndex
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT
    from kg.propose import Proposer

    ontology = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")
    types = {"iran": LB + "Country", "syria": LB + "Country", "al-qaim": LB + "Settlement", "land-bridge": LB + "LandBridge",
             "air-bridge": LB + "AirBridge", "north-route": LB + "Route", "south-route": LB + "Route",
             "border-crossing": LB + "Crossing", "report-x": LB + "Announcement", "report-y": LB + "Announcement",
             "opening-x": LB + "CrossingOpening", "strike-x": LB + "Strike", "strike-y": LB + "Strike",
             "sanction-x": LB + "Sanction"}
    return Proposer(ontology, types, EventIndex(ontology))


def traits(proposer, text, names):
    from kg.route_traits import route_traits

    return {(f.subject, f.property, f.object) for f in route_traits(proposer, text, nodes_of(proposer, text, names))}


def test_what_makes_a_route_favourable_or_not(proposer):
    assert traits(proposer, "Once Iran holds the land bridge through al-Qaim, trucks could carry larger quantities of fuel at a "
                            "lower cost per ton.", {"Iran": "iran", "land bridge": "land-bridge", "al-Qaim": "al-qaim"}) \
        == {("land-bridge", "advantage", "capacity"), ("land-bridge", "advantage", "cost")}
    assert traits(proposer, "The air bridge depends on a few cargo planes with limited capacity.", {"air bridge": "air-bridge"}) \
        == {("air-bridge", "limitation", "capacity")}
    assert traits(proposer, "The north route is shorter, and the crossing helps preserve secrecy.", {"north route": "north-route"}) \
        == {("north-route", "advantage", "distance"), ("north-route", "advantage", "secrecy")}


def test_no_trait_where_the_words_could_be_about_another_route(proposer):
    # two routes: the words could be about either
    assert traits(proposer, "The north route and the south route carry larger quantities of fuel.",
                  {"north route": "north-route", "south route": "south-route"}) == set()
    # the cue qualifies the routes it stands before, not the land bridge
    assert traits(proposer, "The land bridge lets Iran avoid risky aerial and naval routes.",
                  {"land bridge": "land-bridge", "Iran": "iran"}) == set()
    # a crossing has no length of its own; a cue before the name is not about it
    assert traits(proposer, "Using the shorter road through the border crossing is not possible.",
                  {"border crossing": "border-crossing"}) == set()


def literals(proposer, text, facts, previous=()):
    from kg.event_literals import event_literals
    from kg.propose import Proposed

    found = event_literals(proposer, text, [Proposed(*f, "") for f in facts], [Proposed(*f, "") for f in previous])
    return {(f.subject, f.property, f.object) for f in found}


def test_what_an_announcement_said_is_its_topic(proposer):
    dated = [("report-x", "date", "2020-05-02"), ("report-x", "agent", "iran")]
    assert literals(proposer, "Local TV reported that the bridge would reopen in June 2020 (Local TV, May 2, 2020).", dated) \
        == {("report-x", "topic", "the bridge would reopen in June 2020")}
    assert literals(proposer, "The minister announced **that within days the crossing would open.**", dated) \
        == {("report-x", "topic", "within days the crossing would open")}
    # no clause after "that", or two announcements the clause could belong to
    assert literals(proposer, "Local TV reported yesterday that the bridge was shut.", dated) == set()
    assert literals(proposer, "Local TV reported that the bridge was shut.", dated + [("report-y", "date", "2020-05-03")]) == set()


def test_the_words_of_a_deadline_and_of_a_season(proposer):
    assert literals(proposer, "The crossing is expected to reopen within about two months.", [("opening-x", "dateNotAfter", "2020-07")]) \
        == {("opening-x", "dateText", "within about two months")}
    assert literals(proposer, "Drones hit the depots in the spring and summer of 2020 and in late March 2021.",
                    [("strike-x", "date", "2020"), ("strike-y", "date", "2021-03")]) \
        == {("strike-x", "dateText", "spring and summer of 2020"), ("strike-y", "dateText", "late March 2021")}
    # a date as precise as the words: they add nothing
    assert literals(proposer, "Drones hit the depots in late March 2021.", [("strike-y", "date", "2021-03-28")]) == set()


def test_no_season_for_an_event_other_documents_date_to_the_day(proposer):
    proposer.events.add("strike-x", "date", "2020-06-14")
    assert literals(proposer, "Drones hit the depots in the summer of 2020.", [("strike-x", "date", "2020")]) == set()


def test_the_sect_in_an_actors_name_or_bracketed_before_it(proposer):
    from kg.sect_cues import named_sects

    proposer.types.update({"militias": LB + "Militia", "badr": LB + "Militia"})
    text = "Iran arms Shi’ite militias in Syria and the [Shiite] Badr Organization, and Iran sends them money."
    nodes = nodes_of(proposer, text, {"Shi’ite militias": "militias", "Badr Organization": "badr", "Iran": "iran", "Syria": "syria"})
    assert {(f.subject, f.property, f.object) for f in named_sects(proposer, text, nodes)} \
        == {("militias", "sect", "shia"), ("badr", "sect", "shia")}


def test_the_facilities_listed_after_a_crossing(proposer):
    from kg.facility_cues import facilities

    text = "Work began at the border crossing site, including for customs halls, parking lots and fuel tanks."
    found = facilities(proposer, text, nodes_of(proposer, text, {"border crossing": "border-crossing"}))
    assert {(f.subject, f.property, f.object) for f in found} == {
        ("border-crossing", "facility", "customs halls"), ("border-crossing", "facility", "parking lots"),
        ("border-crossing", "facility", "fuel tanks")}
    # a list of names is a list of other entities
    text = "Iran supplies the border crossing, including IRGC bases in Syria and Hezbollah."
    assert facilities(proposer, text, nodes_of(proposer, text, {"border crossing": "border-crossing"})) == []


def test_a_title_keeps_the_plain_words_of_the_force_it_names(proposer):
    from .test_suggest_parts import facts_of

    proposer.types.update({"iraqi-navy": LB + "StateForce", "tribal-council": LB + "GovernmentBody", "rahmoun": LB + "Person"})
    # "Iraqi navy" is described, not a proper name: it stays in the title, and its commander commands it
    text = "Present was Iraqi navy commander Mohammed al-Rahmoun."
    found = facts_of(proposer, text, {"Iraqi navy": "iraqi-navy", "Mohammed al-Rahmoun": "rahmoun"})
    assert {("rahmoun", "title", "Iraqi navy commander"), ("rahmoun", "commands", "iraqi-navy")} <= found
    # a proper name before the title's noun is a body of its own: the title is the noun
    text = "Present was Tribal Council spokesman Mohammed al-Rahmoun."
    found = facts_of(proposer, text, {"Tribal Council": "tribal-council", "Mohammed al-Rahmoun": "rahmoun"})
    assert {("rahmoun", "title", "spokesman"), ("rahmoun", "memberOf", "tribal-council")} <= found


def test_why_a_sanction_was_imposed(proposer):
    sanction = [("sanction-x", "date", "2021-03-02"), ("sanction-x", "sanctionTarget", "kataib-hezbollah")]
    assert literals(proposer, "On March 2 the EU sanctioned three commanders who were involved in moving rockets to Syria.", sanction) \
        == {("sanction-x", "grounds", "involved in moving rockets to Syria")}
    # the sentence after the sanction's
    assert literals(proposer, "The three were also accused of recruiting fighters.", [], sanction) \
        == {("sanction-x", "grounds", "recruiting fighters")}
    # an accusation with no sanction given
    assert literals(proposer, "The group has been accused of attacking convoys.", [], [("strike-x", "date", "2020")]) == set()


def test_an_abbreviated_rank_before_a_name_is_a_title(proposer):
    from kg.rank_cues import ranks

    proposer.types["rahmoun"] = LB + "Person"
    text = "the navy's chief of staff Maj. Gen. Mohammed al-Rahmoun said, and Mohammed al-Rahmoun left."
    found = ranks(proposer, text, nodes_of(proposer, text, {"Mohammed al-Rahmoun": "rahmoun"}))
    assert [(f.subject, f.property, f.object) for f in found] == [("rahmoun", "title", "Maj. Gen.")]


def test_a_route_worded_by_its_mode_is_the_registers_one_of_that_kind(proposer):
    from kg.mode_routes import mode_routes

    proposer.types["sea-route"] = LB + "SeaRoute"

    def found(text):
        return {(f.subject, f.property, f.object) for f in mode_routes(proposer, text)}

    assert found("Iran could cut its reliance on dangerous aerial and naval routes.") == {
        ("air-bridge", "mode", "air"), ("air-bridge", "limitation", "risk"),
        ("sea-route", "mode", "sea"), ("sea-route", "limitation", "risk")}
    # an advantage, then past "but" a limitation (the point of "U.S." ends no clause)
    assert found("Cargo ships carry more goods than trucks, but the U.S. Navy has interdicted several of them.") == {
        ("sea-route", "mode", "sea"), ("sea-route", "advantage", "capacity"), ("sea-route", "limitation", "interdiction")}
    # planes that strike carry nothing: no air bridge
    assert found("Israeli planes struck the depot.") == set()
    # two routes of one kind in the register: the words could be either
    proposer.types["gulf-sea-route"] = LB + "SeaRoute"
    assert found("Iran avoids naval routes.") == set()


def test_what_a_declaration_made_a_thing_and_the_bills_an_event_counts(proposer):
    proposer.types["vote-x"] = LB + "Event"
    declared = [("report-x", "agent", "iran")]
    assert literals(proposer, "Farmers say the militia keeps them out by declaring the valley a closed military zone.", declared) \
        == {("report-x", "topic", "a closed military zone")}
    bills = [("vote-x", "quantity", {"value": 3, "qualifier": "exactly", "unit": "bill", "verbatim": "three bills"})]
    assert literals(proposer, "The parliament will debate three bills that would end the mission – a test for the cabinet.", bills) \
        == {("vote-x", "topic", "three bills that would end the mission")}
    # counted things that are no documents
    farms = [("vote-x", "quantity", {"value": 30, "qualifier": "exactly", "unit": "farm", "verbatim": "30 farms"})]
    assert literals(proposer, "The militia holds 30 farms that once fed the town.", farms) == set()


def test_a_crossing_or_base_whose_construction_is_under_way(proposer):
    from kg.status_cues import construction_statuses

    proposer.types["depot"] = LB + "MilitaryBase"

    def found(text, names):
        return {(f.subject, f.property, f.object) for f in construction_statuses(proposer, text, nodes_of(proposer, text, names))}

    assert found("Photos show that construction at a “Hamza” base is still ongoing.", {"Hamza": "depot"}) \
        == {("depot", "status", "underConstruction")}
    assert found("Images show continued construction at the border crossing.", {"border crossing": "border-crossing"}) \
        == {("border-crossing", "status", "underConstruction")}
    # construction that is over, or no word of it going on
    assert found("Photos show that construction at a “Hamza” base was completed.", {"Hamza": "depot"}) == set()
    assert found("The construction of the border crossing is not yet decided.", {"border crossing": "border-crossing"}) == set()


def test_the_kind_of_a_strike_and_that_no_one_is_named_for_it(proposer):
    from kg.propose import Proposed
    from kg.strike_cues import strike_facts

    def found(text, facts):
        return {(f.subject, f.property, f.object) for f in strike_facts(proposer, text, [Proposed(*f, "") for f in facts])}

    assert found("Unexplained air strikes hit the depots in the spring of 2020.", [("strike-x", "date", "2020")]) \
        == {("strike-x", "strikeType", "airStrike"), ("strike-x", "attributionStatus", "unattributed")}
    # a perpetrator named, or two kinds of strike in the sentence
    named = [("strike-x", "date", "2020"), ("strike-x", "perpetrator", "israel")]
    assert found("Alleged Israeli air strikes hit the depots in 2020.", named) == {("strike-x", "strikeType", "airStrike")}
    assert found("Air strikes and rockets hit the depots in 2020.", [("strike-x", "date", "2020")]) == set()
    # a strike of the register that other documents date to the month: the year alone may be another strike's
    proposer.events.add("strike-x", "date", "2020-06")
    assert found("Unexplained air strikes hit the depots in 2020.", [("strike-x", "date", "2020")]) == set()
