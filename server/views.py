"""Analyst views: a map of places, crossings, bases and strikes, and a timeline of dated events.

- `/map` (page) and `/map.geojson` (the data, GeoJSON with foreign members). Positions come only
  from the named graphs `kg build` writes for them (`?x geo:hasGeometry ?g . ?g geo:asWKT
  "POINT(lon lat)"^^geo:wktLiteral`): `<base>graph/reference-coordinates` (register/coordinates.yaml)
  and `<base>graph/geonames` (the gazetteer, kg.gazetteer), each point with its source; the source
  documents give none, and nothing here geocodes or invents one. A crossing, base, strike or other
  event without a point of its own may be shown at the point of a place the graph says it is in, at
  or near (lb:locatedIn, lb:location, lb:hit, lb:near, lb:nearLocation), and its marker then says so
  in words ("shown at Albu Kamal: the strike was near Albu Kamal"). A route (lb:hasWaypoint) is a line
  through its waypoints in lb:sequence order, those with a point of their own; its note names the
  ones left out. Everything else without a position is listed beside the map.
- `/timeline` (page, server-side HTML and SVG) and `/timeline.json`: every event with an `lb:date`,
  at the precision the source gives (a day, a whole month, a whole year), with the asserted claims
  that support each date; days without a year (`lb:monthDay`, with the earliest date they can be,
  `lb:dateNotBefore`) are listed apart as "year not stated": "28 January, not before 2023".

Both read the default graph, which holds only asserted, current facts: what a source only plans,
expects, recommends, makes conditional or denies (a reopening announced for April 2018 that did
not take place) is neither drawn nor dated here, and an entity only such claims mention is not on
the map.

Map tiles are off by default: the map draws its points on a plain background — the Natural Earth
country outlines in server/static/outline/ (public domain; licence and provenance beside them), for
orientation only — with a scale and a legend. Set the environment variable `KG_MAP_TILES` to a tile URL template (e.g.
`https://tiles.example.org/{z}/{x}/{y}.png`, Leaflet's syntax) to add a tile layer, and
`KG_MAP_TILES_ATTRIBUTION` to the attribution its provider requires (plain text). The page then
loads tiles from that server, which is the only thing it ever loads from another origin.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, jsonify, render_template, url_for

from kg.iris import GAZETTEER_GRAPH, REFERENCE_GRAPH, Iris
from kg.namespaces import DCTERMS, LB, SKOS, XSD, sparql_prefixes

from .dates import date_span, date_words, month_day_words
from .iris import local_path

bp = Blueprint("views", __name__)

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
EPSG4326 = ("http://www.opengis.net/def/crs/EPSG/0/4326", "http://www.opengis.net/def/crs/EPSG/9.9.1/4326")
PREFIXES = sparql_prefixes("lb", "rdfs", "geo", "xsd")

_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_WKT_POINT = re.compile(rf"^\s*(?:<([^>]*)>\s*)?POINT\s*\(\s*({_NUMBER})\s+({_NUMBER})\s*\)\s*$", re.IGNORECASE)

# What may be drawn, by kind; the first kind an entity's types reach wins.
KINDS = (("strike", "Strike", "Strikes"), ("event", "Event", "Other events"), ("base", "MilitaryBase", "Bases"),
         ("crossing", "Crossing", "Crossings"), ("place", "Place", "Places"), ("route", "Route", "Routes"))
BORROWING_KINDS = {"strike", "event", "base", "crossing"}  # only these may be shown at another place's point
# The graphs positions come from: the reference table's points first, then the gazetteer's (kg.build writes
# a gazetteer point only for a place the reference table does not place).
POSITION_GRAPHS = (REFERENCE_GRAPH, GAZETTEER_GRAPH)
# How a thing without a point of its own may reach a place that has one: (property, words, approximate).
RELATIONS = {
    LB + "locatedIn": ("lies in", False),
    LB + "location": ("was at", False),
    LB + "hit": ("hit", False),
    LB + "near": ("is near", True),
    LB + "nearLocation": ("was near", True),
}
RELATION_ORDER = list(RELATIONS)
NO_ANCHOR_TYPES = {LB + "Country", LB + "Border"}  # a country's or a border's point is no place to put a marker
MAX_HOPS = 3


def _data():
    return current_app.extensions["kg"]


def _cached(name: str, compute) -> Any:
    """The release cannot change under a running app: each view's data is computed once."""
    data = _data()
    cache = current_app.extensions.setdefault("views_cache", {})
    key = (name, str(data.release), data.base_iri)
    if key not in cache:
        cache[key] = compute(data)
    return cache[key]


