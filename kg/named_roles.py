"""Who a person is, as news writes it with the role before the name: "a spokesman for Kataib Hezbollah, Abu Ali",
"a commander of the brigade, who gave his name only as Abu Ali", "Kataib Hezbollah spokesman Abu Ali", "Badr's
commander Hadi al-Amiri". The role's words are the person's title and the body it names is one the person is a member
of; a commander, chief, head or leader commands it and is titled by the whole phrase ("commander of the brigade").
kg.person_appositions reads the other order ("Abu Ali, a spokesman for the group").
"""

from __future__ import annotations

import re

from .namespaces import LB
from .person_appositions import ROLE
from .propose import Node, Proposed, Proposer

# "a spokesman for <body>" and, after the body's phrase, the comma that brings the name.
_ROLE_OF = re.compile(rf"\b(?:an?|the)\s+(?:(?:senior|local|top|regional|military|field|deputy)\s+)?(?P<title>{ROLE})\s+"
                      r"(?:for|of|with)\s+(?:the\s+)?$", re.I)
_TO_NAME = re.compile(r"(?:\s+in\s+[^,;:.()]{1,40})?\s*,\s*(?:(?:who\s+(?:gave|identified)\s+(?:his|her|their)\s+name\s+(?:only\s+)?as"
                      r"|(?:identified|known)\s+(?:only\s+)?as|named)\s+)?$", re.I)
_LEADS = re.compile(r"commander|chief|head|leader|director", re.I)
# "<body> spokesman <name>", "<body>'s commander <name>": the role as a title before the name.
_TITLE = re.compile(rf"(?:'s|’s)?\s+(?:(?:senior|local|top|regional|military|field|deputy)\s+)?(?P<title>{ROLE})\s+$", re.I)


def named_roles(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[person, title, role] and [person, memberOf, body] (or [person, commands, body] for its leader) for a role of a
    body given before the person's name."""
    is_a = proposer.ontology.is_subclass
    named = [n for n in nodes if n.kind in ("linked", "new")]
    out = []
    for body, person in ((b, p) for b in named for p in named if b.end < p.start):
        if not is_a(body.type, LB + "Organization") or not is_a(person.type, LB + "Person"):
            continue
        role = _ROLE_OF.search(text, 0, body.start)
        if role is not None and role.end() == body.start and _TO_NAME.fullmatch(text, body.end, person.start):
            phrase, how = text[role.start("title"):body.end], text[role.start():person.end]
        else:
            role = _TITLE.fullmatch(text, body.end, person.start)
            if role is None:
                continue
            phrase, how = text[body.start:role.end("title")], text[body.start:person.end]
        # A leader commands the body and is titled by the whole phrase ("commander of the brigade"); a member by the role.
        leads = _LEADS.fullmatch(role.group("title")) is not None
        out.append(Proposed(person.id, "title", phrase if leads else role.group("title"), f"{how!r}"))
        prop = "commands" if leads else "memberOf"
        if proposer.allowed(person, prop, body):
            out.append(Proposed(person.id, prop, body.id, f"{how!r}"))
    return out
