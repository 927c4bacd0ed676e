"""An activity a sentence words as a noun with the goods it moves and where to: "the smuggling of goods into Syria",
"the shipment of arms to Lebanon", "the transport of fuel from Iraq".

Such a phrase is the activity's name in the text: a new entry made for the activity (kg.quantity_cues, for the money
it costs or makes) takes it as an alias, which is how a curator names it. The phrase also gives the activity's roles:
the goods named after "of" are its cargo (the ontology's Commodity), the place after "into" or "to" its destination,
the place after "from" its origin, each where the ontology's domain and range agree.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

# "of" and up to five words of goods, a preposition of direction, and a capitalised name: the end of the phrase.
_PHRASE = re.compile(r"\s+of\s+(?P<goods>(?:[\w’'-]+,?\s+){1,5}?)(?P<way>into|to|from)\s+(?:the\s+)?"
                     r"(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
_ROLES = {"into": "destination", "to": "destination", "from": "origin"}


def activity_phrase(text: str, word: re.Match) -> str | None:
    """The noun phrase an activity's word heads, up to the name of where the goods go or come from ("smuggling of goods
    into Syria"), or None where the word has no such phrase after it."""
    m = _PHRASE.match(text, word.end())
    return text[word.start():m.end()] if m else None


def phrase_roles(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """[activity, cargo, commodity] and [activity, destination or origin, place] for a new activity of the sentence's
    facts whose name is a phrase of the sentence."""
    out = []
    for event_id in dict.fromkeys(f.subject for f in facts if f.subject in proposer.new):
        entry = proposer.new[event_id]
        for phrase in (a for a in entry.aliases if a in text and a != entry.label):
            start = text.index(phrase)
            m = _PHRASE.search(phrase)
            if m is None:
                continue
            event = Node(start, start + len(phrase), event_id, proposer.types[event_id], phrase, "new")
            inside = [n for n in nodes if start <= n.start and n.end <= start + len(phrase)]
            for n in inside:
                if start + m.start("goods") <= n.start and n.end <= start + m.end("goods") \
                        and proposer.ontology.is_subclass(n.type, LB + "Commodity"):
                    out.append(Proposed(event_id, "cargo", n.id, f"{phrase!r}: the goods it moves"))
                elif n.start == start + m.start("place") and proposer.allowed(event, _ROLES[m.group("way")], n):
                    out.append(Proposed(event_id, _ROLES[m.group("way")], n.id, f"{phrase!r}: {m.group('way')} {n.words!r}"))
    return out
