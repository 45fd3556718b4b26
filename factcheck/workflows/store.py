"""The claim store: every checked draft, its claims and the full, append-only history of their verdicts.

One SQLite file (WAL mode, so readers never block the writer). Its schema carries a version
(``PRAGMA user_version``); the ordered ``MIGRATIONS`` below bring an older store up to date in one
transaction when it is opened. A store written by a newer factcheck, or a file that is not a claim store,
is refused with a clear error and left untouched.

A claim that appears in several drafts is one ``claims`` row (its id is the hash of its normalised text)
with one ``occurrences`` row per draft. Verdicts are never updated or deleted (triggers enforce it): each
check or re-check appends a row that records the label, confidence, reason, the evidence (document id,
document version and offsets) and the corpus version and index generation it was made against.

Editors' decisions on claims (confirmed, verdict wrong with the right label, needs reporting, a note) are an
append-only history too: who (the name the editor gave), when, and the verdict they looked at. A re-check
appends a ``flagged`` entry when a document behind a confirmed claim changed.
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from factcheck import sqlite
from factcheck.domain import Claim, Label, Verdict, content_hash
from factcheck.errors import InputError, StoreError

# Marks a SQLite file as a factcheck claim store ("FCK1").
APPLICATION_ID = 0x46434B31

# Ordered migrations: MIGRATIONS[i] brings a store from schema version i to i + 1.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: drafts, claims, their occurrences and the verdict history.
    (
        """CREATE TABLE drafts (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            checked_at TEXT NOT NULL,
            UNIQUE (path, content_hash)
        )""",
        """CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            text TEXT NOT NULL,
            first_seen TEXT NOT NULL
        )""",
        """CREATE TABLE occurrences (
            claim_id TEXT NOT NULL REFERENCES claims (id),
            draft_id INTEGER NOT NULL REFERENCES drafts (id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            sentence INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (claim_id, draft_id, start)
        )""",
        """CREATE TABLE verdicts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            claim_id TEXT NOT NULL REFERENCES claims (id),
            label TEXT NOT NULL,
            confidence REAL NOT NULL,
            reason TEXT NOT NULL,
            evidence TEXT NOT NULL,
            corpus_version TEXT,
            generation INTEGER,
            made_at TEXT NOT NULL
        )""",
        "CREATE INDEX verdicts_by_claim ON verdicts (claim_id, id)",
    ),
    # 2: runs (a check or a re-check) so that an interrupted re-check can be resumed and reported whole;
    # the verdict history is made append-only.
    (
        """CREATE TABLE runs (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            corpus_version TEXT,
            generation INTEGER,
            draft_id INTEGER REFERENCES drafts (id)
        )""",
        "ALTER TABLE verdicts ADD COLUMN run_id TEXT REFERENCES runs (id)",
        "ALTER TABLE verdicts ADD COLUMN probabilities TEXT",
        "CREATE INDEX verdicts_by_run ON verdicts (run_id)",
        "CREATE INDEX occurrences_by_draft ON occurrences (draft_id)",
        """CREATE TRIGGER verdicts_no_update BEFORE UPDATE ON verdicts
           BEGIN SELECT RAISE(ABORT, 'the verdict history is append-only'); END""",
        """CREATE TRIGGER verdicts_no_delete BEFORE DELETE ON verdicts
           BEGIN SELECT RAISE(ABORT, 'the verdict history is append-only'); END""",
    ),
    # 3: reviews: a re-check found the claim unaffected by the corpus at this version (its verdict stands),
    # so the next re-check only looks at what changed after that.
    (
        """CREATE TABLE reviews (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            claim_id TEXT NOT NULL REFERENCES claims (id),
            corpus_version TEXT,
            generation INTEGER,
            reviewed_at TEXT NOT NULL,
            run_id TEXT REFERENCES runs (id)
        )""",
        "CREATE INDEX reviews_by_claim ON reviews (claim_id, id)",
    ),
    # 4: editors' decisions, append-only: confirmed, verdict wrong (with the right label), needs reporting,
    # a note; and ``flagged``, written by a re-check when a document behind a settled claim changed.
    (
        """CREATE TABLE decisions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            claim_id TEXT NOT NULL REFERENCES claims (id),
            verdict_id INTEGER REFERENCES verdicts (id),
            kind TEXT NOT NULL
                CHECK (kind IN ('confirmed', 'wrong', 'needs_reporting', 'note', 'flagged')),
            label TEXT,
            note TEXT,
            editor TEXT NOT NULL,
            made_at TEXT NOT NULL,
            run_id TEXT REFERENCES runs (id)
        )""",
        "CREATE INDEX decisions_by_claim ON decisions (claim_id, id)",
        """CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
           BEGIN SELECT RAISE(ABORT, 'the decision history is append-only'); END""",
        """CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
           BEGIN SELECT RAISE(ABORT, 'the decision history is append-only'); END""",
    ),
)
SCHEMA = sqlite.Schema(APPLICATION_ID, MIGRATIONS)
SCHEMA_VERSION = SCHEMA.version


def utc_now() -> str:
    """The current time as a sortable ISO 8601 UTC string."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def parse_since(value: str, now: datetime | None = None) -> str:
    """Reads ``2026-11-20``, an ISO date-time, or an age (``36h``, ``7d``, ``2w``) into a stored timestamp."""
    text = value.strip()
    match = re.fullmatch(r"(\d+)\s*([hdw])", text.lower())
    if match:
        amount, unit = int(match.group(1)), match.group(2)
        hours = {"h": 1, "d": 24, "w": 24 * 7}[unit] * amount
        delta = timedelta(hours=hours)
        return ((now or datetime.now(UTC)) - delta).isoformat(timespec="microseconds")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(
            f"--since {value!r}: expected a date (2026-11-20), an ISO date-time, or an age such as 36h or 7d"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class StoredVerdict:
    """One row of a claim's verdict history."""

    id: int
    claim_id: str
    text: str
    label: str
    confidence: float
    reason: str
    evidence: list[dict[str, Any]]
    corpus_version: str | None
    generation: int | None
    made_at: str
    run_id: str | None
    probabilities: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "claim_id": self.claim_id,
            "text": self.text,
            "label": self.label,
            "confidence": round(self.confidence, 4),
            "reason": self.reason,
            "evidence": self.evidence,
            "corpus_version": self.corpus_version,
            "generation": self.generation,
            "made_at": self.made_at,
            "run_id": self.run_id,
        }


