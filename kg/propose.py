"""Candidate facts of one sentence, each with the reason for it.

A fact is proposed only where a cue pattern of the text and the ontology's domain and range agree: "Iran-backed
militias" is [militias, ←supports, Iran] because `supports` goes from an Actor to an Actor and both are; "near the
town of al-Qaim" after a crossing is `near` because both are Places. Events are proposed where a sentence gives a
date and a word of an event's kind ("air strike", "re-opened", "sanctions", "meeting"): the event is one the register
already has when its kind and place (or date) agree, otherwise a new register entry, and it gets the date, the
quantities the sentence counts for it and the roles its cue words give (perpetrator, target, place, agent, cargo;
kg.event_proposals, whose methods the Proposer has).
A date near no such word dates a new event of no kind by the verb of its clause; a deadline ("within two months") or
the date of a source cited in brackets is the latest date (`dateNotAfter`) of the event the sentence reports.
"""

from __future__ import annotations

import re

from .event_index import EventIndex
from .event_proposals import EventProposals
from .mentions import DEMONYMS
from .namespaces import LB
from .ontology import Ontology
from .proposals import MARKUP, local_name
from .proposals import NewEntity as NewEntity
from .proposals import Node as Node
from .proposals import Proposed as Proposed
from .proposals import slug as slug
from .relation_cues import RELATIONS

GAP = 70  # longest run of words between two entities one cue pattern may span
_RELATIONS = [(re.compile(f"(?:{p})$"), prop, way) for p, prop, way in RELATIONS]

_SECT_WORD = r"(Shiite|Shi['’]ite|Shia|Shi['’]a|Sunni)"
_SECT_BEFORE = re.compile(rf"\b{_SECT_WORD}\s+(?:[A-Za-z]+\s+)?$")  # Shiite militia Kataib Hezbollah
_SECT_AFTER = re.compile(rf"^[^.;]*?\b(?:population|inhabitants|residents)?[^.;]*?\bis (?:overwhelmingly |predominantly |mostly |largely )?"
                         rf"{_SECT_WORD}\b")
_TITLE_NOUN = (r"(?:minister|commander|chief|spokesman|spokeswoman|expert|president|governor|director|ambassador|"
               r"leader|head|secretary|envoy|analyst|general|official)")
_NOT_TITLE = {"said", "says", "told", "were", "was", "is", "are", "the", "a", "an", "and", "of", "by", "present", "with", "to",
              "from", "in", "on", "at", "as", "when", "while", "that", "which", "who"}
_RANKS = {"General", "Gen.", "Colonel", "Brigadier", "Major", "Lieutenant"}
_TITLE_WORD = r"(?:[A-Za-z][a-z]+|[A-Z]+)"
# Words ending in a title's noun right before a name (the title's words are capitalised or are the text's plain words).
_TITLE_BEFORE = re.compile(rf"(?:^|[\s,*(“\"])((?:{_TITLE_WORD} ){{0,3}}(?i:{_TITLE_NOUN}))\s+(?:(?:Lt|Gen|Col|Maj|Brig)\.\s+)*"
                           rf"(?:General\s+)?$")
_TITLE_AFTER = re.compile(rf",\s+(?:the\s+)?((?:[A-Za-z]+\s+){{0,2}}?(?i:{_TITLE_NOUN})(?:\s+(?:of|to|for)\s+[^,.;()]+?)?)"
                          rf"(?=\s+in\s|\s*[,.;()]|$|\s+(?:who|and|said|during)\b)")
_TITLE_COMMA = re.compile(rf"\bthe\s+((?i:{_TITLE_NOUN})\s+of\s+(?:the\s+)?[^,.;()]+?)(?:\s+in\s+[^,.;()]+)?,\s*$")
_COMPOUND = re.compile(r"^-\w+ $")  # Iran-backed, Hezbollah-affiliated: where a country adjective may stand for its country
_COORDINATION = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?")
_HAS_STATUS = ("Crossing", "Route", "Installation")
_STATUS_WORDS = [(r"closed", "closed"), (r"blocked", "blocked"), (r"(?:re-?)?open(?:ed|s)?", "open"),
                 (r"under construction|being (?:built|constructed)", "underConstruction"), (r"completed", "completed"),
                 (r"delayed|postponed", "delayed")]
