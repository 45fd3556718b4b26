"""Runs ``factcheck eval`` on every labelled set that fits, loading the verdict model once.

Each set is what one command does (printed with its results, and the same as
``factcheck eval FILES --dataset-format F --oracle --limit N --seed 0``); outputs go to
``eval/out/<set>/`` (report.json, report.md, predictions.jsonl, plots) and a summary to
``eval/out/results.json``. Run from the repository root, e.g.::

    nice -n 10 python -m eval.bench_eval                      # every set, in full
    nice -n 10 python -m eval.bench_eval --sets own-oracle fever-symmetric --limit 200
    nice -n 10 python -m eval.bench_eval --raw-model --limit 300   # the bare model, for comparison

SciFact runs in retrieval mode against its corpus (``--corpus``, which converts the abstracts to documents
"title, blank line, abstract"). Here its index is built once into ``eval/cache/scifact-index`` (the same
index ``python -m eval.bench_retrieval --keep-index eval/cache/scifact-index`` leaves) and reused.

The ``*-open`` sets are open-retrieval dev settings (``factcheck.evaluation.opensets``): the evidence of
every claim of a dev set is one corpus, and each claim retrieves among those look-alikes through the
normal index, hybrid search and verifier. They run on a seeded sample of 300 claims by default, with the
corpus restricted to the sample's own evidence plus its lexical look-alikes (``--limit all`` for the whole
set and corpus); each index is cached under ``eval/cache/open/`` and reused::

    nice -n 15 python -m eval.bench_eval --sets climate-fever-open fever-lite-open fm2-open scifact-open
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
DATA_ARG = "../shared/data"
OUT = ROOT / "eval" / "out"
SCIFACT_INDEX = ROOT / "eval" / "cache" / "scifact-index"  # shared with eval/bench_retrieval.py --keep-index


@dataclass(frozen=True)
class EvalSet:
    name: str
    dataset_format: str
    files: tuple[str, ...]  # relative to the repository root
    mode: str  # oracle | index | demo | open
    limit: int | None
    trained_on: bool


SETS = [
    EvalSet("own-oracle", "native", ("claims/xiaomi-claims.labelled.jsonl",), "oracle", None, False),
    EvalSet("own-demo-corpus", "native", ("claims/xiaomi-claims.labelled.jsonl",), "demo", None, False),
    EvalSet("scifact", "scifact", (f"{DATA_ARG}/scifact/claims_train.jsonl",), "index", None, True),
    EvalSet(
        "climate-fever",
        "climate-fever",
        (f"{DATA_ARG}/climate-fever/climate-fever.dev-half.jsonl",),
        "oracle",
        None,
        False,
    ),
    EvalSet(
        "healthver", "healthver", (f"{DATA_ARG}/healthver/data/healthver_dev.csv",), "oracle", None, False
    ),
    EvalSet(
        "fever-symmetric",
        "fever-symmetric",
        (f"{DATA_ARG}/fever-symmetric/symmetric_v0.1/fever_symmetric_generated.jsonl",),
        "oracle",
        None,
        False,
    ),
    EvalSet(
        "anli",
        "anli",
        tuple(f"{DATA_ARG}/anli/anli_v1.0/R{r}/test.jsonl" for r in (1, 2, 3)),
        "oracle",
        None,
        False,
    ),
    EvalSet("sick", "sick", (f"{DATA_ARG}/sick/SICK.txt",), "oracle", None, False),
    EvalSet("fever-lite", "fever", (f"{DATA_ARG}/fever-lite/validation.jsonl",), "oracle", None, True),
    EvalSet(
        "vitaminc",
        "vitaminc",
        tuple(f"{DATA_ARG}/vitaminc-subset/train_{i}.jsonl" for i in range(5)),
        "oracle",
        None,
        True,
    ),
]


SETS.append(EvalSet("fm2", "fm2", (f"{DATA_ARG}/fm2/dev.jsonl",), "oracle", None, False))
OPEN_LIMIT = 300  # default sample of the open-retrieval settings (their corpus is indexed per sample)
OPEN_CACHE = ROOT / "eval" / "cache" / "open"
SETS += [
    EvalSet(
        "climate-fever-open",
        "climate-fever",
        (f"{DATA_ARG}/climate-fever/climate-fever.dev-half.jsonl",),
        "open",
        OPEN_LIMIT,
        False,
    ),
    EvalSet(
        "fever-lite-open", "fever", (f"{DATA_ARG}/fever-lite/validation.jsonl",), "open", OPEN_LIMIT, True
    ),
    EvalSet("fm2-open", "fm2", (f"{DATA_ARG}/fm2/dev.jsonl",), "open", OPEN_LIMIT, False),
    EvalSet("scifact-open", "scifact", (f"{DATA_ARG}/scifact/claims_train.jsonl",), "open", OPEN_LIMIT, True),
]


def command(item: EvalSet, limit: int | None, neighbours: int = 10) -> str:
    """The command line equivalent to one set's run (``factcheck eval``; this script for open settings)."""
    if item.mode == "open":
        sample = "all" if limit is None else str(limit)
        return f"python -m eval.bench_eval --sets {item.name} --limit {sample} --neighbours {neighbours}"
    parts = ["factcheck eval", *item.files]
    if item.dataset_format != "native":
        parts += ["--dataset-format", item.dataset_format]
    if item.mode == "oracle":
        parts.append("--oracle")
    elif item.mode == "index":
        parts += ["--corpus", f"{DATA_ARG}/scifact/corpus.jsonl.gz"]
    if limit is not None:
        parts += ["--limit", str(limit), "--seed", "0"]
    return " ".join(parts)


