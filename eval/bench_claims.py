"""Claim extraction against human and reference decompositions, and its speed.

    nice -n 10 python -m eval.bench_claims [--no-embed] [--out eval/out/bench_claims.json]

Data (read in place, never copied): ``../shared/data/factcheck-gpt/factcheck-GPT-benchmark.jsonl`` (94
ChatGPT answers, 311 sentences, 678 human-written atomic claims) and WiCE (``../shared/data/wice``): the
parent claims of ``entailment_retrieval/claim/{dev,test}`` with their Claim-Split sub-claims from
``non_supported_tokens`` (only the sub-claims labelled partially supported are published there, so the
gold list per claim is incomplete: coverage is meaningful, precision is not).

Matching rules (both reported):

- lexical: gold claim G is covered by our claim C when every number of G appears in C and at least 80% of
  G's content words (lower-cased, stop words dropped, plural "s" stripped) appear in C. Precision is the
  same rule the other way: C is precise when some gold claim of the same sentence holds all of C's numbers
  and 80% of its content words. A whole sentence covers its gold claims but is not precise, so the two
  numbers together say whether the splitting is right.
- embedding: cosine similarity >= 0.8 between MiniLM embeddings
(``factcheck.corpus.encoder.shared_embedder``).

A claim of ours belongs to the gold sentence its span starts in; coverage and precision compare claims of
the same sentence only. The baseline "sentence as one claim" is scored the same way.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from factcheck.claims.extraction import extract_claims
from factcheck.rules.lexicon import FUNCTION_WORDS, words
from factcheck.sources.sentences import split_sentences

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
OUT = Path(__file__).resolve().parent / "out" / "bench_claims.json"
THRESHOLD = 0.8
# Words that say nothing about a claim's content: the function words, pronouns and quantifiers.
STOP = (FUNCTION_WORDS - {"how", "if", "why"}) | frozenset(
    words(
        """being it's whose also after before during since until up down out off very any all each both either
        neither other another own same only just shall must over under my me us him"""
    )
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+(?:[.,]\d+)*")


def _content(text: str) -> tuple[set[str], set[str]]:
    words, numbers = set(), set()
    for token in _WORD.findall(text):
        if token[0].isdigit():
            numbers.add(token.replace(",", ""))
            continue
        low = re.sub(r"['’]s$", "", token.lower())
        if low in STOP or len(low) < 2:
            continue
        if len(low) > 3 and low.endswith("s") and not low.endswith("ss"):
            low = low[:-1]
        words.add(low)
    return words, numbers


def lexical_match(gold: str, ours: str, share: float = THRESHOLD) -> bool:
    """Whether ``ours`` states ``gold``: all its numbers and ``share`` of its content words."""
    g_words, g_numbers = _content(gold)
    o_words, o_numbers = _content(ours)
    if not g_numbers <= o_numbers:
        return False
    if not g_words:
        return bool(g_numbers)
    return len(g_words & o_words) / len(g_words) >= share


# ---------------------------------------------------------------------------------------------- data


def load_factcheck_gpt() -> list[dict[str, Any]]:
    """Responses with their gold sentences (text, offsets in the response) and atomic claims."""
    path = DATA / "factcheck-gpt" / "factcheck-GPT-benchmark.jsonl"
    docs = []
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        text = row["response"]
        cursor, sentences = 0, []
        for key in sorted(row["sentences"], key=lambda k: int(re.sub(r"\D", "", k) or 0)):
            sentence = row["sentences"][key]
            words = sentence["text"].split()
            pattern = re.compile(r"\s*".join(re.escape(w) for w in words)) if words else None
            m = (pattern.search(text, cursor) or pattern.search(text)) if pattern else None
            start = m.start() if m else None
            end = m.end() if m else None
            if end is not None:
                cursor = end
            sentences.append(
                {"text": sentence["text"], "start": start, "end": end, "gold": sentence["claims"]}
            )
        docs.append({"text": text, "sentences": sentences})
    return docs


def load_wice() -> list[dict[str, Any]]:
    """WiCE parent claims (one "document" each) with the published sub-claims as gold."""
    docs = []
    for split in ("dev", "test"):
        parents = {}
        for line in (DATA / "wice" / "entailment_retrieval" / "claim" / f"{split}.jsonl").open(
            encoding="utf-8"
        ):
            row = json.loads(line)
            parents[row["meta"]["id"]] = row["claim"]
        subs: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for line in (DATA / "wice" / "non_supported_tokens" / f"{split}.jsonl").open(encoding="utf-8"):
            row = json.loads(line)
            parent, index = row["meta"]["id"].rsplit("-", 1)
            subs[parent].append((int(index), row["claim"]))
        for parent, items in subs.items():
            if parent not in parents:
                continue
            text = parents[parent]
            gold = [claim for _, claim in sorted(items)]
            docs.append(
                {
                    "text": text,
                    "sentences": [{"text": text, "start": 0, "end": len(text), "gold": gold}],
                    "gold_at_least": max(i for i, _ in items) + 1,
                }
            )
    return docs


# ------------------------------------------------------------------------------------------- scoring


def assign(doc: dict[str, Any], claims: list[Any]) -> list[list[str]]:
    """Our claim texts per gold sentence (by where each claim's span starts)."""
    per: list[list[str]] = [[] for _ in doc["sentences"]]
    for claim in claims:
        for i, sentence in enumerate(doc["sentences"]):
            if sentence["start"] is not None and sentence["start"] <= claim.start < sentence["end"]:
                per[i].append(claim.text)
                break
    return per


def score(docs: list[dict[str, Any]], ours: list[list[list[str]]], embed=None) -> dict[str, Any]:
    """Claims per sentence, coverage and precision (lexical, and embedding when ``embed`` is given)."""
    n_sent = n_gold = n_ours = covered = precise = 0
    pairs: list[tuple[list[str], list[str]]] = []
    for doc, per in zip(docs, ours, strict=True):
        for sentence, mine in zip(doc["sentences"], per, strict=True):
            if sentence["start"] is None:
                continue
            gold = sentence["gold"]
            n_sent += 1
            n_gold += len(gold)
            n_ours += len(mine)
            covered += sum(any(lexical_match(g, c) for c in mine) for g in gold)
            precise += sum(any(lexical_match(c, g) for g in gold) for c in mine)
            pairs.append((gold, mine))
    result: dict[str, Any] = {
        "sentences": n_sent,
        "gold_claims": n_gold,
        "our_claims": n_ours,
        "gold_per_sentence": round(n_gold / max(n_sent, 1), 3),
        "ours_per_sentence": round(n_ours / max(n_sent, 1), 3),
        "coverage_lexical": round(covered / max(n_gold, 1), 3),
        "precision_lexical": round(precise / max(n_ours, 1), 3),
    }
    if embed is not None:
        import numpy as np

        texts = sorted({t for gold, mine in pairs for t in gold + mine})
        vectors = dict(zip(texts, embed(texts), strict=True))
        cov = prec = 0
        for gold, mine in pairs:
            if not gold or not mine:
                continue
            sims = np.array([[float(vectors[g] @ vectors[c]) for c in mine] for g in gold])
            cov += int((sims.max(axis=1) >= THRESHOLD).sum())
            prec += int((sims.max(axis=0) >= THRESHOLD).sum())
        result["coverage_embedding"] = round(cov / max(n_gold, 1), 3)
        result["precision_embedding"] = round(prec / max(n_ours, 1), 3)
    return result


def baseline(docs: list[dict[str, Any]]) -> list[list[list[str]]]:
    """Each sentence of the text, unchanged, as one claim."""
    out = []
    for doc in docs:
        spans = split_sentences(doc["text"])
        per: list[list[str]] = [[] for _ in doc["sentences"]]
        for span in spans:
            for i, sentence in enumerate(doc["sentences"]):
                if sentence["start"] is not None and sentence["start"] <= span.start < sentence["end"]:
                    per[i].append(span.text)
                    break
        out.append(per)
    return out


def throughput(texts: list[str], repeats: int = 3) -> dict[str, float]:
    """Sentences per second of :func:`extract_claims`, single-threaded, pinned to one core when possible."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    n_sentences = sum(len(split_sentences(t)) for t in texts)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for text in texts:
            extract_claims(text)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    return {
        "sentences": n_sentences,
        "seconds": round(median, 3),
        "sentences_per_s": round(n_sentences / median, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-embed", action="store_true", help="skip the embedding-based matching")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    embed = None
    if not args.no_embed:
        from factcheck.corpus.encoder import shared_embedder

        model = shared_embedder()
        embed = model.embed

    report: dict[str, Any] = {"threshold": THRESHOLD, "sets": {}}
    for name, loader in (("factcheck-gpt", load_factcheck_gpt), ("wice", load_wice)):
        docs = loader()
        ours = [assign(doc, extract_claims(doc["text"])) for doc in docs]
        entry = {"ours": score(docs, ours, embed), "sentence_baseline": score(docs, baseline(docs), embed)}
        if name == "wice":
            entry["note"] = (
                "gold sub-claims incomplete (partially supported ones only): precision is not meaningful"
            )
            entry["gold_per_claim_at_least"] = round(sum(d["gold_at_least"] for d in docs) / len(docs), 3)
        report["sets"][name] = entry
    texts = [d["text"] for d in load_factcheck_gpt()] + [d["text"] for d in load_wice()]
    report["throughput"] = throughput(texts)

    _print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {args.out}")


def _print(report: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Claim extraction vs gold decompositions (match threshold {THRESHOLD})")
    columns = [
        ("data / system", None),
        ("sent.", "sentences"),
        ("gold/sent", "gold_per_sentence"),
        ("ours/sent", "ours_per_sentence"),
        ("cov lex", "coverage_lexical"),
        ("prec lex", "precision_lexical"),
        ("cov emb", "coverage_embedding"),
        ("prec emb", "precision_embedding"),
    ]
    for title, _ in columns:
        table.add_column(title, justify="left" if _ is None else "right")
    for name, entry in report["sets"].items():
        for system in ("ours", "sentence_baseline"):
            row = entry[system]
            table.add_row(f"{name} / {system}", *[str(row.get(key, "-")) for _, key in columns[1:]])
    Console(width=120).print(table)
    t = report["throughput"]
    print(
        f"throughput: {t['sentences_per_s']} sentences/s on one core "
        f"({t['sentences']} sentences, {t['seconds']} s)"
    )


if __name__ == "__main__":
    main()
