"""Quantities a sentence gives as facts, where no event of a date took them (kg.propose): what they count is an entity
the sentence names, or an activity it words by an event's kind.

- the members an actor counts: "more than a dozen Shiite militias" where the counted noun ends the actor's name → `size`;
- the weapons an actor holds: "its 150,000 missiles" after the actor → `arsenal`;
- money an activity makes, costs, is worth or charges (the ontology's revenue, cost, tradeValue, fee, all of an Event):
  the property from the sentence's words ("generates", "costs", "value", "per truck"), the activity from its word of an
  event's kind ("smuggling", "this illicit trade"), a smuggling operation when it is an ongoing trade (its definition);
- what a transfer or seizure moved: "transferred thousands of tons of weapons" → `quantity`.

An activity the register does not have, and no date identifies, is a new entry named by its words.
"""

from __future__ import annotations

import re

from .activity_phrases import activity_phrase
from .namespaces import LB
from .propose import NewEntity, Node, Proposed, Proposer, slug
from .quantities import COMPARED, CURRENCIES, QuantityMention
from .relation_cues import TRIGGERS

_WEAPONS = {"missile", "rocket", "drone", "weapon", "launcher", "shell", "mortar", "tank", "gun", "rifle", "munition"}
_MONEY = CURRENCIES
# (words of the sentence, property): the first that the sentence has.
_MONEY_WORDS = [
    (r"\b(?:fees?|tolls?|levies|levy|charges?|bribes?)\b", "fee"),
    (r"\b(?:generat\w*|earn\w*|revenues?|income|profits?|brings? in|yields?)\b", "revenue"),
    (r"\bcost\w*\b", "cost"),
    (r"\b(?:value[sd]?|worth|turnover)\b", "tradeValue"),
]
_MONEY_PROPERTIES = {p for _, p in _MONEY_WORDS}
_ANAPHOR = re.compile(r"\s*(?:These|This|They|It|Those|Such (?:fees|tolls|charges|sums))\b")
_TIME = {"year", "month", "week", "day"}
_KILLED = re.compile(r"\b(?:kill(?:ed|ing|s)?|dead|deaths|died|wounded|casualties|injured|toll|victims|bodies|martyr(?:ed|ing|s)?)\b",
                     re.I)
# The group noun before a count of people: "an additional force of about two hundred operatives".
_GROUP = re.compile(r"\b(force|group|unit|team|contingent|cell|detachment|delegation)\s+of\s+$", re.I)
_BACK = re.compile(r"\b(?:the|these|those|both|all)\s+$", re.I)
# a list of names in apposition: "two businessmen, Ali al-Hassan and …"
_NAMED = re.compile(r",\s+(?:(?:[A-Z][\w’'-]*|(?:al|el|as|ash|ad)-[\w’'-]+|bin|ibn|abu|bint)\s+){1,5}(?:and\b|,)")
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_TRIGGERS = [(re.compile(rf"\b(?:{p})\b", re.I), cls) for p, cls in TRIGGERS]
_MOVED = ("Transfer", "Seizure")
_TRADES = ("Transfer", "SmugglingOperation")  # the activities that earn, are worth or charge money


def quantity_facts(proposer: Proposer, text: str, nodes: list[Node], quantities: list[QuantityMention],
                   facts: list[Proposed], document: str, previous: list[Proposed] = ()) -> list[Proposed]:
    """Facts for the quantities of a sentence that no other fact of it uses (previous: the facts of the sentence
    before, whose activity a sentence opening on "These" or "It" goes on about)."""
    used = [f.object for f in facts if isinstance(f.object, dict)]
    out = []
    for q in quantities:
        if q.as_yaml() in used or COMPARED.search(text, 0, q.start):
            continue  # a count compared with ("… compared with around 150 on a normal day") is no fact of the event
        fact = _size(proposer, nodes, q) or _arsenal(proposer, text, nodes, q) or _activity(proposer, text, q, document, previous)
        out += [fact] if fact is not None else _known_event(proposer, text, nodes, q)
    return out


