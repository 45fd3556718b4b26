"""From a draft to atomic, self-contained, checkable claims that point back into the draft.

The stages, each in its own module:

1. :mod:`factcheck.sources.markup` gives the draft's readable view (Markdown syntax blanked, HTML visible
   text with a map back to the source) and its blocks; headings are context, never claims.
2. :func:`factcheck.sources.sentences.split_sentences` cuts each block into sentences with exact offsets.
3. :mod:`factcheck.claims.checkworthy` drops questions, imperatives, boilerplate, bylines and opinion
   without a factual core (a sentence with a figure, date, money amount, rank or name is always kept).
4. :mod:`factcheck.claims.decompose` splits a sentence into atomic pieces (clauses, verb phrases, lists of
   figures, appositives, relative clauses), each with its span in the sentence.
5. :mod:`factcheck.claims.decontext` replaces opening pronouns and short definite references by their referent
   and anchors relative dates to the draft date.

Offsets always index the ORIGINAL file text: ``draft.raw[claim.start:claim.end]`` is the claim's source span,
for plain text, Markdown (where it may contain markup characters) and HTML (where it may contain tags and
entities) alike. Within one sentence, two claims' spans are either disjoint or nested; each number, date or
money amount of a sentence is stated by exactly one claim among those whose span contains it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from factcheck.claims.checkworthy import has_quantity, sentence_kind
from factcheck.claims.decompose import decompose
from factcheck.claims.decontext import Discourse
from factcheck.domain import Claim
from factcheck.errors import ClaimsError, InputError
from factcheck.settings import load_settings
from factcheck.sources.markup import HEADING, PlainText, dateline, parse_date, view
from factcheck.sources.reading import read_text
from factcheck.sources.sentences import Span, split_sentences

FORMATS = ("txt", "md", "html")
_SUFFIXES = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".mdown": "md", ".html": "html",
    ".htm": "html", ".xhtml": "html",
}  # fmt: skip
# A sentence longer than this is not prose (a table, a code dump): it is kept whole, not decomposed.
_MAX_SENTENCE_CHARS = 1_500


@dataclass(frozen=True)
class Draft:
    """A draft as read from disk: its raw text, format, readable view, title and date."""

    path: str
    raw: str
    format: str
    plain: PlainText
    date: str | None = None
    title: str | None = None

    @property
    def text(self) -> str:
        """The draft as written (``raw``): claim offsets index this text, in every format."""
        return self.raw

    @property
    def plain_text(self) -> str:
        """The readable view (markup removed); aligned with ``raw`` for plain text and Markdown only."""
        return self.plain.text


def detect_format(path: str | Path, fmt: str | None = None) -> str:
    """``txt``, ``md`` or ``html``: ``fmt`` when given (``auto`` or ``None`` = from the file suffix)."""
    if fmt and fmt != "auto":
        fmt = {"text": "txt", "markdown": "md", "htm": "html"}.get(fmt, fmt)
        if fmt not in FORMATS:
            raise InputError(f"unknown draft format {fmt!r}; use one of: {', '.join(FORMATS)}")
        return fmt
    return _SUFFIXES.get(Path(str(path)).suffix.lower(), "txt")


def prepare(raw: str, fmt: str = "txt", path: str = "<text>", draft_date: str | None = None) -> Draft:
    """A :class:`Draft` from text already read; the date comes from ``draft_date``, metadata or a dateline."""
    fmt = detect_format(path, fmt)
    plain = view(raw, fmt)
    found = plain.date
    if found is None:
        for body in [b for b in plain.blocks if b.kind != HEADING][:3]:
            found = dateline(plain.text[body.start : body.end])[1]
            if found:
                break
    if draft_date is not None:
        parsed = parse_date(draft_date)
        if parsed is None:
            raise InputError(f"draft date {draft_date!r} is not a date (use YYYY-MM-DD)")
        found = parsed
    return Draft(path=path, raw=raw, format=fmt, plain=plain, date=found, title=plain.title)


def load_draft(path: str | Path, fmt: str | None = None, max_bytes: int | None = None) -> Draft:
    """Read a draft (``-`` for standard input); the format comes from ``fmt`` or the file suffix.

    Drafts over ``max_bytes`` (default: the ``max_draft_bytes`` setting) are refused with an InputError.
    """
    limit = max_bytes if max_bytes is not None else load_settings().max_draft_bytes
    raw = read_text(path, max_bytes=limit)
    known_suffix = Path(str(path)).suffix.lower() in _SUFFIXES
    resolved = detect_format(path, fmt) if (fmt and fmt != "auto") or known_suffix else sniff_format(raw)
    return prepare(raw, resolved, path=str(path))


_HTML_START = re.compile(r"\s*(<!doctype html|<html\b|<head\b|<body\b|<article\b)", re.IGNORECASE)
_MARKDOWN_SIGNS = re.compile(
    r"\A---\n.*?\n---\n|^#{1,6} \S|\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*", re.MULTILINE | re.DOTALL
)


def sniff_format(raw: str) -> str:
    """The format of a draft with no telling suffix (standard input): HTML, Markdown or plain text."""
    if _HTML_START.match(raw):
        return "html"
    if _MARKDOWN_SIGNS.search(raw[:20_000]):
        return "md"
    return "txt"


def _normalise(text: str) -> str:
    return " ".join(text.split())


def claims_of(draft: Draft) -> list[Claim]:
    """The claims of a prepared draft, in reading order."""
    plain = draft.plain
    text = plain.text
    discourse = Discourse(draft_date=draft.date)
    if draft.title:
        discourse.observe(_normalise(draft.title), -1, heading=True)
    claims: list[Claim] = []
    index = -1
    # A dateline opens one of the first paragraphs (after a byline, say); it is not part of any claim.
    dateline_blocks = 3
    for block in plain.blocks:
        chunk = text[block.start : block.end]
        if block.kind == HEADING:
            discourse.observe(_normalise(chunk), max(index, 0), heading=True)
            continue
        skip = 0
        if dateline_blocks > 0:
            dateline_blocks -= 1
            skip = dateline(chunk)[0]
            if skip:
                dateline_blocks = 0
        # Line breaks inside a paragraph are only wrapping: the splitter must not take them for boundaries.
        for span in _sentences(chunk[skip:].replace("\n", " ")):
            index += 1
            start = block.start + skip + span.start
            sentence = span.text
            kind = sentence_kind(_normalise(sentence))
            if kind != "statement":
                discourse.observe(_normalise(sentence), index)
                continue
            if len(sentence) > _MAX_SENTENCE_CHARS:
                pieces_spans = [(_normalise(sentence), 0, len(sentence))]
            else:
                pieces_spans = [(p.text, p.start, p.end) for p in decompose(sentence)]
            for piece_text, a, b in pieces_spans:
                resolved, needs = discourse.resolve(_normalise(piece_text), index)
                discourse.observe(resolved, index)
                src_start, src_end = plain.to_source(start + a, start + b)
                claims.append(
                    Claim(
                        id=Claim.make_id(resolved),
                        text=resolved,
                        start=src_start,
                        end=src_end,
                        sentence=index,
                        needs_context=needs,
                        has_quantity=has_quantity(resolved),
                    )
                )
    return claims


_WINDOW = 4_000
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,2}|\b[A-Za-z](?:\.[A-Za-z])*|\bno|\bvs)$")
_BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])")


def _sentences(text: str) -> list[Span]:
    """Sentences of one paragraph. The splitter's cost grows with the square of a paragraph's length, so a
    very long paragraph is cut into windows of about ``_WINDOW`` characters at a likely sentence end first."""
    if len(text) <= _WINDOW:
        return split_sentences(text)
    spans: list[Span] = []
    begin = 0
    while begin < len(text):
        stop = min(len(text), begin + _WINDOW)
        if stop < len(text):
            ends = [
                m.end()
                for m in _BOUNDARY.finditer(text, begin + _WINDOW // 2, stop)
                if not _ABBREVIATION.search(text, max(0, m.start() - 6), m.start())
            ]
            if ends:
                stop = ends[-1]
            else:
                space = text.rfind(" ", begin + _WINDOW // 2, stop)
                stop = space + 1 if space > begin else stop
        for s in split_sentences(text[begin:stop]):
            spans.append(Span(s.text, s.start + begin, s.end + begin))
        begin = stop
    return spans


def extract_claims(text: str, fmt: str = "txt", draft_date: str | None = None) -> list[Claim]:
    """The atomic claims of a draft's text; offsets index ``text`` itself, whatever its format."""
    if not isinstance(text, str):
        raise ClaimsError("a draft must be text")
    return claims_of(prepare(text, fmt, draft_date=draft_date))


def spans_are_exact(draft_raw: str, claims: list[Claim]) -> bool:
    """Whether every claim's span lies inside the draft and is not empty (a cheap self-check)."""
    return all(0 <= c.start < c.end <= len(draft_raw) for c in claims)
