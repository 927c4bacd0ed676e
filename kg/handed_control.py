"""Control handed to someone, as news writes a handover or a call for one: "Baghdad handed control of the crossing to the
army", "should hand the approaches to the border guards", "turned the base over to the Iraqi army", "put the crossing
under the border guards", "under the sole control of the Iraqi Border Forces", "the crossing was handed over to the
army". The one it is handed to controls the place (the sentence's cue words say whether that is done, planned or
recommended; kg.cues). A place handed "back" or "over" from someone is not what is read: only the receiver after "to"
or "under".
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_HAND = r"(?:hand|hands|handed|handing|give|gives|gave|giving|transfer|transfers|transferred|transferring|turn|turns|turned|turning)"
# Before the place: "hand (full) control of", "hand", "put … under" (the receiver's cue then follows the place).
_CONTROL_OF = re.compile(rf"\b{_HAND}\s+(?:over\s+)?(?:(?:full|overall|sole|security)\s+)?control\s+(?:of|over)\s+(?:the\s+)?$", re.I)
_HANDED = re.compile(rf"\b{_HAND}\s+(?:over\s+)?(?:the\s+)?$", re.I)
_PUT = re.compile(r"\b(?:put|puts|putting|place|places|placed|placing|bring|brings|brought|bringing)\s+(?:the\s+)?$", re.I)
# Between the place and the receiver.
_TO = re.compile(r"\s+(?:over\s+)?to\s+(?:the\s+)?", re.I)
_UNDER = re.compile(r"\s+under\s+(?:the\s+)?(?:(?:(?:full|sole|direct|exclusive|overall)\s+)?(?:control|command|authority)\s+of\s+"
                    r"(?:the\s+)?)?", re.I)
_PASSIVE = re.compile(r",?\s+(?:(?:is|are|was|were|will\s+be|would\s+be|should\s+be|to\s+be|has\s+been|have\s+been|had\s+been|being)\s+)"
                      r"(?:\w+ly\s+)?(?:handed|transferred|turned)\s+(?:back\s+)?(?:over\s+)?to\s+(?:the\s+)?", re.I)


def handed_control(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[receiver, controls, place] for a place handed to, or put under, an actor."""
    out = []
    nodes = [n for n in nodes if n.kind not in ("demonym", "unsure")]
    for i, place in enumerate(nodes):
        if not _is_place(proposer, place):
            continue
        head = text[max(0, place.start - 60):place.start]
        for receiver in nodes[i + 1:i + 3]:
            gap = (place.end, receiver.start)
            how = None
            if (_CONTROL_OF.search(head) or _HANDED.search(head)) and _TO.fullmatch(text, *gap):
                how = "handed to"
            elif _PUT.search(head) and _UNDER.fullmatch(text, *gap):
                how = "put under"
            elif _PASSIVE.fullmatch(text, *gap):
                how = "handed to"
            if how and proposer.allowed(receiver, "controls", place) and proposer.plausible(receiver, "controls", place):
                out.append(Proposed(receiver.id, "controls", place.id,
                                    f"{place.words!r} {how} {receiver.words!r}: {text[place.start:receiver.end]!r}"))
                break
    return out


def _is_place(proposer: Proposer, node: Node) -> bool:
    is_a = proposer.ontology.is_subclass
    return is_a(node.type, LB + "Place") and not is_a(node.type, LB + "Country")
