"""Currencies around a figure: symbols and codes before it ("€", "US$", "EUR "), names after it ("euros",
"Hong Kong dollars"). A figure with a currency is money and is only ever compared with the same currency.
"""

from __future__ import annotations

from factcheck.rules.lexicon import (
    CURRENCY_CODES,
    CURRENCY_NAMES,
    CURRENCY_SYMBOLS,
    DOLLAR_PREFIXES,
    DOLLAR_QUALIFIERS,
    SCALE_WORDS,
)
from factcheck.rules.tokens import Tokens, adjacent

__all__ = ["currency_before", "currency_after", "CURRENCY_SIGNS"]

# The symbol an amount is written with in a finding's reason ("€70 million"); others are named by code.
CURRENCY_SIGNS = {code: sign for sign, code in CURRENCY_SYMBOLS.items() if code != "KRW"}


def currency_before(tokens: Tokens, i: int) -> tuple[str, int] | None:
    """Currency written before token i ("€", "US$", "USD", "EUR "): (code, index of its first token)."""
    if i == 0:
        return None
    prev = tokens[i - 1]
    if prev.text in CURRENCY_SYMBOLS:
        code = CURRENCY_SYMBOLS[prev.text]
        if (
            prev.text == "$"
            and i >= 2
            and tokens[i - 2].low in DOLLAR_PREFIXES
            and adjacent(tokens[i - 2], prev)
        ):
            return DOLLAR_PREFIXES[tokens[i - 2].low], i - 2
        return code, i - 1
    if prev.kind == "word" and prev.low in CURRENCY_CODES and prev.text.isupper():
        return CURRENCY_CODES[prev.low], i - 1
    return None


def _money_context(tokens: Tokens, j: int) -> bool:
    # "won" and "pounds" are ordinary words too; only take them as money straight after a scale word.
    return j > 0 and tokens[j - 1].low in SCALE_WORDS


def _qualified_dollars(tokens: Tokens, j: int) -> tuple[str, int] | None:
    """Qualifier + dollars: "US dollars", "U.S. dollars", "Hong Kong dollars", "Australian dollars"."""
    n = len(tokens)
    for width in (3, 2, 1):
        k = j + width
        if k < n and tokens[k].low in ("dollar", "dollars"):
            qual = "".join(t.low if t.kind != "sym" else t.text for t in tokens[j:k])
            qual_spaced = " ".join(t.low for t in tokens[j:k] if t.kind == "word")
            for key in (qual, qual_spaced, qual.replace(".", "")):
                if key in DOLLAR_QUALIFIERS or key.replace(".", "") in DOLLAR_QUALIFIERS:
                    return DOLLAR_QUALIFIERS.get(
                        key, DOLLAR_QUALIFIERS.get(key.replace(".", ""), "USD")
                    ), k + 1
    return None


def currency_after(tokens: Tokens, j: int) -> tuple[str, int] | None:
    """Currency written after a figure ("euros", "US dollars", "EUR", "Hong Kong dollars"): (code, end
    index)."""
    if j >= len(tokens):
        return None
    tok = tokens[j]
    low = tok.low
    if tok.kind == "word" and low in CURRENCY_CODES and tok.text.isupper():
        return CURRENCY_CODES[low], j + 1
    if low in CURRENCY_NAMES and not (low in ("won", "pound", "pounds") and not _money_context(tokens, j)):
        return CURRENCY_NAMES[low], j + 1
    return _qualified_dollars(tokens, j)
