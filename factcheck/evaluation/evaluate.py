"""The evaluation use case: load labelled claims, pick the mode, run them, score the run.

``evaluate`` is what ``factcheck eval`` calls. Verification and search functions may be passed in
(tests, other verifiers); otherwise the project's ``Verifier`` and corpus index are loaded.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.corpus.index import ensure_index
from factcheck.errors import InputError
from factcheck.evaluation.components import index_search_fn, temporary_index, verifier_fn
from factcheck.evaluation.datasets import load_claims, select
from factcheck.evaluation.report import build_report
from factcheck.evaluation.runner import EvalRun, ProgressFn, SearchFn, VerifyFn, run_evaluation
from factcheck.settings import Settings, load_settings


@dataclass(frozen=True)
class Evaluation:
    """A finished evaluation: the run (per-claim predictions) and its JSON summary."""

    run: EvalRun
    report: dict[str, Any]


@contextlib.contextmanager
def _index_search(
    index: Path | None, corpus: Path | None, settings: Settings, quiet: bool
) -> Iterator[SearchFn]:
    """Search over a temporary index of ``corpus``, the index folder ``index``, or the default index."""
    if corpus is not None:
        with temporary_index(corpus, settings) as folder:
            yield index_search_fn(folder, settings)
        return
    if index is None:
        index = Path(ensure_index(settings, None, quiet=quiet))
    elif not index.is_dir():
        raise InputError(f"{index}: no such index folder")
    yield index_search_fn(index, settings)


def evaluate(
    paths: Sequence[str | Path],
    dataset_format: str = "native",
    *,
    oracle: bool = False,
    index: Path | None = None,
    corpus: Path | None = None,
    limit: int | None = None,
    seed: int = 0,
    settings: Settings | None = None,
    verify: VerifyFn | None = None,
    search: SearchFn | None = None,
    model: str | None = None,
    progress: ProgressFn | None = None,
    quiet: bool = False,
) -> Evaluation:
    """Evaluate the labelled claims of ``paths``.

    Mode: ``oracle`` (gold evidence), else retrieval from ``corpus`` (a temporary index), ``index``, an
    injected ``search``, or the default index (``FACTCHECK_INDEX`` / the bundled demo corpus).
    ``limit`` takes a ``seed``-ed random sample, kept in file order.
    """
    chosen = sum(bool(x) for x in (oracle, index is not None, corpus is not None))
    if chosen > 1:
        raise InputError("choose one of --oracle, --index and --corpus")
    settings = settings or load_settings()
    claims = select(load_claims(paths, dataset_format), limit, seed)
    if verify is None:
        verify, model = verifier_fn(settings)
    verify_k = int(getattr(settings, "verify_passages", settings.top_k))
    if oracle:
        run = run_evaluation(claims, verify, None, verify_k=verify_k, progress=progress)
    elif search is not None:
        run = run_evaluation(claims, verify, search, verify_k=verify_k, progress=progress)
    else:
        with _index_search(index, corpus, settings, quiet) as found:
            run = run_evaluation(claims, verify, found, verify_k=verify_k, progress=progress)
    return Evaluation(run=run, report=build_report(run, model=model))
