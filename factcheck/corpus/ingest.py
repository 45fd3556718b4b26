"""Reading a corpus from disk: files and folders into :class:`SourceDocument` objects.

Supported files: ``.txt``, ``.md``, ``.html``/``.htm`` and ``.jsonl`` (one document per line with ``id``,
``text`` and optional ``title``, ``url``, ``date``). A file's document id is its path relative to the folder
that was given, without extension and with ``/`` separators (``corpus/xiaomi-ev-unit.md`` indexed as
``corpus`` gives ``xiaomi-ev-unit``); a file given directly is known by its stem; a JSONL document by its
``id``.

In a folder, hidden files and folders (names starting with ``.``), files of other types and the folder's
own description (``README.md``, ``README.txt``) are not indexed. A file that cannot be read (binary,
not UTF-8, empty, over the size limit) is skipped with a warning as long as other files can be read; a
malformed JSONL line is an error naming the file and line number, so that no data is dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.domain import SourceDocument
from factcheck.errors import InputError
from factcheck.sources.markup import html_text
from factcheck.sources.reading import DEFAULT_MAX_BYTES, json_lines, read_text

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
SKIPPED_NAMES = frozenset({"readme.md", "readme.txt"})

_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_SETEXT = re.compile(r"^(?P<title>[^\n]*\S[^\n]*)\n {0,3}(=+|-+)[ \t]*$", re.MULTILINE)


class MalformedRecordError(InputError):
    """A JSONL line that is not a valid document record (names the file and line number)."""


@dataclass
class IngestResult:
    """The documents read, the warnings for files that were skipped, and the roots they came from.

    ``roots`` maps each document id to the resolved folder (or file) that was given on the command line:
    re-indexing a root removes the documents of that root that are no longer there.
    """

    documents: list[SourceDocument] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    roots: dict[str, str] = field(default_factory=dict)
    given_roots: list[str] = field(default_factory=list)


def markdown_title(text: str) -> str | None:
    """The first Markdown heading of ``text`` (ATX ``# Title`` or setext underline), if any."""
    candidates = []
    atx = _HEADING.search(text)
    if atx:
        candidates.append((atx.start(), atx.group(1).strip()))
    setext = _SETEXT.search(text)
    if setext and not setext.group("title").lstrip().startswith(("#", "-", "*", ">")):
        candidates.append((setext.start(), setext.group("title").strip()))
    return min(candidates)[1] if candidates else None


def _documents_of_jsonl(text: str, name: str, path: str) -> list[SourceDocument]:
    documents = []
    for number, record in json_lines(text, name, MalformedRecordError):
        doc_id, body = record.get("id"), record.get("text")
        if not isinstance(doc_id, str | int) or isinstance(doc_id, bool) or str(doc_id).strip() == "":
            raise MalformedRecordError(f"{name}:{number}: missing or invalid 'id'")
        if not isinstance(body, str) or not body.strip():
            raise MalformedRecordError(f"{name}:{number}: missing or empty 'text'")
        meta = {}
        for key in ("title", "url", "date"):
            value = record.get(key)
            if value is not None and not isinstance(value, str | int | float):
                raise MalformedRecordError(f"{name}:{number}: {key!r} must be a string")
            meta[key] = None if value is None else str(value)
        body = body.replace("\r\n", "\n").replace("\r", "\n")
        documents.append(SourceDocument(id=str(doc_id), text=body, path=path, **meta))
    return documents


def read_documents(path: Path, doc_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[SourceDocument]:
    """The documents in one file (one, or one per line for JSONL), raising :class:`InputError`."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(f"{path}: unsupported file type (use {', '.join(SUPPORTED_SUFFIXES)})")
    text = read_text(path, max_bytes=max_bytes)
    if suffix == ".jsonl":
        return _documents_of_jsonl(text, str(path), str(path))
    if suffix in (".html", ".htm"):
        body, title = html_text(text)
        if not body.strip():
            raise InputError(f"{path}: no visible text in the HTML page")
        return [SourceDocument(id=doc_id, text=body, title=title, path=str(path))]
    title = markdown_title(text) if suffix == ".md" else None
    return [SourceDocument(id=doc_id, text=text, title=title, path=str(path))]


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def corpus_files(folder: Path) -> list[Path]:
    """The files of ``folder`` (recursive, sorted) that are indexed: supported, not hidden, not a README."""
    files = []
    for file in sorted(folder.rglob("*")):
        relative = file.relative_to(folder)
        if _is_hidden(relative) or not file.is_file():
            continue
        if file.suffix.lower() in SUPPORTED_SUFFIXES and file.name.lower() not in SKIPPED_NAMES:
            files.append(file)
    return files


def _document_id(file: Path, folder: Path | None) -> str:
    if folder is None:
        return file.stem
    return file.relative_to(folder).with_suffix("").as_posix()


def ingest(paths: Sequence[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> IngestResult:
    """Read every document under ``paths``; unreadable files become warnings while others are readable.

    Raises :class:`InputError` for a path that does not exist, a malformed JSONL line, or when no file at
    all could be read.
    """
    if not paths:
        raise InputError("no file or folder given")
    result = IngestResult()
    jobs: list[tuple[Path, str, str]] = []  # (file, id, root)
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise InputError(f"{given}: no such file or folder")
        root = str(path.resolve())
        result.given_roots.append(root)
        if path.is_dir():
            jobs.extend((file, _document_id(file, path), root) for file in corpus_files(path))
        elif path.is_file():
            jobs.append((path, _document_id(path, None), root))
        else:
            raise InputError(f"{given}: not a regular file or folder")
    if not jobs:
        raise InputError(f"no {', '.join(SUPPORTED_SUFFIXES)} files found in {', '.join(map(str, paths))}")
    seen: dict[str, str] = {}
    for file, doc_id, root in jobs:
        try:
            documents = read_documents(file, doc_id, max_bytes=max_bytes)
        except MalformedRecordError:
            raise  # a malformed line is never dropped silently
        except InputError as exc:
            result.warnings.append(f"skipped {exc}")
            continue
        for document in documents:
            if document.id in seen:
                result.warnings.append(
                    f"skipped {document.path}: id {document.id!r} already read from {seen[document.id]}"
                )
                continue
            seen[document.id] = document.path or ""
            result.documents.append(document)
            result.roots[document.id] = root
    if not result.documents:
        detail = "; ".join(w.removeprefix("skipped ") for w in result.warnings[:3])
        raise InputError(f"no readable documents: {detail}" if detail else "no readable documents")
    return result
