"""kg suggest's towns of a crossing's own name (kg.crossing_names), on hand-made sentences: the crossing connects the
towns its name holds, however they are spelled."""

from __future__ import annotations

from pathlib import Path

from kg.crossing_names import named_crossing_ends, town_skeletons
from kg.propose import Node
from kg.register import Entity

from .test_suggest_parts import proposer_of

TYPES = {"al-qaim": "Settlement", "albu-kamal": "Settlement", "crossing": "OfficialCrossing", "iraq": "Country",
         "tanf-crossing": "OfficialCrossing", "kamal-factory": "Installation"}
ENTITIES = {
    "al-qaim": Entity("al-qaim", "Settlement", "al-Qaim", ("Al Qaim",), "", Path(), None),
    "albu-kamal": Entity("albu-kamal", "Settlement", "Albu Kamal", ("Abu Kamal",), "", Path(), None),
    "iraq": Entity("iraq", "Country", "Iraq", (), "", Path(), None),
    "kamal-factory": Entity("kamal-factory", "Installation", "Kamal factory", (), "", Path(), None),
}


def ends(words: str, crossing: str = "crossing", how: str = "name") -> set[tuple]:
    proposer = proposer_of(TYPES)
    text = f"Trucks queue at the {words} every day."
    node = Node(text.index(words), text.index(words) + len(words), crossing, proposer.types[crossing], words, how=how)
    found = named_crossing_ends(proposer, [node], town_skeletons(proposer, ENTITIES))
    return {(f.subject, f.property, f.object) for f in found}


def test_a_crossing_named_by_its_towns_connects_them_however_they_are_spelled():
    both = {("crossing", "connects", "al-qaim"), ("crossing", "connects", "albu-kamal")}
    assert ends("al-Qaim–Abu Kamal crossing") == both
    assert ends("Qa'im-Al-Bukamal border crossing") == both


def test_no_town_where_the_name_holds_none():
    # a country, a word of the crossing's kind, a place of another class; the crossing a text words by its two towns
    # is read by kg.place_cues.crossing_ends, not here
    assert ends("al-Qaim border crossing") == set()  # one end only: the name tells of no join
    assert ends("Iraq border crossing") == set()
    assert ends("main border crossing") == set()
    assert ends("al-Tanf crossing", "tanf-crossing") == set()
    assert ends("al-Qaim–Abu Kamal crossing", how="the crossing that joins al-Qaim and Abu Kamal") == set()
