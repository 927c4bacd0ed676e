"""/healthz (alive, data loaded, which build) and /metrics (Prometheus text format)."""

from __future__ import annotations

import json

from flask import Blueprint, Response, current_app

from kg import __version__

from .metrics import exposition

bp = Blueprint("health", __name__)


@bp.route("/healthz")
def healthz() -> Response:
    data = current_app.extensions["kg"]
    try:
        loaded = bool(data.store.query("ASK { ?s ?p ?o }"))
    except (OSError, RuntimeError):
        loaded = False
    body = {"status": "ok" if loaded else "no data", "data_loaded": loaded, "release": data.release.name,
            "built_at": data.built_at.isoformat(), "inputs_sha256": data.release.inputs_digest, "version": __version__}
    response = Response(json.dumps(body) + "\n", status=200 if loaded else 503, mimetype="application/json")
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/metrics")
def metrics() -> Response:
    body, content_type = exposition()
    response = Response(body, content_type=content_type)
    response.headers["Cache-Control"] = "no-store"
    return response