def _page(iri: str, base: str) -> str | None:
    return local_path(iri, base)


def _html(template: str, **context) -> Response:
    response = Response(render_template(template, **context), mimetype="text/html")
    response.headers["Vary"] = "Accept"
    return response


def _better_label(current: tuple[int, str] | None, term) -> tuple[int, str] | None:
    """(rank, label): an English or untagged label before the others, then the smallest, whatever
    order rows come in."""
    if term is None:
        return current
    candidate = (0 if getattr(term, "language", None) in (None, "en") else 1, term.value)
    return candidate if current is None or candidate < current else current


###########################################################################################
# Map
###########################################################################################

def parse_wkt_point(wkt: str) -> tuple[float, float] | None:
    """(lon, lat) of a WKT point in CRS84 (the GeoSPARQL default) or EPSG:4326, else None."""
    m = _WKT_POINT.match(wkt)
    if not m:
        return None
    crs, a, b = m.group(1), float(m.group(2)), float(m.group(3))
    if crs is None or crs == CRS84:
        lon, lat = a, b
    elif crs in EPSG4326:
        lat, lon = a, b  # EPSG:4326 names latitude first
    else:
        return None
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        return None
    return lon, lat


def _position_graphs(base: str) -> str:
    return " ".join(str(Iris(base).graph(name)) for name in POSITION_GRAPHS)


def reference_points(store, base: str) -> dict[str, list[dict]]:
    """Every point the position graphs give, by entity: lon, lat, the geometry node, the graph and
    the source note the graph gives it."""
    points: dict[str, list[dict]] = defaultdict(list)
    rows = store.query(PREFIXES + f"""SELECT ?e ?g ?wkt ?graph (SAMPLE(?src) AS ?source) WHERE {{
        VALUES ?graph {{ {_position_graphs(base)} }} GRAPH ?graph {{
        ?e geo:hasGeometry ?g . ?g geo:asWKT ?wkt OPTIONAL {{ ?g <{DCTERMS}source> ?src }} }} FILTER(isIRI(?e)) }}
        GROUP BY ?e ?g ?wkt ?graph ORDER BY ?graph""")
    for row in rows:
        point = parse_wkt_point(row["wkt"].value)
        if point is None or any((p["lon"], p["lat"]) == point for p in points[row["e"].value]):
            continue
        geometry = row["g"].value if isinstance(row["g"], ox.NamedNode) else None
        points[row["e"].value].append({"lon": point[0], "lat": point[1], "geometry": geometry,
                                       "geometry_page": _page(geometry, base) if geometry else None,
                                       "source": row["source"].value if row["source"] else None,
                                       "graph": row["graph"].value, "graph_page": _page(row["graph"].value, base)})
    return {e: sorted(p, key=lambda q: (q["lon"], q["lat"])) for e, p in points.items()}


