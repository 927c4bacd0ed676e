"""Hostility between actors that a verb or noun of struggle tells, where the words between the two names are more than
kg.relation_cues' one-verb patterns reach:

- "A … in an effort to open a second front against B", "A … regularly incite against B": A (the actor named last before
  the cue, in the same clause, and not as where something goes: "sending arms to Syria") opposes B (the actor the cue
  reaches);
- "A … helped C in defeating B", "the goal of A was to destroy B": the same, with the verbs of defeat and destruction;
  and the helper A supports C and opposes B too;
- "As part of its efforts to curb the activities of B, A …": a fronted phrase whose possessive is the clause's subject A;
  an actor set "to curb" or "to counter" another is also meant to curb it (the ontology's counters).

A sentence's subject "…, supporting the Syrian army" (a participle after a comma) supports the actor the participle
reaches.

And support the clause's subject is given "with Iran support", "with Iranian backing", "with the help of Iran": the
supporter supports the actor that starts the clause.

"Iran and its proxies", "Iran's proxies", "Iranian proxies": the state sponsors the register's one armed group whose
label calls it backed by that state ("Iran-backed Shiite militias"), the groups the documents call its proxies.

Each fact is one the ontology allows (opposes, counters, supports: an actor and another actor), with the words that gave it.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

# The cue, then up to three words (and "of") before the opposed actor: "against the", "to curb the illicit activities of".
_CUE = re.compile(r"\b(?:(?:front|war|fight|campaign|struggle|efforts?|operations?|insurgency)\s+against"
                  r"|incit(?:e|es|ed|ing)\s+against"
                  r"|(?:to|in)\s+(?:defeat(?:ing)?|destroy(?:ing)?|fight(?:ing)?|combat(?:ing)?|curb(?:ing)?|counter(?:ing)?))\s+", re.I)
_CURB = re.compile(r"\b(?:curb|counter)", re.I)
_REACH = re.compile(r"(?:the\s+)?(?:(?:[\w’'-]+\s+){0,3}?of\s+(?:the\s+)?)?")
_CLAUSE = re.compile(r"[.;:!?()]|\bbut\b")
_BOUND = re.compile(r"\b(?:to|into|toward|towards|from|via)\s+(?:the\s+)?$")  # "sending arms to Syria": where, not who
# The verb of help right before the one helped: "who have assisted the", "helped"; and "in the", "in the anti-ISIS"
# before a body one serves in.
_HELPS = re.compile(r"\b(?:assist(?:s|ed|ing)?|help(?:s|ed|ing)?|aid(?:s|ed|ing)?|back(?:s|ed|ing)?)\s+(?:the\s+)?$", re.I)
_SERVES_IN = re.compile(r"\b(?:in|of)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)
_FRONTED = re.compile(r"^\s*(?:As\s+part\s+of\s+|In\s+)?(?:its|their)\s+")

# "with Iran support", "with Iranian backing" (the word after the supporter); "with the support of the IRGC" (before it).
_AID = r"(?:support|backing|help|assistance|aid)"
_WITH = re.compile(r"\bwith\s+(?:the\s+)?$")
_AID_AFTER = re.compile(rf"\s+{_AID}\b")
_WITH_AID_OF = re.compile(rf"\bwith\s+(?:the\s+)?{_AID}\s+of\s+(?:the\s+)?$")
_CLAUSE_START = re.compile(r"[.;:!?()]|\bbut\b|^", re.I)


def _actors(proposer: Proposer, nodes: list[Node]) -> list[Node]:
    return [n for n in nodes if n.kind in ("linked", "new", "reference") and proposer.ontology.is_subclass(n.type, LB + "Actor")]


def opposed(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """The opposes facts of the cues above: who, before the cue (or after a fronted phrase), struggles against whom."""
    out = []
    actors = _actors(proposer, nodes)
    for m in _CUE.finditer(text):
        target = next((n for n in actors if n.start >= m.end() and _REACH.fullmatch(text, m.end(), n.start)), None)
        if target is None:
            continue
        before = [n for n in actors if n.end <= m.start() and not _CLAUSE.search(text, n.end, m.start())
                  and not _BOUND.search(text, 0, n.start)]
        subject = before[-1] if before else None
        if subject is None and _FRONTED.match(text[:m.start()]):
            comma = text.find(",", target.end)
            subject = next((n for n in actors if comma >= 0 and n.start > comma and not _CLAUSE.search(text, comma, n.start)), None)
        if subject is None:
            continue
        why = f"{subject.words!r} … {m.group(0).strip()!r} … {target.words!r}"
        if proposer.allowed(subject, "opposes", target):
            out.append(Proposed(subject.id, "opposes", target.id, why))
        if _CURB.search(m.group(0)) and proposer.allowed(subject, "counters", target):  # meant to curb it, too
            out.append(Proposed(subject.id, "counters", target.id, why))
        out += _helper(proposer, text, actors, subject, target, m.group(0).strip())
    return out


def _helper(proposer: Proposer, text: str, actors: list[Node], helped: Node, target: Node, cue: str) -> list[Proposed]:
    """"A … assisted B in defeating C": A (the actor named last before the verb, in the same clause, not as the body it
    serves in: "US forces in the Coalition who helped") supports B and opposes C."""
    verb = _HELPS.search(text, 0, helped.start)
    if verb is None or verb.end() != helped.start:
        return []
    before = [n for n in actors if n.end <= verb.start() and not _CLAUSE.search(text, n.end, verb.start())
              and not _SERVES_IN.search(text, 0, n.start) and not text[:n.start].endswith("-")]  # not "anti-ISIS"
    if not before:
        return []
    helper, out = before[-1], []
    why = f"{helper.words!r} {verb.group(0).strip()!r} {helped.words!r} {cue!r} {target.words!r}"
    for prop, obj in (("supports", helped), ("opposes", target)):
        if helper.id != obj.id and proposer.allowed(helper, prop, obj):
            out.append(Proposed(helper.id, prop, obj.id, why))
    return out


def supported(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[supporter, supports, the clause's first actor] where the clause says it acts "with" the supporter's support."""
    out = []
    for helper in nodes:
        if helper.kind not in ("linked", "new", "demonym") or not proposer.ontology.is_subclass(helper.type, LB + "Actor"):
            continue
        head = text[:helper.start]
        if not (_WITH.search(head) and _AID_AFTER.match(text, helper.end) or _WITH_AID_OF.search(head)):
            continue
        before = head.rstrip()
        start = max(c.end() for c in _CLAUSE_START.finditer(before))
        subject = next((n for n in _actors(proposer, nodes) if start <= n.start and n.end <= helper.start), None)
        if subject is not None and proposer.allowed(helper, "supports", subject):
            out.append(Proposed(helper.id, "supports", subject.id, f"{subject.words!r} … with {helper.words!r} support"))
    return out


