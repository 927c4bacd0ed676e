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

Engines differ; what this module does about each difference it knows:

- An engine whose default graph is the union of all its graphs, with no default graph of its own
  to write to (Virtuoso, recognised by its `Server` header): our default graph is kept in a named
  graph (`default_graph`, else `<base>graph/default`). Every query is sent with its dataset spelled
  out as pragmas in front of it: that graph as its default graph and, when the query uses GRAPH,
  our named graphs as its named graphs, unless the caller names either. So GRAPH ranges over our
  graphs only (not the engine's system graphs nor the default graph's copy) and the answers are the
  embedded store's. A query with FROM in its own text is passed on as it is. DESCRIBE asks for the
  concise bounded description, as Oxigraph gives.
- Results are asked for in one format by the query's form (SPARQL XML, or N-Triples for CONSTRUCT
  and DESCRIBE): Virtuoso answers a list of formats with 406 for a CONSTRUCT, and a SELECT asked
  for as N-Triples comes back as RDF.
- Virtuoso's answers cut at its ResultSetMaxRows, or cut short by its anytime-query timeout, carry
  a header saying so; such an answer is refused (StoreError), never passed on as if whole.
- Virtuoso's updates and Graph Store are on its authenticated endpoints (`…/sparql-auth`,
  `…/sparql-graph-crud-auth`, digest); they are found from the query URL unless set. Its parser
  runs out of memory on large INSERT DATA requests, so batches are smaller there.
- Big graphs go by the Graph Store protocol in chunks of 50,000 triples (PUT, then POSTs).
- A graph with blank nodes is never split across requests (a blank node label is local to one).
- Before the switch the staged graphs are counted, graph by graph, against what was sent.

Credentials come from the environment only (`KG_STORE_USER`, `KG_STORE_PASSWORD`); a store URL
with credentials in it is refused, so they never reach a command line or a log.
"""

from __future__ import annotations

import os
import re
import threading
import urllib.parse
from collections.abc import Iterable, Iterator

import pyoxigraph as ox
import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

from . import settings
from .errors import KGError
from .iris import DEFAULT_GRAPH, Iris
from .namespaces import OWL
from .store_interface import GraphStore

RELEASE_GRAPH = "urn:landbridge-kg:release"  # which build the store holds
STAGING = "urn:landbridge-kg:staging:"
VERSION = ox.NamedNode(OWL + "versionInfo")
_RESULTS_ACCEPT = ("application/sparql-results+xml, application/n-triples;q=0.9, text/plain;q=0.5, "
                   "text/turtle;q=0.4, application/sparql-results+json;q=0.3")
_BATCH = 20_000  # triples per INSERT DATA request
_GSP_CHUNK = 50_000  # triples per Graph Store request where a graph is sent in chunks


def check_syntax(query: str, base_iri: str | None = None) -> None:
    """Raise SyntaxError (with the position) unless the engine parses the query; nothing is evaluated.

    The engine evaluates an ASK at once (and would call its SERVICE endpoints); asked to substitute a
    variable the query does not have, it stops after parsing with an error of its own instead.
    """
    global _SCRATCH
    if _SCRATCH is None or _SCRATCH[0] != os.getpid():
        _SCRATCH = (os.getpid(), ox.Store())
    probe = "lbParseOnly"
    while probe in query:  # a name the query cannot hold, so the substitution is always refused
        probe += "x"
    try:
        _SCRATCH[1].query(query, base_iri=base_iri, substitutions={ox.Variable(probe): ox.Literal("")})
    except SyntaxError:
        raise
    except (RuntimeError, ValueError):  # parsed: the engine refuses to substitute the absent variable
        return
    raise RuntimeError("the engine accepted a substitution it should have refused")  # never evaluate past here


_SCRATCH: tuple[int, ox.Store] | None = None


class StoreError(KGError):
    """The remote store refused a request or could not be reached."""


def store_settings_from_env(url: str | None = None) -> dict:
    """The remote store's URLs and options: the argument, or the KG_STORE* settings (kg.settings)."""
    values = settings.load()
    url = url or values["STORE"]
    if not url:
        return {}
    return {"url": url, "update_url": values["STORE_UPDATE"], "data_url": values["STORE_DATA"],
            "default_graph": values["STORE_DEFAULT_GRAPH"]}


