"""A sanction the register has, told again by its programme: "Kata'ib Hizballah, which the United States designated a
foreign terrorist organization in 2009", "KH has been on the State Department's list of Foreign Terrorist Organizations
since 2009". A sentence that names a sanction programme (by a label the ontology gives it) and the target of the one
register sanction under that programme tells of that sanction, whatever the words around them: its target, its
programme, the issuer the sentence names (the register's issuer or the country whose body that is: "the United States"
for "U.S. State Department") and the date nearest the programme's name. "Since 2009" is its date: being listed since
then is having been designated then.

A new sanction the sentence's event word made for the same target and date is that one; its facts move to it, except
an issuer that is neither of the two above ("The Department designated KH …": the register's issuer is named so by
no alias)."""

from __future__ import annotations

import re
from dataclasses import replace

from .dates import DateMention
from .namespaces import LB
from .ontology import DATE_PROPERTIES, Ontology
from .propose import Node, Proposed, Proposer

# What ends a clause: another predicate's date is not the designation's ("… is on the list of foreign terrorist
# organisations, and Washington sanctioned five of its leaders last November")
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|whereas)\s|\.\s")


def _programme_names(ontology: Ontology) -> list[tuple[str, re.Pattern]]:
    """Each sanction programme of the ontology with a pattern of its labels (any case, plural too)."""
    return [(name, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(ontology.concept_labels[name], key=len, reverse=True))
                              + r")s?\b", re.I))
            for name in sorted(ontology.concepts.get(LB + "SanctionProgramme", ())) if ontology.concept_labels.get(name)]


def _registered(proposer: Proposer, programme: str, nodes: list[Node]) -> tuple[str, Node] | None:
    """The one register sanction under this programme whose target the sentence names, and that name."""
    named = {n.id: n for n in nodes if n.kind in ("linked", "reference")}
    found = [(e, named[x]) for e, programmes in proposer.events.programmes.items()
             if programme in programmes and e in proposer.types and e not in proposer.new
             for r, x in proposer.events.roles.get(e, ()) if r == "sanctionTarget" and x in named]
    return found[0] if len({e for e, _ in found}) == 1 else None


def _issuer_of(proposer: Proposer, issuers: set[str], node: Node, entities: dict) -> bool:
    """Whether the sentence's actor is one of the sanction's issuers as the register gives them, or the country whose
    body such an issuer is by its name ("U.S. State Department" is a body of the United States)."""
    if node.id in issuers:
        return True
    country = entities.get(node.id)
    if country is None or not proposer.ontology.is_subclass(proposer.types.get(node.id, ""), LB + "Country"):
        return False
    names = {country.label, *country.aliases}
    return any(re.match(rf"(?:the\s+)?{re.escape(name)}\s", body_name)
               for issuer in issuers if issuer in entities
               for body_name in {entities[issuer].label, *entities[issuer].aliases} for name in names)


def programme_sanctions(proposer: Proposer, text: str, nodes: list[Node], dates: list[DateMention],
                        facts: list[Proposed], entities: dict) -> list[Proposed]:
    """The sentence's facts, with the register sanction its programme's name and target tell of."""
    for programme, pattern in _programme_names(proposer.ontology):
        m = pattern.search(text)
        found = _registered(proposer, programme, nodes) if m else None
        if found is None:
            continue
        sanction, target = found
        # the programme's own words taken for a name ("Foreign Terrorist Organization" as a new entry): no target
        named_so = {n.id for n in nodes if n.kind in ("new", "unsure") and m.start() <= n.start and n.end <= m.end()}
        facts = [f for f in facts if not isinstance(f.object, str) or f.object not in named_so]
        made = {f.subject for f in facts if f.subject in proposer.new
                and proposer.ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Sanction")}
        # the date nearest the programme's name in its clause, unless it dates another event of the sentence
        others = {f.object for f in facts if f.property in DATE_PROPERTIES and f.subject not in made}
        date = min((d for d in dates if d.value not in others
                    and not _CLAUSE_BREAK.search(text, min(d.end, m.end()), max(d.start, m.start()))),
                   key=lambda d: abs(d.start - m.start()), default=None)
        same = {e for e in made if {f.object for f in facts if f.subject == e and f.property == "sanctionTarget"} <= {target.id}
                and {f.object for f in facts if f.subject == e and f.property in ("date", "dateNotBefore")}
                <= ({date.value} if date else set())}
        why = f"the sanction {sanction} of the register, under {m.group(0)!r}, whose target {target.words!r} is"
        registered = {x for r, x in proposer.events.roles.get(sanction, ()) if r == "issuedBy"}
        out = []
        for f in facts:
            if f.subject not in same:
                out.append(f)
            elif f.property != "issuedBy" or any(n.id == f.object and _issuer_of(proposer, registered, n, entities) for n in nodes):
                prop = "date" if f.property == "dateNotBefore" else f.property
                out.append(replace(f, subject=sanction, property=prop, reason=f"{why}; {f.reason}"))
        out.append(Proposed(sanction, "sanctionTarget", target.id, why))
        out.append(Proposed(sanction, "programme", programme, f"{why}: {m.group(0)!r} names its programme"))
        issuers = [n for n in nodes if n.kind in ("linked", "reference") and _issuer_of(proposer, registered, n, entities)]
        issuers.sort(key=lambda n: n.id not in registered)  # "the U.S. Department of State": the body, not its country
        out += [Proposed(sanction, "issuedBy", n.id, f"{why}; {n.words!r} issued it") for n in issuers[:1]]
        if date is not None:
            out.append(Proposed(sanction, "date", date.value, f"{why}; {date.words!r}, when it was made"))
        facts = out
    return facts
