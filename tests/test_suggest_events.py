"""Events in kg suggest's drafts on hand-made sentences: a register event told of again, and the roles of a new one."""

from __future__ import annotations

import pytest

from kg.dates import dates as find_dates
from kg.namespaces import LB


@pytest.fixture(scope="module")
def ontology():
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT

    return load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")


@pytest.fixture
def proposer(ontology):
    from kg.event_index import EventIndex
    from kg.propose import Proposer

    types = {"iran": LB + "Country", "syria": LB + "Country", "lebanon": LB + "Country", "kataib-hezbollah": LB + "Militia",
             "hezbollah": LB + "Militia", "islamic-state": LB + "ArmedGroup", "albu-kamal": LB + "Settlement",
             "weapons": LB + "Commodity", "fuel": LB + "Commodity", "arms-to-syria": LB + "Transfer",
             "arms-to-lebanon": LB + "Transfer", "fuel-smuggling": LB + "SmugglingOperation",
             "capture-2017": LB + "TerritorialCapture"}
    return Proposer(ontology, types, EventIndex(ontology))


def nodes_of(proposer, text: str, names: dict[str, str]):
    from kg.propose import Node

    return sorted((Node(text.index(w), text.index(w) + len(w), i, proposer.types[i], w) for w, i in names.items()),
                  key=lambda n: n.start)


def known(proposer, event: str, *roles: tuple[str, str], date: str | None = None) -> None:
    """What another document's statements say of a register event."""
    for prop, obj in roles:
        proposer.events.add(event, prop, obj)
    if date:
        proposer.events.add(event, "date", date)


def told(proposer, text: str, names: dict[str, str], labels: dict[str, str] | None = None) -> set[tuple[str, str, str]]:
    from kg.event_roles import known_event_roles

    nodes = nodes_of(proposer, text, names)
    found = known_event_roles(proposer, text, nodes, find_dates(text, None), labels or {})
    return {(f.subject, f.property, f.object) for f in found}


def test_a_register_event_told_of_again_gets_the_roles_the_sentence_names(proposer):
    known(proposer, "arms-to-syria", ("agent", "iran"), ("cargo", "weapons"), ("destination", "syria"))
    known(proposer, "arms-to-lebanon", ("agent", "iran"), ("cargo", "weapons"), ("destination", "lebanon"))
    names = {"Tehran": "iran", "weapons": "weapons", "Syria": "syria"}
    assert told(proposer, "Tehran keeps sending weapons to Syria by road.", names) == {
        ("arms-to-syria", "agent", "iran"), ("arms-to-syria", "cargo", "weapons"), ("arms-to-syria", "destination", "syria")}
    # in the progressive, it is going on; as a plan, it is not yet
    assert ("arms-to-syria", "status", "ongoing") in told(proposer, "Tehran is sending weapons to Syria.", names)
    assert ("arms-to-syria", "status", "ongoing") not in told(proposer, "Tehran plans to keep sending weapons to Syria.", names)
    # the destination stands after "to": a country named otherwise is not one, and then two transfers fit equally ...
    assert told(proposer, "From Syria, Tehran keeps sending weapons by road.", names) == set()
    # ... unless the sentence has a word of one's label
    labels = {"arms-to-syria": "Iran's arms shipments to Syria", "arms-to-lebanon": "Iran's arms convoys to Lebanon",
              "iran": "Iran", "weapons": "weapons", "syria": "Syria", "lebanon": "Lebanon"}
    assert told(proposer, "From Syria, Tehran keeps sending weapons by road in convoys.", names, labels) == {
        ("arms-to-lebanon", "agent", "iran"), ("arms-to-lebanon", "cargo", "weapons")}
    # a word of no transfer, or things named in another clause, tell of no transfer
    assert told(proposer, "Tehran praised the weapons of Syria.", names) == set()
    assert told(proposer, "Tehran spoke; weapons were later sent to the front.", {"Tehran": "iran", "weapons": "weapons"}) == set()


def test_a_word_of_a_kind_does_not_tell_of_a_narrower_kind_and_dates_must_agree(proposer):
    known(proposer, "fuel-smuggling", ("agent", "hezbollah"), ("cargo", "fuel"))
    assert told(proposer, "Hezbollah moved fuel across.", {"Hezbollah": "hezbollah", "fuel": "fuel"}) == set()
    assert told(proposer, "Hezbollah smuggled fuel across.", {"Hezbollah": "hezbollah", "fuel": "fuel"}) == {
        ("fuel-smuggling", "agent", "hezbollah"), ("fuel-smuggling", "cargo", "fuel")}
    known(proposer, "capture-2017", ("expelled", "islamic-state"), ("capturedPlace", "albu-kamal"), date="2017-11")
    names = {"Islamic State": "islamic-state", "Albu Kamal": "albu-kamal"}
    assert told(proposer, "In 2017 the militias drove Islamic State from Albu Kamal.", names) == {
        ("capture-2017", "expelled", "islamic-state"), ("capture-2017", "capturedPlace", "albu-kamal")}
    assert told(proposer, "In 2014 the militias drove Islamic State from Albu Kamal.", names) == set()


