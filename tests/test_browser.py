"""Real-browser tests: Debian's chromium, driven by Playwright, against a real `kg serve`.

One chromium for the session and a fresh context and page per test. Every test fails on a console
error, an uncaught page error, or a request that leaves the server under test (foreign requests are
aborted and listed); each leaves a screenshot named after it in test-artefacts/ at the project root.
"""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from kg.paths import PROJECT_ROOT

from .conftest import BASE, select

pytestmark = pytest.mark.slow  # drives Chromium against a real `kg serve`

CHROMIUM = "/usr/bin/chromium"
ARTEFACTS = PROJECT_ROOT / "test-artefacts"
TIMEOUT_MS = 10_000
MAX_FULL_PAGE_PX = 8000  # taller pages (the VoID listing) are shot at the viewport
CERTAINTIES = ("stated", "reported", "assessed", "alleged")


@pytest.fixture(scope="session")
def site(server_url: str) -> str:
    """The root of the server under test, http://127.0.0.1:<port>/."""
    return server_url.removesuffix("sparql")


@pytest.fixture(scope="session")
def browser() -> Browser:
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture()
def page(browser: Browser, site: str, request) -> Page:
    """A fresh page on the site; checked for console errors, page errors and foreign requests at the end."""
    context = browser.new_context(base_url=site, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []

    def on_console(message) -> None:
        if message.type == "error":
            errors.append(f"console error on {page.url}: {message.text} (at {message.location.get('url')})")

    def route(route) -> None:
        url = route.request.url
        if url.startswith(site) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            foreign.append(f"{url} (from {page.url})")
            route.abort("blockedbyclient")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(f"uncaught error on {page.url}: {exc}"))
    page.route("**/*", route)
    try:
        yield page
        page.wait_for_load_state("networkidle")
    finally:
        try:
            ARTEFACTS.mkdir(exist_ok=True)
            tall = page.evaluate("document.documentElement.scrollHeight") > MAX_FULL_PAGE_PX
            page.screenshot(path=ARTEFACTS / f"{_file_name(request.node.name)}.png", full_page=not tall)
        except Exception as exc:  # a failed screenshot must not hide the test's own outcome
            warnings.warn(f"no screenshot for {request.node.name}: {exc}", stacklevel=1)
        finally:
            context.close()
    problems = [f"request outside the server under test (aborted): {url}" for url in foreign] + errors
    assert foreign == [] and errors == [], "\n".join(problems)


