"""The words around an event's word that kg.propose reads: where it and a date stand to each other (it dates the event
word nearest a date), who did it (past a description between commas, a verb like "imposed" before its noun, not the
subject of a passive), and the words of a date that are the curator's `dateText`."""

from __future__ import annotations

import re

from .dates import DateMention, dates

# before a date that opens a sentence
# The words that open a sentence before its date: its preposition, a part of the day, and a time of the day ("At 0140
# on 21 August", "At 7 a.m. on Monday", "Shortly after midnight on 24 June").
OPENING = re.compile(r"\W*(?:(?:in|on|at|by|since|during|early|late|mid|the|beginning|end|middle|start|of|night|morning|evening|"
                     r"afternoon|dawn|shortly|just|around|about|after|before|midnight|noon|\d{1,2}[:.h]?\d{2}(?:\s*(?:hrs|hours|GMT|UTC))?|"
                     r"\d{1,2}(?::\d{2})?\s*[ap]\.m\.(?=\s))\s+)*", re.I)
CLAUSE = re.compile(r"\b(?:after|before|when|while|as(?! an?\b)|because|since|although|but|which|that|who|where)\b", re.I)
# The verb that dates the event its subject names: "the meeting of the generals … was held on March 17".
HELD = re.compile(r"\b(?:(?:was|were|is|are|had been|has been|have been) )?(?:held|convened)\b|\btook place\b", re.I)
_LIST_COMMA = re.compile(r",(?=\s+[\w’'-]+\s+(?:and|or)\s)")  # "Syria, Iraq and Iran": one noun phrase, not two clauses
# The day a picture was taken: when the picture shows what it shows, no event of that day.
TAKEN = re.compile(r"\b(?:picture|photo(?:graph)?|image|footage|video)s?\s+(?:was\s+|were\s+)?(?:taken|shot|recorded)\s+(?:on|in)\s+$",
                   re.I)
# A description set between commas after a name ("al-Ghanimi, the chief of staff of the joint forces, announced").
APPOSITIVE = re.compile(r"^,\s+(?:the|a|an)\s+[^,;()]{3,70},(?=\s)")
# The verb that does the event its noun names: "imposed sanctions", "carried out airstrikes", "made the statement",
# "said in a statement".
LIGHT = re.compile(r"\s(?:imposed|imposes|impose|carried out|carries out|conducted|launched|made|makes|issued|issues|held"
                   r"|said in|says in)"
                   r"\s+(?:(?:a|an|the|new|its|their)\s+)?$", re.I)
# Between the verb of a move and the place it went to: "moved some units back to the", "made their way into".
MOVED_TO = re.compile(r"(?:\s+(?:back|over|across|onward|forward|again))*\s+(?:to|into|toward|towards)\s+(?:the\s+)?", re.I)
NEXT_PREDICATE = re.compile(r"\s*,?\s+(?:and|but|or|then)\s", re.I)  # after a date, what opens a verb phrase of its own
# Between a date in the possessive and the event word it qualifies: "Monday's strike", "Sunday’s deadly attack".
POSSESSIVE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}", re.I)
# Verbs of saying: a date next to one is the day of a report ("officials said on Tuesday"), not of what it tells.
SAYING = re.compile(r"said|says|told|stated|noted|explained|insisted|reported|acknowledged", re.I)
PASSIVE = re.compile(r"\b(?:was|were|been|being)\s+\w+ed$", re.I)  # "ISIS was expelled": what it was done to, no agent


def distance(m: re.Match, date: DateMention, text: str = "") -> int:
    """Characters between an event's word and a date; from the verb of its holding where the word is that verb's subject."""
    if date.start < m.end():
        return m.start() - date.end
    held = list(HELD.finditer(text, m.end(), date.start))
    return date.start - (held[-1].end() if held else m.end())


