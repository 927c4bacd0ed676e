"""kg review: a draft's proposals accepted, edited or dropped in place, then the build's checks on the document;
and what an accepted draft says of other statements (disputes, resolves_date_of) as the build checks it."""

from __future__ import annotations

import re
import shutil
import sys

import pytest
from click.testing import CliRunner

from kg import cli
from kg.adding import add_document
from kg.build import load_inputs
from kg.errors import InputError
from kg.paths import PROJECT_ROOT
from kg.review import Review, check
from kg.yamlio import load_yaml

from .test_add import NEW


@pytest.fixture()
def drafted(project_copy):
    """A copy of the project with the test document added and a draft of its statements (all proposals)."""
    add_document(project_copy, NEW / "article.txt", date="2024-02-12", authors=["Layla Haddad"], genre="news article")
    shutil.copyfile(NEW / "draft.yaml", project_copy.statements / "005.yaml")
    shutil.copyfile(NEW / "draft-register.yaml", project_copy.register / "005.yaml")
    return project_copy


def statements_of(layout, document="005") -> dict[str, dict]:
    return {s["id"]: s for s in load_yaml(layout.statements / f"{document}.yaml")["statements"]}


def test_accepting_turns_what_the_draft_says_of_other_statements_into_fields(drafted):
    review = Review.open(drafted, "005")
    assert [i.key for i in review.items] == ["span-1", "span-2", "convoy-stopped-near-the-crossing", "005-001", "005-002",
                                             "005-003", "005-004", "005-005"]
    for item in review.items:
        review.accept(item)
    review.save()
    text = (drafted.statements / "005.yaml").read_text(encoding="utf-8")
    assert "proposal:" not in text and text.startswith('document: "005"\n# A draft as `kg suggest` writes it')
    stmts = statements_of(drafted)
    assert stmts["005-002"]["disputes"] == ["000-018"] and "disputes" not in stmts["005-001"]
    assert stmts["005-003"]["resolves_date_of"] == ["003-010"]
    assert "excluded:\n  - from: You have 3 free\n" in drafted.catalogue.read_text(encoding="utf-8")
    inputs = load_inputs(drafted)  # as the build reads them: nothing is a proposal any more
    by_id = {s.id: s for s in inputs.statements}
    assert by_id["005-002"].disputes == ("000-018",) and by_id["005-003"].resolves_date_of == ("003-010",)


@pytest.mark.slow  # reads every input three times (before the review, after it, after a hand edit): seconds
def test_the_check_reports_what_is_left(drafted):
    before = check(drafted, "005")
    assert before.proposals[:3] == ["span-1", "span-2", "convoy-stopped-near-the-crossing"] and not before.done
    assert before.problem is None  # the rest of the inputs read, the draft too
    result = CliRunner().invoke(cli.main, ["review", "005", "--accept-all", "--drop", "005-004"],
                                env={"KG_PROJECT_ROOT": str(drafted.root)})
    assert result.exit_code == 1, result.output  # sentences of the document no statement quotes yet
    assert "document 005: 7 accepted, 0 edited, 1 dropped, 0 left as proposals" in result.output
    assert "proposals left: none" in result.output and "the build's checks: pass for document 005" in result.output
    assert re.search(r"unquoted \d+-\d+: The group has paid a price for its role", result.output)
    assert set(statements_of(drafted)) == {"005-001", "005-002", "005-003", "005-005"}
    assert "proposal" not in load_yaml(drafted.register / "005.yaml")[0]
    # A hand edit that breaks a statement: the one-line check names file and line.
    path = drafted.statements / "005.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("at least 12 members\"}", "at least twelve\"}"), encoding="utf-8")
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if "at least twelve" in text)
    after = CliRunner().invoke(cli.main, ["review", "005", "--check"], env={"KG_PROJECT_ROOT": str(drafted.root)})
    assert after.exit_code == 1 and f"005.yaml:{line}: quantity words 'at least twelve' are not in the quote" in after.output


