"""Claims: what a claim is (graph/provenance, as the build writes it), and a story's facts stated by one claim or
two, in the claims' graphs and, when one is asserted, in the default graph."""

from __future__ import annotations

import bisect

from ..namespaces import LB, OA, PROV, RDFS, XSD
from ..statements import TypedValue, first_day, last_day
from .sizes import CORROBORATION, DISPUTE_RATE, HOLDS_SHARE, MAX_STATEMENTS_PER_DOCUMENT, SHARE_RATE, TIME_TEXT_SHARE
from .stories import Story
from .tables import CUES, TIME_TEXTS
from .terms import TRUE, A, english, fact_key, lb_term, plain_literal, typed_literal


class ClaimsPart:
    """Part of Generator (kg.synthetic.generator): claims and the facts they state."""

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

    def emit(self, story: Story) -> bool:
        """One claim (and, sometimes, a second document's claim) stating the story's facts not stated before, if any;
        the facts go into the default graph when one of the claims is asserted."""
        if story.steps is not None:
            return self.emit_history(story)
        facts = []
        for fact in story.facts:
            key = fact_key(fact[0])
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
        asserted = [claims[0]] if modality == "asserted" else []
        if story.two_certainties:
            self.planted("two-certainties")
        if not story.single and self.chance(CORROBORATION):
            other = (primary + 1 + self.rng.randrange(self.plan.documents - 1)) % self.plan.documents
            second = mode if mode and mode != "asserted" else self.free_modality()
            claims.append(self.claim(other, story, second, False))
            asserted += [claims[-1]] if second == "asserted" else []
        named = self.named
        for claim in claims:
            for fact in facts:
                for triple in fact:
                    named.append(f"{triple} {claim} .\n")
        if any(c not in self.ended for c in asserted):
            self.assert_facts(facts)
        elif asserted:  # a state its claims say ended holds no more (as the build finds): only the rest is a fact now
            self.assert_facts([f for f in facts if not self.is_state(*_subject_and_property(f[0], self.P))])
        self.stats["facts"] += len(facts)
        return True

    def emit_history(self, story: Story) -> bool:
        """A place's statuses, each stated by an asserted claim of its own, at increasing times: each claim is
        superseded by every later one (as the build finds), and only the last status is in the default graph."""
        claims = []
        for fact, holds in story.steps:
            self.seen.add(fact_key(fact[0]))
            step = Story()
            step.state, step.holds = True, holds
            claim = self.claim(self.document_since(int(holds[0][1][:4])), step, "asserted", False)
            self.named.extend(f"{triple} {claim} .\n" for triple in fact)
            claims.append(claim)
        g = self.graph["provenance"]
        for n, old in enumerate(claims[:-1]):
            for new in claims[n + 1:]:
                self.put(f"{old} {lb_term('supersededBy')} {new}", g)
        self.stats["superseded_claims"] += len(claims) - 1
        self.assert_facts([story.steps[-1][0]])
        self.stats["facts"] += len(story.steps)
        return True

    def claim(self, d: int, story: Story, modality: str, two_certainties: bool, disputes: str | None = None) -> str:
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
             f"{c} <{RDFS}label> {english(f'Claim {sid} (Synthetic document {d:03d})')}",
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
            t.append(f"{c} <{LB}hedge> {plain_literal(rng.choice(('reportedly', 'allegedly', 'it can be assumed', 'potential')))}")
        date = self.doc_dates[d]
        if story.year_inferred and date:
            t.append(f"{c} <{LB}yearInferred> {TRUE}")
        if story.year_bounded:
            t.append(f"{c} <{LB}yearBounded> {TRUE}")
        t.append(f"{c} <{LB}modality> <{LB}{modality}>")
        if modality == "asserted":
            self.asserted_claims += 1
        else:
            t.append(f"{c} <{LB}modalityCue> {plain_literal(rng.choice(CUES[modality]))}")
            if modality == "conditional":
                t.append(f'{c} <{LB}condition> "If synthetic condition {rng.randrange(1000)} holds"')
        # When it held (kg.build.claim_time): the time the text gives, else, for a state the source asserts or
        # denies, the document's date (or the earliest it can have).
        holds = story.holds
        if holds is None and story.state and rng.random() < HOLDS_SHARE:
            holds = self.holds(d)
            if story.current:
                holds = tuple(h for h in holds if h[0] != "holdsUntil") or None
        if holds:
            valid_from = valid_until = None
            for prop, lexical, datatype in holds:
                t.append(f"{c} <{LB}{prop}> {typed_literal(lexical, datatype)}")
                if prop == "holdsUntil":
                    valid_until = last_day(TypedValue(lexical, datatype))
                else:
                    valid_from = first_day(TypedValue(lexical, datatype))
            t.append(f"{c} <{LB}timeText> {plain_literal(rng.choice(TIME_TEXTS))}")
            if valid_from:
                t.append(f'{c} <{LB}validFrom> "{valid_from.isoformat()}"^^<{XSD}date>')
            if valid_until:
                t.append(f'{c} <{LB}validUntil> "{valid_until.isoformat()}"^^<{XSD}date>')
                if modality == "asserted" and story.state:
                    self.ended.add(c)
        elif story.state and modality in ("asserted", "denied"):
            if date:
                t.append(f'{c} <{LB}asOf> "{date}"^^<{XSD}date>')
                t.append(f'{c} <{LB}validFrom> "{date}"^^<{XSD}date>')
            else:
                t.append(f'{c} <{LB}asOfNotBefore> "{self.doc_earliest[d]}"^^<{XSD}gYearMonth>')
            if rng.random() < TIME_TEXT_SHARE:
                t.append(f"{c} <{LB}timeText> {plain_literal(rng.choice(TIME_TEXTS[1:4]))}")
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


def _sentence(d: int, n: int) -> str:
    return f"Synthetic sentence {n} of synthetic document {d:03d} states this."


def _subject_and_property(triple: str, base: str) -> tuple[str, str]:
    """The subject's local name and the property's name of a fact's first triple ("<…/id/synthetic/x> <…#p> …")."""
    subject, prop, _ = triple.split(" ", 2)
    return subject[1:-1].removeprefix(base), prop[1:-1].removeprefix(LB)
