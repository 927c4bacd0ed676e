"""kg suggest's relations between named things past a parenthetical, to both sides of a border and to the area between
two places (kg.state_cues), on hand-made sentences."""

from __future__ import annotations

import pytest

from kg.namespaces import LB
from kg.state_cues import state_facts

TYPES = {"iran": "Country", "iraq": "Country", "syria": "Country", "al-qaim": "Settlement", "albu-kamal": "Settlement",
         "kataib-hezbollah": "Militia", "nujaba": "Militia", "valley": "Region", "iraqi-side": "Region", "syrian-side": "Region",
         "strip": "Region", "bypass-roads": "BypassRoad", "militias": "Militia"}
LABELS = {"iraqi-side": "Iraqi side of the Iraq–Syria border", "syrian-side": "Syrian side of the Iraq–Syria border",
          "strip": "Border strip between al-Qaim and Albu Kamal", "al-qaim": "al-Qaim", "albu-kamal": "Albu Kamal"}


@pytest.fixture(scope="module")
def ontology():
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT

    return load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")


@pytest.fixture
def proposer(ontology):
    from kg.event_index import EventIndex
    from kg.propose import Proposer

    return Proposer(ontology, {k: LB + v for k, v in TYPES.items()}, EventIndex(ontology))


def nodes_of(proposer, text: str, names: dict[str, str]):
    from kg.propose import Node

    return sorted((Node(text.index(w), text.index(w) + len(w), i, proposer.types[i], w) for w, i in names.items()),
                  key=lambda n: n.start)


def facts(proposer, text: str, names: dict[str, str], labels=LABELS) -> set[tuple]:
    return {(f.subject, f.property, f.object) for f in state_facts(proposer, text, nodes_of(proposer, text, names), labels)}


def test_what_a_sentence_says_of_a_name_past_an_appositive_and_where_the_appositive_places_it(proposer):
    text = "Harakat al-Nujaba, [one of the larger militias in Syria], has [long] maintained a presence in the Euphrates valley."
    found = facts(proposer, text, {"Harakat al-Nujaba": "nujaba", "Syria": "syria", "Euphrates valley": "valley"})
    assert found == {("nujaba", "hasPresenceIn", "syria"), ("nujaba", "hasPresenceIn", "valley")}


def test_an_appositive_that_places_nothing_gives_no_presence(proposer):
    text = "Harakat al-Nujaba, a group that Syria tolerates, moved on."
    assert facts(proposer, text, {"Harakat al-Nujaba": "nujaba", "Syria": "syria"}) == set()


def test_forces_that_remained_in_a_place_past_a_participle_are_deployed_there(proposer):
    text = "Kataib Hezbollah, trained by Iran and armed by its advisers, remained in the Euphrates valley after the battle."
    assert facts(proposer, text, {"Kataib Hezbollah": "kataib-hezbollah", "Iran": "iran", "Euphrates valley": "valley"}) == {
        ("kataib-hezbollah", "deployedIn", "valley")}
    # what follows the participle says nothing of where the group is
    text = "Kataib Hezbollah, trained by Iran and armed by its advisers, praised the Euphrates valley tribes."
    assert facts(proposer, text, {"Kataib Hezbollah": "kataib-hezbollah", "Iran": "iran", "Euphrates valley": "valley"}) == set()


def test_both_sides_of_the_border_are_the_registers_two_sides(proposer):
    text = "Kataib Hezbollah, which is now deployed on both sides of the border, grew stronger."
    assert facts(proposer, text, {"Kataib Hezbollah": "kataib-hezbollah"}) == {
        ("kataib-hezbollah", "deployedIn", "iraqi-side"), ("kataib-hezbollah", "deployedIn", "syrian-side")}
    # a register with one side only: "both sides" is not that one
    one_side = {k: v for k, v in LABELS.items() if k != "syrian-side"}
    assert facts(proposer, text, {"Kataib Hezbollah": "kataib-hezbollah"}, one_side) == set()


def test_groups_that_keep_forces_on_both_sides_of_the_border_are_deployed_on_each(proposer):
    text = "Kataib Hezbollah and Harakat al-Nujaba have kept forces on both sides of the border for years."
    names = {"Kataib Hezbollah": "kataib-hezbollah", "Harakat al-Nujaba": "nujaba"}
    assert facts(proposer, text, names) == {(g, "deployedIn", side) for g in ("kataib-hezbollah", "nujaba")
                                            for side in ("iraqi-side", "syrian-side")}
    text = "Kataib Hezbollah and Harakat al-Nujaba have lost men on both sides of the border."
    assert facts(proposer, text, names) == set()


