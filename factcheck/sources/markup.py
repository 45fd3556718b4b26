"""Readable text from Markdown and HTML drafts, with every character mapped back to the source file.

Claims must point into the file the editor wrote, so markup is never simply thrown away:

- Markdown: syntax characters (emphasis markers, link targets, list bullets, quote markers, code-span
  backticks, images, HTML comments, front matter) are *blanked* with spaces. The readable view has the same
  length as the source, so an offset in one is the same offset in the other.
- HTML: the visible text is built from the parser's events (scripts, styles and ``<head>`` dropped,
  whitespace collapsed, entities decoded) and every readable character remembers the source range it came
  from, so :meth:`PlainText.to_source` maps a span of visible text to the exact span of HTML source.
  The standard library's ``html.parser`` is used directly (it is the parser behind BeautifulSoup's
  ``html.parser`` backend) because only its events carry source positions.

Both give :class:`PlainText`: the readable text, its blocks (paragraphs, list items, headings) and the map.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser

from factcheck.rules.lexicon import MONTH_RE, MONTHS

HEADING = "heading"
BODY = "body"


@dataclass(frozen=True)
class Block:
    """A run of readable text (paragraph, list item, heading...) in plain-view offsets."""

    start: int
    end: int
    kind: str = BODY


@dataclass(frozen=True)
class PlainText:
    """The readable view of a draft and the way back to its source.

    ``source_starts``/``source_ends`` give, for each readable character, the source range it came from;
    both are ``None`` when the view is aligned with the source (plain text and Markdown).
    """

    text: str
    blocks: tuple[Block, ...]
    source_starts: tuple[int, ...] | None = None
    source_ends: tuple[int, ...] | None = None
    title: str | None = None
    date: str | None = None
    meta: dict[str, str] = field(default_factory=dict)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source span of the readable span ``text[start:end]`` (``start < end``)."""
        if self.source_starts is None or self.source_ends is None:
            return start, end
        return self.source_starts[start], self.source_ends[end - 1]


# ---------------------------------------------------------------------------------------------- dates

_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")
_MDY = re.compile(rf"\b({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_DMY = re.compile(rf"\b(\d{{1,2}})\s+({MONTH_RE})\s+(\d{{4}})\b")


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """An ISO date (``YYYY-MM-DD``) from the first full date written in ``text``, or ``None``."""
    found: list[tuple[int, str | None]] = []
    if m := _ISO_DATE.search(text):
        found.append((m.start(), _valid(int(m[1]), int(m[2]), int(m[3]))))
    if m := _MDY.search(text):
        found.append((m.start(), _valid(int(m[3]), MONTHS[m[1].rstrip(".").lower()], int(m[2]))))
    if m := _DMY.search(text):
        found.append((m.start(), _valid(int(m[3]), MONTHS[m[2].rstrip(".").lower()], int(m[1]))))
    for _, iso in sorted(found, key=lambda x: x[0]):
        if iso:
            return iso
    return None


# A dateline opening a story: "BEIJING, Sept. 1, 2021 -", "Sept. 1, 2021 -", "BEIJING (Reuters) -".
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'-]*(?:[ ][A-Z][A-Z.'-]*){0,3})?\s*(?:\((?P<agency>[^()\n]{1,30})\))?,?\s*"
    rf"(?P<date>(?:{MONTH_RE})\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\s+{MONTH_RE}\s+\d{{4}})?"
    r"\s*(?:\((?P<agency2>[^()\n]{1,30})\))?\s*(?:--|[-\u2013\u2014])\s+"
)


def dateline(text: str) -> tuple[int, str | None]:
    """Length and ISO date of a dateline opening ``text`` ("BEIJING, Sept. 1, 2021 — "); (0, None) if none."""
    m = _DATELINE.match(text)
    if not m:
        return 0, None
    place = m.group("place") or ""
    if not (m.group("date") or (len(place) >= 2 and place.isupper())):
        return 0, None
    return m.end(), (parse_date(m.group("date")) if m.group("date") else None)


# ------------------------------------------------------------------------------------------- Markdown

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FENCE = re.compile(r"^[ \t]{0,3}(```+|~~~+)")
_ATX = re.compile(r"^([ \t]{0,3}#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")
_HR = re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
_BULLET = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]")
_LINK = re.compile(r"\[([^\]\n]+)\](\([^)\n]*\)|\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_STRONG = re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|>])")
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _front_matter(text: str) -> tuple[int, dict[str, str]]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return 0, {}
    meta = {k.lower(): v.strip().strip("'\"") for k, v in _FRONT_KEY.findall(m.group(1))}
    return m.end(), meta


