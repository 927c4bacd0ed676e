"""kg suggest on what a route's own words say of it and what passes through it, on hand-made sentences: a road's name
gives no mode, a group does not pass through a place (its shipments do)."""

from kg.route_cues import route_facts

from .test_suggest_parts import facts_of, proposer_of, rule_facts

TYPES = {"x-road": "Road", "x-route": "Route", "x-crossing": "OfficialCrossing", "x-group": "Militia", "x-moves": "Transfer"}


def test_a_road_route_is_a_land_route_but_a_road_has_no_mode_by_its_name():
    assert ("x-route", "mode", "land") in rule_facts(route_facts, TYPES, "The road route still carries most of the traffic.",
                                                     {"road route": "x-route"})
    road = {"road to the Tal Sabr gate": "x-road"}
    assert not {f for f in rule_facts(route_facts, TYPES, "The road to the Tal Sabr gate was busy.", road) if f[1] == "mode"}


def test_a_transfer_passes_through_a_crossing_and_a_group_does_not():
    proposer = proposer_of(TYPES)
    names = {"the Green Brigade": "x-group", "Tal Sabr crossing": "x-crossing"}
    assert not facts_of(proposer, "Shipments for the Green Brigade through the Tal Sabr crossing rose.", names)
    names = {"the shipments": "x-moves", "Tal Sabr crossing": "x-crossing"}
    assert ("x-moves", "passesThrough", "x-crossing") in facts_of(proposer, "They sent the shipments through the Tal Sabr crossing.", names)


def test_a_bearing_from_a_place_says_the_two_lie_close():
    types = {"x-depot": "Installation", "x-town": "Settlement", "x-crossing": "OfficialCrossing", "x-group": "Militia"}
    proposer = proposer_of(types)
    names = {"the Nur depot": "x-depot", "Beit Zarqa": "x-town"}
    assert ("x-depot", "near", "x-town") in facts_of(proposer, "Guards moved to the Nur depot, 12 km south-east of Beit Zarqa.", names)
    assert ("x-depot", "near", "x-town") in facts_of(proposer, "the Nur depot just north of the village of Beit Zarqa", names)
    names = {"the Green Brigade": "x-group", "Beit Zarqa": "x-town"}
    assert not facts_of(proposer, "the Green Brigade, west of Beit Zarqa, ...", names)  # a group is not a place
    names = {"the Nur depot": "x-depot", "Beit Zarqa": "x-town"}
    assert ("x-depot", "near", "x-town") not in facts_of(proposer, "the Nur depot sent lorries south of Beit Zarqa", names)


def test_a_town_facing_another_lies_next_to_it():
    types = {"tal-sabr": "Settlement", "nur": "Settlement", "x-group": "Militia"}
    proposer = proposer_of(types)
    names = {"Tal Sabr": "tal-sabr", "Nur": "nur"}
    assert ("tal-sabr", "adjacentTo", "nur") in facts_of(proposer, "Tal Sabr faces the Jordanian town of Nur across the river.", names)
    assert not facts_of(proposer, "the Green Brigade faces Nur", {"the Green Brigade": "x-group", "Nur": "nur"})


def test_a_place_is_near_a_border_but_a_border_is_not_near_a_place():
    proposer = proposer_of({"x-border": "Border", "tal-sabr": "Settlement"})
    assert not facts_of(proposer, "Trucks cross the northern border at Tal Sabr.", {"northern border": "x-border", "Tal Sabr": "tal-sabr"})
    assert ("tal-sabr", "near", "x-border") in facts_of(proposer, "Tal Sabr lies near the northern border.",
                                                        {"northern border": "x-border", "Tal Sabr": "tal-sabr"})


def test_what_a_crossing_carries_but_not_under_a_denial():
    types = {"x-crossing": "OfficialCrossing", "arms": "Commodity", "x-group": "Militia"}
    names = {"Tal Sabr crossing": "x-crossing", "arms": "arms"}
    assert ("x-crossing", "cargo", "arms") in rule_facts(route_facts, types, "Smugglers use the Tal Sabr crossing to move arms.", names)
    text = "The brigade denies that it uses the Tal Sabr crossing to move arms."
    assert ("x-crossing", "cargo", "arms") not in rule_facts(route_facts, types, text, names)
