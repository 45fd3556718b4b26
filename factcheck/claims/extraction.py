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
from typing import Any

from factcheck.claims.checkworthy import has_quantity, sentence_kind
from factcheck.claims.decompose import decompose
from factcheck.claims.decontext import Discourse, relative_fragment
from factcheck.claims.grammar import DISCOURSE, is_verb, strip_discourse, tokenize
from factcheck.claims.scoring import Worthiness, assess, load_model
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


@dataclass(frozen=True)
class Dropped:
    """A stretch of the draft that gave no claim, and why: ``heading``, ``question``, ``opinion``,
    ``not check-worthy (0.31 < 0.50: ...)``...; ``draft.raw[start:end]`` is the stretch."""

    text: str
    start: int
    end: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``{"text", "start", "end", "reason"}``."""
        return {"text": self.text, "start": self.start, "end": self.end, "reason": self.reason}


@dataclass(frozen=True)
class Extraction:
    """What the claims stage made of a draft: its claims in reading order and what it dropped."""

    claims: list[Claim]
    dropped: list[Dropped]
    threshold: float


# A short line without final punctuation, alone between blank lines, is a heading ("Bigger Drop To Come").
_HEADING_MAX_WORDS = 25
_SENTENCE_END = re.compile(r"[.!?…:;,][\"'”’)\]]*\s*$|[\"”]\s*$")
_HASH_HEADING = re.compile(r"#{1,6} \S")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•–]|\d{1,9}[.)])[ \t]+")


def is_bare_heading(chunk: str, raw_line: str = "") -> bool:
    """Whether a block is a plain-text heading: one short line, no final punctuation, not a list item."""
    line = chunk.strip()
    if not line or "\n" in line or _LIST_ITEM.match(raw_line):
        return False
    if _HASH_HEADING.match(line):
        return True  # a Markdown heading pasted into plain text
    if _SENTENCE_END.search(line):
        return False
    return len(line.split()) <= _HEADING_MAX_WORDS and any(c.isalpha() for c in line)


@dataclass(frozen=True)
class _Unit:
    """A sentence of the readable view (offsets in it), or a question joined to its fragment answer."""

    text: str
    start: int
    end: int
    parts: tuple[tuple[int, int], ...] = ()


_NOUN_QUESTION = re.compile(r"^(?:the|its|their|his|her|our|and the|but the)\s+[\w'’ -]{1,30}\?$", re.I)
_FRAGMENT_ANSWER = re.compile(r"^(?:to|a|an|the|more|less|only|just|about|around|some|[\d€$£])", re.I)


_WHAT_QUESTION = re.compile(r"^What (?P<be>is|was|are|were) (?P<np>(?:the|its|their|his|her) [^?]{2,60})\?$")
_WHO_QUESTION = re.compile(
    r"^Who (?P<vp>(?-i:[a-z]+(?:ed|s)|won|wrote|led|built|made|founded) [^?]{2,60})\?$"
)
_ANSWER_WORDS = 8


def _statement_of(question: str, answer: str) -> str | None:
    """The statement a question and its verbless answer make together: "The aim? To make only electric
    cars." -> "The aim is to make only electric cars."; "What is the capital of Peru? Lima." -> "The capital
    of Peru is Lima."; "Who founded Xiaomi? Lei Jun." -> "Lei Jun founded Xiaomi."; else ``None``."""
    rest = answer.strip()
    short = len(rest.split()) <= _ANSWER_WORDS
    named = rest[:1].isupper() and all(
        w[:1].isupper() or w.lower() in {"of", "de", "and"} for w in rest.split()
    )
    if _NOUN_QUESTION.match(question) and _FRAGMENT_ANSWER.match(rest.lstrip("\"'“‘(")):
        rest = rest[:1].lower() + rest[1:] if not rest[:2].isupper() else rest
        return f"{question.rstrip('?').strip()} is {rest}"
    what = _WHAT_QUESTION.match(question)
    if what and short:
        np = what.group("np")
        if rest.split()[0].lower() in {"a", "an", "the"}:
            rest = rest[:1].lower() + rest[1:]  # "A 20% drop in sales."
        return f"{np[:1].upper()}{np[1:]} {what.group('be')} {rest}"
    who = _WHO_QUESTION.match(question)
    if who and short and named:
        return f"{rest.rstrip('.')} {who.group('vp')}."
    return None


