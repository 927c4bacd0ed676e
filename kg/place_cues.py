"""Candidate facts the way a text places things and units: where a town is, what an organisation is part of, whose
route a route is, and which crossing or border a text means when it words one by the places it joins.

These are the ways the sources name a place with where it lies ("the Syrian border town of Albu Kamal", "Syria's town
of al-Hol", "Deir Ezzor's Albu Kamal district", "in Al Qaim, Iraq", "sits just inside Iraqi territory") and a unit
with the body it belongs to ("the IRGC's Qods Force", "the Quds Force of Iran's IRGC"), a route with its user and cargo
("Iran's “air bridge”", "land bridge for sending troops and weapons") and length ("600km-long border"). Each fact is
proposed only where the ontology's domain and range agree (kg.propose.Proposer.allowed), with the words that gave it.
"""

from __future__ import annotations

import re

from .names import fold
from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .quantities import QuantityMention

# The noun of a place's kind, as it stands between an adjective and a name ("border town of", "city of").
_KIND = r"(?:border\s+)?(?:town|city|village|district|province|governorate|region|capital|area)s?"
# "Syrian border town of", "adjacent Iraqi city of": a country's adjective, then (up to two words and) the kind of place.
_DEMONYM_KIND = re.compile(rf"\s+(?:[a-z]+\s+){{0,2}}{_KIND}\s+of\s+(?:the\s+)?")
# "Syria's town of", "Deir Ezzor's": a place's possessive before a place it holds.
_POSSESSIVE = re.compile(rf"['’]s\s+(?:(?:[a-z]+\s+){{0,2}}{_KIND}\s+of\s+(?:the\s+)?)?")
# "the Deir Ezzor border town of al-Hari": a place named before the kind of the place it holds.
_PLACE_KIND = re.compile(rf"\s+{_KIND}\s+of\s+(?:the\s+)?")
# "al-Hol in the northeastern al-Hasakeh province": a place in a named province or district.
_IN_PROVINCE = re.compile(r"\s+(?:is\s+|lies\s+)?in\s+(?:the\s+)?(?:[a-z]+\s+)?")
_PROVINCE_AFTER = re.compile(r"\s+(?:province|district|governorate|region)\b")
# "sits just inside Iraqi territory": a place inside a country named by its adjective.
_INSIDE = re.compile(r"\s+(?:sits|lies|is|are|was|were)\s+(?:just\s+|well\s+|deep\s+)?(?:inside|in|within)\s+(?:the\s+)?")
_TERRITORY = re.compile(r"\s+(?:territory|soil|side of the border)\b")
# A country after a town and a comma, the dateline's way ("in Al Qaim, Iraq September 30") — not a list of names.
_COMMA = re.compile(r",\s+")
_LIST_AFTER = re.compile(r"\s*(?:,|and\b|or\b)")
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor)\s*$")
# Units: "the IRGC's Qods Force", "the Quds Force of Iran's IRGC", "IRGC Quds Force".
_OF_UNIT = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w’'-]*['’]s\s+)?")
_MARKUP = re.compile(r"[*_“”\"]")


