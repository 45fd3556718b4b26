"""End to end on a real article: a Wikipedia article's claims checked against an index of the pages it cites.

    nice -n 10 python -m eval.bench_article [--title "Alice in Chains"] [--out eval/out/bench_article]

WiCE (``../shared/data/wice/entailment_retrieval/claim``) pairs sentences of Wikipedia articles with the web
page each one cites (``evidence``: the cited page, sentence by sentence) and a label saying whether that
page supports the sentence (``supported`` / ``partially_supported`` / ``not_supported``). This script takes
every WiCE sentence of one article, in order, as the draft (the article's title as its heading, each
sentence with the paragraph WiCE gives before it), indexes the cited pages - and only them - into a fresh
index, runs ``factcheck check`` on the draft and prints each claim with its verdict, its evidence and the
WiCE label of the sentence it came from. Written to ``--out``: the draft, the corpus, the index and
``report.json``. Nothing here is used for training.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path
from typing import Any

from eval.bench_claims import DATA

OUT = Path(__file__).resolve().parent / "out" / "bench_article"
DEFAULT_TITLE = "Alice in Chains"


def wice_rows(title: str) -> list[dict[str, Any]]:
    """The WiCE records (dev and test) of the article ``title``, in the order of their ids."""
    rows = []
    for split in ("dev", "test"):
        path = DATA / "wice" / "entailment_retrieval" / "claim" / f"{split}.jsonl"
        rows += [r for r in map(json.loads, path.open(encoding="utf-8")) if r["meta"]["claim_title"] == title]
    if not rows:
        raise SystemExit(f"no WiCE claim of an article titled {title!r}")
    return sorted(rows, key=lambda r: r["meta"]["id"])


def write_draft(title: str, rows: list[dict[str, Any]], path: Path) -> list[tuple[int, int, str]]:
    """The draft: the title as a heading, then each WiCE sentence after its context paragraph.

    Returns ``(start, end, label)`` of each WiCE sentence in the draft."""
    parts, spans, offset = [f"# {title}\n\n"], [], len(f"# {title}\n\n")
    seen_contexts: set[str] = set()
    for row in rows:
        context = " ".join(row["meta"]["claim_context"].split())
        if context and context not in seen_contexts:
            seen_contexts.add(context)
            parts.append(context + "\n\n")
            offset += len(context) + 2
        sentence = " ".join(row["claim"].split())
        spans.append((offset, offset + len(sentence), row["label"]))
        parts.append(sentence + "\n\n")
        offset += len(sentence) + 2
    path.write_text("".join(parts), encoding="utf-8")
    return spans


def write_corpus(rows: list[dict[str, Any]], folder: Path) -> int:
    """One Markdown file per cited page: its title as a heading, its sentences in paragraphs of five."""
    folder.mkdir(parents=True, exist_ok=True)
    for row in rows:
        title = next(
            (e.split("TITLE:", 1)[1].strip() for e in row["evidence"] if "TITLE:" in e), row["meta"]["id"]
        )
        body = [e.strip() for e in row["evidence"] if not e.startswith("(meta data)") and e.strip()]
        paragraphs = [" ".join(body[i : i + 5]) for i in range(0, len(body), 5)]
        (folder / f"{row['meta']['id']}.md").write_text(f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n")
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--title", default=DEFAULT_TITLE, help="the Wikipedia article (a WiCE claim_title)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    from factcheck.corpus.index import build_index
    from factcheck.workflows.check import check_draft

    rows = wice_rows(args.title)
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    draft = args.out / "draft.md"
    spans = write_draft(args.title, rows, draft)
    write_corpus(rows, args.out / "corpus")
    report = build_index([args.out / "corpus"], args.out / "index")
    result = check_draft(str(draft), index=args.out / "index", quiet=True)

    out = []
    for verdict in result.verdicts:
        claim = verdict.claim
        label = next((lab for a, b, lab in spans if a <= claim.start < b), "context")
        best = verdict.evidence[0] if verdict.evidence else None
        out.append(
            {
                "claim": claim.text,
                "start": claim.start,
                "checkworthiness": claim.checkworthiness,
                "needs_context": claim.needs_context,
                "verdict": str(verdict.label),
                "confidence": round(verdict.confidence, 3),
                "reason": verdict.reason,
                "evidence_doc": best.doc_id if best else None,
                "evidence": best.text if best else None,
                "wice_label": label,
            }
        )
    summary = {
        "title": args.title,
        "wice_sentences": len(rows),
        "cited_pages": len(rows),
        "passages": report.passages if hasattr(report, "passages") else None,
        "claims": len(out),
        "verdicts": result.summary(),
        "claims_from_wice_sentences": sum(o["wice_label"] != "context" for o in out),
        "verdicts_by_wice_label": {
            label: {
                v: sum(o["wice_label"] == label and o["verdict"] == v for o in out)
                for v in ("supported", "contradicted", "unverified")
            }
            for label in ("supported", "partially_supported", "not_supported")
        },
    }
    (args.out / "report.json").write_text(json.dumps({"summary": summary, "claims": out}, indent=2) + "\n")
    _print(summary, out)
    print(f"\nwritten: {args.out / 'report.json'}")


def _print(summary: dict[str, Any], rows: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=f"{summary['title']}: claims, verdicts and the WiCE label of their sentence", show_lines=True
    )
    for name in ("claim", "verdict", "conf.", "WiCE", "evidence"):
        table.add_column(name, overflow="fold")
    for row in rows:
        if row["wice_label"] == "context":
            continue  # the article's other sentences: their sources were not indexed
        flag = " (needs context)" if row["needs_context"] else ""
        evidence = f"{row['evidence_doc']}: {row['evidence'][:160]}" if row["evidence"] else "-"
        table.add_row(
            row["claim"] + flag, row["verdict"], f"{row['confidence']:.2f}", row["wice_label"], evidence
        )
    Console(width=160).print(table)
    print(json.dumps(summary))
    context = [r for r in rows if r["wice_label"] == "context"]
    print(
        f"{len(context)} more claims come from the context paragraphs, whose sources are not in the index: "
        + json.dumps(
            {
                label: sum(r["verdict"] == label for r in context)
                for label in ("supported", "contradicted", "unverified")
            }
        )
    )


if __name__ == "__main__":
    main()
