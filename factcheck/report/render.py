"""Rendering a check for people: terminal text (rich), Markdown for tickets, one self-contained HTML page.

JSON is ``CheckResult.to_dict()``. Every piece of corpus or draft text is untrusted: the HTML escapes all
of it, and the terminal output disables rich markup for it.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from factcheck.domain import CheckResult, Label, Verdict

# Most actionable first: what is wrong, then what could not be confirmed, then what holds.
ORDER = {Label.CONTRADICTED: 0, Label.UNVERIFIED: 1, Label.SUPPORTED: 2}
STYLE = {Label.CONTRADICTED: "bold red", Label.UNVERIFIED: "yellow", Label.SUPPORTED: "green"}
QUOTE_LIMIT = 300


def ordered(verdicts: tuple[Verdict, ...] | list[Verdict]) -> list[Verdict]:
    """Verdicts with contradicted claims first, then unverified, then supported; draft order within."""
    return sorted(verdicts, key=lambda v: (ORDER[v.label], v.claim.start))


def summary_line(result: CheckResult) -> str:
    counts = result.summary()
    n = len(result.verdicts)
    return (
        f"{n} claim{'s' if n != 1 else ''}: {counts['supported']} supported, "
        f"{counts['contradicted']} contradicted, {counts['unverified']} unverified"
    )


def _clip(text: str, limit: int = QUOTE_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _source_name(evidence) -> str:
    if evidence.title and evidence.title != evidence.doc_id:
        return f"{evidence.doc_id} — {evidence.title}"
    return evidence.doc_id


def render_text(result: CheckResult, console: Console) -> None:
    """The editor's view: a summary line, then each claim with verdict, confidence, evidence and reason."""
    console.print(Text(summary_line(result), style="bold"))
    for verdict in ordered(result.verdicts):
        console.print()
        head = Text()
        head.append(f"{verdict.label.upper():<12}", style=STYLE[verdict.label])
        head.append(f" {verdict.confidence:.0%}  ", style="dim")
        head.append(verdict.claim.text)
        console.print(head)
        console.print(Text(f"  draft chars {verdict.claim.start}-{verdict.claim.end}", style="dim"))
        console.print(Text(f"  {verdict.reason}", style="italic"))
        for evidence in verdict.evidence[:2]:
            line = Text("  ")
            line.append(f"[{evidence.stance}] ", style=_stance_style(str(evidence.stance)))
            line.append(f"{_source_name(evidence)} ({evidence.start}-{evidence.end}): ", style="cyan")
            line.append(f"“{_clip(evidence.text)}”")
            console.print(line)


def _stance_style(stance: str) -> str:
    return {"supports": "green", "contradicts": "red"}.get(stance, "dim")


