"""Evaluation metrics for labelled claims: pure Python and numpy, no scikit-learn (its import is slow).

Conventions (they are part of the stable ``factcheck eval`` output and are tested):

- Labels are the three verdict labels ``supported``, ``contradicted``, ``unverified``.
- Per class: precision = TP / predicted, recall = TP / support, F1 = harmonic mean. A ratio whose
  denominator is zero is undefined and reported as ``None``; the F1 of a class that occurs in the gold
  labels but is never predicted is 0.0 (the class was missed), the F1 of a class absent from the gold
  labels is ``None``.
- Macro-F1 is the mean F1 over the classes that occur in the gold labels. On two-class sets (FEVER,
  fever-symmetric) it is therefore the two-class macro-F1, and predicting ``unverified`` there counts
  as an error on the gold class, not as a third averaged class.
- Expected calibration error (ECE): the predicted label's confidence is put into 10 equal-width bins
  ``[0, 0.1), [0.1, 0.2), ..., [0.9, 1.0]``; ECE = sum over non-empty bins of
  ``|bin| / n * |accuracy(bin) - mean confidence(bin)|``.
- Retrieval recall@k: for each claim with gold documents whose gold label is not ``unverified``, the
  share of its gold documents found among the first k distinct documents retrieved, averaged over those
  claims. (With one gold document per claim this is the hit rate.)
- Evidence-aware accuracy, as the FEVER score: a claim counts as right when its label is right and,
  for a ``supported`` or ``contradicted`` gold label, at least one gold document is among the documents
  the verdict cites. ``unverified`` claims (FEVER's NOT ENOUGH INFO) need only the right label. Other
  claims without gold documents are left out; ``None`` when no claim has any.
- False-contradiction rate: the share of claims whose gold label is ``supported`` (respectively
  ``unverified``) that are labelled ``contradicted``; ``overall`` is the same share over the claims of
  both gold labels together. ``None`` where no claim has that gold label. Beside it, contradicted recall
  (the share of gold-contradicted claims labelled contradicted) says what a low rate costs.
- Balanced accuracy (binary grounding, supported vs not): the mean of the recall of the positive and of
  the negative class; ``None`` unless both classes occur in the gold labels.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

LABELS: tuple[str, ...] = ("supported", "contradicted", "unverified")
UNVERIFIED = "unverified"
SUPPORTED = "supported"
CONTRADICTED = "contradicted"
ECE_BINS = 10
RECALL_KS: tuple[int, ...] = (1, 5, 20)


@dataclass(frozen=True)
class ClassScores:
    """Precision, recall, F1 and support of one class (``None`` where undefined)."""

    precision: float | None
    recall: float | None
    f1: float | None
    support: int

    def to_dict(self) -> dict[str, float | int | None]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "support": self.support}


def _check_lengths(gold: Sequence[object], pred: Sequence[object]) -> None:
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float | None:
    """Share of predictions equal to the gold label; ``None`` for no claims."""
    _check_lengths(gold, pred)
    if not gold:
        return None
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)


def confusion_matrix(
    gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = LABELS
) -> dict[str, dict[str, int]]:
    """``{gold: {pred: count}}`` over ``labels`` (every cell present, zeros included)."""
    _check_lengths(gold, pred)
    matrix = {g: dict.fromkeys(labels, 0) for g in labels}
    for g, p in zip(gold, pred, strict=True):
        if g not in matrix or p not in matrix[g]:
            raise ValueError(f"unknown label in gold {g!r} or prediction {p!r}")
        matrix[g][p] += 1
    return matrix


def per_class_scores(
    gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = LABELS
) -> dict[str, ClassScores]:
    """Precision, recall, F1 and support per label (see the module docstring for undefined cases)."""
    matrix = confusion_matrix(gold, pred, labels)
    scores: dict[str, ClassScores] = {}
    for label in labels:
        tp = matrix[label][label]
        support = sum(matrix[label].values())
        predicted = sum(matrix[g][label] for g in labels)
        precision = tp / predicted if predicted else None
        recall = tp / support if support else None
        if support == 0:
            f1 = None
        elif not precision or not recall:
            f1 = 0.0
        else:
            f1 = 2 * precision * recall / (precision + recall)
        scores[label] = ClassScores(precision, recall, f1, support)
    return scores


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = LABELS) -> float | None:
    """Mean F1 over the labels that occur in the gold labels; ``None`` for no claims."""
    f1s = [s.f1 for s in per_class_scores(gold, pred, labels).values() if s.support > 0 and s.f1 is not None]
    return sum(f1s) / len(f1s) if f1s else None


def reliability_bins(
    confidences: Sequence[float], correct: Sequence[bool], bins: int = ECE_BINS
) -> list[dict[str, float | int | None]]:
    """Per equal-width confidence bin: ``lower``, ``upper``, ``count``, ``accuracy``, ``confidence``."""
    _check_lengths(confidences, correct)
    conf = np.clip(np.asarray(confidences, dtype=float), 0.0, 1.0)
    hits = np.asarray(correct, dtype=float)
    index = np.minimum((conf * bins).astype(int), bins - 1)
    out: list[dict[str, float | int | None]] = []
    for b in range(bins):
        mask = index == b
        count = int(mask.sum())
        out.append(
            {
                "lower": b / bins,
                "upper": (b + 1) / bins,
                "count": count,
                "accuracy": float(hits[mask].mean()) if count else None,
                "confidence": float(conf[mask].mean()) if count else None,
            }
        )
    return out


def expected_calibration_error(
    confidences: Sequence[float], correct: Sequence[bool], bins: int = ECE_BINS
) -> float | None:
    """ECE over ``bins`` equal-width bins of the predicted label's confidence; ``None`` for no claims."""
    n = len(confidences)
    if n == 0:
        return None
    total = 0.0
    for row in reliability_bins(confidences, correct, bins):
        if row["count"]:
            total += row["count"] / n * abs(row["accuracy"] - row["confidence"])  # type: ignore[operator]
    return total


