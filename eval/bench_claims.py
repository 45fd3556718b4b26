"""Claim extraction against human decompositions: what is kept, how it is split, whether it stands alone.

    nice -n 10 python -m eval.bench_claims [--no-embed] [--out eval/out/bench_claims.json]

Data (read in place, never copied):

- ``../shared/data/factcheck-gpt/factcheck-GPT-benchmark.jsonl``: 94 ChatGPT answers, 311 sentences with
  human check-worthiness labels (``yes`` / ``other`` / ``opinion`` / ``not_a_claim``) and 678 human-written
  atomic claims. The answers whose index is a multiple of 5 are the held-out split: the check-worthiness
  classifier (``eval/train_checkworthy.py``) trains on the others, so its figures are given for both.
- ``claims/news-sample.jsonl``: 273 units of news, cited web articles, ChatGPT answers and PolitiFact prose,
  hand-labelled check-worthy or not with their expected claims (``claims/news-sample.md``); the classifier
  may train on its ``dev`` excerpts, ``test`` is held out.
- WiCE (``../shared/data/wice``): parent claims of ``entailment_retrieval/claim/{dev,test}`` with their
  Claim-Split sub-claims from ``non_supported_tokens`` (only the sub-claims of partially supported claims
  are published, so the gold list is incomplete: coverage is meaningful, precision is not).
- SummEdits news (``../shared/data/summedits/summedits_news.json``): the 25 articles, without gold claims,
  for the share of self-contained claims and what is dropped.

Matching rules (both reported):

- lexical: gold claim G is covered by our claim C when every number of G appears in C and at least 80% of
  G's content words (lower-cased, stop words dropped, plural "s" stripped) appear in C; precision is the
  same rule the other way. A whole sentence covers its gold claims but is not precise.
- embedding: cosine similarity >= 0.8 between MiniLM embeddings (``factcheck.corpus.encoder``), cached
  under ``eval/cache/`` so that a rerun embeds only new texts.

The held-out parts (``ours_held-out``, ``ours_test``) are reported beside the parts the rules were written
on (``ours_train``, ``ours_dev``).

A claim of ours belongs to the gold sentence its span starts in; coverage and precision compare claims of
the same sentence only. A sentence is predicted check-worthy when at least one claim starts in it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sqlite3
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.claims.extraction import Extraction, extract, extract_claims
from factcheck.rules.lexicon import FUNCTION_WORDS, words
from factcheck.sources.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
SAMPLE = ROOT / "claims" / "news-sample.jsonl"
OUT = ROOT / "eval" / "out" / "bench_claims.json"
CACHE = ROOT / "eval" / "cache" / "bench_claims-embeddings.sqlite"
THRESHOLD = 0.8
HELD_OUT_EVERY = 5  # factcheck-gpt answers whose index is a multiple of this are held out
# Words that say nothing about a claim's content: the function words, pronouns and quantifiers.
STOP = (FUNCTION_WORDS - {"how", "if", "why"}) | frozenset(
    words(
        """being it's whose also after before during since until up down out off very any all each both either
        neither other another own same only just shall must over under my me us him"""
    )
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+(?:[.,]\d+)*")
Embed = Callable[[Sequence[str]], np.ndarray]


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


# ------------------------------------------------------------------------------- self-contained claims

_PRONOUN_START = re.compile(
    # "such as X" after a noun refers to nothing
    r"^(?:[^,]{0,40},\s+)?(?:it|its|he|his|him|she|her|they|their|them|this|that|these|those|such(?!\s+as))\b"
    r"(?!\s+(?-i:[A-Z]))",  # "This Mortal Coil", "These New Puritans": a name
    re.I,
)
_EXPLETIVE = re.compile(
    r"^(?:[^,]{0,40},\s+)?it(?:'s|\s+is|\s+was|\s+has been|\s+would be|\s+will be|\s+remains|\s+seems)\s+"
    r"(?:not\s+)?(?:\w+\s+){0,2}?(?:to|that|whether|how|when|why)\b|^(?:[^,]{0,40},\s+)?it\s+(?:is|was)\s+"
    r"(?:said|believed|estimated|reported|thought|expected|known|claimed|rumou?red)\b",
    re.I,
)
_DEMONSTRATIVE = re.compile(r"^(?:this|these|those|that|such)\s+(?-i:[a-z])", re.I)
# A definite description that refers back: "The company said", "The new division is led by".
_ANAPHORIC_HEADS = (
    "company|firm|group|carmaker|maker|startup|unit|division|subsidiary|business|venture|deal|acquisition|"
    "purchase|plant|factory|facility|site|report|study|survey|move|plan|project|programme|program|proposal|"
    "measure|bill|law|girl|boy|man|woman|victim|suspect|gunman|city|agency|organi[sz]ation|exchange|app|"
    "platform|team|committee|campaign|trip|film|movie|album|song|restaurant|museum|school|hospital|court|"
    "president|minister|official|spokesperson|band|player|club|party|game|event|device|product|model|car|"
    "phone|system|technology|process|method|approach|book|show|series|brand|team|index|fund|bank|market"
)
_ANAPHORIC_DEFINITE = re.compile(
    # a capitalised head is a name ("The Supreme Court rules"), a lower-case one refers back ("The court")
    rf"^(?:[^,]{{0,40}},\s+)?the\s+(?:[a-z-]+\s+){{0,2}}?(?-i:{_ANAPHORIC_HEADS})s?\s+"
    r"(?:is|was|are|were|has|had|have|will|would|can|could|said|says|also|did|does|[a-z]+ed|[a-z]+s)\b",
    re.I,
)


# Stricter: any opening "the N" of at most three lower-case words right before an auxiliary or a past
# tense ("The assets were returned", "The beneficiaries included"), whatever the noun. It also counts a kind
# named in full ("The peregrine falcon is ..."), so it errs the other way; the two shares bound the truth.
_BARE_DEFINITE = re.compile(
    r"^(?:[^,]{0,40},\s+)?(?i:the)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s+(?:also\s+)?"
    r"(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does|do|said|says|"
    r"[a-z]{3,}ed)\b"
)


def strictly_self_contained(text: str) -> bool:
    """:func:`self_contained`, and no opening bare definite description of any noun."""
    return self_contained(text) and not _BARE_DEFINITE.match(text)


def self_contained(text: str) -> bool:
    """Whether a claim names its subject (the issue's definition, read from the text alone): no opening
    pronoun or demonstrative (an expletive "It is difficult to ..." is fine) and no opening definite
    description that refers back ("The company said ...")."""
    if _PRONOUN_START.match(text) and not _EXPLETIVE.match(text):
        return False
    return not (_DEMONSTRATIVE.match(text) or _ANAPHORIC_DEFINITE.match(text))


# ---------------------------------------------------------------------------------------------- data


def _locate(text: str, sentence: str, cursor: int) -> tuple[int | None, int | None]:
    words = sentence.split()
    if not words:
        return None, None
    pattern = re.compile(r"\s*".join(re.escape(w) for w in words))
    m = pattern.search(text, cursor) or pattern.search(text)
    return (m.start(), m.end()) if m else (None, None)


def load_factcheck_gpt() -> list[dict[str, Any]]:
    """Responses with their gold sentences (text, offsets in the response, check-worthiness, claims)."""
    path = DATA / "factcheck-gpt" / "factcheck-GPT-benchmark.jsonl"
    docs = []
    for index, line in enumerate(path.open(encoding="utf-8")):
        row = json.loads(line)
        # The question the answer replies to comes first, as a draft's opening context (a question is never
        # a claim, but the names it mentions are what "it" and "they" of the answer refer to).
        context = row["prompt"].strip() + "\n\n"
        text = context + row["response"]
        cursor, sentences = len(context), []
        for key in sorted(row["sentences"], key=lambda k: int(re.sub(r"\D", "", k) or 0)):
            sentence = row["sentences"][key]
            start, end = _locate(text, sentence["text"], cursor)
            if end is not None:
                cursor = end
            sentences.append(
                {
                    "text": sentence["text"],
                    "start": start,
                    "end": end,
                    "gold": sentence["claims"],
                    "checkworthy": sentence["sentence_checkworthiness"] == "yes",
                }
            )
        split = "held-out" if index % HELD_OUT_EVERY == 0 else "train"
        docs.append({"id": f"r{index:02d}", "text": text, "sentences": sentences, "split": split})
    return docs


def load_sample(path: Path = SAMPLE) -> list[dict[str, Any]]:
    """The hand-labelled excerpts of ``claims/news-sample.jsonl``."""
    docs = []
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        # A cited page's title, when the sample has one, opens the excerpt as its heading.
        context = f"{row['title']}\n\n" if row.get("title") else ""
        sentences = [
            {
                "text": s["text"],
                "start": s["start"] + len(context),
                "end": s["end"] + len(context),
                "gold": s["claims"],
                "checkworthy": s["checkworthy"],
            }
            for s in row["sentences"]
        ]
        docs.append(
            {
                "id": row["id"],
                "text": context + row["text"],
                "sentences": sentences,
                "split": row["split"],
                "source": row["source"],
            }
        )
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
            parents[row["meta"]["id"]] = (row["claim"], row["meta"])
        subs: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for line in (DATA / "wice" / "non_supported_tokens" / f"{split}.jsonl").open(encoding="utf-8"):
            row = json.loads(line)
            parent, index = row["meta"]["id"].rsplit("-", 1)
            subs[parent].append((int(index), row["claim"]))
        for parent, items in subs.items():
            if parent not in parents:
                continue
            claim, _meta = parents[parent]
            # Alone, without the article around it: WiCE's sub-claims keep the claim's pronouns ("He
            # appeared in ..."), so resolving them against the article would only move away from the gold.
            gold = [sub for _, sub in sorted(items)]
            span = {"text": claim, "start": 0, "end": len(claim), "gold": gold}
            docs.append(
                {
                    "id": parent,
                    "text": claim,
                    "sentences": [span],
                    "gold_at_least": max(i for i, _ in items) + 1,
                }
            )
    return docs


def load_news() -> list[dict[str, Any]]:
    """The 25 distinct news articles of SummEdits, without gold claims."""
    rows = json.loads((DATA / "summedits" / "summedits_news.json").read_text(encoding="utf-8"))
    docs = list(dict.fromkeys(row["doc"] for row in rows))
    return [{"id": f"news{i:02d}", "text": text, "sentences": []} for i, text in enumerate(docs)]


# ---------------------------------------------------------------------------------------- embeddings


class EmbeddingCache:
    """MiniLM embeddings of texts, kept in a small SQLite file so that reruns embed only new texts."""

    def __init__(self, path: Path = CACHE) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")
        self._model: Any = None

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        keys = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
        known: dict[str, np.ndarray] = {}
        for begin in range(0, len(keys), 500):
            chunk = keys[begin : begin + 500]
            marks = ",".join("?" * len(chunk))
            for key, blob in self._db.execute(
                f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk
            ):
                known[key] = np.frombuffer(blob, dtype=np.float32)
        missing = sorted({(k, t) for k, t in zip(keys, texts, strict=True) if k not in known})
        if missing:
            if self._model is None:
                from factcheck.corpus.encoder import shared_embedder

                self._model = shared_embedder()
            vectors = self._model.embed([t for _, t in missing])
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                    [(k, v.astype(np.float32).tobytes()) for (k, _), v in zip(missing, vectors, strict=True)],
                )
            known.update({k: v for (k, _), v in zip(missing, vectors, strict=True)})
        return np.stack([known[k] for k in keys]) if keys else np.zeros((0, 384), dtype=np.float32)


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


def score(
    docs: list[dict[str, Any]], ours: list[list[list[str]]], embed: Embed | None = None
) -> dict[str, Any]:
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
        "ratio_to_gold": round(n_ours / max(n_gold, 1), 3),
        "coverage_lexical": round(covered / max(n_gold, 1), 3),
        "precision_lexical": round(precise / max(n_ours, 1), 3),
    }
    if embed is not None:
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


def checkworthiness(docs: list[dict[str, Any]], ours: list[list[list[str]]]) -> dict[str, Any]:
    """Sentence check-worthiness: precision, recall and F1 of "at least one claim kept" against the labels."""
    tp = fp = fn = tn = 0
    for doc, per in zip(docs, ours, strict=True):
        for sentence, mine in zip(doc["sentences"], per, strict=True):
            if sentence["start"] is None or sentence.get("checkworthy") is None:
                continue
            predicted, gold = bool(mine), bool(sentence["checkworthy"])
            tp += predicted and gold
            fp += predicted and not gold
            fn += gold and not predicted
            tn += not predicted and not gold
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return {
        "sentences": tp + fp + fn + tn,
        "checkworthy": tp + fn,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "accuracy": round((tp + tn) / max(tp + fp + fn + tn, 1), 3),
    }


def standalone(runs: list[Extraction]) -> dict[str, Any]:
    """The share of claims that name their subject, the claims flagged ``needs_context`` (an unresolved
    reference or a relative date without a draft date), and why sentences were dropped."""
    claims = [c for run in runs for c in run.claims]
    alone = sum(self_contained(c.text) for c in claims)
    reasons = Counter(d.reason.split(" (")[0] for run in runs for d in run.dropped)
    return {
        "claims": len(claims),
        "self_contained": alone,
        "share": round(alone / max(len(claims), 1), 3),
        "flagged_needs_context": sum(c.needs_context for c in claims),
        "not_self_contained_and_not_flagged": sum(
            not self_contained(c.text) and not c.needs_context for c in claims
        ),
        "strict_share": round(sum(strictly_self_contained(c.text) for c in claims) / max(len(claims), 1), 3),
        "strict_not_self_contained_and_not_flagged": sum(
            not strictly_self_contained(c.text) and not c.needs_context for c in claims
        ),
        "dropped_reasons": dict(reasons.most_common()),
    }


def baseline(docs: list[dict[str, Any]]) -> list[list[list[str]]]:
    """Each sentence of the text, unchanged, as one claim."""
    out = []
    for doc in docs:
        per: list[list[str]] = [[] for _ in doc["sentences"]]
        for span in split_sentences(doc["text"]):
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


def _subset(docs: list[dict[str, Any]], runs: list[Any], keep: Callable[[dict[str, Any]], bool]) -> tuple:
    picked = [(d, r) for d, r in zip(docs, runs, strict=True) if keep(d)]
    return [d for d, _ in picked], [r for _, r in picked]


def evaluate(
    name: str, docs: list[dict[str, Any]], embed: Embed | None
) -> tuple[dict[str, Any], list[Extraction]]:
    """Every figure of one labelled set (and of its held-out part, where it has one)."""
    runs = [extract(doc["text"]) for doc in docs]
    ours = [assign(doc, run.claims) for doc, run in zip(docs, runs, strict=True)]
    entry: dict[str, Any] = {
        "ours": score(docs, ours, embed),
        "sentence_baseline": score(docs, baseline(docs), embed),
    }
    if any("checkworthy" in s for d in docs for s in d["sentences"]):
        entry["checkworthiness"] = checkworthiness(docs, ours)
    held_out = {"factcheck-gpt": "held-out", "news-sample": "test"}.get(name)
    if held_out is not None:
        part, part_ours = _subset(docs, ours, lambda d: d["split"] == held_out)
        entry[f"ours_{held_out}"] = score(part, part_ours, embed)
        entry[f"checkworthiness_{held_out}"] = checkworthiness(part, part_ours)
        # The answers and excerpts the rules were written on, to set beside the held-out figures.
        part, part_ours = _subset(docs, ours, lambda d: d["split"] != held_out)
        entry[f"ours_{'train' if name == 'factcheck-gpt' else 'dev'}"] = score(part, part_ours, embed)
    if name == "news-sample":
        for source in sorted({d["source"] for d in docs}):
            part, part_ours = _subset(docs, ours, lambda d, s=source: d["source"] == s)
            entry[f"checkworthiness {source}"] = checkworthiness(part, part_ours)
    entry["standalone"] = standalone(runs)
    return entry, runs


SWEEP = (0.0, 0.4, 0.6, 0.7, 0.8, 0.9)


def threshold_sweep() -> dict[str, dict[str, Any]]:
    """Sentence check-worthiness on the held-out parts at several ``--min-checkworthiness`` values."""
    sets = {
        "factcheck-gpt held-out": [d for d in load_factcheck_gpt() if d["split"] == "held-out"],
        "news-sample test": [d for d in load_sample() if d["split"] == "test"],
    }
    out: dict[str, dict[str, Any]] = {}
    for name, docs in sets.items():
        out[name] = {}
        for threshold in SWEEP:
            ours = [assign(doc, extract(doc["text"], min_checkworthiness=threshold).claims) for doc in docs]
            out[name][f"{threshold:.1f}"] = checkworthiness(docs, ours)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-embed", action="store_true", help="skip the embedding-based matching")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    embed = None if args.no_embed else EmbeddingCache()

    report: dict[str, Any] = {"threshold": THRESHOLD, "sets": {}}
    all_runs: list[Extraction] = []
    draft_runs: list[Extraction] = []
    for name, loader in (
        ("factcheck-gpt", load_factcheck_gpt),
        ("news-sample", load_sample),
        ("wice", load_wice),
    ):
        docs = loader()
        entry, runs = evaluate(name, docs, embed)
        all_runs += runs
        if name != "wice":
            draft_runs += runs
        if name == "wice":
            entry["note"] = (
                "gold sub-claims incomplete (partially supported ones only): precision is not meaningful"
            )
            entry["gold_per_claim_at_least"] = round(sum(d["gold_at_least"] for d in docs) / len(docs), 3)
        report["sets"][name] = entry
    report["threshold_sweep"] = threshold_sweep()
    news_runs = [extract(doc["text"]) for doc in load_news()]
    report["sets"]["summedits-news"] = {"standalone": standalone(news_runs)}
    # WiCE claims are single sentences cut from their article: they cannot name what they refer to.
    report["standalone_all"] = standalone(all_runs + news_runs)
    report["standalone_drafts"] = standalone(draft_runs + news_runs)
    texts = [d["text"] for d in load_factcheck_gpt() + load_sample() + load_wice()]
    report["throughput"] = throughput(texts)

    _print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {args.out}")


def _print(report: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=130)
    table = Table(title=f"Claim extraction vs gold decompositions (match threshold {THRESHOLD})")
    columns = [
        ("data / system", None),
        ("sent.", "sentences"),
        ("gold/sent", "gold_per_sentence"),
        ("ours/sent", "ours_per_sentence"),
        ("ours/gold", "ratio_to_gold"),
        ("cov lex", "coverage_lexical"),
        ("prec lex", "precision_lexical"),
        ("cov emb", "coverage_embedding"),
        ("prec emb", "precision_embedding"),
    ]
    for title, key in columns:
        table.add_column(title, justify="left" if key is None else "right")
    for name, entry in report["sets"].items():
        for system in ("ours", "ours_train", "ours_held-out", "ours_dev", "ours_test", "sentence_baseline"):
            if system in entry:
                row = entry[system]
                table.add_row(f"{name} / {system}", *[str(row.get(key, "-")) for _, key in columns[1:]])
    console.print(table)
    worthy = Table(title="Sentence check-worthiness (predicted: at least one claim kept)")
    for title in ("data", "sentences", "check-worthy", "precision", "recall", "F1", "accuracy"):
        worthy.add_column(title, justify="left" if title == "data" else "right")
    for name, entry in report["sets"].items():
        for key, row in entry.items():
            if key.startswith("checkworthiness"):
                label = f"{name} {key.removeprefix('checkworthiness').strip(' _')}".strip()
                values = [
                    row[k] for k in ("sentences", "checkworthy", "precision", "recall", "f1", "accuracy")
                ]
                worthy.add_row(label, *[str(v) for v in values])
    console.print(worthy)
    for name, rows in report["threshold_sweep"].items():
        cells = ", ".join(f"{t}: P {r['precision']} R {r['recall']} F1 {r['f1']}" for t, r in rows.items())
        print(f"--min-checkworthiness on {name}: {cells}")
    for key, label in (("standalone_drafts", "in drafts"), ("standalone_all", "with WiCE's lone sentences")):
        alone = report[key]
        print(
            f"self-contained claims {label}: {alone['share']} "
            f"({alone['self_contained']} of {alone['claims']}; "
            f"{alone['flagged_needs_context']} flagged needs_context; "
            f"{alone['not_self_contained_and_not_flagged']} neither self-contained nor flagged); "
            f"strictly (no opening bare 'the N' either): {alone['strict_share']}, "
            f"{alone['strict_not_self_contained_and_not_flagged']} neither"
        )
    for name, entry in report["sets"].items():
        s = entry["standalone"]
        print(f"  {name}: {s['share']} of {s['claims']}; dropped: {s['dropped_reasons']}")
    t = report["throughput"]
    rate = f"{t['sentences_per_s']} sentences/s on one core"
    print(f"throughput: {rate} ({t['sentences']} sentences, {t['seconds']} s)")


if __name__ == "__main__":
    main()
