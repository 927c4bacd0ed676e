"""Scale: the embedded store at growing sizes of synthetic data with the real graph's shape (kg.synthetic).

For each size (`--sizes 10k,100k,1M`, the default; 10M works too, given the time):

1. generate the dataset (cached in --work: the N-Quads, its default graph and the generator's figures);
2. load it into an on-disk store (kg.loader: the engine's bulk loader, one for the default graph and one or more
   for the named graphs, then flush and compact), in a subprocess: time, quads/s, peak memory of that process
   (ru_maxrss), store size on disk; and, as the baseline in the same run, the engine's own command,
   `oxigraph load --lenient` on the same file, into a scratch store. A
   release is built around our store (kg.synthetic.write_release), which is what the servers below serve;
3. validate: `kg.shacl_sparql.validate_store(store, shapes_graph)` when that module exists, else pySHACL on the
   default graph for sizes up to 100k (the table says which), against the number of violations planted; then
   `kg validate` (all checks) as a user runs it; with --pyshacl, pySHACL alone on the default graph at every size
   (minutes at a million triples), the baseline `kg validate` is compared with in the same run;
4. check that every competency query (ontology/queries/, adapted to the synthetic stand-ins) answers over HTTP,
   time each once, then drive with wrk, at one client, the query mix (competency queries + a point lookup) and
   the point lookup alone: on our uWSGI server (result cache and quotas off, so every request is evaluated, and
   no cap on result rows, so both servers send whole answers) and on `oxigraph serve-read-only` over the same
   store. Both servers run side by side; the mix is driven on one at a time, in turns (oxigraph, ours, twice),
   each turn after a warm pass over the queries, so that the two meet the same minutes of this machine; the
   mix figures add up both turns. Ratios ours/oxigraph.

Prints a Markdown growth table, one row per size (and, with --per-query, each query's latency). Rates count
answers only, 2xx responses; each row gives the errors of every run (any other status, and transport errors,
by kind), and a ratio with an erring run (or, for the latency geomean, an unanswered query) behind it is not
given (`no ratio: N errors`); the script then exits 1.

5. the remote store: an empty Oxigraph server (`oxigraph serve`, loopback) loaded with the release by
   `kg build --store`'s loader (kg.store.load_remote): time, triples/s, its size on disk and peak memory; then our
   server over it (`kg serve --store`) driven as in 4 (`--no-remote` leaves this out).

Any other SPARQL endpoint already holding the same synthetic dataset gets the HTTP figures of 4 through
`remote_store_row(url, ...)`, or `--remote URL`.

    python bench/scale.py [--sizes 10k,100k,1M] [--work /tmp/landbridge-kg-scale] [--seconds 20] [--per-query]

Loopback only; every step bounded (--step-timeout, default 15 min); servers are stopped by their PID. The
machine is shared and noisy: read the figures as +-30 %, and the ratios as measured in the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import importlib.util
import inspect
import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import stop, uwsgi_serve, wait_up  # noqa: E402
from kg import allocator  # noqa: E402
from kg.loader import load_dump  # noqa: E402
from kg.paths import DEFAULT_BASE_IRI, Layout  # noqa: E402
from kg.release import BuildFolder  # noqa: E402
from kg.synthetic import (  # noqa: E402
    GENERATOR_VERSION,
    SYNTHETIC,
    competency_queries,
    generate,
    parse_size,
    write_release,
)
from support.checkout import checkout_environ, kg  # noqa: E402
from support.counting import Ratios, errors_text, run_wrk  # noqa: E402
from support.queries import query_paths  # noqa: E402
from support.servers import free_port, rss_kib  # noqa: E402

PYSHACL_LIMIT = 100_000 * 1.02  # pySHACL takes minutes and gigabytes beyond this
MIX_SECONDS_CAP = 300  # a wrk run lasts long enough for the whole mix to pass once or more, but no longer than this
MIX_TURNS = 2  # each server's mix runs, taken in turns with the other's
JSON = "application/sparql-results+json"


def point_lookup(base: str) -> str:
    return f"SELECT ?p ?o WHERE {{ <{base}{SYNTHETIC}militia-0> ?p ?o }}"


# -- steps -------------------------------------------------------------------------------------------------------

def dataset(label: str, seed: int, base: str, work: Path):
    """The generated dataset (plan with its figures, N-Quads, default graph), from the cache when it is there."""
    stem = work / f"kg-{label}-seed{seed}-v{GENERATOR_VERSION}"
    nquads, default, figures = Path(f"{stem}.nq.gz"), Path(f"{stem}.default.nt.gz"), Path(f"{stem}.json")
    plan = generate(label, seed, base)
    if nquads.exists() and default.exists() and figures.exists():
        cached = json.loads(figures.read_text())
        plan.stats = cached["stats"]
        return plan, nquads, default, cached["seconds"], True
    started = time.perf_counter()
    plan.write(nquads, default)
    seconds = time.perf_counter() - started
    figures.write_text(json.dumps({"stats": plan.stats, "seconds": seconds}, sort_keys=True))
    return plan, nquads, default, seconds, False


def timed_load(timeout: float, record: dict):
    """A store loader for write_release that loads in a subprocess and records its time and peak memory, then
    times `oxigraph load` on the same file (the baseline)."""
    def load(nquads: Path, folder: Path) -> None:
        out = subprocess.run([sys.executable, __file__, "--load-child", str(nquads), str(folder)], capture_output=True,
                             text=True, timeout=timeout, check=True, env=allocator.environ())
        record.update(json.loads(out.stdout.strip().splitlines()[-1]))
        scratch = folder.parent / ".oxigraph-load-baseline"
        shutil.rmtree(scratch, ignore_errors=True)
        try:
            started = time.perf_counter()
            subprocess.run(["oxigraph", "load", "--lenient", "--location", str(scratch), "--file", str(nquads)],
                           capture_output=True, timeout=timeout, check=True)
            record["oxigraph_load_seconds"] = time.perf_counter() - started
        finally:  # never left inside the release
            shutil.rmtree(scratch, ignore_errors=True)
    return load


def load_child(nquads: Path, folder: Path) -> None:
    started = time.perf_counter()
    load_dump(nquads, folder)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                      "allocator": "mimalloc" if allocator.active() else "system"}))


def release_for(plan, nquads: Path, default: Path, work: Path, label: str, reload: bool, timeout: float) -> tuple[Path, dict]:
    """The servable release of the dataset (build dir, load figures); its store is loaded again only when asked."""
    build_dir = work / f"release-{label}-seed{plan.seed}-v{GENERATOR_VERSION}"
    figures = build_dir / "load.json"
    current = BuildFolder(build_dir).current()
    if not reload and figures.exists() and current is not None and current.store_path.is_dir():
        return build_dir, json.loads(figures.read_text()) | {"cached": True}
    record: dict = {}
    write_release(plan, build_dir, nquads, default, load=timed_load(timeout, record))
    figures.write_text(json.dumps(record))
    return build_dir, record | {"cached": False}


def disk_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def kg_validate(build_dir: Path, timeout: float) -> dict:
    """`kg validate` on the release, all checks (SHACL, OWL RL, quotes, QC): its time and findings per check."""
    started = time.perf_counter()
    try:
        out = subprocess.run(kg("validate", "--build-dir", str(build_dir), "--quiet", "--format", "json"),
                             capture_output=True, text=True, timeout=timeout, env=checkout_environ())
    except subprocess.TimeoutExpired:
        return {"seconds": timeout, "timed_out": True}
    seconds = time.perf_counter() - started
    try:
        report = json.loads(out.stdout)
    except ValueError:
        return {"seconds": seconds, "failed": (out.stderr.strip().splitlines() or ["?"])[-1][:80]}
    found: dict[str, int] = {}
    for finding in report["findings"]:
        found[finding["check"]] = found.get(finding["check"], 0) + 1
    return {"seconds": seconds, "findings": found}


def validate(build_dir: Path, default: Path, quads: int, timeout: float, engine: str = "compiled") -> dict:
    """The shapes alone, in a subprocess: compiled to SPARQL on the store ("compiled"), or pySHACL ("pyshacl")."""
    try:
        out = subprocess.run([sys.executable, __file__, "--validate-child", str(build_dir), str(default), str(quads), engine],
                             capture_output=True, text=True, timeout=timeout, check=True, env=allocator.environ())
    except subprocess.TimeoutExpired:
        return {"validator": "timed out", "seconds": timeout}
    except subprocess.CalledProcessError as exc:
        return {"validator": "failed: " + (exc.stderr.strip().splitlines() or ["?"])[-1][:80]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def validate_child(build_dir: Path, default: Path, quads: int, engine: str) -> None:
    import rdflib

    from kg.store import open_store

    shapes_path = Layout().shapes
    if engine == "compiled" and importlib.util.find_spec("kg.shacl_sparql") is not None:
        from kg.shacl_sparql import validate_store  # optional: written beside this script

        store = open_store(BuildFolder(build_dir).require())
        # The shapes as the module asks for them: a path, or a parsed rdflib graph.
        hint = str(list(inspect.signature(validate_store).parameters.values())[1].annotation)
        shapes = shapes_path if "Path" in hint or hint == "str" else rdflib.Graph().parse(shapes_path, format="turtle")
        started = time.perf_counter()
        conforms, findings, focus = validate_store(store, shapes)
        seconds = time.perf_counter() - started
        print(json.dumps({"validator": "kg.shacl_sparql", "seconds": seconds, "results": len(findings), "focus": focus,
                          "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
        return
    if engine == "compiled" and quads > PYSHACL_LIMIT:
        print(json.dumps({"validator": "skipped (no kg.shacl_sparql; pySHACL only up to 100k)"}))
        return
    import pyshacl

    started = time.perf_counter()
    graph = rdflib.Graph()
    with gzip.open(default, "rb") as data:
        graph.parse(data, format="nt")
    shapes = rdflib.Graph().parse(shapes_path, format="turtle")
    parsed = time.perf_counter()
    _, report, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none", advanced=True)  # as kg validate runs it
    results = len(list(report.objects(None, rdflib.URIRef("http://www.w3.org/ns/shacl#result"))))
    print(json.dumps({"validator": "pySHACL", "seconds": time.perf_counter() - parsed, "parse_seconds": parsed - started,
                      "results": results, "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


def ask(url: str, query: str, timeout: float = 120) -> tuple[int | None, float]:
    """Rows of a SELECT over HTTP (None on an error) and the time it took."""
    request = urllib.request.Request(url + "?query=" + urllib.parse.quote(query), headers={"Accept": JSON})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            rows = len(json.load(response)["results"]["bindings"])
    except OSError:
        rows = None
    return rows, time.perf_counter() - started


def time_queries(url: str, queries: dict[str, str], point: str) -> dict:
    """Each query's answer and latency: the best of three warm requests, unless a run takes seconds."""
    per_query = {}
    for _ in range(3):
        ask(url, point)  # warm: workers started, the store's first pages read
    for name, query in queries.items():
        ask(url, query)
        runs = [ask(url, query)]
        while len(runs) < 3 and runs[-1][1] < 2:
            runs.append(ask(url, query))
        per_query[name] = min(runs, key=lambda r: r[1])
    return per_query


