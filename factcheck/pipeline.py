"""The ``check`` pipeline: draft -> claims -> retrieval -> verdicts, as one Haystack ``Pipeline``.

The pipeline is assembled from the project's components and can be dumped to YAML
(``factcheck pipeline --dump``), edited (retriever depth, thresholds) and loaded back with
``factcheck check --pipeline FILE``.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from haystack import Pipeline, component, tracing
from haystack.tracing import Span, Tracer

from factcheck.claims.extractor import ClaimExtractor
from factcheck.corpus.retriever import HybridRetriever
from factcheck.domain import CheckResult, Claim, Verdict
from factcheck.errors import InputError
from factcheck.settings import Settings
from factcheck.sources.reading import read_text
from factcheck.verification.verifier import Verifier


@component
class ClaimQueries:
    """Turns claims into retrieval queries (the claim text, decontextualised)."""

    @component.output_types(queries=list[str])
    def run(self, claims: list[Claim]) -> dict[str, Any]:
        return {"queries": [claim.text for claim in claims]}


def _retriever(index_dir: Path, settings: Settings) -> HybridRetriever:
    return HybridRetriever.from_settings(str(index_dir), settings)


def _verifier(settings: Settings) -> Verifier:
    return Verifier.from_settings(settings)


def build_verification_pipeline(index_dir: Path, settings: Settings) -> Pipeline:
    """Claims in, verdicts out: retrieval then verification (used by ``verify`` and ``recheck``)."""
    pipeline = Pipeline(metadata={"name": "factcheck-verify"})
    pipeline.add_component("queries", ClaimQueries())
    pipeline.add_component("retriever", _retriever(index_dir, settings))
    pipeline.add_component("verifier", _verifier(settings))
    pipeline.connect("queries.queries", "retriever.queries")
    pipeline.connect("retriever.passages", "verifier.passages")
    return pipeline


def build_check_pipeline(index_dir: Path, settings: Settings) -> Pipeline:
    """Draft text in, verdicts out: claim extraction, retrieval, verification."""
    pipeline = Pipeline(metadata={"name": "factcheck-check"})
    pipeline.add_component("extractor", ClaimExtractor(min_checkworthiness=settings.min_checkworthiness))
    pipeline.add_component("queries", ClaimQueries())
    pipeline.add_component("retriever", _retriever(index_dir, settings))
    pipeline.add_component("verifier", _verifier(settings))
    pipeline.connect("extractor.claims", "queries.claims")
    pipeline.connect("queries.queries", "retriever.queries")
    pipeline.connect("extractor.claims", "verifier.claims")
    pipeline.connect("retriever.passages", "verifier.passages")
    return pipeline


# Component types of pipeline files written before the stages had their own subpackages.
_MOVED_TYPES = {
    "factcheck.claims.ClaimExtractor": "factcheck.claims.extractor.ClaimExtractor",
    "factcheck.retrieval.HybridRetriever": "factcheck.corpus.retriever.HybridRetriever",
    "factcheck.retrieval.CorpusIndexer": "factcheck.corpus.indexer.CorpusIndexer",
    "factcheck.verify.Verifier": "factcheck.verification.verifier.Verifier",
}


def _current_types(data: Any) -> Any:
    """A pipeline definition with component types of earlier releases mapped to where they live now."""
    if isinstance(data, dict):
        for spec in (data.get("components") or {}).values():
            if isinstance(spec, dict) and spec.get("type") in _MOVED_TYPES:
                spec["type"] = _MOVED_TYPES[spec["type"]]
    return data


def load_pipeline(path: Path, index_dir: Path | None = None) -> Pipeline:
    """A pipeline from a YAML file written by ``factcheck pipeline --dump`` (index optionally replaced)."""
    try:
        definition = _current_types(yaml.safe_load(read_text(path)))
        pipeline = Pipeline.from_dict(definition, allowed_modules=["factcheck"])
    except Exception as exc:  # Haystack and YAML raise several types for a bad definition
        raise InputError(f"{path}: not a valid pipeline definition ({exc})") from exc
    missing = {"extractor", "retriever", "verifier"} - set(pipeline.graph.nodes)
    if missing:
        raise InputError(f"{path}: the pipeline lacks component(s) {', '.join(sorted(missing))}")
    if index_dir is not None:
        pipeline.get_component("retriever").index = str(index_dir)
    return pipeline


class StageTimer(Tracer):
    """A Haystack tracer that adds up the wall time of each component run."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def trace(
        self, operation_name: str, tags: dict[str, Any] | None = None, parent_span: Span | None = None
    ) -> Iterator[Span]:
        began = time.perf_counter()
        span = _NullSpan()
        try:
            yield span
        finally:
            if operation_name == "haystack.component.run" and tags:
                self.seconds[str(tags.get("haystack.component.name"))] += time.perf_counter() - began

    def current_span(self) -> Span | None:
        return None


class _NullSpan(Span):
    def set_tag(self, key: str, value: Any) -> None:
        pass


@contextmanager
def timed_stages() -> Iterator[dict[str, float]]:
    """Within the block, Haystack component runs are timed; yields the seconds per component."""
    timer = StageTimer()
    previous = tracing.tracer.actual_tracer
    tracing.enable_tracing(timer)
    try:
        yield timer.seconds
    finally:
        if previous is None:
            tracing.disable_tracing()
        else:
            tracing.enable_tracing(previous)


def run_check(
    pipeline: Pipeline,
    draft_text: str,
    fmt: str,
    source: str,
    corpus_version: str | None,
    draft_date: str | None = None,
) -> CheckResult:
    """Runs the check pipeline on one draft."""
    with timed_stages() as seconds:
        outputs = pipeline.run(
            {"extractor": {"text": draft_text, "fmt": fmt, "draft_date": draft_date}},
        )
    verdicts: list[Verdict] = outputs["verifier"]["verdicts"]
    return CheckResult(
        source=source,
        draft_text=draft_text,
        corpus_version=corpus_version,
        verdicts=tuple(verdicts),
        timings=dict(seconds),
    )


def verify_claims(claims: list[Claim], index_dir: Path, settings: Settings) -> list[Verdict]:
    """Verdicts for claims already extracted (one pipeline run, all claims batched)."""
    if not claims:
        return []
    pipeline = build_verification_pipeline(index_dir, settings)
    outputs = pipeline.run({"queries": {"claims": claims}, "verifier": {"claims": claims}})
    return outputs["verifier"]["verdicts"]
