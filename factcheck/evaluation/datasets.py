"""Labelled claim sets: the native JSONL format and adapters for public benchmarks.

Native format (``--dataset-format native``, the default): JSONL, one claim per line::

    {"id": "c1", "claim": "...", "label": "supported|contradicted|unverified",
     "evidence": ["gold evidence sentence", ...],      # optional
     "evidence_doc": "doc-id" | ["doc-id", ...]}       # optional

Extra fields are ignored; blank lines are skipped; ``id`` defaults to the line number. A malformed line
or an unknown label is an ``InputError`` naming the file and the line.

Adapters read the public files unchanged and map their labels to supported / contradicted /
unverified as each data set's documentation describes:

- ``scifact``: ``claims_*.jsonl`` with ``corpus.jsonl.gz`` (or ``corpus.jsonl``) beside it. A claim's
  label is that of its evidence sets (SUPPORT / CONTRADICT); a claim with no evidence is unverified.
  Gold evidence is the rationale sentences; for an unverified claim, the sentences of its cited
  abstracts (topical but not deciding). ``evidence_doc`` is the documents with evidence, or the cited
  documents when there is none.
- ``climate-fever``: claim level, the five evidence sentences as evidence; DISPUTED claims are left
  out. ``evidence_doc`` is the articles of the evidence sentences labelled like the claim.
- ``fever`` / ``fever-symmetric``: FEVER-lite (``evidence`` list) and FEVER Symmetric
  (``evidence_sentence``, or ``evidence`` in v0.2); SUPPORTS / REFUTES / NOT ENOUGH INFO.
- ``fm2``: Fool-Me-Twice (``text`` is the claim, ``gold_evidence`` sentences the evidence; SUPPORTS /
  REFUTES); its non-gold ``retrieved_evidence`` is used by the open-retrieval setting only.
- ``vitaminc``: one evidence passage per claim; supports / refutes / not enough info.
  FEVER-family text is Penn-Treebank tokenised (``-LRB-``, ``Duncan 's``); these adapters undo that
  (``detokenize``) so claims and evidence read as running text.
- ``healthver``: the CSV, pair level (one row = one claim-evidence pair); Supports / Refutes / Neutral.
- ``sick``: the full SICK.txt, SemEval TEST rows only (the split published figures use);
  sentence_A is the evidence, sentence_B the claim.
- ``anli``: ``R*/{dev,test}.jsonl``; context is the evidence, hypothesis the claim; e / c / n.
- ``mnli``: premise / hypothesis / entailment|contradiction|neutral JSONL.
NLI labels map entailment -> supported, contradiction -> contradicted, neutral -> unverified.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import InputError
from factcheck.sources.reading import decode_text, json_lines, read_text

LABELS = ("supported", "contradicted", "unverified")
MAX_BYTES = 200_000_000


@dataclass(frozen=True)
class LabelledClaim:
    """One labelled claim: gold label, gold evidence sentences and gold document ids."""

    id: str
    claim: str
    label: str
    evidence: tuple[str, ...] = ()
    evidence_doc: tuple[str, ...] = ()


def _read(path: Path) -> str:
    """The text of a data file; ``.gz`` files are decompressed."""
    if path.suffix == ".gz":
        try:
            with gzip.open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except FileNotFoundError as exc:
            raise InputError(f"{path}: no such file") from exc
        except (OSError, EOFError) as exc:
            raise InputError(f"{path}: not a readable gzip file ({exc})") from exc
        return decode_text(data, str(path))
    return read_text(path, max_bytes=MAX_BYTES)


def _json_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; a line that is not a JSON object is an error."""
    yield from json_lines(_read(path), str(path))


def _field(record: dict[str, Any], name: str, path: Path, number: int) -> str:
    value = record.get(name)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{path}:{number}: field {name!r} must be a non-empty string")
    return value.strip()


def _map_label(raw: Any, mapping: dict[str, str], path: Path, number: int) -> str:
    key = str(raw).strip().lower() if raw is not None else ""
    if key not in mapping:
        allowed = ", ".join(sorted(set(mapping)))
        raise InputError(f"{path}:{number}: unknown label {raw!r} (expected one of: {allowed})")
    return mapping[key]


def _str_list(value: Any, name: str, path: Path, number: int) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list) or not all(
        isinstance(v, (str, int)) and not isinstance(v, bool) for v in value
    ):
        raise InputError(f"{path}:{number}: field {name!r} must be a string or a list of strings")
    return tuple(str(v) for v in value if str(v).strip())