@pytest.mark.slow  # a whole review in the terminal, with the inputs read before and after: seconds
def test_the_terminal_flow_shows_each_proposal_in_context_and_edits_in_the_editor(drafted, tmp_path):
    editor = tmp_path / "editor.py"
    editor.write_text("import sys\np = sys.argv[1]\ns = open(p).read()\n"
                      "open(p, 'w').write(s.replace('[al-baghouz-barrier-construction, status, completed]',"
                      " '[al-baghouz-barrier-construction, nearLocation, al-baghouz]'))\n")
    env = {"KG_PROJECT_ROOT": str(drafted.root), "EDITOR": f"{sys.executable} {editor}", "VISUAL": ""}
    # spans and the entry: accept; 005-001 skip; 005-002 drop; 005-003 accept; 005-004 edit, accept; 005-005 accept
    answers = "a\na\na\ns\nd\na\ne\na\na\n"
    result = CliRunner().invoke(cli.main, ["review", "005"], input=answers, env=env)
    assert result.exit_code == 1, result.output
    shown = re.sub(r"\n  \| ", " ", result.output)  # the context, unwrapped
    assert "»You have 3 free articles left this month. Subscribe now for unlimited access.«" in shown
    assert "disagrees: [000-018]" in shown and "corroborates: [000-029, 001-018]" in shown
    assert "000-018: “In June 2018, an Israeli air strike near Albu Kamal killed more than 20 members" in shown
    assert "000-029: “The militia also controls the roads in and out of al-Qaim.” (000.yaml)" in shown
    assert "fact: [al-baghouz-barrier-construction, nearLocation, al-baghouz]" in shown  # shown again after the edit
    assert "document 005: 6 accepted, 1 edited, 1 dropped, 1 left as proposals" in result.output
    assert "proposals left: 005-001" in result.output
    stmts = statements_of(drafted)
    assert "005-002" not in stmts and "proposal" in stmts["005-001"] and "proposal" not in stmts["005-004"]
    assert stmts["005-004"]["facts"] == [["al-baghouz-barrier-construction", "nearLocation", "al-baghouz"]]


def test_a_proposal_the_document_does_not_have_is_named(drafted):
    result = CliRunner().invoke(cli.main, ["review", "005", "--accept", "005-009"], env={"KG_PROJECT_ROOT": str(drafted.root)})
    assert result.exit_code == 2 and "no proposal '005-009'" in result.output and "005-004" in result.output


RESOLUTIONS = [
    ('"2023-01"', None),
    ('"2023-02"', r"005-003: resolves_date_of 003-010: 2023-02 is not the day --01-28 of 003-010"),
    ('"2022-01-28"', r"2022-01-28 is before 2023-01-28, the earliest --01-28 of 003_e433ff60202df370.txt can be"),
]


@pytest.mark.parametrize("date, error", [
    RESOLUTIONS[0],
    pytest.param(*RESOLUTIONS[1], marks=pytest.mark.slow),  # each case loads all the inputs again
    pytest.param(*RESOLUTIONS[2], marks=pytest.mark.slow),  # each case loads all the inputs again
])
def test_a_date_that_resolves_another_is_the_same_day_or_month_no_earlier_than_it_can_be(drafted, date, error):
    review = Review.open(drafted, "005")
    for item in review.items:
        review.accept(item)
    review.save()
    path = drafted.statements / "005.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('date, "2023-01"', f"date, {date}"), encoding="utf-8")
    if error is None:
        assert {s.id: s for s in load_inputs(drafted).statements}["005-003"].resolves_date_of == ("003-010",)
        return
    with pytest.raises(InputError, match=error) as err:
        load_inputs(drafted)
    line = path.read_text(encoding="utf-8").split("\n").index("- id: 005-003") + 1
    assert err.value.path.endswith("005.yaml") and err.value.line in (line, line + 6)  # the statement's or the fact's


