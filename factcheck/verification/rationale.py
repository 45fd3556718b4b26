"""Rationale selection: is a span about the claim's subject at all?

FEVER pipelines select rationale sentences before they judge stance; a sentence about another company,
plant or person cannot contradict a claim, whatever a stance model says of it. The claim's subject is the
set of organisations and people it names (places are what a claim gets wrong, not what it is about). A span
is about that subject when it names one of them, or, when it names nobody, when its document context (the
title and the rest of its passage) does. A span that names only others, or whose document is about others,
is about another subject - unless it refers back by a pronoun, when its document decides.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.rules.names import extract_names, same_organisation
from factcheck.verification.context import refers_back

SAME, OTHER, UNKNOWN = "same", "other", "unknown"
# A pronoun standing for someone: the span may name others and still be about its document's subject.
_PRONOUN = re.compile(r"\b(?:he|she|it|they|his|her|its|their|him|them)\b", re.IGNORECASE)


@lru_cache(maxsize=8192)
def subject_keys(text: str) -> frozenset[str]:
    """Comparison keys of the organisations and people ``text`` names."""
    return frozenset(m.key for m in extract_names(text) if m.kind == "organisation" and not m.demonym)


def _shares(claim: frozenset[str], other: frozenset[str]) -> bool:
    return any(same_organisation(a, b) for a in claim for b in other)


def _named_in(claim_text: str, text: str) -> bool:
    """Whether a name of the claim is written in ``text`` (a sentence-initial name may escape the reader)."""
    for mention in extract_names(claim_text):
        if mention.kind == "organisation" and re.search(rf"\b{re.escape(mention.text)}\b", text):
            return True
    return False


def aboutness(claim_text: str, span: str, title: str | None, passage_text: str) -> str:
    """``same`` when the span (or, if it names nobody, its document context) names the claim's subject;
    ``other`` when it names only other organisations or people; ``unknown`` when the claim names nobody
    or nothing around the span does."""
    claim = subject_keys(claim_text)
    if not claim:
        return UNKNOWN
    in_span = subject_keys(span)
    if _shares(claim, in_span) or _named_in(claim_text, span):
        return SAME
    if in_span and not (refers_back(span) or _PRONOUN.search(span)):
        return OTHER
    around = subject_keys(title or "") | subject_keys(passage_text)
    if _shares(claim, around) or _named_in(claim_text, f"{title or ''} {passage_text}"):
        return SAME
    return OTHER if around or in_span else UNKNOWN
