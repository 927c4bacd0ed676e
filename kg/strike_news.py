"""What the common wording of news says of a strike a sentence names, once the strike is known (dated or referred to):

- its dead: the count right after "killed"/"killing" or right before "were killed", when it counts people, also where a
  modifier stands before the word for people ("killing at least nine guard members") → `casualties` (unit person);
- where it hit, by a compass bearing from a place ("a farm east of Mayadin", "10 km north of the town of X", "south of
  the official X crossing") → the place is its `nearLocation`, unless the sentence already gives where it was.

Only for a sentence of one strike (a strike only bounded by the date a source is cited with does not count beside one
the sentence dates): with two, the words cannot tell whose dead or whose place they are."""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .quantities import QuantityMention

# The words of news for people counted as dead; one modifier may stand between the count and the word ("nine guard members").
_PEOPLE = r"(?:members|fighters|people|persons|soldiers|troops|militants|men|civilians|officers|commanders|operatives|guards)"
_KILLED_BEFORE = re.compile(r"\bkill(?:ed|ing|s)\s+$", re.I)
_PEOPLE_AFTER = re.compile(rf"^(?:\s+[\w'-]+)?\s+{_PEOPLE}\b", re.I)
_KILLED_AFTER = re.compile(r"^\s+(?:were|had been|have been)\s+killed\b", re.I)
# A bearing from a place: "east of", "some 10 km north-west of the town of".
_BEARING = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?(?:(?:official|main|old|new|former)\s+)?"
                      r"(?:(?:[A-Z][a-z]+\s+)?(?:border\s+)?(?:town|city|village|area)\s+of\s+)?$", re.I)
_WHERE = ("nearLocation", "location")


def strike_news(proposer: Proposer, text: str, nodes: list[Node], quantities: list[QuantityMention],
                facts: list[Proposed]) -> list[Proposed]:
    """[strike, casualties, count] and [strike, nearLocation, place] for the one strike a sentence's facts name."""
    strikes = list(dict.fromkeys(f.subject for f in facts
                                 if proposer.ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Strike")))
    dated = [s for s in strikes if any(f.subject == s and f.property == "date" for f in facts)]
    if len(strikes) > 1 and len(dated) == 1:  # a strike the sentence dates, and one only bounded by a source's date
        strikes = dated
    if len(strikes) != 1:
        return []
    strike = strikes[0]
    given = {f.property for f in facts if f.subject == strike}
    out = []
    if "casualties" not in given:
        dead = next((q for q in quantities if _dead(text, q)), None)
        if dead is not None:
            count = dict(dead.as_yaml(), unit="person")
            out.append(Proposed(strike, "casualties", count, f"{dead.verbatim!r} killed"))
    if not given & set(_WHERE):
        place = next((n for n in nodes if n.kind != "demonym" and _place(proposer, n) and _BEARING.search(text[:n.start])), None)
        if place is not None:
            out.append(Proposed(strike, "nearLocation", place.id, f"a bearing from {place.words!r}"))
    return out


def _dead(text: str, q: QuantityMention) -> bool:
    """Whether the count q is of people killed: "killed at least six members", "five fighters were killed"."""
    if q.value is None and q.min is None:
        return False
    people = q.unit == "person" or bool(_PEOPLE_AFTER.match(text[q.end:]))
    if not people:
        return False
    rest = text[q.end:]
    if q.unit != "person":
        rest = rest[_PEOPLE_AFTER.match(rest).end():]
    return bool(_KILLED_BEFORE.search(text[:q.start]) or _KILLED_AFTER.match(rest))


def _place(proposer: Proposer, n: Node) -> bool:
    return proposer.ontology.is_subclass(n.type, LB + "Place") and not n.type.endswith("#Country")
