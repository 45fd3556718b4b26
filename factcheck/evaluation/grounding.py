"""Grounding benchmarks: is a claim supported by a given document? (binary, balanced accuracy)

The task of LLM-AggreFact (Tang et al., 2024): a (document, claim) pair is *supported* or *not supported*.
Documents are often long (web pages, transcripts), so each is cut into chunks of whole sentences, and
every chunk is verified on its own through the verifier's public surface
(``factcheck.verification.verifier.verify_many``); the best-matching chunk decides, as MiniCheck and
AlignScore do, so one distracting chunk cannot pull a verdict down. A pair is predicted *supported* when
any chunk is; otherwise its document-level label is *contradicted* when a chunk contradicts, else
*unverified* (reported, since a "contradicted" on a supported pair is a false contradiction).

To keep the cost bounded, only the ``max_chunks`` chunks with the highest word overlap with the claim are
verified (``max_chunks=0``: all of them).

Readers (label mapping as each set's SOURCE.md and LLM-AggreFact describe):

- ``wice``: WiCE ``entailment_retrieval/claim`` (the cited web article, sentence-split): supported ->
  supported; partially_supported and not_supported -> not supported.
- ``factcheck-gpt``: ``subtasks/subtask3_claim_evidence_stance.jsonl`` claim / web-passage pairs:
  completely-support -> supported; partially-support, refute and irrelevant -> not supported.
- ``expertqa``: claims of ExpertQA answers with their cited pages (``domain_*`` and ``rand_*`` are two
  splits of one pool: deduplicated by question, system and claim): Complete -> supported; Partial and
  Incomplete -> not supported; Missing and N/A (no evidence or no judgement) left out.
- ``attributionbench``: claim with its references; attributable -> supported. One set per ``src_dataset``.
- ``summedits``: document and summary (the claim); label 1 -> supported, 0 -> not supported.
"""

from __future__ import annotations

import ast
import json
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.errors import InputError
from factcheck.evaluation import metrics
from factcheck.evaluation.datasets import _json_lines
from factcheck.rules.lexicon import FUNCTION_WORDS
from factcheck.sources.sentences import split_sentences

CHUNK_WORDS = 120  # about six sentence-or-window spans: what the verifier scores per chunk
MAX_CHUNKS = 3


@dataclass(frozen=True)
class GroundingPair:
    """One (document, claim) pair with its binary gold label."""

    id: str
    document: str
    claim: str
    supported: bool


# ------------------------------------------------------------------------------------------- readers


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    yield from _json_lines(path)


def read_wice(path: Path) -> list[GroundingPair]:
    """WiCE claims with their cited article (``entailment_retrieval/claim/*.jsonl``)."""
    pairs = []
    for number, record in _records(path):
        evidence = record.get("evidence")
        if not isinstance(evidence, list) or not isinstance(record.get("claim"), str):
            raise InputError(f"{path}:{number}: expected 'claim' and an 'evidence' list")
        label = str(record.get("label", "")).strip()
        if label not in {"supported", "partially_supported", "not_supported"}:
            raise InputError(f"{path}:{number}: unknown label {label!r}")
        meta = record.get("meta") or {}
        pairs.append(
            GroundingPair(
                str(meta.get("id", number)),
                "\n".join(str(s).strip() for s in evidence if str(s).strip()),
                record["claim"].strip(),
                label == "supported",
            )
        )
    return pairs


def read_factcheck_gpt(path: Path) -> list[GroundingPair]:
    """factcheck-gpt claim / web-passage stance pairs (``subtask3_claim_evidence_stance.jsonl``)."""
    stances = {"completely-support", "partially-support", "refute", "irrelevant"}
    pairs = []
    for number, record in _records(path):
        stance = str(record.get("stance", "")).strip()
        if stance not in stances or not record.get("claim") or not record.get("evidence"):
            raise InputError(f"{path}:{number}: expected 'claim', 'evidence' and a known 'stance'")
        pairs.append(
            GroundingPair(
                str(number),
                str(record["evidence"]),
                str(record["claim"]).strip(),
                stance == "completely-support",
            )
        )
    return pairs


_CITATION_HEADER = re.compile(r"^\s*\[\d+\]\s*\S*\s*")