@dataclass
class _MarkdownLines:
    """The line-level pass over a Markdown draft: the characters being blanked and the blocks found."""

    chars: list[str]
    in_fence: str | None = None  # the fence character of an open code block
    prev_quoted: bool = False
    current: list[int] | None = None  # the open block: [start, end, is_heading]
    kinds: list[tuple[int, int, str]] = field(default_factory=list)

    def close(self) -> None:
        """End the open block."""
        if self.current is not None:
            self.kinds.append((self.current[0], self.current[1], HEADING if self.current[2] else BODY))
            self.current = None


LineRule = Callable[[_MarkdownLines, int, int, str], bool]
"""``rule(lines, a, b, line)``: handles the source line ``[a, b)`` when it is of the rule's kind (True)."""


def _fence_line(st: _MarkdownLines, a: int, b: int, line: str) -> bool:
    """Code fences and everything inside them are blanked."""
    fence = _FENCE.match(line)
    if st.in_fence is not None:
        _blank(st.chars, a, b)
        if fence and fence.group(1)[0] == st.in_fence:
            st.in_fence = None
        return True
    if fence:
        st.close()
        st.in_fence = fence.group(1)[0]
        _blank(st.chars, a, b)
        return True
    return False


def _empty_line(st: _MarkdownLines, a: int, b: int, line: str) -> bool:
    """A blank line ends a block."""
    if line.strip():
        return False
    st.close()
    st.prev_quoted = False
    return True


def _setext_line(st: _MarkdownLines, a: int, b: int, line: str) -> bool:
    """ "Title\n=====": the paragraph above is a heading."""
    if not (_SETEXT.match(line) and st.current is not None and not st.current[2]):
        return False
    st.current[2] = 1
    _blank(st.chars, a, b)
    st.close()
    return True


def _rule_line(st: _MarkdownLines, a: int, b: int, line: str) -> bool:
    """Horizontal rules, reference definitions and table rules hold nothing readable."""
    if not (_HR.match(line) or _REF_DEF.match(line) or _TABLE_RULE.match(line)):
        return False
    st.close()
    _blank(st.chars, a, b)
    return True


def _atx_line(st: _MarkdownLines, a: int, b: int, line: str) -> bool:
    """ "## Heading ##": a heading block of its own, its markers blanked."""
    m = _ATX.match(line)
    if not m:
        return False
    st.close()
    _blank(st.chars, a, a + m.end())
    if close_m := _ATX_CLOSE.search(line, m.end()):
        _blank(st.chars, a + close_m.start(), b)
    st.kinds.append((a, b, HEADING))
    return True


def _text_line(st: _MarkdownLines, a: int, b: int, line: str) -> bool:
    """Text: quote markers, bullets and table bars blanked; a quotation, a list item and a table row each
    start a block of their own, other lines continue the open one."""
    chars = st.chars
    starts_item = False
    quoted = bool(_QUOTE.match(line))
    if m := _QUOTE.match(line):
        _blank(chars, a, a + m.end())
        line = "".join(chars[a:b])
    if quoted != st.prev_quoted:
        starts_item = True  # a quotation is its own block
    st.prev_quoted = quoted
    if m := _BULLET.match(line):
        _blank(chars, a, a + m.end())
        starts_item = True
    if "|" in line and line.strip().startswith("|"):
        for i in range(a, b):
            if chars[i] == "|":
                chars[i] = " "
        starts_item = True  # each table row is its own block
    if starts_item or st.current is None:
        st.close()
        st.current = [a, b, 0]
    else:
        st.current[1] = b
    return True


LINE_RULES: tuple[LineRule, ...] = (_fence_line, _empty_line, _setext_line, _rule_line, _atx_line, _text_line)
"""Markdown line syntax, tried in this order on each line (the last one takes any line)."""


def _images(chars: list[str], view: str) -> None:
    for m in _IMAGE.finditer(view):
        _blank(chars, m.start(), m.end())


def _links(chars: list[str], view: str) -> None:
    """Autolinks go; a link keeps its text, without the brackets and the target."""
    for m in _AUTOLINK.finditer(view):
        _blank(chars, m.start(), m.end())
    for m in _LINK.finditer(view):
        _blank(chars, m.start(), m.start() + 1)
        _blank(chars, m.end(1), m.end())


def _code_spans(chars: list[str], view: str) -> None:
    for m in _CODE.finditer(view):
        _blank(chars, m.start(), m.start(2))
        _blank(chars, m.end(2), m.end())


def _tags(chars: list[str], view: str) -> None:
    for m in _TAG.finditer(view):
        _blank(chars, m.start(), m.end())


