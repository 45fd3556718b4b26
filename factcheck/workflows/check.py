"""The check use case: read a draft, make sure the index is there, run the pipeline, store, report."""

from __future__ import annotations

from pathlib import Path

from factcheck.claims.extraction import load_draft
from factcheck.corpus.index import CorpusIndex, ensure_index
from factcheck.domain import CheckResult
from factcheck.pipeline import build_check_pipeline, load_pipeline, run_check
from factcheck.settings import Settings, load_settings
from factcheck.workflows.store import ClaimStore


def _index_dir(index: Path | None, settings: Settings, quiet: bool) -> Path:
    return ensure_index(settings, str(index) if index else None, quiet=quiet)


def check_draft(
    file: str,
    index: Path | None = None,
    pipeline_file: Path | None = None,
    store: Path | None = None,
    quiet: bool = False,
    settings: Settings | None = None,
) -> CheckResult:
    """Checks one draft end to end and, with ``store``, records the verdicts."""
    settings = settings or load_settings()
    draft = load_draft(file)
    index_dir = _index_dir(index, settings, quiet)
    corpus = CorpusIndex.open(index_dir)
    pipeline = (
        load_pipeline(pipeline_file, index_dir if index else None)
        if pipeline_file
        else build_check_pipeline(index_dir, settings)
    )
    result = run_check(
        pipeline,
        draft.text,
        draft.format,
        source=str(file),
        corpus_version=corpus.corpus_version,
        draft_date=draft.date,
    )
    if store is not None or settings.store:
        with ClaimStore.open(store or Path(settings.store)) as claim_store:
            claim_store.record_check(
                str(file), draft.text, list(result.verdicts), corpus.corpus_version, corpus.generation
            )
    return result


def default_pipeline_yaml(index: Path | None = None) -> str:
    """The default check pipeline as YAML (nothing is loaded or built)."""
    settings = load_settings()
    index_dir = index or (Path(settings.index) if settings.index else settings.default_index_dir)
    return build_check_pipeline(index_dir, settings).dumps()
