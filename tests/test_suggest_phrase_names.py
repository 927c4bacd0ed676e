"""Names written partly in lower case or with a number (kg.phrase_names), their class and what they say of themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.entity_types import guess_type
from kg.mentions import Matcher
from kg.namespaces import LB
from kg.register import Entity


def entity(ent_id: str, cls: str, label: str) -> Entity:
    return Entity(ent_id, LB + cls, label, (label,), "", Path("register/test.yaml"), None)


REGISTER = {e.id: e for e in [
    entity("iraq", "Country", "Iraq"), entity("syria", "Country", "Syria"), entity("iran", "Country", "Iran"),
    entity("damascus", "Settlement", "Damascus"), entity("tal-afar", "Settlement", "Tal Afar"),
    entity("diyala-valley", "Region", "Diyala Valley"), entity("quds-force", "MilitaryUnit", "Quds Force"),
]}


def found(text: str) -> dict[str, str | None]:
    return {m.words: m.entity for m in Matcher(REGISTER).find(text) if m.how != "demonym"}


@pytest.mark.parametrize("text, name, cls", [
    ("Convoys were seen in northern Iraq last week.", "northern Iraq", "Region"),
    ("Militants held the upper Diyala Valley for a year.", "upper Diyala Valley", "Region"),
    ("Clashes spread across the Tal Afar district overnight.", "Tal Afar district", "Region"),
    ("Officers of the Iraqi army inspected the post.", "Iraqi army", "StateForce"),
    ("A commander of the Syrian armed forces said so.", "Syrian armed forces", "StateForce"),
    ("A source in the Iranian embassy in Damascus said so.", "Iranian embassy in Damascus", "GovernmentBody"),
    ("The fighters were trained by Iranian advisors.", "Iranian advisors", "PersonGroup"),
    ("Officials said Unit 700 moved the rockets.", "Unit 700", "MilitaryUnit"),
    ("The talks were held with senior Syrian officials.", "senior Syrian officials", "PersonGroup"),
    ("The rally drew Quds Force supporters from the south.", "Quds Force supporters", "PersonGroup"),
    ("Drones hit Quds Force bases in Syria last year.", "Quds Force bases in Syria", "MilitaryBase"),
])
def test_a_name_written_in_lower_case_or_with_a_number_is_a_new_name_of_its_class(text, name, cls):
    names = found(text)
    assert names.get(name, "absent") is None  # a new name, not a register entry's
    start = text.index(name)
    assert guess_type(name, text[:start], text[start + len(name):])[0] == cls


def test_the_register_place_inside_such_a_name_gives_way_to_it_but_stays_elsewhere():
    names = found("The Tal Afar district lies west of Tal Afar, in northern Iraq, not in the south of Iraq.")
    assert names["Tal Afar district"] is None and names["Tal Afar"] == "tal-afar"
    assert names["northern Iraq"] is None and names["Iraq"] == "iraq"


@pytest.mark.parametrize("text", [
    "Iraqi forces entered the town.",  # which of the country's forces the text does not say
    "The Syrian and Iraqi governments agreed.",
    "Units 190 and 400 of the Quds Force moved arms.",
    "Clashes spread across the district of Tal Afar.",
    "Syrian, Iraqi and Iranian officials met.",  # the adjectives share the noun: no one group's name
])
def test_no_new_name_where_the_words_say_no_one_thing(text):
    assert [w for w, ent_id in found(text).items() if ent_id is None] == []


@pytest.fixture(scope="module")
def ontology():
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT

    return load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")


def test_the_country_a_body_or_region_names_is_its_country_or_where_it_lies(ontology):
    from kg.event_index import EventIndex
    from kg.phrase_facts import phrase_facts
    from kg.propose import Node, Proposer

    text = "The Iraqi joint forces and Iranian advisors moved into eastern Syria, near Damascus."
    proposer = Proposer(ontology, {e.id: e.type for e in REGISTER.values()}, EventIndex(ontology))
    nodes = []
    for m in Matcher(REGISTER).find(text):
        if m.how == "unknown":
            ent_id = m.words.lower().replace(" ", "-")
            cls, _ = guess_type(m.words, text[:m.start], text[m.end:])
            proposer.types[ent_id] = LB + cls
            nodes.append(Node(m.start, m.end, ent_id, LB + cls, m.words, "new"))
        elif m.entity:
            nodes.append(Node(m.start, m.end, m.entity, REGISTER[m.entity].type, m.words))
    labels = {e.id: e.label for e in REGISTER.values()}
    facts = {(f.subject, f.property, f.object) for f in phrase_facts(proposer, Matcher(REGISTER), text, nodes, labels)}
    assert facts == {("iraqi-joint-forces", "country", "iraq"), ("iranian-advisors", "country", "iran"),
                     ("eastern-syria", "locatedIn", "syria")}


def test_a_place_named_in_the_possessive_holds_the_town_or_region_after_it_and_an_actor_its_control_of_a_place(ontology):
    from kg.event_index import EventIndex
    from kg.possessive_places import possessive_places
    from kg.propose import Node, Proposer

    types = {"anbar": LB + "Region", "rawa-district": LB + "Region", "jubba": LB + "Settlement", "iran": LB + "Country",
             "imam-ali-base": LB + "MilitaryBase"}
    proposer = Proposer(ontology, types, EventIndex(ontology))

    def told(text: str, names: dict[str, str]) -> set[tuple[str, str, str]]:
        nodes = sorted((Node(text.index(w), text.index(w) + len(w), i, types[i], w) for w, i in names.items()), key=lambda n: n.start)
        return {(f.subject, f.property, f.object) for f in possessive_places(proposer, text, nodes)}

    assert told("Jubba is in Anbar's Rawa district.", {"Jubba": "jubba", "Anbar's": "anbar", "Rawa district": "rawa-district"}) \
        == {("rawa-district", "locatedIn", "anbar"), ("jubba", "locatedIn", "rawa-district")}
    assert told("Anbar's town of Jubba was quiet.", {"Anbar's": "anbar", "Jubba": "jubba"}) == {("jubba", "locatedIn", "anbar")}
    assert told("Iran's Imam Ali base was struck.", {"Iran's": "iran", "Imam Ali base": "imam-ali-base"}) == set()
    types["isis"] = LB + "ArmedGroup"
    assert told("Fighting went on during ISIS's long control of the Rawa district.", {"ISIS": "isis", "Rawa district": "rawa-district"}) \
        == {("isis", "controls", "rawa-district")}
    assert told("ISIS's attack on the Rawa district failed.", {"ISIS": "isis", "Rawa district": "rawa-district"}) == set()
    assert told("Anbar, Jubba and Rawa district were quiet.", {"Anbar": "anbar", "Jubba": "jubba", "Rawa district": "rawa-district"}) \
        == set()


def test_an_outlets_short_name_after_its_kind_is_the_outlet_of_the_country_its_adjective_names(ontology):
    from kg.event_index import EventIndex
    from kg.phrase_facts import phrase_facts
    from kg.propose import Node, Proposer

    text = "On Friday Iraqi state TV INA showed the convoy."
    mentions = Matcher(REGISTER).find(text)
    assert [(m.words, m.how) for m in mentions] == [("Iraqi", "demonym"), ("INA", "unknown")]
    outlet = mentions[1]
    assert guess_type(outlet.words, text[:outlet.start], text[outlet.end:])[0] == "MediaOutlet"
    proposer = Proposer(ontology, {"iraq": LB + "Country", "ina": LB + "MediaOutlet", "al-sabah": LB + "MediaOutlet"}, EventIndex(ontology))
    nodes = [Node(mentions[0].start, mentions[0].end, "iraq", LB + "Country", "Iraqi", "demonym"),
             Node(outlet.start, outlet.end, "ina", LB + "MediaOutlet", "INA", "new")]
    assert {(f.subject, f.property, f.object) for f in phrase_facts(proposer, Matcher(REGISTER), text, nodes, {"iraq": "Iraq"})} == \
        {("ina", "country", "iraq")}
    text = "On Friday the Iraqi daily *Al-Sabah* printed the list."  # the name set in italics
    start = text.index("Al-Sabah")
    nodes = [Node(text.index("Iraqi"), text.index("Iraqi") + 5, "iraq", LB + "Country", "Iraqi", "demonym"),
             Node(start, start + len("Al-Sabah"), "al-sabah", LB + "MediaOutlet", "Al-Sabah", "new")]
    assert {(f.subject, f.property, f.object) for f in phrase_facts(proposer, Matcher(REGISTER), text, nodes, {"iraq": "Iraq"})} == \
        {("al-sabah", "country", "iraq")}


def test_what_the_names_of_a_groups_supporters_or_bases_say(ontology):
    from kg.event_index import EventIndex
    from kg.phrase_facts import phrase_facts
    from kg.propose import Node, Proposer

    types = {e.id: e.type for e in REGISTER.values()} | {"qf-supporters": LB + "PersonGroup", "qf-bases": LB + "MilitaryBase"}
    proposer = Proposer(ontology, types, EventIndex(ontology))
    nodes = [Node(0, 21, "qf-supporters", types["qf-supporters"], "Quds Force supporters", "new"),
             Node(30, 55, "qf-bases", types["qf-bases"], "Quds Force bases in Syria", "new")]
    text = "Quds Force supporters cheered Quds Force bases in Syria."
    found = {(f.subject, f.property, f.object) for f in phrase_facts(proposer, Matcher(REGISTER), text, nodes, {})}
    assert found == {("qf-supporters", "supports", "quds-force"), ("quds-force", "operates", "qf-bases"),
                     ("qf-bases", "locatedIn", "syria")}


def test_the_chief_of_staff_of_a_force_commands_it(ontology):
    from kg.event_index import EventIndex
    from kg.propose import Node, Proposer

    types = {"karim-saleh": LB + "Person", "iraqi-army": LB + "StateForce"}
    proposer = Proposer(ontology, types, EventIndex(ontology))
    text = "General Karim Saleh, the chief of staff of the Iraqi army, visited the post."
    nodes = [Node(8, 19, "karim-saleh", types["karim-saleh"], "Karim Saleh"),
             Node(text.index("Iraqi army"), text.index("Iraqi army") + 10, "iraqi-army", types["iraqi-army"], "Iraqi army", "new")]
    relations = {(f.subject, f.property, f.object) for f in proposer.relations(text, nodes) if f.object == "iraqi-army"}
    assert relations == {("karim-saleh", "commands", "iraqi-army")}


def test_the_second_of_two_passive_clauses_joined_by_and_says_its_agents_relation_to_the_thing_before(ontology):
    from kg.coordinated_passives import coordinated_passives
    from kg.event_index import EventIndex
    from kg.propose import Node, Proposer

    types = {"militias": LB + "Militia", "iran": LB + "Country", "russian-advisors": LB + "PersonGroup"}
    proposer = Proposer(ontology, types, EventIndex(ontology))

    def told(text: str, names: dict[str, str]) -> set[tuple[str, str, str]]:
        nodes = sorted((Node(text.index(w), text.index(w) + len(w), i, types[i], w) for w, i in names.items()), key=lambda n: n.start)
        return {(f.subject, f.property, f.object) for f in coordinated_passives(proposer, text, nodes)}

    names = {"militias": "militias", "Iran": "iran", "Russian advisors": "russian-advisors"}
    assert told("The militias, funded by Iran and backed by Russian advisors, held the town.", names) == \
        {("russian-advisors", "supports", "militias")}
    assert told("The militias, funded by Iran and Russian advisors, held the town.", names) == set()
    assert told("The militias fought Iran and backed by Russian advisors held out.", names) == set()
