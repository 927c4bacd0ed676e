"""Sanctions a sentence announces or imposes: "<country> announced sanctions on <names> and on <company>", "<office>
sanctioned <names>" is the sanction itself,
not a statement about it (the ontology's Sanction), issued by whoever announced it, with each actor the clause after
"sanctions on" names as a `sanctionTarget`, up to the end of the clause, a relative clause ("…, which it accused of") or a
link to another actor ("companies linked to …").

The event was read as an announcement or as an event of no kind (the date's nearest word was "announced", or the verb);
a new one of this sentence is made a Sanction here, with its id of that class, and its facts with it."""

from __future__ import annotations

import re
from dataclasses import replace

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_ANNOUNCED = re.compile(r"\b(?:(?:announced|unveiled|imposed)\s+(?:new\s+|fresh\s+|further\s+)?sanctions\s+(?:on|against)|sanctioned)\s",
                        re.I)
_CLAUSE_END = re.compile(r",\s+(?:which|who|whom|whose)\b|[;.:]"
                         r"|\s+(?:because|after|over|for|(?:linked|tied|close)\s+to|associated\s+with)\s")
_READ_AS = {"Announcement": "announcement-", "Event": "event-"}  # the kinds the date's nearest word may have made it


def announced_sanctions(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """The sentence's facts, its one new announcement made a Sanction with its issuer and targets where it announces
    sanctions on someone."""
    m = _ANNOUNCED.search(text)
    if m is None:
        return facts
    dated = list(dict.fromkeys(f.subject for f in facts if f.property == "date" and f.subject in proposer.new
                               and proposer.new[f.subject].type in _READ_AS))
    if len(dated) != 1 or not dated[0].startswith(_READ_AS[proposer.new[dated[0]].type]):
        return facts
    old = dated[0]
    new = "sanction-" + old[len(_READ_AS[proposer.new[old].type]):]
    if new in proposer.types:
        return facts
    proposer.new[new] = replace(proposer.new.pop(old), id=new, type="Sanction")
    proposer.types[new] = LB + "Sanction"
    del proposer.types[old]
    out = [replace(f, subject=new) if f.subject == old else f for f in facts]
    actors = [n for n in nodes if n.kind != "demonym" and proposer.ontology.is_subclass(n.type, LB + "Actor")]
    issuer = [n for n in actors if n.end <= m.start() and re.fullmatch(r"\s*(?:has\s+|had\s+|on \w+\s+)?", text[n.end:m.start()])]
    if issuer:
        out.append(Proposed(new, "issuedBy", issuer[-1].id, f"{issuer[-1].words!r} {m.group(0).strip()!r}"))
    end = _CLAUSE_END.search(text, m.end())
    stop = end.start() if end else len(text)
    out += [Proposed(new, "sanctionTarget", n.id, f"{n.words!r} named after {m.group(0).strip()!r}")
            for n in actors if m.end() <= n.start < stop]
    return out
