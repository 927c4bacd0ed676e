"""What a query may not do on a public endpoint: federate to arbitrary services, or update."""

from __future__ import annotations

import re

# Comments, strings and IRIs are blanked before keywords are looked for, so a keyword inside
# them (a label "Service", an IRI …/service) is not mistaken for one.
_TOKENS = re.compile(
    r'''"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
    r'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|#[^\n]*''',
)
_SERVICE = re.compile(r"(?<![\w?$:])SERVICE(?:\s+SILENT)?\s*(<[^>]*>|[?$]\w+|[\w-]*:[\w-]*)", re.I)
_UPDATE = re.compile(
    r"(?<![\w?$:])(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)(?![\w:-])", re.I
)


def blank_literals(query: str) -> tuple[str, list[str]]:
    """The query with strings, IRIs and comments replaced by placeholders, and the IRIs in order."""
    iris: list[str] = []

    def repl(match: re.Match[str]) -> str:
        text = match.group(0)
        if text.startswith("<"):
            iris.append(text[1:-1])
            return f"<{len(iris) - 1}>"
        return " " if text.startswith("#") else '""'

    return _TOKENS.sub(repl, query), iris


def service_targets(query: str) -> list[str]:
    """The endpoints named by SERVICE clauses; a variable endpoint is returned as '?var'."""
    blanked, iris = blank_literals(query)
    targets = []
    for match in _SERVICE.finditer(blanked):
        target = match.group(1)
        if target.startswith("<"):
            targets.append(iris[int(target[1:-1])])
        else:
            targets.append(target)
    return targets


def looks_like_update(text: str) -> bool:
    """True when the text reads as a SPARQL Update rather than a query."""
    blanked, _ = blank_literals(text)
    head = re.sub(r"(?is)^\s*((BASE|PREFIX)\s+[^<]*<\d+>\s*)*", "", blanked)
    return bool(_UPDATE.match(head.lstrip()))
