"""Places news describes by where they lie rather than by name: "a weapons depot on the eastern outskirts of Abu Kamal",
"an unofficial crossing south of Al-Bukamal", "the desert north of al-Qaim", "a new section of the concrete wall north
of al-Qaim", "two positions near al-Hari". Each is a place of its own that a curator gives an entry: near the place it
is placed by (the ontology's `near`; on a border it lies along, `onBorder`), and the thing the sentence's events are
about in place of the town (kg.event_proposals: a strike "on warehouses east of Al-Bukamal" hit the warehouses; a
seizure "on a dirt road north of al-Qaim" was on the road).

The description is a noun of a kind of place (the table below: a depot or checkpoint is an Installation, a track a
Road, a wall or berm a Barrier, the desert or the villages a Region; a crossing only where the words call it unofficial,
informal or illegal), the words that qualify it before it (a few words of a closed list, or a name the sentence links:
"Kataib Hezbollah depot"), and the words that place it: "near", "outside", "around", "along", "next to", a compass
bearing "(about 8 km) south of", or "on the edge / outskirts / bank of". "at" is not among them: "the warehouses at
the Imam Ali base" are the base's, which curators give no entry of their own. The place it is placed by is a place the
sentence names right after them.

The entry is labelled with the text's words, less a distance ("a depot about 3 km west of X"); those words, with a
count before them ("two positions"), are its aliases. A road is a route, not a place, so it is near nothing, but it is
still where events were. No described place where the place's name only qualifies a larger thing ("along the al-Qaim
road"), or where the words are a road to or from a place (kg.route_cues reads those).
"""

from __future__ import annotations

import re

from .namespaces import LB
from .proposals import DESCRIBED
from .propose import Node, Proposed, Proposer

# The noun of a kind of place -> its class. A crossing is one only where its words say it is not official.
_KINDS = (
    (r"depots?|warehouses?|checkpoints?|positions?|compounds?|facilit(?:y|ies)|outposts?|storage\s+sites?|hangars?|"
     r"silos?|workshops?|headquarters|barracks", "Installation"),
    (r"crossings?(?:\s+points?)?|crossing-points?", "UnofficialCrossing"),
    (r"bypass\s+roads?", "BypassRoad"),
    (r"tracks?|dirt\s+roads?|desert\s+roads?|farm\s+roads?|trails?", "Road"),
    (r"walls?|berms?|fences?|barriers?|trench(?:es)?|earthworks", "Barrier"),
    (r"desert|countryside|farmland|hills|villages|fields|orchards|outskirts\s+of\s+\w+|stretch(?:es)?", "Region"),
    (r"bases?|camps?|air\s*bases?|garrison", "MilitaryBase"),
)
_HEAD = "|".join(f"(?P<k{i}>{pattern})" for i, (pattern, _) in enumerate(_KINDS))
_UNOFFICIAL = re.compile(r"\b(?:unofficial|informal|illegal|illicit|irregular|smuggling|smugglers['’]?|clandestine)\b", re.I)
# Words that may qualify the noun: what it holds, what it is made of, how old or big it is, whose it is.
_QUALIFIER = (r"(?:unofficial|informal|illegal|illicit|irregular|smuggling|clandestine|militia|weapons|arms|ammunition|fuel|"
              r"rocket|missile|drone|storage|supply|logistics|military|border|desert|dirt|sand|earth|earthen|concrete|"
              r"cement|new|old|former|main|small|large|big|second|third|last|first|fortified|abandoned|makeshift|"
              r"temporary|permanent|nearby|remote|unpaved|paved|walled|guarded|single|several|few|other|two|three|four|"
              r"five|six|seven|eight|nine|ten|\d+|section|sections|part|parts|stretch|network|series|of|the|grain)")
_OPEN = r"(?:a|an|the|its|their|his|her|two|three|four|five|several|some|many|dozens\s+of|one|other|another)"
_PLACED = (r"(?:near|outside|around|along|next\s+to|close\s+to|beside|"
           r"on\s+the\s+(?:(?:eastern|western|northern|southern)\s+)?(?:edge|edges|outskirts|bank|banks|fringes?)\s+of|"
           r"(?:(?:just|about|some|roughly|around|[\d.]+\s*(?:km|kilometres|kilometers|miles)|\([^()]{1,20}\))\s+)*"
           r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)")
