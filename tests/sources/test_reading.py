"""Reading user files: size limits, binary detection, strict UTF-8, JSONL lines, one clear error each."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.sources.reading import decode_text, json_lines, read_text


def test_utf8_text_with_a_bom_and_any_newlines_reads_with_unix_newlines() -> None:
    assert decode_text("\ufeffa\r\nb\rc\n".encode(), "x") == "a\nb\nc\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"PK\x03\x04\x00\x00binary", "binary"), ("café".encode("latin-1"), r"not valid UTF-8 \(byte 3\)")],
)
def test_binary_and_other_encodings_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode_text(data, "draft.md")


def test_read_text_refuses_missing_folders_empty_and_oversized_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.md")
    with pytest.raises(InputError, match="not a regular file"):
        read_text(tmp_path)
    empty = tmp_path / "empty.md"
    empty.write_text("  \n")
    with pytest.raises(InputError, match="the file is empty"):
        read_text(empty)
    assert read_text(empty, allow_empty=True) == "  \n"
    big = tmp_path / "big.txt"
    big.write_text("x" * 2_000_001)
    with pytest.raises(InputError, match="over the 2 MB limit"):
        read_text(big, max_bytes=2_000_000)
    assert read_text(big) == "x" * 2_000_001


def test_read_text_names_the_file_in_every_error(tmp_path: Path) -> None:
    file = tmp_path / "wire.txt"
    file.write_bytes(b"\xff\xfe")
    with pytest.raises(InputError, match=r"wire\.txt: not valid UTF-8"):
        read_text(file)


def test_dash_reads_standard_input_within_the_limit(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Xiaomi paid \xe2\x82\xac70M.\n")))
    assert read_text("-") == "Xiaomi paid €70M.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 11)))
    with pytest.raises(InputError, match="<stdin>: over the"):
        read_text("-", max_bytes=10)


def test_json_lines_skip_blank_lines_and_name_the_bad_line() -> None:
    text = '{"id": "a"}\n\n  \n{"id": "b"}\n'
    assert list(json_lines(text, "docs.jsonl")) == [(1, {"id": "a"}), (4, {"id": "b"})]
    with pytest.raises(InputError, match=r"docs\.jsonl:2: not valid JSON"):
        list(json_lines('{"id": "a"}\n{oops\n', "docs.jsonl"))
    with pytest.raises(InputError, match=r"docs\.jsonl:1: expected a JSON object, got list"):
        list(json_lines("[1, 2]\n", "docs.jsonl"))


def test_json_lines_raise_the_callers_error_type() -> None:
    class MalformedRecord(InputError):
        pass

    with pytest.raises(MalformedRecord):
        list(json_lines("nope\n", "x.jsonl", MalformedRecord))
