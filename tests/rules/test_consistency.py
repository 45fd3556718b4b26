"""The comparison's surface: findings and their offsets, the package API, bad input, any input."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import FactcheckError
from factcheck.rules.consistency import AGREE, CONFLICT, UNRELATED, Finding, compare


def test_finding_fields_and_offsets():
    claim, evidence = "Xiaomi paid €700M.", "Xiaomi paid roughly €70M."
    f = next(f for f in compare(claim, evidence) if f.kind == "money")
    assert isinstance(f, Finding)
    assert claim[f.claim_start : f.claim_end] == f.claim_mention == "€700M"
    assert evidence[f.evidence_start : f.evidence_end] == f.evidence_mention == "roughly €70M"
    assert 0.0 <= f.strength <= 1.0
    assert f.to_dict()["outcome"] == CONFLICT
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.outcome = AGREE  # type: ignore[misc]


def test_compare_is_reachable_from_the_package_api():
    import factcheck

    assert factcheck.compare is compare


def test_bad_input_is_a_clear_error():
    with pytest.raises(FactcheckError):
        compare(None, "text")  # type: ignore[arg-type]
    assert compare("", "") == []
    assert compare("No figures here.", "Nor here.") == []


_WORDY = (
    "million |bn |about |more than |between | and |Q2 |August |the second quarter of |No. |second-largest |"
)


_PIECES = [*"0123456789,.-/ $€£%abcXYZ'()[]°\n", *_WORDY.split("|")]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(_PIECES), max_size=40).map("".join),
    st.lists(st.sampled_from(_PIECES), max_size=40).map("".join),
)
def test_findings_point_at_their_mentions_in_figure_heavy_text(claim, evidence):
    for f in compare(claim, evidence, "2022-03-01", "2021-05-05"):
        assert claim[f.claim_start : f.claim_end] == f.claim_mention
        if f.evidence_start is not None:
            assert evidence[f.evidence_start : f.evidence_end] == f.evidence_mention
        assert f.outcome in (AGREE, CONFLICT, UNRELATED) and 0.0 <= f.strength <= 1.0