_PTB_TOKENS = (
    ("-LRB-", "("),
    ("-RRB-", ")"),
    ("-LSB-", "["),
    ("-RSB-", "]"),
    ("-LCB-", "{"),
    ("-RCB-", "}"),
    ("-COLON-", ":"),
    ("``", '"'),
    ("''", '"'),
)


def detokenize(text: str) -> str:
    """Undo Penn-Treebank tokenisation (FEVER, VitaminC) so the text reads as running prose.

    ``-LRB-`` becomes ``(``, spaces before punctuation and clitics go: ``Duncan 's child , 1914 .`` reads
    ``Duncan's child, 1914.`` - as the same sentence would appear in a newsroom corpus.
    """
    for token, plain in _PTB_TOKENS:
        text = text.replace(token, plain)
    text = re.sub(r"\s+([.,;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$])\s+", r"\1", text)
    text = re.sub(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    text = re.sub(r'"\s+(.*?)\s+"', r'"\1"', text)
    return " ".join(text.split())


NATIVE_LABELS = {label: label for label in LABELS}
FEVER_LABELS = {
    "supports": "supported",
    "refutes": "contradicted",
    "not enough info": "unverified",
    "not_enough_info": "unverified",
}
NLI_LABELS = {
    "entailment": "supported",
    "contradiction": "contradicted",
    "neutral": "unverified",
    "e": "supported",
    "c": "contradicted",
    "n": "unverified",
}
HEALTHVER_LABELS = {"supports": "supported", "refutes": "contradicted", "neutral": "unverified"}


def read_native(path: Path) -> Iterator[LabelledClaim]:
    """The project's own JSONL format (see the module docstring)."""
    for number, record in _json_lines(path):
        raw_id = record.get("id", number)
        if not isinstance(raw_id, (str, int)) or isinstance(raw_id, bool):
            raise InputError(f"{path}:{number}: field 'id' must be a string or an integer")
        yield LabelledClaim(
            id=str(raw_id),
            claim=_field(record, "claim", path, number),
            label=_map_label(record.get("label"), NATIVE_LABELS, path, number),
            evidence=_str_list(record.get("evidence"), "evidence", path, number),
            evidence_doc=_str_list(record.get("evidence_doc"), "evidence_doc", path, number),
        )


def _scifact_corpus(claims_path: Path) -> dict[str, list[str]]:
    for name in ("corpus.jsonl.gz", "corpus.jsonl"):
        candidate = claims_path.parent / name
        if candidate.is_file():
            corpus: dict[str, list[str]] = {}
            for number, record in _json_lines(candidate):
                abstract = record.get("abstract")
                if "doc_id" not in record or not isinstance(abstract, list):
                    raise InputError(f"{candidate}:{number}: expected 'doc_id' and an 'abstract' list")
                corpus[str(record["doc_id"])] = [str(s) for s in abstract]
            return corpus
    raise InputError(
        f"{claims_path}: no corpus.jsonl.gz or corpus.jsonl beside it (SciFact needs its corpus)"
    )


def read_scifact(path: Path) -> Iterator[LabelledClaim]:
    """SciFact ``claims_*.jsonl`` with gold rationale sentences taken from the corpus beside it."""
    corpus = _scifact_corpus(path)
    mapping = {"support": "supported", "contradict": "contradicted"}
    for number, record in _json_lines(path):
        claim = _field(record, "claim", path, number)
        evidence = record.get("evidence") or {}
        cited = [str(d) for d in record.get("cited_doc_ids") or []]
        if not isinstance(evidence, dict):
            raise InputError(f"{path}:{number}: 'evidence' must be an object of document ids")
        labels: set[str] = set()
        sentences: list[str] = []
        for doc_id, sets in evidence.items():
            abstract = corpus.get(str(doc_id))
            if abstract is None:
                raise InputError(f"{path}:{number}: document {doc_id} is not in the corpus")
            indices: set[int] = set()
            for rationale in sets:
                labels.add(_map_label(rationale.get("label"), mapping, path, number))
                indices.update(int(i) for i in rationale.get("sentences", []))
            sentences.extend(abstract[i] for i in sorted(indices) if 0 <= i < len(abstract))
        if len(labels) > 1:
            raise InputError(f"{path}:{number}: evidence both supports and contradicts the claim")
        if labels:
            label, docs = labels.pop(), [str(d) for d in evidence]
        else:
            label, docs = "unverified", cited
            sentences = [s for d in cited for s in corpus.get(d, [])]
        yield LabelledClaim(str(record.get("id", number)), claim, label, tuple(sentences), tuple(docs))


def read_climate_fever(path: Path) -> Iterator[LabelledClaim]:
    """Climate-FEVER at claim level, DISPUTED claims left out."""
    for number, record in _json_lines(path):
        raw = str(record.get("claim_label", "")).strip().upper()
        if raw == "DISPUTED":
            continue
        label = _map_label(raw, FEVER_LABELS, path, number)
        evidences = record.get("evidences") or []
        if not isinstance(evidences, list):
            raise InputError(f"{path}:{number}: 'evidences' must be a list")
        sentences = tuple(str(e.get("evidence", "")) for e in evidences if e.get("evidence"))
        docs = tuple(
            dict.fromkeys(
                str(e.get("article"))
                for e in evidences
                if e.get("article") and FEVER_LABELS.get(str(e.get("evidence_label", "")).lower()) == label
            )
        )
        yield LabelledClaim(
            str(record.get("claim_id", number)),
            _field(record, "claim", path, number),
            label,
            sentences,
            docs if label != "unverified" else (),
        )


def read_fever(path: Path) -> Iterator[LabelledClaim]:
    """FEVER-lite and FEVER Symmetric (v0.1 and v0.2) JSONL."""
    for number, record in _json_lines(path):
        evidence = record.get("evidence", record.get("evidence_sentence"))
        raw_label = record.get("gold_label", record.get("label"))
        yield LabelledClaim(
            str(record.get("id", number)),
            detokenize(_field(record, "claim", path, number)),
            _map_label(raw_label, FEVER_LABELS, path, number),
            tuple(detokenize(s) for s in _str_list(evidence, "evidence", path, number)),
        )


def read_vitaminc(path: Path) -> Iterator[LabelledClaim]:
    """VitaminC JSONL: claim, evidence, supports / refutes / not enough info."""
    for number, record in _json_lines(path):
        yield LabelledClaim(
            str(record.get("id", number)),
            detokenize(_field(record, "claim", path, number)),
            _map_label(record.get("label"), FEVER_LABELS, path, number),
            (detokenize(_field(record, "evidence", path, number)),),
        )


def sentence_id(prefix: str, *parts: str) -> str:
    """A stable document id for an evidence sentence known only by its text (and its page)."""
    return f"{prefix}:" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def list_field(record: dict, key: str, path: Path, number: int) -> list:
    """A record's list field (empty when absent), refused when it is something else."""
    value = record.get(key) or []
    if not isinstance(value, list):
        raise InputError(f"{path}:{number}: {key!r} must be a list")
    return value


@dataclass(frozen=True)
class Fm2Record:
    """One Fool-Me-Twice claim with its evidence sentences as (document id, text), gold and retrieved."""

    claim: LabelledClaim
    page: str | None
    gold: tuple[tuple[str, str], ...]
    retrieved: tuple[tuple[str, str], ...]


def fm2_records(path: Path) -> Iterator[Fm2Record]:
    """Fool-Me-Twice JSONL records; an evidence sentence's document id hashes its page and its text."""
    for number, record in _json_lines(path):
        page = str(record.get("wikipedia_page") or "").strip() or None
        found: dict[str, list[tuple[str, str]]] = {"gold_evidence": [], "retrieved_evidence": []}
        for key, sentences in found.items():
            for item in list_field(record, key, path, number):
                text = str(item.get("text") or "").strip() if isinstance(item, dict) else ""
                if text:
                    sentences.append((sentence_id("fm2", page or "", text), text))
        gold = dict(found["gold_evidence"])
        claim = LabelledClaim(
            str(record.get("id", number)),
            _field(record, "text", path, number),
            _map_label(record.get("label"), FEVER_LABELS, path, number),
            tuple(gold.values()),
            tuple(gold),
        )
        yield Fm2Record(claim, page, tuple(found["gold_evidence"]), tuple(found["retrieved_evidence"]))


def read_fm2(path: Path) -> Iterator[LabelledClaim]:
    """Fool-Me-Twice JSONL: the claim with its gold evidence sentences (documents named by page and text)."""
    claims = [record.claim for record in fm2_records(path)]  # the whole file is checked before any claim
    yield from claims


def _csv_rows(path: Path, delimiter: str) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(_read(path)), delimiter=delimiter)
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as exc:
        raise InputError(f"{path}:{reader.line_num}: malformed row ({exc})") from exc