def test_an_event_of_no_kind_is_told_of_by_a_word_of_its_own_label(proposer):
    proposer.types.update({"united-states": LB + "Country", "pressure-on-syria": LB + "Event", "talks-with-syria": LB + "Event"})
    known(proposer, "pressure-on-syria", ("agent", "united-states"), ("target", "syria"))
    known(proposer, "talks-with-syria", ("agent", "united-states"), ("target", "syria"))
    labels = {"pressure-on-syria": "U.S. pressure on Syria over the border", "talks-with-syria": "U.S. talks with Syria",
              "united-states": "United States", "syria": "Syria"}
    names = {"Washington": "united-states", "Syria": "syria"}
    assert told(proposer, "Washington should press Syria hard.", names, labels) == {
        ("pressure-on-syria", "agent", "united-states"), ("pressure-on-syria", "target", "syria")}
    # no word of its label's own ("Syria" names a thing it involves), no event
    assert told(proposer, "Washington should warn Syria.", names, labels) == set()


def test_a_year_alone_is_a_new_strike_not_the_registers_strike_of_a_month_that_year(proposer):
    proposer.types["strike-june"] = LB + "Strike"
    known(proposer, "strike-june", ("target", "kataib-hezbollah"), date="2018-06")
    text = "Unclaimed airstrikes struck some of the militias in 2018."
    found = {(f.subject, f.property, f.object) for f in proposer.events_of(text, [], find_dates(text, None), [], "009")}
    new = [e for e in proposer.new if proposer.types[e] == LB + "Strike"]
    assert len(new) == 1 and found == {(new[0], "date", "2018"), (new[0], "strikeType", "airStrike")}
    # the month the register has is that strike
    text = "Unclaimed airstrikes struck some of the militias in June 2018."
    found = {(f.subject, f.property, f.object) for f in proposer.events_of(text, [], find_dates(text, None), [], "009")}
    assert ("strike-june", "date", "2018-06") in found


def test_the_target_of_a_strike_whose_members_it_killed_a_clause_on(proposer):
    text = "In May 2019 an air strike near Albu Kamal killed more than 30 members of the Shiite militia Kataib Hezbollah."
    nodes = nodes_of(proposer, text, {"Albu Kamal": "albu-kamal", "Kataib Hezbollah": "kataib-hezbollah"})
    found = {(f.property, f.object) for f in proposer.events_of(text, nodes, find_dates(text, None), [], "009")}
    assert {("target", "kataib-hezbollah"), ("nearLocation", "albu-kamal"), ("strikeType", "airStrike")} <= found


def test_a_place_in_the_vicinity_of_an_event_past_what_it_was_done_to(proposer):
    proposer.types["al-hari"] = LB + "Settlement"
    text = "On March 3, construction was completed on a tall concrete wall in the vicinity of the Syrian village of al-Hari."
    nodes = nodes_of(proposer, text, {"al-Hari": "al-hari"})
    found = {(f.property, f.object) for f in proposer.events_of(text, nodes, find_dates(text, "2020-05-01"), [], "009")}
    assert ("nearLocation", "al-hari") in found


def test_the_date_an_event_was_held_on_dates_the_event_its_subject_names(proposer):
    text = "The summit of the defence ministers invited by the regional council was held on May 4, 2019."
    found = proposer.events_of(text, [], find_dates(text, None), [], "009")
    assert [(proposer.types[f.subject], f.property, f.object) for f in found] == [(LB + "Meeting", "date", "2019-05-04")]


def test_the_agent_of_a_report_past_a_description_between_commas(proposer):
    proposer.types["al-fayad"] = LB + "Person"
    text = "On June 2, 2019, Kazem al-Fayad, the head of the border commission, **announced** that the road would open."
    nodes = nodes_of(proposer, text, {"Kazem al-Fayad": "al-fayad"})
    found = {(f.property, f.object) for f in proposer.events_of(text, nodes, find_dates(text, None), [], "009")}
    assert found == {("date", "2019-06-02"), ("agent", "al-fayad")}


def test_a_source_cited_with_a_day_of_the_month_its_report_was_given_is_that_report(proposer):
    proposer.types.update({"nahar": LB + "MediaOutlet", "sawt": LB + "MediaOutlet"})
    first = "In July 2019 the newspaper Al-Nahar reported that the road would open."
    found = proposer.events_of(first, nodes_of(proposer, first, {"Al-Nahar": "nahar"}), find_dates(first, None), [], "009")
    report = next(f.subject for f in found if f.property == "agent")
    then = "It was reported that the road was paved (Al-Nahar, July 5, 2019)."
    found = proposer.events_of(then, nodes_of(proposer, then, {"Al-Nahar": "nahar"}), find_dates(then, None), [], "009")
    assert {(f.subject, f.property, f.object) for f in found if f.property in ("date", "agent")} \
        == {(report, "date", "2019-07-05"), (report, "agent", "nahar")}
    # another source's citation is another report
    other = "It was reported that the road was paved (Sawt, July 5, 2019)."
    found = proposer.events_of(other, nodes_of(proposer, other, {"Sawt": "sawt"}), find_dates(other, None), [], "009")
    assert {f.subject for f in found if f.property == "agent"} != {report}