def scifact_index(settings) -> Path:
    """The SciFact corpus index under eval/cache: reused when it opens, else built once."""
    from factcheck.corpus.index import CorpusIndex, build_index
    from factcheck.errors import FactcheckError
    from factcheck.evaluation.components import convert_abstract_corpus

    try:
        with CorpusIndex.open(SCIFACT_INDEX, settings) as index:
            if index.document_count > 0:
                return SCIFACT_INDEX
    except FactcheckError:
        pass
    documents = SCIFACT_INDEX.parent / "scifact-documents" / "scifact.jsonl"
    documents.parent.mkdir(parents=True, exist_ok=True)
    convert_abstract_corpus(DATA / "scifact" / "corpus.jsonl.gz", documents)
    started = time.perf_counter()
    report = build_index([documents], SCIFACT_INDEX, settings)
    print(f"scifact index: {report.summary()} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return SCIFACT_INDEX


def raw_model_verify():
    """A verify function that is the bare verdict model: argmax over (claim, first passage), no spans,
    no quantity check, no thresholds. Beside the verifier's numbers it shows what aggregation adds."""
    from factcheck.domain import Label, Verdict
    from factcheck.verification.model import shared_verifier_model

    model = shared_verifier_model()
    model.warm_up()
    labels = [
        Label.SUPPORTED,
        Label.CONTRADICTED,
        Label.UNVERIFIED,
    ]  # the model's entails/contradicts/neither

    def verify(claims, passages):
        probs = model.predict_proba(
            [(c.text, found[0].text if found else "") for c, found in zip(claims, passages, strict=True)]
        )
        return [
            Verdict(c, labels[int(p.argmax())], float(p.max()), "bare model", ())
            for c, p in zip(claims, probs, strict=True)
        ]

    return verify


def run_open(item: EvalSet, limit: int | None, neighbours: int, settings, verify, model):
    """One open-retrieval setting: sample, restricted corpus, cached index, retrieval and verification."""
    from factcheck.evaluation.components import index_search_fn
    from factcheck.evaluation.evaluate import Evaluation
    from factcheck.evaluation.opensets import cached_index, load_setting, restrict
    from factcheck.evaluation.report import build_report
    from factcheck.evaluation.runner import run_evaluation

    whole = load_setting(item.name, ROOT / item.files[0])
    setting = restrict(whole, limit, seed=0, neighbours=neighbours)

    def indexing(done: int, total: int) -> None:
        if total and (done == total or done % 500 < settings.embed_batch_size):
            print(f"  {item.name}: embedded {done}/{total} passages", file=sys.stderr, flush=True)

    built = cached_index(setting, OPEN_CACHE, settings, progress=indexing)
    verify_k = int(getattr(settings, "verify_passages", settings.top_k))
    search = index_search_fn(built.folder, settings)
    run = run_evaluation(list(setting.claims), verify, search, verify_k=verify_k)
    report = build_report(run, model=model)
    report["corpus"] = {
        "documents": built.documents,
        "passages": built.passages,
        "documents_in_set": len(whole.documents),
        "claims_in_set": len(whole.claims),
        "neighbours": neighbours if len(setting.claims) < len(whole.claims) else None,
        "index": str(built.folder.relative_to(ROOT))
        if built.folder.is_relative_to(ROOT)
        else str(built.folder),
        "index_seconds": round(built.seconds, 1) if built.built else None,
    }
    return Evaluation(run=run, report=report)


def _limit(text: str) -> int | None:
    if text == "all":
        return None
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("expected a number of claims or 'all'") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


NO_LIMIT = object()  # --limit not given: each set's own default


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", help="names of the sets to run (default: all)")
    parser.add_argument(
        "--limit", type=_limit, default=NO_LIMIT, help="override every set's claim limit (N, or 'all')"
    )
    parser.add_argument(
        "--neighbours",
        type=int,
        default=10,
        help="open settings with a limit: BM25 look-alikes added to the corpus per sampled claim",
    )
    parser.add_argument("--raw-model", action="store_true", help="score the bare model instead (oracle sets)")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print("../shared/data is not present", file=sys.stderr)
        return 2
    unknown = sorted(set(args.sets or ()) - {s.name for s in SETS})
    if unknown:
        print(
            f"unknown set(s): {', '.join(unknown)} (known: {', '.join(s.name for s in SETS)})",
            file=sys.stderr,
        )
        return 2

    from factcheck.evaluation.components import verifier_fn
    from factcheck.evaluation.evaluate import evaluate
    from factcheck.evaluation.report import write_outputs
    from factcheck.settings import load_settings

    settings = load_settings()
    verify, model = verifier_fn(settings)
    suffix = ""
    if args.raw_model:
        verify, suffix = raw_model_verify(), "-raw-model"
    chosen = [
        s
        for s in SETS
        if (not args.sets or s.name in args.sets) and not (args.raw_model and s.mode != "oracle")
    ]
    summary_path = OUT / "results.json"
    results = json.loads(summary_path.read_text()) if summary_path.is_file() else {}
    for item in chosen:
        limit = item.limit if args.limit is NO_LIMIT else args.limit
        if item.mode == "open":
            result = run_open(item, limit, args.neighbours, settings, verify, model)
        else:
            kwargs = {"oracle": item.mode == "oracle"}
            if item.mode == "index":
                kwargs["index"] = scifact_index(settings)
            result = evaluate(
                [ROOT / f for f in item.files],
                item.dataset_format,
                limit=limit,
                seed=0,
                settings=settings,
                verify=verify,
                model=model,
                quiet=True,
                **kwargs,
            )
        name = item.name + suffix
        write_outputs(OUT / name, result.report, result.run, title=f"Evaluation: {name}")
        report = result.report
        shown = command(item, limit, args.neighbours)
        results[name] = {"command": shown, "trained_on": item.trained_on, **report}
        summary_path.parent.mkdir(parents=True, exist_ok=True)
        summary_path.write_text(json.dumps(results, indent=2) + "\n")
        recall = report["recall_at_k"] or {}
        false = report["false_contradiction_rate"]
        print(
            f"{name:18} n={report['n']:5} acc={report['accuracy']:.3f} macroF1={report['macro_f1']:.3f} "
            f"falseC sup/unv/all={_show(false['supported'])}/{_show(false['unverified'])}/"
            f"{_show(false['overall'])} conR={_show(report['contradicted_recall'])} "
            f"ece={report['ece']:.3f} R@5={recall.get('5')} evacc={report['evidence_accuracy']} "
            f"{report['seconds']:.0f}s  [{shown}]",
            flush=True,
        )
    return 0


def _show(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    sys.exit(main())
