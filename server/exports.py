"""Tables a spreadsheet opens: /facts.csv (every fact of the default graph) and /id/<x>.csv (one entity's).

One labelled row per fact and asserted claim behind it (kg.fact_table): subject, property and object with
their labels and IRIs, when it held, certainty, who the source says it comes from, document, quote and claim.
UTF-8 with a byte-order mark, CRLF line ends; offered as a download named after what it holds.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, request

from kg.fact_table import fact_rows, to_csv

from . import http
from .describe import exists, valid_iri
from .iris import iri_for

bp = Blueprint("exports", __name__)

MEDIA_TYPE = "text/csv; charset=utf-8; header=present"


def _csv(rows: list[dict[str, str]], name: str, key: str) -> Response:
    data = current_app.extensions["kg"]
    response = Response(to_csv(rows), mimetype="text/csv")
    response.headers["Content-Type"] = MEDIA_TYPE
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    tag = http.etag(data.version, key)
    response.headers["ETag"] = tag
    response.headers["Last-Modified"] = http.http_date(data.built_at)
    if http.not_modified(request.environ, tag, data.built_at):
        response.status_code = 304
        response.set_data(b"")
    return response


@bp.route("/facts.csv")
def facts() -> Response:
    """Every fact of the default graph (what the sources assert, current), one row per fact and claim."""
    return _csv(fact_rows(current_app.extensions["kg"].store), "landbridge-facts.csv", "facts.csv")


@bp.route("/id/<path:rest>.csv")
def entity_facts(rest: str) -> Response:
    """The facts of the default graph whose subject or object is this IRI, one row per fact and claim."""
    data = current_app.extensions["kg"]
    iri = iri_for("id/" + rest, data.base_iri)
    if not valid_iri(iri) or not exists(data.store, iri):
        abort(404, f"no IRI {iri!r} in this graph")
    name = rest.replace("/", "-")
    return _csv(fact_rows(data.store, iri), f"landbridge-{name}-facts.csv", "csv|" + iri)