def test_who_was_expelled_is_not_the_agent_of_the_expulsion(proposer):
    proposer.types["seizure-2014"] = LB + "TerritorialCapture"
    proposer.events.add("seizure-2014", "agent", "islamic-state")
    names = {"Islamic State": "islamic-state"}
    found = proposer.known_events("Later the Islamic State was expelled from the region.",
                                  nodes_of(proposer, "Later the Islamic State was expelled from the region.", names))
    assert found == []
    text = "The Islamic State captured the region."
    assert [(f.subject, f.property, f.object) for f in proposer.known_events(text, nodes_of(proposer, text, names))] \
        == [("seizure-2014", "agent", "islamic-state")]


def test_an_opening_in_a_town_is_the_opening_of_the_crossing_that_joins_it(proposer):
    from kg.propose import Node

    proposer.types.update({"qaim-crossing": LB + "OfficialCrossing", "qaim-opening": LB + "CrossingOpening", "al-qaim": LB + "Settlement"})
    proposer.events.add("qaim-opening", "openedCrossing", "qaim-crossing")
    proposer.events.add("qaim-crossing", "connects", "al-qaim")
    town = Node(0, 7, "al-qaim", LB + "Settlement", "Al Qaim")
    assert proposer.events.find("CrossingOpening", "2019-09-30", [town], proposer.types)[0] == "qaim-opening"
    elsewhere = Node(0, 10, "albu-kamal", LB + "Settlement", "Albu Kamal")
    assert proposer.events.find("CrossingOpening", "2019-09-30", [elsewhere], proposer.types)[0] is None


def test_a_reopening_long_after_every_day_the_registers_opening_happened_is_another(proposer):
    from kg.propose import Node

    proposer.types.update({"qaim-crossing": LB + "OfficialCrossing", "qaim-opening": LB + "CrossingOpening"})
    proposer.events.add("qaim-opening", "openedCrossing", "qaim-crossing")
    crossing = Node(0, 5, "qaim-crossing", LB + "OfficialCrossing", "the crossing")
    proposer.events.add("qaim-opening", "date", "2018-04", asserted=False)  # planned for April 2018
    # with no date it happened on, a later date is the plan's coming true
    assert proposer.events.find("CrossingOpening", "2019-09-30", [crossing], proposer.types)[0] == "qaim-opening"
    proposer.events.add("qaim-opening", "date", "2019-09-30")  # done in September 2019
    # a source that dates the same opening a month off, or gives its plan's date, tells of it; a reopening after a
    # closure the next summer is another
    assert proposer.events.find("CrossingOpening", "2019-10", [crossing], proposer.types)[0] == "qaim-opening"
    assert proposer.events.find("CrossingOpening", "2018-04", [crossing], proposer.types)[0] == "qaim-opening"
    assert proposer.events.find("CrossingOpening", "2020-06-03", [crossing], proposer.types)[0] is None


def test_the_day_a_picture_was_taken_dates_no_event(proposer):
    text = "This picture taken on May 2, 2021 shows a wall being built near the border."
    assert proposer.events_of(text, [], find_dates(text, None), [], "009") == []
    text = "The wall was built on May 2, 2021 near the border."
    assert ("date", "2021-05-02") in {(f.property, f.object) for f in proposer.events_of(text, [], find_dates(text, None), [], "009")}


@pytest.mark.parametrize("text, words", [
    ("Unclaimed airstrikes struck the militias in the summer and fall of 2019.", "summer and fall of 2019"),
    ("More airstrikes in mid and late September 2019 have hit areas near the crossing.", "mid and late September 2019"),
    ("In June 2019 an air strike hit the militias.", None),
])
def test_a_date_that_is_a_part_of_its_year_or_month_keeps_its_words(proposer, text, words):
    found = {(f.property, f.object) for f in proposer.events_of(text, [], find_dates(text, None), [], "009")}
    assert {o for p, o in found if p == "dateText"} == ({words} if words else set())


def test_a_mysterious_strike_that_names_no_perpetrator_is_unattributed(proposer):
    from kg.strike_cues import strike_facts

    def unattributed(text, found):
        return {(f.property, f.object) for f in strike_facts(proposer, text, found) if f.property == "attributionStatus"}

    proposer.types["israel"] = LB + "Country"
    text = "Unidentified drones struck the base in May 2019."
    found = proposer.events_of(text, [], find_dates(text, None), [], "009")
    assert unattributed(text, found) == {("attributionStatus", "unattributed")}  # whose drones, the source does not say
    text = "Unidentified drone strikes hit the base in May 2019."
    found = proposer.events_of(text, [], find_dates(text, None), [], "009")
    assert unattributed(text, found) == {("attributionStatus", "unattributed")}
    text = "Alleged Israeli air strikes hit the base in May 2019."
    nodes = nodes_of(proposer, text, {"Israeli": "israel"})
    nodes = [n if n.words != "Israeli" else type(n)(n.start, n.end, n.id, n.type, n.words, "demonym") for n in nodes]
    found = proposer.events_of(text, nodes, find_dates(text, None), [], "009")
    assert ("perpetrator", "israel") in {(f.property, f.object) for f in found} and unattributed(text, found) == set()


