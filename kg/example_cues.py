"""What an actor holds, uses, runs, guards or backs, told of a kind of thing and then of the examples the sentence names:
"Kataib Hezbollah controls unofficial crossings -- notably al-Sekak", "Iran backs several militias, including Harakat
al-Nujaba and Kataib Hezbollah". The actor (the one named last before the verb, in the same clause) stands in the
verb's relation to each example, where the ontology's domain and range allow it.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

# The verb, its object's words (a kind, not a name: lower case), and the word that opens the examples.
_VERBS = [(r"controls?|controlled|holds?|held", "controls", "ab"), (r"uses?|used", "usedBy", "ba"),
          (r"operates?|operated|runs?|ran", "operates", "ab"), (r"secures?|secured|guards?|guarded", "secures", "ab"),
          (r"supports?|supported|backs?|backed", "supports", "ab"), (r"sponsors?|sponsored", "sponsors", "ab")]
_EXAMPLES = re.compile(r"\b(?P<verb>" + "|".join(v for v, _, _ in _VERBS) + r")\s+(?:the\s+)?(?:[a-z][\w’'-]*\s+){1,4}?"
                       r"(?:[a-z][\w’'-]*s)\s*(?:--|—|–|,)?\s*(?:notably|including|such as|especially|in particular|among them)\s+"
                       r"(?:the\s+)?")
_CLAUSE = re.compile(r"[.;:!?()]|\bbut\b")
_AND = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+(?:the\s+)?|\s*,\s*")


def example_facts(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[actor, verb's property, example] for each example a list after "notably", "including" or "such as" names."""
    out = []
    nodes = [n for n in nodes if n.kind in ("linked", "new", "reference")]
    for m in _EXAMPLES.finditer(text):
        prop, way = next((p, w) for v, p, w in _VERBS if re.fullmatch(v, m.group("verb")))
        actors = [n for n in nodes if n.end <= m.start() and proposer.ontology.is_subclass(n.type, LB + "Actor")
                  and not _CLAUSE.search(text, n.end, m.start())]
        first = next((n for n in nodes if n.start == m.end()), None)
        if not actors or first is None:
            continue
        examples = [first]
        for n in nodes:
            if n.start > examples[-1].end and _AND.fullmatch(text[examples[-1].end:n.start]) and n.type == first.type:
                examples.append(n)
        for n in examples:
            s, o = (actors[-1], n) if way == "ab" else (n, actors[-1])
            if proposer.allowed(s, prop, o) and proposer.plausible(s, prop, o):
                out.append(Proposed(s.id, prop, o.id, f"{actors[-1].words!r} … {m.group(0).strip()!r} {n.words!r}"))
    return out
