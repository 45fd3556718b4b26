"""Verification: claims and their retrieved passages in, one verdict per claim out (a Haystack component).

For each claim, in order:

1. **Spans** (:mod:`.spans`): the passages are cut into sentences and two-sentence windows (offsets into
   the document), and the ``max_spans`` best by lexical match with the claim are kept.
2. **Rationale selection** (:mod:`.rationale`): each span is marked as about the claim's subject (the
   organisations and people it names), about another subject, or unknown - from the span and its document
   context (title, rest of the passage).
3. **Evidence in context** (:mod:`.context`, :mod:`.referents`): the model reads each span with its
   document's title, so "the unit had about 300 employees" is read as a sentence about the unit the title
   names, and with an opening "she"/"it" replaced by the name of the sentence before it.
4. **Stance** (:mod:`.stance`): every claim-span pair of every claim is scored in one batched forward of the
   verdict model (:mod:`.model`); the deterministic comparison of figures, dates, ranks and names
   (:mod:`factcheck.rules.consistency`) runs on the same pairs; a contradiction that might rest on agreeing
   figures is read again without them (:mod:`.ablation`); ordered rules turn all this into a stance.
5. **Aggregation** (:mod:`.aggregate`): contradicted only from a same-subject figure conflict or the
   best-matching same-subject span, supported only with an entailing span, otherwise unverified.

Confidence is the calibrated (temperature-scaled) probability of the deciding span.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from haystack import component, default_from_dict, default_to_dict

from factcheck.domain import Claim, Passage, Verdict
from factcheck.errors import InputError
from factcheck.rules import consistency
from factcheck.settings import Settings, load_settings
from factcheck.verification.ablation import figure_free_pair
from factcheck.verification.aggregate import NO_EVIDENCE, aggregate
from factcheck.verification.context import in_context
from factcheck.verification.model import VerifierModel, shared_verifier_model
from factcheck.verification.rationale import aboutness
from factcheck.verification.referents import resolve_span
from factcheck.verification.spans import Candidate, candidate_spans, lexical_overlap
from factcheck.verification.stance import StanceThresholds, decide

__all__ = [
    "NO_EVIDENCE",
    "Candidate",
    "Verifier",
    "candidate_spans",
    "default_verifier",
    "lexical_overlap",
    "pseudo_passages",
    "verify_many",
    "verify_texts",
]


# The lowest contradict probability worth a second reading, without the title or without the claim's
# agreeing figures (the lowest threshold a sweep tries).
SECOND_READING_FLOOR = 0.3


@component
class Verifier:
    """Scores each claim against precise spans of its passages and aggregates one verdict per claim.

    :param support_threshold: calibrated entail probability a span needs to support.
    :param contradict_threshold: calibrated contradict probability a span needs to contradict.
    :param relevance_threshold: entail + contradict mass that makes a span of unknown subject relevant (a
        figure conflict only counts on a relevant span).
    :param agree_support_threshold: the entail probability at which an agreeing figure is enough to support.
    :param lexical_relevance: share of the claim's words a span must contain to be relevant without the model.
    :param conflict_strength: the figure/date/name comparison's strength at which its conflict counts.
    :param max_spans: spans scored per claim.
    :param match_margin: how far below the best lexical match a span may be and still contradict on the
        model's word alone.
    :param use_quantities: run the deterministic figures/dates/names comparison.
    :param use_titles: give the model each span with its document's title.
    :param model_dir: a verdict-model folder other than the shipped one.
    :param batch_size: model batch size.

    Example::

        verifier = Verifier()
        verifier.warm_up()
        claim = Claim(id="c1", text="Xiaomi paid €700M for Deepmotion.", start=0, end=33)
        passage = Passage(doc_id="deal", start=0, end=41, text="Xiaomi paid about €70M for Deepmotion.")
        verdict = verifier.run(claims=[claim], passages=[[passage]])["verdicts"][0]   # contradicted
    """

    def __init__(
        self,
        support_threshold: float = 0.4,
        contradict_threshold: float = 0.7,
        relevance_threshold: float = 0.35,
        agree_support_threshold: float = 0.35,
        lexical_relevance: float = 0.5,
        conflict_strength: float = 0.5,
        max_spans: int = 6,
        match_margin: float = 0.1,
        use_quantities: bool = True,
        use_titles: bool = True,
        model_dir: str | None = None,
        batch_size: int = 32,
    ) -> None:
        self.support_threshold = support_threshold
        self.contradict_threshold = contradict_threshold
        self.relevance_threshold = relevance_threshold
        self.agree_support_threshold = agree_support_threshold
        self.lexical_relevance = lexical_relevance
        self.conflict_strength = conflict_strength
        self.max_spans = max_spans
        self.match_margin = match_margin
        self.use_quantities = use_quantities
        self.use_titles = use_titles
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
            match_margin=settings.match_margin,
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
            match_margin=self.match_margin,
            use_quantities=self.use_quantities,
            use_titles=self.use_titles,
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
            model = VerifierModel(self.model_dir) if self.model_dir else shared_verifier_model()
            model.warm_up()
            self._model = model

    @property
    def model_version(self) -> str | None:
        """The loaded model's version string (None before warm-up)."""
        return self._model.config.version if self._model is not None and self._model.config else None

    @property
    def thresholds(self) -> StanceThresholds:
        """The stance thresholds of this verifier."""
        return StanceThresholds(
            support=self.support_threshold,
            contradict=self.contradict_threshold,
            relevance=self.relevance_threshold,
            agree_support=self.agree_support_threshold,
            lexical_relevance=self.lexical_relevance,
            conflict_strength=self.conflict_strength,
        )

    @component.output_types(verdicts=list[Verdict])
    def run(self, claims: list[Claim], passages: list[list[Passage]]) -> dict[str, list[Verdict]]:
        """One verdict per claim.

        :param claims: the claims, decontextualised.
        :param passages: ``passages[i]`` are the retrieved passages of ``claims[i]``, best first.
        :returns: ``{"verdicts": [Verdict, ...]}``, one per claim, in order.
        """
        if len(passages) != len(claims):
            raise InputError(f"verifier got {len(claims)} claims but {len(passages)} passage lists")
        return {"verdicts": self.judge(claims, self.score(claims, passages))}

    def score(self, claims: list[Claim], passages: list[list[Passage]]) -> list[list[Candidate]]:
        """The candidate spans of each claim with their subject alignment, comparison findings and model
        probabilities (one batched forward for all claims); no stance yet."""
        self.warm_up()
        per_claim = [
            candidate_spans(i, claim, claim_passages, self.max_spans)
            for i, (claim, claim_passages) in enumerate(zip(claims, passages, strict=True))
        ]
        flat = [c for spans in per_claim for c in spans]
        for candidate in flat:
            passage = candidate.passage
            candidate.about = aboutness(
                claims[candidate.claim_index].text, candidate.text, passage.title, passage.text
            )
        # A span about another subject is neutral whatever the model or the comparison would say: neither
        # reads it.
        scored = [c for c in flat if c.about != "other"]
        bare = [self._resolved_text(c) for c in scored]
        pairs = [
            (claims[c.claim_index].text, self._in_context(text, c))
            for c, text in zip(scored, bare, strict=True)
        ]
        if self.use_quantities:
            # The comparison reads the span in context too: whose figure it is may be in the title.
            for candidate, (claim, text) in zip(scored, pairs, strict=True):
                candidate.findings = _findings(claim, text)
        if scored:
            probs = self._model.predict_proba(pairs, batch_size=self.batch_size)
            for candidate, row in zip(scored, probs, strict=True):
                candidate.probs = (float(row[0]), float(row[1]), float(row[2]))
            self._read_without_title(scored, pairs, bare)
            self._read_without_figures(scored, pairs)
        return per_claim

    def _read_without_title(
        self, scored: list[Candidate], pairs: list[tuple[str, str]], bare: list[str]
    ) -> None:
        """Reads again, without its document title, a span the model leans to contradict; where the bare
        span contradicts less, keeps the mean of the two readings. A title says whose span it is, but it
        also brings words and figures of its own (a headline's other deal, another date) that the model
        may take for the span's: a contradiction must hold up in both readings. The bare reading never
        adds to a contradiction (without the title the span says less, not more)."""

        def without_title(i: int) -> tuple[str, str] | None:
            claim, text = pairs[i]
            return (claim, bare[i]) if bare[i] != text else None

        for candidate, row in self._read_again(scored, without_title):
            if row[1] >= candidate.probs[1]:
                continue
            entail, contradict, neutral = (
                (old + new) / 2 for old, new in zip(candidate.probs, row, strict=True)
            )
            candidate.probs = (entail, contradict, neutral)

    def _read_without_figures(self, scored: list[Candidate], pairs: list[tuple[str, str]]) -> None:
        """Scores again, without the claim's agreeing figures, the pairs whose contradiction might rest on
        them (see :mod:`.ablation`); the stance rules then know whether it does."""

        def without_figures(i: int) -> tuple[str, str] | None:
            claim, text = pairs[i]
            return figure_free_pair(claim, text, scored[i].findings)

        for candidate, row in self._read_again(scored, without_figures):
            candidate.figure_free_probs = row

    def _read_again(
        self, scored: list[Candidate], variant: Callable[[int], tuple[str, str] | None]
    ) -> list[tuple[Candidate, tuple[float, float, float]]]:
        """One batched second reading of the spans the model leans to contradict (contradict at least
        ``SECOND_READING_FLOOR`` and above entail), each as ``variant`` rewrites the pair of ``scored[i]``
        (None: not read again); the candidates with their new probabilities."""
        again, texts = [], []
        for i, candidate in enumerate(scored):
            if candidate.probs[1] < SECOND_READING_FLOOR or candidate.probs[1] <= candidate.probs[0]:
                continue
            pair = variant(i)
            if pair is not None:
                again.append(candidate)
                texts.append(pair)
        if not texts:
            return []
        probs = self._model.predict_proba(texts, batch_size=self.batch_size)
        return [
            (candidate, (float(row[0]), float(row[1]), float(row[2])))
            for candidate, row in zip(again, probs, strict=True)
        ]

    def judge(
        self, claims: list[Claim], per_claim: list[list[Candidate]], limits: StanceThresholds | None = None
    ) -> list[Verdict]:
        """Verdicts from scored spans (``limits`` other than the verifier's own: threshold sweeps)."""
        limits = limits or self.thresholds
        for claim, spans in zip(claims, per_claim, strict=True):
            for candidate in spans:
                decide(claim.text, candidate, limits)
        return [
            aggregate(claim, spans, self.match_margin) for claim, spans in zip(claims, per_claim, strict=True)
        ]

    def _model_text(self, candidate: Candidate) -> str:
        return self._in_context(self._resolved_text(candidate), candidate)

    def _in_context(self, text: str, candidate: Candidate) -> str:
        return in_context(text, candidate.passage.title) if self.use_titles else text

    @staticmethod
    def _resolved_text(candidate: Candidate) -> str:
        passage = candidate.passage
        return resolve_span(candidate.text, passage.text[: max(0, candidate.start - passage.start)])


def _findings(claim: str, span: str) -> list[Any]:
    try:
        return list(consistency.compare(claim, span))
    except Exception:  # the comparison layer must never take a verdict down with it
        return []


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
