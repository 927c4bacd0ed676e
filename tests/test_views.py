"""The analyst views: the map (/map, /map.geojson) and the timeline (/timeline, /timeline.json).

What an analyst relies on: every point on the map is one the reference-coordinates graph gives (and
nothing is placed otherwise), what has no point is listed, every link leads to a page; the timeline
has every dated event once, at the precision its source gives, with the claims behind its date.
"""

from __future__ import annotations

import calendar
import datetime
import json
import re
import time
from html.parser import HTMLParser

import pyoxigraph as ox
import pytest

from server import create_app
from server.views import map_data, timeline_data

from .conftest import BASE, make_release, select

LB = "https://landbridge-kg.org/ontology#"
GEO = "http://www.opengis.net/ont/geosparql#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
REFERENCE = BASE + "graph/reference-coordinates"
GAZETTEER = BASE + "graph/geonames"
POINT = re.compile(r"^\s*(?:<http://www\.opengis\.net/def/crs/OGC/1\.3/CRS84>\s*)?POINT\s*\(\s*(\S+)\s+(\S+)\s*\)\s*$", re.I)
PREFIXES = f"PREFIX lb: <{LB}> PREFIX geo: <{GEO}> PREFIX xsd: <{XSD}> PREFIX rdfs: <{RDFS}>\n"


@pytest.fixture(scope="module")
def app(built):
    return create_app({"BUILD_DIR": str(built.build)})


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


@pytest.fixture(autouse=True)
def no_tiles(monkeypatch):
    monkeypatch.delenv("KG_MAP_TILES", raising=False)
    monkeypatch.delenv("KG_MAP_TILES_ATTRIBUTION", raising=False)


class Page(HTMLParser):
    """The parts of a page the tests read: elements by data-testid, links and loaded resources."""

    def __init__(self, html: str):
        super().__init__()
        self.by_testid: dict[str, list[dict[str, str]]] = {}
        self.links: list[str] = []
        self.resources: list[str] = []
        self.nav: list[str] = []
        self._in_nav = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if "data-testid" in a:
            self.by_testid.setdefault(a["data-testid"], []).append({"tag": tag, **a})
        if tag == "nav":
            self._in_nav = True
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
            if self._in_nav:
                self.nav.append(a["href"])
        if tag in ("script", "img") and "src" in a:
            self.resources.append(a["src"])
        if tag == "link" and "href" in a:
            self.resources.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_nav = False


def page(client, path: str) -> Page:
    r = client.get(path)
    assert r.status_code == 200, path
    assert r.mimetype == "text/html"
    return Page(r.get_data(as_text=True))


def reference_points(store: ox.Store, graphs: tuple[str, ...] = (REFERENCE, GAZETTEER)) -> set[tuple[str, float, float]]:
    """(entity, lon, lat) of every point of the reference-coordinates and gazetteer graphs, read here independently."""
    out = set()
    values = " ".join(f"<{g}>" for g in graphs)
    for row in select(store, PREFIXES + f"""SELECT ?e ?wkt WHERE {{ VALUES ?graph {{ {values} }}
            GRAPH ?graph {{ ?e geo:hasGeometry ?g . ?g geo:asWKT ?wkt }} }}"""):
        m = POINT.match(row["wkt"])
        assert m, f"reference point not in CRS84 lon/lat: {row}"
        out.add((row["e"], float(m.group(1)), float(m.group(2))))
    return out


def iri_of(path: str) -> str:
    assert path.startswith("/id/"), path
    return BASE + path[1:]


###########################################################################################
# Map
###########################################################################################

def test_geojson_has_exactly_the_points_the_reference_graph_allows(client, store):
    r = client.get("/map.geojson")
    assert r.status_code == 200 and r.mimetype == "application/geo+json"
    geo = r.get_json()
    assert geo["type"] == "FeatureCollection"
    ref = reference_points(store)
    points = {(lon, lat) for _, lon, lat in ref}
    own = {(f["id"], *f["geometry"]["coordinates"]) for f in geo["features"] if f["properties"]["position"] == "own"}
    assert own == ref
    for f in geo["features"]:
        vertices = [f["geometry"]["coordinates"]] if f["geometry"]["type"] == "Point" else f["geometry"]["coordinates"]
        assert f["geometry"]["type"] == ("LineString" if f["properties"]["position"] == "waypoints" else "Point")
        assert all(tuple(v) in points for v in vertices), f["id"]
        assert f["properties"]["iri"] == f["id"]


