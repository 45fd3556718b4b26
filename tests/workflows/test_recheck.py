"""Re-checking stored claims: which claims are verified again and why, the flips, resuming, locking.

The verification is injected, so these tests use ``ExactMatchVerifier``: a claim is supported when a
retrieved passage states it word for word, contradicted when a passage states it with other figures,
unverified otherwise. The corpus is ``MemoryIndex`` (the index interface over a few documents held in
memory, with versions and generations like the real index) or a real index built from a temporary corpus.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.domain import Claim, Evidence, Label, Passage, Stance, Verdict, content_hash
from factcheck.errors import FactcheckError
from factcheck.workflows.recheck import RecheckError, recheck, recheck_lock
from factcheck.workflows.store import ClaimStore

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parents[1]

CORPUS = {
    "factory": "Xiaomi's Beijing factory will build 300,000 cars a year. Production starts in 2024.",
    "deal": "Xiaomi bought Deepmotion for 70 million euros in August 2021.",
    "team": "The EV unit is led by founder Lei Jun.",
    "rival": "Nio's Shanghai factory has capacity for 450,000 cars.",
}
CLAIMS = [
    "Xiaomi's Beijing factory will build 300,000 cars a year.",
    "Production starts in 2024.",
    "Xiaomi bought Deepmotion for 70 million euros in August 2021.",
    "The EV unit has 300 employees.",
    "Nio's Shanghai factory has capacity for 450,000 cars.",
]
WORD = re.compile(r"[A-Za-z0-9']+")
NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


class MemoryIndex:
    """The corpus index interface over documents in memory; search ranks by shared words."""

    def __init__(self, docs: dict[str, str]) -> None:
        self.docs: dict[str, str] = {}
        self.changed_at: dict[str, int] = {}
        self.removed_at: dict[str, int] = {}
        self.generation = 0
        self.update(docs)

    def update(self, docs: dict[str, str | None]) -> None:
        """Adds, changes (text) or removes (None) documents: one indexing run, one new generation."""
        self.generation += 1
        for doc_id, text in docs.items():
            if text is None:
                self.docs.pop(doc_id, None)
                self.changed_at.pop(doc_id, None)
                self.removed_at[doc_id] = self.generation
            else:
                self.docs[doc_id] = text
                self.changed_at[doc_id] = self.generation
                self.removed_at.pop(doc_id, None)

    @property
    def corpus_version(self) -> str:
        return content_hash(json.dumps(self.document_versions(), sort_keys=True))[:16]

    def document_versions(self) -> dict[str, str]:
        return {doc_id: content_hash(text)[:16] for doc_id, text in self.docs.items()}

    def documents_changed_since(self, generation: int) -> set[str]:
        return {doc_id for doc_id, changed in self.changed_at.items() if changed > generation}

    def documents_removed_since(self, generation: int) -> set[str]:
        return {doc_id for doc_id, removed in self.removed_at.items() if removed > generation}

    def search_many(self, queries: list[str], k: int = 5, mode: str = "hybrid") -> list[list[Passage]]:
        results = []
        for query in queries:
            wanted = words(query)
            scored = []
            for doc_id, text in self.docs.items():
                overlap = len(wanted & words(text)) / max(1, len(wanted))
                if overlap >= 0.5:
                    version = content_hash(text)[:16]
                    scored.append(Passage(doc_id, 0, len(text), text, doc_id, version, overlap))
            scored.sort(key=lambda p: -p.score)
            results.append(scored[:k])
        return results

    def save(self, path: Path) -> None:
        state = {"docs": self.docs, "changed_at": self.changed_at, "removed_at": self.removed_at}
        state["generation"] = self.generation
        path.write_text(json.dumps(state))

    @classmethod
    def load(cls, path: Path) -> MemoryIndex:
        state = json.loads(path.read_text())
        index = cls({})
        index.docs, index.changed_at, index.generation = (
            state["docs"],
            state["changed_at"],
            state["generation"],
        )
        return index


class ExactMatchVerifier:
    """Supported when a retrieved passage contains the claim; contradicted when it does with other numbers."""

    def __init__(self, index, k: int = 5, delay: float = 0.0) -> None:
        self.index, self.k, self.delay = index, k, delay
        self.seen: list[str] = []

    def __call__(self, claims: list[Claim]) -> list[Verdict]:
        results = self.index.search_many([c.text for c in claims], self.k, "hybrid")
        verdicts = []
        for claim, passages in zip(claims, results, strict=True):
            self.seen.append(claim.id)
            time.sleep(self.delay)
            verdicts.append(self.judge(claim, passages))
        return verdicts

    @staticmethod
    def judge(claim: Claim, passages: list[Passage]) -> Verdict:
        stated = claim.text.rstrip(".")
        pattern = re.compile(
            r"(?:\d[\d,.]*\d|\d)".join(re.escape(part) for part in NUMBER.split(stated))
            if NUMBER.search(stated)
            else re.escape(stated)
        )
        for label, stance, test in (
            (Label.SUPPORTED, Stance.SUPPORTS, lambda p: p.text.find(stated)),
            (
                Label.CONTRADICTED,
                Stance.CONTRADICTS,
                lambda p: m.start() if (m := pattern.search(p.text)) else -1,
            ),
        ):
            for passage in passages:
                at = test(passage)
                if at >= 0:
                    end = at + len(stated) if label is Label.SUPPORTED else pattern.search(passage.text).end()
                    evidence = Evidence(
                        passage.doc_id,
                        passage.text[at:end],
                        passage.start + at,
                        passage.start + end,
                        passage.score,
                        stance,
                        passage.title,
                        passage.doc_version,
                    )
                    return Verdict(claim, label, 0.9, f"{label}: {passage.doc_id}", (evidence,))
        return Verdict(claim, Label.UNVERIFIED, 0.6, "unverified: no relevant evidence in corpus")


def draft_of(claims: list[str]) -> str:
    return " ".join(claims)


def check_into(store: ClaimStore, index, claims: list[str], name: str = "draft.md") -> None:
    """What ``check --store`` does: verify every claim of a draft and record the verdicts."""
    text, at, found = draft_of(claims), 0, []
    for claim_text in claims:
        start = text.index(claim_text, at)
        found.append(Claim(Claim.make_id(claim_text), claim_text, start, start + len(claim_text)))
        at = start + len(claim_text)
    verdicts = ExactMatchVerifier(index)(found)
    store.record_check(store.path.parent / name, text, verdicts, index.corpus_version, index.generation)


@pytest.fixture
def store(tmp_path: Path):
    with ClaimStore.open(tmp_path / "claims.sqlite") as opened:
        yield opened


def labels(store: ClaimStore) -> dict[str, str]:
    return {v.text: v.label for v in store.latest_verdicts().values()}


def test_recheck_reports_exactly_the_flips_and_skips_the_rest(store: ClaimStore):
    index = MemoryIndex(CORPUS)
    check_into(store, index, CLAIMS)
    assert labels(store)[CLAIMS[0]] == "supported" and labels(store)[CLAIMS[3]] == "unverified"

    index.update(
        {
            "factory": CORPUS["factory"].replace("300,000", "200,000"),
            "staff": "The EV unit has 300 employees, Lei Jun said.",
        }
    )
    verifier = ExactMatchVerifier(index)
    report = recheck(store, index, verifier)

    flips = {(c.text, c.old_label, c.new_label) for c in report.changes}
    assert flips == {
        (CLAIMS[0], "supported", "contradicted"),
        (CLAIMS[3], "unverified", "supported"),
    }
    # The production claim cites the edited document: checked again, unchanged. The deal and rival claims
    # retrieve nothing new: skipped without running the verifier.
    assert report.checked_reasons == {"evidence_changed": 2, "new_evidence": 1}
    assert report.skipped_reasons == {"unaffected": 2}
    assert sorted(verifier.seen) == sorted(Claim.make_id(c) for c in CLAIMS[:2] + CLAIMS[3:4])

    by_text = {c.text: c for c in report.changes}
    figure = by_text[CLAIMS[0]].evidence
    assert figure[0]["doc_id"] == "factory" and figure[0]["change"] == "changed"
    assert index.docs["factory"][figure[0]["start"] : figure[0]["end"]] == figure[0]["text"]
    assert "200,000" in figure[0]["text"]
    confirmed = by_text[CLAIMS[3]].evidence
    assert [(e["doc_id"], e["change"]) for e in confirmed] == [("staff", "new")]
    assert index.docs["staff"][confirmed[0]["start"] : confirmed[0]["end"]] == CLAIMS[3].rstrip(".")

    data = report.to_dict()
    assert (data["checked"], data["skipped"], data["corpus_version"]) == (3, 2, index.corpus_version)
    assert {"claim_id", "text", "old_label", "new_label", "confidence", "reason", "evidence"} == set(
        data["changes"][0]
    )

    again = recheck(store, index, ExactMatchVerifier(index))
    assert (again.checked, again.skipped_reasons, again.changes) == (0, {"up_to_date": 5}, [])


def test_removed_evidence_document_is_rechecked(store: ClaimStore):
    index = MemoryIndex(CORPUS)
    check_into(store, index, CLAIMS)
    index.update({"deal": None})
    report = recheck(store, index, ExactMatchVerifier(index))
    assert report.checked_reasons == {"evidence_removed": 1}
    [change] = report.changes
    assert (change.text, change.old_label, change.new_label) == (CLAIMS[2], "supported", "unverified")
    assert [(e["doc_id"], e["change"]) for e in change.evidence] == [("deal", "removed")]


def test_verdicts_made_against_another_index_are_rechecked(store: ClaimStore):
    first = MemoryIndex(CORPUS)
    first.update({"staff": "The EV unit has 300 employees, Lei Jun said."})
    check_into(store, first, CLAIMS)
    rebuilt = MemoryIndex({**CORPUS, "staff": "The EV unit has 3,000 employees, Lei Jun said."})
    assert rebuilt.generation < first.generation
    report = recheck(store, rebuilt, ExactMatchVerifier(rebuilt))
    assert report.checked_reasons == {"index_replaced": 5}
    [change] = report.changes
    assert (change.text, change.old_label, change.new_label) == (CLAIMS[3], "supported", "contradicted")

    other = MemoryIndex(
        {**CORPUS, "staff": "The EV unit has 300 employees, Lei Jun said.", "extra": "Unrelated."}
    )
    other.generation = rebuilt.generation
    report = recheck(store, other, ExactMatchVerifier(other))
    assert report.checked_reasons == {"index_replaced": 5}
    assert [(c.old_label, c.new_label) for c in report.changes] == [("contradicted", "supported")]


def test_recheck_all_verifies_everything_and_appends_history(store: ClaimStore):
    index = MemoryIndex(CORPUS)
    check_into(store, index, CLAIMS)
    verifier = ExactMatchVerifier(index)
    report = recheck(store, index, verifier, all=True)
    assert report.checked_reasons == {"all": 5} and report.skipped == 0 and report.changes == []
    assert len(verifier.seen) == 5
    for claim_text in CLAIMS:
        assert len(store.history(Claim.make_id(claim_text))) == 2


def test_verifier_returning_wrong_claims_is_refused(store: ClaimStore):
    index = MemoryIndex(CORPUS)
    check_into(store, index, CLAIMS)
    index.update({"team": "The EV unit has 300 employees."})

    def broken(claims: list[Claim]) -> list[Verdict]:
        return []

    with pytest.raises(RecheckError, match="returned 0 verdicts"):
        recheck(store, index, broken, all=True)
    assert all(len(store.history(Claim.make_id(c))) == 1 for c in CLAIMS)


def many_claims(count: int) -> tuple[dict[str, str], list[str]]:
    docs = {f"plant-{i}": f"Plant {i} builds {1000 + i} cars a year." for i in range(count)}
    claims = [f"Plant {i} builds {1000 + i} cars a year." for i in range(count)]
    return docs, claims


RECHECK_SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from pathlib import Path
from test_recheck import ExactMatchVerifier, MemoryIndex
from factcheck.workflows.recheck import recheck
from factcheck.workflows.store import ClaimStore

index = MemoryIndex.load(Path({state!r}))
with ClaimStore.open({store!r}) as store:
    recheck(store, index, ExactMatchVerifier(index, delay={delay}), batch_size=4)
"""


