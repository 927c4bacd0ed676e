"""The Flask app that serves a release: the SPARQL endpoint, linked-data pages, dumps and the dataset's descriptions."""

from __future__ import annotations

import datetime
import functools
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask, Response, g, request
from werkzeug.exceptions import HTTPException

from kg.iris import Iris
from kg.paths import Layout
from kg.release import BuildFolder, Release
from kg.remote import StoreError
from kg.search import SearchIndex
from kg.store import open_store
from kg.store_interface import GraphStore

from . import http
from .access import VALID_HOST
from .config import load_config
from .description import statistics
from .errors import HTTPProblem, problem_response

log = logging.getLogger("server")


@dataclass
class Data:
    """The release the app serves."""

    release: Release
    store: GraphStore  # the release's own pyoxigraph store, or a kg.remote.RemoteStore
    version: str
    built_at: datetime.datetime
    base_iri: str

    @functools.cached_property
    def iris(self) -> Iris:
        """The release's IRI scheme (kg.iris): the endpoint's, the dataset's and every entity's IRI."""
        return Iris(self.base_iri)

    @functools.cached_property
    def stats(self) -> dict:
        """VoID figures, counted on first use (not at every worker's start)."""
        return statistics(self.store)

    @functools.cached_property
    def search(self) -> SearchIndex:
        """The release's search index (kg.search); kg.search.SearchUnavailable, asked again next time, when it has none."""
        return SearchIndex.of(self.release)


def _load(build_dir: Path | None, settings: dict) -> Data:
    release = BuildFolder(Layout(build_dir=build_dir).build).require()
    remote = None
    if settings.get("STORE"):
        remote = {"url": settings["STORE"], "update_url": settings.get("STORE_UPDATE"),
                  "data_url": settings.get("STORE_DATA"), "default_graph": settings.get("STORE_DEFAULT_GRAPH"),
                  # a little past the query timeout: the server's own timeout answers first
                  "timeout": settings["QUERY_TIMEOUT"] + 5 if settings["QUERY_TIMEOUT"] > 0 else None,
                  # and the store itself stops the query a second later, where it can be told to
                  "query_timeout": settings["QUERY_TIMEOUT"] + 1 if settings["QUERY_TIMEOUT"] > 0 else None}
    store = open_store(release, remote, memory_up_to=settings["MEMORY_STORE_QUADS"])
    return Data(release, store, release.version, release.built_at, release.base_iri)


def _compress(response: Response) -> None:
    """gzip a whole response the client accepts compressed, as the query path does (server.http)."""
    if response.status_code < 200 or response.status_code in (204, 206, 304) or "Content-Encoding" in response.headers:
        return
    response.vary.add("Accept-Encoding")
    generated = response.is_streamed and not response.direct_passthrough  # an answer made as it is sent
    if not http.wants_gzip(request.environ) or response.mimetype not in http.COMPRESSIBLE or generated:
        return
    response.direct_passthrough = False  # a file sent as it is: read it to compress it
    body = response.get_data()
    if not http.compressible(response.mimetype, len(body)):
        return
    response.set_data(http.gzip(body))
    response.headers["Content-Encoding"] = "gzip"


def _tile_origin(template: str | None) -> str:
    """The origin of the map's tile server (KG_MAP_TILES), which pages may load images from; '' if none."""
    from urllib.parse import urlsplit

    parts = urlsplit((template or "").strip().replace("{s}", "a"))
    return f"{parts.scheme}://{parts.netloc.replace('a.', '*.', 1) if parts.netloc.startswith('a.') else parts.netloc}" \
        if parts.scheme in ("http", "https") and parts.netloc else ""


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """A new app over the current build; settings layered as in server.config."""
    settings = load_config(config)
    app = Flask(__name__)
    app.config.update(settings)
    app.config["MAX_CONTENT_LENGTH"] = settings["MAX_BODY_BYTES"]
    build_dir = Path(settings["BUILD_DIR"]) if settings["BUILD_DIR"] else None
    app.extensions["kg"] = _load(build_dir, settings)

    from .dataset import bp as dataset_bp
    from .exports import bp as exports_bp
    from .health import bp as health_bp
    from .pages import bp as pages_bp
    from .query import QueryEndpoint
    from .search import bp as search_bp
    from .sparql import bp as sparql_bp

    app.register_blueprint(sparql_bp)
    app.register_blueprint(exports_bp)
    app.register_blueprint(pages_bp)
    app.register_blueprint(dataset_bp)
    app.register_blueprint(health_bp)
    app.register_blueprint(search_bp)
    app.extensions["nav"] = []  # (endpoint, label) of further views, in the order the menu shows them
    from .views import bp as views_bp
    app.register_blueprint(views_bp)
    app.extensions["nav"] += [("views.map_page", "Map"), ("views.timeline", "Timeline")]

    @app.context_processor
    def _page_context() -> dict:
        data = app.extensions["kg"]
        return {"nav_extra": app.extensions["nav"], "kg_built_at": data.built_at.strftime("%Y-%m-%d %H:%M UTC"),
                "kg_release": data.release.name, "base_iri": data.base_iri}
    app.wsgi_app = QueryEndpoint(app.wsgi_app, app.extensions["kg"], app.config)  # type: ignore[method-assign]
    if settings["PROXY_HOPS"] > 0:  # outermost: every layer sees the client's address, host and scheme
        from werkzeug.middleware.proxy_fix import ProxyFix

        hops = settings["PROXY_HOPS"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]
    tile_origin = _tile_origin(app.config["MAP_TILES"])

    @app.before_request
    def _start() -> None:
        g.started = time.perf_counter()
        host = request.environ.get("HTTP_HOST")
        if host is not None and not VALID_HOST.match(host):
            raise HTTPProblem(400, "the Host header is not a host name or address with an optional port")

    @app.after_request
    def _finish(response: Response) -> Response:
        for name, value in http.response_headers(request.path, response.mimetype, tile_origin):
            response.headers.setdefault(name, value)
        _compress(response)
        elapsed = time.perf_counter() - g.get("started", time.perf_counter())
        http.record(request.method, request.path, request.url_rule.rule if request.url_rule else "(no route)",
                    response.status_code, elapsed)
        return response

    @app.errorhandler(HTTPProblem)
    def _problem(exc: HTTPProblem) -> Response:
        return problem_response(exc.status, exc.message, request.accept_mimetypes, exc.headers)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> Response:
        headers = {k: v for k, v in exc.get_headers() if k.lower() == "allow"}
        return problem_response(exc.code or 500, exc.description or exc.name, request.accept_mimetypes, headers)

    @app.errorhandler(StoreError)
    def _store(exc: StoreError) -> Response:
        log.warning("%s", exc)
        return problem_response(502, f"the SPARQL store behind this server failed: {exc}", request.accept_mimetypes)

    @app.errorhandler(UnicodeError)
    def _undecodable(exc: UnicodeError) -> Response:
        return problem_response(400, "the request's URL or form is not valid UTF-8", request.accept_mimetypes)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.path)
        return problem_response(500, "internal error; it has been logged", request.accept_mimetypes)

    return app
