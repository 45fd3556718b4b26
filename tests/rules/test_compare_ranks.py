"""Ranks compared: positions of one superlative; bare ordinals never conflict."""

from __future__ import annotations

import pytest

from factcheck.rules.consistency import AGREE, CONFLICT, compare
from tests.rules.helpers import case_outcome, cases, outcome


@pytest.mark.parametrize("case", cases("compare_ranks"))
def test_labelled_rank_pairs(case):
    assert case_outcome(case) == case["outcome"]


def test_ranks_conflict_when_positions_differ():
    assert outcome("second-largest", "largest") == CONFLICT
    assert outcome(
        "Xiaomi is the second-largest smartphone maker.", "Xiaomi is the largest smartphone maker."
    ) == (CONFLICT)
    assert (
        outcome("BYD is China's largest carmaker.", "BYD is the biggest carmaker in China.", "rank") == AGREE
    )


def test_bare_ordinals_name_different_things_rather_than_conflict():
    findings = compare(
        "Xiaomi also plans a second plant in Wuhan.", "Xiaomi will build its first factory in Beijing."
    )
    assert all(f.outcome != CONFLICT for f in findings)
