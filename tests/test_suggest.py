"""kg suggest on a copy of the project: a draft that loads as a draft, is refused by the build, never replaces reviewed
statements; and the evaluation's measures on a hand-made case."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import cli
from kg.build import load_inputs
from kg.corpus import load_corpus
from kg.coverage import Sentence
from kg.errors import InputError
from kg.namespaces import LB
from kg.ontology import load_ontology
from kg.register import load_register
from kg.statements import load_statement_file
from kg.suggest import suggest
from kg.suggest_eval import Score, align, f1, link_scores, ratio, reachable, sentence_recall, table
from kg.yamlio import load_yaml

from .conftest import copy_project_inputs
from .test_suggest_parts import entity


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    """Document 001's statements replaced by a draft of kg suggest (one draft for the module's tests; they read it)."""
    layout = copy_project_inputs(tmp_path_factory.mktemp("drafted"))
    (layout.statements / "001.yaml").unlink()
    result = CliRunner().invoke(cli.main, ["suggest", "001"], env={"KG_PROJECT_ROOT": str(layout.root)})
    assert result.exit_code == 0, result.output
    return layout, result


def test_the_draft_loads_as_a_draft_and_every_statement_says_why(drafted):
    layout, result = drafted
    path = layout.statements / "001.yaml"
    assert str(path) in result.stdout
    inputs_docs = load_corpus(layout.catalogue, layout.seeds)
    ontology = load_ontology(layout.ontology)
    entities = load_register(layout.register, ontology, inputs_docs, skip=layout.register_data, proposals=True)
    draft = load_statement_file(path, inputs_docs, ontology, entities, proposals=True)
    assert draft, "no statement proposed"
    for stmt in draft:
        assert stmt.proposal["why"] and len(stmt.proposal["facts"]) == len(stmt.facts)
        assert stmt.proposal["certainty"] and stmt.proposal["modality"]
        assert stmt.document.text[stmt.start:stmt.end] == stmt.quote
    # 001 excerpts 000: its repeated sentences get 000's facts, and say they corroborate them
    repeated = [s for s in draft if any("repeats the words of statement 000-" in why for why in s.proposal["facts"])]
    assert len(repeated) >= 5 and all(any(c.startswith("000-") for c in s.proposal["corroborates"]) for s in repeated)
    assert "repeat the words of document" not in result.output  # its catalogue entry says it derives from 000


@pytest.mark.slow  # drafts a document
def test_a_draft_names_the_document_it_repeats_when_the_catalogue_does_not(project_copy):
    catalogue = project_copy.catalogue.read_text(encoding="utf-8")
    start = catalogue.index('- id: "001"')
    end = catalogue.index("\n- id:", start)
    entry = "\n".join(line for line in catalogue[start:end].split("\n")
                      if not line.startswith(("  derived_from:", "  derived_from_evidence:", "  quotes_source:")))
    project_copy.catalogue.write_text(catalogue[:start] + entry + catalogue[end:], encoding="utf-8")
    (project_copy.statements / "001.yaml").unlink()
    result = CliRunner().invoke(cli.main, ["suggest", "001"], env={"KG_PROJECT_ROOT": str(project_copy.root)})
    assert result.exit_code == 0, result.output
    assert "sentence(s) repeat the words of document 000" in result.output and 'derived_from: "000"' in result.output


def test_the_digest_corroborates_the_brief_it_summarises(drafted):
    layout, _ = drafted
    statements = load_yaml(layout.statements / "001.yaml")["statements"]
    corroborated = {i for s in statements for i in s["proposal"].get("corroborates", [])}
    assert any(i.startswith("000-") for i in corroborated)


def test_the_build_refuses_the_draft(drafted):
    layout, _ = drafted
    with pytest.raises(InputError, match=r"001\.yaml:\d+: .*not reviewed"):
        load_inputs(layout)


def test_reviewed_statements_are_never_replaced(project_copy):
    before = (project_copy.statements / "002.yaml").read_bytes()
    with pytest.raises(InputError, match="reviewed statement"):
        suggest(project_copy, "002")
    assert (project_copy.statements / "002.yaml").read_bytes() == before


@pytest.mark.slow  # drafts the document twice: seconds
def test_a_second_run_replaces_its_own_draft(drafted, tmp_path):
    layout = copy_project_inputs(tmp_path)
    for folder in ("statements", "register"):
        for path in (drafted[0].root / folder).glob("001.yaml"):
            (layout.root / folder / path.name).write_bytes(path.read_bytes())
    (layout.statements / "001.yaml").write_bytes((drafted[0].statements / "001.yaml").read_bytes())
    first = (layout.statements / "001.yaml").read_text(encoding="utf-8")
    register = (layout.register / "001.yaml")
    register_before = register.read_text(encoding="utf-8") if register.exists() else None
    suggest(layout, "001")
    assert (layout.statements / "001.yaml").read_text(encoding="utf-8") == first
    assert (register.read_text(encoding="utf-8") if register.exists() else None) == register_before


def test_measures_on_a_hand_made_case():
    sentences = [Sentence(0, 10, ""), Sentence(11, 20, ""), Sentence(21, 30, ""), Sentence(31, 40, "")]
    # curated statements quote sentences 1, 2 and 3 (two in 3); the draft quotes 1, 3 and 4
    assert sentence_recall(sentences, [(0, 5), (11, 20), (22, 25), (26, 29)], [(0, 10), (21, 30), (31, 40)]) == (3, 2)
    gold = [(0, 4, "iran"), (10, 19, "kataib-hezbollah"), (30, 34, "iraq")]
    predicted = [(0, 4, "iran"), (10, 17, "kataib-hezbollah"), (30, 34, "iran"), (50, 55, "syria")]
    assert link_scores(predicted, gold) == (2, 2)  # 2 of 4 links right; 2 of 3 gold links found
    assert ratio(2, 4) == 0.5 and ratio(1, 0) is None
    assert f1(0.5, 2 / 3) == pytest.approx(4 / 7)


def test_new_entries_count_as_the_curated_entries_they_name():
    removed = {e.id: e for e in [entity("mudar-al-asaad", "Person", "Mudar al-Asaad", "Mudar al-Asaad"),
                                 entity("al-fassel", "MediaOutlet", "Al-Fassel", "Al-Fassel")]}
    new = {e.id: e for e in [entity("mudar-al-asad", "Person", "Mudar al-Asad", "Mudar al-Asad"),
                             entity("fassel", "MediaOutlet", "Fassel", "Fassel"),
                             entity("houthis", "ArmedGroup", "Houthis", "Houthis")]}
    # the article aside, Fassel is Al-Fassel; the Houthis are no removed entry
    assert align(new, removed, [], []) == {"mudar-al-asad": "mudar-al-asaad", "fassel": "al-fassel"}


def test_two_events_of_one_kind_and_day_are_told_apart_by_their_other_facts():
    from types import SimpleNamespace

    from kg.statements import ConceptRef, TypedValue

    def said(*facts):
        return SimpleNamespace(facts=[SimpleNamespace(subject=s, property=SimpleNamespace(name=p), object=o) for s, p, o in facts])

    day = TypedValue("2019-09-09", "date")
    air, rocket = ConceptRef(LB + "airStrike"), ConceptRef(LB + "rocketFire")
    removed = {e.id: e for e in [entity("warehouse-strike", "Strike", "Warehouse strike"), entity("rocket-attempt", "Strike", "Rocket")]}
    curated = [said(("warehouse-strike", "date", day), ("warehouse-strike", "strikeType", air)),
               said(("rocket-attempt", "date", day), ("rocket-attempt", "strikeType", rocket))]
    new = {e.id: e for e in [entity("strike-2019-09-09", "Strike", "airstrikes (2019-09-09)"),
                             entity("strike-2019-09-09-rocket-fire", "Strike", "fire a rocket (2019-09-09)")]}
    draft = [said(("strike-2019-09-09", "date", day), ("strike-2019-09-09", "strikeType", air)),
             said(("strike-2019-09-09-rocket-fire", "date", day), ("strike-2019-09-09-rocket-fire", "strikeType", rocket))]
    assert align(new, removed, curated, draft) == {"strike-2019-09-09": "warehouse-strike",
                                                    "strike-2019-09-09-rocket-fire": "rocket-attempt"}
    # with nothing but the day to go by, neither is either
    bare = [said(("strike-2019-09-09", "date", day)), said(("strike-2019-09-09-rocket-fire", "date", day))]
    assert align(new, removed, curated, bare) == {}


def test_the_table_adds_counts_before_dividing():
    a = Score("000", curated_sentences=10, recalled_sentences=9, curated_facts=10, proposed_facts=4, facts_matched=3)
    b = Score("001", curated_sentences=30, recalled_sentences=15, curated_facts=10, proposed_facts=6, facts_matched=2)
    lines = table([a, b]).splitlines()
    assert len(lines) == 5 and lines[-1].startswith("| all |")
    assert "60 % (24/40)" in lines[-1] and "50 % / 25 % (5)" in lines[-1]


def test_a_statement_the_loader_refuses_is_dropped_and_said(project_copy, monkeypatch, caplog):
    import kg.suggest as module

    original = module.make_draft

    def with_a_bad_statement(*args):
        draft = original(*args)
        draft.statements.append({"id": "001-900", "quote": "words the document does not have", "certainty": "stated",
                                 "modality": "asserted", "facts": [["iran", "supports", "hezbollah"]],
                                 "proposal": {"why": "a test"}})
        return draft

    monkeypatch.setattr(module, "make_draft", with_a_bad_statement)
    (project_copy.statements / "001.yaml").unlink()
    draft = suggest(project_copy, "001")
    ids = [s["id"] for s in load_yaml(project_copy.statements / "001.yaml")["statements"]]
    assert "001-900" not in ids and ids == [s["id"] for s in draft.statements]
    assert "dropped proposed statement 001-900: 001-900: quote not found" in caplog.text


def test_an_unknown_document_or_reviewed_statements_exit_2_with_one_line(project_copy):
    env = {"KG_PROJECT_ROOT": str(project_copy.root)}
    unknown = CliRunner().invoke(cli.main, ["suggest", "999"], env=env)
    assert unknown.exit_code == 2 and "unknown document '999'" in unknown.output
    reviewed = CliRunner().invoke(cli.main, ["suggest", "003"], env=env)
    assert reviewed.exit_code == 2 and "003.yaml" in reviewed.output and "reviewed statement" in reviewed.output
    assert "Traceback" not in unknown.output + reviewed.output


@pytest.mark.slow  # adds a document, drafts, reviews and builds a copy of the project
def test_a_new_document_from_file_through_a_draft_to_the_graph(project_copy):
    """The curator's path with the drafting tool: kg add (a saved web page), kg review (its off-topic spans), kg suggest,
    kg review (every proposal accepted), kg build; then a SPARQL query finds the new document's facts with their quotes."""
    from kg.store import open_store
    from tests.test_add import NEW

    from .conftest import select

    env = {"KG_PROJECT_ROOT": str(project_copy.root), "KG_BUILD_DIR": str(project_copy.build)}
    runner = CliRunner()
    added = runner.invoke(cli.main, ["add", str(NEW / "article.html"), "--genre", "news article"], env=env)
    assert added.exit_code == 0, added.output
    doc = added.stdout.strip().splitlines()[-1]
    spans = runner.invoke(cli.main, ["review", doc, "--accept-all"], env=env)  # the proposed off-topic spans first
    assert "proposals left: none" in spans.output, spans.output  # (its sentences are still to be quoted)
    drafted = runner.invoke(cli.main, ["suggest", doc], env=env)
    assert drafted.exit_code == 0, drafted.output
    draft = load_yaml(project_copy.statements / f"{doc}.yaml")["statements"]
    assert draft and all("proposal" in s for s in draft)
    # the barrier's completion is the register's construction, whose day 003-010 gives without a year
    barrier = next(s for s in draft if s["quote"].startswith("Iraq completed the cement barrier"))
    assert ["al-baghouz-barrier-construction", "date", "2023-01"] in barrier["facts"]
    assert barrier["proposal"]["dates"] == ["003-010"]
    refused = runner.invoke(cli.main, ["build", "--quiet"], env=env)
    assert refused.exit_code != 0 and "not reviewed" in refused.output  # nothing unreviewed is published
    unfinished = [s["id"] for s in draft if not s["facts"]]  # sentences whose facts the curator would write: dropped here
    left = runner.invoke(cli.main, ["review", doc, "--accept-all"], env=env)
    assert all(f"not accepted: {i} has no fact yet" in left.output for i in unfinished), left.output
    dropped = [arg for i in unfinished for arg in ("--drop", i)]
    reviewed = runner.invoke(cli.main, ["review", doc, *dropped], env=env)
    assert "proposals left: none" in reviewed.output and "the build's checks: pass" in reviewed.output, reviewed.output
    draft = [s for s in draft if s["facts"]]
    built = runner.invoke(cli.main, ["build", "--quiet"], env=env)
    assert built.exit_code == 0, built.output
    store = open_store(project_copy.build / "current")
    facts = select(store, f"""PREFIX lb: <https://landbridge-kg.org/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?s ?p ?o ?quote WHERE {{
          ?claim prov:wasDerivedFrom <https://landbridge-kg.org/id/document/{doc}> ; lb:statementId ?sid .
          ?claim lb:evidence/oa:hasTarget/oa:hasSelector/oa:exact ?quote .
          GRAPH ?claim {{ ?s ?p ?o }} }}""")
    assert len({r["quote"] for r in facts}) == len(draft)  # every accepted statement, with its quote
    text = (project_copy.seeds / next(p.name for p in project_copy.seeds.glob(f"{doc}_*.txt"))).read_text(encoding="utf-8")
    assert all(r["quote"] in text for r in facts)
    resolved = select(store, f"""PREFIX lb: <https://landbridge-kg.org/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?older WHERE {{ ?claim prov:wasDerivedFrom <https://landbridge-kg.org/id/document/{doc}> ;
                                      lb:resolvesDateOf/lb:statementId ?older }}""")
    assert [r["older"] for r in resolved] == ["003-010"]  # the new source's year for the old claim's day, queryable


