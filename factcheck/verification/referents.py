"""Evidence referents: the name a span's opening pronoun stands for, from the sentence before it.

"In 2013 she was ranked as the fifth highest earning actress in Israel" says nothing about *who*; the
sentence before it in its passage ("Gal Gadot is an Israeli actress and model.") does. The model and the
comparison of figures read such a span with the pronoun replaced by that name ("In 2013 Gal Gadot was
ranked ..."), the way the claim side is decontextualised. Only a personal pronoun that is the span's
subject (at its start, or after a short opening phrase) is replaced, and only by the first organisation or
person of the nearest sentence before it that names one; a definite description ("the unit") is left to
the document's title, since which unit it is may not be the name before it. Quotes and offsets stay those
of the span itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.verification.rationale import primary_subject

# "She was ...", "In 2013 she was ...", "Since 1990, it has ...": a subject pronoun opening the clause.
_OPENING_PRONOUN = re.compile(
    r"^(?:\s*(?:(?:In|On|By|Since|After|Before|During|From|Until|Later|Then|Today|Now|However|"
    r"In\s+\d{4}|In\s+the\s+\w+)\b[^,.;:]{0,30},?\s+)?)(?P<pronoun>[Hh]e|[Ss]he|[Ii]t|[Tt]hey)\b(?!')"
)
# "It is estimated that ...", "It was not until ...": an "it" that stands for nothing.
_EXPLETIVE = re.compile(  # read from the end of the pronoun (``match(text, pos)`` anchors there)
    r"\s+(?:is|was|has\s+been|had\s+been|seems|appears|remains)\b"
    r"(?:\s+\w+){0,3}?\s+(?:that|to|whether|if|until)\b"
)
_POSSESSIVE_START = re.compile(r"^\s*(?P<pronoun>His|Her|Its|Their)\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_BACK = 3  # sentences looked back for the name


def resolve_span(span: str, before: str) -> str:
    """``span`` with its opening subject pronoun replaced by the name it stands for, taken from ``before``
    (the passage text before the span); the span unchanged when it opens with none or no name is found."""
    match = _OPENING_PRONOUN.match(span)
    possessive = False
    if match is None:
        match = _POSSESSIVE_START.match(span)
        possessive = match is not None
    if match is None:
        return span
    if match.group("pronoun").lower() == "it" and _EXPLETIVE.match(span, match.end("pronoun")):
        return span
    name = _antecedent(before)
    if name is None:
        return span
    start, end = match.span("pronoun")
    replacement = f"{name}'s" if possessive else name
    return f"{span[:start]}{replacement}{span[end:]}"


@lru_cache(maxsize=4096)
def _antecedent(before: str) -> str | None:
    """The first organisation or person of the nearest sentence before the span that names one."""
    sentences = [s for s in _SENTENCE_END.split(before.strip()) if s.strip()]
    for sentence in reversed(sentences[-_BACK:]):
        subject = primary_subject(sentence)
        if subject is not None:
            return subject[0]
    return None