def _entities(store, base: str) -> dict[str, dict]:
    """Places (with crossings and bases), strikes, and whatever else has a reference point: label,
    most specific types and kind."""
    kind_of = "\n".join(
        f"BIND(EXISTS {{ ?t rdfs:subClassOf* lb:{cls} }} AS ?is_{kind})" for kind, cls, _ in KINDS)
    rows = store.query(PREFIXES + f"""SELECT ?e ?label ?t ?tl {" ".join(f"?is_{k}" for k, _, _ in KINDS)} WHERE {{
        {{ SELECT DISTINCT ?e WHERE {{
            {{ ?e a/rdfs:subClassOf* lb:Place }} UNION {{ ?e a/rdfs:subClassOf* lb:Strike }}
            UNION {{ ?e a/rdfs:subClassOf* lb:Event ; lb:location|lb:nearLocation|lb:hit ?where }}
            UNION {{ ?e lb:hasWaypoint ?w }}
            UNION {{ VALUES ?pg {{ {_position_graphs(base)} }} GRAPH ?pg {{ ?e geo:hasGeometry ?g }} }} FILTER(isIRI(?e)) }} }}
        OPTIONAL {{ ?e rdfs:label ?label }}
        OPTIONAL {{ ?e a ?t FILTER(isIRI(?t) && STRSTARTS(STR(?t), STR(lb:)))
                    FILTER NOT EXISTS {{ ?e a ?t2 . ?t2 rdfs:subClassOf+ ?t FILTER(?t2 != ?t) }}
                    OPTIONAL {{ ?t rdfs:label ?tl }} {kind_of} }}
    }}""")
    out: dict[str, dict] = {}
    for row in rows:
        iri = row["e"].value
        item = out.setdefault(iri, {"iri": iri, "page": _page(iri, base), "label": None, "types": {}, "kinds": set()})
        item["label"] = _better_label(item["label"], row["label"])
        if row["t"] is not None:
            t = row["t"].value
            item["types"].setdefault(t, row["tl"].value if row["tl"] else t.rsplit("#", 1)[-1])
            for kind, _, _ in KINDS:
                flag = row[f"is_{kind}"]
                if flag is not None and flag.value == "true":
                    item["kinds"].add(kind)
    for item in out.values():
        item["label"] = item["label"][1] if item["label"] else item["iri"].rsplit("/", 1)[-1]
        item["kind"] = next((k for k, _, _ in KINDS if k in item["kinds"]), "other")
        item["type_iris"] = set(item["types"])
        item["types"] = sorted(item["types"].values())
        del item["kinds"]
    return out


def _relations(store) -> dict[str, list[tuple[str, str]]]:
    """For every subject: (property, object) of the relations a position may be borrowed along;
    lb:near is symmetric, so it is followed both ways."""
    values = " ".join(f"<{p}>" for p in RELATIONS)
    edges: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for row in store.query(f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o FILTER(isIRI(?s) && isIRI(?o)) }}"):
        s, p, o = row["s"].value, row["p"].value, row["o"].value
        if s == o:
            continue
        edges[s].add((p, o))
        if p == LB + "near":
            edges[o].add((p, s))
    return {s: sorted(e, key=lambda pe: (RELATION_ORDER.index(pe[0]), pe[1])) for s, e in edges.items()}


def _labels(store, iris: set[str]) -> dict[str, str]:
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in sorted(iris))
    best: dict[str, tuple[int, str] | None] = {}
    for row in store.query(PREFIXES + f"SELECT ?x ?l WHERE {{ VALUES ?x {{ {values} }} ?x rdfs:label ?l }}"):
        best[row["x"].value] = _better_label(best.get(row["x"].value), row["l"])
    return {x: label[1] for x, label in best.items() if label}


def _borrowed_position(iri: str, entities: dict[str, dict], points: dict, edges: dict) -> list[tuple[str, str]] | None:
    """The shortest chain of stated relations from the thing to a place with a point of its own:
    [(property, object), …], with at most one approximate step ("near"), or None."""
    best: tuple | None = None
    frontier: list[tuple[list[tuple[str, str]], int]] = [([], 0)]
    for _ in range(MAX_HOPS):
        following = []
        for path, approximate in frontier:
            here = path[-1][1] if path else iri
            for prop, target in edges.get(here, ()):
                if target == iri or any(target == o for _, o in path):
                    continue
                steps = approximate + RELATIONS[prop][1]
                if steps > 1:
                    continue
                chain = [*path, (prop, target)]
                anchor = entities.get(target)
                usable = target in points and not (anchor and anchor["type_iris"] & NO_ANCHOR_TYPES)
                if usable:
                    key = (len(chain), steps, [RELATION_ORDER.index(p) for p, _ in chain], entities.get(target, {}).get("label", target))
                    if best is None or key < best[0]:
                        best = (key, chain)
                else:
                    following.append((chain, steps))
        if best is not None:
            return best[1]
        frontier = following
    return None


