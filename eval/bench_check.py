"""Benchmark of `factcheck check`: cold and warm wall time by stage, and peak memory.

Two drafts: the bundled demo draft against the bundled corpus, and a ~1,000-word draft against an index of
the SciFact corpus. The 1,000-word draft is made from SciFact training claims, joined into paragraphs (the
claims are real check-worthy statements of that corpus's domain; their order is fixed by the seed).

    python -m eval.bench_check [--scifact-index DIR] [--skip-scifact]

Cold: a new process runs `factcheck check` (imports, model loads, index open), timed from outside, with its
peak RSS. Warm: in this process, the same check twice; the second run's stage times are reported.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "eval" / "out"
DEMO_DRAFT = ROOT / "claims" / "xiaomi-draft.md"


def scifact_draft(words: int = 1000, seed: int = 13) -> str:
    claims = [json.loads(line)["claim"] for line in (SHARED / "scifact" / "claims_train.jsonl").open()]
    random.Random(seed).shuffle(claims)
    paragraphs, current, count = [], [], 0
    for claim in claims:
        sentence = claim.strip().rstrip(".") + "."
        current.append(sentence[0].upper() + sentence[1:])
        count += len(sentence.split())
        if len(current) == 5:
            paragraphs.append(" ".join(current))
            current = []
        if count >= words:
            break
    if current:
        paragraphs.append(" ".join(current))
    return "# Research roundup\n\n" + "\n\n".join(paragraphs) + "\n"


def build_scifact_index(index_dir: Path) -> None:
    from factcheck.corpus.index import build_index
    from factcheck.settings import load_settings

    corpus = OUT / "scifact-corpus.jsonl"
    if not corpus.exists():
        with gzip.open(SHARED / "scifact" / "corpus.jsonl.gz", "rt") as source, corpus.open("w") as target:
            for line in source:
                doc = json.loads(line)
                target.write(
                    json.dumps(
                        {"id": str(doc["doc_id"]), "title": doc["title"], "text": " ".join(doc["abstract"])}
                    )
                    + "\n"
                )
    build_index([corpus], index_dir, load_settings())


def cold_run(draft: Path, index: Path | None) -> dict[str, float]:
    command = [sys.executable, "-m", "factcheck", "check", str(draft), "--format", "json", "--quiet"]
    if index:
        command += ["--index", str(index)]
    wrapper = (
        "import resource, subprocess, sys, time; t=time.perf_counter();"
        f"r=subprocess.run({command!r}, capture_output=True);"
        "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)"
    )
    out = subprocess.run([sys.executable, "-c", wrapper], capture_output=True, text=True, check=True).stdout
    seconds, rss_kb, code = out.split()
    return {"seconds": float(seconds), "peak_rss_mb": int(rss_kb) / 1024, "exit_code": int(code)}


class ForwardTimer:
    """Adds up the time spent in the verdict model's forward passes (``VerifierModel.logits``)."""

    def __init__(self) -> None:
        from factcheck.verification.model import VerifierModel

        self.seconds = 0.0
        self.pairs = 0
        original = VerifierModel.logits

        def timed(model, pairs, *args, **kwargs):
            began = time.perf_counter()
            try:
                return original(model, pairs, *args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - began
                self.pairs += len(pairs)

        VerifierModel.logits = timed


def warm_run(draft: Path, index: Path | None, forward: ForwardTimer) -> dict[str, object]:
    from factcheck.report import render
    from factcheck.workflows.check import check_draft

    check_draft(str(draft), index=index, quiet=True)
    forward.seconds, forward.pairs = 0.0, 0
    began = time.perf_counter()
    result = check_draft(str(draft), index=index, quiet=True)
    render_began = time.perf_counter()
    render.text_report(result)
    render.html_report(result)
    finished = time.perf_counter()
    stages = dict(result.timings)
    stages["rendering"] = finished - render_began
    claims = len(result.verdicts)
    return {
        "seconds": render_began - began,
        "claims": claims,
        "seconds_per_claim": (render_began - began) / max(claims, 1),
        "stages": stages,
        "model_forward_seconds": forward.seconds,
        "model_forward_pairs": forward.pairs,
        "model_forward_share": forward.seconds / max(render_began - began, 1e-9),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scifact-index", type=Path, default=OUT / "scifact-index")
    parser.add_argument("--skip-scifact", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    runs = {"demo": (DEMO_DRAFT, None)}
    if not args.skip_scifact and SHARED.is_dir():
        if not (args.scifact_index / "index.sqlite").exists():
            build_scifact_index(args.scifact_index)
        draft = OUT / "scifact-draft.md"
        draft.write_text(scifact_draft())
        runs["scifact-1000-words"] = (draft, args.scifact_index)
    results = {}
    forward = ForwardTimer()
    for name, (draft, index) in runs.items():
        cold = cold_run(draft, index)
        warm = warm_run(draft, index, forward)
        results[name] = {"cold": cold, "warm": warm, "words": len(draft.read_text().split())}
    results["peak_rss_mb_this_process"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'draft':<22}{'words':>6}{'claims':>7}{'cold s':>8}{'cold MB':>9}{'warm s':>8}{'s/claim':>9}")
    for name, row in results.items():
        if not isinstance(row, dict) or "cold" not in row:
            continue
        warm = row["warm"]
        print(
            f"{name:<22}{row['words']:>6}{warm['claims']:>7}{row['cold']['seconds']:>8.2f}"
            f"{row['cold']['peak_rss_mb']:>9.0f}{warm['seconds']:>8.2f}{warm['seconds_per_claim']:>9.3f}"
        )
        print("   warm stages: " + ", ".join(f"{k} {v:.3f}s" for k, v in warm["stages"].items()))
        print(
            f"   verifier model forward: {warm['model_forward_seconds']:.3f}s for"
            f" {warm['model_forward_pairs']} pairs = {warm['model_forward_share']:.0%} of the warm check"
        )
    (OUT / "bench_check.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
