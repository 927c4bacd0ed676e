"""What the server and validation ask of the store that holds a release: the embedded pyoxigraph Store meets it as
it is, and kg.remote.RemoteStore declares it for a SPARQL store elsewhere. Code that reads a release's data types
its store as GraphStore and calls nothing else."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol, runtime_checkable

import pyoxigraph as ox

# CONSTRUCT and DESCRIBE: the engine's QueryTriples, or any iterator of triples (a remote store's).
Results = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples | Iterator[ox.Triple]


@runtime_checkable
class GraphStore(Protocol):
    def query(self, query: str, *, base_iri: str | None = None,
              default_graph: ox.NamedNode | ox.DefaultGraph | Sequence[ox.NamedNode | ox.DefaultGraph] | None = None,
              named_graphs: Sequence[ox.NamedNode] | None = None) -> Results:
        """Evaluate a SPARQL query: SELECT gives solutions, ASK a boolean, CONSTRUCT and DESCRIBE triples. A bad
        query raises SyntaxError; a store that fails raises kg.remote.StoreError."""
        ...

    def quads_for_pattern(self, subject: ox.NamedNode | ox.BlankNode | None = None, predicate: ox.NamedNode | None = None,
                          object: ox.NamedNode | ox.BlankNode | ox.Literal | None = None,  # noqa: A002 - as pyoxigraph names it
                          graph_name: ox.NamedNode | ox.DefaultGraph | None = None) -> Iterator[ox.Quad]:
        """The quads matching a pattern (None matches anything; no graph_name: every graph)."""
        ...