def _chain_words(iri: str, kind: str, chain: list[tuple[str, str]], labels: dict[str, str], edges: dict) -> str:
    """The chain in words: "the strike hit X, which lies in Y, which is near Z". A crossing names
    every place it connects, not only the one it is shown at."""
    parts, here = [], iri
    for i, (prop, target) in enumerate(chain):
        objects = [target]
        if prop == LB + "connects":
            objects += sorted((o for p, o in edges.get(here, ()) if p == prop and o != target), key=lambda o: labels.get(o, o).lower())
        names = [labels.get(o, o) for o in objects]
        words = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        parts.append(f"the {kind} {RELATIONS[prop][0]} {words}" if i == 0 else f"which {RELATIONS[prop][0]} {words}")
        here = target
    return ", ".join(parts)


def _waypoints(store) -> dict[str, list[tuple[int, str]]]:
    """Every route's waypoints: (sequence, place), in order."""
    out: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in store.query(PREFIXES + """SELECT DISTINCT ?r ?n ?p WHERE { ?r lb:hasWaypoint ?w . ?w lb:sequence ?n ; lb:waypointPlace ?p
            FILTER(isIRI(?r) && isIRI(?p)) }"""):
        out[row["r"].value].append((int(row["n"].value), row["p"].value))
    return {r: sorted(w) for r, w in out.items()}


def _links(store) -> dict[str, list[str]]:
    """The other datasets' IRIs of each entity (skos:exactMatch), for the popups."""
    out: dict[str, list[str]] = defaultdict(list)
    for row in store.query(f"SELECT ?e ?o WHERE {{ ?e <{SKOS}exactMatch> ?o FILTER(isIRI(?e) && isIRI(?o)) }} ORDER BY ?e ?o"):
        out[row["e"].value].append(row["o"].value)
    return dict(out)


def _route_feature(iri: str, props: dict, stops: list[tuple[int, str]], points: dict, labels: dict, base: str) -> dict | None:
    """A route as a line through its waypoints that have a point of their own (two at least), else None."""
    waypoints, line = [], []
    for sequence, place in stops:
        point = points[place][0] if place in points else None
        waypoints.append({"sequence": sequence, "iri": place, "label": labels.get(place, place), "page": _page(place, base),
                          "positioned": point is not None})
        if point is not None:
            line.append([point["lon"], point["lat"]])
    if len(line) < 2:
        return None
    missing = [w["label"] for w in waypoints if not w["positioned"]]
    note = f"drawn through {len(line)} of its {len(waypoints)} waypoints, in order"
    if missing:
        note += f"; without a position: {', '.join(missing)}"
    return {"type": "Feature", "id": iri, "geometry": {"type": "LineString", "coordinates": line},
            "properties": {**props, "position": "waypoints", "note": note, "waypoints": waypoints}}


def _gazetteer_figures(release) -> dict:
    """The build's gazetteer figures (what it could not match, and why), where the release has them."""
    try:
        return release.stats().get("gazetteer", {})
    except FileNotFoundError:  # a release written by hand (the tests' small graphs) has no figures
        return {}


def _no_position(item: dict, gazetteer: dict) -> str:
    """Why a thing has no position, in words, for the list beside the map."""
    name = item["iri"].rsplit("/", 1)[-1]
    if item["kind"] == "route":
        return "fewer than two of its waypoints have a point"
    if item["kind"] in BORROWING_KINDS:
        return "no point of its own, and no stated place with one"
    if LB + "Country" in item["type_iris"]:
        return "a country: the gazetteer gives no point for one"
    if name in gazetteer.get("ambiguous", {}):
        return "its name is ambiguous in the gazetteer"
    if name in gazetteer.get("not_in_gazetteer", []):
        return "not in the gazetteer"
    return "no reference point, and only settlements are placed from the gazetteer"


