"""A SPARQL store reached over HTTP: SPARQL 1.1 Query, Update and the Graph Store HTTP Protocol.

`RemoteStore` answers the calls the server makes on the embedded store (`query`,
`quads_for_pattern`) with the same pyoxigraph result types, so everything above it (the
endpoint, pages, views) runs unchanged over either. Results travel as SPARQL XML (SELECT, ASK)
and N-Triples (CONSTRUCT, DESCRIBE), which every engine writes, and are read by pyoxigraph's
native parsers.

Loading (`load_release`) is per named graph and bulk, into staging graph names first; one
SPARQL Update then moves every staging graph onto its real name and drops graphs of ours the new
build no longer has. Where the engine runs an update request as one transaction (Oxigraph does)
the switch is atomic; elsewhere readers may see the switch half done for its duration.

Where an engine's default graph is the union of all its graphs (Virtuoso), the facts of our
default graph are kept in a named graph (`default_graph`) and every query that names no dataset
of its own is sent with that graph as its default graph.

Credentials come from the environment only (`KG_STORE_USER`, `KG_STORE_PASSWORD`); a store URL
with credentials in it is refused, so they never reach a command line or a log.
"""

from __future__ import annotations

import os
import threading
import urllib.parse
from collections.abc import Iterable, Iterator

import pyoxigraph as ox
import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

from .errors import KGError

RELEASE_GRAPH = "urn:landbridge-kg:release"  # which build the store holds
STAGING = "urn:landbridge-kg:staging:"
VERSION = ox.NamedNode("http://www.w3.org/2002/07/owl#versionInfo")
_RESULTS_ACCEPT = ("application/sparql-results+xml, application/n-triples;q=0.9, text/plain;q=0.5, "
                   "text/turtle;q=0.4, application/sparql-results+json;q=0.3")
_BATCH = 20_000  # triples per INSERT DATA request


def check_syntax(query: str, base_iri: str | None = None) -> None:
    """Raise SyntaxError (with the position) unless the query parses; nothing is evaluated.

    Runs the query on an empty store of this process: evaluation is lazy, so only parsing happens.
    """
    global _SCRATCH
    if _SCRATCH is None or _SCRATCH[0] != os.getpid():
        _SCRATCH = (os.getpid(), ox.Store())
    _SCRATCH[1].query(query, base_iri=base_iri)


_SCRATCH: tuple[int, ox.Store] | None = None


class StoreError(KGError):
    """The remote store refused a request or could not be reached."""


def store_settings_from_env(url: str | None = None) -> dict:
    """The remote store's URLs and options, from arguments or KG_STORE_* variables."""
    url = url or os.environ.get("KG_STORE") or None
    if not url:
        return {}
    return {
        "url": url,
        "update_url": os.environ.get("KG_STORE_UPDATE") or None,
        "data_url": os.environ.get("KG_STORE_DATA") or None,
        "default_graph": os.environ.get("KG_STORE_DEFAULT_GRAPH") or None,
    }


def _sibling(url: str, name: str) -> str:
    parts = urllib.parse.urlsplit(url)
    head, _, last = parts.path.rpartition("/")
    path = f"{head}/{name}" if last in ("query", "sparql") else parts.path
    return urllib.parse.urlunsplit(parts._replace(path=path))