def place_facts(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[place, locatedIn, where it lies], [unit, partOf, body], [route, usedBy, actor], [route, cargo, commodity],
    [country, operates, installation] and [site, near, town] as the sentence words them."""
    out: list[Proposed] = []
    nodes = [n for n in nodes if n.kind != "unsure"]
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:i + 3]:
            gap = _MARKUP.sub("", text[a.end:b.start])
            out.extend(_located(proposer, text, a, b, gap))
            out.extend(_unit(proposer, a, b, gap))
            out.extend(_route_of(proposer, a, b, gap))
            out.extend(_operated(proposer, a, b, gap))
        out.extend(_carried(proposer, text, a, nodes[i + 1:]))
    for n in nodes:
        out.extend(_inside(proposer, text, n, nodes))
        out.extend(_near_past_phrase(proposer, text, n, nodes))
    return out


# "a vital border crossing with Syria near the town of al-Qaim", "the new border crossing between Syria and Iraq at
# Albu Kamal": where a site is, past the phrase that says what it joins.
_NEAR_PAST = re.compile(r"\s+(?:with|between|from)\s+[^,;.()]{1,40}?\s+(?:is\s+|lies\s+|located\s+)?(?:near|at)\s+(?:the\s+)?"
                        r"(?:(?:town|city|village|area)\s+of\s+)?")


def _near_past_phrase(proposer: Proposer, text: str, site: Node, nodes: list[Node]) -> list[Proposed]:
    if site.kind in ("demonym", "unsure") or not any(_is(proposer, site, c) for c in ("Crossing", "Installation", "Barrier")):
        return []
    for p in nodes:
        if p.start > site.end and _town(proposer, p) and _NEAR_PAST.fullmatch(text[site.end:p.start]):
            return _fact(proposer, site, "near", p, f"{site.words!r}{text[site.end:p.start]}{p.words!r}")
    return []


def _is(proposer: Proposer, node: Node, cls: str) -> bool:
    return proposer.ontology.is_subclass(node.type, LB + cls)


def _town(proposer: Proposer, node: Node) -> bool:
    """A place that lies in another: not a country, not a demonym, not a border or a route."""
    return node.kind != "demonym" and _is(proposer, node, "Place") and not any(
        _is(proposer, node, c) for c in ("Country", "Border", "Route", "Crossing"))


def _fact(proposer: Proposer, subject: Node, prop: str, obj: Node, why: str) -> list[Proposed]:
    return [Proposed(subject.id, prop, obj.id, why)] if proposer.allowed(subject, prop, obj) else []


def _located(proposer: Proposer, text: str, a: Node, b: Node, gap: str) -> list[Proposed]:
    if _town(proposer, a) and b.kind == "linked" and _is(proposer, b, "Country") and _COMMA.fullmatch(gap) \
            and not _LIST_AFTER.match(text[b.end:]) and not _LIST_BEFORE.search(text[:a.start]):
        return _fact(proposer, a, "locatedIn", b, f"{a.words!r}, {b.words!r}: a town and its country after a comma")
    if not _town(proposer, b):
        return []
    if a.kind == "demonym" and _DEMONYM_KIND.fullmatch(gap):
        return _fact(proposer, b, "locatedIn", a, f"{a.words!r}{gap}{b.words!r}: the country's adjective before the kind of place")
    if a.kind != "demonym" and _is(proposer, a, "Place") and (_POSSESSIVE.fullmatch(gap) or _PLACE_KIND.fullmatch(gap)):
        return _fact(proposer, b, "locatedIn", a, f"{a.words!r}{gap}{b.words!r}: the place that holds it named first")
    if _town(proposer, a) and _is(proposer, b, "Place") and _IN_PROVINCE.fullmatch(gap) \
            and _PROVINCE_AFTER.match(text[b.end:]):
        return _fact(proposer, a, "locatedIn", b, f"{a.words!r}{gap}{b.words!r}{_PROVINCE_AFTER.match(text[b.end:]).group(0)}")
    return []


def _inside(proposer: Proposer, text: str, n: Node, nodes: list[Node]) -> list[Proposed]:
    """"Al-Qaim sits just inside Iraqi territory": the country's adjective, then 'territory'."""
    if not _town(proposer, n):
        return []
    m = _INSIDE.match(text, n.end)
    if m is None:
        return []
    country = next((c for c in nodes if c.kind == "demonym" and c.start == m.end()), None)
    if country is None or not _TERRITORY.match(text, country.end):
        return []
    return _fact(proposer, n, "locatedIn", country, f"{n.words!r}{text[n.end:country.end]}{_TERRITORY.match(text, country.end).group(0)}")


# "Iran's “air bridge”", "Iran's emerging land corridor": an actor's route, in its possessive.
_ROUTE_OF = re.compile(r"['’]s\s+[“\"]?(?:[a-z]+\s+){0,2}[“\"]?")


def _route_of(proposer: Proposer, a: Node, b: Node, gap: str) -> list[Proposed]:
    """A route named in an actor's possessive is one the actor uses: [route, usedBy, actor]."""
    if a.kind != "linked" or b.kind not in ("linked", "new") or not _is(proposer, b, "Route") or not _is(proposer, a, "Actor"):
        return []
    if not _ROUTE_OF.fullmatch(gap):
        return []
    return _fact(proposer, b, "usedBy", a, f"{a.words!r}{gap}{b.words!r}: the route in the actor's possessive")


# "land bridge for sending troops and weapons", "a route used to smuggle drugs": what a route or crossing carries.
_FOR_CARGO = re.compile(r"(?:\s*[“”\"])?\s+(?:(?:is\s+|are\s+)?used\s+to|for)\s+(?:the\s+)?(?:send(?:ing)?|transport(?:ing)?|mov(?:e|ing)|"
                        r"ship(?:ping)?|smuggl(?:e|ing)|carry(?:ing)?|transfer(?:ring)?)(?:\s+of)?\s+(?:the\s+)?")
_AND = re.compile(r",?\s+(?:and\s+)?|,\s*")


def _carried(proposer: Proposer, text: str, route: Node, after: list[Node]) -> list[Proposed]:
    """[route or crossing, cargo, commodity] where the text says what it is for sending or used to move (the cargo
    property's domains as the ontology gives them: routes and crossings)."""
    if route.kind == "demonym" or not (_is(proposer, route, "Route") or _is(proposer, route, "Crossing")):
        return []
    if not after or not _FOR_CARGO.fullmatch(text[route.end:after[0].start]):
        return []
    out, last = [], route
    for n in after:
        if not _is(proposer, n, "Commodity") or (last is not route and not _AND.fullmatch(text[last.end:n.start])):
            break
        out.append(Proposed(route.id, "cargo", n.id, f"{route.words!r}{text[route.end:after[0].start]}{n.words!r}"))
        last = n
    return out


def _operated(proposer: Proposer, a: Node, b: Node, gap: str) -> list[Proposed]:
    """A country's adjective right before an installation (an Iranian “Imam Ali” base): the country operates it."""
    if a.kind != "demonym" or b.kind not in ("linked", "new") or not _is(proposer, b, "Installation") or gap.strip():
        return []
    return _fact(proposer, a, "operates", b, f"the adjective {a.words!r} before the installation {b.words!r}")


def _unit(proposer: Proposer, a: Node, b: Node, gap: str) -> list[Proposed]:
    """A unit named with its body: "IRGC's Qods Force" and "IRGC Quds Force" ([b, partOf, a]), "Quds Force of Iran's
    IRGC" ([a, partOf, b])."""
    if a.kind != "linked" or b.kind != "linked" or not (_is(proposer, a, "Organization") and _is(proposer, b, "Organization")):
        return []
    if re.fullmatch(r"['’]s\s+|\s", gap):
        return _fact(proposer, b, "partOf", a, f"{a.words!r}{gap}{b.words!r}: a unit named after its body")
    if _OF_UNIT.fullmatch(gap):
        return _fact(proposer, a, "partOf", b, f"{a.words!r}{gap}{b.words!r}: a unit 'of' a body")
    return []


# "Albukmal-Al Qaim border crossing", "al-Qaim-Albu Kamal border entry point": a crossing named by the two places it joins.
_JOIN = re.compile(r"\s*[-–—‐]\s*|\s+to\s+")
# "the closed crossing from al-Qaim to Albu Kamal": a crossing worded by the two towns it joins.
_CROSSING_BEFORE = re.compile(r"\b(crossing)\s+(?:from|between)\s+(?:the\s+)?$", re.I)
_FROM_TO = re.compile(r"\s+(?:to|and)\s+(?:the\s+)?")
_CROSSING_AFTER = re.compile(r"\s+(?:border\s+)?(?:crossing(?:\s+point)?|entry\s+point)\b", re.I)


def named_crossings(text: str, nodes: list[Node], proposer: Proposer) -> list[Node]:
    """The nodes with each crossing named by the two places it joins taken as that crossing: the one crossing of the
    register that other documents say connects both places. The places stay nodes (the name says the crossing connects
    them)."""
    out = list(nodes)
    for i, a in enumerate(nodes[:-1]):
        b = nodes[i + 1]
        if a.kind != "linked" or b.kind != "linked" or not (_is(proposer, a, "Place") and _is(proposer, b, "Place")):
            continue
        tail = _CROSSING_AFTER.match(text, b.end)
        head = _CROSSING_BEFORE.search(text[:a.start])
        if tail is not None and _JOIN.fullmatch(text[a.end:b.start]):
            start, end = a.start, tail.end()
        elif head is not None and _FROM_TO.fullmatch(text[a.end:b.start]) and not _is(proposer, a, "Country"):
            start, end = head.start(1), b.end
        else:
            continue
        found = [c for c, places in proposer.events.connects.items() if {a.id, b.id} <= places and c in proposer.types
                 and _is_type(proposer, c, "Crossing")]
        if len(found) == 1:
            out.append(Node(start, end, found[0], proposer.types[found[0]], text[start:end], "linked",
                            f"the crossing that joins {a.words} and {b.words}"))
    return sorted(out + _one_place_crossings(text, out, proposer), key=lambda n: n.start)


def _one_place_crossings(text: str, nodes: list[Node], proposer: Proposer) -> list[Node]:
    """"The al-Qaim crossing": the one crossing of the register that other documents say connects the town."""
    out = []
    for a in nodes:
        tail = _CROSSING_AFTER.match(text, a.end)
        if a.kind != "linked" or tail is None or not _is(proposer, a, "Place") or _is(proposer, a, "Country") \
                or any(n.start <= a.start and a.end <= n.end and n is not a for n in nodes):
            continue
        found = [c for c, places in proposer.events.connects.items() if a.id in places and c in proposer.types
                 and _is_type(proposer, c, "Crossing")]
        if len(found) == 1:
            out.append(Node(a.start, tail.end(), found[0], proposer.types[found[0]], text[a.start:tail.end()], "linked",
                            f"the crossing that joins {a.words}"))
    return out


def crossing_ends(proposer: Proposer, nodes: list[Node]) -> list[Proposed]:
    """[crossing, connects, place] for the places a crossing's name joins."""
    out = []
    for n in nodes:
        if n.how.startswith("the crossing that joins"):
            for p in nodes:
                if p is not n and p.kind == "linked" and n.start <= p.start and p.end <= n.end:
                    out.extend(_fact(proposer, n, "connects", p, f"{p.words!r} in the crossing's name {n.words!r}"))
    return out


# "its border with Syria", "Iraq's roughly 600km-long border with Syria", "the border between Iraq and Syria".
_BORDER_WITH = re.compile(r"(?:its|their|['’]s)\s+(?:[\w-]+\s+){0,3}?(borders?)\s+with\s+(?:the\s+)?$")
_BORDER_BETWEEN = re.compile(r"\bthe\s+(borders?)\s+between\s+$")


def named_borders(text: str, nodes: list[Node], proposer: Proposer, labels: dict[str, str]) -> list[Node]:
    """The nodes with each border worded by the two countries it separates taken as the register's border of exactly
    those two, as other documents' facts or its label ("Iraq–Syria border") say: "Iraq … its border with Syria", "the
    border between Iraq and Syria"."""
    out = list(nodes)
    countries = [n for n in nodes if n.kind == "linked" and _is(proposer, n, "Country")]
    for b in countries:
        head = text[:b.start]
        m = _BORDER_WITH.search(head)
        if m:
            owner = [a for a in countries if a.end <= m.start() and a.id != b.id]
            if not owner:
                continue
            a = owner[-1]
        else:
            m = _BORDER_BETWEEN.search(text[:b.start])
            second = next((c for c in countries if c.start > b.end and re.fullmatch(r"\s+and\s+", text[b.end:c.start])), None)
            if m is None or second is None:
                continue
            a, b = b, second
        found = [c for c, places in proposer.events.connects.items() if {a.id, b.id} == places and c in proposer.types
                 and _is_type(proposer, c, "Border")]
        if not found:
            names = {fold(labels.get(a.id, a.words)), fold(labels.get(b.id, b.words))}
            found = [c for c, label in labels.items() if c in proposer.types and _is_type(proposer, c, "Border")
                     and all(re.search(rf"\b{re.escape(x)}\b", fold(label)) for x in names)
                     and len(fold(label).split()) == sum(len(x.split()) for x in names) + 1]
        if len(found) == 1:
            start = m.start(1) if not text[m.start():m.start(1)].startswith(("its", "their")) else m.start()
            out.append(Node(start, m.end(1), found[0], proposer.types[found[0]], text[start:m.end(1)], "linked",
                            f"the border of {a.words} and {b.words}"))
    return sorted(out, key=lambda n: n.start)


def _is_type(proposer: Proposer, ent_id: str, cls: str) -> bool:
    return proposer.ontology.is_subclass(proposer.types[ent_id], LB + cls)


def border_ends(proposer: Proposer, nodes: list[Node]) -> list[Proposed]:
    """[border, borderOf, country] for the two countries a border is worded by."""
    out = []
    for n in nodes:
        if n.how.startswith("the border of "):
            for name in n.how[len("the border of "):].split(" and "):
                country = next((c for c in nodes if c.kind == "linked" and c.words == name and _is(proposer, c, "Country")), None)
                if country is not None:
                    out.extend(_fact(proposer, n, "borderOf", country, f"{n.words!r}: the border of {name!r}"))
    return out


_LONG = re.compile(r"(?:-|\s+)long$|\s+in\s+length$")


def lengths(proposer: Proposer, text: str, nodes: list[Node], quantities: list[QuantityMention]) -> list[Proposed]:
    """[border, barrier or route, length, km] where the text gives its length: "its roughly 600km-long border", "the
    cement barrier, 12km in length"."""
    out = []
    for q in quantities:
        if q.unit != "km" or not _LONG.search(q.verbatim):
            continue
        for n in nodes:
            if n.kind in ("demonym", "unsure") or not any(_is(proposer, n, c) for c in ("Border", "Barrier", "Route")):
                continue
            inside = n.start <= q.start and q.end <= n.end
            before = q.end <= n.start and not text[q.end:n.start].strip()
            after = n.end <= q.start and re.fullmatch(r",?\s*(?:is\s+|which\s+is\s+)?", text[n.end:q.start])
            if inside or before or after:
                out.append(Proposed(n.id, "length", q.as_yaml(), f"{q.verbatim!r} of {n.words!r}"))
                break
    return out
