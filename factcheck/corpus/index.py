"""The corpus index: documents, passages and embeddings in SQLite, a derived FAISS file, BM25 by FTS5.

An index is a folder:

- ``index.sqlite``: the source of truth. ``meta`` (format version, embedding model and the sha256 of its
  weights, generation counter, corpus version), ``documents`` (text, metadata, content version, the
  generation at which it was last added or changed, the folder or file it was indexed from), ``passages``
  (document offsets, text, float32 embedding), ``removed`` (documents dropped, by generation) and
  ``passages_fts``, an FTS5 table over the passage text ranked with ``bm25()``. WAL mode: searches are
  never blocked by an indexer.
- ``dense.faiss`` + ``dense.json``: the FAISS index over the embeddings and the generation it matches
  (see :mod:`factcheck.corpus.dense`); rebuilt from SQLite whenever it is missing, stale or unreadable.
- ``index.lock``: held by the one process that is indexing.

Indexing is incremental: only new or changed documents (by content hash) are split and embedded, and
documents that disappeared from a folder indexed before are removed. All changes of one run are written
in a single SQLite transaction, committed at the end, so a crash or Ctrl-C leaves the previous index as it
was. Every change bumps the *generation*; each document records the generation of its last change, and the
*corpus version* is a hash of every document's id and version.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from filelock import FileLock, Timeout

from factcheck import sqlite
from factcheck.corpus import dense
from factcheck.corpus.encoder import MODEL_NAME, WEIGHTS_SHA256, TextEmbedder, index_embedder, shared_embedder
from factcheck.corpus.ingest import IngestResult, corpus_files, ingest
from factcheck.corpus.passages import split_passages
from factcheck.corpus.progress import embedding_progress
from factcheck.domain import Passage, SourceDocument
from factcheck.errors import CorpusIndexError, InputError
from factcheck.rules.lexicon import FUNCTION_WORDS
from factcheck.settings import BUNDLED_CORPUS, Settings, load_settings

INDEX_FILE = "index.sqlite"
LOCK_FILE = "index.lock"
SOURCE_STAMP_FILE = "source.stamp"
MODES = ("hybrid", "dense", "bm25")
MAX_QUERY_TERMS = 64


class IncompatibleIndexError(CorpusIndexError):
    """An index of a newer or older format, built with another model, or corrupted."""


class IndexLockedError(CorpusIndexError):
    """Another process is indexing into the same folder."""


Progress = Callable[[int, int], None]
"""``progress(done, total)``: called before embedding starts and after each batch."""

# Schema versions are ``PRAGMA user_version`` with ordered migrations (see ``factcheck.sqlite``): a change
# of the tables is one more entry here. ``meta.format_version`` repeats the version for earlier releases,
# which read only that, and for index files written before the schema carried a ``user_version``.
SCHEMA = sqlite.Schema(
    application_id=0x46434958,  # "FCIX"
    migrations=(
        """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT, url TEXT, date TEXT, path TEXT,
    root TEXT NOT NULL,
    text TEXT NOT NULL,
    version TEXT NOT NULL,
    generation INTEGER NOT NULL
);
CREATE TABLE passages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    embedding BLOB NOT NULL
);
CREATE INDEX passages_by_document ON passages(doc_id);
CREATE TABLE removed (doc_id TEXT NOT NULL, version TEXT NOT NULL, generation INTEGER NOT NULL);
CREATE VIRTUAL TABLE passages_fts USING fts5(
    text, content='passages', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER passages_added AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER passages_deleted AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
""",
    ),
)
FORMAT_VERSION = SCHEMA.version


@dataclass(frozen=True)
class IndexedDocument:
    """A document as stored in the index; ``generation`` is when it was last added or changed."""

    id: str
    title: str | None
    url: str | None
    date: str | None
    path: str | None
    root: str
    text: str
    version: str
    generation: int


@dataclass
class IndexReport:
    """What one indexing run did."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    passages: int = 0
    embedded: int = 0
    corpus_version: str = ""
    generation: int = 0
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for people."""
        return (
            f"{len(self.added)} added, {len(self.changed)} changed, {len(self.removed)} removed, "
            f"{self.unchanged} unchanged; {self.passages} passages ({self.embedded} embedded) "
            f"in {self.seconds:.1f} s; corpus version {self.corpus_version}"
        )


def corpus_version_of(versions: dict[str, str]) -> str:
    """A hash of the sorted (document id, version) pairs: changes whenever any document does."""
    digest = hashlib.sha256()
    for doc_id in sorted(versions):
        digest.update(f"{doc_id}\x1f{versions[doc_id]}\n".encode())
    return digest.hexdigest()[:16]


# Function words match nearly every passage: leaving them out of the BM25 query barely changes the
# ranking (their weight is near zero) but saves scoring almost the whole corpus for each query.
STOPWORDS = FUNCTION_WORDS


def fts_query(text: str) -> str | None:
    """An FTS5 query matching any word of ``text``; each word is quoted, so no input is FTS5 syntax.

    Stop words are left out unless the query has nothing else.
    """
    words = list(dict.fromkeys(re.findall(r"\w+", text.lower())))
    terms = [w for w in words if w not in STOPWORDS] or words
    return " OR ".join(f'"{term}"' for term in terms[:MAX_QUERY_TERMS]) if terms else None


def reciprocal_rank_fusion(rankings: Sequence[Sequence[int]], rrf_k: int = 60) -> list[tuple[int, float]]:
    """Ids ranked by the sum of ``1 / (rrf_k + rank)`` over the rankings (rank from 1), best first.

    Ties keep the order of first appearance, earlier rankings first.
    """
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (rrf_k + rank)
    return sorted(scores.items(), key=lambda pair: -pair[1])


def _connect(file: Path, read_only: bool) -> sqlite3.Connection:
    try:
        # Searches run on server threads too; CorpusIndex serialises them with its own lock.
        return sqlite.connect(file, read_only=read_only, busy_timeout=5.0, any_thread=True)
    except sqlite3.Error as exc:
        raise CorpusIndexError(f"{file}: cannot open the index ({exc})") from exc


def _read_meta(connection: sqlite3.Connection, file: Path) -> dict[str, str]:
    """The meta table, checked for format version and embedding model."""
    try:
        if sqlite.application_id(connection) not in (0, SCHEMA.application_id):
            raise IncompatibleIndexError(
                f"{file}: corrupted or not a factcheck index (another application's)"
            )
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        stamped = sqlite.user_version(connection)
    except sqlite3.DatabaseError as exc:
        raise IncompatibleIndexError(f"{file}: corrupted or not a factcheck index ({exc})") from exc
    try:
        version = max(stamped, int(meta["format_version"]))
        int(meta["generation"])
    except (KeyError, ValueError) as exc:
        raise IncompatibleIndexError(
            f"{file}: corrupted or not a factcheck index (no format version)"
        ) from exc
    if version > FORMAT_VERSION:
        raise IncompatibleIndexError(
            f"{file}: made by a newer factcheck (index format {version}, this one reads {FORMAT_VERSION}); "
            "upgrade factcheck or index into a new folder"
        )
    if version < FORMAT_VERSION:
        raise IncompatibleIndexError(
            f"{file}: old index format {version}; delete the folder and index the corpus again"
        )
    if meta.get("model_sha256") != WEIGHTS_SHA256:
        raise IncompatibleIndexError(
            f"{file}: built with a different embedding model ({meta.get('model_name')}, weights "
            f"{str(meta.get('model_sha256'))[:12]}...) than this factcheck uses ({MODEL_NAME}, "
            f"{WEIGHTS_SHA256[:12]}...); index the corpus again into a new folder"
        )
    return meta


def _lock(folder: Path, timeout: float) -> FileLock:
    return FileLock(str(folder / LOCK_FILE), timeout=timeout)


class CorpusIndex:
    """A searchable corpus index (see the module documentation for its layout)."""

    def __init__(self, folder: Path, connection: sqlite3.Connection, settings: Settings, embedder=None):
        self.folder = folder
        self.settings = settings
        self._connection = connection
        self._embedder = embedder
        self._dense = None
        self._mutex = threading.RLock()
        self._meta: dict[str, str] = {}

    @classmethod
    def open(cls, path: str | Path, settings: Settings | None = None, embedder=None) -> CorpusIndex:
        """Open the index in folder ``path`` for searching; a clear :class:`CorpusIndexError` otherwise."""
        folder = Path(path)
        file = folder / INDEX_FILE
        if not folder.is_dir():
            raise CorpusIndexError(
                f"{path}: no index folder here; build one with: factcheck index CORPUS --index {path}"
            )
        if not file.is_file():
            raise CorpusIndexError(
                f"{path}: not an index folder (no {INDEX_FILE}); build one with factcheck index"
            )
        connection = _connect(file, read_only=True)
        index = cls(folder, connection, settings or load_settings(), embedder)
        with index._guard():
            index._meta = _read_meta(connection, file)
            index._load_dense()
        return index

    # -- metadata ---------------------------------------------------------------------------------------

    @contextmanager
    def _guard(self) -> Iterator[None]:
        with self._mutex:
            try:
                yield
            except sqlite3.DatabaseError as exc:
                raise IncompatibleIndexError(f"{self.folder / INDEX_FILE}: corrupted index ({exc})") from exc

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self._guard():
            return self._connection.execute(sql, params).fetchall()

    def _meta_value(self, key: str) -> str | None:
        rows = self._query("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    @property
    def generation(self) -> int:
        """The index generation: incremented by every indexing run that changed something."""
        return int(self._meta_value("generation") or 0)

    @property
    def corpus_version(self) -> str:
        """A hash of every document's id and version."""
        return self._meta_value("corpus_version") or corpus_version_of({})

    @property
    def model_name(self) -> str:
        return self._meta_value("model_name") or ""

    @property
    def passage_count(self) -> int:
        return int(self._query("SELECT count(*) FROM passages")[0][0])

    @property
    def document_count(self) -> int:
        return int(self._query("SELECT count(*) FROM documents")[0][0])

    def document(self, doc_id: str) -> IndexedDocument | None:
        """The stored document ``doc_id``, or None."""
        rows = self._query(
            "SELECT id, title, url, date, path, root, text, version, generation FROM documents WHERE id = ?",
            (doc_id,),
        )
        return IndexedDocument(*rows[0]) if rows else None

    def document_versions(self) -> dict[str, str]:
        """Every document id with its content version."""
        return dict(self._query("SELECT id, version FROM documents"))

    def documents_changed_since(self, generation: int) -> set[str]:
        """Ids of the documents added or changed after ``generation``."""
        return {row[0] for row in self._query("SELECT id FROM documents WHERE generation > ?", (generation,))}

    def documents_removed_since(self, generation: int) -> set[str]:
        """Ids of the documents removed after ``generation`` (and not indexed again since)."""
        rows = self._query(
            "SELECT doc_id FROM removed WHERE generation > ? AND doc_id NOT IN (SELECT id FROM documents)",
            (generation,),
        )
        return {row[0] for row in rows}

    # -- dense index ------------------------------------------------------------------------------------

    def _stored_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        rows = self._query("SELECT id, embedding FROM passages ORDER BY id")
        dimension = int(self._meta_value("dimension") or 384)
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        vectors = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), dimension)
        return ids, vectors

    def _dense_kind(self, count: int) -> str:
        wanted = self._meta_value("approximate") == "1" or count > self.settings.approximate_above
        return dense.HNSW if wanted else dense.FLAT

    def _current_dense(self, generation: int, count: int):
        """The FAISS file if it matches ``generation``, ``count`` and the wanted kind, else None."""
        index = dense.load(self.folder, generation, count)
        if index is None or dense.kind_of(index) != self._dense_kind(count):
            return None
        return index

    def _load_dense(self) -> None:
        """Load ``dense.faiss`` if it matches this generation; otherwise rebuild it from SQLite."""
        index = self._current_dense(self.generation, self.passage_count)
        if index is None:
            index = self._rebuild_dense(persist=True)
        dense.set_ef_search(index, self.settings.hnsw_ef_search)
        self._dense = index

    def _rebuild_dense(self, persist: bool):
        """A FAISS index built from the stored embeddings; saved when no indexer holds the lock."""

        def build():
            ids, vectors = self._stored_vectors()
            return dense.build(ids, vectors, vectors.shape[1], self._dense_kind(len(ids))), self.generation

        if not persist:
            return build()[0]
        try:
            with _lock(self.folder, timeout=0):
                index, generation = build()
                dense.save(self.folder, index, generation)
                return index
        except (Timeout, OSError):
            return build()[0]

    # -- search -----------------------------------------------------------------------------------------

    def _embedder_or_shared(self):
        if self._embedder is None:
            self._embedder = shared_embedder()
        return self._embedder

    def _passages(self, ids: Sequence[int]) -> dict[int, Passage]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._query(
            'SELECT p.id, p.doc_id, p.start, p."end", p.text, d.title, d.version FROM passages p '
            f"JOIN documents d ON d.id = p.doc_id WHERE p.id IN ({marks})",
            [int(i) for i in ids],
        )
        return {r[0]: Passage(r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows}

    def passages_of(self, doc_id: str) -> list[Passage]:
        """Every passage of document ``doc_id``, in document order."""
        rows = self._query(
            'SELECT p.doc_id, p.start, p."end", p.text, d.title, d.version FROM passages p '
            "JOIN documents d ON d.id = p.doc_id WHERE p.doc_id = ? ORDER BY p.start",
            (doc_id,),
        )
        return [Passage(*row) for row in rows]

    def passage(self, passage_id: int) -> Passage | None:
        """One passage by its id."""
        return self._passages([passage_id]).get(passage_id)

    def _dense_rankings(self, queries: Sequence[str], k: int) -> list[list[tuple[int, float]]]:
        vectors = self._embedder_or_shared().embed(list(queries), batch_size=self.settings.embed_batch_size)
        with self._mutex:
            scores, ids = dense.search(self._dense, vectors, k)
        return [
            [(int(i), float(s)) for i, s in zip(row_ids, row_scores, strict=True) if i >= 0]
            for row_ids, row_scores in zip(ids, scores, strict=True)
        ]

    def _bm25_ranking(self, query: str, k: int) -> list[tuple[int, float]]:
        expression = fts_query(query)
        if expression is None or k <= 0:
            return []
        rows = self._query(
            "SELECT rowid, bm25(passages_fts) AS score FROM passages_fts WHERE passages_fts MATCH ? "
            "ORDER BY score LIMIT ?",
            (expression, k),
        )
        return [(int(r[0]), -float(r[1])) for r in rows]

    def search(self, query: str, k: int = 5, mode: str = "hybrid") -> list[Passage]:
        """The ``k`` best passages for ``query`` (``mode``: hybrid, dense or bm25), best first."""
        return self.search_many([query], k=k, mode=mode)[0]

    def search_many(self, queries: Sequence[str], k: int = 5, mode: str = "hybrid") -> list[list[Passage]]:
        """:meth:`search` for several queries; the queries are embedded in one batch.

        ``Passage.score`` is the cosine similarity (dense), the BM25 score (bm25) or the reciprocal rank
        fusion score (hybrid).
        """
        if mode not in MODES:
            raise InputError(f"unknown search mode {mode!r} (use {', '.join(MODES)})")
        queries = list(queries)
        if not queries:
            return []
        if k <= 0:
            return [[] for _ in queries]
        usable = [bool(q.strip()) for q in queries]
        dense_rankings: list[list[tuple[int, float]]] = [[] for _ in queries]
        if mode != "bm25":
            wanted = [q for q, ok in zip(queries, usable, strict=True) if ok]
            depth = k if mode == "dense" else max(k, self.settings.dense_k)
            found = iter(self._dense_rankings(wanted, depth) if wanted else [])
            dense_rankings = [next(found) if ok else [] for ok in usable]
        results: list[list[tuple[int, float]]] = []
        for query, ranking in zip(queries, dense_rankings, strict=True):
            if mode == "dense":
                results.append(ranking[:k])
                continue
            sparse = self._bm25_ranking(query, k if mode == "bm25" else max(k, self.settings.bm25_k))
            if mode == "bm25":
                results.append(sparse)
                continue
            fused = reciprocal_rank_fusion(
                [[i for i, _ in ranking], [i for i, _ in sparse]], rrf_k=self.settings.rrf_k
            )
            results.append(fused[:k])
        found_passages = self._passages(sorted({i for ranked in results for i, _ in ranked}))
        return [
            [_with_score(found_passages[i], score) for i, score in ranked if i in found_passages]
            for ranked in results
        ]

    def close(self) -> None:
        """Release the database connection."""
        with self._mutex:
            self._connection.close()

    def __enter__(self) -> CorpusIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _with_score(passage: Passage, score: float) -> Passage:
    return replace(passage, score=float(score))


# -- building -------------------------------------------------------------------------------------------


def _create_schema(connection: sqlite3.Connection) -> None:
    """The tables and the ``meta`` rows of a new index, in one transaction."""
    sqlite.use_wal(connection)
    with sqlite.transaction(connection):
        SCHEMA.apply(connection)
        meta = {
            "format_version": str(FORMAT_VERSION),
            "model_name": MODEL_NAME,
            "model_sha256": WEIGHTS_SHA256,
            "dimension": str(TextEmbedder.dimension),
            "generation": "0",
            "corpus_version": corpus_version_of({}),
            "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        connection.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", meta.items())


def _open_for_writing(folder: Path) -> sqlite3.Connection:
    file = folder / INDEX_FILE
    fresh = not file.exists() or file.stat().st_size == 0
    connection = _connect(file, read_only=False)
    try:
        if fresh:
            _create_schema(connection)
        _read_meta(connection, file)
    except BaseException:
        connection.close()
        raise
    return connection


def _insert_passages(
    connection: sqlite3.Connection, rows: Sequence[tuple[str, int, int, str, bytes]]
) -> list[int]:
    """Insert passage rows (doc_id, start, end, text, embedding); their new ids in order."""
    ids = []
    for row in rows:
        cursor = connection.execute(
            'INSERT INTO passages(doc_id, start, "end", text, embedding) VALUES (?, ?, ?, ?, ?)', row
        )
        ids.append(int(cursor.lastrowid))
    return ids


def _embed(texts: list[str], embedder, batch_size: int, progress: Progress | None) -> np.ndarray:
    if progress is not None:
        progress(0, len(texts))
    if not texts:
        return np.zeros((0, TextEmbedder.dimension), dtype=np.float32)
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, len(texts))

    return embedder.embed(texts, batch_size=batch_size, progress=advance)


