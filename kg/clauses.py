"""The clauses of a sentence that a curator quotes apart because their modality or certainty differs from the sentence's.

News joins what happened and what someone plans, denies or expects in one sentence: "The guards completed the wall
and plan to extend it", "A spokesman denied that the trucks carried arms and said they carried fuel", "Strikes raise
the cost, but they have not closed the route". statements/README.md asks for such a sentence to be split, each clause
with its own modality. A sentence is cut where clauses are coordinated (", but", "; ", "and" before a verb of saying,
planning or denying, or a modal), each clause's modality read from its own cue words (kg.cues), and a clause whose
modality is not the whole sentence's is drafted as a statement of its own, without facts: which of the sentence's
facts it carries is the curator's call. A clause keeps the sentence's certainty unless its own words give another
("…, the official said" covers every clause before it); a clause beside one hedged by an adverb ("reportedly",
"likely") is in the text's own voice, and is drafted apart too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import Cues, read_cues

# Where coordinated clauses meet: the words before belong to the first clause, the match itself starts the next.
_JOIN = re.compile(r"(?:,\s+|\s+)(?=but\s)|;\s+|,\s+(?=and\s)|\s+(?=and\s+(?:also\s+)?(?:said|says|plans?|planned|would|will|denied|denies|"
                   r"vowed|pledged|expects?|did not|does not|has not|have not|had not|is expected|are expected)\b)")
_CONJUNCTION = re.compile(r"(?:and|but)\s+(?:also\s+)?")  # left out of the clause's quote, as curators quote it
# A clause of reported speech that opens with "would": what the speaker said they would do ("said it had opened an
# inquiry and would send envoys").
_SPEAKER_FUTURE = re.compile(r"would\s+(?!not\b|have\b|be\b)[a-z]+")
# Adverbs that hedge only the clause they stand in (unlike "…, the official said", which covers the sentence).
HEDGING_ADVERBS = {"reportedly", "allegedly", "likely", "probably", "possibly", "presumably", "potentially"}
MIN_WORDS = 4  # a shorter piece is a phrase, not a clause


@dataclass(frozen=True)
class Clause:
    start: int  # in the sentence
    end: int
    cues: Cues


def clauses(sentence: str) -> list[Clause]:
    """The coordinated clauses of a sentence whose modality differs from the whole sentence's, or that a hedging adverb
    of another clause leaves stated, with their cues."""
    whole = read_cues(sentence)
    cuts = [0] + [m.end() for m in _JOIN.finditer(sentence)] + [len(sentence)]
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        conjunction = _CONJUNCTION.match(sentence, start)
        start = conjunction.end() if conjunction else start
        text = sentence[start:end].rstrip(" ,;")
        text = text[:-1] if text.endswith(".") else text
        if len(text.split()) >= MIN_WORDS:
            pieces.append((start, start + len(text)))
    if len(pieces) < 2:
        return []
    out = []
    for start, end in pieces:
        own = read_cues(sentence[start:end])
        if own.modality == "asserted" and whole.certainty == "reported" and _SPEAKER_FUTURE.match(sentence, start):
            own = Cues(own.certainty, own.certainty_cue, own.hedge, own.attribution, "intended", "would", None)
        # a hedging adverb in another clause ("both have reportedly continued") leaves this one in the text's own voice
        hedged_elsewhere = own.certainty == "stated" and (whole.certainty_cue or "").lower() in HEDGING_ADVERBS
        if own.modality == whole.modality and not hedged_elsewhere:
            continue
        if own.certainty == "stated" and not hedged_elsewhere:
            own = Cues(whole.certainty, whole.certainty_cue, whole.hedge, whole.attribution, own.modality, own.modality_cue,
                       own.condition)
        out.append(Clause(start, end, own))
    return out


def clause_statements(doc_id: str, doc_text: str, sentence_start: int, sentence: str, whole: dict, number: int) -> list[dict]:
    """Draft statements (numbered from number) for the clauses of a drafted sentence whose modality differs from the
    whole's (the statement `whole`), without facts."""
    out = []
    for clause in clauses(sentence):
        quote = sentence[clause.start:clause.end]
        item: dict = {"id": f"{doc_id}-{number + len(out):03d}", "quote": quote}
        occurrence = doc_text.count(quote, 0, sentence_start + clause.end)
        if occurrence > 1:
            item["occurrence"] = occurrence
        item["certainty"] = clause.cues.certainty
        for key in ("attribution", "attributed_to"):
            if key in whole and clause.cues.certainty == whole["certainty"]:
                item[key] = whole[key]
        if clause.cues.hedge:
            item["hedge"] = clause.cues.hedge
        item["modality"] = clause.cues.modality
        if clause.cues.modality_cue:
            item["cue"] = clause.cues.modality_cue
        if clause.cues.condition:
            item["condition"] = clause.cues.condition
        item["facts"] = []
        item["proposal"] = {
            "why": f"a clause of statement {whole['id']} whose modality ({clause.cues.modality}) differs from the "
                   f"sentence's ({whole['modality']}): which of its facts this clause carries is the curator's to move",
            "certainty": clause.cues.certainty_cue or f"as the sentence: {whole['certainty']}",
            "modality": clause.cues.modality_cue or "no cue: asserted",
            "facts": [],
        }
        out.append(item)
    return out
