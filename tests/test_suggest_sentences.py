"""A sentence drafted without a fact: which sentences report something (kg.report_cues, on hand-made sentences), and a
draft statement with `facts: []` loads as a draft, is never accepted as it is, and the build refuses it reviewed."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from kg import cli
from kg.adding import add_document
from kg.corpus import load_corpus
from kg.errors import InputError, KGError
from kg.namespaces import LB
from kg.ontology import load_ontology
from kg.propose import Node
from kg.quantities import quantities
from kg.register import load_register
from kg.report_cues import figure_cue, report_cue
from kg.review import Review
from kg.statements import load_statement_file
from kg.yamlio import load_yaml

from .test_add import NEW


def named(text: str, *names: str, kind: str = "linked") -> list[Node]:
    """Nodes for names of a sentence (their class does not matter to the cue)."""
    return [Node(text.index(w), text.index(w) + len(w), w.lower(), LB + "Actor", w, kind) for w in names]


@pytest.mark.parametrize("text, names, cue", [
    ("The militia also controls the roads in and out of Qarya.", ["Qarya"], "controls"),
    ("Zanbar fighters were seen near the river.", ["Zanbar"], "were"),
    ("Zanbar opened a new office in Qarya.", ["Zanbar", "Qarya"], "opened"),
    ("It also guards the road.", [], "guards"),  # a pronoun stands for an entity named before
    ("The crossing between Zanbar and Qarya opens", ["Zanbar", "Qarya"], "opens"),  # a headline with a verb
    ("No one claimed responsibility for the raid.", [], "claimed"),  # a definite description takes up an event
    ("Smuggling keeps the network afloat.", [], "Smuggling"),
    ("Zanbar, the largest of the groups there, controls the ford.", ["Zanbar"], "controls"),  # after an appositive
    ("Zanbar and Qarya reportedly rotate their men every month.", ["Zanbar", "Qarya"], "rotate"),  # a verb after an adverb
    ("Drone strike hits convoy near Zanbar", ["Zanbar"], "hits"),  # a headline's verb after its event word
    # a verb of the present that tells what is expected, planned or urged
    ("Analysts expect Zanbar to move its trucks within weeks.", ["Zanbar"], "expect Zanbar to"),
])
def test_a_sentence_that_reports_something_about_its_entities(text, names, cue):
    assert report_cue(text, named(text, *names)) == cue


@pytest.mark.parametrize("text, names", [
    ("Preparations for opening the Zanbar crossing", ["Zanbar"]),  # a heading: no verb
    ("Weapons shipments near Zanbar", ["Zanbar"]),  # after a plural, a word in -s is a noun
    ("March 22, 2019 | Zanbar Brief", ["Zanbar"]),  # a dateline
    ("Why does Zanbar matter to Qarya?", ["Zanbar", "Qarya"]),  # a question
    ("Journalists were invited to the ceremony.", []),  # nobody the register has, no pronoun
    ("Journalists were invited to the opening of the market.", []),  # a definite description of no actor or event
    ("The road from Zanbar to Qarya (a map).", ["Zanbar", "Qarya"]),  # a caption: no verb
    ("Plans to expand the Zanbar crossing", ["Zanbar"]),  # a heading's plan, not a sentence
])
def test_a_sentence_that_does_not(text, names):
    assert report_cue(text, named(text, *names)) is None


@pytest.mark.parametrize("text, figure", [
    ("Customs receipts there came to 3.2 billion dinars for the half-year.", "3.2 billion dinars"),  # money, no name
    ("About 250 trucks a day cross in each direction, according to a trader.", "About 250 trucks a day"),  # a rate
    ("Two civilians were reportedly injured.", "Two civilians"),  # people
    ("Response plan 23 per cent funded.", "23 per cent"),  # a share
])
def test_a_sentence_that_states_a_figure(text, figure):
    assert figure_cue(text, quantities(text, [])) == figure


@pytest.mark.parametrize("text", [
    "Did 300 trucks cross that day?",  # a question
    "She spoke with three colleagues.",  # a count of nothing the graph measures
    "The committee met in 2021.",  # no figure
])
def test_a_sentence_that_states_none(text):
    assert figure_cue(text, quantities(text, [])) is None


def test_a_figure_with_no_name_and_no_fact_is_drafted_for_the_curator():
    from pathlib import Path

    from kg.compare import Known
    from kg.corpus import Document
    from kg.event_index import EventIndex
    from kg.paths import PROJECT_ROOT
    from kg.suggest import make_draft

    ontology = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")
    text = ("Customs receipts there came to 3.2 billion dinars for the half-year. "
            "Journalists were invited to the ceremony.\n")
    doc = Document("009", "009.txt", Path("009.txt"), text, "", "Test", "news", "Test", [], "2019-10-01")
    statements = make_draft(doc, ontology, {}, Known(), EventIndex(ontology)).statements
    assert [s["quote"] for s in statements] == ["Customs receipts there came to 3.2 billion dinars for the half-year."]
    [drafted] = statements
    assert drafted["facts"] == [] and "states a figure, '3.2 billion dinars'" in drafted["proposal"]["why"]
    assert [dict(v) for v in drafted["proposal"]["values"]] == [
        {"value": 3_200_000_000, "qualifier": "exactly", "unit": "IQD", "verbatim": "3.2 billion dinars"}]


def test_a_sanctions_lists_entry_is_drafted_whole_for_the_curator():
    from pathlib import Path

    from kg.compare import Known
    from kg.corpus import Document
    from kg.event_index import EventIndex
    from kg.paths import PROJECT_ROOT
    from kg.suggest import make_draft

    ontology = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")
    entry = "3.2 ZANBARI, Nizar Khalil. DOB: 11/11/1984. Nationality: Syrian."
    doc = Document("009", "009.txt", Path("009.txt"), entry + "\n", "", "Test", "news", "Test", [], "2022-12-08")
    [drafted] = make_draft(doc, ontology, {}, Known(), EventIndex(ontology)).statements
    assert drafted["quote"] == entry and "a sanctions list's entry" in drafted["proposal"]["why"]


def test_a_sentence_a_rule_fails_on_is_drafted_without_facts_and_the_rest_of_the_draft_stands(monkeypatch):
    from pathlib import Path

    import kg.suggest
    from kg.compare import Known
    from kg.corpus import Document
    from kg.event_index import EventIndex
    from kg.paths import PROJECT_ROOT

    ontology = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")
    rule = kg.suggest.movement_roles

    def failing(proposer, text, nodes, facts):
        if "battalions" in text:
            raise TypeError("unhashable type: 'dict'")
        return rule(proposer, text, nodes, facts)
    monkeypatch.setattr(kg.suggest, "movement_roles", failing)
    text = ("Last month the government deployed two battalions of border guards. "
            "Customs receipts there came to 3.2 billion dinars for the half-year.\n")
    doc = Document("009", "009.txt", Path("009.txt"), text, "", "Test", "news", "Test", [], "2019-10-01")
    draft = kg.suggest.make_draft(doc, ontology, {}, Known(), EventIndex(ontology))
    first, second = draft.statements
    assert first["quote"] == "Last month the government deployed two battalions of border guards." and first["facts"] == []
    assert "drafting stopped on it (TypeError: unhashable type: 'dict')" in first["proposal"]["why"]
    assert "states a figure" in second["proposal"]["why"]
    assert draft.failed == ["offset 0: TypeError: unhashable type: 'dict'"]
    assert any("drafting stopped on 1 sentence(s)" in note for note in draft.notes)


@pytest.fixture()
def unfinished(project_copy):
    """The test document with a draft whose statement 005-004 has its facts left to the curator."""
    add_document(project_copy, NEW / "article.txt", date="2024-02-12", authors=["Layla Haddad"], genre="news article")
    shutil.copyfile(NEW / "draft-register.yaml", project_copy.register / "005.yaml")
    text = (NEW / "draft.yaml").read_text(encoding="utf-8")
    old = "  facts:\n  - [al-baghouz-barrier-construction, status, completed]\n"
    assert old in text
    (project_copy.statements / "005.yaml").write_text(text.replace(old, "  facts: []\n"), encoding="utf-8")
    return project_copy


def _load(layout, proposals: bool):
    documents = load_corpus(layout.catalogue, layout.seeds, proposals=True)
    ontology = load_ontology(layout.ontology)
    entities = load_register(layout.register, ontology, documents, skip=layout.register_data, proposals=True)
    return load_statement_file(layout.statements / "005.yaml", documents, ontology, entities, proposals=proposals)


def test_a_draft_statement_may_leave_its_facts_to_the_curator_a_reviewed_one_may_not(unfinished):
    draft = {s.id: s for s in _load(unfinished, proposals=True)}
    assert draft["005-004"].facts == [] and draft["005-003"].facts
    path = unfinished.statements / "005.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: 005-004")
    path.write_text(text[:start] + text[start:].replace("  proposal:\n    why: the completion of the barrier, again\n", "", 1),
                    encoding="utf-8")
    line = text[:start].count("\n") + 1
    with pytest.raises(InputError, match=rf"005\.yaml:{line}: 005-004: needs at least one fact"):
        _load(unfinished, proposals=True)


def test_a_statement_without_a_fact_is_not_accepted(unfinished):
    review = Review.open(unfinished, "005")
    with pytest.raises(KGError, match="005-004 has no fact yet"):
        review.accept(review.item("005-004"))
    review.accept(review.item("005-003"))
    assert review.item("005-004").decision is None and "proposal" in review.item("005-004").node
    assert "facts: none yet: write them" in review.show(review.item("005-004"), None)
    assert "none yet" not in review.show(review.item("005-005"), None)


@pytest.mark.slow  # kg review runs the build's checks on the document: seconds
def test_accepting_everything_leaves_a_statement_without_a_fact_to_do(unfinished):
    result = CliRunner().invoke(cli.main, ["review", "005", "--accept-all"], env={"KG_PROJECT_ROOT": str(unfinished.root)})
    assert result.exit_code == 1, result.output
    assert "not accepted: 005-004 has no fact yet" in result.output
    assert "1 left as proposals" in result.output and "proposals left: 005-004" in result.output
    statements = {s["id"]: s for s in load_yaml(unfinished.statements / "005.yaml")["statements"]}
    assert "proposal" in statements["005-004"] and "proposal" not in statements["005-003"]
