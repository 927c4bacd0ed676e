"""The country a province lies in, from a town the sentence places in both: "Syria's town of al-Hol in the northeastern
al-Hasakeh province" places al-Hol in Syria and in al-Hasakeh, so al-Hasakeh lies in Syria. And the country of a
place's governor or mayor, from the country the sentence places the place in ("the governor of the al-Qaim district
in Iraq").

Only a region the words call a province, district or governorate counts: a subdivision of one country, where a valley
or a front may reach across a border.
"""

from __future__ import annotations

import re

from .mentions import DEMONYMS
from .namespaces import LB
from .propose import Node, Proposed, Proposer

_KIND_AFTER = re.compile(r"[*_”\"]*\s+(?:province|district|governorate)\b", re.I)
_OFFICE = re.compile(r"^(?:deputy\s+)?(?:governor|mayor)\s+of\s+", re.I)
_HEAD = re.compile(r"^(?:the\s+)?(?:chief|commander|head|leader|director)\s+of\s+", re.I)
_KIND_BEFORE = re.compile(r"\b(?:province|district|governorate)\s+of\s+(?:the\s+)?[*_“\"]*$", re.I)


def provinces_in_countries(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """[province, locatedIn, country] where the sentence's facts place one settlement in both."""
    by_id = {n.id: n for n in nodes if n.kind in ("linked", "new")}
    is_a = proposer.ontology.is_subclass
    out = []
    places = [f for f in facts if f.property == "locatedIn" and isinstance(f.object, str)]
    for f in places:
        town, country = by_id.get(f.subject), by_id.get(f.object)
        if town is None or country is None or not is_a(town.type, LB + "Settlement") \
                or not is_a(country.type, LB + "Country"):
            continue
        for g in places:
            province = by_id.get(g.object)
            if g.subject != town.id or province is None or province.id == country.id \
                    or not is_a(province.type, LB + "Region") or not (_KIND_AFTER.match(text, province.end)
                                                                     or _KIND_BEFORE.search(text, 0, province.start)):
                continue
            if proposer.allowed(province, "locatedIn", country):
                out.append(Proposed(province.id, "locatedIn", country.id,
                                    f"{town.words!r} lies in {province.words!r} and in {country.words!r}: the province in the country"))
    return out


def officials_countries(proposer: Proposer, nodes: list[Node], facts: list[Proposed], labels: dict[str, str]) -> list[Proposed]:
    """[official, country, country] for a governor or mayor of a place the sentence's facts place in a country, and for
    one whose title opens with a country's adjective inside a body's name ("Iranian army commander": the adjective is
    no name of its own there, so kg.propose.Proposer.countries does not see it)."""
    by_id = {n.id: n for n in nodes if n.kind in ("linked", "new")}
    ids = {label: ent_id for ent_id, label in labels.items()}
    is_a = proposer.ontology.is_subclass
    out = []
    for f in facts:
        person = by_id.get(f.subject)
        if f.property != "title" or not isinstance(f.object, str) or person is None:
            continue
        country_id = ids.get(DEMONYMS.get(f.object.split(" ", 1)[0], ""))
        if country_id in proposer.types and not any(n.kind == "demonym" and n.id == country_id for n in nodes):
            country = Node(person.start, person.end, country_id, proposer.types[country_id], country_id, "demonym")
            if is_a(person.type, LB + "Person") and proposer.allowed(person, "country", country):
                out.append(Proposed(person.id, "country", country_id, f"the title {f.object!r}"))
        heads = {n.id for n in by_id.values() if n.words in f.object and is_a(n.type, LB + "Organization")} \
            if _HEAD.match(f.object) else set()
        for g in facts:
            country = by_id.get(g.object) if isinstance(g.object, str) else None
            if g.property == "country" and g.subject in heads and country is not None and proposer.allowed(person, "country", country):
                out.append(Proposed(person.id, "country", country.id, f"{f.object!r} of a body of {country.words!r}"))
        if not _OFFICE.match(f.object):
            continue
        places = {n.id for n in by_id.values() if n.words in f.object and is_a(n.type, LB + "Place")}
        for g in facts:
            country = by_id.get(g.object) if isinstance(g.object, str) else None
            if g.property == "locatedIn" and g.subject in places and country is not None and is_a(country.type, LB + "Country") \
                    and proposer.allowed(person, "country", country):
                out.append(Proposed(person.id, "country", country.id, f"{f.object!r} of a place in {country.words!r}"))
    return out
