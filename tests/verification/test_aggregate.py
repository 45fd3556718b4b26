"""Aggregation: contradicted only from the best-matching same-subject span or a figure conflict."""

from __future__ import annotations

from factcheck.domain import Claim, Label, Passage, Stance
from factcheck.verification.aggregate import aggregate
from factcheck.verification.spans import Candidate


def _claim(needs_context: bool = False) -> Claim:
    text = "Xiaomi EV has about 300 employees."
    return Claim(id="c", text=text, start=0, end=len(text), needs_context=needs_context)


def _span(doc: str, overlap: float, stance: Stance, score: float, about="same", value=False) -> Candidate:
    passage = Passage(doc_id=doc, start=0, end=10, text="x" * 10)
    probs = (score, 0.0, 1 - score) if stance is Stance.SUPPORTS else (0.0, score, 1 - score)
    return Candidate(
        0,
        passage,
        doc,
        0,
        10,
        overlap,
        probs=probs,
        stance=stance,
        score=score,
        why=doc,
        about=about,
        value_conflict=value,
    )


def test_no_spans_is_unverified():
    assert aggregate(_claim(), []).label is Label.UNVERIFIED


def test_a_contradiction_on_a_weakly_matching_span_is_a_distractor():
    spans = [_span("best", 0.9, Stance.NEUTRAL, 0.2), _span("weak", 0.4, Stance.CONTRADICTS, 0.95)]
    assert aggregate(_claim(), spans).label is Label.UNVERIFIED


def test_a_contradiction_on_the_best_matching_span_decides():
    spans = [_span("best", 0.9, Stance.CONTRADICTS, 0.9), _span("weak", 0.4, Stance.NEUTRAL, 0.1)]
    assert aggregate(_claim(), spans).label is Label.CONTRADICTED


def test_a_same_subject_figure_conflict_decides_from_any_span():
    spans = [
        _span("best", 0.9, Stance.NEUTRAL, 0.2),
        _span("staff", 0.5, Stance.CONTRADICTS, 0.9, value=True),
    ]
    verdict = aggregate(_claim(), spans)
    assert verdict.label is Label.CONTRADICTED and verdict.evidence[0].doc_id == "staff"


def test_spans_about_other_subjects_never_decide():
    spans = [_span("rival", 0.95, Stance.CONTRADICTS, 0.99, about="other", value=True)]
    verdict = aggregate(_claim(), spans)
    assert verdict.label is Label.UNVERIFIED


def test_support_needs_an_entailing_span_and_a_figure_conflict_beats_it():
    assert aggregate(_claim(), [_span("a", 0.9, Stance.SUPPORTS, 0.8)]).label is Label.SUPPORTED
    spans = [_span("a", 0.7, Stance.SUPPORTS, 0.8), _span("b", 0.65, Stance.CONTRADICTS, 0.7, value=True)]
    verdict = aggregate(_claim(), spans)
    assert verdict.label is Label.CONTRADICTED and "but" in verdict.reason


def test_a_clearly_better_matching_support_outweighs_a_figure_of_another_event():
    """ "Deepmotion, founded in 2017" conflicts with "agreed to buy Deepmotion in August 2021" on a date, but
    the span that says the purchase matches the claim far better: the date is another event's."""
    spans = [
        _span("deal", 0.95, Stance.SUPPORTS, 0.6),
        _span("founded", 0.3, Stance.CONTRADICTS, 0.8, value=True),
    ]
    verdict = aggregate(_claim(), spans)
    assert verdict.label is Label.SUPPORTED and "but" in verdict.reason


def test_a_figure_conflict_on_a_span_of_unknown_subject_decides_only_as_the_best_match():
    spans = [
        _span("best", 0.9, Stance.NEUTRAL, 0.2),
        _span("plant", 0.5, Stance.CONTRADICTS, 0.9, "unknown", True),
    ]
    assert aggregate(_claim(), spans).label is Label.UNVERIFIED


def test_a_claim_that_needs_context_is_at_most_unverified():
    spans = [_span("best", 0.9, Stance.CONTRADICTS, 0.95, value=True)]
    verdict = aggregate(_claim(needs_context=True), spans)
    assert verdict.label is Label.UNVERIFIED and "does not say who" in verdict.reason
    assert (
        aggregate(_claim(needs_context=True), [_span("a", 0.9, Stance.SUPPORTS, 0.8)]).label
        is Label.SUPPORTED
    )


def test_a_verbatim_span_settles_the_claim_over_a_figure_conflict_elsewhere():
    verbatim = _span("same-words", 0.9, Stance.SUPPORTS, 0.95)
    verbatim.verbatim = True
    other = _span("other-figure", 0.7, Stance.CONTRADICTS, 0.9, value=True)
    assert aggregate(_claim(), [other, verbatim]).label is Label.SUPPORTED


def test_figure_spans_join_the_candidates():
    from factcheck.verification.spans import candidate_spans

    text = (
        "Xiaomi will build its first car factory in Beijing. Xiaomi had weighed Wuhan and Shanghai for the "
        "factory. Xiaomi plans to start in 2024. The plant will have capacity for 200,000 cars a year."
    )
    passage = Passage(doc_id="factory", start=0, end=len(text), text=text)
    claim = Claim(
        id="c", text="Xiaomi plans to build 300,000 cars a year at its first factory.", start=0, end=10
    )
    spans = candidate_spans(0, claim, [passage], limit=2)
    assert any("200,000" in c.text for c in spans)
    assert len(candidate_spans(0, claim, [passage], limit=2, figure_spans=0)) == 2


def test_a_span_of_unknown_subject_contradicts_only_when_it_matches_the_claim_well():
    weak = [_span("best", 0.4, Stance.CONTRADICTS, 0.9, about="unknown")]
    assert aggregate(_claim(), weak).label is Label.UNVERIFIED
    close = [_span("best", 0.7, Stance.CONTRADICTS, 0.9, about="unknown")]
    assert aggregate(_claim(), close).label is Label.CONTRADICTED
    named = [_span("best", 0.4, Stance.CONTRADICTS, 0.9, about="same")]
    assert aggregate(_claim(), named).label is Label.CONTRADICTED
