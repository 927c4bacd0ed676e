"""Hostile requests for the fuzz tests and the long fuzz script: one generator, two drivers, and the request target
both send a generated path as."""

from __future__ import annotations

import urllib.parse

from hypothesis import strategies as st

ROUTES = ["/sparql", "/", "/id/kataib-hezbollah", "/id/claim/000-004", "/id/document/000", "/graph/provenance",
          "/dumps/landbridge.ttl.gz", "/ontology", "/shapes", "/.well-known/void", "/void.ttl", "/validation",
          "/browse", "/healthz", "/metrics", "/map", "/timeline", "/context.jsonld", "/static/style.css"]
TRAVERSALS = ["/dumps/../manifest.json", "/dumps/..%2Fmanifest.json", "/dumps/%2e%2e/manifest.json",
              "/static/../../../etc/passwd", "/static/..%2f..%2f..%2fetc%2fpasswd", "/id/../../etc/passwd",
              "/id/..%2F..%2Fmanifest.json", "/graph/%2e%2e/%2e%2e/etc/passwd", "/ontology/../../manifest.json",
              "/dumps/%00", "/id/%00", "/static/%c0%ae%c0%ae/etc/passwd", "//etc/passwd", "/dumps//etc/passwd"]
METHODS = ["GET", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"]
CONTENT_TYPES = ["application/sparql-query", "application/sparql-update", "application/x-www-form-urlencoded",
                 "application/sparql-query; charset=latin-1", "application/x-www-form-urlencoded; charset=utf-16",
                 "multipart/form-data; boundary=x", "text/plain", "application/json", "", "a/b/c", ";;;", "\x7f"]
ACCEPTS = ["*/*", "text/html", "application/sparql-results+json", "text/turtle;q=0", "image/png", "a/b;q=x",
           "*/*;q=0", "text/csv, text/tsv;q=0.5", ",,,", "application/ld+json;q=1.5", "\u00e9/\u00e9"]
QUERIES = ["SELECT * { ?s ?p ?o } LIMIT 3", "ASK {}", "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 2", "DESCRIBE <x:y>",
           "SELECT", "SELECT * {", "INSERT DATA { <a:b> <a:b> <a:b> }", "DELETE WHERE { ?s ?p ?o }", "LOAD <http://127.0.0.1/x>",
           "CLEAR ALL", "SELECT * { SERVICE <http://169.254.169.254/> { ?s ?p ?o } }", "PREFIX : <" + "a" * 300 + "> ASK {}",
           "SELECT * " + "{ " * 200 + "}" * 200, "SELECT * { " + "OPTIONAL { ?a ?b ?c " * 60 + "}" * 61,
           "SELECT ?x { BIND(" + "(" * 300 + "1" + ")" * 300 + " AS ?x) }", "SELECT * { ?s ?p \"\\uD800\" }"]

text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
raw = st.binary(max_size=400)


@st.composite
def requests(draw) -> dict:
    """A request: method, path with query string, headers and body, each possibly hostile."""
    method = draw(st.sampled_from(METHODS))
    path = draw(st.one_of(st.sampled_from(ROUTES), st.sampled_from(TRAVERSALS),
                          text.map(lambda t: "/" + t.replace("?", "").replace("#", "")),
                          st.sampled_from(["/id/", "/graph/", "/dumps/", "/static/"]).flatmap(
                              lambda p: text.map(lambda t: p + t.replace("?", "").replace("#", "")))))
    params = draw(st.lists(st.tuples(st.sampled_from(["query", "update", "format", "output", "results", "default-graph-uri",
                                                      "named-graph-uri", "class", "url", "callback", "query"]),
                                     st.one_of(st.sampled_from(QUERIES), text)), max_size=4))
    body = draw(st.one_of(st.just(b""), raw, st.sampled_from(QUERIES).map(str.encode),
                          st.sampled_from(QUERIES).map(lambda q: b"query=" + q.encode()),
                          st.just(b"\xff\xfe\xc3\x28 invalid utf-8 \xed\xa0\x80")))
    headers = {"Accept": draw(st.sampled_from(ACCEPTS)), "Content-Type": draw(st.sampled_from(CONTENT_TYPES))}
    if draw(st.booleans()):
        headers["Accept-Encoding"] = draw(st.sampled_from(["gzip", "gzip;q=0", "br, deflate", "identity;q=0, *;q=0"]))
    if draw(st.booleans()):
        headers["If-None-Match"] = draw(st.sampled_from(['*', 'W/"x"', '"', "W/", ",,"]))
    if draw(st.booleans()):
        headers["If-Modified-Since"] = draw(st.sampled_from(["yesterday", "Mon, 99 Foo 2024 99:99:99 GMT", ""]))
    if draw(st.booleans()):
        headers["User-Agent"] = draw(text)
    raw_query = draw(st.one_of(st.just(None), raw))  # a query string that may not even be valid UTF-8
    return {"method": method, "path": path, "params": params, "raw_query": raw_query, "headers": headers, "body": body}


def request_target(path: str) -> str:
    """The request target an HTTP client sends for a path: UTF-8, percent-encoded but for the characters a path may
    carry as they are (RFC 3986 pchar and "/"; a "%" is left as written, malformed or not). `//\ufff9` is sent as
    `//%EF%BF%B9`, which the server reads back, percent-decoded, as the path it was."""
    return urllib.parse.quote(path, safe="/%:@!$&'()*+,;=-._~")
