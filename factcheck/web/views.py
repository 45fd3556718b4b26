"""What the templates show, prepared from the domain objects: nothing here writes HTML (the templates
escape everything they print)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlparse

from factcheck.domain import Label, Verdict
from factcheck.errors import InputError
from factcheck.report.render import ORDER, claim_segments, ordered

if TYPE_CHECKING:
    from factcheck.web.service import CheckRecord
    from factcheck.workflows.store import Decision

# A label is shown by a glyph and a word as well as a colour, so it reads without colour.
GLYPH = {"contradicted": "✗", "unverified": "?", "supported": "✓"}
QUOTE_CHARS = 700
EXCERPT_CHARS = 240


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address, else None (no ``javascript:`` or ``data:`` link is ever made)."""
    if not url:
        return None
    parsed = urlparse(url.strip())
    return url.strip() if parsed.scheme in ("http", "https") and parsed.netloc else None


def slug(name: str) -> str:
    """A file-name-safe form of a draft name."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")[:60] or "draft"


def document_href(doc_id: str, start: int | None = None, end: int | None = None) -> str:
    """The document view's address, with the quoted span when given."""
    href = f"/corpus/doc?id={quote(doc_id, safe='')}"
    if start is not None and end is not None:
        href += f"&start={int(start)}&end={int(end)}#quote"
    return href


def _clip(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def evidence_items(evidence: list[dict[str, Any]], versions: dict[str, str] | None = None) -> list[dict]:
    """Stored or fresh evidence as the templates show it (with the document's fate when ``versions``)."""
    items = []
    for item in evidence:
        doc_id = str(item.get("doc_id", ""))
        start, end = item.get("start"), item.get("end")
        status = None
        if versions is not None:
            if doc_id not in versions:
                status = "removed since"
            elif item.get("doc_version") and item.get("doc_version") != versions[doc_id]:
                status = "changed since"
        items.append(
            {
                "doc_id": doc_id,
                "title": item.get("title") or doc_id,
                "text": _clip(str(item.get("text", ""))),
                "start": start,
                "end": end,
                "stance": str(item.get("stance", "neutral")),
                "change": item.get("change"),
                "status": status,
                "href": document_href(doc_id, start, end) if status != "removed since" else None,
            }
        )
    return items


def claim_item(record: CheckRecord, verdict: Verdict, state: Decision | None = None) -> dict[str, Any]:
    """One claim of a check as the side list and the claim view show it."""
    label = str(verdict.label)
    return {
        "id": verdict.claim.id,
        "label": label,
        "glyph": GLYPH[label],
        "confidence": verdict.confidence,
        "text": verdict.claim.text,
        "reason": verdict.reason,
        "start": verdict.claim.start,
        "end": verdict.claim.end,
        "evidence": evidence_items([e.to_dict() for e in verdict.evidence]),
        "verdict_id": record.verdict_ids.get(verdict.claim.id),
        "decision": state,
        "href": f"/checks/{record.id}/claims/{verdict.claim.id}",
    }


def check_view(record: CheckRecord, states: dict[str, Decision], label: str | None) -> dict[str, Any]:
    """The check page: the draft cut into highlighted pieces, the claims (contradicted first), counts."""
    text = record.result.draft_text
    verdicts = list(record.result.verdicts)
    pieces = []
    for begin, end, covering in claim_segments(text, verdicts):
        if not covering:
            pieces.append({"text": text[begin:end], "label": None})
            continue
        # The piece shows its worst verdict; the innermost claim among those is the one it opens.
        worst = min(covering, key=lambda v: (ORDER[v.label], v.claim.end - v.claim.start))
        starting = [v for v in covering if v.claim.start == begin]
        pieces.append(
            {
                "text": text[begin:end],
                "label": str(worst.label),
                "claim": worst.claim.id,
                "claims": " ".join(v.claim.id for v in covering),
                "title": f"{worst.label}: {worst.claim.text}",
                "starts": [str(v.label) for v in sorted(starting, key=lambda v: ORDER[v.label])],
                "dimmed": label is not None and all(str(v.label) != label for v in covering),
            }
        )
    items = [claim_item(record, v, states.get(v.claim.id)) for v in ordered(verdicts)]
    counts = {str(x): 0 for x in Label}
    for verdict in verdicts:
        counts[str(verdict.label)] += 1
    return {"pieces": pieces, "entries": items, "counts": counts, "total": len(verdicts)}


def draft_excerpt(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The claim's span of the draft with some context before and after."""
    before = text[max(0, start - EXCERPT_CHARS) : start]
    after = text[end : end + EXCERPT_CHARS]
    return (
        ("…" + before.lstrip() if start > EXCERPT_CHARS else before),
        text[start:end],
        (after + "…" if end + EXCERPT_CHARS < len(text) else after),
    )


def parse_span(start: str | None, end: str | None, length: int) -> tuple[int, int] | None:
    """The quoted span asked for in a document view, checked against the document's length."""
    if start is None and end is None:
        return None
    if start is None or end is None or not start.isdigit() or not end.isdigit():
        raise InputError("a quoted span is given by two character offsets, start and end")
    begin, stop = int(start), int(end)
    if not 0 <= begin < stop <= length:
        raise InputError(f"the span {begin}-{stop} is not inside this document ({length} characters)")
    return begin, stop


def document_parts(text: str, span: tuple[int, int] | None) -> tuple[str, str, str]:
    """The document's text as (before, quoted span, after)."""
    if span is None:
        return text, "", ""
    return text[: span[0]], text[span[0] : span[1]], text[span[1] :]
