"""Routes a text describes rather than names, on hand-made sentences: which register route a description is, and the facts
the sentence states of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.namespaces import LB

from .test_suggest_parts import nodes_of

# A small register: two routes between the same towns, told apart by the place each passes.
ENTRIES = [
    ("homs", "Settlement", "Homs"), ("aleppo", "Settlement", "Aleppo"), ("hama", "Settlement", "Hama"),
    ("salamiyah", "Settlement", "Salamiyah"), ("orontes-valley", "Region", "Orontes Valley"),
    ("hama-crossing", "OfficialCrossing", "Hama crossing"), ("salamiyah-crossing", "OfficialCrossing", "Salamiyah border crossing"),
    ("north-border", "Border", "Northern border"), ("turkey", "Country", "Turkey"), ("fuel", "Commodity", "fuel"),
    ("turkish-forces", "StateForce", "Turkey forces"),
    ("route-via-hama", "Road", "Homs–Aleppo route via Hama"), ("route-via-salamiyah", "Road", "Homs–Aleppo route via Salamiyah"),
]


@pytest.fixture
def book():
    """A fresh reading of the routes for each test, with what another document says of one route."""
    from kg.compare import Known
    from kg.described_routes import DescribedRoutes
    from kg.event_index import EventIndex
    from kg.mentions import Matcher
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT
    from kg.propose import Proposer
    from kg.register import Entity

    ontology = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")
    entities = {i: Entity(i, LB + cls, label, (label,), "", Path("register.yaml"), None) for i, cls, label in ENTRIES}
    proposer = Proposer(ontology, {e.id: e.type for e in entities.values()}, EventIndex(ontology))
    known = Known()
    known.by_subject_property[("salamiyah-crossing", "onBorder")].append(("north-border", "x-001"))
    return DescribedRoutes(proposer, entities, known, Matcher(entities))


def facts(book, text, names, demonyms=None):
    found = book.facts(text, nodes_of(book.proposer, text, names, demonyms))
    return {(f.subject, f.property, f.object if isinstance(f.object, str) else (f.object["place"], f.object["sequence"]))
            for f in found}


def test_two_routes_between_two_places_and_each_told_apart(book):
    assert facts(book, "Between Homs and Aleppo there are two main overland routes.", {"Homs": "homs", "Aleppo": "aleppo"}) == {
        ("route-via-hama", "origin", "homs"), ("route-via-hama", "destination", "aleppo"), ("route-via-hama", "mode", "land"),
        ("route-via-salamiyah", "origin", "homs"), ("route-via-salamiyah", "destination", "aleppo"),
        ("route-via-salamiyah", "mode", "land"), ("route-via-hama", "alternativeTo", "route-via-salamiyah")}
    # the place it passes tells which of the two "one" is; its stops in order from start to end
    assert facts(book, "One is shorter and runs from Homs to Aleppo through the Hama crossing.",
                 {"Homs": "homs", "Aleppo": "aleppo", "Hama crossing": "hama-crossing"}) == {
        ("route-via-hama", "origin", "homs"), ("route-via-hama", "destination", "aleppo"),
        ("route-via-hama", "advantage", "distance"), ("route-via-hama", "passesThrough", "hama-crossing"),
        ("route-via-hama", "hasWaypoint", ("homs", 1)), ("route-via-hama", "hasWaypoint", ("hama-crossing", 2)),
        ("route-via-hama", "hasWaypoint", ("aleppo", 3))}
    # "the other" is the one left; crossing the border at a town passes the one crossing there and its border
    assert facts(book, "The other route is longer and runs from Homs through the Orontes Valley and crosses the border at Salamiyah.",
                 {"Homs": "homs", "Orontes Valley": "orontes-valley", "Salamiyah": "salamiyah"}) == {
        ("route-via-salamiyah", "limitation", "distance"), ("route-via-salamiyah", "passesThrough", "salamiyah-crossing"),
        ("route-via-salamiyah", "passesThrough", "north-border"), ("route-via-salamiyah", "hasWaypoint", ("homs", 1)),
        ("route-via-salamiyah", "hasWaypoint", ("orontes-valley", 2)), ("route-via-salamiyah", "hasWaypoint", ("salamiyah", 3))}
    # the word the text said of a route finds it again; "it is the only … route" is the same route
    assert facts(book, "The longer route matters because it is the only land route that can be used to move fuel.", {"fuel": "fuel"}) == {
        ("route-via-salamiyah", "limitation", "distance"), ("route-via-salamiyah", "mode", "land"),
        ("route-via-salamiyah", "cargo", "fuel")}
    # "the route" right after is the route described last; the actor before the cue cannot use it
    assert facts(book, "However, Turkey cannot make logistic use of the route for now.", {"Turkey": "turkey"}) == {
        ("route-via-salamiyah", "cannotBeUsedBy", "turkey")}
    # the subject of the main clause uses the route a clause opens on using; the limitation its clause gives
    assert facts(book, "Although using the route presents security risks (because of raids), Turkey favours it.", {"Turkey": "turkey"}) \
        == {("route-via-salamiyah", "usedBy", "turkey"), ("route-via-salamiyah", "limitation", "security")}


def test_a_route_from_one_place_to_another_opened(book):
    text = "Taking Hama, the militias opened the first land route from Homs to Aleppo that did not cross terrain held by Turkey."
    assert facts(book, text, {"Hama": "hama", "Homs": "homs", "Aleppo": "aleppo", "Turkey": "turkey"}) == {
        ("route-via-hama", "origin", "homs"), ("route-via-hama", "destination", "aleppo"), ("route-via-hama", "mode", "land"),
        ("route-via-hama", "status", "open"), ("route-via-hama", "passesThrough", "hama"),
        ("route-via-hama", "avoidsTerrainOf", "turkey")}


def test_no_route_where_the_description_fits_several_or_none(book):
    # both routes run from Homs to Aleppo and the sentence names no place only one passes
    assert facts(book, "The first land route from Homs to Aleppo was opened.", {"Homs": "homs", "Aleppo": "aleppo"}) == set()
    # three routes said, two in the register; "the route" with none described before it; "the other" with no pair
    assert facts(book, "Between Homs and Aleppo there are three routes.", {"Homs": "homs", "Aleppo": "aleppo"}) == set()
    assert facts(book, "Turkey cannot use the route.", {"Turkey": "turkey"}) == set()
    assert facts(book, "The other route is longer.", {}) == set()
    # a country's troops are not the country whose terrain a route avoids, but the register's forces of the country
    text = "It was the first land route from Homs to Aleppo through Hama that did not cross terrain held by Turkey troops."
    found = facts(book, text, {"Homs": "homs", "Aleppo": "aleppo", "Hama": "hama", "Turkey": "turkey"})
    assert ("route-via-hama", "avoidsTerrainOf", "turkey") not in found
    assert ("route-via-hama", "avoidsTerrainOf", "turkish-forces") in found


def uses(proposer, text, names):
    from kg.route_uses import route_uses

    return {(f.subject, f.property, f.object) for f in route_uses(proposer, text, nodes_of(proposer, text, names))}


@pytest.fixture
def proposer():
    from kg.event_index import EventIndex
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT
    from kg.propose import Proposer

    ontology = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")
    types = {"turkey": LB + "Country", "road-link": LB + "LandBridge", "air-link": LB + "AirBridge", "sea-link": LB + "SeaRoute",
             "fuel": LB + "Commodity", "grain": LB + "Commodity"}
    return Proposer(ontology, types, EventIndex(ontology))


def test_who_relies_on_a_route_worded_by_its_mode_and_what_it_carries(proposer):
    assert uses(proposer, "Turkey has long relied on cargo planes for the transport of fuel and grain.",
                {"Turkey": "turkey", "fuel": "fuel", "grain": "grain"}) == {
        ("air-link", "usedBy", "turkey"), ("air-link", "cargo", "fuel"), ("air-link", "cargo", "grain")}
    # the route that lets the actor rely less on others is their alternative, and one it uses
    assert uses(proposer, "Turkey hopes the road link will let it reduce its reliance on costly sea and air routes.",
                {"Turkey": "turkey", "road link": "road-link"}) == {
        ("sea-link", "usedBy", "turkey"), ("air-link", "usedBy", "turkey"), ("road-link", "usedBy", "turkey"),
        ("road-link", "alternativeTo", "sea-link"), ("road-link", "alternativeTo", "air-link")}


def test_no_use_without_a_route_of_the_mode_or_a_word_of_relying(proposer):
    assert uses(proposer, "Turkey, despite its dependence on foreign loans, grew.", {"Turkey": "turkey"}) == set()
    assert uses(proposer, "Turkey sent cargo planes to carry fuel.", {"Turkey": "turkey", "fuel": "fuel"}) == set()
    # goods named apart from the vehicles are not said to be carried by them
    assert uses(proposer, "Turkey relied on aircraft, and fuel prices rose.", {"Turkey": "turkey", "fuel": "fuel"}) == {
        ("air-link", "usedBy", "turkey")}


def ends(proposer, text, names):
    from kg.route_ends import route_ends

    return {(f.subject, f.property, f.object) for f in route_ends(proposer, text, nodes_of(proposer, text, names))}


def test_where_a_named_route_starts_and_ends(proposer):
    proposer.types.update({"greece": LB + "Country", "black-sea": LB + "WaterBody", "crete": LB + "Region"})
    assert ends(proposer, "The road link Turkey hopes to build between its territory and the Black Sea is costly.",
                {"road link": "road-link", "Turkey": "turkey", "Black Sea": "black-sea"}) == {
        ("road-link", "origin", "turkey"), ("road-link", "destination", "black-sea")}
    assert ends(proposer, "The road link from Turkey to Greece was shown on a map.",
                {"road link": "road-link", "Turkey": "turkey", "Greece": "greece"}) == {("road-link", "origin", "turkey")}
    assert ends(proposer, "The sea link between Crete and the Black Sea is busy.",
                {"sea link": "sea-link", "Crete": "crete", "Black Sea": "black-sea"}) == {
        ("sea-link", "origin", "crete"), ("sea-link", "destination", "black-sea")}


def test_no_ends_where_the_words_are_about_something_else(proposer):
    proposer.types.update({"greece": LB + "Country", "black-sea": LB + "WaterBody"})
    # "from" that is not right after the route; "between" past the clause
    assert ends(proposer, "The road link let Turkey ship fuel from Greece.", {"road link": "road-link", "Turkey": "turkey",
                                                                               "fuel": "fuel", "Greece": "greece"}) == set()
    assert ends(proposer, "The road link is costly, but trade between Turkey and Greece grew.",
                {"road link": "road-link", "Turkey": "turkey", "Greece": "greece"}) == set()
    # "its territory" with two countries it could be
    assert ends(proposer, "The road link Turkey and Greece plan between its territory and the Black Sea.",
                {"road link": "road-link", "Turkey": "turkey", "Greece": "greece", "Black Sea": "black-sea"}) == set()


def users(proposer, text, names):
    from kg.route_users import route_users

    return {(f.subject, f.property, f.object) for f in route_users(proposer, text, nodes_of(proposer, text, names))}


def test_who_uses_a_route_and_the_bypass_roads_a_text_describes(proposer):
    proposer.types.update({"smugglers": LB + "Militia", "guards": LB + "Militia", "greece": LB + "Country",
                           "dirt-tracks": LB + "BypassRoad", "east-gate": LB + "OfficialCrossing"})
    assert users(proposer, "Since May, Turkey and its allies have used back roads in the hills to send fuel into Greece.",
                 {"Turkey": "turkey", "fuel": "fuel", "Greece": "greece"}) == {
        ("dirt-tracks", "usedBy", "turkey"), ("dirt-tracks", "cargo", "fuel"), ("dirt-tracks", "destination", "greece")}
    assert users(proposer, "The smugglers are still using the East Gate.", {"smugglers": "smugglers", "East Gate": "east-gate"}) \
        == {("east-gate", "usedBy", "smugglers")}


def test_no_user_that_is_not_the_subject_or_no_one_bypass_road(proposer):
    proposer.types.update({"smugglers": LB + "Militia", "east-gate": LB + "OfficialCrossing"})
    # the actor qualifies another noun; the actor is the object of another verb
    assert users(proposer, "Gangs linked to the smugglers may exploit the East Gate.",
                 {"smugglers": "smugglers", "East Gate": "east-gate"}) == set()
    assert users(proposer, "Police stopped the smugglers and used the East Gate.",
                 {"smugglers": "smugglers", "East Gate": "east-gate"}) == set()
    # the register has no bypass road, or two
    assert users(proposer, "Turkey has used back roads.", {"Turkey": "turkey"}) == set()
    proposer.types.update({"dirt-tracks": LB + "BypassRoad", "goat-paths": LB + "BypassRoad"})
    assert users(proposer, "Turkey has used back roads.", {"Turkey": "turkey"}) == set()


def test_the_stops_of_a_named_route_in_the_order_the_document_gives_them(proposer):
    from kg.compare import Known
    from kg.route_stops import RouteStops

    proposer.types.update({"greece": LB + "Country", "bulgaria": LB + "Country", "serbia": LB + "Country",
                           "kapitan-andreevo": LB + "Settlement", "andreevo-crossing": LB + "OfficialCrossing"})
    known = Known()
    for place in ("greece", "bulgaria", "kapitan-andreevo"):
        known.by_subject_property[("andreevo-crossing", "connects")].append((place, "x-001"))
    stops = RouteStops(proposer, known)

    def waypoints(text, names):
        return {(f.subject, f.object["place"], f.object["sequence"]) for f in stops.facts(text, nodes_of(proposer, text, names))}

    # no origin yet: the order is kept, nothing proposed
    assert waypoints("It will serve as a road link through Greece to Bulgaria and from there to Serbia.",
                     {"road link": "road-link", "Greece": "greece", "Bulgaria": "bulgaria", "Serbia": "serbia"}) == set()
    # the origin first, the crossing between the two places it connects, numbered in the merged order
    assert waypoints("The road link from Turkey to Bulgaria and from Bulgaria to Serbia through the Kapitan-Andreevo border crossing.",
                     {"road link": "road-link", "Turkey": "turkey", "Bulgaria": "bulgaria", "Serbia": "serbia",
                      "Kapitan-Andreevo": "kapitan-andreevo"}) == {
        ("road-link", "turkey", 1), ("road-link", "andreevo-crossing", 3), ("road-link", "bulgaria", 4), ("road-link", "serbia", 5)}


def test_no_stops_from_the_places_of_another_thing(proposer):
    from kg.compare import Known
    from kg.route_stops import RouteStops

    proposer.types.update({"greece": LB + "Country", "east-gate": LB + "OfficialCrossing", "edirne": LB + "Settlement",
                           "kesan": LB + "Settlement"})
    stops = RouteStops(proposer, Known())
    text = "Smugglers use the road link to get around the East Gate from Edirne to Kesan."
    assert stops.facts(text, nodes_of(proposer, text, {"road link": "road-link", "East Gate": "east-gate", "Edirne": "edirne",
                                                       "Kesan": "kesan"})) == []


def test_a_route_leads_to_the_last_of_the_places_it_goes_into(proposer):  # kg.route_cues
    from kg.route_cues import route_facts

    proposer.types.update({"greece": LB + "Country", "bulgaria": LB + "Country", "serbia": LB + "Country"})

    def destinations(text, names):
        return {f.object for f in route_facts(proposer, text, nodes_of(proposer, text, names)) if f.property == "destination"}

    names = {"road link": "road-link", "Greece": "greece", "Bulgaria": "bulgaria", "Serbia": "serbia"}
    assert destinations("The road link stretching across Greece into Bulgaria and Serbia is new.", names) == {"serbia"}
    assert destinations("The road link stretching across Greece into Bulgaria, while Serbia waits.", names) == {"bulgaria"}
    text = "The road link stretching across Greece into Bulgaria and Serbia is new."
    assert ("road-link", "passesThrough", "bulgaria") in {(f.subject, f.property, f.object)
                                                          for f in route_facts(proposer, text, nodes_of(proposer, text, names))}
    # the places of another name after the route are that name's
    from kg.propose import Node

    text = "Smugglers use the road link to get around the crossing from Greece to Bulgaria."
    nodes = nodes_of(proposer, text, {"road link": "road-link", "Greece": "greece", "Bulgaria": "bulgaria"})
    at = text.index("crossing from")
    nodes.append(Node(at, text.index("Bulgaria") + len("Bulgaria"), "border-crossing", LB + "Crossing", text[at:-1], "reference"))
    assert not [f for f in route_facts(proposer, text, sorted(nodes, key=lambda n: n.start)) if f.property == "destination"]
