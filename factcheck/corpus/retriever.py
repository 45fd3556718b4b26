"""Haystack components for the corpus: indexing files into an index, and hybrid retrieval from it.

``CorpusIndexer`` wraps :func:`factcheck.corpus.index.build_index` (ingest -> passages -> embeddings ->
SQLite + FAISS); ``HybridRetriever`` finds the evidence passages for a batch of queries, fusing the dense
(FAISS) and BM25 (SQLite FTS5) rankings by reciprocal rank fusion, or using one of them alone.

Both follow the usual component shape: the constructor stores settings, ``warm_up()`` opens the index and
loads the embedding model, ``run()`` is typed, and ``to_dict``/``from_dict`` let a pipeline be saved as
YAML.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from haystack import component, default_from_dict, default_to_dict

from factcheck.corpus.index import MODES, CorpusIndex
from factcheck.domain import Passage
from factcheck.errors import InputError
from factcheck.settings import load_settings


@component
class HybridRetriever:
    """The ``top_k`` best passages of the corpus index for each query.

    ``mode``: ``hybrid`` fuses the ``dense_k`` nearest passages by embedding with the ``bm25_k`` best BM25
    matches (reciprocal rank fusion with constant ``rrf_k``); ``dense`` and ``bm25`` use one ranking alone.
    All queries of a run are embedded in one batch.
    """

    def __init__(
        self,
        index: str,
        top_k: int = 5,
        mode: str = "hybrid",
        dense_k: int = 20,
        bm25_k: int = 20,
        rrf_k: int = 60,
    ) -> None:
        if mode not in MODES:
            raise InputError(f"unknown retrieval mode {mode!r} (use {', '.join(MODES)})")
        if top_k < 1 or dense_k < 1 or bm25_k < 1 or rrf_k < 0:
            raise InputError("top_k, dense_k and bm25_k must be at least 1, rrf_k at least 0")
        self.index = str(index)
        self.top_k = top_k
        self.mode = mode
        self.dense_k = dense_k
        self.bm25_k = bm25_k
        self.rrf_k = rrf_k
        self._corpus: CorpusIndex | None = None

    def warm_up(self) -> None:
        """Open the index and load the embedding model (once)."""
        if self._corpus is not None:
            return
        from factcheck.corpus.encoder import shared_embedder

        settings = replace(load_settings(), dense_k=self.dense_k, bm25_k=self.bm25_k, rrf_k=self.rrf_k)
        embedder = shared_embedder()
        if self.mode != "bm25":
            embedder.warm_up()
        self._corpus = CorpusIndex.open(self.index, settings, embedder)

    @property
    def corpus(self) -> CorpusIndex:
        """The opened index (after :meth:`warm_up`)."""
        self.warm_up()
        assert self._corpus is not None
        return self._corpus

    @component.output_types(passages=list[list[Passage]])
    def run(self, queries: list[str], top_k: int | None = None) -> dict[str, Any]:
        """Passages for each query, best first (``passages[i]`` belongs to ``queries[i]``)."""
        found = self.corpus.search_many(queries, k=top_k or self.top_k, mode=self.mode)
        return {"passages": found}

    def to_dict(self) -> dict[str, Any]:
        """Serialise the component (its settings, not the index)."""
        return default_to_dict(
            self,
            index=self.index,
            top_k=self.top_k,
            mode=self.mode,
            dense_k=self.dense_k,
            bm25_k=self.bm25_k,
            rrf_k=self.rrf_k,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HybridRetriever:
        """Rebuild the component from :meth:`to_dict`'s output."""
        return default_from_dict(cls, data)
