"""`factcheck check` end to end on the bundled demo draft and corpus, with the shipped models."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.workflows.check import check_draft

ROOT = Path(__file__).resolve().parents[2]
DRAFT = ROOT / "claims" / "xiaomi-draft.md"
FACTS = ROOT / "claims" / "xiaomi-draft.facts.jsonl"


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], capture_output=True, input=stdin, timeout=300
    )


@pytest.fixture(scope="module")
def result(demo_index):
    return check_draft(str(DRAFT), index=demo_index, quiet=True)


def _verdict_for(result, span: str):
    """The verdict of the claim whose draft span covers the planted fact's span best."""
    draft = DRAFT.read_text(encoding="utf-8")
    start = draft.index(span)
    end = start + len(span)
    overlapping = [v for v in result.verdicts if v.claim.start < end and start < v.claim.end]
    assert overlapping, f"no claim covers {span!r}"
    return max(overlapping, key=lambda v: min(end, v.claim.end) - max(start, v.claim.start))


def test_every_claim_points_back_into_the_draft(result):
    draft = DRAFT.read_text(encoding="utf-8")
    assert len(result.verdicts) >= 8
    for verdict in result.verdicts:
        assert 0 <= verdict.claim.start < verdict.claim.end <= len(draft)
        assert 0.0 <= verdict.confidence <= 1.0
        assert verdict.reason
        for evidence in verdict.evidence:
            assert evidence.text.strip()


def test_planted_wrong_figures_places_and_dates_are_contradicted(result):
    facts = [json.loads(line) for line in FACTS.read_text().splitlines() if line.strip()]
    planted = [f for f in facts if f["expected"] == "contradicted"]
    assert len(planted) >= 3
    for fact in planted:
        verdict = _verdict_for(result, fact["span"])
        assert str(verdict.label) == "contradicted", (fact["text"], verdict.label, verdict.reason)


def test_most_planted_facts_get_their_expected_label(result):
    facts = [json.loads(line) for line in FACTS.read_text().splitlines() if line.strip()]
    right = sum(str(_verdict_for(result, f["span"]).label) == f["expected"] for f in facts)
    assert right / len(facts) >= 0.75, f"{right} of {len(facts)}"


def test_the_evidence_quotes_the_corpus_exactly(result, demo_index):
    from factcheck.corpus.index import CorpusIndex

    corpus = CorpusIndex.open(demo_index)
    quoted = [e for v in result.verdicts for e in v.evidence]
    assert quoted
    for evidence in quoted:
        assert corpus.document(evidence.doc_id).text[evidence.start : evidence.end] == evidence.text


def test_the_cli_writes_json_and_fails_on_contradicted(demo_index, tmp_path):
    done = run_cli("check", str(DRAFT), "--index", str(demo_index), "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert set(report) == {"source", "corpus_version", "claims", "summary"}
    assert sum(report["summary"].values()) == len(report["claims"])
    failing = run_cli("check", str(DRAFT), "--index", str(demo_index), "--fail-on", "contradicted", "-q")
    assert failing.returncode == 1
    page = tmp_path / "report.html"
    html = run_cli("check", str(DRAFT), "--index", str(demo_index), "--format", "html", "--out", str(page))
    assert html.returncode == 0, html.stderr
    assert page.read_text().startswith("<!DOCTYPE html>")


def test_a_claim_without_evidence_is_unverified(demo_index, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("The Oslo philharmonic hired 14 new violinists in 1987.\n")
    result = check_draft(str(draft), index=demo_index, quiet=True)
    assert [str(v.label) for v in result.verdicts] == ["unverified"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\x00\x01binary\x00", "binary"), (b"caf\xe9 au lait", "UTF-8")],
)
def test_bad_drafts_are_one_line_errors(demo_index, tmp_path, content, message):
    draft = tmp_path / "draft.md"
    draft.write_bytes(content)
    done = run_cli("check", str(draft), "--index", str(demo_index))
    assert done.returncode == 2
    assert message in done.stderr.decode()
    assert b"Traceback" not in done.stderr


def test_a_missing_index_is_a_clear_error(tmp_path):
    done = run_cli("check", str(DRAFT), "--index", str(tmp_path / "nowhere"))
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr
    assert len(done.stderr.decode().strip().splitlines()) == 1


def test_no_index_and_no_bundled_corpus_is_a_clear_error(tmp_path, monkeypatch):
    from factcheck.errors import CorpusIndexError

    monkeypatch.delenv("FACTCHECK_INDEX", raising=False)
    monkeypatch.setattr("factcheck.corpus.index.BUNDLED_CORPUS", tmp_path / "no-corpus-here")
    with pytest.raises(CorpusIndexError, match="no index given"):
        check_draft(str(DRAFT), quiet=True)


def test_an_index_built_with_another_model_is_refused(demo_index, tmp_path):
    import shutil
    import sqlite3

    from factcheck.corpus.index import INDEX_FILE

    copy = tmp_path / "other-model-index"
    shutil.copytree(demo_index, copy, ignore=shutil.ignore_patterns("*.lock"))
    with sqlite3.connect(copy / INDEX_FILE) as connection:
        connection.execute("UPDATE meta SET value = ? WHERE key = 'model_sha256'", ("0" * 64,))
    done = run_cli("check", str(DRAFT), "--index", str(copy))
    assert done.returncode == 2
    assert b"different embedding model" in done.stderr
    assert b"Traceback" not in done.stderr
