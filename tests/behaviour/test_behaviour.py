"""The behavioural suite (CheckList-style): the shipped verifier on 500+ cases from templates and real text.

The case files must be well formed (fast). The slow tests verify every case once with the shipped model and
hold each category's accuracy, the overall accuracy and the overall false-contradiction rate to
``tests/behaviour/floors.json``. ``python -m eval.bench_behaviour`` prints the same figures per category
and source, with the wrong cases.
"""

from __future__ import annotations

import json

import pytest

from tests.behaviour.suite import (
    CASES_DIR,
    CATEGORIES,
    LABELS,
    SOURCES,
    CaseError,
    accuracy_of,
    false_contradiction_rate_of,
    load_cases,
    parse_case,
    read_floors,
    score,
    verify_cases,
)

GOOD = {
    "id": "x-1",
    "category": "identity",
    "subcategory": "identity",
    "claim": "A plant opened.",
    "evidence": ["A plant opened."],
    "expected": "supported",
    "source": "template",
}


@pytest.fixture(scope="session")
def cases():
    return load_cases()


def test_case_files_are_well_formed(cases):
    assert len(cases) >= 300
    ids = [c.id for c in cases]
    assert len(ids) == len(set(ids))
    for case in cases:
        assert case.category in CATEGORIES
        assert case.expected in LABELS
        assert case.expected == CATEGORIES[case.category]
        assert case.source in SOURCES
        assert case.claim.strip() and all(text.strip() for text in case.evidence)
        # Short evidence lists keep the suite fast and each case readable.
        assert 1 <= len(case.evidence) <= 3
    for category in CATEGORIES:
        in_category = [c for c in cases if c.category == category]
        assert len(in_category) >= 50, category
        # Every category mixes the project's register with real sentences of public data sets.
        assert {c.source for c in in_category} - {"template"}, category
        assert "template" in {c.source for c in in_category}, category
    assert sum(len(c.evidence) > 1 for c in cases) >= 30  # a distractor beside the deciding sentence


def test_real_cases_have_provenance(cases):
    lines = [json.loads(line) for line in (CASES_DIR / "provenance.jsonl").read_text().splitlines()]
    by_case = {}
    for line in lines:
        assert set(line) == {"dataset", "group", "row", "case"}
        assert line["dataset"] in SOURCES and line["dataset"] != "template"
        assert line["group"] and line["row"]
        by_case.setdefault(line["case"], []).append(line)
    ids = {c.id for c in cases}
    assert set(by_case) <= ids
    real = [c for c in cases if c.source != "template"]
    assert all(c.id in by_case for c in real)
    assert all(c.id not in by_case for c in cases if c.source == "template")


def test_floors_name_known_scores():
    floors = read_floors()
    assert {"overall", "max_false_contradiction_rate"} <= set(floors)
    assert all(0.0 <= value <= 1.0 for value in floors.values())


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("expected", "true", "unknown label"),
        ("category", "paraphrase", "unknown category"),
        ("expected", "unverified", "expects supported"),
        ("evidence", [], "non-empty list"),
        ("source", "wikipedia", "unknown source"),
    ],
)
def test_a_bad_case_is_refused_with_its_place(field, value, message):
    with pytest.raises(CaseError, match=message) as raised:
        parse_case({**GOOD, field: value}, "identity.jsonl:7")
    assert "identity.jsonl:7" in str(raised.value)


def test_duplicate_ids_are_refused(tmp_path):
    for category in CATEGORIES:
        (tmp_path / f"{category}.jsonl").write_text("")
    line = json.dumps(GOOD) + "\n"
    (tmp_path / "identity.jsonl").write_text(line + line)
    with pytest.raises(CaseError, match="duplicate case id"):
        load_cases(tmp_path)


def test_score_counts_false_contradictions_over_non_contradiction_cases():
    a = parse_case(GOOD, "a")
    b = parse_case({**GOOD, "id": "x-2", "category": "silent", "expected": "unverified"}, "b")
    c = parse_case({**GOOD, "id": "x-3", "category": "contradiction", "expected": "contradicted"}, "c")
    scores = score([a, b, c], ["contradicted", "unverified", "contradicted"])
    assert scores["overall"]["correct"] == 2
    assert scores["overall"]["false_contradictions"] == 1
    assert false_contradiction_rate_of(scores["overall"]) == 0.5
    assert scores["categories"]["identity"]["false_contradictions"] == 1
    assert scores["categories"]["contradiction"]["false_contradiction_rate"] == 0.0


# ------------------------------------------------------------------------------------ the shipped model


@pytest.fixture(scope="session")
def behaviour_scores(cases):
    from factcheck.verification.verifier import default_verifier

    verdicts = verify_cases(cases, default_verifier())
    return score(cases, [str(v.label) for v in verdicts])


@pytest.mark.slow
@pytest.mark.parametrize("category", [*CATEGORIES, "overall"])
def test_accuracy_holds_its_floor(behaviour_scores, category):
    floors = read_floors()
    if category not in floors:
        pytest.skip(f"no floor set for {category}")
    block = behaviour_scores["overall"] if category == "overall" else behaviour_scores["categories"][category]
    assert accuracy_of(block) >= floors[category], (category, block)


@pytest.mark.slow
def test_false_contradictions_stay_under_the_ceiling(behaviour_scores):
    ceiling = read_floors()["max_false_contradiction_rate"]
    overall = behaviour_scores["overall"]
    assert false_contradiction_rate_of(overall) <= ceiling, overall
