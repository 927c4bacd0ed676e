"""What a query may not do on a public endpoint: call other services (decided by the engine's own parser),
nest deeper than the parser can take, or update. The regular expressions here only read the query for
hints and messages (its form, whether it reads as an update); no decision of safety rests on them."""

from __future__ import annotations

import functools
import ipaddress
import re
import socket
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

# Comments, strings and IRIs are masked (same length, so positions still match the query)
# before keywords are looked for: a keyword inside them is not one.
_TOKENS = re.compile(
    r'''"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
    r'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|#[^\n]*''',
)
_UPDATE = re.compile(r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)(?![\w:-])", re.I)
_PROLOGUE = re.compile(r"^\s*(?:(?:BASE|PREFIX)\s+(?:[\w-]*:\s*)?<\s*>\s*)*", re.I)
_FORM = re.compile(r"(SELECT|CONSTRUCT|DESCRIBE|ASK)(?![\w:-])", re.I)


@functools.lru_cache(maxsize=64)  # one request inspects its query several times
def mask(query: str) -> str:
    """The query with strings, IRIs and comments blanked to spaces between their delimiters."""

    def repl(match: re.Match[str]) -> str:
        text = match.group(0)
        if text.startswith("#"):
            return " " * len(text)
        return text[0] + " " * (len(text) - 2) + text[-1]

    return _TOKENS.sub(repl, query)


# The engine matches keywords in ASCII letters of either case and nothing else: no escape, no other
# Unicode case variant spells SERVICE for it (tests/test_safety.py checks this against the engine).
_SERVICE_WORD = re.compile(r"[Ss][Ee][Rr][Vv][Ii][Cc][Ee]")
# What a SERVICE the allow-list can admit looks like right after the keyword: ASCII white space, SILENT
# perhaps, and an absolute http(s) IRI written without escapes, so its text is the IRI the engine calls.
_PLAIN_TARGET = re.compile(r"[ \t\r\n]+(?:[Ss][Ii][Ll][Ee][Nn][Tt][ \t\r\n]+)?<(https?://[^\x00-\x20<>\"{}|^`\\]+)>")


MAX_NAMED = 8  # refused words tried one by one, to name the endpoint in the message


def _stand_in(query: str, offsets: list[int]) -> str:
    """The query with the word at each offset made into one that is no keyword, case for case and
    letter for letter ("Service" -> "Sxrvicx"): in a string, IRI, name or comment the word stays valid."""
    chars = list(query)
    for at in offsets:
        for i in (at + 1, at + 6):
            chars[i] = "X" if chars[i].isupper() else "x"
    return "".join(chars)


@dataclass(frozen=True)
class ServiceRefusal:
    """Why a query may not run: a SERVICE it may not call (endpoint as written, or None), or, where the
    engine could not parse it at all, its syntax error."""

    endpoint: str | None
    syntax_error: SyntaxError | None = None


def refused_service(query: str, admits: Callable[[str], bool], parse: Callable[[str], None]) -> ServiceRefusal | None:
    """Whether the engine would call a SERVICE endpoint that `admits` does not admit, decided by the
    engine's own parser (`parse` raises SyntaxError unless it parses a text, evaluating nothing).

    Every word spelling SERVICE that is not followed by an endpoint the allow-list admits (a plain
    absolute http(s) IRI, so that its text is what the engine calls) is made into a non-keyword, and
    the engine parses the result: a keyword made into a bare word no longer parses, the word anywhere
    else (a string, IRI, name, comment) still does. So if it parses, every SERVICE the engine would
    evaluate is one the allow-list admits; if not, the query is refused (or was malformed anyway).
    """
    offsets = [m.start() for m in _SERVICE_WORD.finditer(query)]
    if not offsets:
        return None
    refused = []
    for at in offsets:
        target = _PLAIN_TARGET.match(query, at + len("SERVICE"))
        if target is None or not admits(target.group(1)):
            refused.append((at, target.group(1) if target else None))
    if not refused:
        return None
    try:
        parse(_stand_in(query, [at for at, _ in refused]))
    except SyntaxError:
        pass
    else:
        return None
    try:
        parse(query)
    except SyntaxError as exc:  # malformed anyway: the engine's own message says where
        return ServiceRefusal(None, exc)
    for at, endpoint in refused[:MAX_NAMED]:  # name the endpoint: the word whose change alone breaks the query
        try:
            parse(_stand_in(query, [at]))
        except SyntaxError:
            return ServiceRefusal(endpoint)
    return ServiceRefusal(None)


# Brackets open a nested group, expression or blank node; the engine's parser recurses on each, and
# blank-node brackets take it time that grows steeply with depth.
_OPENING, _CLOSING = b"([{", b")]}"


def nesting(query: str) -> tuple[int, int]:
    """How deep brackets nest in the query (strings, IRIs and comments masked) and how deep square ones do.

    Only where the query has more opening brackets than `depth` can the depth exceed it, so a query is
    measured only then (kept cheap for ordinary queries by the caller)."""
    masked = mask(query).encode("utf-8", "surrogatepass")
    depth = deepest = squares = deepest_square = 0
    stack: list[int] = []
    for byte in masked:
        if byte in _OPENING:
            stack.append(byte)
            depth += 1
            deepest = max(deepest, depth)
            if byte == 0x5B:
                squares += 1
                deepest_square = max(deepest_square, squares)
        elif byte in _CLOSING and stack:
            if stack.pop() == 0x5B:
                squares -= 1
            depth -= 1
    return deepest, deepest_square


def opening_brackets(query: str) -> int:
    """Opening brackets anywhere in the text: an upper bound of the nesting depth, found at C speed."""
    return query.count("(") + query.count("[") + query.count("{")


# A prologue written plainly (no comment or string in it: what nearly every client sends), read on the raw text.
_PLAIN_PROLOGUE = re.compile(r"(?:\s*(?:BASE|PREFIX)\s+(?:[\w-]*:\s*)?<[^<>\"{}|^`\\\s]*>)*\s*", re.I)


def _keyword(body: str) -> tuple[str, bool] | None:
    """The keyword the body begins with, and whether it begins an update (None: neither kind)."""
    match = _FORM.match(body)
    if match:
        return match.group(1).upper(), False
    match = _UPDATE.match(body)
    return (match.group(1).upper(), True) if match else None


@functools.lru_cache(maxsize=64)  # a request asks twice: whether it is an update, then its form
def _lead(text: str) -> tuple[str, bool] | None:
    """The query's first keyword after its prologue, and whether it begins an update (None: neither kind).

    Read on the raw text when its prologue is plain and a keyword follows it: masking would change nothing
    there (the prologue's IRIs look alike either way, and a keyword is no string, IRI or comment). Otherwise
    on the masked text."""
    found = _keyword(text[_PLAIN_PROLOGUE.match(text).end():])
    if found is None:
        masked = mask(text)
        found = _keyword(masked[_PROLOGUE.match(masked).end():])
    return found


def query_form(text: str) -> str | None:
    """SELECT, CONSTRUCT, DESCRIBE or ASK, or None when the text is not a query."""
    lead = _lead(text)
    return lead[0] if lead is not None and not lead[1] else None


def looks_like_update(text: str) -> bool:
    """True when the text reads as a SPARQL Update rather than a query."""
    lead = _lead(text)
    return lead is not None and lead[1]


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
