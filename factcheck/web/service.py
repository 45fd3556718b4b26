"""What the web pages call: one warm check pipeline per index, the claim store, the corpus.

The check itself is the product's: :func:`factcheck.pipeline.run_check` on the pipeline of
:func:`factcheck.pipeline.build_check_pipeline`, built once and warmed up when the server starts (the models
stay loaded), built again only when the index it reads has changed (a nightly ``factcheck index``). Every
check is recorded in the claim store, like ``factcheck check --store``; the server also keeps the recent
results in memory for their pages and downloads.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from factcheck.claims.extraction import Draft, detect_format, prepare, sniff_format
from factcheck.corpus.index import CorpusIndex, IndexedDocument
from factcheck.domain import CheckResult, Passage
from factcheck.errors import InputError
from factcheck.pipeline import build_check_pipeline, run_check
from factcheck.settings import Settings
from factcheck.sources.reading import decode_text
from factcheck.workflows.store import ClaimStore

if TYPE_CHECKING:
    from haystack import Pipeline

# The draft formats the check page takes, by file suffix (the CLI's readers handle each).
UPLOAD_SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
}
DRAFT_FORMATS = ("auto", "md", "txt", "html")
MAX_NAME_CHARS = 120
WARM_UP_DRAFT = "Xiaomi bought Deepmotion for 70 million euros."


def clean_name(name: str | None, fallback: str) -> str:
    """A draft name fit to show and store: the last path part, no control characters, not too long."""
    base = PurePosixPath((name or "").replace("\\", "/")).name
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    return (base or fallback)[:MAX_NAME_CHARS]


def draft_from_bytes(data: bytes, name: str, fmt: str, max_bytes: int) -> Draft:
    """A draft from pasted or uploaded bytes, read and limited exactly as ``factcheck check`` reads files."""

    if fmt not in DRAFT_FORMATS:
        raise InputError(f"unknown draft format {fmt!r}; use one of: {', '.join(DRAFT_FORMATS)}")
    if len(data) > max_bytes:
        raise InputError(f"{name}: {len(data) / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit")
    raw = decode_text(data, name)
    if not raw.strip():
        raise InputError(f"{name}: the draft is empty")
    if fmt == "auto":
        suffix = PurePosixPath(name).suffix.lower()
        fmt = detect_format(name) if suffix in UPLOAD_SUFFIXES else sniff_format(raw)
    return prepare(raw, fmt, path=name)


@dataclass
class CheckRecord:
    """A finished check held by the server: its result and where the store keeps its verdicts."""

    id: str
    name: str
    result: CheckResult
    checked_at: float
    verdict_ids: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


class CheckService:
    """The checks, claim store and corpus of one server (one index, one store)."""

    def __init__(
        self, index_dir: Path, store_path: Path, settings: Settings, keep_results: int = 200
    ) -> None:
        self.index_dir = Path(index_dir)
        self.store_path = Path(store_path)
        self.settings = settings
        self.keep_results = keep_results
        self._pipeline: Pipeline | None = None
        self._generation: int | None = None
        self._build_lock = threading.Lock()
        self._results: OrderedDict[str, CheckRecord] = OrderedDict()
        self._results_lock = threading.Lock()

    # -- the warm pipeline --------------------------------------------------------------------------------

    def warm_up(self) -> None:
        """Builds the pipeline, loads the models, opens the store (creating it) and runs one tiny check."""

        ClaimStore.open(self.store_path).close()
        pipeline = self._current_pipeline()
        draft = prepare(WARM_UP_DRAFT, "txt")
        run_check(pipeline, draft.text, draft.format, "<warm-up>", self.corpus.corpus_version)

    def _current_pipeline(self) -> Pipeline:
        """The check pipeline, built again only when the index has a new generation."""

        with self._build_lock:
            if self._pipeline is not None and self._retriever_generation() == self._generation:
                return self._pipeline
            pipeline = build_check_pipeline(self.index_dir, self.settings)
            pipeline.warm_up()
            self._pipeline = pipeline
            self._generation = self._retriever_generation()
            return pipeline

    def _retriever_generation(self) -> int:
        assert self._pipeline is not None
        return self._pipeline.get_component("retriever").corpus.generation

    @property
    def corpus(self) -> CorpusIndex:
        """The index the pipeline searches."""
        return self._current_pipeline().get_component("retriever").corpus

    # -- checks ---------------------------------------------------------------------------------------

    def check(self, data: bytes, name: str, fmt: str = "auto") -> CheckRecord:
        """Checks one draft (runs in a worker thread), records it in the store and keeps the result."""

        began = time.perf_counter()
        draft = draft_from_bytes(data, name, fmt, self.settings.max_draft_bytes)
        pipeline = self._current_pipeline()
        corpus = pipeline.get_component("retriever").corpus
        result = run_check(
            pipeline,
            draft.text,
            draft.format,
            source=name,
            corpus_version=corpus.corpus_version,
            draft_date=draft.date,
        )
        with ClaimStore.open(self.store_path) as store:
            run_id = store.record_check(
                name,
                draft.text,
                list(result.verdicts),
                corpus.corpus_version,
                corpus.generation,
                source_is_path=False,
            )
            verdict_ids = {v.claim_id: v.id for v in store.run_verdicts(run_id)}
        record = CheckRecord(run_id, name, result, time.time(), verdict_ids, time.perf_counter() - began)
        with self._results_lock:
            self._results[run_id] = record
            while len(self._results) > self.keep_results:
                self._results.popitem(last=False)
        return record

    def result(self, check_id: str) -> CheckRecord | None:
        """A check held in memory, or None (unknown, or from before the server last started)."""
        with self._results_lock:
            return self._results.get(check_id)

    def recent(self, limit: int = 10) -> list[CheckRecord]:
        """The latest checks, newest first."""
        with self._results_lock:
            return list(reversed(self._results.values()))[:limit]

    # -- the store ------------------------------------------------------------------------------------

    def store(self) -> ClaimStore:
        """A connection to the claim store for one request (close it, or use ``with``)."""
        return ClaimStore.open(self.store_path)

    # -- the corpus -----------------------------------------------------------------------------------

    def search(self, query: str, k: int, mode: str) -> list[Passage]:
        """The ``k`` best passages for ``query`` by the pipeline's retriever (``mode`` hybrid/dense/bm25)."""
        retriever = self._current_pipeline().get_component("retriever")
        if mode == retriever.mode:
            return retriever.run(queries=[query], top_k=k)["passages"][0]
        return retriever.corpus.search(query, k=k, mode=mode)

    def document(self, doc_id: str) -> IndexedDocument | None:
        """One indexed document by its exact id (ids are looked up, never used as paths)."""
        return self.corpus.document(doc_id)

    def document_versions(self) -> dict[str, str]:
        """Every document id with its current version."""
        return self.corpus.document_versions()

    def status(self) -> dict[str, Any]:
        """Health figures for ``/healthz``."""
        corpus = self.corpus
        return {
            "index": str(self.index_dir),
            "corpus_version": corpus.corpus_version,
            "generation": corpus.generation,
            "documents": corpus.document_count,
            "checks_held": len(self._results),
        }
