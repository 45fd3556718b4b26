"""The claims stage's rules, driven by the JSONL case files in ``tests/claims/cases/``.

Each file is a table: a rule change shows up as a data diff. ``splits.jsonl``: a sentence and its claims;
``kinds.jsonl``: a sentence and its check-worthiness kind; ``references.jsonl``: a short draft, its claims
(references resolved), which need context and why the rest was dropped; ``headings.jsonl``: whether a
plain-text block is a heading.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.claims.checkworthy import sentence_kind
from factcheck.claims.extraction import extract, extract_claims, is_bare_heading

CASES = Path(__file__).resolve().parent / "cases"


def _cases(name: str) -> list[dict]:
    rows = [json.loads(line) for line in (CASES / name).read_text(encoding="utf-8").splitlines() if line]
    assert rows, name
    return rows


def _id(row: dict) -> str:
    return str(row.get("rule") or row.get("sentence") or row.get("block"))[:60]


@pytest.mark.parametrize("case", _cases("splits.jsonl"), ids=_id)
def test_splits(case):
    assert [c.text for c in extract_claims(case["text"], draft_date=case.get("draft_date"))] == case["claims"]


@pytest.mark.parametrize("case", _cases("kinds.jsonl"), ids=_id)
def test_sentence_kinds(case):
    assert sentence_kind(case["sentence"]) == case["kind"]


@pytest.mark.parametrize("case", _cases("references.jsonl"), ids=_id)
def test_references(case):
    result = extract(case["text"], draft_date=case.get("draft_date"))
    assert [c.text for c in result.claims] == case["claims"]
    assert [c.needs_context for c in result.claims] == case["needs_context"]
    assert [d.reason for d in result.dropped] == case["dropped"]


@pytest.mark.parametrize("case", _cases("headings.jsonl"), ids=_id)
def test_bare_headings(case):
    assert is_bare_heading(case["block"], case["raw_line"]) is case["heading"]
