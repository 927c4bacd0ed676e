"""The drafting rules a draft withholds: each rule's record on the evaluation documents, its estimated precision, and
a draft that leaves the withheld rules' facts out (and says how many) unless every rule is asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.rule_trust import RECORD, Record, load_record, withheld, write_record


def test_a_rule_right_on_new_text_is_kept_and_one_mostly_wrong_there_is_withheld():
    record = {"good": Record(10, 10, 4, 5), "noisy": Record(4, 8, 0, 3), "unmeasured": Record()}
    assert withheld(record) == frozenset({"noisy"})
    assert record["unmeasured"].precision == 0.5  # nobody has measured it: one half, and kept


def test_right_on_the_documents_a_rule_was_written_against_weighs_less_than_right_on_new_ones():
    fitted, general = Record(10, 10, 0, 4), Record(0, 4, 4, 4)
    assert fitted.precision < 0.5 < general.precision
    assert "right 10 of 10 on the project's documents, 0 of 4 on new ones" == fitted.describe()


def test_the_record_written_is_the_record_read(tmp_path):
    from collections import Counter

    path = tmp_path / "record.yaml"
    write_record((Counter(a=4, b=2), Counter(a=4)), (Counter(b=3), Counter(b=1)), path)
    assert load_record(path) == {"a": Record(4, 4, 0, 0), "b": Record(0, 2, 1, 3)}
    assert path.read_text().startswith("# Each drafting rule")


def test_a_bad_record_names_the_file_and_the_rule(tmp_path):
    path = tmp_path / "record.yaml"
    path.write_text("rules:\n  event_proposals.event: {seen: [1], new: [0, 0]}\n")
    with pytest.raises(InputError) as err:
        load_record(path)
    assert str(path) in str(err.value) and "event_proposals.event" in str(err.value)


def test_no_record_trusts_every_rule(tmp_path):
    assert load_record(tmp_path / "absent.yaml") == {} and withheld({}) == frozenset()


def test_the_project_record_names_rules_the_drafter_has():
    """A rule renamed or removed would leave its record behind, withholding nothing: every recorded rule must still be
    a public function of its module."""
    import importlib

    record = load_record(RECORD)
    assert record, f"{RECORD} is missing or empty"
    for rule in record:
        module, function = rule.rsplit(".", 1)
        assert hasattr(importlib.import_module(f"kg.{module}"), function) or _method(module, function), rule


def _method(module: str, function: str) -> bool:
    import importlib
    import inspect

    found = importlib.import_module(f"kg.{module}")
    return any(hasattr(cls, function) for _, cls in inspect.getmembers(found, inspect.isclass))


def _draft(withhold):
    from kg.compare import Known
    from kg.corpus import Document
    from kg.event_index import EventIndex
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT
    from kg.suggest import make_draft

    from .test_suggest_parts import entity

    ontology = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")
    entities = {e.id: e for e in [entity("kataib-hezbollah", "Militia", "Kataib Hezbollah", "Kataib Hezbollah"),
                                  entity("al-qaim-crossing", "Crossing", "al-Qaim crossing", "al-Qaim crossing")]}
    text = "The al-Qaim crossing re-opened on September 30, 2019 after a month of delays.\n"
    doc = Document("009", "009.txt", Path("009.txt"), text, "", "Test", "news", "Test", [], "2019-10-01")
    return make_draft(doc, ontology, entities, Known(), EventIndex(ontology), withhold=withhold)


def test_a_draft_leaves_out_the_facts_of_withheld_rules_keeps_the_sentence_and_says_how_many():
    every = _draft(frozenset())
    rules = {rule for found in every.rules.values() for rule in found}
    assert every.withheld == 0 and rules
    held = _draft(frozenset(rules))
    assert held.facts == 0 and held.withheld == every.facts
    assert [s["quote"] for s in held.statements] == [s["quote"] for s in every.statements]
    assert "left out" in held.statements[0]["proposal"]["why"]
    assert any(f"{every.facts} candidate fact(s) left out" in note for note in held.notes)


@pytest.mark.slow  # drafts a document twice
def test_kg_suggest_says_what_it_left_out_and_all_rules_drafts_it(project_copy, tmp_path, monkeypatch):
    """Document 001 repeats 000's words; with the rule that carries 000's facts over withheld, the draft has fewer
    facts and says how many it left out; --all-rules drafts them."""
    from click.testing import CliRunner

    from kg import cli, rule_trust

    record = tmp_path / "record.yaml"
    record.write_text("rules:\n  repeats.facts: {seen: [0, 0], new: [0, 9]}\n")
    monkeypatch.setattr(rule_trust, "RECORD", record)
    (project_copy.statements / "001.yaml").unlink()
    env = {"KG_PROJECT_ROOT": str(project_copy.root)}
    held = CliRunner().invoke(cli.main, ["suggest", "001"], env=env)
    assert held.exit_code == 0, held.output
    left_out = [line for line in held.stderr.splitlines() if "candidate fact(s) left out" in line]
    assert left_out and "--all-rules" in left_out[0]
    every = CliRunner().invoke(cli.main, ["suggest", "001", "--all-rules"], env=env)
    assert every.exit_code == 0 and "left out" not in every.stderr

    def facts(output: str) -> int:
        return int(next(line for line in output.splitlines() if " facts, " in line).split(" facts, ")[0].rsplit(" ", 1)[1])
    assert facts(every.stderr) - facts(held.stderr) == int(left_out[0].split(" ", 1)[0]) > 0


def test_a_date_left_out_with_its_fact_stays_in_the_draft_as_a_value_for_the_curators_facts():
    every = _draft(frozenset())
    dated = [f for f in every.statements[0]["facts"] if f[1] == "date"]
    assert dated and "values" not in every.statements[0]["proposal"]  # the date is a fact's object: not listed again
    held = _draft(frozenset({rule for found in every.rules.values() for rule in found}))
    assert held.statements[0]["proposal"]["values"] == ["2019-09-30"]