@pytest.mark.slow  # reads every input twice: seconds
def test_only_a_date_without_a_year_is_resolved_and_only_by_an_asserted_date(drafted):
    review = Review.open(drafted, "005")
    for item in review.items:
        review.accept(item)
    review.save()
    path = drafted.statements / "005.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("resolves_date_of: [003-010]", "resolves_date_of: [000-018]"),
                    encoding="utf-8")
    with pytest.raises(InputError, match="005-003: resolves_date_of 000-018, which gives no date without a year"):
        load_inputs(drafted)
    path.write_text(path.read_text(encoding="utf-8").replace("resolves_date_of: [000-018]", "resolves_date_of: [003-010]")
                    .replace('  quote: "Iraq completed the cement barrier near al-Baghouz in January 2023"\n  certainty: stated\n'
                             '  modality: asserted\n',
                             '  quote: "Iraq completed the cement barrier near al-Baghouz in January 2023"\n  certainty: stated\n'
                             '  modality: expected\n  cue: "completed"\n'), encoding="utf-8")
    with pytest.raises(InputError, match="005-003: resolves_date_of 003-010, but is expected: only an asserted date"):
        load_inputs(drafted)


def page(client, path: str) -> str:
    response = client.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


def rows(html: str) -> list[str]:
    """The rows of a page's tables, as their text and test ids."""
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)) + " " + " ".join(re.findall(r'data-testid="([a-z-]+)"', row))
            for row in html.split("<tr")[1:]]


def test_a_fact_two_independent_sources_assert_is_marked_corroborated(built):
    """Documents 000 and 001 are one source (001 quotes 000): a fact only they state is not corroborated."""
    from server import create_app

    client = create_app({"BUILD_DIR": str(built.build)}).test_client()
    facts = rows(page(client, "/id/kataib-hezbollah"))
    deployed = next(r for r in facts if " deployed in " in r and "Syrian side" in r)
    roads = next(r for r in facts if " controls " in r and "Roads in and out of al-Qaim" in r)
    assert "corroborated: 2 independent sources" in deployed
    assert "corroborated" not in roads and "claim 000-029" in roads and "claim 001-018" in roads


@pytest.mark.slow  # a build and a validation of their own (the project with the test article added)
def test_a_new_document_from_file_to_pages(drafted):
    from kg.build import build
    from kg.store import open_store
    from kg.validate import CHECKS, validate
    from server import create_app

    from .conftest import BASE, select

    review = Review.open(drafted, "005")
    review.drop(review.item("005-004"))
    for item in review.items:
        if item.decision is None:
            review.accept(item)
    review.save()
    build(drafted, BASE)
    assert validate(drafted, CHECKS).conforms
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Sources that agree, disagree"):]
    query = re.search(r"```sparql\n(.*?)```", section, re.S).group(1)
    store = open_store(drafted.build / "current")
    answers = select(store, query)
    assert [(a["says"], a["document"][-3:], a["otherSays"], a["otherDocument"][-3:]) for a in answers] == [
        ("at least 12 members", "005", "more than 20 members", "000")]
    assert "killed at least 12 members of Kataeb Hizballah" in answers[0]["quote"]
    assert "killed more than 20 members" in answers[0]["otherQuote"]

    client = create_app({"BUILD_DIR": str(drafted.build)}).test_client()
    strike = [r for r in rows(page(client, "/id/strike-2018-06-near-albu-kamal")) if " casualties " in r]
    assert len(strike) == 2 and all("disputed" in r for r in strike)
    assert any("at least 12 members" in r and "disputes claim 000-018" in r for r in strike)
    assert any("more than 20 members" in r and "disputed by claim 005-002" in r for r in strike)
    kh = rows(page(client, "/id/kataib-hezbollah"))
    roads = next(r for r in kh if " controls " in r and "Roads in and out of al-Qaim" in r)
    assert "corroborated: 2 independent sources" in roads and "claim 005-001" in roads
    barrier = [r for r in rows(page(client, "/id/al-baghouz-barrier-construction")) if " date " in r or "month day" in r]
    assert any("gives the year of the day in claim 003-010" in r for r in barrier)
    assert "claim-date-resolved-by" in page(client, "/id/claim/003-010")
    assert "Kataeb Hizballah" in page(client, "/id/document/005")