def citation(text: str, date: DateMention) -> bool:
    """A date in a source citation in brackets: "(Syrian TV, March 20, 2018)", "(iSi, July 19, 2019)"."""
    opening = text.rfind("(", 0, date.start)
    return opening >= 0 and ")" not in text[opening:date.start] and "," in text[opening:date.start]


def one_clause(text: str, m: re.Match, date: DateMention) -> bool:
    """An event's word and a date in one clause: no clause word between them ("re-opened on Monday after … airstrikes"),
    and no comma unless the date opens the sentence ("In June 2018, an air strike")."""
    between = _LIST_COMMA.sub("", text[m.end():date.start] if date.start >= m.end() else text[date.end:m.start()])
    if date.start >= m.end() and re.fullmatch(r",\s*(?:on|in)?\s*", between) and text.startswith(",", date.end):
        return True  # a date set between commas after the event's word: "The strike, on May 3, hit a depot"
    if CLAUSE.search(between) or re.search(r"[.!?][*_”\"]*\s+[A-Z]", between):  # or a sentence the segmenter ran on
        return False
    return "," not in between or bool(OPENING.fullmatch(text[:date.start]))


_PART = r"(?:early|mid|late|summer|spring|fall|autumn|winter|beginning|end|middle|start)"
# A part of a year or month before its date ("the summer and fall of 2019"), or inside its words ("in mid and late September").
_PART_BEFORE = re.compile(rf"\b(?:the\s+)?({_PART}(?:\s+(?:and|or)\s+(?:the\s+)?{_PART})?\s+(?:of\s+)?(?:the\s+)?)$", re.I)
_PART_INSIDE = re.compile(rf"^(?:(?:in|on|at|during|by)\s+)?(?:the\s+)?({_PART}\b.*)$", re.I)


def date_text(text: str, date: DateMention) -> str | None:
    """The words of a date that is a part of its year or month, as the text gives it ("summer of 2018"), or None."""
    if re.fullmatch(r"(?:\d{4}|-)-\d{2}-\d{2}", date.value):
        return None  # "late on Monday": a time of a day, not a part of a year or month
    before = _PART_BEFORE.search(text[:date.start])
    if before:
        return before.group(1) + date.words
    inside = _PART_INSIDE.match(date.words)
    return inside.group(1) if inside else None


def joined(text: str, m: re.Match, words: list[tuple[re.Match, str]]) -> list[tuple[re.Match, str]]:
    """The event words coordinated before an event's word, which its date dates too: "after the fall of Baghouz and
    ISIS's takeover of the valley (March 2019)"."""
    return [(w, cls) for w, cls in words if w.end() < m.start()
            and re.fullmatch(r"[^,;:.()]{0,40}?\s+and\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}", text[w.end():m.start()])
            and not dates(text[w.end():m.start()], None)]  # "seized the towns in 2014 and reopened in 2019": its own date


# Between a verb of saying and the event it makes known: "announced sanctions", "declared the reopening of".
_SAID_OBJECT = re.compile(r"\s+(?:(?:a|an|the|new|fresh|further|its|their|his|her)\s+){0,2}")
_SAYING = re.compile(r"announc(?:ed|es|ing)|declar(?:ed|es|ing)", re.I)


def said_object(text: str, m: re.Match, cls: str, words: list[tuple[re.Match, str]]) -> tuple[re.Match, str]:
    """The event a verb of saying makes known, when its object is a word of another event's kind ("Britain announced
    sanctions on Tuesday": the sanction is what the day dates, not a statement), else the verb and its class."""
    if cls != "Announcement" or not _SAYING.fullmatch(m.group(0)):
        return m, cls
    for w, kind in words:
        if kind != "Announcement" and w.start() >= m.end() and _SAID_OBJECT.fullmatch(text[m.end():w.start()]):
            return w, kind
    return m, cls


