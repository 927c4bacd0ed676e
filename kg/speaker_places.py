"""A place named as where a speaker or witness is, not where an event was: "an official at Mosul said",
"residents in the town told", "sources in the capital". News names its sources by their place; the place after "at" or "in"
in such a phrase says nothing of the event the sentence reports."""

from __future__ import annotations

import re

_SPEAKER_AT = re.compile(r"\b(?:officials?|spokes(?:man|woman|person)|sources?|residents?|diplomats?|researchers?|correspondents?|"
                         r"reporters?|witnesses|analysts?|commanders?|activists?)\s+(?:based\s+)?(?:in|at)\s+(?:the\s+)?$", re.I)


def speaker_place(before: str) -> bool:
    """Whether the words before a place make it where a speaker is ("a local official in ")."""
    return _SPEAKER_AT.search(before) is not None
