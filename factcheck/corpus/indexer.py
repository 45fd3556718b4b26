"""The Haystack component that indexes files and folders into a corpus index."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from haystack import component, default_from_dict, default_to_dict

from factcheck.corpus.encoder import ENCODERS, index_embedder
from factcheck.corpus.index import IndexReport, Progress, build_index
from factcheck.errors import InputError
from factcheck.settings import Settings

_DEFAULTS = Settings()
# The init parameters that are settings of the same name.
_SETTINGS = (
    "passage_sentences",
    "passage_overlap",
    "passage_max_chars",
    "approximate_above",
    "embed_batch_size",
    "index_lock_timeout",
    "max_input_bytes",
    "index_encoder",
)


@component
class CorpusIndexer:
    """Index files and folders into an index folder, incrementally (see
    :func:`~factcheck.corpus.index.build_index`): only new or changed documents are split and embedded.

    :param index: the index folder (created when missing).
    :param approximate: keep an approximate (HNSW) dense index even for a small corpus.
    :param passage_sentences: sentences per passage.
    :param passage_overlap: sentences shared by consecutive passages.
    :param passage_max_chars: the longest passage, in characters.
    :param approximate_above: passage count above which the dense index is approximate (HNSW).
    :param embed_batch_size: passages embedded per batch.
    :param index_lock_timeout: seconds to wait for another process indexing into the same folder.
    :param max_input_bytes: the largest file read.
    :param index_encoder: ``light`` (the default) or ``sentence-transformers`` for batch-embedding passages.

    Example::

        indexer = CorpusIndexer(index="newsroom-index")
        indexer.warm_up()
        report = indexer.run(paths=["corpus/"])["report"]
        print(report.summary())
    """

    def __init__(
        self,
        index: str,
        approximate: bool = False,
        passage_sentences: int = _DEFAULTS.passage_sentences,
        passage_overlap: int = _DEFAULTS.passage_overlap,
        passage_max_chars: int = _DEFAULTS.passage_max_chars,
        approximate_above: int = _DEFAULTS.approximate_above,
        embed_batch_size: int = _DEFAULTS.embed_batch_size,
        index_lock_timeout: float = _DEFAULTS.index_lock_timeout,
        max_input_bytes: int = _DEFAULTS.max_input_bytes,
        index_encoder: str = _DEFAULTS.index_encoder,
    ) -> None:
        if passage_sentences < 1 or passage_overlap < 0 or passage_overlap >= passage_sentences:
            raise InputError("passage_sentences must be at least 1 and passage_overlap below it")
        if passage_max_chars < 1 or embed_batch_size < 1 or max_input_bytes < 1 or index_lock_timeout < 0:
            raise InputError("passage_max_chars, embed_batch_size and max_input_bytes must be positive")
        self.index = str(index)
        self.approximate = approximate
        self.passage_sentences = passage_sentences
        self.passage_overlap = passage_overlap
        self.passage_max_chars = passage_max_chars
        self.approximate_above = approximate_above
        self.embed_batch_size = embed_batch_size
        self.index_lock_timeout = index_lock_timeout
        self.max_input_bytes = max_input_bytes
        if index_encoder not in ENCODERS:
            raise InputError(f"unknown index encoder {index_encoder!r} (use {', '.join(ENCODERS)})")
        self.index_encoder = index_encoder

    def _settings(self) -> Settings:
        """The indexing settings: this component's, nothing from the environment."""
        return Settings(**{name: getattr(self, name) for name in _SETTINGS})

    def warm_up(self) -> None:
        """Load the embedding model (once)."""
        index_embedder(self.index_encoder).warm_up()

    @component.output_types(report=IndexReport, corpus_version=str)
    def run(self, paths: list[str], progress: Progress | None = None) -> dict[str, Any]:
        """Index ``paths``.

        :param paths: files and folders to index (``.txt``, ``.md``, ``.html``, ``.jsonl``).
        :param progress: ``progress(done, total)``, called as passages are embedded.
        :returns: ``{"report": IndexReport, "corpus_version": str}``.
        """
        report = build_index(
            [Path(p) for p in paths],
            self.index,
            settings=self._settings(),
            progress=progress,
            approximate=self.approximate,
        )
        return {"report": report, "corpus_version": report.corpus_version}

    def to_dict(self) -> dict[str, Any]:
        """Serialise the component."""
        settings = {name: getattr(self, name) for name in _SETTINGS}
        return default_to_dict(self, index=self.index, approximate=self.approximate, **settings)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CorpusIndexer:
        """Rebuild the component from :meth:`to_dict`'s output."""
        return default_from_dict(cls, data)
