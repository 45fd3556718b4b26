"""Names compared: places in one slot, the wrong company for the right figure, the evidence's subject."""

from __future__ import annotations

import pytest

from factcheck.rules.consistency import AGREE, CONFLICT, UNRELATED, compare
from tests.rules.helpers import case_outcome, cases, outcome


def by_kind(claim: str, evidence: str, kind: str):
    return [f for f in compare(claim, evidence) if f.kind == kind]


@pytest.mark.parametrize("case", cases("compare_names"))
def test_labelled_name_pairs(case):
    assert case_outcome(case) == case["outcome"]


def test_right_figure_for_the_wrong_company_is_an_organisation_conflict():
    findings = compare(
        "BYD will invest 8.5 billion euros in cars.", "Xiaomi will invest about 8.5 billion euros in cars."
    )
    by_kind = {f.kind: f for f in findings}
    assert by_kind["money"].outcome == UNRELATED
    assert by_kind["organisation"].outcome == CONFLICT
    assert by_kind["organisation"].evidence_mention == "Xiaomi"


def test_wrong_figure_for_another_company_is_no_conflict():
    findings = compare(
        "Xiaomi's factory can build 300,000 cars a year.", "Tesla's factory can build 950,000 cars a year."
    )
    assert all(f.outcome != CONFLICT for f in findings)


def test_evidence_that_does_not_name_the_claims_company_gives_no_conflict():
    claim = "Xiaomi plans to build 300,000 cars a year at its first factory."
    other = "The start-up plans a factory in Guangdong with capacity for 100,000 cars a year."
    assert all(f.outcome != CONFLICT for f in compare(claim, other))
    own = "Xiaomi will build its first factory. The plant will have capacity for 150,000 cars a year."
    assert outcome(claim, own, "number") == CONFLICT


def test_a_shared_place_pins_the_subject_when_the_company_is_not_named():
    claim = "Xiaomi's Beijing plant can build 3 million cars a year."
    assert (
        outcome(claim, "The factory in Beijing has capacity for 300,000 cars a year.", "number") == CONFLICT
    )


def test_different_cities_in_the_same_slot_conflict():
    [place] = by_kind(
        "Xiaomi's car factory is in Shanghai.", "Xiaomi's factory in Beijing builds 300,000 cars.", "place"
    )
    assert place.outcome == CONFLICT
    assert place.reason == "claim says Shanghai; evidence says Beijing"


def test_a_place_inside_the_named_place_agrees():
    [place] = by_kind("Xiaomi is a Chinese company.", "Xiaomi, based in Beijing, makes phones.", "place")
    assert place.outcome == AGREE
    [place] = by_kind(
        "CATL is building a plant in Hungary.", "CATL plans a factory in Debrecen, Hungary.", "place"
    )
    assert place.outcome == AGREE


def test_a_city_in_the_right_country_but_the_wrong_city_conflicts():
    [place] = by_kind(
        "Volkswagen is headquartered in Munich.", "Volkswagen, headquartered in Wolfsburg, Germany.", "place"
    )
    assert place.outcome == CONFLICT


def test_places_in_unrelated_slots_are_not_conflicts():
    findings = compare("Xiaomi's car factory is in Beijing.", "Xiaomi sells phones in India and Europe.")
    assert all(f.outcome != CONFLICT for f in findings)
    assert (
        by_kind("Tesla builds cars in Shanghai.", "Tesla's chief spoke in Paris.", "place")[0].outcome
        == UNRELATED
    )


def test_same_figure_for_another_company_is_an_organisation_conflict():
    [org] = by_kind(
        "BYD will invest €8.5bn over ten years.",
        "Xiaomi will invest about €8.5bn over ten years.",
        "organisation",
    )
    assert org.outcome == CONFLICT
    assert org.claim_mention == "BYD" and org.evidence_mention == "Xiaomi"
    [rank_org] = by_kind(
        "Apple is the world's second-largest smartphone maker.",
        "Xiaomi is the world's second-largest smartphone maker.",
        "organisation",
    )
    assert rank_org.outcome == CONFLICT


def test_buyer_swapped_with_the_target_kept_is_a_conflict():
    [byd, deepmotion] = by_kind(
        "BYD bought Deepmotion for about €70M.", "Xiaomi bought Deepmotion for €70M.", "organisation"
    )
    assert byd.outcome == CONFLICT and byd.evidence_mention == "Xiaomi"
    assert deepmotion.outcome == AGREE


def test_a_pronoun_subject_is_not_taken_for_another_company():
    claim = "Last Flag Flying scored 70% on Rotten Tomatoes."
    evidence = "On review aggregator Rotten Tomatoes, the film has an approval rating of 70%."
    assert all(f.outcome != CONFLICT for f in compare(claim, evidence))
    claim = "A Dog's Purpose grossed less than $200 million worldwide."
    evidence = "It was released by Universal Pictures and grossed over $196 million worldwide."
    assert all(f.outcome != CONFLICT for f in compare(claim, evidence))


def test_same_company_agrees_and_extra_people_do_not_conflict():
    findings = compare("Lei Jun said Xiaomi will invest €8.5bn.", "Xiaomi will invest about €8.5bn.")
    assert all(f.outcome != CONFLICT for f in findings)
    [org] = by_kind("Xiaomi bought Deepmotion.", "Xiaomi EV bought Deepmotion.", "organisation")[:1]
    assert org.outcome == AGREE