def test_facts_within_reach_are_those_whose_entries_are_kept_named_or_dated():
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT
    from kg.statements import Fact, Statement, TypedValue

    date = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl").fact_property("date")
    removed = {e.id: e for e in [entity("ridge-road", "Road", "Ridge Road", "Ridge Road"),
                                 entity("fuel-smuggling", "SmugglingOperation", "Fuel smuggling across the ridge", "fuel smuggling"),
                                 entity("ridge-raid", "Strike", "Raid on the ridge", "raid"),
                                 entity("desert-militia-pressure", "Event", "Pressure on the Desert Militia", "pressure")]}
    curated = [Statement("007-001", None, "", 0, 0, "stated", Path("007.yaml"), 1,
                         facts=[Fact("ridge-raid", date, TypedValue("2021-05", ""), 1)])]
    gold = {("ridge-road", "locatedIn", "syria"),  # named in the text, spelt otherwise
            ("ridge-raid", "target", "ridge-road"),  # dated by the curators
            ("iran", "supports", "syria"),  # both kept
            ("land-route", "hasWaypoint", "ridge-road#2"),
            ("fuel-smuggling", "passesThrough", "ridge-road"),  # neither named nor dated
            ("desert-militia-pressure", "target", "iraq")}  # neither
    text = "Militiamen moved fuel along the Ridge-Road in May."
    assert reachable(gold, removed, curated, text) == 4


