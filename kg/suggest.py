"""`kg suggest ID`: a draft statements file for one document, every statement and new register entry marked `proposal`.

The draft is made sentence by sentence (pysbd, as kg.coverage segments): the register's entities however the text
spells them (kg.mentions), names the register lacks as new entries with a guessed class (kg.entity_types), dates and
numbers (kg.dates), certainty and modality from cue words (kg.cues), and candidate facts where a cue pattern and the
ontology agree (kg.propose). A sentence with no candidate fact is drafted with none (`facts: []`, for the curator
to write) when it reports something about the entities it names (kg.report_cues: declarative, a name, an event or state
cue), states a figure (a sum of money, a rate, a count of trucks, people, goods or attacks: kg.report_cues.figure_cue)
or is a sanctions list's entry (kg.sentences); any other sentence is left out. Each fact is compared with what the
other documents' reviewed statements say (kg.compare): the same fact (corroboration), another date, number or actor for
the same event (disagreement), or the year an older statement's day lacked.

Nothing here is published: `kg build` refuses a proposal until a curator has reviewed it (`kg review`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from .activity_phrases import phrase_roles
from .agreed_events import agreed_events
from .announced_sanctions import announced_sanctions
from .appositions import appositive_facts, appositive_towns, described_countries, national_groups, possessed_bodies
from .based_in import based_in, unnamed_based
from .body_countries import body_countries
from .border_areas import border_areas
from .cargo_lists import enabled_users, listed_cargo
from .cargo_words import unnamed_cargo
from .clauses import clause_statements
from .compare import Known, compare, object_key
from .coordinated_passives import coordinated_passives
from .corpus import Document, load_corpus
from .coverage import sentences
from .crossing_names import named_crossing_ends, town_skeletons
from .cues import read_cues
from .dated_entries import Entries
from .dates import dates as find_dates
from .described_places import described_places
from .described_routes import DescribedRoutes
from .discussions import discussions
from .enabling import enablers
from .entity_types import NO_CLUE, guess_type
from .errors import InputError, KGError
from .event_counts import event_counts
from .event_index import EventIndex
from .event_links import discussed_at, measures_against, repeated, report_concerns
from .event_literals import event_literals
from .event_roles import attendees, engaged_in, known_event_roles, seized_at, used_ways
from .example_cues import example_facts
from .facility_cues import facilities
from .fronted_places import fronted_places
from .fronted_titles import fronted_titles
from .garrisons import garrisons
from .goods_examples import goods_examples
from .handed_control import handed_control
from .influence_cues import dominant_forces, influence_facts
from .known_relations import known_relations
from .label_words import described
from .last_stands import last_stands
from .linked_places import linked_places
from .means_cues import means_facts
from .member_targets import member_targets
from .mentions import Matcher
from .mode_phrases import by_mode
from .mode_routes import mode_routes
from .moved_goods import moved_goods
from .movements import movement_roles, when_dated
from .name_cues import name_facts
from .named_facilities import named_facilities
from .named_roles import named_roles
from .names import fold, skeleton
from .namespaces import LB
from .nested_places import officials_countries, provinces_in_countries
from .news_dates import ahead, days_apart
from .object_relatives import object_relatives
from .ontology import DATE_PROPERTIES, load_ontology
from .original_dates import original_day
from .other_names import other_names
from .part_appositions import part_appositions
from .paths import Layout
from .person_appositions import listed_people, person_appositions
from .phrase_facts import phrase_facts
from .place_cues import border_ends, crossing_ends, lengths, named_borders, named_crossings, place_facts
from .placed_sources import placed_sources
from .possessive_places import possessive_places
from .presence_cues import forces_at, fronted_deployments, guards_deployed
from .present_at import present_at
from .programme_sanctions import programme_sanctions
from .pronouns import pronouns
from .propose import NewEntity, Node, Proposed, Proposer, slug
from .proxy_facts import shared_with_members, shared_with_proxies
from .quantities import quantities as find_quantities
from .quantity_cues import count_groups, quantity_facts
from .rank_cues import ranks
from .reference import Salience, descriptions, set_apart
from .register import Entity, load_register
from .repeats import Repeats
from .report_cues import figure_cue, report_cue
from .report_parts import report_parts
from .restated import restated
from .route_cues import route_facts
from .route_ends import route_ends
from .route_parts import route_parts
from .route_stops import RouteStops
from .route_traits import route_traits
from .route_users import route_users
from .route_uses import route_uses
from .rule_trust import Trust, is_withheld, kind_of, load_record
from .sect_cues import named_sects
from .stance_cues import opposed, proxies, supported, supporting
from .standing_statuses import standing_statuses
from .state_cues import across_from_border_towns, crossing_borders, crossings_in_border_towns, inherited_sponsors, state_facts, title_bodies
from .statements import load_statement_file
from .stationed_forces import stationed_forces
from .status_cues import construction_statuses, event_statuses
from .strike_cues import strike_facts
from .strike_news import strike_news
from .strike_sides import strike_sides
from .struck_convoys import struck_convoys
from .table_rows import RowValues, list_rows, table_rows
from .time_cues import Timeline
from .told_again import told_again
from .tolls import tolls
from .unnamed_members import unnamed_members
from .unnamed_sources import unnamed_sources
from .yamlio import load_yaml

log = logging.getLogger(__name__)
# Register entries after this line are the draft's, rewritten on each run.
MARK = "# --- Proposed by kg suggest"
# Words that do not tell two new names apart (Albukamal Crossing, the Albukamal Border Crossing).
_GENERIC = {"the", "border", "new", "old", "upgraded", "official"}

# what is to come, or might be: an entry's day is not its date
_AHEAD = re.compile(r"\b(?:will|would|should|shall|could|may|might|must|plans?|planned|expects?|intends?|going to)\b", re.I)


@dataclass
class Draft:
    document: str
    statements: list[dict]
    entities: list[dict]
    statements_path: Path
    register_path: Path
    notes: list[str] = field(default_factory=list)  # what the curator should weigh beyond the draft
    rules: dict[str, list[str]] = field(default_factory=dict)  # statement id -> the rule behind each of its facts
    withheld: int = 0  # candidate facts left out because their rules are withheld (kg.rule_trust)
    failed: list[str] = field(default_factory=list)  # the sentences drafting stopped on, with the error

    @property
    def facts(self) -> int:
        return sum(len(s["facts"]) for s in self.statements)


def suggest(layout: Layout, doc_id: str, withhold: frozenset[str] | Trust | None = None) -> Draft:
    """Write the draft of a document (statements/ID.yaml, new entries appended to register/ID.yaml) and return it.
    The facts of the rules withhold names are left out (by default those the record of kg.rule_trust withholds; an
    empty set: none)."""
    documents = load_corpus(layout.catalogue, layout.seeds)
    doc = documents.get(doc_id)
    if doc is None:
        raise KGError(f"unknown document {doc_id!r} (not in {layout.catalogue})")
    statements_path = layout.statements / f"{doc_id}.yaml"
    register_path = layout.register / f"{doc_id}.yaml"
    _refuse_reviewed(statements_path)
    register_text = _register_without_draft(register_path)
    ontology = load_ontology(layout.ontology)
    with _replaced(register_path, register_text):
        entities = load_register(layout.register, ontology, documents, skip=layout.register_data, proposals=True)
        known = Known()
        events = EventIndex(ontology)
        repeats = Repeats(Matcher(entities))
        for path in sorted(layout.statements.glob("*.yaml")):
            if path.resolve() == statements_path.resolve():
                continue
            for stmt in load_statement_file(path, documents, ontology, entities, proposals=True):
                if stmt.proposal is None:
                    known.add(stmt)
                    repeats.add(stmt)
                    for fact in stmt.facts:
                        events.add(fact.subject, fact.property.name, object_key(fact.object), stmt.modality == "asserted")
    draft = make_draft(doc, ontology, entities, known, events, repeats, load_record() if withhold is None else withhold)
    draft.statements_path, draft.register_path = statements_path, register_path
    _write(draft, register_text)
    with_proposals = load_register(layout.register, ontology, documents, skip=layout.register_data, proposals=True)
    while True:  # the draft must load as a draft: a statement the loader refuses is dropped, and the reason logged
        try:
            load_statement_file(statements_path, documents, ontology, with_proposals, proposals=True)
            return draft
        except InputError as exc:
            bad = _statement_at(statements_path, exc.line) if exc.path == str(statements_path) else None
            if bad is None:
                raise
            log.warning("dropped proposed statement %s: %s", bad, exc.message)
            draft.statements = [st for st in draft.statements if st["id"] != bad]
            _write(draft, register_text)


def _statement_at(path: Path, line: int | None) -> str | None:
    """The id of the statement of a statements file that holds a line."""
    data = load_yaml(path)
    found = None
    for item in (data or {}).get("statements") or []:
        if line is not None and getattr(item, "line", 0) <= line:
            found = item.get("id")
    return found


def make_draft(doc: Document, ontology, entities: dict[str, Entity], known: Known, events: EventIndex,
               repeats: Repeats | None = None, withhold: frozenset[str] | Trust = frozenset()) -> Draft:
    """The draft's statements and new register entries (nothing written), without the facts of the rules in withhold
    (a set of rules' names or kinds of their facts, kg.rule_trust.key, or a record): they still inform the sentences after theirs (an event
    one found is the event a later sentence tells again)."""
    repeats = repeats or Repeats()
    matcher = Matcher(entities)
    labels = {e.id: e.label for e in entities.values()}
    types = {e.id: e.type for e in entities.values()}
    proposer = Proposer(ontology, types, events)
    towns = town_skeletons(proposer, entities)
    new_names: dict[str, str] = {}  # folded name -> new entity id
    statements: list[dict] = []
    rules: dict[str, list[str]] = {}
    held = 0
    failed: list[str] = []  # the sentences a rule failed on, drafted without facts
    whole = doc.in_scope_text()
    found = repeated_names(whole, matcher.find(whole))  # over the whole text: a short form or surname needs the full name given before it
    salience = Salience(ontology, types, named_crossings(whole, _nodes(whole, found, proposer, new_names, doc.id, entities), proposer),
                        events.connects, labels)
    previous: list[Proposed] = []  # the facts of the sentence before
    timeline = Timeline()  # the dates the text has given so far
    routes = DescribedRoutes(proposer, entities, known, matcher)  # the routes the text describes rather than names
    stops = RouteStops(proposer, known)  # the order of each named route's stops over the document
    # the figures of the text's tables, in the units of their captions and columns, and of its price lists
    rows = table_rows(whole) + list_rows(whole, doc.date)
    entries = Entries(whole, doc.date)  # the dated entries of a diary or a log, if it is one
    original = original_day(whole, doc.date)  # a translation's original: the day its words count from
    for sent in sentences(doc):
        mark = len(statements)
        try:
            text = sent.text
            inside = [replace(m, start=m.start - sent.start, end=m.end - sent.start) for m in found
                      if sent.start <= m.start and m.end <= sent.end]
            nodes = named_crossings(text, _nodes(text, inside, proposer, new_names, doc.id, entities), proposer)
            nodes = named_borders(text, nodes, proposer, labels)
            references = described(text, nodes, labels, proposer.types)  # the names inside one give way to it
            inner = [n for n in nodes if any(r.start <= n.start and n.end <= r.end for r in references)]
            nodes = [n for n in nodes if n not in inner]
            references += descriptions(text, nodes + references, salience)
            references += _set_apart(text, nodes + references, proposer, new_names, doc.id, entities)
            places, placed = described_places(proposer, text, nodes + references, doc.id)  # in place of the towns they lie by
            anchors = {proposer.described[p.id] for p in places}
            nodes, references = [n for n in nodes if n not in anchors], [n for n in references if n not in anchors] + places
            salience.named(nodes)
            day_known = doc.date is not None or doc.earliest_date is not None
            entry = entries.day_at(sent.start)  # a diary's or log's entry: its day is what its words count from
            today = entry.value if entry is not None else original[1] if original and sent.start >= original[0] else doc.date
            dates = [d for d in ahead(text, find_dates(text, today), today) if day_known or not d.value.startswith("--")]
            if entry is not None and entries.diary and not dates and not _AHEAD.search(text):
                dates = [entry]  # what an entry tells without a date of its own happened on its day (not what is to come)
            dates = sorted(dates + timeline.same_day(text) + timeline.same_month(text) + days_apart(text, timeline.day, dates),
                           key=lambda d: d.start)
            quantities = find_quantities(text, [(d.start, d.end) for d in dates])
            references += count_groups(proposer, text, nodes + references, quantities, doc.id)
            references += pronouns(text, nodes + references, salience)
            nodes = sorted(nodes + references, key=lambda n: n.start)
            facts = placed + proposer.relations(text, nodes) + place_facts(proposer, text, nodes) + crossing_ends(proposer, nodes)
            facts += named_crossing_ends(proposer, nodes, towns)
            facts += border_ends(proposer, nodes) + route_facts(proposer, text, nodes, inner) + name_facts(proposer, nodes, labels)
            facts += facilities(proposer, text, nodes) + ranks(proposer, text, nodes) + named_sects(proposer, text, nodes)
            facts += route_traits(proposer, text, nodes) + mode_routes(proposer, text) + construction_statuses(proposer, text, nodes)
            facts += appositive_facts(proposer, text, nodes, labels) + national_groups(proposer, text, nodes, labels)
            facts += by_mode(proposer, text, nodes) + person_appositions(proposer, text, nodes) + based_in(proposer, text, nodes)
            facts += possessed_bodies(proposer, text, nodes) + forces_at(proposer, text, nodes) + named_facilities(proposer, nodes, labels)
            facts += listed_people(proposer, text, nodes) + appositive_towns(proposer, text, nodes, labels)
            facts += described_countries(proposer, text, nodes, labels)
            facts += proposer.statuses(text, nodes) + state_facts(proposer, text, nodes, labels, inner)
            facts += routes.facts(text, nodes) + route_uses(proposer, text, nodes) + route_ends(proposer, text, nodes)
            facts += route_users(proposer, text, nodes) + stops.facts(text, nodes) + opposed(proposer, text, nodes)
            facts += unnamed_cargo(proposer, text, nodes, entities) + supported(proposer, text, nodes)
            facts += example_facts(proposer, text, nodes)
            facts += fronted_deployments(proposer, text, nodes) + proxies(proposer, text, nodes, labels)
            facts += stationed_forces(proposer, text, nodes) + named_roles(proposer, text, nodes)
            facts += garrisons(proposer, text, nodes, entities) + handed_control(proposer, text, nodes)
            facts += object_relatives(proposer, text, nodes)
            facts += placed_sources(proposer, text, nodes, doc.id) + unnamed_based(proposer, text, nodes, doc.id)
            facts += unnamed_members(proposer, text, nodes, doc.id) + body_countries(proposer, text, nodes, labels)
            facts += part_appositions(proposer, text, nodes) + fronted_titles(proposer, text, nodes)
            facts += supporting(proposer, text, nodes) + standing_statuses(proposer, text, nodes) + linked_places(proposer, text, nodes)
            facts += proposer.events_of(text, nodes, dates, quantities, doc.id, today) + lengths(proposer, text, nodes, quantities)
            facts += known_event_roles(proposer, text, nodes, dates, labels)
            facts += told_again(proposer, timeline, text, nodes, bool(dates), quantities)
            facts += tolls(timeline, text, quantities, bool(dates))
            facts += phrase_facts(proposer, matcher, text, nodes, labels) + possessive_places(proposer, text, nodes)
            facts += coordinated_passives(proposer, text, nodes) + known_relations(proposer, known, text, nodes)
            facts = when_dated(proposer, text, nodes, dates, quantities, doc.id, facts)
            facts = _unique(facts)
            facts += quantity_facts(proposer, text, nodes, quantities, facts, doc.id, previous)
            facts = _unique(facts + timeline.refer(proposer, text, nodes, doc.id, dates))
            facts += event_statuses(proposer, text, facts) + event_literals(proposer, text, facts, previous)
            facts += strike_facts(proposer, text, facts) + attendees(proposer, text, nodes, facts)
            facts += strike_news(proposer, text, nodes, quantities, facts) + event_counts(proposer, text, quantities, facts)
            facts += struck_convoys(proposer, text, nodes, quantities, facts, doc.id)
            facts += strike_sides(proposer, timeline, text, nodes, bool(dates), facts)
            facts = announced_sanctions(proposer, text, nodes, facts)
            facts = programme_sanctions(proposer, text, nodes, dates, facts, entities)
            facts += engaged_in(proposer, text, nodes, facts, doc.id) + crossing_borders(proposer, text, nodes, facts, labels)
            facts += moved_goods(proposer, text, nodes, bool(dates), doc.id)
            facts += used_ways(proposer, text, facts) + report_concerns(proposer, text, facts) + seized_at(proposer, text, nodes, facts)
            facts += present_at(proposer, text, nodes, facts, previous) + measures_against(proposer, text, nodes, facts)
            facts += repeated(proposer, text, facts) + discussed_at(proposer, text, nodes, facts)
            facts += title_bodies(proposer, text, nodes, facts) + inherited_sponsors(proposer, nodes, facts)
            facts += crossings_in_border_towns(proposer, nodes, facts) + guards_deployed(proposer, text, nodes, facts)
            facts += across_from_border_towns(proposer, nodes, facts) + listed_cargo(proposer, text, nodes, facts, entities, doc.id)
            facts += enabled_users(proposer, text, nodes, entities) + discussions(proposer, text, nodes, facts, previous)
            facts += report_parts(proposer, text, nodes, facts) + member_targets(proposer, text, nodes, facts)
            facts += agreed_events(proposer, text, nodes, facts) + last_stands(proposer, text, nodes)
            facts += provinces_in_countries(proposer, text, nodes, facts) + officials_countries(proposer, nodes, facts, labels)
            facts += means_facts(proposer, text, nodes, facts) + movement_roles(proposer, text, nodes, facts)
            facts += phrase_roles(proposer, text, nodes, facts) + enablers(proposer, text, nodes, facts)
            facts += goods_examples(proposer, text, nodes, facts, entities, doc.id)
            facts += shared_with_proxies(proposer, text, nodes, facts) + influence_facts(proposer, text, nodes)
            facts += dominant_forces(proposer, text, nodes) + border_areas(proposer, text, nodes, facts, labels)
            facts += shared_with_members(proposer, text, nodes, facts) + route_parts(proposer, text, nodes)
            facts += fronted_places(proposer, text, nodes) + other_names(proposer, text, nodes, facts)
            facts = restated(proposer, text, nodes, facts, previous) + unnamed_sources(proposer, text, nodes, facts, doc.id)
            facts = _unique(facts + repeats.facts(text, inside, entities.keys()))
            events.add_drafted(facts, proposer.new)
            previous = facts
            timeline.add(dates, facts, proposer.types)
            cue = None if facts else report_cue(text, nodes)
            drafted_for = None
            table = [r for r in rows if sent.start <= r.start and r.end <= sent.end]
            if not facts and cue is None:
                figure = figure_cue(text, quantities)  # "Customs receipts there came to 3.2 billion dinars"
                if table:  # "al-Qaim – Al-Bukamal | 15,200 | 11,700 | +30%"
                    drafted_for = "the sentence is a table's row with figures"
                elif figure is not None:
                    drafted_for = f"the sentence states a figure, {figure!r}"
                elif sent.listed:  # "AL-KUBAISI, Falah Mahdi. a.k.a. Abu Zahra. DOB: 02/09/1979."
                    drafted_for = "the sentence is a sanctions list's entry, a listed name and its identifiers"
                else:
                    continue
            # a date that gives another document's reviewed statement its year is shown whatever its rule's record
            out = {id(f) for f in facts if is_withheld(f.rule, kind_of(f.subject, f.object, proposer.new), withhold, f.property)
                   and not _backed(f, known)}
            shown, left_out = [f for f in facts if id(f) not in out], [f for f in facts if id(f) in out]
            held += len(left_out)
            statements.append(_statement(doc, sent.start, text, shown, dates, nodes, known, len(statements) + 1, cue,
                                         left_out, quantities, drafted_for, table))
            rules[statements[-1]["id"]] = [f.rule for f in shown]
            statements += clause_statements(doc.id, doc.text, sent.start, text, statements[-1], len(statements) + 1)
        except Exception as error:  # noqa: BLE001  one sentence's fault costs that sentence, not the document's draft
            failed.append(f"offset {sent.start}: {type(error).__name__}: {error}")
            del statements[mark:]
            statements.append(_statement(doc, sent.start, sent.text, [], [], [], known, len(statements) + 1,
                                         drafted_for=f"drafting stopped on it ({type(error).__name__}: {error})"))
            rules[statements[-1]["id"]] = []
    used = {f[0] for s in statements for f in s["facts"]} | {f[2] for s in statements for f in s["facts"] if isinstance(f[2], str)}
    used |= {source for s in statements for source in s.get("attributed_to", [])}
    new_entries = [
        {"id": e.id, "type": e.type, "label": e.label, "aliases": _Flow(e.aliases),
         "description": f"Named in document {doc.id}; to be described by a curator.",
         "proposal": e.reason if e.id in used else f"{e.reason}; no fact proposed with it"}
        for e in proposer.new.values()
    ]
    notes = repeats.derivation(doc)
    if failed:
        notes.append(f"drafting stopped on {len(failed)} sentence(s), given without facts (a fault in kg suggest, worth "
                     f"reporting with the sentence): {'; '.join(failed)}")
    if held:
        notes.append(f"{held} candidate fact(s) left out: their rules' record on new text is too weak "
                     "(kg/rule_record.yaml); `kg suggest --all-rules` drafts them too")
    return Draft(doc.id, statements, new_entries, Path(), Path(), notes, rules, held, failed)


def _backed(fact: Proposed, known: Known) -> bool:
    """Whether the fact's date gives the year another document's reviewed statement lacks: the fact is then shown
    whatever its rule's record, since the link that resolves the older date (`dates`, `resolves_date_of` on review)
    needs it. A left-out fact that another statement states or contradicts stays out, and the draft says so."""
    return bool(compare([fact], known)["dates"])


def repeated_names(text: str, found: list) -> list:
    """A new name wherever the text gives it again, also where it alone could not pass for a name (a source cited in
    brackets, "(Sputnik, July 22, 2019)", after "Interviewed by Sputnik")."""
    out = list(found)
    for m in [m for m in found if m.how == "unknown"]:
        for again in re.finditer(rf"(?<![\w-]){re.escape(m.words)}(?![\w-])", text):
            if not any(again.start() < o.end and o.start < again.end() for o in out):
                out.append(replace(m, start=again.start(), end=again.end()))
    return sorted(out, key=lambda m: m.start)


def _nodes(text: str, mentions, proposer: Proposer, new_names: dict[str, str], doc_id: str,
           entities: dict[str, Entity]) -> list[Node]:
    """The entities a text names, as nodes: register entries, countries by their adjective, new names."""
    nodes = []
    types = proposer.types
    for m in mentions:
        if m.entity is not None:
            nodes.append(Node(m.start, m.end, m.entity, types[m.entity], m.words, how=m.how))
        elif m.how == "demonym" and m.country:
            nodes.append(Node(m.start, m.end, m.country, types[m.country], m.words, "demonym"))
        elif m.how == "unknown":
            ent_id = _new_entity(proposer, new_names, m.words, text[:m.start], text[m.end:], doc_id, entities)
            kind = "unsure" if ent_id in proposer.unsure else "new"
            nodes.append(Node(m.start, m.end, ent_id, types[ent_id], m.words, kind))
    return nodes


def _new_entity(proposer: Proposer, new_names: dict[str, str], words: str, before: str, after: str, doc_id: str,
                entities: dict[str, Entity]) -> str:
    key = skeleton(" ".join(w for w in fold(words).split() if w not in _GENERIC)) or fold(words)
    if key in new_names:
        return new_names[key]
    cls, why = guess_type(words, before, after)
    sure = why != NO_CLUE
    ent_id = base = slug(words)
    n = 2
    while ent_id in entities or ent_id in proposer.new:
        ent_id, n = f"{base}-{n}", n + 1
    proposer.new[ent_id] = NewEntity(ent_id, cls, words, [words],
                                     f"{cls}, guessed from {why}; a name the register lacks, in document {doc_id}")
    proposer.types[ent_id] = LB + cls
    if not sure:
        proposer.unsure.add(ent_id)
    new_names[key] = ent_id
    return ent_id


def _set_apart(text: str, nodes: list[Node], proposer: Proposer, new_names: dict[str, str], doc_id: str,
               entities: dict[str, Entity]) -> list[Node]:
    """"The new crossing", "the old border crossing": a thing of the kind the text sets apart from another, proposed as
    a new entry of the class the noun gives, one per key however the text words it."""
    out = []
    for start, end, words, key, cls in set_apart(text, nodes):
        ent_id = new_names.get(key)
        if ent_id is None:
            ent_id = base = slug(key)
            n = 2
            while ent_id in entities or ent_id in proposer.new:
                ent_id, n = f"{base}-{n}", n + 1
            proposer.new[ent_id] = NewEntity(ent_id, cls, words, [words], f"{cls}, from the noun of {words!r}, a {cls} the "
                                             f"document sets apart from another of its kind, in document {doc_id}")
            proposer.types[ent_id] = LB + cls
            new_names[key] = ent_id
        elif words not in proposer.new[ent_id].aliases:
            proposer.new[ent_id].aliases.append(words)
        out.append(Node(start, end, ent_id, proposer.types[ent_id], words, "new"))
    return out


def _unique(facts: list[Proposed]) -> list[Proposed]:
    """Each fact once; no latest date (dateNotAfter) of an event the same sentence gives its date: the date says more."""
    dated = {(f.subject, f.object) for f in facts if f.property == "date"}
    seen, out = set(), []
    for f in facts:
        key = (f.subject, f.property, repr(f.object))
        if key not in seen and not (f.property == "dateNotAfter" and (f.subject, f.object) in dated):
            seen.add(key)
            out.append(f)
    return out


def _statement(doc: Document, start: int, text: str, facts: list[Proposed], dates, nodes: list[Node], known: Known,
               number: int, cue: str | None = None, held: list[Proposed] = (), quantities=(), drafted_for: str | None = None,
               table: list[RowValues] = ()) -> dict:
    cues = read_cues(text)
    item: dict = {"id": f"{doc.id}-{number:03d}", "quote": text}
    occurrence = doc.text.count(text, 0, start + len(text))
    if occurrence > 1:
        item["occurrence"] = occurrence
    item["certainty"] = cues.certainty
    if cues.attribution and cues.attribution in doc.in_scope_text():
        item["attribution"] = cues.attribution
        sources = sorted({n.id for n in nodes if n.words in cues.attribution
                          and n.type.rsplit("#", 1)[-1] in ("MediaOutlet", "Person", "GovernmentBody", "Organization")})
        if sources:
            item["attributed_to"] = sources
    if cues.hedge:
        item["hedge"] = cues.hedge
    inferred = {v for d in dates if d.year_inferred for v in (d.value, *(d.span or ()))}
    if any(f.property in DATE_PROPERTIES and f.object in inferred for f in facts):
        item["year_inferred"] = True
    item["modality"] = cues.modality
    if cues.modality_cue:
        item["cue"] = cues.modality_cue
    if cues.condition:
        item["condition"] = cues.condition
    item["facts"] = [_Flow([f.subject, f.property, f.object]) for f in facts]
    if facts:
        why = f"{len(facts)} candidate fact(s) between the entities the sentence names: "
    elif held:
        why = (f"{len(held)} candidate fact(s) left out, from rules not trusted on new text (kg/rule_record.yaml): its "
               "facts are the curator's to write: ")
    elif drafted_for:
        why = f"no fact found, but {drafted_for}: its facts are the curator's to write: "
    else:
        why = f"no fact found, but the sentence names entities and says {cue!r}: its facts are the curator's to write: "
    proposal: dict = {
        "why": why + _names(nodes),
        "certainty": cues.certainty_cue or "no cue: stated",
        "modality": cues.modality_cue or "no cue: asserted",
        "facts": [f.reason for f in facts],
    }
    carried = {object_key(f.object) for f in facts}
    # a part of a year by its first and last month, the bounds a curator gives what went on in it; and the values of
    # facts left out: right values, doubtful subjects
    values = [v for d in dates for v in (d.span or (d.value,))] + [q.as_yaml() for q in quantities]
    values += [f.object for f in held if f.property in DATE_PROPERTIES or isinstance(f.object, dict)]
    values += [v for row in table for v in (*(q.as_yaml() for q in row.quantities), *row.dates)]  # a table's row
    values = list({object_key(v): v for v in values if object_key(v) not in carried}.values())
    if values:  # what the sentence dates or counts that no proposed fact carries, normalised for the curator's facts
        proposal["values"] = _Flow(values)
    found = compare(facts, known)
    left_out = compare(held, known)  # a left-out fact another source states or contradicts: said, not shown
    for key, verb in (("corroborates", "agrees"), ("disagrees", "disagrees")):
        for other in left_out[key]:
            if other not in found[key]:
                found[key].append(other)
                proposal["why"] += f"; a left-out fact {verb} with {other}"
    for key, ids in found.items():
        if ids:
            proposal[key] = ids
    item["proposal"] = proposal
    return item


_HOW = {"name": "as the register writes it", "folded": "spelled otherwise", "skeleton": "transliterated otherwise",
        "fuzzy": "misspelt", "acronym": "short form", "surname": "surname"}


def _names(nodes: list[Node]) -> str:
    """The sentence's names and what each was taken for: 'Kata’aib Hezbollah' = kataib-hezbollah (transliterated otherwise)."""
    out = []
    for n in nodes:
        if n.kind == "linked":
            out.append(f"{n.words!r} = {n.id} ({_HOW.get(n.how, n.how)})")
        elif n.kind in ("new", "unsure"):
            out.append(f"{n.words!r} = {n.id} (new entry)")
        elif n.kind == "reference":
            out.append(f"{n.words!r} = {n.id} ({n.how})")
        elif n.kind == "demonym":
            out.append(f"{n.words!r} = {n.id} (adjective)")
    return "; ".join(out) or "none"