def distinct_in_order(doc_ids: Iterable[str]) -> list[str]:
    """Document ids in first-seen order, duplicates dropped (passages of one document count once)."""
    seen: dict[str, None] = {}
    for doc_id in doc_ids:
        seen.setdefault(doc_id, None)
    return list(seen)


def recall_at_k(
    gold_docs: Sequence[Sequence[str]],
    retrieved_docs: Sequence[Sequence[str]],
    gold_labels: Sequence[str],
    ks: Sequence[int] = RECALL_KS,
) -> dict[str, float | None]:
    """Mean share of gold documents among the first k distinct retrieved documents, per k.

    Only claims with gold documents and a gold label other than ``unverified`` count; ``None`` per k
    when there is no such claim.
    """
    _check_lengths(gold_docs, retrieved_docs)
    _check_lengths(gold_docs, gold_labels)
    sums = dict.fromkeys(ks, 0.0)
    counted = 0
    for gold, retrieved, label in zip(gold_docs, retrieved_docs, gold_labels, strict=True):
        wanted = set(gold)
        if not wanted or label == UNVERIFIED:
            continue
        counted += 1
        ranked = distinct_in_order(retrieved)
        for k in ks:
            sums[k] += len(wanted & set(ranked[:k])) / len(wanted)
    return {str(k): (sums[k] / counted if counted else None) for k in ks}


def evidence_accuracy(
    gold: Sequence[str],
    pred: Sequence[str],
    gold_docs: Sequence[Sequence[str]],
    cited_docs: Sequence[Sequence[str]],
) -> float | None:
    """FEVER-score-style accuracy: right label and, unless gold is ``unverified``, a gold document cited.

    Claims without gold documents are left out unless their gold label is ``unverified``; ``None``
    when no claim has gold documents at all (e.g. a set evaluated against its own evidence only).
    """
    _check_lengths(gold, pred)
    _check_lengths(gold, gold_docs)
    _check_lengths(gold, cited_docs)
    if not any(gold_docs):
        return None
    right = counted = 0
    for g, p, docs, cited in zip(gold, pred, gold_docs, cited_docs, strict=True):
        if not docs and g != UNVERIFIED:
            continue
        counted += 1
        if g == p and (g == UNVERIFIED or set(docs) & set(cited)):
            right += 1
    return right / counted if counted else None


def false_contradiction_rate(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float | None]:
    """Share of gold-supported, of gold-unverified and of both together labelled ``contradicted``.

    Keys ``supported``, ``unverified`` and ``overall``; ``None`` where there is no such claim.
    """
    _check_lengths(gold, pred)
    rates: dict[str, float | None] = {}
    groups = ((SUPPORTED, {SUPPORTED}), (UNVERIFIED, {UNVERIFIED}), ("overall", {SUPPORTED, UNVERIFIED}))
    for name, wanted in groups:
        chosen = [p for g, p in zip(gold, pred, strict=True) if g in wanted]
        rates[name] = sum(p == CONTRADICTED for p in chosen) / len(chosen) if chosen else None
    return rates


def contradicted_recall(gold: Sequence[str], pred: Sequence[str]) -> float | None:
    """Share of gold-contradicted claims labelled ``contradicted``; ``None`` when there is none."""
    return per_class_scores(gold, pred)[CONTRADICTED].recall


def balanced_accuracy(gold: Sequence[bool], pred: Sequence[bool]) -> float | None:
    """Mean of the recall of the positive and the negative class (binary labels).

    ``None`` unless both classes occur in ``gold``: with one class it would be plain accuracy.
    """
    _check_lengths(gold, pred)
    positives = [p for g, p in zip(gold, pred, strict=True) if g]
    negatives = [p for g, p in zip(gold, pred, strict=True) if not g]
    if not positives or not negatives:
        return None
    return (sum(positives) / len(positives) + sum(not p for p in negatives) / len(negatives)) / 2
