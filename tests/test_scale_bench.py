"""bench/scale.py runs end to end at its smallest size: the growth table's figures are all there and
agree with the generator (short wrk runs; the figures themselves are the script's business)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # runs bench/scale.py: it generates a graph, serves it with uWSGI and Oxigraph and drives both with wrk

ROOT = Path(__file__).resolve().parent.parent


def test_the_scale_benchmark_measures_the_smallest_size(tmp_path):
    out = tmp_path / "scale.json"
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "scale.py"), "--sizes", "10k", "--seconds", "2",
                          "--no-remote", "--work", str(tmp_path / "work"), "--json", str(out)],
                         capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-2000:]
    row = json.loads(out.read_text())["10k"]
    assert 9_000 <= row["quads"] <= 11_000
    assert row["load"]["seconds"] > 0 and row["load"]["oxigraph_load_seconds"] > 0 and row["store_bytes"] > 0
    assert row["validation"]["results"] == row["expected"] > 0  # every planted violation, and only those
    assert row["kg_validate"]["seconds"] > 0
    ours, oxigraph = row["ours"], row["oxigraph"]
    assert ours["answered"] == oxigraph["answered"] == ours["queries"]  # every competency query answers on both
    for server in (ours, oxigraph):
        assert len(server["mix_turns"]) == 2
        assert server["mix"]["requests"] == sum(turn["requests"] for turn in server["mix_turns"]) > 0
        assert server["mix"]["errors"] == server["lookup"]["errors"] == 0
        assert not server["exited"]
    assert "| 10k | " in run.stdout  # the growth table's row
