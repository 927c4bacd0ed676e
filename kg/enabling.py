"""What makes a transfer possible: "this land bridge may enable Tehran to expand such efforts", "Iraq is set to open a
crossing …, potentially allowing Iran to send weapons to Syria".

A verb of letting ("allow", "enable", "let", "permit") with an actor and "to" after it lets that actor do what follows:
where the sentence's facts tell of one transfer of the register, the thing that lets is what enables it (the ontology's
`enables`, of a route, crossing or event). That thing is the route or crossing the verb follows as its subject ("the
route allows", "it may enable"), or an event the sentence tells of by a word of its kind before the verb (the opening
that "is set to open … allowing"). A route that enables a transfer carries the goods the sentence gives it; the
transfer an opening enables passes through the crossing opened. Not what the sentence says does not let ("did not
allow"), nor a use the sentence only fears ("concerns that it may enable …": the feared movement is an event of its
own, kg.cargo_lists).
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .relation_cues import TRIGGERS

# A verb of letting, the actor it lets (up to four words) and "to": "potentially allowing Iran to", "will enable the regime to".
_LETS = re.compile(r"\b(?:allow|enabl|let|permit)(?:s|e|es|ed|ing|ting)?\s+(?:[\w’'-]+\s+){1,4}?to\s+\w+", re.I)
# Between a route and its verb of letting: nothing but a modal and an adverb ("may", "will also", "would potentially").
_SUBJECT = re.compile(r"[”\"’]?\s+(?:(?:may|might|could|would|will|can|also|potentially|further|now)\s+){0,3}$", re.I)
_NOT = re.compile(r"\b(?:not|never|no longer|n[’']t)\s+(?:\w+\s+)?$", re.I)  # "did not allow": what does not let
_FEARED = re.compile(r"\b(?:concerns?|fears?|worr(?:y|ies|ied))\s+(?:\w+\s+){0,3}?that\b", re.I)
_WORDS = [(re.compile(rf"\b(?:{p})\b", re.I), cls) for p, cls in TRIGGERS]


def enablers(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """[route, crossing or event, enables, transfer] for the one register transfer a sentence's facts tell of and what
    the sentence says lets its actor do it."""
    m = _LETS.search(text)
    if m is None or _FEARED.search(text) or _NOT.search(text, 0, m.start()):
        return []
    ontology = proposer.ontology
    told = list(dict.fromkeys(f.subject for f in facts if f.subject in proposer.types))
    transfers = [e for e in told if e not in proposer.new and ontology.is_subclass(proposer.types[e], LB + "Transfer")]
    if len(transfers) != 1:
        return []
    out = []
    ways = [n for n in nodes if n.end <= m.start() and n.kind not in ("demonym", "unsure")
            and any(ontology.is_subclass(n.type, LB + c) for c in ("Route", "Crossing")) and _SUBJECT.fullmatch(text[n.end:m.start()])]
    out += [Proposed(n.id, "enables", transfers[0], f"{n.words!r} {m.group(0)!r}: it makes the transfer possible") for n in ways]
    kinds = {cls for pattern, cls in _WORDS for w in pattern.finditer(text, 0, m.start())}
    for event in told:
        ev_type = proposer.types[event]
        if event not in transfers and ontology.is_subclass(ev_type, LB + "Event") \
                and not ontology.is_subclass(ev_type, LB + "Transfer") and any(ontology.is_subclass(LB + k, ev_type) for k in kinds):
            out.append(Proposed(event, "enables", transfers[0], f"told before {m.group(0)!r}: it makes the transfer possible"))
    return out + _carried(facts, out, {n.id for n in ways})


def _carried(facts: list[Proposed], enabling: list[Proposed], ways: set[str]) -> list[Proposed]:
    """What enabling a transfer says of the way: a route that lets the transfer be done carries its goods; the
    transfer an opening lets be done passes through the crossing it opens."""
    out = []
    for e in enabling:
        cargo = [f.object for f in facts if f.subject == e.object and f.property == "cargo" and e.subject in ways]
        out += [Proposed(e.subject, "cargo", c, f"{e.subject} enables {e.object}, which moves {c}") for c in cargo]
        opened = [f.object for f in facts if f.subject == e.subject and f.property == "openedCrossing"]
        out += [Proposed(e.object, "passesThrough", c, f"{e.subject} opens {c} and enables {e.object}") for c in opened]
    return out