def test_the_area_between_two_towns_is_the_registers_place_near_both(proposer):
    text = "Iran patrols the area between al-Qaim in Iraq and Albu Kamal in Syria."
    names = {"Iran": "iran", "al-Qaim": "al-qaim", "Iraq": "iraq", "Albu Kamal": "albu-kamal", "Syria": "syria"}
    # near each town; not in either country, which only one of the towns is in
    assert facts(proposer, text, names) == {("strip", "near", "al-qaim"), ("strip", "near", "albu-kamal")}
    assert facts(proposer, text, names, {k: v for k, v in LABELS.items() if k != "strip"}) == set()


def test_a_route_an_actor_is_using(proposer):
    text = "Shiite militias are using the bypass roads."
    found = proposer.relations(text, nodes_of(proposer, text, {"Shiite militias": "militias", "bypass roads": "bypass-roads"}))
    assert {(f.subject, f.property, f.object) for f in found} == {("bypass-roads", "usedBy", "militias")}


def test_a_border_crossing_is_on_the_border_of_the_countries_it_connects(proposer):
    from kg.propose import Proposed
    from kg.state_cues import crossing_borders

    proposer.types.update({"crossing": LB + "OfficialCrossing", "border": LB + "Border", "triangle": LB + "Border"})
    labels = {**LABELS, "iraq": "Iraq", "syria": "Syria", "border": "Iraq–Syria border", "triangle": "Iraq–Jordan–Syria border triangle"}
    text = "Iraq reopened the border crossing with Syria."
    nodes = nodes_of(proposer, text, {"border crossing": "crossing", "Syria": "syria"})
    connects = [Proposed("crossing", "connects", "syria", "")]
    found = crossing_borders(proposer, text, nodes, connects, labels)
    assert [(f.subject, f.property, f.object) for f in found] == [("crossing", "onBorder", "border")]
    # a crossing the sentence does not call a border crossing, or one it joins to no country, is left alone
    plain = "Iraq reopened the crossing with Syria."
    assert crossing_borders(proposer, plain, nodes_of(proposer, plain, {"crossing": "crossing"}), connects, labels) == []
    assert crossing_borders(proposer, text, nodes, [], labels) == []


def test_the_unit_a_commanders_title_names_not_the_body_in_the_possessive(proposer):
    from kg.propose import Proposed
    from kg.state_cues import title_bodies

    proposer.types.update({"soleimani": LB + "Person", "irgc": LB + "StateForce", "quds-force": LB + "MilitaryUnit"})
    text = "Qassem Soleimani, commander of the IRGC's Qods Force, arrived."
    nodes = nodes_of(proposer, text, {"Qassem Soleimani": "soleimani", "IRGC": "irgc", "Qods Force": "quds-force"})
    title = Proposed("soleimani", "title", "commander of the IRGC's Qods Force", "")
    found = title_bodies(proposer, text, nodes, [title])
    assert [(f.subject, f.property, f.object) for f in found] == [("soleimani", "commands", "quds-force")]
    # a title of no command names no body the person commands
    envoy = "Qassem Soleimani, envoy of the IRGC, arrived."
    nodes = nodes_of(proposer, envoy, {"Qassem Soleimani": "soleimani", "IRGC": "irgc"})
    assert title_bodies(proposer, envoy, nodes, [Proposed("soleimani", "title", "envoy of the IRGC", "")]) == []


def test_a_border_a_country_adjective_or_with_sets_apart_is_the_one_other_documents_say_joins_it(ontology):
    from kg.propose import Node
    from kg.reference import Salience, descriptions

    types = {"israels-borders": LB + "Border", "iraq-syria-border": LB + "Border", "triangle": LB + "Border",
             "iraq": LB + "Country", "syria": LB + "Country"}
    joins = {"iraq-syria-border": {"iraq", "syria"}, "triangle": {"iraq", "syria", "jordan"}}
    named = [Node(0, 5, "israels-borders", types["israels-borders"], "Israel's borders")] * 3  # the border the document names most

    def resolved(text, nodes):
        salience = Salience(ontology, types, named, joins)
        return [(n.words, n.id) for n in descriptions(text, nodes, salience)]

    text = "The town lies near the Syrian border."
    syrian = Node(text.index("Syrian"), text.index("Syrian") + 6, "syria", types["syria"], "Syrian", "demonym")
    assert resolved(text, [syrian]) == [("the Syrian border", "iraq-syria-border")]
    text = "The town lies near the border with Iraq."
    iraq = Node(text.index("Iraq"), text.index("Iraq") + 4, "iraq", types["iraq"], "Iraq")
    assert resolved(text, [iraq]) == [("the border", "iraq-syria-border")]
    assert resolved("The town lies near the border.", []) == [("the border", "israels-borders")]
    # "the Syrian border town of …" names a town, not the border
    text = "They reached the Syrian border town of Albu Kamal."
    syrian = Node(text.index("Syrian"), text.index("Syrian") + 6, "syria", types["syria"], "Syrian", "demonym")
    assert resolved(text, [syrian]) == []


