"""Certainty, attribution, hedge and modality of a sentence, proposed from the cue words statements/README.md lists.

Each proposal carries the words that gave it, verbatim, so a curator sees why: "according to recent reports" made a
sentence `reported`, "may enable" made it `assessed` and `expected`. A sentence without a cue is `stated` and
`asserted`, and the proposal says there was no cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# (pattern, certainty); the first that matches wins: an allegation outweighs a report, a report a hedge.
_CERTAINTY = [
    (r"\b(?:alleged(?:ly)?|accused of|unconfirmed|unverified|reports suggest|mysterious|blamed|blames|"
     r"could not (?:be )?(?:independently )?(?:verified|confirmed)|not (?:be )?independently (?:verified|confirmed))\b", "alleged"),
    (r"\b[Aa]ccording to\b", "reported"),
    (r"\breportedly\b", "reported"),
    (r"\b(?:said|say|says|saying|told|stated|reported|reports|claimed(?! responsibility)|announced|quoted|cited|noted|added|explained|"
     r"warned|denied|denies|vowed|vows|pledged|insisted|acknowledged|described (?:[\w’'-]+ ){1,6}?as|expect (?:[\w’'-]+ ){1,5}?to)\b",
     "reported"),
    (r"\b(?:likely|unlikely|probably|possibly|potential(?:ly)?|presumably|in all probability|it can be assumed|"
     r"appears? to|seems? to|may|might|could|in (?:ITIC|our) assessment)\b", "assessed"),
]
# (pattern, modality): a condition first, then what someone says must be, did not happen, plans, expects.
_MODALITY = [
    (r"\b(?:should|must|need to|needs to|[Ii]t may (?:also )?be necessary to|there is a (?:strong )?need to|ought to)\b", "recommended"),
    (r"\b(?:did not|does not|do not|has not|have not|had not|was not|were not|is not|are not|never|denied|denies|"
     r"no (?:formal |similar |significant )?\w+ (?:has|have|had|was|were) been)\b", "denied"),
    (r"\b(?:plans? to|planning to|planned to|is set to|are set to|seeks? to|intends? to|is preparing to|"
     r"are preparing to|preparing to|aims? to|(?:is |are )?seeking|trying to|set to|in an effort to|would (?:re)?open|"
     # what someone said they would do ("said it would respond", "vowed to retaliate")
     r"(?:said|says|announced|pledged|promised|vowed|threatened)(?: that)? (?:it|they|he|she|the \w+) would|"
     r"(?:vowed|vows|pledged|pledges|promised|promises|threatened|threatens) (?:[\w’'-]+ ){0,4}?(?:to|that))\b", "intended"),
    (r"\b(?:will|is expected to|are expected to|expected to|expects? (?:[\w’'-]+ ){1,5}?to|is about to|about to|"
     r"is supposed to|are supposed to|"
     r"(?:may|might|could) (?:\w+ )?(?:enable|allow|lead|become|serve|help|remain|be)\w*|potentially allowing)\b",
     "expected"),
]
_CONDITION = re.compile(r"(?:^|[,;]\s*)((?:If|if|when|When)\b[^,;]+)")
# A condition the main clause's judgement holds under, before or after it: "as long as …", "unless …", "provided that …"
# ("Further strikes are likely as long as the militias stay", "As long as the roads stay open, Iran may …").
_STANDING = re.compile(r"\b((?:[Aa]s long as|[Uu]nless|[Pp]rovided that|[Ss]o long as)\b[^,;.]+)")
_JUDGEMENT = re.compile(r"\b(?:would|could|will|might|may|likely|unlikely|probably)\b")
# A verification the text could not make: it marks the claim, it says nothing will happen ("could not be verified").
_UNVERIFIED = re.compile(r"[,;]?[^,;]*\bnot (?:be )?(?:independently )?(?:verified|confirmed)\b[^,;]*")
_ATTRIBUTION = [
    re.compile(r"\b[Aa]ccording to (?:a |an |the )?([^,.;:()]{2,80}?)(?=[,.;:(]|$| that\b)"),
    re.compile(r"(?:^|[,.;“\"]\s*)((?:[A-Z][\w’'-]*\s?){1,5}|[Tt]he [\w\s’'-]{2,40}?|[\w’'-]+ (?:reports|media|sources|"
               r"officials|observers|residents))\s+(?:(?:even|also|later|\w+ly)\s+)?(?:said|say|says|told|stated|reported|claimed|"
               r"announced)\b"),
    re.compile(r"\(([A-Z][\w\s.’'-]{1,40}), (?:[A-Z][a-z]+ \d{1,2}, )?\d{4}\)"),
]


@dataclass(frozen=True)
class Cues:
    certainty: str
    certainty_cue: str | None  # the words that gave it
    hedge: str | None
    attribution: str | None
    modality: str
    modality_cue: str | None
    condition: str | None


def read_cues(sentence: str) -> Cues:
    """Certainty (with hedge and attribution) and modality (with cue and condition) of one sentence."""
    certainty, certainty_cue = "stated", None
    for pattern, value in _CERTAINTY:
        m = re.search(pattern, sentence)
        if m:
            certainty, certainty_cue = value, m.group(0)
            break
    hedge = certainty_cue if certainty in ("assessed", "alleged") or (certainty_cue or "").lower() == "reportedly" else None
    attribution = None
    if certainty == "reported":
        for pattern in _ATTRIBUTION:
            m = pattern.search(sentence)
            if m:
                attribution = m.group(1).strip()
                break
    condition_match = _CONDITION.search(sentence)
    if condition_match and re.search(r"\b(?:would|could|will|might|may)\b", sentence[condition_match.end():]):
        condition = condition_match.group(1).strip()
        cue = re.search(r"\b(?:would|could|will|might|may)\b", sentence[condition_match.end():]).group(0)
        return Cues(certainty, certainty_cue, hedge, attribution, "conditional", cue, condition)
    standing = _STANDING.search(sentence)
    judgement = _JUDGEMENT.search(sentence.replace(standing.group(1), "")) if standing else None
    if standing and judgement:
        return Cues(certainty, certainty_cue, hedge, attribution, "conditional", judgement.group(0), standing.group(1).strip())
    sentence = _UNVERIFIED.sub("", sentence)
    for pattern, value in _MODALITY:
        m = re.search(pattern, sentence)
        if m:
            return Cues(certainty, certainty_cue, hedge, attribution, value, m.group(0), None)
    return Cues(certainty, certainty_cue, hedge, attribution, "asserted", None, None)
