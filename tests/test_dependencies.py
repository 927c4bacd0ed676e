"""What the code imports is what pyproject.toml declares: deptry over the shipped packages (and, for undeclared
imports only, over tests/, bench/ and support/), and the project installed without its test extras into a fresh virtual
environment, where `kg` builds and validates the graph."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.paths import PROJECT_ROOT
from kg.validate import CHECKS


def deptry(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "deptry", *args, "--no-ansi"], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=300)


def test_the_shipped_packages_import_exactly_the_declared_dependencies():
    """kg and server, against [project.dependencies], as configured in [tool.deptry]: nothing missing, nothing
    only there through another package, nothing declared and unused (oxrdflib excepted, said why), no test extra."""
    run = deptry(".")
    assert run.returncode == 0, "deptry .:\n" + run.stdout + run.stderr
    assert "Scanning" in run.stderr + run.stdout  # it did look


def test_tests_and_benches_import_only_declared_packages():
    """tests/, bench/ and support/ may import the test extras; a package declared nowhere, or only pulled in by another,
    fails."""
    run = deptry("tests", "bench", "support", "--exclude", r"\.venv", "--ignore", "DEP002,DEP004")
    assert run.returncode == 0, "deptry tests bench support:\n" + run.stdout + run.stderr


# Left out of the copy the fresh environment installs from: outputs and caches, never sources.
_NOT_SOURCES = {".git", "build", "test-artefacts", "__pycache__", ".pytest_cache", ".ruff_cache", "node_modules"}


def _sources(folder: str, names: list[str]) -> set[str]:
    return {n for n in names if n in _NOT_SOURCES or n.endswith(".egg-info")}


@pytest.mark.slow
def test_a_plain_install_in_a_fresh_virtual_environment_builds_and_validates(tmp_path, built):
    """`pip install <project>` (no test extras, nothing from this environment) gives a `kg` that builds and
    validates the graph from a folder outside the project, and serves its pages. About 40 s on 2 cores when pip
    must compile uWSGI, 20 s once pip's cache holds the wheel it built."""
    # A copy of the checkout: pip builds in the source folder (setuptools' build/ is also where `kg build` writes).
    project = tmp_path / "project"
    shutil.copytree(PROJECT_ROOT, project, ignore=_sources, symlinks=True)
    venv = tmp_path / "venv"
    runner_bin = str(Path(sys.prefix) / "bin")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("KG_") and k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}
    env["PATH"] = os.pathsep.join([str(venv / "bin"), *(p for p in env.get("PATH", "").split(os.pathsep) if p != runner_bin)])
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300, env=env)
    install = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(project)],
                             capture_output=True, text=True, timeout=1800, env=env)
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]

    elsewhere = tmp_path / "elsewhere"  # no kg/ here for `python -m kg` to find first
    elsewhere.mkdir()
    build_dir = tmp_path / "graph"
    env["KG_PROJECT_ROOT"] = str(project)  # the inputs are not in the package: a plain install is told where they are

    def kg_run(*args: str) -> subprocess.CompletedProcess:
        run = subprocess.run([str(venv / "bin" / "kg"), *args], cwd=elsewhere, env=env, capture_output=True, text=True,
                             timeout=600)
        assert run.returncode == 0, f"kg {' '.join(args)}: exit {run.returncode}\n{run.stdout}{run.stderr[-3000:]}"
        return run

    assert kg_run("--version").stdout.strip() == f"kg, version {kg.__version__}"

    out = kg_run("build", "--quiet", "--build-dir", str(build_dir)).stdout
    expected = json.loads((built.build / "current" / "stats.json").read_text())  # this session's build of the inputs
    figures = re.fullmatch(r"built (\S+): (\d+) statements, (\d+) facts, (\d+) entities, (\d+) triples, (\d+) named graphs\n",
                           out)
    assert figures, out
    assert Path(figures[1]).parent == build_dir / "releases"
    assert [int(n) for n in figures.groups()[1:]] == [expected[k] for k in ("statements", "facts", "entities",
                                                                            "triples_default_graph", "named_graphs")]

    out = kg_run("validate", "--quiet", "--build-dir", str(build_dir)).stdout
    checked = {m[1]: int(m[2]) for m in re.finditer(r"^  (\S+) +(\d+) checked  ok$", out, re.M)}
    assert sorted(checked) == sorted(CHECKS) and all(checked.values()), out
    assert checked["owl-rl"] == expected["triples_default_graph"] and checked["quotes"] == expected["statements"], out
    assert out.endswith("Conforms: yes\n"), out

    # The pages: their templates and assets are package data, there in a plain install too.
    home = kg_run("serve", "--quiet", "--build-dir", str(build_dir), "--get", "/").stdout
    assert "<title>Land Bridge knowledge graph</title>" in home, home[:2000]
    assert ":root" in kg_run("serve", "--quiet", "--build-dir", str(build_dir), "--get", "/static/style.css").stdout

    # Every module of the shipped packages imports there, the server's too (server.wsgi opens the build just made).
    env["KG_BUILD_DIR"] = str(build_dir)
    sweep = subprocess.run([str(venv / "bin" / "python"), "-c", (
        "import importlib, pkgutil, kg, server\n"
        "names = [m.name for p in (kg, server) for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.')\n"
        "         if not m.name.endswith('__main__')]\n"
        "[importlib.import_module(n) for n in names]\n"
        "print(len(names), kg.__file__)\n")], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300)
    assert sweep.returncode == 0, sweep.stderr[-3000:]
    count, where = sweep.stdout.split()
    assert int(count) > 40 and Path(where).is_relative_to(venv), sweep.stdout  # the installed copy, not this checkout
