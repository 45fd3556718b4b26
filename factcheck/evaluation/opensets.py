"""Open-retrieval dev settings built from public data: every claim retrieves among look-alike evidence.

In oracle mode a claim meets only its own gold evidence. Here the evidence of *all* claims of a data set is
indexed as one corpus, so each claim is verified against whatever the normal retrieval path (corpus index,
hybrid search, ``Verifier``) finds among sentences written about the same articles, the same entities and
often the same facts with another figure. That is where false contradictions come from.

Settings (dev / validation portions only: these are for choosing thresholds, never a test split):

- ``climate-fever-open``: every evidence sentence of every Climate-FEVER dev-half claim (DISPUTED claims'
  evidence included) is a document, id ``evidence_id`` (``Article:index``), title the Wikipedia article.
  Claims: the non-DISPUTED ones; gold documents are the evidence sentences labelled like the claim.
- ``fever-lite-open``: every distinct evidence sentence of FEVER-lite validation (de-tokenised) is a
  document; FEVER-lite names no article, so there is no title. Many claims share a sentence: FEVER made
  supported and refuted claims from the same sentence.
- ``fm2-open``: Fool-Me-Twice dev, the gold evidence *and* the retrieved non-gold evidence of every claim,
  one sentence per document, title the claim's Wikipedia page.
- ``scifact-open``: SciFact training claims against its abstract corpus, one document per abstract
  ("title, blank line, abstract", as ``factcheck eval --corpus`` indexes it).

``restrict`` makes the small version used with ``--limit N``: a seeded sample of N claims (the same sample
``factcheck eval --limit N --seed S`` takes) and a corpus of the documents those claims come with (their gold
and, where the set has them, non-gold evidence) plus their look-alike neighbours: for each sampled claim the
``neighbours`` best BM25 matches of the claim text among *all* documents of the setting, and the
``per_evidence`` best matches of each of its gold documents' text. The neighbours are found lexically
(SQLite FTS5, no model), so a small corpus can be chosen without embedding the large one; the dense half of
the hybrid search then ranks within it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.corpus.index import CorpusIndex, build_index, fts_query
from factcheck.errors import FactcheckError, InputError
from factcheck.evaluation.datasets import (
    FEVER_LABELS,
    LabelledClaim,
    _field,
    _json_lines,
    _map_label,
    _scifact_corpus,
    detokenize,
    fm2_records,
    list_field,
    read_scifact,
    select,
    sentence_id,
)
from factcheck.report.write import write_output


@dataclass(frozen=True)
class OpenDocument:
    """One document of an open-retrieval corpus (a sentence, or a SciFact abstract)."""

    id: str
    text: str
    title: str | None = None

    def to_json(self) -> str:
        """One line of the project's JSONL document format."""
        record = {"id": self.id, "title": self.title, "text": self.text}
        return json.dumps(record, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class OpenSetting:
    """Labelled claims and one corpus of all their evidence.

    ``claims[i].evidence_doc`` are the claim's gold documents (ids in ``documents``); ``own_docs[claim id]``
    are all documents the claim comes with in the data set (gold and non-gold evidence).
    """

    name: str
    claims: tuple[LabelledClaim, ...]
    documents: tuple[OpenDocument, ...]
    own_docs: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def digest(self) -> str:
        """A short hash of the corpus content (names the cached index)."""
        hasher = hashlib.sha256()
        for document in sorted(self.documents, key=lambda d: d.id):
            hasher.update(document.to_json().encode("utf-8") + b"\n")
        return hasher.hexdigest()[:12]


def _add(documents: dict[str, OpenDocument], document: OpenDocument) -> None:
    documents.setdefault(document.id, document)


def climate_fever_open(path: Path) -> OpenSetting:
    """Climate-FEVER dev-half: every evidence sentence a document, titled with its Wikipedia article."""
    documents: dict[str, OpenDocument] = {}
    claims: list[LabelledClaim] = []
    own: dict[str, tuple[str, ...]] = {}
    for number, record in _json_lines(path):
        evidences = list_field(record, "evidences", path, number)
        mine: list[tuple[str, str]] = []  # (document id, evidence label)
        for evidence in evidences:
            text = str(evidence.get("evidence") or "").strip()
            if not text:
                continue
            article = str(evidence.get("article") or "").strip() or None
            doc_id = str(evidence.get("evidence_id") or "").strip() or sentence_id("cf", article or "", text)
            _add(documents, OpenDocument(doc_id, text, article))
            mine.append((doc_id, str(evidence.get("evidence_label", "")).lower()))
        raw = str(record.get("claim_label", "")).strip().upper()
        if raw == "DISPUTED":
            continue  # its evidence stays in the corpus as look-alikes; the claim has no single label
        label = _map_label(raw, FEVER_LABELS, path, number)
        claim_id = str(record.get("claim_id", number))
        gold = tuple(d for d, e in mine if label != "unverified" and FEVER_LABELS.get(e) == label)
        claims.append(
            LabelledClaim(
                claim_id,
                _field(record, "claim", path, number),
                label,
                tuple(documents[d].text for d, _ in mine),
                tuple(dict.fromkeys(gold)),
            )
        )
        own[claim_id] = tuple(dict.fromkeys(d for d, _ in mine))
    return OpenSetting("climate-fever-open", tuple(claims), tuple(documents.values()), own)


def fever_lite_open(path: Path) -> OpenSetting:
    """FEVER-lite validation: every distinct (de-tokenised) evidence sentence a document, no title."""
    documents: dict[str, OpenDocument] = {}
    claims: list[LabelledClaim] = []
    own: dict[str, tuple[str, ...]] = {}
    for number, record in _json_lines(path):
        evidence = list_field(record, "evidence", path, number)
        sentences = [detokenize(str(s)) for s in evidence if str(s).strip()]
        ids = []
        for text in sentences:
            doc_id = sentence_id("fever", text)
            _add(documents, OpenDocument(doc_id, text))
            ids.append(doc_id)
        claim_id = str(record.get("id", number))
        label = _map_label(record.get("label"), FEVER_LABELS, path, number)
        gold = tuple(dict.fromkeys(ids))
        claims.append(
            LabelledClaim(
                claim_id, detokenize(_field(record, "claim", path, number)), label, tuple(sentences), gold
            )
        )
        own[claim_id] = gold
    return OpenSetting("fever-lite-open", tuple(claims), tuple(documents.values()), own)


def fm2_open(path: Path) -> OpenSetting:
    """Fool-Me-Twice dev: gold and retrieved evidence sentences, titled with the claim's Wikipedia page."""
    documents: dict[str, OpenDocument] = {}
    claims: list[LabelledClaim] = []
    own: dict[str, tuple[str, ...]] = {}
    for record in fm2_records(path):
        for doc_id, text in record.gold + record.retrieved:
            _add(documents, OpenDocument(doc_id, text, record.page))
        claims.append(record.claim)
        own[record.claim.id] = tuple(dict.fromkeys(doc_id for doc_id, _ in record.gold + record.retrieved))
    return OpenSetting("fm2-open", tuple(claims), tuple(documents.values()), own)


def scifact_open(claims_path: Path) -> OpenSetting:
    """SciFact claims against their abstract corpus (``corpus.jsonl.gz`` beside the claims file)."""
    corpus = _scifact_corpus(claims_path)
    titles = _scifact_titles(claims_path)
    documents = []
    for doc_id, abstract in corpus.items():
        body = " ".join(s.strip() for s in abstract if s.strip())
        if not body:
            continue
        title = titles.get(doc_id) or None
        documents.append(OpenDocument(doc_id, f"{title}\n\n{body}" if title else body, title))
    claims = tuple(read_scifact(claims_path))
    cited = {
        str(record.get("id", number)): [str(d) for d in record.get("cited_doc_ids") or []]
        for number, record in _json_lines(claims_path)
    }
    own = {c.id: tuple(dict.fromkeys([*c.evidence_doc, *cited.get(c.id, [])])) for c in claims}
    return OpenSetting("scifact-open", claims, tuple(documents), own)


def _scifact_titles(claims_path: Path) -> dict[str, str]:
    for name in ("corpus.jsonl.gz", "corpus.jsonl"):
        candidate = claims_path.parent / name
        if candidate.is_file():
            return {str(r["doc_id"]): str(r.get("title") or "").strip() for _, r in _json_lines(candidate)}
    return {}


READERS: dict[str, Callable[[Path], OpenSetting]] = {
    "climate-fever-open": climate_fever_open,
    "fever-lite-open": fever_lite_open,
    "fm2-open": fm2_open,
    "scifact-open": scifact_open,
}


class LexicalNeighbours:
    """BM25 (SQLite FTS5, in memory) over the documents of a setting: the look-alikes of a text."""

    def __init__(self, documents: Sequence[OpenDocument]) -> None:
        self._ids = [d.id for d in documents]
        self._db = sqlite3.connect(":memory:")
        self._db.execute("CREATE VIRTUAL TABLE docs USING fts5(text, tokenize='porter unicode61')")
        self._db.executemany(
            "INSERT INTO docs(rowid, text) VALUES (?, ?)", [(i, d.text) for i, d in enumerate(documents)]
        )

    def nearest(self, text: str, k: int) -> list[str]:
        """Ids of the ``k`` documents that match ``text`` best, best first."""
        expression = fts_query(text)
        if expression is None or k <= 0:
            return []
        rows = self._db.execute(
            "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?", (expression, k)
        ).fetchall()
        return [self._ids[r[0]] for r in rows]


def restrict(
    setting: OpenSetting, limit: int | None, seed: int = 0, neighbours: int = 10, per_evidence: int = 3
) -> OpenSetting:
    """A seeded sample of ``limit`` claims and the corpus of their own documents plus look-alikes.

    Without ``limit`` (or with one at least the number of claims) the setting is returned whole.
    """
    claims = select(setting.claims, limit, seed)
    if len(claims) == len(setting.claims):
        return setting
    by_id = {d.id: d for d in setting.documents}
    index = LexicalNeighbours(setting.documents)
    kept: dict[str, None] = {}
    for claim in claims:
        kept.update(dict.fromkeys(setting.own_docs.get(claim.id, claim.evidence_doc)))
        kept.update(dict.fromkeys(index.nearest(claim.claim, neighbours)))
        for doc_id in claim.evidence_doc:
            if doc_id in by_id:
                kept.update(dict.fromkeys(index.nearest(by_id[doc_id].text, per_evidence)))
    documents = tuple(by_id[d] for d in kept if d in by_id)
    own = {c.id: setting.own_docs.get(c.id, ()) for c in claims}
    return OpenSetting(setting.name, tuple(claims), documents, own)


def load_setting(name: str, path: Path) -> OpenSetting:
    """The open setting ``name`` read from its data file ``path``."""
    reader = READERS.get(name)
    if reader is None:
        raise InputError(f"unknown open setting {name!r} (expected one of: {', '.join(READERS)})")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    return reader(path)


def write_documents(documents: Iterable[OpenDocument], path: Path) -> int:
    """The documents as project JSONL, written atomically; returns the count."""
    lines = [d.to_json() for d in documents]
    path.parent.mkdir(parents=True, exist_ok=True)
    write_output("".join(line + "\n" for line in lines), path)
    return len(lines)


@dataclass(frozen=True)
class CachedIndex:
    """A built index of a setting's corpus and what it holds."""

    folder: Path
    documents: int
    passages: int
    built: bool  # False when an existing cached index was reused
    seconds: float


def cached_index(setting: OpenSetting, cache: Path, settings, progress=None) -> CachedIndex:
    """The index of ``setting``'s corpus under ``cache``, reused when it is there and complete.

    The folder is named by the setting, its document count and a hash of the corpus content, so another
    sample, another data file or changed text gets its own index; an index of another embedding model is
    refused by the index itself and rebuilt.
    """
    folder = cache / f"{setting.name}-{len(setting.documents)}-{setting.digest()}"
    index_dir = folder / "index"
    try:
        with CorpusIndex.open(index_dir, settings) as index:
            if index.document_count == len(setting.documents):
                return CachedIndex(index_dir, index.document_count, index.passage_count, False, 0.0)
    except FactcheckError:
        pass
    if index_dir.exists():
        shutil.rmtree(index_dir)
    source = folder / "documents.jsonl"
    write_documents(setting.documents, source)
    started = time.perf_counter()
    build_index([source], index_dir, settings, progress=progress)
    with CorpusIndex.open(index_dir, settings) as index:
        return CachedIndex(
            index_dir, index.document_count, index.passage_count, True, time.perf_counter() - started
        )
