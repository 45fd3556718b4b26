"""Labelled-claim readers: the native JSONL format and the public benchmark adapters (real lines)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.evaluation.datasets import load_claims, select


def head(source: Path, target: Path, lines: int) -> Path:
    """The first ``lines`` lines of a real data file, copied to a temporary file."""
    with source.open(encoding="utf-8") as handle:
        target.write_text("".join(next(handle) for _ in range(lines)), encoding="utf-8")
    return target


def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- native format ---------------------------------------------------------------------------------


def test_native_format_reads_optional_fields_and_ignores_extras(tmp_path):
    path = write_lines(
        tmp_path / "claims.jsonl",
        json.dumps(
            {
                "id": "a",
                "claim": "X is Y.",
                "label": "supported",
                "evidence": ["X is Y."],
                "evidence_doc": "doc-1",
                "note": "ignored",
            }
        ),  # fmt: skip
        "",
        json.dumps({"id": 7, "claim": "Z.", "label": "Unverified", "evidence_doc": ["d1", "d2"]}),
        json.dumps({"claim": "W.", "label": "contradicted"}),
    )
    a, b, c = load_claims([path])
    assert (a.id, a.label, a.evidence, a.evidence_doc) == ("a", "supported", ("X is Y.",), ("doc-1",))
    assert (b.id, b.label, b.evidence, b.evidence_doc) == ("7", "unverified", (), ("d1", "d2"))
    assert c.id == "4" and c.label == "contradicted"  # the line number stands in for a missing id


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "b", "claim": "X.", "label": "supported"', "not valid JSON"),
        ('["a list"]', "expected a JSON object"),
        ('{"id": "b", "claim": "X.", "label": "true"}', "unknown label 'true'"),
        ('{"id": "b", "label": "supported"}', "'claim'"),
        ('{"id": "b", "claim": "X.", "label": "supported", "evidence": [1.5]}', "'evidence'"),
    ],
)
def test_bad_line_is_an_input_error_naming_file_and_line(tmp_path, line, message):
    path = write_lines(tmp_path / "bad.jsonl", '{"id": "a", "claim": "X.", "label": "supported"}', "", line)
    with pytest.raises(InputError) as caught:
        load_claims([path])
    assert f"{path}:3:" in str(caught.value)
    assert message in str(caught.value)


def test_missing_empty_and_unknown_format_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_claims([tmp_path / "absent.jsonl"])
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        load_claims([empty])
    with pytest.raises(InputError, match="empty|no labelled claims"):
        load_claims([write_lines(tmp_path / "blank.jsonl", "", "  ")])
    with pytest.raises(InputError, match="unknown dataset format"):
        load_claims([empty], "nope")


def test_select_is_a_seeded_sample_in_file_order(tmp_path):
    path = write_lines(
        tmp_path / "c.jsonl",
        *(json.dumps({"id": i, "claim": f"c{i}", "label": "supported"}) for i in range(50)),
    )
    claims = load_claims([path])
    first, again, other = select(claims, 10, seed=1), select(claims, 10, seed=1), select(claims, 10, seed=2)
    assert first == again and first != other
    assert [int(c.id) for c in first] == sorted(int(c.id) for c in first)
    assert select(claims, None) == claims and select(claims, 500) == claims


# --- public formats, real lines from ../shared/data -----------------------------------------------


def test_scifact_labels_from_evidence_sets_and_rationales_from_the_corpus(shared_data):
    claims = {c.id: c for c in load_claims([shared_data / "scifact" / "claims_train.jsonl"], "scifact")}
    assert len(claims) == 809
    refuted = claims["2"]
    assert refuted.label == "contradicted" and refuted.evidence_doc == ("13734012",)
    assert len(refuted.evidence) == 1 and "493 per million" in refuted.evidence[0]
    assert claims["9"].label == "supported" and claims["9"].evidence_doc == ("44265107",)
    noinfo = claims["0"]
    assert noinfo.label == "unverified" and noinfo.evidence_doc == ("31715818",)
    assert len(noinfo.evidence) > 1  # the cited abstract's sentences, topical but not deciding
    assert sum(c.label == "unverified" for c in claims.values()) == 304


def test_climate_fever_claim_level_without_disputed(shared_data, tmp_path):
    path = head(shared_data / "climate-fever" / "climate-fever.dev-half.jsonl", tmp_path / "cf.jsonl", 10)
    claims = load_claims([path], "climate-fever")
    assert len(claims) == 9  # line 9 is DISPUTED
    first = claims[0]
    assert first.id == "11" and first.label == "supported" and len(first.evidence) == 5
    assert "Carbon dioxide" in first.evidence_doc
    assert "55" not in {c.id for c in claims}


def test_fever_lite_and_fever_symmetric(shared_data, tmp_path):
    lite = load_claims(
        [head(shared_data / "fever-lite" / "validation.jsonl", tmp_path / "f.jsonl", 2)], "fever"
    )
    assert lite[0].claim == "Fox 2000 Pictures released the film Soul Food." and lite[0].label == "supported"
    assert lite[1].label == "contradicted" and len(lite[1].evidence) >= 1
    symmetric = shared_data / "fever-symmetric" / "symmetric_v0.1" / "fever_symmetric_generated.jsonl"
    sym = load_claims([head(symmetric, tmp_path / "s.jsonl", 3)], "fever-symmetric")
    assert sym[0].id == "1118970000002" and sym[0].label == "supported"
    assert sym[0].evidence[0].startswith("Telemundo ([teleˈmundo]) is an American English-language")


def test_vitaminc(shared_data, tmp_path):
    (claim,) = load_claims(
        [head(shared_data / "vitaminc-subset" / "train_0.jsonl", tmp_path / "v.jsonl", 1)], "vitaminc"
    )
    assert claim.claim == "Isadora Duncan's third child was stillbirth."
    assert claim.label == "contradicted" and len(claim.evidence) == 1


def test_healthver_pairs(shared_data, tmp_path):
    claims = load_claims(
        [head(shared_data / "healthver" / "data" / "healthver_dev.csv", tmp_path / "h.csv", 3)], "healthver"
    )
    assert len(claims) == 2
    assert claims[0].id == "224" and claims[0].label == "unverified"
    assert claims[0].claim == "The CORONAVIRUS is not of natural origin"
    assert claims[0].evidence[0].startswith("Covid19 infection began in Wuhan")


def test_sick_test_rows_only(shared_data, tmp_path):
    claims = load_claims([head(shared_data / "sick" / "SICK.txt", tmp_path / "sick.txt", 8)], "sick")
    assert [c.id for c in claims] == ["6", "7"]  # the rows before are TRAIN or TRIAL
    assert claims[0].evidence == ("There is no boy playing outdoors and there is no man smiling",)
    assert claims[0].label == "unverified"


def test_anli_and_mnli(shared_data, tmp_path):
    (anli,) = load_claims(
        [head(shared_data / "anli" / "anli_v1.0" / "R1" / "dev.jsonl", tmp_path / "a.jsonl", 1)], "anli"
    )
    assert anli.label == "contradicted" and anli.claim.startswith("Form and meaning")
    assert anli.evidence[0].startswith("Linguistics is the scientific study")
    (mnli,) = load_claims([head(shared_data / "mnli-subset" / "test.jsonl", tmp_path / "m.jsonl", 1)], "mnli")
    assert mnli.label == "unverified" and mnli.evidence == ("Nobody knows much about the early Etruscans.",)


def test_public_format_errors_name_the_line(shared_data, tmp_path):
    path = head(shared_data / "vitaminc-subset" / "train_0.jsonl", tmp_path / "v.jsonl", 2)
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"claim": "x", "evidence": "y", "label": "maybe"}\n')
    with pytest.raises(InputError, match=r"v\.jsonl:3: unknown label 'maybe'"):
        load_claims([path], "vitaminc")


def test_several_files_get_unique_ids(shared_data):
    folder = shared_data / "vitaminc-subset"
    claims = load_claims([folder / "train_0.jsonl", folder / "train_1.jsonl"], "vitaminc")
    assert len(claims) == 120 and len({c.id for c in claims}) == 120


# --- the project's own labelled claims -------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


def test_project_labelled_claims_are_valid_and_point_into_the_demo_corpus():
    claims = load_claims([ROOT / "claims" / "xiaomi-claims.labelled.jsonl"])
    assert len(claims) >= 40 and len({c.id for c in claims}) == len(claims)
    assert {c.label for c in claims} == {"supported", "contradicted", "unverified"}
    assert all(c.evidence for c in claims)
    corpus = {
        p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "corpus").glob("*.*") if p.stem != "README"
    }
    if not corpus:
        pytest.skip("the demo corpus is not present")
    for claim in claims:
        assert all(doc in corpus for doc in claim.evidence_doc), claim.id
        # gold evidence is quoted verbatim from the corpus, so oracle and index modes see the same text
        assert all(any(sentence in text for text in corpus.values()) for sentence in claim.evidence), claim.id
        assert bool(claim.evidence_doc) == (claim.label != "unverified"), claim.id


def test_fm2_gold_evidence_only(shared_data):
    claims = load_claims([shared_data / "fm2" / "dev.jsonl"], "fm2")
    assert len(claims) == 1169
    assert {c.label for c in claims} == {"supported", "contradicted"}
    assert sum(c.label == "supported" for c in claims) == 596
    assert all(c.evidence and len(c.evidence_doc) == len(c.evidence) for c in claims)