@dataclass(frozen=True)
class Occurrence:
    """Where a claim was found: a draft (path and content hash) and the span of it."""

    draft_id: int
    path: str
    content_hash: str
    checked_at: str
    start: int
    end: int
    sentence: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "path": self.path,
            "content_hash": self.content_hash,
            "checked_at": self.checked_at,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Review:
    """A re-check found the claim's verdict unaffected by the corpus at this version."""

    claim_id: str
    corpus_version: str | None
    generation: int | None
    reviewed_at: str
    run_id: str | None


# What an editor can decide about a claim; ``flagged`` is written by a re-check, never by an editor.
DECISION_KINDS = ("confirmed", "wrong", "needs_reporting", "note")
FLAGGED = "flagged"
# Decisions that settle a claim's label: a re-check flags them when a document behind them changes.
SETTLED_KINDS = ("confirmed", "wrong")
MAX_EDITOR_CHARS = 80
MAX_NOTE_CHARS = 2_000


@dataclass(frozen=True)
class Decision:
    """One entry of a claim's decision history.

    ``label``: for ``wrong``, the label the editor says is right; for ``confirmed``, the verdict's label
    they confirmed; for ``flagged``, the latest verdict's label when the re-check flagged it.
    ``verdict_id`` is the verdict the decision was made on (its evidence is what was confirmed).
    """

    id: int
    claim_id: str
    kind: str
    label: str | None
    note: str | None
    editor: str
    made_at: str
    verdict_id: int | None
    run_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "kind": self.kind,
            "label": self.label,
            "note": self.note,
            "editor": self.editor,
            "made_at": self.made_at,
            "verdict_id": self.verdict_id,
            "run_id": self.run_id,
        }


_DECISION_COLUMNS = "id, claim_id, kind, label, note, editor, made_at, verdict_id, run_id"


def _clean_line(value: str | None, limit: int, what: str) -> str | None:
    """``value`` stripped, refused when longer than ``limit`` or (for names) holding control characters."""
    if value is None:
        return None
    text = value.replace("\r\n", "\n").strip()
    if len(text) > limit:
        raise InputError(f"{what} is {len(text)} characters long; at most {limit} are kept")
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
        raise InputError(f"{what} holds control characters")
    return text or None


