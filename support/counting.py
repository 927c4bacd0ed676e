"""Answers and errors: throughput counts 2xx answers only, every other status and every transport error is an error
(by status or kind), a ratio with errors behind it is withheld; wrk runs counted that way."""

from __future__ import annotations

import json
import subprocess
import tempfile
import urllib.error
from pathlib import Path

# Cycles through the paths; each connection sends a User-Agent of its own (a client, for quotas), and, asked for
# unique queries, ends each query with a comment no other request carries. Every response's status is counted (each
# thread counts its own; `done` adds them up), so that only 2xx answers count as answers.
LUA = """
local paths = {%s}
local accept = "%s"
local agents = %d
local unique = %s
local i = 0
local sent = 0
local threads = {}
setup = function(thread) table.insert(threads, thread); thread:set("tid", #threads) end
init = function(args) statuses = {} end
request = function()
  i = i %% #paths + 1
  local path = paths[i]
  if unique then  -- a comment that makes the query text new: no answer of it can have been kept
    sent = sent + 1
    path = path .. "%%0A%%23" .. tid .. "-" .. sent
  end
  return wrk.format("GET", path, {["Accept"] = accept, ["User-Agent"] = "load-client-" .. tid .. "-" .. (i %% agents)})
end
response = function(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
done = function(summary, latency, requests)
  local counts, cells = {}, {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses") or {}) do counts[status] = (counts[status] or 0) + n end
  end
  for status, n in pairs(counts) do table.insert(cells, status .. "=" .. n) end
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%.3f %%.3f %%.3f connect=%%d,read=%%d,write=%%d,timeout=%%d,%%s\\n",
    summary.requests, summary.duration, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, e.connect, e.read, e.write, e.timeout, table.concat(cells, ",")))
end
"""

# Transport errors (no HTTP answer), by kind; wrk's own kinds, and what the urllib clients of the benches meet.
TRANSPORT = ("connect", "read", "write", "timeout")


def transport_kind(exc: BaseException) -> str:
    """Which of TRANSPORT a failed urllib request is (an HTTPError is an answer, not one of these). urllib wraps what
    fails while connecting and sending in URLError, and raises what fails while reading the answer as it is."""
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, TimeoutError):
        return "timeout"
    if isinstance(exc, urllib.error.URLError):
        return "write" if isinstance(reason, BrokenPipeError | ConnectionResetError) else "connect"
    return "read"  # reset, closed before or while answering, cut short


def outcome(counts: dict) -> dict:
    """A run's answers and errors from its counts: HTTP statuses (int keys) and transport errors (str keys, as
    TRANSPORT). Answers are the 2xx responses; errors every other response and every transport error, by kind."""
    ok = sum(n for k, n in counts.items() if isinstance(k, int) and 200 <= k < 300)
    by_kind = {str(k): n for k, n in sorted(counts.items(), key=lambda kv: (isinstance(kv[0], str), str(kv[0])))
               if n and not (isinstance(k, int) and 200 <= k < 300)}
    return {"ok": ok, "errors": sum(by_kind.values()), "errors_by": by_kind}


def errors_text(run: dict) -> str:
    """A run's errors for a printed row: `0`, or the count and each status or kind, e.g. `26610 (429: 26610)`."""
    if not run["errors"]:
        return "0"
    return f"{run['errors']} (" + ", ".join(f"{k}: {n}" for k, n in run["errors_by"].items()) + ")"


class Ratios:
    """Ratios between runs, given only when no run behind them had errors (else `no ratio: N errors`);
    remembers whether any was withheld, for the script's exit status."""

    def __init__(self) -> None:
        self.withheld = 0

    def of(self, value: float | None, errors: int, spec: str = ".2f") -> str:
        """A ratio already worked out (None: there was nothing to divide by), and the errors of the runs behind it."""
        if errors or value is None:
            self.withheld += 1
            return f"no ratio: {errors} errors" if errors else "no ratio: nothing answered"
        return format(value, spec)

    def __call__(self, a: dict, b: dict, key: str = "rps", spec: str = ".2f") -> str:
        """a[key] / b[key] of two runs (throughput by default), unless either had errors."""
        return self.of(a[key] / b[key] if b[key] else None, a["errors"] + b["errors"], spec)

    @property
    def exit_status(self) -> int:
        return 1 if self.withheld else 0


def run_wrk(base: str, paths: list[str], clients: int, seconds: float, accept: str = "application/sparql-results+json",
            agents: int = 1, unique: bool = False) -> dict:
    """Drive base with wrk over the paths (cycled; with `unique`, each query made new by a comment): responses by
    status, transport errors by kind, throughput (`rps`: 2xx answers per second, nothing else counts) and latency
    percentiles (ms, of every response). wrk keeps its connections open (HTTP/1.1 keep-alive), as browsers and
    SPARQL client libraries do."""
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "mix.lua"
        script.write_text(LUA % (", ".join(json.dumps(p) for p in paths), accept, max(1, agents), "true" if unique else "false"))
        out = subprocess.run(
            ["wrk", "-t", str(min(clients, 2)), "-c", str(clients), "-d", f"{max(1, round(seconds))}s", "--timeout", "30s",
             "-s", str(script), base],
            capture_output=True, text=True, check=True, timeout=seconds + 90).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("RESULT"))
    requests, duration, p50, p95, p99, cells = line.split()[1:]
    counts = {(int(k) if k.isdigit() else k): int(n) for k, n in (c.split("=") for c in cells.split(",") if c)}
    run = {"requests": int(requests), "seconds": int(duration) / 1e6, "p50": float(p50), "p95": float(p95),
           "p99": float(p99), "statuses": {k: n for k, n in counts.items() if isinstance(k, int)}, **outcome(counts)}
    run["rps"] = run["ok"] / run["seconds"] if run["seconds"] else 0.0
    return run
