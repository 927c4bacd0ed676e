"""Planted violations: the ways an entity breaks ontology/shapes.ttl on purpose, which entities each may be planted on,
and which entities of a plan break them (the stories, the register and the claims write the breaks)."""

from __future__ import annotations

import random

from .anchors import ANCHORS
from .terms import kebab, local_order

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


def plan_violations(counts: dict[str, int], seed: int) -> dict[str, list[str]]:
    rng = random.Random(f"violations-{seed}")
    total = max(len(VIOLATION_KINDS), round(VIOLATION_RATE * sum(counts.values())))
    taken: set[str] = set()
    planted: dict[str, list[str]] = {k: [] for k in VIOLATION_KINDS}
    anchors = set(ANCHORS.values())
    kinds = list(VIOLATION_KINDS)
    for i in range(total):
        kind = kinds[i % len(kinds)]
        candidates = [f"{kebab(c)}-{j}" for c in VIOLATION_CANDIDATES[kind] for j in range(counts[c])]
        free = [c for c in candidates if c not in taken and c not in anchors and not c.endswith("-0")]
        if not free:
            continue
        choice = free[rng.randrange(len(free))]
        taken.add(choice)
        planted[kind].append(choice)
    for kind in planted:
        planted[kind].sort(key=local_order)
    return planted
