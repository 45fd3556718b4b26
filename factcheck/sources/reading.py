"""Reading user files safely: size limits, binary detection, strict UTF-8, one clear error each."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from factcheck.errors import InputError

DEFAULT_MAX_BYTES = 50_000_000


def decode_text(data: bytes, name: str) -> str:
    """Text of ``data``: UTF-8 (a BOM is dropped); binary data and other encodings are refused."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (byte {exc.start}); convert it first, e.g. iconv -t UTF-8"
        ) from exc
    # Normalise newlines so offsets mean the same on every platform.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, allow_empty: bool = False) -> str:
    """The text of a file (or standard input for ``-``), checked as :func:`decode_text` does."""
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "<stdin>"
    else:
        file = Path(path)
        if not file.exists():
            raise InputError(f"{name}: no such file")
        if not file.is_file():
            raise InputError(f"{name}: not a regular file")
        try:
            size = file.stat().st_size
            if size > max_bytes:
                raise InputError(f"{name}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit")
            data = file.read_bytes()
        except PermissionError as exc:
            raise InputError(f"{name}: permission denied") from exc
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror})") from exc
    if len(data) > max_bytes:
        raise InputError(f"{name}: over the {max_bytes / 1e6:.0f} MB limit")
    text = decode_text(data, name)
    if not allow_empty and not text.strip():
        raise InputError(f"{name}: the file is empty")
    return text


def json_lines(
    text: str, name: str, error: type[InputError] = InputError
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank JSONL line; a line that is not a JSON object raises
    ``error`` naming the file and the line."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"{name}:{number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict):
            raise error(f"{name}:{number}: expected a JSON object, got {type(record).__name__}")
        yield number, record