@dataclass(frozen=True)
class StoredClaim:
    """A claim with its occurrences and (for ``show``) its verdict history, oldest first."""

    id: str
    text: str
    first_seen: str
    latest: StoredVerdict | None
    occurrences: list[Occurrence] = field(default_factory=list)
    history: list[StoredVerdict] = field(default_factory=list)
    review: Review | None = None
    decisions: list[Decision] = field(default_factory=list)

    def to_claim(self) -> Claim:
        """The claim as the pipeline's ``Claim``, located at its most recent occurrence."""
        where = self.occurrences[-1] if self.occurrences else None
        return Claim(
            id=self.id,
            text=self.text,
            start=where.start if where else 0,
            end=where.end if where else len(self.text),
            sentence=where.sentence if where else 0,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "id": self.id,
            "text": self.text,
            "first_seen": self.first_seen,
            "label": self.latest.label if self.latest else None,
            "confidence": round(self.latest.confidence, 4) if self.latest else None,
            "checked_at": self.latest.made_at if self.latest else None,
            "occurrences": [o.to_dict() for o in self.occurrences],
            "history": [v.to_dict() for v in self.history],
            "decisions": [d.to_dict() for d in self.decisions],
        }


@dataclass(frozen=True)
class Run:
    """One check or re-check that wrote verdicts."""

    id: str
    kind: str
    started_at: str
    finished_at: str | None
    corpus_version: str | None
    generation: int | None


_VERDICT_COLUMNS = (
    "v.id, v.claim_id, c.text, v.label, v.confidence, v.reason, v.evidence, v.corpus_version, "
    "v.generation, v.made_at, v.run_id, v.probabilities"
)


def _verdict_from_row(row: Sequence[Any]) -> StoredVerdict:
    return StoredVerdict(
        id=row[0],
        claim_id=row[1],
        text=row[2],
        label=row[3],
        confidence=float(row[4]),
        reason=row[5],
        evidence=json.loads(row[6]),
        corpus_version=row[7],
        generation=row[8],
        made_at=row[9],
        run_id=row[10],
        probabilities=json.loads(row[11]) if row[11] else {},
    )


def evidence_records(verdict: Verdict) -> list[dict[str, Any]]:
    """The evidence of a verdict as stored: document id and version, offsets, the quoted text, stance."""
    return [e.to_dict() for e in verdict.evidence]


