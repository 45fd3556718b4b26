"""The behavioural suite against the shipped verdict model, through the public ``verify_texts`` surface.

    nice -n 10 python -m eval.bench_behaviour [--failures 10] [--category identity ...] [--out PATH]

Cases: ``tests/behaviour/cases/*.jsonl`` (written by ``python -m eval.make_behaviour_cases``). Every case is
verified as ``factcheck.verification.verifier.verify_texts(claim, evidence)`` would verify it; the cases go
through ``verify_many`` in batches, which gives the same verdicts in one forward per batch.
``--write-floors`` sets ``tests/behaviour/floors.json`` to what the run reaches (accuracies rounded down,
the false-contradiction rate rounded up), for when a new model ships.

Per category and per source: n, accuracy, false contradictions (a case a reader calls supported or
unverified that came out contradicted, and their share of those cases) and the predicted-label counts.
Prints a table and writes ``eval/out/behaviour.json`` (scores, each wrong case with its verdict and reason,
the model version, timings). Compare with ``tests/behaviour/floors.json``, which the test suite enforces.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from factcheck.report.write import write_output
from tests.behaviour.suite import (
    CATEGORIES,
    FLOORS_FILE,
    CaseError,
    floors_from,
    load_cases,
    read_floors,
    score,
    verify_cases,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "eval" / "out" / "behaviour.json"


def table(scores: dict, floors: dict[str, float] | None = None) -> str:
    """The per-category table (and per source below it) as text."""
    head = f"{'':16} {'n':>4} {'accuracy':>9} {'false contra':>13} {'rate':>6}   sup / con / unv"
    lines = [head, "-" * len(head)]

    def row(name: str, block: dict, floor: float | None = None) -> str:
        p = block["predicted"]
        mark = f"  (floor {floor:.4f})" if floor is not None else ""
        return (
            f"{name:16} {block['n']:4} {block['accuracy']:9.3f} {block['false_contradictions']:13} "
            f"{block['false_contradiction_rate']:6.3f}   {p['supported']} / {p['contradicted']} / "
            f"{p['unverified']}{mark}"
        )

    floors = floors or {}
    for name, block in scores["categories"].items():
        lines.append(row(name, block, floors.get(name)))
    lines.append(row("overall", scores["overall"], floors.get("overall")))
    lines.append("")
    for name, block in scores["sources"].items():
        lines.append(row(name, block))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the suite, print the table, write the JSON; exit 2 on unreadable case files."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--category", nargs="*", choices=list(CATEGORIES), help="only these categories")
    parser.add_argument("--failures", type=int, default=0, help="print this many wrong cases per category")
    parser.add_argument("--out", type=Path, default=OUT, help="where the JSON goes")
    parser.add_argument(
        "--write-floors",
        action="store_true",
        help=f"set {FLOORS_FILE.name} to what this run reaches (the whole suite only)",
    )
    parser.add_argument("--model-dir", default=None, help="a verdict-model folder other than the shipped one")
    args = parser.parse_args(argv)
    try:
        cases = load_cases()
        floors = read_floors()
    except (CaseError, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.category:
        if args.write_floors:
            print("error: --write-floors needs the whole suite (no --category)", file=sys.stderr)
            return 2
        cases = [c for c in cases if c.category in args.category]

    from factcheck.verification.verifier import Verifier, default_verifier

    began = time.perf_counter()
    if args.model_dir:
        verifier = Verifier.from_settings()
        verifier.model_dir = args.model_dir
        verifier.warm_up()
    else:
        verifier = default_verifier()
    loaded = time.perf_counter()
    verdicts = verify_cases(cases, verifier)
    done = time.perf_counter()
    predicted = [str(v.label) for v in verdicts]
    scores = score(cases, predicted)
    wrong = [
        {
            **case.to_dict(),
            "predicted": label,
            "confidence": verdict.confidence,
            "reason": verdict.reason,
        }
        for case, verdict, label in zip(cases, verdicts, predicted, strict=True)
        if label != case.expected
    ]
    print(table(scores, floors))
    rate = len(cases) / max(done - loaded, 1e-9)
    print(
        f"\n{len(cases)} cases in {done - loaded:.1f} s ({rate:.0f} cases/s), "
        f"model load {loaded - began:.1f} s, model {verifier.model_version}"
    )
    if args.failures:
        for category in CATEGORIES:
            shown = [w for w in wrong if w["category"] == category][: args.failures]
            for w in shown:
                print(f"\n[{w['id']}] {w['subcategory']}: expected {w['expected']}, got {w['predicted']}")
                print(f"  claim:    {w['claim']}")
                for text in w["evidence"]:
                    print(f"  evidence: {text}")
                print(f"  reason:   {w['reason']}")
    report = {
        "model_version": verifier.model_version,
        "cases": len(cases),
        "seconds": round(done - loaded, 2),
        "model_load_seconds": round(loaded - began, 2),
        "floors": floors,
        **scores,
        "wrong": wrong,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_output(json.dumps(report, ensure_ascii=False, indent=2) + "\n", args.out)
    print(f"\nwrote {args.out}")
    if args.write_floors:
        floors = floors_from(scores)
        write_output(json.dumps(floors, indent=2) + "\n", FLOORS_FILE)
        print(f"wrote {FLOORS_FILE}: {floors}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
