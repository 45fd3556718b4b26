"""`factcheck claims`: the atomic claims of a draft (and, as subcommands, the claim store's views).

``factcheck claims FILE`` is short for ``factcheck claims extract FILE``: a first argument that is not one
of the group's subcommands is taken as the draft to read.
"""

from __future__ import annotations

from typing import Annotated, Any

import click
import typer
from typer.core import TyperGroup

from factcheck.cli.app import app


class _DraftFirstGroup(TyperGroup):
    """A command group whose default subcommand is ``extract``: ``claims FILE`` = ``claims extract FILE``."""

    default_command = "extract"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


claims_app = typer.Typer(
    cls=_DraftFirstGroup,
    help="The atomic claims of a draft: `factcheck claims FILE` (same as `factcheck claims extract FILE`).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(claims_app, name="claims")


OUTPUT_FORMATS = ("text", "json")
DRAFT_FORMATS = ("auto", "txt", "md", "html")


def claims_report(draft: Any, claims: list[Any], dropped: list[Any] | None = None) -> dict[str, Any]:
    """The JSON document of ``factcheck claims --format json``."""
    return {
        "source": draft.path,
        "format": draft.format,
        "draft_date": draft.date,
        "title": draft.title,
        "offsets": "characters of the source file as read (UTF-8, newlines normalised to \\n)",
        "claims": [claim.to_dict() for claim in claims],
        "dropped": [item.to_dict() for item in dropped or []],
    }


@claims_app.command("extract")
def extract(
    file: Annotated[str, typer.Argument(help="Draft to read: .txt, .md or .html; '-' reads standard input.")],
    format: Annotated[str, typer.Option("--format", help="Output: text (for people) or json.")] = "text",
    draft_format: Annotated[
        str,
        typer.Option("--input-format", "-i", help="Draft format: auto (from the suffix), txt, md or html."),
    ] = "auto",
    draft_date: Annotated[
        str | None,
        typer.Option("--date", help="Draft date (YYYY-MM-DD) for relative dates like 'last month'."),
    ] = None,
    min_checkworthiness: Annotated[
        float | None,
        typer.Option(
            "--min-checkworthiness",
            help="Keep only claims scoring at least this (0-1); default: the model's threshold.",
        ),
    ] = None,
    show_dropped: Annotated[
        bool, typer.Option("--dropped", help="Also list the sentences that gave no claim, and why.")
    ] = False,
) -> None:
    """List the check-worthy, atomic claims of a draft with their offsets, scores and why they were kept."""
    from factcheck.claims.extraction import extract_draft, load_draft, prepare
    from factcheck.cli.output import emit_json
    from factcheck.errors import InputError

    # Choices are checked here so that a wrong one is a one-line input error like any other.
    if format not in OUTPUT_FORMATS:
        raise InputError(f"--format {format!r}: use one of {', '.join(OUTPUT_FORMATS)}")
    if draft_format not in DRAFT_FORMATS:
        raise InputError(f"--input-format {draft_format!r}: use one of {', '.join(DRAFT_FORMATS)}")
    if min_checkworthiness is not None and not 0.0 <= min_checkworthiness <= 1.0:
        raise InputError(f"--min-checkworthiness {min_checkworthiness}: use a number between 0 and 1")
    draft = load_draft(file, draft_format)
    if draft_date is not None:
        draft = prepare(draft.raw, draft.format, path=draft.path, draft_date=draft_date)
    result = extract_draft(draft, min_checkworthiness)
    if format == "json":
        emit_json(claims_report(draft, result.claims, result.dropped))
        return
    _render(draft, result, show_dropped)


def _render(draft: Any, result: Any, show_dropped: bool = False) -> None:
    from rich.markup import escape

    from factcheck.cli.output import stdout

    claims = result.claims
    dated = f", dated {draft.date}" if draft.date else ""
    stdout.print(
        f"[bold]{len(claims)} claim(s)[/] in {escape(draft.path)}{dated}"
        f" [dim](check-worthiness >= {result.threshold:.2f}; {len(result.dropped)} dropped)[/]",
        highlight=False,
    )
    for claim in claims:
        flags = []
        if claim.has_quantity:
            flags.append("[cyan]figure[/]")
        if claim.needs_context:
            flags.append("[yellow]needs context[/]")
        stdout.print(
            f"\n[dim]{claim.id}[/]  chars {claim.start}-{claim.end}, sentence {claim.sentence + 1}"
            + (f"  {' '.join(flags)}" if flags else ""),
            highlight=False,
        )
        stdout.print(f"  {escape(claim.text)}", highlight=False, soft_wrap=True)
        if claim.checkworthiness is not None:
            why = ", ".join(claim.kept_because) or "no strong signal either way"
            stdout.print(
                f"  [dim]check-worthiness {claim.checkworthiness:.2f}: {escape(why)}[/]",
                highlight=False,
                soft_wrap=True,
            )
        source = " ".join(draft.raw[claim.start : claim.end].split())
        if source != claim.text:
            stdout.print(f"  [dim]from: {escape(source)}[/]", highlight=False, soft_wrap=True)
    if show_dropped and result.dropped:
        stdout.print("\n[bold]Dropped[/]", highlight=False)
        for item in result.dropped:
            stdout.print(
                f"  [dim]chars {item.start}-{item.end}, {escape(item.reason)}:[/] {escape(item.text)}",
                highlight=False,
                soft_wrap=True,
            )
