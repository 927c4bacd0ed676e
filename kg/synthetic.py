"""Synthetic datasets with the shape of the built graph, for scale tests and benchmarks.

`generate(triples, seed)` plans a dataset of about `triples` quads (within 2 %) laid out as
`kg build` lays out the real one: the ontology in graph/ontology, source documents in
graph/documents (each with its primary source; one without a date with the earliest it can have),
entities (labels, aliases, descriptions, mentions) in graph/register, points in
graph/reference-coordinates, what each claim is (document, quote and position selectors,
certainty, modality with its cue and condition, attribution, hedge, inferred year, the time of a
state) in graph/provenance, and the facts of each claim in a named graph of its own.

Claims take the real graph's mix of modalities (MODALITIES, from `kg stats`), and the default graph
is what the build makes it: the set merge of the metadata graphs and of the asserted claims' facts.
A fact two documents assert sits in two claim graphs and once in the default graph; a fact only
intended, expected, conditional, recommended or denied sits in its claim graph alone, and the
entities only such claims mention (MODAL_ENTITY_RATE of them: plans and predictions that no source
says came about) have their register entries in graph/register-modal. A claim of a state (a property
marked lb:timeIndexed) carries the document's date as lb:asOf and lb:validFrom, or the time the
text gives (lb:holdsAt, lb:holdsFrom, lb:holdsUntil); a place whose status changes has a claim per
status, the earlier superseded by the later (lb:supersededBy) and left out of the default graph.
A day without a year is lb:monthDay with its lb:dateNotBefore bound, in a document without a date.

Everything is synthetic and says so: IRIs under `<base>id/synthetic/`, labels such as
"Synthetic militia 12", documents "Synthetic document 007". The competency queries name real
entities (`<https://landbridge-kg.org/id/iran>`); `adapt_query` points those IRIs at the synthetic
entities that stand in for them (ANCHORS), which is how the queries are run on a synthetic graph. The
stand-ins have, at every size and seed, the data each query needs, so that every query has an answer
whatever the rest draws: the crossing's status in 2017 as two independent sources give it (the one
disputing the other) and another from late 2019 that supersedes both; the opening's date and a plan
or prediction that it opens by a deadline; the capture of the town as two independent sources report
it, on dates a few days apart; the land bridge Iran uses, with what it is for, an alternative, an
advantage, a limitation and who threatens it.

A few entities break ontology/shapes.ttl on purpose (VIOLATION_KINDS, about 0.15 % of the
entities, at least one of each kind); each breaks one constraint once, in asserted claims, so
pySHACL over the default graph reports exactly `expected_violations` results (counted as
`kg validate` counts them).

Output is N-Quads text produced in chunks, so that 10M quads stream to a gzip file in bounded
memory (the register comes last: which graph holds an entity's entry depends on the claims); the
same size, seed and base give byte-identical output.

    python -m kg.synthetic --triples 1M --seed 42 --out /tmp/kg-1m.nq.gz [--release DIR]
"""

from __future__ import annotations

import argparse
import bisect
import functools
import gzip
import hashlib
import json
import math
import os
import random
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from . import __version__
from .build import METADATA_GRAPHS, MODAL_REGISTER_GRAPH, month_day_not_before
from .loader import load_dump
from .namespaces import DCTERMS, GEO, LB, OA, PROV, RDF, RDFS, SCHEMA, SF, SKOS, WGS84, XSD
from .ontology import load_ontology
from .paths import DEFAULT_BASE_IRI, PROJECT_ROOT, Layout
from .statements import TypedValue, first_day, last_day

GENERATOR_VERSION = "5"
QUERY_BASE = "https://landbridge-kg.org/"  # the base the competency queries name entities under
SYNTHETIC = "id/synthetic/"
CHUNK_LINES = 20_000
FILL_SHARE = 0.2  # part of the quads left to extra relation claims, which bring the total to the request
ANCHOR_QUADS = 355  # quads the claims _Generator.anchors makes bring, measured

# The real entities the competency queries name (and the land bridge, the route the questions on routes are
# about), and the synthetic entities that stand in for them. _Generator.anchors gives them the data each query
# needs, so that every query has an answer at every size and seed.
ANCHORS = {
    "kataib-hezbollah": "militia-0",
    "iran": "country-0",
    "albu-kamal": "settlement-0",
    "al-qaim": "settlement-1",
    "iraqi-side-of-border": "region-0",
    "syrian-side-of-border": "region-1",
    "al-qaim-albu-kamal-crossing": "official-crossing-0",
    "al-qaim-albu-kamal-crossing-opening": "crossing-opening-0",
    "capture-of-albu-kamal-2017": "territorial-capture-0",
    "irgc": "state-force-0",
    "popular-mobilization-forces": "state-force-1",
    "quds-force": "military-unit-0",
    "iran-land-bridge": "land-bridge-0",
}


@dataclass(frozen=True)
class Kind:
    """A class of synthetic entities: how many per unit of scale (a unit is about the real graph's size)."""

    name: str
    per_unit: float
    minimum: int  # what the smallest graphs need: the stand-ins, the planted violations, an entity only plans mention
    quads: float  # quads one entity of the class brings (register and its core claims), measured


MIX = (
    Kind("Country", 8, 3, 100), Kind("Militia", 10, 2, 189), Kind("ArmedGroup", 3, 1, 72),
    Kind("StateForce", 6, 2, 154), Kind("MilitaryUnit", 3, 1, 71), Kind("GovernmentBody", 4, 0, 123),
    Kind("MediaOutlet", 12, 0, 65), Kind("Person", 15, 2, 87), Kind("PersonGroup", 8, 0, 88),
    Kind("Region", 12, 3, 64), Kind("Settlement", 12, 3, 114), Kind("Border", 3, 1, 65),
    Kind("OfficialCrossing", 5, 1, 232), Kind("UnofficialCrossing", 4, 1, 233), Kind("MilitaryBase", 4, 1, 128),
    Kind("Barrier", 3, 2, 126), Kind("WaterBody", 2, 0, 64),
    Kind("LandBridge", 1, 1, 232), Kind("Road", 5, 2, 240), Kind("SmugglingCorridor", 2, 0, 239),
    Kind("AirBridge", 1, 0, 255), Kind("SeaRoute", 1, 0, 241), Kind("BypassRoad", 1, 0, 241),
    Kind("Strike", 14, 3, 202), Kind("Sanction", 5, 1, 172), Kind("TerroristDesignation", 1, 1, 175),
    Kind("Seizure", 3, 1, 135), Kind("Meeting", 6, 1, 172), Kind("CrossingOpening", 3, 1, 176),
    Kind("Construction", 6, 1, 173), Kind("TerritorialCapture", 5, 1, 169), Kind("SmugglingOperation", 3, 1, 199),
    Kind("Transfer", 6, 1, 125), Kind("Announcement", 14, 2, 120), Kind("Deployment", 5, 2, 118),
    Kind("Commodity", 14, 2, 22),
)
KINDS = {k.name: k for k in MIX}

ACTORS = ("Country", "Militia", "ArmedGroup", "StateForce", "MilitaryUnit", "GovernmentBody", "MediaOutlet", "Person",
          "PersonGroup")
ORGANIZATIONS = ("Militia", "ArmedGroup", "StateForce", "MilitaryUnit", "GovernmentBody", "MediaOutlet")
ARMED = ("Militia", "ArmedGroup")
FORCES = ("StateForce", "MilitaryUnit")
PLACES = ("Country", "Region", "Settlement", "Border", "OfficialCrossing", "UnofficialCrossing", "MilitaryBase", "Barrier",
          "WaterBody")
LOCAL_PLACES = ("Region", "Settlement")
CROSSINGS = ("OfficialCrossing", "UnofficialCrossing")
ROUTES = ("LandBridge", "Road", "SmugglingCorridor", "AirBridge", "SeaRoute", "BypassRoad")
EVENTS = ("Strike", "Sanction", "TerroristDesignation", "Seizure", "Meeting", "CrossingOpening", "Construction",
          "TerritorialCapture", "SmugglingOperation", "Transfer", "Announcement", "Deployment")
SOURCES = ("MediaOutlet", "GovernmentBody", "Person")
POOLS = {
    "actor": ACTORS, "organization": ORGANIZATIONS, "armed": ARMED, "force": FORCES, "place": PLACES,
    "local": LOCAL_PLACES, "crossing": CROSSINGS, "route": ROUTES, "feature": PLACES + ROUTES, "event": EVENTS,
    "source": SOURCES, "country": ("Country",), "settlement": ("Settlement",), "commodity": ("Commodity",),
    "person": ("Person",), "base": ("MilitaryBase",), "water": ("WaterBody",), "border": ("Border",),
    "region": ("Region",), "strike": ("Strike",), "installation": ("MilitaryBase", "Barrier"),
}

