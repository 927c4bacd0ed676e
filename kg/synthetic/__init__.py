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
status, the earlier superseded by the later (lb:supersededBy) and left out of the default graph; a
state an asserted claim says ended (lb:holdsUntil) is left out of it too, as the build leaves it out.
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

The modules: plan (generate, Synthetic) and its tables: sizes (sizes and proportions), tables (what the ontology
lets entities be and say), anchors (the queries' entities and their stand-ins), violations (what is planted where);
terms (N-Triples terms); generator (the order the graphs come in) and its parts: graphs (documents, register,
reference points), claims, stories (the claims each entity needs, by class) and anchors (the stand-ins' claims);
dump (the dump and a release); cli (the command line).

    python -m kg.synthetic --triples 1M --seed 42 --out /tmp/kg-1m.nq.gz [--release DIR]
"""

from .anchors import ANCHORS, QUERY_BASE, adapt_query, competency_queries
from .cli import main
from .dump import write_release
from .plan import GENERATOR_VERSION, Synthetic, generate
from .sizes import MODAL_ENTITY_RATE, MODALITIES, parse_size
from .terms import SYNTHETIC, label_of
from .violations import VIOLATION_KINDS

__all__ = [
    "ANCHORS", "GENERATOR_VERSION", "MODALITIES", "MODAL_ENTITY_RATE", "QUERY_BASE", "SYNTHETIC", "VIOLATION_KINDS",
    "Synthetic", "adapt_query", "competency_queries", "generate", "label_of", "main", "parse_size", "write_release",
]
