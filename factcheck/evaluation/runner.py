"""Runs labelled claims through the verifier, with their own gold evidence or with retrieval.

Two modes:

- oracle: each claim is verified against its own gold evidence sentences (joined, in order, into one
  passage so the verifier may also combine neighbouring sentences). This measures the verdict model alone.
- index: the claim text is the query; the retrieved passages are recorded (their distinct document ids,
  for recall@k) and the first ``verify_k`` of them go to the verifier. This measures the product.

The verification and search functions are injected, so the runner is independent of any model:
``verify(claims, passages) -> verdicts`` has the shape of the ``Verifier`` component's ``run`` and
``search(queries, k) -> passages per query`` that of ``CorpusIndex.search_many``. Claims are sent to the
verifier in batches so that one model call scores the claim-evidence pairs of many claims at once.

There is no parallel-worker option: torch already runs one forward pass on both of the 2 cores this
project targets, and a second process would only compete for them (and load the model twice).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from factcheck.domain import Claim, Evidence, Passage, Verdict
from factcheck.errors import InputError
from factcheck.evaluation.datasets import LabelledClaim
from factcheck.evaluation.metrics import distinct_in_order

VerifyFn = Callable[[list[Claim], list[list[Passage]]], list[Verdict]]
SearchFn = Callable[[list[str], int], list[list[Passage]]]
ProgressFn = Callable[[int, int], None]

ORACLE = "oracle"
INDEX = "index"
RETRIEVE_K = 50  # passages fetched per claim: enough for 20 distinct documents in most corpora


@dataclass(frozen=True)
class Prediction:
    """The verifier's answer for one labelled claim, with what retrieval returned."""

    item: LabelledClaim
    label: str
    confidence: float
    reason: str
    evidence: tuple[Evidence, ...] = ()
    retrieved_docs: tuple[str, ...] = ()
    probabilities: dict[str, float] = field(default_factory=dict)

    @property
    def correct(self) -> bool:
        return self.label == self.item.label

    @property
    def cited_docs(self) -> list[str]:
        """Documents of the evidence the verdict cites."""
        return distinct_in_order(e.doc_id for e in self.evidence)

    def to_dict(self) -> dict[str, object]:
        """One line of the per-claim predictions file."""
        return {
            "id": self.item.id,
            "claim": self.item.claim,
            "gold": self.item.label,
            "label": self.label,
            "correct": self.correct,
            "confidence": round(float(self.confidence), 4),
            "probabilities": {k: round(float(v), 4) for k, v in self.probabilities.items()},
            "reason": self.reason,
            "evidence": [e.to_dict() for e in self.evidence],
            "gold_docs": list(self.item.evidence_doc),
            "retrieved_docs": list(self.retrieved_docs[:20]),
        }


@dataclass(frozen=True)
class EvalRun:
    """All predictions of one evaluation run and its wall time."""

    mode: str
    predictions: tuple[Prediction, ...]
    seconds: float


def to_claim(item: LabelledClaim) -> Claim:
    """The domain claim the verifier sees for a labelled claim."""
    return Claim(id=item.id, text=item.claim, start=0, end=len(item.claim))


def oracle_passage(item: LabelledClaim) -> Passage:
    """The claim's gold evidence as one passage (sentences joined by a space, exact offsets)."""
    text = " ".join(s.strip() for s in item.evidence if s.strip())
    doc_id = item.evidence_doc[0] if item.evidence_doc else f"gold:{item.id}"
    return Passage(doc_id=doc_id, start=0, end=len(text), text=text, title=None)


def _to_prediction(item: LabelledClaim, verdict: Verdict, retrieved: Sequence[str] = ()) -> Prediction:
    return Prediction(
        item=item,
        label=str(verdict.label),
        confidence=float(verdict.confidence),
        reason=verdict.reason,
        evidence=tuple(verdict.evidence),
        retrieved_docs=tuple(retrieved),
        probabilities=dict(verdict.probabilities or {}),
    )


def _batches(n: int, size: int) -> list[range]:
    return [range(i, min(i + size, n)) for i in range(0, n, size)]


def run_evaluation(
    claims: Sequence[LabelledClaim],
    verify: VerifyFn,
    search: SearchFn | None = None,
    *,
    verify_k: int = 5,
    batch_size: int = 32,
    progress: ProgressFn | None = None,
) -> EvalRun:
    """Verify every claim, in oracle mode (no ``search``) or index mode (with ``search``).

    ``progress(done, total)`` is called after each batch. In oracle mode every claim needs gold evidence.
    """
    mode = INDEX if search is not None else ORACLE
    if mode == ORACLE:
        missing = [c.id for c in claims if not any(s.strip() for s in c.evidence)]
        if missing:
            more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
            named = ", ".join(missing[:3])
            raise InputError(f"oracle mode needs gold 'evidence' for every claim; missing for {named}{more}")
    started = time.perf_counter()
    predictions: list[Prediction] = []
    total = len(claims)
    if progress:
        progress(0, total)
    for batch in _batches(total, batch_size):
        items = [claims[i] for i in batch]
        domain_claims = [to_claim(item) for item in items]
        if search is None:
            passages = [[oracle_passage(item)] for item in items]
            retrieved: list[list[str]] = [[] for _ in items]
        else:
            found = search([item.claim for item in items], max(RETRIEVE_K, verify_k))
            if len(found) != len(items):
                raise RuntimeError(f"search returned {len(found)} result lists for {len(items)} queries")
            retrieved = [distinct_in_order(p.doc_id for p in hits) for hits in found]
            passages = [list(hits[:verify_k]) for hits in found]
        verdicts = verify(domain_claims, passages)
        if len(verdicts) != len(items):
            raise RuntimeError(f"verifier returned {len(verdicts)} verdicts for {len(items)} claims")
        predictions.extend(
            _to_prediction(item, verdict, docs)
            for item, verdict, docs in zip(items, verdicts, retrieved, strict=True)
        )
        if progress:
            progress(len(predictions), total)
    return EvalRun(mode=mode, predictions=tuple(predictions), seconds=time.perf_counter() - started)
