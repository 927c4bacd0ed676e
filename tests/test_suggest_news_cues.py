"""Certainty and modality from the cue words of news and analysis: standing conditions, denials, vows, expectations,
blame and claims the writer could not verify."""

import pytest

from kg.cues import read_cues


@pytest.mark.parametrize("text, certainty, modality", [
    # a judgement that holds only under a condition, the condition before or after it
    ("More raids are likely as long as the convoys keep using the road, he added.", "reported", "conditional"),
    ("As long as the airport stays open, Tehran may rely less on the highway.", "assessed", "conditional"),
    ("Unless the wall is finished, smuggling will go on.", "stated", "conditional"),
    # a condition with no judgement in the sentence is not one
    ("The trucks crossed as long as the gate was open.", "stated", "asserted"),
    # what someone said they would do, or vowed
    ("The brigade said it would retaliate at a time of its choosing.", "reported", "intended"),
    ("The movement vowed to avenge its commander.", "reported", "intended"),
    ("The brigade vowed in a statement that the raiders would regret it.", "reported", "intended"),
    # claiming responsibility is an act, not a report
    ("No group claimed responsibility for the blast.", "stated", "asserted"),
    ("The group claimed the blast had killed ten.", "reported", "asserted"),
    # a denial passes on what someone said
    ("A militia spokesman denied that the lorries carried rockets.", "reported", "denied"),
    # what others expect to happen
    ("Customs officers expect the new scanners to arrive by June.", "reported", "expected"),
    # a characterisation is someone's account
    ("A European envoy described the depot as a hub of the Quds Force.", "reported", "asserted"),
    ("According to a provincial official, the checkpoint charged every truck.", "reported", "asserted"),
    # blame and what could not be verified mark an allegation; an unverified claim says nothing will happen
    ("Local commanders blamed Israel for the raid.", "alleged", "asserted"),
    ("A resident said the fighters had left, a claim that could not be independently verified.", "alleged", "asserted"),
    # a plain report stays stated
    ("The convoy reached the border town at dawn.", "stated", "asserted"),
])
def test_news_cues(text, certainty, modality):
    cues = read_cues(text)
    assert (cues.certainty, cues.modality) == (certainty, modality)


def test_a_standing_condition_is_given_verbatim():
    cues = read_cues("Attacks will continue as long as foreign troops remain, the statement said.")
    assert (cues.modality, cues.condition, cues.modality_cue) == ("conditional", "as long as foreign troops remain", "will")
