"""`factcheck claims`: scores and reasons in the text output, the dropped list in JSON, the threshold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli import app

ROOT = Path(__file__).resolve().parents[2]
DRAFT = ROOT / "claims" / "xiaomi-draft.md"
STORY = ROOT / "tests" / "claims" / "cases" / "renova-story.txt"
runner = CliRunner()


def test_json_lists_what_was_dropped_and_why():
    result = runner.invoke(app, ["claims", str(DRAFT), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    raw = DRAFT.read_text(encoding="utf-8")
    assert data["dropped"] and all(set(d) == {"text", "start", "end", "reason"} for d in data["dropped"])
    reasons = {d["text"]: d["reason"] for d in data["dropped"]}
    assert reasons["Why would a phone maker want to build cars?"] == "question"
    assert reasons["Perhaps the cars could one day matter more than the phones."] == "opinion"
    for item in data["dropped"]:
        assert (
            " ".join(raw[item["start"] : item["end"]].split()) == item["text"]
            or item["reason"] == "boilerplate"
        )
    assert all(0.0 <= c["checkworthiness"] <= 1.0 and c["kept_because"] for c in data["claims"])


def test_text_output_shows_each_claims_score_and_why_it_was_kept():
    result = runner.invoke(app, ["claims", str(STORY), "--dropped"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "check-worthiness 0." in result.stdout and "+figure" in result.stdout
    assert "Dropped" in result.stdout and "heading: A new division for cars" in result.stdout


def test_min_checkworthiness_keeps_fewer_claims():
    def count(*extra: str) -> int:
        out = runner.invoke(app, ["claims", str(STORY), "--format", "json", *extra])
        assert out.exit_code == 0, out.output
        return len(json.loads(out.stdout)["claims"])

    assert count("--min-checkworthiness", "0.95") < count() <= count("--min-checkworthiness", "0")


def test_a_threshold_outside_zero_to_one_is_a_one_line_error():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from factcheck.cli import main; main()",
            "claims",
            str(DRAFT),
            "--min-checkworthiness",
            "1.5",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "between 0 and 1" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_component_keeps_its_threshold_through_a_saved_pipeline():
    from haystack import Pipeline

    from factcheck.claims.extractor import ClaimExtractor

    pipeline = Pipeline()
    pipeline.add_component("claims", ClaimExtractor(default_format="txt", min_checkworthiness=0.95))
    restored = Pipeline.loads(pipeline.dumps(), allowed_modules=["factcheck.claims.extractor"])
    assert restored.get_component("claims").min_checkworthiness == 0.95
    text = STORY.read_text(encoding="utf-8")
    strict = restored.run({"claims": {"text": text}})["claims"]["claims"]
    assert strict and len(strict) < len(ClaimExtractor().run(text=text)["claims"])