def test_a_region_named_by_the_compass_and_a_country_is_in_it(proposer):
    from kg.state_cues import compass_regions

    proposer.types.update({"eastern-syria": LB + "Region", "west-bank": LB + "Region"})
    labels = {"syria": "Syria", "iraq": "Iraq"}
    text = "Fighters moved to eastern Syria and the West Bank."
    nodes = nodes_of(proposer, text, {"eastern Syria": "eastern-syria", "West Bank": "west-bank"})
    assert [(f.subject, f.property, f.object) for f in compass_regions(proposer, nodes, labels)] == [
        ("eastern-syria", "locatedIn", "syria")]


@pytest.mark.parametrize("text, names, expected", [
    ("Smugglers use a road built by the Islamic State.", {"road": "road", "Islamic State": "isis"}, {("road", "builtBy", "isis")}),
    ("The route Iran plans to build runs west.", {"route": "road", "Iran": "iran"}, {("road", "builtBy", "iran")}),
    ("The wall was erected with Iraqi aid.", {"wall": "wall", "Iraqi": "iraq"}, {("wall", "builtBy", "iraq")}),
    # a road that leads to a town was not built by it; an actor who merely uses the road did not build it
    ("The road Iran uses runs to Albu Kamal.", {"road": "road", "Iran": "iran", "Albu Kamal": "albu-kamal"}, set()),
])
def test_who_built_a_road_or_a_structure(proposer, text, names, expected):
    from kg.state_cues import builders

    proposer.types.update({"road": LB + "Road", "isis": LB + "ArmedGroup", "wall": LB + "Barrier"})
    nodes = [replace_kind(n, "demonym") if n.words == "Iraqi" else n for n in nodes_of(proposer, text, names)]
    assert {(f.subject, f.property, f.object) for f in builders(proposer, text, nodes)} == expected


def replace_kind(node, kind):
    from dataclasses import replace

    return replace(node, kind=kind)


@pytest.mark.parametrize("text, names, expected", [
    ("Iran’s Revolutionary Guards expanded.", {"Iran": "iran", "Revolutionary Guards": "irgc"}, {("irgc", "country", "iran")}),
    ("The head of the Revolutionary Guards in Iran spoke.", {"Revolutionary Guards": "irgc", "Iran": "iran"},
     {("irgc", "country", "iran")}),
    # a foreign force in a country, and an armed group in one, are not that country's
    ("American troops in Iraq stayed.", {"American troops": "us-forces", "Iraq": "iraq"}, set()),
    ("Kataib Hezbollah in Iraq grew.", {"Kataib Hezbollah": "kataib-hezbollah", "Iraq": "iraq"}, set()),
])
def test_a_states_body_and_its_country(proposer, text, names, expected):
    from kg.state_cues import state_bodies

    proposer.types.update({"irgc": LB + "StateForce", "us-forces": LB + "StateForce"})
    assert {(f.subject, f.property, f.object) for f in state_bodies(proposer, text, nodes_of(proposer, text, names))} == expected


def test_an_actor_that_takes_part_in_securing_a_place(proposer):
    text = "Iran participates in securing the Euphrates valley."
    found = proposer.relations(text, nodes_of(proposer, text, {"Iran": "iran", "Euphrates valley": "valley"}))
    assert {(f.subject, f.property, f.object) for f in found} == {("iran", "secures", "valley")}


def test_the_allies_an_actor_supports_as_a_list_names_them(proposer):
    from kg.state_cues import allies

    proposer.types.update({"hezbollah": LB + "Militia", "irgc": LB + "StateForce"})
    text = "Iran uses the road to support its allies in the region, including IRGC units in Syria, Hezbollah and also Kataib Hezbollah."
    names = {"Iran": "iran", "IRGC": "irgc", "Syria": "syria", "Hezbollah": "hezbollah", "Kataib Hezbollah": "kataib-hezbollah"}
    nodes = nodes_of(proposer, text, names)
    # IRGC units are a thing of the IRGC's, and Syria is where they are: neither is an ally the list names
    assert {(f.subject, f.property, f.object) for f in allies(proposer, text, nodes)} == {
        ("iran", "supports", "hezbollah"), ("iran", "supports", "kataib-hezbollah")}


