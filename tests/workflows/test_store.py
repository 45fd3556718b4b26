"""The claim store: schema and migrations, append-only history, occurrences, listing and showing."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from factcheck.domain import Claim, Evidence, Label, Stance, Verdict
from factcheck.errors import InputError, StoreError
from factcheck.workflows.store import MIGRATIONS, SCHEMA_VERSION, ClaimStore, parse_since

DRAFT = "Xiaomi will build 300,000 cars a year. The EV unit has 300 employees."


def make_verdict(text: str, label: Label, start: int = 0, doc_version: str = "v1") -> Verdict:
    claim = Claim(Claim.make_id(text), text, start, start + len(text))
    evidence = (
        Evidence(
            "xiaomi-factory", "capacity for 300,000 cars", 10, 35, 0.9, Stance.SUPPORTS, "T", doc_version
        ),
    )
    return Verdict(claim, label, 0.8, f"{label}: test", evidence if label != Label.UNVERIFIED else ())


def draft_verdicts() -> list[Verdict]:
    return [
        make_verdict("Xiaomi will build 300,000 cars a year.", Label.SUPPORTED, 0),
        make_verdict("The EV unit has 300 employees.", Label.UNVERIFIED, 39),
    ]


@pytest.fixture
def store(tmp_path: Path):
    with ClaimStore.open(tmp_path / "claims.sqlite") as opened:
        yield opened


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_store_has_current_schema_and_wal(tmp_path: Path):
    path = tmp_path / "nested" / "claims.sqlite"
    with ClaimStore.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"drafts", "claims", "occurrences", "verdicts", "runs"} <= tables


def test_record_check_stores_draft_claims_and_verdicts(store: ClaimStore, tmp_path: Path):
    draft = tmp_path / "draft.md"
    run_id = store.record_check(draft, DRAFT, draft_verdicts(), "corpus-1", 3)
    latest = store.latest_verdicts()
    assert len(latest) == 2
    supported = latest[Claim.make_id("Xiaomi will build 300,000 cars a year.")]
    assert supported.label == "supported"
    assert supported.corpus_version == "corpus-1" and supported.generation == 3 and supported.run_id == run_id
    assert supported.evidence[0]["doc_id"] == "xiaomi-factory"
    assert supported.evidence[0]["doc_version"] == "v1"
    assert (supported.evidence[0]["start"], supported.evidence[0]["end"]) == (10, 35)
    shown = store.show(supported.claim_id)
    assert [o.path for o in shown.occurrences] == [str(draft.resolve())]
    assert DRAFT[shown.occurrences[0].start : shown.occurrences[0].end] == shown.text


def test_claim_in_two_drafts_is_one_claim_with_two_occurrences(store: ClaimStore, tmp_path: Path):
    store.record_check(tmp_path / "a.md", DRAFT, draft_verdicts(), "corpus-1", 1)
    other = "Intro. " + DRAFT
    moved = [make_verdict("Xiaomi will build 300,000 cars a year.", Label.SUPPORTED, 7)]
    store.record_check(tmp_path / "b.md", other, moved, "corpus-1", 1)
    assert store.count_claims() == 2
    claim_id = Claim.make_id("Xiaomi will build 300,000 cars a year.")
    shown = store.show(claim_id)
    assert [(Path(o.path).name, o.start) for o in shown.occurrences] == [("a.md", 0), ("b.md", 7)]
    assert len(shown.history) == 2


def test_same_draft_checked_twice_is_one_draft_row(store: ClaimStore, tmp_path: Path):
    store.record_check(tmp_path / "a.md", DRAFT, draft_verdicts(), "corpus-1", 1)
    store.record_check(tmp_path / "a.md", DRAFT, draft_verdicts(), "corpus-2", 2)
    rows = store._query("SELECT count(*) FROM drafts")
    assert rows[0][0] == 1
    assert len(store.show(Claim.make_id("The EV unit has 300 employees.")).occurrences) == 1


def test_history_is_append_only(store: ClaimStore, tmp_path: Path):
    store.record_check(tmp_path / "a.md", DRAFT, draft_verdicts(), "corpus-1", 1)
    claim_id = Claim.make_id("Xiaomi will build 300,000 cars a year.")
    run = store.start_run("recheck", "corpus-2", 2)
    store.record_verdicts(
        [make_verdict("Xiaomi will build 300,000 cars a year.", Label.CONTRADICTED)], "corpus-2", 2, run
    )
    history = store.history(claim_id)
    assert [v.label for v in history] == ["supported", "contradicted"]
    assert [v.corpus_version for v in history] == ["corpus-1", "corpus-2"]
    assert store.latest_verdicts()[claim_id].label == "contradicted"
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store._db.execute("UPDATE verdicts SET label = 'supported'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store._db.execute("DELETE FROM verdicts")
    assert len(store.history(claim_id)) == 2


def test_record_verdicts_refuses_unknown_claim_and_writes_nothing(store: ClaimStore, tmp_path: Path):
    store.record_check(tmp_path / "a.md", DRAFT, draft_verdicts(), "corpus-1", 1)
    run = store.start_run("recheck", "corpus-2", 2)
    batch = [
        make_verdict("The EV unit has 300 employees.", Label.SUPPORTED),
        make_verdict("Unknown.", Label.SUPPORTED),
    ]
    with pytest.raises(StoreError, match="not in the claim store"):
        store.record_verdicts(batch, "corpus-2", 2, run)
    assert store.run_verdicts(run) == []


def test_list_claims_filters_by_label_and_since(store: ClaimStore, tmp_path: Path):
    store.record_check(tmp_path / "a.md", DRAFT, draft_verdicts(), "corpus-1", 1)
    assert [c.text for c in store.list_claims(label="unverified")] == ["The EV unit has 300 employees."]
    assert len(store.list_claims()) == 2
    assert store.list_claims(since=parse_since("1h")) != []
    assert store.list_claims(since=parse_since("2999-01-01")) == []
    assert store.list_claims(label="contradicted") == []


def test_parse_since_forms():
    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    assert parse_since("36h", now).startswith("2026-11-25T00:00:00")
    assert parse_since("2w", now).startswith("2026-11-12T12:00:00")
    assert parse_since("2026-11-20").startswith("2026-11-20T00:00:00")
    assert parse_since("2026-11-20T10:00:00+02:00").startswith("2026-11-20T08:00:00")
    with pytest.raises(InputError, match="--since"):
        parse_since("last tuesday")


def test_show_accepts_unique_prefix_and_refuses_unknown(store: ClaimStore, tmp_path: Path):
    store.record_check(tmp_path / "a.md", DRAFT, draft_verdicts(), "corpus-1", 1)
    claim_id = Claim.make_id("The EV unit has 300 employees.")
    assert store.show(claim_id[:6]).id == claim_id
    with pytest.raises(InputError, match="no claim"):
        store.show("ffffffffffff")
    with pytest.raises(InputError, match="not a claim id"):
        store.show("x'; DROP")


def create_version_1_store(path: Path) -> None:
    """A store as the first schema version wrote it, with one claim and one verdict."""
    connection = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        connection.execute(statement)
    connection.execute(
        "INSERT INTO drafts (path, content_hash, checked_at) VALUES ('/d.md', 'h', '2026-01-01')"
    )
    connection.execute("INSERT INTO claims VALUES ('abcdef012345', 'Old claim.', '2026-01-01')")
    connection.execute("INSERT INTO occurrences VALUES ('abcdef012345', 1, 0, 10, 0)")
    connection.execute(
        "INSERT INTO verdicts (claim_id, label, confidence, reason, evidence, corpus_version, generation, "
        "made_at) "
        "VALUES ('abcdef012345', 'supported', 0.7, 'old', ?, 'c0', 1, '2026-01-01T00:00:00+00:00')",
        (json.dumps([{"doc_id": "d", "doc_version": "x", "start": 0, "end": 3}]),),
    )
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()


def test_old_store_is_migrated_keeping_its_history(tmp_path: Path):
    path = tmp_path / "old.sqlite"
    create_version_1_store(path)
    with ClaimStore.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        history = store.history("abcdef012345")
        assert [(v.label, v.reason, v.run_id) for v in history] == [("supported", "old", None)]
        assert store.show("abcdef").occurrences[0].path == "/d.md"
        store.record_check(
            tmp_path / "new.md", "New claim.", [make_verdict("New claim.", Label.SUPPORTED)], "c1", 2
        )
        assert store.count_claims() == 2
        run = store.start_run("recheck", "c1", 2)
        old = Claim("abcdef012345", "Old claim.", 0, 10)
        store.record_verdicts([Verdict(old, Label.CONTRADICTED, 0.9, "corrected")], "c1", 2, run)
        assert [v.label for v in store.history("abcdef012345")] == ["supported", "contradicted"]
        with pytest.raises(sqlite3.IntegrityError):
            store._db.execute("DELETE FROM verdicts")


def test_store_from_a_newer_version_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "future.sqlite"
    with ClaimStore.open(path):
        pass
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    before = file_digest(path)
    with pytest.raises(StoreError, match="newer than this factcheck supports"):
        ClaimStore.open(path)
    assert file_digest(path) == before
    assert not Path(str(path) + "-wal").exists()


@pytest.mark.parametrize(
    "content", [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000]
)
def test_corrupted_file_is_a_clear_error(tmp_path: Path, content: bytes):
    path = tmp_path / "broken.sqlite"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="not a readable claim store"):
        ClaimStore.open(path)
    assert path.read_bytes() == content


def test_other_sqlite_database_is_refused(tmp_path: Path):
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE accounts (id INTEGER)")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="not a claim store"):
        ClaimStore.open(path)


def test_missing_store_without_create_is_a_clear_error(tmp_path: Path):
    with pytest.raises(StoreError, match="no claim store here"):
        ClaimStore.open(tmp_path / "absent.sqlite", create=False)
    assert not (tmp_path / "absent.sqlite").exists()
    with pytest.raises(StoreError, match="is a folder"):
        ClaimStore.open(tmp_path)


@pytest.fixture
def store_cli(tmp_path: Path):
    """The ``claims list`` / ``claims show`` commands on a store holding one checked draft."""
    import typer
    from typer.testing import CliRunner

    from factcheck.cli.store import claims_list, claims_show

    with ClaimStore.open(tmp_path / "claims.sqlite") as store:
        store.record_check(tmp_path / "draft.md", DRAFT, draft_verdicts(), "corpus-1", 1)
        run = store.start_run("recheck", "corpus-2", 2)
        store.record_verdicts(
            [make_verdict("Xiaomi will build 300,000 cars a year.", Label.CONTRADICTED)], "corpus-2", 2, run
        )
    group = typer.Typer()
    group.command("list")(claims_list)
    group.command("show")(claims_show)
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(group, [*args, "--store", str(tmp_path / "claims.sqlite")])

    return invoke


def test_claims_list_command(store_cli):
    everything = json.loads(store_cli("list", "--format", "json").stdout)
    assert {(c["text"], c["label"]) for c in everything} == {
        ("Xiaomi will build 300,000 cars a year.", "contradicted"),
        ("The EV unit has 300 employees.", "unverified"),
    }
    contradicted = json.loads(store_cli("list", "--label", "contradicted", "--format", "json").stdout)
    assert [c["id"] for c in contradicted] == [Claim.make_id("Xiaomi will build 300,000 cars a year.")]
    assert json.loads(store_cli("list", "--since", "2999-01-01", "--format", "json").stdout) == []
    table = store_cli("list")
    assert table.exit_code == 0 and Claim.make_id("The EV unit has 300 employees.") in table.stdout
    assert "unverified" in table.stdout and "contradicted" in table.stdout
    assert isinstance(store_cli("list", "--since", "whenever").exception, InputError)


def test_claims_show_command(store_cli):
    claim_id = Claim.make_id("Xiaomi will build 300,000 cars a year.")
    shown = json.loads(store_cli("show", claim_id[:5], "--format", "json").stdout)
    assert shown["id"] == claim_id and shown["label"] == "contradicted"
    assert [v["label"] for v in shown["history"]] == ["supported", "contradicted"]
    assert [v["corpus_version"] for v in shown["history"]] == ["corpus-1", "corpus-2"]
    assert shown["occurrences"][0]["start"] == 0 and shown["occurrences"][0]["path"].endswith("draft.md")
    text = store_cli("show", claim_id).stdout
    assert "supported" in text and "contradicted" in text and "xiaomi-factory [10:35]" in text
    assert isinstance(store_cli("show", "ffffffff").exception, InputError)