# Extra relations a claim may add about an entity of a class: (property, pool of objects).
EXTRAS: dict[str, tuple[tuple[str, str], ...]] = {
    "Country": (("supports", "armed"), ("sponsors", "armed"), ("opposes", "country"), ("influences", "feature"),
                ("controls", "crossing")),
    "Militia": (("hasPresenceIn", "local"), ("deployedIn", "local"), ("controls", "crossing"), ("secures", "crossing"),
                ("operates", "base"), ("influences", "place"), ("collaboratesWith", "armed"), ("opposes", "actor"),
                ("threatens", "place"), ("fundedBy", "country"), ("affiliatedWith", "armed")),
    "ArmedGroup": (("hasPresenceIn", "local"), ("opposes", "actor"), ("controls", "crossing"), ("threatens", "place"),
                   ("affiliatedWith", "armed")),
    "StateForce": (("hasPresenceIn", "local"), ("deployedIn", "local"), ("secures", "crossing"), ("opposes", "armed"),
                   ("supports", "actor")),
    "MilitaryUnit": (("deployedIn", "local"), ("supports", "armed"), ("operates", "base")),
    "GovernmentBody": (("secures", "crossing"), ("opposes", "armed"), ("operatesUnderControlOf", "actor")),
    "MediaOutlet": (("country", "country"),),
    "Person": (("memberOf", "organization"), ("leads", "organization"), ("hasPresenceIn", "local")),
    "PersonGroup": (("memberOf", "armed"), ("hasPresenceIn", "local")),
    "Region": (("near", "region"), ("populationSect", "sect")),
    "Settlement": (("near", "settlement"), ("adjacentTo", "water"), ("usedBy", "armed"), ("populationSect", "sect")),
    "Border": (("borderOf", "country"),),
    # No status among the extras: a place's statuses are a history of their own (_Generator.status_history).
    "OfficialCrossing": (("cargo", "commodity"), ("usedBy", "armed"), ("near", "settlement"), ("componentOf", "crossing"),
                         ("alternativeTo", "crossing"), ("advantage", "characteristic"), ("limitation", "characteristic"),
                         ("purpose", "event")),
    "UnofficialCrossing": (("cargo", "commodity"), ("usedBy", "armed"), ("near", "settlement"),
                           ("alternativeTo", "crossing"), ("advantage", "characteristic")),
    "MilitaryBase": (("usedBy", "armed"), ("near", "settlement"), ("purpose", "event")),
    "Barrier": (("near", "settlement"), ("facility", "facility"), ("counters", "event"), ("componentOf", "border")),
    "WaterBody": (("adjacentTo", "region"),),
    "Strike": (("target", "armed"), ("hit", "place"), ("respondsTo", "event")),
    "Sanction": (("sanctionTarget", "actor"), ("grounds", "grounds")),
    "TerroristDesignation": (("sanctionTarget", "armed"),),
    "Seizure": (("cargo", "commodity"), ("participant", "actor"), ("counters", "armed")),
    "Meeting": (("attendedBy", "person"), ("participant", "actor"), ("topic", "topic"), ("subEventOf", "event")),
    "CrossingOpening": (("participant", "actor"), ("precededBy", "event"), ("enables", "event")),
    "Construction": (("participant", "actor"), ("purpose", "event")),
    "TerritorialCapture": (("participant", "armed"), ("causedBy", "event")),
    "SmugglingOperation": (("cargo", "commodity"), ("passesThrough", "crossing"), ("participant", "armed")),
    "Transfer": (("cargo", "commodity"), ("passesThrough", "crossing"), ("participant", "armed")),
    "Announcement": (("concerns", "event"), ("topic", "topic"), ("respondsTo", "event")),
    "Deployment": (("participant", "actor"),),
}
for _route in ROUTES:
    EXTRAS[_route] = (("cargo", "commodity"), ("usedBy", "actor"), ("bypasses", "crossing"), ("alternativeTo", "route"),
                      ("componentOf", "route"), ("avoidsTerrainOf", "actor"), ("capacityGreaterThan", "route"),
                      ("advantage", "characteristic"), ("limitation", "characteristic"), ("enables", "event"))

# Each kind breaks one constraint of ontology/shapes.ttl once: pySHACL reports one result for it.
VIOLATION_KINDS = {
    "missing-label": "an entity without rdfs:label (NamedEntityShape, sh:minCount)",
    "two-pref-labels": "an entity with two skos:prefLabel (NamedEntityShape, sh:maxCount)",
    "date-datatype": "an event date typed xsd:string (DateProperty, sh:or of datatypes)",
    # A decimal: a derived integer type would not do (a store keeps xsd:positiveInteger as xsd:integer), nor a string
    # (sh:minInclusive, which cannot compare it with 1, would report it a second time).
    "sequence-datatype": "a waypoint position written as a decimal (WaypointShape, sh:datatype xsd:integer)",
    "perpetrator-class": "a strike whose perpetrator is a commodity (StrikeShape, sh:class)",
    "strike-unattributed": "a strike with neither perpetrator nor unattributed mark (StrikeShape, sh:or)",
    "range-order": "a range whose minimum exceeds its maximum (QuantityShape, sh:lessThan)",
    "militia-state-force": "a militia also typed as a state force (MilitiaShape, sh:not)",
    "two-certainties": "a claim with two certainties (ClaimShape, sh:maxCount)",
}
VIOLATION_RATE = 0.0015  # of the entities (each planted entity's claims are all asserted)
# Which entities each kind may be planted on (never a stand-in for a query's entity).
VIOLATION_CANDIDATES = {
    "missing-label": ("Region", "Settlement", "Person", "MediaOutlet"),
    "two-pref-labels": ("Commodity", "Person", "PersonGroup"),
    "date-datatype": ("Deployment", "Announcement"),
    "sequence-datatype": ("Road", "SmugglingCorridor"),
    "perpetrator-class": ("Strike",),
    "strike-unattributed": ("Strike",),
    "range-order": ("Barrier",),
    "militia-state-force": ("Militia",),
    "two-certainties": ("Settlement", "Region"),
}

A = f"<{RDF}type>"
TRUE = f'"true"^^<{XSD}boolean>'
CERTAINTIES = (("stated", 0.60), ("reported", 0.29), ("assessed", 0.07), ("alleged", 0.04))
QUALIFIERS = (("exactly", 0.40), ("moreThan", 0.18), ("about", 0.14), ("atLeast", 0.10), ("between", 0.10),
              ("atMost", 0.04), ("multiple", 0.04))
QUALIFIER_WORDS = {"exactly": "", "moreThan": "more than ", "about": "about ", "atLeast": "at least ",
                   "atMost": "at most ", "multiple": "several times ", "lessThan": "fewer than "}
STATUSES = ("planned", "delayed", "ongoing", "completed", "open", "closed", "blocked", "underConstruction")
CHARACTERISTICS = ("capacity", "cost", "risk", "secrecy", "distance", "interdiction", "security")

# Modality: the real graph's mix (`kg stats`, statements_per_modality: 306 of its 365 statements asserted). Claims
# that must be asserted (a required fact, a planted violation, a stand-in of a query) or cannot be (an entity only
# plans and predictions mention) take theirs; the others take the one that keeps the running mix at this one.
MODALITIES = (("asserted", 306), ("intended", 17), ("expected", 15), ("recommended", 13), ("denied", 9), ("conditional", 5))
NON_ASSERTED_SHARE = 1 - MODALITIES[0][1] / sum(n for _, n in MODALITIES)
MIX_GAIN = 0.1  # how hard a free claim's draw leans against the running mix's drift
CUES = {  # the words that give a modality, as curators quote them
    "intended": ("plans to", "is set to", "is preparing to", "seeks to", "would open"),
    "expected": ("will", "is expected to", "is supposed to", "may enable", "about to"),
    "recommended": ("should", "must", "it may be necessary to", "there is a strong need to"),
    "denied": ("did not", "has not", "no preparations are being carried out", "did not open as planned"),
    "conditional": ("could", "would", "will enable"),
}
MODAL_ENTITY_RATE = 0.07  # of the entities: only non-asserted claims mention them (real graph: 19 of 254)
MODAL_CLASSES = ("Strike", "Sanction", "Seizure", "Meeting", "CrossingOpening", "Construction", "SmugglingOperation",
                 "Transfer", "Announcement", "Deployment", "Road", "SmugglingCorridor", "PersonGroup", "Barrier")

# Time: claims of states the text gives a time for (else the document's date is their lb:asOf).
HOLDS_SHARE = 0.13
HOLDS_KINDS = ((("holdsAt",), 0.65), (("holdsFrom",), 0.2), (("holdsUntil",), 0.1), (("holdsFrom", "holdsUntil"), 0.05))
TIME_TEXTS = ("since then", "at present", "today", "for the time being", "in recent years", "for years")
TIME_TEXT_SHARE = 0.1  # of the claims dated by their document: the text still words the time ("today")
# A place's statuses over time: the chances of one, two and three (each later one superseding those before), by
# class; the rest of the places have none.
STATUS_HISTORY = {"OfficialCrossing": (0.3, 0.3, 0.15), "UnofficialCrossing": (0.2, 0.1, 0.0),
                  "MilitaryBase": (0.6, 0.3, 0.0)}
SHARE_RATE, DISPUTE_RATE = 0.015, 0.005  # claims with lb:share; claims that dispute the document's previous claim
DERIVED_DOCUMENTS = 0.2  # documents derived from an earlier one (their primary source is that one's)
CORROBORATION = 0.12  # share of claims another document repeats
DOCUMENTS_MIN, DOCUMENTS_MAX, CLAIMS_PER_DOCUMENT = 5, 1000, 120
MAX_STATEMENTS_PER_DOCUMENT = 999  # statement ids are NNN-NNN