def mix_seconds_for(per_query: dict, seconds: float) -> float:
    """A wrk run on the mix lasts long enough for the whole mix to pass 1.5 times, and at least `seconds`."""
    return min(MIX_SECONDS_CAP, max(seconds, 1.5 * sum(t for _, t in per_query.values())))


def http_figures(url: str, queries: dict[str, str], point: str, seconds: float, pid: int | None = None) -> dict:
    """One server alone: answers and latency of each query, then wrk on the mix and on the point lookup."""
    per_query = time_queries(url, queries, point)
    path = urllib.parse.urlparse(url).path
    mix_seconds = mix_seconds_for(per_query, seconds)
    mix = run_wrk(url, query_paths(path, list(queries.values()) + [point]), 1, mix_seconds, accept=JSON)
    lookup = run_wrk(url, query_paths(path, [point]), 1, min(seconds, 10), accept=JSON)
    return {"per_query": per_query, "answered": sum(1 for rows, _ in per_query.values() if rows),
            "queries": len(queries), "mix": mix, "mix_seconds": mix_seconds, "lookup": lookup,
            "rss_kib": rss_kib(pid) if pid else None}


def combined(runs: list[dict]) -> dict:
    """wrk runs taken as one: counts summed, the rate of answers over the summed time, the median of the medians."""
    seconds = sum(r["seconds"] for r in runs)
    errors_by: dict[str, int] = {}
    for r in runs:
        for kind, n in r["errors_by"].items():
            errors_by[kind] = errors_by.get(kind, 0) + n
    ok = sum(r["ok"] for r in runs)
    return {"requests": sum(r["requests"] for r in runs), "ok": ok, "seconds": seconds, "rps": ok / seconds if seconds else 0.0,
            "errors": sum(r["errors"] for r in runs), "errors_by": errors_by,
            "p50": statistics.median(r["p50"] for r in runs), "p95": statistics.median(r["p95"] for r in runs),
            "p99": max(r["p99"] for r in runs)}