def count_groups(proposer: Proposer, text: str, nodes: list[Node], quantities: list[QuantityMention], document: str
                 ) -> list[Node]:
    """People a sentence counts without naming them ("five prominent Iraqi leaders", "a force of about two hundred
    operatives"): a new entry of the ontology's PersonGroup, named by the words, whose size is the count. Not the
    dead or wounded (an event's casualties), nor a count a name of the register or the text ends on (its size)."""
    out = []
    for q in quantities:
        if q.unit != "person" or _KILLED.search(text) or any(n.kind != "demonym" and n.start < q.end + 2 and q.start < n.end
                                                               for n in nodes):
            continue
        if not (q.value or q.min) or q.verbatim.endswith("-person"):
            continue  # "no civilians were harmed": no group; "a two-person crew": the crew, not its count, is named
        if _BACK.search(text[:q.start]) or _NAMED.match(text, q.end):
            continue  # "the two men": people named before; "two businessmen, Hamid … and Raad …": people named here
        group = _GROUP.search(text[:q.start])
        start = group.start(1) if group else q.start
        end = _of_whom(proposer, text, nodes, q.end)
        words = text[start:end]
        ent_id = proposer.unnamed(words, "PersonGroup", f"PersonGroup: the people {words!r} counts, unnamed, in document {document}")
        out.append(Node(start, end, ent_id, LB + "PersonGroup", words, "new"))
    return out


def _of_whom(proposer: Proposer, text: str, nodes: list[Node], end: int) -> int:
    """Where the name of counted people ends: after the actor they belong to ("two officials of the Hashd al-Shaabi",
    "three members of Kataib Hezbollah"), which names them; else where the count ends."""
    of = _OF.match(text, end)
    owner = [n for n in nodes if of and n.start == of.end() and _actor(proposer, n)]
    return owner[0].end if owner else end


def _actor(proposer: Proposer, n: Node) -> bool:
    return n.kind in ("linked", "new", "reference") and proposer.ontology.is_subclass(n.type, LB + "Actor") \
        and not proposer.ontology.is_subclass(n.type, LB + "Country")


def _size(proposer: Proposer, nodes: list[Node], q: QuantityMention) -> Proposed | None:
    """"more than a dozen Shiite militias": the count ends on a name of the actor whose last word is its noun."""
    for n in nodes:
        last = n.words.split()[-1].lower() if n.words.split() else ""
        if _actor(proposer, n) and q.start < n.start < q.end + 2 and q.end <= n.end + 1 and re.sub(r"s$", "", last) == q.unit:
            return Proposed(n.id, "size", q.as_yaml(), f"{q.verbatim!r}: the count of {n.words!r}")
        if n.kind == "new" and n.type == LB + "PersonGroup" and n.start <= q.start and q.end <= n.end and q.start < n.end:
            return Proposed(n.id, "size", q.as_yaml(), f"{q.verbatim!r}: the people of {n.words!r}, counted")
    return None


def _arsenal(proposer: Proposer, text: str, nodes: list[Node], q: QuantityMention) -> Proposed | None:
    """"Hezbollah is seeking … for its 150,000 missiles": weapons an actor before them holds."""
    if q.unit not in _WEAPONS or not re.search(r"\b(?:its|their)\s+$", text[:q.start]):
        return None
    clause = re.split(r"[;:]", text[:q.start])[-1]
    owners = [n for n in nodes if _actor(proposer, n) and n.end <= q.start and n.start >= q.start - len(clause)]
    if not owners:
        return None
    return Proposed(owners[0].id, "arsenal", q.as_yaml(), f"{q.verbatim!r}: 'its' weapons, of {owners[0].words!r}")


