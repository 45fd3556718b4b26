"""The corpus index: incremental builds, versions, crash safety, locking and refusing bad indexes."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from factcheck.corpus import dense
from factcheck.corpus.index import (
    INDEX_FILE,
    CorpusIndex,
    IndexLockedError,
    build_index,
    corpus_version_of,
    fts_query,
    reciprocal_rank_fusion,
)
from factcheck.errors import CorpusIndexError, InputError
from factcheck.settings import Settings

DOCS = {
    "acme-plant.md": "# Acme opens Berlin plant\n\nBERLIN, May 3 (Newsdesk) - Acme opened a car plant in "
    "Berlin. It can build 450,000 cars a year. The plant cost 2 billion euros.\n",
    "zeta-deal.md": "# Zeta buys Omega\n\nZeta bought the robotics firm Omega for 700 million euros. "
    "The deal closed in June.\n",
    "kappa-hiring.txt": "Kappa Cells hired 3,000 employees for its battery plant in Hefei.\n",
    "wires/lambda-phones.md": "# Lambda phones\n\nLambda sells smartphones in Spain and Italy.\n",
}
QUERIES = ["car plant in Berlin", "robotics acquisition price", "battery plant workers", "phones in Spain"]


class CountingEmbedder:
    """The real embedder, counting the texts it is asked to embed."""

    def __init__(self, inner, fail_after: int | None = None, error: type[BaseException] = RuntimeError):
        self.inner = inner
        self.texts: list[str] = []
        self.fail_after = fail_after
        self.error = error

    def warm_up(self) -> None:
        self.inner.warm_up()

    def embed(self, texts, batch_size=64, progress=None):
        self.texts.extend(texts)
        if self.fail_after is not None and len(self.texts) > self.fail_after:
            raise self.error("simulated failure while embedding")
        return self.inner.embed(texts, batch_size=batch_size, progress=progress)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    for name, text in DOCS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def settings() -> Settings:
    return Settings(index_lock_timeout=0.3)


def snapshot(index_dir: Path, embedder) -> list:
    with CorpusIndex.open(index_dir, embedder=embedder) as index:
        return [
            (mode, [(p.doc_id, p.start, p.end, round(p.score, 5)) for p in index.search(q, k=3, mode=mode)])
            for q in QUERIES
            for mode in ("dense", "bm25", "hybrid")
        ] + [index.generation, index.corpus_version, index.document_versions()]


def test_build_then_search_every_mode(corpus: Path, tmp_path: Path, embedder, settings) -> None:
    report = build_index([corpus], tmp_path / "idx", settings, embedder=embedder)
    assert sorted(report.added) == ["acme-plant", "kappa-hiring", "wires/lambda-phones", "zeta-deal"]
    assert report.generation == 1 and report.embedded == report.passages > 0
    with CorpusIndex.open(tmp_path / "idx", embedder=embedder) as index:
        for mode in ("dense", "bm25", "hybrid"):
            assert (
                index.search("How many cars can the Berlin plant build?", k=1, mode=mode)[0].doc_id
                == "acme-plant"
            )
        hits = index.search("Omega acquisition", k=10)
        assert len(hits) == index.passage_count  # k larger than the corpus
        assert hits[0].doc_id == "zeta-deal" and hits[0].title == "Zeta buys Omega"
        assert hits[0].doc_version == index.document("zeta-deal").version
        assert index.search_many(QUERIES, k=2) == [index.search(q, k=2) for q in QUERIES]
        assert index.search("   ") == [] and index.search_many([]) == []
        with pytest.raises(InputError, match="unknown search mode"):
            index.search("x", mode="fuzzy")


def test_every_passage_is_an_exact_slice_of_its_document(corpus: Path, tmp_path: Path, embedder) -> None:
    build_index([corpus], tmp_path / "idx", embedder=embedder)
    with CorpusIndex.open(tmp_path / "idx", embedder=embedder) as index:
        for doc_id in index.document_versions():
            text = index.document(doc_id).text
            passages = index.passages_of(doc_id)
            assert passages
            assert all(text[p.start : p.end] == p.text for p in passages)


def test_incremental_reindex_embeds_only_changed_documents(corpus: Path, tmp_path: Path, embedder) -> None:
    index_dir = tmp_path / "idx"
    first = build_index([corpus], index_dir, embedder=embedder)
    counting = CountingEmbedder(embedder)
    again = build_index([corpus], index_dir, embedder=counting)
    assert counting.texts == [] and again.generation == first.generation == 1
    assert again.corpus_version == first.corpus_version and again.unchanged == 4

    (corpus / "zeta-deal.md").write_text("# Zeta buys Omega\n\nZeta bought Omega for 70 million euros.\n")
    (corpus / "new-doc.txt").write_text("Mu Motors plans a factory in Shanghai for 450,000 cars.\n")
    changed = build_index([corpus], index_dir, embedder=counting)
    assert changed.changed == ["zeta-deal"] and changed.added == ["new-doc"] and changed.unchanged == 3
    assert changed.generation == 2 and changed.corpus_version != first.corpus_version
    with CorpusIndex.open(index_dir, embedder=embedder) as index:
        expected = [p.text for p in index.passages_of("zeta-deal") + index.passages_of("new-doc")]
        assert sorted(counting.texts) == sorted(expected)
        assert index.document("zeta-deal").generation == 2 and index.document("acme-plant").generation == 1
        assert index.documents_changed_since(1) == {"zeta-deal", "new-doc"}
        assert index.documents_changed_since(2) == set()
        assert index.corpus_version == corpus_version_of(index.document_versions())
        top = index.search("Omega price", k=1, mode="dense")[0]
        assert top.doc_id == "zeta-deal" and "70 million" in top.text


def test_vanished_documents_are_removed(corpus: Path, tmp_path: Path, embedder) -> None:
    index_dir = tmp_path / "idx"
    build_index([corpus], index_dir, embedder=embedder)
    other = tmp_path / "other.txt"
    other.write_text("Kappa Cells also hired 3,000 employees in Hungary.\n")
    build_index([other], index_dir, embedder=embedder)  # another root: does not touch the folder's documents
    (corpus / "kappa-hiring.txt").unlink()
    report = build_index([corpus], index_dir, embedder=embedder)
    assert report.removed == ["kappa-hiring"] and report.added == [] and report.generation == 3
    with CorpusIndex.open(index_dir, embedder=embedder) as index:
        assert index.document("kappa-hiring") is None and index.document("other") is not None
        assert index.documents_removed_since(2) == {"kappa-hiring"}
        for mode in ("dense", "bm25", "hybrid"):
            assert all(p.doc_id != "kappa-hiring" for p in index.search("3,000 employees", k=10, mode=mode))
        assert len(index._dense_rankings(["x"], 100)[0]) == index.passage_count  # FAISS follows SQLite


def test_crash_before_commit_leaves_the_old_index(
    corpus: Path, tmp_path: Path, embedder, monkeypatch
) -> None:
    index_dir = tmp_path / "idx"
    build_index([corpus], index_dir, embedder=embedder)
    before = snapshot(index_dir, embedder)
    (corpus / "acme-plant.md").write_text("# Acme\n\nAcme closed its Berlin plant.\n")
    (corpus / "zeta-deal.md").unlink()

    import factcheck.corpus.index as index_module

    real_insert = index_module._insert_passages

    def crash_midway(connection, rows):
        real_insert(connection, rows[:1])
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(index_module, "_insert_passages", crash_midway)
    with pytest.raises(RuntimeError, match="disk on fire"):
        build_index([corpus], index_dir, embedder=embedder)
    assert snapshot(index_dir, embedder) == before
    monkeypatch.undo()

    # Ctrl-C while embedding: nothing written either.
    with pytest.raises(KeyboardInterrupt):
        build_index([corpus], index_dir, embedder=CountingEmbedder(embedder, 0, KeyboardInterrupt))
    assert snapshot(index_dir, embedder) == before

    report = build_index([corpus], index_dir, embedder=embedder)  # and the next run completes
    assert report.changed == ["acme-plant"] and report.removed == ["zeta-deal"]


def test_stale_or_broken_faiss_file_is_rebuilt(corpus: Path, tmp_path: Path, embedder, monkeypatch) -> None:
    index_dir = tmp_path / "idx"
    build_index([corpus], index_dir, embedder=embedder)
    (corpus / "wires" / "lambda-phones.md").write_text("# Lambda\n\nLambda now sells tablets in Portugal.\n")

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(dense, "save", crash)  # SQLite commits, then the FAISS write dies
    with pytest.raises(KeyboardInterrupt):
        build_index([corpus], index_dir, embedder=embedder)
    monkeypatch.undo()
    assert json.loads((index_dir / dense.TAG_FILE).read_text())["generation"] == 1
    with CorpusIndex.open(index_dir, embedder=embedder) as index:
        assert index.generation == 2
        assert index.search("tablets in Portugal", k=1, mode="dense")[0].doc_id == "wires/lambda-phones"
    assert json.loads((index_dir / dense.TAG_FILE).read_text())["generation"] == 2  # repaired on disk
    expected = snapshot(index_dir, embedder)

    (index_dir / dense.FAISS_FILE).write_bytes(b"garbage, not a FAISS file")
    assert snapshot(index_dir, embedder) == expected
    (index_dir / dense.FAISS_FILE).unlink()
    (index_dir / dense.TAG_FILE).unlink()
    assert snapshot(index_dir, embedder) == expected


def test_second_indexer_fails_clearly_while_readers_go_on(
    corpus: Path, tmp_path: Path, embedder, settings
) -> None:
    from filelock import FileLock

    index_dir = tmp_path / "idx"
    build_index([corpus], index_dir, settings, embedder=embedder)
    before = snapshot(index_dir, embedder)
    with FileLock(str(index_dir / "index.lock")):
        with pytest.raises(IndexLockedError, match="another process is indexing into this folder"):
            build_index([corpus], index_dir, settings, embedder=embedder)
        assert snapshot(index_dir, embedder) == before  # searching is not blocked
    build_index([corpus], index_dir, settings, embedder=embedder)


def _set_meta(index_dir: Path, key: str, value: str) -> None:
    with sqlite3.connect(index_dir / INDEX_FILE) as connection:
        connection.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))


def test_incompatible_or_broken_indexes_are_refused(corpus: Path, tmp_path: Path, embedder) -> None:
    with pytest.raises(CorpusIndexError, match="no index folder"):
        CorpusIndex.open(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusIndexError, match="not an index folder"):
        CorpusIndex.open(tmp_path / "empty")

    newer = tmp_path / "newer"
    build_index([corpus], newer, embedder=embedder)
    _set_meta(newer, "format_version", "99")
    data = (newer / INDEX_FILE).read_bytes()
    with pytest.raises(CorpusIndexError, match="newer factcheck"):
        CorpusIndex.open(newer)
    with pytest.raises(CorpusIndexError, match="newer factcheck"):
        build_index([corpus], newer, embedder=embedder)
    assert (newer / INDEX_FILE).read_bytes() == data  # left as it was

    other_model = tmp_path / "other-model"
    build_index([corpus], other_model, embedder=embedder)
    _set_meta(other_model, "model_sha256", "0" * 64)
    with pytest.raises(CorpusIndexError, match="different embedding model"):
        CorpusIndex.open(other_model)
    with pytest.raises(CorpusIndexError, match="different embedding model"):
        build_index([corpus], other_model, embedder=embedder)

    corrupted = tmp_path / "corrupted"
    corrupted.mkdir()
    (corrupted / INDEX_FILE).write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(CorpusIndexError, match="corrupted or not a factcheck index"):
        CorpusIndex.open(corrupted)
    with pytest.raises(CorpusIndexError, match="corrupted or not a factcheck index"):
        build_index([corpus], corrupted, embedder=embedder)

    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    with pytest.raises(CorpusIndexError, match="not a folder"):
        build_index([corpus], a_file, embedder=embedder)


def test_approximate_index_finds_what_exact_search_finds(corpus: Path, tmp_path: Path, embedder) -> None:
    build_index([corpus], tmp_path / "exact", embedder=embedder)
    build_index([corpus], tmp_path / "hnsw", approximate=True, embedder=embedder)
    assert json.loads((tmp_path / "hnsw" / dense.TAG_FILE).read_text())["kind"] == dense.HNSW
    assert json.loads((tmp_path / "exact" / dense.TAG_FILE).read_text())["kind"] == dense.FLAT
    with (
        CorpusIndex.open(tmp_path / "exact", embedder=embedder) as exact,
        CorpusIndex.open(tmp_path / "hnsw", embedder=embedder) as approximate,
    ):
        for query in QUERIES:
            assert [p.doc_id for p in exact.search(query, k=3, mode="dense")] == [
                p.doc_id for p in approximate.search(query, k=3, mode="dense")
            ]
    (corpus / "kappa-hiring.txt").unlink()  # HNSW cannot delete: the file is rebuilt
    build_index([corpus], tmp_path / "hnsw", embedder=embedder)
    with CorpusIndex.open(tmp_path / "hnsw", embedder=embedder) as approximate:
        assert approximate._dense.ntotal == approximate.passage_count
        assert all(
            p.doc_id != "kappa-hiring" for p in approximate.search("battery workers", k=10, mode="dense")
        )


def test_size_threshold_switches_to_hnsw(corpus: Path, tmp_path: Path, embedder) -> None:
    build_index([corpus], tmp_path / "idx", Settings(approximate_above=2), embedder=embedder)
    assert json.loads((tmp_path / "idx" / dense.TAG_FILE).read_text())["kind"] == dense.HNSW


@pytest.mark.parametrize(
    "query",
    ['"', "AND OR (", "*", "NEAR(a b)", "col:umn", "'; DROP TABLE passages; --", "€700M?!", "-", "^x"],
)
def test_fts5_syntax_in_queries_never_raises(corpus: Path, tmp_path_factory, embedder, query: str) -> None:
    index_dir = tmp_path_factory.getbasetemp() / "fts-hostile"
    if not index_dir.exists():
        build_index([corpus], index_dir, embedder=embedder)
    with CorpusIndex.open(index_dir, embedder=embedder) as index:
        for mode in ("bm25", "hybrid", "dense"):
            assert isinstance(index.search(query, k=3, mode=mode), list)
        assert index.passage_count > 0


def test_fts_query_quotes_every_term() -> None:
    assert fts_query('Deepmotion "price" AND (70M)') == '"deepmotion" OR "price" OR "70m"'
    assert fts_query("AND OR (") == '"and" OR "or"'  # only stop words: kept
    assert fts_query("*** ( ) \" '") is None


def test_reciprocal_rank_fusion_by_hand() -> None:
    fused = dict(reciprocal_rank_fusion([[1, 2, 3], [3, 1]], rrf_k=60))
    assert fused[1] == pytest.approx(1 / 61 + 1 / 62)
    assert fused[3] == pytest.approx(1 / 63 + 1 / 61)
    assert fused[2] == pytest.approx(1 / 62)
    assert [i for i, _ in reciprocal_rank_fusion([[1, 2, 3], [3, 1]], rrf_k=60)] == [1, 3, 2]


def test_settings_change_search_depth(corpus: Path, tmp_path: Path, embedder) -> None:
    build_index([corpus], tmp_path / "idx", embedder=embedder)
    shallow = replace(Settings(), dense_k=1, bm25_k=1)
    with CorpusIndex.open(tmp_path / "idx", shallow, embedder=embedder) as index:
        assert len(index.search("Berlin plant", k=1)) == 1
        assert len(index.search("Berlin plant", k=3)) <= 3
