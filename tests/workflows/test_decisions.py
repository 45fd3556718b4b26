"""Editors' decisions in the claim store, and how a re-check treats a claim an editor settled."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.domain import Claim
from factcheck.errors import InputError
from factcheck.workflows.recheck import recheck
from factcheck.workflows.store import ClaimStore
from tests.workflows.test_recheck import CLAIMS, CORPUS, ExactMatchVerifier, MemoryIndex, check_into


@pytest.fixture
def store(tmp_path: Path):
    with ClaimStore.open(tmp_path / "claims.sqlite") as opened:
        yield opened


def claim_id(text: str) -> str:
    return Claim.make_id(text)


def test_decisions_are_an_append_only_history_with_who_and_when(store: ClaimStore):
    index = MemoryIndex(CORPUS)
    check_into(store, index, CLAIMS)
    factory = claim_id(CLAIMS[0])
    first = store.record_decision(factory, "needs_reporting", "Ana Ruiz", note="call the press office")
    second = store.record_decision(factory, "confirmed", "Ben")
    store.record_decision(factory, "note", "Ben", note="checked with the plant's own release")
    history = store.decisions(factory)
    assert [d.kind for d in history] == ["needs_reporting", "confirmed", "note"]
    assert (history[0].editor, history[0].note) == ("Ana Ruiz", "call the press office")
    assert history[0].made_at <= history[1].made_at <= history[2].made_at
    # Confirming records the label confirmed and the verdict it was made on (the latest).
    latest = store.latest_verdicts()[factory]
    assert (second.label, second.verdict_id) == ("supported", latest.id)
    # A note does not change where the claim stands.
    assert store.decision_states()[factory].kind == "confirmed"
    assert first.id < second.id

    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store._db.execute("UPDATE decisions SET kind = 'wrong'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store._db.execute("DELETE FROM decisions")


def test_a_wrong_verdict_needs_another_label_and_bad_decisions_are_refused(store: ClaimStore):
    index = MemoryIndex(CORPUS)
    check_into(store, index, CLAIMS)
    staff = claim_id(CLAIMS[3])  # unverified
    decision = store.record_decision(staff, "wrong", "Ana", label="contradicted", note="the unit has 300")
    assert (decision.kind, decision.label) == ("wrong", "contradicted")
    for kwargs, message in (
        ({"kind": "wrong", "label": "unverified"}, "already says"),
        ({"kind": "wrong", "label": "maybe"}, "right label"),
        ({"kind": "approved"}, "unknown decision"),
        ({"kind": "note"}, "needs some text"),
        ({"kind": "confirmed", "editor": "  "}, "give your name"),
        ({"kind": "confirmed", "editor": "a\x07b"}, "control characters"),
        ({"kind": "confirmed", "editor": "x" * 81}, "at most 80"),
        ({"kind": "note", "note": "n" * 2_001}, "at most 2000"),
        ({"kind": "confirmed", "verdict_id": 10_000}, "not one of"),
    ):
        arguments = {"editor": "Ana", **kwargs}
        with pytest.raises(InputError, match=message):
            store.record_decision(staff, **arguments)
    with pytest.raises(InputError, match="no claim"):
        store.record_decision("0" * 12, "confirmed", "Ana")
    assert len(store.decisions(staff)) == 1


def test_recheck_flags_a_confirmed_claim_whose_document_changed(store: ClaimStore):
    index = MemoryIndex(CORPUS)
    check_into(store, index, CLAIMS)
    factory, deal = claim_id(CLAIMS[0]), claim_id(CLAIMS[2])
    store.record_decision(factory, "confirmed", "Ana")
    store.record_decision(deal, "confirmed", "Ana")

    index.update({"factory": CORPUS["factory"].replace("300,000", "200,000")})
    report = recheck(store, index, ExactMatchVerifier(index))

    # The machine's new verdict is recorded and reported as a flip, and the editor's decision is flagged
    # rather than silently overridden; the deal's document did not change, so it stays confirmed.
    assert {(c.claim_id, c.new_label) for c in report.changes} >= {(factory, "contradicted")}
    assert [(f.claim_id, f.decision, f.editor_label, f.label) for f in report.flags] == [
        (factory, "confirmed", "supported", "contradicted")
    ]
    assert report.flags[0].documents[0]["doc_id"] == "factory"
    assert report.flags[0].documents[0]["change"] == "changed"
    states = store.decision_states()
    assert states[factory].kind == "flagged" and states[deal].kind == "confirmed"
    assert "factory changed" in states[factory].note
    assert report.to_dict()["flags"][0]["claim_id"] == factory
    assert store.run_decisions(report.run_id)[0].claim_id == factory

    # Flagged once: the next re-check does not flag it again until an editor decides anew.
    index.update({"rival": CORPUS["rival"] + " It opened in 2019."})
    again = recheck(store, index, ExactMatchVerifier(index))
    assert again.flags == []
    store.record_decision(factory, "confirmed", "Ben")
    assert store.decision_states()[factory].label == "contradicted"


def test_recheck_flags_a_settled_claim_whose_document_was_removed(store: ClaimStore):
    index = MemoryIndex(CORPUS)
    check_into(store, index, CLAIMS)
    deal = claim_id(CLAIMS[2])
    store.record_decision(deal, "wrong", "Ana", label="contradicted")
    index.update({"deal": None})
    report = recheck(store, index, ExactMatchVerifier(index))
    assert [(f.claim_id, f.decision, f.editor_label) for f in report.flags] == [
        (deal, "wrong", "contradicted")
    ]
    assert report.flags[0].documents == [
        {"doc_id": "deal", "change": "removed", "doc_version": report.flags[0].documents[0]["doc_version"],
         "now": None}
    ]  # fmt: skip


def test_claims_show_lists_the_decisions(tmp_path: Path):
    path = tmp_path / "claims.sqlite"
    with ClaimStore.open(path) as store:
        index = MemoryIndex(CORPUS)
        check_into(store, index, CLAIMS)
        factory = claim_id(CLAIMS[0])
        store.record_decision(
            factory, "wrong", "Ana <b>Ruiz</b>", label="contradicted", note="the plant says 200,000"
        )
    command = [sys.executable, "-m", "factcheck", "claims", "show", factory[:8], "--store", str(path)]
    shown = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert "decisions (1, oldest first)" in shown.stdout
    assert "wrong contradicted  by Ana <b>Ruiz</b>" in shown.stdout
    assert "the plant says 200,000" in shown.stdout
    as_json = subprocess.run(command + ["--format", "json"], capture_output=True, text=True, timeout=120)
    data = json.loads(as_json.stdout)
    assert data["decisions"][0]["kind"] == "wrong" and data["decisions"][0]["editor"] == "Ana <b>Ruiz</b>"
