"""Verification: claims and their retrieved passages in, one verdict per claim out (a Haystack component).

For each claim, its passages are cut into sentences and windows of two adjacent sentences (offsets into the
document text), the spans most likely to matter are kept (lexical overlap with the claim, figures and names
weighted up), and every claim-span pair of every claim is scored in one batched forward of the verdict model
(``factcheck.verification.model``). The deterministic quantities check
(``factcheck.rules.consistency.compare``) runs on the same pairs: a confident
figure/date/name conflict on a span that is about the same subject makes the span contradict; an agreeing
figure lifts support only together with the model.

Per claim: ``contradicted`` when a relevant span contradicts, ``supported`` when one entails and nothing
relevant contradicts, else ``unverified``; when evidence points both ways, the reason says so and the better
supported side wins. Confidence is the calibrated (temperature-scaled) probability of the deciding span.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from haystack import component, default_from_dict, default_to_dict

from factcheck.domain import Claim, Evidence, Label, Passage, Stance, Verdict
from factcheck.rules import consistency
from factcheck.settings import Settings, load_settings

NO_EVIDENCE = "no relevant evidence in corpus"
_BLANK_LINE = re.compile(r"\n\s*\n")
_VALUE_KINDS = frozenset({"number", "money", "date", "rank"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*")
_STOP = set(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "as",
        "than",
        "then",
        "there",
        "their",
        "they",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "you",
        "your",
        "not",
        "no",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "about",
        "over",
        "under",
        "into",
        "after",
        "before",
        "during",
        "while",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "how",
        "also",
        "more",
        "most",
        "less",
        "such",
        "only",
        "just",
        "said",
        "says",
    ]
)


@dataclass
class Candidate:
    """One span of a passage, scored against one claim."""

    claim_index: int
    passage: Passage
    text: str
    start: int
    end: int
    overlap: float
    probs: tuple[float, float, float] = (0.0, 0.0, 1.0)
    stance: Stance = Stance.NEUTRAL
    score: float = 0.0
    why: str = ""
    value_conflict: bool = False
    findings: list[Any] = field(default_factory=list)


def _terms(text: str) -> set[str]:
    """Content words (lower-cased, crude plural folding) and numbers without separators."""
    terms = set()
    for token in _WORD.findall(text):
        if token[0].isdigit():
            terms.add("#" + token.rstrip(".,").replace(",", ""))
            continue
        word = token.lower().strip("'-")
        if word in _STOP or len(word) < 2:
            continue
        terms.add(word[:-1] if word.endswith("s") and len(word) > 3 else word)
    return terms


def lexical_overlap(claim_terms: set[str], span_text: str) -> float:
    """Share of the claim's content terms found in the span (numbers weigh double)."""
    if not claim_terms:
        return 0.0
    span = _terms(span_text)
    weight = {t: (2.0 if t.startswith("#") else 1.0) for t in claim_terms}
    return sum(w for t, w in weight.items() if t in span) / sum(weight.values())


@lru_cache(maxsize=4096)
def _pieces(text: str) -> tuple[tuple[int, int, float], ...]:
    """Sentences and two-sentence windows of a passage as (start, end, penalty); cached because one
    passage is often retrieved for several claims of a draft."""
    from factcheck.sources.sentences import split_sentences

    sentences = split_sentences(text)
    pieces = [(s.start, s.end, 0.0) for s in sentences]
    # A window must beat its own sentences to be worth a slot: shorter spans quote more precisely.
    pieces += [
        (a.start, b.end, 0.05)
        for a, b in zip(sentences, sentences[1:], strict=False)
        if not _BLANK_LINE.search(text, a.end, b.start)  # a window stays inside one paragraph
    ]
    return tuple(pieces)


