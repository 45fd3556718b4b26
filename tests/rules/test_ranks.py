"""Ranks and ordinals: superlatives, "No. 1", placings; goals are not ranks."""

from __future__ import annotations

import pytest

from factcheck.rules.quantities import extract_quantities, extract_ranks
from tests.rules.helpers import cases


@pytest.mark.parametrize("case", cases("ranks"))
def test_ranks(case):
    text, position, scale = case["text"], case["position"], case["scale"]
    ranks = extract_ranks(text)
    assert len(ranks) == 1 and ranks[0].position == position and ranks[0].scale == scale
    assert text[ranks[0].start : ranks[0].end] == ranks[0].text
    assert not extract_quantities(text)


def test_a_goal_is_not_a_rank():
    assert extract_ranks("Xiaomi aims to become the world's largest smartphone maker.") == ()


def test_a_capitalised_ordinal_before_a_name_is_part_of_it():
    assert extract_ranks("The First Motion Picture Unit produced films.") == ()
    assert extract_ranks("He served in the Second World War.") == ()
    ranks = extract_ranks("First prize went to Xiaomi, the first carmaker to do so.")
    assert [r.position for r in ranks] == [1, 1]