def test_a_route_into_one_place_and_another_passes_through_the_first_to_the_last(proposer):
    from kg.route_cues import route_facts

    proposer.types.update({"corridor": LB + "LandBridge", "lebanon": LB + "Country"})
    text = "Tehran's corridor reaching into Syria and Lebanon carries arms."
    nodes = nodes_of(proposer, text, {"corridor": "corridor", "Syria": "syria", "Lebanon": "lebanon"})
    found = {(f.subject, f.property, f.object) for f in route_facts(proposer, text, nodes) if f.property != "mode"}
    assert found == {("corridor", "passesThrough", "syria"), ("corridor", "destination", "lebanon")}


def test_a_crossing_named_by_one_town_is_the_one_other_documents_say_joins_it(proposer):
    from kg.place_cues import named_crossings

    proposer.types.update({"qaim-crossing": LB + "OfficialCrossing", "tanf-crossing": LB + "OfficialCrossing",
                           "al-tanf": LB + "Settlement"})
    proposer.events.connects.update({"qaim-crossing": {"al-qaim", "albu-kamal"}, "tanf-crossing": {"al-tanf", "syria"}})
    text = "Pills passed through the al-Qaim crossing with Syria."
    nodes = named_crossings(text, nodes_of(proposer, text, {"al-Qaim": "al-qaim", "Syria": "syria"}), proposer)
    assert [(n.words, n.id) for n in nodes if n.id.endswith("crossing")] == [("al-Qaim crossing", "qaim-crossing")]
    # a town that two crossings of the register join names neither
    text = "Pills passed through the Albu Kamal crossing."
    proposer.events.connects["other-crossing"] = {"albu-kamal"}
    proposer.types["other-crossing"] = LB + "OfficialCrossing"
    nodes = named_crossings(text, nodes_of(proposer, text, {"Albu Kamal": "albu-kamal"}), proposer)
    assert [n.id for n in nodes] == ["albu-kamal"]


def test_the_places_an_actors_areas_are_in(proposer):
    from kg.state_cues import own_places

    text = "Kataib Hezbollah moved weapons to link its positions in Iraq and Syria."
    nodes = nodes_of(proposer, text, {"Kataib Hezbollah": "kataib-hezbollah", "Iraq": "iraq", "Syria": "syria"})
    assert {(f.subject, f.property, f.object) for f in own_places(proposer, text, nodes)} == {
        ("kataib-hezbollah", "hasPresenceIn", "iraq"), ("kataib-hezbollah", "hasPresenceIn", "syria")}
    # the owner is named in the same clause
    text = "Kataib Hezbollah grew; its rivals kept their positions in Iraq."
    nodes = nodes_of(proposer, text, {"Kataib Hezbollah": "kataib-hezbollah", "Iraq": "iraq"})
    assert own_places(proposer, text, nodes) == []


def test_a_group_that_is_one_of_a_states_sponsored_groups_is_sponsored_by_it(proposer):
    from kg.propose import Proposed
    from kg.state_cues import inherited_sponsors

    text = "Kataib Hezbollah, one of the Iran-backed militias, grew."
    nodes = nodes_of(proposer, text, {"Kataib Hezbollah": "kataib-hezbollah", "Iran-backed militias": "militias"})
    facts = [Proposed("kataib-hezbollah", "partOf", "militias", ""), Proposed("iran", "sponsors", "militias", "")]
    assert [(f.subject, f.property, f.object) for f in inherited_sponsors(proposer, nodes, facts)] == [
        ("iran", "sponsors", "kataib-hezbollah")]
    # support that is not sponsorship (by a body, not a state) is not passed on
    facts = [Proposed("kataib-hezbollah", "partOf", "militias", ""), Proposed("irgc", "sponsors", "militias", "")]
    proposer.types["irgc"] = LB + "StateForce"
    assert inherited_sponsors(proposer, nodes, facts) == []


