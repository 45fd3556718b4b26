"""A news story as an editor pastes it: plain text, translated, with bare-line subheadings, filler, a
rhetorical question answered by a fragment, and key facts whose subject is left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.claims.extraction import extract

STORY = Path(__file__).resolve().parent / "cases" / "renova-story.txt"


@pytest.fixture(scope="module")
def result():
    return extract(STORY.read_text(encoding="utf-8"), "txt", draft_date="2024-03-04")


def test_subheadings_and_filler_give_no_claims(result):
    reasons = {d.text: d.reason for d in result.dropped}
    for heading in ("Renova Motors will build electric cars in Valencia", "A new division for cars"):
        assert reasons[heading] == "heading"
    assert reasons["News that caused quite a stir."] == "fragment"
    assert reasons["A big number for a newcomer."] == "fragment"
    assert reasons["Is this realistic?"] == "question"
    texts = " ".join(c.text for c in result.claims)
    for filler in ("quite a stir", "big number", "easy part", "What the plant", "is the tech"):
        assert filler not in texts


def test_the_question_and_its_fragment_answer_become_one_claim(result):
    aims = [c for c in result.claims if "electric cars" in c.text and "aim" in c.text]
    assert (
        len(aims) == 1
        and aims[0].text.startswith("Renova")
        and aims[0].text.endswith("aim is to make only electric cars.")
    )
    assert len(aims[0].spans) == 2  # the question and its answer
    assert not any(c.text.startswith("To make") for c in result.claims)


def test_key_facts_name_the_company(result):
    texts = [c.text for c in result.claims]
    assert (
        "Renova Auto will receive some 8.5 billion euros over ten years, according to the company's plan."
        in texts
    )
    assert "Renova Auto is led by Marta Ibáñez." in texts
    assert "Renova Auto will employ 2,000 people when the plant opens in 2026." in texts
    assert any(
        t.startswith("Renova Motors confirmed on Monday that it will invest 1,200 million euros")
        for t in texts
    )
    assert "Renova Motors is the second-largest scooter maker in Spain." in texts
    for claim in result.claims:
        if claim.has_quantity and not claim.needs_context:
            assert claim.text.split()[0] not in {"It", "Its", "The", "A", "This"} or "Sagunto" in claim.text


def test_claims_are_scored_and_explained(result):
    assert 12 <= len(result.claims) <= 22
    for claim in result.claims:
        assert claim.checkworthiness is not None and claim.checkworthiness >= result.threshold
        assert claim.kept_because
