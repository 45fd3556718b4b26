"""The vocabulary of every stage: documents, passages, claims, evidence and verdicts.

All of them are small frozen dataclasses with character offsets back into the text they came from, so a
piece of evidence or a claim can always be quoted and located exactly.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Label(StrEnum):
    """A claim's verdict."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    UNVERIFIED = "unverified"


class Stance(StrEnum):
    """What one piece of evidence says about a claim."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    NEUTRAL = "neutral"


def content_hash(text: str) -> str:
    """A stable hash of a text (sha256 of its UTF-8 bytes, hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SourceDocument:
    """A document of the corpus, as read from disk, before indexing."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    path: str | None = None

    @property
    def version(self) -> str:
        """The document's content version: a hash of its text and metadata."""
        meta = "\x1f".join(x or "" for x in (self.title, self.url, self.date))
        return content_hash(meta + "\x1e" + self.text)[:16]


@dataclass(frozen=True)
class Passage:
    """A few sentences of one document; ``text == document_text[start:end]``."""

    doc_id: str
    start: int
    end: int
    text: str
    title: str | None = None
    doc_version: str | None = None
    score: float = 0.0


@dataclass(frozen=True)
class Claim:
    """One atomic, self-contained, checkable statement taken from a draft.

    ``text`` is the decontextualised claim; ``draft[start:end]`` is the span of the draft it came from.
    ``needs_context``: a reference in it could not be resolved (its verdict is at most unverified).
    ``checkworthiness``: the score in [0, 1] that kept it, ``kept_because`` the signals that weighed most;
    ``spans``: every stretch of the draft its words come from, when there are several (a shared subject, a
    question and its answer), else empty.
    """

    id: str
    text: str
    start: int
    end: int
    sentence: int = 0
    needs_context: bool = False
    has_quantity: bool = False
    checkworthiness: float | None = None
    kept_because: tuple[str, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()

    @staticmethod
    def make_id(text: str) -> str:
        """A stable id from the normalised claim text: the same claim in a later draft keeps its id."""
        normalised = " ".join(text.lower().split()).rstrip(".")
        return content_hash(normalised)[:12]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Evidence:
    """A span of a corpus document quoted for a claim; ``text == document_text[start:end]``."""

    doc_id: str
    text: str
    start: int
    end: int
    score: float
    stance: Stance = Stance.NEUTRAL
    title: str | None = None
    doc_version: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "score": round(float(self.score), 4),
            "stance": str(self.stance),
            "doc_version": self.doc_version,
        }


@dataclass(frozen=True)
class Verdict:
    """The verdict on one claim, with its calibrated confidence, a one-line reason and the evidence."""

    claim: Claim
    label: Label
    confidence: float
    reason: str
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    probabilities: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.claim.id,
            "text": self.claim.text,
            "start": self.claim.start,
            "end": self.claim.end,
            "label": str(self.label),
            "confidence": round(float(self.confidence), 4),
            "reason": self.reason,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class CheckResult:
    """Everything ``factcheck check`` found in one draft."""

    source: str
    draft_text: str
    corpus_version: str | None
    verdicts: tuple[Verdict, ...]
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self) -> dict[str, int]:
        counts = {str(label): 0 for label in Label}
        for verdict in self.verdicts:
            counts[str(verdict.label)] += 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON schema of a check (documented in the README)."""
        return {
            "source": self.source,
            "corpus_version": self.corpus_version,
            "claims": [v.to_dict() for v in self.verdicts],
            "summary": self.summary(),
        }
