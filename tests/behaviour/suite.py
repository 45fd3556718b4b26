"""The behavioural suite's cases and scores: a loader shared by the tests and ``eval/bench_behaviour.py``.

Cases live in ``tests/behaviour/cases/<category>.jsonl``, one JSON object a line::

    {"id": "identity-tpl-001", "category": "identity", "subcategory": "sub-span-apposition",
     "claim": "...", "evidence": ["...", ...], "expected": "supported", "source": "template"}

They are written by ``python -m eval.make_behaviour_cases`` (templates plus real sentences of the public
data sets it names in ``source``); ``provenance.jsonl`` beside them lists the data-set rows they came from.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import InputError

CASES_DIR = Path(__file__).resolve().parent / "cases"
FLOORS_FILE = Path(__file__).resolve().parent / "floors.json"
LABELS = ("supported", "contradicted", "unverified")
# Category -> the one label every case of it expects.
CATEGORIES = {
    "identity": "supported",
    "figures": "supported",
    "contradiction": "contradicted",
    "other_subject": "unverified",
    "silent": "unverified",
}
SOURCES = ("template", "fever-lite", "vitaminc-real", "scifact", "wice", "climate-fever")
FIELDS = ("id", "category", "subcategory", "claim", "evidence", "expected", "source")


class CaseError(InputError):
    """A case file that is not well formed (the message names the file and line)."""


@dataclass(frozen=True)
class Case:
    """One behavioural case: a claim, its evidence texts and the verdict a careful reader gives."""

    id: str
    category: str
    subcategory: str
    claim: str
    evidence: tuple[str, ...]
    expected: str
    source: str

    def to_dict(self) -> dict:
        """The JSONL form of the case."""
        return {
            "id": self.id,
            "category": self.category,
            "subcategory": self.subcategory,
            "claim": self.claim,
            "evidence": list(self.evidence),
            "expected": self.expected,
            "source": self.source,
        }


def parse_case(raw: dict, where: str) -> Case:
    """A ``Case`` from one decoded line; ``CaseError`` naming ``where`` when a field is missing or invalid."""
    missing = [name for name in FIELDS if name not in raw]
    if missing:
        raise CaseError(f"{where}: missing field(s) {', '.join(missing)}")
    for name in ("id", "category", "subcategory", "claim", "expected", "source"):
        if not isinstance(raw[name], str) or not raw[name].strip():
            raise CaseError(f"{where}: {name!r} must be a non-empty string")
    evidence = raw["evidence"]
    if not isinstance(evidence, list) or not evidence:
        raise CaseError(f"{where}: 'evidence' must be a non-empty list of strings")
    if not all(isinstance(text, str) and text.strip() for text in evidence):
        raise CaseError(f"{where}: every evidence text must be a non-empty string")
    if raw["category"] not in CATEGORIES:
        raise CaseError(f"{where}: unknown category {raw['category']!r}")
    if raw["expected"] not in LABELS:
        raise CaseError(f"{where}: unknown label {raw['expected']!r}")
    if raw["expected"] != CATEGORIES[raw["category"]]:
        raise CaseError(f"{where}: category {raw['category']} expects {CATEGORIES[raw['category']]}")
    if raw["source"] not in SOURCES:
        raise CaseError(f"{where}: unknown source {raw['source']!r}")
    return Case(
        id=raw["id"],
        category=raw["category"],
        subcategory=raw["subcategory"],
        claim=raw["claim"],
        evidence=tuple(evidence),
        expected=raw["expected"],
        source=raw["source"],
    )


def read_case_file(path: Path) -> list[Case]:
    """The cases of one JSONL file (blank lines skipped)."""
    from factcheck.sources.reading import json_lines

    text = path.read_text(encoding="utf-8")
    return [
        parse_case(raw, f"{path.name}:{number}") for number, raw in json_lines(text, path.name, CaseError)
    ]


def load_cases(folder: Path = CASES_DIR) -> list[Case]:
    """Every case of the suite, category files in a fixed order; ids must be unique."""
    cases: list[Case] = []
    for category in CATEGORIES:
        path = folder / f"{category}.jsonl"
        if not path.is_file():
            raise CaseError(f"{path}: case file missing")
        cases.extend(read_case_file(path))
    seen: set[str] = set()
    for case in cases:
        if case.id in seen:
            raise CaseError(f"duplicate case id {case.id!r}")
        seen.add(case.id)
    return cases


def _rate(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def score(cases: Sequence[Case], predicted: Sequence[str]) -> dict:
    """Per category and overall: n, accuracy, false contradictions and the predicted-label counts.

    A false contradiction is a case a reader would call supported or unverified that came out
    contradicted; its rate is taken over those cases only (the contradiction category has none).
    """
    if len(cases) != len(predicted):
        raise ValueError(f"{len(cases)} cases but {len(predicted)} predictions")

    def block(rows: Iterable[tuple[Case, str]]) -> dict:
        rows = list(rows)
        not_contra = [(c, p) for c, p in rows if c.expected != "contradicted"]
        false_contra = sum(p == "contradicted" for _, p in not_contra)
        return {
            "n": len(rows),
            "correct": sum(c.expected == p for c, p in rows),
            "accuracy": round(_rate(sum(c.expected == p for c, p in rows), len(rows)), 4),
            "not_contradicted": len(not_contra),
            "false_contradictions": false_contra,
            "false_contradiction_rate": round(_rate(false_contra, len(not_contra)), 4),
            "predicted": {label: sum(p == label for _, p in rows) for label in LABELS},
        }

    pairs = list(zip(cases, predicted, strict=True))
    categories = {name: block((c, p) for c, p in pairs if c.category == name) for name in CATEGORIES}
    by_source = {
        name: block((c, p) for c, p in pairs if c.source == name)
        for name in SOURCES
        if any(c.source == name for c in cases)
    }
    return {"overall": block(pairs), "categories": categories, "sources": by_source}


def verify_cases(cases: Sequence[Case], verifier=None, batch: int = 128) -> list:
    """The verdict of every case, in order, as ``verify_texts(case.claim, case.evidence)`` gives it.

    The cases go through ``verify_many`` ``batch`` at a time: one batched forward per batch, the same
    verdicts as one call per case.
    """
    from factcheck.verification.verifier import verify_many

    verdicts = []
    for start in range(0, len(cases), batch):
        chunk = cases[start : start + batch]
        verdicts += verify_many([(c.claim, list(c.evidence)) for c in chunk], verifier)
    return verdicts


def accuracy_of(block: dict) -> float:
    """A score block's accuracy, unrounded."""
    return _rate(block["correct"], block["n"])


def false_contradiction_rate_of(block: dict) -> float:
    """A score block's false-contradiction rate, unrounded."""
    return _rate(block["false_contradictions"], block["not_contradicted"])


def floors_from(scores: dict) -> dict[str, float]:
    """Floors that the scored run just meets: accuracies rounded down, the contradiction rate rounded up."""
    floors = {
        name: math.floor(accuracy_of(block) * 10_000) / 10_000
        for name, block in scores["categories"].items()
        if block["n"]
    }
    floors["overall"] = math.floor(accuracy_of(scores["overall"]) * 10_000) / 10_000
    rate = false_contradiction_rate_of(scores["overall"])
    floors["max_false_contradiction_rate"] = math.ceil(rate * 10_000) / 10_000
    return floors


def read_floors(path: Path = FLOORS_FILE) -> dict[str, float]:
    """The accuracy floors per category and overall, and the ceiling on the false-contradiction rate."""
    floors = json.loads(path.read_text(encoding="utf-8"))
    unknown = set(floors) - set(CATEGORIES) - {"overall", "max_false_contradiction_rate"}
    if unknown:
        raise CaseError(f"{path.name}: unknown key(s) {', '.join(sorted(unknown))}")
    return {key: float(value) for key, value in floors.items()}
