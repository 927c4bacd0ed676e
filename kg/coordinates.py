"""Reference coordinates: WGS84 points of register places, from outside the documents (register/coordinates.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from .errors import InputError
from .namespaces import GEO
from .ontology import Ontology
from .register import Entity
from .yamlio import records

_KEYS = {"entity", "place", "lat", "lon", "source"}


@dataclass(frozen=True)
class ReferencePoint:
    """One point of one register entity, with the note saying where it comes from."""

    entity: str
    place: str
    lat: str  # xsd:decimal lexical form, as written in the file
    lon: str
    source: str

    @property
    def wkt(self) -> str:
        """The point as GeoSPARQL WKT (default CRS84: longitude first)."""
        return f"POINT({self.lon} {self.lat})"


def _degrees(item: dict, key: str, limit: int, path: Path, line: int | None) -> str:
    value = item.get(key)
    # bool is an int to Python, but `lat: yes` is a typo, not a latitude.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(path, line, f"'{key}' must be a number of decimal degrees, not {value!r}")
    if not -limit <= value <= limit:
        raise InputError(path, line, f"'{key}' {value} is outside -{limit}..{limit}")
    return format(Decimal(str(value)), "f")


def _text(item: dict, key: str, path: Path, line: int | None) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(path, line, f"a reference point needs a non-empty '{key}'")
    return value.strip()


def load_coordinates(path: Path, entities: dict[str, Entity], ontology: Ontology) -> list[ReferencePoint]:
    """Read and check the reference points; the first problem raises InputError naming file and line."""
    points: dict[str, ReferencePoint] = {}
    for item, line in records(path, "coordinates file", "reference point", _KEYS):
        ent_id = _text(item, "entity", path, line)
        entity = entities.get(ent_id)
        if entity is None:
            raise InputError(path, line, f"unknown entity {ent_id!r}: coordinates belong to an entity of the register")
        if not ontology.is_subclass(entity.type, GEO + "Feature"):
            raise InputError(path, line, f"{ent_id!r} is not a geographic feature, so it cannot have a point")
        if ent_id in points:
            raise InputError(path, line, f"{ent_id!r} has a point already")
        points[ent_id] = ReferencePoint(
            ent_id, _text(item, "place", path, line), _degrees(item, "lat", 90, path, line),
            _degrees(item, "lon", 180, path, line), _text(item, "source", path, line),
        )
    return [points[k] for k in sorted(points)]
