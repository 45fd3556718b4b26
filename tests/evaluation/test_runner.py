"""The evaluation runner, report and `factcheck eval` command with an injected rule-based verifier."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from factcheck.domain import Claim, Evidence, Label, Passage, Stance, Verdict
from factcheck.errors import InputError
from factcheck.evaluation import components
from factcheck.evaluation.datasets import LabelledClaim
from factcheck.evaluation.report import build_report, render_markdown, render_text, write_outputs
from factcheck.evaluation.runner import INDEX, ORACLE, oracle_passage, run_evaluation

SCHEMA_KEYS = {
    "n", "mode", "model", "accuracy", "macro_f1", "per_class", "confusion",
    "recall_at_k", "evidence_accuracy", "ece", "seconds",
    "false_contradiction_rate", "contradicted_recall",
}  # fmt: skip


class RuleVerifier:
    """Supported when a passage contains the claim, contradicted when one says 'not' + the claim's last
    word, else unverified; cites the deciding passage. Records each call's batch."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], list[list[Passage]]]] = []

    def __call__(self, claims: list[Claim], passages: list[list[Passage]]) -> list[Verdict]:
        self.calls.append(([c.id for c in claims], passages))
        verdicts = []
        for claim, found in zip(claims, passages, strict=True):
            text = claim.text.rstrip(".").lower()
            label, confidence, cited = Label.UNVERIFIED, 0.6, ()
            for passage in found:
                body = passage.text.lower()
                evidence = (
                    Evidence(passage.doc_id, passage.text, passage.start, passage.end, 1.0, Stance.SUPPORTS),
                )
                if text in body:
                    label, confidence, cited = Label.SUPPORTED, 0.9, evidence
                    break
                if f"not {text.split()[-1]}" in body:
                    label, confidence, cited = Label.CONTRADICTED, 0.8, evidence
                    break
            verdicts.append(Verdict(claim, label, confidence, f"{label}", cited))
        return verdicts


CLAIMS = [
    LabelledClaim(
        "1", "The factory is in Beijing.", "supported", ("The factory is in Beijing.",), ("beijing",)
    ),
    LabelledClaim("2", "The factory is in Shanghai.", "contradicted", ("It is not Shanghai.",), ("beijing",)),
    LabelledClaim("3", "Output starts in 2024.", "unverified", ("Unrelated sentence.",), ()),
    LabelledClaim(
        "4", "The unit has 300 staff.", "supported", ("Staff:", "the unit has 300 staff"), ("unit",)
    ),
    LabelledClaim("5", "The deal was 70 million euros.", "supported", ("Nothing here.",), ("deal",)),
]


def test_oracle_run_batches_claims_and_reports_progress():
    verifier = RuleVerifier()
    ticks: list[tuple[int, int]] = []
    run = run_evaluation(CLAIMS, verifier, batch_size=2, progress=lambda d, t: ticks.append((d, t)))
    assert run.mode == ORACLE
    assert [ids for ids, _ in verifier.calls] == [["1", "2"], ["3", "4"], ["5"]]
    assert ticks == [(0, 5), (2, 5), (4, 5), (5, 5)]
    assert [p.label for p in run.predictions] == [
        "supported",
        "contradicted",
        "unverified",
        "supported",
        "unverified",
    ]
    # several gold sentences become one passage, so the verifier can read them together
    assert verifier.calls[1][1][1][0].text == "Staff: the unit has 300 staff"


def test_oracle_passage_offsets_are_exact():
    passage = oracle_passage(CLAIMS[3])
    assert passage.text[passage.start : passage.end] == passage.text and passage.doc_id == "unit"
    assert oracle_passage(CLAIMS[2]).doc_id == "gold:3"


def test_oracle_mode_needs_gold_evidence():
    with pytest.raises(InputError, match="missing for x"):
        run_evaluation([LabelledClaim("x", "A claim.", "supported")], RuleVerifier())


def test_report_of_an_oracle_run_follows_the_schema():
    report = build_report(run_evaluation(CLAIMS, RuleVerifier()), model="test-model")
    assert set(report) == SCHEMA_KEYS
    assert report["n"] == 5 and report["accuracy"] == pytest.approx(0.8)
    assert report["confusion"]["supported"] == {"supported": 2, "contradicted": 0, "unverified": 1}
    assert report["per_class"]["supported"] == {
        "precision": 1.0,
        "recall": pytest.approx(0.6667),
        "f1": 0.8,
        "support": 3,
    }
    assert report["recall_at_k"] is None and report["evidence_accuracy"] is None
    # gold supported: 1 (supported), 4 (supported), 5 (unverified); gold unverified: 3 (unverified)
    assert report["false_contradiction_rate"] == {"supported": 0.0, "unverified": 0.0, "overall": 0.0}
    assert report["contradicted_recall"] == 1.0
    # confidences 0.9, 0.8, 0.6 (right), 0.9 (right), 0.6 (wrong) -> bins 9, 8, 6
    assert report["ece"] == pytest.approx((2 * 0.1 + 0.2 + abs(0.5 - 0.6) * 2) / 5, abs=1e-4)
    json.dumps(report)  # plain JSON types only