def build_index(
    paths: Sequence[str | Path],
    index_dir: str | Path,
    settings: Settings | None = None,
    progress: Progress | None = None,
    approximate: bool = False,
    embedder=None,
) -> IndexReport:
    """Index the files and folders ``paths`` into ``index_dir`` (created if needed), incrementally.

    Raises :class:`InputError` for bad input (nothing is written then) and :class:`CorpusIndexError` when
    the folder holds an incompatible index or another process is indexing into it.
    """
    started = time.perf_counter()
    settings = settings or load_settings()
    ingested = ingest(paths, max_bytes=settings.max_input_bytes)
    folder = Path(index_dir)
    if folder.exists() and not folder.is_dir():
        raise CorpusIndexError(f"{index_dir}: exists and is not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CorpusIndexError(f"{index_dir}: cannot create the index folder ({exc.strerror})") from exc
    try:
        lock = _lock(folder, settings.index_lock_timeout)
        lock.acquire()
    except Timeout as exc:
        raise IndexLockedError(
            f"{index_dir}: another process is indexing into this folder (waited "
            f"{settings.index_lock_timeout:g} s); try again when it has finished"
        ) from exc
    except OSError as exc:
        raise CorpusIndexError(f"{index_dir}: cannot lock the index folder ({exc.strerror})") from exc
    try:
        report = _build_locked(folder, ingested, settings, progress, approximate, embedder)
    finally:
        lock.release()
    report.warnings = list(ingested.warnings)
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class _Changes:
    """What one indexing run writes, worked out from the stored documents and the ingested ones."""

    ingested: IngestResult
    stored: dict[str, tuple[str, str, str | None]]  # id -> (version, root, path) as indexed before
    generation: int  # the generation before this run
    added: list[str]
    changed: list[str]
    removed: list[str]
    relocated: list[str]  # same content, indexed from another folder or file
    pieces: list[tuple[str, int, int, str]] = field(default_factory=list)  # (doc id, start, end, text)

    @property
    def documents(self) -> dict[str, SourceDocument]:
        return {d.id: d for d in self.ingested.documents}

    @property
    def fresh(self) -> list[str]:
        """Documents to split and embed: new or changed."""
        return self.added + self.changed

    @property
    def new_generation(self) -> int:
        return self.generation + 1 if self.fresh or self.removed else self.generation


def _plan_changes(connection: sqlite3.Connection, ingested: IngestResult) -> _Changes:
    """Compare the ingested documents with the stored ones (by content version, folder and path)."""
    stored = {
        row[0]: (row[1], row[2], row[3])
        for row in connection.execute("SELECT id, version, root, path FROM documents")
    }
    generation = int(connection.execute("SELECT value FROM meta WHERE key='generation'").fetchone()[0])
    current = {d.id: d for d in ingested.documents}
    given = set(ingested.given_roots)
    return _Changes(
        ingested=ingested,
        stored=stored,
        generation=generation,
        added=[i for i in current if i not in stored],
        changed=[i for i in current if i in stored and stored[i][0] != current[i].version],
        removed=sorted(i for i, (_, root, _) in stored.items() if root in given and i not in current),
        relocated=[
            i
            for i in current
            if i in stored
            and stored[i][0] == current[i].version
            and (stored[i][1], stored[i][2]) != (ingested.roots[i], current[i].path)
        ],
    )


def _split_fresh(changes: _Changes, settings: Settings) -> None:
    """The passages of every new or changed document."""
    documents = changes.documents
    for doc_id in changes.fresh:
        spans = split_passages(
            documents[doc_id].text,
            settings.passage_sentences,
            settings.passage_overlap,
            settings.passage_max_chars,
        )
        changes.pieces.extend((doc_id, s.start, s.end, s.text) for s in spans)


def _drop_documents(connection: sqlite3.Connection, changes: _Changes) -> list[int]:
    """Delete the passages of changed and removed documents and the removed documents; the passage ids."""
    dropped: list[int] = []
    for doc_id in changes.changed + changes.removed:
        dropped.extend(
            r[0] for r in connection.execute("SELECT id FROM passages WHERE doc_id = ?", (doc_id,))
        )
        connection.execute("DELETE FROM passages WHERE doc_id = ?", (doc_id,))
    connection.executemany(
        "INSERT INTO removed(doc_id, version, generation) VALUES (?, ?, ?)",
        [(i, changes.stored[i][0], changes.new_generation) for i in changes.removed],
    )
    connection.executemany("DELETE FROM documents WHERE id = ?", [(i,) for i in changes.removed])
    return dropped


def _store_documents(connection: sqlite3.Connection, changes: _Changes) -> None:
    """Insert or update the new and changed documents; move the relocated ones."""
    documents, roots = changes.documents, changes.ingested.roots
    connection.executemany(
        "INSERT INTO documents(id, title, url, date, path, root, text, version, generation) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET title=excluded.title, "
        "url=excluded.url, date=excluded.date, path=excluded.path, root=excluded.root, "
        "text=excluded.text, version=excluded.version, generation=excluded.generation",
        [
            (d.id, d.title, d.url, d.date, d.path, roots[d.id], d.text, d.version, changes.new_generation)
            for d in (documents[i] for i in changes.fresh)
        ],
    )
    connection.executemany(
        "UPDATE documents SET root = ?, path = ? WHERE id = ?",
        [(roots[i], documents[i].path, i) for i in changes.relocated],
    )


def _store_meta(connection: sqlite3.Connection, changes: _Changes, approximate: bool) -> None:
    """The new generation and corpus version (and the request for approximate search)."""
    versions = dict(connection.execute("SELECT id, version FROM documents").fetchall())
    meta = {"generation": str(changes.new_generation), "corpus_version": corpus_version_of(versions)}
    if approximate:
        meta["approximate"] = "1"
    connection.executemany(
        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        meta.items(),
    )


def _write_changes(
    connection: sqlite3.Connection, changes: _Changes, vectors: np.ndarray, approximate: bool
) -> tuple[list[int], list[int]]:
    """Every change of the run in one transaction; the passage ids dropped and added."""
    approximate_before = connection.execute("SELECT value FROM meta WHERE key='approximate'").fetchone()
    if not (
        changes.fresh or changes.removed or changes.relocated or (approximate and not approximate_before)
    ):
        return [], []
    rows = [
        (*piece, vector.astype(np.float32).tobytes())
        for piece, vector in zip(changes.pieces, vectors, strict=True)
    ]
    with sqlite.transaction(connection):
        dropped = _drop_documents(connection, changes)
        _store_documents(connection, changes)
        added = _insert_passages(connection, rows)
        _store_meta(connection, changes, approximate)
    return dropped, added


def _build_locked(
    folder: Path, ingested: IngestResult, settings: Settings, progress, approximate: bool, embedder
) -> IndexReport:
    """One indexing run with the index lock held: plan, split, embed, write, then update the FAISS file."""
    connection = _open_for_writing(folder)
    try:
        changes = _plan_changes(connection, ingested)
        _split_fresh(changes, settings)
        if changes.pieces and embedder is None:
            embedder = index_embedder(settings.index_encoder)
        texts = [piece[3] for piece in changes.pieces]
        vectors = _embed(texts, embedder, settings.embed_batch_size, progress)
        dropped, added = _write_changes(connection, changes, vectors, approximate)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    report = IndexReport(
        added=changes.added,
        changed=changes.changed,
        removed=changes.removed,
        unchanged=len(ingested.documents) - len(changes.added) - len(changes.changed),
        embedded=len(changes.pieces),
    )
    # The FAISS file follows the committed SQLite state; a crash from here on is repaired at open.
    index = CorpusIndex(folder, _connect(folder / INDEX_FILE, read_only=True), settings, embedder)
    try:
        _update_dense(index, changes.generation, dropped, added, vectors)
        report.passages = index.passage_count
        report.corpus_version = index.corpus_version
        report.generation = index.generation
    finally:
        index.close()
    return report


def _update_dense(
    index: CorpusIndex, old_generation: int, dropped: list[int], added: list[int], vectors
) -> None:
    """Bring the FAISS file up to the committed generation: patch the previous one, or rebuild it.

    Called with the index lock held. An exact index is patched in place (remove + add); HNSW cannot remove
    vectors, so removals rebuild it from the stored embeddings.
    """
    generation, count = index.generation, index.passage_count
    current = index._current_dense(generation, count)
    if current is None:
        previous = dense.load(index.folder, old_generation, count - len(added) + len(dropped))
        kind = index._dense_kind(count)
        if previous is not None and dense.kind_of(previous) == kind and (kind == dense.FLAT or not dropped):
            if dropped:
                previous.remove_ids(np.asarray(dropped, dtype=np.int64))
            if added:
                previous.add_with_ids(
                    np.ascontiguousarray(vectors, dtype=np.float32), np.asarray(added, dtype=np.int64)
                )
            current = previous
        else:
            ids, stored = index._stored_vectors()
            current = dense.build(ids, stored, stored.shape[1], kind)
        dense.save(index.folder, current, generation)
    dense.set_ef_search(current, index.settings.hnsw_ef_search)
    index._dense = current


# -- the default index ----------------------------------------------------------------------------------


def default_index_dir(settings: Settings, index_arg: str | None = None) -> Path:
    """Where to find the index: ``--index``, else ``FACTCHECK_INDEX``, else the bundled corpus's cache."""
    if index_arg:
        return Path(index_arg)
    if settings.index:
        return Path(settings.index)
    return settings.default_index_dir


def _bundled_stamp(corpus: Path) -> str:
    """A cheap fingerprint of the bundled corpus files (names, sizes, modification times), the index
    format and the embedding model."""
    digest = hashlib.sha256(f"{FORMAT_VERSION}\x1f{WEIGHTS_SHA256}\n".encode())
    for file in corpus_files(corpus):
        info = file.stat()
        digest.update(
            f"{file.relative_to(corpus).as_posix()}\x1f{info.st_size}\x1f{info.st_mtime_ns}\n".encode()
        )
    return digest.hexdigest()


def ensure_index(
    settings: Settings | None = None,
    index_arg: str | None = None,
    quiet: bool = False,
    progress: Progress | None = None,
    embedder=None,
) -> Path:
    """The folder of the index to search.

    The one named by ``--index`` (``index_arg``) or ``FACTCHECK_INDEX`` is returned as it is (opening it
    reports a missing or incompatible index). Otherwise it is the bundled demo corpus's index in the user
    cache, built on first use and brought up to date (incrementally) when the bundled files changed, with a
    progress bar on stderr unless ``quiet`` (or with ``progress``, when given).
    """
    settings = settings or load_settings()
    folder = default_index_dir(settings, index_arg)
    if index_arg or settings.index:
        return folder
    corpus = BUNDLED_CORPUS
    if not corpus.is_dir():
        raise CorpusIndexError(
            "no index given (use --index DIR or FACTCHECK_INDEX) and the bundled demo corpus is not installed"
        )
    stamp = _bundled_stamp(corpus)
    stamp_file = folder / SOURCE_STAMP_FILE
    try:
        if stamp_file.read_text(encoding="utf-8") == stamp and (folder / INDEX_FILE).is_file():
            return folder
    except OSError:
        pass  # not built yet: build it below
    with embedding_progress(quiet=quiet, label="Indexing the demo corpus") as bar:
        report = progress or bar
        try:
            build_index([corpus], folder, settings, progress=report, embedder=embedder)
        except IncompatibleIndexError:
            # The cache holds an index this version cannot use: it is only a cache, so start it afresh.
            for name in (
                INDEX_FILE,
                f"{INDEX_FILE}-wal",
                f"{INDEX_FILE}-shm",
                dense.FAISS_FILE,
                dense.TAG_FILE,
            ):
                (folder / name).unlink(missing_ok=True)
            build_index([corpus], folder, settings, progress=report, embedder=embedder)
    stamp_file.write_text(stamp, encoding="utf-8")
    return folder