def _activity(proposer: Proposer, text: str, q: QuantityMention, document: str, previous=()) -> Proposed | None:
    """Money an activity makes, costs, is worth or charges; what a transfer or seizure moved."""
    words = [(m, cls) for pattern, cls in _TRIGGERS for m in pattern.finditer(text)]
    if q.unit in _MONEY:
        prop = _money_word(text, q)
        if prop is None and q.per and q.per not in _TIME:
            prop = "fee"  # "$200 per truck": a charge on each thing that passes
        before = [f for f in previous if f.property in _MONEY_PROPERTIES] if _ANAPHOR.match(text) else []
        if prop is not None and not words and before:  # "These can range between $200 and $1,500 per truck."
            return Proposed(before[-1].subject, prop, q.as_yaml(),
                            f"{q.verbatim!r}: the {prop} of {before[-1].subject}, the activity of the sentence before, "
                            f"which {_ANAPHOR.match(text).group(0).strip()!r} goes on about")
        if prop is None or not words:
            return None
        m, cls = min(words, key=lambda w: abs(w[0].start() - q.start))
        if prop != "cost" and not any(proposer.ontology.is_subclass(LB + cls, LB + c) for c in _TRADES):
            return None  # an opening, a seizure or a strike earns no revenue and charges no fee
        if proposer.ontology.is_subclass(LB + cls, LB + "Transfer"):
            cls = "SmugglingOperation"  # an ongoing trade, with its value and revenue (the ontology's definition)
    elif q.unit not in ("person", "km", "%"):
        moved = [(m, cls) for m, cls in words if cls in _MOVED and m.end() <= q.start]
        if not moved:
            return None
        m, cls = moved[-1]
        prop = "quantity"
    else:
        return None
    event_id = _entry(proposer, cls, m.group(0), document, activity_phrase(text, m) if prop != "quantity" else None)
    return Proposed(event_id, prop, q.as_yaml(), f"{q.verbatim!r}: the {prop} of {m.group(0)!r} (a {cls})")


def _known_event(proposer: Proposer, text: str, nodes: list[Node], q: QuantityMention) -> list[Proposed]:
    """Things counted in a clause whose actor is the agent of one event of the register (of the kind of the sentence's
    event word, or of any kind when it has none): "KH has kept them from the town's 1,500 farms by declaring …", "the
    parliament set to consider two bills": how many things that event took in (its quantity), and its agent."""
    if q.unit in _MONEY or q.unit in ("person", "km", "percent"):
        return []
    clause = re.split(r"[;:]", text[:q.start])[-1]
    actors = [n for n in nodes if _actor(proposer, n) and n.kind != "new" and q.start - len(clause) <= n.start and n.end <= q.start]
    if not actors:
        return []
    kinds = [cls for pattern, cls in _TRIGGERS for _ in pattern.finditer(text)] or ["Event"]
    event_id = proposer.events.by_agent(kinds[0], actors[-1].id, proposer.types)
    if event_id is None:
        return []
    why = f"{event_id}, the register's one {kinds[0]} whose agent is {actors[-1].words!r}"
    return [Proposed(event_id, "quantity", q.as_yaml(), f"{q.verbatim!r}: the quantity of {why}"),
            Proposed(event_id, "agent", actors[-1].id, f"{actors[-1].words!r} counts {q.verbatim!r}: the agent of {why}")]


def _money_word(text: str, q: QuantityMention) -> str | None:
    """The property of the money word nearest the amount ("generates at least $50 million a month …, some of which is
    collected in fees": the revenue, not the fee)."""
    found = [(min(abs(m.start() - q.end), abs(q.start - m.end())), prop) for pattern, prop in _MONEY_WORDS
             for m in re.finditer(pattern, text, re.I)]
    return min(found)[1] if found else None


def _entry(proposer: Proposer, cls: str, words: str, document: str, phrase: str | None = None) -> str:
    """A new register entry for an activity no date identifies, named by its kind and words (one per kind and words),
    or by the phrase that names it with its goods and where they go ("smuggling of goods into Syria", its alias)."""
    kind = re.sub(r"(?<!^)(?=[A-Z])", "-", cls).lower()
    words = phrase or words
    ent_id = f"{kind}-{slug(words)}" if slug(words) not in kind else kind
    if ent_id not in proposer.new:
        proposer.new[ent_id] = NewEntity(ent_id, cls, f"{words[0].upper()}{words[1:]} ({cls}, document {document})",
                                         [words] if phrase else [],
                                         f"an activity of the kind {cls} ({words!r}) the document counts, in document {document}")
        proposer.types[ent_id] = LB + cls
    return ent_id