def test_a_meeting_the_text_gave_before_is_the_one_it_dates_again(proposer):
    proposer.types.update({"damascus": LB + "Settlement", "iraq": LB + "Country"})
    first = "It followed a meeting of the commanders from Syria, Iraq and Iran held in Damascus in March 2019."
    names = {"Syria": "syria", "Iraq": "iraq", "Iran": "iran", "Damascus": "damascus"}
    found = proposer.events_of(first, nodes_of(proposer, first, names), find_dates(first, None), [], "009")
    meeting = next(f.subject for f in found if f.property == "date")
    assert proposer.types[meeting] == LB + "Meeting" and ("location", "damascus") in {(f.property, f.object) for f in found}
    proposer.events.add_drafted(found, proposer.new)
    then = "The meeting of the generals referred to by the paper was held on March 17, 2019."
    found = proposer.events_of(then, [], find_dates(then, None), [], "009")
    assert [(f.subject, f.property, f.object) for f in found] == [(meeting, "date", "2019-03-17")]


def test_a_year_alone_does_not_make_two_strikes_one(proposer):
    first = "Unclaimed airstrikes struck the militias in 2019."
    found = proposer.events_of(first, [], find_dates(first, None), [], "009")
    proposer.events.add_drafted(found, proposer.new)
    then = "On August 24, 2019 an air strike hit a drone team."
    again = proposer.events_of(then, [], find_dates(then, None), [], "009")
    assert {f.subject for f in again}.isdisjoint({f.subject for f in found})


def test_who_attended_a_meeting_the_sentence_dates(proposer):
    from kg.event_roles import attendees

    proposer.types.update({"damascus": LB + "Settlement", "iraq": LB + "Country"})
    text = "Then a summit of the ministers from Syria, Iraq and Iran was held in Damascus in May 2019."
    nodes = nodes_of(proposer, text, {"Syria": "syria", "Iraq": "iraq", "Iran": "iran", "Damascus": "damascus"})
    found = proposer.events_of(text, nodes, find_dates(text, None), [], "009")
    assert {(f.property, f.object) for f in attendees(proposer, text, nodes, found)} \
        == {("attendedBy", "syria"), ("attendedBy", "iraq"), ("attendedBy", "iran")}
    # an actor the meeting's word does not reach is no attendee
    text = "Iran praised the summit held in Damascus in May 2019."
    nodes = nodes_of(proposer, text, {"Iran": "iran", "Damascus": "damascus"})
    assert attendees(proposer, text, nodes, proposer.events_of(text, nodes, find_dates(text, None), [], "009")) == []


def test_a_date_dates_the_event_words_joined_before_its_own(proposer):
    text = "Work sped up after the fall of Albu Kamal and the takeover of the valley (March 2019)."
    nodes = nodes_of(proposer, text, {"Albu Kamal": "albu-kamal"})
    found = proposer.events_of(text, nodes, find_dates(text, None), [], "009")
    dated = {f.subject for f in found if f.property == "date" and f.object == "2019-03"}
    assert len(dated) == 2
    assert any(f.property == "capturedPlace" and f.object == "albu-kamal" for f in found)


def test_a_crossing_spoken_of_by_the_one_town_it_joins(proposer):
    proposer.types.update({"iraq": LB + "Country", "al-qaim": LB + "Settlement", "qaim-crossing": LB + "OfficialCrossing",
                           "qaim-opening": LB + "CrossingOpening"})
    known(proposer, "qaim-opening", ("agent", "iraq"), ("openedCrossing", "qaim-crossing"))
    proposer.events.add("qaim-crossing", "connects", "al-qaim")
    names = {"Iraq": "iraq", "al-Qaim": "al-qaim"}
    assert told(proposer, "Iraq plans to open the border crossing at the town of al-Qaim.", names) == {
        ("qaim-opening", "agent", "iraq"), ("qaim-opening", "openedCrossing", "qaim-crossing")}
    # no crossing spoken of: the town alone is not its crossing
    assert told(proposer, "Iraq plans to open a market in the town of al-Qaim.", names) == set()


def test_what_the_people_a_dated_strike_hit_were_engaged_in_then(proposer):
    from kg.event_roles import engaged_in

    text = "In May 2019, an air strike killed ten members of Hezbollah, who were engaged in the smuggling of fuel to Lebanon."
    nodes = nodes_of(proposer, text, {"Hezbollah": "hezbollah", "fuel": "fuel", "Lebanon": "lebanon"})
    facts = proposer.events_of(text, nodes, find_dates(text, None), [], "009")
    found = engaged_in(proposer, text, nodes, facts, "009")
    event = found[0].subject
    assert proposer.types[event] == LB + "SmugglingOperation"
    assert {(f.property, f.object) for f in found} == {("date", "2019-05"), ("agent", "hezbollah"), ("cargo", "fuel"),
                                                        ("destination", "lebanon")}
    # no dated event, nothing to date the activity by
    text = "Members of Hezbollah, who were engaged in the smuggling of fuel, were seen."
    nodes = nodes_of(proposer, text, {"Hezbollah": "hezbollah", "fuel": "fuel"})
    assert engaged_in(proposer, text, nodes, proposer.events_of(text, nodes, [], [], "009"), "009") == []


