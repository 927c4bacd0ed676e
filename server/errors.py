"""One error shape for every route: plain text, or JSON when the client prefers it (a page for browsers)."""

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


def problem_body(status: int, message: str, accept: MIMEAccept) -> tuple[str, bytes]:
    """Media type and body of an error: JSON if the client prefers JSON to plain text."""
    title = HTTP_STATUS_CODES.get(status, "Error")
    if accept.best_match(["text/plain", "application/json"], default="text/plain") == "application/json":
        body = json.dumps({"error": {"status": status, "title": title, "message": message}}) + "\n"
        return "application/json", body.encode()
    return "text/plain; charset=utf-8", f"{status} {title}: {message}\n".encode()


def wants_page(accept: MIMEAccept) -> bool:
    """A browser: HTML preferred to plain text and JSON."""
    return accept.best_match(["text/plain", "application/json", "text/html"]) == "text/html" and \
        accept["text/html"] > max(accept["text/plain"], accept["application/json"])


def problem_response(status: int, message: str, accept: MIMEAccept, headers: dict[str, str] | None = None) -> Response:
    """The error as a response in the one error shape (a page of it for browsers)."""
    if wants_page(accept):
        from flask import render_template

        title = HTTP_STATUS_CODES.get(status, "Error")
        mimetype, body = "text/html; charset=utf-8", render_template("error.html", status=status, title=title,
                                                                      message=message).encode()
    else:
        mimetype, body = problem_body(status, message, accept)
    response = Response(body, status=status, content_type=mimetype)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def problem_http(status: int, message: str, accept: MIMEAccept, headers: dict[str, str]) -> bytes:
    """The same error as raw HTTP/1.1 bytes, for writing straight to a client socket."""
    mimetype, body = problem_body(status, message, accept)
    lines = [f"HTTP/1.1 {status} {HTTP_STATUS_CODES.get(status, 'Error')}", f"Content-Type: {mimetype}",
             f"Content-Length: {len(body)}", "Connection: close", "Access-Control-Allow-Origin: *"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body
