"""The parties a sanction lists together: "designated a transport company and its co-owner, Hamid …", "sanctioned
A, B and C". Each actor joined to the first target by a comma or "and" (with a word or two that describe it, "its
co-owner,") is a target too."""

from __future__ import annotations

import re
from collections.abc import Callable

from .proposals import Node

_JOINED = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:its|their|his|her|the|a|an)\s+)?"
                     r"(?:(?!(?:after|before|when|while|which|who|that|as|but|because|since|for|by|in|on|at|to|from|with)\b)"
                     r"[\w’'-]+,?\s+){0,2}?")


def listed_with(text: str, first: Node, actors: list[Node], joined: re.Pattern[str] = _JOINED,
                admits: Callable[[Node], bool] = lambda n: True) -> list[Node]:
    """The actors listed after the first target, in order, up to the first that is not joined to the one before (by
    joined: a comma or "and", with a word or two between) or that admits refuses."""
    out, last = [], first
    for n in sorted((a for a in actors if a.start >= first.end and a.id != first.id), key=lambda a: a.start):
        if n.start < last.end:
            continue
        if not joined.fullmatch(text, last.end, n.start) or not admits(n):
            break
        out.append(n)
        last = n
    return out
