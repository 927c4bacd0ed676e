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

_ROLE = (r"(?:spokes(?:man|woman|person)|researcher|analyst|official|commander|driver|officer|leader|member|advis[eo]r|"
         r"director|head|chief|fellow|expert|professor|journalist|reporter|minister|envoy|diplomat|ambassador|smuggler|"
         r"trader|merchant|business(?:man|woman)|fighter|engineer|activist|lawmaker|cleric|negotiator|economist|scholar)")
_APPOSITION = re.compile(rf"\s*,\s*an?\s+(?:\d+-year-old\s+)?(?P<title>(?:[\w-]+\s+){{0,2}}?{_ROLE})"
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
