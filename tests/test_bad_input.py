"""Bad input stops the build with a message naming file and line, and the last build stays as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kg.build import build
from kg.errors import InputError
from kg.paths import Layout

from .conftest import BASE

GOOD_QUOTE = "Al-Qaim sits just inside Iraqi territory opposite the Syrian border town of Albu Kamal."


def statement_file(*, quote: str = GOOD_QUOTE, fact: str = "[al-qaim, adjacentTo, albu-kamal]",
                   document: str = "000", extra: str = "", stmt_id: str = "000-901") -> str:
    """A statement file whose single statement starts on line 3 and whose fact is on line 7."""
    return (
        f'document: "{document}"\n'
        "statements:\n"
        f"- id: {stmt_id}\n"
        f"  quote: {quote!r}\n"
        f"  certainty: stated{extra}\n"
        "  facts:\n"
        f"  - {fact}\n"
        "  modality: asserted\n"
    )


def snapshot(layout: Layout) -> dict[str, str]:
    current = (layout.build / "current").resolve()
    files = sorted(p for p in current.rglob("*") if p.is_file())
    digests = {str(p.relative_to(current)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    digests["current ->"] = str(current)
    return digests


@pytest.fixture()
def previous(built_project_copy: Layout) -> tuple[Layout, dict[str, str]]:
    """A project copy with one good build already published."""
    return built_project_copy, snapshot(built_project_copy)


def write(layout: Layout, relative: str, text: str) -> Path:
    path = layout.root / relative
    path.write_text(text, encoding="utf-8")
    return path


CASES = {
    "quote not in its document": (
        "statements/900.yaml", statement_file(quote="Al-Qaim sits just inside Syrian territory."), 3, "quote not found"),
    "unknown entity": (
        "statements/900.yaml", statement_file(fact="[al-qaim, adjacentTo, atlantis]"), 7, "unknown entity 'atlantis'"),
    "unknown property": (
        "statements/900.yaml", statement_file(fact="[al-qaim, borders, albu-kamal]"), 7, "unknown property 'borders'"),
    "impossible date": (
        "statements/900.yaml", statement_file(fact='[capture-of-albu-kamal-2017, date, "2017-02-30"]'), 7, "impossible date"),
    "malformed date": (
        "statements/900.yaml", statement_file(fact='[capture-of-albu-kamal-2017, date, "November 2017"]'), 7, "malformed date"),
    "quantity words not in the quote": (
        "statements/900.yaml",
        statement_file(fact="[islamic-state, size, {value: 20, qualifier: moreThan, unit: person, verbatim: more than 20}]"),
        7, "not in the quote"),
    "quote from excluded material": (
        "statements/900.yaml", statement_file(quote="Follow FDD on Twitter @FDD, @FDD_CMPP, and @FDD_CEFP."),
        3, "excluded material"),
    "year inferred for an undated document": (
        "statements/900.yaml",
        statement_file(document="003", stmt_id="003-901", extra="\n  year_inferred: true",
                       quote="Al-Baghouz is in Deir Ezzor's Albu Kamal district.",
                       fact='[al-baghouz, locatedIn, deir-ez-zor]'),
        3, "no year can be inferred"),
    "broken YAML": (
        "statements/900.yaml", statement_file(fact="[al-qaim, adjacentTo, albu-kamal"), 8, "invalid YAML"),
    "unknown document": (
        "statements/900.yaml", statement_file(document="009", stmt_id="009-001"), 1, "unknown document"),
    "alias not in any document": (
        "register/900.yaml",
        "- id: atlantis\n  type: Settlement\n  label: Atlantis\n  aliases: [Atlantis]\n  description: Not a real place.\n",
        1, "does not occur in any document"),
    "unknown class in the register": (
        "register/900.yaml",
        "- id: atlantis\n  type: Continent\n  label: Atlantis\n  aliases: []\n  description: Not a real place.\n",
        1, "unknown type 'Continent'"),
}


@pytest.mark.slow  # each case loads all the inputs again (half a second); the tests below stay in the fast tier
@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_names_file_and_line_and_keeps_previous_build(previous, case):
    layout, before = previous
    relative, text, line, message = CASES[case]
    write(layout, relative, text)
    with pytest.raises(InputError) as err:
        build(layout, BASE)
    assert Path(err.value.path).name == Path(relative).name
    assert err.value.line == line, str(err.value)
    assert message in err.value.message
    assert f"{Path(relative).name}:{line}" in str(err.value)
    assert snapshot(layout) == before


def test_duplicate_statement_id_is_refused(previous):
    layout, before = previous
    text = statement_file()
    text += text.split("statements:\n", 1)[1]
    write(layout, "statements/900.yaml", text)
    with pytest.raises(InputError, match="already used"):
        build(layout, BASE)
    assert snapshot(layout) == before


def test_broken_turtle_in_the_ontology(previous):
    layout, before = previous
    path = layout.ontology
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append("lb:Broken a owl:Class , .")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        build(layout, BASE)
    assert err.value.path.endswith("landbridge.ttl")
    assert err.value.line == len(lines)
    assert snapshot(layout) == before


def test_a_changed_seed_is_refused(previous):
    layout, before = previous
    seed = next(layout.seeds.glob("000_*.txt"))
    seed.write_bytes(seed.read_bytes().replace(b"Albu Kamal", b"Abu Kamal", 1))
    with pytest.raises(InputError, match="sha256"):
        build(layout, BASE)
    assert snapshot(layout) == before


def test_cli_reports_bad_input_on_one_line_with_exit_1(previous):
    from click.testing import CliRunner

    from kg import cli

    layout, before = previous
    write(layout, "statements/900.yaml", statement_file(fact="[al-qaim, adjacentTo, atlantis]"))
    result = CliRunner().invoke(cli.main, ["build", "--quiet", "--build-dir", str(layout.build)],
                                env={"KG_PROJECT_ROOT": str(layout.root)})
    assert result.exit_code == 1
    assert "900.yaml:7: unknown entity 'atlantis'" in result.output
    assert "Traceback" not in result.output
    assert snapshot(layout) == before


def test_a_statement_still_proposed_is_not_built(project_copy):
    path = project_copy.statements / "001.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.index("- id: 001-")
    path.write_text(text[:first] + "- proposal: {why: a sentence naming two register entities}\n  id:" +
                    text[first + len("- id:"):], encoding="utf-8")
    with pytest.raises(InputError, match=r"001-\d{3}: still a proposal, not reviewed") as err:
        build(project_copy, BASE)
    assert err.value.path.endswith("001.yaml") and err.value.line == text[:first].count("\n") + 1


def test_a_proposed_register_entry_is_not_built(project_copy):
    path = project_copy.register / "002.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.index("- id: ")
    path.write_text(text[:first] + "- proposal: named in a sentence, in no register entry\n  id: " +
                    text[first + len("- id: "):], encoding="utf-8")
    with pytest.raises(InputError, match="a proposed register entry, not reviewed") as err:
        build(project_copy, BASE)
    assert err.value.path.endswith("002.yaml")
