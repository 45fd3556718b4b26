"""Ranks and ordinals read from the token stream: "second-largest", "the No. 1 carmaker", "finished fifth".

A rank is a position (1 for "largest" and "No. 1") with what it ranks: a superlative ("large"), a placing
("place") or the noun that follows ("third round"). Reading one is three steps: :func:`_position` (an
ordinal, "3rd", "No. 2", a definite superlative), :func:`_scale` (the superlative or placing after it) and
the noun; a bare ordinal counts only with its noun. Cases live in ``tests/rules/cases/ranks.jsonl``.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.rules.lexicon import (
    DURATION_UNITS,
    ORDINAL_SUFFIXES,
    ORDINAL_WORDS,
    SMALL_NUMBERS,
    STOPWORDS,
    normalise_word,
    words,
)
from factcheck.rules.tokens import Tokens, adjacent, context, num_value, taken_lookup

__all__ = ["NUMBERED", "Rank", "scan_ranks"]


@dataclass(frozen=True, slots=True)
class Rank:
    """A rank or ordinal: ``position`` 1 for "largest"/"No. 1", 2 for "second-largest"...

    ``scale`` is the superlative or noun that says what is ranked ("large", "round"), ``noun`` what follows.
    """

    text: str
    start: int
    end: int
    position: int
    scale: str | None = None
    noun: str | None = None
    context: frozenset[str] = frozenset()


_SUPERLATIVES = dict(
    pair.split(":")
    for pair in words(
        "largest:large biggest:large top:large leading:large greatest:large smallest:small highest:high "
        "lowest:low richest:rich poorest:poor busiest:busy oldest:old youngest:young fastest:fast "
        "slowest:slow best:best worst:worst most:most tallest:tall longest:long shortest:short "
        "best-selling:best-selling bestselling:best-selling populous:populous"
    )
)
_ASPIRATION = frozenset(
    words(
        "aim aims aimed aiming become becoming want wants goal ambition target targets hope hopes seek seeks"
    )
)
_PLACING_VERBS = frozenset(
    words("finished finish finishes came come comes placed place ranked ranks rank ended ends end rated")
)
# The words and marks that number a rank ("No. 1", "number 2", "#5").
NUMBERED = ("no", "number", "#")
_RANK_TRIGGERS = frozenset(ORDINAL_WORDS) | frozenset(_SUPERLATIVES) | frozenset(NUMBERED)


def _numbered(tokens: Tokens, i: int) -> tuple[int, int] | None:
    """ "No. 1", "No 3", "#5", "number 2", "number one": (position, end index)."""
    tok, low, j, n = tokens[i], tokens[i].low, i + 1, len(tokens)
    k = j + 1 if tokens[j].text == "." and low == "no" else j
    if k < n and tokens[k].kind == "num" and (low in ("number", "#") or tok.text == "No"):
        v = num_value(tokens[k])
        if v is not None and v == int(v) and 0 < v < 1000:
            return int(v), k + 1
    elif k < n and tokens[k].low in SMALL_NUMBERS and low == "number" and tokens[k].low in ("one", "two"):
        return SMALL_NUMBERS[tokens[k].low], k + 1
    return None


def _definite_superlative(tokens: Tokens, i: int) -> bool:
    """A bare superlative that ranks: "the largest", "world's biggest"; not "one of the largest", "among the
    world's busiest", "the list of the world's busiest" or a goal ("aims to become the largest")."""
    prev = tokens[i - 1].low if i > 0 else ""
    definite = i == 0 or prev == "the" or prev.endswith(("'s", "’s"))
    if any(tokens[b].low in _ASPIRATION for b in range(max(0, i - 6), i)):
        definite = False
    one_of = (i >= 3 and tokens[i - 3].low == "one" and tokens[i - 2].low == "of") or any(
        tokens[b].low in ("among", "list", "ranking", "rankings") for b in range(max(0, i - 4), i)
    )
    return definite and not one_of


