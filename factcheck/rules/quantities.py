"""Numbers, money, units, ranks and dates read from English text, with character offsets: the entry point.

``extract(text)`` tokenises once (:mod:`~factcheck.rules.tokens`) and runs the three readers over the same
tokens: dates first (:mod:`~factcheck.rules.dates`: numbers inside dates are not quantities), then ranks
(:mod:`~factcheck.rules.ranks`), then figures and money (:mod:`~factcheck.rules.numbers`,
:mod:`~factcheck.rules.money`). The word tables are in :mod:`~factcheck.rules.lexicon`. Everything is
deterministic, pure Python and cached per text, because the verdict stage calls it on every
claim/evidence-sentence pair (thousands per second).

Why hand-written rules rather than a library (each was installed and tried on news sentences):

- ``quantulum3`` 0.10.0 finds quantities with offsets, but with scikit-learn installed (it is, through
  sentence-transformers) it unpickles a bundled classifier that fails to load with current scikit-learn,
  and it imports in about 1 s. It also has no notion of hedges, counted nouns or ranks.
- ``dateparser`` 1.5.0 ``search_dates`` takes ~7.5 ms per sentence, returns no offsets, and reads "77" as 1977
  and "a year" as a date; date granularity (year vs month vs quarter) is lost.
- ``text2num`` / ``number-parser`` turn words into digits by rewriting the string, so offsets are lost, and
  they cover only part of the job (no currencies, scales like "bn", hedges, units).
- spaCy's NER needs a model package (hundreds of MB) and a slow import, too heavy for a per-pair hot path.

So the text is tokenised once with one precompiled regular expression (linear time, ASCII digits only) and
the token stream is read left to right: one pass, no backtracking-prone patterns, ~tens of microseconds per
sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.errors import InputError
from factcheck.rules.dates import DateMention, parse_doc_date, scan_dates
from factcheck.rules.lexicon import MONTH_NAMES, MONTHS, ORDINAL_WORDS, STOPWORDS, SYNONYMS, normalise_word
from factcheck.rules.numbers import Quantity, scan_quantities
from factcheck.rules.ranks import Rank, scan_ranks
from factcheck.rules.tokens import Token, content_words, sentence_bounds, tokenize

__all__ = [
    "Quantity",
    "Rank",
    "DateMention",
    "Token",
    "Mentions",
    "tokenize",
    "extract",
    "extract_quantities",
    "extract_ranks",
    "extract_dates",
    "parse_quantity",
    "content_words",
    "normalise_word",
    # word tables, kept importable from here for the stages that read them
    "MONTH_NAMES",
    "MONTHS",
    "ORDINAL_WORDS",
    "STOPWORDS",
    "SYNONYMS",
]


@dataclass(frozen=True, slots=True)
class Mentions:
    """Everything read from one text."""

    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    ranks: tuple[Rank, ...]


_CITATION = re.compile(r"\[\d{1,3}(?:\s*[,;\u2013-]\s*\d{1,3})*\]")


@lru_cache(maxsize=16384)
def extract(text: str, doc_date: str | None = None) -> Mentions:
    """Read quantities, dates and ranks from ``text``; relative dates resolve against ``doc_date`` (ISO)."""
    if not isinstance(text, str):
        raise InputError(f"expected text, got {type(text).__name__}")
    # Citation markers ("fungi [2].", "339[1]", "[29, 184,185]") count nothing; blanked, offsets kept.
    text = _CITATION.sub(lambda m: " " * len(m.group(0)), text)
    tokens = tokenize(text)
    if not tokens:
        return Mentions((), (), ())
    sent = sentence_bounds(tokens, text)
    dates = scan_dates(text, tokens, sent, parse_doc_date(doc_date))
    taken = [(d.start, d.end) for d in dates]
    ranks = scan_ranks(text, tokens, sent, taken)
    # a rank with what it ranks ("second-largest maker", "No. 1") holds no figure
    taken_q = taken + [
        (r.start, r.end)
        for r in ranks
        if r.scale is not None or r.noun is not None or r.text.lower().startswith(("no", "number"))
    ]
    quantities = scan_quantities(text, tokens, sent, taken_q)
    return Mentions(tuple(quantities), tuple(dates), tuple(ranks))


def extract_quantities(text: str) -> tuple[Quantity, ...]:
    """Numbers and money amounts in ``text`` (years, dates and ranks excluded), with offsets."""
    return extract(text).quantities


def extract_dates(text: str, doc_date: str | None = None) -> tuple[DateMention, ...]:
    """Dates, periods, durations and relative dates in ``text``; relative ones resolved with ``doc_date``."""
    return extract(text, doc_date).dates


def extract_ranks(text: str) -> tuple[Rank, ...]:
    """Ranks and ordinals ("second-largest", "No. 1", "third round") in ``text``."""
    return extract(text).ranks


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in ``text``, or None: ``parse_quantity("€8.5bn").value == 8.5e9``."""
    found = extract_quantities(text)
    return found[0] if found else None
