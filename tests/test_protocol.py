"""Reading a request's query string and form body: the same pairs as the standard library's reader, for any bytes."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from server.errors import HTTPProblem
from server.protocol import form_pairs, parse_request

# Bytes a query string is made of: letters, the separators, escapes whole and broken, backslashes, non-ASCII.
_PIECES = st.sampled_from([b"a", b"Z", b"0", b"=", b"&", b"+", b"%", b"%2", b"%41", b"%e2%80%99", b"%E2%80", b"%ZZ", b"%%",
                           b"\\", b"\\x41", b"%5C", b"%5Cx41", b"%00", b"query", b"format", b"\xc3\xa9", b" ", b";"])


def _standard(raw: bytes, where: str):
    try:
        return parse_qsl(raw.decode("ascii"), keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        return f"the {where} is not valid UTF-8"


def _ours(raw: bytes, where: str):
    try:
        return form_pairs(raw, where)
    except HTTPProblem as exc:
        assert exc.status == 400
        return exc.message


@settings(max_examples=300, derandomize=True)
@given(st.lists(_PIECES, max_size=12).map(b"".join))
@example(b"query=SELECT%20%2A%20%7B%7D%20%5Cx41&format=json")
@example(b"query=%5C%25%78%34%31")
def test_form_fields_decode_as_the_standard_library_decodes_them(raw):
    assert _ours(raw, "request body") == _standard(raw, "request body")


@pytest.mark.parametrize("text", ["SELECT * { ?s ?p \"a+b\\\\x41 100%\" }", "ASK { <http://example.org/ü> ?p ?o } # ‘quoted’"])
def test_a_query_comes_back_character_for_character(text):
    assert parse_request("GET", None, urlencode({"query": text}).encode(), b"").query == text