def test_who_imposed_the_sanctions_a_sentence_dates(proposer):
    proposer.types["united-states"] = LB + "Country"
    text = "The United States on May 3, 2020 imposed sanctions on Kataib Hezbollah."
    nodes = nodes_of(proposer, text, {"United States": "united-states", "Kataib Hezbollah": "kataib-hezbollah"})
    found = {(f.property, f.object) for f in proposer.events_of(text, nodes, find_dates(text, None), [], "009")}
    assert {("issuedBy", "united-states"), ("sanctionTarget", "kataib-hezbollah")} <= found


def test_a_sentence_that_says_it_happens_tells_of_no_foreseen_event(proposer):
    proposer.types["arms-foreseen"] = LB + "Transfer"
    known(proposer, "arms-to-syria", ("agent", "iran"), ("cargo", "weapons"))
    known(proposer, "arms-foreseen", ("agent", "iran"), ("cargo", "weapons"))
    labels = {"arms-to-syria": "Iran's arms shipments to Syria", "arms-foreseen": "Iran's foreseen larger arms transfers",
              "iran": "Iran", "weapons": "weapons"}
    names = {"Tehran": "iran", "weapons": "weapons"}
    assert told(proposer, "Tehran moved weapons by night.", names, labels) == {
        ("arms-to-syria", "agent", "iran"), ("arms-to-syria", "cargo", "weapons")}
    # said as a plan, either could be meant
    assert told(proposer, "Tehran plans to move weapons by night.", names, labels) == set()


def test_who_played_a_role_in_a_register_event_took_part_in_it(proposer):
    known(proposer, "capture-2017", ("agent", "kataib-hezbollah"), ("expelled", "islamic-state"), ("capturedPlace", "albu-kamal"))
    text = "Hezbollah and Kataib Hezbollah played a key role in the capture of Albu Kamal from Islamic State."
    names = {"Hezbollah": "hezbollah", "Kataib Hezbollah": "kataib-hezbollah", "Albu Kamal": "albu-kamal",
             "Islamic State": "islamic-state"}
    from kg.event_roles import known_event_roles

    found = {(f.subject, f.property, f.object) for f in known_event_roles(proposer, text, nodes_of(proposer, text, names), [], {})}
    assert found == {("capture-2017", "participant", "kataib-hezbollah"), ("capture-2017", "participant", "hezbollah"),
                     ("capture-2017", "capturedPlace", "albu-kamal"), ("capture-2017", "expelled", "islamic-state")}


def test_a_state_named_by_its_seat_sends_and_keeps_sending_whatever_the_sending_is_for(proposer):
    known(proposer, "arms-to-syria", ("agent", "iran"), ("cargo", "weapons"), ("destination", "syria"))
    names = {"Tehran": "iran", "Syria": "syria"}
    found = told(proposer, "The government in Tehran has also been sending rockets to Syria in an effort to arm its allies.", names)
    assert found == {("arms-to-syria", "agent", "iran"), ("arms-to-syria", "destination", "syria"), ("arms-to-syria", "status", "ongoing")}
    # a city after "in" that is no seat of rulers is where, not who: one role alone tells of no event
    assert told(proposer, "A convoy in Tehran has been sending rockets to Syria.", names) == set()


def test_the_subject_after_a_fronted_gerund_is_the_agent_of_its_event(proposer):
    known(proposer, "capture-2017", ("agent", "kataib-hezbollah"), ("participant", "kataib-hezbollah"),
          ("expelled", "islamic-state"), ("capturedPlace", "albu-kamal"))
    names = {"Islamic State": "islamic-state", "Albu Kamal": "albu-kamal", "Kataib Hezbollah": "kataib-hezbollah"}
    found = told(proposer, "By expelling Islamic State from Albu Kamal, Kataib Hezbollah secured the road west.", names)
    assert ("capture-2017", "agent", "kataib-hezbollah") in found
    assert ("capture-2017", "participant", "kataib-hezbollah") not in found
    # an actor later in a sentence whose event word does not open it is no subject of that word
    found = told(proposer, "Islamic State fled Albu Kamal after the expelling of its fighters, Kataib Hezbollah said.", names)
    assert ("capture-2017", "agent", "kataib-hezbollah") not in found


def test_what_an_actor_has_done_since_a_time_goes_on(proposer):
    known(proposer, "arms-to-syria", ("agent", "iran"), ("cargo", "weapons"), ("destination", "syria"))
    names = {"Iran": "iran", "weapons": "weapons", "Syria": "syria"}
    found = told(proposer, "Since the war, Iran has used its trucks to carry weapons to Syria.", names)
    assert ("arms-to-syria", "status", "ongoing") in found
    past = told(proposer, "In the war, Iran used its trucks to carry weapons to Syria.", names)
    assert ("arms-to-syria", "status", "ongoing") not in past


