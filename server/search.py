"""Search: the results page /search?q= (HTML, or JSON by Accept or `format=json`) and the suggestions the search box
of every page asks for as one types (/search/suggest?q=, JSON). Both read the release's search index (kg.search);
a release without one answers 503, saying so."""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager

from flask import Blueprint, Response, current_app, render_template, request

from kg.search import MAX_QUERY_CHARS, Hit, SearchIndex, SearchUnavailable
from kg.search_index import KINDS

from .errors import HTTPProblem
from .iris import local_path

bp = Blueprint("search", __name__)

PAGE_SIZE = 20
MAX_PAGE = 50  # pages of results one may ask for (?page=)
SUGGESTIONS = 8


def _index() -> SearchIndex:
    try:
        return current_app.extensions["kg"].search
    except SearchUnavailable as exc:
        raise HTTPProblem(503, str(exc)) from None


@contextmanager
def _reading():
    """A damaged index file is the release's fault, not the request's: 503, saying so."""
    try:
        yield
    except sqlite3.Error as exc:
        raise HTTPProblem(503, f"the search index cannot be read ({exc}): run `kg build` again") from None


def _query(strip: bool = True) -> str:
    q = request.args.get("q", "")
    q = q.strip() if strip else q
    if len(q) > MAX_QUERY_CHARS:
        raise HTTPProblem(400, f"the query is {len(q)} characters long; the limit is {MAX_QUERY_CHARS}")
    return q


def _number(name: str, default: int, highest: int) -> int:
    value = request.args.get(name, "")
    if not value:
        return default
    if not value.isdigit() or not 1 <= int(value) <= highest:
        raise HTTPProblem(400, f"{name} must be a whole number from 1 to {highest}")
    return int(value)


def _links(hit: Hit) -> dict[str, str | None]:
    """Where a hit leads here: its page (entity, claim or document) and, for a quote or a passage, its place in the
    document's text."""
    base = current_app.extensions["kg"].base_iri
    page = local_path(hit.iri, base)
    passage = None
    if hit.document and hit.anchor:
        passage = f"{local_path(hit.document, base)}#{hit.anchor}"
    if hit.kind == "passage":
        page = passage
    return {"url": page, "passage_url": passage if hit.kind == "claim" else None}


def _wants_json() -> bool:
    if request.args.get("format"):
        if request.args["format"] not in ("json", "html"):
            raise HTTPProblem(406, "format must be json or html")
        return request.args["format"] == "json"
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    if best is None and request.accept_mimetypes:
        raise HTTPProblem(406, "search results are given as HTML or JSON (application/json)")
    return best == "application/json"


def _json(data: dict | list) -> Response:
    response = Response(json.dumps(data, ensure_ascii=False, indent=1) + "\n", mimetype="application/json")
    response.headers["Vary"] = "Accept"
    return response


@bp.route("/search")
def search() -> Response:
    as_json = _wants_json()
    q = _query()
    kind = request.args.get("kind", "")
    if kind and kind not in KINDS:
        raise HTTPProblem(400, f"kind must be one of: {', '.join(KINDS)}")
    page = _number("page", 1, MAX_PAGE)
    if not q and as_json:
        raise HTTPProblem(400, "give the words to search for: /search?q=Kataib+Hezbollah")
    with _reading():
        results = _index().search(q, PAGE_SIZE, (page - 1) * PAGE_SIZE, (kind,) if kind else ()) if q else None
    if as_json:
        return _json({"query": q, "corrected": results.corrected, "total": results.total, "page": page,
                      "page_size": PAGE_SIZE, "hits": [{**hit.as_json(), **_links(hit)} for hit in results.hits]})
    if results is None:
        _index()  # a release without an index says so here too
    hits = [(hit, _links(hit)) for hit in results.hits] if results else []
    pages = min(MAX_PAGE, -(-results.total // PAGE_SIZE)) if results else 0
    response = Response(render_template("search.html", q=q, results=results, hits=hits, page=page, pages=pages,
                                        kind=kind, kinds=KINDS), mimetype="text/html")
    response.headers["Vary"] = "Accept"
    return response


@bp.route("/search/suggest")
def suggest() -> Response:
    """What the search box offers as one types: entities and documents whose names match (the last word as typed so
    far), each with its page and, when an alias matched, that alias."""
    q = _query(strip=False)  # a space after the last word: it is whole
    with _reading():
        hits = _index().suggest(q, SUGGESTIONS) if q.strip() else []
    return _json([{"label": hit.title, "url": _links(hit)["url"], "kind": hit.kind, "note": hit.note,
                   "matched": hit.snippet if hit.field == "alias" else None} for hit in hits])