CLAUSE_REACH = 200  # how far a date at a clause's end dates the event its subject or its verb names
# The head of a sentence's subject: a few words (articles, adjectives, a possessive) after its start or a dateline's dash.
_SUBJECT_HEAD = re.compile(r"(?:^|\s[-—–]\s|:\s)\W*(?:[\w’'.-]+\s+){0,3}$")
_VERB_FORM = re.compile(r"[\w-]+ed|struck|drove|built|took control|met with|made (?:their|its) way", re.I)


def clause_event(text: str, date: DateMention, words: list[tuple[re.Match, str]]) -> tuple[re.Match, str] | None:
    """The event a date at the end of a long clause dates, far from the event's word: the subject's head ("A drone strike
    on a convoy near the town killed six fighters late on Monday") or the clause's verb ("The Treasury sanctioned two
    firms linked to the group in January"); None where a clause word or a comma stands between them."""
    for m, cls in sorted(words, key=lambda w: w[0].start()):
        if m.end() > date.start or date.start - m.end() > CLAUSE_REACH:
            continue
        between = _LIST_COMMA.sub("", text[m.end():date.start])
        if CLAUSE.search(between) or re.search(r"[,;:()]|[.!?]\s", between):
            continue
        if _SUBJECT_HEAD.search(text[:m.start()]) or _VERB_FORM.fullmatch(m.group(0)):
            return m, cls
    return None


# "In a statement on Wednesday, the group said": the statement's maker is the subject after the comma, before its verb
# of saying.
_TO_SPEAKER = re.compile(r"(?:\s+(?:on|in|issued|released)\s+[^;:()]{1,30}?)?,\s+(?:the\s+)?")
_SPEAKS = re.compile(r"\s+(?:(?:also|later)\s+)?(?:said|says|announced|declared|warned|stated)\b", re.I)


def fronted_speaker(text: str, m: re.Match, actors: list) -> object | None:
    """The actor (a node) whose statement a sentence opens with ("In a statement, Nujaba said …"), or None."""
    if not re.fullmatch(r"\W*(?:in|according to)\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+)?", text[:m.start()], re.I):
        return None
    return next((n for n in actors if n.start > m.end() and _TO_SPEAKER.fullmatch(text, m.end(), n.start)
                 and _SPEAKS.match(text, n.end)), None)


# "On Sunday, two soldiers were killed when a roadside bomb hit their vehicle": the dead of the main clause, then the
# clause of the strike or attack that killed them.
_KILLED_WHEN = re.compile(r",?\s+[^.;:()]{0,80}?\b(?:was|were|had been|have been)\s+(?:\w+ly\s+)?(?:killed|wounded|injured)\b"
                          r"[^.;:()]{0,60}?\b(?:when|as|after|in)\s+", re.I)


def killed_when(text: str, date: DateMention, words: list[tuple[re.Match, str]]) -> tuple[re.Match, str] | None:
    """The strike or attack a date that opens a sentence of people killed dates: its word in the clause that tells how
    they were killed ("On Sunday, two soldiers were killed when a roadside bomb hit"), or None."""
    if not OPENING.fullmatch(text[:date.start]):
        return None
    told = _KILLED_WHEN.match(text, date.end)
    if told is None:
        return None
    return next(((m, cls) for m, cls in sorted(words, key=lambda w: w[0].start()) if cls in ("Strike", "Attack")
                 and re.fullmatch(r"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}", text[told.end():m.start()])), None)


_ADDED = re.compile(r"\badd(?:ed|s)\b", re.I)


def added_to_sanctions(text: str, words: list[tuple[re.Match, str]]) -> list[tuple[re.Match, str]]:
    """"added" after a word of a sanction in its sentence ("The Treasury has designated three leaders, and in June it
    added a firm"): a sanction too, of the ones the sentence lists."""
    first = min((m.start() for m, cls in words if cls == "Sanction"), default=None)
    taken = {m.start() for m, _ in words}
    return [(m, "Sanction") for m in _ADDED.finditer(text) if first is not None and m.start() > first and m.start() not in taken]