def test_the_way_an_actor_used_to_do_an_event_is_one_the_event_passes_through_and_is_for(proposer):
    from kg.event_roles import used_ways
    from kg.propose import Proposed

    proposer.types["desert-track"] = LB + "BypassRoad"
    facts = [Proposed("desert-track", "usedBy", "iran", ""), Proposed("arms-to-syria", "agent", "iran", "")]
    found = {(f.subject, f.property, f.object) for f in used_ways(proposer, "Iran used the desert track to ship arms to Syria.", facts)}
    # the way passes the transfer, and the transfer is what the way was used for
    assert found == {("arms-to-syria", "passesThrough", "desert-track"), ("desert-track", "purpose", "arms-to-syria")}
    # used for something that is no transfer, or by another actor than the transfer's, it says nothing of the transfer
    assert used_ways(proposer, "Iran used the desert track to escape.", facts) == []
    other = [Proposed("desert-track", "usedBy", "hezbollah", ""), Proposed("arms-to-syria", "agent", "iran", "")]
    assert used_ways(proposer, "Hezbollah used the desert track to ship arms to Syria.", other) == []


def test_a_seizure_took_place_at_the_crossing_the_goods_were_stopped_passing_through(proposer):
    from kg.event_roles import seized_at
    from kg.propose import Node, Proposed

    proposer.types.update({"pill-seizure": LB + "Seizure", "north-gate": LB + "Crossing"})
    facts = [Proposed("pill-seizure", "date", "2022-06", "")]
    text = "Customs officers in June 2022 stopped two tonnes of fuel passing through the north gate."
    at = text.index("north gate")
    gate = [Node(at, at + len("north gate"), "north-gate", LB + "Crossing", "north gate")]
    found = {(f.subject, f.property, f.object) for f in seized_at(proposer, text, gate, facts)}
    assert found == {("pill-seizure", "location", "north-gate")}
    # a crossing the sentence names otherwise ("the road to the north gate") is not where it was seized
    text = "Customs officers in June 2022 stopped two tonnes of fuel on the road to the north gate."
    at = text.index("north gate")
    gate = [Node(at, at + len("north gate"), "north-gate", LB + "Crossing", "north gate")]
    assert seized_at(proposer, text, gate, facts) == []


def test_a_crossing_said_to_open_tells_of_its_one_opening_without_more_roles(proposer):
    proposer.types.update({"iraq": LB + "Country", "qaim-crossing": LB + "OfficialCrossing", "qaim-opening": LB + "CrossingOpening",
                           "qaim-fence": LB + "Construction"})
    known(proposer, "qaim-opening", ("agent", "iraq"), ("openedCrossing", "qaim-crossing"))
    known(proposer, "qaim-fence", ("location", "qaim-crossing"))
    names = {"Qaim crossing": "qaim-crossing"}
    assert told(proposer, "A general said the Qaim crossing would open within days.", names) == {
        ("qaim-opening", "openedCrossing", "qaim-crossing")}
    # a crossing with one role of another event is not enough to tell of that event
    assert told(proposer, "Workers built a fence in the Qaim crossing.", names) == set()


def test_an_air_strike_and_a_rocket_the_same_day_are_two_strikes(proposer):
    proposer.types["damascus"] = LB + "Settlement"
    proposer.types["israel"] = LB + "Country"
    first = "On September 9, airstrikes ripped apart warehouses at the base."
    found = proposer.events_of(first, [], find_dates(first, "2019-10-01"), [], "009")
    proposer.events.add_drafted(found, proposer.new)
    then = "On September 9 Shi’ite militias near Damascus tried to fire a rocket at Israel."
    nodes = nodes_of(proposer, then, {"Shi’ite militias": "kataib-hezbollah", "Damascus": "damascus", "Israel": "israel"})
    again = {(f.subject, f.property, f.object) for f in proposer.events_of(then, nodes, find_dates(then, "2019-10-01"), [], "009")}
    strikes = {s for s, _, _ in again}
    assert len(strikes) == 1 and strikes.isdisjoint({f.subject for f in found})
    rocket = strikes.pop()
    # who tried it, where they stood, and at whom
    assert again == {(rocket, "date", "2019-09-09"), (rocket, "strikeType", "rocketFire"),
                     (rocket, "perpetrator", "kataib-hezbollah"), (rocket, "nearLocation", "damascus"),
                     (rocket, "target", "israel")}
    # a second air strike that day is the first one told again
    more = "On September 9 an air strike hit the base again."
    assert {f.subject for f in proposer.events_of(more, [], find_dates(more, "2019-10-01"), [], "009")} \
        == {f.subject for f in found}


