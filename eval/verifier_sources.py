"""Further real training sources for the verdict model, read from ``../shared/data``.

All of them are licensed for a shipped model (see ``../shared/data/README.md``):

- ``vitaminc-test-splits`` real revisions (CC BY-SA 3.0): contrastive 3-way pairs grouped by ``case_id``; a
  claim paired with the evidence of another case of the same Wikipedia page is a same-topic *neither*.
- ``cad-snli`` (Apache-2.0; SNLI CC BY-SA 4.0): counterfactual minimal edits that flip the label, grouped by
  the connected pairs that share a sentence.
- ``taxinli`` (C-UDA 1.0): MNLI pairs with 3-way labels.
- ``vitaminc-test-splits`` synthetic revisions (CC BY-SA 3.0): FEVER claims against Wikipedia sentences a
  model revised to support or refute them (2-way), grouped by ``case_id``; rows whose claim is a FEVER
  claim of the dev split are left out, so the FEVER dev setting stays unseen.
- ``fm2`` Fool-Me-Twice (Apache-2.0): only ``test.jsonl`` trains (``dev.jsonl`` is an evaluation setting);
  gold evidence supports / refutes, a retrieved sentence of the same page that is not gold is *neither*.

Rows named in ``tests/behaviour/cases/provenance.jsonl`` (the behavioural suite) are never trained on, and
only half of the VitaminC cases train at all (:func:`vitaminc_trains`): the other half is left for
behavioural cases and evaluation.
Evidence that comes with a page title is sometimes given with the title in front (``Title: sentence``),
the way the verifier shows a span with its document's title.
"""

from __future__ import annotations

import csv
import json
import random
from collections import defaultdict
from pathlib import Path

from eval.verifier_data import CONTRADICTS, ENTAILS, NEITHER, Pair, is_dev
from factcheck.evaluation.datasets import detokenize

PROVENANCE = Path(__file__).resolve().parent.parent / "tests" / "behaviour" / "cases" / "provenance.jsonl"
_FEVER_LABELS = {"SUPPORTS": ENTAILS, "REFUTES": CONTRADICTS, "NOT ENOUGH INFO": NEITHER}
_NLI_LABELS = {"entailment": ENTAILS, "contradiction": CONTRADICTS, "neutral": NEITHER}


def held_out_groups() -> set[str]:
    """Training-pair groups (``fever:<claim>``, ``vitaminc:<case id>``) the behavioural suite was written
    from: never trained on."""
    if not PROVENANCE.is_file():
        return set()
    groups = set()
    for line in PROVENANCE.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        dataset, group = row.get("dataset", ""), str(row.get("group", ""))
        if dataset == "fever-lite":
            groups.add(group)
        elif dataset.startswith("vitaminc"):
            groups.add(group if group.startswith("vitaminc:") else f"vitaminc:{group}")
    return groups


def with_title(title: str | None, evidence: str, rng: random.Random, rate: float = 0.5) -> str:
    """``Title: evidence`` for a share of pairs, when the title is not already how the evidence begins."""
    if not title or evidence.startswith(title) or rng.random() >= rate:
        return evidence
    return f"{title}: {evidence}"


def vitaminc_trains(case_id: str) -> bool:
    """Whether a VitaminC case may train: a fixed half, by a hash of its id."""
    return not is_dev("vitaminc-held-out:" + case_id, 50.0)


def load_vitaminc_real(root: Path, rng: random.Random, limit: int = 14000) -> list[Pair]:
    """A case-grouped sample of the real VitaminC revisions plus same-page 'neither' pairs."""
    rows = [json.loads(line) for line in (root / "vitaminc-test-splits" / "real_shared.jsonl").open()]
    by_case: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if not vitaminc_trains(row["case_id"]):
            continue
        by_case[row["case_id"]].append(row)
    cases = sorted(by_case)
    rng.shuffle(cases)
    by_page: dict[str, list[str]] = defaultdict(list)
    for case in cases:
        by_page[by_case[case][0]["page"]].append(case)
    pairs: list[Pair] = []
    for case in cases:
        if len(pairs) >= limit:
            break
        for row in by_case[case]:
            evidence = with_title(row["page"], detokenize(row["evidence"]), rng)
            pairs.append(
                Pair(
                    detokenize(row["claim"]),
                    evidence,
                    _FEVER_LABELS[row["label"]],
                    "vitaminc-real",
                    f"vitaminc:{case}",
                )
            )
        siblings = [c for c in by_page[by_case[case][0]["page"]] if c != case]
        if siblings and rng.random() < 0.35:
            other = by_case[rng.choice(siblings)][0]
            claim = detokenize(by_case[case][0]["claim"])
            evidence = detokenize(other["evidence"])
            if claim.lower() not in evidence.lower():
                pairs.append(
                    Pair(
                        claim,
                        with_title(other["page"], evidence, rng),
                        NEITHER,
                        "vitaminc-real+same-page",
                        f"vitaminc:{case}",
                    )
                )
    return pairs


