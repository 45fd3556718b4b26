"""The false contradictions that made editors stop trusting the verdicts, end to end through an index.

Each case is a true claim checked against a small newsroom archive in which other documents look alike
(another carmaker's plant and capacity, another unit's staff): it must never come out contradicted, and
the planted errors beside them still must.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.corpus.index import build_index
from factcheck.domain import Claim, Label
from factcheck.pipeline import verify_claims
from factcheck.settings import load_settings
from factcheck.verification.verifier import verify_texts

ARCHIVE = {
    "deal.md": (
        "# Xiaomi buys Deepmotion\n\nXiaomi paid about 70 million euros for Deepmotion in August 2021.\n"
    ),
    "unit.md": (
        "# Xiaomi registers its electric-car unit, Xiaomi EV\n\n"
        "The unit is led by founder Lei Jun. By late November 2021 the unit had about 300 employees.\n"
    ),
    "factory.md": (
        "# Xiaomi picks Beijing for its first car factory\n\n"
        "The plant will have capacity for 300,000 cars a year once finished.\n"
    ),
    "rival.md": (
        "# Nordvik opens its Shanghai factory\n\n"
        "Nordvik's Shanghai plant can build 450,000 cars a year. It employs 12,000 people.\n"
    ),
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory, embedder) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    for name, text in ARCHIVE.items():
        (folder / name).write_text(text, encoding="utf-8")
    index = tmp_path_factory.mktemp("archive-index")
    build_index([folder], index, load_settings(), embedder=embedder)
    return index


def _verdict(text: str, index: Path) -> Label:
    claim = Claim(id=Claim.make_id(text), text=text, start=0, end=len(text))
    return verify_claims([claim], index, load_settings())[0].label


def test_a_claim_identical_to_its_evidence_is_supported():
    claim = "The plant will build 300,000 cars a year."
    assert verify_texts(claim, [claim]).label is Label.SUPPORTED


@pytest.mark.parametrize(
    "claim",
    [
        "Xiaomi paid about 70 million euros for Deepmotion.",
        "Xiaomi paid about €70M for Deepmotion.",
        "Xiaomi EV has about 300 employees.",
        "Xiaomi's Beijing plant will be able to build 300,000 cars a year.",
        "Xiaomi bought Deepmotion in August 2021.",
    ],
)
def test_true_claims_among_look_alikes_are_never_contradicted(claim, archive):
    assert _verdict(claim, archive) is not Label.CONTRADICTED


@pytest.mark.parametrize(
    "claim",
    [
        "Xiaomi paid about 700 million euros for Deepmotion.",
        "Xiaomi EV has about 3,000 employees.",
    ],
)
def test_wrong_figures_of_the_same_subject_are_contradicted(claim, archive):
    assert _verdict(claim, archive) is Label.CONTRADICTED


def test_another_carmakers_figure_does_not_contradict(archive):
    """Nordvik's Shanghai plant builds 450,000 cars; the archive says nothing of a Xiaomi plant there."""
    assert (
        _verdict("Xiaomi's Shanghai plant can build 450,000 cars a year.", archive) is not Label.CONTRADICTED
    )
    assert _verdict("Xiaomi employs 12,000 people in Shanghai.", archive) is not Label.CONTRADICTED


def test_the_right_figure_for_the_wrong_company_is_contradicted_where_the_company_has_its_own(archive):
    assert _verdict("Xiaomi's Beijing plant can build 450,000 cars a year.", archive) is Label.CONTRADICTED