def map_data(data) -> dict:
    """The map's features (own and borrowed points, routes' lines) and everything that has no position."""
    store, base = data.store, data.base_iri
    points = reference_points(store, base)
    entities = _entities(store, base)
    edges = _relations(store)
    routes = _waypoints(store)
    links = _links(store)
    gazetteer = _gazetteer_figures(data.release)
    features, unpositioned, borrowed = [], [], {}
    for iri, item in entities.items():
        if iri in points or item["kind"] not in BORROWING_KINDS:
            continue
        chain = _borrowed_position(iri, entities, points, edges)
        if chain is not None:
            borrowed[iri] = chain
    labels = {i: e["label"] for i, e in entities.items()}
    labels.update(_labels(store, ({o for targets in edges.values() for _, o in targets}
                                  | {p for stops in routes.values() for _, p in stops}) - set(labels)))
    for iri, item in sorted(entities.items(), key=lambda kv: (kv[1]["label"].lower(), kv[0])):
        base_props = {"iri": iri, "page": item["page"], "label": item["label"], "kind": item["kind"], "types": item["types"],
                      "links": links.get(iri, [])}
        route = _route_feature(iri, base_props, routes[iri], points, labels, base) if iri in routes else None
        if iri in points:
            for point in points[iri]:
                features.append({"type": "Feature", "id": iri, "geometry": {"type": "Point", "coordinates": [point["lon"], point["lat"]]},
                                 "properties": {**base_props, "position": "own", "note": None, "source": point["source"],
                                                "reference_point": point["geometry_page"], "graph_page": point["graph_page"]}})
        elif route is not None:
            features.append(route)
        elif iri in borrowed:
            chain = borrowed[iri]
            anchor = chain[-1][1]
            note = f"shown at {labels.get(anchor, anchor)}: {_chain_words(iri, item['kind'], chain, labels, edges)}"
            via = [{"property": p, "property_label": RELATIONS[p][0], "iri": o, "label": labels.get(o, o), "page": _page(o, base)}
                   for p, o in chain]
            for point in points[anchor]:
                features.append({"type": "Feature", "id": iri, "geometry": {"type": "Point", "coordinates": [point["lon"], point["lat"]]},
                                 "properties": {**base_props, "position": "borrowed", "note": note,
                                                "shown_at": {"iri": anchor, "label": labels.get(anchor, anchor),
                                                             "page": _page(anchor, base)},
                                                "via": via}})
        elif item["kind"] != "other":
            unpositioned.append({**base_props, "reason": _no_position(item, gazetteer)})
    kind_order = [k for k, _, _ in KINDS]
    unpositioned.sort(key=lambda u: (kind_order.index(u["kind"]), u["label"].lower()))
    graph, gazetteer = Iris(base).graph(REFERENCE_GRAPH).value, Iris(base).graph(GAZETTEER_GRAPH).value
    return {"type": "FeatureCollection", "features": features, "unpositioned": unpositioned,
            "reference_graph": graph if store.query(f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}") else None,
            "gazetteer_graph": gazetteer if store.query(f"ASK {{ GRAPH <{gazetteer}> {{ ?s ?p ?o }} }}") else None}


def _tiles() -> tuple[str | None, str]:
    config = current_app.config
    return (config["MAP_TILES"] or "").strip() or None, (config["MAP_TILES_ATTRIBUTION"] or "").strip()


@bp.route("/map.geojson")
def map_geojson() -> Response:
    response = jsonify(_cached("map", map_data))
    response.mimetype = "application/geo+json"
    return response


@bp.route("/map")
def map_page() -> Response:
    geo = _cached("map", map_data)
    tiles, attribution = _tiles()
    groups = []
    for kind, _, title in KINDS:
        items = [u for u in geo["unpositioned"] if u["kind"] == kind]
        if items:
            groups.append((kind, title, items))
    on_map = sorted(geo["features"], key=lambda f: ([k for k, _, _ in KINDS].index(f["properties"]["kind"])
                                                     if f["properties"]["kind"] != "other" else 9,
                                                     f["properties"]["label"].lower()))
    count = {position: sum(1 for f in geo["features"] if f["properties"]["position"] == position)
             for position in ("own", "borrowed", "waypoints")}
    base = _data().base_iri
    return _html("map.html", features=on_map, groups=groups, unpositioned=geo["unpositioned"], own=count["own"],
                 borrowed=count["borrowed"], routes=count["waypoints"], tiles=tiles, tiles_attribution=attribution,
                 reference_page=_page(geo["reference_graph"], base) if geo["reference_graph"] else None,
                 gazetteer_page=_page(geo["gazetteer_graph"], base) if geo["gazetteer_graph"] else None)


###########################################################################################
# Timeline
###########################################################################################