def test_things_shown_at_another_place_say_so_and_the_graph_says_where(client, store):
    geo = client.get("/map.geojson").get_json()
    ref = reference_points(store)
    with_point = {e for e, _, _ in ref}
    for f in geo["features"]:
        p = f["properties"]
        if p["position"] == "own":
            assert p["note"] is None
            continue
        if p["position"] == "waypoints":
            continue
        assert p["position"] == "borrowed"
        assert p["kind"] in ("crossing", "base", "strike", "event")
        assert f["id"] not in with_point  # a thing with a point of its own is shown there
        anchor = p["shown_at"]["iri"]
        assert (anchor, *f["geometry"]["coordinates"]) in ref
        assert p["note"].startswith(f"shown at {p['shown_at']['label']}: the {p['kind']} ")
        subject = f["id"]
        for step in p["via"]:  # every step of the way is a fact of the graph (lb:near either way round)
            s, prop, o = f"<{subject}>", f"<{step['property']}>", f"<{step['iri']}>"
            ask = f"ASK {{ {{ {s} {prop} {o} }} UNION {{ {o} {prop} {s} FILTER({prop} = <{LB}near>) }} }}"
            assert store.query(ask), (f["id"], step)
            assert step["label"] in p["note"]
            subject = step["iri"]
        assert subject == anchor


def test_routes_are_lines_through_their_ordered_waypoints(client, store):
    """A route with two waypoints or more that have a point is a line through them in lb:sequence order; its note names
    the waypoints left out; a route with fewer is listed as without a position."""
    geo = client.get("/map.geojson").get_json()
    points = {e: (lon, lat) for e, lon, lat in reference_points(store)}
    stops: dict[str, list[tuple[int, str]]] = {}
    for row in select(store, PREFIXES + "SELECT ?r ?n ?p WHERE { ?r lb:hasWaypoint ?w . ?w lb:sequence ?n ; lb:waypointPlace ?p }"):
        stops.setdefault(row["r"], []).append((int(row["n"]), row["p"]))
    lines = {f["id"]: f for f in geo["features"] if f["properties"]["position"] == "waypoints"}
    listed = {u["iri"] for u in geo["unpositioned"] if u["kind"] == "route"}
    assert stops and lines, "the release has routes to draw"
    for route, waypoints in stops.items():
        expected = [list(points[p]) for _, p in sorted(waypoints) if p in points]
        if len(expected) < 2:
            assert route in listed and route not in lines
            continue
        assert lines[route]["geometry"]["coordinates"] == expected
        left_out = [w["label"] for w in lines[route]["properties"]["waypoints"] if not w["positioned"]]
        assert len(left_out) == len(waypoints) - len(expected)
        assert all(label in lines[route]["properties"]["note"] for label in left_out)
    html = page(client, "/map")
    assert {r["data-page"] for r in html.by_testid["on-map-item"] if r["data-position"] == "waypoints"} == \
        {lines[r]["properties"]["page"] for r in lines}


def test_gazetteer_points_are_on_the_map_with_their_source(client, store, release):
    """Every settlement the gazetteer places is drawn at the GeoNames point, its source saying so; no country is drawn."""
    geo = client.get("/map.geojson").get_json()
    placed = select(store, PREFIXES + f"SELECT ?e ?wkt WHERE {{ GRAPH <{GAZETTEER}> {{ ?e geo:hasGeometry ?g . ?g geo:asWKT ?wkt }} }}")
    assert placed
    own = {f["id"]: f for f in geo["features"] if f["properties"]["position"] == "own"}
    for row in placed:
        feature = own[row["e"]]
        assert "GeoNames" in feature["properties"]["source"]
        assert any(link.startswith("https://sws.geonames.org/") for link in feature["properties"]["links"])
    countries = {r["c"] for r in select(store, PREFIXES + "SELECT ?c WHERE { ?c a lb:Country }")}
    assert not countries & set(own)
    reasons = {u["iri"]: u["reason"] for u in geo["unpositioned"]}
    assert countries <= set(reasons) and all("gazetteer gives no point" in reasons[c] for c in countries)
    # The settlements the build could not match are listed with that reason.
    figures = json.loads((release / "stats.json").read_text())["gazetteer"]
    for name in figures["not_in_gazetteer"]:
        if BASE + "id/" + name in reasons:
            assert reasons[BASE + "id/" + name] == "not in the gazetteer"
    html = page(client, "/map")
    assert len(html.by_testid["unpositioned-item"]) == len(reasons)


