"""Who a person is, as news writes it in an apposition after the name with an indefinite article: "Jane Roe, a
spokeswoman for the council", "John Doe, a 52-year-old fuel trader from Mosul", "Ali Reza, an analyst at the institute".

The words between the article (and an age) and the preposition are the person's title, verbatim; the body named after
"for", "of", "at" or "with" is one the person is a member of, the place named after "from", "in" or "at" one where the
person is (hasPresenceIn). kg.propose's titles read the apposition with "the" or none ("X, Syrian ambassador to Iraq").
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

ROLE = (r"(?:spokes(?:man|woman|person)|researcher|analyst|official|commander|driver|officer|leader|member|advis[eo]r|"
         r"director|head|chief|fellow|expert|professor|journalist|reporter|minister|envoy|diplomat|ambassador|smuggler|"
         r"trader|merchant|business(?:man|woman)|fighter|engineer|activist|lawmaker|cleric|negotiator|economist|scholar)")
_APPOSITION = re.compile(rf"\s*,\s*an?\s+(?:\d+-year-old\s+)?(?P<title>(?:[\w-]+\s+){{0,2}}?{ROLE})"
                         r"(?:\s+(?P<prep>for|of|at|with|from|in)\s+(?P<rest>[^,;:.()]*))?", re.I)
# The name right after the preposition ("from the town of Mosul"), and no more than a part of a word ("Baghdad-based").
_RIGHT_AFTER = re.compile(r"(?:the\s+)?(?:(?:town|city|village|province)\s+of\s+)?", re.I)
_PART = re.compile(r"-\w")
_BODY_PREPS = {"for", "of", "at", "with"}
_PLACE_PREPS = {"from", "in", "at"}


def person_appositions(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[person, title, words], and [person, memberOf, body] or [person, hasPresenceIn, place] after the preposition."""
    is_a = proposer.ontology.is_subclass
    out = []
    for n in nodes:
        if n.kind not in ("linked", "new") or not is_a(n.type, LB + "Person"):
            continue
        m = _APPOSITION.match(text, n.end)
        if m is None:
            continue
        title = m.group("title")
        out.append(Proposed(n.id, "title", title, f"the apposition {m.group(0).strip(' ,')!r} after {n.words!r}"))
        if not m.group("prep"):
            continue
        prep = m.group("prep").lower()
        after = next((o for o in nodes if o.kind in ("linked", "new") and m.start("rest") <= o.start and o.end <= m.end("rest")), None)
        if after is None or not _RIGHT_AFTER.fullmatch(text, m.start("rest"), after.start) or _PART.match(text, after.end):
            continue
        if prep in _BODY_PREPS and is_a(after.type, LB + "Organization"):
            prop = "memberOf"
        elif prep in _PLACE_PREPS and is_a(after.type, LB + "Place"):
            prop = "hasPresenceIn"
        else:
            continue
        if proposer.allowed(n, prop, after):
            out.append(Proposed(n.id, prop, after.id, f"{title!r} {prep} {after.words!r} after {n.words!r}"))
    return out


_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
_ROLES = (r"(?:business(?:men|women)|officials|commanders|traders|merchants|smugglers|officers|leaders|members|fighters|"
          r"activists|lawmakers|clerics|analysts|researchers|journalists|drivers|diplomats|financiers|brothers)")
_COUNTED = re.compile(rf"\b(?P<count>two|three|four|five)\s+(?:(?P<adjective>[A-Z][\w-]*)\s+)?"
                      rf"(?P<title>(?:[a-z][\w-]*\s+)?{_ROLES})\s*,\s*$")
_LISTED = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def listed_people(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """"two Iraqi businessmen, A and B": [A, title, "businessmen"] and [A, country, Iraq], for each person of a list
    after a counted description, where the list names as many people as the count says."""
    is_a = proposer.ontology.is_subclass
    out = []
    for i, first in enumerate(nodes):
        m = _COUNTED.search(text, 0, first.start)
        if m is None or m.end() != first.start:
            continue
        people = [first]
        for n in nodes[i + 1:]:
            if not _LISTED.fullmatch(text, people[-1].end, n.start) or n.kind == "demonym":
                break
            people.append(n)
        if len(people) != _COUNTS[m.group("count").lower()] or not all(
                p.kind in ("linked", "new") and is_a(p.type, LB + "Person") for p in people):
            continue
        country = next((n for n in nodes if n.kind == "demonym" and n.start == m.start("adjective")), None)
        for p in people:
            out.append(Proposed(p.id, "title", m.group("title"), f"{m.group(0).strip(' ,')!r} before the list with {p.words!r}"))
            if country is not None and proposer.allowed(p, "country", country):
                out.append(Proposed(p.id, "country", country.id, f"{m.group(0).strip(' ,')!r} before the list with {p.words!r}"))
    return out
