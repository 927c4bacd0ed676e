"""A class of the ontology guessed for a name the register lacks, from the name's own words and the words around it.

The guess is a proposal for a curator: it names the words that led to it ("head word 'Brigade'", "title 'Minister'
before it"). Names that give no clue are proposed as the most general class that fits a capitalised name, `Actor`
when the context has an actor's verb after it, else `Organization`; a curator corrects it.
"""

from __future__ import annotations

import re

from .mentions import DEMONYMS

NO_CLUE = "no clue in the name or around it"
# Words inside a name (most often its last word) and the class they make likely.
_HEAD_WORDS = [
    (r"brigades?|battalions?|division|corps|units?|force|forces|command|army", "MilitaryUnit"),
    (r"hezbollah|hizbullah|hizballah|kataib|kata'ib|asaib|harakat|militias?|mobilization", "Militia"),
    (r"ministry|government|parliament|council|department|authority|authorities|office|regime|commission|directorate|treasury|"
     r"customs", "GovernmentBody"),
    (r"institute|center|centre|foundation|university|research", "ResearchOrganization"),
    (r"tv|television|news|agency|press|times|post|newspaper|radio|channel|monitor|sputnik|al-?monitor|telegram",
     "MediaOutlet"),
    (r"crossings?", "Crossing"),
    (r"highway|road|motorway", "Road"),
    (r"border", "Border"),
    (r"base|airport|airbase|camp", "MilitaryBase"),
    (r"province|governorate|region|district|valley|desert|area", "Region"),
    (r"river|sea|gulf|lake", "WaterBody"),
    (r"city|town|village", "Settlement"),
    (r"movement|party|group|organization|organisation|front|network|company", "Organization"),
]
_BEFORE = [
    (r"(?:president|minister|general|gen\.|lt\.|col\.|colonel|commander|spokesman|spokeswoman|chief|ambassador|director|"
     r"sheikh|dr\.|mr\.|mrs\.|ms\.|expert|leader|head|analyst|journalist|official)\s*$", "Person"),
    (r"(?:town|city|village) of\s*$", "Settlement"),
    (r"(?:province|governorate|region|area) of\s*$", "Region"),
    (r"(?:newspaper|channel|outlet|website|agency|daily|tv|television|radio)\s*$", "MediaOutlet"),
    # a name right after a preposition of place ("an official in Ramadi said", "fighting near Rawa"): a place whose
    # kind the words do not tell
    (r"\b(?:in|near|outside|around|into)\s*$", "Place"),
    (r"(?:militia|group)\s*$", "Militia"),
    # a kind in the plural, then one of them by name: "unofficial crossings -- notably al-Sekak", "towns such as"
    (r"\bcrossings[\s,–—-]*(?:notably|such as|including|like|namely|especially)\s*$", "Crossing"),
    (r"\b(?:towns|villages|cities)[\s,–—-]*(?:notably|such as|including|like|namely|especially)\s*$", "Settlement"),
    (r"\b(?:militias|groups)[\s,–—-]*(?:notably|such as|including|like|namely|especially)\s*$", "Militia"),
    (r"\bbases[\s,–—-]*(?:notably|such as|including|like|namely|especially)\s*$", "MilitaryBase"),
]
_AFTER = [
    (r"^\s*(?:said|says|told|stated|added|explained|noted|claimed|asked|visited)\b", "Person"),
    (r"^\s*(?:reported|published|broadcast)\b", "MediaOutlet"),
    (r"^,\s*(?:the|a|an)\s+(?:\w+\s+){0,3}?(?:commander|chief|leader|president|minister|spokesman|expert|head|"
     r"official)\b", "Person"),
    (r"^\s*(?:province|governorate|region|area)\b", "Region"),
    # the kind after a name in quotation marks: an Iranian “Imam Ali” base
    (r"^\s*(?:base|camp|airbase|airport)\b", "MilitaryBase"),
    (r"^\s*crossing\b", "Crossing"),
    (r"^\s*(?:brigades?|battalions?|division)\b", "MilitaryUnit"),
]


# The nouns after a country adjective in a name written in lower case (kg.phrase_names: Iraqi joint forces).
_BODY_NOUNS = [(r"army|forces|navy|police", "StateForce"), (r"embassy", "GovernmentBody"),
               (r"advisors|advisers|representatives|officials|delegates", "PersonGroup")]
_COMPASS = re.compile(r"(?:north|south|east|west|northeast|northwest|southeast|southwest)ern ", re.I)


def guess_type(words: str, before: str, after: str) -> tuple[str, str]:
    """The class (local name) a new name most likely has, and the words that say so."""
    lowered = words.lower().replace("’", "'")
    if re.search(r" supporters$", words):
        return "PersonGroup", "the word 'supporters' after a group's name"
    if re.search(r" (?:bases|camps) in ", words):
        return "MilitaryBase", "the word 'bases' in the name"
    if _COMPASS.match(words):
        return "Region", f"the compass word {words.split()[0]!r} opening it"
    if re.sub(r"^(?:senior|high-ranking) ", "", words, flags=re.I).split()[0] in DEMONYMS:
        for pattern, cls in _BODY_NOUNS:
            m = re.search(rf"\b(?:{pattern})\b", lowered)
            if m:
                return cls, f"the word {m.group(0)!r} after a country's adjective"
    for pattern, cls in _HEAD_WORDS:
        m = re.search(rf"\b(?:{pattern})\b", lowered)
        if m:
            return cls, f"the word {m.group(0)!r} in the name"
    tail = re.sub(r"[*_“”\"]", "", before[-40:]).lower()  # emphasis and quotation marks are no words
    for pattern, cls in _BEFORE:
        m = re.search(pattern, tail)
        if m:
            return cls, f"{m.group(0).strip()!r} before it"
    for pattern, cls in _AFTER:
        m = re.search(pattern, re.sub(r"[*_“”\"]", "", after[:60]), re.I)
        if m:
            return cls, f"{m.group(0).strip()!r} after it"
    parts = words.split()
    if 2 <= len(parts) <= 4 and all(p[:1].isupper() or p.lower().startswith(("al-", "el-", "bin", "ibn", "abu")) for p in parts):
        return "Person", "a name of two to four capitalised words, as a person's"
    return "Organization", NO_CLUE
