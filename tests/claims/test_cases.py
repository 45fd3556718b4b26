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

from factcheck.claims.checkworthy import find_mentions, sentence_kind
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


@pytest.mark.parametrize("case", _cases("splits.jsonl"), ids=_id)
def test_split_spans_are_nested_or_disjoint_and_state_each_figure_once(case):
    claims = extract_claims(case["text"], draft_date=case.get("draft_date"))
    for a in claims:
        for b in claims:
            disjoint = a.end <= b.start or b.end <= a.start
            nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
            assert a is b or disjoint or nested, (a.text, b.text)
    for mention in find_mentions(case["text"]):
        if case["text"].count(mention.text) > 1:
            continue  # "two presidents: A, who served two terms": the text cannot say which "two"
        inside = [c.text for c in claims if c.start <= mention.start < c.end]
        if inside:
            assert sum(mention.text in text for text in inside) == 1, (mention.text, inside)


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


def test_answers_of_factcheck_gpt_keep_exact_spans_and_state_each_figure_once(shared_data):
    """The same rules over real prose: the ChatGPT answers of factcheck-gpt (prompt and response)."""
    path = shared_data / "factcheck-gpt" / "factcheck-GPT-benchmark.jsonl"
    if not path.is_file():
        pytest.skip("factcheck-gpt is not present")
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = row["prompt"].strip() + "\n\n" + row["response"]
        claims = extract_claims(text)
        for a in claims:
            assert 0 <= a.start < a.end <= len(text)
            for b in claims:
                disjoint = a.end <= b.start or b.end <= a.start
                nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
                assert a is b or disjoint or nested, (a.text, b.text)
