"""Choose the verifier's thresholds on dev data for a target false-contradiction rate.

    python -m eval.tune_verifier [--limit 400] [--target-fcr 0.03] [--model-dir DIR]

Dev sets (none of them a test split, none trained on; see ``eval/verifier_data.py``):

- ``fever-dev``: FEVER-lite validation claims in the training script's dev split (held out by claim) with
  their gold evidence, plus the same claims against the nearest other claim's evidence (unverified);
- ``vitaminc-dev``: real VitaminC revisions from the half of the cases that never trains, evidence
  titled with its Wikipedia page;
- ``fm2-dev``: Fool-Me-Twice ``dev.jsonl`` (training reads only ``test.jsonl``): each claim against its gold
  sentences *and* the retrieved non-gold sentences of the same page, each a titled passage - look-alike
  distractors beside the evidence.

Every set is scored once by the model; the thresholds are then swept over the cached scores. The
admissible settings are those whose false-contradiction rate (the share of gold-supported and
gold-unverified claims labelled contradicted) stays at or below the target on every set. The target, 3%,
leaves a margin below the product's 5% for corpora the dev sets do not resemble: at a 4% target the choice
(contradict 0.6) raised the rate on Climate-FEVER and fever-symmetric, which are never tuned on, to 6.6% and
6.3% (`python -m eval.bench_eval`, 3 December 2026), two to three points above their dev figures; those two
sets thus informed the size of the margin, not the grid point. Among the admissible settings whose mean
macro-F1 is within one point (``F1_NOISE``) of the best, the one with the highest contradict threshold is
chosen: within noise, the product prefers the setting that raises fewer false alarms. Prints the table
and writes ``eval/out/tune_verifier.json``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from dataclasses import replace
from pathlib import Path

from eval.verifier_data import DATA_ROOT, is_dev, load_fever
from eval.verifier_sources import vitaminc_trains
from factcheck.domain import Claim, Label, Passage
from factcheck.evaluation import metrics as scoring
from factcheck.evaluation.datasets import detokenize

OUT = Path(__file__).resolve().parent / "out" / "tune_verifier.json"
LABELS = {0: Label.SUPPORTED, 1: Label.CONTRADICTED, 2: Label.UNVERIFIED}
FEVER_LABELS = {
    "SUPPORTS": Label.SUPPORTED,
    "REFUTES": Label.CONTRADICTED,
    "NOT ENOUGH INFO": Label.UNVERIFIED,
}
Case = tuple[str, list[Passage], Label]
# Mean macro-F1 differences below one point are sampling noise on 400-claim dev samples (a point is a
# handful of claims).
F1_NOISE = 0.01


def _passage(doc_id: str, text: str, title: str | None = None) -> Passage:
    return Passage(doc_id=doc_id, start=0, end=len(text), text=text, title=title)


def fever_dev(root: Path, rng: random.Random, limit: int) -> list[Case]:
    """FEVER-lite dev-split claims: gold evidence, and the nearest other evidence (unverified)."""
    pairs = [p for p in load_fever(root, random.Random(13)) if is_dev(p.group, 6.0)]
    rng.shuffle(pairs)
    return [(p.claim, [_passage("fever-1", p.evidence)], LABELS[p.label]) for p in pairs[:limit]]


def vitaminc_dev(root: Path, rng: random.Random, limit: int) -> list[Case]:
    """Real VitaminC revisions of the cases that never train."""
    rows = [json.loads(line) for line in (root / "vitaminc-test-splits" / "real_shared.jsonl").open()]
    rows = [r for r in rows if not vitaminc_trains(r["case_id"])]
    rng.shuffle(rows)
    return [
        (
            detokenize(r["claim"]),
            [_passage("vitaminc-1", detokenize(r["evidence"]), detokenize(r["page"]))],
            FEVER_LABELS[r["label"]],
        )
        for r in rows[:limit]
    ]


def fm2_dev(root: Path, rng: random.Random, limit: int) -> list[Case]:
    """Fool-Me-Twice dev claims against gold and retrieved look-alike sentences of the same page."""
    rows = [json.loads(line) for line in (root / "fm2" / "dev.jsonl").open(encoding="utf-8")]
    rng.shuffle(rows)
    cases = []
    for row in rows[:limit]:
        label = FEVER_LABELS.get(row["label"])
        if label is None or not row.get("gold_evidence"):
            continue
        page = row.get("wikipedia_page")
        texts = [e["text"].strip() for e in row["gold_evidence"]]
        texts += [
            e["text"].strip() for e in row.get("retrieved_evidence", [])[:6] if e["text"].strip() not in texts
        ]
        passages = [_passage(f"fm2-{i}", t, page) for i, t in enumerate(texts, 1) if t]
        cases.append((row["text"].strip(), passages, label))
    return cases


def metrics(gold: list[Label], pred: list[Label]) -> dict[str, float]:
    """Accuracy, macro-F1, contradicted recall and false-contradiction rate (``factcheck eval``'s own)."""
    gold_labels, predicted = [str(g) for g in gold], [str(p) for p in pred]
    return {
        "n": len(gold),
        "accuracy": scoring.accuracy(gold_labels, predicted),
        "macro_f1": scoring.macro_f1(gold_labels, predicted),
        "contradicted_recall": scoring.contradicted_recall(gold_labels, predicted),
        "false_contradiction_rate": scoring.false_contradiction_rate(gold_labels, predicted)["overall"]
        or 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=400, help="claims per dev set")
    parser.add_argument("--target-fcr", type=float, default=0.03)
    parser.add_argument("--model-dir", default=None)
    parser.add_argument("--data", type=Path, default=DATA_ROOT)
    args = parser.parse_args(argv)

    from factcheck.verification.stance import StanceThresholds
    from factcheck.verification.verifier import Verifier

    verifier = Verifier(model_dir=args.model_dir)
    verifier.warm_up()
    sets = {
        "fever-dev": fever_dev(args.data, random.Random(1), args.limit),
        "vitaminc-dev": vitaminc_dev(args.data, random.Random(2), args.limit),
        "fm2-dev": fm2_dev(args.data, random.Random(3), args.limit),
    }
    scored = {}
    for name, cases in sets.items():
        claims = [Claim(id=f"{name}-{i}", text=c, start=0, end=len(c)) for i, (c, _, _) in enumerate(cases)]
        scored[name] = (claims, verifier.score(claims, [p for _, p, _ in cases]), [g for _, _, g in cases])
        print(f"scored {name}: {len(cases)} claims", flush=True)
    base = verifier.thresholds
    grid = list(itertools.product([0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9], [0.4, 0.5, 0.6, 0.7]))
    rows = []
    for contradict, support in grid:
        limits = replace(base, contradict=contradict, support=support)
        row = {"contradict_threshold": contradict, "support_threshold": support, "sets": {}}
        for name, (claims, per_claim, gold) in scored.items():
            pred = [v.label for v in verifier.judge(claims, per_claim, limits)]
            row["sets"][name] = metrics(gold, pred)
        row["mean_macro_f1"] = sum(m["macro_f1"] for m in row["sets"].values()) / len(scored)
        row["max_fcr"] = max(m["false_contradiction_rate"] for m in row["sets"].values())
        rows.append(row)
    admissible = [r for r in rows if r["max_fcr"] <= args.target_fcr] or rows
    best = max(r["mean_macro_f1"] for r in admissible)
    # Within noise of the best, the setting that contradicts least: a false alarm costs more than a miss.
    near = [r for r in admissible if r["mean_macro_f1"] >= best - F1_NOISE]
    chosen = max(near, key=lambda r: (r["contradict_threshold"], r["mean_macro_f1"]))
    print(f"{'contra':>7}{'support':>8}" + "".join(f"{n:>28}" for n in scored) + f"{'mean F1':>9}")
    for r in rows:
        cells = "".join(
            f"{m['macro_f1']:>10.3f} FCR {m['false_contradiction_rate']:.3f}"
            f" R {m['contradicted_recall'] or 0:.2f}"
            for m in r["sets"].values()
        )
        mark = " <- chosen" if r is chosen else ""
        print(
            f"{r['contradict_threshold']:>7}{r['support_threshold']:>8}{cells}{r['mean_macro_f1']:>9.3f}{mark}"
        )
    OUT.parent.mkdir(exist_ok=True)
    result = {
        "command": "python -m eval.tune_verifier " + " ".join(argv if argv is not None else sys.argv[1:]),
        "model_version": verifier.model_version,
        "target_fcr": args.target_fcr,
        "f1_noise": F1_NOISE,
        "chosen": chosen,
        "grid": rows,
        "fixed": {k: v for k, v in vars(StanceThresholds()).items() if k not in ("contradict", "support")},
    }
    OUT.write_text(json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"chosen: contradict {chosen['contradict_threshold']}, support {chosen['support_threshold']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
