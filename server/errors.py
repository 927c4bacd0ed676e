"""One error shape for every route: plain text, or JSON when the client prefers it."""

from __future__ import annotations

import json

from flask import Response
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import HTTP_STATUS_CODES

from kg.errors import KGError


class HTTPProblem(KGError):
    """A client-facing error with its status, message and extra headers."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def problem_response(status: int, message: str, accept: MIMEAccept, headers: dict[str, str] | None = None) -> Response:
    """The error as JSON if the client prefers JSON to plain text, else as plain text."""
    title = HTTP_STATUS_CODES.get(status, "Error")
    wants_json = accept.best_match(["text/plain", "application/json"], default="text/plain") == "application/json"
    if wants_json:
        body = json.dumps({"error": {"status": status, "title": title, "message": message}}) + "\n"
        response = Response(body, status=status, mimetype="application/json")
    else:
        response = Response(f"{status} {title}: {message}\n", status=status, mimetype="text/plain")
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response
