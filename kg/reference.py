"""Definite descriptions taken as the entity the document is talking about: "the crossing", "this land bridge",
"the border" are the crossing, land bridge or border the text named last (or, before it names one, the one it names
most). The standard salience rule of coreference; a curator sees the reading in each fact's reason.
"""

from __future__ import annotations

import re
from collections import Counter

from .names import fold
from .namespaces import LB
from .ontology import Ontology
from .propose import Node

# A head noun of a description, and the class of what it refers to.
NOUNS = [("land bridge", "LandBridge"), ("crossing", "Crossing"), ("border", "Border"), ("highway", "Road"),
         ("road", "Road"), ("route", "Route"), ("wall", "Barrier"), ("barrier", "Barrier"), ("fence", "Barrier"),
         ("base", "MilitaryBase"), ("militia", "Militia")]
_DESCRIPTION = re.compile(
    r"\b(the|this|that|its|an?)\s+(?:(?:new|old|key|vital|main|strategic|sensitive|upgraded|improved|official|"
    r"closed|concrete|cement|earthen|steel|towering|border|same)\s*,?\s+)*(" + "|".join(n for n, _ in NOUNS) + r")\b(?![-\w])", re.I)


# Not the first noun of another thing's name: "the Syrian border town of", "the border guards".
_NOT_A_MODIFIER = (r"(?!\s+(?:towns?|city|cities|villages?|district|province|governorate|area|region|strip|guards?|forces?|police|posts?|"
                   r"checkpoints?)\b)")
# A description as above that may hold a country's adjective ("the Syrian border", "the Iraqi-Syrian border crossing").
_COUNTRY_DESCRIPTION = re.compile(_DESCRIPTION.pattern.replace("|same)", "|same|(?-i:[A-Z][a-z]+(?:an|i)(?:-[A-Z][a-z]+(?:an|i))?))")
                                  + _NOT_A_MODIFIER, re.I)
_AT_PLACE = re.compile(r"\s+(?:at|near|in|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?")  # "at the adjacent Iraqi city of"
# The words of a mode before a noun of its routes or craft: "sea vessels", "aerial and naval routes".
_MODES = {("sea", "naval", "maritime"): "sea", ("air", "aerial"): "air"}
_MODE_WORDS = re.compile(r"\b(sea|naval|maritime|air|aerial)\s+(?:and\s+(sea|naval|maritime|air|aerial)\s+)?"
                         r"(?:vessels|ships|routes|aircraft|planes)\b", re.I)
_WITH = re.compile(r"\s+with\s+(?:the\s+)?")  # "the border with Iraq"
_CONTRAST = re.compile(r"\b(?:new|old|other|second|alternative|another)\b", re.I)
_MATERIAL = re.compile(r"\b(?:cement|earthen|steel)\b", re.I)


class Salience:
    """Which entity of each class the text has named last, and which it names most."""

    def __init__(self, ontology: Ontology, types: dict[str, str], all_nodes: list[Node], joins: dict[str, set[str]] | None = None,
                 labels: dict[str, str] | None = None):
        self.ontology, self.types = ontology, types
        self.joins = joins or {}  # a crossing or border -> the places the other documents say it joins
        self.labels = {e: fold(label) for e, label in (labels or {}).items()}
        self.counts: Counter[str] = Counter(n.id for n in all_nodes if n.kind in ("linked", "new"))
        self.last: list[str] = []
        self.recent: list[list[Node]] = []  # the nodes of the sentences before, names and references, for pronouns

    def named(self, nodes: list[Node]) -> None:
        self.last.extend(n.id for n in nodes if n.kind in ("linked", "new"))

    def resolve(self, cls: str, before: list[str], countries: set[str] = frozenset()) -> tuple[str, str] | None:
        """The entity of the class named last, or else named most; of those that join the countries a description names
        ("the Syrian border", "the border with Iraq") when the other documents or its label say one does."""
        fit = self.joining(cls, countries)
        for ent_id in reversed(self.last + before):
            if self.ontology.is_subclass(self.types[ent_id], LB + cls) and (not fit or ent_id in fit):
                return ent_id, "named last" + (" of those that join " + ", ".join(sorted(countries)) if fit else "")
        if len(fit) == 1:
            return fit[0], "the one the other documents say joins " + ", ".join(sorted(countries))
        return self.main(cls)

    def joining(self, cls: str, countries: set[str]) -> list[str]:
        """The entities of the class that join the countries and the fewest other places (the border of two countries, not
        a border triangle of three)."""
        places = {e: self.joined(e, countries) for e, kind in self.types.items() if countries and self.ontology.is_subclass(kind, LB + cls)}
        fit = [e for e, joined in places.items() if countries <= joined]
        fewest = min((len(places[e]) for e in fit), default=0)
        return sorted(e for e in fit if len(places[e]) == fewest)

    def joined(self, ent_id: str, countries: set[str]) -> set[str]:
        """The places the other documents say a thing joins, and the countries its label names ("Iraq–Syria border")."""
        label = self.labels.get(ent_id, "")
        return self.joins.get(ent_id, set()) | {c for c in countries if c in self.labels and self.labels[c] in label}

    def at_place(self, cls: str, text: str, end: int, nodes: list[Node]) -> tuple[str, str] | None:
        """"The official border crossing at … al-Qaim": the one thing of the class the other documents say joins the town
        named right after the description ("at", "near", "in", "of" and up to three words between)."""
        place = next((n for n in nodes if n.kind == "linked" and _AT_PLACE.fullmatch(text[end:n.start])
                      and not self.ontology.is_subclass(n.type, LB + "Country")), None)
        if place is None:
            return None
        fit = [e for e, places in self.joins.items() if place.id in places and e in self.types
               and self.ontology.is_subclass(self.types[e], LB + cls)]
        return (fit[0], f"the one the other documents say joins {place.words}") if len(fit) == 1 else None

    def main(self, cls: str) -> tuple[str, str] | None:
        ranked = [e for e, _ in self.counts.most_common() if self.ontology.is_subclass(self.types[e], LB + cls)]
        return (ranked[0], "named most in the document") if ranked else None


