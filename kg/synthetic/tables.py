"""What the ontology lets a synthetic entity be and say: the classes by role, the relations a claim may add about
each, the words of qualifiers, statuses, modality cues and times; and the ontology's own triples and terms."""

from __future__ import annotations

import functools

import pyoxigraph as ox

from ..namespaces import LB
from ..ontology import load_ontology
from ..paths import Layout
from .sizes import MIX

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
    # No status among the extras: a place's statuses are a history of their own (Generator.status_history).
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

QUALIFIER_WORDS = {"exactly": "", "moreThan": "more than ", "about": "about ", "atLeast": "at least ",
                   "atMost": "at most ", "multiple": "several times ", "lessThan": "fewer than "}
STATUSES = ("planned", "delayed", "ongoing", "completed", "open", "closed", "blocked", "underConstruction")
CHARACTERISTICS = ("capacity", "cost", "risk", "secrecy", "distance", "interdiction", "security")

CUES = {  # the words that give a modality, as curators quote them
    "intended": ("plans to", "is set to", "is preparing to", "seeks to", "would open"),
    "expected": ("will", "is expected to", "is supposed to", "may enable", "about to"),
    "recommended": ("should", "must", "it may be necessary to", "there is a strong need to"),
    "denied": ("did not", "has not", "no preparations are being carried out", "did not open as planned"),
    "conditional": ("could", "would", "will enable"),
}
TIME_TEXTS = ("since then", "at present", "today", "for the time being", "in recent years", "for years")


@functools.cache
def ontology_triples() -> tuple[str, ...]:
    """The ontology as N-Triples lines without their final dot, sorted, each once (as the build's set of quads holds
    them: the Turtle states a few twice, such as lb:cost's label, a property's and a concept's)."""
    triples = list(ox.parse(path=str(Layout().ontology), format=ox.RdfFormat.TURTLE))
    return tuple(sorted({f"{t.subject} {t.predicate} {t.object}" for t in triples}))


@functools.cache
def ontology_terms() -> tuple[frozenset[str], frozenset[str]]:
    """The properties whose facts hold at a time (lb:timeIndexed), and the classes of events, by local name."""
    onto = load_ontology(Layout().ontology)
    time_indexed = frozenset(name for name, prop in onto.properties.items() if prop.time_indexed)
    events = frozenset(k.name for k in MIX if onto.is_subclass(LB + k.name, LB + "Event"))
    return time_indexed, events