def read_expertqa(paths: Sequence[Path]) -> list[GroundingPair]:
    """ExpertQA claims with their cited evidence, deduplicated across the given files."""
    labels = {"complete": True, "partial": False, "incomplete": False}
    pairs: dict[tuple[str, str, str], GroundingPair] = {}
    for path in paths:
        for number, record in _records(path):
            answers = record.get("answers") or {}
            if not isinstance(answers, dict):
                raise InputError(f"{path}:{number}: 'answers' must be an object")
            for system, answer in answers.items():
                for claim in (answer or {}).get("claims") or []:
                    support = str(claim.get("support") or "").strip().lower()
                    evidence = [_CITATION_HEADER.sub("", str(e)).strip() for e in claim.get("evidence") or []]
                    text = str(claim.get("claim_string") or "").strip()
                    if support not in labels or not any(evidence) or not text:
                        continue
                    key = (str(record.get("question", "")), str(system), text)
                    if key not in pairs:
                        uid = f"{path.stem}:{number}:{system}:{len(pairs)}"
                        pairs[key] = GroundingPair(
                            uid, "\n\n".join(e for e in evidence if e), text, labels[support]
                        )
    return list(pairs.values())


def _references(value: Any) -> list[str]:
    if isinstance(value, str):
        try:
            value = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return [value]
    if isinstance(value, list):
        return [str(v) for v in value if str(v).strip()]
    return []


def read_attributionbench(paths: Sequence[Path]) -> dict[str, list[GroundingPair]]:
    """AttributionBench rows grouped by their source data set (``src_dataset``)."""
    groups: dict[str, list[GroundingPair]] = {}
    for path in paths:
        for number, record in _records(path):
            label = str(record.get("attribution_label", "")).strip()
            references = _references(record.get("references"))
            claim = str(record.get("claim") or "").strip()
            if label not in {"attributable", "not attributable"} or not claim:
                raise InputError(f"{path}:{number}: expected 'claim' and an 'attribution_label'")
            if not references:
                continue
            source = str(record.get("src_dataset") or "unknown")
            groups.setdefault(source, []).append(
                GroundingPair(
                    str(record.get("id", f"{path.stem}:{number}")),
                    "\n\n".join(references),
                    claim,
                    label == "attributable",
                )
            )
    return groups


def read_summedits(paths: Sequence[Path], split: str) -> list[GroundingPair]:
    """SummEdits (document, summary) pairs of one ``split`` (``evaluation`` or ``test``), all domains."""
    pairs = []
    for path in paths:
        try:
            records = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise InputError(f"{path}: not a readable SummEdits file ({exc})") from exc
        if not isinstance(records, list):
            raise InputError(f"{path}: expected a JSON list")
        for number, record in enumerate(records, start=1):
            if str(record.get("split")) != split:
                continue
            label = str(record.get("label", "")).strip()
            if label not in {"0", "1"} or not record.get("doc") or not record.get("summary"):
                raise InputError(f"{path}:{number}: expected 'doc', 'summary' and a 0/1 'label'")
            pairs.append(
                GroundingPair(
                    str(record.get("id", f"{path.stem}:{number}")),
                    str(record["doc"]),
                    str(record["summary"]).strip(),
                    label == "1",
                )
            )
    return pairs


# ------------------------------------------------------------------------------------------- chunking


def chunk_document(text: str, words: int = CHUNK_WORDS) -> list[str]:
    """Whole sentences packed into chunks of at most ``words`` words (a longer sentence is its own chunk)."""
    chunks: list[str] = []
    current: list[str] = []
    count = 0
    for span in split_sentences(text):
        sentence = " ".join(span.text.split())
        if not sentence:
            continue
        size = len(sentence.split())
        if current and count + size > words:
            chunks.append(" ".join(current))
            current, count = [], 0
        current.append(sentence)
        count += size
    if current:
        chunks.append(" ".join(current))
    return chunks


_TOKEN = re.compile(r"\w+")


def _content_words(text: str) -> set[str]:
    return {w for w in _TOKEN.findall(text.lower()) if w not in FUNCTION_WORDS and len(w) > 1}


def best_chunks(claim: str, chunks: Sequence[str], limit: int = MAX_CHUNKS) -> list[str]:
    """The ``limit`` chunks sharing the most of the claim's content words (document order breaks ties);
    all chunks when ``limit`` is 0."""
    if limit <= 0 or len(chunks) <= limit:
        return list(chunks)
    wanted = _content_words(claim)
    ranked = sorted(range(len(chunks)), key=lambda i: (-len(wanted & _content_words(chunks[i])), i))
    return [chunks[i] for i in sorted(ranked[:limit])]


# ------------------------------------------------------------------------------------------- scoring

VerifyMany = Callable[[list[tuple[str, list[str]]]], list[Any]]
"""``verify_many(pairs)`` of ``factcheck.verification.verifier``: (claim, [evidence]) -> verdicts."""


