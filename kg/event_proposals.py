"""The events a sentence reports, as a part of kg.propose.Proposer: one per date that stands close to a word of an
event's kind, the register's event when its kind and place (or date) agree or else a new entry, with its date, the
quantities the sentence counts for it and the roles its cue words give; a date near no such word dates a new event
of no kind by the verb of its clause; a deadline or the date of a source cited in brackets is the latest date of the
event the sentence reports."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from . import event_words as ew
from .casualty_cues import casualty_count
from .cues import read_cues
from .dates import DateMention, dateline, deadlines
from .listed_targets import listed_with
from .namespaces import LB
from .news_dates import date_property, future_verbs
from .proposals import DESCRIBED, MARKUP, NewEntity, Node, Proposed, local_name
from .quantities import QuantityMention
from .relation_cues import TRIGGERS
from .report_cues import action_verbs, finite_verbs
from .same_day_strikes import month_off_strike, night_strike, same_day_strike
from .span_dates import span_ends, spans, within_span
from .speaker_places import speaker_place

TRIGGER_DISTANCE = 50  # an event's word and its date stand this close (characters) in one clause

_TRIGGERS = [(re.compile(rf"\b(?:{p})\b", re.I), cls) for p, cls in TRIGGERS]
_STRIKE_TYPES = [(r"\bair ?strikes?\b|\bairstrikes?\b|\bair raid|\bwar ?planes?\b|\bjets?\b|(?<!unmanned )\baircraft\b", "airStrike"),
                 (r"\bdrone", "droneStrike"),
                 (r"\brocket", "rocketFire")]
# What may stand between an event's agent and the word of the event: auxiliaries, a date ("the United States on
# November 17 imposed sanctions"), the adjective of a strike ("Israeli air strike").
_AUXILIARIES = re.compile(r"\s*(?:(?:has|have|had|is|are|was|were|will|would|also|even|then|later|reportedly|been|being|set to|"
                          r"planning to|plans to|preparing to|seeking to|to|air|drones?|aircraft|jets|warplanes|war planes|planes|"
                          r"helicopters|on \w+ \d{1,2}(?:, \d{4})?|in \w+ \d{4}|"
                          r"on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),?\s+)*",
                          re.I)
# Who tried a strike, maybe with the place they stood: "militias near Damascus tried to fire a rocket".
_ATTEMPT = re.compile(r"(?:\s+(?P<where>near|outside|in)\s+(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}))?"
                      r"\s+(?P<verb>tried|attempted|sought)\s+to\s+")
# Between two dates of one event's word: "in 2018 and again in the summer and fall of 2019".
_AGAIN = re.compile(r"\s*,?\s*(?:and|or)\s+(?:again\s+|later\s+|once more\s+)?(?:(?:in|on|during)\s+)?(?:the\s+)?"
                    r"(?:(?:early|late|mid|summer|spring|fall|autumn|winter|end|beginning)\s+(?:and\s+\w+\s+)?(?:of\s+)?)?", re.I)
# Words before an event's word that make it a purpose, not an event (a wall "designed to curb smuggling").
_PURPOSE = re.compile(r"\b(?:(?<!tried )(?<!attempted )(?<!sought )(?<!according )to|curb|curbing|prevent|preventing|counter|countering|"
                      r"stop|stopping|combat|combating|fight|"
                      r"against)\s+(?:\w+\s+)?$", re.I)
# What may stand between a strike's perpetrator and its verb: the weapon ("Israeli jets hit", "U.S. aircraft struck").
_WEAPON = re.compile(r"(?:air|drones?|aircraft|jets|warplanes|war planes|planes|helicopters)?", re.I)
# Between a strike's verb and the group whose site it hit: "struck buildings used by", "hit a depot of".
_HELD_BY = re.compile(r"\s+(?:(?:a|an|the|two|three|several)\s+)?(?:[\w-]+\s+){0,2}?(?:depots?|warehouses?|positions?|bases?|"
                      r"buildings?|posts?|headquarters|sites?|facilit(?:y|ies)|convoys?|vehicles?|trucks?|camps?)\s+"
                      r"(?:of|used by|belonging to|run by|held by|operated by|controlled by)\s+(?:the\s+)?")
# The subject of a passive sanction is its target: "the group was designated", "two firms have been sanctioned".
_SANCTIONED = re.compile(r"\s+(?:(?:was|were|has been|have been|had been|is|are|being)\s+)(?:\w+ly\s+)?"
                         r"(?:sanctioned|designated|blacklisted)", re.I)
# A group's people after its name: "six Kataib Hezbollah leaders", "two KH commanders".
_ITS_PEOPLE = re.compile(r"['’]?s?\s+(?:senior\s+)?(?:leaders?|commanders?|members?|officials?|financiers?|operatives?|figures?|"
                         r"facilitators?|fighters?)\b", re.I)
# What a deed is done for, before a gerund: "sanctioned five leaders for smuggling weapons" (the sanction is the event).
_FOR_DOING = re.compile(r"\bfor\s+$", re.I)
# What an event's word is for (what is prepared), not what happened: no citation dates it.
_FOR = re.compile(r"\bfor\s+(?:\w+\s+)?$", re.I)
_ACRONYM = re.compile(r"^\s*\([A-Z][A-Za-z]{1,9}\)")
_BEARING = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)? of (?:the )?(?:[A-Z][a-z]+ )?"
                      r"(?:(?:town|city|village|area) (?:of )?)?$")
# A form of "to be" before the verb: a passive ("was taken", "has been closed") or what is said of the subject ("is
# expected"), no deed of the subject's.
_BEING = re.compile(r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?[\w-]+$", re.I)
_NAME_AFTER_NAME = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")  # one name listed after another
# Between the dead and the group they belonged to: "four fighters of the Hashd", "seven fighters, three of them from
# Kataib Hezbollah", "eleven people, all of them Iraqi members of KH".
_OF_GROUP = re.compile(r"(?:,\s+(?:all|most|\w+)\s+of\s+them(?:\s+were)?(?:\s+(?:(?-i:[A-Z])\w+\s+)?(?:members|fighters))?)?"
                       r"\s+(?:of|from)\s+(?:the\s+)?")
_BASED = re.compile(r"\b(?:based|headquartered|registered)\s+in\s+(?:the\s+)?$", re.I)
_REPORTING = re.compile(r"\b(?:reported|reports?|said|says|announced|according to|stated|told|quoted|asked|interviewed)\b", re.I)
_PLACE_ROLE = [(re.compile(r"\b(?:near|in the vicinity of|close to|on the outskirts of|(?:just )?outside|on the edge of|"
                           # "north of al-Qaim", "about 8 km south of the town of": a bearing from a place is near it
                           r"(?:(?:just|about|some|around|roughly|[\d.]+ ?(?:km|kilometres|kilometers|miles)) )*"
                           r"(?<!\bthe )(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)? of) "
                           r"(?:the )?(?:[A-Z][a-z]+ )?"
                           r"(?:(?:(?:border |frontier )?(?:town|city|village|area)|border) (?:of )?)?$"), "nearLocation"),
               (re.compile(r"\b(?:in|at) (?:the )?(?:(?:town|city|village|area|province|region) (?:of )?)?$"), "location")]
# Before a place the text describes by where it lies (kg.described_places): the verb or noun of a strike whose object
# it is, "struck a warehouse", "a strike on warehouses"; a preposition of where an event was, "on a dirt road".
_STRUCK_OBJECT = re.compile(r"\b(?:hit|hits|struck|strikes?\s+on|bombed|targeted|destroyed|shelled|(?:attacks?|raids?)\s+on)\s+"
                            r"(?:(?:a|an|the|two|three|four|several|its|their)\s+)?$", re.I)
_ON_PLACE = re.compile(r"\b(?:on|at|in|inside|along)\s+(?:(?:a|an|the|two|three|four|several|its|their)\s+)?$", re.I)
# A place before the verb of a passive: "Albukamal and Al-Qaim were seized", "the town, which was captured".
_PASSIVE_PLACE = re.compile(r"^(?:(?:,\s*|\s+and\s+)[^.;,]{1,30}?)?,?\s+(?:which\s+)?(?:was|were|had been|has been|have been)\s+$")
# What a seizure of land took: "seized both towns", "seized the city of", "seized territory".
_TOWNS_TAKEN = re.compile(r"\s+(?:(?:the|both|two|three|several|many|most|all|large|swathes of|parts of)\s+)*"
                          r"(?:towns?|cit(?:y|ies)|villages?|territory|territories|provinces?|regions?)\b", re.I)
# What stands between the word of a construction and the thing built: "built a", "completed the towering".
_BUILT_OBJECT = re.compile(r"\s+(?:(?:the|a|an|its|their|his)\s+)?(?:[a-z][\w-]*\s+){0,2}")
_CAPTURE_OBJECT = re.compile(r"\b(?:control of|from|out of|capture of|fall of|took|seized|captured|liberated|liberation of|"
                             r"overr[au]n|retook|recaptured) "
                             r"(?:the )?(?:(?:town|city|village|area|region) of )?$")


def _between(text: str, start: int, end: int) -> str:
    """The text between an actor and an event's word, past markup, an acronym in brackets and a description."""
    return ew.APPOSITIVE.sub("", _ACRONYM.sub("", MARKUP.sub("", text[start:end])))