def _sibling(url: str, name: str) -> str:
    parts = urllib.parse.urlsplit(url)
    head, _, last = parts.path.rpartition("/")
    path = f"{head}/{name}" if last in ("query", "sparql") else parts.path
    return urllib.parse.urlunsplit(parts._replace(path=path))


# Strings, IRIs and comments first, so that words inside them are skipped; then prefixed names and
# variables whole, so that neither counts as a keyword; then bare words.
_TOKENS = re.compile("|".join([
    r"'''(?:[^'\\]|\\.|'(?!''))*'''",
    r'"""(?:[^"\\]|\\.|"(?!""))*"""',
    r"'(?:[^'\\\n]|\\.)*'",
    r'"(?:[^"\\\n]|\\.)*"',
    r'<[^<>"{}|^`\\\x00-\x20]*>',
    r"#[^\n]*",
    r"[?$][\w]+",
    r"[A-Za-z_][\w.-]*:[\w.:%-]*|:[\w.:%-]*",
    r"[A-Za-z_]\w*",
]))


def keywords(query: str) -> list[str]:
    """The bare words of a query in order, upper-cased: its keywords (and function names), not its
    variables, prefixed names, strings, IRIs or comments."""
    return [token.upper() for token in _TOKENS.findall(query) if token[0].isalpha() and ":" not in token]


_FORMS = {"SELECT": "application/sparql-results+xml", "ASK": "application/sparql-results+xml",
          "CONSTRUCT": "application/n-triples", "DESCRIBE": "application/n-triples"}


def _accept(words: list[str]) -> str:
    """The result format to ask for: by the query's form (some engines cannot negotiate across forms)."""
    form = next((w for w in words if w in _FORMS), None)
    return _FORMS[form] if form else _RESULTS_ACCEPT


def _reason(exc: Exception) -> str:
    """The innermost cause of a requests error, on one line."""
    while exc.__context__ is not None and exc.args and not isinstance(exc.args[0], str):
        exc = exc.__context__
    return " ".join(str(exc).split())[:200]


NO_GRAPH = "urn:landbridge-kg:no-graph"  # names an empty graph: half a dataset completed


