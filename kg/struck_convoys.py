"""The convoy a dated strike hit, as news words it: "hit a convoy of 9 lorries", "a raid on a convoy of diesel
tankers" → a Transfer (the ontology's moving of weapons, fighters or goods) of the strike's date, with the count of its
vehicles as its `quantity`, the goods the convoy's phrase names as its `cargo` and the place it was "bound for",
"heading to" or "carrying fuel to" as its `destination`; the strike `concerns` it.

Where the convoy was hit is where the strike was: a place "near" which the convoy's phrase puts it ("a strike on a
convoy of tankers near the border town of X") is the strike's `nearLocation`, unless the sentence gives the strike's place.

Only for a sentence of one dated strike, and a convoy the words put right after the strike's verb or "on"."""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .quantities import QuantityMention

# "hit a convoy of", "raid on an army convoy of": the convoy's phrase runs to the clause's end or a preposition.
_CONVOY = re.compile(r"\b(?:struck|hit|bombed|targeted|attacked|strikes?|raids?|attacks?)\s+(?:on\s+)?(?:a|the)\s+"
                     r"(?:[\w-]+\s+)?convoys?\s+of\s+(?P<what>[^,;.()]*?)(?=\s+(?:on|near|in|at|along|south|north|east|west|"
                     r"outside|as|toward|towards|from|to)\b|[,;.()]|$)", re.I)

# "bound for", "heading toward", "carrying fuel to": the words between the convoy's phrase and where it was going
_BOUND = re.compile(r"\b(?:(?:bound|headed|heading|travel(?:l?ing|l?ed))\s+(?:for|to|towards?)"
                    r"|(?:carrying|taking|moving|transporting)\s+(?:[\w-]+\s+){1,3}?(?:to|towards?|into))\s+(?:the\s+)?"
                    r"(?:(?:[\w'-]+\s+){0,3}?(?:town|city|village|province|area)\s+of\s+)?$", re.I)
# "near the Syrian border town of": the words between the convoy's phrase and the place it was near
_NEAR = re.compile(r"^\s*,?\s*near\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}?(?:(?:town|city|village|area)\s+of\s+)?$", re.I)


def struck_convoys(proposer: Proposer, text: str, nodes: list[Node], quantities: list[QuantityMention],
                   facts: list[Proposed], document: str) -> list[Proposed]:
    """A new Transfer for the convoy the sentence's one dated strike hit: its date, its count, its goods."""
    strikes = list(dict.fromkeys(f.subject for f in facts if f.property == "date"
                                 and proposer.ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Strike")))
    m = _CONVOY.search(text)
    if len(strikes) != 1 or m is None:
        return []
    date = next(f.object for f in facts if f.subject == strikes[0] and f.property == "date")
    convoy = proposer.new_event("Transfer", date, [], "convoy", document)
    out = [Proposed(convoy, "date", date, f"{m.group(0)!r}: the convoy the strike of {date} hit"),
           Proposed(strikes[0], "concerns", convoy, f"{m.group(0)!r}: the strike hit the convoy")]
    count = next((q for q in quantities if m.start("what") <= q.start < m.end("what")), None)
    if count is not None and count.unit != "person":
        out.append(Proposed(convoy, "quantity", count.as_yaml(), f"{count.verbatim!r}: the convoy's vehicles"))
    out += [Proposed(convoy, "cargo", n.id, f"{n.words!r}: what the convoy carried") for n in nodes
            if m.start("what") <= n.start < m.end("what") and n.type == LB + "Commodity"]
    bound = next((n for n in nodes if n.start >= m.start("what") and proposer.ontology.is_subclass(n.type, LB + "Place")
                  and _BOUND.search(text[m.start("what"):n.start])), None)
    if bound is not None:
        out.append(Proposed(convoy, "destination", bound.id, f"the convoy was going to {bound.words!r}"))
    if not any(f.subject == strikes[0] and f.property in ("nearLocation", "location") for f in facts):
        near = next((n for n in nodes if n.start >= m.end() and proposer.ontology.is_subclass(n.type, LB + "Place")
                     and not n.type.endswith("#Country") and _NEAR.match(text[m.end():n.start])), None)
        if near is not None:
            out.append(Proposed(strikes[0], "nearLocation", near.id, f"the convoy was hit near {near.words!r}"))
    return out