@dataclass(frozen=True)
class GroundingPrediction:
    """The decision on one pair: the deciding chunk and every chunk's label."""

    pair: GroundingPair
    supported: bool
    label: str  # supported | contradicted | unverified (document level)
    confidence: float
    best_chunk: str
    chunk_labels: tuple[str, ...] = field(default_factory=tuple)
    chunks_total: int = 0

    def to_dict(self) -> dict[str, Any]:
        """One line of the per-pair predictions file."""
        return {
            "id": self.pair.id,
            "claim": self.pair.claim,
            "gold_supported": self.pair.supported,
            "supported": self.supported,
            "label": self.label,
            "confidence": round(float(self.confidence), 4),
            "best_chunk": self.best_chunk,
            "chunk_labels": list(self.chunk_labels),
            "chunks_total": self.chunks_total,
        }


def decide(
    pair: GroundingPair, chunks: Sequence[str], verdicts: Sequence[Any], total: int
) -> GroundingPrediction:
    """The best-matching chunk decides: supported if any chunk supports (the most confident one is quoted),
    else contradicted if any contradicts, else unverified (the chunk with most support mass is quoted)."""
    labels = [str(v.label) for v in verdicts]
    for wanted in ("supported", "contradicted"):
        chosen = [i for i, label in enumerate(labels) if label == wanted]
        if chosen:
            best = max(chosen, key=lambda i: float(verdicts[i].confidence))
            return GroundingPrediction(
                pair,
                wanted == "supported",
                wanted,
                float(verdicts[best].confidence),
                chunks[best],
                tuple(labels),
                total,
            )
    if not verdicts:
        return GroundingPrediction(pair, False, "unverified", 1.0, "", (), total)
    best = max(
        range(len(verdicts)), key=lambda i: float((verdicts[i].probabilities or {}).get("supported", 0.0))
    )
    return GroundingPrediction(
        pair, False, "unverified", float(verdicts[best].confidence), chunks[best], tuple(labels), total
    )


@dataclass
class GroundingRun:
    """All predictions on one set, the model pairs it cost and its wall time."""

    predictions: list[GroundingPrediction]
    chunks_verified: int
    seconds: float


def score_pairs(
    pairs: Sequence[GroundingPair],
    verify_many: VerifyMany,
    *,
    chunk_words: int = CHUNK_WORDS,
    max_chunks: int = MAX_CHUNKS,
    batch_size: int = 16,
    progress: Callable[[int, int], None] | None = None,
) -> GroundingRun:
    """Chunk every document, verify the chosen chunks of ``batch_size`` pairs per call, decide each pair."""
    started = time.perf_counter()
    predictions: list[GroundingPrediction] = []
    verified = 0
    for start in range(0, len(pairs), batch_size):
        batch = pairs[start : start + batch_size]
        chosen: list[tuple[list[str], int]] = []
        requests: list[tuple[str, list[str]]] = []
        for pair in batch:
            chunks = chunk_document(pair.document, chunk_words)
            picked = best_chunks(pair.claim, chunks, max_chunks)
            chosen.append((picked, len(chunks)))
            requests.extend((pair.claim, [chunk]) for chunk in picked)
        verdicts = list(verify_many(requests)) if requests else []
        if len(verdicts) != len(requests):
            raise RuntimeError(f"verifier returned {len(verdicts)} verdicts for {len(requests)} chunks")
        verified += len(requests)
        at = 0
        for pair, (picked, total) in zip(batch, chosen, strict=True):
            predictions.append(decide(pair, picked, verdicts[at : at + len(picked)], total))
            at += len(picked)
        if progress:
            progress(len(predictions), len(pairs))
    return GroundingRun(predictions, verified, time.perf_counter() - started)


def summarise(run: GroundingRun) -> dict[str, Any]:
    """Balanced accuracy and its parts for one set (``None`` where a class is absent)."""
    gold = [p.pair.supported for p in run.predictions]
    pred = [p.supported for p in run.predictions]
    positives = [p for g, p in zip(gold, pred, strict=True) if g]
    negatives = [p for g, p in zip(gold, pred, strict=True) if not g]
    supported_gold = [p for p in run.predictions if p.pair.supported]
    rounded = metrics.balanced_accuracy(gold, pred)
    return {
        "n": len(gold),
        "supported": len(positives),
        "not_supported": len(negatives),
        "balanced_accuracy": None if rounded is None else round(rounded, 4),
        "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold), 4)
        if gold
        else None,
        "recall_supported": round(sum(positives) / len(positives), 4) if positives else None,
        "recall_not_supported": round(sum(not p for p in negatives) / len(negatives), 4)
        if negatives
        else None,
        "supported_called_contradicted": (
            round(sum(p.label == "contradicted" for p in supported_gold) / len(supported_gold), 4)
            if supported_gold
            else None
        ),
        "chunks_verified": run.chunks_verified,
        "chunks_per_pair": round(run.chunks_verified / len(gold), 2) if gold else None,
        "seconds": round(run.seconds, 1),
    }
