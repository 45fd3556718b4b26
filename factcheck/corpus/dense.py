"""The dense half of the corpus index: a FAISS file derived from the embeddings stored in SQLite.

Vectors are L2-normalised, so inner product is cosine similarity. FAISS ids are the passages' SQLite row
ids (``IndexIDMap2``). Small corpora use exact search (``IndexFlatIP``); large ones, or on request, HNSW
(``IndexHNSWFlat`` with inner product).

SQLite is the source of truth. ``dense.faiss`` is written to a temporary file and moved into place, then
``dense.json`` records which index generation it matches; a FAISS file whose tag does not match the SQLite
generation (a crash between the two writes) is rebuilt from the stored embeddings.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

FAISS_FILE = "dense.faiss"
TAG_FILE = "dense.json"
FLAT, HNSW = "flat", "hnsw"
HNSW_NEIGHBOURS = 32
HNSW_EF_CONSTRUCTION = 80


def _faiss():
    import faiss

    return faiss


def new_index(dimension: int, kind: str):
    """An empty id-mapped FAISS index of ``kind`` (``flat`` or ``hnsw``) for inner product."""
    faiss = _faiss()
    if kind == HNSW:
        inner = faiss.IndexHNSWFlat(dimension, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        inner.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
    else:
        inner = faiss.IndexFlatIP(dimension)
    return faiss.IndexIDMap2(inner)


def build(ids: np.ndarray, vectors: np.ndarray, dimension: int, kind: str):
    """A FAISS index of ``kind`` holding ``vectors`` under ``ids``."""
    index = new_index(dimension, kind)
    if len(ids):
        index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids.astype(np.int64))
    return index


def set_ef_search(index, ef_search: int) -> None:
    """Search depth of an HNSW index (ignored for exact indexes)."""
    inner = _faiss().downcast_index(index.index)
    if hasattr(inner, "hnsw"):
        inner.hnsw.efSearch = ef_search


def kind_of(index) -> str:
    """``hnsw`` or ``flat``."""
    return HNSW if hasattr(_faiss().downcast_index(index.index), "hnsw") else FLAT


def read_tag(folder: Path) -> dict | None:
    """The generation tag of the FAISS file in ``folder``, or None when absent or unreadable."""
    try:
        tag = json.loads((folder / TAG_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return tag if isinstance(tag, dict) else None


def load(folder: Path, generation: int, count: int):
    """The FAISS index of ``folder`` if it is tagged with ``generation`` and holds ``count`` vectors."""
    tag = read_tag(folder)
    if not tag or tag.get("generation") != generation or tag.get("count") != count:
        return None
    try:
        index = _faiss().read_index(str(folder / FAISS_FILE))
    except (RuntimeError, OSError):
        return None
    return index if index.ntotal == count else None


def _replace(path: Path, write) -> None:
    temporary = path.with_name(path.name + ".tmp")
    write(temporary)
    with open(temporary, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def save(folder: Path, index, generation: int) -> None:
    """Write ``index`` atomically, then its tag (a crash in between leaves a stale tag: rebuilt on open)."""
    faiss = _faiss()
    _replace(folder / FAISS_FILE, lambda p: faiss.write_index(index, str(p)))
    tag = {"generation": generation, "count": int(index.ntotal), "kind": kind_of(index)}
    _replace(folder / TAG_FILE, lambda p: p.write_text(json.dumps(tag), encoding="utf-8"))


def search(index, vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Scores and ids (-1 where fewer than ``k`` exist) of the ``k`` nearest vectors to each query."""
    if index.ntotal == 0 or k <= 0:
        empty = np.zeros((len(vectors), 0))
        return empty.astype(np.float32), empty.astype(np.int64)
    return index.search(np.ascontiguousarray(vectors, dtype=np.float32), min(k, index.ntotal))