def test_where_a_route_from_one_place_to_another_starts(proposer):
    from kg.route_cues import route_facts

    proposer.types.update({"corridor": LB + "LandBridge"})
    text = "The corridor from Iraq to Syria carries arms."
    nodes = nodes_of(proposer, text, {"corridor": "corridor", "Iraq": "iraq", "Syria": "syria"})
    found = {(f.subject, f.property, f.object) for f in route_facts(proposer, text, nodes)}
    assert ("corridor", "origin", "iraq") in found and ("corridor", "destination", "syria") in found
    # arms smuggled from a place are no start of the route the sentence names before them
    text = "The corridor carries arms smuggled from Iraq to Syria."
    nodes = nodes_of(proposer, text, {"corridor": "corridor", "Iraq": "iraq", "Syria": "syria"})
    assert not [f for f in route_facts(proposer, text, nodes) if f.property == "origin"]


def test_a_border_town_is_on_the_border_of_its_adjectives_country(proposer):
    from kg.state_cues import border_towns

    proposer.types.update({"iraq-syria-border": LB + "Border", "triangle": LB + "Border"})
    proposer.events.connects.update({"iraq-syria-border": {"iraq", "syria"}, "triangle": {"iraq", "syria", "jordan"}})
    text = "Fighters reached the Syrian border town of Albu Kamal."
    nodes = nodes_of(proposer, text, {"Albu Kamal": "albu-kamal"})
    nodes = sorted(nodes + [replace_kind(nodes_of(proposer, text, {"Syrian": "syria"})[0], "demonym")], key=lambda n: n.start)
    assert [(f.subject, f.property, f.object) for f in border_towns(proposer, text, nodes)] == [
        ("albu-kamal", "onBorder", "iraq-syria-border")]
    text = "Fighters reached the Syrian town of Albu Kamal."
    nodes = sorted(nodes_of(proposer, text, {"Albu Kamal": "albu-kamal"})
                   + [replace_kind(nodes_of(proposer, text, {"Syrian": "syria"})[0], "demonym")], key=lambda n: n.start)
    assert border_towns(proposer, text, nodes) == []


def test_a_place_which_lies_near_another(proposer):
    proposer.types["euphrates"] = LB + "WaterBody"
    text = "Albu Kamal, which lies on the bank of the Euphrates near al-Qaim, grew."
    found = proposer.relations(text, nodes_of(proposer, text, {"Albu Kamal": "albu-kamal", "Euphrates": "euphrates", "al-Qaim": "al-qaim"}))
    assert ("albu-kamal", "near", "al-qaim") in {(f.subject, f.property, f.object) for f in found}


def test_the_country_a_border_is_of(proposer):
    from kg.state_cues import border_countries

    proposer.types.update({"iraq-syria-border": LB + "Border", "israels-borders": LB + "Border", "israel": LB + "Country"})
    labels = {"iraq": "Iraq", "israel": "Israel"}
    text = "Albu Kamal lies near the border with Iraq, far from Israel’s borders."
    nodes = nodes_of(proposer, text, {"the border": "iraq-syria-border", "Iraq": "iraq", "Israel’s borders": "israels-borders"})
    assert {(f.subject, f.property, f.object) for f in border_countries(proposer, text, nodes, labels)} == {
        ("iraq-syria-border", "borderOf", "iraq"), ("israels-borders", "borderOf", "israel")}


def test_a_border_whose_label_names_the_country_fits_a_description_naming_it(ontology):
    from kg.propose import Node
    from kg.reference import Salience, descriptions

    types = {"iraq-syria-border": LB + "Border", "triangle": LB + "Border", "iraq": LB + "Country", "syria": LB + "Country"}
    labels = {"iraq-syria-border": "Iraq–Syria border", "triangle": "Iraq–Jordan–Syria border triangle", "iraq": "Iraq",
              "syria": "Syria"}
    # the other documents say only that the triangle joins Syria; the border's label says it does too, and joins fewer places
    salience = Salience(ontology, types, [], {"triangle": {"iraq", "syria", "jordan"}, "iraq-syria-border": {"iraq"}}, labels)
    text = "Fighters crossed the border with Syria."
    syria = Node(text.index("Syria"), text.index("Syria") + 5, "syria", types["syria"], "Syria")
    assert [(n.words, n.id) for n in descriptions(text, [syria], salience)] == [("the border", "iraq-syria-border")]


