"""One verdict per claim from the stances of its spans.

- **Contradicted** only by a span about the claim's subject: a conflicting figure, date or rank on such a
  span, or a contradiction on the best-matching span itself (within ``match_margin`` of the best lexical
  match; a span not known to be about the claim's subject must also give half the claim's words). A
  contradiction on a weaker-matching span is a distractor and cannot pull the verdict down (MiniCheck /
  AlignScore take the best-matching chunk; "max contradiction over all sentences" is the known
  anti-pattern).
- **Supported** only with an entailing span.
- Otherwise **unverified**. A claim flagged ``needs_context`` (its subject could not be resolved) is at most
  unverified.

When a decisive contradiction and a support meet, a conflicting figure wins; otherwise independent
documents corroborate each side (noisy-OR over the best span of each document).
"""

from __future__ import annotations

import math

from factcheck.domain import Claim, Evidence, Label, Stance, Verdict
from factcheck.verification.rationale import OTHER, SAME
from factcheck.verification.spans import Candidate
from factcheck.verification.stance import shorten

NO_EVIDENCE = "no relevant evidence in corpus"
# How much better (share of the claim's words) a supporting span must match than a conflicting figure's.
_CLEARLY_BETTER = 0.15
# The share of the claim's words a span not known to be about its subject must give to contradict it.
_UNNAMED_MATCH = 0.5
NEEDS_CONTEXT = "the claim does not say who or what it is about, so the corpus cannot contradict it"


def _corroboration(spans: list[Candidate]) -> float:
    """How strongly a set of spans backs one side: noisy-OR over the best span of each document."""
    best: dict[str, float] = {}
    for span in spans:
        best[span.passage.doc_id] = max(best.get(span.passage.doc_id, 0.0), span.score)
    return 1.0 - math.prod(1.0 - score for score in best.values())


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.passage.doc_id == b.passage.doc_id and a.start < b.end and b.start < a.end


def decisive_contradictions(spans: list[Candidate], match_margin: float) -> list[Candidate]:
    """The contradicting spans that may decide: figure conflicts on spans that name the claim's subject, and
    contradictions on the best-matching span not about another subject; strongest first."""
    usable = [c for c in spans if c.about != OTHER]
    if not usable:
        return []
    best_match = max(c.overlap for c in usable)
    decisive = [
        c
        for c in usable
        if c.stance is Stance.CONTRADICTS
        and (
            (c.value_conflict and c.about == SAME)
            or (c.overlap >= best_match - match_margin and (c.about == SAME or c.overlap >= _UNNAMED_MATCH))
        )
    ]
    return sorted(decisive, key=lambda c: (not c.value_conflict, -c.score))


def _evidence(candidate: Candidate) -> Evidence:
    return Evidence(
        doc_id=candidate.passage.doc_id,
        text=candidate.text,
        start=candidate.start,
        end=candidate.end,
        score=round(float(candidate.score), 4) if not math.isnan(candidate.score) else 0.0,
        stance=candidate.stance,
        title=candidate.passage.title,
        doc_version=candidate.passage.doc_version,
    )


def contradiction_wins(supports: list[Candidate], contradicts: list[Candidate]) -> bool:
    """Evidence on both sides: a conflicting figure wins unless a supporting span matches the claim clearly
    better (then the figure belongs to another event of the same subject, "founded in 2017" beside "agreed
    to buy in August 2021"); otherwise independent documents corroborate each side."""
    if not supports:
        return bool(contradicts)
    if not contradicts:
        return False
    figures = [c for c in contradicts if c.value_conflict]
    if figures:
        return max(c.overlap for c in figures) + _CLEARLY_BETTER > supports[0].overlap
    return _corroboration(contradicts) >= _corroboration(supports)


def _pick_side(supports: list[Candidate], contradicts: list[Candidate]) -> tuple[list, list, bool]:
    """Resolves evidence on both sides, once: the (supports, contradicts) that remain and whether the
    contradiction won."""
    contradicted = contradiction_wins(supports, contradicts)
    winner = contradicts[0] if contradicted else supports[0]
    # A window and the sentence inside it disagreeing is the model hesitating over one piece of
    # evidence, not two sources in conflict.
    if contradicted:
        return [c for c in supports if not _overlaps(c, winner)], contradicts, True
    return supports, [c for c in contradicts if not _overlaps(c, winner)], False


def aggregate(claim: Claim, spans: list[Candidate], match_margin: float = 0.1) -> Verdict:
    """The verdict on ``claim`` from its scored spans."""
    if not spans:
        return Verdict(claim, Label.UNVERIFIED, 1.0, NO_EVIDENCE, (), {"unverified": 1.0})
    supports = sorted(
        (c for c in spans if c.stance is Stance.SUPPORTS), key=lambda c: (not c.verbatim, -c.score)
    )
    contradicts = decisive_contradictions(spans, match_margin)
    if claim.needs_context or (supports and supports[0].verbatim):
        # A span that says the claim word for word settles it: what conflicts is about something else.
        contradicts = []
    if supports and contradicts:
        supports, contradicts, contradicted = _pick_side(supports, contradicts)
    else:
        contradicted = bool(contradicts)
    mixed = bool(supports and contradicts)
    if contradicted:
        best, label = contradicts[0], Label.CONTRADICTED
        reason = f"contradicted: {best.why}"
        if mixed:
            reason += f'; but "{shorten(supports[0].text, 60)}" ({supports[0].passage.doc_id}) supports it'
    elif supports:
        best, label = supports[0], Label.SUPPORTED
        reason = f"supported: {best.why}"
        if mixed:
            reason += (
                f'; but "{shorten(contradicts[0].text, 60)}" ({contradicts[0].passage.doc_id}) contradicts it'
            )
    else:
        best = max(spans, key=lambda c: (c.about != OTHER, c.score, c.overlap))
        label = Label.UNVERIFIED
        if claim.needs_context and any(c.stance is Stance.CONTRADICTS for c in spans):
            reason = f"unverified: {NEEDS_CONTEXT} (closest: {best.passage.doc_id})"
        else:
            reason = f"unverified: no span supports or contradicts the claim (closest: {best.passage.doc_id})"
    return Verdict(
        claim=claim,
        label=label,
        confidence=_confidence(label, best, spans, supports, contradicts, mixed),
        reason=reason,
        evidence=tuple(
            _evidence(c)
            for c in [best] + [c for c in (supports[:1] + contradicts[:1]) if c is not best and mixed]
        ),
        probabilities={
            "supported": round(best.probs[0], 4),
            "contradicted": round(best.probs[1], 4),
            "unverified": round(best.probs[2], 4),
        },
    )


def _confidence(
    label: Label,
    best: Candidate,
    spans: list[Candidate],
    supports: list[Candidate],
    contradicts: list[Candidate],
    mixed: bool,
) -> float:
    if label is Label.UNVERIFIED:
        about = [c for c in spans if c.about != OTHER] or spans
        confidence = max(1.0 - max(max(c.probs[0], c.probs[1]) for c in about), best.probs[2])
        if not any(c.about != OTHER for c in spans):
            confidence = max(confidence, 0.9)  # every span is about another subject
    else:
        confidence = best.score
    if mixed:
        # Evidence on both sides: the verdict is less certain than its best span alone.
        other = supports[0] if label is Label.CONTRADICTED else contradicts[0]
        confidence = confidence * (1.0 - 0.5 * other.score)
    return round(float(min(max(confidence, 0.0), 1.0)), 4)
