"""Search: the index built with the release, the spellings it tolerates, why each hit matched and where it leads,
the results page and its JSON, the suggestions, search from SPARQL, and a release without an index."""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest

from kg.document_texts import paragraphs
from kg.names import fold, skeleton
from kg.release import Release
from kg.search import SearchIndex
from server import create_app

from .conftest import BASE, select

LBF = "https://landbridge-kg.org/function#"
# The spellings the sources use for one name (the examples): each must find the register entity labelled so.
SPELLINGS = {
    "Kataib Hezbollah": ["Kataib", "Kata'ib", "Kata’ib", "Kataeb", "KATAIB", "Kataib Hizballah", "kataeb hezbollah"],
    "Hezbollah": ["Hezbollah", "Hizballah", "Hizbullah", "hezbollah"],
    "Albu Kamal": ["Albu Kamal", "Abu Kamal", "al-Bukamal", "Albukamal", "Bukamal", "ALBU KAMAL"],
    "Deir ez-Zor": ["Deir ez-Zor", "Deir al-Zor", "Dayr az Zawr", "deir ezzor"],
}
TYPOS = {"Hezbolah": "Hezbollah", "Kataib Hizbolah": "Kataib Hezbollah", "Albu Kamall": "Albu Kamal",
         "Quds Forse": "Quds Force"}


@pytest.fixture(scope="module")
def index(release) -> SearchIndex:
    return SearchIndex.of(Release(release))


@pytest.fixture(scope="module")
def client(built):
    return create_app({"BUILD_DIR": str(built.build)}).test_client()


def entity_labelled(store, label: str) -> str:
    rows = select(store, f'SELECT ?e WHERE {{ ?e <http://www.w3.org/2004/02/skos/core#prefLabel> "{label}"@en }}')
    assert len(rows) == 1, label
    return rows[0]["e"]


def test_the_index_is_a_file_of_the_release_named_in_its_manifest(release):
    r = Release(release)
    assert r.search_index.is_file() and r.search_index.stat().st_size > 0
    assert r.search_index.name == r.manifest["search_index"]


def test_every_entity_document_and_claim_is_indexed(index, store):
    entities = {r["e"] for r in select(store, "SELECT DISTINCT ?e { GRAPH ?g { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } }")}
    claims = {r["c"] for r in select(store, "SELECT ?c { ?c a <https://landbridge-kg.org/ontology#Claim> }")}
    rows = index._db().execute("SELECT kind, iri FROM items").fetchall()
    assert {iri for kind, iri in rows if kind == "entity"} == entities
    assert {iri for kind, iri in rows if kind == "claim"} == claims
    assert {iri for kind, iri in rows if kind == "document"} == {BASE + f"id/document/00{i}" for i in range(5)}


@pytest.mark.parametrize("label", SPELLINGS)
def test_each_spelling_of_a_name_finds_its_entity_first(index, store, label):
    wanted = entity_labelled(store, label)
    for spelling in SPELLINGS[label]:
        results = index.search(spelling, limit=5)
        assert results.hits, spelling
        assert results.hits[0].iri == wanted, (spelling, [h.iri for h in results.hits])


@pytest.mark.parametrize("typo", TYPOS)
def test_a_small_typo_still_finds_the_entity_and_says_what_it_searched_for(index, store, typo):
    results = index.search(typo, limit=5)
    assert results.hits and results.hits[0].iri == entity_labelled(store, TYPOS[typo])
    if results.corrected is not None:  # the words were corrected rather than met by their skeletons
        assert index.search(results.corrected).total == results.total


def test_a_query_with_no_word_or_no_match_finds_nothing(index):
    assert index.search("  -- ’ ").total == 0
    assert index.search("xqzvwj").hits == []


def matches_query(marked: str, query: str) -> bool:
    """Whether highlighted words are words of the query, as folded or by skeleton, or a name of two words."""
    words = {fold(w) for w in query.replace("-", " ").split()} - {"al"}
    keys = {skeleton(w) for w in words} | {skeleton(query)}
    return skeleton(marked) in keys or all(
        fold(w) in words or skeleton(w) in keys for w in re.split(r"[\s\-–]+", marked) if fold(w) != "al")


