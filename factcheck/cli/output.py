"""Consoles and small output helpers shared by the commands (report files are written by
``factcheck.report``)."""

from __future__ import annotations

import json
import sys
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
