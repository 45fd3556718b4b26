"""Consoles and small output helpers shared by the commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape

stdout = Console(soft_wrap=False)
stderr = Console(stderr=True, soft_wrap=True)


def error(message: str) -> None:
    """One clear line on stderr."""
    stderr.print(f"[bold red]error:[/] {escape(message)}", highlight=False)


def warn(message: str) -> None:
    stderr.print(f"[yellow]warning:[/] {escape(message)}", highlight=False)


def emit_json(data: Any) -> None:
    """Machine output: JSON on stdout, UTF-8, no colour."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_output(body: str, out: Path | None) -> None:
    """``body`` to ``out`` (written to a temporary file, then renamed into place) or to stdout."""
    from factcheck.errors import InputError

    if out is None:
        sys.stdout.write(body)
        return
    try:
        temporary = out.with_name(f".{out.name}.tmp")
        temporary.write_text(body, encoding="utf-8")
        temporary.replace(out)
    except OSError as exc:
        raise InputError(f"{out}: cannot write the report ({exc.strerror})") from exc
