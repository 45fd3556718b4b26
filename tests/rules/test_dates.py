"""Dates, periods, durations and relative dates read from text."""

from __future__ import annotations

import pytest

from factcheck.rules.quantities import extract_dates, extract_quantities
from tests.rules.helpers import cases


@pytest.mark.parametrize("case", cases("dates"))
def test_dates_and_periods(case):
    text, granularity, label = case["text"], case["granularity"], case["label"]
    dates = extract_dates(text)
    assert len(dates) == 1, dates
    assert dates[0].granularity == granularity and dates[0].label() == label
    assert text[dates[0].start : dates[0].end] == dates[0].text
    assert not extract_quantities(text)


def test_relative_dates_resolve_with_the_document_date_and_stay_relative_without():
    resolved = extract_dates("Xiaomi bought Deepmotion last August.", "2022-03-01")
    assert resolved[0].label() == "August 2021"
    assert extract_dates("Production starts next year.", "2023-05-02")[0].label() == "2024"
    kept = extract_dates("Xiaomi bought Deepmotion last August.")
    assert kept[0].granularity == "relative" and kept[0].relative == "last august"


def test_numeric_dates_and_short_decades():
    assert extract_dates("on 25/08/2021")[0].label() == "25 August 2021"
    assert extract_dates("on 08/25/2021")[0].label() == "25 August 2021"
    assert extract_dates("on 12/11/2009")[0].label() == "2009"  # day and month cannot be told apart
    assert extract_quantities("founded in the 50's") == ()
