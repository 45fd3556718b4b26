"""Splitting a document into sentence-aware passages with exact offsets into its text.

A passage is a window of a few consecutive sentences (``sentences``, default 4) that overlaps the next one
by ``overlap`` sentences and stays under ``max_chars`` characters. Windows never start or end inside a
sentence, except that a single sentence longer than ``max_chars`` is cut at white space. Heading lines
(Markdown ``#`` lines, or short lines without closing punctuation) do not count as sentences and never end a
passage when more text follows, so a heading is kept with the text it introduces rather than standing alone.

Every passage satisfies ``passage.text == text[passage.start:passage.end]``.
"""

from __future__ import annotations

import re

from factcheck.sources.sentences import Span, split_sentences

_CLOSING = re.compile(r"[.!?:;…][\"'”’)\]]*$")


def is_heading(span: Span) -> bool:
    """Whether a sentence is a heading line rather than prose."""
    text = span.text
    if text.lstrip().startswith("#"):
        return True
    return "\n" not in text and len(text) <= 80 and not _CLOSING.search(text)


def _cut_long(span: Span, max_chars: int) -> list[Span]:
    """``span`` cut at white space into pieces of at most ``max_chars`` characters."""
    pieces, text, offset = [], span.text, 0
    while len(text) - offset > max_chars:
        window = text[offset : offset + max_chars + 1]
        cut = max(window.rfind(" "), window.rfind("\n"))
        if cut <= 0:
            cut = max_chars
        piece = text[offset : offset + cut].rstrip()
        if piece:
            pieces.append(Span(piece, span.start + offset, span.start + offset + len(piece)))
        offset += cut
        while offset < len(text) and text[offset].isspace():
            offset += 1
    if offset < len(text):
        pieces.append(Span(text[offset:], span.start + offset, span.end))
    return pieces


def split_passages(text: str, sentences: int = 4, overlap: int = 1, max_chars: int = 800) -> list[Span]:
    """The passages of ``text``, in order, as spans with exact offsets."""
    if sentences < 1 or overlap < 0 or overlap >= sentences or max_chars < 1:
        raise ValueError("need sentences >= 1, 0 <= overlap < sentences and max_chars >= 1")
    units: list[Span] = []
    for span in split_sentences(text):
        units.extend(_cut_long(span, max_chars) if len(span.text) > max_chars else [span])
    headings = [is_heading(u) for u in units]
    passages: list[Span] = []
    begin = 0
    while begin < len(units):
        end, counted = begin, 0
        while end < len(units) and counted < sentences:
            if end > begin and units[end].end - units[begin].start > max_chars:
                break
            counted += not headings[end]
            end += 1
        # Do not leave a heading dangling at the end of a passage when the text goes on.
        while end - begin > 1 and end < len(units) and headings[end - 1]:
            end -= 1
        start, stop = units[begin].start, units[end - 1].end
        if not passages or stop > passages[-1].end:  # skip a window inside the previous one
            passages.append(Span(text[start:stop], start, stop))
        if end >= len(units):
            break
        # Step back by ``overlap`` prose sentences, but always move forward.
        step_back, cursor = 0, end
        while cursor - 1 > begin and step_back < overlap:
            cursor -= 1
            step_back += not headings[cursor]
        begin = max(cursor, begin + 1)
    return passages
