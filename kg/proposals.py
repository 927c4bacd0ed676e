"""What the drafting rules exchange: an entity as a sentence names it (Node), a candidate fact with its reason
(Proposed), and a register entry the draft proposes (NewEntity)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .names import fold

MARKUP = re.compile(r"[*_“”\"]")  # emphasis and quotation marks inside a cue's words


@dataclass
class Proposed:
    subject: str
    property: str
    object: object  # an id, a concept name, a date's lexical form or a quantity mapping
    reason: str


@dataclass
class NewEntity:
    id: str
    type: str  # class local name
    label: str
    aliases: list[str]
    reason: str
    facts_in: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Node:
    """An entity as a sentence names it: where, its id and class."""

    start: int
    end: int
    id: str
    type: str  # class IRI
    words: str
    kind: str = "linked"  # linked (a register entry), demonym (a country adjective), new (a name the register lacks,
    # its class guessed from evidence), unsure (a new name whose class is a default guess) or reference (a description)
    how: str = ""  # how a linked name was matched (kg.mentions: name, folded, skeleton, fuzzy, acronym, surname)


def slug(text: str) -> str:
    """An id in the register's style (lowercase words joined by hyphens) for a name."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "entity"