class ClaimStore:
    """A claim store opened on one SQLite file. Use ``ClaimStore.open(path)``; close it (or use ``with``)."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection

    # -- opening -------------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, create: bool = True) -> ClaimStore:
        """Opens (and, when ``create``, creates) a store, migrating an older schema to the current one.

        Raises ``StoreError`` for a missing store when ``create`` is false, for a file that is not a
        SQLite claim store or is corrupted, and for a store written by a newer factcheck (left untouched).
        """
        path = Path(path).expanduser()
        if path.is_dir():
            raise StoreError(f"{path}: is a folder, not a claim store file")
        if not path.exists():
            if not create:
                raise StoreError(f"{path}: no claim store here (record one with `factcheck check --store`)")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{path}: cannot create the claim store's folder ({exc.strerror})") from exc
        try:
            connection = sqlite.connect(path, busy_timeout=30.0)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot open the claim store ({exc})") from exc
        store = cls(path, connection)
        try:
            store._prepare()
        except sqlite3.DatabaseError as exc:
            connection.close()
            raise StoreError(f"{path}: not a readable claim store (corrupted or not SQLite: {exc})") from exc
        except StoreError:
            connection.close()
            raise
        return store

    def _prepare(self) -> None:
        db = self._db
        # Read-only inspection first: a store we must refuse is never written to.
        version = sqlite.user_version(db)
        if sqlite.application_id(db) not in (0, APPLICATION_ID):
            raise StoreError(f"{self.path}: a SQLite file of another application, not a claim store")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: claim store schema version {version} is newer than this factcheck supports "
                f"({SCHEMA_VERSION}); upgrade factcheck to use it"
            )
        if SCHEMA.foreign(db):
            raise StoreError(f"{self.path}: a SQLite database that is not a claim store")
        sqlite.use_wal(db)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = NORMAL")
        if version < SCHEMA_VERSION:
            SCHEMA.migrate(db, self._write_error)

    @property
    def schema_version(self) -> int:
        """The schema version of the open store."""
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        """Closes the connection."""
        self._db.close()

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write_error(self, phase: str, exc: sqlite3.Error) -> StoreError:
        if phase == "begin":
            return StoreError(f"{self.path}: the claim store is busy or read-only ({exc})")
        return StoreError(f"{self.path}: cannot write the claim store ({exc})")

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        return sqlite.transaction(self._db, self._write_error)

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot read the claim store ({exc})") from exc

    # -- writing -------------------------------------------------------------------------------------

    def start_run(
        self, kind: str, corpus_version: str | None, generation: int | None, draft_id: int | None = None
    ) -> str:
        """Records the start of a check or re-check and returns its run id."""
        run_id = uuid.uuid4().hex
        with self._transaction() as db:
            db.execute(
                "INSERT INTO runs (id, kind, started_at, corpus_version, generation, draft_id) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (run_id, kind, utc_now(), corpus_version, generation, draft_id),
            )
        return run_id

    def finish_run(self, run_id: str) -> None:
        """Marks a run as complete (an unfinished run is one that was interrupted)."""
        with self._transaction() as db:
            db.execute(
                "UPDATE runs SET finished_at = ? WHERE id = ? AND finished_at IS NULL", (utc_now(), run_id)
            )

    def unfinished_run(self, kind: str, corpus_version: str | None) -> Run | None:
        """The latest interrupted run of this kind against this corpus version, if any."""
        rows = self._query(
            "SELECT id, kind, started_at, finished_at, corpus_version, generation FROM runs "
            "WHERE kind = ? AND corpus_version IS ? AND finished_at IS NULL ORDER BY started_at DESC LIMIT 1",
            (kind, corpus_version),
        )
        return Run(*rows[0]) if rows else None

    def unfinished_runs(self, kinds: Sequence[str]) -> list[Run]:
        """Every interrupted run of these kinds, oldest first."""
        marks = ", ".join("?" for _ in kinds)
        rows = self._query(
            "SELECT id, kind, started_at, finished_at, corpus_version, generation FROM runs "
            f"WHERE kind IN ({marks}) AND finished_at IS NULL ORDER BY started_at",
            tuple(kinds),
        )
        return [Run(*row) for row in rows]

    def run(self, run_id: str) -> Run | None:
        """One run by id."""
        rows = self._query(
            "SELECT id, kind, started_at, finished_at, corpus_version, generation FROM runs WHERE id = ?",
            (run_id,),
        )
        return Run(*rows[0]) if rows else None

    def record_check(
        self,
        draft_path: str | Path,
        draft_text: str,
        verdicts: Iterable[Verdict],
        corpus_version: str | None,
        generation: int | None,
        source_is_path: bool = True,
    ) -> str:
        """Records one checked draft: the draft, its claims and where they occur, and their verdicts.

        All in one transaction. Returns the run id under which the verdicts were stored. With
        ``source_is_path=False`` the draft's name (a pasted or uploaded draft) is stored as given.
        """
        verdicts = list(verdicts)
        keep = str(draft_path) == "-" or not source_is_path
        path = str(draft_path) if keep else str(Path(draft_path).expanduser().resolve())
        now = utc_now()
        run_id = uuid.uuid4().hex
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO drafts (path, content_hash, checked_at) VALUES (?, ?, ?)",
                (path, content_hash(draft_text), now),
            )
            draft_id = db.execute(
                "SELECT id FROM drafts WHERE path = ? AND content_hash = ?", (path, content_hash(draft_text))
            ).fetchone()[0]
            db.execute(
                "INSERT INTO runs (id, kind, started_at, finished_at, corpus_version, generation, draft_id) "
                "VALUES (?, 'check', ?, ?, ?, ?, ?)",
                (run_id, now, now, corpus_version, generation, draft_id),
            )
            for verdict in verdicts:
                claim = verdict.claim
                db.execute(
                    "INSERT OR IGNORE INTO claims (id, text, first_seen) VALUES (?, ?, ?)",
                    (claim.id, claim.text, now),
                )
                db.execute(
                    'INSERT OR IGNORE INTO occurrences (claim_id, draft_id, start, "end", sentence) '
                    "VALUES (?, ?, ?, ?, ?)",
                    (claim.id, draft_id, claim.start, claim.end, claim.sentence),
                )
                self._insert_verdict(db, verdict, corpus_version, generation, run_id, now)
        return run_id

    def record_verdicts(
        self, verdicts: Iterable[Verdict], corpus_version: str | None, generation: int | None, run_id: str
    ) -> None:
        """Appends new verdicts on already stored claims (a re-check batch), in one transaction."""
        now = utc_now()
        with self._transaction() as db:
            for verdict in verdicts:
                known = db.execute("SELECT 1 FROM claims WHERE id = ?", (verdict.claim.id,)).fetchone()
                if known is None:
                    raise StoreError(f"claim {verdict.claim.id} is not in the claim store")
                self._insert_verdict(db, verdict, corpus_version, generation, run_id, now)

    def record_reviews(
        self, claim_ids: Iterable[str], corpus_version: str | None, generation: int | None, run_id: str
    ) -> None:
        """Records that these claims' verdicts stand at this corpus version (nothing they use changed)."""
        now = utc_now()
        with self._transaction() as db:
            db.executemany(
                "INSERT INTO reviews (claim_id, corpus_version, generation, reviewed_at, run_id) "
                "VALUES (?, ?, ?, ?, ?)",
                [(claim_id, corpus_version, generation, now, run_id) for claim_id in claim_ids],
            )

    def latest_reviews(self) -> dict[str, Review]:
        """The most recent review of every reviewed claim, by claim id."""
        rows = self._query(
            "SELECT claim_id, corpus_version, generation, reviewed_at, run_id FROM reviews "
            "WHERE id IN (SELECT max(id) FROM reviews GROUP BY claim_id)"
        )
        return {row[0]: Review(*row) for row in rows}

    def record_decision(
        self,
        claim_id: str,
        kind: str,
        editor: str,
        label: str | None = None,
        note: str | None = None,
        verdict_id: int | None = None,
    ) -> Decision:
        """Appends an editor's decision on a claim (one transaction) and returns it.

        ``kind`` is one of ``DECISION_KINDS``; ``wrong`` needs the right ``label`` (another label than the
        verdict's), ``note`` needs a note. ``verdict_id`` (default: the claim's latest verdict) is the
        verdict the editor looked at; it must be one of this claim's.
        """
        if kind not in DECISION_KINDS:
            raise InputError(f"unknown decision {kind!r} (use {', '.join(DECISION_KINDS)})")
        who = _clean_line(editor, MAX_EDITOR_CHARS, "the editor's name")
        if who is None or "\n" in who:
            raise InputError("give your name (one line) before recording a decision")
        text = _clean_line(note, MAX_NOTE_CHARS, "the note")
        if kind == "note" and text is None:
            raise InputError("a note needs some text")
        now = utc_now()
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone() is None:
                raise InputError(f"no claim with id {claim_id!r} in {self.path}")
            if verdict_id is None:
                row = db.execute("SELECT max(id) FROM verdicts WHERE claim_id = ?", (claim_id,)).fetchone()
                verdict_id = row[0]
            verdict = db.execute(
                "SELECT label FROM verdicts WHERE id = ? AND claim_id = ?", (verdict_id, claim_id)
            ).fetchone()
            if verdict_id is not None and verdict is None:
                raise InputError(f"verdict {verdict_id} is not one of claim {claim_id}'s")
            if kind == "wrong":
                if label not in {str(x) for x in Label}:
                    raise InputError(
                        "a wrong verdict needs the right label: supported, contradicted or unverified"
                    )
                if verdict is not None and verdict[0] == label:
                    raise InputError(f"the verdict already says {label}; choose the label that is right")
            elif kind == "confirmed":
                if verdict is None:
                    raise InputError("there is no verdict to confirm yet")
                label = verdict[0]
            else:
                label = None
            cursor = db.execute(
                "INSERT INTO decisions (claim_id, verdict_id, kind, label, note, editor, made_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (claim_id, verdict_id, kind, label, text, who, now),
            )
            return Decision(cursor.lastrowid, claim_id, kind, label, text, who, now, verdict_id)

    def record_flags(self, flags: Iterable[tuple[str, int | None, str | None, str]], run_id: str) -> None:
        """Appends ``flagged`` decisions (claim id, latest verdict id, its label, why) for one re-check."""
        now = utc_now()
        with self._transaction() as db:
            db.executemany(
                "INSERT INTO decisions (claim_id, verdict_id, kind, label, note, editor, made_at, run_id) "
                "VALUES (?, ?, 'flagged', ?, ?, 'factcheck recheck', ?, ?)",
                [(claim, verdict_id, label, why, now, run_id) for claim, verdict_id, label, why in flags],
            )

    @staticmethod
    def _insert_verdict(
        db: sqlite3.Connection,
        verdict: Verdict,
        corpus_version: str | None,
        generation: int | None,
        run_id: str,
        made_at: str,
    ) -> None:
        db.execute(
            "INSERT INTO verdicts (claim_id, label, confidence, reason, evidence, corpus_version, "
            "generation, made_at, run_id, probabilities) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                verdict.claim.id,
                str(verdict.label),
                float(verdict.confidence),
                verdict.reason,
                json.dumps(evidence_records(verdict), ensure_ascii=False),
                corpus_version,
                generation,
                made_at,
                run_id,
                json.dumps(verdict.probabilities) if verdict.probabilities else None,
            ),
        )

    # -- reading -------------------------------------------------------------------------------------

    def latest_verdicts(self) -> dict[str, StoredVerdict]:
        """The most recent verdict of every stored claim, by claim id."""
        rows = self._query(
            f"SELECT {_VERDICT_COLUMNS} FROM verdicts v JOIN claims c ON c.id = v.claim_id "
            "WHERE v.id IN (SELECT max(id) FROM verdicts GROUP BY claim_id) ORDER BY v.id"
        )
        return {row[1]: _verdict_from_row(row) for row in rows}

    def history(self, claim_id: str) -> list[StoredVerdict]:
        """Every verdict of one claim, oldest first."""
        rows = self._query(
            f"SELECT {_VERDICT_COLUMNS} FROM verdicts v JOIN claims c ON c.id = v.claim_id "
            "WHERE v.claim_id = ? ORDER BY v.id",
            (claim_id,),
        )
        return [_verdict_from_row(row) for row in rows]

    def run_verdicts(self, run_id: str) -> list[StoredVerdict]:
        """The verdicts written by one run, in the order they were written."""
        rows = self._query(
            f"SELECT {_VERDICT_COLUMNS} FROM verdicts v JOIN claims c ON c.id = v.claim_id "
            "WHERE v.run_id = ? ORDER BY v.id",
            (run_id,),
        )
        return [_verdict_from_row(row) for row in rows]

    def previous_verdict(self, verdict: StoredVerdict) -> StoredVerdict | None:
        """The verdict of the same claim that came just before this one."""
        rows = self._query(
            f"SELECT {_VERDICT_COLUMNS} FROM verdicts v JOIN claims c ON c.id = v.claim_id "
            "WHERE v.claim_id = ? AND v.id < ? ORDER BY v.id DESC LIMIT 1",
            (verdict.claim_id, verdict.id),
        )
        return _verdict_from_row(rows[0]) if rows else None

    def verdict(self, verdict_id: int) -> StoredVerdict | None:
        """One verdict by its id."""
        rows = self._query(
            f"SELECT {_VERDICT_COLUMNS} FROM verdicts v JOIN claims c ON c.id = v.claim_id WHERE v.id = ?",
            (verdict_id,),
        )
        return _verdict_from_row(rows[0]) if rows else None

    def decisions(self, claim_id: str) -> list[Decision]:
        """Every decision on one claim, oldest first."""
        rows = self._query(
            f"SELECT {_DECISION_COLUMNS} FROM decisions WHERE claim_id = ? ORDER BY id", (claim_id,)
        )
        return [Decision(*row) for row in rows]

    def decision_states(self) -> dict[str, Decision]:
        """Where each decided claim stands: its latest decision other than a note, by claim id."""
        rows = self._query(
            f"SELECT {_DECISION_COLUMNS} FROM decisions WHERE id IN "
            "(SELECT max(id) FROM decisions WHERE kind != 'note' GROUP BY claim_id)"
        )
        return {row[1]: Decision(*row) for row in rows}

    def run_decisions(self, run_id: str) -> list[Decision]:
        """The decisions (flags) written by one re-check run."""
        rows = self._query(
            f"SELECT {_DECISION_COLUMNS} FROM decisions WHERE run_id = ? ORDER BY id", (run_id,)
        )
        return [Decision(*row) for row in rows]

    def latest_run(self, kinds: Sequence[str]) -> Run | None:
        """The most recently started finished run of these kinds."""
        marks = ", ".join("?" for _ in kinds)
        rows = self._query(
            "SELECT id, kind, started_at, finished_at, corpus_version, generation FROM runs "
            f"WHERE kind IN ({marks}) AND finished_at IS NOT NULL ORDER BY started_at DESC LIMIT 1",
            tuple(kinds),
        )
        return Run(*rows[0]) if rows else None

    def drafts(self) -> list[tuple[int, str, str]]:
        """Every checked draft as (id, path or name, checked at), newest first."""
        return [tuple(row) for row in self._query("SELECT id, path, checked_at FROM drafts ORDER BY id DESC")]

    def occurrences(self, claim_id: str) -> list[Occurrence]:
        """Where a claim was found, oldest draft first."""
        rows = self._query(
            'SELECT d.id, d.path, d.content_hash, d.checked_at, o.start, o."end", o.sentence '
            "FROM occurrences o JOIN drafts d ON d.id = o.draft_id "
            "WHERE o.claim_id = ? ORDER BY d.id, o.start",
            (claim_id,),
        )
        return [Occurrence(*row) for row in rows]

    def count_claims(self) -> int:
        """How many claims the store holds."""
        return self._query("SELECT count(*) FROM claims")[0][0]

    def list_claims(
        self, label: str | None = None, since: str | None = None, draft_id: int | None = None
    ) -> list[StoredClaim]:
        """Stored claims with their latest verdict, oldest first.

        ``label`` keeps claims whose latest verdict has that label; ``since`` (a timestamp, see
        ``parse_since``) keeps claims whose latest verdict was made at or after it; ``draft_id`` keeps the
        claims found in that draft.
        """
        latest = self.latest_verdicts()
        if draft_id is None:
            rows = self._query("SELECT id, text, first_seen FROM claims ORDER BY first_seen, id")
        else:
            rows = self._query(
                "SELECT id, text, first_seen FROM claims WHERE id IN "
                "(SELECT claim_id FROM occurrences WHERE draft_id = ?) ORDER BY first_seen, id",
                (draft_id,),
            )
        claims = []
        for claim_id, text, first_seen in rows:
            verdict = latest.get(claim_id)
            if label is not None and (verdict is None or verdict.label != label):
                continue
            if since is not None and (verdict is None or verdict.made_at < since):
                continue
            claims.append(StoredClaim(claim_id, text, first_seen, verdict))
        return claims

    def claims_for_recheck(self) -> list[StoredClaim]:
        """Every stored claim with its latest verdict, latest review and occurrences."""
        latest = self.latest_verdicts()
        reviews = self.latest_reviews()
        where: dict[str, list[Occurrence]] = {}
        for row in self._query(
            'SELECT o.claim_id, d.id, d.path, d.content_hash, d.checked_at, o.start, o."end", o.sentence '
            "FROM occurrences o JOIN drafts d ON d.id = o.draft_id ORDER BY d.id, o.start"
        ):
            where.setdefault(row[0], []).append(Occurrence(*row[1:]))
        rows = self._query("SELECT id, text, first_seen FROM claims ORDER BY first_seen, id")
        return [
            StoredClaim(
                claim_id,
                text,
                first_seen,
                latest.get(claim_id),
                where.get(claim_id, []),
                review=reviews.get(claim_id),
            )
            for claim_id, text, first_seen in rows
        ]

    def resolve_id(self, prefix: str) -> str:
        """The full id of the claim whose id is or starts with ``prefix`` (at least 4 characters)."""
        key = prefix.strip().lower()
        if not re.fullmatch(r"[0-9a-z]{4,64}", key):
            raise InputError(f"{prefix!r} is not a claim id (see `factcheck claims list`)")
        rows = self._query(
            "SELECT id FROM claims WHERE id >= ? AND id < ? ORDER BY id LIMIT 2", (key, key + "~")
        )
        if not rows:
            raise InputError(f"no claim with id {prefix!r} in {self.path}")
        if len(rows) > 1:
            raise InputError(f"claim id {prefix!r} is ambiguous; give more characters")
        return rows[0][0]

    def show(self, claim_id: str) -> StoredClaim:
        """One claim (by id or unique id prefix) with its occurrences and full verdict history."""
        full_id = self.resolve_id(claim_id)
        text, first_seen = self._query("SELECT text, first_seen FROM claims WHERE id = ?", (full_id,))[0]
        history = self.history(full_id)
        return StoredClaim(
            full_id,
            text,
            first_seen,
            history[-1] if history else None,
            self.occurrences(full_id),
            history,
            decisions=self.decisions(full_id),
        )
