"""Re-checking stored claims when the corpus changes.

By default only the claims whose verdict may have changed are verified again:

- ``evidence_changed`` / ``evidence_removed``: a document cited as evidence has a new version or is gone;
- ``new_evidence``: retrieval for the claim (one batched search over every remaining claim) now returns a
  passage from a document added or changed since the claim's last verdict;
- ``never_checked``: a stored claim without a verdict; ``index_replaced``: the last verdict was made
  against another index (its generation is ahead of this one's, or this index recorded no change since
  that generation although the corpus version differs).

The rest is skipped as ``up_to_date`` (already verified against the current corpus version) or
``unaffected`` (nothing it cites or retrieves has changed). ``all=True`` verifies every claim.

New verdicts are appended to the store in small transactions under a run id. A re-check that is killed
loses at most the batch in flight; the next re-check against the same corpus version resumes that run
(claims it already verified are not verified twice) and reports the run's changes in full; the flips of a
re-check interrupted against an older corpus version are reported by the next re-check.
The verification itself is injected: any callable that takes claims and returns their verdicts.

A claim an editor settled (confirmed its verdict, or said it was wrong and gave the right label) is not
silently flipped when a document behind that decision changes: the re-check appends a ``flagged`` decision
for it and reports it among ``flags``, so an editor looks at it again.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from filelock import FileLock, Timeout

from factcheck.corpus.index import LOCK_FILE, CorpusIndex, ensure_index
from factcheck.domain import Claim, Passage, Verdict
from factcheck.errors import FactcheckError, StoreError
from factcheck.pipeline import build_verification_pipeline
from factcheck.settings import Settings, load_settings
from factcheck.workflows.store import SETTLED_KINDS, ClaimStore, StoredClaim, StoredVerdict

Verify = Callable[[list[Claim]], list[Verdict]]
RECHECK_KINDS = ("recheck", "recheck-all")
Progress = Callable[[int, int], None]


class RecheckError(FactcheckError):
    """A re-check that cannot run (locked, or the verifier misbehaved)."""


class CorpusView(Protocol):
    """What a re-check needs from the corpus index (``factcheck.corpus.index.CorpusIndex`` provides it)."""

    @property
    def corpus_version(self) -> str: ...

    @property
    def generation(self) -> int: ...

    def document_versions(self) -> dict[str, str]: ...

    def documents_changed_since(self, generation: int) -> set[str]: ...

    def documents_removed_since(self, generation: int) -> set[str]: ...

    def search_many(self, queries: list[str], k: int, mode: str) -> list[list[Passage]]: ...


@dataclass(frozen=True)
class Change:
    """A claim whose label flipped, with the evidence that caused it."""

    claim_id: str
    text: str
    old_label: str
    new_label: str
    confidence: float
    reason: str
    evidence: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "claim_id": self.claim_id,
            "text": self.text,
            "old_label": self.old_label,
            "new_label": self.new_label,
            "confidence": round(self.confidence, 4),
            "reason": self.reason,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class Flag:
    """A claim an editor settled whose documents changed since: it needs an editor again."""

    claim_id: str
    text: str
    decision: str
    editor_label: str | None
    editor: str
    decided_at: str
    label: str | None
    documents: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "claim_id": self.claim_id,
            "text": self.text,
            "decision": self.decision,
            "editor_label": self.editor_label,
            "editor": self.editor,
            "decided_at": self.decided_at,
            "label": self.label,
            "documents": self.documents,
        }

    def why(self) -> str:
        """One line: what changed and what the latest verdict says."""
        moved = ", ".join(f"{d['doc_id']} {d['change']}" for d in self.documents)
        return (
            f"{self.decision} by {self.editor} as {self.editor_label}; since then {moved}; "
            f"latest verdict {self.label}"
        )


@dataclass
class RecheckReport:
    """What a re-check did: how many claims it verified and why, how many it skipped and why, the flips."""

    corpus_version: str
    generation: int
    run_id: str
    checked_reasons: Counter[str] = field(default_factory=Counter)
    skipped_reasons: Counter[str] = field(default_factory=Counter)
    changes: list[Change] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    resumed: bool = False
    seconds: float = 0.0

    @property
    def checked(self) -> int:
        """Claims verified again by this run (including, when resumed, before the interruption)."""
        return sum(self.checked_reasons.values())

    @property
    def skipped(self) -> int:
        """Claims not verified again."""
        return sum(self.skipped_reasons.values())

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form."""
        return {
            "corpus_version": self.corpus_version,
            "generation": self.generation,
            "checked": self.checked,
            "skipped": self.skipped,
            "checked_reasons": dict(sorted(self.checked_reasons.items())),
            "skipped_reasons": dict(sorted(self.skipped_reasons.items())),
            "resumed": self.resumed,
            "seconds": round(self.seconds, 3),
            "changes": [change.to_dict() for change in self.changes],
            "flags": [flag.to_dict() for flag in self.flags],
        }