def _file_name(test_name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", test_name).strip("_")


def _exists(page: Page, path: str) -> bool:
    return page.request.get(path, headers={"Accept": "text/html"}).status == 200


def _number(text: str) -> int:
    return int(text.replace(",", "").replace("\u202f", "").replace(" ", ""))


# 1 ------------------------------------------------------------------------------------------------

def test_home_page_shows_counts_sources_and_links(page: Page, release: Path):
    stats = json.loads((release / "stats.json").read_text())
    response = page.goto("/")
    assert response is not None and response.status == 200
    expect(page).to_have_title("Land Bridge knowledge graph")
    expect(page.get_by_role("heading", level=1)).to_have_text("Land Bridge knowledge graph")

    counts = page.get_by_test_id("counts")
    expect(counts).to_be_visible()
    text = counts.inner_text()
    for figure, words in (("facts", "facts"), ("statements", "quoted statements"), ("entities", "entities"),
                          ("named_graphs", "named graphs")):
        found = re.search(r"([\d,]+)\s+" + words, text)
        assert found, f"{words!r} not in the counts: {text!r}"
        assert _number(found.group(1)) == stats[figure], figure
    for certainty in CERTAINTIES:
        expect(counts).to_contain_text(re.compile(rf"{certainty} \d+"))

    sources = page.get_by_test_id("sources")
    expect(sources).to_be_visible()
    rows = sources.locator("tr:has(td)")
    expect(rows).to_have_count(5)
    for i in range(5):
        link = rows.nth(i).locator("td").first.get_by_role("link")
        expect(link).to_have_attribute("href", re.compile(r"^/id/document/\d{3}$"))
        assert link.inner_text().strip()

    main = page.locator("main")
    expect(main.get_by_role("link", name="Query it in SPARQL")).to_have_attribute("href", "/sparql")
    expect(page.locator("header nav").get_by_role("link", name="SPARQL", exact=True)).to_have_attribute("href", "/sparql")
    expect(main.get_by_role("link", name="dataset description")).to_have_attribute("href", "/.well-known/void")
    for path in ("/map", "/timeline"):
        if _exists(page, path):  # the views other engineers add: linked from the home page once they exist
            expect(main.locator(f'a[href="{path}"]')).to_have_count(1)
            expect(page.locator(f'header nav a[href="{path}"]')).to_have_count(1)

    # Browsers ask for the site's icon: a 404 there is a console error on every page.
    icon = page.locator("head link[rel~='icon']")
    href = icon.first.get_attribute("href") if icon.count() else "/favicon.ico"
    if not href.startswith("data:"):
        assert page.request.get(href).ok, f"the site icon {href} does not load (a console error in every browser)"

    page.get_by_role("link", name="Query it in SPARQL").click()
    expect(page).to_have_url(re.compile(r"/sparql$"))


# 2 ------------------------------------------------------------------------------------------------

def test_entity_page_shows_label_quotes_certainty_and_leads_to_neighbours(page: Page):
    response = page.goto("/id/kataib-hezbollah")
    assert response is not None and response.status == 200
    expect(page).to_have_title(re.compile(r"^Kataib Hezbollah\b"))
    expect(page.get_by_test_id("label")).to_have_text("Kataib Hezbollah")

    evidence = page.get_by_test_id("evidence")
    assert evidence.count() > 0
    first = evidence.first
    mark = first.locator("mark")
    expect(mark).to_be_visible()
    assert len(mark.inner_text().strip()) > 10
    background = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), "the quote is not highlighted"
    certainty = first.locator(".certainty")
    expect(certainty).to_be_visible()
    assert certainty.inner_text().strip() in CERTAINTIES
    expect(first.get_by_role("link", name=re.compile(r"^claim \d{3}-\d{3}$"))).to_be_visible()

    facts = page.get_by_test_id("facts")
    neighbour = facts.locator('tr td:nth-child(2) a[href^="/id/"]').first
    expect(neighbour).to_be_visible()
    name = neighbour.inner_text().strip()
    href = neighbour.get_attribute("href")
    neighbour.click()
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    expect(page.get_by_test_id("label")).to_have_text(name)
    # The neighbour's page points back at the militia.
    expect(page.locator('main a[href="/id/kataib-hezbollah"]').first).to_be_visible()


# 3 ------------------------------------------------------------------------------------------------

def test_entity_page_shows_its_links_out_and_its_plain_json(page: Page):
    """A place the gazetteer matched: the link to GeoNames with its source (a link, never loaded), and the plain JSON
    of the page, whose facts are the page's."""
    data = page.request.get("/id/albu-kamal.json").json()
    assert data["links"], "Albu Kamal is linked to GeoNames"
    page.goto("/id/albu-kamal")
    links = page.get_by_test_id("link")
    expect(links).to_have_count(len(data["links"]))
    for i, link in enumerate(data["links"]):
        row = links.nth(i)
        expect(row.get_by_role("link", name=link["target"])).to_have_attribute("href", link["target"])
        expect(row).to_contain_text(link["source"])
    page.get_by_test_id("plain-json").click()
    page.wait_for_load_state()
    assert page.url.endswith("/id/albu-kamal.json")
    shown = json.loads(page.locator("body").inner_text())
    assert shown["id"] == data["id"] and len(shown["facts"]) == len(data["facts"])
    quotes = [e["quote"] for g in shown["facts"] for v in g["values"] for e in v["evidence"]]
    assert quotes and all(quotes)


