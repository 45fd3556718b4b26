"""Who holds a role: another holder of the same role of the same organisation, at the same time, conflicts."""

from __future__ import annotations

import pytest

from factcheck.rules.compare_roles import holders
from tests.rules.helpers import case_outcome, cases


@pytest.mark.parametrize("case", cases("compare_roles"))
def test_labelled_role_pairs(case):
    assert case_outcome(case) == case["outcome"]


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        ("Xiaomi chief executive Lei Jun said on Tuesday.", "Lei Jun", "chief executive"),
        ("Lei Jun, the chairman of Xiaomi, said.", "Lei Jun", "chair"),
        ("Daleport Pharma's CEO is Samuel Osei.", "Samuel Osei", "chief executive"),
        ("President Biden met the delegation.", None, None),
        ("Tesla's former CEO, Martin Eberhard, said so.", None, None),
    ],
)
def test_holders_read_from_the_usual_wordings(text, person, role):
    found = holders(text)
    assert [(h.person, h.role) for h in found] == ([(person, role)] if person else [])
