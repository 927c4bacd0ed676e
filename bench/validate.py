"""Validate: the SHACL check of `kg validate` on a larger graph, shapes compiled to SPARQL (kg.shacl_sparql)
against pySHACL, printing both times, their ratio and whether the findings are identical.

    python bench/validate.py [--triples 1000000] [--pyshacl] [--on-disk] [--build-dir DIR]

The graph: the project's default graph, built once, with its facts copied under renamed IRIs (every
https://landbridge-kg.org/id/... IRI gets a c<N>/ segment; the ontology and other shared terms stay) until it
holds at least --triples triples, in whole copies so that it stays valid. The store is in memory, or on disk
with --on-disk as `kg validate` reads a release. pySHACL (slow: about a minute per million triples) runs only
with --pyshacl, on an rdflib graph of the same facts with the dump's datatypes and prefixes, as `kg validate`
gives it the Turtle dump.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.build import build  # noqa: E402
from kg.namespaces import PREFIXES  # noqa: E402
from kg.paths import DEFAULT_BASE_IRI, Layout  # noqa: E402
from kg.release import BuildFolder  # noqa: E402
from kg.shacl_sparql import to_rdflib  # noqa: E402
from kg.validate import check_shacl  # noqa: E402


def replicate(quads: list[ox.Quad], triples: int, base: str = DEFAULT_BASE_IRI) -> list[ox.Quad]:
    """The facts of quads in as many renamed copies as reach `triples` triples; facts naming no entity appear once."""
    prefix = base + "id/"

    def named(term) -> bool:
        return isinstance(term, ox.NamedNode) and term.value.startswith(prefix)

    def renamed(term, copy: int):
        return ox.NamedNode(f"{prefix}c{copy}/{term.value[len(prefix):]}") if named(term) else term

    per_copy = [q for q in quads if named(q.subject) or named(q.object)]
    out = [q for q in quads if not (named(q.subject) or named(q.object))]
    copy = 0
    while len(out) < triples:
        out += [ox.Quad(renamed(q.subject, copy), q.predicate, renamed(q.object, copy)) for q in per_copy]
        copy += 1
    return out


def release_quads(build_dir: Path | None) -> tuple[Layout, list[ox.Quad]]:
    """The default graph of a release (built into a temporary folder unless build_dir holds one), as its dump writes it."""
    layout = Layout(build_dir=build_dir or Path(tempfile.mkdtemp(prefix="kg-bench-validate-")))
    release = BuildFolder(layout.build).current() or build(layout, DEFAULT_BASE_IRI).release
    return layout, list(ox.parse(path=str(release.dump("turtle")), format=ox.RdfFormat.TURTLE))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the graph to validate (default 1000000)")
    parser.add_argument("--pyshacl", action="store_true", help="also run pySHACL and compare the findings (slow)")
    parser.add_argument("--on-disk", action="store_true", help="validate an on-disk store, as kg validate does")
    parser.add_argument("--build-dir", type=Path, default=None, help="a build folder with a release (default: build one)")
    args = parser.parse_args()

    layout, quads = release_quads(args.build_dir)
    graph = replicate(quads, args.triples)
    print(f"graph: {len(graph)} triples ({len(quads)} in the release's default graph)", flush=True)
    with tempfile.TemporaryDirectory(prefix="kg-bench-store-") as folder:
        store = ox.Store(folder) if args.on_disk else ox.Store()
        started = time.perf_counter()
        store.bulk_extend(graph)
        if args.on_disk:
            store.flush()
            del store
            store = ox.Store.read_only(folder)
        print(f"store: {'on disk' if args.on_disk else 'in memory'}, loaded in {time.perf_counter() - started:.1f} s", flush=True)

        prefixes = rdflib.Graph()
        for name, iri in PREFIXES.items():
            prefixes.bind(name, iri)
        data: list[rdflib.Graph] = []

        def rdflib_graph() -> rdflib.Graph:
            """The facts as pySHACL gets them from the Turtle dump: the dump's datatypes and prefixes."""
            if not data:
                g = rdflib.Graph()
                for name, iri in PREFIXES.items():
                    g.bind(name, iri)
                for q in graph:
                    g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
                data.append(g)
            return data[0]

        started = time.perf_counter()
        count, compiled = check_shacl(store, layout.shapes, rdflib_graph, "sparql", prefixes)
        compiled_s = time.perf_counter() - started
        print(f"compiled to SPARQL: {compiled_s:.1f} s, {count} focus nodes, {len(compiled)} findings", flush=True)
        if args.pyshacl:
            started = time.perf_counter()
            rdflib_graph()
            print(f"rdflib graph for pySHACL: built in {time.perf_counter() - started:.1f} s (not counted)", flush=True)
            started = time.perf_counter()
            reference_count, reference = check_shacl(store, layout.shapes, rdflib_graph, "pyshacl")
            pyshacl_s = time.perf_counter() - started
            print(f"pySHACL: {pyshacl_s:.1f} s, {reference_count} focus nodes, {len(reference)} findings")
            print(f"identical findings: {'yes' if compiled == reference else 'NO'}; "
                  f"identical focus count: {'yes' if count == reference_count else 'NO'}")
            print(f"ratio: pySHACL takes {pyshacl_s / compiled_s:.1f}x the time of the compiled validator")


if __name__ == "__main__":
    main()