def test_every_map_link_leads_to_a_page(client):
    geo = client.get("/map.geojson").get_json()
    pages = {f["properties"]["page"] for f in geo["features"]}
    pages |= {f["properties"]["shown_at"]["page"] for f in geo["features"] if f["properties"]["position"] == "borrowed"}
    pages |= {step["page"] for f in geo["features"] for step in f["properties"].get("via", [])}
    pages |= {w["page"] for f in geo["features"] for w in f["properties"].get("waypoints", [])}
    pages |= {u["page"] for u in geo["unpositioned"]}
    html = page(client, "/map")
    pages |= {a for a in html.links if a.startswith("/id/") or a.startswith("/graph/")}
    assert pages and None not in pages
    for path in sorted(pages):
        assert client.get(path, headers={"Accept": "text/html"}).status_code == 200, path


def test_unpositioned_list_has_no_point_and_nothing_is_forgotten(client, store):
    geo = client.get("/map.geojson").get_json()
    with_point = {e for e, _, _ in reference_points(store)}
    on_map = {f["id"] for f in geo["features"]}
    unpositioned = [u["iri"] for u in geo["unpositioned"]]
    assert len(unpositioned) == len(set(unpositioned))
    assert not set(unpositioned) & with_point
    assert not set(unpositioned) & on_map
    everything = {r["e"] for r in select(store, PREFIXES + """SELECT DISTINCT ?e WHERE {
        { ?e a/rdfs:subClassOf* lb:Place } UNION { ?e a/rdfs:subClassOf* lb:Strike } FILTER(isIRI(?e)) }""")}
    assert everything <= on_map | set(unpositioned)
    # the page lists the same, beside the map
    html = page(client, "/map")
    listed = [iri_of(li["data-page"]) for li in html.by_testid.get("unpositioned-item", [])]
    assert sorted(listed) == sorted(unpositioned)
    assert len(html.by_testid.get("on-map-item", [])) == len(geo["features"])


def test_map_page_loads_leaflet_from_our_origin_and_nothing_from_another(client):
    r = client.get("/map")
    text = r.get_data(as_text=True)
    html = Page(text)
    assert "/static/vendor/leaflet/leaflet.js" in html.resources
    assert "/static/vendor/leaflet/leaflet.css" in html.resources
    assert "/static/map.js" in html.resources
    for resource in html.resources:
        if resource == "data:,":  # the empty favicon: no request at all
            continue
        assert resource.startswith("/"), resource
        assert client.get(resource).status_code == 200, resource
    foreign = [u for u in re.findall(r"(?:https?:)?//[^\s\"'<>)]+", text) if not u.startswith("http://localhost/")]
    assert foreign == []
    assert "data-tiles" not in text and "tileLayer" not in text
    js = client.get("/static/map.js").get_data(as_text=True)
    assert [u for u in re.findall(r"https?://[^\s\"'<>)]+", js) if u != "http://www.w3.org/2000/svg"] == []  # a namespace, not a fetch
    box = html.by_testid["map"][0]
    assert box["data-geojson"] == "/map.geojson"
    # the country outlines behind the points are ours too, with their licence beside them
    assert box["data-outline"].startswith("/static/outline/")
    outline = client.get(box["data-outline"])
    assert outline.status_code == 200 and outline.get_json()["type"] == "FeatureCollection"
    assert "public domain" in client.get("/static/outline/LICENSE").get_data(as_text=True)