def test_an_event_the_curator_bounds_and_an_entry_named_with_its_country_are_aligned():
    from types import SimpleNamespace

    from kg.statements import TypedValue

    def said(*facts):
        return SimpleNamespace(facts=[SimpleNamespace(subject=s, property=SimpleNamespace(name=p), object=o) for s, p, o in facts])

    day = TypedValue("2020-04-30", "date")
    removed = {e.id: e for e in [entity("seizure-near-rabia", "Seizure", "Seizure near Rabia"),
                                 entity("us-treasury", "GovernmentBody", "U.S. Treasury Department"),
                                 entity("us-border-force", "StateForce", "U.S. Border Force"),
                                 entity("iraqi-border-force", "StateForce", "Iraqi Border Force")]}
    # "said it had seized": the curator bounds the seizure by the day it was announced, the draft dates it that day
    curated = [said(("seizure-near-rabia", "dateNotAfter", day))]
    new = {e.id: e for e in [entity("seizure-2020-04-30", "Seizure", "seized (2020-04-30)"),
                             entity("treasury-department", "GovernmentBody", "Treasury Department"),
                             entity("border-force", "StateForce", "Border Force"), entity("department", "GovernmentBody", "Department")]}
    draft = [said(("seizure-2020-04-30", "date", day))]
    # the border force could be either; one word alone is no name
    assert align(new, removed, curated, draft) == {"seizure-2020-04-30": "seizure-near-rabia", "treasury-department": "us-treasury"}
    # an event the draft gives no kind is the curated event of its day, whatever its kind
    removed["clash-at-checkpoint"] = entity("clash-at-checkpoint", "Attack", "Clash at a checkpoint")
    new["event-2020-05-02"] = entity("event-2020-05-02", "Event", "clashed (2020-05-02)")
    curated.append(said(("clash-at-checkpoint", "date", TypedValue("2020-05-02", "date"))))
    draft.append(said(("event-2020-05-02", "date", TypedValue("2020-05-02", "date"))))
    assert align(new, removed, curated, draft)["event-2020-05-02"] == "clash-at-checkpoint"


