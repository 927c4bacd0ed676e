"""Names as these sources spell them: the forms that let one name's spellings meet.

Arabic and Persian names reach English in many transliterations — Kataib / Kata'ib / Kata’aib / Kataeb,
Hezbollah / Hizballah / Hizbullah, Albu Kamal / Abu Kamal / Albukamal / al-Bukamal, al-Qaim / Al Qa'im,
Deir ez-Zor / Deir al-Zor / Dayr az Zawr. Two forms serve search and matching alike:

- `fold(text)`: what a reader would not call a different spelling removed — ASCII letters (anyascii),
  lower case, no apostrophes or transliteration marks (’ ʿ ʾ '), hyphens and runs of spaces as one space.
- `skeleton(text)`: a key most transliterations of one name share: articles (al-, el-, ez-, ad-, ...) dropped,
  vowels and the semivowels w and y dropped (sources disagree on vowels far more than on consonants), q as k,
  doubled letters as one, without spaces. It finds candidates; it is not a decision (short names share
  skeletons: compare folded forms too before calling two names one).
"""

from __future__ import annotations

import re

from anyascii import anyascii

_MARKS = re.compile(r"['’‘ʿʾ`´]")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/.,;:()\[\]\"“”]+")
# The Arabic article as sources write it standing alone (al-Qaim, Deir ez-Zor, ar-Rutbah, at-Tanf).
_ARTICLES = frozenset({"al", "el", "il", "ul", "az", "ez", "as", "es", "ad", "ed", "at", "et", "ar", "er", "an", "en",
                       "ash", "esh", "ath", "adh"})
_VOWELS = re.compile(r"[aeiouwy]")
_DOUBLES = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Lower-case ASCII without apostrophes and marks, words separated by one space."""
    ascii_text = _MARKS.sub("", anyascii(_MARKS.sub("", text))).lower()
    return " ".join(w for w in _SEPARATORS.split(ascii_text) if w)


def is_article(word: str) -> bool:
    """Whether a folded word is the Arabic article as sources write it standing alone (al, el, ez, ash, ...)."""
    return word in _ARTICLES


def _word_skeleton(word: str) -> str:
    if len(word) > 3 and word[:2] in ("al", "el") and word[2] not in "aeiou":
        word = word[2:]  # the article joined to its noun: albukamal, alqaim
    word = word.replace("q", "k")
    return _DOUBLES.sub(r"\1", _VOWELS.sub("", word))


def skeleton(text: str) -> str:
    """The consonants of a name's words, articles left out: the key its transliterations share."""
    words = fold(text).split()
    kept = [w for w in words if w not in _ARTICLES] or words
    return _DOUBLES.sub(r"\1", "".join(_word_skeleton(w) for w in kept))