_SUPPORTING = re.compile(r",[*_\s]*(?:supporting|backing|assisting|aiding)\s+(?:the\s+)?")


def supporting(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[subject, supports, actor] where "…, supporting <actor>" follows the sentence's first clause: the subject is the
    first actor the sentence names, where the sentence opens with it."""
    out = []
    actors = [n for n in _actors(proposer, nodes) if n.kind != "reference"]
    for m in _SUPPORTING.finditer(text):
        helped = next((n for n in actors if n.start == m.end()), None)
        subject = actors[0] if actors and re.fullmatch(r"[\W]*(?:The\s+)?", text[:actors[0].start]) else None
        if helped is None or subject is None or subject is helped or _CLAUSE.search(text, subject.end, m.start()):
            continue
        if proposer.allowed(subject, "supports", helped):
            out.append(Proposed(subject.id, "supports", helped.id, f"{subject.words!r} … {m.group(0).strip(', *')!r} {helped.words!r}"))
    return out


_PROXIES = r"(?:proxies|proxy militias|proxy groups)\b"
_AND_ITS = re.compile(rf"^(?:['’]s\s+|\s+and\s+its\s+|\s+){_PROXIES}")  # after the state's name or adjective


def proxies(proposer: Proposer, text: str, nodes: list[Node], labels: dict[str, str]) -> list[Proposed]:
    """[state, sponsors, the register's group backed by it] where the sentence speaks of the state's proxies."""
    out = []
    for n in nodes:
        if n.kind not in ("linked", "demonym") or not proposer.ontology.is_subclass(n.type, LB + "Country") \
                or not _AND_ITS.match(text[n.end:]):
            continue
        backed = [e for e, label in labels.items() if label.lower().startswith(f"{labels.get(n.id, '').lower()}-backed ")
                  and proposer.ontology.is_subclass(proposer.types.get(e, ""), LB + "ArmedGroup")]
        if len(backed) == 1:
            group = Node(n.start, n.end, backed[0], proposer.types[backed[0]], labels[backed[0]])
            if proposer.allowed(n, "sponsors", group) and proposer.plausible(n, "sponsors", group):
                out.append(Proposed(n.id, "sponsors", backed[0], f"{n.words!r}{_AND_ITS.match(text[n.end:]).group(0)}: its proxies, "
                                                                   f"the register's {labels[backed[0]]!r}"))
    return out