class _ChangedDocuments:
    """``documents_changed_since`` memoised per generation (verdicts share few generations)."""

    def __init__(self, index: CorpusView) -> None:
        self._index = index
        self._cache: dict[int, set[str]] = {}

    def since(self, generation: int | None) -> set[str]:
        key = generation or 0
        if key not in self._cache:
            self._cache[key] = set(self._index.documents_changed_since(key))
        return self._cache[key]


def _baseline(claim: StoredClaim) -> tuple[str | None, int | None]:
    """The corpus version and generation a claim's verdict was last known good against: when it was
    made, or when a later re-check found nothing it uses had changed."""
    verdict, review = claim.latest, claim.review
    assert verdict is not None
    if review is not None and review.reviewed_at >= verdict.made_at:
        return review.corpus_version, review.generation
    return verdict.corpus_version, verdict.generation


def _evidence_reason(
    verdict: StoredVerdict, since: int | None, versions: dict[str, str], changed: _ChangedDocuments
) -> str | None:
    """Why the documents a verdict cites make it stale, if they do (``since``: its baseline generation)."""
    reason = None
    for item in verdict.evidence:
        doc_id = item.get("doc_id")
        if doc_id not in versions:
            return "evidence_removed"
        seen = item.get("doc_version")
        if (seen and seen != versions[doc_id]) or (not seen and doc_id in changed.since(since)):
            reason = "evidence_changed"
    return reason


def _other_index(generation: int | None, index: CorpusView, changed: _ChangedDocuments) -> bool:
    """Whether a verdict with another corpus version was made against another index (or one rebuilt from
    scratch): its generation is ahead of this index, or nothing changed here since that generation."""
    if generation is None:
        return False
    if generation > index.generation:
        return True
    return not changed.since(generation) and not index.documents_removed_since(generation)


def plan_recheck(
    claims: Sequence[StoredClaim],
    index: CorpusView,
    all: bool = False,
    done: frozenset[str] = frozenset(),
    k: int = 5,
    mode: str = "hybrid",
) -> tuple[list[tuple[StoredClaim, str]], Counter[str], list[str]]:
    """Decides which claims to verify again (with the reason) and counts the skipped ones by reason.

    ``done`` holds the ids of claims already verified by the run being resumed; they are left out.
    Also returns the ids of the ``unaffected`` claims (their verdicts stand at this corpus version).
    """
    to_verify: list[tuple[StoredClaim, str]] = []
    skipped: Counter[str] = Counter()
    versions = index.document_versions()
    changed = _ChangedDocuments(index)
    to_search: list[tuple[StoredClaim, int | None]] = []
    unaffected: list[str] = []
    for claim in claims:
        if claim.id in done:
            continue
        if claim.latest is None:
            to_verify.append((claim, "never_checked"))
            continue
        if all:
            to_verify.append((claim, "all"))
            continue
        corpus_version, generation = _baseline(claim)
        if corpus_version == index.corpus_version:
            skipped["up_to_date"] += 1
        elif _other_index(generation, index, changed):
            to_verify.append((claim, "index_replaced"))
        elif reason := _evidence_reason(claim.latest, generation, versions, changed):
            to_verify.append((claim, reason))
        else:
            to_search.append((claim, generation))
    if to_search:
        results = index.search_many([claim.text for claim, _ in to_search], k, mode)
        for (claim, generation), passages in zip(to_search, results, strict=True):
            fresh = changed.since(generation)
            if any(passage.doc_id in fresh for passage in passages):
                to_verify.append((claim, "new_evidence"))
            else:
                unaffected.append(claim.id)
        skipped["unaffected"] = len(unaffected)
    return to_verify, skipped, unaffected


