"""Ranks compared: the same superlative or placing at different positions conflicts; bare ordinals ("second
plant", "first factory") name different things and never conflict. Cases live in
``tests/rules/cases/compare_ranks.jsonl``.
"""

from __future__ import annotations

from factcheck.rules.findings import AGREE, AGREE_MIN, CONFLICT, CONFLICT_MIN, relatedness
from factcheck.rules.ranks import NUMBERED, Rank

__all__ = ["compare_rank"]


def _rank_words(r: Rank) -> frozenset[str]:
    return frozenset((r.noun or "").split()) | r.context


Result = tuple[Rank, str, str, float] | None
"""(the evidence rank, outcome, reason, strength), or None when no evidence rank speaks to the claim's."""


def compare_rank(k: Rank, ev: tuple[Rank, ...], names: frozenset[str], claim_r: tuple[Rank, ...]) -> Result:
    """The claim rank ``k`` judged against the evidence ranks ``ev`` (``claim_r``: all the claim's ranks)."""
    same = [
        e for e in ev if e.scale == k.scale or (e.scale is None) != (k.scale is None) and e.noun == k.noun
    ]
    if not same:
        return None
    sole = len(same) == 1 and len(claim_r) == 1
    scored = []
    for e in same:
        if k.noun and e.noun and (set(k.noun.split()) & set(e.noun.split())):
            rel = 1.0
        elif k.scale is None and k.noun != e.noun:
            rel = 0.0  # bare ordinals ("third child") only meet the same noun
        else:
            rel = relatedness(_rank_words(k), _rank_words(e), names, sole)
        scored.append((rel, e))
    scored.sort(key=lambda t: -t[0])
    for r, e in scored:
        if r >= AGREE_MIN and e.position == k.position:
            return (
                e,
                AGREE,
                f"claim says {_rank_label(k)}; evidence says {_rank_label(e)}",
                round(min(1.0, r), 2),
            )
    r, e = scored[0]
    bare_ordinal = k.scale is None and not k.text.lower().startswith(NUMBERED)
    if r >= CONFLICT_MIN and not bare_ordinal:  # "second plant" and "first factory" are two things
        return (
            e,
            CONFLICT,
            f"claim says {_rank_label(k)}; evidence says {_rank_label(e)}",
            0.9 if r >= 0.8 else 0.7,
        )
    return None


def _rank_label(r: Rank) -> str:
    return r.text + (f" {r.noun}" if r.noun and r.noun not in r.text.lower() else "")