def _joined_answers(units: list[_Unit]) -> list[_Unit]:
    """A question of a few words followed by a verbless answer becomes one statement (see
    :func:`_statement_of`); other questions stay as they are."""
    out: list[_Unit] = []
    i = 0
    while i < len(units):
        unit = units[i]
        answer = units[i + 1] if i + 1 < len(units) else None
        text = None
        asked = answer is not None and unit.text.rstrip().endswith("?")
        if asked and not any(is_verb(t) for t in tokenize(answer.text)):
            text = _statement_of(_normalise(unit.text), answer.text)
        if answer is not None and text is not None:
            out.append(
                _Unit(text, unit.start, answer.end, ((unit.start, unit.end), (answer.start, answer.end)))
            )
            i += 2
            continue
        out.append(unit)
        i += 1
    return out


_ITEM_NUMBER = re.compile(r"^\s*\d{1,2}[.)]\s*")
_LIST_ITEM_WORDS = 12


def _list_item(text: str) -> str | None:
    """A list item's words without its number ("1.Abigail Adams (1797-1801)" -> "Abigail Adams
    (1797-1801)"), when it is a short verbless item, else ``None``."""
    item = _ITEM_NUMBER.sub("", text).strip().rstrip(".;,")
    words = item.split()
    if (
        not 0 < len(words) <= _LIST_ITEM_WORDS
        or ":" in item
        or not item[:1].isalnum()
        and item[:1] not in '"“'
    ):
        return None
    return None if any(is_verb(t) or t.text in {"-", "–", "—"} for t in tokenize(item)) else item


def _rejoined(units: list[_Unit], text: str) -> list[_Unit]:
    """A "sentence" ending with a full stop set off by a space and glued to the next word ("part of the ." +
    "NET platform.") was cut inside a name such as ".NET": the two are one sentence."""
    out: list[_Unit] = []
    for unit in units:
        last = out[-1] if out else None
        if last is not None and last.text.endswith(" .") and last.end == unit.start and not last.parts:
            out[-1] = _Unit(text[last.start : unit.end].replace("\n", " "), last.start, unit.end)
            continue
        out.append(unit)
    return out


def _joined_list_items(units: list[_Unit]) -> list[_Unit]:
    """Items listed on their own lines after an introduction ending with a colon ("The four female
    presidents were:" then "1.Abigail Adams (1797-1801)", ...) become one statement each ("The four female
    presidents were Abigail Adams (1797-1801)"), pointing at the introduction and the item."""
    out: list[_Unit] = []
    intro: _Unit | None = None
    for n, unit in enumerate(units):
        text = _normalise(unit.text)
        if text.endswith(":") and any(is_verb(t) for t in tokenize(text)):
            following = units[n + 1 : n + 3]
            intro = unit if len(following) == 2 and all(_list_item(u.text) for u in following) else None
            out.append(unit)
            continue
        item = _list_item(unit.text) if intro is not None else None
        if intro is None or item is None:
            intro = None
            out.append(unit)
            continue
        joined = f"{_normalise(intro.text).rstrip(':').rstrip()} {item}."
        out.append(_Unit(joined, unit.start, unit.end, ((intro.start, intro.end), (unit.start, unit.end))))
    return out


