"""The kg command: progress bars on a terminal only, stats, queries."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import termios

import pytest
from click.testing import CliRunner

from kg import cli
from support.checkout import checkout_environ, kg


def run_on_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run a command with a pseudo-terminal (100 columns) as stdout and stderr."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    proc = subprocess.Popen(args, stdout=slave, stderr=slave, env=checkout_environ(**env))
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=120)
    os.close(master)
    return out.decode("utf-8", "replace")


@pytest.mark.slow  # `kg build` in a process: a build of its own
def test_progress_bars_show_on_a_terminal(tmp_path):
    out = run_on_terminal(kg("build"), {"KG_BUILD_DIR": str(tmp_path)})
    assert "make claims" in out and "write dumps" in out
    assert "built " in out


@pytest.mark.slow  # `kg build` in a process: a build of its own
def test_quiet_silences_progress_on_a_terminal(tmp_path):
    out = run_on_terminal(kg("build", "--quiet"), {"KG_BUILD_DIR": str(tmp_path)})
    assert "make claims" not in out
    assert "built " in out


@pytest.mark.slow  # `kg build` in a process: a build of its own
def test_no_progress_when_not_a_terminal(tmp_path):
    result = subprocess.run(kg("build"), capture_output=True, text=True, env=checkout_environ(KG_BUILD_DIR=str(tmp_path)))
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout.startswith("built ")


def test_stats_and_query(built):
    runner = CliRunner()
    stats = runner.invoke(cli.main, ["stats", "--build-dir", str(built.build)])
    assert stats.exit_code == 0
    figures = json.loads(stats.output)
    assert figures["statements"] > 300
    query = runner.invoke(cli.main, ["query", "--build-dir", str(built.build), "--format", "csv",
                                     "SELECT ?label WHERE { <https://landbridge-kg.org/id/kataib-hezbollah> "
                                     "<http://www.w3.org/2000/01/rdf-schema#label> ?label }"])
    assert query.exit_code == 0
    assert query.output.splitlines() == ["label", "Kataib Hezbollah"]


def test_query_can_search(built):
    query = CliRunner().invoke(cli.main, ["query", "--build-dir", str(built.build), "--format", "csv",
                                          "PREFIX lbf: <https://landbridge-kg.org/function#> SELECT ?e WHERE { "
                                          "?e a <https://landbridge-kg.org/ontology#Militia> FILTER(lbf:search(?e, 'Kataeb') > 0) }"])
    assert query.exit_code == 0, query.output
    assert query.output.splitlines() == ["e", "https://landbridge-kg.org/id/kataib-hezbollah"]


def test_query_syntax_error_exit_1(built):
    result = CliRunner().invoke(cli.main, ["query", "--build-dir", str(built.build), "SELECT WHERE {"])
    assert result.exit_code == 1
    assert "bad query" in result.output


@pytest.mark.slow  # two builds of their own
def test_a_base_given_as_an_option_is_completed_like_one_given_in_the_environment(tmp_path):
    """`--base https://example.org/kg` and KG_BASE_IRI=https://example.org/kg both mint IRIs under …/kg/."""
    for args, env in ((["--base", "https://example.org/kg"], {}), ([], {"KG_BASE_IRI": "https://example.org/kg"})):
        folder = tmp_path / ("option" if args else "environment")
        result = CliRunner().invoke(cli.main, ["build", "--quiet", "--build-dir", str(folder), *args], env=env)
        assert result.exit_code == 0, result.output
        manifest = json.loads((folder / "current" / "manifest.json").read_text())
        assert manifest["base_iri"] == "https://example.org/kg/"
        dump = (folder / "current" / "landbridge.nq").read_text(encoding="utf-8")
        assert "<https://example.org/kg/graph/provenance>" in dump and "https://example.org/kggraph" not in dump


@pytest.mark.slow  # a build of its own
def test_serve_keeps_the_base_the_release_was_built_with(tmp_path):
    """`kg build --base X && kg serve` serves X, instead of rebuilding with the default base."""
    runner = CliRunner()
    assert runner.invoke(cli.main, ["build", "--quiet", "--build-dir", str(tmp_path), "--base", "https://example.org/kg/"],
                         env={"KG_BASE_IRI": None}).exit_code == 0
    built = (tmp_path / "current").resolve()
    result = runner.invoke(cli.main, ["serve", "--quiet", "--build-dir", str(tmp_path), "--get", "/sparql?query=ASK%7B%7D"],
                           env={"KG_BASE_IRI": None})
    assert result.exit_code == 0, result.output
    assert (tmp_path / "current").resolve() == built  # not rebuilt
    assert json.loads((built / "manifest.json").read_text())["base_iri"] == "https://example.org/kg/"
