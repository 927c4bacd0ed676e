"""The roles of an event the register has, where a sentence tells of it again.

Other documents' statements say who took part in the register's events (agent, cargo, destination, target …;
kg.event_index keeps them). A sentence with a word of the event's kind ("the transport of weapons", "sending materiel
to Syria") that names, in that word's clause, at least two of the things those statements give the event, each where
its role stands (the agent before the word and not after a preposition, the destination after "to", the origin after
"from", …), or names the crossing an opening opens (a crossing has one opening, whatever date a source gives it),
tells of that event: those roles are proposed again, as a curator writes them for each document that
reports the event. A kind word tells of events of its kind (a sending is not yet a smuggling); an event of no kind is
told of by a word of its own label ("press" for "pressure on the Iraqi government"); a report (one source's words at
one time) is not recognised this way. An event whose word the sentence puts in the progressive ("is enforcing
sanctions"), says goes on ("still smuggle") or has gone on since a time ("Since then, they have used …") is ongoing
(its status), unless the sentence only plans or supposes it before the word (a purpose after it, "in an effort to",
does not make the sending planned). A state named by its rulers' seat ("the regime in Tehran") stands as a subject
does, and so does the subject after a sentence's opening gerund ("By expelling ISIS …, the militias opened"); an
actor other documents give as both agent and participant is, as the doer, the agent.
A sentence whose dates all differ from the event's does not tell of it. Where two events of the register fit one
word, the grown one (its label says "expanded") is meant where the sentence says there is more of it ("a much greater
volume"); otherwise the one whose roles the sentence names more of, then the one whose doer the clause names by its
adjective ("the Iranian weapons flowing"), then the one more words of whose label the sentence has ("expand" for
"expanded transport"); where that too is even, the word tells of neither. A sentence that says the event happens
tells of no event the register labels foreseen or planned. Who "played a role in" or "took part in" it is a participant, and so are the
actors joined to it by "and".

The roles of the events a sentence dates that the cues of kg.event_proposals leave out are here too: who attended a meeting,
what the people a dated strike hit were engaged in, and the way an actor used to do the transfer it is the agent of (passesThrough).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .cues import read_cues
from .dates import DateMention
from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .relation_cues import FROM, THROUGH, TO, TRIGGERS

# Words of an event's kind besides kg.relation_cues' (those date a new event; these only recognise a known one).
_MORE = [
    (r"send(?:s|ing)?|sent|supply(?:ing)?|supplie[sd]|deliver(?:s|ed|ing|y|ies)?|ship(?:s|ped|ping)?|carr(?:y|ies|ied|ying)|"
     r"mov(?:e|es|ed|ing)|flow(?:s|ed|ing)?", "Transfer"),
    (r"smuggl(?:e|es|ed|ing|ers?)|contraband", "SmugglingOperation"),
    (r"interdict(?:s|ed|ing|ions?)?", "Seizure"),
    (r"reclaim(?:s|ed|ing)?|recaptur(?:e|ed|ing)|retak(?:e|en|ing)|retook", "TerritorialCapture"),
]
# The event's word in the progressive ("is enforcing sanctions", "has been sending") or said to go on ("still smuggle").
_ONGOING = re.compile(r"\b(?:is|are|(?:has|have)(?:\s+(?:also|still|\w+ly))?\s+been)\s+(?:(?:\w+ly|also|still)\s+)?\w+ing\b"
                      r"[\w ]{0,25}$|\bstill\b|\bcontinu\w+", re.I)
_MEETING = re.compile(r"\b(?:meetings?|summit|conference|talks|met)\b", re.I)
# The words between a meeting's word and who attended it ("a meeting of the military commanders from").
_ATTENDING = re.compile(r"^\s+(?:(?:of|with|between|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?)+$", re.I)
_ENGAGED = re.compile(r",?\s*\b(?:who|which)\s+(?:were|was|are|is|had been)\s+(?:engaged|involved|taking part)\s+in\s+"
                      r"(?:the\s+)?(\w+)", re.I)
_FORESEEN = re.compile(r"\b(?:foreseen|planned|proposed|possible|potential|expected|future|prospective)\b", re.I)
_TAKING_PART = re.compile(r"\b(?:played\s+(?:a|an)\s+(?:\w+\s+)?role|participated|took\s+part|helped|joined)\s+in\b", re.I)
# More of an event (a comparative of amount or a verb of growing), and an event's label that says it grew.
_MORE_OF = re.compile(r"\b(?:more|greater|larger|bigger|higher|expand\w*|increas\w*|boost\w*|step(?:s|ped)?\s+up)\b", re.I)
_GROWN = re.compile(r"\b(?:expand\w*|increas\w*|grow\w*|greater|larger|more)\b", re.I)
_STOP = {"about", "after", "again", "against", "among", "before", "between", "other", "their", "there", "these", "those",
         "under", "where", "which", "while", "would", "could", "should", "within", "without", "through"}
_WORDS = [(re.compile(rf"\b(?:{p})\b", re.I), cls) for p, cls in TRIGGERS + _MORE]
LEAST = 2  # the things a sentence must name of an event's roles to tell of it
CLAUSE = 80  # characters between a kind word and the things it tells of, with no ";" or bracket between
_PREPOSITION = re.compile(r"\b(?:between|with|from|to|into|in|at|near|of|on|against|across|through|via|by|for)\s+(?:the\s+)?$",
                          re.I)
# A state named by the seat of its rulers ("the regime in Tehran"): the city stands for the doer, as a subject does.
_SEAT = re.compile(r"\b(?:regime|government|leadership|rulers)\s+in\s+$", re.I)
_BY = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
_AT_CROSSING = re.compile(r"\b(?:through|at|via)\s+(?:the\s+)?$", re.I)
# "used back roads in the area to send": the way, then the verb of what it was used for
_USED_FOR = re.compile(r"\b(?:use[sd]?|using|exploit(?:s|ed|ing)?)\s+[^,;:()]{3,50}?\s+to\s+(\w+)", re.I)
# "Since then, they have used …": what the present perfect says since a time still goes on.
_SINCE = re.compile(r"^\W*since\b[^.;:]*\b(?:has|have)\s+(?:\w+ly\s+|also\s+)?\w+ed\b", re.I)
# A sentence that opens with the event's gerund ("By expelling ISIS from the town, the militias opened …"): the
# subject of the main clause, right after the comma that closes the gerund's phrase, did it.
_FRONTED = re.compile(r"\W*(?:by|after|in)\s+$", re.I)
_MAIN_SUBJECT = re.compile(r"[^,;:()]*,\s+(?:the\s+)?")
_WHERE = re.compile(r"\b(?:in|at|near|inside|around)\s+(?:the\s+)?$", re.I)
# A name that qualifies the people after it ("designated three Kataib Hezbollah leaders", "the group's financiers"): those
# people, not the group, are what a sanction lists; and the one a deed was done for ("moving money for the group") or
# a listed firm is tied to ("two companies linked to the group").
_QUALIFIES = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:leaders?|commanders?|members?|officials?|financiers?|figures?|"
                        r"facilitators?|operatives?|affiliates?|front compan(?:y|ies)|firms?|companies|networks?)\b", re.I)
_FOR_WHOM = re.compile(r"\b(?:for|on behalf of|(?:linked|tied|connected|close|affiliated)\s+(?:to|with))\s+(?:the\s+)?$", re.I)
_ACTORS = ("agent", "perpetrator", "issuedBy", "participant")
_AFTER = ("target", "sanctionTarget", "expelled", "capturedPlace")
_ANYWHERE = ("cargo", "concerns", "attendedBy", "openedCrossing")
# The role that alone tells which event a word of its kind is: a crossing has one opening, whatever its date.
_ITS_OBJECT = ("openedCrossing",)


def known_event_roles(proposer: Proposer, text: str, nodes: list[Node], dates: list[DateMention],
                      labels: dict[str, str]) -> list[Proposed]:
    """The roles of the register events a sentence tells of again (one per word), as far as the sentence names them."""
    named = [n for n in nodes if n.kind in ("linked", "reference")]
    named += _crossings_at(proposer, text, named)
    if not named:
        return []
    ontology = proposer.ontology
    values = [d.value for d in dates]
    kinds = [(m, cls) for pattern, cls in _WORDS for m in pattern.finditer(text)]
    asserted = read_cues(text).modality == "asserted"
    by_word: dict[tuple[int, int], list[tuple]] = {}
    for event_id, roles in proposer.events.roles.items():
        ev_type = proposer.types.get(event_id)
        if ev_type is None or event_id in proposer.new or ev_type == LB + "Announcement" \
                or not ontology.is_subclass(ev_type, LB + "Event") or proposer.events.other_time(event_id, values) \
                or asserted and _FORESEEN.search(labels.get(event_id, "")):  # what a sentence says happens is no foreseen event
            continue
        if ev_type == LB + "Event":
            words = _label_words(text, event_id, roles, labels)
        else:
            words = [m for m, cls in kinds if ontology.is_subclass(LB + cls, ev_type)]
        for m in words:
            found = _placed(text, m, named, roles)
            if len({n.id for _, n in found}) >= LEAST or any(prop in _ITS_OBJECT for prop, _ in found):
                found += _taking_part_too(proposer, text, named, found)
                score = (_grown(text, m, labels.get(event_id, "")), len(found), _adjectives(text, m, nodes, roles),
                         len(_label_words(text, event_id, roles, labels)))
                by_word.setdefault(m.span(), []).append((score, event_id, m, found))
    out = []
    for candidates in by_word.values():
        candidates.sort(key=lambda c: tuple(-x for x in c[0]))
        if len(candidates) > 1 and candidates[1][0] == candidates[0][0]:
            continue
        _, event_id, m, found = candidates[0]
        why = f"the {_local(proposer.types[event_id])} {event_id} of the register, told by {m.group(0)!r}"
        out += [Proposed(event_id, prop, n.id, f"{why}: {n.words!r} is its {prop} in other documents and stands as one here")
                for prop, n in found]
        going = _ONGOING.search(text[max(0, m.start() - 40):m.end()]) or _SINCE.search(text[:m.start()])
        # what the sentence says after the word ("in an effort to …") is its purpose: the sending itself is asserted
        if going and (asserted or read_cues(text[:m.end()]).modality == "asserted"):
            out.append(Proposed(event_id, "status", "ongoing", f"{why}: {going.group(0).strip()!r}, still going on"))
    return out


def used_ways(proposer: Proposer, text: str, facts: list[Proposed]) -> list[Proposed]:
    """[event, passesThrough, way] for the route or crossing an actor is said to use to do an event it does ("Iran has
    used back roads in the area to send equipment into Syria"): the way the draft has its user, the event its agent;
    and [way, purpose, event], what the way was used to do (the ontology's purpose)."""
    m = _USED_FOR.search(text)
    if m is None or not any(p.fullmatch(m.group(1)) for p, _ in _WORDS):
        return []
    ontology = proposer.ontology
    users = {(f.subject, f.object) for f in facts if f.property == "usedBy"}
    doers = {(f.subject, f.object) for f in facts if f.property == "agent"
             and ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Transfer")}
    pairs = [(way, event) for way, user in users for event, agent in doers if user == agent]
    return [Proposed(event, "passesThrough", way, f"{m.group(0)!r}: the way its agent used to do it") for way, event in pairs] + \
        [Proposed(way, "purpose", event, f"{m.group(0)!r}: what its user used it to do") for way, event in pairs]


def seized_at(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """[seizure, location, crossing] for the one seizure a sentence dates and the crossing it says the goods were
    stopped passing "through" or "at" ("stopped the passage of three million pills through the al-Qaim crossing")."""
    ontology = proposer.ontology
    seizures = list(dict.fromkeys(f.subject for f in facts if f.property == "date"
                                  and ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Seizure")))
    if len(seizures) != 1 or any(f.subject == seizures[0] and f.property == "location" for f in facts):
        return []
    crossings = [n for n in nodes if n.kind in ("linked", "reference") and ontology.is_subclass(n.type, LB + "Crossing")
                 and _AT_CROSSING.search(text[max(0, n.start - 20):n.start])]
    return [Proposed(seizures[0], "location", n.id, f"stopped passing {n.words!r}") for n in crossings[:1]]


def attendees(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """[meeting, attendedBy, actor] for the one meeting a sentence dates: the actors a meeting's word has after "of",
    "with", "between" or "from" ("a meeting of the commanders from Syria, Iraq and Iran", "met with the minister"), and
    those coordinated with them, up to the clause's end."""
    meetings = list(dict.fromkeys(f.subject for f in facts if f.property == "date"
                                  and proposer.ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Meeting")))
    if len(meetings) != 1:
        return []
    later = sorted((n for n in nodes if n.kind in ("linked", "reference", "new")), key=lambda n: n.start)
    for word in _MEETING.finditer(text):
        out, last = [], None
        for n in (n for n in later if n.start >= word.end()):
            between = text[last.end if last else word.end():n.start]
            if re.search(r"[;()]|[.!?]\s", between) or n.start - word.end() > CLAUSE:
                break
            joined = last is not None and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", between)
            if (joined or last is None and _ATTENDING.search(between)) and proposer.ontology.is_subclass(n.type, LB + "Actor"):
                out.append(Proposed(meetings[0], "attendedBy", n.id, f"{n.words!r} after {word.group(0)!r}"))
                last = n
            else:
                break
        if out:
            return out
    return []


def engaged_in(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed], document: str) -> list[Proposed]:
    """The event the people a dated event struck were engaged in at the time ("killed more than 20 members of Kataib
    Hezbollah (KH), who were engaged in the shipment of weapons to Syria"): a new event of its word's kind, of that
    date, whose agent is who the clause is about, with the cargo and destination its words give."""
    m = _ENGAGED.search(text)
    dated = [f for f in facts if f.property == "date" and f.subject in proposer.types]
    if m is None or len({f.object for f in dated}) != 1:
        return []
    kinds = [cls for pattern, cls in _WORDS if pattern.fullmatch(m.group(1))]  # the narrowest: smuggling, not a transfer
    kind = next((k for k in kinds if all(proposer.ontology.is_subclass(LB + k, LB + o) for o in kinds)), None)
    before = [n for n in nodes if n.end <= m.start() and n.kind in ("linked", "new")
              and proposer.ontology.is_subclass(n.type, LB + "Actor") and re.fullmatch(r"\s*(?:\([^()]*\))?\s*,?\s*",
                                                                                  text[n.end:m.start()])]
    if kind is None or not before:
        return []
    date = dated[0].object
    event_id = proposer.new_event(kind, date, [], m.group(1), document)
    ev = Node(m.start(1), m.end(1), event_id, LB + kind, m.group(1))
    why = f"{before[-1].words!r} {m.group(0).strip()!r} when the sentence's event took place ({date})"
    out = [Proposed(event_id, "date", date, why), Proposed(event_id, "agent", before[-1].id, why)]
    for n in (n for n in nodes if n.start >= m.end() and n.start - m.end() <= CLAUSE and n.kind in ("linked", "new")):
        ahead = text[m.end():n.start]
        if re.search(r"[;()]|,\s", ahead):
            break
        if _local(n.type) == "Commodity":
            out.append(Proposed(event_id, "cargo", n.id, f"{n.words!r} after {m.group(1)!r}"))
        elif TO.search(ahead) and proposer.allowed(ev, "destination", n):
            out.append(Proposed(event_id, "destination", n.id, f"'to {n.words}' after {m.group(1)!r}"))
    return out


def _label_words(text: str, event_id: str, roles: set[tuple[str, str]], labels: dict[str, str]) -> list[re.Match]:
    """The words of a sentence that tell of an event of no kind: a word of its label's own (not a name, not a word of
    the labels of the things it involves) whose first five letters the sentence's word has ("press" for "pressure")."""
    others = {w.lower() for _, obj in roles for w in re.findall(r"[\w-]+", labels.get(obj, ""))}
    own = {w[:5].lower() for w in re.findall(r"\b[a-z][a-z-]{4,}\b", labels.get(event_id, "")) if w.lower() not in others}
    return [m for m in re.finditer(r"\b[a-z][a-z-]{4,}\b", text) if m.group(0)[:5].lower() in own - _STOP]


def _adjectives(text: str, m: re.Match, nodes: list[Node], roles: set[tuple[str, str]]) -> int:
    """How many countries the word's clause names by their adjective ("the Iranian weapons flowing …") that do or send
    the event in other documents: what tells it from another event of its kind with the same goods."""
    doers = {obj for prop, obj in roles if prop in _ACTORS or prop == "origin"}
    return len({n.id for n in nodes if n.kind == "demonym" and n.id in doers and _clause(text, n, m)})


def _grown(text: str, m: re.Match, label: str) -> int:
    """1 where the sentence says there is more of the event ("send a much greater volume of weapons", "make far more
    efficient its land bridge for sending") and the event's label says it is the grown one ("expanded transport")."""
    return int(bool(_MORE_OF.search(text[max(0, m.start() - CLAUSE):m.end() + CLAUSE]) and _GROWN.search(label)))


def _clause(text: str, n: Node, m: re.Match) -> bool:
    """Whether a thing stands in the clause of an event's word: near it, with no ";" or bracket between."""
    gap = text[n.end:m.start()] if n.end <= m.start() else text[m.end():n.start] if n.start >= m.end() else None
    return gap is not None and len(gap) <= CLAUSE and not re.search(r"[;()]", gap)


def _crossings_at(proposer: Proposer, text: str, named: list[Node]) -> list[Node]:
    """A crossing a sentence speaks of by the one town of the register's crossings it joins ("the official border
    crossing at the Iraqi city of al-Qaim"): the town's node stands for it too."""
    if not re.search(r"\bcrossings?\b", text, re.I):
        return []
    out = []
    for n in named:
        joined = [c for c, places in proposer.events.connects.items() if n.id in places and c in proposer.types
                  and proposer.ontology.is_subclass(proposer.types[c], LB + "Crossing")]
        if len(joined) == 1 and joined[0] not in {m.id for m in named}:
            out.append(replace(n, id=joined[0], type=proposer.types[joined[0]], kind="reference"))
    return out


def _placed(text: str, m: re.Match, named: list[Node], roles: set[tuple[str, str]]) -> list[tuple[str, Node]]:
    """The (role, node) pairs of an event's known roles whose thing the word's clause names where that role stands; a
    thing with two known roles counts only where one of them alone fits."""
    out = []
    seen = set()
    for n in named:
        if n.id in seen:
            continue
        if not _clause(text, n, m):
            continue
        gap = text[n.end:m.start()] if n.end <= m.start() else text[m.end():n.start]
        fitting = [prop for prop, obj in roles if obj == n.id and _stands(prop, text, n, m)]
        if fitting and n.end <= m.start() and _TAKING_PART.search(gap):  # "X played an important role in taking control"
            fitting = ["participant"]
        elif set(fitting) == {"agent", "participant"}:  # who does it, not said only to take part, is its agent
            fitting = ["agent"]
        if len(fitting) == 1:
            seen.add(n.id)
            out.append((fitting[0], n))
    return out


def _taking_part_too(proposer: Proposer, text: str, named: list[Node], found: list[tuple[str, Node]]) -> list[tuple[str, Node]]:
    """The actors joined by "and" before a participant: "Hezbollah and the militias took part in …", both did."""
    ids = {n.id for _, n in found}
    return [("participant", o) for prop, n in found if prop == "participant" for o in named
            if o.id not in ids and o.end <= n.start and o.kind == "linked" and proposer.ontology.is_subclass(o.type, LB + "Actor")
            and re.fullmatch(r"\W*\s+and\s+(?:the\s+)?(?:[\w’'-]+\s+)?", text[o.end:n.start])]


def _stands(prop: str, text: str, n: Node, m: re.Match) -> bool:
    """Whether a thing stands where a role stands relative to the event's word."""
    before = text[max(0, n.start - 30):n.start]
    after_word = n.start >= m.end()
    if prop in _ACTORS:
        if after_word:
            return _BY.search(before) is not None or bool(m.group(0).lower().endswith("ing") and _FRONTED.fullmatch(text[:m.start()])
                                                          and _MAIN_SUBJECT.fullmatch(text[m.end():n.start]))
        return not _PREPOSITION.search(before) or bool(_SEAT.search(before))
    if prop in ("destination", "recipient"):
        return TO.search(before) is not None
    if prop == "origin":
        return FROM.search(before) is not None
    if prop in ("location", "nearLocation"):
        return _WHERE.search(before) is not None
    if prop == "passesThrough":
        return THROUGH.search(before) is not None
    if prop in _AFTER:  # not a name that only qualifies what was struck or listed, nor whom it was done for
        return after_word and not _FOR_WHOM.search(before) and not (prop == "sanctionTarget" and _QUALIFIES.match(text, n.end))
    return prop in _ANYWHERE


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]