class _Reader:
    """Reads one draft in order, block by block, sentence by sentence, keeping the discourse model."""

    def __init__(self, draft: Draft, min_checkworthiness: float | None) -> None:
        self.draft = draft
        self.plain = draft.plain
        self.model = load_model()
        self.threshold = self.model.threshold if min_checkworthiness is None else float(min_checkworthiness)
        self.discourse = Discourse(draft_date=draft.date)
        if draft.title:
            self.discourse.observe(_normalise(draft.title), -1, heading=True)
        self.claims: list[Claim] = []
        self.dropped: list[Dropped] = []
        self.index = -1

    def drop(self, start: int, end: int, reason: str) -> None:
        """Record that ``plain.text[start:end]`` gave no claim."""
        src_start, src_end = self.plain.to_source(start, end)
        text = _normalise(self.draft.raw[src_start:src_end]) if self.plain.source_starts is None else None
        self.dropped.append(
            Dropped(text or _normalise(self.plain.text[start:end]), src_start, src_end, reason)
        )

    def read(self) -> Extraction:
        """All claims and drops of the draft."""
        # A dateline opens one of the first paragraphs (after a byline, say); it is not part of any claim.
        dateline_blocks = 3
        for block in self.plain.blocks:
            chunk = self.plain.text[block.start : block.end]
            bare = block.kind != HEADING and is_bare_heading(chunk, self._raw_line(block.start))
            if block.kind == HEADING or bare:
                self.index += bare  # a line of the body still counts as one of its sentences
                self.discourse.observe(_normalise(chunk), max(self.index, 0), heading=True)
                kind = sentence_kind(_normalise(chunk)) if bare else "heading"
                self.drop(block.start, block.end, kind if kind in {"byline", "boilerplate"} else "heading")
                continue
            skip = 0
            if dateline_blocks > 0:
                dateline_blocks -= 1
                skip = dateline(chunk)[0]
                if skip:
                    dateline_blocks = 0
            # Line breaks inside a paragraph are only wrapping: not sentence boundaries.
            spans = _sentences(chunk[skip:].replace("\n", " "))
            base = block.start + skip
            units = _rejoined([_Unit(s.text, base + s.start, base + s.end) for s in spans], self.plain.text)
            for unit in _joined_list_items(_joined_answers(units)):
                self.index += 1
                self.sentence(unit)
        return Extraction(self.claims, self.dropped, self.threshold)

    def _raw_line(self, start: int) -> str:
        if self.plain.source_starts is not None:
            return ""
        line_start = self.draft.raw.rfind("\n", 0, start) + 1
        return self.draft.raw[line_start : start + 1]

    def sentence(self, unit: _Unit) -> None:
        """The claims of one sentence, or why it has none."""
        sentence = unit.text
        normal = _normalise(sentence)
        self.discourse.learn(normal)
        # "Note that X" is a frame around X, not the noun "note" with a relative clause
        fragment = relative_fragment(normal) if not DISCOURSE.match(normal) else None
        if fragment is not None:
            self.fragment(unit, fragment)
            return
        # A discourse opener ("Based on my general knowledge, ") is no part of what is checked.
        worth = assess(normal[strip_discourse(normal) :], self.model)
        # A question joined to its answer is scored once its reference is resolved ("The aim" -> whose).
        if worth.kind != "statement" or (worth.score < self.threshold and not unit.parts):
            self.discourse.observe(normal, self.index)
            self.drop(unit.start, unit.end, _reason(worth, self.threshold))
            return
        if unit.parts or len(sentence) > _MAX_SENTENCE_CHARS:
            pieces = [(normal, 0, unit.end - unit.start, unit.parts, "clause")]
        else:
            pieces = [(p.text, p.start, p.end, (), p.kind) for p in decompose(sentence)]
        for piece_text, a, b, parts, kind in pieces:
            self.piece(unit.start, piece_text, a, b, parts, main=kind == "clause")

    def fragment(self, unit: _Unit, fragment: tuple[str, str]) -> None:
        """A verbless noun phrase with a relative clause states a fact of what it refers back to."""
        head, verb_phrase = fragment
        referent = self.discourse.thing_for(head, self.index)
        length = unit.end - unit.start
        if referent is not None:
            self.piece(unit.start, f"{referent} {verb_phrase}", 0, length, ((unit.start, unit.end),))
        elif has_quantity(unit.text):
            self.piece(unit.start, unit.text, 0, length, (), needs_context=True)
        else:
            self.discourse.observe(_normalise(unit.text), self.index)
            self.drop(unit.start, unit.end, "fragment")

    def piece(
        self,
        offset: int,
        text: str,
        a: int,
        b: int,
        parts: tuple[tuple[int, int], ...],
        main: bool = True,
        needs_context: bool = False,
    ) -> None:
        """One atomic piece: decontextualised, scored, kept or dropped."""
        resolved, needs = self.discourse.resolve(_normalise(text), self.index)
        needs = needs or needs_context
        self.discourse.observe(resolved, self.index, main=main)
        worth = assess(resolved, self.model)
        if worth.kind != "statement" or worth.score < self.threshold:
            self.drop(offset + a, offset + b, _reason(worth, self.threshold))
            return
        src_start, src_end = self.plain.to_source(offset + a, offset + b)
        spans = tuple(self.plain.to_source(x, y) for x, y in parts)
        self.claims.append(
            Claim(
                id=Claim.make_id(resolved),
                text=resolved,
                start=src_start,
                end=src_end,
                sentence=self.index,
                needs_context=needs,
                has_quantity=has_quantity(resolved),
                checkworthiness=worth.score,
                kept_because=worth.reasons,
                spans=spans,
            )
        )


def _reason(worth: Worthiness, threshold: float) -> str:
    if worth.kind != "statement":
        return worth.kind
    why = ", ".join(worth.reasons)
    return f"not check-worthy ({worth.score:.2f} < {threshold:.2f}" + (f": {why})" if why else ")")


