"""A sentence that repeats another document's reviewed quote is drafted with that statement's facts (kg.repeats), on
hand-made statements."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from kg.namespaces import LB
from kg.repeats import Repeats
from kg.statements import EntityRef, Fact, QuantityValue, Statement, TypedValue

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def ontology():
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT

    return load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")


def reviewed(ontology, stmt_id: str, quote: str, facts: list[tuple[str, str, object]]) -> Statement:
    """A reviewed statement of document 007 with these facts."""
    return Statement(stmt_id, SimpleNamespace(id="007"), quote, 0, len(quote), "stated", Path("statements/007.yaml"), 1,
                     facts=[Fact(s, ontology.fact_property(p), o, 1) for s, p, o in facts])


def found(repeats: Repeats, text: str, known: set[str]) -> list[tuple[str, str, object]]:
    """The facts a sentence repeats, its names found as the draft finds them (by the register's matcher, if any)."""
    mentions = repeats.matcher.find(text) if repeats.matcher else []
    return [(f.subject, f.property, f.object) for f in repeats.facts(text, mentions, known)]


KNOWN = {"smuggling-2021", "desert-militia", "border-town", "ridge-road"}


def test_a_sentence_that_repeats_a_quote_gets_its_facts_also_those_about_things_it_does_not_name(ontology):
    repeats = Repeats()
    repeats.add(reviewed(ontology, "007-004", "Since then, the Desert Militia has used the ridge road to move fuel into Border Town.", [
        ("smuggling-2021", "agent", EntityRef("desert-militia")),
        ("smuggling-2021", "passesThrough", EntityRef("ridge-road")),
        ("smuggling-2021", "date", TypedValue("2021-05", XSD + "gYearMonth")),
    ]))
    # another outlet's copy: brackets, another spelling, a curly apostrophe
    text = "Since then, the Desert Militia [one of the larger groups] has used the ridge road to move fuel into Border-Town."
    facts = repeats.facts(text, [], KNOWN)
    assert [(f.subject, f.property, f.object) for f in facts] == [
        ("smuggling-2021", "agent", "desert-militia"), ("smuggling-2021", "passesThrough", "ridge-road"),
        ("smuggling-2021", "date", "2021-05")]
    assert "repeats the words of statement 007-004 of document 007" in facts[0].reason
    assert found(repeats, "The weather in Border Town was mild in May, and the roads stayed open all month.", KNOWN) == []


def test_a_short_quote_must_be_repeated_almost_word_for_word(ontology):
    repeats = Repeats()
    repeats.add(reviewed(ontology, "007-009", "on the eastern side of the ridge road", [
        ("desert-militia", "hasPresenceIn", EntityRef("ridge-road"))]))
    assert found(repeats, "The militia keeps posts on the western side of the ridge road.", KNOWN) == []
    assert found(repeats, "The militia keeps posts on the eastern side of the ridge road.", KNOWN) == [
        ("desert-militia", "hasPresenceIn", "ridge-road")]


def test_a_quote_far_longer_than_the_sentence_is_not_repeated_by_it(ontology):
    repeats = Repeats()
    repeats.add(reviewed(ontology, "007-010", "The Desert Militia controls Border Town and the ridge road that leads from it to the river "
                         "crossing, according to residents who fled in the spring.", [
                             ("desert-militia", "controls", EntityRef("border-town"))]))
    assert found(repeats, "The Desert Militia controls Border Town.", KNOWN) == []


def test_facts_about_what_the_register_lacks_or_numbers_the_sentence_does_not_word_are_left_out(ontology):
    repeats = Repeats()
    quantity = QuantityValue(LB + "moreThan", "fighter", "more than 300 fighters", value=Decimal(300))
    repeats.add(reviewed(ontology, "007-012", "The Desert Militia sent more than 300 fighters to Border Town last year.", [
        ("desert-militia", "deployedIn", EntityRef("border-town")),
        ("desert-militia", "size", quantity),
        ("desert-militia", "deployedIn", EntityRef("river-crossing")),  # an entry the register has dropped
    ]))
    text = "The Desert Militia sent more than 300 fighters to Border Town last year."
    assert found(repeats, text, KNOWN) == [
        ("desert-militia", "deployedIn", "border-town"),
        ("desert-militia", "size", {"value": 300, "qualifier": "moreThan", "unit": "fighter", "verbatim": "more than 300 fighters"})]
    reworded = "The Desert Militia sent more than 300 trained fighters to Border Town last year."
    assert found(repeats, reworded, KNOWN) == [("desert-militia", "deployedIn", "border-town")]


def test_a_name_spelt_otherwise_is_the_same_word(ontology):
    from kg.mentions import Matcher
    from kg.register import Entity

    register = {"desert-militia": Entity("desert-militia", LB + "Militia", "Jaish al-Sahra", ("Desert Militia",), "", Path("r.yaml"), 1),
                "border-town": Entity("border-town", LB + "Settlement", "Border Town", (), "", Path("r.yaml"), 2)}
    repeats = Repeats(Matcher(register))
    repeats.add(reviewed(ontology, "007-020", "Jaish al-Sahra now holds the roads in and out of Border Town.", [
        ("desert-militia", "controls", EntityRef("border-town"))]))
    assert found(repeats, "The Desert Militia now holds the roads in and out of Border Town.", KNOWN) == [
        ("desert-militia", "controls", "border-town")]
    assert found(repeats, "Jaysh al-Sahra now holds the roads in and out of Border Town.", KNOWN) == [
        ("desert-militia", "controls", "border-town")]
    by_words = Repeats()  # without the register, only the words count
    by_words.add(reviewed(ontology, "007-020", "Jaish al-Sahra now holds the roads in and out of Border Town.", [
        ("desert-militia", "controls", EntityRef("border-town"))]))
    assert found(by_words, "The Desert Militia now holds the roads in and out of Border Town.", KNOWN) == []


def test_the_documents_a_new_one_repeats_are_named_unless_its_entry_says_it_derives_from_them(ontology):
    repeats = Repeats()
    repeats.add(reviewed(ontology, "007-004", "Since then, the Desert Militia has used the ridge road to move fuel into Border Town.", [
        ("desert-militia", "passesThrough", EntityRef("ridge-road"))]))
    repeats.facts("Since then, the Desert Militia has used the ridge road to move fuel into Border Town.", [], KNOWN)
    repeats.facts("It rained.", [], KNOWN)
    [note] = repeats.derivation(SimpleNamespace(id="009", derived_from=None))
    assert note.startswith("1 sentence(s) repeat the words of document 007") and 'derived_from: "007"' in note
    assert repeats.derivation(SimpleNamespace(id="009", derived_from="007")) == []
