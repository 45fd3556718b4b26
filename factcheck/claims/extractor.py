"""The Haystack component of the claims stage: a draft's text in, its atomic claims out."""

from __future__ import annotations

from typing import Any

from haystack import component

from factcheck.claims.extraction import detect_format, extract_claims
from factcheck.domain import Claim


@component
class ClaimExtractor:
    """A draft's text in, its atomic, self-contained claims out.

    Offsets of the claims index the text given to :meth:`run`.

    :param default_format: the format of texts given without one: ``txt``, ``md`` or ``html``.
    :param min_checkworthiness: keep only claims scoring at least this (0-1); ``None``: the check-worthiness
        model's own threshold.

    Example::

        extractor = ClaimExtractor(default_format="md")
        claims = extractor.run(text="Xiaomi paid about €70M for Deepmotion.")["claims"]
    """

    def __init__(self, default_format: str = "txt", min_checkworthiness: float | None = None) -> None:
        self.default_format = detect_format("draft", default_format)
        self.min_checkworthiness = min_checkworthiness

    @component.output_types(claims=list[Claim])
    def run(self, text: str, fmt: str | None = None, draft_date: str | None = None) -> dict[str, Any]:
        """Extract the claims of ``text``.

        :param text: the draft as written (Markdown and HTML markup are read, offsets index this text).
        :param fmt: ``txt``, ``md`` or ``html``; the component's ``default_format`` when omitted.
        :param draft_date: the draft's ISO date, for relative dates ("last year").
        :returns: ``{"claims": [Claim, ...]}`` in draft order.
        """
        return {
            "claims": extract_claims(text, fmt or self.default_format, draft_date, self.min_checkworthiness)
        }