def test_index_mode_records_retrieval_and_scores_evidence():
    docs = {
        "beijing": "The factory is in Beijing. It is not Shanghai.",
        "unit": "The unit has 300 staff.",
        "other": "A different carmaker builds 450,000 cars.",
    }
    asked: list[int] = []

    def search(queries: list[str], k: int) -> list[list[Passage]]:
        asked.append(k)
        order = ["other", "beijing", "unit"]
        return [[Passage(d, 0, len(docs[d]), docs[d]) for d in order] for _ in queries]

    verifier = RuleVerifier()
    run = run_evaluation(CLAIMS, verifier, search, verify_k=2)
    assert run.mode == INDEX and asked and min(asked) >= 20
    assert all(len(found) == 2 for _, batch in verifier.calls for found in batch)  # verify_k passages each
    assert run.predictions[0].retrieved_docs == ("other", "beijing", "unit")
    report = build_report(run)
    # gold docs (non-unverified claims): beijing (rank 2), beijing (2), unit (3), deal (absent)
    assert report["recall_at_k"] == {"1": 0.0, "5": 0.75, "20": 0.75}
    # claim 1 right + cites beijing; 2 right + cites beijing; 3 unverified right; 4 wrong; 5 wrong
    assert report["evidence_accuracy"] == pytest.approx(3 / 5)


def test_out_writes_json_markdown_predictions_and_plots(tmp_path):
    run = run_evaluation(CLAIMS, RuleVerifier())
    report = build_report(run)
    written = write_outputs(tmp_path / "out", report, run)
    names = {p.name for p in written}
    assert names == {"report.json", "report.md", "predictions.jsonl", "confusion.png", "reliability.png"}
    assert json.loads((tmp_path / "out" / "report.json").read_text()) == report
    rows = [json.loads(line) for line in (tmp_path / "out" / "predictions.jsonl").read_text().splitlines()]
    assert [r["id"] for r in rows] == ["1", "2", "3", "4", "5"]
    assert rows[1]["gold"] == "contradicted" and rows[1]["evidence"][0]["doc_id"] == "beijing"
    for png in ("confusion.png", "reliability.png"):
        data = (tmp_path / "out" / png).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 1000
    markdown = render_markdown(report)
    assert "| accuracy | 0.800 |" in markdown
    assert "| false contradictions, gold supported | 0.000 |" in markdown
    assert "| false contradictions, overall | 0.000 |" in markdown
    assert "| contradicted recall | 1.000 |" in markdown


def test_false_contradictions_are_reported_in_json_text_and_markdown():
    """A verifier that contradicts every claim mentioning a figure: the rates say which gold labels pay."""

    def contradict_figures(claims: list[Claim], passages: list[list[Passage]]) -> list[Verdict]:
        return [
            Verdict(c, Label.CONTRADICTED if any(ch.isdigit() for ch in c.text) else Label.SUPPORTED, 0.9, "")
            for c in claims
        ]

    report = build_report(run_evaluation(CLAIMS, contradict_figures))
    # gold supported: claims 1 (no figure), 4 and 5 (figures) -> 2 of 3; gold unverified: claim 3 -> 1 of 1
    assert report["false_contradiction_rate"] == {
        "supported": pytest.approx(0.6667),
        "unverified": 1.0,
        "overall": 0.75,
    }
    assert report["contradicted_recall"] == 0.0  # "The factory is in Shanghai." has no figure
    markdown = render_markdown(report)
    assert "| false contradictions, gold supported | 0.667 |" in markdown
    assert "| false contradictions, gold unverified | 1.000 |" in markdown
    assert "| contradicted recall | 0.000 |" in markdown
    from rich.console import Console

    console = Console(record=True, width=120)
    render_text(report, console)
    text = console.export_text()
    assert "false contradictions, overall" in text and "0.750" in text
    assert "contradicted recall" in text


def _native_file(path: Path) -> Path:
    path.write_text(
        "\n".join(
            json.dumps({"id": c.id, "claim": c.claim, "label": c.label, "evidence": list(c.evidence)})
            for c in CLAIMS
        )
        + "\n",
        encoding="utf-8",
    )
    return path


