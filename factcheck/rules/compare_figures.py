"""Figures and money compared: same unit class (one currency, never converted; one dimension; counts of one
noun), intervals from hedges and written precision, a conflict only for strongly related figures with no
related figure agreeing. Cases live in ``tests/rules/cases/compare_figures.jsonl``.
"""

from __future__ import annotations

import math

from factcheck.rules.findings import (
    AGREE,
    AGREE_MIN,
    CONFLICT,
    CONFLICT_MIN,
    UNRELATED,
    only_one,
    relatedness,
)
from factcheck.rules.money import CURRENCY_SIGNS
from factcheck.rules.numbers import Quantity

__all__ = ["compare_quantity", "repeaters"]


def _same_class(a: Quantity, b: Quantity) -> bool:
    if a.unit_class != b.unit_class:
        return False
    if a.unit_class == "money":
        return a.currency == b.currency
    return True


def _quantity_relatedness(q: Quantity, e: Quantity, names: frozenset[str], sole: bool) -> float:
    if q.noun and e.noun:
        if q.noun == e.noun:
            return 1.0
        return 0.0
    if q.noun and q.noun in e.context or e.noun and e.noun in q.context:
        return 0.8
    rel = relatedness(q.context, e.context, names, sole)
    if q.noun or e.noun:
        rel = min(rel, 0.45)  # one side counts something the other does not name: agree at most
    return rel


def _counted_by_another(q: Quantity, e: Quantity, claim_q: tuple[Quantity, ...]) -> bool:
    """Whether the evidence figure counts what another figure of the claim counts, while ``q`` counts
    nothing it names ("Winslet, at 31, ... five Oscar nominations" against "five Oscar nominations"): it is
    that figure's counterpart, not ``q``'s."""
    return q.noun is None and e.noun is not None and any(c is not q and c.noun == e.noun for c in claim_q)


def repeaters(claim_q: tuple[Quantity, ...], ev: tuple[Quantity, ...]) -> dict[int, list[Quantity]]:
    """For each evidence figure (by ``id``), the claim figures that say it again ("aged 70" on both sides);
    bounds repeat nothing."""
    found: dict[int, list[Quantity]] = {}
    for e in ev:
        found[id(e)] = [c for c in claim_q if _same_class(c, e) and not _is_bound(c) and _agrees(c, e)]
    return found


def _repeated_by_another(q: Quantity, e: Quantity, repeats: dict[int, list[Quantity]]) -> bool:
    """Whether the evidence figure is another claim figure said again: it is that figure's counterpart,
    not the counterpart of ``q`` ("75 of 89 deaths ... aged 70" against "46 of 56 deaths ... aged 70" does
    not set 75 against 70)."""
    return any(c is not q for c in repeats.get(id(e), ())) and not _agrees(q, e)


def _fmt_number(v: float) -> str:
    if math.isinf(v):
        return "unbounded"
    a = abs(v)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if a >= scale:
            x = v / scale
            return f"{x:.3g} {word}" if x != int(x) else f"{int(x)} {word}"
    if a >= 1000 and v == int(v):
        return f"{int(v):,}"
    return f"{v:.6g}"


def _describe_quantity(q: Quantity) -> str:
    hedge = f"{q.hedge} " if q.hedge and q.hedge not in ("+", "between") else ""
    body = f"{_fmt_number(q.low)} to {_fmt_number(q.high)}" if q.hedge == "between" else _fmt_number(q.value)
    if q.unit_class == "money":
        sym = CURRENCY_SIGNS.get(q.currency or "", "")
        text = f"{sym}{body}" if sym else f"{body} {q.currency}"
        if q.currency == "USD":
            text = f"{body} US dollars" if not sym else text
    elif q.unit_class == "percent":
        text = f"{body}%"
    elif q.unit:
        text = f"{q.text if not hedge else q.text[len(q.hedge or '') :].strip()}"
    elif q.noun:
        return q.text
    else:
        text = body
    if q.hedge == "+":
        text += "+"
    return f"{hedge}{text}"


def _ratio_note(a: float, b: float) -> str:
    if a <= 0 or b <= 0 or math.isinf(a) or math.isinf(b):
        return ""
    r = max(a, b) / min(a, b)
    k = math.log10(r)
    if k >= 0.95 and abs(k - round(k)) < 0.03:
        return f" ({10 ** round(k):,}x)"
    return f" ({(b - a) / a:+.0%})"


def _is_bound(q: Quantity) -> bool:
    return math.isinf(q.low) or math.isinf(q.high)


def _agrees(q: Quantity, e: Quantity) -> bool:
    """Whether two figures can be the same value.

    A bound is checked against the other side's written value, not its rounding interval: "over 79%" does not
    agree with "79%". Two bounds in the same direction agree only when the evidence's is at least as strong.
    """
    q_bound, e_bound = _is_bound(q), _is_bound(e)
    if q_bound and not e_bound and _round(e):
        if e.value in (q.low, q.high):
            return True  # "up to 500,000" and "500,000": the inclusive bound is the figure itself
        return q.low <= e.low and e.high <= q.high  # "3 billion" may be 2.9 billion: not "more than 3"
    if q_bound and not e_bound and not e.hedge:
        return q.low <= e.value <= q.high
    if e_bound and not q_bound:
        return False  # "up to €1 billion" allows €700 million but does not establish it
    if q_bound and e_bound:
        if math.isinf(q.high) and math.isinf(e.high):
            return e.low >= q.low * (1 - 1e-6)
        if math.isinf(q.low) and math.isinf(e.low):
            return e.high <= q.high * (1 + 1e-6) if q.high >= 0 else e.high <= q.high
    return max(q.low, e.low) <= min(q.high, e.high)