_DESCRIBED = re.compile(rf"(?:\b(?P<open>{_OPEN})\s+)?(?P<words>(?:(?:{_QUALIFIER}|(?-i:[A-Z])[\w’'-]*)\s+){{0,4}}?"
                        rf"\b(?:{_HEAD}))\s+(?P<placed>{_PLACED})\s+(?:the\s+)?$", re.I)
_LEADING = re.compile(r"^(?:(?:of|the)\s+)+", re.I)  # "of the" that a qualifier's words cannot open with
_NOT_PLACED = re.compile(r"^(?:road|roads|highway|route|way)\s+(?:to|from)\b", re.I)  # "the road to al-Qaim"
_DISTANCE = re.compile(r"\s+(?:(?:just|about|some|roughly|around|[\d.]+\s*(?:km|kilometres|kilometers|miles)|\([^()]{1,20}\))\s+)+"
                       r"(?=(?:north|south|east|west))", re.I)
_COUNTS = ("two", "three", "four", "five", "several")
_ALONG = re.compile(r"along|on\b", re.I)  # a wall "along the Syrian border" is on it; a depot "near the border", near
# After the place: a noun the place's name only qualifies ("along the al-Qaim road", "north of the Anbar stretch").
# Or the name goes on: "Along the al-Qaim–Albu Kamal Border Zone".
_PART_OF = re.compile(r"\s+(?:road|highway|crossing|border|stretch|sector|side|district|countryside|bank|gate|junction)s?\b"
                      r"|\s*[–-]\s*(?-i:[A-Z])|\s+(?-i:[A-Z])[a-z]|['’]s\b", re.I)  # or owns it: "near Syria's town of"


def described_places(proposer: Proposer, text: str, nodes: list[Node], document: str) -> tuple[list[Node], list[Proposed]]:
    """Nodes for the described places of a sentence (new entries, labelled with the text's words) and the fact that
    each is near the place it is placed by."""
    is_a = proposer.ontology.is_subclass
    out_nodes, facts = [], []
    for place in nodes:
        if place.kind in ("demonym", "unsure") or not is_a(place.type, LB + "Place"):
            continue
        m = _DESCRIBED.search(text[max(0, place.start - 160):place.start])
        if m is None:
            continue
        offset = max(0, place.start - 160)
        i = next(i for i in range(len(_KINDS)) if m.group(f"k{i}"))
        cls, head = _KINDS[i][1], offset + m.start(f"k{i}")
        start = _start(nodes, offset + m.start("words"), head)
        words = _LEADING.sub("", text[start:place.end])
        start = place.end - len(words)
        if start > head or cls == "UnofficialCrossing" and not _UNOFFICIAL.search(words):
            continue
        if _NOT_PLACED.match(words) or any(n.start < place.end < n.end or n.start <= head < n.end for n in nodes if n is not place):
            continue
        if _PART_OF.match(text, place.end) or re.search(r"['’]s$", place.words):
            continue  # "along the al-Qaim road": the place names a part of something larger
        opening = m.group("open") if start == offset + m.start("words") else None
        label = _DISTANCE.sub(" ", words)  # "a depot about 3 km (2 miles) west of X": the depot west of X
        ent_id = proposer.unnamed(label, cls, f"a place the text describes ({words!r}) by where it lies, in document {document}")
        entry = proposer.new.get(ent_id)
        if entry is not None:  # the text's own words, with a count before them ("two positions near al-Hari")
            entry.aliases += [w for w in (words, f"{opening} {words}" if opening and opening.lower() in _COUNTS else "")
                              if w and w != label and w not in entry.aliases]
        node = Node(start, place.end, ent_id, proposer.types[ent_id], words, "new", how=DESCRIBED)
        out_nodes.append(node)
        proposer.described[ent_id] = place
        prop = "onBorder" if _ALONG.match(m.group("placed")) and is_a(place.type, LB + "Border") else "near"
        if proposer.allowed(node, prop, place):
            facts.append(Proposed(ent_id, prop, place.id, f"{words!r}: {_article(cls)} {cls} placed by {place.words!r}"))
    return out_nodes, facts


def _start(nodes: list[Node], start: int, head: int) -> int:
    """Where the description starts: at the start of a name its first word is inside ("Hashd al-Shaabi checkpoint")."""
    return next((n.start for n in nodes if n.start < start < n.end <= head), start)


def _article(word: str) -> str:
    return "an" if word[0] in "AEIOU" else "a"