def test_tiles_only_when_a_tile_server_is_configured(client, built, monkeypatch):
    assert "data-tiles=" not in client.get("/map").get_data(as_text=True)
    monkeypatch.setenv("KG_MAP_TILES", "https://tiles.example.org/{z}/{x}/{y}.png")
    monkeypatch.setenv("KG_MAP_TILES_ATTRIBUTION", "© Example")
    tiled = create_app({"BUILD_DIR": str(built.build), "TESTING": True}).test_client()  # settings are read at start
    response = tiled.get("/map")
    assert "https://tiles.example.org" in response.headers["Content-Security-Policy"]  # the page may load its tiles
    box = Page(response.get_data(as_text=True)).by_testid["map"][0]
    assert box["data-tiles"] == "https://tiles.example.org/{z}/{x}/{y}.png"
    assert box["data-tiles-attribution"] == "© Example"


###########################################################################################
# Timeline
###########################################################################################

PLACEABLE = f"(<{XSD}date>, <{XSD}gYearMonth>, <{XSD}gYear>, <{XSD}dateTime>)"


def test_one_timeline_entry_per_dated_event(client, store):
    html = page(client, "/timeline")
    entries = [iri_of(li["data-page"]) for li in html.by_testid.get("event", [])]
    dated = {r["e"] for r in select(store, PREFIXES + f"SELECT DISTINCT ?e WHERE {{ ?e lb:date ?d FILTER(DATATYPE(?d) IN {PLACEABLE}) }}")}
    assert len(entries) == len(set(entries))
    assert set(entries) == dated
    data = client.get("/timeline.json").get_json()
    assert [e["iri"] for e in data["events"]] == entries
    starts = [li["data-start"] for li in html.by_testid["event"]]
    assert starts == sorted(starts)


def test_year_not_stated_events_are_listed_apart(client, store):
    """A day without a year is lb:monthDay with the earliest date it can be (lb:dateNotBefore): listed
    apart, in words ("28 January, not before 2023"), never on the axis."""
    html = page(client, "/timeline")
    apart = [iri_of(li["data-page"]) for li in html.by_testid.get("year-not-stated", [])]
    expected = {r["e"] for r in select(store, PREFIXES + f"""SELECT DISTINCT ?e WHERE {{ ?e lb:monthDay ?d
        FILTER NOT EXISTS {{ ?e lb:date ?other FILTER(DATATYPE(?other) IN {PLACEABLE}) }} }}""")}
    assert expected  # document 003 shows no date: its 28 January and 17 November have no year
    assert sorted(apart) == sorted(expected)
    bounds = {r["e"]: (r["d"], r["nb"]) for r in select(
        store, PREFIXES + "SELECT ?e ?d ?nb WHERE { ?e lb:monthDay ?d ; lb:dateNotBefore ?nb }")}
    for li in html.by_testid.get("year-not-stated", []):
        month_day, not_before = bounds[iri_of(li["data-page"])]
        assert month_day in li["data-month-day"].split()
        assert not_before in li["data-not-before"].split()
    assert not set(apart) & {iri_of(li["data-page"]) for li in html.by_testid.get("event", [])}
    data = client.get("/timeline.json").get_json()
    barrier = next(e for e in data["year_not_stated"] if e["iri"] == BASE + "id/al-baghouz-barrier-construction")
    [day] = barrier["unplaced_dates"]
    assert (day["value"], day["precision"], day["not_before"]) == ("--01-28", "month-day", "2023-01-28")
    assert day["text"] == "28 January, not before 2023"
    assert [c["statement"] for c in day["claims"]] == ["003-010"]
    assert "28 January, not before 2023" in client.get("/timeline").get_data(as_text=True)