def test_claim_page_shows_its_quote_and_the_facts_it_supports(page: Page):
    page.goto("/id/kataib-hezbollah")
    row = page.get_by_test_id("facts").locator("tr:has(td)").first
    prop = row.locator("td").nth(0).inner_text().strip()
    value = row.locator("td").nth(1).inner_text().strip()
    evidence = row.get_by_test_id("evidence").first
    quote = evidence.locator("mark").inner_text().strip()
    certainty = evidence.locator(".certainty").inner_text().strip()
    claim_link = evidence.get_by_role("link", name=re.compile(r"^claim \d{3}-\d{3}$"))
    statement = claim_link.inner_text().split()[-1]

    claim_link.click()
    expect(page).to_have_url(re.compile(rf"/id/claim/{statement}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Claim {statement}")
    shown = page.get_by_test_id("evidence")
    expect(shown.locator("mark")).to_have_text(quote)
    expect(shown.locator(".certainty")).to_have_text(certainty)
    expect(shown.get_by_role("link", name="in context")).to_have_attribute("href", re.compile(rf"/id/document/\d{{3}}#s-{statement}$"))

    supported = page.get_by_test_id("facts").locator("tr:has(td)")
    assert supported.count() >= 1
    cells = [[c.strip() for c in r.locator("td").all_inner_texts()] for r in supported.all()]
    assert ["Kataib Hezbollah", prop, value] in cells, cells


def test_entity_page_sets_what_sources_do_not_assert_apart_from_its_facts(page: Page):
    """The opening of the crossing: the reopening announced for April 2018 is a plan and was denied; it is
    shown below the facts, in a box of its own, each piece of evidence marked with its modality."""
    response = page.goto("/id/al-qaim-albu-kamal-crossing-opening")
    assert response is not None and response.status == 200
    facts = page.get_by_test_id("facts")
    section = page.get_by_test_id("not-asserted")
    expect(facts).to_be_visible()
    section.scroll_into_view_if_needed()
    expect(section).to_be_visible()
    expect(section.get_by_role("heading", level=2)).to_have_text("What the sources do not assert")
    expect(section).to_contain_text("not facts")
    headings = section.get_by_test_id("modality-heading")
    expect(headings.first).to_have_text(re.compile(r"^Planned or intended"))
    expect(section.get_by_role("heading", name=re.compile(r"^Denied"))).to_be_visible()
    # Apart: below the facts, not inside them, and drawn differently (a dashed box).
    assert facts.locator("[data-testid=not-asserted]").count() == 0
    assert section.locator("[data-testid=facts]").count() == 0
    facts_box, section_box = facts.bounding_box(), section.bounding_box()
    assert facts_box and section_box and section_box["y"] >= facts_box["y"] + facts_box["height"]
    style = section.evaluate("s => [getComputedStyle(s).borderTopStyle, getComputedStyle(s).backgroundColor]")
    body = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert style[0] == "dashed" and style[1] != body, style
    # The April 2018 plan, with its quote and its cue, under the plans; the denial under the denials.
    planned = section.get_by_test_id("not-asserted-intended")
    april_row = planned.locator("tr", has=page.locator('a[href="/ontology#date"]'))
    expect(april_row).to_have_count(1)
    expect(april_row.locator("td").nth(2)).to_contain_text("2018-04")
    april = april_row.locator("[data-testid=evidence][data-claim='004-068']")
    expect(april.locator("mark")).to_have_text("the crossing would reopen in April 2018")
    expect(april.get_by_test_id("modality")).to_have_text("planned or intended")
    expect(april.get_by_test_id("cue")).to_contain_text("would reopen")
    denied = section.get_by_test_id("not-asserted-denied").locator("tr", has=page.locator('a[href="/ontology#date"]')) \
        .locator("[data-testid=evidence][data-claim='004-069']")
    expect(denied.locator("mark")).to_have_text("However, it did not open as planned.")
    expect(denied.get_by_test_id("modality")).to_have_text("denied")
    # Every piece of evidence in the box has a visible modality; the facts' own dates are asserted only.
    for item in section.get_by_test_id("evidence").all()[:20]:
        expect(item.get_by_test_id("modality")).to_be_visible()
    date_row = facts.locator("tr", has=page.locator('a[href="/ontology#date"]'))
    expect(date_row).to_have_count(1)
    expect(date_row.locator("td").nth(1)).to_have_text("2019-09-30")
    # An entity that the sources only recommend has a page that says so.
    page.goto("/id/us-sanctions-on-additional-militias")
    expect(page.get_by_test_id("label")).to_have_text("Sanctions on additional Iranian-backed militias (recommended)")
    expect(page.get_by_test_id("modal-only")).to_contain_text("the sources only recommend it")
    expect(page.get_by_test_id("facts")).to_have_count(0)
    expect(page.get_by_test_id("not-asserted-recommended")).to_be_visible()


def test_in_context_link_shows_the_quote_highlighted_in_its_document(page: Page):
    page.goto("/id/claim/003-058")
    quote = page.get_by_test_id("evidence").locator("mark").inner_text().strip()
    page.get_by_test_id("evidence").get_by_role("link", name="in context").click()
    expect(page).to_have_url(re.compile(r"/id/document/003#s-003-058$"))
    expect(page.get_by_test_id("label")).to_have_text("Iraq fortifies its border with Syria to curb arms, drug smuggling")
    text = page.get_by_test_id("doctext")
    expect(text).to_be_visible()
    expect(text).to_contain_text(quote)
    # The link lands on the quote: its anchor is scrolled to, and the highlighted spans of claim 003-058
    # together are the quote, each linking to a claim.
    expect(text.locator("#s-003-058")).to_be_attached()
    spans = text.locator("a[data-testid=span][title*='003-058 (']")
    expect(spans.first).to_be_visible()
    expect(spans.first).to_be_in_viewport()
    expect(spans.first).to_have_attribute("href", re.compile(r"^/id/claim/\d{3}-\d{3}$"))
    assert " ".join("".join(spans.all_inner_texts()).split()) == " ".join(quote.split())


# 4 ------------------------------------------------------------------------------------------------
# The query UI (server/templates/sparql.html, server/static/sparql-ui.js; its header comment lists these hooks).

def test_sparql_ui_runs_an_example_and_links_results_to_pages(page: Page):
    response = page.goto("/sparql")
    assert response is not None and response.status == 200
    assert response.headers["content-type"].startswith("text/html")
    ui = page.get_by_test_id("query-ui")
    expect(ui).to_have_attribute("data-ready", "true")
    examples = page.get_by_test_id("examples").get_by_test_id("example")
    assert examples.count() >= 20  # the competency questions of ontology/queries/

    example = page.locator('[data-testid="example"][data-example-id="01-militias-controlling-crossings"]')
    expect(example).to_contain_text("Which militias control")
    example.get_by_role("link").click()
    expect(example).to_have_attribute("aria-current", "true")
    expect(page.locator("#yasgui .yasqe")).to_contain_text("lb:controls")

    results = page.get_by_test_id("results")
    expect(results).to_have_attribute("data-state", "done")
    rows = results.locator("table tbody tr")
    expect(rows.first).to_be_visible()
    assert rows.count() >= 3
    headers = [h.strip() for h in results.locator("table thead th").all_inner_texts()]
    assert "militia" in headers and "crossing" in headers, headers

    # An IRI is shown as its label, linked to its page here. YASR shortens long cells with an ellipsis
    # and makes their links inert until the cell is expanded; ours take the first click all the same.
    links = results.locator("table tbody a.lb-local[href^='/id/']")
    expect(links.first).to_be_visible()
    clickable = links.evaluate_all("""links => links.map((a, i) => {
        a.scrollIntoView({block: "center"});
        const r = a.getClientRects()[0];
        return r && a.contains(document.elementFromPoint(r.left + Math.min(r.width / 2, 20), r.top + r.height / 2)) ? i : -1;
      }).filter(i => i >= 0)""")
    assert clickable and clickable[0] == 0, "the first link to a page in the results takes no click"
    link = links.first
    label = link.inner_text().strip()
    href = link.get_attribute("href")
    assert label and not label.startswith(("http", "<", "id:")), label
    link.click()
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    expect(page.get_by_test_id("label")).to_have_text(label)


# 5 ------------------------------------------------------------------------------------------------
# The map and the timeline (server/views.py, templates map.html and timeline.html, server/static/map.js).

def test_map_draws_a_marker_for_every_feature(page: Page):
    geo = page.request.get("/map.geojson").json()
    features = geo["features"]
    assert features, "the release has points to draw"
    own = [f for f in features if f["properties"]["position"] == "own"]
    # map.js: one filled dot per feature with a point of its own; one ring per point and kind for the
    # features drawn at another place's point.
    rings = {(tuple(f["geometry"]["coordinates"]), f["properties"]["kind"]) for f in features if f["properties"]["position"] == "borrowed"}
    lines = [f for f in features if f["geometry"]["type"] == "LineString"]
    points = {tuple(f["geometry"]["coordinates"]) for f in features if f["geometry"]["type"] == "Point"}

    response = page.goto("/map")
    assert response is not None and response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Map")
    box = page.get_by_test_id("map")
    expect(box.locator("path.marker-own").first).to_be_visible()
    # Markers are what takes a click: Leaflet's interactive circle markers and marker icons (the country
    # outlines and their names are drawn for orientation, not interactive).
    markers = box.locator(".leaflet-overlay-pane path.leaflet-interactive, .leaflet-marker-pane .leaflet-marker-icon.leaflet-interactive")
    expect(markers).to_have_count(len(own) + len(rings) + len(lines))
    expect(box.locator(".leaflet-overlay-pane path.route-line")).to_have_count(len(lines))
    expect(box.locator(".leaflet-overlay-pane path.marker-own")).to_have_count(len(own))
    expect(box.locator(".leaflet-overlay-pane path.marker-borrowed")).to_have_count(len(rings))
    # Every marker sits inside the visible map, and every point with a dot of its own is named.
    outside = box.evaluate("""(map) => {
        const r = map.getBoundingClientRect();
        const inside = (b) => b.width > 0 && b.left >= r.left - 1 && b.right <= r.right + 1
          && b.top >= r.top - 1 && b.bottom <= r.bottom + 1;
        return [...map.querySelectorAll('.leaflet-overlay-pane path.leaflet-interactive')]
          .filter(p => !inside(p.getBoundingClientRect())).length; }""")
    assert outside == 0, f"{outside} markers outside the visible map"
    expect(box.locator(".leaflet-tooltip.map-label")).to_have_count(len({tuple(f["geometry"]["coordinates"]) for f in own}))
    expect(box.get_by_test_id("map-legend")).to_be_visible()
    expect(page.get_by_test_id("on-map-item")).to_have_count(len(features))
    assert len(points) <= len(features)
    # The legend names every kind drawn, and the routes' line among them.
    legend = box.get_by_test_id("map-legend")
    for kind in {f["properties"]["kind"] for f in features}:
        expect(legend).to_contain_text(kind)

    # A place the gazetteer links: its popup names the link out (opened only when followed).
    linked = next(f for f in own if f["properties"]["links"])
    dots = box.locator(".leaflet-overlay-pane path.marker-own")
    for i in range(dots.count()):
        dots.nth(i).click(force=True)
        shown = box.locator(".leaflet-popup .map-popup")
        if linked["properties"]["label"] in shown.inner_text():
            break
    expect(shown.get_by_role("link", name=linked["properties"]["links"][0].removeprefix("https://").rstrip("/"))) \
        .to_have_attribute("href", linked["properties"]["links"][0])
    box.locator(".leaflet-popup-close-button").click()
    # A marker's popup lists what is there, linked to its page.
    box.locator(".leaflet-overlay-pane path.marker-own").first.click(force=True)
    popup = box.locator(".leaflet-popup .map-popup a").first
    expect(popup).to_be_visible()
    name = popup.inner_text().strip()
    popup.click()
    expect(page.get_by_test_id("label")).to_have_text(name)


def test_map_draws_routes_through_their_waypoints(page: Page):
    """A route is a line; its popup lists the waypoints in order, says which have no position, and links each."""
    geo = page.request.get("/map.geojson").json()
    lines = [f for f in geo["features"] if f["geometry"]["type"] == "LineString"]
    assert lines, "the release has routes to draw"
    page.goto("/map")
    box = page.get_by_test_id("map")
    route = box.locator("path.route-line")
    expect(route).to_have_count(len(lines))
    # The line is drawn where its vertices are: its box holds the dots of the places it passes through.
    widths = route.evaluate_all("paths => paths.map(p => p.getBoundingClientRect().width)")
    assert all(w > 10 for w in widths), widths
    route.first.click(force=True)
    popup = box.locator(".leaflet-popup .map-popup")
    expect(popup).to_be_visible()
    shown = next(f for f in lines if f["properties"]["label"] in popup.inner_text())
    items = popup.locator("ol li")
    expect(items).to_have_count(len(shown["properties"]["waypoints"]))
    for i, w in enumerate(shown["properties"]["waypoints"]):
        expect(items.nth(i).get_by_role("link")).to_have_attribute("href", w["page"])
        if not w["positioned"]:
            expect(items.nth(i)).to_contain_text("no position")
    # What has no position is listed beside the map, countries among it, with the reason in words.
    aside = page.get_by_test_id("unpositioned")
    expect(aside).to_contain_text("the gazetteer gives none")
    expect(page.get_by_test_id("unpositioned-item")).to_have_count(len(geo["unpositioned"]))


def test_timeline_shows_the_dated_events(page: Page):
    expected = page.request.get("/timeline.json").json()
    assert expected["events"], "the release has dated events to show"
    response = page.goto("/timeline")
    assert response is not None and response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Timeline")
    events = page.get_by_test_id("timeline").get_by_test_id("event")
    expect(events).to_have_count(len(expected["events"]))
    first = events.first
    expect(first).to_be_visible()
    expect(first.get_by_test_id("date").first).to_be_visible()
    expect(first.locator("svg.tl-track circle, svg.tl-track rect").first).to_be_visible()
    # Events are in date order, as the user reads them.
    starts = events.evaluate_all("rows => rows.map(r => r.dataset.start)")
    assert starts == sorted(starts)
    # An event's name leads to its page.
    link = first.get_by_test_id("event-link")
    name = link.inner_text().strip()
    link.click()
    expect(page.get_by_test_id("label")).to_have_text(name)


# 6 ------------------------------------------------------------------------------------------------

def test_dataset_description_shows_void_and_dcat(page: Page, release: Path):
    stats = json.loads((release / "stats.json").read_text())
    response = page.goto("/.well-known/void")
    assert response is not None and response.status == 200
    assert response.headers["content-type"].startswith("text/html")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dataset description")
    void = page.get_by_test_id("void")
    expect(void).to_be_visible()
    for text in ("a void:Dataset , dcat:Dataset", "dcat:Catalog", 'dcterms:title "Land Bridge knowledge graph"@en',
                 "dcterms:license <https://creativecommons.org/licenses/by/4.0/>", "void:triples",
                 "void:classPartition", "void:propertyPartition", "void:exampleResource", "dcat:version",
                 "dcat:DataService"):
        expect(void).to_contain_text(text)
    # The dataset's public endpoint, under the release's base, not the address the test server listens on.
    expect(void).to_contain_text("void:sparqlEndpoint <https://landbridge-kg.org/sparql>")
    expect(void).to_contain_text(re.compile(rf"void:triples {stats['triples_default_graph']}\b"))
    expect(page.get_by_role("link", name="Turtle")).to_have_attribute("href", "/void.ttl")


# 7 ------------------------------------------------------------------------------------------------
# Evidence an analyst reads, cites and exports: quotes in their sentences, a quote's link landing on it in its
# document, the claim page's citation, the CSV downloads (server/exports.py, server/citation.py, document.js).

LB_RDFS = """PREFIX lb: <https://landbridge-kg.org/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_entity_page_shows_quotes_in_their_sentences_and_names_who_said_them(page: Page, store):
    page.goto("/id/kataib-hezbollah")
    sentences = page.locator("[data-testid=evidence] q[data-testid=sentence]")
    assert sentences.count() == page.get_by_test_id("evidence").count() > 20
    longer = 0
    for sentence in sentences.all()[:40]:
        whole, quote = sentence.inner_text().strip(), sentence.locator("mark").inner_text().strip()
        assert quote in whole and "**" not in whole
        longer += len(whole) > len(quote) + 5
    assert longer > 5, "quotes are not shown with the rest of their sentence"
    # A quote whose source the graph knows as an entity names it, linked to its page.
    row = select(store, LB_RDFS + f"""SELECT ?sid ?label ?a WHERE {{ ?c lb:statementId ?sid ; lb:attributedTo ?a ;
        lb:attribution "he said" . ?a rdfs:label ?label . GRAPH ?c {{ <{BASE}id/kataib-hezbollah> ?p ?o }} }} LIMIT 1""")[0]
    said = page.locator(f"[data-testid=evidence][data-claim='{row['sid']}'] [data-testid=attribution]").first
    expect(said).to_contain_text("“he said”")
    link = said.get_by_role("link", name=row["label"])
    expect(link).to_have_attribute("href", "/" + row["a"][len(BASE):])


def test_a_quote_link_opens_its_document_scrolled_to_the_quote_and_highlighted(page: Page):
    page.goto("/id/claim/004-001")
    quote = page.get_by_test_id("evidence").locator("mark").inner_text().strip()
    page.get_by_test_id("in-context").click()
    expect(page).to_have_url(re.compile(r"/id/document/004#s-004-001$"))
    text = page.get_by_test_id("doctext")
    current = text.locator("a.span.current")
    expect(current.first).to_be_in_viewport()
    assert all("004-001" in c.get_attribute("data-claims").split() for c in current.all())
    assert " ".join("".join(current.all_inner_texts()).split()) == " ".join(quote.split())
    others = text.locator("a.span:not(.current)").first
    colour = current.first.evaluate("a => getComputedStyle(a).backgroundColor")
    assert colour != others.evaluate("a => getComputedStyle(a).backgroundColor"), "the quote is not marked apart"
    # The source's light markup is rendered, not shown raw.
    shown = text.inner_text()
    assert "*" not in shown and not re.search(r"(^|\n)#{2,} ", shown)
    expect(text.get_by_role("heading").first).to_be_visible()
    assert text.locator("strong").count() > 5
    # Another quote's link moves the mark.
    page.evaluate("location.hash = '#s-004-009'")
    expect(text.locator("a.span.current").first).to_have_attribute("data-claims", re.compile(r"\b004-009\b"))


def test_a_fact_row_leads_to_a_citation_a_reader_can_paste(page: Page, site: str, release):
    page.goto("/id/kataib-hezbollah")
    evidence = page.get_by_test_id("evidence").first
    statement = evidence.get_attribute("data-claim")
    evidence.get_by_test_id("cite-link").click()
    expect(page).to_have_url(re.compile(rf"/id/claim/{statement}#cite$"))
    box = page.get_by_test_id("cite")
    expect(box).to_be_in_viewport()
    text = page.get_by_test_id("cite-text").input_value()
    assert f"<{BASE}id/claim/{statement}>" in text and release.name in text and "Source: " in text
    assert site.rstrip("/") not in text and "127.0.0.1" not in text
    expect(page.get_by_test_id("cite-iri")).to_have_attribute("href", f"{BASE}id/claim/{statement}")
    page.get_by_test_id("cite-copy").click()
    expect(page.get_by_test_id("cite-status")).to_have_text(re.compile(r"Copied|Selected"))


def test_csv_links_download_tables_a_spreadsheet_opens(page: Page):
    page.goto("/")
    with page.expect_download() as download:
        page.get_by_test_id("csv-link").click()
    rows = csv_rows(download.value.path().read_bytes())
    assert download.value.suggested_filename.endswith(".csv") and len(rows) > 900
    assert all(r["subject_label"] and r["quote"] and r["claim"] for r in rows)

    page.goto("/id/kataib-hezbollah")
    with page.expect_download() as download:
        page.get_by_test_id("csv-link").click()
    rows = csv_rows(download.value.path().read_bytes())
    kh = f"{BASE}id/kataib-hezbollah"
    assert rows and all(kh in (r["subject"], r["object"]) for r in rows)


def test_query_ui_downloads_its_table_with_labels_beside_iris(page: Page):
    page.goto("/sparql")
    expect(page.get_by_test_id("query-ui")).to_have_attribute("data-ready", "true")
    example = page.locator('[data-testid="example"][data-example-id="01-militias-controlling-crossings"]')
    example.get_by_role("link").click()
    results = page.get_by_test_id("results")
    expect(results).to_have_attribute("data-state", "done")
    # The link to share the query names the dataset's public endpoint, not the address this page was reached at.
    expect(page.get_by_test_id("share-link")).to_have_attribute("href", re.compile("^" + re.escape(BASE + "sparql#query=")))
    with page.expect_download() as download:
        page.locator(".yasr_downloadIcon").click()
    rows = csv_rows(download.value.path().read_bytes())
    assert rows and {"militia", "militia_label", "crossing", "crossing_label"} <= set(rows[0])
    assert all(r["militia"].startswith(BASE) and r["militia_label"] and not r["militia_label"].startswith("http") for r in rows)
# Search ------------------------------------------------------------------------------------------

def test_search_box_suggests_as_one_types_and_opens_the_entity(page: Page):
    page.goto("/")
    box = page.get_by_test_id("search-box")
    box.press_sequentially("Kataeb", delay=40)  # a transliteration the register's label does not use
    expect(page.get_by_test_id("suggestions")).to_have_attribute("data-query", "Kataeb")  # the answer to the whole text
    suggestions = page.get_by_test_id("suggestion")
    expect(suggestions.first).to_be_visible()
    expect(suggestions.first).to_contain_text("Kataib Hezbollah")
    suggestions.first.click()
    expect(page).to_have_url(re.compile(r"/id/kataib-hezbollah$"))
    expect(page.get_by_test_id("label")).to_have_text("Kataib Hezbollah")


def test_enter_before_the_suggestions_for_the_whole_text_arrive_searches_that_text(page: Page):
    """The suggestions shown are those of an earlier text ("Kataib") until the answer for the current one arrives: Enter
    then searches the text typed, not the suggestion chosen among the earlier ones."""
    page.goto("/")
    box = page.get_by_test_id("search-box")
    box.press_sequentially("Kataib", delay=40)
    expect(page.get_by_test_id("suggestions")).to_have_attribute("data-query", "Kataib")
    box.press("ArrowDown")
    box.press_sequentially(" Sayyid", delay=0)  # Enter comes before the pause after typing that asks again
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search\?q=Kataib\+Sayyid$"))


def test_search_box_is_driven_by_the_keyboard_from_any_page(page: Page):
    page.goto("/id/document/002")
    box = page.get_by_test_id("search-box")
    box.press_sequentially("Hizballah", delay=40)
    expect(page.get_by_test_id("suggestions")).to_have_attribute("data-query", "Hizballah")
    expect(page.get_by_test_id("suggestion").first).to_contain_text("Hezbollah")
    box.press("ArrowDown")
    expect(page.get_by_test_id("suggestion").first).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/id/hezbollah$"))
    page.get_by_test_id("search-box").press_sequentially("Kataib", delay=20)
    expect(page.get_by_test_id("suggestions")).to_be_visible()
    page.get_by_test_id("search-box").press("Escape")
    expect(page.get_by_test_id("suggestions")).to_be_hidden()


def test_results_page_highlights_why_each_hit_matched_and_opens_the_passage(page: Page):
    page.goto("/")
    box = page.get_by_test_id("search-box")
    box.fill("al-Bukamal")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search\?q=al-Bukamal$"))
    hits = page.get_by_test_id("hit")
    expect(hits.first).to_be_visible()
    expect(page.get_by_test_id("total")).to_contain_text("results")
    first = hits.first
    expect(first.locator(".hit-title")).to_have_text("Albu Kamal")
    expect(first.locator("mark").first).to_be_visible()  # why it matched: the words, highlighted
    for mark in page.locator("[data-testid=snippet] mark").all()[:20]:
        assert re.search(r"(?i)b.?u.?k.?a.?m.?a.?l|albu|kamal|abu", mark.inner_text()), mark.inner_text()
    page.get_by_label("What to find").select_option("claim")  # the quotes behind the facts
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"kind=claim"))
    expect(hits.first.locator("mark").first).to_be_visible()
    passage = page.locator("li.hit a.passage").first  # a quote's place in its document's text
    href = passage.get_attribute("href")
    assert href and re.fullmatch(r"/id/document/\d{3}#s-\d{3}-\d{3}", href)
    passage.click()
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    page.wait_for_load_state()
    anchor = href.split("#")[1]
    expect(page.locator(f"[id='{anchor}']")).to_have_count(1)
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == anchor


def test_results_page_corrects_a_typo_and_opens_a_document_paragraph(page: Page):
    page.goto("/search?q=Quds+Forse&kind=passage")
    expect(page.get_by_test_id("corrected")).to_contain_text("quds force")
    first = page.get_by_test_id("hit").first
    expect(first.locator("mark").first).to_have_text(re.compile("quds|force", re.IGNORECASE))
    snippet = first.get_by_test_id("snippet").inner_text()
    link = first.locator(".hit-title")
    href = link.get_attribute("href")
    assert href and re.fullmatch(r"/id/document/\d{3}#p-\d+", href)
    link.click()
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    page.wait_for_load_state()
    anchor = href.split("#")[1]
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == anchor
    after = page.evaluate(f"""(() => {{ const a = document.getElementById('{anchor}'), r = document.createRange();
        r.setStartAfter(a); r.setEndAfter(a.parentNode.lastChild); return r.toString(); }})()""")
    words = snippet.removeprefix("… ").removesuffix(" …")
    assert words[:40] in after[:len(words) + 200]  # the paragraph the hit showed starts at the anchor
