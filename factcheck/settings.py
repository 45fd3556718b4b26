"""One place for settings: built-in defaults, then ``factcheck.toml``, then ``FACTCHECK_*`` variables.

A ``factcheck.toml`` is looked for in the working directory, or where ``FACTCHECK_CONFIG`` points. Every
field below may appear in it (top level) or as ``FACTCHECK_<FIELD>`` in the environment, e.g.
``FACTCHECK_INDEX=/srv/newsroom-index`` or ``FACTCHECK_SUPPORT_THRESHOLD=0.6``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir, user_data_dir

from factcheck.errors import InputError

PACKAGE_ROOT = Path(__file__).resolve().parent
# The bundled demo corpus ships inside the package (package data), so an installed factcheck finds it too;
# in a source checkout the top-level ``corpus`` folder is a link to it.
BUNDLED_CORPUS = PACKAGE_ROOT / "demo" / "corpus"


@dataclass(frozen=True)
class Settings:
    """Tunable behaviour of the pipeline. Thresholds live here, never in code."""

    index: str | None = None
    store: str | None = None
    # Retrieval
    top_k: int = 5
    retrieval_mode: str = "hybrid"
    dense_k: int = 20
    bm25_k: int = 20
    rrf_k: int = 60
    approximate_above: int = 200_000
    # Passages
    passage_sentences: int = 4
    passage_overlap: int = 1
    passage_max_chars: int = 800
    # Index
    index_lock_timeout: float = 10.0
    hnsw_ef_search: int = 128
    # Verification. support/contradict: chosen by `python -m eval.tune_verifier --limit 400` on dev data only
    # (FEVER-lite's dev split, the never-trained half of the VitaminC cases, Fool-Me-Twice dev with its
    # retrieved look-alikes): among the settings whose false-contradiction rate is at most 3% on every one of
    # them (a margin below the 5% target for unseen corpora, which run two to three points above the dev
    # sets), the highest contradict threshold within one point of the best mean macro-F1 (verdict model
    # 20261202; eval/out/tune_verifier.json, eval/RESULTS.md). Never tuned on a test set.
    support_threshold: float = 0.4
    contradict_threshold: float = 0.7
    relevance_threshold: float = 0.35
    agree_support_threshold: float = 0.35
    lexical_relevance_threshold: float = 0.5
    quantity_conflict_strength: float = 0.5
    verify_spans: int = 6
    # How far below the best lexical match a span may be and still contradict on the model's word alone.
    match_margin: float = 0.1
    verify_passages: int = 5
    # Claims: keep only claims whose check-worthiness score (0-1) is at least this; unset, the shipped
    # scorer's own threshold applies (see factcheck/models/checkworthy/).
    min_checkworthiness: float | None = None
    # Re-check: claims verified (and committed) per batch
    recheck_batch_size: int = 16
    # Input limits
    max_input_bytes: int = 50_000_000
    # Drafts are articles, not books: a larger file is refused rather than processed for minutes.
    max_draft_bytes: int = 2_000_000
    embed_batch_size: int = 64
    # Passages are batch-embedded by the light encoder, or by ``sentence-transformers`` for large corpora
    # (its ~8 s import is paid once per build; vectors agree to ~1e-7). Queries always use the light one.
    index_encoder: str = "light"

    @property
    def default_index_dir(self) -> Path:
        """Where the bundled demo corpus is indexed on first use."""
        return Path(user_cache_dir("factcheck")) / "demo-index"

    @property
    def default_store_path(self) -> Path:
        return Path(user_data_dir("factcheck")) / "claims.sqlite"


def _coerce(value: Any, target: Any, name: str) -> Any:
    kind = target if isinstance(target, type) else type(target)
    try:
        if kind is bool:
            return str(value).lower() in {"1", "true", "yes", "on"}
        if kind in (int, float):
            return kind(value)
        return str(value)
    except (TypeError, ValueError) as exc:
        raise InputError(f"setting {name!r}: cannot read {value!r} as {kind.__name__}") from exc


def _kind(name: str, default: Any) -> Any:
    """The type a setting is read as: its default's, or for an optional number the number type."""
    if default is not None:
        return default
    annotation = str(next(f.type for f in fields(Settings) if f.name == name))
    return float if annotation.startswith("float") else str


def load_settings(config: Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then a ``factcheck.toml``, then ``FACTCHECK_*`` variables, then explicit overrides."""
    settings = Settings()
    defaults = {f.name: getattr(settings, f.name) for f in fields(Settings)}
    path = config or Path(os.environ.get("FACTCHECK_CONFIG", "factcheck.toml"))
    values: dict[str, Any] = {}
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise InputError(f"{path}: not a valid TOML settings file ({exc})") from exc
        unknown = sorted(set(data) - set(defaults))
        if unknown:
            raise InputError(f"{path}: unknown setting(s): {', '.join(unknown)}")
        values.update(data)
    for name in defaults:
        env = os.environ.get(f"FACTCHECK_{name.upper()}")
        if env is not None and env != "":
            values[name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    coerced = {
        k: (_coerce(v, _kind(k, defaults[k]), k) if v is not None else None) for k, v in values.items()
    }
    return replace(settings, **coerced)