def _batches(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for begin in range(0, len(items), size):
        yield items[begin : begin + size]


def recheck(
    store: ClaimStore,
    index: CorpusView,
    verify: Verify,
    all: bool = False,
    progress: Progress | None = None,
    k: int = 5,
    mode: str = "hybrid",
    batch_size: int = 8,
) -> RecheckReport:
    """Re-verifies the stored claims that the corpus changes may affect (every claim with ``all``).

    ``verify`` takes a list of claims and returns one verdict per claim, in order. Each batch of new
    verdicts is committed in its own transaction. Returns the report of the whole run.
    """
    began = time.perf_counter()
    kind = "recheck-all" if all else "recheck"
    corpus_version, generation = index.corpus_version, index.generation
    interrupted = store.unfinished_run(kind, corpus_version)
    run_id = interrupted.id if interrupted else store.start_run(kind, corpus_version, generation)
    # Re-checks interrupted against an older corpus (or in the other mode) are not resumed, but the flips
    # they recorded are reported here once.
    abandoned = [r for r in store.unfinished_runs(RECHECK_KINDS) if r.id != run_id]
    report = RecheckReport(corpus_version, generation, run_id, resumed=interrupted is not None)
    earlier = store.run_verdicts(run_id) if interrupted else []
    done = frozenset(v.claim_id for v in earlier)
    if earlier:
        report.checked_reasons["resumed"] = len(done)

    to_verify, report.skipped_reasons, unaffected = plan_recheck(
        store.claims_for_recheck(), index, all=all, done=done, k=k, mode=mode
    )
    if unaffected:
        store.record_reviews(unaffected, corpus_version, generation, run_id)
    total = len(to_verify)
    if progress:
        progress(0, total)
    verified = 0
    for batch in _batches(to_verify, max(1, batch_size)):
        claims = [stored.to_claim() for stored, _ in batch]
        verdicts = list(verify(claims))
        if [v.claim.id for v in verdicts] != [c.id for c in claims]:
            raise RecheckError(f"the verifier returned {len(verdicts)} verdicts for {len(claims)} claims")
        store.record_verdicts(verdicts, corpus_version, generation, run_id)
        for _, reason in batch:
            report.checked_reasons[reason] += 1
        verified += len(batch)
        if progress:
            progress(verified, total)
    for run in abandoned:
        report.changes.extend(changes_of_run(store, index, run.id))
        store.finish_run(run.id)
    report.changes.extend(changes_of_run(store, index, run_id))
    report.flags = flag_settled_claims(store, index, run_id)
    store.finish_run(run_id)
    report.seconds = time.perf_counter() - began
    return report


def flips_of_run(store: ClaimStore, run_id: str) -> list[tuple[StoredVerdict, StoredVerdict]]:
    """The (previous, new) verdict pairs of the claims whose label a run flipped, in the order written."""
    flips = []
    for verdict in store.run_verdicts(run_id):
        before = store.previous_verdict(verdict)
        if before is not None and before.label != verdict.label:
            flips.append((before, verdict))
    return flips


def flag_settled_claims(store: ClaimStore, index: CorpusView, run_id: str) -> list[Flag]:
    """Flags (in the store, under ``run_id``) every settled claim whose decision's evidence documents have
    changed or gone since the decision, and returns the flags.

    A flag is itself the claim's latest decision, so a claim is flagged once until an editor decides again.
    """
    versions = index.document_versions()
    latest = store.latest_verdicts()
    flags = []
    for claim_id, decision in store.decision_states().items():
        if decision.kind not in SETTLED_KINDS or decision.verdict_id is None:
            continue
        decided_on = store.verdict(decision.verdict_id)
        if decided_on is None:
            continue
        moved = []
        for item in decided_on.evidence:
            doc_id, seen = item.get("doc_id"), item.get("doc_version")
            now_version = versions.get(doc_id)
            if now_version is None or (seen and seen != now_version):
                change = "removed" if now_version is None else "changed"
                moved.append({"doc_id": doc_id, "change": change, "doc_version": seen, "now": now_version})
        if not moved:
            continue
        now = latest.get(claim_id)
        flags.append(
            Flag(
                claim_id=claim_id,
                text=decided_on.text,
                decision=decision.kind,
                editor_label=decision.label,
                editor=decision.editor,
                decided_at=decision.made_at,
                label=now.label if now else None,
                documents=moved,
            )
        )
    if flags:
        rows = [(f.claim_id, getattr(latest.get(f.claim_id), "id", None), f.label, f.why()) for f in flags]
        store.record_flags(rows, run_id)
    return flags


def changes_of_run(store: ClaimStore, index: CorpusView, run_id: str) -> list[Change]:
    """The label flips a run made, each with the evidence behind it marked new, changed or removed."""
    versions = index.document_versions()
    changed = _ChangedDocuments(index)
    changes = []
    for before, verdict in flips_of_run(store, run_id):
        changes.append(
            Change(
                claim_id=verdict.claim_id,
                text=verdict.text,
                old_label=before.label,
                new_label=verdict.label,
                confidence=verdict.confidence,
                reason=verdict.reason,
                evidence=_marked_evidence(before, verdict, versions, changed),
            )
        )
    return changes


def _marked_evidence(
    before: StoredVerdict, after: StoredVerdict, versions: dict[str, str], changed: _ChangedDocuments
) -> list[dict[str, Any]]:
    """The new verdict's evidence, each item marked with what happened to its document since ``before``;
    then the evidence ``before`` cited from documents since changed or removed."""
    fresh = changed.since(before.generation)
    cited_before = {item.get("doc_id"): item for item in before.evidence}
    marked = []
    for item in after.evidence:
        doc_id = item.get("doc_id")
        old = cited_before.get(doc_id)
        if old is not None and old.get("doc_version") and old.get("doc_version") != item.get("doc_version"):
            change = "changed"
        elif doc_id in fresh:
            change = "changed" if old is not None else "new"
        else:
            change = "unchanged"
        marked.append({**item, "change": change})
    cited_now = {item.get("doc_id") for item in after.evidence}
    for doc_id, item in cited_before.items():
        if doc_id in cited_now:
            continue
        if doc_id not in versions:
            marked.append({**item, "change": "removed"})
        elif (item.get("doc_version") and item["doc_version"] != versions[doc_id]) or doc_id in fresh:
            marked.append({**item, "change": "superseded"})
    return marked


@contextmanager
def recheck_lock(store_path: Path, index_lock: Path | None, timeout: float) -> Iterator[None]:
    """Holds the store's re-check lock and the index folder's lock for the whole re-check.

    A second re-check on the same store, or indexing of the same index, waits up to ``timeout`` seconds
    and then fails with a clear message (re-check side) rather than interleaving.
    """
    store_lock = FileLock(str(store_path) + ".lock")
    try:
        store_lock.acquire(timeout=timeout)
    except Timeout:
        raise RecheckError(
            f"{store_path}: another re-check is running on this claim store (waited {timeout:g} s)"
        ) from None
    except OSError as exc:
        raise StoreError(f"{store_path}: cannot lock the claim store ({exc.strerror})") from exc
    try:
        if index_lock is None:
            yield
            return
        lock = FileLock(str(index_lock))
        try:
            lock.acquire(timeout=timeout)
        except Timeout:
            raise RecheckError(
                f"{index_lock.parent}: the index is being updated (waited {timeout:g} s); try again later"
            ) from None
        try:
            yield
        finally:
            lock.release()
    finally:
        store_lock.release()


def store_path(store_arg: str | Path | None, settings: Settings) -> Path:
    """The claim store to use: ``--store``, else ``FACTCHECK_STORE``, else the user data folder's."""
    if store_arg:
        return Path(store_arg).expanduser()
    if settings.store:
        return Path(settings.store).expanduser()
    return settings.default_store_path


def pipeline_verify(index_dir: Path, settings: Settings) -> Verify:
    """The product's verification (retrieval then the verdict model), built once for many batches."""
    pipeline = build_verification_pipeline(index_dir, settings)

    def verify(claims: list[Claim]) -> list[Verdict]:
        if not claims:
            return []
        outputs = pipeline.run({"queries": {"claims": claims}, "verifier": {"claims": claims}})
        return list(outputs["verifier"]["verdicts"])

    return verify


def recheck_store(
    store_arg: str | Path | None = None,
    index_arg: str | Path | None = None,
    all: bool = False,
    settings: Settings | None = None,
    verify: Verify | None = None,
    progress: Progress | None = None,
    quiet: bool = False,
) -> RecheckReport:
    """The ``recheck`` use case: locks the store and the index, then re-checks the store's claims.

    ``verify`` defaults to the product's verification pipeline over the same index.
    """
    settings = settings or load_settings()
    path = store_path(store_arg, settings)
    # The bundled demo index is brought up to date first (that takes the index lock itself).
    index_dir = ensure_index(settings, str(index_arg) if index_arg else None, quiet=quiet)
    with (
        ClaimStore.open(path, create=False) as store,
        recheck_lock(path, index_dir / LOCK_FILE, settings.index_lock_timeout),
        CorpusIndex.open(index_dir, settings) as index,
    ):
        return recheck(
            store,
            index,
            verify or pipeline_verify(index_dir, settings),
            all=all,
            progress=progress,
            k=settings.top_k,
            mode=settings.retrieval_mode,
            batch_size=settings.recheck_batch_size,
        )