def _position(tokens: Tokens, i: int) -> tuple[int, int] | None:
    """The position a rank starting at token ``i`` gives, and the index after it."""
    tok, low, j, n = tokens[i], tokens[i].low, i + 1, len(tokens)
    if low in ORDINAL_WORDS:
        return ORDINAL_WORDS[low], j
    if tok.kind == "num" and j < n and tokens[j].low in ORDINAL_SUFFIXES and adjacent(tok, tokens[j]):
        v = num_value(tok)
        if v is not None and v == int(v) and 0 < v < 10000:
            return int(v), j + 1
        return None
    if low in NUMBERED and j < n:
        return _numbered(tokens, i)
    if low in _SUPERLATIVES and low not in ("most", "top", "leading") and _definite_superlative(tokens, i):
        return 1, j
    return None


def _scale(tokens: Tokens, i: int, j: int) -> tuple[str | None, int]:
    """What the rank at token ``i`` measures: its own superlative, one after it ("second-largest", "third
    most populous"), or a placing ("finished third", "came 2nd", "in fifth place"); and where it ends."""
    low, n = tokens[i].low, len(tokens)
    if low in _SUPERLATIVES:
        return _SUPERLATIVES[low], j
    k = j
    if k < n and tokens[k].text == "-" and adjacent(tokens[k - 1], tokens[k]):
        k += 1
    if k < n and tokens[k].low in _SUPERLATIVES:
        return _SUPERLATIVES[tokens[k].low], k + 1
    if k < n and tokens[k].low == "most" and k + 1 < n and tokens[k + 1].kind == "word":
        return "most " + tokens[k + 1].low, k + 2
    placing = any(tokens[b].low in _PLACING_VERBS for b in range(max(0, i - 4), i)) or (
        j < n and tokens[j].low == "place"
    )
    if (low in ORDINAL_WORDS or tokens[i].kind == "num") and placing:
        return "place", j + 1 if j < n and tokens[j].low == "place" else j
    return None, j


def _noun_after(tokens: Tokens, j: int) -> tuple[str | None, int]:
    """Up to three content words after a rank ("smartphone maker"), normalised; and where they end."""
    found = []
    k = j
    n = len(tokens)
    while k < n and len(found) < 3 and tokens[k].kind == "word" and tokens[k].low not in STOPWORDS:
        found.append(normalise_word(tokens[k].low))
        k += 1
        if k < n and tokens[k].text == "-" and k + 1 < n and tokens[k + 1].kind == "word":
            k += 1
    return (" ".join(found) if found else None), k


def _read_rank(text: str, tokens: Tokens, sent: list[int], i: int) -> tuple[Rank | None, int]:
    """The rank starting at token ``i`` (or None) and the index to go on from."""
    found = _position(tokens, i)
    if found is None:
        return None, i + 1
    position, j = found
    low, n = tokens[i].low, len(tokens)
    scale, j = _scale(tokens, i, j)
    # a bare ordinal ("third child", "first round") counts only with its noun; "first quarter" is a date
    if (
        scale is None
        and low in ORDINAL_WORDS
        and j < n
        and (tokens[j].low in ("quarter", "half") or tokens[j].low in DURATION_UNITS)
    ):
        return None, j
    capitalised_before_name = (
        tokens[i].text[0].isupper() and j < n and tokens[j].kind == "word" and tokens[j].text[0].isupper()
    )
    if scale is None and low in ORDINAL_WORDS and capitalised_before_name:
        return None, j  # "First Motion Picture Unit", "Second World War": part of a name
    noun, end_k = _noun_after(tokens, j)
    if scale is None and noun is None and low not in NUMBERED:
        return None, j
    start, end = tokens[i].start, tokens[j - 1].end
    return Rank(text[start:end], start, end, position, scale, noun, context(tokens, sent, i, end_k)), j


def scan_ranks(text: str, tokens: Tokens, sent: list[int], taken: list[tuple[int, int]]) -> list[Rank]:
    """The ranks of ``text``, left to right; tokens inside the ``taken`` spans (dates) are skipped."""
    out: list[Rank] = []
    in_taken = taken_lookup(taken)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if (tok.kind != "num" and tok.low not in _RANK_TRIGGERS) or in_taken(tok.start):
            i += 1
            continue
        rank, i = _read_rank(text, tokens, sent, i)
        if rank is not None:
            out.append(rank)
    return out
