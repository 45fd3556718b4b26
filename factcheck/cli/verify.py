"""`factcheck verify "CLAIM"`: one claim against the corpus, with its verdict and the deciding evidence."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck.cli.app import app
from factcheck.cli.options import IndexOption, TextOrJson


@app.command()
def verify(
    claim: Annotated[str, typer.Argument(help="The claim to check, in quotes.")],
    index: IndexOption = None,
    format: Annotated[TextOrJson, typer.Option("--format", "-f", help="Output format.")] = TextOrJson.text,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
) -> None:
    """Verify one claim against the corpus: label, confidence, reason and evidence."""
    from factcheck.corpus.index import ensure_index
    from factcheck.domain import Claim
    from factcheck.errors import InputError
    from factcheck.pipeline import verify_claims
    from factcheck.settings import load_settings

    text = " ".join(claim.split())
    if not text:
        raise InputError("the claim is empty")
    settings = load_settings()
    index_dir = ensure_index(settings, str(index) if index else None, quiet=quiet)
    (verdict,) = verify_claims(
        [Claim(id=Claim.make_id(text), text=text, start=0, end=len(text))], index_dir, settings
    )
    if format is TextOrJson.json:
        from factcheck.cli.output import emit_json

        emit_json(verdict.to_dict())
    else:
        print_verdict(verdict)


def print_verdict(verdict) -> None:
    """The verdict for people: coloured label, confidence, reason, then each quoted piece of evidence."""
    from rich.markup import escape

    from factcheck.cli.output import stdout

    colour = {"supported": "green", "contradicted": "bold red", "unverified": "yellow"}[str(verdict.label)]
    stdout.print(
        f"[{colour}]{verdict.label}[/] ({verdict.confidence:.0%}) {escape(verdict.claim.text)}",
        highlight=False,
    )
    stdout.print(f"  {escape(verdict.reason)}", highlight=False, soft_wrap=True)
    for evidence in verdict.evidence:
        where = f"{evidence.doc_id} [{evidence.start}:{evidence.end}]"
        title = f" - {evidence.title}" if evidence.title and evidence.title != evidence.doc_id else ""
        stdout.print(f"  {evidence.stance}: {escape(where + title)}", highlight=False)
        stdout.print(f'    "{escape(evidence.text)}"', highlight=False, soft_wrap=True)