class RemoteStore(GraphStore):
    """A SPARQL store elsewhere holding a release: the reads of GraphStore (as pyoxigraph.Store answers them), and
    the loads and checks `kg build --store` makes."""

    def __init__(self, url: str, *, update_url: str | None = None, data_url: str | None = None,
                 default_graph: str | None = None, timeout: float | None = 60.0, base_iri: str | None = None,
                 named_graphs=None, query_timeout: float | None = None):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise KGError(f"--store {url!r} is not an http(s) URL of a SPARQL query endpoint")
        if parts.username or parts.password:
            raise KGError("--store: put no credentials in the URL; set KG_STORE_USER and KG_STORE_PASSWORD")
        self.url = url
        self._update_url, self._data_url = update_url, data_url
        self._default_graph = default_graph
        self.base_iri = base_iri
        self._named_graphs = named_graphs  # our named graphs, or a function giving them (union engines need them)
        self._named_pragmas: str | None = None
        self.timeout = timeout  # for an HTTP answer
        self.query_timeout = query_timeout  # for a query, where the engine can be told (Virtuoso)
        self._local = threading.local()
        user, password = os.environ.get("KG_STORE_USER"), os.environ.get("KG_STORE_PASSWORD")
        self._credentials = (user, password or "") if user else None
        self._auth = None
        self._server: str | None = None

    def __repr__(self) -> str:
        return f"<RemoteStore {self.url}>"

    # --- which engine, and what follows from it ---

    @property
    def server(self) -> str:
        """The engine's `Server` header, asked once."""
        if self._server is None:
            response = self._send("POST", self.url, data={"query": "ASK {}"}, headers={"Accept": _RESULTS_ACCEPT})
            self._server = response.headers.get("Server", "")
        return self._server

    @property
    def union_default_graph(self) -> bool:
        """Whether the engine's default graph is the union of its graphs, with none of its own (Virtuoso)."""
        return self.server.startswith("Virtuoso")

    def _endpoint(self, given: str | None, sibling: str | None, virtuoso: str | None) -> str | None:
        if given:
            return given
        path = urllib.parse.urlsplit(self.url).path
        if path.endswith("/query"):  # Oxigraph, Fuseki: …/query, …/update, …/store
            return _sibling(self.url, sibling) if sibling else None
        if virtuoso and path.endswith("/sparql") and self.union_default_graph:
            return _sibling(self.url, virtuoso)
        return None

    @property
    def update_url(self) -> str:
        return self._endpoint(self._update_url, "update", "sparql-auth") or self.url

    @property
    def data_url(self) -> str | None:
        return self._endpoint(self._data_url, "store", "sparql-graph-crud-auth")

    @property
    def default_graph(self) -> str | None:
        """The named graph that holds our default graph, on an engine with no default graph of its own."""
        if self._default_graph:
            return self._default_graph
        if not self.union_default_graph:
            return None
        if not self.base_iri:
            raise StoreError(f"the store at {self.url} has no default graph of its own: set KG_STORE_DEFAULT_GRAPH")
        return Iris(self.base_iri).graph(DEFAULT_GRAPH).value

    def named_graph_list(self) -> list[str]:
        """Our named graphs (the dataset's, not the store's)."""
        graphs = self._named_graphs() if callable(self._named_graphs) else self._named_graphs
        if graphs is None:
            raise StoreError(f"the store at {self.url} needs the list of the dataset's named graphs, and none was given")
        self._named_graphs = list(graphs)
        return self._named_graphs

    # --- HTTP ---

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
            session.headers["User-Agent"] = "landbridge-kg"
        return session

    def _send(self, method: str, url: str, *, write: bool = False, retry: bool = True, **kwargs) -> requests.Response:
        kwargs.setdefault("timeout", (10, self.timeout))
        if write:
            self._authenticate(url)
        for attempt in (1, 2) if retry else (2,):
            try:
                response = self._session().request(method, url, auth=self._auth if write else None, **kwargs)
                if response.status_code == 401 and write and self._credentials and self._auth is None:
                    challenge = response.headers.get("WWW-Authenticate", "").lower()
                    scheme = HTTPDigestAuth if challenge.startswith("digest") else HTTPBasicAuth
                    self._auth = scheme(*self._credentials)
                    response = self._session().request(method, url, auth=self._auth, **kwargs)
                break
            except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as exc:
                # A kept-alive connection the store has closed fails like this; every request we send can be
                # sent again (queries; PUT; INSERT DATA into staging graphs), so once more on a new connection.
                self._session().close()
                if attempt == 2 or isinstance(exc, requests.exceptions.ConnectTimeout):
                    raise StoreError(f"the store at {self.url} cannot be reached ({method} {urllib.parse.urlsplit(url).path}): "
                                     f"{type(exc).__name__}: {_reason(exc)}") from None
            except requests.RequestException as exc:
                raise StoreError(f"the store at {self.url} cannot be reached ({method} {urllib.parse.urlsplit(url).path}): "
                                 f"{type(exc).__name__}: {_reason(exc)}") from None
        if response.status_code >= 400:
            hint = " (set KG_STORE_USER and KG_STORE_PASSWORD)" if response.status_code in (401, 403) else ""
            text = " ".join(response.text.split())[:300]
            raise StoreError(f"the store refused {method} {url.split('?')[0]}: HTTP {response.status_code}{hint}: {text}")
        if "X-SPARQL-MaxRows" in response.headers:
            raise StoreError(f"the store at {self.url} cut an answer at its limit of {response.headers['X-SPARQL-MaxRows']} "
                             "rows (Virtuoso: ResultSetMaxRows); raise that limit")
        if response.headers.get("X-SQL-State"):
            raise StoreError(f"the store at {self.url} gave a partial answer (SQL state {response.headers['X-SQL-State']})")
        return response

    def _authenticate(self, url: str) -> None:
        """Meet the store's challenge with a request that has no body, before a write sends one: a store
        that answers 401 before reading a large body may close the connection under it (Virtuoso does)."""
        if self._auth is not None or not self._credentials:
            return
        try:
            challenge = self._session().get(url, timeout=(10, self.timeout))
            if challenge.status_code != 401:
                return
            scheme = HTTPDigestAuth if challenge.headers.get("WWW-Authenticate", "").lower().startswith("digest") else HTTPBasicAuth
            self._auth = scheme(*self._credentials)
            self._session().get(url, auth=self._auth, timeout=(10, self.timeout))  # a digest nonce, kept for the writes
        except requests.RequestException:
            return  # the write itself says what is wrong

    def update(self, text: str, *, retry: bool = True) -> None:
        """Run an update; retry=False for one that must not run twice (the switch: a MOVE from a graph it
        already moved would empty the target)."""
        self._send("POST", self.update_url, write=True, retry=retry, data=text.encode(),
                   headers={"Content-Type": "application/sparql-update; charset=utf-8"})

    # --- reads, as pyoxigraph.Store answers them ---

    def query(self, query: str, *, base_iri: str | None = None, default_graph=None, named_graphs=None,
              use_default_graph_as_union: bool = False):
        """Evaluate on the store; returns QuerySolutions, QueryBoolean or an iterator of Triples."""
        if use_default_graph_as_union:
            raise ValueError("a remote store serves our default graph, not the union of its graphs")
        check_syntax(query, base_iri)  # every engine's syntax errors then look like the embedded store's
        defaults = [str(g.value) if hasattr(g, "value") else str(g) for g in (default_graph or [])]
        named = [str(g.value) if hasattr(g, "value") else str(g) for g in (named_graphs or [])]
        return self._query(query, base_iri, defaults, named)

    def _query(self, query: str, base_iri: str | None, defaults: list[str], named: list[str], *,
               all_graphs: bool = False):
        """Send a query. all_graphs: over whatever the engine serves when no dataset is named, not our dataset."""
        if base_iri:
            query = f"BASE <{base_iri}>\n{query}"
        params: list[tuple[str, str]] = []
        words = keywords(query)
        if self.union_default_graph:
            query = self._with_dataset(query, words, defaults, named, all_graphs)
            if self.query_timeout:  # Virtuoso stops there (and says so: an error here), not at its own limit
                params.append(("timeout", str(int(self.query_timeout * 1000))))
        else:
            if not defaults and not named and self.default_graph and not all_graphs:
                defaults = [self.default_graph]
            params += [("default-graph-uri", g) for g in defaults] + [("named-graph-uri", g) for g in named]
        response = self._send("POST", self.url, data=[("query", query), *params], headers={"Accept": _accept(words)})
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

    def _with_dataset(self, query: str, words: list[str], defaults: list[str], named: list[str], all_graphs: bool) -> str:
        """The query with its dataset spelled out as Virtuoso pragmas (see the module's notes)."""
        ours = not all_graphs and "FROM" not in words
        if ours:
            defaults = defaults or [self.default_graph]
        pragmas = [f"define input:default-graph-uri <{g}>" for g in defaults]
        if named:
            pragmas += [f"define input:named-graph-uri <{g}>" for g in named]
        elif ours:  # our named graphs: the same block for every query, made once
            pragmas.append(self._our_named_graphs() if "GRAPH" in words else f"define input:named-graph-uri <{NO_GRAPH}>")
        if "DESCRIBE" in words:
            pragmas.append('define sql:describe-mode "CBD"')
        return "\n".join([*pragmas, query])

    def _our_named_graphs(self) -> str:
        if self._named_pragmas is None:
            self._named_pragmas = "\n".join(f"define input:named-graph-uri <{g}>"
                                             for g in self.named_graph_list() or [NO_GRAPH])
        return self._named_pragmas

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

    def store_graphs(self) -> set[str]:
        """The names of all the store's graphs, ours or not (GROUP BY: Virtuoso is slow at DISTINCT here)."""
        text = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        return {row["g"].value for row in self._query(text, None, [], [], all_graphs=True)}

    def _graph_sizes(self, prefix: str) -> dict[str, int]:
        """Triples in each of the store's graphs whose name starts with prefix."""
        text = (f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                f"FILTER(STRSTARTS(STR(?g), {ox.Literal(prefix)})) }} GROUP BY ?g")
        return {row["g"].value: int(row["n"].value) for row in self._query(text, None, [], [], all_graphs=True)}

    # --- writes: a whole build at once ---

    def load_release(self, quads: Iterable[ox.Quad], version: str, base_iri: str, progress=None) -> dict:
        """Replace the store's copy of our graph with these quads; returns what was loaded."""
        self.base_iri = self.base_iri or base_iri
        by_graph: dict[str, list[ox.Triple]] = {}
        blank: set[str] = set()  # graphs with blank nodes: each goes in one request
        for q in quads:
            name = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
            by_graph.setdefault(name, []).append(ox.Triple(q.subject, q.predicate, q.object))
            if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode):
                blank.add(name)
        prefix = STAGING + version + ":"
        staged = {name: prefix + urllib.parse.quote(name or "default", safe="") for name in by_graph}
        existing = self.store_graphs()
        stale = sorted(g for g in existing if g.startswith(STAGING))  # left by a load that did not finish
        if stale:
            self.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in stale))
        total, done = sum(len(t) for t in by_graph.values()), 0
        size = 1_000 if self.union_default_graph else _BATCH  # Virtuoso's parser runs out of memory on large requests
        # Big graphs by the Graph Store protocol when there is one; the many small claim graphs
        # together, in batches of INSERT DATA.
        batch: list[str] = []
        batch_size = 0
        for name in sorted(by_graph):
            triples = by_graph[name]
            if self.data_url and len(triples) >= size:
                self._put_graph(staged[name], triples, whole=name in blank)
            else:
                step = len(triples) if name in blank else size
                for start in range(0, len(triples), step):
                    chunk = triples[start:start + step]
                    batch.append(f"GRAPH <{staged[name]}> {{\n" + "\n".join(f"{t} ." for t in chunk) + "\n}")
                    batch_size += len(chunk)
                    if batch_size >= size:
                        self.update("INSERT DATA {\n" + "\n".join(batch) + "\n}")
                        batch, batch_size = [], 0
            done += len(triples)
            if progress:
                progress("load store", done, total)
        if batch:
            self.update("INSERT DATA {\n" + "\n".join(batch) + "\n}")
        held = self._graph_sizes(prefix)
        wanted = {staged[name]: len(triples) for name, triples in by_graph.items()}
        if held != wanted:
            wrong = sorted(g for g in wanted.keys() | held.keys() if held.get(g) != wanted.get(g))
            raise StoreError(f"the store at {self.url} holds {sum(held.values())} of the {total} triples sent "
                             f"({len(wrong)} graphs differ, e.g. <{wrong[0]}>); the previous build is still in place")
        ours_before = {g for g in existing
                       if g.startswith(self.base_iri) and g not in by_graph and g != self.default_graph}
        ops = []
        for name, stage in sorted(staged.items()):
            target = f"GRAPH <{name}>" if name else (f"GRAPH <{self.default_graph}>" if self.default_graph else "DEFAULT")
            ops.append(f"MOVE SILENT GRAPH <{stage}> TO {target}")
        if "" not in staged:
            ops.append(f"DROP SILENT GRAPH <{self.default_graph}>" if self.default_graph else "DROP SILENT DEFAULT")
        ops += [f"DROP SILENT GRAPH <{g}>" for g in sorted(ours_before)]
        ops.append(f"DROP SILENT GRAPH <{RELEASE_GRAPH}>")
        ops.append(f'INSERT DATA {{ GRAPH <{RELEASE_GRAPH}> {{ <{RELEASE_GRAPH}> <{VERSION.value}> "{version}" }} }}')
        self.update(" ;\n".join(ops), retry=False)
        self._named_graphs, self._named_pragmas = sorted(name for name in by_graph if name), None
        return {"graphs": len(by_graph), "triples": total, "dropped": len(ours_before)}

    def _put_graph(self, graph: str, triples: list[ox.Triple], whole: bool) -> None:
        """One graph by the Graph Store protocol, in chunks (PUT, then POSTs): each request stays small enough
        to be answered within the timeout (Oxigraph takes over a minute for half a million triples in one)."""
        step = len(triples) if whole else _GSP_CHUNK
        for start in range(0, len(triples), step):
            body = ox.serialize(triples[start:start + step], format=ox.RdfFormat.N_TRIPLES)
            self._send("PUT" if start == 0 else "POST", self.data_url, write=True, params={"graph": graph},
                       data=body, headers={"Content-Type": "application/n-triples"})