def test_a_register_strike_of_another_kind_is_not_the_sentences_strike(proposer):
    proposer.types["rocket-june"] = LB + "Strike"
    known(proposer, "rocket-june", ("strikeType", "rocketFire"), date="2018-06-02")
    text = "On June 2, 2018 an air strike hit the militias."
    found = proposer.events_of(text, [], find_dates(text, None), [], "009")
    assert "rocket-june" not in {f.subject for f in found}
    text = "On June 2, 2018 the militias fired rockets at the base."
    found = proposer.events_of(text, [], find_dates(text, None), [], "009")
    assert "rocket-june" in {f.subject for f in found}


def test_the_thing_completed_tells_which_construction_it_was(proposer):
    proposer.types.update({"baghouz-barrier": LB + "Barrier", "barrier-construction": LB + "Construction",
                           "iraq": LB + "Country"})
    known(proposer, "barrier-construction", ("constructed", "baghouz-barrier"), ("status", "completed"), date="--01-28")
    text = "Iraq completed the cement barrier near al-Baghouz in January 2023, but smuggling has continued."
    nodes = nodes_of(proposer, text, {"Iraq": "iraq", "cement barrier near al-Baghouz": "baghouz-barrier"})
    found = {(f.subject, f.property, f.object) for f in proposer.events_of(text, nodes, find_dates(text, None), [], "009")}
    assert found == {("barrier-construction", "date", "2023-01"), ("barrier-construction", "constructed", "baghouz-barrier"),
                     ("barrier-construction", "agent", "iraq"), ("barrier-construction", "status", "completed")}
    # completing what is not built is no construction
    text = "Iraq completed the talks in January 2023."
    found = proposer.events_of(text, nodes_of(proposer, text, {"Iraq": "iraq"}), find_dates(text, None), [], "009")
    assert not any(proposer.types[f.subject] == LB + "Construction" for f in found)


def test_a_new_event_never_takes_the_id_of_the_registers_other_event(proposer):
    proposer.types["strike-2018-06-near-albu-kamal"] = LB + "Strike"
    known(proposer, "strike-2018-06-near-albu-kamal", ("strikeType", "rocketFire"), ("nearLocation", "albu-kamal"),
          date="2018-06")
    text = "In June 2018, an air strike near Albu Kamal killed 12 fighters."
    nodes = nodes_of(proposer, text, {"Albu Kamal": "albu-kamal"})
    found = {f.subject for f in proposer.events_of(text, nodes, find_dates(text, None), [], "009")}
    assert found == {"strike-2018-06-near-albu-kamal-2"} and "strike-2018-06-near-albu-kamal-2" in proposer.new


def test_a_countrys_adjective_tells_which_of_two_like_transfers_a_sentence_tells_of(proposer):
    from kg.event_roles import known_event_roles
    from kg.propose import Node

    known(proposer, "arms-to-syria", ("agent", "iran"), ("cargo", "weapons"), ("destination", "syria"))
    proposer.types["kh-arms-run"] = LB + "Transfer"
    known(proposer, "kh-arms-run", ("agent", "kataib-hezbollah"), ("cargo", "weapons"), ("destination", "syria"))
    text = "It is an artery, with most of the Iranian weapons flowing through it to Syria."
    plain = nodes_of(proposer, text, {"weapons": "weapons", "Syria": "syria"})
    # the goods and the destination fit both transfers: the sentence tells of neither
    assert known_event_roles(proposer, text, plain, [], {}) == []
    start = text.index("Iranian")
    adjective = Node(start, start + len("Iranian"), "iran", LB + "Country", "Iranian", "demonym")
    nodes = sorted(plain + [adjective], key=lambda n: n.start)
    found = {(f.subject, f.property, f.object) for f in known_event_roles(proposer, text, nodes, [], {})}
    # "Iranian": Iran sends the one, not the other
    assert found == {("arms-to-syria", "cargo", "weapons"), ("arms-to-syria", "destination", "syria")}


def test_a_sentence_that_says_more_of_a_transfer_tells_of_the_grown_one(proposer):
    proposer.types["more-arms"] = LB + "Transfer"
    known(proposer, "arms-to-syria", ("agent", "iran"), ("cargo", "weapons"), ("cargo", "fuel"))
    known(proposer, "more-arms", ("agent", "iran"), ("cargo", "weapons"), ("cargo", "fuel"))
    labels = {"arms-to-syria": "Iran's shipments of arms", "more-arms": "Iran's expanded shipments of arms"}
    names = {"weapons": "weapons", "fuel": "fuel"}
    grown = told(proposer, "The new road lets it send a far greater volume of weapons and fuel by land.", names, labels)
    assert grown == {("more-arms", "cargo", "weapons"), ("more-arms", "cargo", "fuel")}
    # no word of more: the two fit equally, and the sentence tells of neither
    assert told(proposer, "The new road lets it send weapons and fuel by land.", names, labels) == set()
    # more said: the grown one, though the plain one has more of the sentence's roles
    known(proposer, "arms-to-syria", ("destination", "syria"))
    names |= {"Syria": "syria"}
    assert told(proposer, "The road lets it send more weapons and fuel to Syria.", names, labels) == {
        ("more-arms", "cargo", "weapons"), ("more-arms", "cargo", "fuel")}
    assert ("arms-to-syria", "destination", "syria") in told(proposer, "The road lets it send weapons and fuel to Syria.", names, labels)


