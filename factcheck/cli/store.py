"""`factcheck claims list` and `factcheck claims show ID`: the claim store, read back.

Both are subcommands of the ``claims`` group (``factcheck.cli.claims.claims_app``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli import claims as claims_commands
from factcheck.cli.options import StoreOption, TextOrJson
from factcheck.domain import Label

LABEL_STYLES = {"supported": "green", "contradicted": "bold red", "unverified": "yellow"}


def _open(store: Path | None):
    from factcheck.settings import load_settings
    from factcheck.workflows.recheck import store_path
    from factcheck.workflows.store import ClaimStore

    return ClaimStore.open(store_path(store, load_settings()), create=False)


def _label(label: str | None) -> str:
    if label is None:
        return "-"
    return f"[{LABEL_STYLES.get(label, '')}]{label}[/]"


def claims_list(
    label: Annotated[Label | None, typer.Option("--label", help="Only claims with this label.")] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", help="Only claims checked since: a date (2026-11-20), date-time, or age (7d, 36h)."
        ),
    ] = None,
    store: StoreOption = None,
    format: Annotated[TextOrJson, typer.Option("--format", "-f", help="Output format.")] = TextOrJson.text,
) -> None:
    """List the stored claims with their latest verdict."""
    from factcheck.cli.output import emit_json, stdout
    from factcheck.workflows.store import parse_since

    cutoff = parse_since(since) if since else None
    with _open(store) as claim_store:
        claims = claim_store.list_claims(label=label.value if label else None, since=cutoff)
    if format is TextOrJson.json:
        emit_json([claim.to_dict() for claim in claims])
        return
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"{len(claims)} claim(s)", title_justify="left")
    for column in ("id", "label", "conf.", "checked at"):
        table.add_column(column, no_wrap=True)
    table.add_column("claim", overflow="fold")
    for claim in claims:
        latest = claim.latest
        table.add_row(
            claim.id,
            _label(latest.label if latest else None),
            f"{latest.confidence:.2f}" if latest else "-",
            latest.made_at[:19].replace("T", " ") if latest else "-",
            escape(claim.text),
        )
    stdout.print(table)


def claims_show(
    claim_id: Annotated[str, typer.Argument(help="Claim id (or a unique prefix of at least 4 characters).")],
    store: StoreOption = None,
    format: Annotated[TextOrJson, typer.Option("--format", "-f", help="Output format.")] = TextOrJson.text,
) -> None:
    """Show one claim, where it appeared, its full verdict history and the editors' decisions."""
    from factcheck.cli.output import emit_json, stdout

    with _open(store) as claim_store:
        claim = claim_store.show(claim_id)
    if format is TextOrJson.json:
        emit_json(claim.to_dict())
        return
    from rich.markup import escape

    stdout.print(f"[bold]{claim.id}[/]  {escape(claim.text)}", highlight=False)
    for where in claim.occurrences:
        stdout.print(f"  in {escape(where.path)} [{where.start}:{where.end}]", highlight=False)
    stdout.print(f"history ({len(claim.history)} verdict(s), oldest first):", highlight=False)
    for verdict in claim.history:
        stdout.print(
            f"  {verdict.made_at[:19].replace('T', ' ')}  {_label(verdict.label)} {verdict.confidence:.2f}  "
            f"corpus {verdict.corpus_version} (generation {verdict.generation})",
            highlight=False,
        )
        stdout.print(f"    {escape(verdict.reason)}", highlight=False)
        for item in verdict.evidence:
            quote = " ".join(str(item.get("text", "")).split())
            stdout.print(
                f"    {escape(str(item.get('doc_id')))} [{item.get('start')}:{item.get('end')}] "
                f'({item.get("stance")}) "{escape(quote)}"',
                highlight=False,
            )
    if claim.decisions:
        stdout.print(f"decisions ({len(claim.decisions)}, oldest first):", highlight=False)
    for decision in claim.decisions:
        label = f" {_label(decision.label)}" if decision.label else ""
        when = decision.made_at[:19].replace("T", " ")
        stdout.print(f"  {when}  {decision.kind}{label}  by {escape(decision.editor)}", highlight=False)
        if decision.note:
            stdout.print(f"    {escape(' '.join(decision.note.split()))}", highlight=False)


# The ``claims`` group is created by ``factcheck.cli.claims``; these become its subcommands.
claims_app = getattr(claims_commands, "claims_app", None)
if claims_app is not None:
    claims_app.command("list")(claims_list)
    claims_app.command("show")(claims_show)