def test_dates_keep_their_precision(client, store):
    """A day is that day, a gYearMonth the whole month, a gYear the whole year; an event spans its dates."""
    data = client.get("/timeline.json").get_json()
    seen = set()
    for event in data["events"]:
        for d in event["dates"]:
            kind = d["datatype"].rsplit("#", 1)[-1]
            seen.add(kind)
            if kind == "gYearMonth":
                year, month = map(int, d["value"][:7].split("-"))
                assert d["precision"] == "month"
                last = calendar.monthrange(year, month)[1]
                assert (d["start"], d["end"]) == (f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}")
            elif kind == "gYear":
                assert d["precision"] == "year" and (d["start"], d["end"]) == (f"{d['value'][:4]}-01-01", f"{d['value'][:4]}-12-31")
            elif kind == "date":
                assert d["precision"] == "day" and d["start"] == d["end"] == d["value"][:10]
        assert event["start"] == min(d["start"] for d in event["dates"])
        assert event["end"] == max(d["end"] for d in event["dates"])
    kinds = {r["k"] for r in select(store, PREFIXES + f"""SELECT DISTINCT (STRAFTER(STR(DATATYPE(?d)), "#") AS ?k)
        WHERE {{ ?e lb:date ?d FILTER(DATATYPE(?d) IN {PLACEABLE}) }}""")}
    assert seen == kinds
    # and the page says the same: a month-precision entry spans its whole month
    html = page(client, "/timeline")
    months = [d for d in html.by_testid.get("date", []) if d["data-precision"] == "month"]
    assert len(months) == sum(1 for e in data["events"] for d in e["dates"] if d["precision"] == "month")
    for d in months:
        first = datetime.date.fromisoformat(d["data-start"])
        last = datetime.date.fromisoformat(d["data-end"])
        assert first.day == 1 and (last + datetime.timedelta(days=1)).day == 1 and (first.year, first.month) == (last.year, last.month)
        assert d["data-value"] == d["data-start"][:7]
    for li in html.by_testid["event"]:
        event = next(e for e in data["events"] if e["page"] == li["data-page"])
        assert (li["data-start"], li["data-end"], li["data-precision"]) == (event["start"], event["end"], event["precision"])


def test_evidence_count_is_the_number_of_claims_that_state_the_date(client, store):
    """The asserted claims that give an event's date (or its day without a year)."""
    counts = {r["e"]: int(r["n"]) for r in select(store, PREFIXES + """SELECT ?e (COUNT(DISTINCT ?claim) AS ?n) WHERE {
        VALUES ?p { lb:date lb:monthDay } ?e ?p ?d .
        OPTIONAL { GRAPH ?claim { ?e ?p ?d } ?claim a lb:Claim ; lb:modality lb:asserted } } GROUP BY ?e""")}
    data = client.get("/timeline.json").get_json()
    listed = data["events"] + data["year_not_stated"]
    assert {e["iri"] for e in listed} == set(counts)
    for event in listed:
        assert event["claims"] == counts[event["iri"]], event["iri"]
    html = page(client, "/timeline")
    for li in html.by_testid["event"] + html.by_testid.get("year-not-stated", []):
        assert int(li["data-claims"]) == counts[iri_of(li["data-page"])]


def test_timeline_has_only_what_sources_assert(client, store):
    """Dates of planned, expected or denied events are not on the timeline: the reopening announced for
    April 2018 (a plan, and denied: "it did not open as planned") is not drawn; the opening of
    30 September 2019 is, with only asserted claims behind it."""
    data = client.get("/timeline.json").get_json()
    listed = data["events"] + data["year_not_stated"]
    claims = {c["iri"] for e in listed for d in e["dates"] + e["unplaced_dates"] for c in d["claims"]}
    assert claims
    modalities = {r["c"]: r["m"] for r in select(store, PREFIXES + "SELECT ?c ?m WHERE { ?c lb:modality ?m }")}
    assert {modalities[c] for c in claims} == {LB + "asserted"}
    opening = next(e for e in data["events"] if e["iri"] == BASE + "id/al-qaim-albu-kamal-crossing-opening")
    assert [d["value"] for d in opening["dates"]] == ["2019-09-30"]
    assert {c["statement"] for d in opening["dates"] for c in d["claims"]} == {"002-006", "002-028"}
    modal = {r["e"] for r in select(store, PREFIXES + f"SELECT ?e WHERE {{ GRAPH <{BASE}graph/register-modal> {{ ?e a ?t }} }}")}
    assert modal and not modal & {e["iri"] for e in listed + data["undated"]}


