"""The piece and the clause every rule of the decomposer works on: :class:`Piece`, one atomic claim with its
span in the sentence; ``_Clause``, one clause of the sentence with the stretches cut out of it so far; and
:func:`tidy`, which gives a piece's text its spacing and final full stop."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.claims.grammar import Token

# Precompiled: pysbd compiles many patterns per call and flushes the re module's cache.
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;:%])")
# A mark that opens a word (".NET", ".5") keeps its space; one that closes the words before it does not.
_SPACE_BEFORE_STOP = re.compile(r"\s+([,;:.!?](?![\w#])|%)")
# A quotation closed after a space ('was a lobbyist. "'): the mark belongs to the full stop.
_DETACHED_CLOSE = re.compile(r"([.!?]) ([\"”])$")
_DOUBLE_COMMA = re.compile(r",\s*,")
_EMPTY_PARENS = re.compile(r"\(\s*\)")


@dataclass(frozen=True)
class Piece:
    """One atomic claim cut from a sentence: its (not yet decontextualised) text and its span in the sentence.

    ``subject`` is the text of the piece's grammatical subject as written, when it was found.
    """

    text: str
    start: int
    end: int
    kind: str = "clause"
    subject: str | None = None


class _Clause:
    """One clause of a sentence being decomposed, with stretches cut out of it."""

    def __init__(self, sentence: str, tokens: list[Token], begin: int, end: int, depth: list[int]) -> None:
        self.sentence = sentence
        self.depth = depth
        self.tokens = tokens
        self.begin = begin
        self.end = end
        self.cuts: list[tuple[int, int]] = []  # character ranges removed from the clause's own text

    def text(self, start: int, stop: int) -> str:
        """Sentence characters ``[start, stop)`` with the cut stretches removed, spaces normalised."""
        parts, pos = [], start
        for a, b in sorted(self.cuts):
            if b <= pos or a >= stop:
                continue
            parts.append(self.sentence[pos:a])
            pos = max(pos, b)
        parts.append(self.sentence[pos:stop])
        text = " ".join("".join(parts).split())
        return _SPACE_BEFORE_PUNCT.sub(r"\1", text).strip(" ,;:")

    def cut(self, a: int, b: int) -> bool:
        return any(x <= a < y or x < b <= y for x, y in self.cuts)

    def aside(self, token: Token) -> bool:
        """Whether ``token`` is off the clause's main line: cut out of it, or inside brackets."""
        return self.cut(token.start, token.end) or self.depth[token.start] > 0


def _span_text(clause: _Clause) -> str:
    """The clause's stretch of the sentence, as written (a cheap test before a rule looks closer)."""
    return clause.sentence[clause.tokens[clause.begin].start : clause.tokens[clause.end - 1].end]


def tidy(text: str) -> str:
    """Whitespace normalised, stray punctuation around cuts removed, one final full stop."""
    text = " ".join(text.split())
    text = _SPACE_BEFORE_STOP.sub(r"\1", text)
    text = _DOUBLE_COMMA.sub(",", text)
    text = _EMPTY_PARENS.sub("", text).strip()
    text = _DETACHED_CLOSE.sub(r"\1\2", text.strip(" ,;:-–—"))
    if text and not text.rstrip("\"”')").endswith((".", "!", "?")):
        text += "."
    return text
