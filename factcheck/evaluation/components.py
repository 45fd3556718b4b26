"""The real verification and search functions the evaluation runner is given (models load here).

``verifier_fn`` wraps the ``Verifier`` component, ``index_search_fn`` a corpus index, and
``temporary_index`` builds an index of a corpus in a temporary folder for ``--corpus``. A SciFact-style
corpus (JSONL or JSONL.gz with ``doc_id``, ``title`` and an ``abstract`` list of sentences) is converted
to the project's JSONL document format on the way, so the public file is read unchanged.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from factcheck.corpus.index import CorpusIndex, build_index
from factcheck.domain import Claim, Passage, Verdict
from factcheck.errors import InputError
from factcheck.evaluation.datasets import _json_lines
from factcheck.evaluation.runner import SearchFn, VerifyFn
from factcheck.settings import Settings
from factcheck.verification.model import CONFIG_FILE, DELTA_FILE, MODEL_FOLDER, read_manifest
from factcheck.verification.verifier import Verifier


def verifier_fn(settings: Settings) -> tuple[VerifyFn, str | None]:
    """The ``Verifier`` component, warmed up, as a ``verify(claims, passages)`` function, and its version."""
    verifier = Verifier.from_settings(settings)
    verifier.warm_up()

    def verify(claims: list[Claim], passages: list[list[Passage]]) -> list[Verdict]:
        return list(verifier.run(claims=claims, passages=passages)["verdicts"])

    return verify, model_version(verifier)


def model_version(verifier: object) -> str | None:
    """The verdict model's version and the sha256 prefix of its weights delta (two trainings may share a
    version string; the hash tells them apart). ``None`` when neither can be read."""
    version = next(
        (
            v
            for v in (getattr(verifier, "model_version", None), getattr(verifier, "version", None))
            if isinstance(v, str) and v
        ),
        None,
    )
    digest = None
    try:
        folder = Path(getattr(verifier, "model_dir", None) or MODEL_FOLDER)
        digest = read_manifest(folder).get(DELTA_FILE)
        if version is None:
            version = json.loads((folder / CONFIG_FILE).read_text(encoding="utf-8")).get("version")
    except Exception:  # the version is informative only; a model that loaded is not refused for it
        pass
    if version is None and digest is None:
        return None
    return f"{version or '?'} (delta {digest[:8]})" if digest else version


def index_search_fn(index_dir: str | Path, settings: Settings) -> SearchFn:
    """``search(queries, k)`` over an existing corpus index (the project's retrieval mode setting)."""
    index = CorpusIndex.open(index_dir, settings)
    mode = getattr(settings, "retrieval_mode", "hybrid")

    def search(queries: list[str], k: int) -> list[list[Passage]]:
        return index.search_many(queries, k=k, mode=mode)

    return search


def _is_abstract_corpus(path: Path) -> bool:
    if not path.is_file() or not path.name.endswith((".jsonl", ".jsonl.gz")):
        return False
    opener: Callable = _gzip_open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        first = handle.readline()
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(record, dict) and "doc_id" in record and isinstance(record.get("abstract"), list)


def _gzip_open(path: Path, mode: str, encoding: str):
    return gzip.open(path, mode, encoding=encoding)


def convert_abstract_corpus(source: Path, target: Path) -> int:
    """Writes a SciFact-style corpus as project JSONL documents (id, title, text = title, blank line,
    abstract); returns the count."""
    count = 0
    with target.open("w", encoding="utf-8") as out:
        for number, record in _json_lines(source):
            abstract = record.get("abstract")
            if "doc_id" not in record or not isinstance(abstract, list):
                raise InputError(f"{source}:{number}: expected 'doc_id' and an 'abstract' list")
            body = " ".join(str(s).strip() for s in abstract if str(s).strip())
            title = str(record.get("title") or "").strip()
            if not body:
                continue
            # The title leads the text (as its heading would in an article): it is often the best query match.
            text = f"{title}\n\n{body}" if title else body
            document = {"id": str(record["doc_id"]), "title": title or None, "text": text}
            out.write(json.dumps(document, ensure_ascii=False) + "\n")
            count += 1
    return count


@contextlib.contextmanager
def temporary_index(corpus: Path, settings: Settings, progress=None) -> Iterator[Path]:
    """An index of ``corpus`` built in a temporary folder, removed afterwards."""
    if not corpus.exists():
        raise InputError(f"{corpus}: no such file or folder")
    with tempfile.TemporaryDirectory(prefix="factcheck-eval-") as tmp:
        source = corpus
        if _is_abstract_corpus(corpus):
            source = Path(tmp) / "documents" / "corpus.jsonl"
            source.parent.mkdir()
            convert_abstract_corpus(corpus, source)
        index_dir = Path(tmp) / "index"
        build_index([source], index_dir, settings, progress=progress)
        yield index_dir
