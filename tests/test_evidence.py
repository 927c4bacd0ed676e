"""Evidence a reader can read and cite: quotes in their whole sentence, attribution by name, the document's text with
its markup rendered and each quote anchored, a citation on every claim page, and links under the public base."""

from __future__ import annotations

import html
import re

import pytest

from kg.paths import PROJECT_ROOT
from server import create_app

from .conftest import BASE, select

PREFIXES = """PREFIX lb: <https://landbridge-kg.org/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
LOCAL = "http://127.0.0.1:8000"  # where a local run listens: no page may hand it out as the dataset's address


@pytest.fixture(scope="module")
def client(built):
    return create_app({"BUILD_DIR": str(built.build)}).test_client()


def page(client, path: str) -> str:
    r = client.get(path, headers={"Accept": "text/html"}, base_url=LOCAL)
    assert r.status_code == 200, path
    return r.get_data(as_text=True)


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def seeds() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((PROJECT_ROOT / "seeds").glob("*.txt")))


def claims(store) -> dict[str, dict[str, str]]:
    return {r["sid"]: r for r in select(store, PREFIXES + """SELECT ?c ?sid ?exact ?doc WHERE { ?c a lb:Claim ;
        lb:statementId ?sid ; prov:wasDerivedFrom ?doc ; lb:evidence/oa:hasTarget/oa:hasSelector ?s .
        ?s a oa:TextQuoteSelector ; oa:exact ?exact }""")}


def test_entity_page_shows_each_quote_in_its_whole_sentence(client, store):
    body = page(client, "/id/kataib-hezbollah")
    blocks = re.findall(r'data-claim="([^"]+)">(.*?)<div class="who">', body, re.S)
    assert len(blocks) > 20
    known, sources = claims(store), seeds()
    longer = 0
    for sid, block in blocks:
        shown = re.search(r'<q class="in-sentence" data-testid="sentence">(.*?)</q>', block, re.S)
        assert shown, f"claim {sid}: no sentence around its quote"
        sentence = text_of(shown.group(1))
        marked = text_of(re.search(r"<mark>(.*?)</mark>", shown.group(1), re.S).group(1))
        exact = known[sid]["exact"]
        assert marked == exact.replace("**", "")
        assert "…" not in block.split("<mark>")[0][-5:]  # no clipped prefix
        assert sentence.replace(" ", "") in sources.replace("**", "").replace(" ", ""), sid
        longer += len(sentence) > len(marked)
        # A sentence ends where a sentence ends (or where the text's line does), not in the middle of a word.
        assert re.search(r"[.!?:\"”’)\]]\s*$|\w$", sentence), (sid, sentence[-30:])
    assert longer > len(blocks) // 3, "hardly any quote was shown with more of its sentence"


def test_attribution_names_the_source_entity(client, store):
    body = page(client, "/id/kataib-hezbollah")
    attributed = select(store, PREFIXES + """SELECT ?sid ?words ?label WHERE { ?c lb:statementId ?sid ; lb:attributedTo ?a .
        ?a rdfs:label ?label OPTIONAL { ?c lb:attribution ?words } }""")
    blocks = dict(re.findall(r'data-claim="([^"]+)">(.*?)</div>\s*</div>', body, re.S))
    checked = 0
    for row in attributed:
        if row["sid"] not in blocks:
            continue
        said = re.search(r'data-testid="attribution">(.*?)</span>', blocks[row["sid"]], re.S)
        assert said and row["label"] in text_of(said.group(1)), row
        checked += 1
    assert checked >= 5
    assert re.search(r"according to “he said” — <a href=\"/id/[^\"]+\">[^<]+</a>", body), "words without the entity"


def test_document_page_renders_the_markup_and_anchors_every_quote(client, store):
    body = page(client, "/id/document/004")
    text = re.search(r'data-testid="doctext">(.*)</div>', body, re.S).group(1)
    assert "*" not in text_of(text) and not re.search(r"(^|\n)#+ ", text_of(text)), "raw markup on the page"
    assert "<strong>" in text and "<em>" in text and 'role="heading"' in text
    ids = {r["sid"] for r in claims(store).values() if r["doc"].endswith("/004")}
    assert ids and {a for a in re.findall(r'id="s-([^"]+)"', text)} == ids
    marked = {s for group in re.findall(r'data-claims="([^"]+)"', text) for s in group.split()}
    assert marked == ids
    assert 'src="/static/document.js"' in body


def test_claim_page_offers_a_citation_a_reader_can_check(client, store, release):
    sid = "003-036"
    claim = claims(store)[sid]
    body = page(client, f"/id/claim/{sid}")
    box = re.search(r'<section class="cite" id="cite" data-testid="cite">(.*?)</section>', body, re.S)
    assert box
    cite = html.unescape(re.search(r'data-testid="cite-text"[^>]*>(.*?)</textarea>', box.group(1), re.S).group(1))
    doc = select(store, PREFIXES + f"""SELECT ?title ?outlet WHERE {{ <{claim['doc']}> rdfs:label ?title ; lb:outlet ?outlet }}""")[0]
    for needed in (claim["exact"], doc["title"], doc["outlet"], claim["c"], claim["doc"], release.name, "Kataib Hezbollah — controls —",
                   "Jalil Khalaf", "not before March 2023"):
        assert needed in cite, needed
    assert "127.0.0.1" not in cite and claim["c"].startswith(BASE)
    # Every fact row on an entity page leads to its claim's citation.
    entity = page(client, "/id/kataib-hezbollah")
    assert f'href="/id/claim/{sid}#cite"' in entity


def test_a_dated_document_is_cited_with_authors_outlet_and_date(client):
    cite = html.unescape(re.search(r'data-testid="cite-text"[^>]*>(.*?)</textarea>', page(client, "/id/claim/000-028"), re.S).group(1))
    assert "Andrew Gabel, David Adesnik" in cite and "Foundation for Defense of Democracies (FDD)" in cite and "22 March 2019" in cite


@pytest.mark.parametrize("path", ["/context.jsonld", "/.well-known/void", "/void.ttl", "/id/kataib-hezbollah.jsonld", "/sparql",
                                  "/id/claim/003-036", "/"])
def test_what_the_server_hands_out_names_the_public_base_not_its_address(client, path):
    r = client.get(path, headers={"Accept": "text/html" if "." not in path.rsplit("/", 1)[-1] else "*/*"}, base_url=LOCAL)
    assert r.status_code == 200
    body = r.get_data(as_text=True)
    assert "127.0.0.1" not in body and "localhost" not in body


def test_query_ui_share_links_use_the_public_base(client):
    script = client.get("/static/sparql-ui.js").get_data(as_text=True)
    assert 'new URL("sparql", config.base)' in script
    body = page(client, "/sparql")
    assert f'"base": "{BASE}"' in body


def with_url(layout, line: str) -> None:
    """The copy's catalogue with a `url` line added to document 000's entry."""
    catalogue = layout.catalogue
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.replace('- id: "000"\n', f'- id: "000"\n  {line}\n', 1), encoding="utf-8")


def test_the_catalogue_may_give_a_documents_url_and_a_bad_one_is_refused(project_copy):
    from kg.corpus import load_corpus
    from kg.errors import InputError

    original = project_copy.catalogue.read_text(encoding="utf-8")
    with_url(project_copy, 'url: "https://example.org/articles/border-crossing"')
    assert load_corpus(project_copy.catalogue, project_copy.seeds)["000"].url == "https://example.org/articles/border-crossing"
    project_copy.catalogue.write_text(original, encoding="utf-8")
    with_url(project_copy, 'url: "not an address"')
    with pytest.raises(InputError) as raised:
        load_corpus(project_copy.catalogue, project_copy.seeds)
    assert re.search(r"catalogue\.yaml:\d+: 'url' must be", str(raised.value)), str(raised.value)


@pytest.mark.slow  # builds the graph of its own copy of the inputs
def test_a_citation_gives_the_documents_original_url_where_the_catalogue_has_one(project_copy):
    from kg.build import build

    url = "https://example.org/articles/border-crossing"
    with_url(project_copy, f'url: "{url}"')
    build(project_copy, BASE)
    client = create_app({"BUILD_DIR": str(project_copy.build), "PROJECT_ROOT": str(project_copy.root)}).test_client()
    cite = html.unescape(re.search(r'data-testid="cite-text"[^>]*>(.*?)</textarea>', page(client, "/id/claim/000-028"), re.S).group(1))
    assert f"Original: <{url}>" in cite
    other = html.unescape(re.search(r'data-testid="cite-text"[^>]*>(.*?)</textarea>', page(client, "/id/claim/001-001"), re.S).group(1))
    assert "no original URL in the catalogue" in other and "not stated" not in other.split("Source: ")[1].split("”")[0]
