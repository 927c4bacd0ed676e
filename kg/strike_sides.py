"""Whose a strike was and whom it hit, in the common wording of news once the strike is known (the one strike a
sentence's facts name, or, in an undated sentence that names none, the last strike the text dated):

- whom it hit, by whose its dead were: "the dead belonged to X", "those killed were members of X", "killed six
  fighters of X", "the dead included X fighters", "X fighters were among the dead" → [strike, target, X] for an armed
  group or other actor X;
- whose it was not: "X had not carried out any strikes", "X denied carrying out the attack" → [strike, perpetrator,
  X], the fact a denied statement gives (its modality, kg.cues, says the source denies it);
- whose it was by its own word: "X claimed responsibility for the attack", "X said it had carried out the strike" →
  [strike, perpetrator, X];
- whose a source says it was: "commanders blamed X", "blamed the raid on X", "accused X of carrying out the strike",
  "attributed the attack to X" → [strike, perpetrator, X] (the statement's certainty, kg.cues, says it is alleged);
- that no one owns it: "No country claimed responsibility for the attack", "there was no claim of responsibility"
  → [strike, attributionStatus, unattributed], unless the sentence names a perpetrator.

Only for one strike: with two, the words cannot tell whose dead or whose denial they are."""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .time_cues import Timeline

_PEOPLE = r"(?:members|fighters|militants|men|commanders|operatives|soldiers|troops|officers|guards)"
# the words that put the dead with a group, the group's name right after them
_DEAD_OF = re.compile(rf"(?:\b(?:the\s+(?:dead|victims|dead\s+men|men\s+killed)|those\s+killed)\s+(?:all\s+)?"
                      rf"(?:belonged\s+to|were\s+(?:all\s+)?(?:members\s+of|fighters\s+(?:of|from|with)|from|with))"
                      rf"|\b(?:the\s+(?:dead|victims)|those\s+killed)\s+includ(?:ed|e)(?:\s+(?:at\s+least\s+)?[\w-]+)?"
                      rf"|\bkill(?:ed|ing)\s+(?:(?:at\s+least|more\s+than|over|about|some|around|up\s+to)\s+)?[\w-]+\s+"
                      rf"(?:[\w'-]+\s+)?{_PEOPLE}\s+(?:of|from|belonging\s+to))\s+(?:the\s+)?$", re.I)
_AMONG_DEAD = re.compile(rf"^(?:\s+{_PEOPLE})?\s+(?:were|was)\s+(?:reported\s+)?among\s+(?:the\s+dead|those\s+killed|the\s+victims)\b",
                         re.I)
# a denial of the deed, its doer right before it
_NOT_DONE = re.compile(r"^\s*(?:had|has|have|did|do|does|was|were)\s+not\s+(?:been\s+)?(?:carr(?:y|ied)\s+out|conduct(?:ed)?|"
                       r"launch(?:ed)?|behind|involved\s+in|responsible\s+for)\s+(?:any|the|this|that|those|these)?\s*"
                       r"(?:\w+\s+)?(?:strikes?|air ?strikes?|attacks?|raids?|bombings?)\b"
                       r"|^\s*(?:denied|denies|deny)\s+(?:carrying\s+out|conducting|launching|any\s+(?:role|involvement)\s+in|"
                       r"(?:being\s+)?(?:behind|responsible\s+for))\s+(?:the|this|that|any)\s+(?:\w+\s+)?(?:strikes?|attacks?|raids?|bombings?)\b",
                       re.I)
# a claim of the deed, its doer right before it
_CLAIMED = re.compile(r"^\s*,?\s*(?:(?:has|have|had|quickly|later|swiftly|also)\s+){0,2}claim(?:ed|s)\s+(?:responsibility\s+for|"
                      r"(?:the|this|that))\s+(?:the\s+)?(?:\w+\s+)?(?:strikes?|attacks?|raids?|bombings?)\b"
                      r"|^\s*said\s+it\s+(?:had\s+)?(?:carried\s+out|conducted|launched)\s+(?:the|this|that)\s+(?:\w+\s+)?"
                      r"(?:strikes?|attacks?|raids?|bombings?)\b", re.I)
