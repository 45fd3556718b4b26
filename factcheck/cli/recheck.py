"""`factcheck recheck`: verify the stored claims again where the corpus has changed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck.cli.app import app
from factcheck.cli.options import IndexOption, StoreOption, TextOrJson
from factcheck.report.write import write_output

if TYPE_CHECKING:
    from factcheck.workflows.recheck import RecheckReport

# Exit status when --fail-on-change is given and a claim's label changed.
CHANGED_EXIT_CODE = 3


def text_report(report: RecheckReport) -> str:
    """The re-check for people: a summary line, the reasons, then each flip with its evidence."""
    lines = [
        f"corpus {report.corpus_version}: {report.checked} claim(s) checked, {report.skipped} skipped, "
        f"{len(report.changes)} changed"
        + (f", {len(report.flags)} flagged for an editor" if report.flags else "")
        + (" (resumed an interrupted re-check)" if report.resumed else "")
    ]
    if report.checked_reasons:
        lines.append(
            "  checked: " + ", ".join(f"{n} {why}" for why, n in sorted(report.checked_reasons.items()))
        )
    if report.skipped_reasons:
        lines.append(
            "  skipped: " + ", ".join(f"{n} {why}" for why, n in sorted(report.skipped_reasons.items()))
        )
    for change in report.changes:
        lines.append("")
        lines.append(f"{change.claim_id}  {change.text}")
        lines.append(f"  {change.old_label} -> {change.new_label} ({change.confidence:.2f}): {change.reason}")
        for item in change.evidence:
            if item.get("change") == "unchanged":
                continue
            quote = " ".join(str(item.get("text", "")).split())
            where = f"{item.get('doc_id')} [{item.get('start')}:{item.get('end')}]"
            lines.append(f'  [{item.get("change")}] {where} "{quote}"')
    for flag in report.flags:
        lines.append("")
        lines.append(f"{flag.claim_id}  {flag.text}")
        lines.append(f"  flagged for an editor: {flag.why()}")
    return "\n".join(lines) + "\n"


class _LazyBar:
    """A progress bar on stderr that appears only once there is something to verify."""

    def __init__(self) -> None:
        self._bar = None
        self._task = None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            if total == 0:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            from factcheck.cli.output import stderr

            columns = (TextColumn("re-checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
            self._bar = Progress(*columns, console=stderr)
            self._bar.start()
            self._task = self._bar.add_task("recheck", total=total)
        self._bar.update(self._task, completed=done, total=total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


@app.command()
def recheck(
    index: IndexOption = None,
    store: StoreOption = None,
    all: Annotated[
        bool, typer.Option("--all", help="Verify every stored claim, not only the affected.")
    ] = False,
    format: Annotated[TextOrJson, typer.Option("--format", "-f", help="Output format.")] = TextOrJson.text,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the report to this file.")] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress; text output only when a label changed.")
    ] = False,
    fail_on_change: Annotated[
        bool, typer.Option("--fail-on-change", help=f"Exit {CHANGED_EXIT_CODE} when a claim's label changed.")
    ] = False,
) -> None:
    """Verify stored claims again where the corpus changed and report every label that flipped."""
    from factcheck.workflows.recheck import recheck_store

    bar = None if quiet else _LazyBar()
    try:
        report = recheck_store(store, index, all=all, progress=bar, quiet=quiet)
    finally:
        if bar is not None:
            bar.close()
    if format is TextOrJson.json:
        write_output(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", out)
    elif not quiet or report.changes or report.flags:
        write_output(text_report(report), out)
    if fail_on_change and report.changes:
        raise typer.Exit(CHANGED_EXIT_CODE)