def recheck_verdict_count(path: Path) -> int:
    connection = sqlite3.connect(path, timeout=30)
    try:
        return connection.execute(
            "SELECT count(*) FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE r.kind = 'recheck'"
        ).fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        connection.close()


def test_killed_recheck_loses_nothing_and_resumes(tmp_path: Path, store: ClaimStore):
    docs, claims = many_claims(200)
    index = MemoryIndex(docs)
    check_into(store, index, claims)
    assert set(labels(store).values()) == {"supported"}
    index.update({f"plant-{i}": f"Plant {i} builds {2000 + i} cars a year." for i in range(200)})
    state = tmp_path / "index.json"
    index.save(state)

    script = RECHECK_SCRIPT.format(tests=str(TESTS), state=str(state), store=str(store.path), delay=0.01)
    process = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    deadline = time.monotonic() + 60
    while recheck_verdict_count(store.path) < 40:
        assert process.poll() is None, "the re-check ended before it could be killed"
        assert time.monotonic() < deadline, "the re-check made no progress"
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    killed_at = recheck_verdict_count(store.path)
    assert 40 <= killed_at < 200

    report = recheck(store, index, ExactMatchVerifier(index), batch_size=4)
    assert report.resumed
    assert report.checked == 200 and report.checked_reasons["resumed"] == killed_at
    assert len(report.changes) == 200
    assert {(c.old_label, c.new_label) for c in report.changes} == {("supported", "contradicted")}
    assert store.count_claims() == 200
    for claim_text in claims:
        assert [v.label for v in store.history(Claim.make_id(claim_text))] == ["supported", "contradicted"]
    assert recheck(store, index, ExactMatchVerifier(index)).skipped_reasons == {"up_to_date": 200}