def _kebab(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def _esc(text: str) -> str:
    if '"' in text or "\\" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return text


def _str(text: str) -> str:
    return f'"{_esc(text)}"'


def _en(text: str) -> str:
    return f'"{_esc(text)}"@en'


def _typed(lexical: str, datatype: str) -> str:
    return f'"{lexical}"^^<{datatype}>'


def _lb(name: str) -> str:
    return f"<{LB}{name}>"


def label_of(local: str) -> str:
    """The label of a synthetic entity from its local name: `official-crossing-3` -> `Synthetic official crossing 3`."""
    return "Synthetic " + local.replace("-", " ")


def adapt_query(text: str, base: str = DEFAULT_BASE_IRI) -> str:
    """A competency query with the real entities it names replaced by their synthetic stand-ins."""
    def swap(match: re.Match) -> str:
        name = match.group(1)
        return f"<{base}{SYNTHETIC}{ANCHORS[name]}>" if name in ANCHORS else match.group(0)

    return re.sub(r"<" + re.escape(QUERY_BASE) + r"id/([a-z0-9-]+)>", swap, text)


def competency_queries(base: str = DEFAULT_BASE_IRI) -> dict[str, str]:
    """Every ontology/queries/*.rq, adapted to a synthetic graph, by file stem."""
    folder = PROJECT_ROOT / "ontology" / "queries"
    return {p.stem: adapt_query(p.read_text(encoding="utf-8"), base) for p in sorted(folder.glob("*.rq"))}


def parse_size(text: str | int) -> int:
    """`10k`, `1M`, `1.5m` or `20000` -> a number of quads."""
    if isinstance(text, int):
        return text
    match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([kKmM]?)\s*", text)
    if not match:
        raise ValueError(f"not a size: {text!r} (write 20000, 10k or 1M)")
    factor = {"": 1, "k": 1_000, "m": 1_000_000}[match.group(2).lower()]
    return int(float(match.group(1)) * factor)


def _counts(scale: float) -> dict[str, int]:
    return {k.name: max(k.minimum, round(k.per_unit * scale)) for k in MIX}


@functools.cache
def _ontology_triples() -> tuple[str, ...]:
    """The ontology as N-Triples lines without their final dot, sorted, each once (as the build's set of quads holds
    them: the Turtle states a few twice, such as lb:cost's label, a property's and a concept's)."""
    triples = list(ox.parse(path=str(Layout().ontology), format=ox.RdfFormat.TURTLE))
    return tuple(sorted({f"{t.subject} {t.predicate} {t.object}" for t in triples}))


@functools.cache
def _ontology_terms() -> tuple[frozenset[str], frozenset[str]]:
    """The properties whose facts hold at a time (lb:timeIndexed), and the classes of events, by local name."""
    onto = load_ontology(Layout().ontology)
    time_indexed = frozenset(name for name, prop in onto.properties.items() if prop.time_indexed)
    events = frozenset(k.name for k in MIX if onto.is_subclass(LB + k.name, LB + "Event"))
    return time_indexed, events


def _estimate(scale: float, documents: int, ontology: int) -> float:
    counts = _counts(scale)
    core = sum(counts[k.name] * k.quads for k in MIX)
    return 2 * ontology + 30 * documents + core + ANCHOR_QUADS


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
        return _Generator(self).run()

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
        path = Path(path)
        default_out = Path(default_path) if default_path else path.with_name(path.name + f".default-{os.getpid()}")
        named_out = path.with_name(path.name + f".named-{os.getpid()}")
        tmps = [p.with_name(p.name + f".tmp-{os.getpid()}") for p in (path, default_out)]
        default, named = _GzipOut(tmps[1]), _GzipOut(named_out)
        try:
            try:
                for named_text, default_text in self.chunks():
                    named.write(named_text)
                    default.write(default_text)
                    if progress:
                        progress(self.stats.get("quads", 0))
            finally:
                default.close()
                named.close()
            with open(tmps[0], "wb") as out:
                for part in (tmps[1], named_out):
                    with open(part, "rb") as member:
                        shutil.copyfileobj(member, out)
            os.replace(tmps[0], path)
            if default_path:
                os.replace(tmps[1], default_out)
        finally:
            for leftover in (named_out, *tmps):
                leftover.unlink(missing_ok=True)
        return self.summary()

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


class _GzipOut:
    """A gzip file with no name and mtime 0 in its header: the same text gives the same bytes."""

    def __init__(self, path: Path):
        self.raw = open(path, "wb")  # noqa: SIM115 - closed in close()
        self.gz = gzip.GzipFile(filename="", mode="wb", fileobj=self.raw, mtime=0, compresslevel=3)

    def write(self, text: str) -> None:
        self.gz.write(text.encode())

    def close(self) -> None:
        self.gz.close()
        self.raw.close()


def generate(triples: int | str, seed: int = 42, base: str = DEFAULT_BASE_IRI, violations: bool = True) -> Synthetic:
    """Plan a synthetic dataset of about `triples` quads; iterate it with `chunks()`, `lines()` or `quads()`."""
    target = parse_size(triples)
    if target < 10_000:
        raise ValueError("the smallest synthetic dataset has 10,000 quads (the ontology alone has about 3,200)")
    ontology = len(_ontology_triples())
    documents = max(DOCUMENTS_MIN, min(DOCUMENTS_MAX, math.ceil(target / 52 / CLAIMS_PER_DOCUMENT)))
    # The core (entities and the claims each needs) takes the share of the request left after the extras.
    lo, hi = 0.0, target / 1000
    for _ in range(60):
        mid = (lo + hi) / 2
        if _estimate(mid, documents, ontology) < (1 - FILL_SHARE) * target:
            lo = mid
        else:
            hi = mid
    scale = lo
    counts = _counts(scale)
    planted = _plan_violations(counts, seed) if violations else {k: [] for k in VIOLATION_KINDS}
    return Synthetic(target, seed, base, violations, scale, counts, documents, planted, _plan_modal(counts, planted, seed))


def _plan_violations(counts: dict[str, int], seed: int) -> dict[str, list[str]]:
    rng = random.Random(f"violations-{seed}")
    total = max(len(VIOLATION_KINDS), round(VIOLATION_RATE * sum(counts.values())))
    taken: set[str] = set()
    planted: dict[str, list[str]] = {k: [] for k in VIOLATION_KINDS}
    anchors = set(ANCHORS.values())
    kinds = list(VIOLATION_KINDS)
    for i in range(total):
        kind = kinds[i % len(kinds)]
        candidates = [f"{_kebab(c)}-{j}" for c in VIOLATION_CANDIDATES[kind] for j in range(counts[c])]
        free = [c for c in candidates if c not in taken and c not in anchors and not c.endswith("-0")]
        if not free:
            continue
        choice = free[rng.randrange(len(free))]
        taken.add(choice)
        planted[kind].append(choice)
    for kind in planted:
        planted[kind].sort(key=_local_order)
    return planted


def _local_order(local: str) -> tuple[str, int]:
    name, number = local.rsplit("-", 1)
    return name, int(number)


def _plan_modal(counts: dict[str, int], planted: dict[str, list[str]], seed: int) -> dict[str, str]:
    """The entities only non-asserted claims mention (a planned opening no source says happened), each with the
    one modality of all its claims; never a stand-in for a query's entity nor an entity that breaks a shape."""
    rng = random.Random(f"modal-{seed}")
    taken = set(ANCHORS.values()).union(*planted.values())
    candidates = [f"{_kebab(c)}-{j}" for c in MODAL_CLASSES for j in range(1, counts[c])]
    candidates = [c for c in candidates if c not in taken]
    total = min(len(candidates), max(1, round(MODAL_ENTITY_RATE * sum(counts.values()))))
    names, weights = zip(*MODALITIES[1:], strict=True)
    cum = _cumulative([w / sum(weights) for w in weights])
    return {local: names[bisect.bisect(cum, rng.random())] for local in sorted(rng.sample(candidates, total), key=_local_order)}


class _Story:
    """Facts one claim states (and another document may repeat); each fact is a list of triples, the first the fact itself.

    `state`: a fact is a state (a time-indexed property of what is not an event), so its claims carry a time.
    `modality`: the modality its claim must take (asserted where a shape requires the fact), else None.
    `document`: the document that must state it (a day without a year: one without a date), else None.
    `holds`: the time the text gives, ((lb:holdsAt | lb:holdsFrom | lb:holdsUntil, lexical, datatype), ...).
    `steps`: a history of statuses, (fact, holds) each, stated by claims of their own, the earlier superseded.
    `single`: no second document repeats it.
    """

    __slots__ = ("facts", "year_inferred", "two_certainties", "year_bounded", "state", "modality", "document", "holds",
                 "steps", "single")

    def __init__(self) -> None:
        self.facts: list[list[str]] = []
        self.year_inferred = self.two_certainties = self.year_bounded = self.state = self.single = False
        self.modality: str | None = None
        self.document: int | None = None
        self.holds: tuple[tuple[str, str, str], ...] | None = None
        self.steps: list[tuple[list[str], tuple[tuple[str, str, str], ...]]] | None = None

    def add(self, s: str, p: str, o: str) -> None:
        self.facts.append([f"{s} {p} {o}"])


def _key(triple: str) -> int:
    return int.from_bytes(hashlib.blake2b(triple.encode(), digest_size=8).digest(), "big")


class _Generator:
    def __init__(self, plan: Synthetic):
        self.plan = plan
        self.rng = random.Random(plan.seed)
        self.P = plan.base + SYNTHETIC
        self.graph = {name: f"<{plan.base}graph/{name}>" for name in METADATA_GRAPHS}
        self.modal_graph = f"<{plan.base}graph/{MODAL_REGISTER_GRAPH}>"
        self.locals = {cls: [f"{_kebab(cls)}-{i}" for i in range(n)] for cls, n in plan.counts.items()}
        # Entities only non-asserted claims mention are no one's object: nothing asserted may name them.
        self.pools = {name: [x for cls in classes for x in self.locals[cls] if x not in plan.modal]
                      for name, classes in POOLS.items()}
        self.plants = {local: kind for kind, locals_ in plan.planted.items() for local in locals_}
        # The modality every claim about an entity takes: asserted for the stand-ins of the queries' entities (and
        # the first of each class, which the queries' paths go through) and for entities that break a shape on
        # purpose, so that the default graph shows them; the planned one for entities only such claims mention.
        forced = set(ANCHORS.values()) | set(self.plants) | {names[0] for names in self.locals.values() if names}
        self.modes = {local: "asserted" for local in forced} | plan.modal
        self.mode: str | None = None  # that of the entity whose claims are being made
        self.time_indexed, events = _ontology_terms()
        self.event_prefixes = frozenset(_kebab(cls) for cls in events)
        self.named: list[str] = []
        self.default: list[str] = []
        self.seen: set[int] = set()
        self.referenced: set[str] = set()  # IRIs the default graph (but the register) has as subject or object
        self.doc_claims = [0] * plan.documents
        self.doc_offsets = [0] * plan.documents
        self.doc_dates: list[str | None] = []
        self.doc_earliest: list[str | None] = []
        self.stats = {"quads": 0, "triples_default_graph": 0, "claims": 0, "facts": 0, "planted": {},
                      "statements_per_certainty": {}, "statements_per_modality": {}, "superseded_claims": 0,
                      "register_modal_entities": 0}
        plan.stats = self.stats  # grows as the chunks are produced; complete once they are all out
        self.asserted_claims = 0
        self.quantities = 0
        cert_names, cert_weights = zip(*CERTAINTIES, strict=True)
        self.certainty_names, self.certainty_cum = cert_names, _cumulative(cert_weights)
        qual_names, qual_weights = zip(*QUALIFIERS, strict=True)
        self.qualifier_names, self.qualifier_cum = qual_names, _cumulative(qual_weights)
        real = sum(n for _, n in MODALITIES)
        self.modal_shares = tuple((name, n / real) for name, n in MODALITIES[1:])
        hold_kinds, hold_weights = zip(*HOLDS_KINDS, strict=True)
        self.hold_kinds, self.hold_cum = hold_kinds, _cumulative(hold_weights)

    # -- output ----------------------------------------------------------------------------------

    def iri(self, local: str) -> str:
        return f"<{self.P}{local}>"

    def put(self, triple: str, graph: str) -> None:
        self.named.append(f"{triple} {graph} .\n")
        self.default.append(f"{triple} .\n")

    def flush(self) -> tuple[str, str]:
        named, default = "".join(self.named), "".join(self.default)
        self.stats["quads"] += len(self.named) + len(self.default)
        self.stats["triples_default_graph"] += len(self.default)
        self.named, self.default = [], []
        return named, default

    def written(self) -> int:
        return self.stats["quads"] + len(self.named) + len(self.default)

    def full(self) -> bool:
        return len(self.named) + len(self.default) >= CHUNK_LINES

    def planted(self, kind: str) -> None:
        self.stats["planted"][kind] = self.stats["planted"].get(kind, 0) + 1

    # -- random choices --------------------------------------------------------------------------

    def pick(self, pool: str, avoid: str | None = None) -> str | None:
        items = self.pools[pool]
        if not items:
            return None
        index = self.rng.randrange(len(items))
        if items[index] == avoid:
            index = (index + 1) % len(items)
        return None if items[index] == avoid else items[index]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def free_modality(self) -> str:
        """The modality of a claim free to take any: the real graph's mix, leaning against the running mix's drift
        (claims that must be asserted, or must not, pull it one way); not asserted, the one furthest behind its
        share (all the claims of an entity only plans mention take one, which would otherwise skew the mix)."""
        claims = self.stats["claims"]
        lag = NON_ASSERTED_SHARE * claims - (claims - self.asserted_claims)
        if self.rng.random() >= NON_ASSERTED_SHARE + MIX_GAIN * lag:
            return "asserted"
        counts = self.stats["statements_per_modality"]
        return max(self.modal_shares, key=lambda m: m[1] * claims - counts.get(m[0], 0))[0]

    def time_value(self, year: int) -> tuple[str, str]:
        """A time in `year` at one of the precisions the sources give: (lexical, datatype)."""
        r = self.rng.random()
        if r < 0.3:
            return str(year), XSD + "gYear"
        if r < 0.8:
            return f"{year}-{self.rng.randint(1, 12):02d}", XSD + "gYearMonth"
        return f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}", XSD + "date"

    def holds(self, d: int) -> tuple[tuple[str, str, str], ...]:
        """The time a text gives a state: at, from, until, or from and until, no later than its document."""
        kinds = self.hold_kinds[bisect.bisect(self.hold_cum, self.rng.random())]
        latest = int((self.doc_dates[d] or self.doc_earliest[d])[:4])
        year = self.rng.randint(latest - 6, latest)
        out = []
        for kind in kinds:
            out.append((kind, *self.time_value(year)))
            year = min(latest, year + self.rng.randint(1, 3))
        if len(out) == 2 and first_day(TypedValue(*out[0][1:])) > last_day(TypedValue(*out[1][1:])):
            out[1] = (out[1][0], str(latest), XSD + "gYear")
        return tuple(out)

    def date(self) -> tuple[str, bool]:
        """A date at one of the precisions the sources give, and whether its year could be one a text leaves implicit."""
        r = self.rng.random()
        year, month, day = self.rng.randint(2014, 2024), self.rng.randint(1, 12), self.rng.randint(1, 28)
        if r < 0.5:
            return _typed(f"{year}-{month:02d}-{day:02d}", XSD + "date"), True
        if r < 0.8:
            return _typed(f"{year}-{month:02d}", XSD + "gYearMonth"), False
        if r < 0.95:
            return _typed(str(year), XSD + "gYear"), False
        return f"--{month:02d}-{day:02d}", False  # a day without a year (dated() bounds it)

    def quantity(self, subject: str, prop: str, unit: str, per: str | None = None, inverted: bool = False,
                 qualifier: str | None = None) -> list[str]:
        """A fact whose object is a qualified number (lb:Quantity), with the number's own triples."""
        self.quantities += 1
        node = f"<{self.P}quantity/{subject}-{_kebab(prop)}-{self.quantities}>"
        if inverted:
            qualifier = "between"
        elif qualifier is None:
            qualifier = self.qualifier_names[bisect.bisect(self.qualifier_cum, self.rng.random())]
        triples = [f"{self.iri(subject)} {_lb(prop)} {node}", f"{node} {A} {_lb('Quantity')}"]
        if qualifier == "between":
            low = self.rng.randint(2, 400)
            high = low + self.rng.randint(1, 400)
            words = f"between {low} and {high} {unit}"
            if inverted:
                low, high = high, low
            values = (("minValue", low), ("maxValue", high))
        else:
            value = self.rng.randint(2, 5000)
            words = f"{QUALIFIER_WORDS[qualifier]}{value} {unit}"
            values = (("numericValue", value),)
        if per:
            words += f" per {per}"
        triples += [f"{node} <{RDFS}label> {_en(words)}", f"{node} {_lb('verbatim')} {_str(words)}",
                    f"{node} {_lb('qualifier')} {_lb(qualifier)}", f"{node} {_lb('unit')} {_str(unit)}"]
        if per:
            triples.append(f"{node} {_lb('per')} {_str(per)}")
        triples += [f"{node} {_lb(name)} {_typed(f'{v}.0', XSD + 'decimal')}" for name, v in values]
        return triples

    # -- the dataset -----------------------------------------------------------------------------

    def run(self) -> Iterator[tuple[str, str]]:
        for triple in _ontology_triples():
            self.put(triple, self.graph["ontology"])
        yield self.flush()
        self.documents()
        yield self.flush()
        self.reference_coordinates()
        yield self.flush()
        # The register comes last (which graph holds an entry depends on the claims); the extras leave it room.
        register_quads = 0
        rng = random.Random(f"register-{self.plan.seed}")
        for cls, n in self.plan.counts.items():
            for i in range(n):
                triples = self.register_entry(cls, i, rng)
                if self.locals[cls][i] in self.plan.modal:
                    register_quads += sum(1 for t in triples if _lb("mentionedIn") not in t)
                else:
                    register_quads += 2 * len(triples)
        self.anchors()
        yield self.flush()
        per_class = self.stats["core_quads_per_class"] = {}
        for cls in self.plan.counts:
            before = self.written()
            core = (functools.partial(self._route, cls=cls) if cls in ROUTES
                    else getattr(self, "core_" + _kebab(cls).replace("-", "_")))
            for i in range(self.plan.counts[cls]):
                local = self.locals[cls][i]
                self.mode = self.modes.get(local)
                for story in core(local, i):
                    self.emit(story)
                if self.full():
                    yield self.flush()
            per_class[cls] = self.written() - before
        self.stats["core_quads"] = self.written() + register_quads
        # Extra relations about random entities until the dataset reaches the requested size.
        weights = [(cls, n) for cls, n in self.plan.counts.items() if n and cls in EXTRAS]
        classes, cum = [c for c, _ in weights], _cumulative([n for _, n in weights])
        idle = 0
        while self.written() + register_quads < self.plan.triples - 30:
            cls = classes[min(bisect.bisect(cum, self.rng.random() * cum[-1]), len(classes) - 1)]
            local = self.locals[cls][self.rng.randrange(self.plan.counts[cls])]
            self.mode = self.modes.get(local)
            idle = 0 if self.emit(self.extra(cls, local)) else idle + 1
            if idle > 10_000:
                raise RuntimeError("no new relations left to state: the entities are too few for this size")
            if self.full():
                yield self.flush()
        self.mode = None
        yield self.flush()
        rng = random.Random(f"register-{self.plan.seed}")
        for cls in self.plan.counts:
            before = self.written()
            for i in range(self.plan.counts[cls]):
                self.register(cls, i, rng)
                if self.full():
                    yield self.flush()
            per_class[cls] += self.written() - before
        yield self.flush()
        missing = {k: len(v) - self.stats["planted"].get(k, 0) for k, v in self.plan.planted.items()}
        if any(missing.values()):
            raise RuntimeError(f"planted violations not written: {missing}")
        modal_graph = 1 if self.stats["register_modal_entities"] else 0
        self.stats["named_graphs"] = self.stats["claims"] + len(self.graph) + modal_graph

    def documents(self) -> None:
        g = self.graph["documents"]
        roots: list[int] = []
        for d in range(self.plan.documents):
            doc = self.iri(f"document/{d:03d}")
            title = _en(f"Synthetic document {d:03d}")
            self.put(f"{doc} {A} {_lb('SourceDocument')}", g)
            self.put(f"{doc} <{RDFS}label> {title}", g)
            self.put(f"{doc} <{DCTERMS}title> {title}", g)
            self.put(f"{doc} <{DCTERMS}identifier> {_str(f'{d:03d}')}", g)
            self.put(f"{doc} <{SCHEMA}genre> {_str(self.rng.choice(('news', 'analysis', 'report')))}", g)
            self.put(f"{doc} {_lb('outlet')} {_str(f'Synthetic outlet {d % 37}')}", g)
            for a in range(1 + (self.rng.random() < 0.3)):
                self.put(f"{doc} {_lb('author')} {_str(f'Synthetic author {d}-{a}')}", g)
            # Document 3 (and one in ten others, never document 0) shows no date: the earliest it can have bounds its
            # days without a year.
            if d != 3 and (self.chance(0.9) or d == 0):
                day = f"{self.rng.randint(2015, 2024)}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
                self.put(f"{doc} {_lb('publicationDate')} {_typed(day, XSD + 'date')}", g)
                self.doc_dates.append(day)
                self.doc_earliest.append(None)
            else:
                earliest = f"{self.rng.randint(2015, 2024)}-{self.rng.randint(1, 12):02d}"
                self.put(f"{doc} {_lb('publicationDateStatus')} {_str('not stated')}", g)
                self.put(f"{doc} {_lb('earliestDate')} {_typed(earliest, XSD + 'gYearMonth')}", g)
                self.doc_dates.append(None)
                self.doc_earliest.append(earliest)
            self.put(f"{doc} {_lb('seedFile')} {_str(f'seeds/synthetic-{d:03d}.txt')}", g)
            digest = hashlib.sha256(f"synthetic document {d} seed {self.plan.seed}".encode()).hexdigest()
            self.put(f"{doc} {_lb('sha256')} {_str(digest)}", g)
            self.put(f"{doc} <{RDFS}comment> {_en('Generated for scale tests; not a real document.')}", g)
            root = d
            # Documents 0 and 1 are sources of their own: there are always two independent ones.
            if d and self.chance(DERIVED_DOCUMENTS) and d != 1:
                parent = self.rng.randrange(d)
                self.put(f"{doc} <{PROV}wasDerivedFrom> {self.iri(f'document/{parent:03d}')}", g)
                if self.chance(0.5):
                    self.put(f"{doc} <{PROV}wasQuotedFrom> {self.iri(f'document/{parent:03d}')}", g)
                root = roots[parent]
            roots.append(root)
            self.put(f"{doc} {_lb('primarySource')} {self.iri(f'document/{root:03d}')}", g)
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
        label = _en(label_of(local))
        plant = self.plants.get(local)
        triples = [f"{e} {A} {_lb(cls)}"]
        if plant == "militia-state-force":
            triples.append(f"{e} {A} {_lb('StateForce')}")
        if plant != "missing-label":
            triples.append(f"{e} <{RDFS}label> {label}")
        triples.append(f"{e} <{SKOS}prefLabel> {label}")
        if plant == "two-pref-labels":
            triples.append(f"{e} <{SKOS}prefLabel> {_en(label_of(local) + ' (second canonical label)')}")
        words = _kebab(cls).replace("-", " ")
        triples.append(f"{e} <{SCHEMA}description> {_en(f'A synthetic {words} (number {i}) generated for scale tests; not a real one.')}")
        r = rng.random()
        for k in range(0 if r < 0.7 else 1 if r < 0.9 else 2):
            triples.append(f"{e} <{SKOS}altLabel> {_en(f'{label_of(local)}, alias {k + 1}')}")
        if cls == "Commodity":
            triples.append(f"{e} <{SKOS}inScheme> {_lb('CommodityScheme')}")
        first = rng.randrange(self.plan.documents)
        triples.append(f"{e} {_lb('mentionedIn')} {self.iri(f'document/{first:03d}')}")
        if rng.random() < 0.2:
            other = (first + 1 + rng.randrange(self.plan.documents - 1)) % self.plan.documents
            triples.append(f"{e} {_lb('mentionedIn')} {self.iri(f'document/{other:03d}')}")
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
            named, g, mention = self.named, self.modal_graph, _lb("mentionedIn")
            for triple in triples:
                if mention not in triple:
                    named.append(f"{triple} {g} .\n")

    def reference_coordinates(self) -> None:
        """Points of some places, as the build keeps them: in their own graph, each with its source."""
        g = self.graph["reference-coordinates"]
        self.put(f"{g} <{RDFS}label> {_en('Reference coordinates')}", g)
        self.put(f"{g} <{DCTERMS}description> {_en('Random points of synthetic places, for scale tests; not real positions.')}", g)
        source = _str("synthetic generator: a random point, not a real position")
        self.put(f"{g} <{DCTERMS}source> {source}", g)
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
                self.put(f"{geom} <{RDFS}label> {_en(f'Reference point of {label_of(local)}')}", g)
                self.put(f"{geom} <{GEO}asWKT> {_typed(f'POINT({lon} {lat})', GEO + 'wktLiteral')}", g)
                self.put(f"{geom} <{WGS84}lat> {_typed(lat, XSD + 'decimal')}", g)
                self.put(f"{geom} <{WGS84}long> {_typed(lon, XSD + 'decimal')}", g)
                self.put(f"{geom} <{DCTERMS}source> {source}", g)

    def assert_facts(self, facts: list[list[str]]) -> None:
        """Facts an asserted claim states: into the default graph, their entities now referred to."""
        default, referenced = self.default, self.referenced
        for fact in facts:
            for triple in fact:
                default.append(f"{triple} .\n")
                subject, _, obj = triple.split(" ", 2)
                referenced.add(subject)
                if obj[0] == "<":
                    referenced.add(obj)

    def emit(self, story: _Story) -> bool:
        """One claim (and, sometimes, a second document's claim) stating the story's facts not stated before, if any;
        the facts go into the default graph when one of the claims is asserted."""
        if story.steps is not None:
            return self.emit_history(story)
        facts = []
        for fact in story.facts:
            key = _key(fact[0])
            if key not in self.seen:
                self.seen.add(key)
                facts.append(fact)
        if not facts:
            return False
        mode = self.mode
        modality = mode or story.modality or self.free_modality()
        if story.document is not None:
            primary = story.document
        elif story.year_inferred and self.dated_docs:  # a year is only inferred from a document's own date
            primary = self.dated_docs[self.rng.randrange(len(self.dated_docs))]
        else:
            primary = self.rng.randrange(self.plan.documents)
        claims = [self.claim(primary, story, modality, story.two_certainties)]
        asserted = modality == "asserted"
        if story.two_certainties:
            self.planted("two-certainties")
        if not story.single and self.chance(CORROBORATION):
            other = (primary + 1 + self.rng.randrange(self.plan.documents - 1)) % self.plan.documents
            second = mode if mode and mode != "asserted" else self.free_modality()
            claims.append(self.claim(other, story, second, False))
            asserted = asserted or second == "asserted"
        named = self.named
        for claim in claims:
            for fact in facts:
                for triple in fact:
                    named.append(f"{triple} {claim} .\n")
        if asserted:
            self.assert_facts(facts)
        self.stats["facts"] += len(facts)
        return True

    def emit_history(self, story: _Story) -> bool:
        """A place's statuses, each stated by an asserted claim of its own, at increasing times: each claim is
        superseded by every later one (as the build finds), and only the last status is in the default graph."""
        claims = []
        for fact, holds in story.steps:
            self.seen.add(_key(fact[0]))
            step = _Story()
            step.state, step.holds = True, holds
            claim = self.claim(self.document_since(int(holds[0][1][:4])), step, "asserted", False)
            self.named.extend(f"{triple} {claim} .\n" for triple in fact)
            claims.append(claim)
        g = self.graph["provenance"]
        for n, old in enumerate(claims[:-1]):
            for new in claims[n + 1:]:
                self.put(f"{old} {_lb('supersededBy')} {new}", g)
        self.stats["superseded_claims"] += len(claims) - 1
        self.assert_facts([story.steps[-1][0]])
        self.stats["facts"] += len(story.steps)
        return True

    # -- the anchors: what the competency queries need of the entities they name --------------------

    def anchors(self) -> None:
        """The data each competency query needs of the stand-ins for the entities it names (ANCHORS), at every size
        and seed: claims made before any other (so that no claim drawn at random has stated their facts first, with
        another modality) and drawn from a random stream of their own (so that the rest of the dataset does not
        depend on them, nor they on it)."""
        shared, self.rng = self.rng, random.Random(f"anchors-{self.plan.seed}")
        try:
            self.anchor_crossing_statuses()
            self.anchor_opening_plans()
            self.anchor_capture_dates()
        finally:
            self.rng = shared

    def say(self, d: int, modality: str, *facts: tuple[str, str, str], holds: tuple[tuple[str, str, str], ...] | None = None,
            disputes: str | None = None, year_inferred: bool = False, held_back: bool = False,
            again: tuple[tuple[str, str, str], ...] = ()) -> str:
        """A claim of document `d` with `modality` stating `facts` ((subject local, property, object term) each), which
        no claim has stated before, and `again` those an earlier asserted one has; into the default graph (once) if
        asserted, but a value a later claim supersedes (`held_back`). Returns the claim's IRI."""
        story = self.story(*facts, *again)
        story.holds, story.year_inferred = holds, year_inferred
        for n, fact in enumerate(story.facts):
            key = _key(fact[0])
            if (key in self.seen) != (n >= len(facts)):
                raise RuntimeError(f"an anchor's fact {'not yet' if n >= len(facts) else 'already'} stated: {fact[0]}")
            self.seen.add(key)
        claim = self.claim(d, story, modality, False, disputes)
        self.named.extend(f"{triple} {claim} .\n" for fact in story.facts for triple in fact)
        if modality == "asserted" and not held_back:
            self.assert_facts(story.facts[:len(facts)])
        self.stats["facts"] += len(facts)
        return claim

    def anchor_crossing_statuses(self) -> None:
        """The crossing's status (29, 31): in 2017, as two independent sources give it, the second disputing the
        first (sources that disagree: two values at one time, neither superseding the other, as the build finds),
        and from the second half of 2019 another, which supersedes both (what held on 1 June and 1 October 2019)."""
        crossing = ANCHORS["al-qaim-albu-kamal-crossing"]
        then = (("holdsAt", *self.time_value(2017)),)
        month = self.rng.randint(7, 9)
        later = (("holdsAt", f"2019-{month:02d}", XSD + "gYearMonth") if self.chance(0.5) else
                 ("holdsAt", f"2019-{month:02d}-{self.rng.randint(1, 28):02d}", XSD + "date"),)
        first = self.document_since(2017)
        one = self.say(first, "asserted", (crossing, "status", _lb("closed")), holds=then, held_back=True)
        other = self.say(self.other_source(first, 2017), "asserted", (crossing, "status", _lb("underConstruction")),
                         holds=then, disputes=one, held_back=True)
        last = self.say(self.document_since(2019), "asserted", (crossing, "status", _lb("open")), holds=later)
        g = self.graph["provenance"]
        for old in (one, other):
            self.put(f"{old} {_lb('supersededBy')} {last}", g)
        self.stats["superseded_claims"] += 2

    def anchor_opening_plans(self) -> None:
        """The opening's date as the sources assert it, and a plan or prediction that it opens by a deadline (the
        month of that date, the month before or the one after), in its claim graph only (30, 33)."""
        opening = ANCHORS["al-qaim-albu-kamal-crossing-opening"]
        docs = self.plan.documents
        month = self.rng.randint(8, 11)
        self.say(self.rng.randrange(docs), "asserted",
                 (opening, "date", _typed(f"2019-{month:02d}-{self.rng.randint(1, 28):02d}", XSD + "date")))
        deadline = month + self.rng.randint(-1, 1)
        self.say(self.rng.randrange(docs), self.rng.choice(("intended", "expected")),
                 (opening, "dateNotAfter", _typed(f"2019-{deadline:02d}", XSD + "gYearMonth")))

    def anchor_capture_dates(self) -> None:
        """The capture of the town, which two independent sources both report (13), giving dates a few days apart
        (31); the first gives the day and month only, and the year is its document's (23)."""
        capture = ANCHORS["capture-of-albu-kamal-2017"]
        captured = (capture, "capturedPlace", self.iri(ANCHORS["albu-kamal"]))
        d = self.dated_docs[self.rng.randrange(len(self.dated_docs))]
        year, month, day = int(self.doc_dates[d][:4]), self.rng.randint(1, 12), self.rng.randint(1, 20)
        self.say(d, "asserted", captured, (capture, "date", _typed(f"{year}-{month:02d}-{day:02d}", XSD + "date")),
                 year_inferred=True)
        later = _typed(f"{year}-{month:02d}-{day + self.rng.randint(1, 8):02d}", XSD + "date")
        self.say(self.other_source(d, year), "asserted", (capture, "date", later), again=(captured,))

    def claim(self, d: int, story: _Story, modality: str, two_certainties: bool, disputes: str | None = None) -> str:
        """What a claim is (graph/provenance), as the build writes it; returns the claim's IRI, the name of its graph.
        `disputes`: the IRI of a claim it argues against."""
        n = self.doc_claims[d] = self.doc_claims[d] + 1
        if n > MAX_STATEMENTS_PER_DOCUMENT:
            raise ValueError("too many claims per document for NNN-NNN statement ids: ask for fewer quads")
        self.stats["claims"] += 1
        sid = f"{d:03d}-{n:03d}"
        base = f"{self.P}claim/{sid}"
        c, ev, target, quote_sel, pos_sel = (f"<{base}>", f"<{base}/evidence>", f"<{base}/target>", f"<{base}/quote>",
                                             f"<{base}/position>")
        doc = self.iri(f"document/{d:03d}")
        rng = self.rng
        certainty = self.certainty_names[bisect.bisect(self.certainty_cum, rng.random())]
        per_certainty = self.stats["statements_per_certainty"]
        per_certainty[certainty] = per_certainty.get(certainty, 0) + 1
        per_modality = self.stats["statements_per_modality"]
        per_modality[modality] = per_modality.get(modality, 0) + 1
        t = [f"{c} {A} <{LB}Claim>",
             f"{c} <{RDFS}label> {_en(f'Claim {sid} (Synthetic document {d:03d})')}",
             f'{c} <{LB}statementId> "{sid}"',
             f"{c} <{PROV}wasDerivedFrom> {doc}",
             f"{c} <{LB}certainty> <{LB}{certainty}>"]
        if two_certainties:
            t.append(f"{c} <{LB}certainty> <{LB}{'alleged' if certainty != 'alleged' else 'stated'}>")
        if certainty != "stated" and rng.random() < 0.6:
            t.append(f'{c} <{LB}attribution> "synthetic source {rng.randrange(50)}"')
            source = self.pick("source")
            if source and rng.random() < 0.8:
                t.append(f"{c} <{LB}attributedTo> {self.iri(source)}")
                self.referenced.add(self.iri(source))
        elif rng.random() < 0.15:
            source = self.pick("source")
            if source:
                t.append(f"{c} <{LB}attributedTo> {self.iri(source)}")
                self.referenced.add(self.iri(source))
        if rng.random() < 0.1:
            t.append(f"{c} <{LB}hedge> {_str(rng.choice(('reportedly', 'allegedly', 'it can be assumed', 'potential')))}")
        date = self.doc_dates[d]
        if story.year_inferred and date:
            t.append(f"{c} <{LB}yearInferred> {TRUE}")
        if story.year_bounded:
            t.append(f"{c} <{LB}yearBounded> {TRUE}")
        t.append(f"{c} <{LB}modality> <{LB}{modality}>")
        if modality == "asserted":
            self.asserted_claims += 1
        else:
            t.append(f"{c} <{LB}modalityCue> {_str(rng.choice(CUES[modality]))}")
            if modality == "conditional":
                t.append(f'{c} <{LB}condition> "If synthetic condition {rng.randrange(1000)} holds"')
        # When it held (kg.build.claim_time): the time the text gives, else, for a state the source asserts or
        # denies, the document's date (or the earliest it can have).
        holds = story.holds
        if holds is None and story.state and rng.random() < HOLDS_SHARE:
            holds = self.holds(d)
        if holds:
            valid_from = valid_until = None
            for prop, lexical, datatype in holds:
                t.append(f"{c} <{LB}{prop}> {_typed(lexical, datatype)}")
                if prop == "holdsUntil":
                    valid_until = last_day(TypedValue(lexical, datatype))
                else:
                    valid_from = first_day(TypedValue(lexical, datatype))
            t.append(f"{c} <{LB}timeText> {_str(rng.choice(TIME_TEXTS))}")
            if valid_from:
                t.append(f'{c} <{LB}validFrom> "{valid_from.isoformat()}"^^<{XSD}date>')
            if valid_until:
                t.append(f'{c} <{LB}validUntil> "{valid_until.isoformat()}"^^<{XSD}date>')
        elif story.state and modality in ("asserted", "denied"):
            if date:
                t.append(f'{c} <{LB}asOf> "{date}"^^<{XSD}date>')
                t.append(f'{c} <{LB}validFrom> "{date}"^^<{XSD}date>')
            else:
                t.append(f'{c} <{LB}asOfNotBefore> "{self.doc_earliest[d]}"^^<{XSD}gYearMonth>')
            if rng.random() < TIME_TEXT_SHARE:
                t.append(f"{c} <{LB}timeText> {_str(rng.choice(TIME_TEXTS[1:4]))}")
        if rng.random() < SHARE_RATE:
            t.append(f"{c} <{LB}share> <{LB}{rng.choice(('most', 'part', 'all'))}>")
        disputed = [disputes] if disputes else []
        if n > 1 and rng.random() < DISPUTE_RATE and self.iri(f"claim/{d:03d}-{n - 1:03d}") not in disputed:
            disputed.append(self.iri(f"claim/{d:03d}-{n - 1:03d}"))
        t += [f"{c} <{LB}disputes> {other}" for other in disputed]
        # The document's text is its sentences joined by spaces; each claim quotes one.
        exact = _sentence(d, n)
        start = self.doc_offsets[d]
        self.doc_offsets[d] = start + len(exact) + 1
        prefix = (_sentence(d, n - 1) + " ")[-32:] if n > 1 else ""
        suffix = (" " + _sentence(d, n + 1))[:32]
        t += [f"{c} <{LB}evidence> {ev}",
              f"{ev} {A} <{LB}Evidence>",
              f"{ev} {A} <{OA}Annotation>",
              f"{ev} <{OA}hasBody> {c}",
              f"{ev} <{OA}hasTarget> {target}",
              f"{target} {A} <{OA}SpecificResource>",
              f"{target} <{OA}hasSource> {doc}",
              f"{target} <{OA}hasSelector> {quote_sel}",
              f"{target} <{OA}hasSelector> {pos_sel}",
              f"{quote_sel} {A} <{OA}TextQuoteSelector>",
              f'{quote_sel} <{OA}exact> "{exact}"',
              f'{quote_sel} <{OA}prefix> "{prefix}"',
              f'{quote_sel} <{OA}suffix> "{suffix}"',
              f"{pos_sel} {A} <{OA}TextPositionSelector>",
              # xsd:integer, as the build writes them (a store gives derived integer types back as xsd:integer).
              f'{pos_sel} <{OA}start> "{start}"^^<{XSD}integer>',
              f'{pos_sel} <{OA}end> "{start + len(exact)}"^^<{XSD}integer>']
        g = self.graph["provenance"]
        self.named += [f"{x} {g} .\n" for x in t]
        self.default += [f"{x} .\n" for x in t]
        return c

    # -- stories: the claims each entity needs, by class ----------------------------------------

    def is_state(self, subject: str, prop: str) -> bool:
        """A fact of a time-indexed property about what is not an event holds at a time (Statement.time_indexed)."""
        return prop in self.time_indexed and subject.rsplit("-", 1)[0] not in self.event_prefixes

    def story(self, *facts: tuple[str, str, str | None], required: bool = False) -> _Story:
        """A story of (subject local, property, object) facts; objects already formatted as terms or None (skipped).

        `required`: a shape requires one of its facts of an entity the default graph holds, so its claim is asserted.
        """
        s = _Story()
        for subject, prop, obj in facts:
            if obj is not None:
                s.add(self.iri(subject), _lb(prop), obj)
                s.state = s.state or self.is_state(subject, prop)
        if required:
            s.modality = "asserted"
        return s

    def qstory(self, subject: str, prop: str, unit: str, per: str | None = None, inverted: bool = False) -> _Story:
        """A story of one qualified number."""
        s = _Story()
        s.facts.append(self.quantity(subject, prop, unit, per, inverted))
        s.state = self.is_state(subject, prop)
        return s

    def ref(self, local: str | None) -> str | None:
        return None if local is None else self.iri(local)

    def dated(self, local: str, required: bool = False) -> _Story:
        """A claim giving an event's date (sometimes with a year the text leaves implicit, or a day without a year,
        or, where the event is still to come, only the latest date it is expected or planned by)."""
        s = _Story()
        e = self.iri(local)
        if required:
            s.modality = "asserted"
        if self.plants.get(local) == "date-datatype":
            s.add(e, _lb("date"), _str("sometime in the spring"))
            self.planted("date-datatype")
            return s
        if not required and self.mode is None and self.chance(0.08):
            s.add(e, _lb("dateNotAfter"), _typed(f"{self.rng.randint(2015, 2025)}-{self.rng.randint(1, 12):02d}",
                                                 XSD + "gYearMonth"))
            s.modality = self.rng.choice(("expected", "intended"))
            return s
        value, full = self.date()
        if value.startswith("--"):
            # A day without a year: only in a document without a date, bounded by its earliest. Not for a strike:
            # DatedStrikeShape asks for an lb:date (or lb:dateText), which a month and day alone do not give.
            if self.undated_docs and not required:
                s.document = self.undated_docs[self.rng.randrange(len(self.undated_docs))]
                bound = month_day_not_before(value, self.doc_earliest[s.document])
                s.facts.append([f"{e} {_lb('monthDay')} {_typed(value, XSD + 'gMonthDay')}",
                                f"{e} {_lb('dateNotBefore')} {_typed(bound.isoformat(), XSD + 'date')}"])
                s.year_bounded = s.single = True
                return s
            value, full = _typed(f"2020{value[1:]}", XSD + "date"), True
        s.add(e, _lb("date"), value)
        s.year_inferred = full and (self.chance(0.15) or local == "strike-0")
        return s

    def status_history(self, e: str, weights: tuple[float, ...]) -> list[_Story]:
        """A place's statuses over time (none, one, two or three), each at a later time than the one before; none
        for the crossing the as-of question asks about, whose statuses are the anchors' (anchor_crossing_statuses)."""
        r, steps = self.rng.random(), 0
        for k, w in enumerate(weights, 1):
            if r < w:
                steps = k
                break
            r -= w
        if not steps or self.mode not in (None, "asserted") or e == ANCHORS["al-qaim-albu-kamal-crossing"]:
            return []
        s = _Story()
        s.steps = []
        year = self.rng.randint(2013, 2019)
        for status in self.rng.sample(STATUSES, steps):
            lexical, datatype = self.time_value(year)
            s.steps.append(([f"{self.iri(e)} {_lb('status')} {_lb(status)}"], (("holdsAt", lexical, datatype),)))
            year += self.rng.randint(1, 2)
        return [s]

    def extra(self, cls: str, local: str) -> _Story:
        s = _Story()
        for _ in range(1 + self.rng.randrange(3)):
            prop, pool = EXTRAS[cls][self.rng.randrange(len(EXTRAS[cls]))]
            obj = self.value(pool, local)
            if obj is not None:
                s.add(self.iri(local), _lb(prop), obj)
                s.state = s.state or self.is_state(local, prop)
        return s

    def value(self, pool: str, subject: str) -> str | None:
        if pool == "sect":
            return _lb(self.rng.choice(("shia", "sunni")))
        if pool == "characteristic":
            return _lb(self.rng.choice(CHARACTERISTICS))
        if pool in ("topic", "grounds", "facility"):
            return _str(f"synthetic {pool} {self.rng.randrange(1000)}")
        return self.ref(self.pick(pool, avoid=subject))

    def core_country(self, e: str, i: int) -> list[_Story]:
        stories = [self.story((e, "opposes", self.ref(self.pick("country", avoid=e))))]
        if self.chance(0.5) or i == 0:
            stories.append(self.story((e, "supports", self.ref(self.pick("armed")))))
        return stories

    def core_militia(self, e: str, i: int) -> list[_Story]:
        r = self.rng.random()
        if i == 0 or r < 0.15:
            place = self.locals["Settlement"][self.rng.randrange(2)] if r < 0.08 else self.locals["Region"][self.rng.randrange(2)]
        else:
            place = self.pick("local")
        stories = [self.story((e, "hasPresenceIn", self.ref(place)), (e, "sect", _lb(self.rng.choice(("shia", "sunni")))))]
        relation = self.rng.choice(("controls", "operates", "secures", "influences"))
        crossing = self.pick("crossing")
        if i == 0:
            stories.append(self.story((e, "controls", self.iri("official-crossing-0"))))
        else:
            stories.append(self.story((e, relation, self.ref(crossing))))
        if i == 0 or self.chance(0.4):
            stories.append(self.story((e, self.rng.choice(("partOf", "memberOf")), self.iri("state-force-1"))))
        if i == 0 or self.chance(0.35):
            stories.append(self.story(("country-0", self.rng.choice(("sponsors", "supports")), self.iri(e))))
        if self.chance(0.25):
            stories.append(self.qstory(e, "size", "fighters"))
        return stories

    def core_armed_group(self, e: str, i: int) -> list[_Story]:
        return [self.story((e, "opposes", self.ref(self.pick("country"))), (e, "hasPresenceIn", self.ref(self.pick("local"))))]

    def core_state_force(self, e: str, i: int) -> list[_Story]:
        stories = [self.story((e, "country", self.ref(self.pick("country"))))]
        place = self.locals["Settlement"][1] if self.chance(0.2) else self.pick("local")
        stories.append(self.story((e, "deployedIn", self.ref(place))))
        if i > 1 and self.chance(0.5):
            stories.append(self.story((e, "partOf", self.iri("state-force-0"))))
        return stories

    def core_military_unit(self, e: str, i: int) -> list[_Story]:
        parent = "state-force-0" if i == 0 or self.chance(0.5) else "military-unit-0"
        country = self.iri("country-0") if i == 0 else self.ref(self.pick("country"))
        return [self.story((e, "partOf", self.iri(parent)), (e, "country", country))]

    def core_government_body(self, e: str, i: int) -> list[_Story]:
        return [self.story((e, "country", self.ref(self.pick("country")))),
                self.story((e, "secures", self.ref(self.pick("crossing"))))]

    def core_media_outlet(self, e: str, i: int) -> list[_Story]:
        return [self.story((e, "country", self.ref(self.pick("country"))))]

    def core_person(self, e: str, i: int) -> list[_Story]:
        title = _str(f"synthetic title {self.rng.randrange(200)}")
        stories = [self.story((e, "title", title), (e, self.rng.choice(("commands", "leads")), self.ref(self.pick("organization"))))]
        if self.chance(0.3):
            stories.append(self.story((e, "memberOf", self.ref(self.pick("organization")))))
        return stories

    def core_person_group(self, e: str, i: int) -> list[_Story]:
        stories = [self.story((e, "memberOf", self.ref(self.pick("armed"))), (e, "title", _str("members")))]
        if self.chance(0.3):
            stories.append(self.qstory(e, "size", "members"))
        return stories

    def core_region(self, e: str, i: int) -> list[_Story]:
        country = self.locals["Country"][1 + i] if i < 2 else self.pick("country")
        s = self.story((e, "locatedIn", self.ref(country)))
        s.two_certainties = self.plants.get(e) == "two-certainties"
        return [s]

    def core_settlement(self, e: str, i: int) -> list[_Story]:
        region = self.locals["Region"][1 - i] if i < 2 else self.pick("region")
        s = self.story((e, "locatedIn", self.ref(region)))
        s.two_certainties = self.plants.get(e) == "two-certainties"
        stories = [s]
        if i > 1 and self.chance(0.3):
            stories.append(self.story((e, "near", self.iri(self.locals["Settlement"][self.rng.randrange(2)]))))
        elif self.chance(0.4):
            stories.append(self.story((e, "near", self.ref(self.pick("settlement", avoid=e)))))
        if self.chance(0.3):
            stories.append(self.story((e, "onBorder", self.ref(self.pick("border")))))
        return stories

    def core_border(self, e: str, i: int) -> list[_Story]:
        a = self.pick("country")
        return [self.story((e, "borderOf", self.ref(a)), (e, "borderOf", self.ref(self.pick("country", avoid=a))))]

    def _crossing(self, e: str, i: int) -> list[_Story]:
        near = self.iri(self.locals["Settlement"][i % 2]) if i < 2 else self.ref(self.pick("settlement"))
        stories = [self.story((e, "near", near), (e, "onBorder", self.ref(self.pick("border"))))]
        stories.append(self.story((e, "connects", self.ref(self.pick("settlement"))), (e, "connects", self.ref(self.pick("region")))))
        if self.chance(0.6):
            stories.append(self.story((e, "cargo", self.ref(self.pick("commodity")))))
        return stories

    def core_official_crossing(self, e: str, i: int) -> list[_Story]:
        return self._crossing(e, i) + self.status_history(e, STATUS_HISTORY["OfficialCrossing"])

    def core_unofficial_crossing(self, e: str, i: int) -> list[_Story]:
        stories = self._crossing(e, i) + self.status_history(e, STATUS_HISTORY["UnofficialCrossing"])
        stories.append(self.story((e, "usedBy", self.ref(self.pick("armed")))))
        return stories

    def core_military_base(self, e: str, i: int) -> list[_Story]:
        return [self.story((e, "near", self.ref(self.pick("settlement"))), (e, "builtBy", self.ref(self.pick("actor")))),
                *self.status_history(e, STATUS_HISTORY["MilitaryBase"])]

    def core_barrier(self, e: str, i: int) -> list[_Story]:
        s = self.qstory(e, "length", "km", inverted=self.plants.get(e) == "range-order")
        if self.plants.get(e) == "range-order":
            self.planted("range-order")
        return [self.story((e, "near", self.ref(self.pick("settlement"))), (e, "facility", _str("synthetic guard posts"))), s]

    def core_water_body(self, e: str, i: int) -> list[_Story]:
        return [self.story((e, "locatedIn", self.ref(self.pick("region"))))]

    def _route(self, e: str, i: int, cls: str) -> list[_Story]:
        mode = {"AirBridge": "air", "SeaRoute": "sea"}.get(cls, "land")
        stops: list[str] = []
        if cls == "Road" and i == 0:
            stops.append("official-crossing-0")
        for _ in range(self.rng.randint(3, 6) - len(stops)):
            place = self.pick("crossing") if self.chance(0.35) else self.pick("place")
            if place and place not in stops:
                stops.append(place)
        waypoints = _Story()
        route = self.iri(e)
        for seq, place in enumerate(stops, 1):
            w = self.iri(f"waypoint/{e}-{seq}-{place}")
            wrong = seq == 1 and self.plants.get(e) == "sequence-datatype"
            if wrong:
                self.planted("sequence-datatype")
            waypoints.facts.append([
                f"{route} {_lb('hasWaypoint')} {w}",
                f"{w} {A} {_lb('Waypoint')}",
                f"{w} <{RDFS}label> {_en(f'{label_of(e)}, stop {seq}: {label_of(place)}')}",
                f"{w} {_lb('sequence')} {_typed(f'{seq}.0', XSD + 'decimal') if wrong else _typed(str(seq), XSD + 'integer')}",
                f"{w} {_lb('waypointPlace')} {self.iri(place)}",
                f"{route} {_lb('passesThrough')} {self.iri(place)}",
            ])
        bridge = e == ANCHORS["iran-land-bridge"]
        user = "country-0" if self.chance(0.5) or bridge else self.pick("actor")
        uses = [(e, "mode", _lb(mode)), (e, "usedBy", self.ref(user)), (e, "cargo", self.ref(self.pick("commodity")))]
        if bridge:
            # The land bridge Iran uses (28), and what the question on routes asks of it (32): what it is for, what
            # it is an alternative to, an advantage and a limitation, and who threatens it.
            uses += [(e, "purpose", self.iri(self.locals["Transfer"][0])), (e, "alternativeTo", self.iri(self.locals["Road"][0])),
                     (e, "advantage", _lb("cost")), (e, "limitation", _lb("interdiction")),
                     (self.locals["ArmedGroup"][0], "threatens", self.iri(e))]
        ends = [(e, "origin", self.ref(self.pick("country"))), (e, "destination", self.ref(self.pick("feature", avoid=e)))]
        # The land bridge's in one claim, which leaves the smallest graphs room for the anchors' claims.
        stories = [waypoints, self.story(*uses, *ends)] if bridge else [waypoints, self.story(*uses), self.story(*ends)]
        if (cls == "Road" and i == 0) or (self.chance(0.15) and not bridge):
            stories.append(self.story((e, "cannotBeUsedBy", self.iri("country-0"))))
        return stories

    def core_strike(self, e: str, i: int) -> list[_Story]:
        if i == 0 or self.chance(0.12):
            site = self.iri(self.rng.choice(("settlement-0", "official-crossing-0")))
        else:
            site = self.ref(self.pick("place"))
        # Where, how and whom in one claim, as a text tells a strike ("an air strike near Albu Kamal killed members of ...").
        stories = [self.dated(e, required=True),
                   self.story((e, self.rng.choice(("location", "nearLocation", "hit")), site),
                              (e, "strikeType", _lb(self.rng.choice(("airStrike", "droneStrike", "rocketFire")))),
                              (e, "target", self.ref(self.pick("armed"))))]
        plant = self.plants.get(e)
        if plant == "perpetrator-class":
            stories.append(self.story((e, "perpetrator", self.ref(self.pick("commodity")))))
            self.planted(plant)
        elif plant == "strike-unattributed":
            self.planted(plant)
        elif self.chance(0.25):
            stories.append(self.story((e, "attributionStatus", _lb("unattributed")), required=True))
        else:
            stories.append(self.story((e, "perpetrator", self.ref(self.pick("actor"))), required=True))
        if self.chance(0.4):
            stories.append(self.qstory(e, "casualties", "people killed"))
        return stories

    def core_sanction(self, e: str, i: int, programme: bool = False) -> list[_Story]:
        issuer = self.ref(self.pick("country") if self.chance(0.6) else self.pick("organization"))
        first = self.story((e, "issuedBy", issuer) if self.chance(0.9) else (e, "attributionStatus", _lb("unattributed")),
                           required=True)
        if self.chance(0.85):
            second = self.story((e, "sanctionTarget", self.ref(self.pick("armed" if programme else "actor"))), required=True)
        else:
            second = self.story((e, "cargo", self.ref(self.pick("commodity"))), required=True)
        if programme:
            second.add(self.iri(e), _lb("programme"), _lb("foreignTerroristOrganization"))
        second.add(self.iri(e), _lb("grounds"), _str(f"synthetic grounds {self.rng.randrange(1000)}"))
        return [first, second, self.dated(e)]

    def core_terrorist_designation(self, e: str, i: int) -> list[_Story]:
        return self.core_sanction(e, i, programme=True)

    def core_seizure(self, e: str, i: int) -> list[_Story]:
        place = self.iri(self.rng.choice(("official-crossing-0", "settlement-1"))) if i == 0 or self.chance(0.3) else \
            self.ref(self.pick("crossing"))
        s = self.story((e, "location", place), (e, "cargo", self.ref(self.pick("commodity"))),
                       (e, "agent", self.ref(self.pick("organization"))))
        # The first one's amount is "more than" a number: the question on qualified numbers always has one (24).
        s.facts.append(self.quantity(e, "quantity", "pills", qualifier="moreThan" if i == 0 else None))
        return [s, self.dated(e)]

    def core_meeting(self, e: str, i: int) -> list[_Story]:
        a = self.pick("person")
        return [self.dated(e),
                self.story((e, "location", self.ref(self.pick("settlement"))), (e, "attendedBy", self.ref(a)),
                           (e, "attendedBy", self.ref(self.pick("person", avoid=a))), (e, "topic", _str("synthetic topic"))),
                self.story((e, "participant", self.ref(self.pick("country"))))]

    def core_crossing_opening(self, e: str, i: int) -> list[_Story]:
        crossing = self.iri("official-crossing-0") if i == 0 else self.ref(self.pick("crossing"))
        stories = [self.story((e, "openedCrossing", crossing), (e, "status", _lb("planned")), required=True)]
        if e != ANCHORS["al-qaim-albu-kamal-crossing-opening"]:  # whose dates are the anchors' (anchor_opening_plans)
            stories.append(self.dated(e))
        if i == 0 or self.chance(0.5):
            stories.append(self.story((e, "status", _lb(self.rng.choice(("delayed", "completed", "ongoing"))))))
            stories.append(self.story((e, "agent", self.ref(self.pick("country")))))
        return stories

    def core_construction(self, e: str, i: int) -> list[_Story]:
        return [self.story((e, "constructed", self.ref(self.pick("installation"))), (e, "status", _lb("completed")), required=True),
                self.story((e, "agent", self.ref(self.pick("actor")))), self.dated(e)]

    def core_territorial_capture(self, e: str, i: int) -> list[_Story]:
        place = self.iri("settlement-0") if i == 0 else self.ref(self.pick("local"))
        return [self.story((e, "capturedPlace", place), (e, "agent", self.iri("militia-0") if i == 0 else self.ref(self.pick("armed"))),
                           required=True),
                self.story((e, "expelled", self.ref(self.pick("armed")))),
                # The capture the queries ask about has the dates of the anchors (anchor_capture_dates).
                *([] if e == ANCHORS["capture-of-albu-kamal-2017"] else [self.dated(e)])]

    def core_smuggling_operation(self, e: str, i: int) -> list[_Story]:
        s = self.story((e, "agent", self.ref(self.pick("armed"))), (e, "beneficiary", self.ref(self.pick("armed"))))
        money = self.qstory(e, "revenue", "US dollars", per="month")
        if self.chance(0.5):
            money.facts.append(self.quantity(e, self.rng.choice(("fee", "tradeValue", "cost")), "US dollars", per="truck"))
        return [s, money, self.story((e, "cargo", self.ref(self.pick("commodity"))), (e, "passesThrough", self.ref(self.pick("crossing"))))]

    def core_transfer(self, e: str, i: int) -> list[_Story]:
        return [self.story((e, "agent", self.ref(self.pick("actor"))), (e, "origin", self.ref(self.pick("country"))),
                           (e, "destination", self.ref(self.pick("country")))),
                self.story((e, "cargo", self.ref(self.pick("commodity"))), (e, "passesThrough", self.ref(self.pick("crossing"))),
                           (e, "status", _lb("ongoing")))]

    def core_announcement(self, e: str, i: int) -> list[_Story]:
        return [self.dated(e), self.story((e, "agent", self.ref(self.pick("person"))),
                                          (e, "concerns", self.ref(self.pick("event", avoid=e))),
                                          (e, "topic", _str(f"synthetic topic {self.rng.randrange(1000)}")))]

    def core_deployment(self, e: str, i: int) -> list[_Story]:
        return [self.dated(e), self.story((e, "agent", self.ref(self.pick("force"))), (e, "location", self.ref(self.pick("local"))))]

    def core_commodity(self, e: str, i: int) -> list[_Story]:
        """Goods no asserted claim has named yet: a crossing or route carries them (a cargo not stated before)."""
        if self.iri(e) in self.referenced:
            return []
        for _ in range(20):
            holder = self.pick("crossing" if self.chance(0.5) else "route")
            if holder and _key(f"{self.iri(holder)} {_lb('cargo')} {self.iri(e)}") not in self.seen:
                return [self.story((holder, "cargo", self.iri(e)))]
        return []


