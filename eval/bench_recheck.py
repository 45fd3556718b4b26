"""Benchmark of `factcheck recheck`: the default incremental re-check against `--all`, in one run.

    python -m eval.bench_recheck [--limit-docs N] [--claims 2000] [--change-fraction 0.01] [--work DIR]

1. Index the SciFact corpus (``../shared/data/scifact/corpus.jsonl.gz``; ``--limit-docs`` keeps the
   documents the claims cite plus a seeded sample of the rest, for a shorter run).
2. Store ``--claims`` claims with their verdicts from the real pipeline: every SciFact training claim, then,
   when there are fewer than asked, claims made of abstract sentences of 8 to 40 words (one from each of the
   indexed abstracts in a seeded order, then a second one, ...), recorded as `check --store` would.
3. Change ``--change-fraction`` of the indexed documents (a seeded sample: the first figure written in
   digits is altered, or a sentence is appended when there is none) and index again (incrementally).
4. Time the default re-check, then ``--all`` on the same store and index; report both and their ratio.

Prints a table and writes ``eval/out/bench_recheck.json``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCIFACT = ROOT.parent / "shared" / "data" / "scifact"
OUT = ROOT / "eval" / "out"
FIGURE = re.compile(r"\b\d+(?:\.\d+)?\b")


def load_corpus() -> list[dict]:
    with gzip.open(SCIFACT / "corpus.jsonl.gz", "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def load_claims() -> list[dict]:
    return [json.loads(line) for line in (SCIFACT / "claims_train.jsonl").open(encoding="utf-8")]


def select_documents(corpus: list[dict], claims: list[dict], limit: int | None, seed: int) -> list[dict]:
    """The whole corpus, or the cited documents plus a seeded sample of the others up to ``limit``."""
    if limit is None or limit >= len(corpus):
        return corpus
    cited = {int(d) for claim in claims for d in claim.get("cited_doc_ids", [])}
    keep = [doc for doc in corpus if doc["doc_id"] in cited][:limit]
    others = [doc for doc in corpus if doc["doc_id"] not in cited]
    random.Random(seed).shuffle(others)
    return keep + others[: max(0, limit - len(keep))]


def write_jsonl(docs: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as target:
        for doc in docs:
            record = {"id": str(doc["doc_id"]), "title": doc["title"], "text": " ".join(doc["abstract"])}
            target.write(json.dumps(record) + "\n")


def claim_texts(claims: list[dict], docs: list[dict], wanted: int, seed: int) -> tuple[list[str], int]:
    """SciFact claims first, then abstract sentences; returns the texts and how many are sentences."""
    from factcheck.domain import Claim

    texts, seen = [], set()

    def add(text: str) -> None:
        text = " ".join(text.split())
        text = text if text.endswith(".") else text + "."
        key = Claim.make_id(text)
        if key not in seen and len(texts) < wanted:
            seen.add(key)
            texts.append(text)

    for claim in claims:
        add(claim["claim"])
    from_claims = len(texts)
    # One sentence from each of the shuffled abstracts, then a second one from each, and so on.
    order = list(docs)
    random.Random(seed).shuffle(order)
    pools = []
    for doc in order:
        fitting = [s for s in doc["abstract"] if 8 <= len(s.split()) <= 40 and not s.isupper()]
        random.Random(f"{seed}:{doc['doc_id']}").shuffle(fitting)
        pools.append(fitting)
    for round_ in range(max((len(p) for p in pools), default=0)):
        for pool in pools:
            if len(texts) >= wanted:
                break
            if round_ < len(pool):
                add(pool[round_])
    return texts, len(texts) - from_claims


def changed_text(doc: dict, rng: random.Random) -> list[str]:
    """The abstract with its first figure altered, or with a correction appended when it has none."""
    sentences = list(doc["abstract"])
    for i, sentence in enumerate(sentences):
        match = FIGURE.search(sentence)
        if match:
            value = float(match.group())
            new = value * rng.choice((0.5, 2, 10)) + 1
            figure = f"{new:.1f}" if "." in match.group() else str(int(new))
            if figure == match.group():  # e.g. 2 * 0.5 + 1
                figure = f"{value + 3:.1f}" if "." in match.group() else str(int(value) + 3)
            sentences[i] = sentence[: match.start()] + figure + sentence[match.end() :]
            return sentences
    return [*sentences, "A later correction reported that these results could not be reproduced."]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit-docs", type=int, default=None, help="index at most N documents")
    parser.add_argument("--claims", type=int, default=2000, help="claims to store")
    parser.add_argument("--change-fraction", type=float, default=0.01, help="share of documents changed")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one)")
    parser.add_argument("--out", type=Path, default=OUT / "bench_recheck.json")
    args = parser.parse_args(argv)
    if not SCIFACT.is_dir():
        sys.exit(f"{SCIFACT} is not present")
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-recheck-"))
    work.mkdir(parents=True, exist_ok=True)

    from factcheck.corpus.index import CorpusIndex, build_index
    from factcheck.domain import Claim
    from factcheck.settings import load_settings
    from factcheck.workflows.recheck import pipeline_verify, recheck_store
    from factcheck.workflows.store import ClaimStore

    settings = load_settings()
    claims = load_claims()
    docs = select_documents(load_corpus(), claims, args.limit_docs, args.seed)
    corpus_file, index_dir, store_file = work / "corpus.jsonl", work / "index", work / "claims.sqlite"
    write_jsonl(docs, corpus_file)
    for stale in (store_file, Path(f"{store_file}-wal"), Path(f"{store_file}-shm")):
        stale.unlink(missing_ok=True)
    timings: dict[str, float] = {}

    began = time.perf_counter()
    build_index([corpus_file], index_dir, settings)
    timings["index"] = time.perf_counter() - began
    print(f"indexed {len(docs)} documents in {timings['index']:.1f} s", flush=True)

    texts, derived = claim_texts(claims, docs, args.claims, args.seed)
    draft = "\n".join(texts)
    found, at = [], 0
    for text in texts:
        start = draft.index(text, at)
        found.append(Claim(Claim.make_id(text), text, start, start + len(text)))
        at = start + len(text)
    began = time.perf_counter()
    verify = pipeline_verify(index_dir, settings)
    verdicts = []
    for begin in range(0, len(found), 64):
        verdicts.extend(verify(found[begin : begin + 64]))
        print(f"\rinitial check: {len(verdicts)}/{len(found)} claims", end="", flush=True)
    timings["initial_check"] = time.perf_counter() - began
    print(f" in {timings['initial_check']:.1f} s", flush=True)
    with CorpusIndex.open(index_dir, settings) as index, ClaimStore.open(store_file) as store:
        store.record_check(work / "claims-draft.txt", draft, verdicts, index.corpus_version, index.generation)

    rng = random.Random(args.seed)
    changed_count = max(1, round(len(docs) * args.change_fraction))
    changed_ids = {doc["doc_id"] for doc in rng.sample(docs, changed_count)}
    docs = [
        {**doc, "abstract": changed_text(doc, rng)} if doc["doc_id"] in changed_ids else doc for doc in docs
    ]
    write_jsonl(docs, corpus_file)
    began = time.perf_counter()
    report = build_index([corpus_file], index_dir, settings)
    timings["reindex"] = time.perf_counter() - began
    print(f"changed {len(report.changed)} documents; re-indexed in {timings['reindex']:.1f} s", flush=True)

    runs = {}
    for name, everything in (("incremental", False), ("all", True)):
        began = time.perf_counter()
        result = recheck_store(store_file, index_dir, all=everything, settings=settings, quiet=True)
        seconds = time.perf_counter() - began
        runs[name] = {
            "seconds": round(seconds, 2),
            "checked": result.checked,
            "skipped": result.skipped,
            "checked_reasons": dict(result.checked_reasons),
            "skipped_reasons": dict(result.skipped_reasons),
            "changes": len(result.changes),
        }
        print(
            f"recheck {name}: {seconds:.1f} s, {result.checked} checked, {result.skipped} skipped", flush=True
        )

    ratio = runs["all"]["seconds"] / max(runs["incremental"]["seconds"], 1e-9)
    summary = {
        "documents": len(docs),
        "documents_changed": len(report.changed),
        "claims": len(texts),
        "claims_from_scifact": len(texts) - derived,
        "claims_from_sentences": derived,
        "timings_s": {k: round(v, 2) for k, v in timings.items()},
        "recheck": runs,
        "all_over_incremental": round(ratio, 2),
        "command": "python -m eval.bench_recheck " + " ".join(argv if argv is not None else sys.argv[1:]),
    }
    print()
    print(f"{'run':<12} {'seconds':>9} {'checked':>8} {'skipped':>8} {'changes':>8}")
    for name, run in runs.items():
        print(
            f"{name:<12} {run['seconds']:>9.1f} {run['checked']:>8} {run['skipped']:>8} {run['changes']:>8}"
        )
    print(
        f"--all / incremental: {ratio:.1f}x  ({len(texts)} claims, {len(report.changed)} of {len(docs)} "
        f"documents changed)"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
