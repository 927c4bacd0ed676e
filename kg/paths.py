"""Where the project's inputs and outputs live, resolved from this file, never the cwd."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import settings
from .settings import DEFAULT_BASE_IRI, PROJECT_ROOT  # noqa: F401 - where callers have always found them


@dataclass(frozen=True)
class Layout:
    """Input folders and the build folder of one project checkout."""

    root: Path = PROJECT_ROOT
    build_dir: Path | None = None

    @classmethod
    def from_settings(cls, values: Mapping[str, Any] | None = None) -> Layout:
        """The layout the settings name (KG_PROJECT_ROOT, KG_BUILD_DIR, or their options)."""
        values = settings.load() if values is None else values
        return cls(root=settings.project_root(values), build_dir=settings.build_dir(values))

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def catalogue(self) -> Path:
        return self.root / "seeds" / "catalogue.yaml"

    @property
    def statements(self) -> Path:
        return self.root / "statements"

    @property
    def register(self) -> Path:
        return self.root / "register"

    @property
    def coordinates(self) -> Path:
        return self.root / "register" / "coordinates.yaml"

    @property
    def gazetteer(self) -> Path:
        """Curators' resolutions of settlement names the gazetteer holds in several countries (kg.gazetteer)."""
        return self.root / "register" / "gazetteer.yaml"

    @property
    def register_data(self) -> list[Path]:
        """The register's files that hold data about entities, not entities: every reader of the entities skips them."""
        return [self.coordinates, self.gazetteer]

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def ontology(self) -> Path:
        return self.root / "ontology" / "landbridge.ttl"

    @property
    def shapes(self) -> Path:
        return self.root / "ontology" / "shapes.ttl"

    @property
    def queries(self) -> Path:
        """The competency questions (ontology/queries/NN-name.rq), each with its expected answers beside it."""
        return self.root / "ontology" / "queries"

    @property
    def qc_queries(self) -> Path:
        return self.root / "ontology" / "qc"

    @property
    def build(self) -> Path:
        return self.build_dir if self.build_dir is not None else self.root / "build"
