"""Docs that cannot drift: every command, option and setting is in the README; CI runs its test command."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import click

from kg import cli
from kg.paths import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def fenced_commands() -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", README, re.S)]


def test_every_command_and_option_is_documented():
    for name, command in cli.main.commands.items():
        assert f"kg {name}" in README, name
        for param in command.params:
            if isinstance(param, click.Option):
                assert any(opt in README for opt in param.opts), f"kg {name} {param.opts}"
    for setting in ("KG_BASE_IRI", "KG_BUILD_DIR", "KG_PROJECT_ROOT"):
        assert setting in README, setting


def test_every_setting_is_documented():
    from kg.settings import documented

    assert documented(README) == []


def test_option_help_comes_from_the_settings():
    """`kg serve --help` says what the setting's declaration says, e.g. the workers' real default."""
    from click.testing import CliRunner

    from kg.cli import main
    from kg.settings import SETTINGS

    out = CliRunner().invoke(main, ["serve", "--help"], terminal_width=400).output
    for name in ("HOST", "PORT", "WORKERS", "BUILD_DIR"):
        assert " ".join(SETTINGS[name].help.split()) in " ".join(out.split()), name
    assert "4 per core, at least 12" in out


def test_every_qc_query_and_check_is_documented():
    from kg.validate import CHECKS

    for check in CHECKS:
        assert f"`{check}`" in README, check


def test_readme_has_the_two_setup_commands_and_ci_runs_the_test_command():
    main_cmd, test_cmd = fenced_commands()[:2]
    assert main_cmd.endswith("kg serve")
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_cmd in ci.splitlines()
    assert test_cmd.startswith("scripts/install --test") and main_cmd.startswith("scripts/install ")
    install = (PROJECT_ROOT / "scripts" / "install").read_text(encoding="utf-8")
    assert "pip install" in install and "'.[test]'" in install


def test_kg_console_script_is_installed():
    """The `kg` console script itself, of the installation running the tests (not whichever `kg` is first on PATH)."""
    script = Path(sysconfig.get_path("scripts")) / "kg"
    exe = str(script) if script.exists() else shutil.which("kg")
    assert exe, "pip install -e . installs the kg command"
    out = subprocess.run([exe, "--help"], capture_output=True, text=True, check=True).stdout
    for name in cli.main.commands:
        assert name in out


def test_code_is_ruff_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "kg", "server", "tests", "bench", "support"], cwd=PROJECT_ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
