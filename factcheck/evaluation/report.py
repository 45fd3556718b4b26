"""Scores of an evaluation run: the JSON summary, a rich table, a Markdown report and PNG plots.

The JSON summary (``factcheck eval --format json`` and ``report.json`` under ``--out``) is a stable
interface::

    {
      "n": int,                         # claims evaluated
      "mode": "oracle" | "index",
      "model": str | null,              # verdict model version, when known
      "accuracy": float | null,
      "macro_f1": float | null,         # mean F1 over the labels present in the gold labels
      "per_class": {label: {"precision": float|null, "recall": float|null, "f1": float|null,
                            "support": int}},          # label: supported | contradicted | unverified
      "confusion": {gold: {pred: int}},
      "recall_at_k": {"1": float|null, "5": float|null, "20": float|null} | null,   # index mode
      "evidence_accuracy": float | null,                # index mode, with gold documents
      "ece": float | null,              # 10 equal-width bins of the predicted label's confidence
      "false_contradiction_rate": {"supported": float|null, "unverified": float|null,
                                   "overall": float|null},  # share of those gold labels called contradicted
      "contradicted_recall": float | null,              # share of gold-contradicted called contradicted
      "seconds": float                  # wall time of the verification (and retrieval) loop
    }

A field that does not apply is ``null``: ``recall_at_k`` and ``evidence_accuracy`` are ``null`` in oracle
mode and when no claim names a gold document. Definitions: ``factcheck.evaluation.metrics``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.evaluation import metrics
from factcheck.evaluation.runner import INDEX, EvalRun
from factcheck.report.write import write_output

LABELS = metrics.LABELS


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(float(value), digits)


def build_report(run: EvalRun, model: str | None = None) -> dict[str, Any]:
    """The JSON summary of a run (schema in the module docstring)."""
    preds = run.predictions
    gold = [p.item.label for p in preds]
    pred = [p.label for p in preds]
    per_class = {
        label: {k: (_round(v) if k != "support" else v) for k, v in scores.to_dict().items()}
        for label, scores in metrics.per_class_scores(gold, pred).items()
    }
    gold_docs = [list(p.item.evidence_doc) for p in preds]
    recall = evidence = None
    if run.mode == INDEX and any(gold_docs):
        raw = metrics.recall_at_k(gold_docs, [list(p.retrieved_docs) for p in preds], gold)
        recall = {k: _round(v) for k, v in raw.items()}
        evidence = _round(metrics.evidence_accuracy(gold, pred, gold_docs, [p.cited_docs for p in preds]))
    return {
        "n": len(preds),
        "mode": run.mode,
        "model": model,
        "accuracy": _round(metrics.accuracy(gold, pred)),
        "macro_f1": _round(metrics.macro_f1(gold, pred)),
        "per_class": per_class,
        "confusion": metrics.confusion_matrix(gold, pred),
        "recall_at_k": recall,
        "evidence_accuracy": evidence,
        "ece": _round(
            metrics.expected_calibration_error([p.confidence for p in preds], [p.correct for p in preds])
        ),
        "false_contradiction_rate": {
            k: _round(v) for k, v in metrics.false_contradiction_rate(gold, pred).items()
        },
        "contradicted_recall": _round(metrics.contradicted_recall(gold, pred)),
        "seconds": round(run.seconds, 2),
    }


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _contradiction_rows(report: dict[str, Any]) -> list[tuple[str, str]]:
    """(name, value) rows of the false-contradiction rates and contradicted recall (reports written
    before these keys existed have none)."""
    rates = report.get("false_contradiction_rate") or {}
    names = {"supported": "gold supported", "unverified": "gold unverified", "overall": "overall"}
    rows = [(f"false contradictions, {names[k]}", _fmt(rates[k])) for k in names if k in rates]
    if "contradicted_recall" in report:
        rows.append(("contradicted recall", _fmt(report["contradicted_recall"])))
    return rows


def render_text(report: dict[str, Any], console: Any, title: str = "evaluation") -> None:
    """Rich tables of a report on ``console``: summary, per-class scores and the confusion matrix."""
    from rich.table import Table

    summary = Table(title=f"{title} ({report['mode']} mode, {report['n']} claims)", show_header=False)
    summary.add_column("metric")
    summary.add_column("value", justify="right")
    summary.add_row("accuracy", _fmt(report["accuracy"]))
    summary.add_row("macro-F1", _fmt(report["macro_f1"]))
    summary.add_row("ECE (10 bins)", _fmt(report["ece"]))
    for name, value in _contradiction_rows(report):
        summary.add_row(name, value)
    if report["recall_at_k"] is not None:
        for k, v in report["recall_at_k"].items():
            summary.add_row(f"recall@{k}", _fmt(v))
        summary.add_row("evidence-aware accuracy", _fmt(report["evidence_accuracy"]))
    summary.add_row("model", str(report.get("model") or "-"))
    summary.add_row("seconds", f"{report['seconds']:.1f}")
    console.print(summary)

    classes = Table(title="per class")
    for column in ("label", "precision", "recall", "F1", "support"):
        classes.add_column(column, justify="left" if column == "label" else "right")
    for label, s in report["per_class"].items():
        classes.add_row(label, _fmt(s["precision"]), _fmt(s["recall"]), _fmt(s["f1"]), str(s["support"]))
    console.print(classes)

    confusion = Table(title="confusion (rows: gold, columns: predicted)")
    confusion.add_column("gold \\ predicted")
    for label in LABELS:
        confusion.add_column(label, justify="right")
    for gold_label, row in report["confusion"].items():
        confusion.add_row(gold_label, *(str(row[p]) for p in LABELS))
    console.print(confusion)


def render_markdown(report: dict[str, Any], title: str = "Evaluation") -> str:
    """A Markdown report of the same numbers (for a ticket or a results page)."""
    lines = [
        f"# {title}",
        "",
        f"{report['n']} claims, {report['mode']} mode, model {report.get('model') or '-'}.",
        "",
    ]
    lines += ["| metric | value |", "|---|---|"]
    lines += [f"| accuracy | {_fmt(report['accuracy'])} |", f"| macro-F1 | {_fmt(report['macro_f1'])} |"]
    lines += [f"| ECE (10 bins) | {_fmt(report['ece'])} |"]
    lines += [f"| {name} | {value} |" for name, value in _contradiction_rows(report)]
    if report["recall_at_k"] is not None:
        lines += [f"| recall@{k} | {_fmt(v)} |" for k, v in report["recall_at_k"].items()]
        lines += [f"| evidence-aware accuracy | {_fmt(report['evidence_accuracy'])} |"]
    lines += [f"| seconds | {report['seconds']:.1f} |", "", "## Per class", ""]
    lines += ["| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for label, s in report["per_class"].items():
        lines.append(
            f"| {label} | {_fmt(s['precision'])} | {_fmt(s['recall'])} | {_fmt(s['f1'])} | {s['support']} |"
        )
    lines += ["", "## Confusion (rows: gold, columns: predicted)", ""]
    lines += ["| gold \\ predicted | " + " | ".join(LABELS) + " |", "|---" * (len(LABELS) + 1) + "|"]
    for gold_label, row in report["confusion"].items():
        lines.append(f"| {gold_label} | " + " | ".join(str(row[p]) for p in LABELS) + " |")
    lines += [
        "",
        "Plots: `confusion.png`, `reliability.png`. Per-claim predictions: `predictions.jsonl`.",
        "",
    ]
    return "\n".join(lines)


def plot_confusion(report: dict[str, Any], path: Path) -> None:
    """A PNG heat map of the confusion matrix."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    matrix = np.array([[report["confusion"][g][p] for p in LABELS] for g in LABELS])
    fig, ax = plt.subplots(figsize=(4.8, 4.2), dpi=100)
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(LABELS)), LABELS, rotation=20)
    ax.set_yticks(range(len(LABELS)), LABELS)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    top = matrix.max() or 1
    for i in range(len(LABELS)):
        for j in range(len(LABELS)):
            colour = "white" if matrix[i, j] > top / 2 else "black"
            ax.text(j, i, str(matrix[i, j]), ha="center", va="center", color=colour)
    ax.set_title(f"confusion (n={report['n']})")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def plot_reliability(run: EvalRun, path: Path) -> None:
    """A PNG reliability diagram: accuracy per confidence bin against the diagonal."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    bins = metrics.reliability_bins(
        [p.confidence for p in run.predictions], [p.correct for p in run.predictions]
    )
    width = 1.0 / len(bins)
    fig, ax = plt.subplots(figsize=(4.8, 4.2), dpi=100)
    filled = [b for b in bins if b["count"]]
    ax.bar([b["lower"] for b in filled], [b["accuracy"] for b in filled], width=width, align="edge",
           edgecolor="black", label="accuracy")  # fmt: skip
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfect calibration")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel("confidence of the predicted label")
    ax.set_ylabel("accuracy")
    ece = metrics.expected_calibration_error(
        [p.confidence for p in run.predictions], [p.correct for p in run.predictions]
    )
    ax.set_title(f"reliability (ECE {_fmt(ece)})")
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def write_outputs(
    out_dir: Path, report: dict[str, Any], run: EvalRun, title: str = "Evaluation"
) -> list[Path]:
    """Writes report.json, report.md, predictions.jsonl, confusion.png and reliability.png; returns them."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {name: out_dir / name for name in ("report.json", "report.md", "predictions.jsonl")}
    # Each file is written to a temporary file beside it and renamed into place.
    write_output(json.dumps(report, indent=2, ensure_ascii=False) + "\n", paths["report.json"])
    write_output(render_markdown(report, title), paths["report.md"])
    write_output(
        "".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n" for p in run.predictions),
        paths["predictions.jsonl"],
    )
    confusion, reliability = out_dir / "confusion.png", out_dir / "reliability.png"
    _atomic_png(lambda path: plot_confusion(report, path), confusion)
    _atomic_png(lambda path: plot_reliability(run, path), reliability)
    return [*paths.values(), confusion, reliability]


def _atomic_png(draw, path: Path) -> None:
    """``draw(temporary path)``, then the PNG renamed into place (a reader never sees half a file)."""
    temporary = path.with_name(f".{path.name}.tmp.png")
    try:
        draw(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