def with_lock(store_path: Path, index_lock: Path) -> None:
    with recheck_lock(store_path, index_lock, timeout=0.2):
        pass


def test_flips_of_a_run_interrupted_before_the_corpus_changed_again_are_reported(store: ClaimStore):
    docs, claims = many_claims(12)
    index = MemoryIndex(docs)
    check_into(store, index, claims)
    index.update({f"plant-{i}": f"Plant {i} builds {2000 + i} cars a year." for i in range(12)})
    verifier = ExactMatchVerifier(index)

    def dies_after_two_batches(batch: list[Claim]) -> list[Verdict]:
        if len(verifier.seen) >= 8:
            raise KeyboardInterrupt
        return verifier(batch)

    with pytest.raises(KeyboardInterrupt):
        recheck(store, index, dies_after_two_batches, batch_size=4)
    index.update({"plant-0": "Plant 0 builds 3000 cars a year."})
    report = recheck(store, index, ExactMatchVerifier(index), batch_size=4)
    assert not report.resumed
    # The 4 never re-checked and plant 0 cite changed documents; the 7 others retrieve plant 0.
    assert report.checked_reasons == {"evidence_changed": 5, "new_evidence": 7}
    # 8 flips recorded before the interruption, 4 now.
    assert len(report.changes) == 12
    assert {(c.old_label, c.new_label) for c in report.changes} == {("supported", "contradicted")}
    assert recheck(store, index, ExactMatchVerifier(index)).changes == []


