"""`factcheck index` (build or update a corpus index) and `factcheck search` (query it)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.app import app
from factcheck.cli.options import IndexOption, TextOrJson


class SearchMode(StrEnum):
    hybrid = "hybrid"
    dense = "dense"
    bm25 = "bm25"


@app.command("index")
def index_command(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders (.txt, .md, .html, .jsonl).")],
    index: Annotated[
        Path | None,
        typer.Option("--index", help="Index folder to create or update (default: FACTCHECK_INDEX)."),
    ] = None,
    approximate: Annotated[
        bool, typer.Option("--approximate", help="Use an approximate (HNSW) dense index, whatever the size.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar or summary; only warnings.")
    ] = False,
) -> None:
    """Index documents, incrementally: only new or changed ones are embedded, vanished ones removed."""
    from factcheck.cli.output import stdout, warn
    from factcheck.corpus.index import build_index
    from factcheck.corpus.progress import embedding_progress
    from factcheck.errors import InputError
    from factcheck.settings import load_settings

    settings = load_settings()
    folder = index or (Path(settings.index) if settings.index else None)
    if folder is None:
        raise InputError("say where the index goes: --index DIR (or set FACTCHECK_INDEX)")
    with embedding_progress(quiet=quiet) as progress:
        report = build_index(paths, folder, settings, progress=progress, approximate=approximate)
    for warning in report.warnings:
        warn(warning)
    if not quiet:
        stdout.print(f"{folder}: {report.summary()}", highlight=False, soft_wrap=True)


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help="What to look for.")],
    index: IndexOption = None,
    k: Annotated[int, typer.Option("-k", "--top-k", min=1, max=1000, help="Number of passages.")] = 5,
    mode: Annotated[
        SearchMode, typer.Option("--mode", help="Ranking: hybrid, dense or bm25.")
    ] = SearchMode.hybrid,
    format: Annotated[TextOrJson, typer.Option("--format", "-f", help="Output format.")] = TextOrJson.text,
) -> None:
    """Show the corpus passages that best match QUERY."""
    from factcheck.cli.output import emit_json, stdout
    from factcheck.corpus.index import CorpusIndex, ensure_index
    from factcheck.errors import InputError
    from factcheck.settings import load_settings

    if not query.strip():
        raise InputError("the query is empty")
    settings = load_settings()
    folder = ensure_index(settings, str(index) if index else None)
    with CorpusIndex.open(folder, settings) as corpus:
        passages = corpus.search(query, k=k, mode=str(mode))
    if format is TextOrJson.json:
        emit_json(
            [
                {
                    "doc_id": p.doc_id,
                    "title": p.title,
                    "text": p.text,
                    "start": p.start,
                    "end": p.end,
                    "score": round(p.score, 6),
                }
                for p in passages
            ]
        )
        return
    from rich.markup import escape

    if not passages:
        stdout.print("no matching passage")
    for rank, passage in enumerate(passages, start=1):
        title = f" - {escape(passage.title)}" if passage.title else ""
        stdout.print(
            f"[bold]{rank}. {escape(passage.doc_id)}[/bold]{title} "
            f"[dim]\\[{passage.start}:{passage.end}] score {passage.score:.4f}[/dim]",
            highlight=False,
            soft_wrap=True,
        )
        stdout.print("   " + escape(" ".join(passage.text.split())), highlight=False, soft_wrap=True)