def test_a_group_that_only_qualifies_whom_a_sanction_lists_is_not_its_target(proposer):
    proposer.types.update({"united-states": LB + "Country", "us-sanction-on-kh": LB + "Sanction"})
    known(proposer, "us-sanction-on-kh", ("issuedBy", "united-states"), ("sanctionTarget", "kataib-hezbollah"))
    names = {"Washington": "united-states", "Kataib Hezbollah": "kataib-hezbollah"}
    assert told(proposer, "Washington has sanctioned Kataib Hezbollah for its attacks.", names) == {
        ("us-sanction-on-kh", "issuedBy", "united-states"), ("us-sanction-on-kh", "sanctionTarget", "kataib-hezbollah")}
    # the leaders of the group are listed, not the group; nor is the group the firms worked for
    assert told(proposer, "Washington has sanctioned three Kataib Hezbollah leaders.", names) == set()
    assert told(proposer, "Washington has sanctioned two firms that raised money for Kataib Hezbollah.", names) == set()
    assert told(proposer, "Washington has sanctioned two firms linked to Kataib Hezbollah.", names) == set()


def test_of_two_register_strikes_that_agree_the_one_of_the_finer_date_is_the_sentences(proposer):
    # a series of strikes the register dates by its year, and one of them it dates by its day, both near the town
    for event, date in (("strikes-of-2019", "2019"), ("strike-2019-09-09", "2019-09-09")):
        proposer.types[event] = LB + "Strike"
        known(proposer, event, ("nearLocation", "albu-kamal"), date=date)
    text = "Air strikes hit the base near Albu Kamal on 9 September 2019."
    nodes = nodes_of(proposer, text, {"Albu Kamal": "albu-kamal"})
    found = {(f.subject, f.property, f.object) for f in proposer.events_of(text, nodes, find_dates(text, None), [], "009")}
    assert ("strike-2019-09-09", "date", "2019-09-09") in found
    assert not any(s == "strikes-of-2019" for s, _, _ in found)
    # a day the register has for neither is a new strike: the series other documents date by its year alone is not it
    text = "Air strikes hit the base near Albu Kamal on 20 October 2019."
    found = {(f.subject, f.property, f.object) for f in proposer.events_of(text, nodes_of(proposer, text, {"Albu Kamal": "albu-kamal"}),
                                                                           find_dates(text, None), [], "009")}
    assert not any(s in ("strikes-of-2019", "strike-2019-09-09") for s, _, _ in found)
    assert any(p == "date" and o == "2019-10-20" for _, p, o in found)


def test_a_strike_a_source_dates_a_day_off_the_registers_is_that_one_not_a_series_of_its_month(proposer):
    # the register's strike of the night of 8 to 9 September, dated the 9th, and its strikes of mid and late September
    for event, date in (("strikes-late-september", "2019-09"), ("strike-2019-09-09", "2019-09-09")):
        proposer.types[event] = LB + "Strike"
        known(proposer, "strikes-late-september", ("nearLocation", "albu-kamal"))
        proposer.events.add(event, "date", date)
        proposer.events.add(event, "strikeType", "airStrike")

    def strikes(text: str) -> set[str]:
        nodes = nodes_of(proposer, text, {"Albu Kamal": "albu-kamal"})
        return {f.subject for f in proposer.events_of(text, nodes, find_dates(text, None), [], "009") if f.property == "date"}

    assert strikes("Air strikes hit warehouses near Albu Kamal on 8 September 2019.") == {"strike-2019-09-09"}
    assert strikes("Air strikes hit warehouses near Albu Kamal on September 10, 2019.") == {"strike-2019-09-09"}
    # two days off is another night: the month's series, as the register places it
    assert strikes("Air strikes hit warehouses near Albu Kamal on 23 September 2019.") == {"strikes-late-september"}
    # a rocket fired that night is no air strike of the register
    assert "strike-2019-09-09" not in strikes("A rocket was fired at a post near Albu Kamal on 8 September 2019.")


def test_a_strike_on_a_register_sites_part_is_the_register_strike_on_that_site(proposer):
    # the register's strike hit the warehouses, which other documents place in the base; a sentence names the base
    proposer.types.update({"warehouses": LB + "Installation", "base": LB + "Installation", "strike-on-warehouses": LB + "Strike",
                           "strikes-near-town": LB + "Strike"})
    known(proposer, "strike-on-warehouses", ("hit", "warehouses"), date="2019-09-09")
    proposer.events.add("warehouses", "componentOf", "base")
    known(proposer, "strikes-near-town", ("nearLocation", "albu-kamal"), date="2019-09")
    text = "Air strikes destroyed warehouses at the base near Albu Kamal on September 9, 2019."
    nodes = nodes_of(proposer, text, {"base": "base", "Albu Kamal": "albu-kamal"})
    found = {(f.subject, f.property, f.object) for f in proposer.events_of(text, nodes, find_dates(text, None), [], "009")}
    assert ("strike-on-warehouses", "date", "2019-09-09") in found and not any(s == "strikes-near-town" for s, _, _ in found)