def _round(q: Quantity) -> bool:
    """A round figure ("3 billion", "70 million") may stand for a rounded value (3.2 billion)."""
    return q.value != 0 and q.precision >= 0.1 * abs(q.value)


def _compatible(q: Quantity, e: Quantity) -> bool:
    """Whether two figures can describe one true value: no conflict between them. A bound meets the other's
    written value ("over 79,000" and "79,000" cannot both hold)."""
    if _is_bound(q) and not _is_bound(e) and not e.hedge and not _round(e):
        return q.low <= e.value <= q.high
    if _is_bound(e) and not _is_bound(q) and not q.hedge and not _round(q):
        return e.low <= q.value <= e.high
    return max(q.low, e.low) <= min(q.high, e.high)


Result = tuple[str, Quantity, str, str, float]
"""(kind, the evidence figure, outcome, reason, strength)."""


def compare_quantity(
    q: Quantity,
    ev: tuple[Quantity, ...],
    names: frozenset[str],
    claim_q: tuple[Quantity, ...],
    repeats: dict[int, list[Quantity]] | None = None,
) -> tuple[Result | None, float]:
    """The claim figure ``q`` judged against the evidence figures ``ev`` (``claim_q``: all the claim's
    figures; ``repeats``: :func:`repeaters` of them, computed once per comparison), and the relatedness of
    the pair; (None, 0.0) when no evidence figure is comparable."""
    if repeats is None:
        repeats = repeaters(claim_q, ev)
    same = [e for e in ev if _same_class(q, e)]
    kind = q.kind
    if not same:
        return None, 0.0
    sole = len(same) == 1 and only_one(c for c in claim_q if _same_class(c, q))
    scored = sorted(
        (
            (
                0.0
                if _counted_by_another(q, e, claim_q) or _repeated_by_another(q, e, repeats)
                else _quantity_relatedness(q, e, names, sole),
                e,
            )
            for e in same
        ),
        key=lambda t: -t[0],
    )
    # Agreement comes from the best-related figures only. Many numbers satisfy a bound, so where a figure
    # counts the bound's own noun, it comes from those alone ("less than 13 teams" meets "13 teams", not
    # "at two" beside them).
    floor = 1.0 if _is_bound(q) and scored[0][0] >= 1.0 else max(AGREE_MIN, scored[0][0] - 0.2)
    agreeing = [(r, e) for r, e in scored if r >= floor and _agrees(q, e)]
    if agreeing:
        r, e = agreeing[0]
        contained = q.low <= e.low and e.high <= q.high
        strength = round(min(1.0, r) * (1.0 if contained else 0.8), 2)
        reason = f"claim says {_describe_quantity(q)}; evidence says {_describe_quantity(e)}"
        return (kind, e, AGREE, reason, strength), r
    conflicting = [(r, e) for r, e in scored if r >= CONFLICT_MIN and not _compatible(q, e)]
    compatible = [(r, e) for r, e in scored if r >= CONFLICT_MIN and _compatible(q, e)]
    if compatible and (not conflicting or compatible[0][0] >= conflicting[0][0]):
        # Overlapping but not established ("more than 3 million" vs "over 2.3 million"): no verdict.
        r, e = compatible[0]
        reason = f"claim says {_describe_quantity(q)}; evidence says only {_describe_quantity(e)}"
        return (kind, e, UNRELATED, reason, 0.0), 0.0
    # A bound ("less than 13 teams") is no figure another number can repeat.
    same_value = None if _is_bound(q) else next((e for _, e in scored if _agrees(q, e)), None)
    if conflicting and same_value is not None:
        # The claim's figure is in the evidence, counting something the pairing did not tie to it
        # ("560 cases ... discharged" vs "2,532 cases with 560 discharged"): too unsure for a conflict.
        reason = f"evidence has {same_value.text} but not as {q.text}"
        return (kind, same_value, UNRELATED, reason, 0.0), 0.0
    if conflicting:
        best_r = conflicting[0][0]
        closest = min(
            (t for t in conflicting if t[0] == best_r),
            key=lambda t: abs(math.log((abs(t[1].value) + 1e-9) / (abs(q.value) + 1e-9))),
        )
        r, e = closest
        reason = f"claim says {_describe_quantity(q)}; evidence says {_describe_quantity(e)}"
        if (
            not q.hedge
            and not e.hedge
            or q.hedge
            and e.hedge
            and q.hedge == e.hedge
            or e.hedge
            and not q.hedge
            and e.hedge not in ("more than", "less than", "up to", "at least")
        ):
            reason += _ratio_note(q.value, e.value)
        return (kind, e, CONFLICT, reason, round(0.9 if r >= 0.8 else 0.7, 2)), r
    return None, 0.0
