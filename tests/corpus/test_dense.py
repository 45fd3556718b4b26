"""The FAISS half of the index: exact and HNSW indexes over normalised vectors, saved with their
generation."""

from __future__ import annotations

import json
from pathlib import Path

import faiss
import numpy as np
import pytest

from factcheck.corpus import dense


def _vectors(count: int, dimension: int = 16, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    vectors = rng.normal(size=(count, dimension)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@pytest.mark.parametrize("kind", [dense.FLAT, dense.HNSW])
def test_search_finds_each_vector_first_under_its_own_id(kind: str) -> None:
    vectors = _vectors(50)
    ids = np.arange(100, 150, dtype=np.int64)  # ids are SQLite row ids, not positions
    index = dense.build(ids, vectors, 16, kind)
    assert dense.kind_of(index) == kind and index.ntotal == 50
    scores, found = dense.search(index, vectors[:5], 3)
    assert found[:, 0].tolist() == [100, 101, 102, 103, 104]
    assert np.allclose(scores[:, 0], 1.0, atol=1e-5)  # inner product of a normalised vector with itself
    assert (scores[:, 0] >= scores[:, 1]).all()


def test_an_empty_index_or_no_depth_finds_nothing() -> None:
    empty = dense.build(np.zeros(0, dtype=np.int64), np.zeros((0, 16), dtype=np.float32), 16, dense.FLAT)
    scores, found = dense.search(empty, _vectors(2), 5)
    assert scores.shape == found.shape == (2, 0)
    full = dense.build(np.arange(3, dtype=np.int64), _vectors(3), 16, dense.FLAT)
    assert dense.search(full, _vectors(2), 0)[1].shape == (2, 0)
    assert dense.search(full, _vectors(2), 10)[1].shape == (2, 3)  # never deeper than the index


def test_saved_index_loads_only_for_its_generation_and_count(tmp_path: Path) -> None:
    index = dense.build(np.arange(10, dtype=np.int64), _vectors(10), 16, dense.FLAT)
    dense.save(tmp_path, index, generation=3)
    tag = json.loads((tmp_path / dense.TAG_FILE).read_text())
    assert tag == {"generation": 3, "count": 10, "kind": dense.FLAT}
    assert dense.read_tag(tmp_path) == tag
    loaded = dense.load(tmp_path, 3, 10)
    assert loaded is not None and loaded.ntotal == 10
    assert dense.load(tmp_path, 4, 10) is None  # stale: SQLite moved on
    assert dense.load(tmp_path, 3, 11) is None
    assert not list(tmp_path.glob("*.tmp"))  # written through a temporary file, then moved into place


def test_a_missing_or_broken_file_is_no_index(tmp_path: Path) -> None:
    assert dense.read_tag(tmp_path) is None and dense.load(tmp_path, 0, 0) is None
    index = dense.build(np.arange(4, dtype=np.int64), _vectors(4), 16, dense.FLAT)
    dense.save(tmp_path, index, generation=1)
    (tmp_path / dense.FAISS_FILE).write_bytes(b"not a FAISS file")
    assert dense.load(tmp_path, 1, 4) is None
    (tmp_path / dense.TAG_FILE).write_text("[1, 2]")
    assert dense.read_tag(tmp_path) is None


def test_hnsw_search_depth_is_settable_and_ignored_by_an_exact_index() -> None:
    hnsw = dense.build(np.arange(20, dtype=np.int64), _vectors(20), 16, dense.HNSW)
    dense.set_ef_search(hnsw, 48)
    assert faiss.downcast_index(hnsw.index).hnsw.efSearch == 48
    flat = dense.build(np.arange(20, dtype=np.int64), _vectors(20), 16, dense.FLAT)
    dense.set_ef_search(flat, 48)
    assert dense.kind_of(flat) == dense.FLAT