def server_settings(workers: int | None, **extra: str) -> dict[str, str]:
    """Our server as measured: result cache, quotas and row cap off, so every request is evaluated whole."""
    return {"RESULT_CACHE_MB": "0", "QUOTA_SECONDS": "0", "MAX_ROWS": str(10**9),
            **({"WORKERS": str(workers)} if workers else {}), **extra}


@contextlib.contextmanager
def oxigraph_server(command: str, store: Path, log: Path):
    """`oxigraph serve-read-only` or `oxigraph serve` over store on loopback; yields (process, query URL)."""
    port = free_port()
    with open(log, "wb") as out:
        # No --timeout-s: it starts a thread per query that lives as long as the timeout, and at thousands of
        # requests per second the server runs out of threads, answers 500 and then dies.
        proc = subprocess.Popen(["oxigraph", command, "--location", str(store), "--bind", f"127.0.0.1:{port}"],
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/query"
        wait_up(url, proc)
        yield proc, url
    finally:
        stop(proc)


def ours_and_oxigraph(build_dir: Path, store: Path, queries: dict[str, str], point: str, seconds: float,
                      workers: int | None, work: Path, label: str) -> tuple[dict, dict]:
    """Our server and `oxigraph serve-read-only` over the same store, both running: each query timed on each,
    then the mix in turns (oxigraph, ours, MIX_TURNS times), each turn after a warm pass over the queries, so
    that both servers meet the same minutes of this machine; then the point lookup on each."""
    port = free_port()
    with uwsgi_serve(port, build_dir, log=work / f"serve-{label}.log", **server_settings(workers)) as ours_proc, \
            oxigraph_server("serve-read-only", store, work / f"oxigraph-{label}.log") as (ox_proc, ox_url):
        servers = {"oxigraph": (ox_url, ox_proc), "ours": (f"http://127.0.0.1:{port}/sparql", ours_proc)}
        per_query = {name: time_queries(url, queries, point) for name, (url, _) in servers.items()}
        mix_seconds = max(mix_seconds_for(times, seconds) for times in per_query.values())
        turns: dict[str, list[dict]] = {name: [] for name in servers}
        for _ in range(MIX_TURNS):
            for name, (url, _) in servers.items():
                for query in [*queries.values(), point]:
                    ask(url, query)
                mix_paths = query_paths(urllib.parse.urlparse(url).path, [*queries.values(), point])
                turns[name].append(run_wrk(url, mix_paths, 1, mix_seconds, accept=JSON))
        figures = {}
        for name, (url, proc) in servers.items():
            lookup = run_wrk(url, query_paths(urllib.parse.urlparse(url).path, [point]), 1, min(seconds, 10), accept=JSON)
            figures[name] = {"per_query": per_query[name], "answered": sum(1 for rows, _ in per_query[name].values() if rows),
                             "queries": len(queries), "mix": combined(turns[name]), "mix_turns": turns[name],
                             "mix_seconds": mix_seconds, "lookup": lookup, "rss_kib": rss_kib(proc.pid),
                             "exited": proc.poll() is not None}
    return figures["ours"], figures["oxigraph"]


def peak_rss_kib(pid: int) -> int | None:
    """A running process's peak resident memory (VmHWM), in KiB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def remote_oxigraph(build_dir: Path, queries: dict[str, str], point: str, seconds: float, workers: int | None,
                    work: Path, label: str, http: bool) -> dict:
    """The remote store row: an Oxigraph server (empty, on loopback) loaded with the release by `kg build --store`'s
    loader (kg.store.load_remote: Graph Store PUT and INSERT DATA into staging graphs, then the switch), then our
    server over it (`kg serve --store`), driven as above."""
    from kg.store import load_remote

    folder = work / f"remote-{label}"
    shutil.rmtree(folder, ignore_errors=True)
    try:
        with oxigraph_server("serve", folder, work / f"remote-oxigraph-{label}.log") as (proc, url):
            started = time.perf_counter()
            loaded = load_remote(BuildFolder(build_dir).require(), {"url": url})
            r = {"load_seconds": time.perf_counter() - started, "triples": loaded["triples"], "graphs": loaded["graphs"],
                 "store_bytes": disk_bytes(folder), "store_peak_rss_kib": peak_rss_kib(proc.pid)}
            if http:
                serve_port = free_port()
                with uwsgi_serve(serve_port, build_dir, log=work / f"serve-remote-{label}.log",
                                 **server_settings(workers, STORE=url)) as ours_proc:
                    r["ours"] = http_figures(f"http://127.0.0.1:{serve_port}/sparql", queries, point, seconds,
                                             ours_proc.pid)
                    r["ours"]["exited"] = ours_proc.poll() is not None
            return r
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remote_store_row(store_url: str, base: str = DEFAULT_BASE_IRI, seconds: float = 20) -> dict:
    """The HTTP figures (answers, per-query latency, mix and point lookup with wrk) of a remote SPARQL endpoint,
    given its query URL, that holds the same synthetic dataset. Not part of the default run."""
    return http_figures(store_url, competency_queries(base), point_lookup(base), seconds)


# -- report ------------------------------------------------------------------------------------------------------

def geomean_ratio(a: dict, b: dict) -> tuple[float | None, int]:
    """The geometric mean of each query's latency on a over b, and the queries either did not answer (errors)."""
    failed = sum(1 for n in a if a[n][0] is None or n not in b or b[n][0] is None)
    pairs = [(a[n][1], b[n][1]) for n in a if n in b and a[n][0] is not None and b[n][0] is not None]
    if not pairs:
        return None, failed
    return math.exp(sum(math.log(x / y) for x, y in pairs) / len(pairs)), failed


def fmt(value, spec: str = ",.0f", none: str = "–") -> str:
    return none if value is None else format(value, spec)


def row(label: str, r: dict, ratios: Ratios) -> str:
    load, val, o, x = r["load"], r["validation"], r.get("ours"), r.get("oxigraph")
    results = f"{val['results']}/{r['expected']}" if "results" in val else f"–/{r['expected']}"
    baseline = load.get("oxigraph_load_seconds")
    cells = [label, fmt(r["quads"]), fmt(r["generate_seconds"], ".1f"), fmt(load["seconds"], ".1f"),
             fmt(r["quads"] / load["seconds"]), fmt(r["quads"] / baseline if baseline else None),
             fmt(baseline / load["seconds"] if baseline else None, ".2f"), fmt(r["store_bytes"] / 2**20, ",.0f"),
             fmt(load["maxrss_kib"] / 1024, ",.0f"),
             val["validator"].split(" (")[0] + (" (skipped)" if "skipped" in val["validator"] else ""),
             fmt(val.get("seconds"), ".1f"), results, fmt(r.get("kg_validate", {}).get("seconds"), ".1f")]
    ours_s, pyshacl = r.get("kg_validate", {}).get("seconds"), r.get("pyshacl", {})
    base_s = pyshacl.get("seconds") if pyshacl.get("validator") == "pySHACL" else None
    cells += [fmt(base_s, ".1f") + (f" ({pyshacl['results']} results)" if base_s else ""),
              fmt(ours_s / base_s if ours_s and base_s else None, ".3f")]
    if o and x:
        errors = [f"{errors_text(o[k])} / {errors_text(x[k])}" for k in ("mix", "lookup")]
        exited = " (a server exited)" if o.get("exited") or x.get("exited") else ""
        cells += [f"{o['answered']}/{o['queries']}",
                  f"{o['mix']['rps']:.1f} / {x['mix']['rps']:.1f}", ratios(o["mix"], x["mix"]),
                  f"{o['mix']['p50']:.1f} / {x['mix']['p50']:.1f}",
                  f"{o['lookup']['rps']:,.0f} / {x['lookup']['rps']:,.0f}", ratios(o["lookup"], x["lookup"]),
                  ratios.of(*geomean_ratio(o["per_query"], x["per_query"])),
                  f"{errors[0]}; {errors[1]}{exited}", fmt(r.get("host_load"), ".1f")]
    return "| " + " | ".join(cells) + " |"


HEADER = ("| size | quads | generate s | load s | quads/s | quads/s `oxigraph load` | load speed ratio | store MiB "
          "| load peak RSS MiB | validator | validate s "
          "| results/planted | kg validate s (all checks) | pySHACL s, shapes alone (--pyshacl) "
          "| kg validate / pySHACL | answered (ours) "
          "| mix req/s ours / oxigraph | mix ratio | mix p50 ms ours / oxigraph "
          "| lookup req/s ours / oxigraph | lookup ratio | per-query latency geomean ours/oxigraph "
          "| errors ours / oxigraph: mix; lookup "
          "| host load |")


def print_table(rows: dict[str, dict], ratios: Ratios) -> None:
    print(HEADER)
    print("|" + "---|" * HEADER.count(" | ") + "---|")
    for label, r in rows.items():
        print(row(label, r, ratios))
    remote = {label: r["remote_oxigraph"] for label, r in rows.items() if "remote_oxigraph" in r}
    if not remote:
        return
    print("\nremote store: the Oxigraph server, loaded by kg.store.load_remote, served by our server over it "
          "(`kg serve --store`); ratio: ours over the remote store / ours over the embedded store\n")
    print(REMOTE_HEADER)
    print("|" + "---|" * REMOTE_HEADER.count(" | ") + "---|")
    for label, m in remote.items():
        cells = [label, fmt(m["triples"]), fmt(m["load_seconds"], ".1f"), fmt(m["triples"] / m["load_seconds"]),
                 fmt(m["store_bytes"] / 2**20, ",.0f"), fmt((m["store_peak_rss_kib"] or 0) / 1024, ",.0f")]
        o, e = m.get("ours"), rows[label].get("ours")
        if o:
            cells += [f"{o['answered']}/{o['queries']}", f"{o['mix']['rps']:.1f}", f"{o['mix']['p50']:.1f}",
                      ratios(o["mix"], e["mix"]) if e else "–", f"{o['lookup']['rps']:,.0f}",
                      ratios(o["lookup"], e["lookup"]) if e else "–",
                      f"{errors_text(o['mix'])}; {errors_text(o['lookup'])}"]
        print("| " + " | ".join(cells) + " |")


REMOTE_HEADER = ("| size | triples | load s | triples/s | store MiB | store peak RSS MiB | answered | mix req/s | mix p50 ms "
                 "| mix ratio to embedded | lookup req/s | lookup ratio to embedded | errors: mix; lookup |")


def print_per_query(rows: dict[str, dict]) -> None:
    sizes = [s for s in rows if rows[s].get("ours")]
    if not sizes:
        return
    print("\n| query | " + " | ".join(f"{s} ours ms | {s} oxigraph ms | {s} rows" for s in sizes) + " |")
    print("|---|" + "---:|---:|---:|" * len(sizes))
    for name in rows[sizes[0]]["ours"]["per_query"]:
        cells = []
        for s in sizes:
            (rows_o, t_o), (_, t_x) = rows[s]["ours"]["per_query"][name], rows[s]["oxigraph"]["per_query"][name]
            cells += [f"{t_o * 1000:,.1f}", f"{t_x * 1000:,.1f}", fmt(rows_o, ",")]
        print(f"| {name} | " + " | ".join(cells) + " |")


# -- main --------------------------------------------------------------------------------------------------------

def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--load-child":
        load_child(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    if len(sys.argv) == 6 and sys.argv[1] == "--validate-child":
        validate_child(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10k,100k,1M", help="comma-separated sizes in quads (10k, 100k, 1M, 10M)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "landbridge-kg-scale",
                        help="where datasets, releases and logs are kept between runs")
    parser.add_argument("--seconds", type=float, default=20, help="least duration of each wrk run")
    parser.add_argument("--workers", type=int, default=None, help="worker processes of our server (default: its own)")
    parser.add_argument("--reload", action="store_true", help="load the store again even when a loaded one is cached")
    parser.add_argument("--no-http", action="store_true", help="only generate, load and validate")
    parser.add_argument("--per-query", action="store_true", help="also print each query's latency")
    parser.add_argument("--step-timeout", type=float, default=900, help="seconds any one load or validation may take")
    parser.add_argument("--remote", metavar="URL", help="also measure this SPARQL endpoint (holding the same dataset)")
    parser.add_argument("--no-remote", action="store_true", help="leave out the remote store (an Oxigraph server) row")
    parser.add_argument("--pyshacl", action="store_true",
                        help="also time pySHACL alone on the default graph, the baseline of `kg validate` (minutes at 1M)")
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    args = parser.parse_args()
    for tool in ("wrk", "oxigraph"):
        if not args.no_http and not shutil.which(tool):
            raise SystemExit(f"{tool} is not installed (scripts/install installs wrk; pip install oxigraph)")
    args.work.mkdir(parents=True, exist_ok=True)
    base = DEFAULT_BASE_IRI
    queries, point = competency_queries(base), point_lookup(base)
    rows: dict[str, dict] = {}
    for label in [s.strip() for s in args.sizes.split(",") if s.strip()]:
        print(f"[{label}] generate", file=sys.stderr, flush=True)
        plan, nquads, default, gen_seconds, cached = dataset(label, args.seed, base, args.work)
        print(f"[{label}] {plan.stats['quads']:,} quads{' (cached)' if cached else ''}; load", file=sys.stderr, flush=True)
        build_dir, load = release_for(plan, nquads, default, args.work, label, args.reload, args.step_timeout)
        store = BuildFolder(build_dir).require().store_path
        r = {"quads": plan.stats["quads"], "requested": parse_size(label), "expected": plan.expected_violations,
             "generate_seconds": gen_seconds, "load": load, "store_bytes": disk_bytes(store)}
        print(f"[{label}] validate", file=sys.stderr, flush=True)
        r["validation"] = validate(build_dir, default, plan.stats["quads"], args.step_timeout)
        r["kg_validate"] = kg_validate(build_dir, args.step_timeout)
        if args.pyshacl:
            print(f"[{label}] pySHACL, the baseline of validation", file=sys.stderr, flush=True)
            r["pyshacl"] = validate(build_dir, default, plan.stats["quads"], args.step_timeout, engine="pyshacl")
        if not args.no_http:
            loads = [os.getloadavg()[0]]
            print(f"[{label}] HTTP: ours and oxigraph, in turns", file=sys.stderr, flush=True)
            r["ours"], r["oxigraph"] = ours_and_oxigraph(build_dir, store, queries, point, args.seconds, args.workers,
                                                         args.work, label)
            loads.append(os.getloadavg()[0])
            r["host_load"] = max(loads)  # other work on this shared machine skews the HTTP figures
            if args.remote:
                r["remote"] = remote_store_row(args.remote, base, args.seconds)
        if not args.no_remote:
            print(f"[{label}] remote store: load and HTTP", file=sys.stderr, flush=True)
            try:
                r["remote_oxigraph"] = remote_oxigraph(build_dir, queries, point, args.seconds, args.workers, args.work,
                                                       label, http=not args.no_http)
            except Exception as exc:  # noqa: BLE001 - the other rows still print; the error is the figure
                print(f"[{label}] remote store failed: {exc}", file=sys.stderr, flush=True)
        rows[label] = r
        print(row(label, r, Ratios()), file=sys.stderr, flush=True)
    print(f"\nsynthetic data (kg.synthetic, seed {args.seed}); wrk, 1 client, loopback; ours: uWSGI, result cache, "
          "quotas and row cap off; oxigraph: serve-read-only on the same store; the mix driven on each in turns, "
          f"{MIX_TURNS} turns each; ratios ours/oxigraph (throughput: >1 ours "
          "faster; latency geomean: >1 ours slower)\n")
    ratios = Ratios()
    print_table(rows, ratios)
    if args.per_query:
        print_per_query(rows)
    if args.remote:
        for label, r in rows.items():
            if "remote" in r:
                m = r["remote"]
                print(f"\nremote {args.remote} at {label}: answered {m['answered']}/{m['queries']}, mix {m['mix']['rps']:.1f} req/s "
                      f"(p50 {m['mix']['p50']:.1f} ms; errors {errors_text(m['mix'])}), lookup {m['lookup']['rps']:,.0f} req/s "
                      f"(errors {errors_text(m['lookup'])})")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, sort_keys=True, default=str))
    sys.exit(ratios.exit_status)


if __name__ == "__main__":
    main()