class EventProposals:
    """The event methods of kg.propose.Proposer (its ontology, types, register events, new entries and reports)."""

    def events_of(self, text: str, nodes: list[Node], dates: list[DateMention], quantities: list[QuantityMention],
                  document: str, doc_date: str | None = None) -> list[Proposed]:
        """The events a sentence reports: one per date that stands close to a word of an event's kind (two dates of
        one word, "struck … in 2018 and again in 2019", are two events) or else to a verb of its clause (an event of no
        kind yet), the report a source citation dates, and the latest dates a citation or a deadline sets
        (doc_date: the document's date, from which "within two months" counts when no citation dates the sentence)."""
        nodes = [n for n in nodes if n.kind != "unsure"]
        place_ends = [n.end for n in nodes if n.kind != "demonym" and self.ontology.is_subclass(n.type, LB + "Place")]
        cited = [d for d in dates if ew.citation(text, d) or dateline(text, d, place_ends)]
        dates = [d for d in dates if d not in cited and not ew.TAKEN.search(text[:d.start])]
        out = self.citations(text, nodes, cited, document) + self.bounds(text, nodes, cited, doc_date, document, bool(dates))
        if not dates:
            return out + self.known_events(text, nodes)
        triggers = []
        for pattern, cls in _TRIGGERS:
            for m in pattern.finditer(text):
                if _PURPOSE.search(text[max(0, m.start() - 30):m.start()]) \
                        or (_FOR_DOING.search(text, 0, m.start()) and m.group(0).lower().endswith("ing")):
                    continue  # "sanctioned five leaders last November for smuggling weapons": the sanction's date
                if cls != "CrossingOpening" or any(local_name(n.type).endswith("Crossing") for n in nodes):
                    triggers.append((m, cls))
        triggers += ew.added_to_sanctions(text, triggers)  # "designated three leaders, and in June it added a firm"
        done = set()
        last = None  # the date before, and the event word it dated
        ranges = spans(text, dates)  # "12 shipments between January and March": one event within the two
        ends = {d.start for d in ranges.values()}
        for date in dates:
            if date.start in ends:
                continue
            # a date that opens the sentence dates its main verb, however long the subject between them
            limit = 2 * TRIGGER_DISTANCE if ew.OPENING.fullmatch(text[:date.start]) else TRIGGER_DISTANCE
            near = [(ew.distance(m, date, text), m.start(), m, cls) for m, cls in triggers
                    if ew.distance(m, date, text) <= limit and ew.one_clause(text, m, date)]
            # "seized the towns in 2014 and reopened …": the verb after "and" is another predicate, not the date's
            near = [c for c in near if not ew.NEXT_PREDICATE.match(text, date.end, c[2].start())] or near
            # "condemned Monday's strike": a date in the possessive dates the event word it qualifies
            near = [c for c in near if ew.POSSESSIVE.fullmatch(text, date.end, c[2].start())] or near
            if not near and last is not None and _AGAIN.fullmatch(text[last[0].end:date.start]):
                near = [(0, 0, last[1], last[2])]  # "struck … in 2018 and again in the fall of 2019": the same word's
            near = near or [(0, 0, *far) for far in [ew.clause_event(text, date, triggers)] if far]  # the clause's subject or verb
            near = near or [(0, 0, *by) for by in [ew.killed_when(text, date, triggers)] if by]  # "were killed when a bomb hit"
            if not near:
                last = None
                continue
            m, cls = ew.said_object(text, *min(near, key=lambda c: (c[0], c[1]))[2:], triggers)
            last = (date, m, cls)
            for word, kind in [(m, cls)] + ew.joined(text, m, triggers):  # "the fall of Baghouz and the takeover of … (March 2019)"
                if (word.start(), date.value) not in done:
                    done.add((word.start(), date.value))
                    facts = self.event(text, nodes, word, kind, date, quantities, document)
                    out.extend(within_span(facts, date, ranges[date.start]) if date.start in ranges else facts)
        dated = {value for _, value in done}
        bounds = span_ends(text, dates)  # "crossed between January and June": what went on then, no event of either end
        for date in dates:
            if date.value not in dated and date.start not in bounds:
                dated.add(date.value)
                out.extend(self.dated_verb(text, nodes, date, document))
        return out

    def bounds(self, text: str, nodes: list[Node], cited: list[DateMention], doc_date: str | None, document: str,
               dated: bool = False) -> list[Proposed]:
        """The latest date of what a sentence reports: a span from the date of the source it cites in brackets, or else
        from the document's ("within two months", "in less than a month"); and that date itself, when the sentence says
        what happened (it happened by then) and gives it no date of its own (dated: it does)."""
        out = []
        reference = cited[0].value if cited else doc_date
        for limit in deadlines(text, reference):
            out += self.bounded(text, nodes, limit, f"{limit.words!r} from {reference}", document, limit.start)
        if read_cues(text).modality != "asserted" or dated:
            return out  # a plan or a prediction the source reports has not happened by its date
        for date in cited:  # by the later of two days the source is cited with
            out += self.bounded(text, nodes, replace(date, value=date.last or date.value),
                                f"the source is cited with the date {date.words!r}", document, None)
        return out

    def bounded(self, text: str, nodes: list[Node], date: DateMention, why: str, document: str, near: int | None
                ) -> list[Proposed]:
        """dateNotAfter of the event the sentence reports: for a deadline (near: where it stands), the word of an event's
        kind nearest it, else the nearest verb (a new event of no kind yet); for a citation, the first word of an event's
        kind (a citation dates the sentence's main event)."""
        end = text.rfind("(", 0, date.start) if near is None and "(" in text[:date.start] else len(text)
        words = [(m, cls) for pattern, cls in _TRIGGERS for m in pattern.finditer(text, 0, end)
                 if near is not None or not (_PURPOSE.search(text[max(0, m.start() - 30):m.start()])
                                             or _FOR.search(text[max(0, m.start() - 30):m.start()]))]
        if near is not None:  # what is due by then ("to open within two months" is no purpose), not the report of it
            words = sorted((w for w in words if w[1] != "Announcement"), key=lambda w: ew.distance(w[0], date))
        else:
            words.sort(key=lambda w: w[0].start())
        if not words and near is not None:
            words = [(m, "Event") for m in sorted(finite_verbs(text), key=lambda m: ew.distance(m, date))]
        if not words:
            return []
        m, cls = words[0]
        places = self.places(text, nodes, m.end(), cls)
        event_id, how = self.events.find(cls, date.value, [p for _, p in places], self.types) if cls != "Event" else (None, "")
        if event_id is None:
            event_id = self.new_event(cls, date.value, places, m.group(0), document)
            how = f"a new {cls}: {m.group(0)!r}"
        return [Proposed(event_id, "dateNotAfter", date.value, f"{how}; no later than {date.value}: {why}")]

    def dated_verb(self, text: str, nodes: list[Node], date: DateMention, document: str) -> list[Proposed]:
        """A date no word of an event's kind stands near, but a verb of its clause does ("in 2017 the forces made their
        way back"): something happened then, a new event of no kind yet (the curator gives it one)."""
        limit = 2 * TRIGGER_DISTANCE if ew.OPENING.fullmatch(text[:date.start]) else TRIGGER_DISTANCE
        near = [(ew.distance(m, date), m) for m in action_verbs(text) + future_verbs(text) if ew.distance(m, date) <= limit
                and not ew.SAYING.fullmatch(m.group(0))  # "officials said on Tuesday": the day of a report, no event
                and not (m.start() < date.end and date.start < m.end())  # "May 2022": the date's own word is no verb
                and ew.one_clause(text, m, date) and not re.search(r"[;:]", text[min(m.end(), date.end):max(m.start(), date.start)])
                and not (m.start() >= date.end and re.fullmatch(r"\s*", text[date.end:m.start()])
                         and not action_verbs(m.group(0)))]  # a date that is the subject: "2017 was a year of war"
        if not near:
            return []
        _, m = min(near, key=lambda c: c[0])
        places = self.places(text, nodes, m.end(), "Event")
        event_id = self.new_event("Event", date.value, places, m.group(0), document)
        how = f"a new Event: the verb {m.group(0)!r} with the date {date.words!r}"
        out = [Proposed(event_id, date_property(text, date), date.value, how + " (year from the document's date)" * date.year_inferred)]
        ev = Node(m.start(), m.end(), event_id, LB + "Event", m.group(0))
        out += [Proposed(event_id, role, place.id, f"{place.words!r} after {m.group(0)!r} ({role})") for role, place in places
                if self.allowed(ev, role, place)]
        return out + self.verb_agent(text, nodes, ev, m)

    def verb_agent(self, text: str, nodes: list[Node], ev: Node, m: re.Match) -> list[Proposed]:
        """The agent of an event told by its verb: the actor the verb's clause names right before it, as its subject
        ("Kataeb Hezbollah moved about 200 fighters"), not a pronoun's guess; none for a passive ("was taken"): what was
        done to it."""
        subjects = [n for n in nodes if n.end <= m.start() and n.kind in ("linked", "new")
                    and self.ontology.is_subclass(n.type, LB + "Actor")
                    and _AUXILIARIES.fullmatch(_between(text, n.end, m.start()))]
        if not subjects or _BEING.search(text[subjects[-1].end:m.end()]) or not self.allowed(ev, "agent", subjects[-1]):
            return []
        agent = subjects[-1]
        return [Proposed(ev.id, "agent", agent.id, f"{agent.words!r}, the subject of {m.group(0)!r}")]

    def event(self, text: str, nodes: list[Node], m: re.Match, cls: str, date: DateMention,
              quantities: list[QuantityMention], document: str) -> list[Proposed]:
        """One event: the register's (same kind, place, date) or a new entry, with its date, place, roles, counts. A
        seizure of towns, not of goods, is a capture ("Albukamal and Al-Qaim were seized by ISIS in 2014")."""
        if cls == "Seizure" and not any(local_name(n.type) == "Commodity" for n in nodes) \
                and (any(_PASSIVE_PLACE.search(text[n.end:m.start()]) for n in self._towns(nodes, m.start()))
                     or _TOWNS_TAKEN.match(text, m.end())):
            cls = "TerritorialCapture"
        places = self.places(text, nodes, m.end(), cls)
        if cls == "TerritorialCapture":
            places = [("capturedPlace", n) for n in self._towns(nodes, m.start())
                      if _PASSIVE_PLACE.search(text[n.end:m.start()])][:2] or places
        kind = strike_kind(text, m) if cls == "Strike" else None
        event_id, how = self.events.find(cls, date.value, [p for _, p in places], self.types, kind=kind)
        if cls != "TerritorialCapture" and any(p.id in self.described for _, p in places):
            # "struck militia positions near Abu Kamal" in June 2018: the register's strike near the town, told as it has it
            towns = self.places(text, [self.described.get(n.id, n) for n in nodes], m.end(), cls)
            if event_id is None:
                event_id, how = self.events.find(cls, date.value, [p for _, p in towns], self.types, kind=kind)
            places = towns if event_id is not None else places
        if cls == "Strike" and (night := night_strike(self.events, self.types, self.new, date.value, kind, event_id)):
            event_id, how = night, f"the strike {night} of the register, which other sources date a day off (a night's strike)"
            places = []  # the register places it; the sentence's place may be another account's
        if event_id is None and cls == "Strike" and (event_id := same_day_strike(self.events, self.types, self.new, date.value, kind)):
            how = f"the strike {event_id} of the register, the one of that day"
            places = []  # the register places it; the place this sentence names is another account's (the base, not the town)
        if event_id is None and cls == "Strike" and (event_id := month_off_strike(
                self.events, self.types, self.new, date.value, kind, {p.id for _, p in places}, {n.id for n in nodes})):
            how = f"the strike {event_id} of the register, of that place and side, which another source dates a month off"
        made = event_id is None
        if event_id is None:
            event_id = self.new_event(cls, date.value, places, m.group(0), document, kind=kind)
            how = f"a new {cls}: {m.group(0)!r} with the date {date.words!r}"
        ev = Node(m.start(), m.end(), event_id, LB + cls, m.group(0))
        out = [Proposed(event_id, date_property(text, date), date.value, f"{how}; date {date.words!r}"
                        + (" (year from the document's date)" if date.year_inferred else ""))]
        words = ew.date_text(text, date)
        out += [Proposed(event_id, "dateText", words, f"{words!r}: a part of its year or month")] if words else []
        for role, place in places:
            if role != "openedCrossing" and self.allowed(ev, role, place):
                out.append(Proposed(event_id, role, place.id, f"{place.words!r} after {m.group(0)!r} ({role})"))
        out.extend(self.roles(text, nodes, ev, cls, m, quantities))
        out = self._registered_sanction(out, event_id, cls, date.value, made)
        for p in out if cls == "Announcement" and event_id in self.new else ():
            if p.property == "agent":
                self.reports.setdefault(p.object, []).append((date.value, event_id))
        return out

    def citations(self, text: str, nodes: list[Node], cited: list[DateMention], document: str) -> list[Proposed]:
        """A source cited with a date in brackets, "(Syrian TV, March 20, 2018)": its report, an Announcement of that
        date made by the source."""
        out = []
        if not _REPORTING.search(text):
            return out  # a credit under a picture, not a report the sentence passes on
        for date in cited:
            opening = text.rfind("(", 0, date.start)
            sources = [n for n in nodes if n.kind in ("linked", "new") and self.ontology.is_subclass(n.type, LB + "Actor")
                       and re.fullmatch(r"\(\s*", text[opening:n.start]) and re.match(r"\s*,", text[n.end:date.start])]
            if not sources:
                continue
            source = sources[0]
            event_id, how = self.events.find("Announcement", date.value, [], self.types, agent=source.id)
            given = [e for day, e in self.reports.get(source.id, []) if date.value.startswith(day) or day.startswith(date.value)]
            if event_id is None and given:  # the report the text gave before, by that source at that time
                event_id, how = given[-1], f"the report {given[-1]} the text gave before ({source.words!r}, the same time)"
            if event_id is None:
                event_id = self.new_event("Announcement", date.value, [], f"report of {source.words}", document,
                                          by=source.id)
                how = f"a new Announcement: {source.words!r} cited with the date {date.words!r}"
            out.append(Proposed(event_id, "date", date.value, f"{how}; date {date.words!r}"))
            out.append(Proposed(event_id, "agent", source.id, f"{source.words!r}, the source cited in brackets"))
        return out

    def known_events(self, text: str, nodes: list[Node]) -> list[Proposed]:
        """An undated sentence about events the register has: a word of an event's kind with its agent named right before
        it ("Iraq is set to open"), the register's one event of that kind whose agent that is (not a report: a source
        makes many); for a transfer, what the sentence says it carries, where to and through where."""
        out = []
        for m, cls in [(m, cls) for pattern, cls in _TRIGGERS if cls != "Announcement" for m in pattern.finditer(text)]:
            agents = [n for n in nodes if n.end <= m.start() and n.kind == "linked" and self.ontology.is_subclass(n.type, LB + "Actor")
                      and _AUXILIARIES.fullmatch(text[n.end:m.start()]) and not ew.PASSIVE.search(text[n.end:m.end()])]
            if not agents or (event_id := self.events.by_agent(cls, agents[-1].id, self.types)) is None:
                continue
            ev = Node(m.start(), m.end(), event_id, self.types[event_id], m.group(0))
            why = f"the {cls} {event_id} of the register, whose agent is {agents[-1].words!r}"
            out.append(Proposed(event_id, "agent", agents[-1].id, f"{why}, before {m.group(0)!r}"))
            for n in nodes if cls == "Transfer" else ():
                before = text[max(0, n.start - 20):n.start].lower()
                if n.start < m.start() or n.kind == "demonym":
                    continue
                if local_name(n.type) == "Commodity":
                    out.append(Proposed(event_id, "cargo", n.id, f"{why}; {n.words!r} carried"))
                elif re.search(r"\bto (?:the )?$", before) and self.allowed(ev, "destination", n):
                    out.append(Proposed(event_id, "destination", n.id, f"{why}; 'to {n.words}'"))
                elif re.search(r"\b(?:through|via) (?:the )?$", before) and self.allowed(ev, "passesThrough", n):
                    out.append(Proposed(event_id, "passesThrough", n.id, f"{why}; 'through {n.words}'"))
        return out

    def _towns(self, nodes: list[Node], before: int) -> list[Node]:
        return [n for n in nodes if n.end <= before and n.kind == "linked" and self.ontology.is_subclass(n.type, LB + "Place")
                and not self.ontology.is_subclass(n.type, LB + "Country")]

    def places(self, text: str, nodes: list[Node], after: int, cls: str) -> list[tuple[str, Node]]:
        """Where the event was: the place after "near", "in" or "at" (a country only after "in"), what a capture took,
        the crossing an opening opens."""
        out = []
        for n in nodes:
            before = text[max(0, n.start - 50):n.start]
            if n.how == DESCRIBED and after <= n.start <= after + 90 and not speaker_place(before):  # a road too
                if cls in ("Strike", "Attack") and _STRUCK_OBJECT.search(before):
                    out.append(("hit", n))  # "struck a depot east of X": what it hit
                elif _ON_PLACE.search(before):
                    out.append(("location", n))  # "on a dirt road north of X", "at a checkpoint outside X": where it was
                else:
                    continue
                out += [("nearLocation", self.described[n.id])] if n.id in self.described else []  # near the town, as news has it
                continue
            if n.kind == "demonym" or not self.ontology.is_subclass(n.type, LB + "Place"):
                continue
            if cls == "CrossingOpening" and local_name(n.type).endswith("Crossing"):
                out.append(("openedCrossing", n))
                continue
            if cls == "Construction" and _BUILT_OBJECT.fullmatch(text[after:n.start]) \
                    and self.ontology.is_subclass(n.type, LB + "Installation"):  # "completed the cement barrier"
                out.append(("constructed", n))
                continue
            if cls == "TerritorialCapture" and _CAPTURE_OBJECT.search(before) and 0 <= n.start - after < 40:
                out.append(("capturedPlace", n))
                continue
            if cls == "Deployment" and ew.MOVED_TO.fullmatch(text[after:n.start]):  # "moved units to the Syrian side"
                out.append(("location", n))
                continue
            if n.start < after or n.start - after > (60 if cls == "Announcement" else 90) or speaker_place(before) \
                    or _BASED.search(before):
                continue  # what a report says lies far on; a speaker's place, or where a firm is based, is not the event's
            for pattern, role in _PLACE_ROLE:
                if cls == "Construction" and _BEARING.search(before):
                    break  # "a wall north of al-Qaim": where the thing built lies, not a place to tell the building by
                if pattern.search(before) and not (local_name(n.type) == "Country" and not re.search(r"\bin (?:the )?$", before)):
                    out.append((role, n))
                    break
        return out[:2]

    def roles(self, text: str, nodes: list[Node], ev: Node, cls: str, m: re.Match, quantities) -> list[Proposed]:
        out = []
        actors = [n for n in nodes if self.ontology.is_subclass(n.type, LB + "Actor")
                  and (n.kind != "demonym" or cls in ("Strike", "Attack") and n.end <= m.start())]
        before = [n for n in actors if n.end <= m.start()  # past a description or an acronym in brackets ("(OFAC)")
                  and _AUXILIARIES.fullmatch(ew.LIGHT.sub(" ", _between(text, n.end, m.start())))]
        after = [n for n in actors if n.start >= m.end() and n.start - m.end() < 50]
        if cls in ("Strike", "Attack"):
            kind = strike_kind(text, m) if cls == "Strike" else None
            if kind:
                out.append(Proposed(ev.id, "strikeType", kind, f"{m.group(0)!r}"))
            if before and _WEAPON.fullmatch(text[before[-1].end:m.start()].strip()):  # "U.S. aircraft struck"
                out.append(Proposed(ev.id, "perpetrator", before[-1].id, f"{before[-1].words!r} before {m.group(0)!r}"))
            else:
                out += self.attempt(text, nodes, ev, m, actors)
            by = [n for n in after if re.search(r"\bby (?:the )?$", text[m.end():n.start])
                  and not _HELD_BY.fullmatch(text[m.end():n.start])]  # "struck buildings used by X": X held them
            if by:
                out.append(Proposed(ev.id, "perpetrator", by[0].id, f"'by {by[0].words}' after {m.group(0)!r}"))
            target = [n for n in actors if 0 <= n.start - m.end() < 90 and n.kind != "demonym"
                      and re.search(r"\b(?:members of|struck|hit|targeted|against|on|at) (?:the )?(?:\w+ ){0,3}$", text[m.end():n.start])]
            target = target or [n for n in actors if n.kind != "demonym" and _HELD_BY.fullmatch(text[m.end():n.start])
                                and not text.startswith(("-", "–"), n.end)][:1]  # "a convoy of Iran-aligned fighters"
            dead = casualty_count(text, m, quantities)
            # "two members of the Hashd were killed when a bomb hit": the group whose dead the count is was struck
            target = target or [n for n in actors if dead is not None and n.kind != "demonym"
                                and _OF_GROUP.fullmatch(text, dead.end, n.start)]
            if target:
                out.append(Proposed(ev.id, "target", target[0].id, f"{target[0].words!r} struck ({m.group(0)!r})"))
                out += [Proposed(ev.id, "target", n.id, f"{n.words!r}, listed with {target[0].words!r}, struck ({m.group(0)!r})")
                        for n in self.struck_with(text, target[0], [a for a in actors if a.kind != "demonym"])]
            if dead is not None:
                out.append(Proposed(ev.id, "casualties", dead.as_yaml(), f"{dead.verbatim!r} with 'killed'"))
        elif cls == "CrossingOpening":
            for n in nodes:
                if local_name(n.type).endswith("Crossing"):
                    out.append(Proposed(ev.id, "openedCrossing", n.id, f"the crossing {n.words!r} opens"))
                    break
        elif cls == "Sanction":
            # "sanctioned six Kataib Hezbollah leaders": its people, not the group, are the targets
            after = [n for n in after if not _ITS_PEOPLE.match(text, n.end)]
            target = [n for n in after if re.search(r"\b(?:on|against|sanctioned|designated|added) (?:the )?(?:\w+ ){0,4}$",
                                                    text[m.end():n.start])]
            passive = before and _SANCTIONED.fullmatch(text[before[-1].end:m.end()])  # "the group was designated by …"
            if not passive and re.fullmatch(r"\w+ed|adds", m.group(0)):  # its verb's object: "designated two firms", "added a firm"
                target = target or [n for n in after if re.fullmatch(r"\s+(?!(?:by|as|in|on|at|for|to|from|with)\s)(?:[\w'’-]+\s+){0,4}",
                                                                     text[m.end():n.start])][:1]
            target = target or (before[-1:] if passive else [])
            for listed in target[:1] + listed_with(text, target[0], actors) if target else ():
                out.append(Proposed(ev.id, "sanctionTarget", listed.id, f"sanctions on {listed.words!r}"))
            by = [n for n in after if re.search(r"\bby (?:the )?$", text[m.end():n.start])] or ([] if passive else before[-1:])
            if by:
                out.append(Proposed(ev.id, "issuedBy", by[0].id, f"{by[0].words!r} imposes {m.group(0)!r}"))
        elif cls == "TerritorialCapture" and re.match(r"\s+by\s", text[m.end():]):
            by = [n for n in after if re.fullmatch(r"\s+by\s+(?:the\s+)?", text[m.end():n.start])]
            if by and self.allowed(ev, "agent", by[0]):
                out.append(Proposed(ev.id, "agent", by[0].id, f"'by {by[0].words}' after {m.group(0)!r}"))
        elif cls == "Announcement" and not before and (speaker := ew.fronted_speaker(text, m, actors)):
            if self.allowed(ev, "agent", speaker):
                out.append(Proposed(ev.id, "agent", speaker.id, f"{speaker.words!r} says what {m.group(0)!r} gives"))
        elif before and not ew.PASSIVE.search(text[before[-1].end:m.end()]):  # "X was expelled": what was done to X
            agent = before[-1]
            if self.allowed(ev, "agent", agent):
                out.append(Proposed(ev.id, "agent", agent.id, f"{agent.words!r} before {m.group(0)!r}"))
        if cls == "Construction" and m.group(0).lower() == "completed":
            out.append(Proposed(ev.id, "status", "completed", f"{m.group(0)!r}: the construction is done"))
        if cls in ("Transfer", "Seizure"):
            for n in nodes:
                if local_name(n.type) == "Commodity":
                    out.append(Proposed(ev.id, "cargo", n.id, f"{n.words!r} carried"))
            for q in quantities:
                out.append(Proposed(ev.id, "quantity", q.as_yaml(), f"{q.verbatim!r} counted"))
                break
        return [p for p in out if self.ontology.fact_property(p.property) is not None]

    def struck_with(self, text: str, first: Node, actors: list[Node]) -> list[Node]:
        """The groups a strike's target is listed with, name after name ("buildings used by KH and Kata'ib Sayyid
        al-Shuhada"): none past a word between ("the group the State Department lists"), no country ("in Iraq and
        Syria": where, not whom), no owner of what comes after it ("Soleimani and the Hashd's deputy head")."""
        if self.ontology.is_subclass(first.type, LB + "Country"):
            return []
        return listed_with(text, first, actors, _NAME_AFTER_NAME, lambda n: not text.startswith(("’s", "'s"), n.end)
                           and not self.ontology.is_subclass(n.type, LB + "Country"))

    def attempt(self, text: str, nodes: list[Node], ev: Node, m: re.Match, actors: list[Node]) -> list[Proposed]:
        """Who tried or attempted the strike, and the place they stood near: "militias near Damascus tried to fire a
        rocket" (perpetrator the militias, nearLocation Damascus)."""
        for actor in reversed([n for n in actors if n.end <= m.start() and n.kind != "demonym"]):
            said = _ATTEMPT.fullmatch(text[actor.end:m.start()])
            if said is None:
                continue
            out = [Proposed(ev.id, "perpetrator", actor.id, f"{actor.words!r} {said.group('verb')} to {m.group(0)!r}")]
            place = said.start("place") >= 0 and next((n for n in nodes if n.start == actor.end + said.start("place")
                                                       and self.ontology.is_subclass(n.type, LB + "Place")), None)
            if place and self.allowed(ev, "nearLocation", place):
                out.append(Proposed(ev.id, "nearLocation", place.id, f"{actor.words!r} {said.group('where')} {place.words!r}"))
            return out
        return []

    def _registered_sanction(self, out: list[Proposed], event_id: str, cls: str, date: str, made: bool) -> list[Proposed]:
        """A sanction the sentence made new whose target and issuer, as its roles give them, are a register sanction's
        ("The State Department designated Kataib Hezbollah … in 2009": the designation the register has): that one."""
        if not made or not self.ontology.is_subclass(LB + cls, LB + "Sanction"):
            return out
        targets = {p.object for p in out if p.subject == event_id and p.property == "sanctionTarget"}
        issuers = {p.object for p in out if p.subject == event_id and p.property == "issuedBy"}
        found = self.events.by_parties(cls, targets, issuers, date, self.types)
        if found is None:
            return out
        if not any(p.object == event_id for p in out):
            self.new.pop(event_id, None)
            self.types.pop(event_id, None)
        why = f"the sanction {found} of the register, whose target and issuer these are"
        return [replace(p, subject=found, reason=f"{why}; {p.reason}") if p.subject == event_id else p for p in out]

    def new_event(self, cls: str, date: str, places: list[tuple[str, Node]], words: str, document: str,
                  by: str | None = None, kind: str | None = None) -> str:
        """A new event's id from its class, date and first place; a strike of another kind than a new strike of that id
        (an air strike and a rocket fired the same day) gets its kind in its id, to stay a separate event."""
        name = re.sub(r"(?<!^)(?=[A-Z])", "-", cls).lower() if by is None else f"{by}-report"
        where = ""
        if places:
            role, place = places[0]
            where = {"nearLocation": "-near-", "location": "-in-", "capturedPlace": "-of-"}.get(role, "-") + place.id
        ent_id = f"{name}-{date.lstrip('-')}{where}"
        if kind and ent_id in self.new and kind not in self.events.kinds.get(ent_id, {kind}):
            ent_id += "-" + re.sub(r"(?<!^)(?=[A-Z])", "-", kind).lower()
        if ent_id in self.types and ent_id not in self.new:  # the id of a register entry that is another event
            ent_id = next(f"{ent_id}-{n}" for n in itertools.count(2)
                          if f"{ent_id}-{n}" in self.new or f"{ent_id}-{n}" not in self.types)
        if ent_id not in self.new:
            label = f"{words} {'near ' if where.startswith('-near') else 'in ' if where.startswith('-in') else ''}" \
                    f"{places[0][1].words if places else ''} ({date})".replace("  ", " ")
            self.new[ent_id] = NewEntity(ent_id, cls, label[0].upper() + label[1:], [],
                                         f"an event of the kind {cls} ({words!r}) dated {date} in document {document}")
            self.types[ent_id] = LB + cls
        return ent_id


def strike_kind(text: str, m: re.Match) -> str | None:
    """The kind of strike its word says, or the word just before it ("airstrikes struck", "fire a rocket")."""
    for kind_pattern, kind in _STRIKE_TYPES:
        if re.search(kind_pattern, text[max(0, m.start() - 10):m.end()], re.I) \
                or re.search(rf"(?:{kind_pattern})\w*\s+$", text[max(0, m.start() - 25):m.start()], re.I):
            return kind
    return None
