"""The generator of a planned dataset: its state and random draws, and the order it produces the graphs in, chunk by
chunk (ontology, documents, reference points, the anchors' claims, each entity's claims by class, extra relations
until the requested size, the register last)."""

from __future__ import annotations

import bisect
import functools
import random
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..iris import METADATA_GRAPHS, MODAL_REGISTER_GRAPH, Iris
from ..namespaces import RDFS, XSD
from ..statements import TypedValue, first_day, last_day
from .anchors import ANCHORS, AnchorsPart
from .claims import ClaimsPart
from .graphs import MetadataGraphsPart
from .sizes import CERTAINTIES, CHUNK_LINES, HOLDS_KINDS, MIX_GAIN, MODALITIES, NON_ASSERTED_SHARE, QUALIFIERS, cumulative
from .stories import StoriesPart
from .tables import EXTRAS, POOLS, QUALIFIER_WORDS, ROUTES, ontology_terms, ontology_triples
from .terms import A, english, kebab, lb_term, plain_literal, typed_literal

if TYPE_CHECKING:
    from .plan import Synthetic


class Generator(MetadataGraphsPart, ClaimsPart, AnchorsPart, StoriesPart):
    """Produces a plan's dataset (run), drawing every choice from random streams of the plan's seed. The parts it
    inherits write the metadata graphs (graphs), the claims (claims), the stand-ins' claims (anchors) and each
    entity's stories (stories)."""

    def __init__(self, plan: Synthetic):
        self.plan = plan
        self.rng = random.Random(plan.seed)
        iris = Iris(plan.base)
        self.P = iris.synthetic("").value  # every IRI of the graph but the ontology's starts so
        self.graph = {name: str(iris.graph(name)) for name in METADATA_GRAPHS}
        self.modal_graph = str(iris.graph(MODAL_REGISTER_GRAPH))
        self.locals = {cls: [f"{kebab(cls)}-{i}" for i in range(n)] for cls, n in plan.counts.items()}
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
        self.time_indexed, events = ontology_terms()
        self.event_prefixes = frozenset(kebab(cls) for cls in events)
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
        self.ended: set[str] = set()  # asserted claims of a state they say ended (lb:validUntil): no fact now
        cert_names, cert_weights = zip(*CERTAINTIES, strict=True)
        self.certainty_names, self.certainty_cum = cert_names, cumulative(cert_weights)
        qual_names, qual_weights = zip(*QUALIFIERS, strict=True)
        self.qualifier_names, self.qualifier_cum = qual_names, cumulative(qual_weights)
        real = sum(n for _, n in MODALITIES)
        self.modal_shares = tuple((name, n / real) for name, n in MODALITIES[1:])
        hold_kinds, hold_weights = zip(*HOLDS_KINDS, strict=True)
        self.hold_kinds, self.hold_cum = hold_kinds, cumulative(hold_weights)

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
            return typed_literal(f"{year}-{month:02d}-{day:02d}", XSD + "date"), True
        if r < 0.8:
            return typed_literal(f"{year}-{month:02d}", XSD + "gYearMonth"), False
        if r < 0.95:
            return typed_literal(str(year), XSD + "gYear"), False
        return f"--{month:02d}-{day:02d}", False  # a day without a year (dated() bounds it)

    def quantity(self, subject: str, prop: str, unit: str, per: str | None = None, inverted: bool = False,
                 qualifier: str | None = None) -> list[str]:
        """A fact whose object is a qualified number (lb:Quantity), with the number's own triples."""
        self.quantities += 1
        node = f"<{self.P}quantity/{subject}-{kebab(prop)}-{self.quantities}>"
        if inverted:
            qualifier = "between"
        elif qualifier is None:
            qualifier = self.qualifier_names[bisect.bisect(self.qualifier_cum, self.rng.random())]
        triples = [f"{self.iri(subject)} {lb_term(prop)} {node}", f"{node} {A} {lb_term('Quantity')}"]
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
        triples += [f"{node} <{RDFS}label> {english(words)}", f"{node} {lb_term('verbatim')} {plain_literal(words)}",
                    f"{node} {lb_term('qualifier')} {lb_term(qualifier)}", f"{node} {lb_term('unit')} {plain_literal(unit)}"]
        if per:
            triples.append(f"{node} {lb_term('per')} {plain_literal(per)}")
        triples += [f"{node} {lb_term(name)} {typed_literal(f'{v}.0', XSD + 'decimal')}" for name, v in values]
        return triples

    # -- the dataset -----------------------------------------------------------------------------

    def run(self) -> Iterator[tuple[str, str]]:
        for triple in ontology_triples():
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
                    register_quads += sum(1 for t in triples if lb_term("mentionedIn") not in t)
                else:
                    register_quads += 2 * len(triples)
        self.anchors()
        yield self.flush()
        per_class = self.stats["core_quads_per_class"] = {}
        for cls in self.plan.counts:
            before = self.written()
            core = (functools.partial(self._route, cls=cls) if cls in ROUTES
                    else getattr(self, "core_" + kebab(cls).replace("-", "_")))
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
        classes, cum = [c for c, _ in weights], cumulative([n for _, n in weights])
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