def test_lock_contention_is_a_clear_error(tmp_path: Path):
    from filelock import FileLock

    store_path = tmp_path / "claims.sqlite"
    index_lock = tmp_path / "index.lock"
    held = recheck_lock(store_path, index_lock, timeout=1)
    with held, pytest.raises(RecheckError, match="another re-check is running"):
        with_lock(store_path, index_lock)
    with FileLock(str(index_lock)), pytest.raises(RecheckError, match="index is being updated"):
        with_lock(store_path, index_lock)
    with recheck_lock(store_path, index_lock, timeout=0.2):
        pass


def write_corpus(folder: Path, docs: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    for doc_id, text in docs.items():
        (folder / f"{doc_id}.md").write_text(f"# {doc_id}\n\n{text}\n", encoding="utf-8")


@pytest.fixture
def indexed(tmp_path: Path, embedder):
    """A real index over a small corpus, and a store where every claim of a draft was checked against it."""
    from factcheck.corpus.index import CorpusIndex, build_index

    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    write_corpus(corpus, CORPUS)
    build_index([corpus], index_dir, embedder=embedder)
    with (
        CorpusIndex.open(index_dir, embedder=embedder) as index,
        ClaimStore.open(tmp_path / "claims.sqlite") as store,
    ):
        check_into(store, RetrievingIndex(index), CLAIMS)
        assert labels(store)[CLAIMS[0]] == "supported" and labels(store)[CLAIMS[3]] == "unverified"
    # The correction lands and a confirming report arrives.
    write_corpus(corpus, {"factory": CORPUS["factory"].replace("300,000", "200,000")})
    write_corpus(corpus, {"staff": "The EV unit has 300 employees, Lei Jun said."})
    report = build_index([corpus], index_dir, embedder=embedder)
    assert (report.changed, report.added) == (["factory"], ["staff"])
    return tmp_path


class RetrievingIndex:
    """A real index whose searches return only the best passage (a corpus this small has no distractors)."""

    def __init__(self, index) -> None:
        self.index = index

    def __getattr__(self, name: str):
        return getattr(self.index, name)

    def search_many(self, queries: list[str], k: int = 5, mode: str = "hybrid") -> list[list[Passage]]:
        return self.index.search_many(queries, 1, mode)


@pytest.mark.slow
def test_recheck_against_a_real_index_reports_exactly_the_flips(indexed: Path, embedder):
    from factcheck.corpus.index import CorpusIndex

    with (
        CorpusIndex.open(indexed / "index", embedder=embedder) as real,
        ClaimStore.open(indexed / "claims.sqlite") as store,
    ):
        index = RetrievingIndex(real)
        report = recheck(store, index, ExactMatchVerifier(index))
        flips = {(c.text, c.old_label, c.new_label) for c in report.changes}
        assert flips == {(CLAIMS[0], "supported", "contradicted"), (CLAIMS[3], "unverified", "supported")}
        assert report.checked_reasons == {"evidence_changed": 2, "new_evidence": 1}
        assert report.skipped_reasons == {"unaffected": 2}
        for change in report.changes:
            for item in change.evidence:
                document = real.document(item["doc_id"])
                assert document.text[item["start"] : item["end"]] == item["text"]
                assert item["doc_version"] == document.version
        assert recheck(store, index, ExactMatchVerifier(index)).skipped_reasons == {"up_to_date": 5}


@pytest.mark.slow
def test_recheck_command_json_exit_codes_and_quiet(indexed: Path, embedder, monkeypatch):
    from typer.testing import CliRunner

    import factcheck.workflows.recheck
    from factcheck.cli import app
    from factcheck.corpus.index import CorpusIndex

    opened = []

    def exact_match_verify(index_dir: Path, settings) -> ExactMatchVerifier:
        opened.append(CorpusIndex.open(index_dir, embedder=embedder))
        return ExactMatchVerifier(RetrievingIndex(opened[-1]))

    monkeypatch.setattr(factcheck.workflows.recheck, "pipeline_verify", exact_match_verify)
    monkeypatch.setenv("FACTCHECK_TOP_K", "1")
    options = ["--index", str(indexed / "index"), "--store", str(indexed / "claims.sqlite")]
    runner = CliRunner()

    result = runner.invoke(app, ["recheck", *options, "--format", "json", "--fail-on-change", "--quiet"])
    assert result.exit_code == 3, result.output
    data = json.loads(result.stdout)
    assert (data["checked"], data["skipped"], data["skipped_reasons"]) == (3, 2, {"unaffected": 2})
    assert {(c["text"], c["old_label"], c["new_label"]) for c in data["changes"]} == {
        (CLAIMS[0], "supported", "contradicted"),
        (CLAIMS[3], "unverified", "supported"),
    }
    assert data["corpus_version"] == opened[0].corpus_version

    quiet = runner.invoke(app, ["recheck", *options, "--quiet", "--fail-on-change"])
    assert (quiet.exit_code, quiet.stdout) == (0, "")

    out = indexed / "report.txt"
    everything = runner.invoke(app, ["recheck", *options, "--all", "--out", str(out)])
    assert everything.exit_code == 0 and everything.stdout == ""
    assert out.read_text().startswith(
        f"corpus {data['corpus_version']}: 5 claim(s) checked, 0 skipped, 0 changed"
    )
    for index in opened:
        index.close()


def test_recheck_command_bad_input_is_one_line(tmp_path: Path):
    (tmp_path / "index").mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "factcheck",
            "recheck",
            "--index",
            str(tmp_path / "index"),
            "--store",
            str(tmp_path / "none.sqlite"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no claim store here" in result.stderr
    assert "Traceback" not in result.stderr


FIGURE_CLAIM = "Xiaomi plans to build 300,000 cars a year at its first factory."
MUNICH_REPORT = """# Xiaomi to open a car design centre in Munich

MUNICH, December 2, 2021 (Newsdesk) - Xiaomi will open a design centre in Munich in 2022, the company said on
Thursday. The centre will employ designers for Xiaomi EV, the car unit led by founder Lei Jun.
"""


@pytest.fixture
def product():
    """The real check pipeline and verdict model; skips while the verdict model cannot be loaded."""
    from factcheck.verification.model import shared_verifier_model
    from factcheck.workflows.check import check_draft

    try:
        shared_verifier_model().warm_up()
    except FactcheckError as exc:
        pytest.skip(f"the verdict model is not available ({exc})")
    return check_draft


@pytest.mark.slow
def test_end_to_end_on_the_bundled_corpus(tmp_path: Path, product):
    import shutil

    from factcheck.corpus.index import build_index
    from factcheck.workflows.recheck import recheck_store

    corpus, index_dir, store_file = tmp_path / "corpus", tmp_path / "index", tmp_path / "claims.sqlite"
    shutil.copytree(ROOT / "corpus", corpus)
    build_index([corpus], index_dir)
    checked = product(str(ROOT / "claims" / "xiaomi-draft.md"), index=index_dir, store=store_file, quiet=True)
    before = {str(v.claim.text): str(v.label) for v in checked.verdicts}
    munich = next((text for text in before if "Munich" in text), None)
    if before.get(FIGURE_CLAIM) != "supported" or munich is None or before[munich] != "unverified":
        pytest.skip(f"the verifier does not yet give the demo draft's expected labels: {before}")

    factory = corpus / "xiaomi-beijing-factory.md"
    factory.write_text(factory.read_text().replace("300,000 cars a year", "200,000 cars a year"))
    (corpus / "xiaomi-munich-centre.md").write_text(MUNICH_REPORT)
    build_index([corpus], index_dir)

    report = recheck_store(store_file, index_dir, quiet=True)
    flips = {(c.text, c.old_label, c.new_label) for c in report.changes}
    assert flips == {(FIGURE_CLAIM, "supported", "contradicted"), (munich, "unverified", "supported")}
    assert report.checked + report.skipped == len(before)
    causes = {c.text: {e["doc_id"]: e["change"] for e in c.evidence} for c in report.changes}
    assert causes[munich].get("xiaomi-munich-centre") == "new"
    assert "xiaomi-beijing-factory" in causes[FIGURE_CLAIM]
    assert recheck_store(store_file, index_dir, quiet=True).skipped_reasons == {"up_to_date": len(before)}
