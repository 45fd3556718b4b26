"""Who made a work: another maker of the same act of the same work, never named by the evidence, conflicts."""

from __future__ import annotations

import pytest

from factcheck.rules.compare_agents import makers
from factcheck.rules.consistency import compare
from tests.rules.helpers import cases


@pytest.mark.parametrize("case", cases("compare_agents"))
def test_labelled_maker_pairs(case):
    findings = [f for f in compare(case["claim"], case["evidence"]) if f.claim_mention == case["mention"]]
    assert findings, compare(case["claim"], case["evidence"])
    # "agree": the evidence names the claim's maker; "unrelated": it says nothing of who made the claim's work
    outcome = findings[0].outcome
    assert outcome == case["outcome"], findings[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The film was co-written and directed by Steven Spielberg.",
            {("Steven Spielberg", "written"), ("Steven Spielberg", "directed")},
        ),
        (
            "It was produced by Sonny Digital, Kanye West and Mike Dean.",
            {("Sonny Digital", "produced"), ("Kanye West", "produced"), ("Mike Dean", "produced")},
        ),
        ("Hesiod wrote the Theogony.", {("Hesiod", "written")}),
        ("The plant was built by workers from Hungary.", set()),
    ],
)
def test_makers_read_from_passive_and_active_wordings(text, expected):
    assert {(m.name.text, m.act) for m in makers(text)} == expected
