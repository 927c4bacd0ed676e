"""The validator: compiled shapes run on the store (screening, then each flagged constraint's own query, then what
SPARQL leaves undecided judged in Python), with pySHACL for the shapes left to it; validate_store runs it."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from .component import Component, Shape, Unsupported
from .paths import PathsPart
from .report import ReportingPart, Result, results_from_report
from .screening import ScreeningPart
from .shape_based import PropertyC
from .shapes import LoaderPart
from .targets import TARGETS, TargetsPart
from .terms import SH, Term, all_of, any_of, n_triples_term, to_ox, to_rdflib

log = logging.getLogger(__package__)
Progress = Callable[[str, int, int], None]


class Validator(LoaderPart, PathsPart, TargetsPart, ScreeningPart, ReportingPart):
    """SHACL Core validation compiled to SPARQL and run on a pyoxigraph store, giving pySHACL's results.

    How it works. The shapes graph (rdflib) is read into shapes; a shape's targets become a SPARQL pattern binding
    its focus nodes. Each constraint is then checked in two steps. Screening: a few queries per top-level shape find
    the focus nodes where a constraint may fail. They are written for the store's strengths, scans and hash joins
    rather than a lookup per node: a property shape's value checks, maximum counts and comparisons scan its values
    on their own and return only the bad rows (then matched against the targets); minimum counts anti-join the
    targets with a scan; the rest runs over the targets once. Valid data returns no rows. Results: each flagged
    constraint runs its own query on the flagged focus nodes; where its SPARQL test is exact a row is a result as
    it stands, otherwise (ill-typed literals, regular expressions outside the syntax Python and the store share,
    comparisons of mixed types, counts inside logical shapes...) the row is judged in Python with pySHACL's own
    rules, reading the node's values from the store. A shape used inside sh:not, sh:and, sh:or, sh:xone, sh:node
    and sh:qualifiedValueShape is compiled to two SPARQL expressions, "surely conforms" and "surely fails"; what
    neither decides is judged in Python. A result carries what pySHACL reports: focus node, path, value, source
    shape, constraint component, severity and message (the shape's sh:message, else pySHACL's wording, made with
    pySHACL's own term formatting).
    """

    def __init__(self, store: ox.Store, shapes: rdflib.Graph, namespaces: rdflib.Graph | None = None,
                 data_graph: Callable[[], rdflib.Graph] | None = None, progress: Progress | None = None, threads: int = 2,
                 written_values: Callable[[Term, URIRef], list[Term]] | None = None):
        self.store, self.g = store, shapes
        self.data_graph = data_graph
        self.written_values = written_values
        self.progress = progress or (lambda *a: None)
        # Data terms in messages are written with the data graph's prefixes, as pySHACL's copy of it has them.
        self.msg_graph = rdflib.Graph(bind_namespaces="core")
        for prefix, ns in (namespaces if namespaces is not None else rdflib.Graph()).namespaces():
            self.msg_graph.bind(prefix, ns, override=True, replace=True)
        self._described: set[BNode] = set()
        self._shapes: dict[Term, Shape | Unsupported] = {}
        self._closures: dict[Term, list[Term]] = {}
        self._memo: dict[tuple[int, Term], list[Result]] = {}
        self._data: rdflib.Graph | None = None
        self._n = 0
        self.joins: tuple[str, list[str]] | None = None  # while screening: the hash-joinable variable and its joins
        self.threads = threads

    # -- SPARQL and the store

    def fresh(self) -> str:
        self._n += 1
        return f"?v{self._n}"

    def select(self, query: str, **subs: Term) -> list:
        substitutions = {ox.Variable(k): to_ox(t) for k, t in subs.items()} or None
        try:
            return list(self.store.query(query, substitutions=substitutions))
        except SyntaxError as exc:  # a compiled query the store cannot read is a bug here, not in the shapes
            raise RuntimeError(f"invalid compiled query ({exc}):\n{query}") from exc

    def is_instance(self, node: Term, cls: Term) -> bool:
        rows = self.select(f"SELECT ?x WHERE {{ ?x <{RDF.type}>/<{RDFS.subClassOf}>* {n_triples_term(cls)} }} LIMIT 1", x=node) \
            if not isinstance(cls, (BNode, Literal)) else []
        return bool(rows)

    def objects(self, node: Term, prop: URIRef) -> set[Term]:
        if isinstance(node, Literal):
            return set()
        return {to_rdflib(q.object) for q in self.store.quads_for_pattern(to_ox(node), to_ox(prop), None, ox.DefaultGraph())}

    def predicate_objects(self, node: Term) -> list[tuple[Term, Term]]:
        if isinstance(node, Literal):
            return []
        return [(to_rdflib(q.predicate), to_rdflib(q.object))
                for q in self.store.quads_for_pattern(to_ox(node), None, None, ox.DefaultGraph())]

    # -- one node against one shape: exactly, in Python; or (surely conforms, surely fails) in SPARQL

    def validate_node(self, shape: Shape, focus: Term) -> list[Result]:
        """pySHACL's results of validating one node against one shape."""
        key = (id(shape), focus)
        if key not in self._memo:
            if shape.deactivated:
                self._memo[key] = []
            else:
                values = self.value_nodes(shape, focus)
                self._memo[key] = [r for c in shape.components for r in c.judge(self, shape, focus, values)]
        return self._memo[key]

    def conforms(self, shape: Shape, node: Term) -> bool:
        return not self.validate_node(shape, node)

    def cond(self, shape: Shape, var: str) -> tuple[str, str]:
        """SPARQL (surely conforms, surely fails) for the node in var against shape."""
        if shape.deactivated:
            return "true", "false"
        if shape.is_property and not shape.simple:
            return "false", "false"
        scs, sfs = [], []
        for comp in shape.components:
            if isinstance(comp, PropertyC):
                sc, sf = self._on_values(shape, var, lambda y, c=comp: self.cond(c.inner, y))
            elif comp.value_level:
                sc, sf = self._on_values(shape, var, lambda y, c=comp: (c.sc(self, y), c.sf(self, y)))
            else:
                sc, sf = comp.cond_focus(self, shape, var)
            scs.append(sc)
            sfs.append(sf)
        return all_of(scs), any_of(sfs)

    def _on_values(self, shape: Shape, var: str, test: Callable[[str], tuple[str, str]]) -> tuple[str, str]:
        if not shape.is_property:
            return test(var)
        y = self.fresh()
        sc, sf = test(y)
        path = shape.sparql_path
        all_pass = "true" if sc == "true" else f"NOT EXISTS {{ {var} {path} {y} FILTER(!COALESCE({sc}, false)) }}"
        any_fail = "false" if sf == "false" else f"EXISTS {{ {var} {path} {y} FILTER(COALESCE({sf}, false)) }}"
        return all_pass, any_fail

    # -- candidates on the store

    def value_candidates(self, comp: Component, shape: Shape, frag: Callable[[str], str]):
        if shape.is_property and not shape.simple:
            yield from self.focus_candidates(comp, shape, frag)
            return
        value = "?value" if shape.is_property else "?this"
        sc, sf = comp.sc(self, value), comp.sf(self, value)
        if sc == "true":
            return
        values = self.values_pattern(shape, "?this", "?value") if shape.is_property else ""
        query = (f"SELECT ?this {value if shape.is_property else ''} ?d "
                 f"WHERE {{ {frag('?this')} {values} FILTER(!COALESCE({sc}, false)) BIND(COALESCE({sf}, false) AS ?d) }}")
        found = defaultdict(list)
        for row in self.select(query):
            focus = to_rdflib(row["this"])
            x = to_rdflib(row["value"]) if shape.is_property else focus
            definite = row["d"] is not None and row["d"].value == "true"
            found[focus].extend([self.result(comp, shape, focus, x)] if definite else comp.judge(self, shape, focus, [x]))
        yield from found.items()

    def focus_candidates(self, comp: Component, shape: Shape, frag: Callable[[str], str]):
        """Every focus node, judged in Python: for what SPARQL cannot narrow down."""
        for row in self.select(f"SELECT ?this WHERE {{ {frag('?this')} }}"):
            focus = to_rdflib(row["this"])
            found = comp.judge(self, shape, focus, self.value_nodes(shape, focus))
            if found:
                yield focus, found

    # -- running shapes

    def run_shape(self, shape: Shape, frag: Callable[[str], str]) -> dict[Term, list[Result]]:
        """Results per focus node of frag, each focus node validated once against shape."""
        out: dict[Term, list[Result]] = defaultdict(list)
        if shape.deactivated:
            return out
        if shape.is_property and not shape.simple:
            for row in self.select(f"SELECT ?this WHERE {{ {frag('?this')} }}"):
                focus = to_rdflib(row["this"])
                out[focus].extend(self.validate_node(shape, focus))
            return out
        for comp in shape.components:
            if isinstance(comp, PropertyC):
                self._run_property(shape, frag, comp.inner, out)
            else:
                for focus, results in comp.top(self, shape, frag):
                    out[focus].extend(results)
        return out

    def _run_property(self, shape: Shape, frag, inner: Shape, out: dict) -> None:
        if not shape.is_property:
            for focus, results in self.run_shape(inner, frag).items():
                out[focus].extend(results)
            return

        def child(var: str) -> str:
            p = self.fresh()
            return f"{{ SELECT DISTINCT {var} WHERE {{ {frag(p)} {p} {shape.sparql_path} {var} }} }}"

        for value, results in self.run_shape(inner, child).items():
            # pySHACL validates a value once for each focus node that has it.
            rows = self.select(f"SELECT DISTINCT ?this ?value WHERE {{ {frag('?this')} ?this {shape.sparql_path} ?value }}", value=value)
            for row in rows:
                out[to_rdflib(row["this"])].extend(results)

    def run(self) -> tuple[bool, list[Result], int]:
        try:
            if next(self.g.subjects(SH.rule, None), None) is not None:
                raise Unsupported("SHACL rules")
            shapes = self.all_shapes()
        except Unsupported as exc:
            log.info("whole shapes graph left to pySHACL: %s", exc)
            conforms, results = self.pyshacl(None)
            targeted = {s for p in TARGETS for s in self.g.subjects(p, None)} | {s for s, _ in self.g.subject_objects(RDF.type)
                                                                                  if self.implicit_class(s)}
            return conforms, results, int(self._answer(self._count_query(sorted(targeted, key=str)))[0]["n"].value)
        top = [s for s in sorted(shapes, key=str) if self.targets(s) is not None or set(self.g.objects(s, SH.target))]
        plans, jobs, fallback, counted = [], [], [], []
        for node in top:
            try:
                shape = self.shape(node)
            except Unsupported as exc:
                log.info("shape %s left to pySHACL: %s", node, exc)
                fallback.append(node)
                continue
            if not shape.deactivated:
                frag = self.targets(node)
                counted.append(node)
                shape_jobs, unscreened = self._plan(shape)
                plans.append((shape, frag, unscreened))
                jobs += shape_jobs
        counted += [n for n in fallback if not self._deactivated(n)]
        with ThreadPoolExecutor(self.threads) as pool:
            count = pool.submit(self._answer, self._count_query(counted))
            answers = list(pool.map(self._answer, [job.query for job in jobs]))
            count = int(count.result()[0]["n"].value)
        results = self._as_targeted(self._results(plans, self._flag(jobs, answers)))
        conforms = not results
        if fallback:
            fb_conforms, fb_results = self.pyshacl(fallback)
            conforms = conforms and fb_conforms
            results.extend(fb_results)
        return conforms, results, count

    def _results(self, plans: list, flagged: dict) -> list[Result]:
        """The results of each top-level shape: its flagged constraints on the flagged focus nodes, the others in full."""
        results: list[Result] = []
        for i, (shape, frag, unscreened) in enumerate(plans):
            self.progress("shacl shapes", i, len(plans))
            for owner, comp, foci in flagged.get(id(shape), {}).values():
                for _, found in comp.top(self, owner, self._only(foci) or frag):
                    results.extend(found)
            for owner, comp in unscreened:
                if comp is None:
                    found = self.run_shape(owner, frag).values()
                elif isinstance(comp, PropertyC):
                    found = defaultdict(list)
                    self._run_property(owner, frag, comp.inner, found)
                    found = found.values()
                else:
                    found = (r for _, r in comp.top(self, owner, frag))
                for r in found:
                    results.extend(r)
        self.progress("shacl shapes", len(plans), len(plans))
        return results

    def _answer(self, query: str) -> list:
        return list(self.store.query(query))

    def pyshacl(self, only: list[Term] | None) -> tuple[bool, list[Result]]:
        """pySHACL on the data, for the listed top-level shapes (None: all of them)."""
        import pyshacl

        shapes = rdflib.Graph()
        for prefix, ns in self.g.namespaces():
            shapes.bind(prefix, ns, override=True, replace=True)
        for t in self.g:
            shapes.add(t)
        if only is not None:
            keep = set(only)
            implicit = {RDFS.Class, OWL.Class, *self.g.subjects(RDFS.subClassOf, RDFS.Class)}
            for s in {s for p in (*TARGETS, SH.target) for s in shapes.subjects(p, None)} - keep:
                for p in (*TARGETS, SH.target):
                    shapes.remove((s, p, None))
            for s in set(shapes.subjects(RDF.type, None)) - keep:
                for t in implicit:
                    shapes.remove((s, RDF.type, t))
        if self._data is None:
            self._data = self.data_graph() if self.data_graph is not None else export_default_graph(self.store)
        data = self._data
        conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True)
        return bool(conforms), results_from_report(report)