def candidate_spans(
    claim_index: int, claim: Claim, passages: Sequence[Passage], limit: int
) -> list[Candidate]:
    """Sentences and two-sentence windows of the passages, best ``limit`` by overlap with the claim."""
    claim_terms = _terms(claim.text)
    seen: set[tuple[str, int, int]] = set()
    spans: list[Candidate] = []
    for rank, passage in enumerate(passages):
        for begin, end, penalty in _pieces(passage.text):
            key = (passage.doc_id, passage.start + begin, passage.start + end)
            if key in seen:
                continue
            seen.add(key)
            text = passage.text[begin:end]
            overlap = lexical_overlap(claim_terms, text) - 0.02 * rank - penalty
            spans.append(Candidate(claim_index, passage, text, key[1], key[2], overlap))
    spans.sort(key=lambda c: -c.overlap)
    return spans[:limit]


def _shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _corroboration(spans: list[Candidate]) -> float:
    """How strongly a set of spans backs one side: noisy-OR over the best span of each document."""
    best: dict[str, float] = {}
    for span in spans:
        best[span.passage.doc_id] = max(best.get(span.passage.doc_id, 0.0), span.score)
    return 1.0 - math.prod(1.0 - score for score in best.values())


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.passage.doc_id == b.passage.doc_id and a.start < b.end and b.start < a.end


def _name(candidate: Candidate) -> str:
    return candidate.passage.doc_id