def descriptions(text: str, nodes: list[Node], salience: Salience) -> list[Node]:
    """Nodes for the definite descriptions of a sentence no name covers. A country's adjective in one ("the Syrian
    border", "the Iraqi-Syrian border crossing") or "with" a country after it ("the border with Iraq") narrows it to the
    things the other documents say join that country."""
    out = []
    for m in _COUNTRY_DESCRIPTION.finditer(text):
        overlap = [n for n in nodes if m.start() < n.end and n.start < m.end()]
        if any(n.kind != "demonym" for n in overlap):
            continue
        if _CONTRAST.search(m.group(0)) or _MATERIAL.search(m.group(0)):
            continue  # "the old crossing", "a second route", "a cement barrier": another thing of the kind than the one named
        cls = dict(NOUNS)[m.group(2).lower()]
        before = [n.id for n in nodes if n.end <= m.start() and n.kind in ("linked", "new")]
        with_country = next((n for n in nodes if _WITH.fullmatch(text[m.end():n.start]) and n.kind == "linked"
                             and salience.ontology.is_subclass(n.type, LB + "Country")), None)
        countries = {n.id for n in overlap} | ({with_country.id} if with_country else set())
        if overlap and not salience.joining(cls, countries):
            continue  # "the Syrian militia": a description the country's adjective sets apart
        # an indefinite description introduces its thing: only the document's main one of the kind is taken
        found = salience.main(cls) if m.group(1).lower() in ("a", "an") else salience.resolve(cls, before, countries)
        if found is None:  # the document names none of the kind: the one the other documents say joins the place after it
            found = salience.at_place(cls, text, m.end(), nodes)
        if found:
            ent_id, why = found
            out.append(Node(m.start(), m.end(), ent_id, salience.types[ent_id], m.group(0), "reference", f"the {cls} {why}"))
    out += country_crossings(text, nodes + out, salience)
    return out + by_mode(text, nodes + out, salience)


# A country's name and the words of a crossing, capitalised without a determiner, as headlines write a description
# ("Iraq Border Crossing is a Potential Gateway").
_COUNTRY_CROSSING = re.compile(r"\s+(?:Border\s+)?Crossing\b(?![-\w])")


def country_crossings(text: str, nodes: list[Node], salience: Salience) -> list[Node]:
    """"Iraq Border Crossing": the crossing the document names most, when the other documents say it joins that country."""
    out = []
    for n in nodes:
        tail = _COUNTRY_CROSSING.match(text, n.end)
        if n.kind != "linked" or tail is None or not salience.ontology.is_subclass(n.type, LB + "Country") \
                or any(o.start < tail.end() and n.end < o.end for o in nodes):
            continue
        found = salience.main("Crossing")
        if found and n.id in salience.joins.get(found[0], set()):
            out.append(Node(n.start, tail.end(), found[0], salience.types[found[0]], text[n.start:tail.end()], "reference",
                            f"the crossing that joins {n.words}: the one named most in the document"))
    return out


def by_mode(text: str, nodes: list[Node], salience: Salience) -> list[Node]:
    """"Sea vessels", "aerial and naval routes": the register's one route of that mode, as its label says ("Iran's sea
    route", "Iran's air bridge")."""
    out = []
    for m in _MODE_WORDS.finditer(text):
        for group in (1, 2):
            word = m.group(group)
            if word is None:
                continue
            start, end = m.start(group), (m.end(group) if group == 1 and m.group(2) else m.end())
            if any(start < n.end and n.start < end for n in nodes):
                continue
            mode = next(v for k, v in _MODES.items() if word.lower() in k)
            found = [e for e, label in salience.labels.items() if e in salience.types and re.search(rf"\b{mode}\b", label)
                     and salience.ontology.is_subclass(salience.types[e], LB + "Route")]
            if len(found) == 1:
                out.append(Node(start, end, found[0], salience.types[found[0]], text[start:end], "reference",
                                f"the {mode} route of the register"))
    return out


_SET_APART = re.compile(r"\b(?:new|old|cement|earthen|steel)\b", re.I)  # a lasting word: its age, what it is made of
# A description as above that may hold a country's adjective too ("the old Syrian border crossing").
_SET_APART_DESCRIPTION = re.compile(_DESCRIPTION.pattern.replace("|same)", "|same|(?-i:[A-Z][a-z]+(?:an|i)))"), re.I)


def set_apart(text: str, nodes: list[Node]) -> list[tuple[int, int, str, str, str]]:
    """Descriptions that set a thing apart from another of its kind by a lasting word, "the new crossing", "the old
    border crossing", which no name covers: (start, end, words without the determiner, key, class). The key ("new
    crossing") is the same for every way the text words the same thing."""
    out = []
    for m in _SET_APART_DESCRIPTION.finditer(text):
        if any(m.start() < n.end and n.start < m.end() for n in nodes if n.kind != "demonym"):
            continue
        word = _SET_APART.search(m.group(0))
        if word is None or _CONTRAST.search(m.group(0).replace(word.group(0), "")):
            continue
        noun = m.group(2).lower()
        words = m.group(0)[len(m.group(1)):].lstrip()
        out.append((m.end() - len(words), m.end(), words, f"{word.group(0).lower()} {noun}", dict(NOUNS)[noun]))
    return out