def export_default_graph(store: ox.Store) -> rdflib.Graph:
    """The store's default graph as an rdflib graph (slow on large stores: only for shapes left to pySHACL)."""
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return rdflib.Graph().parse(data=data, format="nt")


def validate_store(store: ox.Store, shapes: rdflib.Graph, *, namespaces: rdflib.Graph | None = None,
                   data_graph: Callable[[], rdflib.Graph] | None = None, progress: Progress | None = None,
                   threads: int = 2, written_values: Callable[[Term, URIRef], list[Term]] | None = None,
                   ) -> tuple[bool, list[Result], int]:
    """Validate the default graph of store against shapes: (conforms, results, focus nodes checked).

    The results are pySHACL's, each sh:node result carrying the results under it in details (flat_results
    lists them all, as a pySHACL report holds them). namespaces: a graph with the prefixes pySHACL's data graph
    would have, for data terms in messages. data_graph: the data as rdflib reads it, called only when needed:
    for shapes left to pySHACL (default: exported from the store), and to name a typed literal value as the
    data writes it (without it, results name it as the store holds it, e.g. "99" for "99.0"^^xsd:decimal).
    threads: screening queries run at once (the store evaluates them outside Python's lock).
    written_values(focus, predicate): the objects as the data writes them, looked up without reading all the
    data (e.g. kg.validate's DumpValues); preferred to data_graph for naming values.
    """
    return Validator(store, shapes, namespaces, data_graph, progress, threads, written_values).run()


def shapes_left_to_pyshacl(store: ox.Store, shapes: rdflib.Graph) -> dict[Term | None, str]:
    """The top-level shapes validate_store leaves to pySHACL, with the reason ({None: reason}: the whole shapes graph)."""
    v = Validator(store, shapes)
    try:
        if next(shapes.subjects(SH.rule, None), None) is not None:
            raise Unsupported("SHACL rules")
        nodes = v.all_shapes()
    except Unsupported as exc:
        return {None: str(exc)}
    left = {}
    for node in sorted(nodes, key=str):
        if v.targets(node) is not None or set(shapes.objects(node, SH.target)):
            try:
                v.shape(node)
            except Unsupported as exc:
                left[node] = str(exc)
    return left
