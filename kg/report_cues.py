"""Whether a sentence reports something about the entities it names, so that `kg suggest` drafts it even where no fact
can be built from it (its facts then left to the curator).

A sentence reports when it names an entity (a register entry, one the text describes as the register's, a new name, a
country's adjective, a pronoun standing for one named before, or a definite description taking up a group or an attack:
"the group", "the attack") and carries an event or state cue: a finite verb (an
auxiliary or copula, a past form, a verb of the present after its subject) or, in a sentence that ends as one does, a
word of an event's kind (kg.relation_cues.TRIGGERS). A question does not report; a heading, dateline or picture credit
only when it has a verb ("Border crossing between Iraq and Syria opens").

A sentence that names nobody is still drafted when it states a figure the graph measures (`figure_cue`): a sum of money,
a rate, a share, or a count of trucks, people, goods or attacks ("Customs receipts there came to 3.2 billion dinars").
"""

from __future__ import annotations

import re

from .cues import read_cues
from .relation_cues import TRIGGERS

# A sentence's end: a full stop or exclamation mark, perhaps inside closing quotes or brackets.
_DECLARATIVE = re.compile(r"[.!][\"'’”)\]*]*\s*$")
_AUXILIARY = (r"is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might|must|should|shall|does|do|did|"
              r"isn['’]t|wasn['’]t|won['’]t")
# Irregular past forms (the regular ones end in -ed).
_IRREGULAR = (r"said|told|took|taken|began|begun|became|made|went|gone|came|saw|seen|led|held|built|sent|brought|fought|left|"
              r"gave|given|met|set|put|ran|knew|known|grew|won|lost|paid|kept|stood|found|thought|bought|drove|driven|struck|"
              r"shown|spoke|wrote|written|rose|fell|broke|chose|meant|heard|sought|spent|withdrew|overtook|stole|hit|shot")
# Words ending in -ed that are not verbs.
_NOT_PAST = {"hundred", "indeed", "need", "speed", "seed", "bed", "red", "shed", "feed", "creed", "breed", "greed", "sled"}
_AUXILIARY_WORD = re.compile(_AUXILIARY, re.I)
_VERB = re.compile(rf"\b(?:{_AUXILIARY}|{_IRREGULAR}|[a-z]{{2,}}ed)\b", re.I)
# A verb of the present after the name, pronoun or noun that is its subject: "Iran uses", "which runs", "the militia
# controls".
_ADVERB = r"(?:(?:also|still|now|even|already|\w+ly)\s+)?"
_THIRD_PERSON = r"((?:[a-z]+[^s\W]s|[a-z]+ies|[a-z]+ches|[a-z]+shes|[a-z]+sses|[a-z]+xes))\b"
_PRESENT = re.compile(rf"^[\s-]+{_ADVERB}{_THIRD_PERSON}")
_SUBJECT_VERB = re.compile(rf"\b(?:it|which|that|who|he|she|this|the [a-z]+)\s+{_ADVERB}{_THIRD_PERSON}", re.I)
# A pronoun that stands for an entity a sentence before named ("It also controls", "he said", "its opening").
_ANAPHOR = re.compile(r"\b(?:it|its|itself|he|his|him|she|her|they|their|them|themselves|these|those)\b", re.I)
# A definite description that takes up an actor or event named before ("the group vowed", "claimed responsibility for the
# attack", "keeps the network solvent").
_DEFINITE = re.compile(r"\b[Tt]he (?:group|militia|faction|movement|attack|strike|raid|network|convoy)\b")
# A verb of the present after a name set off by an appositive ("Kataib Hezbollah, the strongest militia, controls") or
# after an adverb that only a verb follows ("the brigades reportedly rotate", "the two groups also move").
_APPOSED = re.compile(rf"^\s*,[^,]{{2,80}},\s+{_ADVERB}{_THIRD_PERSON}")
_AFTER_ADVERB = re.compile(r"^\s+(?:also|still|now|reportedly|regularly|routinely|often|usually)\s+([a-z]{3,})\b")
_EVENT = re.compile(r"\b(?:" + "|".join(p for p, _ in TRIGGERS) + r")\b", re.I)
# A headline's verb of the present after the word of an event that is its subject ("Drone strike hits convoy").
# A plural subject takes no -s ("weapons routes" is a compound noun).
_HEADLINE_VERB = re.compile(r"\b(?:" + "|".join(p for p, _ in TRIGGERS) + rf")(?<!s)\s+{_THIRD_PERSON}", re.I)
_NAMES = ("linked", "reference", "new", "unsure", "demonym")


# The units of a figure a curator states even where no entity is named: money, goods and people counted, distances and
# shares ("Customs receipts there came to 3.2 billion dinars", "About 250 trucks a day cross", "Fatalities: 3.").
_FIGURE_UNITS = {"truck", "tanker", "vehicle", "convoy", "person", "civilian", "fighter", "member", "pill", "ton", "km",
                 "percent", "shop", "post", "view", "channel", "strike", "attack", "rocket", "drone", "missile", "trip"}


def figure_cue(text: str, quantities) -> str | None:
    """The first figure of a sentence that states one (a sum of money, a rate, or a count of trucks, people, goods or
    attacks), for a sentence no fact and no named entity brings into the draft; None for a question."""
    if text.rstrip().endswith("?"):
        return None
    for q in quantities:
        if q.unit in _FIGURE_UNITS or q.unit.isupper() or q.per:
            return q.verbatim
    return None


def finite_verbs(text: str) -> list[re.Match]:
    """The words of a text that are finite verbs by their form: auxiliaries and copulas, irregular and -ed past forms."""
    return [m for m in _VERB.finditer(text) if m.group(0).lower() not in _NOT_PAST]


def action_verbs(text: str) -> list[re.Match]:
    """The finite verbs of a text that say what someone did (past forms: not an auxiliary, a copula or a modal)."""
    return [m for m in finite_verbs(text) if not _AUXILIARY_WORD.fullmatch(m.group(0))]


def report_cue(text: str, nodes) -> str | None:
    """The words that make a sentence a report about the entities it names (an event or state cue), or None: a
    question, a sentence that names no entity (nor stands for one by a pronoun), one with no verb; and a line that does
    not end as a sentence does (a heading, a dateline, a credit) unless it has a verb ("… crossing … opens")."""
    if text.rstrip().endswith("?") or not (any(n.kind in _NAMES for n in nodes) or _ANAPHOR.search(text) or _DEFINITE.search(text)):
        return None
    m = _EVENT.search(text) if _DECLARATIVE.search(text) else None
    if m:
        return m.group(0)
    verbs = finite_verbs(text)
    if verbs:
        return verbs[0].group(0)
    cues = read_cues(text)  # a verb of the present that says what is planned, expected or urged ("Analysts expect KH to …")
    if cues.modality != "asserted" and cues.modality_cue and _DECLARATIVE.search(text):
        return cues.modality_cue
    for n in nodes:
        m = _PRESENT.match(text[n.end:]) or _APPOSED.match(text[n.end:]) or _AFTER_ADVERB.match(text[n.end:])
        if m:
            return m.group(1)
    m = _SUBJECT_VERB.search(text) or _HEADLINE_VERB.search(text)
    return m.group(1) if m else None