class RemoteStore:
    """The read side of a remote store, shaped like `pyoxigraph.Store` for what the server calls."""

    def __init__(self, url: str, *, update_url: str | None = None, data_url: str | None = None,
                 default_graph: str | None = None, timeout: float | None = 60.0):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise KGError(f"--store {url!r} is not an http(s) URL of a SPARQL query endpoint")
        if parts.username or parts.password:
            raise KGError("--store: put no credentials in the URL; set KG_STORE_USER and KG_STORE_PASSWORD")
        self.url = url
        # Oxigraph and Fuseki name their endpoints …/query, …/update and …/store or …/data.
        self.update_url = update_url or (_sibling(url, "update") if parts.path.endswith("/query") else url)
        self.data_url = data_url or (_sibling(url, "store") if parts.path.endswith("/query") else None)
        self.default_graph = default_graph
        self.timeout = timeout
        self._local = threading.local()
        user, password = os.environ.get("KG_STORE_USER"), os.environ.get("KG_STORE_PASSWORD")
        self._credentials = (user, password or "") if user else None
        self._auth = None

    def __repr__(self) -> str:
        return f"<RemoteStore {self.url}>"

    # --- HTTP ---

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
            session.headers["User-Agent"] = "landbridge-kg"
        return session

    def _send(self, method: str, url: str, *, write: bool = False, **kwargs) -> requests.Response:
        kwargs.setdefault("timeout", (10, self.timeout))
        try:
            response = self._session().request(method, url, auth=self._auth if write else None, **kwargs)
            if response.status_code == 401 and write and self._credentials and self._auth is None:
                challenge = response.headers.get("WWW-Authenticate", "").lower()
                scheme = HTTPDigestAuth if challenge.startswith("digest") else HTTPBasicAuth
                self._auth = scheme(*self._credentials)
                response = self._session().request(method, url, auth=self._auth, **kwargs)
        except requests.RequestException as exc:
            raise StoreError(f"the store at {self.url} cannot be reached: {type(exc).__name__}") from None
        if response.status_code >= 400:
            hint = " (set KG_STORE_USER and KG_STORE_PASSWORD)" if response.status_code in (401, 403) else ""
            text = " ".join(response.text.split())[:300]
            raise StoreError(f"the store refused {method} {url.split('?')[0]}: HTTP {response.status_code}{hint}: {text}")
        return response

    def update(self, text: str) -> None:
        self._send("POST", self.update_url, write=True, data=text.encode(),
                   headers={"Content-Type": "application/sparql-update; charset=utf-8"})

    # --- reads, as pyoxigraph.Store answers them ---

    def query(self, query: str, *, base_iri: str | None = None, default_graph=None, named_graphs=None,
              use_default_graph_as_union: bool = False):
        """Evaluate on the store; returns QuerySolutions, QueryBoolean or an iterator of Triples."""
        if use_default_graph_as_union:
            raise ValueError("a remote store serves our default graph, not the union of its graphs")
        check_syntax(query, base_iri)  # every engine's syntax errors then look like the embedded store's
        if base_iri:
            query = f"BASE <{base_iri}>\n{query}"
        params: list[tuple[str, str]] = [("query", query)]
        defaults = [str(g.value) if hasattr(g, "value") else str(g) for g in (default_graph or [])]
        named = [str(g.value) if hasattr(g, "value") else str(g) for g in (named_graphs or [])]
        if not defaults and not named and self.default_graph:
            defaults = [self.default_graph]
        params += [("default-graph-uri", g) for g in defaults] + [("named-graph-uri", g) for g in named]
        response = self._send("POST", self.url, data=params, headers={"Accept": _RESULTS_ACCEPT})
        kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        body = response.content
        if kind in ("application/sparql-results+xml", "application/xml"):
            return ox.parse_query_results(body, ox.QueryResultsFormat.XML)
        if kind == "application/sparql-results+json":
            return ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
        formats = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
                   "text/turtle": ox.RdfFormat.TURTLE}
        if kind not in formats:
            raise StoreError(f"the store at {self.url} answered in {kind or 'no media type'}, which is not a SPARQL result format")
        return iter([ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(body, formats[kind])])

    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None) -> Iterator[ox.Quad]:  # noqa: A002
        """The quads matching a pattern, in the default graph and every named graph when graph_name is None."""
        bound = [(var, term) for var, term in (("s", subject), ("p", predicate), ("o", object)) if term is not None]
        values = ("VALUES (" + " ".join(f"?{v}" for v, _ in bound) + ") { (" + " ".join(str(t) for _, t in bound) + ") } "
                  if bound else "")
        if isinstance(graph_name, ox.DefaultGraph):
            where = "?s ?p ?o"
        elif graph_name is not None:
            where = f"GRAPH {graph_name} {{ ?s ?p ?o }} BIND({graph_name} AS ?g)"
        else:
            where = "{ ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } }"
        for row in self.query(f"SELECT ?s ?p ?o ?g WHERE {{ {values}{where} }}"):
            g = row["g"]
            if g is not None and self.default_graph and g.value == self.default_graph:
                continue  # seen as the default graph already
            if g is not None and (g.value == RELEASE_GRAPH or g.value.startswith(STAGING)):
                continue
            yield ox.Quad(row["s"], row["p"], row["o"], g if g is not None else ox.DefaultGraph())

    # --- which build the store holds ---

    def release_version(self) -> str | None:
        rows = list(self.query(f"SELECT ?v WHERE {{ GRAPH <{RELEASE_GRAPH}> {{ <{RELEASE_GRAPH}> <{VERSION.value}> ?v }} }}",
                               named_graphs=[ox.NamedNode(RELEASE_GRAPH)]))
        return rows[0]["v"].value if rows else None

    # --- writes: a whole build at once ---

    def load_release(self, quads: Iterable[ox.Quad], version: str, base_iri: str, progress=None) -> dict:
        """Replace the store's copy of our graph with these quads; returns what was loaded."""
        by_graph: dict[str, list[ox.Triple]] = {}
        for q in quads:
            name = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
            by_graph.setdefault(name, []).append(ox.Triple(q.subject, q.predicate, q.object))
        staged = {name: STAGING + version + ":" + urllib.parse.quote(name or "default", safe="") for name in by_graph}
        existing = {row["g"].value for row in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
        stale = sorted(g for g in existing if g.startswith(STAGING))  # left by a load that did not finish
        if stale:
            self.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in stale))
        total, done = sum(len(t) for t in by_graph.values()), 0
        # Big graphs whole by the Graph Store protocol when there is one; the many small claim
        # graphs together, in batches of INSERT DATA.
        batch: list[str] = []
        batch_size = 0
        for name in sorted(by_graph):
            triples = by_graph[name]
            if self.data_url and len(triples) >= _BATCH:
                body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
                self._send("PUT", self.data_url, write=True, params={"graph": staged[name]}, data=body,
                           headers={"Content-Type": "application/n-triples"})
            else:
                for start in range(0, len(triples), _BATCH):
                    chunk = triples[start:start + _BATCH]
                    batch.append(f"GRAPH <{staged[name]}> {{\n" + "\n".join(f"{t} ." for t in chunk) + "\n}")
                    batch_size += len(chunk)
                    if batch_size >= _BATCH:
                        self.update("INSERT DATA {\n" + "\n".join(batch) + "\n}")
                        batch, batch_size = [], 0
            done += len(triples)
            if progress:
                progress("load store", done, total)
        if batch:
            self.update("INSERT DATA {\n" + "\n".join(batch) + "\n}")
        ours_before = {g for g in existing if g.startswith(base_iri) and g not in by_graph}
        ops = []
        for name, stage in sorted(staged.items()):
            target = f"GRAPH <{name}>" if name else (f"GRAPH <{self.default_graph}>" if self.default_graph else "DEFAULT")
            ops.append(f"MOVE SILENT GRAPH <{stage}> TO {target}")
        if "" not in staged:
            ops.append(f"DROP SILENT GRAPH <{self.default_graph}>" if self.default_graph else "DROP SILENT DEFAULT")
        ops += [f"DROP SILENT GRAPH <{g}>" for g in sorted(ours_before)]
        ops.append(f"DROP SILENT GRAPH <{RELEASE_GRAPH}>")
        ops.append(f'INSERT DATA {{ GRAPH <{RELEASE_GRAPH}> {{ <{RELEASE_GRAPH}> <{VERSION.value}> "{version}" }} }}')
        self.update(" ;\n".join(ops))
        return {"graphs": len(by_graph), "triples": total, "dropped": len(ours_before)}
