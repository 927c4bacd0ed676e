"""kg validate: exit 0 conforms, 1 does not, 2 could not run; text, json and turtle reports."""

from __future__ import annotations

import json

import pytest
import rdflib
from click.testing import CliRunner

from kg import cli
from kg.paths import Layout
from kg.release import BuildFolder
from kg.store import open_store
from kg.validate import validate


def run(layout: Layout, *args: str):
    return CliRunner().invoke(cli.main, ["validate", "--quiet", "--build-dir", str(layout.build), *args],
                              env={"KG_PROJECT_ROOT": str(layout.root)})


def test_the_built_graph_conforms(built):
    report = validate(built)
    assert report.conforms, report.to_text()
    assert set(report.checked) == {"shacl", "owl-rl", "quotes", "qc"}
    assert report.checked["qc"] >= 8
    assert report.checked["quotes"] > 300


def test_every_claim_has_its_quote_checked(built):
    """The quotes query (written for speed at scale) reaches each claim's quote and offsets exactly once."""
    store = open_store(BuildFolder(built.build).require())
    claims = int(next(iter(store.query(
        "SELECT (COUNT(*) AS ?n) { ?c a <https://landbridge-kg.org/ontology#Claim> }")))["n"].value)
    assert validate(built, checks=("quotes",)).checked["quotes"] == claims


def test_exit_0_and_text_report(built):
    result = run(built)
    assert result.exit_code == 0, result.output
    assert "Conforms: yes" in result.output


def test_json_report_for_tools(built):
    result = run(built, "--format", "json", "--check", "quotes", "--check", "qc")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["conforms"] is True and data["findings"] == []
    assert set(data["checked"]) == {"quotes", "qc"}


def test_turtle_report_is_a_shacl_validation_report(built):
    result = run(built, "--format", "turtle", "--check", "qc")
    g = rdflib.Graph().parse(data=result.output, format="turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    reports = list(g.subjects(rdflib.RDF.type, sh.ValidationReport))
    assert len(reports) == 1
    assert g.value(reports[0], sh.conforms).toPython() is True


def test_exit_2_when_there_is_nothing_to_validate(tmp_path):
    layout = Layout(build_dir=tmp_path / "empty")
    result = run(layout)
    assert result.exit_code == 2
    assert "run `kg build` first" in result.output


@pytest.fixture()
def built_copy(built_project_copy) -> Layout:
    return built_project_copy


def test_exit_1_when_a_seed_no_longer_matches_its_quotes(built_copy):
    seed = next(built_copy.seeds.glob("004_*.txt"))
    seed.write_bytes(seed.read_bytes().replace(b"Albukamal", b"Abukamal"))
    result = run(built_copy, "--check", "quotes")
    assert result.exit_code == 1
    assert "changed since the build" in result.output


def test_exit_1_with_a_qc_violation(built_copy):
    (built_copy.qc_queries / "every-militia-violation.rq").write_text(
        "# Lists every militia: a deliberately failing check.\n"
        "PREFIX lb: <https://landbridge-kg.org/ontology#>\nSELECT ?m WHERE { ?m a lb:Militia }\n")
    result = run(built_copy, "--check", "qc", "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.output)["findings"]
    assert any(f["focus"].endswith("/id/kataib-hezbollah") for f in findings)


def test_exit_1_with_a_shacl_violation(built_copy):
    # A shape every claim fails: claims must carry a property none has.
    shapes = built_copy.shapes
    shapes.write_text(shapes.read_text() + """
lbsh:ImpossibleShape a sh:NodeShape ; sh:targetClass lb:Claim ;
    sh:property [ sh:path lb:neverPresent ; sh:minCount 1 ] .
""")
    result = run(built_copy, "--check", "shacl")
    assert result.exit_code == 1
    assert "[shacl]" in result.output


def test_exit_2_on_broken_shapes(built_copy):
    built_copy.shapes.write_text("this is not turtle")
    result = run(built_copy, "--check", "shacl")
    assert result.exit_code == 2
    assert "shapes.ttl" in result.output
