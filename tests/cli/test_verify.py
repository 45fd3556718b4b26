"""`factcheck verify "CLAIM"` as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.corpus.index import build_index

DOC = (
    "# Xiaomi buys Deepmotion\n\n"
    "Xiaomi bought autonomous-driving company Deepmotion for about 70 million euros in August 2021. "
    "The start-up is based in Beijing.\n"
)


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory, embedder) -> Path:
    root = tmp_path_factory.mktemp("verify-cli")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "deepmotion-deal.md").write_text(DOC)
    folder = root / "idx"
    build_index([corpus], folder, embedder=embedder)
    return folder


def test_verify_json_names_the_document_and_quotes_exact_offsets(index_dir):
    result = CliRunner().invoke(
        app,
        [
            "verify",
            "Xiaomi paid 700 million euros for Deepmotion.",
            "--index",
            str(index_dir),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    verdict = json.loads(result.stdout)
    assert verdict["label"] == "contradicted"
    assert "deepmotion-deal" in verdict["reason"]
    evidence = verdict["evidence"][0]
    assert evidence["doc_id"] == "deepmotion-deal"
    assert DOC[evidence["start"] : evidence["end"]] == evidence["text"]


def test_verify_text_output(index_dir):
    result = CliRunner().invoke(
        app, ["verify", "Deepmotion was bought by Xiaomi.", "--index", str(index_dir)]
    )
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert first.startswith("supported (")
    assert "deepmotion-deal" in result.stdout


def test_an_empty_claim_is_one_line_error():
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    result = subprocess.run(
        [sys.executable, "-c", "from factcheck.cli import main; main()", "verify", "   "],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["error: the claim is empty"]