def test_map_has_only_what_sources_assert(client, store):
    """The map reads the default graph: an entity only non-asserted claims mention (graph/register-modal)
    is neither drawn nor listed, and no position is borrowed along a relation a source only expects."""
    geo = client.get("/map.geojson").get_json()
    shown = {f["id"] for f in geo["features"]} | {u["iri"] for u in geo["unpositioned"]}
    modal = {r["e"] for r in select(store, PREFIXES + f"SELECT ?e WHERE {{ GRAPH <{BASE}graph/register-modal> {{ ?e a ?t }} }}")}
    assert modal and not modal & shown
    for f in geo["features"]:
        subject = f["id"]
        for step in f["properties"].get("via", []):
            s, prop, o = f"<{subject}>", f"<{step['property']}>", f"<{step['iri']}>"
            asserted = f"""ASK {{ {{ GRAPH ?c {{ {s} {prop} {o} }} }} UNION {{ GRAPH ?c {{ {o} {prop} {s} }} FILTER({prop} = lb:near) }}
                ?c lb:modality lb:asserted }}"""
            assert store.query(PREFIXES + asserted), (f["id"], step)
            subject = step["iri"]


def test_every_timeline_link_leads_to_a_page(client):
    html = page(client, "/timeline")
    rows = html.by_testid["event"] + html.by_testid.get("year-not-stated", []) + html.by_testid.get("undated", [])
    links = [a["href"] for a in html.by_testid.get("event-link", [])]
    assert sorted(links) == sorted(li["data-page"] for li in rows if li["data-testid"] != "undated")
    for path in sorted({li["data-page"] for li in rows} | {a for a in html.links if a.startswith(("/id/", "/ontology"))}):
        r = client.get(path.split("#")[0], headers={"Accept": "text/html"})
        assert r.status_code == 200, path


###########################################################################################
# Both
###########################################################################################

def test_map_and_timeline_are_in_the_menu(client):
    nav = page(client, "/").nav
    assert "/map" in nav and "/timeline" in nav


@pytest.mark.slow  # wall clock: each view within 100 ms
def test_views_are_fast(app):
    """Each view's data is computed in well under 100 ms on this graph (and then kept per release)."""
    data = app.extensions["kg"]
    for compute in (map_data, timeline_data):
        best = min(_timed(compute, data) for _ in range(3))
        assert best < 0.1, (compute.__name__, best)
    client = app.test_client()
    for path in ("/map", "/timeline", "/map.geojson", "/timeline.json"):
        client.get(path)
        start = time.perf_counter()
        assert client.get(path).status_code == 200
        assert time.perf_counter() - start < 0.1, path


def _timed(compute, data) -> float:
    start = time.perf_counter()
    compute(data)
    return time.perf_counter() - start


###########################################################################################
# Positions on a small graph made for the purpose
###########################################################################################

EX = "https://example.org/"


def _n(x: str) -> ox.NamedNode:
    return ox.NamedNode(x if x.startswith("http") else EX + "id/" + x)


