"""Register entries whose label is a description rather than a name ("Roads in and out of al-Qaim", "Iraqi side of the
Iraq–Syria border"), found where the text words the description: "the roads in and out of al-Qaim", "the Iraqi side of
the border". The text's words, from the label's first word to its last (its head), must all be the label's, in its
order (the text may leave label words out: "Iraq–Syria"); the label must be the only one they fit.
"""

from __future__ import annotations

import re

from .names import fold
from .propose import Node

MIN_WORDS = 4  # a label this long with a word in lower case is a description
_WORD = re.compile(r"[\w’'–-]+")


def described(text: str, nodes: list[Node], labels: dict[str, str], types: dict[str, str]) -> list[Node]:
    """Nodes for the descriptions of a sentence that word a register label, where no node reaches out of them (the
    names inside one, al-Qaim in "the roads in and out of al-Qaim", are part of it)."""
    tokens = [(m.start(), m.end(), fold(m.group(0))) for m in _WORD.finditer(text)]
    found: dict[tuple[int, int], set[str]] = {}
    for ent_id, label in labels.items():
        words = [fold(w) for w in _WORD.findall(label)]
        if len(words) < MIN_WORDS or not any(w.islower() for w in _WORD.findall(label)[1:]):
            continue
        for i, (start, _, word) in enumerate(tokens):
            if word != words[0]:
                continue
            j, k = i, 0  # text token, label word
            while j < len(tokens) and k < len(words):
                if tokens[j][2] == words[k]:
                    j += 1
                k += 1
            last = tokens[j - 1]
            if j - i >= 3 and last[2] == words[-1]:
                found.setdefault((start, last[1]), set()).add(ent_id)
    out = []
    for (start, end), ids in found.items():
        if len(ids) == 1 and not any(n.start < end and start < n.end and not (start <= n.start and n.end <= end) for n in nodes):
            ent_id = ids.pop()
            out.append(Node(start, end, ent_id, types[ent_id], text[start:end], "reference", how="words of its label"))
    return out