_STATUS = "|".join(p for p, _ in _STATUS_WORDS)
_STATUS_BEFORE = re.compile(r"\b(closed|blocked|re-?opened|completed|delayed)\s+(?:border\s+)?$")  # the closed crossing
_STATUS_AFTER = re.compile(rf"^,?\s*(?:(?:between|with|from|at|near|on)\s+[^,.;]{{1,40}}?\s+)?"
                           rf"(?:(?:which|that|it)\s+)?(?:(?:is|was|has been|had been|have been|remains|remained|were|are|"
                           rf"will be|would be|finally|officially|ostensibly|now)\s+)*({_STATUS})\b")
_SPATIAL = {"near", "locatedIn", "onBorder", "adjacentTo"}


class Proposer(EventProposals):
    """Proposes facts for the sentences of one document."""

    def __init__(self, ontology: Ontology, types: dict[str, str], events: EventIndex):
        self.ontology = ontology
        self.types = types  # entity id -> class IRI, register and new entries alike
        self.events = events
        self.new: dict[str, NewEntity] = {}
        self.unsure: set[str] = set()  # new entries whose class is a default guess: no fact is proposed with them
        self.reports: dict[str, list[tuple[str, str]]] = {}  # a source -> (date, new report) the text gave it so far
        self.described: dict[str, Node] = {}  # a place the text describes by where it lies -> the place it lies by

    def unnamed(self, words: str, cls: str, reason: str) -> str:
        """The id of a new entry for a thing the text describes without naming it, labelled with its words (or of the
        entry the register or the draft already has under that id)."""
        ent_id = slug(words)
        if ent_id not in self.types:
            self.new[ent_id] = NewEntity(ent_id, cls, words[0].upper() + words[1:], [], reason)
            self.types[ent_id] = LB + cls
        return ent_id

    def fits(self, ent_type: str, cls: str | None) -> bool:
        return cls is None or self.ontology.is_subclass(ent_type, cls)

    def allowed(self, subject: Node, prop: str, obj: Node) -> bool:
        p = self.ontology.fact_property(prop)
        return p is not None and subject.id != obj.id and self.fits(subject.type, p.domain) and self.fits(obj.type, p.range)

    def relations(self, text: str, nodes: list[Node]) -> list[Proposed]:
        """Facts between entities a cue pattern joins, where the ontology's domain and range agree."""
        out = []
        nodes = [n for n in nodes if n.kind != "unsure"]
        for i, a in enumerate(nodes):
            for b in nodes[i + 1:]:
                gap = text[a.end:b.start]
                if len(gap) > GAP or re.search(r"[;:.!?()]", gap):
                    break
                if b.kind == "demonym" or re.match(r"['’](?:s\b|\s)", text[b.end:b.end + 2]) or re.search(r"['’]s$", b.words):
                    continue  # an adjective or a possessive is not what the relation reaches (the IRGC's Qods Force)
                plain = MARKUP.sub("", gap).lower()
                for pattern, prop, way in _RELATIONS:
                    if not pattern.match(plain) or (a.kind == "demonym" and not _COMPOUND.match(gap)):
                        continue
                    s, o = (a, b) if way == "ab" else (b, a)
                    if self.allowed(s, prop, o) and self.plausible(s, prop, o):
                        cls_s, cls_o = local_name(s.type), local_name(o.type)
                        why = f"{a.words!r}{gap}{b.words!r}: {gap.strip() or 'joined'!r} between a {cls_s} and a {cls_o}"
                        out.append(Proposed(s.id, prop, o.id, why))
                        out.extend(self.coordinated(text, nodes, b, s if way == "ab" else None, prop, why))
                        break
        out.extend(self.countries(text, nodes))
        out.extend(self.sects(text, nodes))
        out.extend(self.titles(text, nodes))
        return out

    def titles(self, text: str, nodes: list[Node]) -> list[Proposed]:
        """A person's title as the text gives it: before the name ("Interior Minister Mohammed …", "military expert
        Jalil Khalaf"), after it ("Kazem al-Fayad, Syrian ambassador to Iraq") or before it with a comma ("the chief of
        the IRGC in Iran, Hossein Salami"): the words up to the title's noun and what follows it, verbatim."""
        out = []
        for n in nodes:
            if n.kind not in ("linked", "new") or not self.ontology.is_subclass(n.type, LB + "Person"):
                continue
            found = None
            head = text[max(0, n.start - 80):n.start]
            m = _TITLE_BEFORE.search(head)
            if m:
                start = n.start - len(head) + m.start(1)
                inside = [o.end for o in nodes if o is not n and o.kind != "demonym" and start < o.end <= n.start
                          and not o.words.split()[-1].islower()]  # a name, not "Iranian army"
                phrase = text[max([start, *inside]):n.start - len(head) + m.end(1)]  # after a name inside it
                words = phrase.split()
                while words and words[0].lower() in _NOT_TITLE:
                    words = words[1:]
                if words:
                    found = (" ".join(words), "before the name")
            m = _TITLE_AFTER.match(text[n.end:])
            if m and (found is None or found[0] in _RANKS):  # a rank alone gives way to the title after the name
                found = (m.group(1), "after the name")
            m = _TITLE_COMMA.search(head)
            if found is None and m:
                found = (m.group(1), "before the name and a comma")
            if found:
                words = found[0].strip(" ,*")
                out.append(Proposed(n.id, "title", words, f"{words!r} {found[1]} {n.words!r}"))
                out.extend(self.title_relations(n, words, text, nodes))
        return out

    def title_relations(self, person: Node, title: str, text: str, nodes: list[Node]) -> list[Proposed]:
        """What a title says besides itself: the country its adjective names (Syrian ambassador), and the body named in or
        right before it (Syrian Tribal Council spokesman: a member; … commander: commands; … leader: leads)."""
        out = []
        first = title.split()[0]
        at = text.find(title, max(0, person.start - 120))
        inside = [n for n in nodes if at >= 0 and at <= n.start and n.end <= at + len(title) and (
            n.kind == "demonym" or n.kind == "linked" and local_name(n.type) == "Country" and text[:n.start].endswith("in "))]
        if first in DEMONYMS:
            inside = [n for n in nodes if n.kind == "demonym" and n.words == first]
        if inside and self.allowed(person, "country", inside[0]):
            out.append(Proposed(person.id, "country", inside[0].id, f"{inside[0].words!r} in the title {title!r}"))
        start = text.rfind(title, 0, person.start)
        noun = title.split()[-1].lower()
        body = next((n for n in nodes if n.kind in ("linked", "new") and start - 2 < n.end < start + len(title) - len(noun)), None)
        if body is not None and start >= 0:
            prop = "commands" if noun == "commander" else "leads" if noun in ("leader", "head", "chief") else "memberOf"
            if self.allowed(person, prop, body):
                out.append(Proposed(person.id, prop, body.id, f"{body.words!r} before the title {title!r}"))
        return out

    def sects(self, text: str, nodes: list[Node]) -> list[Proposed]:
        """The sect an adjective gives the actor it stands before ("the Iraqi Shiite militia Kataib Hezbollah") or the
        place's population ("overwhelmingly Sunni")."""
        out = []
        for n in nodes:
            if n.kind not in ("linked", "new"):
                continue
            before = MARKUP.sub("", text[max(0, n.start - 40):n.start])
            m = _SECT_BEFORE.search(before)
            if m and self.ontology.is_subclass(n.type, LB + "Actor") and not self.ontology.is_subclass(n.type, LB + "Country"):
                out.append(Proposed(n.id, "sect", _sect(m.group(1)), f"{m.group(1)!r} before {n.words!r}"))
            after = MARKUP.sub("", text[n.end:n.end + 60])
            m = _SECT_AFTER.match(after)
            if m and self.ontology.is_subclass(n.type, LB + "Place") and not self.ontology.is_subclass(n.type, LB + "Country"):
                out.append(Proposed(n.id, "populationSect", _sect(m.group(1)), f"{n.words!r} {m.group(0).strip()!r}"))
        return out

    def coordinated(self, text: str, nodes: list[Node], b: Node, subject: Node | None, prop: str, why: str) -> list[Proposed]:
        """The same relation to the entities coordinated with its object: "fighting in Iraq and Syria",
        "between Syria and Iraq", "through al-Qaim and Albu Kamal"."""
        out = []
        last = b
        for c in nodes:
            if c.start < last.end or c is last:
                continue
            if not _COORDINATION.fullmatch(MARKUP.sub("", text[last.end:c.start])) or c.kind == "demonym" or c.type != b.type:
                break
            if subject is not None and self.allowed(subject, prop, c):
                out.append(Proposed(subject.id, prop, c.id, f"{why}; {c.words!r} coordinated with {b.words!r}"))
            last = c
        return out

    def plausible(self, subject: Node, prop: str, obj: Node | None = None) -> bool:
        """What the ontology leaves open: a property without a domain (passesThrough, purpose) is not said of a place or
        a commodity; a country is not near or in a place; sponsorship is a state's, of an armed group (its definition)."""
        if prop == "sponsors" and obj is not None:
            return self.ontology.is_subclass(subject.type, LB + "Country") and self.ontology.is_subclass(obj.type, LB + "ArmedGroup")
        p = self.ontology.fact_property(prop)
        if p is not None and p.domain is None:
            if any(self.ontology.is_subclass(subject.type, LB + c) for c in ("Place", "Commodity", "Country")):
                return False
        if prop == "passesThrough" and self.ontology.is_subclass(subject.type, LB + "Actor"):
            return False  # a group's movement or transfer passes through a place, not the group
        if prop == "near" and self.ontology.is_subclass(subject.type, LB + "Border"):
            return False  # a border runs far: "the border at a town" is a stretch of it; a place is near it, not it near a place
        return not (prop in _SPATIAL and self.ontology.is_subclass(subject.type, LB + "Country"))

    def statuses(self, text: str, nodes: list[Node]) -> list[Proposed]:
        """The status a word gives a crossing, road or route: "the closed crossing", "the crossing re-opened",
        "is blocked", "being built"."""
        out = []
        for n in nodes:
            if n.kind in ("demonym", "unsure") or not any(self.ontology.is_subclass(n.type, LB + c) for c in _HAS_STATUS):
                continue
            before = MARKUP.sub("", text[max(0, n.start - 12):n.end if n.kind == "reference" else n.start]).lower()
            before = re.sub(r"\s*\b(?:crossing|road|highway|route|base|wall|barrier|fence)$", " ", before)
            after = MARKUP.sub("", text[n.end:n.end + 50]).lower()
            m = _STATUS_BEFORE.search(before) or _STATUS_AFTER.match(after)
            if m:
                word = m.group(1)
                status = next(v for p, v in _STATUS_WORDS if re.fullmatch(p, word))
                out.append(Proposed(n.id, "status", status, f"{word!r} of {n.words!r}"))
        return out

    def countries(self, text: str, nodes: list[Node]) -> list[Proposed]:
        """A country adjective right before an organisation or person: [it, country, the country] (Iraqi forces)."""
        out = []
        for i, a in enumerate(nodes):
            if a.kind != "demonym":
                continue
            for b in nodes[i + 1:i + 2]:
                if not (b.kind == "linked" or b.kind == "new" and local_name(b.type) == "Person"):
                    continue
                gap = MARKUP.sub("", text[a.end:b.start])
                # "Iraqi members of X": the adjective is the members', not X's
                if re.fullmatch(r" (?:[A-Za-z]+ ){0,2}", gap) and "-" not in gap and " of " not in gap and self.allowed(b, "country", a) \
                        and not self.ontology.is_subclass(b.type, LB + "Country"):
                    out.append(Proposed(b.id, "country", a.id, f"the adjective {a.words!r} before {b.words!r}"))
        return out

def _sect(word: str) -> str:
    return "sunni" if word.lower().startswith("sunni") else "shia"