def _lb(term: str) -> ox.NamedNode:
    return ox.NamedNode(LB + term)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """Towns with reference points (one in EPSG:4326 axis order), a country with one, a point in the
    default graph only, and things that are in, at or near them."""
    ref = ox.NamedNode(EX + "graph/reference-coordinates")
    claim = ox.NamedNode(EX + "id/claim/000-001")
    quads: list[ox.Quad] = []

    def fact(s, p, o, graph=claim):
        for g in (graph, ox.DefaultGraph()):
            quads.append(ox.Quad(s, p, o, g))

    for sub, sup in (("Settlement", "Place"), ("Region", "Place"), ("Country", "Place"), ("Crossing", "Place"),
                     ("OfficialCrossing", "Crossing"), ("Installation", "Place"), ("MilitaryBase", "Installation"),
                     ("Strike", "Event")):
        fact(_lb(sub), ox.NamedNode(RDFS + "subClassOf"), _lb(sup), ox.NamedNode(EX + "graph/ontology"))
    things = {"town": "Settlement", "town2": "Settlement", "town3": "Settlement", "village": "Settlement", "land": "Country",
              "region": "Region", "crossing": "OfficialCrossing", "base-near": "MilitaryBase", "base-in-land": "MilitaryBase",
              "site": "Installation", "strike-near": "Strike", "strike-hit": "Strike", "strike-far": "Strike"}
    for name, cls in things.items():
        fact(_n(name), ox.NamedNode(RDF_TYPE), _lb(cls), ox.NamedNode(EX + "graph/register"))
        fact(_n(name), ox.NamedNode(RDFS + "label"), ox.Literal(name.replace("-", " ").title()), ox.NamedNode(EX + "graph/register"))

    def point(name, wkt, graph=ref):
        g = _n(name + "/geometry")
        fact(_n(name), ox.NamedNode(GEO + "hasGeometry"), g, graph)
        fact(g, ox.NamedNode(GEO + "asWKT"), ox.Literal(wkt, datatype=ox.NamedNode(GEO + "wktLiteral")), graph)

    point("town", "POINT(40.9 34.4)")
    point("town2", "<http://www.opengis.net/def/crs/EPSG/0/4326> POINT(34.0 41.0)")
    point("land", "POINT(39 35)")
    point("town3", "POINT(10 10)", graph=claim)  # not the reference graph: never drawn
    fact(_n("crossing"), _lb("connects"), _n("town"))
    fact(_n("crossing"), _lb("connects"), _n("land"))
    fact(_n("crossing"), _lb("connects"), _n("town2"))
    fact(_n("town"), _lb("near"), _n("base-near"))  # lb:near is symmetric: stated the other way round
    fact(_n("base-in-land"), _lb("locatedIn"), _n("land"))  # a country's point is no place for a marker
    fact(_n("site"), _lb("locatedIn"), _n("town2"))
    fact(_n("strike-hit"), _lb("hit"), _n("site"))
    fact(_n("strike-near"), _lb("nearLocation"), _n("town"))
    fact(_n("strike-far"), _lb("nearLocation"), _n("crossing"))  # near a crossing that only connects: too far to say
    fact(_n("village"), _lb("near"), _n("town"))  # a place without a point of its own is not moved
    build_dir = tmp_path_factory.mktemp("small")
    make_release(build_dir, quads)
    return create_app({"BUILD_DIR": str(build_dir)})


def test_small_graph_points_and_notes(small):
    client = small.test_client()
    geo = client.get("/map.geojson").get_json()
    by_id = {}
    for f in geo["features"]:
        by_id.setdefault(f["id"].rsplit("/", 1)[-1], []).append(f)
    assert {k: [f["geometry"]["coordinates"] for f in v] for k, v in by_id.items() if v[0]["properties"]["position"] == "own"} == {
        "town": [[40.9, 34.4]], "town2": [[41.0, 34.0]], "land": [[39.0, 35.0]]}
    notes = {k: v[0]["properties"]["note"] for k, v in by_id.items() if v[0]["properties"]["position"] == "borrowed"}
    # A crossing that connects two towns is at neither: it has no position (the guide leaves the
    # al-Qaim–Albu Kamal crossing's out), so it is listed, not drawn.
    assert notes == {
        "base-near": "shown at Town: the base is near Town",
        "strike-near": "shown at Town: the strike was near Town",
        "strike-hit": "shown at Town2: the strike hit Site, which lies in Town2",
    }
    assert by_id["strike-hit"][0]["geometry"]["coordinates"] == [41.0, 34.0]
    unpositioned = {u["iri"].rsplit("/", 1)[-1] for u in geo["unpositioned"]}
    assert unpositioned == {"town3", "village", "region", "base-in-land", "site", "strike-far", "crossing"}
    html = Page(client.get("/map").get_data(as_text=True))
    assert {li["data-page"].rsplit("/", 1)[-1] for li in html.by_testid["unpositioned-item"]} == unpositioned


def test_small_graph_without_dates_has_an_empty_timeline(small):
    client = small.test_client()
    assert client.get("/timeline.json").get_json()["events"] == []
    assert "timeline-empty" in client.get("/timeline").get_data(as_text=True)