def extract_draft(draft: Draft, min_checkworthiness: float | None = None) -> Extraction:
    """The claims of a prepared draft in reading order, and what was dropped and why.

    ``min_checkworthiness`` (0-1) keeps only sentences and claims scoring at least that much; the model's
    own threshold when ``None``.
    """
    if min_checkworthiness is not None and not 0.0 <= min_checkworthiness <= 1.0:
        raise InputError(f"min check-worthiness {min_checkworthiness} is not between 0 and 1")
    return _Reader(draft, min_checkworthiness).read()


def claims_of(draft: Draft, min_checkworthiness: float | None = None) -> list[Claim]:
    """The claims of a prepared draft, in reading order."""
    return extract_draft(draft, min_checkworthiness).claims


_WINDOW = 4_000
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,2}|\b[A-Za-z](?:\.[A-Za-z])*|\bno|\bvs)$")
_BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])")


# A closing quotation mark set off from its full stop and glued to the next sentence ('was a lobbyist.
# "Southerland's campaign ...'): the splitter reads on as if inside a quotation, but a sentence ends there.
_DETACHED_CLOSE = re.compile(r"(?<=[.!?]) [\"”](?=[A-Z])")
_QUOTE_MARKS = re.compile(r"[\"“”]")


def _split(text: str) -> list[Span]:
    """:func:`split_sentences` with a double hyphen read as the dash it stands for (the splitter can miss
    every boundary after one: 'our debt -- but there are other factors, economists said. Also, ...')."""
    if "--" not in text:
        return split_sentences(text)
    return [Span(text[s.start : s.end], s.start, s.end) for s in split_sentences(text.replace("--", "——"))]


def _closed_quotations(spans: list[Span], text: str) -> list[Span]:
    """``spans`` with each one cut after a detached closing quotation mark (one that follows an odd number
    of quotation marks in its sentence); what follows it is split into sentences anew."""
    out: list[Span] = []
    for span in spans:
        cut = next(
            (
                m.end()
                for m in _DETACHED_CLOSE.finditer(span.text)
                if len(_QUOTE_MARKS.findall(span.text, 0, m.start())) % 2 == 1
            ),
            None,
        )
        if cut is None:
            out.append(span)
            continue
        out.append(Span(span.text[:cut], span.start, span.start + cut))
        rest = span.start + cut
        tail = [Span(s.text, s.start + rest, s.end + rest) for s in _split(text[rest : span.end])]
        out += _closed_quotations(tail, text)
    return out


def _continued(spans: list[Span], text: str) -> list[Span]:
    """``spans`` with one that opens with a comma or semicolon joined to the sentence before: no sentence
    opens so ("Reps. Darrell Issa, R-Calif." + ", Keith Self, R-Texas, ... has learned." is one)."""
    out: list[Span] = []
    for span in spans:
        if out and span.text[:1] in {",", ";"}:
            out[-1] = Span(text[out[-1].start : span.end], out[-1].start, span.end)
            continue
        out.append(span)
    return out


def _sentences(text: str) -> list[Span]:
    """Sentences of one paragraph. The splitter's cost grows with the square of a paragraph's length, so a
    very long paragraph is cut into windows of about ``_WINDOW`` characters at a likely sentence end first."""
    if len(text) <= _WINDOW:
        return _continued(_closed_quotations(_split(text), text), text)
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
        for s in _split(text[begin:stop]):
            spans.append(Span(s.text, s.start + begin, s.end + begin))
        begin = stop
    return _continued(_closed_quotations(spans, text), text)


def extract(
    text: str, fmt: str = "txt", draft_date: str | None = None, min_checkworthiness: float | None = None
) -> Extraction:
    """Claims and drops of a draft's text; offsets index ``text`` itself, whatever its format."""
    if not isinstance(text, str):
        raise ClaimsError("a draft must be text")
    return extract_draft(prepare(text, fmt, draft_date=draft_date), min_checkworthiness)


def extract_claims(
    text: str, fmt: str = "txt", draft_date: str | None = None, min_checkworthiness: float | None = None
) -> list[Claim]:
    """The atomic claims of a draft's text; offsets index ``text`` itself, whatever its format."""
    return extract(text, fmt, draft_date, min_checkworthiness).claims


def spans_are_exact(draft_raw: str, claims: list[Claim]) -> bool:
    """Whether every claim's span lies inside the draft and is not empty (a cheap self-check)."""
    return all(0 <= c.start < c.end <= len(draft_raw) for c in claims)
