"""Dates compared: overlapping periods, bounds, durations, relative dates, events, datelines."""

from __future__ import annotations

import pytest

from factcheck.rules.consistency import AGREE, CONFLICT, UNRELATED, compare
from factcheck.rules.quantities import extract_dates
from tests.rules.helpers import case_outcome, cases, outcome


@pytest.mark.parametrize("case", cases("compare_dates"))
def test_labelled_date_pairs(case):
    assert case_outcome(case) == case["outcome"]


def test_year_agrees_with_the_same_year_in_other_wording():
    assert outcome("2024", "in 2024") == AGREE
    assert outcome("Production starts in 2024.", "Production is to start in March 2024.", "date") == AGREE


def test_different_months_conflict():
    assert outcome("March 2021", "August 2021") == CONFLICT
    assert (
        outcome("Xiaomi bought Deepmotion in March 2021.", "Xiaomi bought Deepmotion in August 2021.")
        == CONFLICT
    )


def test_durations_compare_in_months():
    assert outcome("over ten years", "over the next decade") == AGREE
    assert outcome("over five years", "over the next decade") == CONFLICT


def test_date_bounds():
    assert outcome("He was born before 1967.", "He was born on 16 July 1965.") == AGREE
    assert outcome("He was born after 1967.", "He was born on 16 July 1965.") == CONFLICT


def test_relative_dates_compare_once_resolved():
    claim, evidence = "Xiaomi bought Deepmotion last August.", "Xiaomi bought Deepmotion in August 2021."
    assert outcome(claim, evidence, "date", claim_date="2022-03-01") == AGREE
    assert outcome(claim, evidence, "date", claim_date="2023-03-01") == CONFLICT
    assert outcome(claim, evidence, "date") == UNRELATED


def test_dates_of_different_events_do_not_conflict():
    claim = "Xiaomi bought Deepmotion in 2021."
    assert all(f.outcome != CONFLICT for f in compare(claim, "Deepmotion, founded in 2017, makes maps."))
    assert outcome(claim, "Xiaomi agreed to buy Deepmotion in 2020.", "date") == CONFLICT


def test_datelines_are_not_facts_of_the_report():
    evidence = "BEIJING, August 25, 2021 (Newsdesk) - Xiaomi has agreed to buy Deepmotion, a start-up."
    dates = extract_dates(evidence)
    assert dates[0].dateline
    findings = compare("Xiaomi's first factory will be built in Shanghai in 2025.", evidence)
    assert all(f.outcome != CONFLICT for f in findings)


@pytest.mark.parametrize(
    ("text", "stamp"),
    [
        ("(meta data) PUBLISHED DATETIME: 2016-01-12 Skip to content", True),
        ("Updated: 3 May 2021. The plant opened.", True),
        ("www.ft.com, accessed 18 April 2020, France has reported 19,323 deaths.", True),
        ("Retrieved March 3, 2019.", True),
        ("By Neil Genzlinger May 10, 2018 Charlie Russell, a naturalist, died on May 7.", True),
        ("The plant was built by Xiaomi in 2021.", False),
        ("The report was published on 3 March 2020.", False),  # a publication the text reports
    ],
)
def test_a_pages_own_stamp_dates_nothing_it_reports(text, stamp):
    assert extract_dates(text)[0].dateline is stamp


def test_a_publication_stamp_does_not_conflict_with_the_claims_date():
    evidence = "(meta data) PUBLISHED DATETIME: 2016-01-12 Charlie Russell, who befriended bears, died."
    findings = compare("Charlie Russell died in Calgary on May 7, 2018.", evidence)
    assert all(f.outcome != CONFLICT for f in findings)


def test_decades_centuries_year_ranges_and_offsets():
    assert extract_dates("in the 1970's")[0].label() == "the 1970s"
    assert extract_dates("built between 1998 and 2002")[0].label() == "1998-2002"
    assert (
        outcome("The tower was being built in 1999.", "The tower was built between 1998 and 2002.") == AGREE
    )
    offset = extract_dates("He retired 10 years after the year 2000.")[-1]
    assert offset.relative == "offset"
    assert all(
        f.outcome != CONFLICT for f in compare("He retired 10 years after 2000.", "He retired in 2010.")
    )
    assert outcome("She was born in 1992 or later.", "She was born on January 8, 2000.") == AGREE
    assert outcome("It was released before the year 2007.", "It was released in November 1978.") == AGREE


def test_hedged_durations_never_conflict():
    claim, evidence = "The race lasted less than 20 days.", "The race finished ten days later."
    assert all(f.outcome != CONFLICT for f in compare(claim, evidence))


def test_day_bounds_and_shared_years_of_different_events():
    evidence = "He was appointed coach on 24 November 2008."
    assert outcome("He was appointed coach before 24 November 2008.", evidence) == CONFLICT
    assert outcome("He was appointed coach before 25 November 2008.", evidence) == AGREE
    claim = "She was murdered in 1919."
    evidence = "She (born 15 July 1919, died 8 February 1999) was a novelist."
    assert all(f.outcome == UNRELATED for f in compare(claim, evidence) if f.kind == "date")