def _run_cli(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    from factcheck.cli import main

    monkeypatch.setattr(components, "verifier_fn", lambda settings: (RuleVerifier(), "rule-v1"))
    monkeypatch.setattr(sys, "argv", ["factcheck", *args])
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_oracle_json_and_out(monkeypatch, capsys, tmp_path):
    path = _native_file(tmp_path / "claims.jsonl")
    code, out, _ = _run_cli(
        monkeypatch,
        capsys,
        "eval",
        str(path),
        "--oracle",
        "--format",
        "json",
        "--out",
        str(tmp_path / "o"),
        "-q",
    )
    assert code == 0
    report = json.loads(out)
    assert report["n"] == 5 and report["accuracy"] == pytest.approx(0.8) and report["model"] == "rule-v1"
    assert (tmp_path / "o" / "reliability.png").stat().st_size > 0


def test_cli_text_table_and_limit(monkeypatch, capsys, tmp_path):
    path = _native_file(tmp_path / "claims.jsonl")
    code, out, _ = _run_cli(
        monkeypatch, capsys, "eval", str(path), "--oracle", "--limit", "3", "--seed", "1", "-q"
    )
    assert code == 0
    assert "3 claims" in out and "macro-F1" in out and "confusion" in out


def test_cli_bad_input_is_one_line_with_exit_code_2(monkeypatch, capsys, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"id": 1, "claim": "A.", "label": "supported"}\n{"id": 2, "claim": "B."\n', encoding="utf-8"
    )
    code, _, err = _run_cli(monkeypatch, capsys, "eval", str(path), "--oracle", "-q")
    assert code == 2
    assert "bad.jsonl:2" in err and len(err.strip().splitlines()) == 1
    code, _, err = _run_cli(
        monkeypatch, capsys, "eval", str(path), "--oracle", "--index", str(tmp_path), "-q"
    )
    assert code == 2 and "choose one of" in err


ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_cli_corpus_mode_indexes_an_abstract_corpus_and_measures_retrieval(monkeypatch, capsys, tmp_path):
    """``--corpus`` with a SciFact-style corpus: a real temporary index, the rule verifier."""
    import gzip

    abstracts = {
        "11": ["Xiaomi will build its first car factory in Beijing.", "The plant opens in 2024."],
        "12": ["Nordvik Motors opened a factory in Shanghai.", "It can build 450,000 cars a year."],
        "13": ["Orion Cells hired 3,000 workers in Hefei.", "The plant cost 8.5 billion yuan."],
    }
    corpus = tmp_path / "corpus.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as handle:
        for doc_id, sentences in abstracts.items():
            handle.write(json.dumps({"doc_id": int(doc_id), "title": "", "abstract": sentences}) + "\n")
    claims = tmp_path / "claims.jsonl"
    claims.write_text(
        json.dumps(
            {
                "id": "a",
                "claim": "Xiaomi will build its first car factory in Beijing.",
                "label": "supported",
                "evidence_doc": "11",
            }
        )
        + "\n"  # fmt: skip
        + json.dumps(
            {
                "id": "b",
                "claim": "Orion Cells hired 3,000 workers in Hefei.",
                "label": "supported",
                "evidence_doc": ["13"],
            }
        )
        + "\n",  # fmt: skip
        encoding="utf-8",
    )
    code, out, err = _run_cli(
        monkeypatch, capsys, "eval", str(claims), "--corpus", str(corpus), "-f", "json", "-q"
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["mode"] == "index" and report["accuracy"] == 1.0
    assert report["recall_at_k"] == {"1": 1.0, "5": 1.0, "20": 1.0}
    assert report["evidence_accuracy"] == 1.0


def _verifier_model_present() -> bool:
    return (ROOT / "factcheck" / "models" / "verifier" / "manifest.json").is_file()


@pytest.mark.slow
@pytest.mark.skipif(not _verifier_model_present(), reason="the verdict model files are not present")
def test_cli_oracle_with_the_real_verdict_model(capsys, tmp_path):
    """Five of the project's labelled claims through the shipped model, end to end."""
    from factcheck.cli import main

    source = (ROOT / "claims" / "xiaomi-claims.labelled.jsonl").read_text(encoding="utf-8").splitlines()
    wanted = {"xiaomi-03", "xiaomi-07", "xiaomi-25", "xiaomi-32", "xiaomi-48"}
    subset = tmp_path / "five.jsonl"
    subset.write_text(
        "\n".join(line for line in source if json.loads(line)["id"] in wanted) + "\n", encoding="utf-8"
    )
    argv = [
        "factcheck",
        "eval",
        str(subset),
        "--oracle",
        "--format",
        "json",
        "--out",
        str(tmp_path / "o"),
        "-q",
    ]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "argv", argv)
        try:
            main()
        except SystemExit as exc:
            assert not exc.code
    report = json.loads(capsys.readouterr().out)
    assert report["n"] == 5 and report["model"]
    assert sum(sum(row.values()) for row in report["confusion"].values()) == 5
    rows = [json.loads(x) for x in (tmp_path / "o" / "predictions.jsonl").read_text().splitlines()]
    # the summary agrees with the per-claim file (model quality itself is measured in eval/, not here)
    assert report["accuracy"] == pytest.approx(sum(r["label"] == r["gold"] for r in rows) / 5)
    assert {r["id"] for r in rows} == wanted and all(r["reason"] for r in rows)
    gold_text = {json.loads(line)["id"]: " ".join(json.loads(line)["evidence"]) for line in source}
    for row in rows:
        for evidence in row["evidence"]:
            assert (
                evidence["text"] in gold_text[row["id"]]
            )  # the deciding span is quoted from the gold evidence
