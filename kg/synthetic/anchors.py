"""The real entities the competency queries name and their synthetic stand-ins, the queries adapted to a synthetic
graph, and the claims that give the stand-ins, at every size and seed, the data each query needs."""

from __future__ import annotations

import random
import re

from ..iris import Iris
from ..namespaces import XSD
from ..paths import DEFAULT_BASE_IRI, PROJECT_ROOT
from .terms import fact_key, lb_term, typed_literal

QUERY_BASE = "https://landbridge-kg.org/"  # the base the competency queries name entities under

# The real entities the competency queries name (and the land bridge, the route the questions on routes are
# about), and the synthetic entities that stand in for them. Generator.anchors gives them the data each query
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


def adapt_query(text: str, base: str = DEFAULT_BASE_IRI) -> str:
    """A competency query with the real entities it names replaced by their synthetic stand-ins."""
    def swap(match: re.Match) -> str:
        name = match.group(1)
        return str(Iris(base).synthetic(ANCHORS[name])) if name in ANCHORS else match.group(0)

    return re.sub(r"<" + re.escape(QUERY_BASE) + r"id/([a-z0-9-]+)>", swap, text)


def competency_queries(base: str = DEFAULT_BASE_IRI) -> dict[str, str]:
    """Every ontology/queries/*.rq, adapted to a synthetic graph, by file stem."""
    folder = PROJECT_ROOT / "ontology" / "queries"
    return {p.stem: adapt_query(p.read_text(encoding="utf-8"), base) for p in sorted(folder.glob("*.rq"))}


class AnchorsPart:
    """Part of Generator (kg.synthetic.generator): the anchors' claims."""

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
            key = fact_key(fact[0])
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
        one = self.say(first, "asserted", (crossing, "status", lb_term("closed")), holds=then, held_back=True)
        other = self.say(self.other_source(first, 2017), "asserted", (crossing, "status", lb_term("underConstruction")),
                         holds=then, disputes=one, held_back=True)
        last = self.say(self.document_since(2019), "asserted", (crossing, "status", lb_term("open")), holds=later)
        g = self.graph["provenance"]
        for old in (one, other):
            self.put(f"{old} {lb_term('supersededBy')} {last}", g)
        self.stats["superseded_claims"] += 2

    def anchor_opening_plans(self) -> None:
        """The opening's date as the sources assert it, and a plan or prediction that it opens by a deadline (the
        month of that date, the month before or the one after), in its claim graph only (30, 33)."""
        opening = ANCHORS["al-qaim-albu-kamal-crossing-opening"]
        docs = self.plan.documents
        month = self.rng.randint(8, 11)
        self.say(self.rng.randrange(docs), "asserted",
                 (opening, "date", typed_literal(f"2019-{month:02d}-{self.rng.randint(1, 28):02d}", XSD + "date")))
        deadline = month + self.rng.randint(-1, 1)
        self.say(self.rng.randrange(docs), self.rng.choice(("intended", "expected")),
                 (opening, "dateNotAfter", typed_literal(f"2019-{deadline:02d}", XSD + "gYearMonth")))

    def anchor_capture_dates(self) -> None:
        """The capture of the town, which two independent sources both report (13), giving dates a few days apart
        (31); the first gives the day and month only, and the year is its document's (23)."""
        capture = ANCHORS["capture-of-albu-kamal-2017"]
        captured = (capture, "capturedPlace", self.iri(ANCHORS["albu-kamal"]))
        d = self.dated_docs[self.rng.randrange(len(self.dated_docs))]
        year, month, day = int(self.doc_dates[d][:4]), self.rng.randint(1, 12), self.rng.randint(1, 20)
        self.say(d, "asserted", captured, (capture, "date", typed_literal(f"{year}-{month:02d}-{day:02d}", XSD + "date")),
                 year_inferred=True)
        later = typed_literal(f"{year}-{month:02d}-{day + self.rng.randint(1, 8):02d}", XSD + "date")
        self.say(self.other_source(d, year), "asserted", (capture, "date", later), again=(captured,))
