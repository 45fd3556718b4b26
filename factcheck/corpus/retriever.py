"""The Haystack component that retrieves evidence passages from a corpus index.

``HybridRetriever`` finds the evidence passages for a batch of queries, fusing the dense (FAISS) and BM25
(SQLite FTS5) rankings by reciprocal rank fusion, or using one of them alone. It follows the usual component
shape: the constructor stores settings (every one of them: nothing is read from the environment later),
``warm_up()`` opens the index and loads the embedding model, ``run()`` is typed, and ``to_dict``/``from_dict``
let a pipeline be saved as YAML.
"""

from __future__ import annotations

from typing import Any

from haystack import component, default_from_dict, default_to_dict

from factcheck.corpus.encoder import shared_embedder
from factcheck.corpus.index import MODES, CorpusIndex
from factcheck.domain import Passage
from factcheck.errors import InputError
from factcheck.settings import Settings

_DEFAULTS = Settings()
# The init parameters that are settings of the same name (``mode`` is the setting ``retrieval_mode``).
_SETTINGS = ("top_k", "dense_k", "bm25_k", "rrf_k", "hnsw_ef_search", "approximate_above", "embed_batch_size")


@component
class HybridRetriever:
    """The ``top_k`` best passages of the corpus index for each query.

    All queries of a run are embedded in one batch.

    :param index: the index folder (built by ``factcheck index`` or
        :class:`~factcheck.corpus.indexer.CorpusIndexer`).
    :param top_k: passages returned per query.
    :param mode: ``hybrid`` fuses the dense and the BM25 rankings; ``dense`` or ``bm25`` uses one alone.
    :param dense_k: nearest passages by embedding taken into the fusion.
    :param bm25_k: best BM25 matches taken into the fusion.
    :param rrf_k: the reciprocal rank fusion constant (``1 / (rrf_k + rank)``).
    :param hnsw_ef_search: search depth of an approximate (HNSW) dense index; ignored by an exact one.
    :param approximate_above: passage count above which the dense index is approximate (HNSW).
    :param embed_batch_size: queries embedded per batch.

    Example::

        retriever = HybridRetriever(index="newsroom-index", top_k=3)
        retriever.warm_up()
        passages = retriever.run(queries=["Xiaomi paid €70M for Deepmotion."])["passages"][0]
    """

    def __init__(
        self,
        index: str,
        top_k: int = _DEFAULTS.top_k,
        mode: str = _DEFAULTS.retrieval_mode,
        dense_k: int = _DEFAULTS.dense_k,
        bm25_k: int = _DEFAULTS.bm25_k,
        rrf_k: int = _DEFAULTS.rrf_k,
        hnsw_ef_search: int = _DEFAULTS.hnsw_ef_search,
        approximate_above: int = _DEFAULTS.approximate_above,
        embed_batch_size: int = _DEFAULTS.embed_batch_size,
    ) -> None:
        if mode not in MODES:
            raise InputError(f"unknown retrieval mode {mode!r} (use {', '.join(MODES)})")
        if top_k < 1 or dense_k < 1 or bm25_k < 1 or rrf_k < 0:
            raise InputError("top_k, dense_k and bm25_k must be at least 1, rrf_k at least 0")
        if hnsw_ef_search < 1 or approximate_above < 0 or embed_batch_size < 1:
            raise InputError(
                "hnsw_ef_search and embed_batch_size must be at least 1, approximate_above at least 0"
            )
        self.index = str(index)
        self.top_k = top_k
        self.mode = mode
        self.dense_k = dense_k
        self.bm25_k = bm25_k
        self.rrf_k = rrf_k
        self.hnsw_ef_search = hnsw_ef_search
        self.approximate_above = approximate_above
        self.embed_batch_size = embed_batch_size
        self._corpus: CorpusIndex | None = None

    @classmethod
    def from_settings(cls, index: str, settings: Settings) -> HybridRetriever:
        """The retriever with every retrieval setting taken from ``settings``."""
        return cls(index=index, mode=settings.retrieval_mode, **{n: getattr(settings, n) for n in _SETTINGS})

    def _settings(self) -> Settings:
        """The index's search settings: this component's, nothing from the environment."""
        return Settings(retrieval_mode=self.mode, **{name: getattr(self, name) for name in _SETTINGS})

    def warm_up(self) -> None:
        """Open the index and load the embedding model (once)."""
        if self._corpus is not None:
            return
        embedder = shared_embedder()
        if self.mode != "bm25":
            embedder.warm_up()
        self._corpus = CorpusIndex.open(self.index, self._settings(), embedder)

    @property
    def corpus(self) -> CorpusIndex:
        """The opened index (after :meth:`warm_up`)."""
        self.warm_up()
        assert self._corpus is not None
        return self._corpus

    @component.output_types(passages=list[list[Passage]])
    def run(self, queries: list[str], top_k: int | None = None) -> dict[str, Any]:
        """Passages for each query, best first.

        :param queries: the texts to find evidence for (usually the claims).
        :param top_k: passages per query for this run; the component's ``top_k`` when omitted.
        :returns: ``{"passages": [[Passage, ...], ...]}``, ``passages[i]`` for ``queries[i]``.
        """
        found = self.corpus.search_many(queries, k=top_k or self.top_k, mode=self.mode)
        return {"passages": found}

    def to_dict(self) -> dict[str, Any]:
        """Serialise the component (its settings, not the index)."""
        settings = {name: getattr(self, name) for name in _SETTINGS}
        return default_to_dict(self, index=self.index, mode=self.mode, **settings)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HybridRetriever:
        """Rebuild the component from :meth:`to_dict`'s output."""
        return default_from_dict(cls, data)
