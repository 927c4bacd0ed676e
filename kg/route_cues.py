"""What a route or crossing carries, where it leads and how, from the words of one clause: "the route allows Iran to
send forces, supplies and weapons" gives the route its cargo, "a gateway for weapons" a crossing its; "the land bridge
… through Iraq to Syria and from there to Lebanon" or "… stretching across Iraq into Syria and Lebanon" the route its
destination (the last place it goes to; it passes through those coordinated before it), not a place inside another
name ("bypass roads … to circumvent the closed crossing from al-Qaim to Albu Kamal"); "land bridge", "the overland
route" its mode. The ontology's `cargo` (a route, crossing or transfer carries a commodity), `destination` (of a route
or transfer, a feature) and `mode` (land, air or sea).
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .relation_cues import TO

# Words between a route or crossing and the goods it carries: a verb of moving them, or what it is for (kg.cargo_words too).
CARRIES = re.compile(r"\b(?:move[sd]?|moving|send(?:s|ing)?|sent|transport(?:s|ed|ing)?|ship(?:s|ped|ping)?|carr(?:y|ies|ied|ying)|"
                      r"suppl(?:y|ies|ied|ying)|deliver(?:s|ed|ing)?|smuggl(?:e|es|ed|ing)|bring(?:s|ing)?|brought|"
                      r"passage of|gateway for|route for|corridor for|flow of)\b", re.I)
# A denial the route's clause stands under ("the group denies that it uses the crossing to move arms"): what it carries
# is the denied claim's, an event the curator writes, not a fact of the route.
_DENIED = re.compile(r"\b(?:den(?:y|ies|ied)|rejects?|rejected|dismiss(?:es|ed)?)\s+(?:(?:the\s+)?(?:claims?|reports?|allegations?)\s+)?"
                     r"that\b[^.;:!?]*$", re.I)
_CLAUSE_END = re.compile(r"[.;:!?]|\b(?:but|while|whereas|although)\b")
_WINDOW = 120  # characters from the route to what it carries or leads to
_FROM = re.compile(r"['’”\"]?\s+(?:[a-z]+\s+){0,2}?from\s+(?:the\s+)?")  # "the land bridge from", "the route runs from"
_AND = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?|\s*,\s*")
_THROUGH = re.compile(r"\b(?:through|via|across|in and out of)\s+(?:the\s+)?$", re.I)
# The mode a route's own words give it ("land bridge", "overland route", "air bridge", "sea route"): lb:Mode's concepts.
# A road's own name gives none ("the road to the crossing"): only "road route" says how the route goes.
_MODES = [(re.compile(r"\b(?:land|overland|road\s+routes?)\b", re.I), "land"), (re.compile(r"\b(?:air|aerial)\b", re.I), "air"),
          (re.compile(r"\b(?:sea|maritime|naval)\b", re.I), "sea")]


def route_facts(proposer: Proposer, text: str, nodes: list[Node], inner: list[Node] = ()) -> list[Proposed]:
    """Cargo, destination and mode of the routes and crossings a sentence names or describes; and the places a route's
    own words go through (inner: the names inside other nodes: "the roads in and out of al-Qaim")."""
    out = []
    for route in nodes:
        for place in inner:
            if route.start <= place.start and place.end <= route.end and _THROUGH.search(text[route.start:place.start]) \
                    and proposer.allowed(route, "passesThrough", place) and proposer.plausible(route, "passesThrough", place):
                out.append(Proposed(route.id, "passesThrough", place.id, f"{route.words!r}: its own words go through {place.words!r}"))
    for route in nodes:
        if route.kind in ("demonym", "unsure") or not _is_any(proposer, route, ("Route", "Crossing")):
            continue
        end = clause_end(text, route.end)
        after = [n for n in nodes if route.end <= n.start < end and n.kind != "unsure"]
        cue = CARRIES.search(text, route.end, end)
        if cue and not _DENIED.search(text, 0, route.start):
            for n in after:
                if n.start >= cue.end() and _local(n.type) == "Commodity":
                    out.append(Proposed(route.id, "cargo", n.id, f"{route.words!r} … {cue.group(0)!r} {n.words!r}"))
        if _is_any(proposer, route, ("Route",)):
            # its name, or the adjective before it ("the overland route"); a description's own words ("naval routes")
            words = route.words if route.kind == "reference" else text[max(0, route.start - 12):route.end]
            mode = next((value for pattern, value in _MODES if pattern.search(words)), None)
            if mode:
                out.append(Proposed(route.id, "mode", mode, f"{route.words!r}: a {mode} route by its words"))
            places = [n for n in after if n.kind != "demonym" and _is_any(proposer, n, ("Place",))
                      and not any(o is not n and o.start <= n.start and n.end <= o.end for o in after)]  # not a name's part
            to = [n for n in places if TO.search(text[:n.start])]
            start = next((n for n in after if _FROM.fullmatch(text, route.end, n.start) and _is_any(proposer, n, ("Place",))), None)
            if start is not None and proposer.allowed(route, "origin", start) and re.match(r"\s+to\b", text[start.end:]):
                out.append(Proposed(route.id, "origin", start.id, f"{route.words!r} from {start.words!r} to …: where it starts"))
            chain = _coordinated(text, to[-1], places) if to else []  # "into Syria and Lebanon": on through Syria to Lebanon
            for n in chain[:-1]:
                if proposer.allowed(route, "passesThrough", n):
                    out.append(Proposed(route.id, "passesThrough", n.id, f"{route.words!r} … into {n.words!r} and on to "
                                                                         f"{chain[-1].words!r}"))
            if chain and proposer.allowed(route, "destination", chain[-1]):
                out.append(Proposed(route.id, "destination", chain[-1].id, f"{route.words!r} … to {chain[-1].words!r}, the last "
                                                                           "place it goes to"))
    return out


def _coordinated(text: str, first: Node, after: list[Node]) -> list[Node]:
    """A place and the places coordinated after it ("Syria and Lebanon")."""
    chain = [first]
    for n in after:
        if n.start >= chain[-1].end and n.type == first.type and _AND.fullmatch(text[chain[-1].end:n.start]):
            chain.append(n)
    return chain


def clause_end(text: str, start: int) -> int:
    """Where the clause from start ends: its punctuation or contrasting conjunction, or the window's end."""
    m = _CLAUSE_END.search(text, start)
    return min(m.start() if m else len(text), start + _WINDOW)


def _is_any(proposer: Proposer, n: Node, classes: tuple[str, ...]) -> bool:
    return any(proposer.ontology.is_subclass(n.type, LB + c) for c in classes)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]
