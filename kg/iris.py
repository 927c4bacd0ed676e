"""The IRI scheme: every IRI the dataset mints, under one base IRI (the release's; KG_BASE_IRI when it was built).

    <base>id/<entity>                    a register entity (militia, crossing, place, person, ...)
    <base>id/document/<id>               a source document
    <base>id/claim/<statement id>        a claim, and the name of the graph holding its facts;
    <base>id/claim/<id>/<part>             its evidence annotation, target and selectors
    <base>id/geometry/<entity>           a reference point of a place
    <base>id/waypoint/<route>-<n>-<place>  a stop of a route, in order
    <base>id/quantity/<subject>-<property>-<digest>  a quantity with its unit
    <base>id/synthetic/...               the stand-ins of a synthetic graph (kg.synthetic), never in a real build
    <base>graph/<name>                   a named graph of metadata (GRAPHS)
    https://sws.geonames.org/<id>/       a GeoNames feature, the target of a gazetteer link (not ours: kg.gazetteer)
    <base>sparql, <base>.well-known/void, <base>context.jsonld   the endpoint, the dataset's description, the context

The server answers for `<base>id/...` at /id/... and `<base>graph/...` at /graph/... (LOCAL_ROOTS); the ontology
and the shapes have IRIs of their own (kg.namespaces), served at /ontology and /shapes.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

ID = "id/"
GRAPH = "graph/"
LOCAL_ROOTS = (ID, GRAPH)  # the parts of the base IRI's space the server answers for

# The named graphs besides the claims' (what each holds: kg.build).
ONTOLOGY_GRAPH = "ontology"
DOCUMENTS_GRAPH = "documents"
REGISTER_GRAPH = "register"
MODAL_REGISTER_GRAPH = "register-modal"
PROVENANCE_GRAPH = "provenance"
REFERENCE_GRAPH = "reference-coordinates"
GAZETTEER_GRAPH = "geonames"  # links to GeoNames and the points they give (kg.gazetteer)
DEFAULT_GRAPH = "default"  # where a remote store without a default graph of its own keeps ours (kg.remote)
GRAPHS = (ONTOLOGY_GRAPH, DOCUMENTS_GRAPH, REGISTER_GRAPH, MODAL_REGISTER_GRAPH, PROVENANCE_GRAPH, REFERENCE_GRAPH,
          GAZETTEER_GRAPH, DEFAULT_GRAPH)
# Named graphs whose triples the default graph holds, besides the asserted claims'.
METADATA_GRAPHS = (ONTOLOGY_GRAPH, DOCUMENTS_GRAPH, REGISTER_GRAPH, PROVENANCE_GRAPH, REFERENCE_GRAPH, GAZETTEER_GRAPH)
SYNTHETIC = "synthetic/"
GEONAMES_SPACE = "https://sws.geonames.org/"


def geonames_feature(geonameid: int) -> ox.NamedNode:
    """A GeoNames feature's IRI, as GeoNames publishes it (with the trailing slash)."""
    return ox.NamedNode(f"{GEONAMES_SPACE}{int(geonameid)}/")


@dataclass(frozen=True)
class Iris:
    """The IRIs of one base, as the store's terms (`.value` is the IRI as a string)."""

    base: str

    def entity(self, entity_id: str) -> ox.NamedNode:
        return ox.NamedNode(f"{self.base}{ID}{entity_id}")

    def document(self, document_id: str) -> ox.NamedNode:
        return ox.NamedNode(f"{self.base}{ID}document/{document_id}")

    def claim(self, statement_id: str, part: str = "") -> ox.NamedNode:
        return ox.NamedNode(f"{self.base}{ID}claim/{statement_id}" + (f"/{part}" if part else ""))

    def geometry(self, entity_id: str) -> ox.NamedNode:
        return ox.NamedNode(f"{self.base}{ID}geometry/{entity_id}")

    def waypoint(self, route: str, sequence: int, place: str) -> ox.NamedNode:
        return ox.NamedNode(f"{self.base}{ID}waypoint/{route}-{sequence}-{place}")

    def quantity(self, subject: str, prop: str, digest: str) -> ox.NamedNode:
        return ox.NamedNode(f"{self.base}{ID}quantity/{subject}-{prop}-{digest}")

    def synthetic(self, local: str) -> ox.NamedNode:
        """A synthetic graph's stand-in (kg.synthetic): `<base>id/synthetic/<local>`."""
        return ox.NamedNode(f"{self.base}{ID}{SYNTHETIC}{local}")

    def graph(self, name: str) -> ox.NamedNode:
        if name not in GRAPHS:
            raise ValueError(f"no named graph {name!r} in the IRI scheme (one of: {', '.join(GRAPHS)})")
        return ox.NamedNode(f"{self.base}{GRAPH}{name}")

    @property
    def id_space(self) -> str:
        """Where every entity, document and claim IRI starts (VoID's uriSpace)."""
        return self.base + ID

    @property
    def endpoint(self) -> str:
        """The SPARQL endpoint's public IRI (relative IRIs in a query resolve against it)."""
        return self.base + "sparql"

    @property
    def void(self) -> str:
        """The dataset's VoID and DCAT description."""
        return self.base + ".well-known/void"

    @property
    def dataset(self) -> str:
        return self.void + "#dataset"

    @property
    def context(self) -> str:
        """The published JSON-LD context."""
        return self.base + "context.jsonld"

    def local_part(self, iri: str) -> str | None:
        """`id/...` or `graph/...` for an IRI of this base that the server answers for, else None."""
        if iri.startswith(self.base) and iri[len(self.base):].startswith(LOCAL_ROOTS):
            return iri[len(self.base):]
        return None
