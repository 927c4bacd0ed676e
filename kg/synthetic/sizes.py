"""Sizes and proportions: how many entities of each class a size brings and the quads each brings, the real graph's
mixes (certainties, qualifiers, modalities, times) and rates, and sizes written as `10k` or `1M`."""

from __future__ import annotations

import re
from dataclasses import dataclass

CHUNK_LINES = 20_000
FILL_SHARE = 0.2  # part of the quads left to extra relation claims, which bring the total to the request
ANCHOR_QUADS = 355  # quads the claims Generator.anchors makes bring, measured


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

CERTAINTIES = (("stated", 0.60), ("reported", 0.29), ("assessed", 0.07), ("alleged", 0.04))
QUALIFIERS = (("exactly", 0.40), ("moreThan", 0.18), ("about", 0.14), ("atLeast", 0.10), ("between", 0.10),
              ("atMost", 0.04), ("multiple", 0.04))

# Modality: the real graph's mix (`kg stats`, statements_per_modality: 306 of its 365 statements asserted). Claims
# that must be asserted (a required fact, a planted violation, a stand-in of a query) or cannot be (an entity only
# plans and predictions mention) take theirs; the others take the one that keeps the running mix at this one.
MODALITIES = (("asserted", 306), ("intended", 17), ("expected", 15), ("recommended", 13), ("denied", 9), ("conditional", 5))
NON_ASSERTED_SHARE = 1 - MODALITIES[0][1] / sum(n for _, n in MODALITIES)
MIX_GAIN = 0.1  # how hard a free claim's draw leans against the running mix's drift
MODAL_ENTITY_RATE = 0.07  # of the entities: only non-asserted claims mention them (real graph: 19 of 254)
MODAL_CLASSES = ("Strike", "Sanction", "Seizure", "Meeting", "CrossingOpening", "Construction", "SmugglingOperation",
                 "Transfer", "Announcement", "Deployment", "Road", "SmugglingCorridor", "PersonGroup", "Barrier")

# Time: claims of states the text gives a time for (else the document's date is their lb:asOf).
HOLDS_SHARE = 0.13
HOLDS_KINDS = ((("holdsAt",), 0.65), (("holdsFrom",), 0.2), (("holdsUntil",), 0.1), (("holdsFrom", "holdsUntil"), 0.05))
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


def parse_size(text: str | int) -> int:
    """`10k`, `1M`, `1.5m` or `20000` -> a number of quads."""
    if isinstance(text, int):
        return text
    match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([kKmM]?)\s*", text)
    if not match:
        raise ValueError(f"not a size: {text!r} (write 20000, 10k or 1M)")
    factor = {"": 1, "k": 1_000, "m": 1_000_000}[match.group(2).lower()]
    return int(float(match.group(1)) * factor)


def scaled_counts(scale: float) -> dict[str, int]:
    return {k.name: max(k.minimum, round(k.per_unit * scale)) for k in MIX}


def estimated_triples(scale: float, documents: int, ontology: int) -> float:
    counts = scaled_counts(scale)
    core = sum(counts[k.name] * k.quads for k in MIX)
    return 2 * ontology + 30 * documents + core + ANCHOR_QUADS


def cumulative(weights) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    out[-1] = 1.0 if abs(total - 1.0) < 1e-9 else total
    return out
