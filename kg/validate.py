"""kg validate: SHACL shapes, OWL RL consistency, quotes against the seeds, and QC queries."""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

import owlrl
import pyoxigraph as ox
import rdflib

from . import owl_rl_check
from .build import digest_files
from .errors import InputError
from .namespaces import LB, PREFIXES, SH, SHAPES_IRI, sparql_prefixes
from .paths import Layout
from .release import BuildFolder, Release, open_dump
from .shacl_sparql import flat_results, results_from_report, to_rdflib, validate_store
from .store import open_store

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]
CHECKS = ("shacl", "owl-rl", "quotes", "qc")
VALIDATE_THREADS = max(2, len(os.sched_getaffinity(0)))
ERRNS = "http://www.daml.org/2002/03/agents/agent-ont#"


@dataclass
class Finding:
    check: str
    message: str
    focus: str | None = None
    path: str | None = None
    source: str | None = None


@dataclass
class Report:
    release: str
    findings: list[Finding] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)

    @property
    def conforms(self) -> bool:
        return not self.findings

    def to_text(self) -> str:
        lines = [f"Validated {self.release}"]
        for check in CHECKS:
            found = [f for f in self.findings if f.check == check]
            status = "ok" if not found else f"{len(found)} problem(s)"
            lines.append(f"  {check:7} {self.checked.get(check, 0):6} checked  {status}")
        for f in self.findings:
            where = " ".join(x for x in (f.focus, f.path) if x)
            lines.append(f"[{f.check}] {where}: {f.message}" if where else f"[{f.check}] {f.message}")
        lines.append("Conforms: " + ("yes" if self.conforms else "no"))
        return "\n".join(lines) + "\n"

    def to_json(self) -> str:
        return json.dumps(
            {"conforms": self.conforms, "release": self.release, "checked": self.checked,
             "findings": [asdict(f) for f in self.findings]},
            indent=2, sort_keys=True,
        ) + "\n"

    def to_turtle(self) -> str:
        """All findings as one sh:ValidationReport, whatever check produced them."""
        g = rdflib.Graph()
        g.bind("sh", SH)
        g.bind("lb", LB)
        sh = rdflib.Namespace(SH)
        report = rdflib.BNode("report")
        g.add((report, rdflib.RDF.type, sh.ValidationReport))
        g.add((report, sh.conforms, rdflib.Literal(self.conforms)))
        for i, f in enumerate(self.findings):
            r = rdflib.BNode(f"r{i}")
            g.add((report, sh.result, r))
            g.add((r, rdflib.RDF.type, sh.ValidationResult))
            g.add((r, sh.resultSeverity, sh.Violation))
            g.add((r, sh.resultMessage, rdflib.Literal(f.message)))
            g.add((r, sh.sourceConstraintComponent, rdflib.URIRef(f"{SHAPES_IRI}#check-{f.check}")))
            if f.focus:
                g.add((r, sh.focusNode, rdflib.URIRef(f.focus) if "://" in f.focus else rdflib.Literal(f.focus)))
            if f.path:
                g.add((r, sh.resultPath, rdflib.URIRef(f.path)))
            if f.source:
                g.add((r, sh.sourceShape, rdflib.URIRef(f.source) if "://" in f.source else rdflib.Literal(f.source)))
        return g.serialize(format="turtle")


def _default_graph(release: Release) -> rdflib.Graph:
    g = rdflib.Graph()
    with release.open_dump("turtle") as dump:
        g.parse(dump, format="turtle")
    return g


def _dump_prefixes(release: Release) -> rdflib.Graph:
    """The prefixes of the release's Turtle dump, bound as parsing the whole dump binds them (for messages)."""
    header = []
    with release.open_dump("turtle", text=True) as dump:
        for line in dump:
            if not line.startswith(("@prefix", "PREFIX")):
                break
            header.append(line)
    return rdflib.Graph().parse(data="".join(header), format="turtle")


class DumpValues:
    """The objects of a subject and predicate in the default graph as the N-Quads dump writes them (the store
    holds typed literals in canonical form). The dump is read into memory on the first lookup."""

    def __init__(self, nquads: Path):
        self.path = nquads
        self._data: bytes | None = None
        self._reading = threading.Lock()

    def data(self) -> bytes:
        """The dump's text (read once, whichever check asks first)."""
        with self._reading:
            if self._data is None:
                with open_dump(self.path) as dump:
                    self._data = dump.read()
        return self._data

    def __call__(self, focus, predicate) -> list:
        if not isinstance(focus, rdflib.URIRef):
            return []
        data, prefix, out = self.data(), f"<{focus}> <{predicate}> ".encode(), []
        at = data.find(prefix)
        while at != -1:
            if at == 0 or data[at - 1] == 10:  # at the start of a line
                line = data[at:data.find(b"\n", at) + 1 or len(data)]
                for quad in ox.parse(line, ox.RdfFormat.N_QUADS):
                    if isinstance(quad.graph_name, ox.DefaultGraph):
                        out.append(to_rdflib(quad.object))
            at = data.find(prefix, at + 1)
        return out


