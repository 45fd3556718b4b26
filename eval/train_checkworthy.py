"""Trains the check-worthiness model: a logistic regression over the rule signals of
``factcheck.claims.scoring`` and hashed words, written to ``factcheck/models/checkworthy/``.

    nice -n 10 python -m eval.train_checkworthy [--out factcheck/models/checkworthy] [--compare-embeddings]

Training data (and only this):

- factcheck-gpt sentences (``sentence_checkworthiness``: ``yes`` against ``other`` / ``opinion`` /
  ``not_a_claim``) and atomic claims (``claim_checkworthiness``: ``factual`` against the rest) of the
  answers whose index is NOT a multiple of 5;
- the ``dev`` excerpts of ``claims/news-sample.jsonl``.

Held out, and the only figures printed as quality: the factcheck-gpt answers whose index is a multiple of
5 and the ``test`` excerpts of the sample. Only texts the hard rules let through are used (the model never
sees a question or a byline). ``--compare-embeddings`` also fits the same regression on MiniLM sentence
embeddings plus the signals (cached under ``eval/cache/``), to show what an embedding model would add.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

import numpy as np

from eval.bench_claims import DATA, HELD_OUT_EVERY, SAMPLE, EmbeddingCache
from factcheck.claims.checkworthy import sentence_kind
from factcheck.claims.extraction import is_bare_heading
from factcheck.claims.scoring import (
    HASH_BUCKETS,
    MANIFEST_FILE,
    MODEL_DIR,
    NEVER,
    SIGNALS,
    WEIGHTS_FILE,
    signals,
)


def _factcheck_gpt(held_out: bool, with_claims: bool = False) -> list[tuple[str, int]]:
    rows = []
    path = DATA / "factcheck-gpt" / "factcheck-GPT-benchmark.jsonl"
    for index, line in enumerate(path.open(encoding="utf-8")):
        if (index % HELD_OUT_EVERY == 0) != held_out:
            continue
        for sentence in json.loads(line)["sentences"].values():
            rows.append((sentence["text"], int(sentence["sentence_checkworthiness"] == "yes")))
            if with_claims:
                for claim, label in zip(sentence["claims"], sentence["claim_checkworthiness"], strict=False):
                    rows.append((claim, int(label == "factual")))
    return rows


def _sample(split: str) -> list[tuple[str, int]]:
    rows = []
    for line in SAMPLE.open(encoding="utf-8"):
        excerpt = json.loads(line)
        if excerpt["split"] == split:
            rows += [(s["text"], int(s["checkworthy"])) for s in excerpt["sentences"]]
    return rows


def passes_rules(text: str) -> bool:
    """Whether the extractor's rules let ``text`` reach the model (headings and questions never do)."""
    return not is_bare_heading(text) and sentence_kind(" ".join(text.split())) not in NEVER


def features(texts: list[str], words: bool = True) -> np.ndarray:
    """The model's input: the signals, then one column per hashed word bucket (zero when ``words`` is off)."""
    out = np.zeros((len(texts), len(SIGNALS) + HASH_BUCKETS))
    for i, text in enumerate(texts):
        sig = signals(text)
        out[i, : len(SIGNALS)] = sig.values
        if words:
            for h in sig.hashed:
                out[i, len(SIGNALS) + h] = 1.0
    return out


