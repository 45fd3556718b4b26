"""`factcheck eval`: measure the verdicts against labelled claims."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.app import app
from factcheck.cli.options import TextOrJson

DATASET_FORMATS = (
    "native",
    "scifact",
    "climate-fever",
    "fever",
    "fever-symmetric",
    "vitaminc",
    "fm2",
    "healthver",
    "sick",
    "anli",
    "mnli",
)
DatasetFormat = StrEnum("DatasetFormat", {name.replace("-", "_"): name for name in DATASET_FORMATS})


@app.command("eval")
def eval_command(
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE...", help="Labelled claims (JSONL, or a public set's files)."),
    ],
    dataset_format: Annotated[
        DatasetFormat, typer.Option("--dataset-format", "-d", help="Format of FILE.")
    ] = DatasetFormat.native,  # type: ignore[attr-defined]
    oracle: Annotated[
        bool, typer.Option("--oracle", help="Verify each claim against its own gold evidence.")
    ] = False,
    index: Annotated[Path | None, typer.Option("--index", help="Retrieve evidence from this index.")] = None,
    corpus: Annotated[
        Path | None,
        typer.Option("--corpus", help="Index this corpus in a temporary folder and retrieve from it."),
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, help="Evaluate a random sample of N.")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the --limit sample.")] = 0,
    format: Annotated[TextOrJson, typer.Option("--format", "-f", help="Output format.")] = TextOrJson.text,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write JSON, Markdown, predictions and plots here.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Score the verdicts on labelled claims: accuracy, macro-F1, false contradictions, per class, ECE.

    Without --oracle, --index or --corpus, evidence is retrieved from the default index.
    """
    from factcheck.cli.output import emit_json, stderr, stdout
    from factcheck.evaluation.evaluate import evaluate
    from factcheck.evaluation.report import render_text, write_outputs

    with _progress(stderr, quiet) as progress:
        result = evaluate(
            files,
            str(dataset_format),
            oracle=oracle,
            index=index,
            corpus=corpus,
            limit=limit,
            seed=seed,
            progress=progress,
            quiet=quiet,
        )
    if format is TextOrJson.json:
        emit_json(result.report)
    else:
        render_text(result.report, stdout, title=", ".join(f.name for f in files))
    if out is not None:
        written = write_outputs(
            out, result.report, result.run, title=f"Evaluation: {', '.join(map(str, files))}"
        )
        if not quiet:
            stderr.print(f"wrote {len(written)} files to {out}", highlight=False)


def _progress(console, quiet: bool):
    """A rich progress bar on stderr as a ``progress(done, total)`` callback (a no-op when quiet)."""
    import contextlib

    if quiet:
        return contextlib.nullcontext(None)

    @contextlib.contextmanager
    def bar():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        with Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        ) as progress:
            task = progress.add_task("verifying", total=None)

            def update(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            yield update

    return bar()
