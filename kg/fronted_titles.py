"""A person's role given beside the name with a definite or possessive word and a comma: "The businessman, Hamid
Jabbar al-Saadi, ...", "the firm and its co-owner, Jane Roe", "the council's deputy head, John Doe", "John Doe, the
council's director for Basra".

The role's words are the person's title, verbatim (a leader's none: leads says it); a possessive names the body the
person is a member of (or leads, or commands): a body's name, "its" (the body the sentence named last before the
role), or "the <noun>'s" where the document has named one new body whose name's head is that noun ("the Basra Trade
Council" ... "the council's"). kg.named_roles reads the role with an indefinite article and a preposition ("a
spokesman for X, Abu Ali"); kg.propose's titles the role after the name.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .person_appositions import ROLE
from .propose import Node, Proposed, Proposer

_MORE_ROLES = r"(?:co-)?owner|founder|partner|chairman|chairwoman|manager|governor|deputy"
# "the businessman, " / "its co-owner, " / "'s deputy head, ": the role, then the comma that brings the name.
_FRONTED = re.compile(rf"(?:(?:^|\b)(?P<det>[Tt]he|its|their)\s+|(?P<possessive>['’]s)\s+)"
                      rf"(?P<title>(?:[a-z][\w-]*\s+){{0,2}}?(?:{ROLE}|{_MORE_ROLES}))\s*,\s*$")

# "John Doe, the council's director for Basra": the possessive and the role after the name, to the clause's end.
_AFTER = re.compile(rf"\s*,\s*the\s+(?:(?P<noun>[a-z]+)['’]s\s+)?(?P<title>(?:[a-z][\w-]*\s+){{0,2}}?(?:{ROLE}|{_MORE_ROLES})"
                    r"(?:\s+(?:for|of)\s+[A-Z][\w'’-]*)?)(?=\s*[,;.]|\s*$)")
_NOUN_BEFORE = re.compile(r"\b[Tt]he\s+(?P<noun>[a-z]+)$")


def fronted_titles(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[person, title, role] for a person named after "the <role>," and [person, memberOf, body] where a possessive
    gives the body."""
    is_a = proposer.ontology.is_subclass
    named = [n for n in nodes if n.kind in ("linked", "new")]
    out = []
    for person in named:
        if not is_a(person.type, LB + "Person"):
            continue
        m = _FRONTED.search(text, max(0, person.start - 60), person.start)
        if m is None or m.end() != person.start:
            after = _AFTER.match(text, person.end)
            if after is not None and after.group("noun"):
                why = f"{text[person.start:after.end()]!r}"
                out.append(Proposed(person.id, "title", after.group("title"), why))
                out += _member(proposer, person, _named_before(proposer, after.group("noun")), why)
            continue
        title, why = m.group("title"), f"{text[m.start():person.end]!r}"
        if title != "leader":  # "its leader, X": the body's leader, which leads says ([X, leads, body])
            out.append(Proposed(person.id, "title", title, why))
        if m.group("possessive"):
            body = next((n for n in named if n.end == m.start()), None)
            noun = _NOUN_BEFORE.search(text, 0, m.start())
            body = body or (_named_before(proposer, noun.group("noun")) if noun else None)
        elif m.group("det") in ("its", "their"):
            body = next((n for n in reversed(named) if n.end <= m.start()
                         and is_a(n.type, LB + "Organization") and not is_a(n.type, LB + "Country")), None)
        else:
            body = None
        out += _member(proposer, person, body, why, title)
    return out


def _member(proposer: Proposer, person: Node, body: Node | None, why: str, title: str = "") -> list[Proposed]:
    """[person, memberOf, body]; for the body's leader or commander, [person, leads | commands, body]."""
    prop = {"leader": "leads", "commander": "commands"}.get(title, "memberOf")
    if body is None or not proposer.ontology.is_subclass(body.type, LB + "Organization") or not proposer.allowed(person, prop, body):
        return []
    return [Proposed(person.id, prop, body.id, why)]


def _named_before(proposer: Proposer, noun: str) -> Node | None:
    """The one body the document named as a new entry whose name's head is the noun ("the council": the Basra Trade
    Council; "the chamber": the Basra Chamber of Commerce), or none where there is none or more than one."""
    found = [e for e in proposer.new.values() if re.split(r"\s+of\s+", e.label)[0].split()[-1].lower() == noun.lower()
             and proposer.ontology.is_subclass(LB + e.type, LB + "Organization")]
    return Node(0, 0, found[0].id, LB + found[0].type, found[0].label, "new") if len(found) == 1 else None