@component
class Verifier:
    """Scores each claim against precise spans of its passages and aggregates one verdict per claim."""

    def __init__(
        self,
        support_threshold: float = 0.5,
        contradict_threshold: float = 0.5,
        relevance_threshold: float = 0.35,
        agree_support_threshold: float = 0.35,
        lexical_relevance: float = 0.5,
        conflict_strength: float = 0.5,
        max_spans: int = 6,
        use_quantities: bool = True,
        model_dir: str | None = None,
        batch_size: int = 32,
    ) -> None:
        """Store the settings; the model loads in ``warm_up()``.

        ``support_threshold``/``contradict_threshold``: calibrated probability a span needs to support or
        contradict. ``relevance_threshold``: entail+contradict mass that makes a span "about the same
        subject" (a quantity conflict only counts there). ``agree_support_threshold``: the entail
        probability at which an agreeing figure is enough to support. ``lexical_relevance``: share of the
        claim's words a span must contain to count as relevant without the model. ``conflict_strength``:
        the quantity check's strength at which its conflict counts. ``max_spans``: spans per claim.
        """
        self.support_threshold = support_threshold
        self.contradict_threshold = contradict_threshold
        self.relevance_threshold = relevance_threshold
        self.agree_support_threshold = agree_support_threshold
        self.lexical_relevance = lexical_relevance
        self.conflict_strength = conflict_strength
        self.max_spans = max_spans
        self.use_quantities = use_quantities
        self.model_dir = model_dir
        self.batch_size = batch_size
        self._model = None

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Verifier:
        """A verifier configured from ``factcheck.settings`` (defaults < toml < env)."""
        settings = settings or load_settings()
        return cls(
            support_threshold=settings.support_threshold,
            contradict_threshold=settings.contradict_threshold,
            relevance_threshold=settings.relevance_threshold,
            agree_support_threshold=settings.agree_support_threshold,
            lexical_relevance=settings.lexical_relevance_threshold,
            conflict_strength=settings.quantity_conflict_strength,
            max_spans=settings.verify_spans,
        )

    def to_dict(self) -> dict[str, Any]:
        """Serialise the settings (for pipeline YAML)."""
        return default_to_dict(
            self,
            support_threshold=self.support_threshold,
            contradict_threshold=self.contradict_threshold,
            relevance_threshold=self.relevance_threshold,
            agree_support_threshold=self.agree_support_threshold,
            lexical_relevance=self.lexical_relevance,
            conflict_strength=self.conflict_strength,
            max_spans=self.max_spans,
            use_quantities=self.use_quantities,
            model_dir=self.model_dir,
            batch_size=self.batch_size,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Verifier:
        """Rebuild from ``to_dict`` output."""
        return default_from_dict(cls, data)

    def warm_up(self) -> None:
        """Load (and hash-check) the verdict model once per process."""
        if self._model is None:
            from factcheck.verification.model import VerifierModel, shared_verifier_model

            model = VerifierModel(self.model_dir) if self.model_dir else shared_verifier_model()
            model.warm_up()
            self._model = model

    @property
    def model_version(self) -> str | None:
        """The loaded model's version string (None before warm-up)."""
        return self._model.config.version if self._model is not None and self._model.config else None

    @component.output_types(verdicts=list[Verdict])
    def run(self, claims: list[Claim], passages: list[list[Passage]]) -> dict[str, list[Verdict]]:
        """One verdict per claim; ``passages[i]`` are the retrieved passages of ``claims[i]``."""
        if len(passages) != len(claims):
            from factcheck.errors import InputError

            raise InputError(f"verifier got {len(claims)} claims but {len(passages)} passage lists")
        self.warm_up()
        per_claim = [
            candidate_spans(i, claim, claim_passages, self.max_spans)
            for i, (claim, claim_passages) in enumerate(zip(claims, passages, strict=True))
        ]
        flat = [c for spans in per_claim for c in spans]
        if flat:
            probs = self._model.predict_proba(
                [(claims[c.claim_index].text, c.text) for c in flat], batch_size=self.batch_size
            )
            for candidate, row in zip(flat, probs, strict=True):
                candidate.probs = (float(row[0]), float(row[1]), float(row[2]))
        compare = consistency.compare if self.use_quantities else None
        for candidate in flat:
            self._decide_span(claims[candidate.claim_index], candidate, compare)
        return {
            "verdicts": [
                self._aggregate(claim, spans) for claim, spans in zip(claims, per_claim, strict=True)
            ]
        }

    # ------------------------------------------------------------------------------------------- spans

    def _decide_span(self, claim: Claim, candidate: Candidate, compare) -> None:
        entail, contra, _ = candidate.probs
        # "About the same subject": the model puts real mass on entail/contradict, or the words match.
        relevant = entail + contra >= self.relevance_threshold or candidate.overlap >= self.lexical_relevance
        conflicts, agrees = [], []
        if compare is not None:
            try:
                candidate.findings = list(compare(claim.text, candidate.text))
            except Exception:  # the quantity layer must never take a verdict down with it
                candidate.findings = []
            conflicts = [
                f
                for f in candidate.findings
                if f.outcome == "conflict" and f.evidence_mention and f.strength >= self.conflict_strength
            ]
            # Two texts naming the same company agree trivially: only values can lift support.
            agrees = [f for f in candidate.findings if f.outcome == "agree" and f.kind in _VALUE_KINDS]
        if conflicts and relevant:
            finding = max(conflicts, key=lambda f: f.strength)
            candidate.stance = Stance.CONTRADICTS
            # Names conflict more often because the span is about another event than because the claim
            # is wrong; only figures, dates and ranks are decisive.
            candidate.value_conflict = finding.kind in _VALUE_KINDS
            # The quantity check is exact where it speaks; how sure we are that it speaks about the same
            # subject comes from the model's relevance mass (or the lexical match).
            mass = max(entail + contra, min(1.0, candidate.overlap))
            candidate.score = max(contra, min(0.99, 0.5 + 0.5 * finding.strength * mass))
            where = _name(candidate)
            candidate.why = (
                f"corpus says {finding.evidence_mention} ({where}), claim says {finding.claim_mention}"
            )
            return
        if contra >= self.contradict_threshold and contra > entail:
            candidate.stance, candidate.score = Stance.CONTRADICTS, contra
            candidate.why = f'corpus says "{_shorten(candidate.text)}" ({_name(candidate)})'
        elif entail >= self.support_threshold or (
            agrees and entail >= self.agree_support_threshold and entail > contra
        ):
            candidate.stance, candidate.score = Stance.SUPPORTS, entail
            candidate.why = f'corpus says "{_shorten(candidate.text)}" ({_name(candidate)})'
        else:
            candidate.stance, candidate.score = Stance.NEUTRAL, entail + contra

    # --------------------------------------------------------------------------------------- aggregate

    def _aggregate(self, claim: Claim, spans: list[Candidate]) -> Verdict:
        if not spans:
            return Verdict(claim, Label.UNVERIFIED, 1.0, NO_EVIDENCE, (), {"unverified": 1.0})
        supports = sorted((c for c in spans if c.stance is Stance.SUPPORTS), key=lambda c: -c.score)
        contradicts = sorted((c for c in spans if c.stance is Stance.CONTRADICTS), key=lambda c: -c.score)
        winner = None
        # Evidence points both ways only when distinct text does: a window and the sentence inside it
        # disagreeing is the model hesitating over one piece of evidence, not two sources in conflict.
        if supports and contradicts:
            # The better-supported side: a figure, date or rank that conflicts is decisive; otherwise
            # independent documents corroborate each other (noisy-OR over the best span of each).
            contradiction_wins = any(c.value_conflict for c in contradicts) or _corroboration(
                contradicts
            ) >= _corroboration(supports)
            winner = contradicts[0] if contradiction_wins else supports[0]
            losers = contradicts if winner is supports[0] else supports
            losers = [c for c in losers if not _overlaps(c, winner)]
            if winner is supports[0]:
                contradicts = losers
            else:
                supports = losers
        mixed = bool(supports and contradicts)
        if contradicts and (not supports or winner is contradicts[0]):
            # A conflicting figure, date or rank makes the clearest reason an editor can act on.
            best = next((c for c in contradicts if c.value_conflict), contradicts[0])
            label = Label.CONTRADICTED
            reason = f"contradicted: {best.why}"
            if mixed:
                reason += f'; but "{_shorten(supports[0].text, 60)}" ({_name(supports[0])}) supports it'
        elif supports:
            best, label = supports[0], Label.SUPPORTED
            reason = f"supported: {best.why}"
            if mixed:
                reason += (
                    f'; but "{_shorten(contradicts[0].text, 60)}" ({_name(contradicts[0])}) contradicts it'
                )
        else:
            best = max(spans, key=lambda c: (c.score, c.overlap))
            label = Label.UNVERIFIED
            reason = f"unverified: no span supports or contradicts the claim (closest: {_name(best)})"
        if label is Label.UNVERIFIED:
            confidence = 1.0 - max(max(c.probs[0], c.probs[1]) for c in spans)
            confidence = max(confidence, best.probs[2])
        else:
            confidence = best.score
        if mixed:
            # Evidence on both sides: the verdict is less certain than its best span alone.
            other = supports[0] if label is Label.CONTRADICTED else contradicts[0]
            confidence = confidence * (1.0 - 0.5 * other.score)
        evidence = [best] + [c for c in (supports[:1] + contradicts[:1]) if c is not best and mixed]
        return Verdict(
            claim=claim,
            label=label,
            confidence=round(float(min(max(confidence, 0.0), 1.0)), 4),
            reason=reason,
            evidence=tuple(self._evidence(c) for c in evidence),
            probabilities={
                "supported": round(best.probs[0], 4),
                "contradicted": round(best.probs[1], 4),
                "unverified": round(best.probs[2], 4),
            },
        )

    @staticmethod
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


def pseudo_passages(evidence: Sequence[str]) -> list[Passage]:
    """Gold evidence strings as passages of documents ``gold-1``, ``gold-2``... (whole text, offset 0)."""
    return [
        Passage(doc_id=f"gold-{i}", start=0, end=len(text), text=text) for i, text in enumerate(evidence, 1)
    ]


@cache
def default_verifier() -> Verifier:
    """One warmed verifier per process, configured from the settings."""
    verifier = Verifier.from_settings()
    verifier.warm_up()
    return verifier


def verify_many(
    pairs: Sequence[tuple[str, Sequence[str]]], verifier: Verifier | None = None
) -> list[Verdict]:
    """Verdicts for ``(claim text, [evidence text, ...])`` pairs in one batched run (oracle evaluation)."""
    verifier = verifier or default_verifier()
    claims = [Claim(id=Claim.make_id(text), text=text, start=0, end=len(text)) for text, _ in pairs]
    passages = [pseudo_passages(evidence) for _, evidence in pairs]
    return verifier.run(claims=claims, passages=passages)["verdicts"]


def verify_texts(claim: str, evidence: Sequence[str], verifier: Verifier | None = None) -> Verdict:
    """The verdict on one claim given evidence strings (treated as documents ``gold-1``...)."""
    return verify_many([(claim, evidence)], verifier)[0]
