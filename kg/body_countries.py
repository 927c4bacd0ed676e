"""The state a body belongs to, as its name gives it: "the U.S. Treasury", "Iraqi customs", "the Iraqi Border Ports
Commission". A government body's name that opens with a state's name or adjective is that state's body (the
ontology's country); kg.appositions reads the possessive ("Iraq's Border Ports Commission") and the adjective
before a name that does not include it ("the Afghan Fatemiyoun brigade").
"""

from __future__ import annotations

import re

from .appositions import MORE_DEMONYMS
from .mentions import DEMONYMS
from .namespaces import LB
from .propose import Node, Proposed, Proposer

# Short forms of a state's name that open a body's name; the rest are the states' labels and adjectives.
_SHORT = {"U.S.": "United States", "US": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom"}
_FIRST = re.compile(r"(?:the\s+)?(?P<word>[A-Z][\w.]*?)(?:['’]s)?\s+[A-Za-z]")
# A short form written right before the body's name, outside it: "the U.S. Treasury" where the name is "Treasury".
_SHORT_BEFORE = re.compile(r"(?:^|[\s(])(?P<word>U\.S\.|US|UK|U\.K\.)\s+$")
# A force's name may carry a state's adjective without being that state's ("the Syrian Democratic Forces"): bodies only.
_STATE_BODIES = ("GovernmentBody",)


def body_countries(proposer: Proposer, text: str, nodes: list[Node], labels: dict[str, str]) -> list[Proposed]:
    """[body, country, C] for a state's body the register lacks whose name, as the text writes it, opens with C's name or
    adjective (a register entry's country is the register's to give)."""
    is_a = proposer.ontology.is_subclass
    ids = {label: ent_id for ent_id, label in labels.items()}
    out = []
    for n in nodes:
        if n.kind != "new" or not any(is_a(n.type, LB + c) for c in _STATE_BODIES):
            continue
        words = [m.group("word") for m in (_FIRST.match(n.words), _SHORT_BEFORE.search(text, max(0, n.start - 8), n.start)) if m]
        found = [(w, ids.get(_SHORT.get(w) or DEMONYMS.get(w) or MORE_DEMONYMS.get(w) or w)) for w in words]
        word, country_id = next(((w, c) for w, c in found if c and c != n.id and is_a(proposer.types.get(c, ""), LB + "Country")),
                                ("", None))
        if country_id is None:
            continue
        country = Node(0, 0, country_id, proposer.types[country_id], word, "demonym")
        if proposer.allowed(n, "country", country):
            out.append(Proposed(n.id, "country", country_id, f"{word!r} opening the name {n.words!r}"))
    return out
