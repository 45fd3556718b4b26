"""`factcheck index` and `factcheck search` as a user runs them: output, exit codes, bad input."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.corpus.index import INDEX_FILE, CorpusIndex, build_index

GOOD = "# Deepmotion deal\n\nXiaomi bought Deepmotion for about 77.4 million US dollars in August 2021.\n"


def run_cli(*args: str, env_extra: dict[str, str] | None = None, cwd: Path | None = None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-c", "from factcheck.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


def assert_one_line_error(result, *fragments: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error:")
    for fragment in fragments:
        assert fragment in lines[0]


def fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(folder.iterdir()):
        if file.name.endswith(("-wal", "-shm")) or file.name == "index.lock":
            continue
        digest.update(file.name.encode() + file.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def index_dir(tmp_path: Path, embedder) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "deepmotion-deal.md").write_text(GOOD)
    folder = tmp_path / "idx"
    build_index([corpus], folder, embedder=embedder)
    return folder


def test_bad_input_is_one_line_exit_2_and_leaves_the_index_intact(tmp_path: Path, index_dir: Path) -> None:
    before = fingerprint(index_dir)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    latin = tmp_path / "latin.md"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n")
    malformed = tmp_path / "feed.jsonl"
    malformed.write_text('{"id": "a", "text": "fine"}\n{"id": "b", "text": \n')
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(100_000_000)
    index = ["--index", str(index_dir)]
    assert_one_line_error(run_cli("index", str(tmp_path / "missing.md"), *index), "no such file or folder")
    assert_one_line_error(run_cli("index", str(binary), *index), "binary")
    assert_one_line_error(run_cli("index", str(latin), *index), "not valid UTF-8")
    assert_one_line_error(run_cli("index", str(empty), *index), "empty")
    assert_one_line_error(run_cli("index", str(malformed), *index), "feed.jsonl:2")
    assert_one_line_error(run_cli("index", str(huge), *index), "huge.txt", "limit")
    assert_one_line_error(run_cli("index", str(malformed)), "--index")
    assert fingerprint(index_dir) == before


def test_incompatible_indexes_are_refused(tmp_path: Path, index_dir: Path) -> None:
    assert_one_line_error(
        run_cli("search", "Deepmotion", "--index", str(tmp_path / "nowhere")), "no index folder"
    )
    with sqlite3.connect(index_dir / INDEX_FILE) as connection:
        connection.execute("UPDATE meta SET value = '7' WHERE key = 'format_version'")
    with sqlite3.connect(index_dir / INDEX_FILE) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = fingerprint(index_dir)
    assert_one_line_error(run_cli("search", "Deepmotion", "--index", str(index_dir)), "newer factcheck")
    good = tmp_path / "good.md"
    good.write_text(GOOD)
    assert_one_line_error(run_cli("index", str(good), "--index", str(index_dir)), "newer factcheck")
    assert fingerprint(index_dir) == before
    (index_dir / INDEX_FILE).write_bytes(b"\x00garbage" * 512)
    assert_one_line_error(run_cli("search", "Deepmotion", "--index", str(index_dir)), "corrupted")


def test_search_json_quotes_exact_offsets(index_dir: Path) -> None:
    result = run_cli("search", "Deepmotion price", "--index", str(index_dir), "-k", "3", "--format", "json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert hits and hits[0]["doc_id"] == "deepmotion-deal"
    assert set(hits[0]) == {"doc_id", "title", "text", "start", "end", "score"}
    with CorpusIndex.open(index_dir) as index:
        for hit in hits:
            assert index.document(hit["doc_id"]).text[hit["start"] : hit["end"]] == hit["text"]
    text = run_cli("search", 'AND OR ( " *', "--index", str(index_dir), "--mode", "bm25")
    assert text.returncode == 0 and "Traceback" not in text.stderr
    usage = run_cli("search", "x", "--index", str(index_dir), "--mode", "fuzzy")
    assert usage.returncode != 0 and "Traceback" not in usage.stderr and "fuzzy" in usage.stderr


def test_index_skips_unreadable_files_with_a_warning_and_quiet_prints_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "deal.md").write_text(GOOD)
    (corpus / "broken.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    folder = tmp_path / "idx"
    result = run_cli("index", str(corpus), "--index", str(folder))
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout and "1 passages" in result.stdout
    assert "broken.txt" in result.stderr and "warning" in result.stderr
    (corpus / "broken.txt").unlink()
    quiet = run_cli("index", str(corpus), "--quiet", env_extra={"FACTCHECK_INDEX": str(folder)})
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == ""
    search = run_cli("search", "Deepmotion", "--format", "json", env_extra={"FACTCHECK_INDEX": str(folder)})
    assert json.loads(search.stdout)[0]["doc_id"] == "deal"
