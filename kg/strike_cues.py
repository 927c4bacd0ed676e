"""What a sentence says of the strikes it dates besides their roles: their kind where the word of the strike stands
apart from the word that dated it ("Mysterious airstrikes struck … in the summer and fall of 2019": `strikeType`
airStrike; "warplanes struck", "aircraft hit": an air strike), and that no one is named for them where the text calls
them, or whoever carried them out, "mysterious", "alleged", "unclaimed" or "unidentified" ("unidentified warplanes
bombed": `attributionStatus` unattributed), unless the sentence names a perpetrator.

Not for an event of the register that the sentence's date matches only coarsely (a year, where other documents give
its month or day): the words may be about another strike of that year."""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Proposed, Proposer

_KINDS = [(re.compile(r"\bair ?strikes?\b|\bair raids?\b", re.I), "airStrike"), (re.compile(r"\bdrone (?:strike|attack)s?\b", re.I),
          "droneStrike"), (re.compile(r"\brockets?\b", re.I), "rocketFire"),
          (re.compile(r"\b(?:war ?planes?|aircraft|(?:fighter )?jets)\s+(?:\w+\s+)?"
                      r"(?:struck|hit|bombed|targeted|attacked|pounded|raided)\b", re.I), "airStrike")]
_UNNAMED = re.compile(r"\b(?:mysterious|alleged|unclaimed|unidentified|unknown|anonymous|unexplained|unattributed)\s+(?:\w+\s+)?"
                      r"(?:air ?strikes?|airstrikes?|air raids?|strikes?|attacks?|bombings?|explosions?|drone strikes?|aircraft|"
                      r"war ?planes?|jets|drones|gunmen|attackers|assailants)\b", re.I)


def strike_facts(proposer: Proposer, text: str, facts: list[Proposed]) -> list[Proposed]:
    """[strike, strikeType, kind] and [strike, attributionStatus, unattributed] for the strikes a sentence dates."""
    strikes = [f.subject for f in facts if f.property == "date" and isinstance(f.object, str)
               and proposer.ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Strike")
               and not any(len(known) > len(f.object) for known in proposer.events.dates.get(f.subject, ()))]
    kinds = {kind for pattern, kind in _KINDS if pattern.search(text)}
    unnamed = _UNNAMED.search(text)
    out = []
    for strike in dict.fromkeys(strikes):
        given = {f.property for f in facts if f.subject == strike}
        if len(kinds) == 1 and "strikeType" not in given:
            kind = next(iter(kinds))
            out.append(Proposed(strike, "strikeType", kind, f"the sentence's one kind of strike: {kind}"))
        if unnamed and "perpetrator" not in given:
            out.append(Proposed(strike, "attributionStatus", "unattributed", f"{unnamed.group(0)!r}: no perpetrator named"))
    return out
