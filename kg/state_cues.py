"""States between named things (where a thing is, who holds, builds, uses, backs or commands it) that the cue patterns
of kg.propose, which read the words between two names, do not reach on their own:

- across a parenthetical between a name and what the sentence says of it ("Kataib Hezbollah, [one of the militias in
  Iraq], has established a presence on …"), and the presence the appositive itself gives;
- to places a description stands for: "both sides of the border", "the Syrian side" (the register's side entries),
  "the area between A and B" (the register's place of that label, near both), "the shorter route through the al-Tanef
  Crossing" (the register's route via it);
- from words around one name: a border crossing's border, a country's border town, "the border with Iraq", "Israel's
  borders", "western Iraq", who built a thing, the unit a commander's title names, a state's body and its country,
  "supports its allies, including …", "its areas in …", "its dependence on …", a group's sect in its name;
- from the sentence's other facts: a group that is one of a state's sponsored groups is sponsored by it; a crossing in a
  border town is on that town's border, and a place opposite one is near it.

Each fact is one the ontology's domain and range allow (Proposer.allowed), with the words that gave it. A route's
advantages and limitations are kg.capacity_cues'.
"""

from __future__ import annotations

import re

from .capacity_cues import compared_capacity
from .mentions import DEMONYMS
from .names import fold
from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .stationed_forces import stationed_forces

# A parenthetical after a name, closed by a comma: an editor's brackets, a relative clause, an appositive.
_PARENTHETICAL = re.compile(r",\s*(?:\[[^\[\]]{3,120}\]|(?:which|who)\s[^,;:.()\[\]]{3,120}|(?:a|an|another|one of)\s[^,;:.()\[\]]{3,120}"
                            r"|[a-z]+(?:ed|en)\s+by\s[^,;:.()\[\]]{3,120}),(?=\s)")  # "…, handled by Iran and backed by …,"
# An appositive whose last words place the group it is one of: "one of the most important militias in".
_APPOSITIVE_IN = re.compile(r"\[?(?:a|an|one of)\s[^,;:.()]*\bin\s+(?:the\s+)?")
_BOTH_SIDES = re.compile(r"\bboth sides of (?:the\s+)?(\w+)\b", re.I)
_SIDE_LABEL = re.compile(r"(\w+) side of (?:the )?(?:.* )?(\w+)", re.I)  # "Iraqi side of the Iraq–Syria border"
_AREA_BETWEEN = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:area|strip|region|zone|territory)\s+between\s+$", re.I)
_PLACE = LB + "Place"
_DEPENDENCE = re.compile(r"\b(?:its|their)\s+(?:dependence|reliance)\s+on\s+(?:the\s+)?")
_ROUTE_VIA = re.compile(r"\bthe\s+(?:(shorter|longer)\s+)?(?:(?:main|overland|land)\s+)?route\s+(?:through|via)\s+(?:the\s+)?$", re.I)
_KIND_WORDS = re.compile(r"\b(?:border\s+)?crossing\b", re.I)  # "al-Tanf crossing": the place's own name
_ONE_SIDE = re.compile(r"\bthe\s+([A-Z]\w+)\s+side\b(?!\s+of\b)")  # "the Syrian side", not "the Syrian side of …"
_WITH_COUNTRY = re.compile(r"\s+with\s+(?:the\s+)?")
_OWNER = re.compile(r"(.+?)['’]s\s+borders?$")  # "Israel's borders"
_BORDER_TOWN = re.compile(r"\s*border\s+(?:town|city|village)\s+of\s+$")
_ITS_IN = re.compile(r"\b(?:its|their)\s+(?:[a-z]+\s+)?(?:areas|territor(?:y|ies)|positions|bases|strongholds|forces|fighters|units)\s+"
                     r"in\s+(?:the\s+)?$")
_LIST = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+(?:the\s+)?|\s*,\s*")
_ALLIES = re.compile(r"\bsupport(?:s|ed|ing)?\s+(?:its|their|his|her)\s+(?:allies|proxies|partners)\b[^.;:,]{0,40},?\s+"
                     r"(?:including|such as|among them)\s+")
