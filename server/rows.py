"""Counting the rows of a SELECT result from its serialized bytes: a whole answer at once (`count_rows`), or chunk
by chunk as a long one streams (`counter`).

Both read the bytes at C speed (bytes methods, no Python loop over rows), so the access log and the row-cap
header cost nothing like parsing the result back. A whole answer is counted with byte counts alone wherever the
format allows it; a stream needs the string-by-string reading of the chunk counters.
"""

from __future__ import annotations

import re


class RowCounter:
    """Rows seen so far; `feed` every chunk in order, then read `rows`."""

    def feed(self, chunk: bytes) -> None:
        raise NotImplementedError

    @property
    def rows(self) -> int:
        raise NotImplementedError


class _Occurrences(RowCounter):
    """Rows = occurrences of a marker that cannot appear inside a value, minus a fixed offset."""

    def __init__(self, marker: bytes, offset: int = 0):
        self._marker = marker
        self._offset = offset
        self._seen = 0
        self._carry = b""  # the end of the previous chunk, in case a marker straddles two

    def feed(self, chunk: bytes) -> None:
        data = self._carry + chunk
        self._seen += data.count(self._marker)
        self._carry = data[-(len(self._marker) - 1):] if len(self._marker) > 1 else b""

    @property
    def rows(self) -> int:
        return max(0, self._seen - self._offset)


class _CsvRows(RowCounter):
    """Line ends outside double quotes (a quoted value may hold line breaks), minus the header."""

    def __init__(self) -> None:
        self._inside = False
        self._lines = 0

    def feed(self, chunk: bytes) -> None:
        for i, part in enumerate(chunk.split(b'"')):
            if i:
                self._inside = not self._inside
            if not self._inside:
                self._lines += part.count(b"\n")

    @property
    def rows(self) -> int:
        return max(0, self._lines - 1)


class _JsonRows(RowCounter):
    """Objects that open the bindings array or follow a comma in it, outside strings.

    Outside strings, SPARQL JSON results have `{` after `[` or `,` only where a solution starts:
    term objects follow a colon. Escapes are dropped first (`\\` then `\"`), so that every
    remaining double quote opens or closes a string.
    """

    def __init__(self) -> None:
        self._carry = b""
        self._inside = False
        self._rows = 0

    def feed(self, chunk: bytes) -> None:
        data = self._carry + chunk
        self._carry = b""
        if data.endswith(b"\\"):  # an escape may continue in the next chunk
            cut = len(data.rstrip(b"\\"))
            data, self._carry = data[:cut], data[cut:]
        parts = data.replace(b"\\\\", b"").replace(b'\\"', b"").split(b'"')
        outside = parts[1::2] if self._inside else parts[0::2]
        if len(parts) % 2 == 0:
            self._inside = not self._inside
        text = b"".join(outside)
        if not self._inside and text.endswith((b"[", b",")) and not self._carry:
            # a bracket whose brace is still to come: count it with the next chunk
            if data.endswith((b"[", b",")):
                text, self._carry = text[:-1], data[-1:]
        self._rows += text.count(b"[{") + text.count(b",{")

    @property
    def rows(self) -> int:
        return self._rows


# In the JSON the engine writes, a double quote inside a string is always escaped. So `{"` occurs inside a string
# only where the string ends in `{`, and then its closing quote is followed by `}` or `,`, where a row's first
# variable name would begin. Where no string ends so and there is no `{}` (an empty solution, or a string holding
# one), every row but the first opens with `,{"` and the first with `[{"`: two byte counts give the rows.
_JSON_AMBIGUOUS = re.compile(rb'\{(?:\}|"[},])')


def _json_rows(data: bytes) -> int:
    if _JSON_AMBIGUOUS.search(data) is None:
        return data.count(b',{"') + (b'[{"' in data)
    rows = _JsonRows()  # only reading string by string tells them apart
    rows.feed(data)
    return rows.rows


def count_rows(format_name: str, data: bytes) -> int | None:
    """The rows of a whole serialized SELECT result (None for formats that carry no rows)."""
    if format_name == "json":
        return _json_rows(data)
    if format_name == "xml":
        return data.count(b"<result>")  # `<` is escaped in XML text
    if format_name == "tsv":
        return max(0, data.count(b"\n") - 1)  # a header line, then one line per row (values escape line breaks)
    rows = counter(format_name)
    if rows is None:
        return None
    rows.feed(data)
    return rows.rows


def counter(format_name: str) -> RowCounter | None:
    """A row counter for a results format, or None for formats that carry no rows."""
    if format_name == "json":
        return _JsonRows()
    if format_name == "xml":
        return _Occurrences(b"<result>")
    if format_name == "tsv":
        return _Occurrences(b"\n", offset=1)  # a header line, then one line per row
    if format_name == "csv":
        return _CsvRows()
    return None


_JSON_ROW = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[,]\{')
_CSV_RECORD_END = re.compile(rb'"(?:[^"]|"")*"|\r?\n')
_CLOSING = {"json": b"]}}", "xml": b"</results></sparql>"}


def first_rows(format_name: str, data: bytes, rows: int) -> bytes:
    """The first `rows` rows of a serialized SELECT result (more were written), closed as the format
    requires: what the result would have been with only those rows."""
    if format_name == "xml":
        at = -1
        for _ in range(rows + 1):
            at = data.index(b"<result>", at + 1)
        return data[:at] + _CLOSING["xml"]
    if format_name == "json":
        seen = 0
        for match in _JSON_ROW.finditer(data):
            if match.group().startswith(b'"'):
                continue  # a string: may hold anything
            seen += 1
            if seen == rows + 1:  # the start of the first row past the cap: '[{' or ',{'
                cut = match.start() + 1 if match.group().startswith(b"[") else match.start()
                return data[:cut] + _CLOSING["json"]
        raise ValueError("fewer rows than expected in the JSON result")
    if format_name == "tsv":  # a header line, then one line per row (TSV escapes line breaks in values)
        at = -1
        for _ in range(rows + 1):
            at = data.index(b"\n", at + 1)
        return data[:at + 1]
    if format_name == "csv":  # a header line, then one record per row; quoted values may hold line breaks
        seen = 0
        for match in _CSV_RECORD_END.finditer(data):
            if match.group().startswith(b'"'):
                continue
            seen += 1
            if seen == rows + 1:
                return data[:match.end()]
        raise ValueError("fewer rows than expected in the CSV result")
    raise ValueError(f"no rows in {format_name}")