def test_an_undated_activity_aligns_with_the_curated_one_it_shares_two_roles_with():
    from types import SimpleNamespace

    def said(*facts):
        return SimpleNamespace(facts=[SimpleNamespace(subject=s, property=SimpleNamespace(name=p), object=o) for s, p, o in facts])

    removed = {e.id: e for e in [entity("kh-arms-runs", "Transfer", "KH arms runs"), entity("kh-fuel-runs", "Transfer", "KH fuel runs")]}
    curated = [said(("kh-arms-runs", "agent", "kataib-hezbollah"), ("kh-arms-runs", "cargo", "weapons")),
               said(("kh-fuel-runs", "agent", "kataib-hezbollah"), ("kh-fuel-runs", "cargo", "fuel"))]
    new = {e.id: e for e in [entity("transfer-kh-weapons", "Transfer", "Kataib Hezbollah moves weapons"),
                             entity("transfer-kh", "Transfer", "Kataib Hezbollah moves")]}
    draft = [said(("transfer-kh-weapons", "agent", "kataib-hezbollah"), ("transfer-kh-weapons", "cargo", "weapons")),
             said(("transfer-kh", "agent", "kataib-hezbollah"))]
    # one role in common is not enough: both curated transfers have that agent
    assert align(new, removed, curated, draft) == {"transfer-kh-weapons": "kh-arms-runs"}