def _cumulative(weights) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    out[-1] = 1.0 if abs(total - 1.0) < 1e-9 else total
    return out


def _sentence(d: int, n: int) -> str:
    return f"Synthetic sentence {n} of synthetic document {d:03d} states this."


# -- a servable release ------------------------------------------------------------------------------------------

def write_release(plan: Synthetic, build_dir: Path, nquads_gz: Path | None = None, default_gz: Path | None = None,
                  load: Callable[[Path, Path], object] = load_dump) -> Path:
    """`build_dir/releases/<name>/` (dumps, store, manifest marked synthetic) and `build_dir/current` pointing at it.

    Writes the dataset, or copies it from `nquads_gz` (and `default_gz`, its default graph) when the plan has
    already been generated; `load(dump, store_folder)` makes the store.
    """
    from .build import ARTEFACTS
    from .jsonld_context import context_json
    from .ontology import load_ontology
    from .ontology_html import ontology_html
    from .shapes_html import shapes_html

    build_dir = Path(build_dir).resolve()
    if build_dir == (PROJECT_ROOT / "build").resolve():
        raise ValueError("synthetic data never goes into the project's build/: choose another folder")
    releases = build_dir / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    tmp = releases / f".tmp-synthetic-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    dump, default_dump = tmp / "landbridge.nq.gz", tmp / "landbridge.ttl.gz"
    if nquads_gz is not None:
        if "named_graphs" not in plan.stats:
            raise ValueError("copying a dataset needs the figures of its generation (plan.stats)")
        shutil.copyfile(nquads_gz, dump)
        if default_gz is not None:
            shutil.copyfile(default_gz, default_dump)
        else:
            _default_graph_of(dump, default_dump)
    else:
        plan.write(dump, default_dump)
    load(dump, tmp / "store")
    layout = Layout()
    (tmp / ARTEFACTS["ontology_html"]).write_text(ontology_html(layout.ontology), encoding="utf-8")
    (tmp / ARTEFACTS["shapes_html"]).write_text(shapes_html(layout.shapes), encoding="utf-8")
    shutil.copyfile(layout.shapes, tmp / ARTEFACTS["shapes"])
    (tmp / ARTEFACTS["jsonld_context"]).write_text(context_json(load_ontology(layout.ontology)), encoding="utf-8")
    summary = plan.summary()
    stats = {"statements": plan.stats["claims"], "facts": plan.stats["facts"], "entities": sum(plan.counts.values()),
             "documents": plan.documents, "triples_default_graph": plan.stats["triples_default_graph"],
             "quads": plan.stats["quads"], "named_graphs": plan.stats["named_graphs"],
             "statements_per_certainty": dict(sorted(plan.stats["statements_per_certainty"].items())),
             "statements_per_modality": dict(sorted(plan.stats["statements_per_modality"].items())),
             "synthetic": True}
    (tmp / "stats.json").write_text(json.dumps(stats, indent=2, sort_keys=True) + "\n")
    manifest = {
        "version": __version__,
        "base_iri": plan.base,
        "built_at": "2000-01-01T00:00:00+00:00",  # fixed: a synthetic release is a function of its settings
        "inputs_sha256": plan.digest(),
        "dumps": {},
        "compressed_dumps": {"nquads": dump.name, "turtle": default_dump.name},
        "artefacts": {k: v for k, v in ARTEFACTS.items() if k != "documents"},
        "synthetic": summary,
    }
    (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    final = releases / plan.name
    shutil.rmtree(final, ignore_errors=True)
    os.replace(tmp, final)
    link_tmp = build_dir / f".current-{os.getpid()}"
    if link_tmp.is_symlink() or link_tmp.exists():
        link_tmp.unlink()
    link_tmp.symlink_to(Path("releases") / plan.name)
    os.replace(link_tmp, build_dir / "current")
    return final


def _default_graph_of(nquads_gz: Path, out: Path) -> None:
    """The default graph of a gzip N-Quads file as gzip N-Triples (which is also Turtle)."""
    writer = _GzipOut(out)
    try:
        with gzip.open(nquads_gz, "rb") as data:
            for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
                if isinstance(quad.graph_name, ox.DefaultGraph):
                    writer.write(f"{quad.subject} {quad.predicate} {quad.object} .\n")
    finally:
        writer.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.synthetic", description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", required=True, help="quads to write: 20000, 10k, 1M")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--base", default=DEFAULT_BASE_IRI, help="base IRI (default %(default)s)")
    parser.add_argument("--out", type=Path, help="gzip N-Quads file to write")
    parser.add_argument("--default-out", type=Path, help="also write the default graph alone (gzip N-Triples)")
    parser.add_argument("--release", type=Path, metavar="DIR", help="also write a servable release: DIR/releases/<name>, DIR/current")
    parser.add_argument("--no-violations", action="store_true", help="plant no SHACL violations")
    args = parser.parse_args(argv)
    if not args.out and not args.release:
        parser.error("give --out FILE, --release DIR or both")
    plan = generate(args.triples, args.seed, args.base, violations=not args.no_violations)
    if args.out:
        summary = plan.write(args.out, args.default_out)
    if args.release:
        release = write_release(plan, args.release, args.out, args.default_out)
        summary = plan.summary() | {"release": str(release)}
    json.dump(summary, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
