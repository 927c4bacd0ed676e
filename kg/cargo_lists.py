"""What goods a sentence lists in plain words for a route, crossing or transfer it is about, where the name finder leaves
the words unlinked: goods before a verb of passing that ends on the route ("contraband, smuggled goods and fuel also
pass through it", "the weapons and fighter reinforcements flowing through it"), and the goods a transfer the sentence
tells moves ("the regime has been sending hardware and other materiel to Syria"), which, where the sentence tells of
one such transfer, are its goods too, and the route they pass through its way (a kind of goods the register lacks,
listed there with goods it has, is a new commodity entry); and who a route or crossing lets move
goods, with the goods ("set to open a crossing …, potentially allowing Iran to send weapons to Syria"). The ontology's
`cargo` (a route, crossing or transfer carries a commodity) and `usedBy` (a feature used by an actor); the words are
the register's commodity labels and aliases, and the common words kg.cargo_words gives for them.
"""

from __future__ import annotations

import re

from .cargo_words import commodity_item, commodity_words
from .goods_examples import new_commodity
from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .register import Entity
from .route_cues import CARRIES

# A verb of passing along or through a way, right before the route or crossing it ends on.
_PASS = re.compile(r"\b(?:pass(?:es|ed|ing)?|flow(?:s|ed|ing)?|mov(?:e|es|ed|ing)|go(?:es)?|went|travel(?:s|led|ling)?)"
                   r"(?:\s+\w+)?\s+(?:through|via|across|along)\s+(?:the\s+)?$", re.I)
# Where a list of goods before the verb begins: the clause's start or a preposition that opens the list.
_LIST_START = re.compile(r"(?:^|[.;:!?(]|\b(?:with|of|and|but|while)\s+(?:most|much|many|some|all)\s+of\s+(?:the\s+)?|\bwith\s+)", re.I)
# A verb of letting someone do something, right before the actor it lets ("allowing Iran", "will enable the regime").
_LETS = re.compile(r"\b(?:allow|enabl|let|permit)(?:s|e|es|ed|ing|ting)?\s+(?:the\s+)?$", re.I)
_FEARED = re.compile(r"\b(?:concerns?|fears?|worr(?:y|ies|ied))\s+(?:\w+\s+){0,3}?that\b", re.I)
_ITEMS = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)")
_LIST_END = re.compile(r"\s(?:through|to|into|via|from|across|by|for|in|on|along|between)\s|[.;:!?()]|$", re.I)


def listed_cargo(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed],
                 entities: dict[str, Entity], document: str = "") -> list[Proposed]:
    """[route or crossing, cargo, commodity] for goods listed before a verb of passing through it (and, for the one
    register transfer the sentence's facts are about, [transfer, cargo, commodity] and [transfer, passesThrough, route]);
    [transfer, cargo, commodity] for goods listed after the verb of moving that tells a transfer the sentence's facts are about."""
    words = commodity_words(entities, proposer.ontology)
    out: list[Proposed] = []
    transfers = {f.subject for f in facts if f.subject in proposer.types and f.subject not in proposer.new
                 and _is_any(proposer, proposer.types[f.subject], ("Transfer",))}  # the register's: a new one's goods are its name's
    for route in nodes:
        if route.kind in ("demonym", "unsure") or not _is_any(proposer, route.type, ("Route", "Crossing")):
            continue
        verb = _PASS.search(text, 0, route.start)
        if verb is None or verb.end() != route.start:
            continue
        begin = max((m.end() for m in _LIST_START.finditer(text, 0, verb.start())), default=0)
        # the one transfer of the register the sentence tells of is what passes: its way, and the goods it moves
        moving = sorted(transfers) if len(transfers) == 1 else []
        out += [Proposed(t, "passesThrough", route.id, f"{verb.group(0).strip()!r} {route.words!r}: the way it takes") for t in moving]
        items = [_strip_adverbs(item).strip() for item in _ITEMS.split(text[begin:verb.start()])]
        known = [commodity_item(item, words) for item in items]
        for item, found in zip(items, known, strict=True):
            # a kind of goods the register lacks, listed with goods it has ("Contraband, smuggled goods and fuel")
            found = found or (new_commodity(proposer, item, entities, document) if any(known) and len(items) > 1 else None)
            if found:
                why = f"{item!r} {verb.group(0).strip()!r} {route.words!r}"
                out += [Proposed(x, "cargo", found, why) for x in [route.id, *moving]]
    cue = CARRIES.search(text)
    if transfers and cue:
        stop = _LIST_END.search(text, cue.end())
        for item in _ITEMS.split(text[cue.end():stop.start() if stop else len(text)]):
            found = commodity_item(item, words)
            if found:
                out += [Proposed(t, "cargo", found, f"{cue.group(0)!r} … {item.strip()!r}: what it moves") for t in sorted(transfers)]
    return out


def enabled_users(proposer: Proposer, text: str, nodes: list[Node], entities: dict[str, Entity]) -> list[Proposed]:
    """[route or crossing, usedBy, actor] and [route or crossing, cargo, commodity] where the sentence says the route
    or crossing lets the actor move the goods: a verb of letting after the route, the actor, "to" and a verb of moving
    goods, with no other route between (that one would be the way the goods go); not a use the sentence only fears
    ("concerns that it may enable Iran to move …": the feared movement is an event of its own)."""
    if _FEARED.search(text):
        return []
    words = None
    out: list[Proposed] = []
    routes = [n for n in nodes if n.kind not in ("demonym", "unsure") and _is_any(proposer, n.type, ("Route", "Crossing"))]
    for route in routes:
        for actor in [n for n in nodes if n.start > route.end and _is_any(proposer, n.type, ("Actor",))]:
            if not _LETS.search(text, route.end, actor.start) or any(route.end <= r.start < actor.start for r in routes if r is not route):
                continue
            cue = CARRIES.match(text, actor.end + len(re.match(r"\s+to\s+", text[actor.end:]).group(0))) \
                if re.match(r"\s+to\s+", text[actor.end:]) else None
            if cue is None:
                break
            out.append(Proposed(route.id, "usedBy", actor.id, f"{route.words!r} … {actor.words!r} to {cue.group(0)!r}"))
            if words is None:
                words = commodity_words(entities, proposer.ontology)
            stop = _LIST_END.search(text, cue.end())
            for item in _ITEMS.split(text[cue.end():stop.start() if stop else len(text)]):
                found = commodity_item(item, words)
                if found:
                    why = f"{route.words!r} lets {actor.words!r} {cue.group(0)!r} {item.strip()!r}"
                    out.append(Proposed(route.id, "cargo", found, why))
            break
    return out


def _strip_adverbs(item: str) -> str:
    """An item without the adverb the verb's subject list ends on ("fuel also")."""
    return re.sub(r"\s+(?:also|too|still|now|all|mostly|mainly|often)\s*$", "", item, flags=re.I)


def _is_any(proposer: Proposer, iri: str, classes: tuple[str, ...]) -> bool:
    return any(proposer.ontology.is_subclass(iri, LB + c) for c in classes)