_ITEM_BEFORE = re.compile(r"(?:,\s*|\s+and\s+(?:also\s+)?|\s+or\s+)(?:the\s+)?$")  # the item starts the list or follows its comma
_ITEM_AFTER = re.compile(r"(?:\s+in\s+[^,.;]+?)?(?:,|\s+and\b|\s+or\b|[.;:]|$)")  # and ends it, maybe with where it is
_POSSESSIVE = re.compile(r"['’]s\s+")
_IN_COUNTRY = re.compile(r"\s+in\s+")
_BUILT = r"(?:built|constructed|erected)"
_BUILT_BY = re.compile(rf",?\s+(?:(?:which|that)\s+)?(?:(?:is|are|was|were|has been|had been|being)\s+)*{_BUILT}\s+by\s+(?:the\s+)?")
_BY_END = re.compile(rf"\b{_BUILT}\s+by\s+(?:the\s+)?$")
_BUILDS = re.compile(r"\s+(?:(?:is|are|was|were|has|have)\s+)?(?:(?:seeks|plans|wants|tries|is trying|helped|helps)\s+to\s+)?"
                     r"(?:build|construct|erect|built|constructed|erected|is building|was building)\b")
_BUILT_WITH = re.compile(rf"\s+(?:(?:is|are|was|were|has been|had been|being)\s+)*{_BUILT}\s+with\s+(?:the\s+)?")
_AID = re.compile(r"\s+(?:aid|help|assistance|support)\b")
_COMPASS = re.compile(r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+(.+)", re.I)
_TITLE_NOUN = re.compile(r"\b(?:commander|chief|leader)\b", re.I)
_BORDER_CROSSING = re.compile(r"\bborder\s+crossing\b", re.I)
_IN = re.compile(r"(?:\s+in\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)?")  # "… in Syria"
_AND = re.compile(_IN.pattern + r"\s+and\s+(?:the\s+)?")  # "Albu Kamal in Syria and al-Qa'im"


def state_facts(proposer: Proposer, text: str, nodes: list[Node], labels: dict[str, str], inner: list[Node] = ()) -> list[Proposed]:
    """The facts of a sentence this module finds (those that need the sentence's other facts excepted: crossing_borders,
    title_bodies, inherited_sponsors); inner: the names inside other names ("roads built by the Islamic State")."""
    nodes = [n for n in nodes if n.kind != "unsure"]
    built = builders(proposer, text, sorted(nodes + [n for n in inner if n.kind != "unsure"], key=lambda n: n.start))
    sides = both_sides(text, nodes, labels, proposer.types) + one_side(text, nodes, labels, proposer.types)
    areas, out = areas_between(proposer, text, nodes, labels)
    extra = sides + areas
    covered = [n for n in nodes if n.kind == "reference" and any(e.start <= n.start and n.end <= e.end for e in extra)]
    every = sorted([n for n in nodes if n not in covered] + extra, key=lambda n: n.start)
    if extra:
        reached = {n.id for n in extra}
        out += [f for f in proposer.relations(text, every) + stationed_forces(proposer, text, every)
                if f.subject in reached or f.object in reached]
    out += compass_regions(proposer, nodes, labels) + built + state_bodies(proposer, text, nodes) + allies(proposer, text, nodes)
    out += own_places(proposer, text, nodes) + border_towns(proposer, text, nodes) + border_countries(proposer, text, nodes, labels)
    out += routes_via(proposer, text, nodes, labels)
    out += dependence(proposer, text, nodes) + compared_capacity(proposer, text, nodes, labels) + crossing_sides(proposer, nodes, labels)
    return out + across(proposer, text, every)


def allies(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """"X … supports its allies, including A, B and C": X supports each actor the list names as an item of its own (not
    "IRGC bases", a thing of the actor)."""
    out = []
    for m in _ALLIES.finditer(text):
        before = [n for n in nodes if n.end <= m.start() and n.kind in ("linked", "new")
                  and proposer.ontology.is_subclass(n.type, LB + "Actor")]
        if not before:
            continue
        supporter = before[-1]
        end = _clause_end(text, m.end())
        for n in nodes:
            item = n.start == m.end() or _ITEM_BEFORE.search(text, m.end(), n.start)
            if m.end() <= n.start < end and n.kind in ("linked", "new") and item and _ITEM_AFTER.match(text, n.end) \
                    and proposer.allowed(supporter, "supports", n):
                out.append(Proposed(supporter.id, "supports", n.id, f"{supporter.words!r} … {m.group(0).strip()!r} … {n.words!r}"))
    return out


def own_places(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """"ISIS … its areas in Syria and Iraq": the actor the possessive refers to (the one named last before it) is present
    in each place."""
    out = []
    actors = [n for n in nodes if n.kind in ("linked", "new") and proposer.ontology.is_subclass(n.type, LB + "Actor")]
    for i, place in enumerate(nodes):
        m = _ITS_IN.search(text, 0, place.start)
        owner = next((a for a in reversed(actors) if m and a.end <= m.start()), None)
        if m is None or owner is None or re.search(r"[.;:]", text[owner.end:m.start()]):
            continue
        chain = [place]  # and the places coordinated with it
        for n in nodes[i + 1:]:
            if n.type != place.type or not _LIST.fullmatch(text[chain[-1].end:n.start]):
                break
            chain.append(n)
        for n in chain:
            if proposer.allowed(owner, "hasPresenceIn", n) and proposer.plausible(owner, "hasPresenceIn", n):
                out.append(Proposed(owner.id, "hasPresenceIn", n.id, f"{owner.words!r} … {m.group(0).strip()!r} {n.words!r}"))
    return out


def border_towns(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """"The Syrian border town of Albu Kamal": the town is on the border the other documents say joins the country the
    adjective names (of those, the one that joins the fewest places: a border of two countries, not a triangle); without
    the adjective, on the one border the sentence names."""
    out = []
    for i, town in enumerate(nodes):
        m = _BORDER_TOWN.search(text, 0, town.start)
        country = next((n for n in reversed(nodes[:i]) if m and n.kind == "demonym" and n.end <= m.start() + 1
                        and not text[n.end:m.start()].strip()), None)
        if m is None or town.kind not in ("linked", "new"):
            continue
        if country is None:  # "the Deir Ezzor border town of al-Hari" in a sentence that names one border: that border
            named = {n.id for n in nodes if n.kind != "demonym" and proposer.ontology.is_subclass(n.type, LB + "Border")}
            if len(named) == 1 and proposer.allowed(town, "onBorder", next(n for n in nodes if n.id in named)):
                out.append(Proposed(town.id, "onBorder", named.pop(), f"{m.group(0).strip()!r} {town.words!r}: a border town, "
                                                                      "and the one border its sentence names"))
            continue
        joins = proposer.events.connects
        fit = [b for b, places in joins.items() if country.id in places and b in proposer.types
               and proposer.ontology.is_subclass(proposer.types[b], LB + "Border")]
        fewest = [b for b in fit if len(joins[b]) == min(len(joins[x]) for x in fit)]
        if len(fewest) == 1 and proposer.allowed(town, "onBorder", Node(0, 0, fewest[0], proposer.types[fewest[0]], "")):
            out.append(Proposed(town.id, "onBorder", fewest[0], f"{country.words!r} {m.group(0).strip()!r} {town.words!r}: a town "
                                                               f"on the border of {country.id}"))
    return out


def border_countries(proposer: Proposer, text: str, nodes: list[Node], labels: dict[str, str]) -> list[Proposed]:
    """The country a border is of, as its words give it: "the border with Iraq", "Israel's borders"."""
    countries = {fold(label): e for e, label in labels.items() if proposer.ontology.is_subclass(proposer.types[e], LB + "Country")}
    out = []
    for i, border in enumerate(nodes):
        if border.kind == "demonym" or not proposer.ontology.is_subclass(border.type, LB + "Border"):
            continue
        after = next((n for n in nodes[i + 1:] if n.kind == "linked" and _WITH_COUNTRY.fullmatch(text[border.end:n.start])), None)
        own = _OWNER.match(border.words)
        country = after.id if after is not None else countries.get(fold(own.group(1))) if own else None
        if country and proposer.ontology.is_subclass(proposer.types[country], LB + "Country") \
                and proposer.allowed(border, "borderOf", Node(0, 0, country, proposer.types[country], country)):
            out.append(Proposed(border.id, "borderOf", country, f"{border.words!r}" + (f" with {after.words!r}" if after else "")))
    return out


def routes_via(proposer: Proposer, text: str, nodes: list[Node], labels: dict[str, str]) -> list[Proposed]:
    """"The shorter route through the al-Tanef Crossing": the register's one route labelled "… via al-Tanf" passes
    through the crossing; "shorter" or "longer" is its advantage or limitation of distance."""
    out = []
    for n in nodes:
        m = _ROUTE_VIA.search(text, 0, n.start)
        if m is None or n.kind not in ("linked", "new") or n.id not in labels:
            continue
        place = fold(_KIND_WORDS.sub("", labels[n.id])).strip()
        found = [e for e, label in labels.items() if " via " in label and place and fold(label.split(" via ", 1)[1]) == place
                 and proposer.ontology.is_subclass(proposer.types[e], LB + "Route")]
        if len(found) != 1:
            continue
        route = Node(m.start(), m.end(), found[0], proposer.types[found[0]], m.group(0).strip())
        why = f"{m.group(0).strip()!r} {n.words!r}: the {labels[found[0]]}"
        if proposer.allowed(route, "passesThrough", n):
            out.append(Proposed(route.id, "passesThrough", n.id, why))
        length = (m.group(1) or "").lower()
        if length:
            out.append(Proposed(route.id, "advantage" if length == "shorter" else "limitation", "distance", why))
    return out


def dependence(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """"Iran … its dependence on aerial and naval routes": the routes (the one after the words and those coordinated with
    it) are used by the actor named last before the possessive."""
    out = []
    for m in _DEPENDENCE.finditer(text):
        owner = next((n for n in reversed(nodes) if n.end <= m.start() and n.kind in ("linked", "new")
                      and proposer.ontology.is_subclass(n.type, LB + "Actor")), None)
        routes = []
        for n in nodes:
            gap = text[(routes[-1].end if routes else m.end()):n.start]
            if n.start >= m.end() and n.kind != "demonym" and re.fullmatch(r"(?:[\w-]+\s+)?" if not routes else _LIST.pattern, gap):
                routes.append(n)
        for route in routes:
            if owner is not None and proposer.allowed(route, "usedBy", owner) and proposer.plausible(route, "usedBy", owner):
                out.append(Proposed(route.id, "usedBy", owner.id, f"{owner.words!r} … {m.group(0).strip()!r} {route.words!r}"))
    return out


def crossing_sides(proposer: Proposer, nodes: list[Node], labels: dict[str, str]) -> list[Proposed]:
    """"The old Syrian border crossing": a crossing whose words hold one country's adjective lies on that country's side
    of the border (the register's one entry labelled "Syrian side of …")."""
    out = []
    for n in nodes:
        adjectives = [w for w in re.findall(r"[A-Z][a-z]+", n.words) if w in DEMONYMS]
        if n.kind == "demonym" or len(adjectives) != 1 or not proposer.ontology.is_subclass(n.type, LB + "Crossing"):
            continue
        found = [e for e, label in labels.items() if (s := _SIDE_LABEL.fullmatch(label)) and s.group(1) == adjectives[0]]
        if len(found) == 1 and proposer.allowed(n, "locatedIn", Node(0, 0, found[0], proposer.types[found[0]], "")):
            out.append(Proposed(n.id, "locatedIn", found[0], f"{adjectives[0]!r} in {n.words!r}: on the {labels[found[0]]}"))
    return out


def _clause_end(text: str, start: int) -> int:
    m = re.search(r"[.;:!?]", text[start:])
    return start + m.start() if m else len(text)


def state_bodies(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """The country of a state's force or body the text gives it with the country's possessive ("Iran's Islamic
    Revolutionary Guard Corps") or "in" the country ("the IRGC in Iran", not "American troops in Iraq"): a state's body is
    its country's, where an armed group in a country is only present there."""
    out = []
    for a, b in zip(nodes, nodes[1:], strict=False):
        gap = text[a.end:b.start]
        foreign = a.words.split(" ", 1)[0] in DEMONYMS  # "American troops in Iraq": the adjective gives its country
        for body, country, cue in ((b, a, _POSSESSIVE), (a, b, None if foreign else _IN_COUNTRY)):
            if cue and cue.fullmatch(gap) and body.kind in ("linked", "new") and country.kind == "linked" and any(
                    proposer.ontology.is_subclass(body.type, LB + c) for c in ("StateForce", "GovernmentBody")) \
                    and proposer.ontology.is_subclass(country.type, LB + "Country") and proposer.allowed(body, "country", country):
                out.append(Proposed(body.id, "country", country.id, f"{a.words!r}{gap}{b.words!r}: a state's body and its country"))
    return out


def builders(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """Who built a structure, road or crossing: "roads built by the Islamic State", "the land bridge Iran seeks to
    construct", "being constructed with Iranian aid" (the builder or the one whose aid builds it: the ontology's
    builtBy)."""
    out = []
    for i, thing in enumerate(nodes):
        if thing.kind == "demonym" or not proposer.ontology.is_subclass(thing.type, LB + "Route") and not any(
                proposer.ontology.is_subclass(thing.type, LB + c) for c in ("Crossing", "Installation", "Barrier")):
            continue
        for actor in nodes[i + 1:i + 3]:
            gap = text[thing.end:actor.start]
            within = thing.start < actor.start and actor.end <= thing.end  # its name says who built it
            by = actor.kind != "demonym" and (_BUILT_BY.fullmatch(gap) or within and _BY_END.search(text, thing.start, actor.start))
            builds = not gap.strip() and actor.kind != "demonym" and _BUILDS.match(text, actor.end)
            aid = _BUILT_WITH.fullmatch(gap) and _AID.match(text, actor.end)
            if (by or builds or aid) and proposer.allowed(thing, "builtBy", actor):
                why = text[thing.start:(_BUILDS.match(text, actor.end) or _AID.match(text, actor.end) or actor).end()
                           if (builds or aid) else actor.end]
                out.append(Proposed(thing.id, "builtBy", actor.id, f"{why!r}"))
                break
    return out


def compass_regions(proposer: Proposer, nodes: list[Node], labels: dict[str, str]) -> list[Proposed]:
    """A region named by a point of the compass and a country ("western Iraq") is in that country."""
    countries = {fold(label): e for e, label in labels.items() if proposer.ontology.is_subclass(proposer.types[e], LB + "Country")}
    out = []
    for n in nodes:
        m = _COMPASS.fullmatch(n.words)
        country = countries.get(fold(m.group(1))) if m and n.kind in ("linked", "new") else None
        if country and proposer.allowed(n, "locatedIn", Node(0, 0, country, proposer.types[country], m.group(1))):
            out.append(Proposed(n.id, "locatedIn", country, f"{n.words!r}: a part of {m.group(1)!r} by the compass"))
    return out


def both_sides(text: str, nodes: list[Node], labels: dict[str, str], types: dict[str, str]) -> list[Node]:
    """Nodes for "both sides of the border": one for each register entry labelled "<adjective> side of the … border",
    where there are two or more and no name covers the words."""
    out = []
    for m in _BOTH_SIDES.finditer(text):
        if any(m.start() < n.end and n.start < m.end() for n in nodes if n.kind != "reference"):
            continue
        noun = fold(m.group(1))
        found = sorted(e for e, label in labels.items() if (s := _SIDE_LABEL.fullmatch(label)) and fold(s.group(2)) == noun)
        if len(found) >= 2:
            out += [Node(m.start(), m.end(), e, types[e], m.group(0), "reference", f"one of {m.group(0)!r}") for e in found]
    return out


def one_side(text: str, nodes: list[Node], labels: dict[str, str], types: dict[str, str]) -> list[Node]:
    """A node for "the Syrian side" (of the border the text is about): the register's one entry labelled "Syrian side of
    the …", where no name covers the words."""
    out = []
    for m in _ONE_SIDE.finditer(text):
        if any(m.start() < n.end and n.start < m.end() for n in nodes if n.kind not in ("reference", "demonym")):
            continue
        found = [e for e, label in labels.items() if (s := _SIDE_LABEL.fullmatch(label)) and fold(s.group(1)) == fold(m.group(1))]
        if len(found) == 1:
            out.append(Node(m.start(), m.end(), found[0], types[found[0]], m.group(0), "reference", f"the {labels[found[0]]}"))
    return out


def areas_between(proposer: Proposer, text: str, nodes: list[Node], labels: dict[str, str]) -> tuple[list[Node], list[Proposed]]:
    """Nodes for "the area between A and B" where the register has one place whose label holds "between" and both
    names, and the facts that it is near each of them."""
    nodes_out, facts = [], []
    places = [n for n in nodes if n.kind in ("linked", "reference") and proposer.ontology.is_subclass(n.type, _PLACE)]
    for i, a in enumerate(places):
        head = _AREA_BETWEEN.search(text[:a.start])
        b = next((n for n in places[i + 1:] if _AND.fullmatch(text[a.end:n.start])), None)
        if head is None or b is None:
            continue
        names = (fold(labels.get(a.id, a.words)), fold(labels.get(b.id, b.words)))
        found = [e for e, label in labels.items() if " between " in fold(label) and all(name in fold(label) for name in names)
                 and e not in (a.id, b.id)]
        if len(found) != 1:
            continue
        end = b.end + len(_IN.match(text, b.end).group(0))  # "… and al-Qa'im in Iraq": the area is not in the one country
        words = text[head.start():end]
        area = Node(head.start(), end, found[0], proposer.types[found[0]], words, "reference", "the area between the two")
        nodes_out.append(area)
        for place in (a, b):
            if proposer.allowed(area, "near", place):
                facts.append(Proposed(area.id, "near", place.id, f"{words!r}: the area between {a.words!r} and {b.words!r} "
                                      f"is near each"))
    return nodes_out, facts


def across(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """What the sentence says of a name past a parenthetical ("X, [one of …], has established a presence on Y"), read
    as if the parenthetical were not there; and where the appositive's group is ("one of the militias in Iraq")."""
    out = []
    for a in nodes:
        if a.kind == "demonym":
            continue
        m = _PARENTHETICAL.match(text, a.end)
        if m is None:
            continue
        inside = [n for n in nodes if m.start() <= n.start and n.end <= m.end()]
        last = inside[-1] if inside else None
        if last is not None and _APPOSITIVE_IN.fullmatch(text[m.start():last.start].lstrip(", ")) \
                and re.fullmatch(r"\]?,", text[last.end:m.end()]):
            prop = "locatedIn" if proposer.ontology.is_subclass(a.type, _PLACE) else "hasPresenceIn"
            if proposer.allowed(a, prop, last) and proposer.plausible(a, prop, last):
                out.append(Proposed(a.id, prop, last.id, f"{a.words!r}{text[a.end:last.end]}: one of those in {last.words!r}"))
        after = [n for n in nodes if n.start >= m.end()]
        if not after:
            continue
        rest = re.sub(r"[\[\]]", "", text[m.end():])
        short = text[:a.end] + rest
        moved = [a] + [_moved(n, text, m.end(), a.end) for n in after]
        moved = [n for n in moved if n is not None]
        for f in proposer.relations(short, moved):
            if a.id in (f.subject, f.object) and f.subject != f.object and any(n.id in (f.subject, f.object) for n in moved[1:]):
                out.append(Proposed(f.subject, f.property, f.object, f"{f.reason} (past {m.group(0).strip(', ')!r})"))
    return out


def _moved(n: Node, text: str, end: int, start: int) -> Node | None:
    """A node after the parenthetical where it stands once the parenthetical (end - start characters) and the brackets
    after it are taken out."""
    shift = (end - start) + text.count("[", end, n.start) + text.count("]", end, n.start)
    if "[" in text[n.start:n.end] or "]" in text[n.start:n.end]:
        return None
    return Node(n.start - shift, n.end - shift, n.id, n.type, n.words, n.kind, n.how)


def crossing_borders(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed], labels: dict[str, str]) -> list[Proposed]:
    """The border a border crossing is on: "a border crossing with Syria", "the border crossing between Syria and Iraq"
    (the countries it connects, as the sentence's facts say) is on the register's one border whose label names them."""
    borders = {e: fold(label) for e, label in labels.items()
               if proposer.ontology.is_subclass(proposer.types[e], LB + "Border") and fold(label).endswith("border")}
    out = []
    for n in nodes:
        if n.kind in ("demonym", "unsure") or not proposer.ontology.is_subclass(n.type, LB + "Crossing") \
                or not _BORDER_CROSSING.search(text[max(0, n.start - 8):n.end]):
            continue
        countries = {f.object for f in facts if f.subject == n.id and f.property == "connects"
                     and proposer.ontology.is_subclass(proposer.types.get(f.object, ""), LB + "Country")}
        found = [e for e, label in borders.items() if countries and all(fold(labels[c]) in label for c in countries)]
        if len(found) == 1 and proposer.allowed(n, "onBorder", Node(0, 0, found[0], proposer.types[found[0]], "")):
            names = " and ".join(sorted(labels[c] for c in countries))
            out.append(Proposed(n.id, "onBorder", found[0], f"{n.words!r}, a border crossing to {names}: on the "
                                                             f"{labels[found[0]]}"))
    return out


def crossings_in_border_towns(proposer: Proposer, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """"al-Sekak, in the border town of al-Hari": a crossing the sentence's facts put in a town on a border is on that
    border too."""
    crossings = {n.id: n for n in nodes if n.kind in ("linked", "new") and proposer.ontology.is_subclass(n.type, LB + "Crossing")}
    on = {(f.subject, f.object) for f in facts if f.property == "onBorder"}
    out = []
    for f in facts:
        if f.property != "locatedIn" or f.subject not in crossings:
            continue
        for town, border in sorted(on):
            if town == f.object and (f.subject, border) not in on \
                    and proposer.allowed(crossings[f.subject], "onBorder", Node(0, 0, border, proposer.types[border], "")):
                out.append(Proposed(f.subject, "onBorder", border, f"{crossings[f.subject].words!r} in {town}, a town on {border}"))
    return out


def across_from_border_towns(proposer: Proposer, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """"Al-Qaim sits … opposite the Syrian border town of Albu Kamal": a place the sentence's facts put adjacent to a town
    on a border is near that border."""
    by_id = {n.id: n for n in nodes}
    on = {(f.subject, f.object) for f in facts if f.property == "onBorder"}
    out = []
    for f in facts:
        place = by_id.get(f.subject)
        if f.property != "adjacentTo" or place is None:
            continue
        for town, border in sorted(on):
            if town == f.object and (place.id, border) not in on \
                    and proposer.allowed(place, "near", Node(0, 0, border, proposer.types[border], "")):
                out.append(Proposed(place.id, "near", border, f"{place.words!r} opposite {town}, a town on {border}"))
    return out


def title_bodies(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """The body a person's title names: "commander of the IRGC's Qods Force", "Iranian army commander", "chief of the
    IRGC" (commands the last organisation the title names, not one in the possessive); "leader of" (leads)."""
    out = []
    have = {(f.subject, f.property, repr(f.object)) for f in facts}
    for f in facts:
        if f.property != "title" or not isinstance(f.object, str):
            continue
        noun = _TITLE_NOUN.search(f.object)
        person = next((n for n in nodes if n.id == f.subject), None)
        at = text.find(f.object, max(0, person.start - 120)) if person and noun else -1
        if at < 0:
            continue
        inside = [n for n in nodes if at <= n.start and n.end <= at + len(f.object) and n.kind in ("linked", "new")
                  and proposer.ontology.is_subclass(n.type, LB + "Organization") and not re.match(r"['’]", text[n.end:n.end + 1])]
        prop = "leads" if noun.group(0).lower() == "leader" else "commands"
        if inside and (f.subject, prop, repr(inside[-1].id)) not in have and proposer.allowed(person, prop, inside[-1]):
            out.append(Proposed(f.subject, prop, inside[-1].id, f"{inside[-1].words!r} in the title {f.object!r}"))
    return out


def inherited_sponsors(proposer: Proposer, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """"Kataib Hezbollah, one of the Iran-backed militias": a group that is one of a state's sponsored groups is itself
    sponsored by that state (the sentence's partOf and sponsors facts)."""
    have = {(f.subject, f.property, f.object) for f in facts if isinstance(f.object, str)}
    by_id = {n.id: n for n in nodes}
    out = []
    for part in [f for f in facts if f.property == "partOf"]:
        for sponsor in [f for f in facts if f.property == "sponsors" and f.object == part.object]:
            group, kind = by_id.get(part.subject), proposer.types.get(sponsor.subject)
            state = Node(0, 0, sponsor.subject, kind, sponsor.subject) if kind else None
            if state and group and (state.id, "sponsors", group.id) not in have and proposer.plausible(state, "sponsors", group):
                out.append(Proposed(state.id, "sponsors", group.id, f"{group.words!r} is one of {part.object}, which "
                                                                    f"{state.id} sponsors"))
    return out
