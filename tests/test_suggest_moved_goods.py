"""kg suggest's undated activities: goods an actor moves, smuggles or carries through, to or from places
(kg.moved_goods), on hand-made sentences, with those where no activity is told."""

from __future__ import annotations

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"kataib-hezbollah": "Militia", "smugglers": "PersonGroup", "weapons": "Commodity", "fuel": "Commodity",
         "captagon": "Commodity", "fighters": "Commodity", "qaim-crossing": "OfficialCrossing", "syria": "Country",
         "iraq": "Country", "unofficial-crossings": "UnofficialCrossing", "albu-kamal": "Settlement",
         "deir-ez-zor": "Region"}


def moved(text: str, names: dict[str, str], dated: bool = False, proposer=None) -> set[tuple[str, str, str]]:
    from kg.moved_goods import moved_goods

    proposer = proposer or proposer_of(TYPES)
    found = moved_goods(proposer, text, nodes_of(proposer, text, names), dated, "009")
    return {(proposer.types[f.subject].split("#")[-1], f.property, f.object) for f in found}


def test_an_actor_moving_goods_through_a_crossing_is_a_transfer():
    found = moved("Kataib Hezbollah moves weapons through the al-Qaim crossing into Syria.",
                  {"Kataib Hezbollah": "kataib-hezbollah", "weapons": "weapons", "al-Qaim crossing": "qaim-crossing", "Syria": "syria"})
    assert found == {("Transfer", "agent", "kataib-hezbollah"), ("Transfer", "cargo", "weapons"),
                     ("Transfer", "passesThrough", "qaim-crossing"), ("Transfer", "destination", "syria")}


def test_smuggling_in_the_verb_or_the_clause_makes_it_a_smuggling_operation():
    names = {"smugglers": "smugglers", "fuel": "fuel", "Captagon": "captagon", "unofficial crossings": "unofficial-crossings",
             "Iraq": "iraq"}
    found = moved("Residents said smugglers also run fuel and Captagon across unofficial crossings into Iraq at night.", names)
    assert {("SmugglingOperation", "agent", "smugglers"), ("SmugglingOperation", "cargo", "fuel"),
            ("SmugglingOperation", "cargo", "captagon"), ("SmugglingOperation", "passesThrough", "unofficial-crossings"),
            ("SmugglingOperation", "destination", "iraq")} == found


def test_fighters_sent_to_a_place_are_a_deployment():
    found = moved("Kataib Hezbollah moved fighters to Albu Kamal.",
                  {"Kataib Hezbollah": "kataib-hezbollah", "fighters": "fighters", "Albu Kamal": "albu-kamal"})
    assert ("Deployment", "destination", "albu-kamal") in found and ("Deployment", "cargo", "fighters") in found


def test_no_activity_without_goods_nor_with_a_dated_event_of_that_agent():
    names = {"Kataib Hezbollah": "kataib-hezbollah", "al-Qaim crossing": "qaim-crossing", "weapons": "weapons"}
    assert moved("Kataib Hezbollah runs the al-Qaim crossing.", {k: v for k, v in names.items() if k != "weapons"}) == set()
    # goods another clause names are not what the verb moves
    assert moved("Kataib Hezbollah runs the al-Qaim crossing, which traders say is used for weapons.", names) == set()
    # a dated sentence's event is kg.event_proposals'; a route that lets an actor move goods is the route's use
    assert moved("On Sunday Kataib Hezbollah moved weapons through the al-Qaim crossing.", names, dated=True) == set()
    assert moved("The al-Qaim crossing lets Kataib Hezbollah move weapons.", names) == set()


def test_the_registers_activity_of_that_agent_and_cargo_is_the_one_told_again():
    from kg.moved_goods import moved_goods

    proposer = proposer_of({**TYPES, "iran": "Country", "iran-arms-shipments": "Transfer"})
    proposer.types["iran-fuel-shipments"] = proposer.types["iran-arms-shipments"]
    for event, goods in (("iran-arms-shipments", ("weapons", "fighters")), ("iran-fuel-shipments", ("fuel", "weapons"))):
        proposer.events.add(event, "agent", "iran")
        for g in goods:
            proposer.events.add(event, "cargo", g)
    text = "Tehran moves weapons and fighters by road into Syria."
    names = {"Tehran": "iran", "weapons": "weapons", "fighters": "fighters", "Syria": "syria"}
    found = moved_goods(proposer, text, nodes_of(proposer, text, names), False, "009")
    assert ("iran-arms-shipments", "destination", "syria") in {(f.subject, f.property, f.object) for f in found}
    # of the two shipments of Iran's the register has, the one that carries both goods; no new entry
    assert {f.subject for f in found} == {"iran-arms-shipments"} and not proposer.new
