"""Names a text writes partly in lower case or with a number, which no run of capitalised words holds.

- a country adjective and the noun of a state body or of a group of people: "Iraqi army", "Iraqi joint forces",
  "Iraqi embassy in Damascus", "Iranian advisors", "senior Iraqi representatives" (kg.entity_types gives the class;
  the adjective gives its country);
- a compass word before a country: "eastern Syria", "the southern Lebanon front" (a region of that country), and
  "lower" or "upper" before a valley ("the lower Euphrates Valley": a part of it, not the whole);
- a town of the register and "region" or "district" after it: "Albukamal region", "al-Qa'im district" (the area
  around the town, which the sources tell apart from the town);
- a unit's head word and its number: "Unit 190";
- an armed group or organisation and "supporters" after it ("PMU supporters": a group of people, not the group), or
  "bases" in a place ("IRGC bases in Syria").

Each is an unknown name (a candidate new register entry); the register mention it holds gives way to it. kg.mentions
calls this with the country adjectives it knows; kg.phrase_facts gives the facts such a name says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

# The noun of a state body or of a group of people after a country adjective ("forces" only with a word saying which:
# "Iraqi forces" may be any of them).
_BODY_NOUN = r" (?:(?:joint|armed|border|state|security) forces|army|navy|police|embassy|advisors|advisers|representatives" \
             r"|officials|delegates)\b(?: in [A-Z][\w'’-]+)?"
SENIOR = re.compile(r"^(?:[Ss]enior|[Hh]igh-ranking) ")  # before the adjective of a group of people: part of its name
_COMPASS = re.compile(r"\b(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est|[Nn]ortheast|[Nn]orthwest|[Ss]outheast|[Ss]outhwest)ern $")
_FRONT = re.compile(r"^ front\b")
_UPPER_LOWER = re.compile(r"\b(?:[Ll]ower|[Uu]pper) $")
_AREA = re.compile(r"^ (?:region|district)\b")
_GROUPS = {"Militia", "ArmedGroup", "StateForce", "MilitaryUnit", "Organization"}
_PLACES = {"Country", "Settlement", "Region"}
_FOLLOWERS = re.compile(r"^ supporters\b")
_BASES_IN = re.compile(r"^ (?:bases|camps) in ")
HELD = re.compile(r"^(?P<group>.+) (?:supporters|(?:bases|camps) in (?P<place>.+))$")  # the names inside those two
_NUMBERED = re.compile(r"\b(?:Unit|Brigade|Division|Battalion|Regiment) \d{1,4}\b(?! and \d)")


@cache
def _body(demonyms: tuple[str, ...]) -> re.Pattern:
    adjectives = "|".join(sorted(demonyms, key=len, reverse=True))
    return re.compile(rf"\b(?:{SENIOR.pattern[1:]})?(?:{adjectives}){_BODY_NOUN}")


@cache
def _coordinated(demonyms: tuple[str, ...]) -> re.Pattern:
    """Another country adjective joined to the one that follows: the two share the noun ("Syrian, Iraqi and Iranian
    representatives"), and neither with it is one group's name."""
    return re.compile(rf"\b(?:{'|'.join(demonyms)})(?:,| and| or) $")


def body_name(words: str, demonyms: Iterable[str]) -> bool:
    """Whether a name is a country adjective and the noun of a state body or group (Iraqi joint forces)."""
    return _body(tuple(demonyms)).fullmatch(words) is not None


def compass_name(words: str) -> bool:
    """Whether a name opens with a compass word (eastern Syria)."""
    return _COMPASS.match(words.split(" ", 1)[0] + " ") is not None


def phrase_spans(text: str, linked: list[tuple[int, int, str, str]], demonyms: Iterable[str]):
    """The names of the list above, given the text's register mentions as (start, end, class local name, words):
    (the spans of the new names, the indexes of the register mentions they take the place of)."""
    spans: list[tuple[int, int]] = []
    dropped: list[int] = []
    for i, (start, end, kind, words) in enumerate(linked):
        before, after = text[max(0, start - 16):start], text[end:end + 20]
        compass = _COMPASS.search(before) if kind == "Country" else None
        front = _FRONT.match(after) if compass is not None else None  # southern Lebanon front
        if compass is None and kind in ("Region", "WaterBody") and words.endswith("Valley"):
            compass = _UPPER_LOWER.search(before)
        area = _AREA.match(after) if kind == "Settlement" else None
        group = _FOLLOWERS.match(after) if kind in _GROUPS else None
        bases = _BASES_IN.match(text[end:]) if kind in _GROUPS else None
        held = next((j for j, (s, _, k, _) in enumerate(linked) if bases and s == end + bases.end() and k in _PLACES), None)
        if held is not None:  # IRGC bases in Syria: the group's and the place's names give way to it
            spans.append((start, linked[held][1]))
            dropped.append(held)
        elif group is not None:
            spans.append((start, end + group.end()))
        elif compass is not None:
            spans.append((start - len(before) + compass.start(), end + (front.end() if front else 0)))
        elif area is not None:
            spans.append((start, end + area.end()))
        else:
            continue
        dropped.append(i)
    for pattern in (_body(tuple(demonyms)), _NUMBERED):
        for hit in pattern.finditer(text):
            kept = [(i, s, e) for i, (s, e, _, _) in enumerate(linked) if i not in dropped]
            inside = [i for i, s, e in kept if hit.start() < e and s < hit.end()]
            # the place of an embassy in its name gives way to it (Iraqi embassy in Damascus); no other name does
            if any(linked[i][0] < hit.start() + len(hit.group(0).split(" in ")[0]) for i in inside) or \
                    any(hit.start() < e and s < hit.end() for s, e in spans) or \
                    _coordinated(tuple(demonyms)).search(text[max(0, hit.start() - 20):hit.start()]):
                continue
            spans.append((hit.start(), hit.end()))
            dropped += inside
    return spans, dropped
