"""The word tables: one copy each, read by every stage, and the normalisation of words."""

from __future__ import annotations

import re

import pytest

from factcheck.corpus import index
from factcheck.rules import lexicon
from factcheck.sources import markup


def test_month_names_numbers_and_pattern_agree():
    assert len(lexicon.MONTH_NAMES) == 12 and lexicon.MONTHS["september"] == lexicon.MONTHS["sept"] == 9
    pattern = re.compile(rf"^{lexicon.MONTH_RE}$")
    for written in ("August", "Aug", "Aug.", "Sept.", "Sep", "May", "December"):
        assert pattern.match(written), written
    for other in ("august", "Augustus", "Mayday", "Sepember"):
        assert not pattern.match(other), other


def test_other_stages_read_the_lexicons_tables():
    assert markup.MONTHS is lexicon.MONTHS and markup.MONTH_RE is lexicon.MONTH_RE
    assert index.STOPWORDS is lexicon.FUNCTION_WORDS
    assert lexicon.FUNCTION_WORDS < lexicon.STOPWORDS
    assert markup.parse_date("Sept. 1, 2021") == "2021-09-01"


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("bought", "buy"),
        ("paid", "buy"),
        ("Employees", "employee"),
        ("staff", "employee"),
        ("factories", "factory"),
        ("plants", "factory"),
        ("closing", "complete"),
        ("stopped", "stop"),
        ("Xiaomi's", "xiaomi"),
        ("analysis", "analysis"),
    ],
)
def test_normalise_word_meets_inflections_and_synonyms(word, key):
    assert lexicon.normalise_word(word) == key


def test_plurals_and_compact_word_lists():
    assert lexicon.is_plural("cars") and lexicon.is_plural("people") and not lexicon.is_plural("bus")
    assert lexicon.words(" a  b\nc ") == ["a", "b", "c"]
    assert lexicon.UNITS["km"] == ("length", 1e3) and lexicon.SCALE_WORDS["bn"] == 1e9


def test_the_span_ranking_stop_words_are_a_subset_of_the_stop_words():
    from factcheck.rules.lexicon import MATCH_STOPWORDS, STOPWORDS

    assert MATCH_STOPWORDS < STOPWORDS
    assert {"million", "year", "around"} <= STOPWORDS - MATCH_STOPWORDS
