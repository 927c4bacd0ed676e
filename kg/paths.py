"""Where the project's inputs and outputs live, resolved from this file, never the cwd."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BASE_IRI = "https://landbridge-kg.org/"


@dataclass(frozen=True)
class Layout:
    """Input folders and the build folder of one project checkout."""

    root: Path = PROJECT_ROOT
    build_dir: Path | None = None

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
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def ontology(self) -> Path:
        return self.root / "ontology" / "landbridge.ttl"

    @property
    def shapes(self) -> Path:
        return self.root / "ontology" / "shapes.ttl"

    @property
    def qc_queries(self) -> Path:
        return self.root / "ontology" / "qc"

    @property
    def build(self) -> Path:
        if self.build_dir is not None:
            return self.build_dir
        env = os.environ.get("KG_BUILD_DIR")
        return Path(env) if env else self.root / "build"


def base_iri_from_env() -> str:
    """The base IRI of entity IRIs: KG_BASE_IRI or the default."""
    base = os.environ.get("KG_BASE_IRI", DEFAULT_BASE_IRI)
    return base if base.endswith(("/", "#")) else base + "/"
