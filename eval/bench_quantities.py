"""Benchmark of the deterministic consistency layer (``factcheck.rules.consistency.compare``).

Run: ``nice -n 10 python -m eval.bench_quantities`` (prints a table and writes
``eval/out/bench_quantities.json``).

1. The project's labelled set ``claims/quantity-pairs.jsonl``: claim/evidence pairs with the expected outcome
   (agree / conflict / unrelated) and the kind of mention that decides it. The set was written together with
   the code, so it is development data, not a held-out measure.
2. Numeric pairs of public sets under ``../shared/data`` (skipped when absent). A pair is kept when both its
   claim and its evidence contain an ASCII digit - a plain regex, independent of the extractor, so the choice
   is not biased toward what the extractor reads. Labels: SUPPORTS / entailment -> agree, REFUTES /
   contradiction -> conflict, NOT ENOUGH INFO / neutral -> unrelated.
   - VitaminC subset: every ``*.jsonl`` file of ``vitaminc-subset`` (the 300 pairs present).
   - FEVER-lite validation (evidence sentences joined with spaces).
   - ANLI dev rounds R1-R3 (context as evidence, hypothesis as claim): adversarial, often needs arithmetic.
   All three were looked at while the rules were written (their false conflicts were read), so they are not
   clean held-out measures either. A refuted pair is often refuted by something other than its figures, so
   recall of conflict there is bounded well below 1; the share of agreeing pairs called conflict is the
   number that matters (the bar is at most 2%).
3. Throughput: 10,000 claim/evidence pairs (claims crossed with evidence texts of the project set and
   VitaminC), caches cleared first; once as they come (texts repeat, as when a verifier checks each claim
   against many retrieved sentences) and once with every text made unique (no cache hit at all).

A pair's predicted outcome: ``conflict`` if any finding is a conflict; else ``agree`` if a finding of the
pair's kind agrees (number and money count as one kind; for the public sets any number, money, date or rank
finding); else ``unrelated``.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from factcheck.rules import consistency, findings, lexicon, names, quantities, tokens
from factcheck.rules.consistency import compare

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "claims" / "quantity-pairs.jsonl"
SHARED = ROOT.parent / "shared" / "data"
VITAMINC = SHARED / "vitaminc-subset"
OUT = ROOT / "eval" / "out" / "bench_quantities.json"
FIGURE_KINDS = {"number", "money", "date", "rank"}
_DIGIT = re.compile(r"[0-9]")
_LABELS = {"supports": "agree", "refutes": "conflict", "not enough info": "unrelated"}


def predict(findings, kinds: set[str]) -> str:
    """The pair-level outcome from its findings (see the module docstring)."""
    if any(f.outcome == "conflict" for f in findings):
        return "conflict"
    if any(f.outcome == "agree" and f.kind in kinds for f in findings):
        return "agree"
    return "unrelated"


def _kinds_for(kind: str) -> set[str]:
    return {"number", "money"} if kind in ("number", "money") else {kind}


def scores(rows: list[tuple[str, str]]) -> dict:
    """Precision/recall of conflict and agree, and the share of expected-agree pairs predicted conflict."""
    out: dict = {"pairs": len(rows), "expected": dict(Counter(e for e, _ in rows))}
    for label in ("conflict", "agree"):
        tp = sum(1 for e, p in rows if e == label and p == label)
        predicted = sum(1 for _, p in rows if p == label)
        actual = sum(1 for e, _ in rows if e == label)
        out[f"{label}_precision"] = round(tp / predicted, 3) if predicted else None
        out[f"{label}_recall"] = round(tp / actual, 3) if actual else None
    agree_rows = [p for e, p in rows if e == "agree"]
    unrelated_rows = [p for e, p in rows if e == "unrelated"]
    out["agree_called_conflict"] = (
        round(agree_rows.count("conflict") / len(agree_rows), 3) if agree_rows else None
    )
    out["unrelated_called_conflict"] = (
        round(unrelated_rows.count("conflict") / len(unrelated_rows), 3) if unrelated_rows else None
    )
    out["confusion"] = {f"{e}->{p}": c for (e, p), c in sorted(Counter(rows).items())}
    return out


def project_set() -> tuple[dict, list[dict]]:
    records = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows, by_kind, errors = [], {}, []
    for r in records:
        findings = compare(r["claim"], r["evidence"], r.get("claim_date"), r.get("evidence_date"))
        got = predict(findings, _kinds_for(r["kind"]))
        rows.append((r["expected"], got))
        by_kind.setdefault(r["kind"], []).append((r["expected"], got))
        if got != r["expected"]:
            errors.append(
                {
                    "id": r["id"],
                    "kind": r["kind"],
                    "expected": r["expected"],
                    "got": got,
                    "claim": r["claim"],
                    "evidence": r["evidence"],
                    "findings": [f"{f.kind}:{f.outcome}: {f.reason}" for f in findings],
                }
            )
    result = scores(rows)
    result["by_kind"] = {k: scores(v) for k, v in sorted(by_kind.items())}
    return result, errors


def _vitaminc_records() -> list[tuple[str, str, str, str]]:
    out = []
    for path in sorted(VITAMINC.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                out.append((r["id"], r["claim"], r["evidence"], _LABELS[r["label"].lower()]))
    return out


def _fever_records() -> list[tuple[str, str, str, str]]:
    path = SHARED / "fever-lite" / "validation.jsonl"
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if line.strip():
            r = json.loads(line)
            evidence = " ".join(r["evidence"]) if isinstance(r["evidence"], list) else str(r["evidence"])
            out.append((f"fever-{n}", r["claim"], evidence, _LABELS.get(r["label"].lower(), "unrelated")))
    return out


def _anli_records() -> list[tuple[str, str, str, str]]:
    out = []
    for rnd in ("R1", "R2", "R3"):
        path = SHARED / "anli" / "anli_v1.0" / rnd / "dev.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                label = {"e": "agree", "c": "conflict", "n": "unrelated"}[r["label"]]
                out.append((r["uid"], r["hypothesis"], r["context"], label))
    return out


PUBLIC_SETS = {
    "VitaminC numeric": (VITAMINC, _vitaminc_records),
    "FEVER-lite numeric": (SHARED / "fever-lite", _fever_records),
    "ANLI dev numeric": (SHARED / "anli", _anli_records),
}


def public_set(folder: Path, reader) -> tuple[dict | None, list[dict]]:
    """Scores on the pairs of a public set where claim and evidence both contain a digit."""
    if not folder.is_dir():
        return None, []
    records = reader()
    numeric = [r for r in records if _DIGIT.search(r[1]) and _DIGIT.search(r[2])]
    rows, errors = [], []
    for uid, claim, evidence, expected in numeric:
        findings = compare(claim, evidence)
        got = predict(findings, FIGURE_KINDS)
        rows.append((expected, got))
        if got == "conflict" and expected == "agree":
            errors.append(
                {
                    "id": uid,
                    "claim": claim,
                    "evidence": evidence,
                    "findings": [f"{f.kind}:{f.outcome}: {f.reason}" for f in findings],
                }
            )
    result = scores(rows)
    result["records_read"] = len(records)
    result["selection"] = "claim and evidence both contain an ASCII digit [0-9]"
    return result, errors


def _clear_caches() -> None:
    for fn in (
        tokens.tokenize,
        quantities.extract,
        lexicon.normalise_word,
        tokens._content_words,
        names.extract_names,
        consistency._compare,
        findings.name_words,
    ):
        fn.cache_clear()


def _tag(i: int) -> str:
    """A letters-only tag that makes a text unique without adding a figure (or a name) to it."""
    letters = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        letters = chr(97 + r) + letters
    return "ref " + letters


def throughput(n_pairs: int = 10_000) -> dict:
    claims, evidence = [], []
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            claims.append(r["claim"])
            evidence.append(r["evidence"])
    if VITAMINC.is_dir():
        for _, claim, text, _ in _vitaminc_records():
            claims.append(claim)
            evidence.append(text)
    pairs = [
        (claims[(i * 7) % len(claims)], evidence[(i * 13 + i // len(claims)) % len(evidence)])
        for i in range(n_pairs)
    ]
    out = {
        "pairs": n_pairs,
        "distinct_claims": len({c for c, _ in pairs}),
        "distinct_evidence": len({e for _, e in pairs}),
    }
    unique = [(f"{c} ({_tag(i)})", f"{e} ({_tag(i)})") for i, (c, e) in enumerate(pairs)]
    for label, batch in (("as_retrieved", pairs), ("all_texts_unique", unique)):
        _clear_caches()
        start, cpu_start = time.perf_counter(), time.process_time()
        findings = 0
        for c, e in batch:
            findings += len(compare(c, e))
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        out[label] = {
            "seconds": round(elapsed, 3),
            "cpu_seconds": round(cpu, 3),
            "pairs_per_s": round(n_pairs / elapsed),
            "findings": findings,
            "findings_per_s": round(findings / elapsed),
            "pairs_per_cpu_s": round(n_pairs / cpu),
            "findings_per_cpu_s": round(findings / cpu),
        }
    return out


def _fmt(v) -> str:
    return "-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def main() -> int:
    start = time.perf_counter()
    project, project_errors = project_set()
    public = {name: public_set(folder, reader) for name, (folder, reader) in PUBLIC_SETS.items()}
    speed = throughput()
    report = {
        "note": "claims/quantity-pairs.jsonl was written alongside the code: development data, not held out",
        "command": "nice -n 10 python -m eval.bench_quantities",
        "project_set": project,
        "public_sets": {name: result for name, (result, _) in public.items()},
        "throughput": speed,
        "project_errors": project_errors,
        "public_false_conflicts": {name: errors for name, (_, errors) in public.items()},
    }
    cols = ("pairs", "conflict_precision", "conflict_recall", "agree_precision", "agree_recall",
            "agree_called_conflict", "unrelated_called_conflict")  # fmt: skip
    heads = ("pairs", "conf P", "conf R", "agree P", "agree R", "agree->conf", "unrel->conf")
    print("Consistency layer (factcheck.rules.consistency.compare)")
    print(
        "NOTE: claims/quantity-pairs.jsonl was written alongside the code (development data, not held out)."
    )
    print()
    print(f"{'set':<26}" + "".join(f"{h:>12}" for h in heads))
    table = [("project set", project)] + [(f"  {k}", v) for k, v in project["by_kind"].items()]
    table += [(name, result) for name, (result, _) in public.items() if result is not None]
    for name, s in table:
        print(f"{name:<26}" + "".join(f"{_fmt(s[c]):>12}" for c in cols))
    for name, (result, _) in public.items():
        if result is None:
            print(f"{name}: data not found under ../shared/data, skipped")
        else:
            kept = f"{result['pairs']} of {result['records_read']} pairs kept"
            print(f"{name}: {kept} ({result['selection']}); expected {result['expected']}")
    print()
    print(
        f"throughput on {speed['pairs']:,} pairs ({speed['distinct_claims']} distinct claims, "
        f"{speed['distinct_evidence']} distinct evidence texts), caches cleared first:"
    )
    print("  (wall clock on a shared machine, and per CPU-second of this process, which load does not skew)")
    for label in ("as_retrieved", "all_texts_unique"):
        s = speed[label]
        print(
            f"  {label:<18} {s['pairs_per_s']:>7,} pairs/s {s['findings_per_s']:>7,} findings/s wall | "
            f"{s['pairs_per_cpu_s']:>7,} pairs/s {s['findings_per_cpu_s']:>7,} findings/s CPU "
            f"({s['findings']:,} findings, {s['seconds']} s wall, {s['cpu_seconds']} s CPU)"
        )
    report["seconds"] = round(time.perf_counter() - start, 1)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {OUT.relative_to(ROOT)} in {report['seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
