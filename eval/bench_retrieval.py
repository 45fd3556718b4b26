"""Benchmark of indexing and retrieval on the SciFact corpus (5,183 abstracts) with its training claims.

    nice -n 10 python -m eval.bench_retrieval [--limit DOCS] [--raw-sample N] [--latency-queries N]

Measures, in one run:

- indexing throughput (passages/s) of ``build_index`` on a fresh index (ingest, passages, embeddings, SQLite,
  FAISS), with the share of time spent in the embedding model;
- raw ``SentenceTransformer.encode`` throughput on a random sample of the same passages, and this package's
  embedder on the very same sample: the overhead ratios (raw / pipeline);
- warm search latency p50/p95 per mode, and the cold start of ``factcheck search`` (a new process);
- recall@5 and recall@20 of the gold abstracts of the training claims that have evidence (a gold abstract
  counts as found when one of its passages is among the top k passages), dense, BM25 and hybrid;
- HNSW against exact (Flat) search on the same embeddings: top-10 overlap, build time and query time.

``--limit`` keeps the gold abstracts of the claims first, then fills up with other abstracts. Prints a table
and writes ``eval/out/bench_retrieval.json`` (also after each stage, so a long run that fails keeps what it
measured; ``--reuse-index DIR`` then skips the build, and the throughput, of an index kept with
``--keep-index DIR``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SCIFACT = ROOT.parent / "shared" / "data" / "scifact"
OUT = ROOT / "eval" / "out"
OUT_FILE = OUT / "bench_retrieval.json"


def load_scifact(limit: int | None) -> tuple[list[dict], list[tuple[str, set[str]]]]:
    """Corpus records, and (claim, gold doc ids) of the training claims with evidence among the kept docs."""
    with gzip.open(SCIFACT / "corpus.jsonl.gz", "rt", encoding="utf-8") as handle:
        corpus = [json.loads(line) for line in handle]
    claims = []
    with (SCIFACT / "claims_train.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("evidence"):
                claims.append((record["claim"], {str(d) for d in record["evidence"]}))
    if limit:
        gold = {d for _, docs in claims for d in docs}
        ordered = sorted(corpus, key=lambda r: str(r["doc_id"]) not in gold)
        corpus = ordered[:limit]
    kept = {str(r["doc_id"]) for r in corpus}
    claims = [(c, docs & kept) for c, docs in claims if docs & kept]
    return corpus, claims


def write_jsonl(corpus: list[dict], folder: Path) -> Path:
    """The abstracts as a JSONL corpus: id, title, text = title + blank line + abstract sentences."""
    path = folder / "scifact.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for record in corpus:
            text = record["title"].strip() + "\n\n" + " ".join(s.strip() for s in record["abstract"])
            handle.write(
                json.dumps({"id": str(record["doc_id"]), "title": record["title"], "text": text}) + "\n"
            )
    return path


class TimedEmbedder:
    """The package's embedder, with the time spent inside it."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.seconds = 0.0

    def embed(self, texts, batch_size=64, progress=None):
        started = time.perf_counter()
        try:
            return self.inner.embed(texts, batch_size=batch_size, progress=progress)
        finally:
            self.seconds += time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def recall_at(results, claims, ks=(5, 20)) -> dict[str, float]:
    """Share of (claim, gold abstract) pairs whose abstract has a passage among the top k."""
    out = {}
    for k in ks:
        found = total = 0
        for passages, (_, gold) in zip(results, claims, strict=True):
            top = {p.doc_id for p in passages[:k]}
            found += len(gold & top)
            total += len(gold)
        out[f"recall@{k}"] = found / total if total else 0.0
    return out