def fit(
    x: np.ndarray, y: np.ndarray, l2: float, sample_weight: np.ndarray, iterations: int = 50
) -> tuple[np.ndarray, float]:
    """L2-regularised, weighted logistic regression by Newton's method."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (sample_weight * (p - y)) + penalty * w
        hess = (xb * (sample_weight * p * (1 - p))[:, None]).T @ xb + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def f1(y: np.ndarray, predicted: np.ndarray) -> float:
    """F1 of the check-worthy class."""
    tp = int(((predicted == 1) & (y == 1)).sum())
    fp = int(((predicted == 1) & (y == 0)).sum())
    fn = int(((predicted == 0) & (y == 1)).sum())
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return 2 * precision * recall / max(precision + recall, 1e-9)


def report(name: str, y: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    """Precision, recall and F1 of the positive class."""
    tp = int(((predicted == 1) & (y == 1)).sum())
    fp = int(((predicted == 1) & (y == 0)).sum())
    fn = int(((predicted == 0) & (y == 1)).sum())
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    row = {
        "n": len(y),
        "positives": int(y.sum()),
        "precision": round(precision, 3),
        "recall": round(recall, 3),
    }
    row["f1"] = round(f1(y, predicted), 3)
    counts = f"n={row['n']:>4} pos={row['positives']:>4}"
    print(f"  {name:<48} {counts}  P={precision:.3f} R={recall:.3f} F1={row['f1']:.3f}")
    return row


@dataclass(frozen=True)
class Setting:
    """One point of the grid the cross-validation picks from."""

    l2: float
    balance: float  # 0: plain; 1: classes weighted to balance; in between: a power of that weight
    news_weight: float  # weight of the news-sample rows against factcheck-gpt's
    words: bool
    threshold: float


def _weights(y: np.ndarray, news: np.ndarray, setting: Setting) -> np.ndarray:
    n = len(y)
    balanced = np.where(y == 1, n / (2 * max(y.sum(), 1)), n / (2 * max(n - y.sum(), 1)))
    return balanced**setting.balance * np.where(news, setting.news_weight, 1.0)


def _cross_validated_f1(rows: list[tuple[str, int, int, bool]], setting: Setting, folds: int = 5) -> float:
    """Mean F1 over the folds, each source's rows (factcheck-gpt, news-sample) scored apart and averaged.

    ``rows``: (text, label, group, is_news); rows the rules drop count as predicted not check-worthy, and
    only rows of the objective (sentences, not factcheck-gpt's claims) are scored."""
    texts = [r[0] for r in rows]
    x = features(texts, setting.words)
    y = np.array([r[1] for r in rows])
    groups = np.array([r[2] for r in rows])
    news = np.array([r[3] for r in rows])
    scored = np.array([r[4] for r in rows])
    passed = np.array([passes_rules(t) for t in texts])
    scores = []
    for fold in range(folds):
        test = groups % folds == fold
        train = ~test & passed
        w, b = fit(x[train], y[train], setting.l2, _weights(y[train], news[train], setting))
        predicted = ((1 / (1 + np.exp(-(x[test] @ w + b)))) >= setting.threshold) & passed[test]
        for source in (False, True):
            keep = scored[test] & (news[test] == source)
            if keep.any():
                scores.append(f1(y[test][keep], predicted[keep].astype(int)))
    return float(np.mean(scores))


def _training_rows() -> list[tuple[str, int, int, bool, bool]]:
    """(text, label, fold group, from the news sample, part of the objective) of every training text."""
    rows = []
    path = DATA / "factcheck-gpt" / "factcheck-GPT-benchmark.jsonl"
    for index, line in enumerate(path.open(encoding="utf-8")):
        if index % HELD_OUT_EVERY == 0:
            continue
        for sentence in json.loads(line)["sentences"].values():
            rows.append(
                (sentence["text"], int(sentence["sentence_checkworthiness"] == "yes"), index, False, True)
            )
            for claim, label in zip(sentence["claims"], sentence["claim_checkworthiness"], strict=False):
                rows.append((claim, int(label == "factual"), index, False, False))
    for number, line in enumerate(SAMPLE.open(encoding="utf-8")):
        excerpt = json.loads(line)
        if excerpt["split"] == "dev":
            rows += [(s["text"], int(s["checkworthy"]), number, True, True) for s in excerpt["sentences"]]
    return rows


GRID = [
    Setting(l2, balance, news_weight, words, threshold)
    for l2 in (1.0, 3.0, 10.0)
    for balance in (0.0, 0.5, 1.0)
    for news_weight in (1.0, 3.0)
    for words in (False, True)
    for threshold in (0.3, 0.4, 0.5, 0.6)
]


def _evaluate(sets: dict[str, list[tuple[str, int]]], predict) -> dict[str, dict[str, float]]:
    out = {}
    for name, rows in sets.items():
        y = np.array([label for _, label in rows])
        passed = np.array([passes_rules(text) for text, _ in rows])
        predicted = np.zeros(len(rows), dtype=int)
        if passed.any():
            predicted[passed] = predict([t for (t, _), ok in zip(rows, passed, strict=True) if ok])
        out[name] = report(name, y, predicted)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--compare-embeddings", action="store_true")
    args = parser.parse_args()

    rows = _training_rows()
    ranked = sorted(GRID, key=lambda setting: -_cross_validated_f1(rows, setting))
    best = ranked[0]
    print(f"cross-validation on the training data picked {best}")
    train = [r for r in rows if passes_rules(r[0])]
    texts = [r[0] for r in train]
    y = np.array([r[1] for r in train])
    news = np.array([r[3] for r in train])
    weights, bias = fit(features(texts, best.words), y, best.l2, _weights(y, news, best))

    def predict(batch: list[str]) -> np.ndarray:
        z = features(batch, best.words) @ weights + bias
        return (1 / (1 + np.exp(-z)) >= best.threshold).astype(int)

    held_out = {
        "factcheck-gpt held-out answers (sentences)": _factcheck_gpt(held_out=True),
        "news-sample test": _sample("test"),
    }
    seen = {
        "factcheck-gpt training answers (TRAINING DATA)": _factcheck_gpt(held_out=False),
        "news-sample dev (TRAINING DATA)": _sample("dev"),
    }
    print(
        f"trained on {len(train)} texts the rules let through ({int(y.sum())} check-worthy); rules + model:"
    )
    figures = {"held_out": _evaluate(held_out, predict), "training": _evaluate(seen, predict)}
    print("rules alone (everything they let through kept):")
    _evaluate(held_out, lambda batch: np.ones(len(batch), dtype=int))

    model = {
        "version": date.today().strftime("%Y%m%d"),
        "signals": list(SIGNALS),
        "weights": [round(float(w), 6) for w in weights[: len(SIGNALS)]],
        "word_weights": [round(float(w), 6) for w in weights[len(SIGNALS) :]],
        "bias": round(bias, 6),
        "threshold": best.threshold,
        "setting": asdict(best),
        "trained_on": "factcheck-gpt answers with index % 5 != 0 (sentences and claims), news-sample dev",
        "held_out": figures["held_out"],
    }
    args.out.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(model, indent=1) + "\n"
    (args.out / WEIGHTS_FILE).write_text(payload, encoding="utf-8")
    manifest = {"files": {WEIGHTS_FILE: hashlib.sha256(payload.encode("utf-8")).hexdigest()}}
    (args.out / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"written: {args.out / WEIGHTS_FILE}")
    if args.compare_embeddings:
        _compare_embeddings(texts, y, news, held_out, best)


def _compare_embeddings(
    texts: list[str], y: np.ndarray, news: np.ndarray, held_out: dict, best: Setting
) -> None:
    embed = EmbeddingCache()
    x = np.hstack([embed(texts), features(texts, best.words)])
    weights, bias = fit(x, y, best.l2, _weights(y, news, best))

    def predict(batch: list[str]) -> np.ndarray:
        z = np.hstack([embed(batch), features(batch, best.words)]) @ weights + bias
        return (1 / (1 + np.exp(-z)) >= best.threshold).astype(int)

    print("MiniLM embeddings + signals, same setting (not shipped: ~85 sentences/s):")
    _evaluate(held_out, predict)


if __name__ == "__main__":
    main()