def test_each_hit_shows_the_words_that_matched_in_its_snippet(index):
    for query in ("Kataeb", "al-Bukamal", "weapons smuggling", "Hizballah"):
        for hit in index.search(query, limit=20).hits:
            assert hit.highlights, (query, hit)
            marked = [hit.snippet[a:b] for a, b in hit.highlights]
            assert all(matches_query(m, query) for m in marked), (query, marked)


def test_hits_are_ranked_best_first_and_texts_are_found_too(index):
    results = index.search("Albu Kamal", limit=200)
    assert results.total == len(results.hits) > 20
    whole = [h for h in results.hits if h.field in ("label", "alias") and skeleton(h.snippet) == skeleton("Albu Kamal")]
    assert results.hits[:len(whole)] == whole  # the name given whole, in any spelling, first; then by score
    rest = [h.score for h in results.hits[len(whole):]]
    assert rest == sorted(rest, reverse=True)
    kinds = {h.kind for h in results.hits}
    assert {"entity", "claim", "passage"} <= kinds
    quotes = [h for h in results.hits if h.kind == "claim"]
    assert all(h.field == "quote" and h.anchor.startswith("s-") for h in quotes)


def test_passages_are_the_documents_paragraphs_and_their_anchors_are_on_the_page(client, release):
    for doc in ("000", "003"):
        text = json.loads((release / "documents" / f"{doc}.json").read_text(encoding="utf-8"))
        page = client.get(f"/id/document/{doc}", headers={"Accept": "text/html"}).get_data(as_text=True)
        for start, _end, passage in paragraphs(text["segments"]):
            assert f'id="p-{start}"' in page
            assert passage.strip() == passage and "\n" not in passage


def test_results_page_links_every_hit_to_its_entity_claim_or_passage(client):
    r = client.get("/search?q=Kataeb", headers={"Accept": "text/html"})
    assert r.status_code == 200 and r.mimetype == "text/html"
    page = r.get_data(as_text=True)
    assert "<mark>Kataib</mark>" in page
    links = re.findall(r'<a class="(?:hit-title|passage)" href="([^"]+)"', page)
    assert links
    documents: dict[str, str] = {}
    for link in links:
        path, _, anchor = link.partition("#")
        if path not in documents:
            got = client.get(path, headers={"Accept": "text/html"})
            assert got.status_code == 200, link
            documents[path] = got.get_data(as_text=True)
        if anchor:
            assert f'id="{anchor}"' in documents[path], link


def test_json_by_accept_or_format_parameter_is_the_same_answer(client):
    by_accept = client.get("/search?q=Hizballah", headers={"Accept": "application/json"})
    by_param = client.get("/search?q=Hizballah&format=json", headers={"Accept": "text/html"})
    assert by_accept.mimetype == by_param.mimetype == "application/json"
    assert by_accept.json == by_param.json
    data = by_accept.json
    assert data["query"] == "Hizballah" and data["total"] >= len(data["hits"]) > 0
    first = data["hits"][0]
    assert first["url"] == "/id/hezbollah" and first["snippet"][slice(*first["highlights"][0])] == "Hezbollah"
    assert "Accept" in by_accept.headers["Vary"]