def cold_search(index_dir: Path, query: str, mode: str, runs: int) -> float:
    """Median wall time of ``factcheck search`` in a new process."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "factcheck",
                "search",
                query,
                "--index",
                str(index_dir),
                "--mode",
                mode,
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
        )
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise SystemExit(f"factcheck search failed: {done.stderr.strip()}")
    return statistics.median(times)


def hnsw_against_flat(index, claim_vectors: np.ndarray, ef_values=(64, 128, 256)) -> dict:
    """Top-10 overlap of HNSW with exact search over the same stored embeddings."""
    from factcheck.corpus import dense

    ids, vectors = index._stored_vectors()
    flat = dense.build(ids, vectors, vectors.shape[1], dense.FLAT)
    started = time.perf_counter()
    hnsw = dense.build(ids, vectors, vectors.shape[1], dense.HNSW)
    build_seconds = time.perf_counter() - started
    _, exact = dense.search(flat, claim_vectors, 10)
    started = time.perf_counter()
    for vector in claim_vectors:
        dense.search(flat, vector[None, :], 10)
    flat_ms = (time.perf_counter() - started) / len(claim_vectors) * 1000
    result = {
        "vectors": int(len(ids)),
        "hnsw_build_s": build_seconds,
        "flat_query_ms": flat_ms,
        "ef_search": {},
    }
    for ef in ef_values:
        dense.set_ef_search(hnsw, ef)
        started = time.perf_counter()
        for vector in claim_vectors:
            dense.search(hnsw, vector[None, :], 10)
        query_ms = (time.perf_counter() - started) / len(claim_vectors) * 1000
        _, approx = dense.search(hnsw, claim_vectors, 10)
        overlap = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(exact, approx, strict=True)])
        result["ef_search"][str(ef)] = {"top10_overlap": float(overlap), "query_ms": query_ms}
    return result


def raw_encode(sample: list[str], results: dict, batch_size: int, embedder, model_path: Path) -> dict:
    """Raw ``SentenceTransformer.encode`` and this package's embedder on the same passages."""
    print(f"raw SentenceTransformer.encode on {len(sample)} passages ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    from sentence_transformers import SentenceTransformer

    st_model = SentenceTransformer(str(model_path), device="cpu")
    st_start_s = time.perf_counter() - started
    started = time.perf_counter()
    st_model.encode(sample, batch_size=batch_size, normalize_embeddings=True)
    raw_pps = len(sample) / (time.perf_counter() - started)
    started = time.perf_counter()
    embedder.embed(sample, batch_size=batch_size)
    ours_pps = len(sample) / (time.perf_counter() - started)
    indexing = results.get("index", {}).get("passages_per_s")
    return {
        "sample": len(sample),
        "import_and_load_s": st_start_s,
        "sentence_transformers_passages_per_s": raw_pps,
        "factcheck_embedder_passages_per_s": ours_pps,
        "overhead_ratio_indexing": raw_pps / indexing if indexing else None,
        "overhead_ratio_embedder": raw_pps / ours_pps,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="Index only this many abstracts.")
    parser.add_argument("--raw-sample", type=int, default=500, help="Passages for the raw encode comparison.")
    parser.add_argument("--latency-queries", type=int, default=100, help="Claims timed one by one per mode.")
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--keep-index", type=Path, default=None, help="Build the index here and keep it.")
    parser.add_argument("--reuse-index", type=Path, default=None, help="Search this index; do not build.")
    parser.add_argument("--out", type=Path, default=OUT / "bench_retrieval.json", help="JSON output file.")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    global OUT_FILE
    OUT_FILE = args.out
    if not SCIFACT.is_dir():
        raise SystemExit(f"{SCIFACT} is not present")

    from factcheck.corpus.encoder import model_dir, shared_embedder
    from factcheck.corpus.index import CorpusIndex, build_index
    from factcheck.settings import load_settings

    settings = load_settings()
    corpus, claims = load_scifact(args.limit)
    workdir = Path(tempfile.mkdtemp(prefix="bench-retrieval-"))
    index_dir = args.reuse_index or args.keep_index or workdir / "index"
    embedder = shared_embedder()
    embedder.warm_up()  # model load is start-up, not indexing
    results: dict = {
        "machine": {"cpu": platform.processor() or platform.machine(), "python": platform.python_version()},
        "command": " ".join(sys.argv),
        "documents": len(corpus),
    }
    if args.reuse_index is None:
        source = write_jsonl(corpus, workdir)
        timed = TimedEmbedder(embedder)
        print(f"indexing {len(corpus)} abstracts ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        report = build_index([source], index_dir, settings, embedder=timed)
        index_seconds = time.perf_counter() - started
        results["passages"] = report.passages
        results["index"] = {
            "seconds": index_seconds,
            "passages_per_s": report.passages / index_seconds,
            "embedding_seconds": timed.seconds,
            "embedding_share": timed.seconds / index_seconds,
        }
        save(results)

    index = CorpusIndex.open(index_dir, settings, embedder)
    results["passages"] = index.passage_count
    rows = index._query("SELECT text FROM passages")
    sample = [r[0] for r in random.Random(args.seed).sample(rows, min(args.raw_sample, len(rows)))]
    if sample:
        results["raw_encode"] = raw_encode(sample, results, settings.embed_batch_size, embedder, model_dir())
        save(results)
    print(f"recall on {len(claims)} claims ...", file=sys.stderr, flush=True)
    queries = [c for c, _ in claims]
    results["recall"] = {}
    for mode in ("dense", "bm25", "hybrid"):
        started = time.perf_counter()
        found = index.search_many(queries, k=20, mode=mode)
        results["recall"][mode] = recall_at(found, claims) | {"batch_seconds": time.perf_counter() - started}
    results["recall"]["claims"] = len(claims)
    results["recall"]["gold_pairs"] = sum(len(g) for _, g in claims)
    save(results)

    latency = {}
    timed_queries = queries[: args.latency_queries]
    for mode in ("hybrid", "dense", "bm25"):
        for query in timed_queries[:5]:
            index.search(query, k=settings.top_k, mode=mode)  # warm
        times = []
        for query in timed_queries:
            started = time.perf_counter()
            index.search(query, k=settings.top_k, mode=mode)
            times.append((time.perf_counter() - started) * 1000)
        latency[mode] = {"p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95), "n": len(times)}
    results["search_latency_warm"] = latency

    print("cold start of factcheck search ...", file=sys.stderr, flush=True)
    results["cold_start_s"] = {
        mode: cold_search(index_dir, queries[0], mode, args.cold_runs) for mode in ("hybrid", "bm25")
    }

    print("HNSW against exact search ...", file=sys.stderr, flush=True)
    claim_vectors = embedder.embed(queries, batch_size=settings.embed_batch_size)
    results["hnsw_vs_flat"] = hnsw_against_flat(index, claim_vectors)
    index.close()

    save(results)
    print_table(results)


def save(results: dict) -> None:
    OUT_FILE.parent.mkdir(parents=True, exist_ok=True)
    OUT_FILE.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def print_table(r: dict) -> None:
    idx, raw = r.get("index"), r.get("raw_encode")
    lines = [f"SciFact: {r['documents']} abstracts, {r['passages']} passages"]
    if idx:
        lines.append(
            f"indexing           {idx['passages_per_s']:8.1f} passages/s  ({idx['seconds']:.0f} s, "
            f"{idx['embedding_share']:.0%} in the model)"
        )
    if raw:
        lines += [
            f"raw ST encode      {raw['sentence_transformers_passages_per_s']:8.1f} passages/s  "
            f"(sample of {raw['sample']})",
            f"factcheck embedder {raw['factcheck_embedder_passages_per_s']:8.1f} passages/s  (same sample)",
            f"overhead ratio     indexing {raw['overhead_ratio_indexing'] or float('nan'):.2f}x, "
            f"embedder {raw['overhead_ratio_embedder']:.2f}x  (raw / ours)",
        ]
    lines += [
        "",
        f"recall ({r['recall']['claims']} claims, {r['recall']['gold_pairs']} gold abstracts)   @5      @20",
    ]
    for mode in ("dense", "bm25", "hybrid"):
        m = r["recall"][mode]
        lines.append(f"  {mode:<8}{'':30}{m['recall@5']:.3f}   {m['recall@20']:.3f}")
    lines.append("")
    lines.append("warm search latency (k=5)     p50 ms   p95 ms")
    for mode, m in r["search_latency_warm"].items():
        lines.append(f"  {mode:<28}{m['p50_ms']:7.1f}  {m['p95_ms']:7.1f}")
    lines.append(
        "cold `factcheck search`       "
        + ", ".join(f"{mode} {s:.2f} s" for mode, s in r["cold_start_s"].items())
    )
    h = r["hnsw_vs_flat"]
    lines.append("")
    lines.append(
        f"HNSW vs Flat on {h['vectors']} vectors: build {h['hnsw_build_s']:.1f} s, "
        f"flat {h['flat_query_ms']:.2f} ms/query"
    )
    for ef, m in h["ef_search"].items():
        lines.append(
            f"  efSearch {ef:>4}: top-10 overlap {m['top10_overlap']:.3f}, {m['query_ms']:.2f} ms/query"
        )
    print("\n".join(lines))


if __name__ == "__main__":
    main()
