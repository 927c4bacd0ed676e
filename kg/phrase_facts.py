"""What the names kg.phrase_names finds say of themselves: the country of a body its country's adjective names
("Iraqi army": [iraqi-army, country, Iraq]), the country a region a compass word names lies in ("eastern Syria":
[eastern-syria, locatedIn, Syria]), the country of an outlet its country's adjective and its kind name ("Syrian state TV
SANA")."""

from __future__ import annotations

import re

from .mentions import DEMONYMS, Matcher
from .phrase_names import HELD, SENIOR, body_name, compass_name
from .propose import Node, Proposed, Proposer

_OUTLET_KIND = re.compile(r" (?:state |official |news )?(?:TV|television|radio|news agency|newspaper|daily) ")
_MARKUP = re.compile(r"[*_“”\"]")  # emphasis or quotation marks around the outlet's name


def phrase_facts(proposer: Proposer, matcher: Matcher, text: str, nodes: list[Node], labels: dict[str, str]) -> list[Proposed]:
    """[body, country, country] and [region, locatedIn, country] for the new names of those kinds, and [outlet, country,
    country] for a new name after a country's adjective and the kind of outlet ("Syrian state TV SANA"), and what the
    names of a group's supporters or bases in a place say (_held)."""
    ids = {label: ent_id for ent_id, label in labels.items()}
    out = []
    for i, n in enumerate(nodes):
        if n.kind not in ("new", "unsure"):
            continue
        first = n.words.split(" ", 1)[0]
        adjective = nodes[i - 1] if i > 0 and nodes[i - 1].kind == "demonym" else None
        held = HELD.match(n.words)
        if held is not None:
            prop, country_id = "", None
        elif adjective is not None and _OUTLET_KIND.fullmatch(_MARKUP.sub("", text[adjective.end:n.start])):
            first, prop, country_id = adjective.words, "country", adjective.id
        elif body_name(n.words, DEMONYMS):
            first = SENIOR.sub("", n.words).split(" ", 1)[0]
            prop, country_id = "country", ids.get(DEMONYMS[first])
        elif compass_name(n.words):
            prop, country_id = "locatedIn", ids.get(n.words.split(" ", 1)[1])
        else:
            continue
        if held is not None:
            out += _held(proposer, matcher, n, held)
            continue
        if country_id is None or country_id not in proposer.types:
            continue
        country = Node(n.start, n.end, country_id, proposer.types[country_id], first, "demonym")
        if proposer.allowed(n, prop, country):
            out.append(Proposed(n.id, prop, country_id, f"the name {n.words!r} says {first!r}"))
    return out


def _held(proposer: Proposer, matcher: Matcher, node: Node, held: re.Match) -> list[Proposed]:
    """[supporters, supports, group] ("PMU supporters"); [group, operates, bases], [bases, locatedIn, place] ("IRGC bases in
    Syria"): the register entries the name holds, found again in its words."""
    named = {part: next((m.entity for m in matcher.find(held.group(part)) if m.entity), None) for part in ("group", "place")
             if held.group(part)}
    facts = [(node.id, "supports", named["group"]) if "place" not in named else (named["group"], "operates", node.id)]
    if named.get("place"):
        facts.append((node.id, "locatedIn", named["place"]))
    out = []
    for subject, prop, obj in facts:
        if subject is None or obj is None:
            continue
        a = node if subject == node.id else Node(node.start, node.end, subject, proposer.types[subject], node.words)
        b = node if obj == node.id else Node(node.start, node.end, obj, proposer.types[obj], node.words)
        if proposer.allowed(a, prop, b) and proposer.plausible(a, prop, b):
            out.append(Proposed(subject, prop, obj, f"the name {node.words!r}"))
    return out