def timeline_data(data) -> dict:
    """Every dated event, its dates at their precision and the asserted claims behind each date; an
    event with only a day without a year (lb:monthDay) is listed apart, with the earliest date it can be."""
    store, base = data.store, data.base_iri
    dates: dict[str, dict[tuple, dict]] = defaultdict(dict)
    rows = []
    for prop, bound in (("date", ""), ("monthDay", "OPTIONAL { ?e lb:dateNotBefore ?nb }")):
        rows += store.query(PREFIXES + f"""SELECT ?e ?p ?d ?nb ?claim ?sid ?certainty ?cl ?inferred WHERE {{
            ?e lb:{prop} ?d FILTER(isIRI(?e))
            OPTIONAL {{ GRAPH ?claim {{ ?e lb:{prop} ?d {bound} }} ?claim a lb:Claim ; lb:modality lb:asserted ;
                        lb:statementId ?sid ; lb:certainty ?certainty
                        OPTIONAL {{ ?certainty rdfs:label ?cl }} OPTIONAL {{ ?claim lb:yearInferred ?inferred }} }}
            BIND(lb:{prop} AS ?p) }} ORDER BY ?e ?d ?nb ?sid""")
    for row in rows:
        lit, bound = row["d"], row["nb"]
        datatype = lit.datatype.value if lit.datatype else XSD + "string"
        month_day = row["p"].value == LB + "monthDay"
        key = (lit.value, datatype, bound.value if month_day and bound is not None else None)
        entry = dates[row["e"].value].setdefault(key, {"value": lit.value, "datatype": datatype, "claims": []})
        if month_day:
            entry["property"] = "monthDay"
            entry["not_before"] = bound.value if bound is not None else None
            entry["not_before_datatype"] = bound.datatype.value if bound is not None else None
        if row["claim"] is not None and not any(c["iri"] == row["claim"].value for c in entry["claims"]):
            certainty = row["cl"].value if row["cl"] else row["certainty"].value.rsplit("#", 1)[-1]
            entry["claims"].append({"iri": row["claim"].value, "page": _page(row["claim"].value, base),
                                    "statement": row["sid"].value, "certainty": certainty,
                                    "year_inferred": row["inferred"] is not None and row["inferred"].value == "true"})
    words: dict[str, list[str]] = defaultdict(list)
    for row in store.query(PREFIXES + "SELECT ?e ?t WHERE { ?e lb:dateText ?t FILTER(isIRI(?e)) } ORDER BY ?e ?t"):
        words[row["e"].value].append(row["t"].value)
    info = _event_info(store, base, set(dates) | set(words))

    events, no_year, undated = [], [], []
    for iri, by_value in dates.items():
        placed, unplaced = [], []
        for entry in by_value.values():
            month_day = entry.get("property") == "monthDay"
            span = None if month_day else date_span(entry["value"], entry["datatype"])
            if month_day:
                bound = (entry["not_before"], entry.pop("not_before_datatype")) if entry["not_before"] else None
                entry["text"] = month_day_words(entry["value"], bound)
            else:
                entry["text"] = date_words(entry["value"], entry["datatype"])
            entry["certainties"] = sorted({c["certainty"] for c in entry["claims"]})
            entry["year_inferred"] = sum(c["year_inferred"] for c in entry["claims"])
            if span is None:
                entry["precision"] = "month-day" if month_day else "unknown"
                entry["start"] = entry["end"] = None
                unplaced.append(entry)
            else:
                entry["precision"], start, end = span
                entry["start"], entry["end"] = start.isoformat(), end.isoformat()
                placed.append(entry)
        placed.sort(key=lambda e: (e["start"], e["end"]))
        unplaced.sort(key=lambda e: (e.get("not_before") or "", e["value"]))
        claims = {c["iri"] for e in by_value.values() for c in e["claims"]}
        event = {**info[iri], "date_text": words.get(iri, []), "dates": placed, "unplaced_dates": unplaced,
                 "claims": len(claims), "certainties": sorted({c["certainty"] for e in by_value.values() for c in e["claims"]})}
        if placed:
            event["start"] = min(e["start"] for e in placed)
            event["end"] = max(e["end"] for e in placed)
            precisions = {e["precision"] for e in placed}
            event["precision"] = precisions.pop() if len(precisions) == 1 else "mixed"
            events.append(event)
        else:
            no_year.append(event)
    for iri in sorted(set(words) - set(dates)):
        undated.append({**info[iri], "date_text": words[iri]})
    events.sort(key=lambda e: (e["start"], e["end"], e["label"].lower()))
    no_year.sort(key=lambda e: ([(d.get("not_before") or "", d["value"]) for d in e["unplaced_dates"]], e["label"].lower()))
    undated.sort(key=lambda e: e["label"].lower())
    axis = None
    if events:
        first = int(events[0]["start"][:4])
        last = max(int(e["end"][:4]) for e in events)
        axis = {"start": f"{first}-01-01", "end": f"{last}-12-31", "years": list(range(first, last + 1))}
    return {"events": events, "year_not_stated": no_year, "undated": undated, "axis": axis}


