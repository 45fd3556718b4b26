"""The Haystack component that indexes files and folders into a corpus index."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from haystack import component, default_from_dict, default_to_dict

from factcheck.corpus.index import IndexReport, build_index


@component
class CorpusIndexer:
    """Index files and folders into the index folder ``index`` (incrementally; see ``build_index``)."""

    def __init__(self, index: str, approximate: bool = False) -> None:
        self.index = str(index)
        self.approximate = approximate

    def warm_up(self) -> None:
        """Load the embedding model (once)."""
        from factcheck.corpus.encoder import shared_embedder

        shared_embedder().warm_up()

    @component.output_types(report=IndexReport, corpus_version=str)
    def run(self, paths: list[str], progress: Any = None) -> dict[str, Any]:
        """Index ``paths``; returns the run's report and the new corpus version."""
        report = build_index(
            [Path(p) for p in paths], self.index, progress=progress, approximate=self.approximate
        )
        return {"report": report, "corpus_version": report.corpus_version}

    def to_dict(self) -> dict[str, Any]:
        """Serialise the component."""
        return default_to_dict(self, index=self.index, approximate=self.approximate)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CorpusIndexer:
        """Rebuild the component from :meth:`to_dict`'s output."""
        return default_from_dict(cls, data)
