"""Verdict quality and speed with the gold evidence given (no retrieval), on data never trained on.

    python -m eval.bench_verifier [--limit N] [--sets climate-fever healthver fever-symmetric own]

Sets (none used for training or calibration):
- ``climate-fever``: ``climate-fever.dev-half.jsonl``, claim level (the 5 evidence sentences together),
  DISPUTED left out; 3-way.
- ``healthver``: ``healthver_dev.csv``, pair level (one claim, one evidence passage); 3-way.
- ``fever-symmetric``: v0.1 ``fever_symmetric_generated.jsonl``; binary (supported vs contradicted). Reported
  twice: the 3-way verdict (``unverified`` counts as an error) and forced binary (entail vs contradict of
  the deciding span). Texts are PTB-detokenised as FEVER was for training.
- ``own``: the project's labelled claims ``claims/*.labelled.jsonl`` with their gold evidence; 3-way.

Per set: accuracy, macro-F1, per-class F1, expected calibration error of the verdict confidence.
Throughput: claim-span pairs per second through the ``Verifier`` (all claims of a set in one batched run,
and one claim per call), beside the raw model forward on the same pairs in the same run.
Prints a table and writes ``eval/out/bench_verifier.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from eval.verifier_data import DATA_ROOT
from factcheck.evaluation.datasets import (
    LabelledClaim,
    detokenize,
    read_climate_fever,
    read_fever,
    read_healthver,
    read_native,
    select,
)
from factcheck.evaluation.metrics import (
    LABELS,
    accuracy,
    expected_calibration_error,
    macro_f1,
    per_class_scores,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "eval" / "out" / "bench_verifier.json"
SETS = ("climate-fever", "healthver", "fever-symmetric", "own")


def load_set(name: str, data: Path) -> list[LabelledClaim]:
    """The labelled claims of one evaluation set (empty when its files are absent)."""
    if name == "climate-fever":
        path = data / "climate-fever" / "climate-fever.dev-half.jsonl"
        return list(read_climate_fever(path)) if path.is_file() else []
    if name == "healthver":
        path = data / "healthver" / "data" / "healthver_dev.csv"
        return list(read_healthver(path)) if path.is_file() else []
    if name == "fever-symmetric":
        path = data / "fever-symmetric" / "symmetric_v0.1" / "fever_symmetric_generated.jsonl"
        if not path.is_file():
            return []
        return [
            LabelledClaim(c.id, detokenize(c.claim), c.label, tuple(detokenize(e) for e in c.evidence))
            for c in read_fever(path)
        ]
    if name == "own":
        return [c for path in sorted((ROOT / "claims").glob("*.labelled.jsonl")) for c in read_native(path)]
    raise SystemExit(f"unknown set {name!r}; choose from {', '.join(SETS)}")


def score(name: str, claims: list[LabelledClaim], verdicts) -> dict:
    """Quality metrics of one set."""
    gold = [c.label for c in claims]
    pred = [str(v.label) for v in verdicts]
    labels = LABELS
    row = {
        "n": len(claims),
        "gold_counts": {label: gold.count(label) for label in labels if label in gold},
        "accuracy": accuracy(gold, pred),
        "macro_f1": macro_f1(gold, pred),
        "per_class_f1": {k: v.f1 for k, v in per_class_scores(gold, pred).items() if v.support},
        "ece": expected_calibration_error(
            [v.confidence for v in verdicts], [g == p for g, p in zip(gold, pred, strict=True)]
        ),
        "predicted_counts": {label: pred.count(label) for label in labels},
    }
    if name == "fever-symmetric":
        forced = [
            "supported"
            if v.probabilities.get("supported", 0) >= v.probabilities.get("contradicted", 0)
            else "contradicted"
            for v in verdicts
        ]
        row["binary_forced_accuracy"] = accuracy(gold, forced)
        row["binary_forced_macro_f1"] = macro_f1(gold, forced)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    parser.add_argument("--limit", type=int, default=None, help="at most N claims per set (seeded sample)")
    parser.add_argument("--single", type=int, default=40, help="claims verified one per call, for latency")
    parser.add_argument("--data", type=Path, default=DATA_ROOT)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's own)")
    args = parser.parse_args(argv)
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)

    from factcheck.verification.verifier import Verifier, candidate_spans, pseudo_passages, verify_many

    verifier = Verifier.from_settings()
    started = time.perf_counter()
    verifier.warm_up()
    load_seconds = time.perf_counter() - started
    model = verifier._model
    import torch

    results: dict = {
        "model_version": verifier.model_version,
        "model_load_seconds": round(load_seconds, 2),
        "torch_threads": torch.get_num_threads(),
    }
    speed_pairs: list[tuple[str, str]] = []
    for name in args.sets:
        claims = select(load_set(name, args.data), args.limit, seed=0)
        if not claims:
            print(f"{name}: no data, skipped", file=sys.stderr)
            continue
        began = time.perf_counter()
        verdicts = verify_many([(c.claim, list(c.evidence)) for c in claims], verifier)
        seconds = time.perf_counter() - began
        pairs = [
            (c.claim, span.text)
            for c in claims
            for span in candidate_spans(0, _claim(c.claim), pseudo_passages(c.evidence), verifier.max_spans)
        ]
        speed_pairs += pairs[:400]
        row = score(name, claims, verdicts)
        row["pairs"] = len(pairs)
        row["seconds"] = round(seconds, 2)
        row["pairs_per_second"] = round(len(pairs) / seconds, 1) if seconds else None
        results[name] = row
        print(f"{name}: {len(claims)} claims, {len(pairs)} pairs, {seconds:.1f} s", file=sys.stderr)

    # Speed, all on the same pairs in the same process: raw forward, batched verifier, one claim per call.
    if speed_pairs:
        began = time.perf_counter()
        model.logits(speed_pairs)
        raw = len(speed_pairs) / (time.perf_counter() - began)
        singles = select(load_set(args.sets[0], args.data), args.single, seed=1)
        single_pairs = 0
        began = time.perf_counter()
        for c in singles:
            verify_many([(c.claim, list(c.evidence))], verifier)
            single_pairs += len(
                candidate_spans(0, _claim(c.claim), pseudo_passages(c.evidence), verifier.max_spans)
            )
        single_seconds = time.perf_counter() - began
        batched = [
            results[n]["pairs_per_second"]
            for n in args.sets
            if n in results and results[n]["pairs_per_second"]
        ]
        results["throughput"] = {
            "raw_model_pairs_per_second": round(raw, 1),
            "raw_pairs_measured": len(speed_pairs),
            "verifier_batch_pairs_per_second": round(sum(batched) / len(batched), 1) if batched else None,
            "verifier_single_pairs_per_second": round(single_pairs / single_seconds, 1),
            "single_claims": len(singles),
            "single_seconds_per_claim": round(single_seconds / max(1, len(singles)), 3),
        }
    results["command"] = "python -m eval.bench_verifier " + " ".join(
        argv if argv is not None else sys.argv[1:]
    )
    print_table(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


def _claim(text: str):
    from factcheck.domain import Claim

    return Claim(id=Claim.make_id(text), text=text, start=0, end=len(text))


def _fmt(value) -> str:
    return "-" if value is None else f"{value:.3f}"


def print_table(results: dict) -> None:
    """The quality table, then the speed lines."""
    print(f"model {results.get('model_version')}")
    print(f"{'set':<17}{'n':>6}{'acc':>7}{'mF1':>7}{'F1 sup':>8}{'F1 con':>8}{'F1 unv':>8}{'ECE':>7}  notes")
    for name in SETS:
        row = results.get(name)
        if not row:
            continue
        f1 = row["per_class_f1"]
        notes = ""
        if "binary_forced_accuracy" in row:
            forced = (row["binary_forced_accuracy"], row["binary_forced_macro_f1"])
            notes = f"forced binary acc {_fmt(forced[0])} mF1 {_fmt(forced[1])}"
        print(
            f"{name:<17}{row['n']:>6}{_fmt(row['accuracy']):>7}{_fmt(row['macro_f1']):>7}"
            f"{_fmt(f1.get('supported')):>8}{_fmt(f1.get('contradicted')):>8}{_fmt(f1.get('unverified')):>8}"
            f"{_fmt(row['ece']):>7}  {notes}"
        )
    speed = results.get("throughput")
    if speed:
        print(
            f"\nthroughput (claim-span pairs/s): raw model forward {speed['raw_model_pairs_per_second']}, "
            f"verifier batched {speed['verifier_batch_pairs_per_second']}, "
            f"verifier one claim per call {speed['verifier_single_pairs_per_second']} "
            f"({speed['single_seconds_per_claim']} s per claim)"
        )


if __name__ == "__main__":
    sys.exit(main())
