"""The entry point: every reader over any text, quickly, and a clear error for what is not text."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import FactcheckError
from factcheck.rules.consistency import compare
from factcheck.rules.quantities import extract, extract_quantities


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_no_text_makes_the_parser_or_comparison_crash(text):
    m = extract(text)
    for mention in m.quantities + m.dates + m.ranks:
        assert text[mention.start : mention.end] == mention.text
    compare(text, text[::-1])
    compare("Xiaomi paid €70M in 2021.", text)


@pytest.mark.parametrize(
    "text",
    [
        "1" * 100_000,
        "1," * 10_000,
        "9." * 10_000,
        "١٢٣٤ ٥٦٧ ８９０ ²³",
        "(" * 20_000 + "about €70M" + ")" * 20_000,
        "[" * 10_000 + "more than 450,000 cars" + "]" * 10_000,
        "between " * 10_000,
        "-" * 50_000 + "5",
        "€" * 30_000 + "7",
        "€1 " * 5_000,
    ],
)
def test_pathological_inputs_are_handled_quickly(text):
    start = time.perf_counter()
    extract(text)
    compare(text, "about €70M")
    assert time.perf_counter() - start < 5.0


def test_extraction_time_grows_linearly_with_text_size():
    unit = "Xiaomi paid about €70M for Deepmotion in August 2021; the plant builds 300,000 cars a year. "

    def timed(copies: int) -> float:
        text = unit * copies + str(copies)
        start = time.perf_counter()
        extract(text)
        return time.perf_counter() - start

    small, large = timed(1_000), timed(4_000)
    assert large < 12 * small + 0.05
    megabyte = unit * (1_000_000 // len(unit))
    start = time.perf_counter()
    found = extract(megabyte)
    assert time.perf_counter() - start < 30.0
    assert len(found.quantities) >= 2 * (1_000_000 // len(unit))


def test_non_text_is_a_clear_error_from_every_entry_point():
    from factcheck.rules.names import extract_names

    for fn in (extract, extract_names, extract_quantities):
        with pytest.raises(FactcheckError):
            fn(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "Enzymes from various bacteria and fungi [2].",
        "Species are pegged at around 1.7 million [1][4][5].",
        "Hydrolases from bacteria, and some fungi [29, 184,185,186].",
        "An injury Philip II sustained during battle in 339[1].",
    ],
)
def test_citation_markers_count_nothing(text):
    found = extract(text)
    texts = [m.text for m in (*found.quantities, *found.dates, *found.ranks)]
    assert not any("[" in t or t in {"1", "2", "4", "5", "29", "184"} for t in texts)
    # the text's own figures stay, offsets into the text unchanged
    for q in found.quantities:
        assert text[q.start : q.end] == q.text
