"""What a query may not do on a public endpoint (federate anywhere, update) and how its size is capped."""

from __future__ import annotations

import functools
import re

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
