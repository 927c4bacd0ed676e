"""The seeds are the verbatim documents; the catalogue says only what each document shows."""

from __future__ import annotations

import hashlib

import yaml

from kg.corpus import NOT_STATED, load_corpus
from kg.paths import PROJECT_ROOT, Layout

LAYOUT = Layout()


def catalogue() -> list[dict]:
    return yaml.safe_load(LAYOUT.catalogue.read_text(encoding="utf-8"))


def test_five_seed_documents_each_catalogued_once():
    files = sorted(p.name for p in LAYOUT.seeds.glob("*.txt"))
    assert len(files) == 5
    assert sorted(e["file"] for e in catalogue()) == files


def test_seeds_are_byte_identical_to_the_recorded_digests():
    for entry in catalogue():
        data = (LAYOUT.seeds / entry["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["file"]


def test_catalogue_values_are_shown_by_their_documents():
    docs = load_corpus(LAYOUT.catalogue, LAYOUT.seeds)
    for entry in catalogue():
        text = docs[entry["id"]].text
        for key in ("title", "outlet", "authors", "date"):
            value = entry[key]
            if value == NOT_STATED:
                assert f"{key}_evidence" not in entry
                continue
            assert entry[f"{key}_evidence"] in text, (entry["id"], key)
        if entry["date"] != NOT_STATED:
            assert entry["date"][:4] in entry["date_evidence"]


def test_one_document_carries_no_date_and_is_marked_so():
    undated = [e["id"] for e in catalogue() if e["date"] == NOT_STATED]
    assert undated == ["003"]


def test_every_document_marks_its_off_topic_material():
    docs = load_corpus(LAYOUT.catalogue, LAYOUT.seeds)
    # Off-topic material each document carries: a marker from each span.
    markers = {
        "000": ["Follow FDD on Twitter", "Global Threat Network"],
        "001": ["free articles left", "Arab NATO", "Read more at BESA Center"],
        "002": ["Related Content", "Grand Bazaar", "Cookie Settings"],
        "003": ["Do you like this article?", "Captcha", "I did not like it."],
    }
    for doc_id, words in markers.items():
        doc = docs[doc_id]
        for word in words:
            pos = doc.text.find(word)
            assert pos >= 0, (doc_id, word)
            assert doc.excluded_at(pos, pos + len(word)), f"{doc_id}: {word!r} is not excluded"
    assert PROJECT_ROOT.joinpath("seeds", "catalogue.yaml").is_file()
