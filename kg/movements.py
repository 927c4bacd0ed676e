"""Moves of forces a sentence dates: who moved, where to and where from.

"In 2017 the regime and the army made their way back to the border", "in 2016 when units of the brigade, a group
allied to the army, moved some fighters to the western bank from the city": a Deployment (kg.relation_cues' words of a
move) whose agents are the actors its clause names before the verb (joined by "and"), whose `location` is the place
after "to" and whose `origin` is the place after "from". A date followed by "when" dates the move the "when" clause
tells of, not the verb before it ("this seemed to be the case in 2017 when …").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from .event_words import MOVED_TO, citation
from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .relation_cues import TRIGGERS

_MOVE = re.compile(rf"\b(?:{next(p for p, cls in TRIGGERS if cls == 'Deployment')})\b", re.I)
# Between the verb of a move and the place it came from.
_FROM = re.compile(r"\s+from\s+(?:the\s+)?$", re.I)
_REACH = 70  # characters after the verb that the move's places stand within
# Between the last two movers, where the last is words the register does not name: "the regime and Iraqi forces".
_AND = re.compile(r"^\s+and\s+(?:the\s+)?(?:[A-Za-z’'-]+\s+){1,2}$")
# Between two movers: "the regime and the army", "the army, the police and".
_JOIN = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$")
_ACTORS = ("ArmedGroup", "MilitaryUnit", "StateForce", "GovernmentBody", "Country")
# A date the clause after it ("when …") tells the event of.
_WHEN = re.compile(r"^\s*,?\s*when\b", re.I)


def _moves(proposer: Proposer, facts: list[Proposed]) -> list[str]:
    """The Deployments the sentence's facts date."""
    return list(dict.fromkeys(f.subject for f in facts if f.property == "date"
                              and proposer.ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Deployment")))


def movement_roles(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """[move, location, place] after "to", [move, origin, place] after "from" and [move, agent, actor] for the actors
    joined by "and" before the verb, for the one move the sentence dates and its one verb of moving."""
    moves = _moves(proposer, facts)
    verbs = list(_MOVE.finditer(text))
    if len(moves) != 1 or len(verbs) != 1:
        return []
    move, verb = moves[0], verbs[0]
    ev = Node(verb.start(), verb.end(), move, proposer.types[move], verb.group(0))
    given = {(f.property, f.object) for f in facts if f.subject == move and isinstance(f.object, str)}  # not counts
    out = []
    places = [n for n in nodes if n.kind in ("linked", "new", "reference") and verb.end() <= n.start < verb.end() + _REACH
              and proposer.ontology.is_subclass(n.type, LB + "Place")]
    for n in places:
        if MOVED_TO.fullmatch(text[verb.end():n.start]) and not any(p == "location" for p, _ in given):
            role = "location"
        elif _FROM.search(text[verb.end():n.start]):
            role = "origin"
        else:
            continue
        if proposer.allowed(ev, role, n) and (role, n.id) not in given:
            given.add((role, n.id))
            out.append(Proposed(move, role, n.id, f"{verb.group(0)!r} {'to' if role == 'location' else 'from'} {n.words!r}"))
    out += _agents(proposer, text, nodes, ev, verb, given)
    # where the sentence says the mover is deployed is where it moved: "Kataib Hezbollah moved units to the Syrian side"
    agents = {f.object for f in facts + out if f.subject == move and f.property == "agent"}
    there = list(dict.fromkeys(f.object for f in facts if f.property == "deployedIn" and f.subject in agents))
    if len(there) == 1 and not any(p == "location" for p, _ in given | {(f.property, f.object) for f in out}):
        out.append(Proposed(move, "location", there[0], f"{verb.group(0)!r}: where the mover is deployed, the sentence says"))
    return out


def _agents(proposer: Proposer, text: str, nodes: list[Node], ev: Node, verb: re.Match, given: set) -> list[Proposed]:
    """The actors joined by "and" right before the verb of the move: "the regime and the army made their way"; the
    last conjunct may be words the register does not name ("the regime and Iraqi forces": the regime)."""
    actors = [n for n in nodes if n.kind in ("linked", "new") and n.end <= verb.start()
              and any(proposer.ontology.is_subclass(n.type, LB + c) for c in _ACTORS)]
    joined: list[Node] = []
    cursor = verb.start()
    for n in reversed(actors):
        gap = text[n.end:cursor]
        if not (_JOIN.match(gap) if joined else not gap.strip() or _AND.match(gap)):
            break
        joined.insert(0, n)
        cursor = n.start
    return [Proposed(ev.id, "agent", n.id, f"{n.words!r} before {verb.group(0)!r}") for n in joined
            if proposer.allowed(ev, "agent", n) and ("agent", n.id) not in given]


_ASIDE = re.compile(r",\s+(?:a|an|the)\s+[^,;()]{3,90},")
_WORDS = [(re.compile(rf"\b(?:{p})\b", re.I), cls) for p, cls in TRIGGERS if cls != "Announcement"]


def when_dated(proposer: Proposer, text: str, nodes: list[Node], dates: list, quantities: list, document: str,
               facts: list[Proposed]) -> list[Proposed]:
    """The sentence's facts where a date is followed by "when" and a clause with a word of an event's kind: that event,
    dated, in place of the event of no kind the verb before the date gave ("the case in 2017 when units moved …")."""
    for date in dates:
        if not _WHEN.match(text[date.end:]) or citation(text, date):
            continue
        end = re.search(r"[;:()]|$", text[date.end:]).start() + date.end
        aside = [a.span() for a in _ASIDE.finditer(text, date.end, end)]  # ", a group sanctioned by the US,": a description
        words = sorted(((m, cls) for pattern, cls in _WORDS for m in pattern.finditer(text, date.end, end)
                        if not any(a <= m.start() < b for a, b in aside)), key=lambda w: w[0].start())
        dated = {f.subject for f in facts if f.property == "date" and f.object == date.value}
        if not words or any(proposer.types.get(e) != LB + "Event" for e in dated):
            continue
        facts = [f for f in facts if f.subject not in dated or f.subject not in proposer.new]
        m, cls = words[0]
        before = set(proposer.new)
        told = proposer.event(text, nodes, m, cls, date, quantities, document)
        facts += _own(proposer, told, before, m.group(0), date.value) if len(date.value) == 4 else told
    return facts


def _own(proposer: Proposer, told: list[Proposed], before: set[str], words: str, year: str) -> list[Proposed]:
    """The facts of a year's event under an id of its own where its id is that of an event an earlier sentence gave: a
    year alone does not make two events one (the register's events are found by more than their year)."""
    event = told[0].subject if told else None
    if event not in before:
        return told
    own = next(f"{event}-{n}" for n in itertools.count(2) if f"{event}-{n}" not in proposer.types)
    proposer.new[own] = replace(proposer.new[event], id=own, label=f"{words[0].upper()}{words[1:]} ({year})",
                                reason=f"{proposer.new[event].reason}; another event than {event}: {words!r}")
    proposer.types[own] = proposer.types[event]
    return [replace(f, subject=own) if f.subject == event else f for f in told]
