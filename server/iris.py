"""Where the dataset's IRIs live on this server: <base>id/x at /id/x, the ontology at /ontology.

The base IRI comes from the release (KG_BASE_IRI when it was built). A deployment whose
public base is https://example.org/kg/ serves /id/x so that <https://example.org/kg/id/x>
resolves there; a local run serves the same paths on 127.0.0.1.
"""

from __future__ import annotations

from kg.formats import BY_EXTENSION, Format
from kg.iris import Iris
from kg.namespaces import ONTOLOGY_IRI, SHAPES_IRI


def local_path(iri: str, base: str) -> str | None:
    """The path at which this server describes the IRI, or None when it is not ours."""
    local = Iris(base).local_part(iri)
    if local is not None:
        return "/" + local
    for namespace, path in ((ONTOLOGY_IRI, "/ontology"), (SHAPES_IRI, "/shapes")):
        if iri == namespace or iri.startswith((namespace + "#", namespace + "/")):
            return path + iri[len(namespace):]
    return None


def iri_for(path: str, base: str) -> str:
    """The IRI a local path (without its leading slash) names under the base IRI."""
    return base + path


def split_extension(path: str) -> tuple[str, Format | None]:
    """`id/x.ttl` -> (`id/x`, Turtle); a path without a known RDF extension comes back whole."""
    stem, dot, ext = path.rpartition(".")
    fmt = BY_EXTENSION.get(ext) if dot else None
    if fmt is None or fmt.kind not in ("graph", "dataset"):
        return path, None
    return stem, fmt