@pytest.mark.parametrize("text, names, expected", [
    ("Al-Qaim lies just across the river opposite the town of Albu Kamal.", {"Al-Qaim": "al-qaim", "Albu Kamal": "albu-kamal"},
     ("al-qaim", "adjacentTo", "albu-kamal")),
    ("Albu Kamal, which lies on the east bank of the Euphrates, grew.", {"Albu Kamal": "albu-kamal", "Euphrates": "euphrates"},
     ("albu-kamal", "adjacentTo", "euphrates")),
])
def test_a_place_opposite_another_or_on_a_rivers_bank_is_adjacent_to_it(proposer, text, names, expected):
    proposer.types["euphrates"] = LB + "WaterBody"
    assert {(f.subject, f.property, f.object) for f in proposer.relations(text, nodes_of(proposer, text, names))} == {expected}


@pytest.mark.parametrize("text, expected", [
    ("With the corridor, Iran could ship more cargo at a lower cost.", {("corridor", "advantage", "capacity"),
                                                                         ("corridor", "advantage", "cost")}),
    ("The corridor has a limited capacity.", {("corridor", "limitation", "capacity")}),
    ("The corridor is risky.", {("corridor", "limitation", "risk")}),
    # the words of a trait before the route, or of another noun, or in another clause, are not the route's
    ("Cheaper trucks now use the corridor.", set()),
    ("The corridor cuts Iran's dependence on risky flights.", set()),
    ("The corridor opened; ships carry more cargo.", set()),
    # a drawback after "but" is the route's; an advantage after it is another thing's
    ("The corridor can carry more cargo, but the U.S. has interdicted shipments.", {("corridor", "advantage", "capacity"),
                                                                                    ("corridor", "limitation", "interdiction")}),
    ("The corridor is slow, but ships carry more cargo.", set()),
])
def test_a_routes_advantages_and_limitations(proposer, text, expected):
    from kg.route_traits import route_traits

    proposer.types["corridor"] = LB + "LandBridge"
    found = route_traits(proposer, text, nodes_of(proposer, text, {"corridor": "corridor"}))
    assert {(f.subject, f.property, f.object) for f in found} == expected


def test_a_group_and_others_collaborating_with_a_body(proposer):
    proposer.types.update({"regime": LB + "GovernmentBody", "militias": LB + "Militia"})
    text = "Kataib Hezbollah and other Iraqi militias collaborate with the regime in smuggling."
    found = proposer.relations(text, nodes_of(proposer, text, {"Kataib Hezbollah": "kataib-hezbollah", "Iraqi militias": "militias",
                                                                 "regime": "regime"}))
    assert {(f.subject, f.property, f.object) for f in found} == {("kataib-hezbollah", "collaboratesWith", "regime"),
                                                                   ("militias", "collaboratesWith", "regime")}


def test_the_sect_an_armed_groups_name_opens_with(proposer):
    from kg.sect_cues import named_sects

    text = "Shi’ite militias and [Sunni] Kataib Hezbollah met Shiite leaders of Iraq."
    nodes = nodes_of(proposer, text, {"Shi’ite militias": "militias", "Kataib Hezbollah": "kataib-hezbollah", "Iraq": "iraq"})
    assert {(f.subject, f.property, f.object) for f in named_sects(proposer, text, nodes)} == {
        ("militias", "sect", "shia"), ("kataib-hezbollah", "sect", "sunni")}


def test_a_road_that_circumvents_a_closed_crossing(proposer):
    proposer.types.update({"crossing": LB + "OfficialCrossing"})
    text = "Smugglers use the bypass roads to circumvent the closed crossing at al-Qaim."
    found = proposer.relations(text, nodes_of(proposer, text, {"bypass roads": "bypass-roads", "crossing": "crossing"}))
    assert ("bypass-roads", "bypasses", "crossing") in {(f.subject, f.property, f.object) for f in found}


def test_a_group_that_moved_units_to_one_side_of_the_border(proposer):
    text = "Then Kataib Hezbollah, a group the US sanctioned, moved some units to the Syrian side from Iraq."
    nodes = nodes_of(proposer, text, {"Kataib Hezbollah": "kataib-hezbollah", "Iraq": "iraq"})
    found = {(f.subject, f.property, f.object) for f in state_facts(proposer, text, nodes, LABELS)}
    assert ("kataib-hezbollah", "deployedIn", "syrian-side") in found
    assert ("kataib-hezbollah", "deployedIn", "iraqi-side") not in found


