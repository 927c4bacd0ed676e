"""The fight for a place where an actor "made its last stand": the register's capture of that place, told again.

"al-Raqqa, where the group made its last stand" tells of the fighting that ended with the place's fall: where the
register has exactly one capture of that place (its capturedPlace or location in other documents' statements), the
sentence says where it took place (location) and who fought it out there (participant), as a curator writes it.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_STAND = re.compile(r"\bmade\s+(?:its|their|his|a)\s+(?:last|final)\s+stand\b", re.I)
_WHERE = re.compile(r"^\W*,?\s*where\s+(?:the\s+)?")  # "al-Raqqa, where ISIS made …"
_AT = re.compile(r"^\s+(?:in|at)\s+(?:the\s+)?")  # "… made its last stand in al-Raqqa"
_PLACES = ("capturedPlace", "location")


def last_stands(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[capture, location, place] and [capture, participant, actor] for "PLACE, where ACTOR made its last stand" (or
    "ACTOR made its last stand in PLACE"), when the register has one capture of that place."""
    stand = _STAND.search(text)
    if stand is None:
        return []
    ontology = proposer.ontology
    named = [n for n in nodes if n.kind in ("linked", "reference")]
    actors = [n for n in named if n.end <= stand.start() and ontology.is_subclass(n.type, LB + "Actor")
              and re.fullmatch(r"[\s*_“”\"()\w-]{0,40}?\s*", text[n.end:stand.start()]) and "," not in text[n.end:stand.start()]]
    places = [n for n in named if ontology.is_subclass(n.type, LB + "Place") and (
        actors and n.end <= actors[-1].start and _WHERE.match(text[n.end:actors[-1].start])
        or n.start >= stand.end() and _AT.fullmatch(text[stand.end():n.start]))]
    if not actors or not places:
        return []
    place = places[0]
    captures = {e for e, roles in proposer.events.roles.items() if e in proposer.types and e not in proposer.new
                and ontology.is_subclass(proposer.types[e], LB + "TerritorialCapture")
                and any(prop in _PLACES and obj == place.id for prop, obj in roles)}
    if len(captures) != 1:
        return []
    event = captures.pop()
    why = f"{stand.group(0)!r}: the fight for {place.words!r}, the capture {event} of the register"
    return [Proposed(event, "location", place.id, why), Proposed(event, "participant", actors[-1].id, why)]