def text_report(result: CheckResult, width: int = 80) -> str:
    """The text view as a plain string (no colour), e.g. for ``--out``."""
    buffer = io.StringIO()
    render_text(result, Console(file=buffer, width=width, color_system=None, force_terminal=False))
    return buffer.getvalue()


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell or paragraph."""
    escaped = html.escape(" ".join(text.split()), quote=False)
    for char in "\\`*_[]|#<>":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def markdown_report(result: CheckResult) -> str:
    """A report an editor can paste into a ticket."""
    lines = [f"## Fact check: {_md(result.source)}", "", f"**{summary_line(result)}**", ""]
    if result.corpus_version:
        lines += [f"Corpus version `{result.corpus_version}`.", ""]
    lines += ["| Verdict | Confidence | Claim | Evidence |", "|---|---|---|---|"]
    for verdict in ordered(result.verdicts):
        top = verdict.evidence[0] if verdict.evidence else None
        evidence = f"{_md(_source_name(top))}: “{_md(_clip(top.text, 200))}”" if top else "—"
        lines.append(
            f"| **{verdict.label}** | {verdict.confidence:.0%} | {_md(verdict.claim.text)} | {evidence} |"
        )
    lines += ["", "### Reasons", ""]
    for verdict in ordered(result.verdicts):
        lines.append(f"- **{verdict.label}** — {_md(verdict.claim.text)}: {_md(verdict.reason)}")
    return "\n".join(lines) + "\n"


_CSS = """
body{font:15px/1.55 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:12px 20px;background:#fff;border-bottom:1px solid #ddd}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:20px;padding:20px}
.draft{white-space:pre-wrap;background:#fff;padding:16px;border:1px solid #ddd;border-radius:6px}
mark{border-radius:3px;padding:0 1px}
mark.contradicted{background:#ffd5d2}mark.unverified{background:#fff1b8}mark.supported{background:#d5f5dc}
.claims{display:flex;flex-direction:column;gap:10px}
.claim{background:#fff;border:1px solid #ddd;border-left:6px solid #999;border-radius:6px;padding:10px 12px}
.claim.contradicted{border-left-color:#d93025}.claim.unverified{border-left-color:#e0a800}
.claim.supported{border-left-color:#1e8e3e}
.label{font-weight:700;text-transform:uppercase;font-size:12px;letter-spacing:.04em}
blockquote{margin:6px 0;padding-left:10px;border-left:3px solid #ccc;color:#444}
.meta{color:#666;font-size:12px}
"""


def claim_segments(text: str, verdicts: Sequence[Verdict]) -> list[tuple[int, int, list[Verdict]]]:
    """``text`` cut at every claim boundary: ``(start, end, verdicts whose claim span covers it)``, in order.

    Claims within a sentence are nested or disjoint, so each piece belongs to zero or more claims.
    """
    spans = [
        (v.claim.start, v.claim.end, v) for v in verdicts if 0 <= v.claim.start < v.claim.end <= len(text)
    ]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    return [
        (begin, end, [v for s, e, v in spans if s <= begin and end <= e])
        for begin, end in zip(cuts, cuts[1:], strict=False)
    ]


def _highlighted_draft(result: CheckResult) -> str:
    """The draft with each claim's span marked by its verdict; overlapping spans take the worst verdict."""
    text = result.draft_text
    parts = []
    for begin, end, covering in claim_segments(text, result.verdicts):
        piece = html.escape(text[begin:end])
        if covering:
            worst = min(covering, key=lambda v: ORDER[v.label])
            ids = " ".join(f"c-{v.claim.id}" for v in covering)
            parts.append(
                f'<mark class="{worst.label}" data-claims="{ids}" title="{worst.label}">{piece}</mark>'
            )
        else:
            parts.append(piece)
    return "".join(parts)


def html_report(result: CheckResult) -> str:
    """One self-contained HTML file: the highlighted draft, and each claim's evidence beside it."""
    esc = html.escape
    cards = []
    for verdict in ordered(result.verdicts):
        quotes = "".join(
            f'<blockquote>{esc(_clip(e.text, 500))}<div class="meta">{esc(str(e.stance))} · '
            f"{esc(_source_name(e))} · chars {e.start}-{e.end}</div></blockquote>"
            for e in verdict.evidence[:3]
        )
        cards.append(
            f'<section class="claim {verdict.label}" id="c-{esc(verdict.claim.id)}">'
            f'<div class="label">{esc(str(verdict.label))} · {verdict.confidence:.0%}</div>'
            f"<div>{esc(verdict.claim.text)}</div>"
            f'<div class="meta">{esc(verdict.reason)}</div>{quotes}</section>'
        )
    corpus = f" · corpus {esc(result.corpus_version)}" if result.corpus_version else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Fact check: {esc(result.source)}</title><style>{_CSS}</style></head><body>"
        f'<header><strong>Fact check: {esc(result.source)}</strong><div class="meta">'
        f"{esc(summary_line(result))}{corpus}</div></header>"
        f'<main><div class="draft">{_highlighted_draft(result)}</div>'
        f'<div class="claims">{"".join(cards)}</div></main></body></html>\n'
    )
