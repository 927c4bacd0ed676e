"""The spellings of one name meet; different names stay apart."""

from __future__ import annotations

import pytest

from kg.names import fold, is_article, skeleton

SAME = [
    ("Kataib Hezbollah", "Kata'ib Hezbollah", "Kata’aib Hezbollah", "Kataeb Hizballah", "Kataib Hizbullah"),
    ("Hezbollah", "Hizballah", "Hizbullah", "Hizbollah"),
    ("Albu Kamal", "Abu Kamal", "Albukamal", "al-Bukamal", "Al Bukamal", "Albukmal"),
    ("al-Qaim", "Al Qa'im", "Al-Qaim", "al-Qāʾim", "Qaim"),
    ("Deir ez-Zor", "Deir al-Zor", "Dayr az Zawr", "Deir Ezzor"),
    ("al-Baghouz", "Baghuz", "Al Bāghūz"),
    ("Harakat Hezbollah al-Nujaba", "Harakat Hizballah al-Nujaba"),
]
DIFFERENT = [("Iran", "Iraq"), ("Kataib Hezbollah", "Kataib Sayyid al-Shuhada"), ("al-Qaim", "al-Tanf"),
             ("Hezbollah", "Harakat Hezbollah al-Nujaba"), ("Albu Kamal", "al-Mayadin"), ("Damascus", "Deir ez-Zor")]


@pytest.mark.parametrize("spellings", SAME, ids=lambda s: s[0])
def test_spellings_of_one_name_share_a_skeleton(spellings):
    assert len({skeleton(s) for s in spellings}) == 1, {s: skeleton(s) for s in spellings}


@pytest.mark.parametrize("pair", DIFFERENT, ids=lambda p: f"{p[0]}/{p[1]}")
def test_different_names_do_not(pair):
    assert skeleton(pair[0]) != skeleton(pair[1])


def test_fold_keeps_words_and_drops_marks():
    assert fold("Kata’ib  Hezbollah") == "kataib hezbollah"
    assert fold("al-Qāʾim") == "al qaim"
    assert fold("Ālbū Kamāl") == "albu kamal"
    assert fold("Deir ez–Zor (Syria)") == "deir ez zor syria"


def test_the_article_standing_alone_is_known_as_one():
    words = fold("al-Qaim, Deir ez-Zor, ash-Sham, Albu Kamal").split()
    assert [w for w in words if is_article(w)] == ["al", "ez", "ash"]
