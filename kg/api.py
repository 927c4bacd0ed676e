"""The graph from Python: the current release as an rdflib Dataset, queries as rows, a fact's evidence.

    from kg import api
    ds = api.open_release()                      # the last build (KG_BUILD_DIR, else build/), read-only
    api.rows(ds, "SELECT ?m ?l WHERE { ?m a lb:Militia ; rdfs:label ?l }")   # [{'m': 'https://…', 'l': '…'}, …]
    api.dataframe(ds, "SELECT …")                # the same rows as a pandas DataFrame (pandas installed)
    api.evidence(ds, s, p, o)                    # the claims behind one triple: quote, document, certainty, modality

The Dataset is rdflib's, over the release's own on-disk store opened read-only through oxrdflib, so
several programs and `kg serve` may read one release at once, and queries are evaluated by pyoxigraph
(pass query strings: oxrdflib hands a pre-parsed query to rdflib's far slower engine). Its default graph is
the release's: every asserted, current fact once; each claim's facts are also in the claim's named graph.
Queries may use every prefix of the project's table (lb:, rdfs:, skos:, prov:, oa:, geo:, …) undeclared.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib
from oxrdflib.store import OxigraphStore

from . import settings
from .errors import BuildMissingError
from .namespaces import PREFIXES, sparql_prefixes
from .release import BuildFolder, Release

_EVIDENCE = sparql_prefixes("lb", "prov", "oa", "dcterms") + """SELECT ?claim ?statement ?modality ?certainty ?quote ?start ?end
    ?document ?title ?date ?attribution ?hedge ?cue ?superseded_by WHERE {
    GRAPH ?claim { %s }
    ?claim a lb:Claim ; lb:statementId ?statement ; lb:modality ?modality ; lb:certainty ?certainty ;
           prov:wasDerivedFrom ?document ; lb:evidence/oa:hasTarget ?target .
    ?target oa:hasSelector ?qs . ?qs a oa:TextQuoteSelector ; oa:exact ?quote .
    OPTIONAL { ?target oa:hasSelector ?ps . ?ps a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end }
    OPTIONAL { ?document dcterms:title ?title } OPTIONAL { ?document lb:publicationDate ?date }
    OPTIONAL { ?claim lb:attribution ?attribution } OPTIONAL { ?claim lb:hedge ?hedge }
    OPTIONAL { ?claim lb:modalityCue ?cue } OPTIONAL { ?claim lb:supersededBy ?superseded_by }
} ORDER BY ?statement"""


def current_release(build_dir: str | Path | None = None) -> Release:
    """The last complete release of a build folder (default: KG_BUILD_DIR, else the project's build/)."""
    folder = Path(build_dir) if build_dir is not None else settings.build_dir(settings.load())
    return BuildFolder(folder).require()


def open_release(build_dir: str | Path | None = None) -> rdflib.Dataset:
    """The current release as an rdflib Dataset over its on-disk store, read-only."""
    release = current_release(build_dir)
    if not release.store_path.is_dir():
        raise BuildMissingError(f"{release.path} has no store: run `kg build` again")
    dataset = rdflib.Dataset(store=OxigraphStore(store=ox.Store.read_only(str(release.store_path))))
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True)
    return dataset


def _python(term: rdflib.term.Node | None) -> Any:
    """A result term as Python: an IRI as its string, a literal as its Python value where rdflib has one
    (integers, decimals, dates, booleans), else its lexical form; a blank node as its label."""
    if term is None:
        return None
    if isinstance(term, rdflib.Literal):
        value = term.toPython()
        return str(term) if isinstance(value, rdflib.Literal) else value
    return str(term)


def _query(dataset: rdflib.Dataset, query: str):
    with warnings.catch_warnings():
        # rdflib 7's Dataset.query reads its own deprecated default_context: a warning about rdflib, not the caller.
        warnings.filterwarnings("ignore", message=r"Dataset\.(default_context|identifier) is deprecated", category=DeprecationWarning)
        return dataset.query(query, initNs=PREFIXES)


def _select(dataset: rdflib.Dataset, query: str, caller: str) -> tuple[list[str], list[dict[str, Any]]]:
    result = _query(dataset, query)
    if result.type == "ASK":
        return ["ask"], [{"ask": bool(result.askAnswer)}]
    if result.type != "SELECT":
        raise ValueError(f"{caller}() takes a SELECT or ASK query, not a {result.type}")
    names = [str(v) for v in result.vars]
    return names, [{name: _python(row[i]) for i, name in enumerate(names)} for row in result]


def rows(dataset: rdflib.Dataset, query: str) -> list[dict[str, Any]]:
    """A SELECT query's rows as dicts of Python values (an unbound variable is None); an ASK's answer as
    [{'ask': bool}]. The project's prefixes need no declaration."""
    return _select(dataset, query, "rows")[1]


def dataframe(dataset: rdflib.Dataset, query: str):
    """The rows of a SELECT query as a pandas DataFrame, one column per variable (pandas must be installed)."""
    try:
        import pandas  # optional: the API needs it only here
    except ImportError as exc:
        raise ImportError("kg.api.dataframe needs pandas: pip install 'landbridge-kg[analysis]' (rows() gives the same "
                          "as dicts)") from exc
    names, found = _select(dataset, query, "dataframe")
    return pandas.DataFrame(found, columns=names)


def _term(value: str | rdflib.term.Node, position: str) -> str:
    """A triple's term in SPARQL syntax: an rdflib term as it is; a string as an IRI, or a prefixed name of the
    project's table (`lb:controls`)."""
    if isinstance(value, rdflib.term.Node):
        if isinstance(value, rdflib.BNode):
            raise ValueError(f"the {position} is a blank node: evidence is kept for named things only")
        return value.n3()
    prefix, colon, local = value.partition(":")
    if colon and prefix in PREFIXES and not local.startswith("//"):
        return rdflib.URIRef(PREFIXES[prefix] + local).n3()
    return rdflib.URIRef(value).n3()


def evidence(dataset: rdflib.Dataset, s, p, o) -> list[dict[str, Any]]:
    """The claims that support one triple, in statement order: for each, the claim IRI and statement id, modality
    (asserted, intended, expected, conditional, recommended, denied), certainty (stated, reported, assessed,
    alleged), the verbatim quote and its character offsets, the document (IRI, title, date), attribution, hedge,
    the words that give the modality, and the later claim that superseded it, if any. Empty when no claim states
    the triple (a fact from the register or the gazetteer is no claim's)."""
    pattern = " ".join((_term(s, "subject"), _term(p, "predicate"), _term(o, "object")))
    found: dict[str, dict[str, Any]] = {}
    for row in rows(dataset, _EVIDENCE % pattern):
        claim = row["claim"]
        record = found.get(claim)
        if record is None:
            found[claim] = record = {
                "claim": claim, "statement": row["statement"],
                "modality": row["modality"].rsplit("#", 1)[-1], "certainty": row["certainty"].rsplit("#", 1)[-1],
                "quote": row["quote"], "start": row["start"], "end": row["end"],
                "document": row["document"], "document_title": row["title"],
                "document_date": None if row["date"] is None else str(row["date"]),
                "attribution": row["attribution"], "hedge": row["hedge"], "modality_cue": row["cue"], "superseded_by": [],
            }
        if row["superseded_by"] and row["superseded_by"] not in record["superseded_by"]:
            record["superseded_by"].append(row["superseded_by"])
    return list(found.values())
