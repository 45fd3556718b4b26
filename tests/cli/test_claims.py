"""`factcheck claims FILE`: output formats, standard input, and one-line errors on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

ROOT = Path(__file__).resolve().parents[2]
DRAFT = ROOT / "claims" / "xiaomi-draft.md"
runner = CliRunner()


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """The real console entry point in a new process (errors mapped to exit codes by ``main``)."""
    return subprocess.run(
        [sys.executable, "-c", "from factcheck.cli import main; main()", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        cwd=ROOT,
    )


def test_json_output_indexes_the_draft():
    result = runner.invoke(app, ["claims", str(DRAFT), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"] == str(DRAFT) and data["draft_date"] == "2021-09-01" and data["format"] == "md"
    raw = DRAFT.read_text(encoding="utf-8")
    facts = [json.loads(line) for line in (ROOT / "claims" / "xiaomi-draft.facts.jsonl").open()]
    assert [c["text"] for c in data["claims"]] == [f["text"] for f in facts]
    for claim in data["claims"]:
        assert set(claim) == {
            "id", "text", "start", "end", "sentence", "needs_context", "has_quantity",
            "checkworthiness", "kept_because", "spans",
        }  # fmt: skip
        assert raw[claim["start"] : claim["end"]] in {f["span"] for f in facts}


def test_extract_subcommand_and_options_first_work_too():
    plain = runner.invoke(app, ["claims", "extract", "--format", "json", str(DRAFT)])
    options_first = runner.invoke(app, ["claims", "--format", "json", str(DRAFT)])
    assert plain.exit_code == 0 and options_first.exit_code == 0
    assert json.loads(plain.stdout) == json.loads(options_first.stdout)


def test_text_output_lists_claims_with_offsets_and_flags():
    result = runner.invoke(app, ["claims", str(DRAFT)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "12 claim(s)" in result.stdout and "dated 2021-09-01" in result.stdout
    assert "Xiaomi EV has a team of 3,000 employees." in result.stdout
    assert "from: The new division is led by founder Lei Jun" in result.stdout
    assert "figure" in result.stdout


def test_group_help_lists_extract():
    result = runner.invoke(app, ["claims", "--help"])
    assert result.exit_code == 0 and "extract" in result.stdout


def test_stdin_with_input_format_and_date():
    text = b"# Title\n\nXiaomi bought *Deepmotion* last month. It paid 70 million euros."
    result = _cli(
        "claims", "-", "--input-format", "md", "--date", "2021-09-01", "--format", "json", stdin=text
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"] == "-"
    assert [c["text"] for c in data["claims"]] == [
        "Xiaomi bought Deepmotion in August 2021.",
        "Xiaomi paid 70 million euros.",
    ]
    assert text.decode()[data["claims"][0]["start"] : data["claims"][0]["end"]] == (
        "Xiaomi bought *Deepmotion* last month."
    )


def test_draft_without_sentences_gives_an_empty_result(tmp_path):
    draft = tmp_path / "heading.md"
    draft.write_text("# Only a heading\n\n<!-- nothing else -->\n")
    result = _cli("claims", str(draft), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["claims"] == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.md", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin1.txt", "Xiaomi in M\xfcnchen".encode("latin-1"), "UTF-8"),
        ("huge.txt", b"Xiaomi sold 300,000 cars in 2024. " * 300_000, "limit"),
        ("missing.md", None, "no such file"),
    ],
)
def test_bad_input_gives_one_line_and_exit_code_2(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = _cli("claims", str(path))
    stderr = result.stderr.decode()
    assert result.returncode == 2
    assert message in stderr
    assert len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr


def test_bad_options_are_usage_errors(tmp_path):
    result = _cli("claims", str(DRAFT), "--input-format", "docx")
    assert result.returncode == 2 and "--input-format 'docx'" in result.stderr.decode()
    result = _cli("claims", str(DRAFT), "--format", "yaml")
    assert result.returncode == 2 and "--format 'yaml'" in result.stderr.decode()
    result = _cli("claims", str(DRAFT), "--date", "next week")
    assert result.returncode == 2 and "not a date" in result.stderr.decode()