def _emphasis(pattern: re.Pattern[str]) -> Callable[[list[str], str], None]:
    def blank_markers(chars: list[str], view: str) -> None:
        for m in pattern.finditer(view):
            inner = m.group(m.lastindex or 0)
            half = (len(m.group(0)) - len(inner)) // 2
            _blank(chars, m.start(), m.start() + half)
            _blank(chars, m.end() - half, m.end())

    return blank_markers


def _escapes(chars: list[str], view: str) -> None:
    for m in _ESCAPE.finditer(view):
        chars[m.start()] = " "


INLINE_STEPS: tuple[Callable[[list[str], str], None], ...] = (
    _images,
    _links,
    _code_spans,
    _tags,
    _emphasis(_STRONG),
    _emphasis(_EM_STAR),
    _emphasis(_EM_UNDER),
    _escapes,
)
"""Inline syntax, blanked in this order; each step sees the text as the steps before it left it."""


def _trimmed_blocks(text: str, kinds: list[tuple[int, int, str]]) -> list[Block]:
    """Each block trimmed to its readable characters (empty ones dropped)."""
    blocks = []
    for a, b, kind in kinds:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            blocks.append(Block(a, b, kind))
    return blocks


def markdown_view(source: str) -> PlainText:
    """The readable view of a Markdown draft, aligned character for character with ``source``.

    Front matter and comments are blanked first, then each line goes through :data:`LINE_RULES` (block
    syntax and block boundaries), then the text through :data:`INLINE_STEPS`.
    """
    chars = list(source)
    fm_end, meta = _front_matter(source)
    _blank(chars, 0, fm_end)
    for m in _COMMENT.finditer(source, fm_end):
        _blank(chars, m.start(), m.end())
    lines = _MarkdownLines(chars)
    pos = 0
    for raw in source.split("\n"):
        a, b = pos, pos + len(raw)
        pos = b + 1
        if b <= fm_end:
            continue
        line = "".join(chars[a:b])
        for rule in LINE_RULES:
            if rule(lines, a, b, line):
                break
    lines.close()
    for step in INLINE_STEPS:
        step(chars, "".join(chars))
    text = "".join(chars)
    blocks = _trimmed_blocks(text, lines.kinds)
    title = next((text[b.start : b.end].strip() for b in blocks if b.kind == HEADING), None)
    title = meta.get("title") or title
    draft_date = parse_date(meta.get("date", "")) if meta.get("date") else None
    return PlainText(text, tuple(blocks), title=title, date=draft_date, meta=meta)


def text_view(source: str) -> PlainText:
    """The view of a plain-text draft: the text itself, one block per blank-line separated paragraph."""
    blocks = []
    begin = 0
    for gap in re.finditer(r"\n[ \t]*\n", source):
        blocks.append((begin, gap.start()))
        begin = gap.end()
    blocks.append((begin, len(source)))
    out = []
    for a, b in blocks:
        while a < b and source[a].isspace():
            a += 1
        while b > a and source[b - 1].isspace():
            b -= 1
        if a < b:
            out.append(Block(a, b, BODY))
    return PlainText(source, tuple(out))


# ----------------------------------------------------------------------------------------------- HTML

# Not part of the story: code, page furniture (navigation, footers, asides, forms) and embedded objects.
_DROP = {
    "script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas", "select", "nav",
    "footer", "aside", "form", "button", "menu", "dialog",
}  # fmt: skip
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li", "dl",
    "dt", "dd", "table", "thead", "tbody", "tr", "td", "th", "blockquote", "pre", "figure", "figcaption",
    "form", "fieldset", "address", "details", "summary", "caption", "br", "hr", "body", "html",
    "h1", "h2", "h3", "h4", "h5", "h6", "title",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "title"}
_DATE_META = ("date", "article:published_time", "pubdate", "publishdate", "dc.date", "og:published_time")