def test_a_crossing_the_document_names_nowhere_is_the_one_joining_the_town_it_stands_at(ontology, proposer):
    from kg.propose import Node
    from kg.reference import Salience, descriptions

    types = {"qaim-crossing": LB + "OfficialCrossing", "tanf-crossing": LB + "OfficialCrossing", "al-qaim": LB + "Settlement"}
    salience = Salience(ontology, types, [], {"qaim-crossing": {"al-qaim", "albu-kamal"}, "tanf-crossing": {"al-tanf"}})
    text = "Iraq plans to open the official border crossing at the nearby Iraqi town of al-Qaim."
    qaim = Node(text.index("al-Qaim"), text.index("al-Qaim") + 7, "al-qaim", types["al-qaim"], "al-Qaim")
    found = descriptions(text, [qaim], salience)
    assert [(n.words, n.id) for n in found] == [("the official border crossing", "qaim-crossing")]
    # and the crossing is near the town
    proposer.types["qaim-crossing"] = types["qaim-crossing"]
    facts = proposer.relations(text, sorted([qaim, *found], key=lambda n: n.start))
    assert ("qaim-crossing", "near", "al-qaim") in {(f.subject, f.property, f.object) for f in facts}


def test_the_route_through_a_crossing_is_the_registers_route_via_it(proposer):
    from kg.state_cues import routes_via

    proposer.types.update({"route-via-tanf": LB + "Route", "route-via-qaim": LB + "Route", "tanf-crossing": LB + "OfficialCrossing"})
    labels = {"route-via-tanf": "Baghdad–Damascus route via al-Tanf", "route-via-qaim": "Baghdad–Damascus route via al-Qaim",
              "tanf-crossing": "al-Tanf crossing"}
    text = "Using the longer route through the al-Tanf Crossing is slow."
    found = routes_via(proposer, text, nodes_of(proposer, text, {"al-Tanf Crossing": "tanf-crossing"}), labels)
    assert {(f.subject, f.property, f.object) for f in found} == {("route-via-tanf", "passesThrough", "tanf-crossing"),
                                                                   ("route-via-tanf", "limitation", "distance")}


def test_routes_of_a_mode_are_the_registers_route_of_that_mode_and_risky_ones_a_limitation(ontology, proposer):
    from kg.mode_routes import mode_routes
    from kg.reference import Salience, by_mode
    from kg.route_cues import route_facts

    types = {"sea-route": LB + "SeaRoute", "air-bridge": LB + "AirBridge", "land-bridge": LB + "LandBridge"}
    labels = {"sea-route": "Iran's sea route", "air-bridge": "Iran's air bridge", "land-bridge": "Iran's land bridge"}
    salience = Salience(ontology, types, [], {}, labels)
    text = "Iran wants to rely less on risky aerial and naval routes."
    found = by_mode(text, [], salience)
    assert [(n.words, n.id) for n in found] == [("aerial", "air-bridge"), ("naval routes", "sea-route")]
    proposer.types.update(types)
    facts = {(f.subject, f.property, f.object) for f in route_facts(proposer, text, found) + mode_routes(proposer, text)}
    assert facts == {("air-bridge", "mode", "air"), ("sea-route", "mode", "sea"), ("air-bridge", "limitation", "risk"),
                     ("sea-route", "limitation", "risk")}
    # "air strikes" are no route
    assert by_mode("Israeli air strikes hit the base.", [], salience) == []


def test_the_routes_an_actor_depends_on_are_used_by_it(proposer):
    from kg.state_cues import dependence

    proposer.types.update({"sea-route": LB + "Route", "air-bridge": LB + "Route"})
    text = "Iran hopes to cut its dependence on risky air bridge and sea route."
    nodes = nodes_of(proposer, text, {"Iran": "iran", "air bridge": "air-bridge", "sea route": "sea-route"})
    assert {(f.subject, f.property, f.object) for f in dependence(proposer, text, nodes)} == {
        ("air-bridge", "usedBy", "iran"), ("sea-route", "usedBy", "iran")}


def test_a_route_whose_craft_carry_more_than_the_vehicles_of_others(proposer):
    from kg.capacity_cues import compared_capacity

    proposer.types.update({"sea-route": LB + "Route", "air-bridge": LB + "Route", "land-bridge": LB + "LandBridge"})
    labels = {"sea-route": "Iran's sea route", "air-bridge": "Iran's air bridge", "land-bridge": "Iran's land bridge"}
    text = "The sea route can carry more cargo than trucks or planes."
    found = compared_capacity(proposer, text, nodes_of(proposer, text, {"sea route": "sea-route"}), labels)
    assert {(f.subject, f.property, f.object) for f in found} == {("sea-route", "capacityGreaterThan", "land-bridge"),
                                                                   ("sea-route", "capacityGreaterThan", "air-bridge")}
    text = "The sea route can carry more cargo than ever."
    assert compared_capacity(proposer, text, nodes_of(proposer, text, {"sea route": "sea-route"}), labels) == []


