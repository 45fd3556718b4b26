"""Indexing and search open no network connection (the product works offline)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest


@pytest.fixture
def no_network(monkeypatch):
    """Every attempt to connect or resolve a name is recorded and refused."""
    attempts: list[str] = []

    def refuse(name):
        def blocked(*args, **kwargs):
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise OSError(f"network access attempted: {name}")

        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


def test_indexing_and_search_stay_offline(no_network, tmp_path: Path) -> None:
    from haystack import Pipeline

    from factcheck.corpus.encoder import TextEmbedder
    from factcheck.corpus.index import CorpusIndex, build_index
    from factcheck.corpus.retriever import HybridRetriever

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "deal.md").write_text("# Deal\n\nXiaomi bought Deepmotion for about 77.4 million US dollars.\n")
    (corpus / "page.html").write_text("<title>Plant</title><p>Acme opened a plant in Berlin.</p>")
    embedder = TextEmbedder()  # loads the packaged model from disk inside the guarded block
    report = build_index([corpus], tmp_path / "idx", embedder=embedder)
    assert report.passages == 2
    with CorpusIndex.open(tmp_path / "idx", embedder=embedder) as index:
        for mode in ("hybrid", "dense", "bm25"):
            assert index.search("Deepmotion price", k=1, mode=mode)[0].doc_id == "deal"
    pipeline = Pipeline()
    pipeline.add_component("retriever", HybridRetriever(index=str(tmp_path / "idx"), top_k=1))
    result = pipeline.run({"retriever": {"queries": ["Berlin plant"]}})
    assert result["retriever"]["passages"][0][0].doc_id == "page"
    assert no_network == []


def test_the_guard_would_notice_a_connection(no_network) -> None:
    with pytest.raises(OSError, match="network access attempted"):
        socket.create_connection(("example.org", 80), timeout=1)
    assert no_network
