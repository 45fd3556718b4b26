"""A claim and its span with their agreeing figures left out: does the model's contradiction rest on them?

A verdict model trained on edited figures learns that a figure in a claim signals a contradiction. When the
claim's figures agree with the span's (or the span gives none of their kind) and nothing conflicts, the
stance rules set such a contradiction aside. That is right when the figures are what the model reacts to
and wrong when the texts differ elsewhere ("a 2017 comedy drama film" against "a 2017 comedy drama book").
Reading the pair again with no figure on either side tells the two apart (the span's other figures go too: a
date the claim does not give draws the same reflex): a contradiction that survives it does not rest on
figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from factcheck.rules import quantities
from factcheck.rules.measures import VALUE_KINDS

# Words that only introduce a figure ("about €70M", "in August 2021", "since 2019") go with it.
_LEAD_IN = re.compile(
    r"(?:\b(?:about|around|approximately|nearly|almost|roughly|some|over|more than|less than|up to|"
    r"in|on|at|of|by|since|from|until|for)\s+)+$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s{2,}")
_BEFORE_PUNCT = re.compile(r"\s+([,.;:)])")
_EMPTY_BRACKETS = re.compile(r"\(\s*[,;]?\s*\)")


def without(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with the character ranges ``spans`` cut out, each with the words that lead into it, and the
    spacing and punctuation tidied."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, last = [], 0
    for start, end in merged:
        head = text[last:start]
        lead = _LEAD_IN.search(head)
        out.append(head[: lead.start()] if lead else head)
        last = end
    out.append(text[last:])
    joined = _EMPTY_BRACKETS.sub(" ", "".join(out))
    return _BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", joined)).strip()


def _value_spans(text: str) -> list[tuple[int, int]]:
    """The character ranges of every figure, date and rank in ``text``."""
    found = quantities.extract(text)
    return [(m.start, m.end) for m in (*found.quantities, *found.dates, *found.ranks)]


def figure_free_pair(claim: str, span: str, findings: list[Any]) -> tuple[str, str] | None:
    """The claim and the span without any of their figures, dates and ranks, or None unless the span gives
    every figure of the claim, agreeing. (Where the span leaves a figure out, the claim says more than the
    span: that is silence whatever the model reads in the rest, and a claim's price against a span's bare
    purchase draws the same reflex as the figure itself.)"""
    values = [f for f in findings if f.kind in VALUE_KINDS]
    if not values or any(f.outcome != "agree" or f.evidence_mention is None for f in values):
        return None
    # The findings' claim mentions are the claim's extracted figures, dates and ranks: cutting those cuts all.
    return without(claim, _value_spans(claim)), without(span, _value_spans(span))
