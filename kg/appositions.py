"""What news phrasing says of an actor in the words set beside its name:

- an apposition that describes it: "X, the umbrella of mostly Shi'ite armed factions" (X's sect); "X, another
  Iran-backed faction" (Iran sponsors X, or supports it where the ontology does not let a state sponsor it);
- a nationality adjective right before an armed group's or a body's name: "the Afghan Fatemiyoun brigade" (its country).

An apposition is the phrase after the name's comma that opens with an article ("the", "a", "another"), up to the next
comma or the clause's end; words of hostility inside it ("X, a rival of the Shi'ite militias") say nothing of X.
"""

from __future__ import annotations

import re

from .mentions import DEMONYMS
from .namespaces import LB
from .propose import Node, Proposed, Proposer

_OPENS = re.compile(r"\s*,\s*(?:the|an?|another|one\s+of\s+the)\s+", re.I)
_ENDS = re.compile(r"[,;:.!?()\"“”]|\s[-–—]\s")
_HOSTILE = re.compile(r"\b(?:against|rivals?|enem(?:y|ies)|foes?|fight\w*|opponents?|opposed|battl\w*|target\w*)\b", re.I)
_SECT = re.compile(r"\b(?:(?:mostly|largely|predominantly|mainly|overwhelmingly|chiefly)\s+)?"
                   r"(Shiite|Shi['’]ite|Shia|Shi['’]a|Sunni)\s+(?:armed\s+|paramilitary\s+|Arab\s+)?"
                   r"(?:factions?|militias?|groups?|fighters|paramilitar\w+|movements?|organi[sz]ations?|forces|parties|party)\b")
_BACKED = re.compile(r"^(?:[\w’'-]+\s+){0,2}?([A-Z][\w’']+)-(?:backed|sponsored|supported|funded)\b")
# Nationality adjectives a group's name is given with that DEMONYMS (the mentions' countries) lacks.
MORE_DEMONYMS = {"Afghan": "Afghanistan", "Pakistani": "Pakistan", "Lebanese": "Lebanon", "Yemeni": "Yemen",
                  "Bahraini": "Bahrain", "British": "United Kingdom", "Turkish": "Turkey"}
_BEFORE_NAME = re.compile(r"(?:^|\b(?:the|an?|and|of|by|with)\s+|,\s*)([A-Z][a-z]+)\s+(?:Liwa\s+)?$")
_GROUPS = ("ArmedGroup", "Militia", "GovernmentBody", "Organization")


def _apposition(text: str, node: Node) -> str | None:
    m = _OPENS.match(text, node.end)
    if m is None:
        return None
    end = _ENDS.search(text, m.end())
    return text[m.end():end.start() if end else len(text)]


def _actor(proposer: Proposer, node: Node) -> bool:
    return node.kind in ("linked", "new", "reference") and proposer.ontology.is_subclass(node.type, LB + "Actor") \
        and not proposer.ontology.is_subclass(node.type, LB + "Country")


def appositive_facts(proposer: Proposer, text: str, nodes: list[Node], labels: dict[str, str]) -> list[Proposed]:
    """[actor, sect, shia | sunni] and [backer, sponsors | supports, actor] from the apposition after an actor's name."""
    ids = {label: ent_id for ent_id, label in labels.items()}
    out = []
    for n in nodes:
        words = _apposition(text, n) if _actor(proposer, n) else None
        if not words or _HOSTILE.search(words):
            continue
        if m := _SECT.search(words):
            value = "sunni" if m.group(1).lower() == "sunni" else "shia"
            out.append(Proposed(n.id, "sect", value, f"the apposition {words!r} after {n.words!r}"))
        if (m := _BACKED.match(words)) and (backer_id := ids.get(DEMONYMS.get(m.group(1), m.group(1)))) in proposer.types:
            backer = Node(n.start, n.start, backer_id, proposer.types[backer_id], m.group(1), "demonym")
            prop = next((p for p in ("sponsors", "supports") if proposer.allowed(backer, p, n) and proposer.plausible(backer, p, n)), None)
            if prop:
                out.append(Proposed(backer_id, prop, n.id, f"the apposition {words!r} after {n.words!r}"))
    return out