def check_shacl(store: ox.Store, shapes_path: Path, data: Callable[[], rdflib.Graph], engine: str = "sparql",
                namespaces: rdflib.Graph | None = None, written_values=None) -> tuple[int, list[Finding]]:
    """The shapes over the default graph: (focus nodes checked, findings), the findings pySHACL reports.

    engine "sparql" compiles the shapes to SPARQL on the store (kg.shacl_sparql); "pyshacl" runs pySHACL on
    data(), the default graph parsed with rdflib. namespaces: the prefixes data terms are written with in messages.
    """
    try:
        shapes = rdflib.Graph().parse(shapes_path, format="turtle")
    except Exception as exc:  # rdflib raises several parser exception types
        raise InputError(shapes_path, getattr(exc, "lineno", None), f"invalid Turtle: {exc}") from exc
    if engine == "sparql":
        _, results, count = validate_store(store, shapes, namespaces=namespaces, data_graph=data,
                                           written_values=written_values)
        results = flat_results(results)
    elif engine == "pyshacl":
        import pyshacl  # a quarter of a second to import: only when asked for

        graph = data()
        _, report, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none", advanced=True)
        results, count = results_from_report(report), _pyshacl_focus_count(graph, shapes)
    else:
        raise ValueError(f"unknown SHACL engine {engine!r}: sparql or pyshacl")
    findings = [Finding("shacl", r.message(), str(r.focus) if r.focus is not None else None,
                        str(r.path) if isinstance(r.path, rdflib.URIRef) else None,
                        str(r.source_shape) if isinstance(r.source_shape, rdflib.URIRef) else None) for r in results]
    findings.sort(key=lambda f: (f.focus or "", f.message, f.path or "", f.source or ""))
    return count, findings


def _pyshacl_focus_count(data: rdflib.Graph, shapes: rdflib.Graph) -> int:
    """How many distinct focus nodes pySHACL's shapes select in data."""
    from pyshacl.shapes_graph import ShapesGraph

    copy = rdflib.Graph()
    for t in shapes:
        copy.add(t)
    focus = set()
    for shape in ShapesGraph(copy).shapes:
        if not shape.deactivated:
            focus |= shape.focus_nodes(data)
    return len(focus)


def check_owl_rl_store(store: ox.Store, nquads: Callable[[], bytes], data: Callable[[], rdflib.Graph]) -> tuple[int, list[Finding]]:
    """The OWL 2 RL clashes, found by queries on the store (kg.owl_rl_check; nquads() gives the N-Quads dump's
    text); by owlrl on data() where the schema uses a construct those queries do not cover."""
    try:
        count, messages = owl_rl_check.check(store, nquads)
    except owl_rl_check.Unsupported as exc:
        log.info("OWL RL check by owlrl: %s", exc)
        return check_owl_rl(data())
    return count, [Finding("owl-rl", m) for m in messages]


def check_owl_rl(data: rdflib.Graph) -> tuple[int, list[Finding]]:
    """Materialise the OWL 2 RL closure of ontology + data and report any clash it finds."""
    closure = rdflib.Graph()
    for t in data:
        closure.add(t)
    # owlrl's "improved" datatype conversions replace rdflib's process-wide and reject every
    # valid xsd:gMonthDay; rdflib's own conversions are right for the literals we hold.
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics, improved_datatypes=False, axiomatic_triples=False, datatype_axioms=False
    ).expand(closure)
    err = rdflib.Namespace(ERRNS)
    messages = sorted(str(m) for m in closure.objects(None, err.error))
    return len(closure), [Finding("owl-rl", m) for m in messages]


# Each pattern in a subquery of its own: the store joins whole answers by hashing instead of seeking the
# index once per row, about three times faster at a million triples (19k quotes: 1.8 s against 5.5 s).
_QUOTES = sparql_prefixes("lb", "oa", "prov") + """
SELECT ?claim ?exact ?start ?end ?file ?sha WHERE {
  { SELECT ?claim { ?claim a lb:Claim } }
  { SELECT ?claim ?doc { ?claim prov:wasDerivedFrom ?doc } }
  { SELECT ?claim ?e { ?claim lb:evidence ?e } }
  { SELECT ?e ?t { ?e oa:hasTarget ?t } }
  { SELECT ?t ?q { ?t oa:hasSelector ?q } }
  { SELECT ?q { ?q a oa:TextQuoteSelector } }
  { SELECT ?q ?exact { ?q oa:exact ?exact } }
  { SELECT ?t ?p { ?t oa:hasSelector ?p } }
  { SELECT ?p { ?p a oa:TextPositionSelector } }
  { SELECT ?p ?start { ?p oa:start ?start } }
  { SELECT ?p ?end { ?p oa:end ?end } }
  { SELECT ?doc ?file { ?doc lb:seedFile ?file } }
  { SELECT ?doc ?sha { ?doc lb:sha256 ?sha } }
}"""