def _event_info(store, base: str, iris: set[str]) -> dict[str, dict]:
    """Label and most specific types of each event."""
    out = {i: {"iri": i, "page": _page(i, base), "label": None, "types": []} for i in iris}
    if not iris:
        return out
    values = " ".join(f"<{i}>" for i in sorted(iris))
    for row in store.query(PREFIXES + f"""SELECT ?e ?label ?t ?tl WHERE {{ VALUES ?e {{ {values} }}
            OPTIONAL {{ ?e rdfs:label ?label }}
            OPTIONAL {{ ?e a ?t FILTER(isIRI(?t)) FILTER NOT EXISTS {{ ?e a ?t2 . ?t2 rdfs:subClassOf+ ?t FILTER(?t2 != ?t) }}
                        OPTIONAL {{ ?t rdfs:label ?tl }} }} }}"""):
        item = out[row["e"].value]
        item["label"] = _better_label(item["label"], row["label"])
        if row["t"] is not None:
            t = {"iri": row["t"].value, "label": row["tl"].value if row["tl"] else row["t"].value.rsplit("#", 1)[-1],
                 "page": _page(row["t"].value, base)}
            if t not in item["types"]:
                item["types"].append(t)
    for item in out.values():
        item["label"] = item["label"][1] if item["label"] else item["iri"].rsplit("/", 1)[-1]
        item["types"].sort(key=lambda t: t["label"])
        item["type"] = item["types"][0]["iri"].rsplit("#", 1)[-1] if item["types"] else "Event"
    return out


def _position(day: str, axis: dict) -> float:
    """Where a day falls on the axis, in per cent of its width."""
    start = datetime.date.fromisoformat(axis["start"])
    end = datetime.date.fromisoformat(axis["end"]) + datetime.timedelta(days=1)
    return round(100 * (datetime.date.fromisoformat(day) - start).days / (end - start).days, 3)


def _next_day(day: str) -> str:
    return (datetime.date.fromisoformat(day) + datetime.timedelta(days=1)).isoformat()


def _layout(timeline: dict) -> dict:
    """Positions (per cent of the axis) for the SVG of every event's dates and the year ticks."""
    axis = timeline["axis"]
    if axis is None:
        return {"ticks": [], "marks": {}}
    ticks = [{"year": y, "x": _position(f"{y}-01-01", axis), "mid": _position(f"{y}-07-02", axis)} for y in axis["years"]]
    marks = {}
    for event in timeline["events"]:
        marks[event["iri"]] = [
            {"x": _position(d["start"], axis), "width": round(_position(_next_day(d["end"]), axis) - _position(d["start"], axis), 3),
             "precision": d["precision"], "text": d["text"]}
            for d in event["dates"]]
    return {"ticks": ticks, "marks": marks}


@bp.route("/timeline.json")
def timeline_json() -> Response:
    return jsonify(_cached("timeline", timeline_data))


@bp.route("/timeline")
def timeline() -> Response:
    data = _cached("timeline", timeline_data)
    layout = _cached("timeline-layout", lambda _: _layout(data))
    types = sorted({(e["type"], e["types"][0]["label"] if e["types"] else "Event") for e in data["events"]})
    return _html("timeline.html", t=data, layout=layout, types=types, json_url=url_for("views.timeline_json"))