def test_a_crossing_named_with_one_countrys_adjective_lies_on_that_side(proposer):
    from kg.state_cues import crossing_sides

    proposer.types.update({"old-crossing": LB + "OfficialCrossing", "joint-crossing": LB + "OfficialCrossing"})
    text = "The old Syrian border crossing is closed, unlike the Iraqi-Syrian border crossing."
    nodes = nodes_of(proposer, text, {"old Syrian border crossing": "old-crossing", "Iraqi-Syrian border crossing": "joint-crossing"})
    # the crossing of both countries' adjectives lies on neither side alone
    assert [(f.subject, f.property, f.object) for f in crossing_sides(proposer, nodes, LABELS)] == [
        ("old-crossing", "locatedIn", "syrian-side")]


def test_a_place_an_appositive_sets_in_a_town_is_located_in_it(proposer):
    text = "Trucks cross at al-Qaim, in the small Euphrates valley town of Albu Kamal, at night."
    names = {"al-Qaim": "al-qaim", "Euphrates valley": "valley", "Albu Kamal": "albu-kamal"}
    found = {(f.subject, f.property, f.object) for f in proposer.relations(text, nodes_of(proposer, text, names))}
    assert ("al-qaim", "locatedIn", "albu-kamal") in found
    assert not any(p == "locatedIn" and o == "valley" for _, p, o in found)  # the words before the town are not where it is
    text = "Kataib Hezbollah, in the town of Albu Kamal, grew stronger."  # an armed group is present there, not located
    assert ("kataib-hezbollah", "locatedIn", "albu-kamal") not in {
        (f.subject, f.property, f.object) for f in proposer.relations(text, nodes_of(proposer, text, {
            "Kataib Hezbollah": "kataib-hezbollah", "Albu Kamal": "albu-kamal"}))}


def test_a_border_town_without_a_country_adjective_is_on_the_one_border_its_sentence_names(proposer):
    from kg.state_cues import border_towns

    proposer.types.update({"border": LB + "Border", "other-border": LB + "Border"})
    text = "Militias hold both sides of the frontier and the valley border town of Albu Kamal."
    names = {"frontier": "border", "valley": "valley", "Albu Kamal": "albu-kamal"}
    found = {(f.subject, f.property, f.object) for f in border_towns(proposer, text, nodes_of(proposer, text, names))}
    assert found == {("albu-kamal", "onBorder", "border")}
    text = "The frontier and the boundary meet near the border town of Albu Kamal."  # two borders: which one is unsaid
    names = {"frontier": "border", "boundary": "other-border", "Albu Kamal": "albu-kamal"}
    assert border_towns(proposer, text, nodes_of(proposer, text, names)) == []


def test_a_crossing_the_sentence_puts_in_a_border_town_is_on_that_border(proposer):
    from kg.propose import Proposed
    from kg.state_cues import crossings_in_border_towns

    proposer.types.update({"border": LB + "Border", "gate": LB + "Crossing"})
    text = "The gate, in the border town of Albu Kamal, opened."
    nodes = nodes_of(proposer, text, {"gate": "gate", "Albu Kamal": "albu-kamal"})
    facts = [Proposed("gate", "locatedIn", "albu-kamal", ""), Proposed("albu-kamal", "onBorder", "border", "")]
    assert {(f.subject, f.property, f.object) for f in crossings_in_border_towns(proposer, nodes, facts)} == {
        ("gate", "onBorder", "border")}
    assert crossings_in_border_towns(proposer, nodes, facts[:1]) == []  # a town on no border gives the crossing none


def test_a_place_opposite_a_border_town_is_near_that_border(proposer):
    from kg.propose import Proposed
    from kg.state_cues import across_from_border_towns

    proposer.types.update({"border": LB + "Border"})
    text = "Al-Qaim lies opposite the border town of Albu Kamal."
    nodes = nodes_of(proposer, text, {"Al-Qaim": "al-qaim", "Albu Kamal": "albu-kamal"})
    facts = [Proposed("al-qaim", "adjacentTo", "albu-kamal", ""), Proposed("albu-kamal", "onBorder", "border", "")]
    assert {(f.subject, f.property, f.object) for f in across_from_border_towns(proposer, nodes, facts)} == {
        ("al-qaim", "near", "border")}
    assert across_from_border_towns(proposer, nodes, facts[1:]) == []  # not said to be opposite it
