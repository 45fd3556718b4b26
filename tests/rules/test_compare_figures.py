"""Figures and money compared: intervals, bounds, currencies, counted nouns."""

from __future__ import annotations

import pytest

from factcheck.rules.consistency import AGREE, CONFLICT, UNRELATED, compare
from tests.rules.helpers import case_outcome, cases, outcome


@pytest.mark.parametrize("case", cases("compare_figures"))
def test_labelled_figure_pairs(case):
    assert case_outcome(case) == case["outcome"]


def test_hedged_money_agrees_with_same_amount_in_other_wording():
    assert outcome("about €70M", "roughly 70 million euros") == AGREE
    assert outcome("about €70M", "€72 million") == AGREE


def test_tenfold_money_error_is_a_conflict_with_a_reason():
    [finding] = compare("€700M", "€70M")
    assert finding.outcome == CONFLICT and finding.kind == "money"
    assert finding.reason == "claim says €700 million; evidence says €70 million (10x)"
    f = compare(
        "Xiaomi paid €700 million for Deepmotion.", "Xiaomi bought Deepmotion for about €70 million."
    )[0]
    assert f.outcome == CONFLICT
    assert f.reason == "claim says €700 million; evidence says about €70 million (10x)"


def test_lower_bound_above_the_evidence_is_a_conflict():
    assert outcome("more than 450,000", "300,000") == CONFLICT
    assert outcome("more than 450,000 cars", "about 950,000 cars") == AGREE


def test_currencies_are_never_converted():
    findings = compare("70 million US dollars", "77.4 million US dollars, roughly 70 million euros")
    money = [f for f in findings if f.kind == "money"]
    assert len(money) == 1 and money[0].outcome == CONFLICT
    assert money[0].evidence_mention == "77.4 million US dollars"
    assert outcome("Xiaomi paid 70 million US dollars.", "Xiaomi paid roughly 70 million euros.") == UNRELATED


def test_figures_counting_different_things_are_unrelated():
    assert (
        outcome("The EV unit has 300 employees.", "The Beijing plant can build 300,000 cars a year.")
        == UNRELATED
    )
    assert (
        outcome("The EV unit has 300 employees.", "The EV unit builds 300 cars a week.", "number")
        == UNRELATED
    )


def test_each_claim_figure_meets_its_best_matching_evidence_figure():
    evidence = "The plant employs 1,200 people and will build 300,000 cars a year from 2024."
    assert outcome("The plant will build 300,000 cars a year.", evidence, "number") == AGREE
    assert outcome("The plant employs 1,200 workers.", evidence, "number") == AGREE
    assert outcome("The plant will build 200,000 cars a year.", evidence, "number") == CONFLICT
    f = [f for f in compare("The plant will build 200,000 cars.", evidence) if f.kind == "number"][0]
    assert f.evidence_mention == "300,000 cars"


def test_conflict_only_when_no_related_evidence_figure_agrees():
    evidence = "Xiaomi paid €70 million in cash and €10 million in shares for Deepmotion."
    assert outcome("Xiaomi paid €70 million for Deepmotion.", evidence) == AGREE


def test_an_upper_bound_in_the_evidence_does_not_establish_an_exact_claim():
    assert outcome("Brenner will spend €700 million.", "Brenner will spend up to €1 billion.") == UNRELATED
    assert outcome("Brenner will spend €700 million.", "Brenner will spend up to €500 million.") == CONFLICT
    assert outcome("Spotify has more than 600 million users.", "Spotify has 615 million users.") == AGREE
    assert outcome("The album sold over 79,000 copies.", "The album sold 79,000 copies.") == CONFLICT


def test_a_figure_the_claim_repeats_is_no_counterpart_of_its_other_figures():
    # VitaminC real revision (dev half): "aged 70" is said on both sides; 75 is no "70"
    claim = (
        "After 30 March, 75 of 89 which is more than 83% of COVID-19 deaths "
        "were from patients aged 70 or older."
    )
    span = "As of March 30, 46 of 56 (82%) COVID-19 deaths were in patients aged 70 or older."
    pairs = {
        f.claim_mention: (f.evidence_mention, f.outcome) for f in compare(claim, span) if f.kind == "number"
    }
    assert pairs["70"] == ("70", AGREE)
    assert pairs["75"][0] != "70" and pairs["89"][0] != "70"
