"""The pair read without its figures: what is cut, and when the reading is asked for at all."""

from __future__ import annotations

import pytest

from factcheck.rules.consistency import compare
from factcheck.verification.ablation import figure_free_pair, without


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Xiaomi paid about €70M for Deepmotion.", [(18, 22)], "Xiaomi paid for Deepmotion."),
        ("It opened in August 2021, early.", [(13, 24)], "It opened, early."),
        ("A 2017 British film (2017).", [(2, 6), (21, 25)], "A British film."),
        ("Overlapping 300,000 cars here.", [(12, 19), (12, 24)], "Overlapping here."),
    ],
)
def test_without_cuts_the_figure_and_its_lead_in(text, spans, expected):
    assert without(text, spans) == expected


def test_agreeing_figures_leave_both_sides():
    claim = "T2 Trainspotting is a 2017 British comedy drama film."
    span = "T2 Trainspotting is a 2017 British comedy drama book, set in Edinburgh in 2016."
    assert figure_free_pair(claim, span, list(compare(claim, span))) == (
        "T2 Trainspotting is a British comedy drama film.",
        "T2 Trainspotting is a British comedy drama book, set in Edinburgh.",
    )


@pytest.mark.parametrize(
    ("claim", "span"),
    [
        # a conflicting figure speaks for itself
        ("Xiaomi paid €700M for Deepmotion.", "Xiaomi paid €70M for Deepmotion."),
        # a price the span leaves out: the claim says more than the span, whatever the rest reads like
        ("Montero Auto paid £35 million for Halcyon Sensors.", "Montero Auto bought Halcyon Sensors in 2016"),
        # no figure at all
        ("Xiaomi bought Deepmotion.", "Xiaomi bought Deepmotion."),
    ],
)
def test_no_figure_free_reading_where_figures_do_not_all_agree(claim, span):
    assert figure_free_pair(claim, span, list(compare(claim, span))) is None