def check_quotes(store: ox.Store, root: Path) -> tuple[int, list[Finding]]:
    """Every quote is the exact slice of its seed text that its offsets give."""
    texts: dict[str, str | None] = {}
    findings, count = [], 0
    for row in store.query(_QUOTES):
        count += 1
        claim, file = row["claim"].value, row["file"].value
        if file not in texts:
            path = root / file
            try:
                raw = path.read_bytes()
            except OSError:
                texts[file] = None
                findings.append(Finding("quotes", f"seed file {file} is missing", claim))
                continue
            if hashlib.sha256(raw).hexdigest() != row["sha"].value:
                texts[file] = None
                findings.append(Finding("quotes", f"seed file {file} changed since the build (sha256 differs)", claim))
                continue
            texts[file] = raw.decode("utf-8")
        text = texts[file]
        if text is None:
            continue
        start, end = int(row["start"].value), int(row["end"].value)
        if text[start:end] != row["exact"].value:
            findings.append(Finding("quotes", f"offsets {start}-{end} of {file} do not slice to the quote", claim))
    return count, findings


def qc_query(store: ox.Store, path: Path) -> list[Finding]:
    """One *-violation.rq: each row it returns is a problem."""
    try:
        rows = list(store.query(path.read_text(encoding="utf-8")))
    except SyntaxError as exc:
        raise InputError(path, None, f"invalid SPARQL: {exc}") from exc
    name, findings = path.name.removesuffix("-violation.rq"), []
    for row in rows:
        values = [term.value if term is not None else "" for term in row]
        detail = " | ".join(values[1:]) or "violation"
        findings.append(Finding("qc", f"{name}: {detail}", values[0] if values else None, source=path.name))
    return findings


def qc_queries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*-violation.rq"))


def _one_qc_query(store: ox.Store, path: Path) -> tuple[int, list[Finding]]:
    return 1, qc_query(store, path)


def validate(layout: Layout, checks: tuple[str, ...] = CHECKS, progress: Progress | None = None,
             shacl_engine: str = "sparql", owl_engine: str = "sparql") -> Report:
    """Validate the current release. Raises KGError when it cannot run at all.

    shacl_engine: "sparql" (shapes compiled to SPARQL on the store) or "pyshacl"; both give pySHACL's findings.
    owl_engine: "sparql" (kg.owl_rl_check on the store) or "owlrl" (the closure in memory); the same clashes.
    """
    progress = progress or (lambda *a: None)
    release = BuildFolder(layout.build).require()
    report = Report(str(release.path))
    store = open_store(release)
    # Parsed on first use only: OWL RL needs it, the SPARQL engine only for shapes it leaves to pySHACL.
    data = functools.cache(lambda: _default_graph(release))
    dump = DumpValues(release.dump("nquads"))  # read once, for both
    steps = {
        "shacl": lambda: check_shacl(store, layout.shapes, data, shacl_engine, _dump_prefixes(release), dump),
        "owl-rl": lambda: (check_owl_rl_store(store, dump.data, data) if owl_engine == "sparql"
                           else check_owl_rl(data())),
        "quotes": lambda: check_quotes(store, layout.root),
    }
    # The checks, and each QC query apart, share one thread per core: the store evaluates a query outside
    # Python's lock. Checks and QC queries alternate, so that the Python work of a check runs beside a query
    # rather than beside another check's Python work.
    checks_tasks: list[tuple[str, Callable[[], tuple[int, list[Finding]]]]] = []
    qc_tasks: list[tuple[str, Callable[[], tuple[int, list[Finding]]]]] = []
    for check in checks:
        report.checked[check] = 0
        if check == "qc":
            qc_tasks = [("qc", functools.partial(_one_qc_query, store, path)) for path in qc_queries(layout.qc_queries)]
        else:
            checks_tasks.append((check, steps[check]))
    tasks = [task for pair in itertools.zip_longest(checks_tasks, qc_tasks) for task in pair if task]
    with ThreadPoolExecutor(max_workers=VALIDATE_THREADS) as pool:
        futures = [pool.submit(task) for _, task in tasks]
        try:
            for done, _ in enumerate(as_completed(futures)):
                progress("checks", done, len(futures))
            answers = [future.result() for future in futures]
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise
    for (check, _), (count, findings) in zip(tasks, answers, strict=True):
        report.checked[check] += count
        report.findings.extend(findings)
    progress("checks", len(tasks), len(tasks))
    log.info("validated %s: %d finding(s)", release.path, len(report.findings))
    if tuple(checks) == CHECKS:
        release.record_validation({"checks_sha256": checks_digest(layout), "report": json.loads(report.to_json())})
    return report


def checks_digest(layout: Layout) -> str:
    """A digest of what validation checks against: shapes, QC queries, ontology, seeds."""
    return digest_files(layout.root, (layout.ontology, layout.shapes, layout.qc_queries, layout.seeds))


def recorded_verdict(layout: Layout, release: Release) -> bool | None:
    """The verdict of the last full validation of this release, if nothing it checks has changed."""
    record = release.validation()
    if record is None or record.get("checks_sha256") != checks_digest(layout):
        return None
    return bool(record["report"]["conforms"])


__all__ = ["CHECKS", "Finding", "Report", "validate", "PREFIXES"]
