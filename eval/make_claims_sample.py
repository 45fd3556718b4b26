"""Draws the excerpts of the hand-labelled claim benchmark (``claims/news-sample.jsonl``) from ../shared/data.

    python -m eval.make_claims_sample --out /tmp/news-sample.unlabelled.jsonl

The draw is fixed (seeded) and reproducible: it writes each excerpt with its sentences and empty labels
(``checkworthy`` and ``claims`` set to ``null``). The labels were then written by hand, once, into the
committed file; this script is kept to show where every excerpt comes from, not to be re-run over it.

Sources (prose the project did not write):

- ``summedits/summedits_news.json``: the news articles (25 distinct documents); the first units of 12 of them;
- ``wice/entailment_retrieval/claim/test.jsonl``: cited web articles (the evidence pages of Wikipedia
  claims); a window of units around the first supporting sentence of 8 of them;
- ``factcheck-gpt/factcheck-GPT-benchmark.jsonl``: ChatGPT answers, only those with index % 5 == 0 (the
  split that no classifier of this project trains on); 12 of them, whole;
- ``liar-plus/val2.jsonl``: the fact-checkers' own prose (the "justification" field) of 25 PolitiFact items.

A unit is a sentence (``factcheck.sources.sentences.split_sentences``) of a blank-line separated block, or a
whole line of a block when the line has no final punctuation (a heading or page furniture).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path
from typing import Any

from factcheck.sources.sentences import split_sentences

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
SEED = 13
_END = re.compile(r"[.!?:;\"'”’)]\s*$")


def units(text: str) -> list[tuple[int, int]]:
    """Sentence-like units of ``text`` as (start, end): bare lines alone, prose split in sentences."""
    out: list[tuple[int, int]] = []
    for block in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        lines = list(re.finditer(r"[^\n]+", block.group(0)))
        # A block with a line that does not end a sentence (a heading, a list, page furniture): line by line.
        pieces = lines if any(not _END.search(line.group(0)) for line in lines) else [block]
        for piece in pieces:
            a = block.start() + piece.start() if piece is not block else block.start()
            for span in split_sentences(piece.group(0)):
                out.append((a + span.start, a + span.end))
    return out


def _excerpt(
    source: str, doc_id: str, text: str, first: int, count: int, title: str | None
) -> dict[str, Any]:
    spans = units(text)[first : first + count]
    if not spans:
        return {}
    a, b = spans[0][0], spans[-1][1]
    body = text[a:b]
    return {
        "id": f"{source.split('/')[0]}-{doc_id}",
        "source": source,
        "origin": doc_id,
        "title": title,
        "text": body,
        "sentences": [
            {"start": s - a, "end": e - a, "text": text[s:e], "checkworthy": None, "claims": None}
            for s, e in spans
        ],
    }


def summedits(rng: random.Random) -> list[dict[str, Any]]:
    rows = json.loads((DATA / "summedits" / "summedits_news.json").read_text(encoding="utf-8"))
    docs = list(dict.fromkeys(row["doc"] for row in rows))
    # Excerpts whose units are prose-sized (a page that lost its line breaks gives one 2,000-character unit).
    usable = [i for i, doc in enumerate(docs) if all(b - a <= 600 for a, b in units(doc)[:8])]
    picked = sorted(rng.sample(usable, 12))
    return [_excerpt("summedits/news", f"doc{i:02d}", docs[i], 0, 8, None) for i in picked]


def wice(rng: random.Random) -> list[dict[str, Any]]:
    path = DATA / "wice" / "entailment_retrieval" / "claim" / "test.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    rows = [r for r in rows if r["supporting_sentences"] and len(r["evidence"]) > 20]
    out = []
    for row in rng.sample(rows, 8):
        evidence = [e for e in row["evidence"] if not e.startswith("(meta data)")]
        title = next((e.split("TITLE:", 1)[1].strip() for e in row["evidence"] if "TITLE:" in e), None)
        text = "\n\n".join(e.strip() for e in evidence)
        first_support = min(i for group in row["supporting_sentences"] for i in group)
        meta_lines = sum(1 for e in row["evidence"] if e.startswith("(meta data)"))
        position = max(0, first_support - meta_lines - 2)
        # Unit index of the evidence sentence at ``position``: each evidence line is at least one unit.
        prefix = "\n\n".join(e.strip() for e in evidence[:position])
        first_unit = len(units(prefix)) if prefix else 0
        out.append(_excerpt("wice/cited-article", row["meta"]["id"], text, first_unit, 8, title))
    return out


def factcheck_gpt(rng: random.Random) -> list[dict[str, Any]]:
    path = DATA / "factcheck-gpt" / "factcheck-GPT-benchmark.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    held_out = [i for i in range(len(rows)) if i % 5 == 0]
    out = []
    for i in sorted(rng.sample(held_out, 12)):
        out.append(_excerpt("factcheck-gpt/response", f"r{i:02d}", rows[i]["response"], 0, 8, None))
    return out


def _unquote(text: str) -> str:
    """The justification as PolitiFact printed it: the CSV quoting (outer, doubled quotes) undone."""
    if len(text) > 1 and text[0] == text[-1] == '"':
        text = text[1:-1]
    return text.replace('""', '"')


def liar_plus(rng: random.Random) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in (DATA / "liar-plus" / "val2.jsonl").open(encoding="utf-8")]
    rows = [r for r in rows if len(r["justification"]) > 200]
    out = []
    for row in rng.sample(rows, 25):
        text = _unquote(row["justification"].strip())
        out.append(_excerpt("liar-plus/justification", f"{row['id']}", text, 0, 3, None))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    rng = random.Random(SEED)
    excerpts = [e for part in (summedits, wice, factcheck_gpt, liar_plus) for e in part(rng) if e]
    with args.out.open("w", encoding="utf-8") as handle:
        for excerpt in excerpts:
            handle.write(json.dumps(excerpt, ensure_ascii=False) + "\n")
    print(f"{len(excerpts)} excerpts, {sum(len(e['sentences']) for e in excerpts)} sentences -> {args.out}")


if __name__ == "__main__":
    main()
