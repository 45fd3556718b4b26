"""Rationale selection: which spans are about the claim's subject (cases in cases/aboutness.jsonl)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.verification.context import in_context, refers_back
from factcheck.verification.rationale import aboutness

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "cases" / "aboutness.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.mark.parametrize("case", CASES, ids=[c["why"] for c in CASES])
def test_aboutness(case):
    got = aboutness(case["claim"], case["span"], case["title"], case["passage"] or case["span"])
    assert got == case["expected"], case["why"]


def test_a_span_is_read_with_its_title():
    span = "By late November 2021 the unit had about 300 employees."
    title = "Xiaomi registers its electric-car unit, Xiaomi EV"
    assert in_context(span, title) == f"{title}: {span}"
    assert in_context(span, None) == span
    assert in_context(f"{title} today.", title) == f"{title} today."  # the span already opens with it


def test_references_back():
    assert refers_back("The unit had about 300 employees.")
    assert refers_back("It will start production in 2024.")
    assert not refers_back("Xiaomi will start production in 2024.")