def read_healthver(path: Path) -> Iterator[LabelledClaim]:
    """HealthVer CSV, one claim-evidence pair per row."""
    for number, row in _csv_rows(path, ","):
        if not row.get("claim") or not row.get("evidence"):
            raise InputError(f"{path}:{number}: a row needs 'claim' and 'evidence'")
        yield LabelledClaim(
            str(row.get("id") or number),
            row["claim"].strip(),
            _map_label(row.get("label"), HEALTHVER_LABELS, path, number),
            (row["evidence"].strip(),),
        )


def read_sick(path: Path) -> Iterator[LabelledClaim]:
    """SICK.txt, SemEval TEST rows: sentence_A is the evidence, sentence_B the claim."""
    for number, row in _csv_rows(path, "\t"):
        if not row.get("sentence_A") or not row.get("sentence_B"):
            raise InputError(f"{path}:{number}: a row needs 'sentence_A' and 'sentence_B'")
        if (row.get("SemEval_set") or "").strip().upper() != "TEST":
            continue
        yield LabelledClaim(
            str(row.get("pair_ID") or number),
            row["sentence_B"].strip(),
            _map_label(row.get("entailment_label"), NLI_LABELS, path, number),
            (row["sentence_A"].strip(),),
        )


def read_anli(path: Path) -> Iterator[LabelledClaim]:
    """ANLI JSONL: context is the evidence, hypothesis the claim."""
    for number, record in _json_lines(path):
        yield LabelledClaim(
            str(record.get("uid", number)),
            _field(record, "hypothesis", path, number),
            _map_label(record.get("label"), NLI_LABELS, path, number),
            (_field(record, "context", path, number),),
        )


