"""The metadata graphs a generator writes besides the claims: the source documents, the register's entries (in
graph/register or graph/register-modal) and the reference points of places."""

from __future__ import annotations

import bisect
import hashlib
import random

from ..namespaces import DCTERMS, GEO, PROV, RDFS, SCHEMA, SF, SKOS, WGS84, XSD
from .sizes import DERIVED_DOCUMENTS
from .terms import A, english, kebab, label_of, lb_term, plain_literal, typed_literal


class MetadataGraphsPart:
    """Part of Generator (kg.synthetic.generator): graph/documents, graph/register(-modal),
    graph/reference-coordinates."""

    def documents(self) -> None:
        g = self.graph["documents"]
        roots: list[int] = []
        for d in range(self.plan.documents):
            doc = self.iri(f"document/{d:03d}")
            title = english(f"Synthetic document {d:03d}")
            self.put(f"{doc} {A} {lb_term('SourceDocument')}", g)
            self.put(f"{doc} <{RDFS}label> {title}", g)
            self.put(f"{doc} <{DCTERMS}title> {title}", g)
            self.put(f"{doc} <{DCTERMS}identifier> {plain_literal(f'{d:03d}')}", g)
            self.put(f"{doc} <{SCHEMA}genre> {plain_literal(self.rng.choice(('news', 'analysis', 'report')))}", g)
            self.put(f"{doc} {lb_term('outlet')} {plain_literal(f'Synthetic outlet {d % 37}')}", g)
            for a in range(1 + (self.rng.random() < 0.3)):
                self.put(f"{doc} {lb_term('author')} {plain_literal(f'Synthetic author {d}-{a}')}", g)
            # Document 3 (and one in ten others, never document 0) shows no date: the earliest it can have bounds its
            # days without a year.
            if d != 3 and (self.chance(0.9) or d == 0):
                day = f"{self.rng.randint(2015, 2024)}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
                self.put(f"{doc} {lb_term('publicationDate')} {typed_literal(day, XSD + 'date')}", g)
                self.doc_dates.append(day)
                self.doc_earliest.append(None)
            else:
                earliest = f"{self.rng.randint(2015, 2024)}-{self.rng.randint(1, 12):02d}"
                self.put(f"{doc} {lb_term('publicationDateStatus')} {plain_literal('not stated')}", g)
                self.put(f"{doc} {lb_term('earliestDate')} {typed_literal(earliest, XSD + 'gYearMonth')}", g)
                self.doc_dates.append(None)
                self.doc_earliest.append(earliest)
            self.put(f"{doc} {lb_term('seedFile')} {plain_literal(f'seeds/synthetic-{d:03d}.txt')}", g)
            digest = hashlib.sha256(f"synthetic document {d} seed {self.plan.seed}".encode()).hexdigest()
            self.put(f"{doc} {lb_term('sha256')} {plain_literal(digest)}", g)
            self.put(f"{doc} <{RDFS}comment> {english('Generated for scale tests; not a real document.')}", g)
            root = d
            # Documents 0 and 1 are sources of their own: there are always two independent ones.
            if d and self.chance(DERIVED_DOCUMENTS) and d != 1:
                parent = self.rng.randrange(d)
                self.put(f"{doc} <{PROV}wasDerivedFrom> {self.iri(f'document/{parent:03d}')}", g)
                if self.chance(0.5):
                    self.put(f"{doc} <{PROV}wasQuotedFrom> {self.iri(f'document/{parent:03d}')}", g)
                root = roots[parent]
            roots.append(root)
            self.put(f"{doc} {lb_term('primarySource')} {self.iri(f'document/{root:03d}')}", g)
        self.doc_roots = roots
        self.dated_docs = [d for d, day in enumerate(self.doc_dates) if day]
        self.undated_docs = [d for d, day in enumerate(self.doc_dates) if not day]
        by_year = sorted((int((self.doc_dates[d] or self.doc_earliest[d])[:4]), d) for d in range(self.plan.documents))
        self.doc_years, self.docs_by_year = [y for y, _ in by_year], [d for _, d in by_year]

    def document_since(self, year: int) -> int:
        """A random document of `year` or later (any, if there is none)."""
        first = bisect.bisect_left(self.doc_years, year)
        if first == len(self.doc_years):
            first = 0
        return self.docs_by_year[first + self.rng.randrange(len(self.doc_years) - first)]

    def other_source(self, d: int, year: int) -> int:
        """A random document of `year` or later (any, if there is none) whose primary source is not document d's."""
        root = self.doc_roots[d]
        later = self.docs_by_year[bisect.bisect_left(self.doc_years, year):]
        others = [x for x in later if self.doc_roots[x] != root] or \
            [x for x in range(self.plan.documents) if self.doc_roots[x] != root]
        return others[self.rng.randrange(len(others))]

    def register_entry(self, cls: str, i: int, rng: random.Random) -> list[str]:
        """The register's triples about an entity (its random parts drawn from `rng`, the register's own)."""
        local = self.locals[cls][i]
        e = self.iri(local)
        label = english(label_of(local))
        plant = self.plants.get(local)
        triples = [f"{e} {A} {lb_term(cls)}"]
        if plant == "militia-state-force":
            triples.append(f"{e} {A} {lb_term('StateForce')}")
        if plant != "missing-label":
            triples.append(f"{e} <{RDFS}label> {label}")
        triples.append(f"{e} <{SKOS}prefLabel> {label}")
        if plant == "two-pref-labels":
            triples.append(f"{e} <{SKOS}prefLabel> {english(label_of(local) + ' (second canonical label)')}")
        words = kebab(cls).replace("-", " ")
        description = english(f"A synthetic {words} (number {i}) generated for scale tests; not a real one.")
        triples.append(f"{e} <{SCHEMA}description> {description}")
        r = rng.random()
        for k in range(0 if r < 0.7 else 1 if r < 0.9 else 2):
            triples.append(f"{e} <{SKOS}altLabel> {english(f'{label_of(local)}, alias {k + 1}')}")
        if cls == "Commodity":
            triples.append(f"{e} <{SKOS}inScheme> {lb_term('CommodityScheme')}")
        first = rng.randrange(self.plan.documents)
        triples.append(f"{e} {lb_term('mentionedIn')} {self.iri(f'document/{first:03d}')}")
        if rng.random() < 0.2:
            other = (first + 1 + rng.randrange(self.plan.documents - 1)) % self.plan.documents
            triples.append(f"{e} {lb_term('mentionedIn')} {self.iri(f'document/{other:03d}')}")
        return triples

    def register(self, cls: str, i: int, rng: random.Random) -> None:
        """An entity's register entry: in graph/register when the default graph refers to the entity, else (only
        non-asserted claims mention it) in graph/register-modal, which the default graph does not merge."""
        local = self.locals[cls][i]
        triples = self.register_entry(cls, i, rng)
        plant = self.plants.get(local)
        if self.iri(local) in self.referenced:
            if local in self.plan.modal:
                raise RuntimeError(f"{local} was to be mentioned by non-asserted claims only")
            g = self.graph["register"]
            for triple in triples:
                self.put(triple, g)
            if plant in ("militia-state-force", "missing-label", "two-pref-labels"):
                self.planted(plant)
        else:
            if plant:
                raise RuntimeError(f"{local} breaks a shape on purpose but no asserted claim mentions it")
            # Described rather than named, as plans and predictions are in the real graph: no text names them.
            self.stats["register_modal_entities"] += 1
            named, g, mention = self.named, self.modal_graph, lb_term("mentionedIn")
            for triple in triples:
                if mention not in triple:
                    named.append(f"{triple} {g} .\n")

    def reference_coordinates(self) -> None:
        """Points of some places, as the build keeps them: in their own graph, each with its source."""
        g = self.graph["reference-coordinates"]
        self.put(f"{g} <{RDFS}label> {english('Reference coordinates')}", g)
        self.put(f"{g} <{DCTERMS}description> {english('Random points of synthetic places, for scale tests; not real positions.')}", g)
        source = plain_literal("synthetic generator: a random point, not a real position")
        self.put(f"{g} <{DCTERMS}source> {source}", g)
        links = self.graph["geonames"]
        self.put(f"{links} <{RDFS}label> {english('GeoNames gazetteer')}", links)
        self.put(f"{links} <{DCTERMS}description> {english('No gazetteer links: synthetic places are not real places.')}", links)
        for cls in ("Settlement", "OfficialCrossing", "UnofficialCrossing", "MilitaryBase"):
            for local in self.locals[cls]:
                if not self.chance(0.4):
                    continue
                geom = self.iri(f"geometry/{local}")
                lat = f"{self.rng.uniform(32.0, 36.5):.5f}"
                lon = f"{self.rng.uniform(38.0, 44.0):.5f}"
                self.referenced.add(self.iri(local))
                self.put(f"{self.iri(local)} <{GEO}hasGeometry> {geom}", g)
                self.put(f"{geom} {A} <{GEO}Geometry>", g)
                self.put(f"{geom} {A} <{SF}Point>", g)
                self.put(f"{geom} <{RDFS}label> {english(f'Reference point of {label_of(local)}')}", g)
                self.put(f"{geom} <{GEO}asWKT> {typed_literal(f'POINT({lon} {lat})', GEO + 'wktLiteral')}", g)
                self.put(f"{geom} <{WGS84}lat> {typed_literal(lat, XSD + 'decimal')}", g)
                self.put(f"{geom} <{WGS84}long> {typed_literal(lon, XSD + 'decimal')}", g)
                self.put(f"{geom} <{DCTERMS}source> {source}", g)
