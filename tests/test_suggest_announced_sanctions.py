"""kg suggest's sanctions a sentence announces (kg.announced_sanctions), on hand-made sentences."""

from __future__ import annotations

from kg.announced_sanctions import announced_sanctions
from kg.namespaces import LB
from kg.propose import NewEntity, Proposed

from .test_suggest_parts import nodes_of, proposer_of

TYPES = {"canada": "Country", "atlas-freight": "Organization", "omar-haddad": "Person", "kataib-hezbollah": "Militia",
         "syria": "Country"}
NAMES = {"Canada": "canada", "Omar Haddad": "omar-haddad", "Atlas Freight": "atlas-freight", "Kataib Hezbollah": "kataib-hezbollah"}


def found(text: str, names: dict[str, str], read_as: str = "Announcement") -> tuple[set[tuple], dict]:
    proposer = proposer_of(TYPES)
    old = f"{read_as.lower()}-2023-03-01"
    proposer.new[old] = NewEntity(old, read_as, "Announced", [], "")
    proposer.types[old] = LB + read_as
    facts = [Proposed(old, "date", "2023-03-01", "")]
    names = {w: i for w, i in names.items() if w in text}
    out = announced_sanctions(proposer, text, nodes_of(proposer, text, names), facts)
    return {(f.subject, f.property, f.object) for f in out}, {k: v.type for k, v in proposer.new.items()}


def test_announced_sanctions_are_a_sanction_with_its_issuer_and_targets():
    facts, new = found("On Wednesday, Canada announced sanctions on a trader, Omar Haddad, and on the Atlas Freight firm, "
                       "which it said worked for Kataib Hezbollah.", NAMES)
    assert facts == {("sanction-2023-03-01", "date", "2023-03-01"), ("sanction-2023-03-01", "issuedBy", "canada"),
                     ("sanction-2023-03-01", "sanctionTarget", "omar-haddad"),
                     ("sanction-2023-03-01", "sanctionTarget", "atlas-freight")}
    assert new == {"sanction-2023-03-01": "Sanction"}
    # a verb of sanctioning, read as an event of no kind; an actor the targets are only linked to is none
    facts, new = found("Canada sanctioned Atlas Freight, linked to Kataib Hezbollah, on Wednesday.", NAMES, "Event")
    assert facts == {("sanction-2023-03-01", "date", "2023-03-01"), ("sanction-2023-03-01", "issuedBy", "canada"),
                     ("sanction-2023-03-01", "sanctionTarget", "atlas-freight")}


def test_an_announcement_that_does_not_impose_sanctions_stays_one():
    text = "On Wednesday, Canada announced talks with Omar Haddad on sanctions on Atlas Freight."
    facts, new = found(text, NAMES)
    assert facts == {("announcement-2023-03-01", "date", "2023-03-01")}
    assert new == {"announcement-2023-03-01": "Announcement"}
