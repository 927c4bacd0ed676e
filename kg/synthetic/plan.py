"""A planned synthetic dataset: its size, seed and base, its entities by class, the entities that break a shape and
those only plans mention (generate), and its figures once produced (Synthetic)."""

from __future__ import annotations

import bisect
import hashlib
import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..paths import DEFAULT_BASE_IRI
from .anchors import ANCHORS
from .dump import write_dump
from .generator import Generator
from .sizes import (
    CLAIMS_PER_DOCUMENT,
    DOCUMENTS_MAX,
    DOCUMENTS_MIN,
    FILL_SHARE,
    MODAL_CLASSES,
    MODAL_ENTITY_RATE,
    MODALITIES,
    cumulative,
    estimated_triples,
    parse_size,
    scaled_counts,
)
from .tables import ontology_triples
from .terms import kebab, local_order
from .violations import VIOLATION_KINDS, plan_violations

GENERATOR_VERSION = "5"


@dataclass
class Synthetic:
    """A planned synthetic dataset; `chunks()` produces it, after which `stats` holds its figures."""

    triples: int
    seed: int
    base: str
    violations: bool
    scale: float
    counts: dict[str, int]
    documents: int
    planted: dict[str, list[str]]  # violation kind -> local names of the entities that break it
    modal: dict[str, str] = field(default_factory=dict)  # entity only non-asserted claims mention -> their modality
    stats: dict = field(default_factory=dict)

    @property
    def expected_violations(self) -> int:
        """The number of results pySHACL reports on the default graph (one per planted entity)."""
        return sum(len(v) for v in self.planted.values())

    @property
    def name(self) -> str:
        return f"synthetic-{self.triples}-seed{self.seed}" + ("" if self.violations else "-valid")

    def digest(self) -> str:
        """Names what was generated (settings and generator version), as a build's inputs digest does."""
        key = f"synthetic|{GENERATOR_VERSION}|{self.triples}|{self.seed}|{self.base}|{self.violations}"
        return hashlib.sha256(key.encode()).hexdigest()

    def chunks(self) -> Iterator[tuple[str, str]]:
        """(N-Quads of named graphs, N-Triples of the default graph) in chunks; together they are the dataset."""
        return Generator(self).run()

    def lines(self) -> Iterator[str]:
        """The dataset as N-Quads text, chunk by chunk."""
        for named, default in self.chunks():
            yield named + default

    def quads(self) -> Iterator[ox.Quad]:
        """The dataset as pyoxigraph quads, streamed."""
        for text in self.lines():
            yield from ox.parse(text.encode(), format=ox.RdfFormat.N_QUADS)

    def write(self, path: Path, default_path: Path | None = None, progress: Callable[[int], None] | None = None) -> dict:
        """Write the dataset as reproducible gzip N-Quads (and the default graph alone as N-Triples); the summary.

        The N-Quads list the default graph first, then the named graphs, as `kg build` writes its dump: a loader
        can then give each to an engine loader of its own (kg.loader). The file is two gzip members, the
        default graph's and the named graphs', which any gzip reader reads as one text.
        """
        return write_dump(self, path, default_path, progress)

    def summary(self) -> dict:
        return {"requested": self.triples, "triples_written": self.stats.get("quads"),
                "triples_default_graph": self.stats.get("triples_default_graph"), "seed": self.seed, "base": self.base,
                "expected_violations": self.expected_violations,
                "violations_by_kind": {k: len(v) for k, v in self.planted.items()}, "scale": round(self.scale, 4),
                "entities": sum(self.counts.values()), "documents": self.documents, "claims": self.stats.get("claims"),
                "statements_per_modality": dict(sorted(self.stats.get("statements_per_modality", {}).items())),
                "register_modal_entities": self.stats.get("register_modal_entities"),
                "superseded_claims": self.stats.get("superseded_claims"),
                "facts": self.stats.get("facts"), "named_graphs": self.stats.get("named_graphs")}


def generate(triples: int | str, seed: int = 42, base: str = DEFAULT_BASE_IRI, violations: bool = True) -> Synthetic:
    """Plan a synthetic dataset of about `triples` quads; iterate it with `chunks()`, `lines()` or `quads()`."""
    target = parse_size(triples)
    if target < 10_000:
        raise ValueError("the smallest synthetic dataset has 10,000 quads (the ontology alone has about 3,200)")
    ontology = len(ontology_triples())
    documents = max(DOCUMENTS_MIN, min(DOCUMENTS_MAX, math.ceil(target / 52 / CLAIMS_PER_DOCUMENT)))
    # The core (entities and the claims each needs) takes the share of the request left after the extras.
    lo, hi = 0.0, target / 1000
    for _ in range(60):
        mid = (lo + hi) / 2
        if estimated_triples(mid, documents, ontology) < (1 - FILL_SHARE) * target:
            lo = mid
        else:
            hi = mid
    scale = lo
    counts = scaled_counts(scale)
    planted = plan_violations(counts, seed) if violations else {k: [] for k in VIOLATION_KINDS}
    return Synthetic(target, seed, base, violations, scale, counts, documents, planted, _plan_modal(counts, planted, seed))


def _plan_modal(counts: dict[str, int], planted: dict[str, list[str]], seed: int) -> dict[str, str]:
    """The entities only non-asserted claims mention (a planned opening no source says happened), each with the
    one modality of all its claims; never a stand-in for a query's entity nor an entity that breaks a shape."""
    rng = random.Random(f"modal-{seed}")
    taken = set(ANCHORS.values()).union(*planted.values())
    candidates = [f"{kebab(c)}-{j}" for c in MODAL_CLASSES for j in range(1, counts[c])]
    candidates = [c for c in candidates if c not in taken]
    total = min(len(candidates), max(1, round(MODAL_ENTITY_RATE * sum(counts.values()))))
    names, weights = zip(*MODALITIES[1:], strict=True)
    cum = cumulative([w / sum(weights) for w in weights])
    return {local: names[bisect.bisect(cum, rng.random())] for local in sorted(rng.sample(candidates, total), key=local_order)}
