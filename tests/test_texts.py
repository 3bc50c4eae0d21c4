"""The catalogue of texts (mognad_core/texts.py): every key in Swedish and English with the same
placeholders, messages put into words at the edge, one error for an unknown language, one way
to write percentages and percentage points."""

from __future__ import annotations

import string

import pytest
from conftest import DIMIOS_SAMPLE

import mognad_core as mognad
from mognad_core import texts
from mognad_core.errors import PluginError


def _fields(words: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(words) if f}


@pytest.mark.parametrize("key", sorted(texts.CATALOGUE))
def test_every_text_has_both_languages_with_the_same_placeholders(key):
    sv, en = texts.CATALOGUE[key]
    assert sv.strip() and en.strip()
    assert _fields(sv) == _fields(en), key


def test_a_message_is_put_into_words_in_either_language():
    note = texts.Message("read.no_answers", count=2, rows=texts.rows([8, 9]))
    assert note.text("en") == (
        "2 row(s) without an answer to any statement were not counted as respondents "
        "(rows 8 and 9)."
    )
    assert (
        note.text("sv")
        == str(note)
        == ("2 rad(er) utan svar på något påstående räknades inte som svarande (raderna 8 och 9).")
    )
    same = texts.Message("read.no_answers", count=2, rows=texts.rows([8, 9]))
    assert note == same and len({note, same}) == 1  # notes are deduplicated by key and data
    assert note != texts.Message("read.no_answers", count=2, rows=texts.rows([8]))
    assert texts.words([note, "plain"], "en")[1] == "plain"
    with pytest.raises(KeyError, match=r"no text 'no\.such\.key'"):
        texts.Message("no.such.key")


def test_rows_and_listings():
    assert texts.rows([4]).text("sv") == "rad 4"
    assert texts.rows(range(1, 12), limit=3).text("en") == "rows 1, 2, 3, ... (11 in all)"
    assert texts.listing(["a", "b"]) == "a, b"
    more = texts.listing([str(i) for i in range(10)], limit=8)
    assert more.text("sv") == "0, 1, 2, 3, 4, 5, 6, 7 och 2 till"
    assert more.text("en").endswith("7 and 2 more")


def test_numbers_in_each_language():
    assert texts.pct(0.626, "sv", 1) == "62,6 %" and texts.pct(0.626, "en", 1) == "62.6 %"
    assert texts.pct(None) == "–" and texts.pct(float("nan")) == "–"
    assert texts.pp(0.031, "sv") == "+3,1 p.e." and texts.pp(-0.031, "en") == "−3.1 pp"
    assert texts.pp(0.0, "sv", long=True) == "±0,0 procentenheter"
    assert texts.join(["a", "b", "c"], "sv") == "a, b och c"
    assert texts.join(["a", "b"], "en") == "a and b"


@pytest.mark.parametrize("lang", ["de", "SV", "", None, "english"])
def test_an_unknown_language_is_one_clear_error(lang):
    with pytest.raises(texts.UnknownLanguage, match="sv \\(svenska\\) eller en") as err:
        texts.text("word.and", lang)
    assert err.value.exit_code == 2
    with pytest.raises(texts.UnknownLanguage):
        texts.Texts(lang)
    with pytest.raises(texts.UnknownLanguage):
        mognad.score(DIMIOS_SAMPLE, "dimios", lang=lang)


def test_plugins_add_texts_but_cannot_overwrite():
    texts.add({"test_texts.hello": ("hej", "hello")}, owner="test")
    try:
        assert texts.text("test_texts.hello", "en") == "hello"
        texts.add({"test_texts.hello": ("hej", "hello")}, owner="test")  # the same: harmless
        with pytest.raises(PluginError, match="already in the catalogue"):
            texts.add({"test_texts.hello": ("tjena", "hi")}, owner="other")
        with pytest.raises(PluginError, match="pair"):
            texts.add({"test_texts.bad": "hej"}, owner="other")  # type: ignore[dict-item]
    finally:
        texts.CATALOGUE.pop("test_texts.hello", None)
