"""Candidate evidence spans: the sentences and two-sentence windows of a claim's passages, ranked by how
well they match the claim.

A span keeps its offsets into the document (so it can be quoted exactly) and knows its document's title,
which the verifier puts in front of the span when it asks the model (see :mod:`.context`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from factcheck.domain import Claim, Passage, Stance
from factcheck.rules.lexicon import MATCH_STOPWORDS as _STOP
from factcheck.sources.sentences import split_sentences

_BLANK_LINE = re.compile(r"\n\s*\n")
_DIGIT = re.compile(r"\d")
# A number keeps its ordinal suffix out of the words ("24th" is the number 24).
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*(?:st|nd|rd|th)?")


@dataclass
class Candidate:
    """One span of a passage, scored against one claim.

    ``overlap`` is the share of the claim's content terms the span contains (numbers weigh double), less a
    small penalty for lower-ranked passages and for windows; ``about`` says whether the span (with its
    document context) is about the claim's subject: ``same``, ``other`` or ``unknown``; ``verbatim`` that
    the span says the claim word for word; ``figure_free_probs`` the model's reading of the pair without the
    claim's agreeing figures, where its contradiction might rest on them.
    """

    claim_index: int
    passage: Passage
    text: str
    start: int
    end: int
    overlap: float
    probs: tuple[float, float, float] = (0.0, 0.0, 1.0)
    stance: Stance = Stance.NEUTRAL
    score: float = 0.0
    why: str = ""
    value_conflict: bool = False
    about: str = "unknown"
    verbatim: bool = False
    findings: list[Any] = field(default_factory=list)
    # The model's probabilities for the pair without the claim's agreeing figures (see :mod:`.ablation`);
    # None where that reading was not needed.
    figure_free_probs: tuple[float, float, float] | None = None


def content_terms(text: str) -> set[str]:
    """Content words (lower-cased, crude plural folding) and numbers without separators (``#300000``)."""
    terms = set()
    for token in _WORD.findall(text):
        if token[0].isdigit():
            terms.add("#" + token.rstrip("stndrh").rstrip(".,").replace(",", ""))
            continue
        word = token.lower().strip("'-")
        if word in _STOP or len(word) < 2:
            continue
        terms.add(word[:-1] if word.endswith("s") and len(word) > 3 else word)
    return terms


def lexical_overlap(claim_terms: set[str], span_text: str) -> float:
    """Share of the claim's content terms found in the span (numbers weigh double)."""
    if not claim_terms:
        return 0.0
    span = content_terms(span_text)
    weight = {t: (2.0 if t.startswith("#") else 1.0) for t in claim_terms}
    return sum(w for t, w in weight.items() if t in span) / sum(weight.values())


@lru_cache(maxsize=4096)
def _pieces(text: str) -> tuple[tuple[int, int, float], ...]:
    """Sentences and two-sentence windows of a passage as (start, end, penalty); cached because one
    passage is often retrieved for several claims of a draft."""
    sentences = split_sentences(text)
    pieces = [(s.start, s.end, 0.0) for s in sentences]
    # A window must beat its own sentences to be worth a slot: shorter spans quote more precisely.
    pieces += [
        (a.start, b.end, 0.05)
        for a, b in zip(sentences, sentences[1:], strict=False)
        if not _BLANK_LINE.search(text, a.end, b.start)  # a window stays inside one paragraph
    ]
    return tuple(pieces)


def candidate_spans(
    claim_index: int, claim: Claim, passages: Sequence[Passage], limit: int, figure_spans: int = 2
) -> list[Candidate]:
    """Sentences and two-sentence windows of the passages: the best ``limit`` by overlap with the claim,
    plus up to ``figure_spans`` more that give a figure beside a word of the claim when the claim gives a
    figure (the span that says "capacity for 200,000 cars" shares few words with "plans to build 300,000
    cars", yet it is the one to compare)."""
    claim_terms = content_terms(claim.text)
    seen: set[tuple[str, int, int]] = set()
    spans: list[Candidate] = []
    for rank, passage in enumerate(passages):
        for begin, end, penalty in _pieces(passage.text):
            key = (passage.doc_id, passage.start + begin, passage.start + end)
            if key in seen:
                continue
            seen.add(key)
            text = passage.text[begin:end]
            overlap = lexical_overlap(claim_terms, text) - 0.02 * rank - penalty
            spans.append(Candidate(claim_index, passage, text, key[1], key[2], overlap))
    spans.sort(key=lambda c: -c.overlap)
    chosen = spans[:limit]
    if figure_spans and _DIGIT.search(claim.text):
        words = {t for t in claim_terms if not t.startswith("#")}
        figures = [
            c
            for c in spans[limit:]
            if _DIGIT.search(c.text) and words & content_terms(c.text) and c.overlap > 0
        ]
        chosen += figures[:figure_spans]
    return chosen