def _refuse_reviewed(path: Path) -> None:
    """A statements file with reviewed statements is the curators' work: a draft never replaces it."""
    if not path.exists():
        return
    data = load_yaml(path)
    items = (data or {}).get("statements") or [] if isinstance(data, dict) else []
    reviewed = [i for i in items if isinstance(i, dict) and "proposal" not in i]
    if reviewed:
        raise InputError(path, getattr(reviewed[0], "line", None),
                         f"holds {len(reviewed)} reviewed statement(s) (the first: {reviewed[0].get('id')}); "
                         "kg suggest does not overwrite curated work")


def _register_without_draft(path: Path) -> str | None:
    """The register file's text without a previous draft's entries (None when there is no file)."""
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    return text.split(MARK, 1)[0]


class _replaced:
    """A register file read as it is without a previous draft's entries."""

    def __init__(self, path: Path, text: str | None):
        self.path, self.text, self.saved = path, text, None

    def __enter__(self):
        if self.text is not None:
            self.saved = self.path.read_bytes()
            self.path.write_text(self.text, encoding="utf-8")

    def __exit__(self, *exc):
        if self.saved is not None:
            self.path.write_bytes(self.saved)


class _Flow(list):
    """A list written on one line, as curators write facts: [subject, property, object]."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Flow, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True))


def _dump(value) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100000, default_flow_style=False)


def _write(draft: Draft, register_text: str | None) -> None:
    header = (f"# Draft statements of document {draft.document}, proposed by kg suggest: every statement carries\n"
              "# `proposal` (why it was proposed) and is not built until a curator reviews it (kg review).\n\n")
    body = f'document: "{draft.document}"\n'
    body += "statements:\n" + "".join(_dump([s]) for s in draft.statements) if draft.statements else "statements: []\n"
    draft.statements_path.write_text(header + body, encoding="utf-8")
    if not draft.entities:
        if register_text is not None:
            draft.register_path.write_text(register_text, encoding="utf-8")
        return
    prefix = register_text.rstrip("\n") + "\n\n" if register_text and register_text.strip() not in ("", "[]") else ""
    block = f"{MARK} (not reviewed; each entry says why in `proposal`) ---\n" + "".join(_dump([e]) for e in draft.entities)
    draft.register_path.write_text(prefix + block, encoding="utf-8")
