"""kg suggest's border a border area between two countries' towns lies on (kg.border_areas), on hand-made sentences."""

from __future__ import annotations

from kg.border_areas import border_areas
from kg.propose import Proposed

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"iraq": "Country", "syria": "Country", "al-qaim": "Settlement", "albu-kamal": "Settlement", "rawa": "Settlement",
         "strip": "Region", "valley": "Region", "border": "Border"}
LABELS = {"iraq": "Iraq", "syria": "Syria", "al-qaim": "al-Qaim", "albu-kamal": "Albu Kamal", "rawa": "Rawa",
          "strip": "Border strip between al-Qaim and Albu Kamal", "valley": "Valley between al-Qaim and Rawa",
          "border": "Iraq–Syria border"}


def found(text: str, names: dict[str, str], facts: list[tuple]) -> set[tuple]:
    proposer = proposer_of(TYPES)
    given = [Proposed(s, p, o, "given") for s, p, o in facts]
    return {(f.subject, f.property, f.object) for f in border_areas(proposer, text, nodes_of(proposer, text, names), given, LABELS)}


def test_a_border_area_between_towns_of_two_countries_is_on_their_border():
    text = "Troops now patrol the border area between al-Qaim and Albu Kamal."
    facts = [("al-qaim", "locatedIn", "iraq"), ("albu-kamal", "locatedIn", "syria")]
    assert found(text, {"al-Qaim": "al-qaim", "Albu Kamal": "albu-kamal"}, facts) == {("strip", "onBorder", "border")}


def test_no_border_for_an_area_the_words_do_not_call_a_border_area_or_within_one_country():
    text = "Troops now patrol the area between al-Qaim and Albu Kamal."
    facts = [("al-qaim", "locatedIn", "iraq"), ("albu-kamal", "locatedIn", "syria")]
    assert found(text, {"al-Qaim": "al-qaim", "Albu Kamal": "albu-kamal"}, facts) == set()
    text = "Troops now patrol the border region between al-Qaim and Rawa."
    facts = [("al-qaim", "locatedIn", "iraq"), ("rawa", "locatedIn", "iraq")]
    assert found(text, {"al-Qaim": "al-qaim", "Rawa": "rawa"}, facts) == set()
