"""Relations between the events of one sentence in kg suggest's drafts, on hand-made sentences."""

from __future__ import annotations

import pytest

from kg.namespaces import LB


@pytest.fixture(scope="module")
def proposer():
    from kg.event_index import EventIndex
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT
    from kg.propose import Proposer

    ontology = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")
    types = {"tv-report": LB + "Announcement", "radio-report": LB + "Announcement", "gate-opening": LB + "CrossingOpening",
             "road-repair": LB + "Construction", "syrian-tv": LB + "MediaOutlet", "gate": LB + "Crossing"}
    return Proposer(ontology, types, EventIndex(ontology))


def concerns(proposer, text: str, facts: list[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    from kg.event_links import report_concerns
    from kg.propose import Proposed

    return {(f.subject, f.property, f.object) for f in report_concerns(proposer, text, [Proposed(*f, "") for f in facts])}


def test_a_report_that_something_happens_concerns_that_event(proposer):
    facts = [("tv-report", "agent", "syrian-tv"), ("tv-report", "date", "2020-05-02"),
             ("gate-opening", "openedCrossing", "gate"), ("gate-opening", "date", "2020-06")]
    text = "State TV reported that the gate would reopen in June 2020 (Syrian TV, May 2, 2020)."
    assert concerns(proposer, text, facts) == {("tv-report", "concerns", "gate-opening")}
    # no reporting verb: two events side by side, neither about the other
    assert concerns(proposer, "The gate reopened in June 2020 as Syrian TV filmed on May 2, 2020.", facts) == set()


def test_which_event_a_report_is_about_is_left_open_when_the_sentence_has_two(proposer):
    facts = [("tv-report", "agent", "syrian-tv"), ("gate-opening", "openedCrossing", "gate"), ("road-repair", "status", "ongoing")]
    assert concerns(proposer, "Syrian TV reported that the road is being repaired and the gate would open.", facts) == set()
    two = [("tv-report", "agent", "syrian-tv"), ("radio-report", "date", "2020-05"), ("gate-opening", "openedCrossing", "gate")]
    assert concerns(proposer, "Syrian TV reported that the gate would open, as radio did in May 2020.", two) == set()


def test_who_was_present_attended_the_event_the_sentence_before_dated(proposer):
    from kg.present_at import present_at
    from kg.propose import Node, Proposed

    types = {"talks": LB + "Meeting", "syrian-army": LB + "StateForce", "ali-hamdan": LB + "Person", "omar-saleh": LB + "Person"}
    proposer.types.update(types)

    def nodes(text, names):
        return [Node(text.index(w), text.index(w) + len(w), i, types[i], w) for w, i in names.items()]

    before = [Proposed("talks", "date", "2021-04-02", "")]
    text = "Present were Syrian army chief General Ali Hamdan and his deputy Omar Saleh."
    names = {"Syrian army": "syrian-army", "Ali Hamdan": "ali-hamdan", "Omar Saleh": "omar-saleh"}
    found = {(f.subject, f.property, f.object) for f in present_at(proposer, text, nodes(text, names), [], before)}
    assert found == {("talks", "attendedBy", "ali-hamdan"), ("talks", "attendedBy", "omar-saleh")}
    text = "Minister Ali Hamdan was present and spoke briefly."
    found = {(f.subject, f.property, f.object) for f in present_at(proposer, text, nodes(text, {"Ali Hamdan": "ali-hamdan"}), [], before)}
    assert found == {("talks", "attendedBy", "ali-hamdan")}
    # with no event dated just before, whom he joined is the curator's to say
    assert present_at(proposer, text, nodes(text, {"Ali Hamdan": "ali-hamdan"}), [], []) == []


def test_a_measure_taken_in_efforts_to_curb_an_actor_counters_it(proposer):
    from kg.event_links import measures_against
    from kg.propose import Node, Proposed

    proposer.types.update({"freeze": LB + "Sanction", "hezbollah": LB + "Militia"})
    text = "In a bid to curb the smuggling networks of Hezbollah, Jordan on May 2 froze the assets of three traders."
    at = text.index("Hezbollah")
    nodes = [Node(at, at + len("Hezbollah"), "hezbollah", LB + "Militia", "Hezbollah")]
    dated = [Proposed("freeze", "date", "--05-02", "")]
    found = {(f.subject, f.property, f.object) for f in measures_against(proposer, text, nodes, dated)}
    assert found == {("freeze", "counters", "hezbollah")}
    # an actor merely named beside the measure is not what it curbs
    text = "Together with Hezbollah, Jordan on May 2 froze the assets of three traders."
    at = text.index("Hezbollah")
    nodes = [Node(at, at + len("Hezbollah"), "hezbollah", LB + "Militia", "Hezbollah")]
    assert measures_against(proposer, text, nodes, dated) == []


def test_the_second_of_two_events_told_again_is_preceded_by_the_first(proposer):
    from kg.event_links import repeated
    from kg.propose import Proposed

    proposer.types.update({"raid-2016": LB + "Strike", "raid-2020": LB + "Strike", "talks-2020": LB + "Meeting"})
    facts = [Proposed("raid-2016", "date", "2016", ""), Proposed("raid-2020", "date", "2020", "")]
    text = "Drones hit the depot in 2016 and again in 2020."
    assert {(f.subject, f.property, f.object) for f in repeated(proposer, text, facts)} == {("raid-2020", "precededBy", "raid-2016")}
    assert repeated(proposer, "Drones hit the depot in 2016 and a convoy in 2020.", facts) == []
    # events of two kinds are no repetition of each other
    mixed = [Proposed("raid-2016", "date", "2016", ""), Proposed("talks-2020", "date", "2020", "")]
    assert repeated(proposer, "Drones hit the depot in 2016, and the sides met again in 2020.", mixed) == []


def test_what_the_members_of_a_meeting_discussed_is_its_topic(proposer):
    from kg.discussions import discussions
    from kg.propose import Node, Proposed

    types = {"summit": LB + "Meeting", "jordan": LB + "Country", "egypt": LB + "Country"}
    proposer.types.update(types)

    def nodes(text, names):
        return [Node(text.index(w), text.index(w) + len(w), i, types[i], w, kind) for w, (i, kind) in names.items()]

    before = [Proposed("summit", "location", "egypt", ""), Proposed("summit", "date", "2020-02", "")]
    text = "Officials said that Jordanian and Egyptian delegates discussed water sharing, as well as joint border patrols."
    names = {"Jordanian": ("jordan", "demonym"), "Egyptian": ("egypt", "demonym")}
    found = {(f.subject, f.property, f.object) for f in discussions(proposer, text, nodes(text, names), [], before)}
    assert found == {("summit", "participant", "jordan"), ("summit", "participant", "egypt"),
                     ("summit", "topic", "water sharing"), ("summit", "topic", "joint border patrols")}
    # with no meeting told of here or just before, whose talks they were is the curator's to say
    assert discussions(proposer, text, nodes(text, names), [], []) == []
    # nor when two meetings are
    two = before + [Proposed("summit-2", "date", "2020-03", "")]
    proposer.types["summit-2"] = LB + "Meeting"
    assert discussions(proposer, text, nodes(text, names), [], two) == []
    # the issues discussed at a meeting: what they were stands before the participle, not after it
    passive = "Water sharing was one of the issues discussed at the summit in Amman."
    assert discussions(proposer, passive, [], [], before) == []


def test_a_report_according_to_a_source_says_its_clause_and_the_outlets_cited_carried_it(proposer):
    from kg.propose import Node, Proposed
    from kg.report_parts import report_parts

    types = {"radio-one": LB + "MediaOutlet", "channel-two": LB + "MediaOutlet", "youtube": LB + "Organization"}
    proposer.types.update(types)

    def nodes(text, names):
        return [Node(text.index(w), text.index(w) + len(w), i, types[i], w) for w, i in names.items()]

    facts = [Proposed("tv-report", "date", "2020-05-03", "")]
    text = ("On May 3, 2020, according to a report from \"an official in the ministry,\" **the two ministries agreed on new "
            "tariffs for the gate** (Radio One, Channel Two, May 3, 2020).")
    names = {"Radio One": "radio-one", "Channel Two": "channel-two"}
    found = {(f.subject, f.property, f.object) for f in report_parts(proposer, text, nodes(text, names), facts)}
    assert found == {("tv-report", "topic", "the two ministries agreed on new tariffs for the gate"),
                     ("tv-report", "participant", "radio-one"), ("tv-report", "participant", "channel-two")}
    # one outlet cited is the report's agent, not a participant; the platform of an outlet's channel is no outlet
    one = "On May 3, 2020, the ministry said the gate would open (Radio One YouTube channel, May 3, 2020)."
    names = {"Radio One": "radio-one", "YouTube": "youtube"}
    assert report_parts(proposer, one, nodes(one, names), facts) == []
    # with no report among the sentence's facts there is nothing to give a topic to
    assert report_parts(proposer, text, nodes(text, {"Radio One": "radio-one"}), []) == []


def test_a_sanction_on_the_leaders_of_a_group_targets_the_group(proposer):
    from kg.member_targets import member_targets
    from kg.propose import Node, Proposed

    types = {"sanction": LB + "Sanction", "sham-brigade": LB + "Militia", "treasury": LB + "GovernmentBody",
             "three-leaders": LB + "PersonGroup", "three-traders": LB + "PersonGroup"}
    proposer.types.update(types)

    def nodes(text, names):
        return [Node(text.index(w), text.index(w) + len(w), i, types[i], w) for w, i in names.items()]

    text = "To weaken the Sham Brigade, the Treasury in May sanctioned three senior leaders of the group for arms trafficking."
    names = {"Sham Brigade": "sham-brigade", "Treasury": "treasury", "three senior leaders": "three-leaders"}
    facts = [Proposed("sanction", "sanctionTarget", "three-leaders", "")]
    found = {(f.subject, f.property, f.object) for f in member_targets(proposer, text, nodes(text, names), facts)}
    assert found == {("sanction", "target", "sham-brigade")}
    named = "The Treasury sanctioned three senior leaders of the Sham Brigade in May."
    names = {"Treasury": "treasury", "three senior leaders": "three-leaders", "Sham Brigade": "sham-brigade"}
    found = {(f.subject, f.property, f.object) for f in member_targets(proposer, named, nodes(named, names), facts)}
    assert found == {("sanction", "target", "sham-brigade")}
    # traders who deal with a group are not its members: the sanction is on them alone
    other = "The Treasury sanctioned three traders of fuel for the Sham Brigade in May."
    names = {"Treasury": "treasury", "three traders": "three-traders", "Sham Brigade": "sham-brigade"}
    facts = [Proposed("sanction", "sanctionTarget", "three-traders", "")]
    assert member_targets(proposer, other, nodes(other, names), facts) == []


def test_the_parties_to_an_agreement_are_to_do_what_it_is_for(proposer):
    from kg.agreed_events import agreed_events
    from kg.propose import Node, Proposed

    types = {"jordan": LB + "Country", "egypt": LB + "Country"}
    proposer.types.update(types)

    def nodes(text, names):
        return [Node(text.index(w), text.index(w) + len(w), i, types[i], w) for w, i in names.items()]

    names = {"Jordan": "jordan", "Egypt": "egypt"}
    facts = [Proposed("gate-opening", "openedCrossing", "gate", ""), Proposed("tv-report", "dateNotAfter", "2020-05-03", "")]
    text = "A deal was struck between Jordan and Egypt for opening the gate within weeks (Radio One, May 3, 2020)."
    found = {(f.subject, f.property, f.object) for f in agreed_events(proposer, text, nodes(text, names), facts)}
    assert found == {("gate-opening", "agent", "jordan"), ("gate-opening", "agent", "egypt")}
    # a meeting between them says nothing of who does what
    met = "Jordan and Egypt met on opening the gate within weeks (Radio One, May 3, 2020)."
    assert agreed_events(proposer, met, nodes(met, names), facts) == []
    # nor does an agreement when the sentence tells of no event it is for
    assert agreed_events(proposer, text, nodes(text, names), facts[1:]) == []


def test_where_a_group_made_its_last_stand_is_the_place_of_its_capture(proposer):
    from kg.last_stands import last_stands
    from kg.propose import Node

    types = {"fall-of-hama": LB + "TerritorialCapture", "hama": LB + "Settlement", "rebel-front": LB + "ArmedGroup",
             "wall-building": LB + "Construction"}
    proposer.types.update(types)
    proposer.events.roles["fall-of-hama"] = {("capturedPlace", "hama")}

    def nodes(text, names):
        return [Node(text.index(w), text.index(w) + len(w), i, types[i], w) for w, i in names.items()]

    names = {"Hama": "hama", "Rebel Front": "rebel-front"}
    text = "A wall now stands outside the town of Hama, where the Rebel Front made its last stand."
    found = {(f.subject, f.property, f.object) for f in last_stands(proposer, text, nodes(text, names))}
    assert found == {("fall-of-hama", "location", "hama"), ("fall-of-hama", "participant", "rebel-front")}
    after = "The Rebel Front made its last stand in Hama."
    assert {(f.subject, f.property, f.object) for f in last_stands(proposer, after, nodes(after, names))} == found
    # a place the register knows no capture of: whose fight it was is the curator's to say
    del proposer.events.roles["fall-of-hama"]
    assert last_stands(proposer, text, nodes(text, names)) == []


def test_what_a_reports_agent_said_is_its_topic(proposer):
    from kg.propose import Node, Proposed
    from kg.report_parts import report_parts

    types = {"omar-saleh": LB + "Person"}
    proposer.types.update(types)
    facts = [Proposed("tv-report", "date", "2020-05-03", ""), Proposed("tv-report", "agent", "omar-saleh", "")]
    text = "On May 3, the minister, Omar Saleh, said the gate would stay shut until the summer."
    saleh = [Node(text.index("Omar Saleh"), text.index("Omar Saleh") + 10, "omar-saleh", types["omar-saleh"], "Omar Saleh")]
    found = {(f.subject, f.property, f.object) for f in report_parts(proposer, text, saleh, facts)}
    assert found == {("tv-report", "topic", "the gate would stay shut until the summer")}
    # when he said it is no topic
    when = "Omar Saleh said on May 3 the gate would stay shut."
    saleh = [Node(0, 10, "omar-saleh", types["omar-saleh"], "Omar Saleh")]
    assert report_parts(proposer, when, saleh, facts) == []


def test_an_event_discussed_at_the_meeting_in_a_place_is_what_that_meeting_concerns(proposer):
    from kg.event_links import discussed_at
    from kg.propose import Node, Proposed

    types = {"talks-in-amman": LB + "Meeting", "talks-in-cairo": LB + "Meeting", "amman": LB + "Settlement",
             "cairo": LB + "Settlement"}
    proposer.types.update(types)
    proposer.events.add("talks-in-amman", "location", "amman")
    proposer.events.add("talks-in-cairo", "location", "cairo")
    facts = [Proposed("gate-opening", "openedCrossing", "gate", "")]

    def found(text, word, place):
        nodes = [Node(text.index(word), text.index(word) + len(word), place, types[place], word)]
        return {(f.subject, f.property, f.object) for f in discussed_at(proposer, text, nodes, facts)}

    text = "Opening the gate was probably one of the issues discussed at the meeting in Amman."
    assert found(text, "Amman", "amman") == {("talks-in-amman", "concerns", "gate-opening")}
    # a meeting the sentence only places, with nothing said to be discussed there
    assert found("The gate will open after the meeting in Amman.", "Amman", "amman") == set()