def read_mnli(path: Path) -> Iterator[LabelledClaim]:
    """MNLI-style JSONL: premise is the evidence, hypothesis the claim."""
    for number, record in _json_lines(path):
        yield LabelledClaim(
            str(record.get("id", f"{path.stem}:{number}")),
            _field(record, "hypothesis", path, number),
            _map_label(record.get("label"), NLI_LABELS, path, number),
            (_field(record, "premise", path, number),),
        )


READERS: dict[str, Callable[[Path], Iterator[LabelledClaim]]] = {
    "native": read_native,
    "scifact": read_scifact,
    "climate-fever": read_climate_fever,
    "fever": read_fever,
    "fever-symmetric": read_fever,
    "vitaminc": read_vitaminc,
    "fm2": read_fm2,
    "healthver": read_healthver,
    "sick": read_sick,
    "anli": read_anli,
    "mnli": read_mnli,
}
FORMATS = tuple(READERS)


def load_claims(paths: Sequence[str | Path], dataset_format: str = "native") -> list[LabelledClaim]:
    """Every labelled claim of ``paths`` (read in order) in the given format.

    Ids are made unique across files by prefixing the file name when several files are given.
    """
    reader = READERS.get(dataset_format)
    if reader is None:
        raise InputError(f"unknown dataset format {dataset_format!r} (expected one of: {', '.join(FORMATS)})")
    if not paths:
        raise InputError("no claim file given")
    claims: list[LabelledClaim] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file")
        for item in reader(path):
            if len(paths) > 1:
                item = LabelledClaim(f"{path.parent.name}/{path.name}:{item.id}", *_rest(item))
            claims.append(item)
    if not claims:
        raise InputError(f"{', '.join(str(p) for p in paths)}: no labelled claims found")
    return claims


def _rest(item: LabelledClaim) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    return item.claim, item.label, item.evidence, item.evidence_doc


def select(claims: Sequence[LabelledClaim], limit: int | None, seed: int = 0) -> list[LabelledClaim]:
    """At most ``limit`` claims: a seeded random sample, kept in file order (all when no limit)."""
    if limit is None or limit >= len(claims):
        return list(claims)
    if limit < 1:
        raise InputError("--limit must be at least 1")
    chosen = sorted(random.Random(seed).sample(range(len(claims)), limit))
    return [claims[i] for i in chosen]
