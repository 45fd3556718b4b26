"""The token stream the rule readers walk: words, numbers and symbols with offsets, and what lies around them.

One precompiled regular expression splits a text once (linear time, ASCII digits only); every reader
(:mod:`~factcheck.rules.dates`, :mod:`~factcheck.rules.numbers`, :mod:`~factcheck.rules.ranks`,
:mod:`~factcheck.rules.names`) then reads the same tuple left to right. The helpers here answer the questions
all of them ask: which clause a token is in, which content words surround a mention, what a digit token is
worth and how precisely it is written.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from factcheck.rules.lexicon import (
    CURRENCY_CODES,
    CURRENCY_NAMES,
    MONTHS,
    SMALL_NUMBERS,
    STOPWORDS,
    SYNONYMS,
    TENS,
    normalise_word,
)

__all__ = ["Token", "Tokens", "tokenize", "word_spans", "content_words"]

_TOKEN_RE = re.compile(
    r"(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    # A decimal point may be written as a raised dot ("1·5%", as some journals print it).
    r"|(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:[.·][0-9]+)?(?![0-9])|[0-9]+(?:[.·][0-9]+)?)"
    r"|(?P<sym>[^\s\w])"
)
MAX_DIGITS = 30  # longer digit runs are identifiers or noise, never figures
SENTENCE_BREAKS = frozenset(".;!?\n")
CONTEXT_WINDOW = 8


class Token(NamedTuple):
    """One token of the text: ``kind`` is ``num``, ``word`` or ``sym``; ``text == source[start:end]``;
    ``low`` is ``text.lower()``."""

    kind: str
    text: str
    start: int
    end: int
    low: str


Tokens = tuple[Token, ...]


@lru_cache(maxsize=8192)
def tokenize(text: str) -> Tokens:
    """Split ``text`` into number, word and symbol tokens with character offsets (whitespace dropped)."""
    new = tuple.__new__  # NamedTuple's own constructor goes through a slower keyword-aware wrapper
    return tuple(
        new(Token, (m.lastgroup, (g := m.group()), m.start(), m.end(), g.lower()))
        for m in _TOKEN_RE.finditer(text)
    )


# Marks that hold a word together when they sit between two of its parts: "U.S", "AT&T", "Xiaomi's",
# "rock-and-roll", "8,500".
_INNER = frozenset("'’.,&-")


def _joins(left: Token, mark: Token | None, right: Token) -> bool:
    if right.kind == "sym" or left.kind == "sym":
        return False
    if mark is None:
        return left.end == right.start
    return mark.text in _INNER and left.end == mark.start and mark.end == right.start


def word_spans(text: str) -> list[tuple[int, int]]:
    """The words of ``text`` as the grammar reads them, from the same token stream: adjacent word and number
    tokens joined, also across one inner mark (``U.S``, ``AT&T``, ``Xiaomi's``, ``8.5bn``, ``2nd``); every
    other mark on its own. Offsets into ``text``. (A word of a non-Latin script is one word here.)"""
    tokens = tokenize(text)
    spans: list[tuple[int, int]] = []
    i = 0
    covered = 0
    while i < len(tokens):
        # Characters the token stream skips (an underscore) are marks of their own.
        spans += [(k, k + 1) for k in range(covered, tokens[i].start) if not text[k].isspace()]
        start, end = tokens[i].start, tokens[i].end
        j = i
        while tokens[j].kind != "sym":
            if j + 1 < len(tokens) and _joins(tokens[j], None, tokens[j + 1]):
                j += 1
            elif j + 2 < len(tokens) and _joins(tokens[j], tokens[j + 1], tokens[j + 2]):
                j += 2
            else:
                break
            end = tokens[j].end
        spans.append((start, end))
        covered = end
        i = j + 1
    spans += [(k, k + 1) for k in range(covered, len(text)) if not text[k].isspace()]
    return spans


def sentence_bounds(tokens: Tokens, text: str) -> list[int]:
    """For each token, the index of the sentence (clause) it belongs to."""
    ids = []
    current = 0
    paragraphs = "\n\n" in text
    for i, tok in enumerate(tokens):
        ids.append(current)
        if (tok.kind == "sym" and tok.text in SENTENCE_BREAKS) or (
            paragraphs and i + 1 < len(tokens) and "\n\n" in text[tok.end : tokens[i + 1].start]
        ):
            current += 1
    return ids


# Words that never count as context: stop words, months, number words, currencies, units of figures.
_NOT_CONTEXT = (
    STOPWORDS | set(MONTHS) | set(SMALL_NUMBERS) | set(TENS) | set(CURRENCY_NAMES) | set(CURRENCY_CODES)
)
_NOT_CONTEXT |= {"us", "u.s", "percent", "cent", "per", "kilometres", "km", "kwh"}


def _in_compound(tokens: Tokens, k: int) -> bool:
    """A part of a hyphenated compound ("start-up", "self-driving"): says little alone."""
    tok = tokens[k]
    return (k > 0 and tokens[k - 1].text == "-" and tokens[k - 1].end == tok.start) or (
        k + 1 < len(tokens) and tokens[k + 1].text == "-" and tokens[k + 1].start == tok.end
    )


def context(
    tokens: Tokens, sent: list[int], lo: int, hi: int, window: int = CONTEXT_WINDOW
) -> frozenset[str]:
    """Normalised content words among the ``window`` nearest words on each side of tokens[lo:hi], inside the
    same sentence (numbers, symbols and stopwords do not use up the window)."""
    found: set[str] = set()
    s_lo, s_hi = sent[lo], sent[hi - 1] if hi > lo else sent[lo]
    n = len(tokens)
    for step, start in ((-1, lo - 1), (1, hi)):
        taken = 0
        j = start
        limit = start + step * 4 * window  # bounded walk: linear time whatever lies between the words
        while 0 <= j < n and taken < window and s_lo <= sent[j] <= s_hi and j != limit:
            tok = tokens[j]
            j += step
            if tok.kind != "word" or _in_compound(tokens, j - step):
                continue
            if len(tok.low) < 3 or tok.low in _NOT_CONTEXT:
                continue
            norm = norm_token(tok)
            if norm not in STOPWORDS:
                found.add(norm)
                taken += 1
    return frozenset(found)


def norm_token(tok: Token) -> str:
    """Normalise a word token; capitalised words (names) only lose case and a possessive."""
    if tok.text[0].isupper() and not tok.text.isupper() and not tok.low.endswith("ed"):
        low = tok.low.replace("’", "'")
        low = low[:-2] if low.endswith("'s") else low
        return SYNONYMS.get(low, low)
    return normalise_word(tok.low)


def content_words(text: str) -> frozenset[str]:
    """Normalised content words of a whole text (stopwords, numbers and month names removed)."""
    return _content_words(text)


@lru_cache(maxsize=8192)
def _content_words(text: str) -> frozenset[str]:
    out = set()
    for tok in tokenize(text):
        if tok.kind == "word" and len(tok.text) >= 3:
            low = tok.low
            if low in STOPWORDS or low in MONTHS or low in SMALL_NUMBERS or low in TENS:
                continue
            norm = norm_token(tok)
            if norm not in STOPWORDS:
                out.add(norm)
    return frozenset(out)


def adjacent(a: Token, b: Token) -> bool:
    """True when ``b`` follows ``a`` with nothing in between ("8.5" "bn", "US" "$")."""
    return a.end == b.start


def num_value(tok: Token) -> float | None:
    """The value of a digit token ("300,000" -> 300000.0); None for runs too long to be a figure."""
    digits = tok.text.replace(",", "").replace("·", ".")
    if len(digits) > MAX_DIGITS:
        return None
    try:
        return float(digits)
    except ValueError:
        return None


def precision(tok_text: str) -> float:
    """The unit of the last written significant digit: "70" -> 10, "72" -> 1, "1.2" -> 0.1, "300,000" ->
    1e5."""
    digits = tok_text.replace(",", "").replace("·", ".")
    if "." in digits:
        return 10.0 ** -len(digits.split(".", 1)[1])
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped)
    return 10.0**zeros if stripped else 1.0


def taken_lookup(taken: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test "is this offset inside one of these spans", fast for the common case of few spans."""
    if not taken:
        return lambda pos: False
    spans = sorted(taken)
    starts = [a for a, _ in spans]

    def inside(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and spans[k][0] <= pos < spans[k][1]

    return inside
