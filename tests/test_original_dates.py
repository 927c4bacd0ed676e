"""A translation's original (kg.original_dates): the day its header says the broadcast, article or statement was made
public is what the original's words count from, not the day the translation was published."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg import cli
from kg.original_dates import original_day
from kg.yamlio import load_yaml

BROADCAST = """Militia spokesman on Al-Thabat TV, in translation

14 September 2023

Crescent Broadcast Monitoring | Iraq desk

Channel: Al-Thabat TV (Baghdad)
Broadcast: Tuesday 12 September 2023, 21:00 Baghdad time (18:00 GMT)

Q: What happened near al-Qaim?
A: Last Tuesday an American drone struck a car of our brothers near al-Qaim.
"""


def test_the_day_a_translations_header_gives_its_original():
    offset, day = original_day(BROADCAST, "2023-09-14")
    assert day == "2023-09-12"
    assert BROADCAST[:offset].rstrip().endswith("(18:00 GMT)")
    sermon = ("A sermon on the border, in translation\n\nTranslated by Samir Haddad\n\nThe excerpt below is from the Friday "
              "sermon delivered on 2 October at the Husseiniya al-Zahraa in Karbala.\n\nToday the road is open.\n")
    assert original_day(sermon, "2020-10-04")[1] == "2020-10-02"


@pytest.mark.parametrize("text", [
    BROADCAST.replace(", in translation", "").replace("Monitoring", "Review"),  # no translation: the document's own day
    BROADCAST.replace("Tuesday 12 September 2023", "Thursday 14 September 2023"),  # the same day as the document's
    # two days: each post counts from its own
    "Posts of the governor, translated\n\nThe governor published the posts below on Saturday and Sunday.\n\nToday I visited.\n",
])
def test_no_original_day(text):
    assert original_day(text, "2023-09-14" if "Al-Thabat" in text else "2024-03-18") is None


@pytest.mark.slow  # adds and drafts a document
def test_a_translated_broadcasts_last_tuesday_counts_from_the_broadcast(project_copy, tmp_path):
    article = tmp_path / "broadcast.txt"
    article.write_text(BROADCAST, encoding="utf-8")
    env = {"KG_PROJECT_ROOT": str(project_copy.root), "KG_BUILD_DIR": str(project_copy.build)}
    runner = CliRunner()
    added = runner.invoke(cli.main, ["add", str(article), "--date", "2023-09-14", "--outlet", "Crescent Broadcast Monitoring",
                                     "--genre", "translation"], env=env)
    assert added.exit_code == 0, added.output
    doc = added.stdout.strip().splitlines()[-1]
    drafted = runner.invoke(cli.main, ["suggest", doc], env=env)
    assert drafted.exit_code == 0, drafted.output
    draft = load_yaml(project_copy.statements / f"{doc}.yaml")["statements"]
    strike = next(s for s in draft if "Last Tuesday" in s["quote"])
    dates = {f[2] for f in strike["facts"] if f[1] == "date"} | set(map(str, strike["proposal"].get("values", [])))
    assert "2023-09-05" in dates and "2023-09-12" not in dates  # a week before the broadcast, not before the translation
