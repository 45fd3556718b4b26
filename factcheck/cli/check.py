"""`factcheck check` (the editor's command) and `factcheck pipeline` (the pipeline as YAML)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.app import app
from factcheck.cli.options import IndexOption


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


class FailOn(StrEnum):
    contradicted = "contradicted"
    unverified = "unverified"


def failing(labels: set[str], fail_on: FailOn | None) -> bool:
    """Whether ``--fail-on`` trips: 'unverified' also trips on contradicted claims (the worse label)."""
    if fail_on is None:
        return False
    worse = {"contradicted"} if fail_on is FailOn.contradicted else {"contradicted", "unverified"}
    return bool(labels & worse)


@app.command()
def check(
    file: Annotated[str, typer.Argument(help="Draft to check (.md, .txt, .html; '-' for stdin).")],
    index: IndexOption = None,
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ReportFormat.text,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the report to this file.")] = None,
    fail_on: Annotated[
        FailOn | None, typer.Option("--fail-on", help="Exit 1 if a claim has this label (or worse).")
    ] = None,
    store: Annotated[
        Path | None, typer.Option("--store", help="Record the verdicts in this claim store.")
    ] = None,
    pipeline: Annotated[
        Path | None, typer.Option("--pipeline", help="Run a pipeline YAML from 'factcheck pipeline --dump'.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
) -> None:
    """Check every claim of a draft against the corpus."""
    from factcheck.report.write import write_report
    from factcheck.workflows.check import check_draft

    result = check_draft(file, index=index, pipeline_file=pipeline, store=store, quiet=quiet)
    write_report(result, format.value, out)
    if failing({str(v.label) for v in result.verdicts}, fail_on):
        raise typer.Exit(1)


@app.command("pipeline")
def pipeline_command(
    dump: Annotated[bool, typer.Option("--dump", help="Print the check pipeline as YAML.")] = False,
    index: IndexOption = None,
) -> None:
    """Show the check pipeline (components, connections and their settings) as YAML."""
    from factcheck.workflows.check import default_pipeline_yaml

    if not dump:
        typer.echo(
            "Use --dump to print the pipeline YAML; edit it and run 'factcheck check --pipeline FILE'."
        )
        return
    sys.stdout.write(default_pipeline_yaml(index))
