"""What a query may not do on a public endpoint (federate anywhere, update) and how its size is capped."""

from __future__ import annotations

import functools
import ipaddress
import re
import socket
import urllib.parse

# Comments, strings and IRIs are masked (same length, so positions still match the query)
# before keywords are looked for: a keyword inside them is not one.
_TOKENS = re.compile(
    r'''"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
    r'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|#[^\n]*''',
)
_SERVICE = re.compile(r"(?<![\w?$:])SERVICE(?:\s+SILENT)?\s*(<\s*>|[?$]\w+|[\w-]*:[\w-]*)", re.I)
_UPDATE = re.compile(r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)(?![\w:-])", re.I)
_PROLOGUE = re.compile(r"^\s*(?:(?:BASE|PREFIX)\s+(?:[\w-]*:\s*)?<\s*>\s*)*", re.I)
_FORM = re.compile(r"(SELECT|CONSTRUCT|DESCRIBE|ASK)(?![\w:-])", re.I)
_LIMIT = re.compile(r"(?<![\w?$:])LIMIT\s+(\d+)", re.I)
_VALUES = re.compile(r"(?<![\w?$:])VALUES(?![\w:-])", re.I)


@functools.lru_cache(maxsize=64)  # one request inspects its query several times
def mask(query: str) -> str:
    """The query with strings, IRIs and comments blanked to spaces between their delimiters."""

    def repl(match: re.Match[str]) -> str:
        text = match.group(0)
        if text.startswith("#"):
            return " " * len(text)
        return text[0] + " " * (len(text) - 2) + text[-1]

    return _TOKENS.sub(repl, query)


def service_targets(query: str) -> list[str]:
    """The endpoints named by SERVICE clauses; a variable or prefixed-name endpoint as written."""
    masked = mask(query)
    return [query[m.start(1):m.end(1)] if m.group(1).startswith("<") else m.group(1)
            for m in _SERVICE.finditer(masked)]


def service_iri(target: str) -> str:
    return target[1:-1] if target.startswith("<") else target


def query_form(text: str) -> str | None:
    """SELECT, CONSTRUCT, DESCRIBE or ASK, or None when the text is not a query."""
    masked = mask(text)
    body = masked[_PROLOGUE.match(masked).end():]
    match = _FORM.match(body)
    return match.group(1).upper() if match else None


def looks_like_update(text: str) -> bool:
    """True when the text reads as a SPARQL Update rather than a query."""
    masked = mask(text)
    return bool(_UPDATE.match(masked[_PROLOGUE.match(masked).end():]))


_BRACES = re.compile(r"[{}]")


def _top_level(masked: str, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """Matches outside any braces."""
    matches = list(pattern.finditer(masked))
    if not matches:
        return []
    braces = [(m.start(), 1 if m.group() == "{" else -1) for m in _BRACES.finditer(masked)]
    out, depth, i = [], 0, 0
    for match in matches:
        while i < len(braces) and braces[i][0] < match.start():
            depth += braces[i][1]
            i += 1
        if depth == 0:
            out.append(match)
    return out


def cap_rows(query: str, max_rows: int) -> tuple[str, bool]:
    """A SELECT limited to max_rows; True when the cap (not the query's own LIMIT) may bind."""
    if max_rows <= 0 or query_form(query) != "SELECT":
        return query, False
    masked = mask(query)
    limits = _top_level(masked, _LIMIT)
    if limits:
        last = limits[-1]
        if int(last.group(1)) <= max_rows:
            return query, False
        return query[:last.start(1)] + str(max_rows) + query[last.end(1):], True
    values = _top_level(masked, _VALUES)
    # A trailing VALUES block follows the solution modifiers; the LIMIT goes before it.
    at = values[-1].start() if values and masked[:values[-1].start()].rstrip().endswith("}") else len(query)
    return query[:at] + f"\nLIMIT {max_rows}\n" + query[at:], True


def _blocked_address(address: str) -> str | None:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for test, what in ((ip.is_unspecified, "unspecified"), (ip.is_loopback, "loopback"),
                       (ip.is_link_local, "link-local (cloud metadata)"), (ip.is_multicast, "multicast"),
                       (ip.is_private, "private"), (ip.is_reserved, "reserved")):
        if test:
            return f"{address} is a {what} address"
    return None


def unsafe_destination(iri: str, resolve=socket.getaddrinfo) -> str | None:
    """Why the server must not send a request to this IRI, or None when it may.

    Only http(s) to a host whose every address is public: never loopback, link-local (which
    holds cloud metadata services), private ranges, or file: and other schemes. The host is
    resolved here; a name that resolves differently later (DNS rebinding) is beyond this check.
    """
    parts = urllib.parse.urlsplit(iri)
    if parts.scheme not in ("http", "https"):
        return f"the scheme {parts.scheme or '(none)'!r} is not allowed; only http and https"
    host = parts.hostname
    if not host:
        return "the IRI has no host"
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return "the IRI has an invalid port"
    try:
        infos = resolve(host, port, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return f"the host {host!r} does not resolve"
    for info in infos:
        reason = _blocked_address(info[4][0])
        if reason:
            return f"{host} resolves to {reason}"
    return None


def on_allow_list(iri: str, allowed: list[str]) -> bool:
    """True when the IRI is under one of the allowed endpoint prefixes: same scheme, host and port, and a
    path that starts with the prefix's path (so `https://a.org` does not admit `https://a.org.evil.net`)."""
    target = urllib.parse.urlsplit(iri)
    for prefix in allowed:
        p = urllib.parse.urlsplit(prefix)
        try:
            same_origin = (target.scheme, target.hostname, target.port) == (p.scheme, p.hostname, p.port)
        except ValueError:
            return False
        if same_origin and target.path.startswith(p.path or "/"):
            return True
    return False
