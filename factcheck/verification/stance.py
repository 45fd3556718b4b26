"""The stance of one span towards one claim: supports, contradicts or neutral, with a reason.

The rules run in order; the first that speaks decides:

1. a span about another subject (:mod:`.rationale`) is neutral, whatever the model says;
2. a span that contains the claim word for word supports it (identity and sub-span);
3. a figure, date, rank or name conflict found by :mod:`factcheck.rules.consistency` on a span about the
   same subject contradicts (figures, dates and ranks are decisive);
4. the model's "contradicts" counts, unless the figures and dates of claim and span agree, nothing
   conflicts and the texts do not differ by a negation: then it rests on figures that in fact agree;
5. the model's "entails" supports (lower bar when an agreeing figure backs it);
6. otherwise the span is neutral.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from factcheck.domain import Stance
from factcheck.verification.rationale import OTHER, SAME
from factcheck.verification.spans import Candidate

VALUE_KINDS = frozenset({"number", "money", "date", "rank"})
_TOKEN = re.compile(r"[\w€$£¥%]+(?:[.,']\w+)*")
_NEGATION = re.compile(r"\b(?:not|no|never|neither|nor|none|without|n't|cannot|denied|denies|deny)\b", re.I)


@dataclass(frozen=True)
class StanceThresholds:
    """Calibrated probabilities and strengths at which a span takes a side (see ``Verifier``)."""

    support: float = 0.5
    contradict: float = 0.5
    relevance: float = 0.35
    agree_support: float = 0.35
    lexical_relevance: float = 0.5
    conflict_strength: float = 0.5


def shorten(text: str, limit: int = 90) -> str:
    """One line of at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text.replace("’", "'"))]


def contains_claim(claim: str, span: str) -> bool:
    """Whether the span says the claim word for word (punctuation and case aside), with no negation just
    before it."""
    needle, hay = _tokens(claim), _tokens(span)
    if len(needle) < 3 or len(needle) > len(hay):
        return False
    for i in range(len(hay) - len(needle) + 1):
        if hay[i : i + len(needle)] == needle:
            before = " ".join(hay[max(0, i - 3) : i])
            return not _NEGATION.search(before)
    return False


def negation_differs(claim: str, span: str) -> bool:
    """Whether one text is negated and the other is not."""
    return bool(_NEGATION.search(claim)) != bool(_NEGATION.search(span))


def _conflicts(findings: list[Any], strength: float) -> list[Any]:
    return [f for f in findings if f.outcome == "conflict" and f.evidence_mention and f.strength >= strength]


def _where(candidate: Candidate) -> str:
    return candidate.passage.doc_id


def _set(candidate: Candidate, stance: Stance, score: float, why: str) -> None:
    candidate.stance, candidate.score, candidate.why = stance, score, why


def decide(claim_text: str, candidate: Candidate, limits: StanceThresholds) -> None:
    """Sets ``candidate.stance``, ``score`` and ``why`` from its model probabilities and findings."""
    entail, contra, _ = candidate.probs
    candidate.value_conflict = False
    quoted = f'corpus says "{shorten(candidate.text)}" ({_where(candidate)})'
    if candidate.about == OTHER:
        _set(candidate, Stance.NEUTRAL, 0.0, f"about another subject ({_where(candidate)})")
        return
    if contains_claim(claim_text, candidate.text):
        _set(candidate, Stance.SUPPORTS, max(entail, 0.95), quoted)
        return
    relevant = (
        candidate.about == SAME
        or entail + contra >= limits.relevance
        or candidate.overlap >= limits.lexical_relevance
    )
    conflicts = _conflicts(candidate.findings, limits.conflict_strength)
    agrees = [f for f in candidate.findings if f.outcome == "agree" and f.kind in VALUE_KINDS]
    if conflicts and relevant:
        finding = max(conflicts, key=lambda f: f.strength)
        candidate.value_conflict = finding.kind in VALUE_KINDS
        # The comparison is exact where it speaks; how sure we are that it speaks about the same subject
        # comes from the subject alignment, the model's relevance mass or the lexical match.
        mass = 1.0 if candidate.about == SAME else max(entail + contra, min(1.0, candidate.overlap))
        score = max(contra, min(0.99, 0.5 + 0.5 * finding.strength * mass))
        said = f"corpus says {finding.evidence_mention} ({_where(candidate)})"
        _set(candidate, Stance.CONTRADICTS, score, f"{said}, claim says {finding.claim_mention}")
        return
    if contra >= limits.contradict and contra > entail:
        if agrees and not negation_differs(claim_text, candidate.text):
            # The figures agree and nothing conflicts: the model's doubt is no contradiction.
            if entail >= limits.agree_support:
                _set(candidate, Stance.SUPPORTS, entail, quoted)
            else:
                _set(candidate, Stance.NEUTRAL, entail, f"figures agree ({_where(candidate)})")
            return
        _set(candidate, Stance.CONTRADICTS, contra, quoted)
    elif entail >= limits.support or (agrees and entail >= limits.agree_support and entail > contra):
        _set(candidate, Stance.SUPPORTS, entail, quoted)
    else:
        _set(candidate, Stance.NEUTRAL, entail + contra, "")
