"""The SQLite helper shared by the index and the claim store: statements, transactions, schema versions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from factcheck import sqlite

SCRIPT = """
CREATE TABLE a (x INTEGER);
CREATE TRIGGER a_added AFTER INSERT ON a BEGIN
    INSERT INTO a (x) SELECT new.x + 100 WHERE new.x < 100;
END;
INSERT INTO a (x) VALUES (1)
"""


def test_statements_keep_trigger_bodies_whole_and_a_last_statement_without_semicolon():
    found = sqlite.statements(SCRIPT)
    assert len(found) == 3
    assert found[1].startswith("CREATE TRIGGER") and found[1].endswith("END;")
    assert found[2] == "INSERT INTO a (x) VALUES (1)"


def test_a_transaction_commits_or_rolls_back_whole(tmp_path: Path):
    connection = sqlite.connect(tmp_path / "t.sqlite")
    connection.execute("CREATE TABLE t (x INTEGER)")
    with sqlite.transaction(connection):
        connection.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(ZeroDivisionError), sqlite.transaction(connection):
        connection.execute("INSERT INTO t VALUES (2)")
        raise ZeroDivisionError
    assert connection.execute("SELECT x FROM t").fetchall() == [(1,)]


def test_a_transaction_that_cannot_begin_raises_the_callers_error(tmp_path: Path):
    file = tmp_path / "t.sqlite"
    sqlite.connect(file).execute("CREATE TABLE t (x INTEGER)")
    reader = sqlite.connect(file, read_only=True)
    with pytest.raises(sqlite3.OperationalError), sqlite.transaction(reader):
        reader.execute("INSERT INTO t VALUES (1)")
    writer, blocker = sqlite.connect(file, busy_timeout=0.05), sqlite.connect(file, busy_timeout=0.05)
    blocker.execute("BEGIN IMMEDIATE")
    busy = pytest.raises(RuntimeError, match="begin")
    with busy, sqlite.transaction(writer, lambda phase, exc: RuntimeError(phase)):
        pass


def test_schema_migrations_apply_once_in_order_and_a_new_one_is_an_appended_entry(tmp_path: Path):
    first = sqlite.Schema(0x54455354, (("CREATE TABLE a (x INTEGER)",),))
    connection = sqlite.connect(tmp_path / "s.sqlite")
    assert not first.foreign(connection) and first.migrate(connection) == 0
    assert (sqlite.user_version(connection), sqlite.application_id(connection)) == (1, 0x54455354)
    assert first.migrate(connection) == 1  # nothing left to do
    second = sqlite.Schema(first.application_id, (*first.migrations, "ALTER TABLE a ADD COLUMN y TEXT;"))
    assert second.version == 2 and second.migrate(connection) == 1
    assert [row[1] for row in connection.execute("PRAGMA table_info(a)")] == ["x", "y"]


def test_a_database_of_another_application_or_without_a_version_is_foreign(tmp_path: Path):
    schema = sqlite.Schema(1, ("CREATE TABLE a (x);",))
    unversioned = sqlite.connect(tmp_path / "u.sqlite")
    unversioned.execute("CREATE TABLE other (y)")
    assert schema.foreign(unversioned)
    other = sqlite.connect(tmp_path / "o.sqlite")
    other.execute("PRAGMA application_id = 7")
    assert schema.foreign(other)
    sqlite.use_wal(other)
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