def test_a_typo_is_corrected_on_the_page_and_in_json(client):
    data = client.get("/search?q=Kataib+Hizbolah&format=json").json
    assert data["total"] > 0
    page = client.get("/search?q=Quds+Forse", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert 'data-testid="corrected"' in page and "quds force" in page


def test_kind_and_page_narrow_the_results(client):
    everything = client.get("/search?q=Albu+Kamal&format=json").json
    passages = client.get("/search?q=Albu+Kamal&kind=passage&format=json").json
    assert 0 < passages["total"] < everything["total"]
    assert {h["kind"] for h in passages["hits"]} == {"passage"}
    second = client.get("/search?q=Albu+Kamal&page=2&format=json").json
    assert second["hits"] and not {h["url"] for h in second["hits"]} & {h["url"] for h in everything["hits"]}


@pytest.mark.parametrize("query, status", [
    ("format=json", 400), ("q=" + "a" * 201, 400), ("q=x&page=0", 400), ("q=x&page=abc", 400), ("q=x&kind=thing", 400),
    ("q=x&format=xml", 406)])
def test_bad_requests_get_a_status_and_a_message(client, query, status):
    r = client.get("/search?" + query, headers={"Accept": "application/json"})
    assert r.status_code == status
    assert r.json["error"]["message"]


def test_suggestions_as_one_types(client, store):
    kh = entity_labelled(store, "Kataib Hezbollah")
    for typed in ("Kat", "kata", "Kataeb", "Kataib Hiz"):
        items = client.get("/search/suggest?q=" + urllib.parse.quote(typed)).json
        assert items and items[0]["url"] == "/" + kh[len(BASE):], typed
    assert client.get("/search/suggest?q=").json == []
    by_alias = client.get("/search/suggest?q=KH").json  # an alias, not the label: the suggestion says which
    assert by_alias[0]["url"] == "/" + kh[len(BASE):] and by_alias[0]["matched"] == "KH"


def test_every_page_has_the_search_box_and_its_script_from_this_origin(client):
    for path in ("/", "/id/kataib-hezbollah", "/id/document/000", "/search", "/map", "/validation?x=1"):
        r = client.get(path, headers={"Accept": "text/html"})
        if r.status_code == 404:
            continue
        page = r.get_data(as_text=True)
        assert 'data-testid="search-box"' in page and '<script src="/static/search.js"' in page, path
        assert "script-src 'self'" in r.headers["Content-Security-Policy"]
    assert client.get("/static/search.js").status_code == 200


def sparql(client, query: str) -> list[dict]:
    r = client.get("/sparql?query=" + urllib.parse.quote(query), headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.data
    return [{k: v["value"] for k, v in b.items()} for b in r.json["results"]["bindings"]]


def test_sparql_combines_text_and_graph(client, store):
    rows = sparql(client, f"""PREFIX lbf: <{LBF}> PREFIX lb: <https://landbridge-kg.org/ontology#>
        SELECT ?militia ?crossing ?score WHERE {{
          ?militia a lb:Militia ; lb:controls ?crossing .
          BIND(lbf:search(?militia, "Kataeb") AS ?score) FILTER(BOUND(?score)) }} ORDER BY DESC(?score)""")
    kh = entity_labelled(store, "Kataib Hezbollah")
    assert rows and {r["militia"] for r in rows} == {kh}
    controlled = {r["c"] for r in select(store, f"SELECT ?c {{ <{kh}> <https://landbridge-kg.org/ontology#controls> ?c }}")}
    assert {r["crossing"] for r in rows} == controlled
    claims = sparql(client, f"""PREFIX lbf: <{LBF}> PREFIX lb: <https://landbridge-kg.org/ontology#>
        SELECT ?claim WHERE {{ ?claim a lb:Claim BIND(lbf:search(?claim, "al-Bukamal") AS ?s) FILTER(?s > 0) }}""")
    assert claims and all("/id/claim/" in r["claim"] for r in claims)


def test_the_service_description_declares_the_search_function(client):
    r = client.get("/sparql", headers={"Accept": "application/n-triples"})
    assert (f"<http://www.w3.org/ns/sparql-service-description#extensionFunction> <{LBF}search>").encode() in r.data


def test_a_release_without_an_index_says_so_and_serves_everything_else(built_project_copy):
    Release((built_project_copy.build / "current").resolve()).search_index.unlink()
    c = create_app({"BUILD_DIR": str(built_project_copy.build)}).test_client()
    for path in ("/search?q=Kataeb&format=json", "/search/suggest?q=kat"):
        r = c.get(path, headers={"Accept": "application/json"})
        assert r.status_code == 503 and "no search index" in r.json["error"]["message"]
    assert c.get("/search?q=Kataeb", headers={"Accept": "text/html"}).status_code == 503
    assert c.get("/id/kataib-hezbollah", headers={"Accept": "text/html"}).status_code == 200
    assert b"extensionFunction" not in c.get("/sparql", headers={"Accept": "application/n-triples"}).data
    r = c.get("/sparql?query=" + urllib.parse.quote(f"PREFIX lbf: <{LBF}> SELECT ?x {{ BIND(lbf:search(<{BASE}id/x>, 'a') AS ?x) }}"),
              headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 400 and b"search index" in r.data


@pytest.mark.slow  # against a real `kg serve` (uWSGI workers behind nginx)
def test_search_and_its_sparql_function_over_http(server_url):
    import urllib.request

    site = server_url.removesuffix("sparql")

    def get(path: str, accept: str) -> tuple[int, str, bytes]:
        request = urllib.request.Request(site + path.lstrip("/"), headers={"Accept": accept})
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers.get_content_type(), response.read()

    for _ in range(3):  # more than one worker answers; each opens the index for itself
        status, media, body = get("/search?q=Kata%27ib", "application/json")
        assert status == 200 and media == "application/json"
        assert json.loads(body)["hits"][0]["url"] == "/id/kataib-hezbollah"
    status, media, body = get("/search/suggest?q=Hizb", "*/*")
    assert status == 200 and json.loads(body)[0]["label"]
    query = f"""PREFIX lbf: <{LBF}> SELECT ?e ?s {{ VALUES ?e {{ <{BASE}id/hezbollah> <{BASE}id/albu-kamal> }}
                BIND(lbf:search(?e, "Hizballah") AS ?s) }}"""
    status, media, body = get("sparql?query=" + urllib.parse.quote(query), "application/sparql-results+json")
    rows = {b["e"]["value"]: b.get("s") for b in json.loads(body)["results"]["bindings"]}
    assert rows[f"{BASE}id/hezbollah"]["datatype"].endswith("#double") and rows[f"{BASE}id/albu-kamal"] is None


def one_edit(word: str, rng) -> str:
    """The word with one letter dropped, changed, swapped with the next or added (never the first or last)."""
    i, letter = rng.randrange(1, len(word) - 1), rng.choice("abcdefghijklmnopqrstuvwxyz")
    return rng.choice([word[:i] + word[i + 1:], word[:i] + letter + word[i + 1:],
                       word[:i] + word[i + 1] + word[i] + word[i + 2:], word[:i] + letter + word[i:]])


def test_one_typo_in_an_entitys_name_still_finds_it_first_nine_times_in_ten(index, store):
    import random

    rng = random.Random(1)  # the same typos every run
    names = select(store, "SELECT DISTINCT ?e ?l { GRAPH ?g { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } }")
    cases = []
    for row in sorted(names, key=lambda r: r["e"]):
        words = row["l"].split()
        longest = max(range(len(words)), key=lambda k: len(words[k]) if words[k].isalpha() else 0)
        if len(words) <= 3 and words[longest].isalpha() and len(words[longest]) >= 5:  # a word, not al-Qaim
            words[longest] = one_edit(words[longest], rng)
            cases.append((row["e"], " ".join(words)))
    assert len(cases) > 100
    found = [e for e, typed in cases if [h.iri for h in index.search(typed, limit=1).hits] == [e]]
    assert len(found) >= 0.9 * len(cases), [typed for e, typed in cases if e not in found]


def test_a_damaged_index_says_so(built_project_copy):
    index = Release((built_project_copy.build / "current").resolve()).search_index
    index.write_bytes(index.read_bytes()[:4096] + b"\xff" * 8192)  # the header survives, the tables do not
    c = create_app({"BUILD_DIR": str(built_project_copy.build)}).test_client()
    r = c.get("/search?q=Kataeb&format=json", headers={"Accept": "application/json"})
    assert r.status_code == 503 and "run `kg build` again" in r.json["error"]["message"]
    assert c.get("/id/kataib-hezbollah", headers={"Accept": "text/html"}).status_code == 200
