"""The token stream: kinds and offsets, clauses, context words, digit values and precision."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.rules.tokens import (
    content_words,
    context,
    num_value,
    precision,
    sentence_bounds,
    taken_lookup,
    tokenize,
)


def test_tokens_have_kinds_and_exact_offsets():
    text = "Xiaomi's €8.5bn plant, 300,000 cars."
    tokens = tokenize(text)
    assert [(t.kind, t.text) for t in tokens] == [
        ("word", "Xiaomi's"),
        ("sym", "€"),
        ("num", "8.5"),
        ("word", "bn"),
        ("word", "plant"),
        ("sym", ","),
        ("num", "300,000"),
        ("word", "cars"),
        ("sym", "."),
    ]
    assert all(text[t.start : t.end] == t.text and t.low == t.text.lower() for t in tokens)


@given(st.text(max_size=200))
def test_every_token_points_at_its_text(text):
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.text


def test_clauses_and_the_context_around_a_mention():
    text = "Xiaomi bought Deepmotion for €70M. The plant builds cars."
    tokens = tokenize(text)
    sent = sentence_bounds(tokens, text)
    assert sent[0] == 0 and sent[-1] == 1
    money = next(i for i, t in enumerate(tokens) if t.text == "70")
    # names lose only their case; other words meet their synonyms ("bought" -> "buy")
    assert context(tokens, sent, money - 1, money + 2) == {"xiaomi", "buy", "deepmotion"}
    assert "plant" not in context(tokens, sent, money - 1, money + 2)  # another sentence
    assert content_words("The plant builds 300 cars in August.") == {"factory", "capacity", "car"}


def test_digit_values_precision_and_taken_spans():
    assert num_value(tokenize("300,000")[0]) == 300_000 and num_value(tokenize("9" * 40)[0]) is None
    assert (precision("70"), precision("72"), precision("1.25"), precision("300,000")) == (
        10.0,
        1.0,
        0.01,
        1e5,
    )
    inside = taken_lookup([(10, 20), (0, 3)])
    assert inside(0) and inside(15) and not inside(5) and not inside(20)
    assert not taken_lookup([])(0)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Xiaomi's U.S. unit paid €8.5bn.", ["Xiaomi's", "U.S", ".", "unit", "paid", "€", "8.5bn", "."]),
        (
            "AT&T sold 8,500 rock-and-roll records in the '90s.",
            ["AT&T", "sold", "8,500", "rock-and-roll", "records", "in", "the", "'", "90s", "."],
        ),
        ("the 2nd plant -- FACTCHECK_INDEX", ["the", "2nd", "plant", "-", "-", "FACTCHECK", "_", "INDEX"]),
        ("", []),
    ],
)
def test_word_spans_are_the_grammars_words(text, words):
    from factcheck.rules.tokens import word_spans

    assert [text[a:b] for a, b in word_spans(text)] == words


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abXY019 .,'’&-_()$€%\n", max_size=40))
def test_word_spans_cover_every_mark_once(text):
    from factcheck.rules.tokens import word_spans

    spans = word_spans(text)
    assert all(a < b for a, b in spans) and all(p[1] <= q[0] for p, q in zip(spans, spans[1:], strict=False))
    covered = "".join(text[a:b] for a, b in spans)
    assert covered == "".join(text.split())
