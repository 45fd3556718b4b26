"""factcheck: offline-first claim verification for newsrooms.

The stable library surface is these few calls; everything else is reachable under the stage subpackages
(``factcheck.claims``, ``factcheck.corpus``, ``factcheck.verification``...), whose paths may change::

    import factcheck

    result = factcheck.check_draft("claims/xiaomi-draft.md")      # draft -> claims -> evidence -> verdicts
    claims = factcheck.extract_claims("Xiaomi paid €70M for Deepmotion.")
    verdict = factcheck.verify_texts("Xiaomi paid €700M.", ["Xiaomi paid about €70M."])
    findings = factcheck.compare("Xiaomi paid €700M.", "Xiaomi paid about €70M.")   # figures, dates, names

Importing the package loads no model and no heavy library: the calls import their stage when first used.
It also makes sure nothing in the stack reaches the network (Haystack telemetry off, the Hugging Face
libraries held offline, unless the user explicitly asked otherwise) and that torch's threads wait politely.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# torch's OpenMP threads otherwise spin while waiting: on a small machine doing anything else, one short
# query then takes ~0.5 s instead of ~20 ms. Must be set before torch is first imported.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

# The figures/dates/names comparison is pure Python and light: re-exported as it is.
from factcheck.rules.consistency import Finding, compare  # noqa: E402

if TYPE_CHECKING:
    from factcheck.domain import CheckResult, Claim, Verdict

__version__ = "0.1.0"
__all__ = ["Finding", "check_draft", "compare", "extract_claims", "verify_texts", "__version__"]


def check_draft(path: str, **options: Any) -> CheckResult:
    """Checks the draft at ``path`` against the corpus index (the bundled demo corpus by default).

    Options are those of :func:`factcheck.workflows.check.check_draft`: ``index``, ``store``, ``settings``.
    """
    from factcheck.workflows import check

    return check.check_draft(path, **options)


def extract_claims(
    text: str, fmt: str = "txt", draft_date: str | None = None, min_checkworthiness: float | None = None
) -> list[Claim]:
    """The atomic, self-contained claims of a draft's text (``fmt``: ``txt``, ``md`` or ``html``), those
    scoring at least ``min_checkworthiness`` (0-1) when given."""
    from factcheck.claims import extraction

    return extraction.extract_claims(text, fmt, draft_date, min_checkworthiness)


def verify_texts(claim: str, evidence: list[str]) -> Verdict:
    """The verdict on ``claim`` given evidence texts (no index involved)."""
    from factcheck.verification import verifier

    return verifier.verify_texts(claim, evidence)
