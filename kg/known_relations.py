"""Facts the reviewed statements already give between two entities a sentence names, where the sentence says them
again: "Kataib Hezbollah, which controls the roads to the crossing" or "the FTO designation of Kataib Hezbollah".

A new document about the land bridge mostly retells what the graph knows: a group's control of a crossing, a faction's
place in the Popular Mobilization Forces, the road a route passes through, the target of a known designation. A curator
quotes the sentence and writes those facts again, so the new source corroborates them. A known fact is proposed when
the sentence names both of its entities (as the register has them) and

- its subject is an event (a strike, a designation, a transfer) and the fact one of its roles: naming the event and its
  actor, target or place in one sentence tells them again;
- or the sentence has a word of the relation ("controls", "part of", "guards", "based", "backed"), for a relation
  between standing things; "in" or a comma between a place and the place it lies in, within a few words.

Only facts of statements that say they happened or hold (asserted) are said again: not what another source plans,
predicts, recommends or denies.
"""

from __future__ import annotations

import re

from .compare import Known
from .namespaces import LB
from .propose import Node, Proposed, Proposer


def _cue(words: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{words})\b", re.I)


_PART = "part of|members?|faction\\w*|umbrella|within|among|wing|arm of|component|units? of|brigades? of"
# The words by which a sentence says a standing relation again. Only relations whose words say little else are here:
# "near", "border", "through", "between", "uses" and "supports" come in many sentences that say no such thing of the
# two entities they name (on the dev set, 6 of 40 such facts were the curator's; of those kept, 15 of 19).
CUES: dict[str, re.Pattern[str]] = {
    "controls": _cue("control\\w*|hold|holds|held|holding|run|runs|running|ran|dominat\\w*|in charge|manned|mans|grip"),
    "operates": _cue("operat\\w*|run|runs|ran|manag\\w*"),
    "partOf": _cue(_PART),
    "memberOf": _cue(_PART),
    "hasPresenceIn": _cue("presence|present|based|bases?|positions?|deployed|stationed|headquarter\\w*|offices?|active"),
    "deployedIn": _cue("deploy\\w*|stationed|based|positions?|troops|garrison\\w*"),
    "secures": _cue("secur\\w*|guard\\w*|protect\\w*|escort\\w*|patrol\\w*"),
    "sponsors": _cue("back\\w*|sponsor\\w*|fund\\w*|arm\\w*|prox(?:y|ies)"),
}
# The roles an event's name and the thing in that role, named in one sentence, tell again.
EVENT_ROLES = frozenset({"agent", "perpetrator", "hit", "target", "location", "nearLocation", "capturedPlace", "expelled",
                         "sanctionTarget", "issuedBy", "destination", "origin", "cargo", "participant", "recipient"})
_IN_PLACE = re.compile(r"\s*(?:,|\b(?:in|inside)\b)[^.;]{0,30}$")  # "al-Qaim, in Anbar", "Albu Kamal in Deir ez-Zor"


def known_relations(proposer: Proposer, known: Known, text: str, nodes: list[Node]) -> list[Proposed]:
    """The asserted reviewed facts between two register entries the sentence names that it says again."""
    linked = [n for n in nodes if n.kind == "linked"]
    out: list[Proposed] = []
    for a in linked:
        event = proposer.ontology.is_subclass(proposer.types.get(a.id, ""), LB + "Event")
        for b in linked:
            if b.id == a.id:
                continue
            for prop, stmt_id in known.asserted_between.get((a.id, b.id), ()):
                if event and prop in EVENT_ROLES:
                    why = f"the sentence names the event and its {prop}"
                elif prop == "locatedIn" and a.end <= b.start and _IN_PLACE.match(text[a.end:b.start] + " "):
                    why = f"{b.words!r} after {a.words!r}"
                elif prop in CUES and (m := CUES[prop].search(text)):
                    why = f"the sentence says {m.group(0)!r}"
                else:
                    continue
                out.append(Proposed(a.id, prop, b.id, f"statement {stmt_id} states it and {why}"))
    return out