class _VisibleText(HTMLParser):
    """Collects the visible characters of an HTML document with the source range of each."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.kinds: list[str] = []
        self.skip = 0
        self.pre = 0
        self.heading = 0
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.in_title = False
        self.in_title_chars: list[bool] = []  # per character: read inside a <title> (no body text)
        self.line_breaks: list[int] = []  # where the breaks a <br> added start

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _break(self) -> None:
        pos = self._pos()
        for _ in range(2):
            self.chars.append("\n")
            self.starts.append(pos)
            self.ends.append(pos)
            self.kinds.append(BODY)
            self.in_title_chars.append(False)

    def _add(self, text: str, start: int, widths: list[int] | None = None) -> None:
        kind = HEADING if self.heading else BODY
        offset = start
        for i, ch in enumerate(text):
            width = widths[i] if widths else 1
            if not self.pre and ch.isspace():
                ch = " "
                if self.chars and self.chars[-1] in " \n":
                    offset += width
                    continue
            self.chars.append(ch)
            self.starts.append(offset)
            self.ends.append(offset + width)
            self.kinds.append(kind)
            self.in_title_chars.append(self.in_title)
            offset += width

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = {k.lower(): (v or "") for k, v in attrs}
            key = (values.get("name") or values.get("property") or values.get("itemprop") or "").lower()
            if key and "content" in values:
                self.meta[key] = values["content"]
            return
        if tag == "time" and "datetime" not in self.meta:
            for k, v in attrs:
                if k.lower() == "datetime" and v:
                    self.meta["datetime"] = v
        if tag == "title":
            self.in_title = True
        if tag in _DROP and tag not in _VOID:
            self.skip += 1
            return
        if tag in _BLOCK:
            if tag == "br":
                self.line_breaks.append(len(self.chars))
            self._break()
        if tag == "pre":
            self.pre += 1
        if tag in _HEADINGS:
            self.heading += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _DROP and tag not in _VOID:
            self.skip = max(0, self.skip - 1)
            return
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _HEADINGS:
            self.heading = max(0, self.heading - 1)
        if tag in _BLOCK:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if self.skip:
            return
        self._add(data, self._pos())

    def _ref(self, raw_name: str, prefix: str) -> None:
        pos = self._pos()
        width = (
            len(prefix)
            + len(raw_name)
            + (1 if self.source.startswith(";", pos + len(prefix) + len(raw_name)) else 0)
        )
        raw = self.source[pos : pos + width]
        text = html.unescape(raw if raw.endswith(";") else raw + ";")
        if self.in_title:
            self.title_parts.append(text)
        if self.skip:
            return
        # Every decoded character maps to the whole reference.
        for ch in text:
            self._add(ch, pos, [width])

    def handle_entityref(self, name: str) -> None:
        self._ref(name, "&")

    def handle_charref(self, name: str) -> None:
        self._ref(name, "&#")


def _parse_html(source: str) -> _VisibleText:
    parser = _VisibleText(source)
    try:
        parser.feed(source)
        parser.close()
    except (AssertionError, ValueError):  # pragma: no cover - html.parser is lenient; defensive only
        pass
    return parser


def _html_title(parser: _VisibleText) -> str | None:
    return " ".join("".join(parser.title_parts).split()) or None


def html_view(source: str) -> PlainText:
    """The visible text of an HTML draft, each character mapped to its source range."""
    parser = _parse_html(source)
    text = "".join(parser.chars)
    blocks: list[Block] = []
    for m in re.finditer(r"[^\n]+", text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            kind = HEADING if parser.kinds[a] == HEADING else BODY
            blocks.append(Block(a, b, kind))
    title = _html_title(parser)
    if title is None:
        title = next((text[b.start : b.end] for b in blocks if b.kind == HEADING), None)
    found = next((parser.meta[k] for k in (*_DATE_META, "datetime") if parser.meta.get(k)), None)
    draft_date = parse_date(found) if found else None
    return PlainText(
        text,
        tuple(blocks),
        tuple(parser.starts),
        tuple(parser.ends),
        title=title,
        date=draft_date,
        meta=parser.meta,
    )


def html_text(source: str) -> tuple[str, str | None]:
    """The visible text of an HTML page as a corpus document stores it, and the page's ``<title>``.

    The same reading as :func:`html_view` (scripts, styles, page furniture and ``<head>`` dropped, entities
    decoded), laid out for retrieval: each block (paragraph, heading, list item, table cell...) is one
    paragraph, separated from the next by a blank line so that no sentence runs from one block into the
    next; a ``<br>`` is a line break inside its block; white space inside a line collapses to one space.
    """
    parser = _parse_html(source)
    paragraphs: list[str] = []
    lines: list[str] = []
    line: list[str] = []

    def end_line() -> None:
        collapsed = " ".join("".join(line).split())
        if collapsed:
            lines.append(collapsed)
        line.clear()

    def end_paragraph() -> None:
        end_line()
        if lines:
            paragraphs.append("\n".join(lines))
        lines.clear()

    breaks = set(parser.line_breaks)
    for i, ch in enumerate(parser.chars):
        inserted = parser.starts[i] == parser.ends[i]  # a break the reader added, not text of the page
        if inserted and i in breaks:
            end_line()
        elif inserted and ch == "\n":
            if i - 1 not in breaks:
                end_paragraph()
        elif not parser.in_title_chars[i]:
            line.append(ch)
    end_paragraph()
    return "\n\n".join(paragraphs), _html_title(parser)


def view(source: str, fmt: str) -> PlainText:
    """The readable view of ``source`` written in ``fmt`` (``txt``, ``md`` or ``html``)."""
    if fmt == "md":
        return markdown_view(source)
    if fmt == "html":
        return html_view(source)
    return text_view(source)