# the words of blame, the one blamed right after them
_BLAMED = re.compile(r"\b(?:(?P<blame>blam(?:ed|es|ing))|accus(?:ed|es|ing))\s+(?:the\s+)?$"
                     r"|\b(?:blam(?:ed|es|ing)|attribut(?:ed|es|ing)|pinned)\s+(?:the|this|that)\s+(?:\w+\s+)?"
                     r"(?P<deed>strikes?|air ?strikes?|attacks?|raids?|bombings?)\s+(?:on|to)\s+(?:the\s+)?$", re.I)
# "blamed X" ends its clause or goes on to the strike, "accused X of" to the deed of the strike
_FOR_WHAT = re.compile(r"^\s*(?:(?:for|of\s+(?:carrying\s+out|conducting|launching|being\s+behind))\s+(?:the|this|that)\s+"
                       r"(?:\w+\s+)?(?:strikes?|attacks?|raids?|bombings?)\b)", re.I)
_CLAUSE_END = re.compile(r"^\s*(?:$|[,.;:(]|,?\s+(?:which|who|and)\b)")
_NO_CLAIM = re.compile(r"\b(?:no\s+(?:one|country|group|party|side|faction|organi[sz]ation|government|state)|nobody)\s+"
                       r"(?:has\s+|had\s+)?(?:yet\s+|immediately\s+|publicly\s+)?claimed\s+(?:responsibility|the\s+(?:attack|strike|raid))"
                       r"|\bthere\s+(?:was|has\s+been|had\s+been)\s+no\s+(?:immediate\s+)?claim\s+of\s+responsibility", re.I)


def strike_sides(proposer: Proposer, timeline: Timeline, text: str, nodes: list[Node], dated: bool,
                 facts: list[Proposed]) -> list[Proposed]:
    """[strike, target, group] by whose its dead were, [strike, perpetrator, actor] for a denied deed and [strike,
    attributionStatus, unattributed] for a strike no one claimed; dated: whether the sentence gives a date."""
    strike = _the_strike(proposer, timeline, dated, facts)
    if strike is None:
        return []
    given = {(f.property, str(f.object)) for f in facts if f.subject == strike}
    ev = Node(0, 0, strike, proposer.types.get(strike, LB + "Strike"), strike)
    actors = [n for n in nodes if n.kind != "demonym" and proposer.ontology.is_subclass(n.type, LB + "Actor")]
    out = []
    for n in actors:
        dead = _DEAD_OF.search(text[:n.start]) or _AMONG_DEAD.match(text[n.end:])
        if dead and ("target", n.id) not in given and proposer.allowed(ev, "target", n):
            out.append(Proposed(strike, "target", n.id, f"its dead were of {n.words!r}"))
        denial = _NOT_DONE.match(text[n.end:])
        if denial and ("perpetrator", n.id) not in given and proposer.allowed(ev, "perpetrator", n):
            out.append(Proposed(strike, "perpetrator", n.id, f"{n.words!r}{denial.group(0)!r}: the deed denied"))
        claimed = _CLAIMED.match(text[n.end:])
        if claimed and ("perpetrator", n.id) not in given and proposer.allowed(ev, "perpetrator", n):
            out.append(Proposed(strike, "perpetrator", n.id, f"{n.words!r}{claimed.group(0)!r}: the deed claimed"))
        blamed = _BLAMED.search(text[:n.start])
        if blamed and (blamed.group("deed") or _FOR_WHAT.match(text[n.end:])
                                   or blamed.group("blame") and _CLAUSE_END.match(text[n.end:])) and ("perpetrator", n.id) not in given \
                and proposer.allowed(ev, "perpetrator", n):
            out.append(Proposed(strike, "perpetrator", n.id, f"{blamed.group(0)!r}{n.words!r}: blamed"))
    claim = _NO_CLAIM.search(text)
    if claim and not any(p == "perpetrator" or p == "attributionStatus" for p, _ in given):
        out.append(Proposed(strike, "attributionStatus", "unattributed", f"{claim.group(0)!r}: no one owns it"))
    return out


def _the_strike(proposer: Proposer, timeline: Timeline, dated: bool, facts: list[Proposed]) -> str | None:
    """The one strike the sentence's facts name, else, for an undated sentence, the last strike the text dated."""
    strikes = list(dict.fromkeys(f.subject for f in facts
                                 if proposer.ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Strike")))
    if len(strikes) == 1:
        return strikes[0]
    if strikes or dated or "Strike" not in timeline.kinds:
        return None
    return timeline.kinds["Strike"][0]