def national_groups(proposer: Proposer, text: str, nodes: list[Node], labels: dict[str, str]) -> list[Proposed]:
    """[group, country, C] for an armed group or body named right after C's nationality adjective ("the Afghan X")."""
    ids = {label: ent_id for ent_id, label in labels.items()}
    out = []
    for n in nodes:
        if n.kind not in ("linked", "new") or not any(proposer.ontology.is_subclass(n.type, LB + c) for c in _GROUPS):
            continue
        m = _BEFORE_NAME.search(text[max(0, n.start - 40):n.start])
        word = m.group(1) if m else None
        country_id = ids.get(DEMONYMS.get(word) or MORE_DEMONYMS.get(word, "")) if word else None
        if country_id in proposer.types and proposer.ontology.is_subclass(proposer.types[country_id], LB + "Country"):
            out.append(Proposed(n.id, "country", country_id, f"{word!r} right before {n.words!r}"))
    return out


_POSSESSIVE = re.compile(r"['’]s\s+$")
_STATE_BODIES = ("GovernmentBody", "StateForce")


def possessed_bodies(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[body, country, C] for a state's body named in C's possessive: "Iraq's Border Guard Command", "Syria's army"."""
    out = []
    for country, body in zip(nodes, nodes[1:], strict=False):
        if country.kind == "linked" and proposer.ontology.is_subclass(country.type, LB + "Country") \
                and body.kind in ("linked", "new") and any(proposer.ontology.is_subclass(body.type, LB + c) for c in _STATE_BODIES) \
                and _POSSESSIVE.fullmatch(text, country.end, body.start) and proposer.allowed(body, "country", country):
            out.append(Proposed(body.id, "country", country.id, f"{text[country.start:body.end]!r}"))
    return out


_TOWN = re.compile(r"\s*,\s*(?:an?|the)\s+(?:(?:small|large|remote|strategic|key|desert)\s+)?(?P<adjective>[A-Z][a-z]+)\s+"
                   r"(?:border\s+|frontier\s+)?(?:town|city|village|district)\b")


def appositive_towns(proposer: Proposer, text: str, nodes: list[Node], labels: dict[str, str]) -> list[Proposed]:
    """[town, locatedIn, C] for a settlement the apposition after its name calls "a <C's adjective> (border) town"."""
    ids = {label: ent_id for ent_id, label in labels.items()}
    out = []
    for n in nodes:
        m = _TOWN.match(text, n.end)
        if m is None or n.kind not in ("linked", "new") or not proposer.ontology.is_subclass(n.type, LB + "Settlement"):
            continue
        word = m.group("adjective")
        country_id = ids.get(DEMONYMS.get(word) or MORE_DEMONYMS.get(word, ""))
        if country_id in proposer.types and proposer.ontology.is_subclass(proposer.types[country_id], LB + "Country"):
            country = Node(m.start("adjective"), m.end("adjective"), country_id, proposer.types[country_id], word, "demonym")
            if proposer.allowed(n, "locatedIn", country):
                out.append(Proposed(n.id, "locatedIn", country_id, f"{n.words!r}{m.group(0)!r}"))
    return out


_ORG_NOUN = (r"(?:(?:monitoring|human\s+rights|news|media|research|trading|transport|shipping|security|armed)\s+)?"
             r"(?:group|organi[sz]ation|monitor|militia|faction|company|firm|outlet|newspaper|channel|agency|network|website)")
_DESCRIBED_AFTER = re.compile(rf"\s*,\s*an?\s+(?P<adjective>[A-Z][a-z]+)\s+{_ORG_NOUN}\b")
_DESCRIBED_BEFORE = re.compile(rf"\ban?\s+(?P<adjective>[A-Z][a-z]+)\s+{_ORG_NOUN}\s*(?:\(|,)\s*$")


def described_countries(proposer: Proposer, text: str, nodes: list[Node], labels: dict[str, str]) -> list[Proposed]:
    """[body, country, C] for "X, a Syrian monitoring group" and "a Syrian monitoring group (X": the description set
    beside the name gives the body's country."""
    ids = {label: ent_id for ent_id, label in labels.items()}
    out = []
    for n in nodes:
        if n.kind not in ("linked", "new") or not proposer.ontology.is_subclass(n.type, LB + "Organization"):
            continue
        m = _DESCRIBED_AFTER.match(text, n.end) or _DESCRIBED_BEFORE.search(text, 0, n.start)
        country_id = ids.get(DEMONYMS.get(m.group("adjective")) or MORE_DEMONYMS.get(m.group("adjective"), "")) if m else None
        if country_id in proposer.types and proposer.ontology.is_subclass(proposer.types[country_id], LB + "Country"):
            word = m.group("adjective")
            country = Node(m.start("adjective"), m.end("adjective"), country_id, proposer.types[country_id], word, "demonym")
            if proposer.allowed(n, "country", country):
                out.append(Proposed(n.id, "country", country_id, f"{m.group(0).strip(' ,(')!r} beside {n.words!r}"))
    return out
