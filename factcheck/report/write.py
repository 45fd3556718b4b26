"""Writing a finished report: atomically to a file, or to standard output."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from rich.console import Console

from factcheck.domain import CheckResult
from factcheck.errors import InputError
from factcheck.report import render

FORMATS = ("text", "json", "markdown", "html")


def write_output(body: str, out: Path | None) -> None:
    """``body`` to ``out`` (written to a temporary file beside it, then renamed into place) or to stdout."""
    if out is None:
        sys.stdout.write(body)
        return
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent or ".")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(body)
        os.replace(temporary, out)
    except OSError as exc:
        raise InputError(f"{out}: cannot write the report ({exc.strerror})") from exc


def render_report(result: CheckResult, fmt: str) -> str:
    """The whole report of ``result`` in ``fmt`` (``text``, ``json``, ``markdown`` or ``html``)."""
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return render.markdown_report(result)
    if fmt == "html":
        return render.html_report(result)
    if fmt == "text":
        return render.text_report(result)
    raise InputError(f"unknown report format {fmt!r} (use {', '.join(FORMATS)})")


def write_report(result: CheckResult, fmt: str, out: Path | None) -> None:
    """Renders ``result`` in ``fmt`` to ``out`` (written atomically) or stdout (text in colour)."""
    if fmt == "text" and out is None:
        render.render_text(result, Console(soft_wrap=False))
        return
    write_output(render_report(result, fmt), out)
