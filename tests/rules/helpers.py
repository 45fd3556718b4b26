"""Shared by the rule tests: the JSONL case files and small readers of the rules' results."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factcheck.rules.consistency import compare
from factcheck.rules.quantities import extract_quantities

CASES = Path(__file__).parent / "cases"


def cases(name: str) -> list[Any]:
    """The rows of ``cases/<name>.jsonl`` as pytest parameters, each named after its text or source."""
    lines = (CASES / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    return [
        pytest.param(row, id=row.get("source") or row.get("text") or str(i)) for i, row in enumerate(rows)
    ]


def one(text: str):
    """The only quantity in ``text``."""
    found = extract_quantities(text)
    assert len(found) == 1, found
    return found[0]


def outcome(claim: str, evidence: str, kind: str | None = None, **dates) -> str:
    """The outcome of the claim's first finding of ``kind`` (or its only finding)."""
    findings = compare(claim, evidence, **dates)
    if kind is not None:
        findings = [f for f in findings if f.kind == kind]
    assert findings, compare(claim, evidence, **dates)
    return findings[0].outcome


def case_outcome(case: dict) -> str | None:
    """The outcome of a comparison case's first finding of its kind (None when there is none)."""
    findings = compare(case["claim"], case["evidence"], case.get("claim_date"), case.get("evidence_date"))
    found = [f for f in findings if f.kind == case["kind"]]
    return found[0].outcome if found else None
