"""What the drafting rules exchange: an entity as a sentence names it (Node), a candidate fact with its reason
(Proposed), and a register entry the draft proposes (NewEntity)."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field

from .names import fold

MARKUP = re.compile(r"[*_“”\"]")  # emphasis and quotation marks inside a cue's words
DESCRIBED = "a place described by where it lies"  # the `how` of a node kg.described_places makes ("a depot near X")


@dataclass
class Proposed:
    """A candidate fact, the reason for it, and the rule that proposed it: the module and function that made it (read
    from the caller when not given), so that an evaluation can say how often each rule is right."""

    subject: str
    property: str
    object: object  # an id, a concept name, a date's lexical form or a quantity mapping
    reason: str
    rule: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.rule:
            self.rule = _rule(sys._getframe(2))  # this method, the dataclass's __init__, then whoever made the fact


def _rule(frame) -> str:
    """The public function (module.function) that made a fact: past comprehensions and the module's own helpers."""
    module = frame.f_globals.get("__name__", "?")
    while frame.f_back is not None and frame.f_back.f_globals.get("__name__") == module \
            and (frame.f_code.co_name.startswith("<") or frame.f_code.co_name.startswith("_")):
        frame = frame.f_back
    return f"{module.removeprefix('kg.')}.{frame.f_code.co_name}"


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


def local_name(iri: str) -> str:
    """The last part of a class or property IRI (lb:Strike -> Strike)."""
    return iri.rsplit("#", 1)[-1]
