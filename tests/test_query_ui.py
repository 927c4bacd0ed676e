"""The query UI at /sparql, as a browser gets it: YASGUI from our own origin, the competency
questions as examples, the vendored files served right, and the machine-readable answers
of /sparql unchanged. (What the page does once its scripts run is for the browser tests.)"""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import rdflib

from kg.paths import PROJECT_ROOT, Layout
from server import create_app

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
STATIC = PROJECT_ROOT / "server" / "static"
VENDOR = STATIC / "vendor"
HOST = "localhost"  # the test client's origin
QUERIES = sorted((Layout().ontology_dir / "queries").glob("[0-9][0-9]-*.rq"))


class Page(HTMLParser):
    """The tags of a page with their attributes, and the text of each <script> by id."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: dict[str, str] = {}
        self._script: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if tag == "script":
            self._script = attributes.get("id", "")
            self.scripts.setdefault(self._script, "")

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self.scripts[self._script] += data

    def find(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k.replace("_", "-")) == v for k, v in wanted.items())]


@pytest.fixture(scope="module")
def client(built):
    return create_app({"BUILD_DIR": str(built.build), "TESTING": True}).test_client()


@pytest.fixture(scope="module")
def page_html(client) -> str:
    r = client.get("/sparql", headers={"Accept": BROWSER})
    assert r.status_code == 200 and r.mimetype == "text/html"
    return r.get_data(as_text=True)


@pytest.fixture(scope="module")
def page(page_html) -> Page:
    return Page(page_html)


def test_the_page_opens_yasgui_from_our_static_vendor_folder(page, page_html):
    scripts = [a["src"] for a in page.find("script") if "src" in a]
    # the search box's script, which every page has, then the UI's
    assert scripts == ["/static/search.js", "/static/vendor/yasgui/yasgui.min.js", "/static/sparql-ui.js"]
    sheets = [a["href"] for a in page.find("link", rel="stylesheet")]
    assert "/static/vendor/yasgui/yasgui.min.css" in sheets and "/static/style.css" in sheets
    # the site's own page: the common header and menu of base.html
    assert page.find("header", **{"class": "site"}) and page.find("a", href="/sparql")
    for testid in ("query-ui", "examples", "yasgui", "share-link", "share-copy"):
        assert len(page.find("nav", data_testid=testid) + page.find("div", data_testid=testid)
                   + page.find("a", data_testid=testid) + page.find("button", data_testid=testid)) == 1, testid
    assert "<title>SPARQL query" in page_html


def test_the_page_says_what_the_endpoint_is_and_links_the_description(client, page_html, page):
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page_html))
    # The endpoint's public IRI, under the release's base, whatever address the page was asked at.
    assert "read-only SPARQL 1.1 endpoint at https://landbridge-kg.org/sparql" in text
    assert "merge of" in text and "named graphs" in text
    assert "SPARQL Update and SERVICE federation are refused" in text
    for fmt, media in (("turtle", "text/turtle"), ("jsonld", "application/ld+json"), ("rdfxml", "application/rdf+xml")):
        assert page.find("a", href=f"/sparql?format={fmt}"), fmt
        r = client.get(f"/sparql?format={fmt}", headers={"Accept": BROWSER})
        assert r.status_code == 200 and r.mimetype == media


def test_nothing_on_the_page_or_in_its_script_comes_from_another_origin(page, page_html):
    for tag, attributes in page.tags:
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            value = attributes.get(name)
            if value is None:
                continue
            parts = urlsplit(value)
            assert not parts.netloc or parts.netloc == HOST, f"<{tag} {name}={value!r}>"
            if value == "data:,":  # the empty favicon: makes no request at all
                continue
            assert parts.scheme in ("", "http", "https"), f"<{tag} {name}={value!r}>"
    # The UI's settings hold IRIs (the base, namespaces, prefixes): names, not addresses to load.
    config = json.loads(page.scripts["query-ui-config"])
    assert config["endpoint"] == "/sparql"
    without_config = page_html.replace(page.scripts["query-ui-config"], "")
    for url in re.findall(r"(?:https?:)?//[\w.-]+", without_config):  # the endpoint's public IRI is a name in text
        assert urlsplit(url).netloc in (HOST, "landbridge-kg.org"), url
    assert "@import" not in without_config and "url(" not in without_config
    script = (STATIC / "sparql-ui.js").read_text()
    assert re.findall(r"https?://|(?<![:\w])//[\w-]+\.[\w.-]+/", script) == []


def test_the_vendored_stylesheets_load_nothing_from_elsewhere():
    for css in (VENDOR / "yasgui" / "yasgui.min.css", VENDOR / "leaflet" / "leaflet.css"):
        text = css.read_text()
        assert "@import" not in text
        for ref in re.findall(r"url\(\s*['\"]?([^'\")]*)", text):
            assert ref.startswith(("images/", "data:", "#")), (css.name, ref)  # leaflet's VML behaviour is "#default#VML"


def test_every_competency_question_is_offered(page):
    assert len(QUERIES) >= 28
    examples = page.find("li", data_testid="example")
    assert [e["data-example-id"] for e in examples] == [q.stem for q in QUERIES]
    links = [a for t, a in page.tags if t == "a" and a.get("href", "").startswith("#query=")]
    assert len(links) == len(QUERIES)
    for path, link in zip(QUERIES, links, strict=True):
        text = path.read_text(encoding="utf-8")
        # the link carries the file's exact query, in the fragment (the query string is the protocol's)
        assert parse_qs(link["href"][1:], keep_blank_values=True)["query"] == [text]
        assert link["title"] == f"ontology/queries/{path.name}"


def test_each_question_is_shown_in_words(page_html):
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page_html)).replace("&#39;", "'").replace("&amp;", "&")
    for path in QUERIES:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# ")
        assert first[2:] in text, path.name


@pytest.mark.parametrize("path,media", [
    ("/static/vendor/yasgui/yasgui.min.js", ("text/javascript", "application/javascript")),
    ("/static/vendor/yasgui/yasgui.min.css", ("text/css",)),
    ("/static/vendor/leaflet/leaflet.js", ("text/javascript", "application/javascript")),
    ("/static/vendor/leaflet/leaflet.css", ("text/css",)),
    ("/static/vendor/leaflet/images/marker-icon.png", ("image/png",)),
    ("/static/vendor/leaflet/images/layers-2x.png", ("image/png",)),
    ("/static/sparql-ui.js", ("text/javascript", "application/javascript")),
])
def test_the_vendored_files_are_served_with_their_content_types(client, path, media):
    r = client.get(path)
    assert r.status_code == 200
    assert r.mimetype in media
    assert r.data == (PROJECT_ROOT / "server" / path.lstrip("/")).read_bytes()


def test_the_vendored_files_are_the_pinned_versions_with_their_licences():
    pins = json.loads((PROJECT_ROOT / "frontend" / "package.json").read_text())["dependencies"]
    versions = json.loads((VENDOR / "versions.json").read_text())
    assert versions["@zazuko/yasgui"] == pins["@zazuko/yasgui"] and versions["leaflet"] == pins["leaflet"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pins["@zazuko/yasgui"]) and re.fullmatch(r"\d+\.\d+\.\d+", pins["leaflet"])
    lock = json.loads((PROJECT_ROOT / "frontend" / "package-lock.json").read_text())["packages"]
    assert lock["node_modules/@zazuko/yasgui"]["version"] == pins["@zazuko/yasgui"]
    assert lock["node_modules/leaflet"]["version"] == pins["leaflet"]
    on_disk = {str(p.relative_to(VENDOR)) for p in VENDOR.rglob("*") if p.is_file() and p.name != "versions.json"}
    assert set(versions["files"]) == on_disk
    for name, digest in versions["files"].items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name
    assert "MIT License" in (VENDOR / "yasgui" / "LICENSE").read_text()
    assert "BSD 2-Clause" in (VENDOR / "leaflet" / "LICENSE").read_text()
    assert "codemirror" in (VENDOR / "yasgui" / "THIRD-PARTY-LICENSES.txt").read_text()


def test_result_links_go_to_pages_of_this_server(client, page):
    config = json.loads(page.scripts["query-ui-config"])
    base = config["base"]
    assert base == "https://landbridge-kg.org/"
    roots = dict(config["localRoots"])
    assert roots[base + "id/"] == "/id/" and roots[base + "graph/"] == "/graph/"
    assert dict(config["namespaces"])["https://landbridge-kg.org/ontology"] == "/ontology"
    assert config["prefixes"]["lb"] == "https://landbridge-kg.org/ontology#" and config["prefixes"]["id"] == base + "id/"
    # where the page's links lead, a page answers
    for path in ("/id/kataib-hezbollah", "/id/document/001", "/graph/provenance"):
        assert client.get(path, headers={"Accept": BROWSER}).status_code == 200, path


def test_the_label_query_the_page_sends_is_answered(client):
    """sparql-ui.js asks for the labels of the IRIs in a result with one SELECT … VALUES, POSTed as
    application/sparql-query; the endpoint answers it with each IRI's rdfs:label."""
    iris = ["https://landbridge-kg.org/id/kataib-hezbollah", "https://landbridge-kg.org/ontology#Militia",
            "http://example.org/unknown"]
    values = " ".join(f"<{i}>" for i in iris)
    query = f"SELECT ?s ?label WHERE {{ VALUES ?s {{ {values} }} ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }}"
    r = client.post("/sparql", data=query, content_type="application/sparql-query",
                    headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200
    labels = {b["s"]["value"]: b["label"]["value"] for b in json.loads(r.data)["results"]["bindings"]}
    assert labels[iris[0]] == "Kataib Hezbollah" and iris[1] in labels and iris[2] not in labels


@pytest.mark.parametrize("accept,fmt,media", [
    ("text/turtle", "turtle", "text/turtle"),
    ("application/ld+json", "json-ld", "application/ld+json"),
    ("application/rdf+xml", "xml", "application/rdf+xml"),
    ("*/*", "turtle", "text/turtle"),
])
def test_programs_still_get_the_service_description(client, accept, fmt, media):
    r = client.get("/sparql", headers={"Accept": accept})
    assert r.status_code == 200 and r.mimetype == media
    g = rdflib.Graph().parse(data=r.data, format=fmt)
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (None, rdflib.RDF.type, sd.Service) in g
    assert "Vary" in r.headers and "ETag" in r.headers


def test_a_query_in_the_query_string_stays_a_protocol_request(client):
    r = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Accept": BROWSER})
    assert r.status_code == 200 and r.mimetype == "application/sparql-results+xml"
    r = client.get("/sparql", query_string={"query": "ASK {}"})
    assert json.loads(r.data) == {"head": {}, "boolean": True}


def test_the_page_is_never_served_stale(client):
    # Its ETag would come from the data only, while the page is also the UI's code: always sent afresh.
    first = client.get("/sparql", headers={"Accept": BROWSER})
    assert "ETag" not in first.headers and first.headers["Cache-Control"] == "no-cache"
    assert client.get("/sparql", headers={"Accept": BROWSER, "If-None-Match": "*"}).status_code == 200


def test_the_vendor_script_is_executable_and_uses_the_lock():
    script = PROJECT_ROOT / "scripts" / "vendor"
    assert script.stat().st_mode & 0o111
    text = script.read_text()
    assert "npm ci" in text and "--ignore-scripts" in text
    assert Path(PROJECT_ROOT / "frontend" / "README.md").is_file()
