"""SQLite the way the corpus index and the claim store use it: one way to connect, the pragmas, transactions
and schema versions.

Connections are in autocommit mode (``isolation_level=None``): every write happens inside an explicit
:func:`transaction` (``BEGIN IMMEDIATE`` ... ``COMMIT``), so a crash or an error leaves the file as the last
commit wrote it. A database's schema version is ``PRAGMA user_version`` and its owner is marked by
``PRAGMA application_id``; a :class:`Schema` is the ordered list of migrations, where ``migrations[i]`` brings
version ``i`` to ``i + 1``: adding a migration is appending one entry.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Schema",
    "application_id",
    "connect",
    "statements",
    "table_count",
    "transaction",
    "use_wal",
    "user_version",
]

ErrorFactory = Callable[[str, sqlite3.Error], Exception]
"""``factory(phase, error)``: the exception to raise when a transaction cannot ``begin`` or ``commit``."""


def connect(
    path: str | Path, *, read_only: bool = False, busy_timeout: float = 5.0, any_thread: bool = False
) -> sqlite3.Connection:
    """A connection in autocommit mode that waits up to ``busy_timeout`` seconds for another writer.

    ``read_only`` opens the file with ``mode=ro`` (it must exist; nothing can be written through it);
    ``any_thread`` lets other threads use the connection (the caller serialises them).
    """
    if read_only:
        target, uri = f"{Path(path).resolve().as_uri()}?mode=ro", True
    else:
        target, uri = str(path), False
    connection = sqlite3.connect(
        target, uri=uri, isolation_level=None, timeout=busy_timeout, check_same_thread=not any_thread
    )
    connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    return connection


def use_wal(connection: sqlite3.Connection) -> None:
    """Write-ahead logging, so readers never block the writer (switched on only when it is not yet on)."""
    if connection.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        connection.execute("PRAGMA journal_mode = WAL")


@contextmanager
def transaction(
    connection: sqlite3.Connection, error: ErrorFactory | None = None
) -> Iterator[sqlite3.Connection]:
    """A write transaction: committed when the block ends, rolled back when it raises.

    ``BEGIN IMMEDIATE`` takes the write lock at once, so two writers never both read and then collide.
    With ``error``, a failure to begin or to commit raises ``error(phase, exc)`` instead of the
    ``sqlite3`` exception; errors raised inside the block always propagate as they are.
    """
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if error is None:
            raise
        raise error("begin", exc) from exc
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    try:
        connection.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        connection.execute("ROLLBACK")
        if error is None:
            raise
        raise error("commit", exc) from exc


def statements(script: str) -> list[str]:
    """The complete SQL statements of ``script``, in order (trigger bodies kept whole)."""
    found: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            found.append(current.strip())
            current = ""
    if current.strip():
        found.append(current.strip())  # a last statement without its ";" still runs
    return found


def user_version(connection: sqlite3.Connection) -> int:
    """The schema version recorded in the file (0 for a new, empty database)."""
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def application_id(connection: sqlite3.Connection) -> int:
    """The application id recorded in the file (0 when none was set)."""
    return int(connection.execute("PRAGMA application_id").fetchone()[0])


def table_count(connection: sqlite3.Connection) -> int:
    """How many tables the database holds."""
    return int(connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0])


@dataclass(frozen=True)
class Schema:
    """A schema as ordered migrations: ``migrations[i]`` (SQL statements) brings version ``i`` to ``i + 1``.

    :param application_id: the ``PRAGMA application_id`` that marks a file as this schema's.
    :param migrations: one entry per schema version, each a sequence of SQL statements (or one script).

    Example::

        STORE = Schema(0x46434B31, (("CREATE TABLE a (x)",), ("ALTER TABLE a ADD COLUMN y",)))
        STORE.migrate(connection)      # a new file gets both steps, a version-1 file only the second
    """

    application_id: int
    migrations: tuple[Sequence[str] | str, ...]

    @property
    def version(self) -> int:
        """The version this code writes: the number of migrations."""
        return len(self.migrations)

    def foreign(self, connection: sqlite3.Connection) -> bool:
        """True when the file belongs to another application, or holds tables but no schema version."""
        if application_id(connection) not in (0, self.application_id):
            return True
        return user_version(connection) == 0 and table_count(connection) > 0

    def apply(self, connection: sqlite3.Connection) -> int:
        """Applies the pending migrations inside the caller's transaction; returns the version found."""
        found = user_version(connection)
        for step in self.migrations[found : self.version]:
            for statement in statements(step) if isinstance(step, str) else step:
                connection.execute(statement)
        connection.execute(f"PRAGMA application_id = {self.application_id}")
        connection.execute(f"PRAGMA user_version = {max(found, self.version)}")
        return found

    def migrate(self, connection: sqlite3.Connection, error: ErrorFactory | None = None) -> int:
        """Applies the pending migrations in one transaction; returns the version the file had before.

        The version is read again under the write lock, so two processes opening one old file migrate it
        once. A file newer than this schema is left as it is (the caller refuses it before).
        """
        with transaction(connection, error):
            return self.apply(connection)
