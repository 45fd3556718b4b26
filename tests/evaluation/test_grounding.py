"""Grounding benchmarks: readers, chunking, best-chunk decisions and balanced accuracy (rule verifier)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.domain import Claim, Label, Verdict
from factcheck.errors import InputError
from factcheck.evaluation import grounding
from factcheck.evaluation.grounding import GroundingPair


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_wice_partially_supported_is_not_supported(tmp_path):
    path = _jsonl(
        tmp_path / "dev.jsonl",
        [
            {"label": "supported", "claim": "A.", "evidence": ["One.", "Two."], "meta": {"id": "w1"}},
            {"label": "partially_supported", "claim": "B.", "evidence": ["Three."], "meta": {"id": "w2"}},
            {"label": "not_supported", "claim": "C.", "evidence": ["Four."], "meta": {"id": "w3"}},
        ],
    )
    pairs = grounding.read_wice(path)
    assert [(p.id, p.supported) for p in pairs] == [("w1", True), ("w2", False), ("w3", False)]
    assert pairs[0].document == "One.\nTwo."
    with pytest.raises(InputError, match="dev.jsonl:1"):
        grounding.read_wice(
            _jsonl(tmp_path / "dev.jsonl", [{"label": "maybe", "claim": "A.", "evidence": []}])
        )


def test_factcheck_gpt_only_complete_support_is_supported(tmp_path):
    stances = ["completely-support", "partially-support", "refute", "irrelevant"]
    path = _jsonl(
        tmp_path / "s3.jsonl",
        [{"claim": f"C{i}.", "evidence": "E.", "stance": s} for i, s in enumerate(stances)],
    )
    assert [p.supported for p in grounding.read_factcheck_gpt(path)] == [True, False, False, False]


def test_expertqa_drops_missing_evidence_and_deduplicates_the_two_splits(tmp_path):
    def claim(text: str, support: str, *evidence: str) -> dict:
        return {"claim_string": text, "support": support, "evidence": list(evidence)}

    claims = [
        claim("Kids suffer.", "Complete", "[1] https://a.org/x\n\nKids suffer a lot."),
        claim("It is rare.", "Partial", "[2] https://b.org\n\nIt is common."),
        claim("No source.", "Missing"),
        claim("Odd.", "N/A", "[3] u\n\nText."),
    ]
    record = {"question": "Q?", "answers": {"gpt4": {"claims": claims}}}
    first = _jsonl(tmp_path / "domain_val.jsonl", [record])
    second = _jsonl(tmp_path / "rand_val.jsonl", [record])
    pairs = grounding.read_expertqa([first, second])
    assert [(p.claim, p.supported) for p in pairs] == [("Kids suffer.", True), ("It is rare.", False)]
    assert pairs[0].document == "Kids suffer a lot."  # the "[n] url" header is not evidence


def test_attributionbench_groups_by_source_and_reads_list_or_string_references(tmp_path):
    def row(claim: str, references, label: str, source: str) -> dict:
        return {"claim": claim, "references": references, "attribution_label": label, "src_dataset": source}

    rows = [
        row("A.", ["Ref one."], "attributable", "LFQA"),
        row("B.", "['Ref two.', 'Ref three.']", "not attributable", "LFQA"),
        row("C.", "[]", "attributable", "BEGIN"),
    ]
    groups = grounding.read_attributionbench([_jsonl(tmp_path / "dev.jsonl", rows)])
    assert list(groups) == ["LFQA"]  # a row without references cannot be judged
    assert [(p.document, p.supported) for p in groups["LFQA"]] == [
        ("Ref one.", True),
        ("Ref two.\n\nRef three.", False),
    ]


def test_summedits_reads_one_split(tmp_path):
    rows = [
        {"id": "a", "doc": "Doc.", "summary": "S1.", "label": "1", "split": "evaluation"},
        {"id": "b", "doc": "Doc.", "summary": "S2.", "label": "0", "split": "test"},
        {"id": "c", "doc": "Doc.", "summary": "S3.", "label": "0", "split": "evaluation"},
    ]
    path = tmp_path / "summedits_news.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    assert [(p.id, p.supported) for p in grounding.read_summedits([path], "evaluation")] == [
        ("a", True),
        ("c", False),
    ]
    assert [p.id for p in grounding.read_summedits([path], "test")] == ["b"]


def test_chunks_are_whole_sentences_within_the_word_budget():
    text = " ".join(f"Sentence number {i} has exactly seven words." for i in range(10))
    chunks = grounding.chunk_document(text, words=20)
    assert len(chunks) == 5 and all(len(c.split()) <= 20 for c in chunks)
    assert " ".join(chunks) == text
    assert grounding.chunk_document("One very long sentence " * 10, words=5) == [
        ("One very long sentence " * 10).strip()
    ]
    assert grounding.chunk_document("") == []


def test_best_chunks_keep_the_most_overlapping_in_document_order():
    chunks = ["Weather was mild.", "Xiaomi builds cars in Beijing.", "Cats sleep.", "Xiaomi opened a plant."]
    assert grounding.best_chunks("Xiaomi builds a car plant in Beijing.", chunks, 2) == [chunks[1], chunks[3]]
    assert grounding.best_chunks("anything", chunks, 0) == chunks


class ChunkRule:
    """Supported when the chunk contains the claim, contradicted when it says 'not', else unverified."""

    def __init__(self) -> None:
        self.calls: list[int] = []

    def __call__(self, pairs):
        self.calls.append(len(pairs))
        verdicts = []
        for claim, (chunk,) in pairs:
            text = claim.rstrip(".").lower()
            if text in chunk.lower():
                label, probs = Label.SUPPORTED, {"supported": 0.9}
            elif " not " in f" {chunk.lower()} ":
                label, probs = Label.CONTRADICTED, {"supported": 0.05}
            else:
                label, probs = Label.UNVERIFIED, {"supported": 0.1 + 0.01 * len(chunk)}
            verdicts.append(Verdict(Claim("c", claim, 0, len(claim)), label, 0.8, "", (), probs))
        return verdicts


def test_the_best_chunk_decides_so_a_distractor_cannot_pull_support_down():
    document = "The plant is not in Shanghai. " * 3 + "Xiaomi builds cars in Beijing."
    pairs = [
        GroundingPair("1", document, "Xiaomi builds cars in Beijing.", True),
        GroundingPair("2", "The plant is not in Shanghai.", "The plant is in Shanghai.", False),
        GroundingPair("3", "Weather was mild.", "Xiaomi sells phones.", False),
        GroundingPair("4", "Xiaomi sells phones.", "Xiaomi sells phones.", True),
    ]
    verifier = ChunkRule()
    run = grounding.score_pairs(pairs, verifier, chunk_words=8, max_chunks=0, batch_size=3)
    assert verifier.calls == [6, 1]  # pair 1 has four chunks; batches of three pairs
    assert [p.label for p in run.predictions] == ["supported", "contradicted", "unverified", "supported"]
    assert run.predictions[0].best_chunk == "Xiaomi builds cars in Beijing."
    assert run.predictions[0].chunk_labels == ("contradicted", "contradicted", "contradicted", "supported")
    assert run.chunks_verified == 7
    summary = grounding.summarise(run)
    assert summary["balanced_accuracy"] == 1.0 and summary["supported_called_contradicted"] == 0.0
    assert (summary["supported"], summary["not_supported"], summary["chunks_per_pair"]) == (2, 2, 1.75)


def test_balanced_accuracy_weighs_both_classes_and_counts_false_contradictions():
    pairs = [GroundingPair(str(i), "The plant is not in Shanghai.", "A factory.", i < 3) for i in range(4)]
    run = grounding.score_pairs(pairs, ChunkRule(), max_chunks=1)
    summary = grounding.summarise(run)
    # every pair is called contradicted: recall 0 on supported, 1 on not supported
    assert summary["balanced_accuracy"] == 0.5 and summary["accuracy"] == 0.25
    assert summary["supported_called_contradicted"] == 1.0


def test_bench_grounding_writes_its_json_and_table(monkeypatch, tmp_path, capsys, shared_data):
    from eval import bench_grounding

    monkeypatch.setattr(bench_grounding, "OUT", tmp_path)
    import factcheck.verification.verifier as verifier_module

    monkeypatch.setattr(verifier_module, "verify_many", ChunkRule())
    monkeypatch.setattr(verifier_module, "default_verifier", lambda: None)
    assert bench_grounding.main(["--sets", "factcheck-gpt", "summedits", "--limit", "12"]) == 0
    table = capsys.readouterr().out
    assert "| factcheck-gpt | 12 |" in table and "74.7" in table and "| summedits | 12 |" in table
    written = json.loads((tmp_path / "grounding.json").read_text())
    assert written["split"] == "dev" and set(written["sets"]) == {"factcheck-gpt", "summedits"}
    fgpt = written["sets"]["factcheck-gpt"]
    assert fgpt["published"] == {"HHEM-2.1-Open": 71.8, "AlignScore-large": 74.3, "MiniCheck-Flan-T5-L": 74.7}
    assert fgpt["pairs_in_split"] == 3305
    lines = (tmp_path / "grounding" / "summedits.jsonl").read_text().splitlines()
    assert len(lines) == 12 and {"gold_supported", "best_chunk", "chunk_labels"} <= set(json.loads(lines[0]))
    assert bench_grounding.main(["--sets", "nope"]) == 2


def test_real_grounding_sets_read_with_their_documented_counts(shared_data):
    from eval import bench_grounding

    loaded = {s.name: s.load("dev") for s in bench_grounding.SETS}
    assert len(loaded["wice"]) == 349 and sum(p.supported for p in loaded["wice"]) == 115
    assert len(loaded["factcheck-gpt"]) == 3305 and sum(p.supported for p in loaded["factcheck-gpt"]) == 696
    assert len(loaded["summedits"]) == 986
    assert len(loaded["attributionbench-stanford-gensearch"]) == 544
    balanced = loaded["attributionbench-lfqa"]
    assert sum(p.supported for p in balanced) * 2 == len(balanced)
    assert loaded["attributionbench-hagrid"] == []  # OOD sources are in the test portion only
    assert all(p.document and p.claim for pairs in loaded.values() for p in pairs)