def load_vitaminc_synthetic(root: Path, rng: random.Random, limit: int = 8000) -> list[Pair]:
    """A case-grouped sample of VitaminC's synthetic revisions (supports / refutes only)."""
    path = root / "vitaminc-test-splits" / "synthetic.jsonl"
    by_case: dict[str, list[Pair]] = defaultdict(list)
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        label = _FEVER_LABELS.get(row["label"])
        claim = detokenize(row["claim"])
        if label is None or label == NEITHER or is_dev("fever:" + claim, 6.0):
            continue
        evidence = with_title(detokenize(row["page"]), detokenize(row["evidence"]), rng)
        group = f"vitaminc:{row['case_id']}"
        by_case[group].append(Pair(claim, evidence, label, "vitaminc-synthetic", group))
    cases = sorted(by_case)
    rng.shuffle(cases)
    pairs: list[Pair] = []
    for case in cases:
        if len(pairs) >= limit:
            break
        pairs.extend(by_case[case])
    return pairs


def _components(edges: list[tuple[str, str]]) -> dict[str, str]:
    """Union-find over sentences: each sentence's group representative."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent}


def load_cad_snli(root: Path) -> list[Pair]:
    """Counterfactually edited SNLI (train file), grouped by the pairs that share a sentence."""
    with (root / "cad-snli" / "all_combined__train.tsv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r.get("gold_label") in _NLI_LABELS]
    groups = _components([(r["sentence1"], r["sentence2"]) for r in rows])
    return [
        Pair(
            r["sentence2"].strip(),
            r["sentence1"].strip(),
            _NLI_LABELS[r["gold_label"]],
            "cad-snli",
            "cad:" + groups[r["sentence1"]],
        )
        for r in rows
    ]


def load_taxinli(root: Path, rng: random.Random, limit: int = 5000) -> list[Pair]:
    """TaxiNLI's 3-way MNLI pairs (a seeded sample)."""
    with (root / "taxinli" / "taxinli10k.tsv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r.get("label") in _NLI_LABELS]
    rng.shuffle(rows)
    return [
        Pair(
            " ".join(r["hyp"].split()),
            " ".join(r["prem"].split()),
            _NLI_LABELS[r["label"]],
            "taxinli",
            "mnli:" + " ".join(r["prem"].split()),
        )
        for r in rows[:limit]
    ]


def load_fm2(root: Path, rng: random.Random) -> list[Pair]:
    """Fool-Me-Twice test split: gold evidence, and one retrieved non-gold sentence as 'neither'."""
    pairs: list[Pair] = []
    for line in (root / "fm2" / "test.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        label = _FEVER_LABELS.get(row["label"])
        if label is None or not row.get("gold_evidence"):
            continue
        claim, page, group = row["text"].strip(), row.get("wikipedia_page"), f"fm2:{row['id']}"
        gold = {e["text"].strip() for e in row["gold_evidence"]}
        evidence = " ".join(sorted(gold))
        pairs.append(Pair(claim, with_title(page, evidence, rng), label, "fm2", group))
        others = [
            e["text"].strip() for e in row.get("retrieved_evidence", []) if e["text"].strip() not in gold
        ]
        others = [t for t in others if len(t) > 30]
        if others:
            pairs.append(
                Pair(claim, with_title(page, rng.choice(others), rng), NEITHER, "fm2+retrieved", group)
            )
    return pairs
