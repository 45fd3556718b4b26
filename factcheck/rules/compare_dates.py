"""Dates compared: periods agree when they overlap at the coarser granularity and conflict when disjoint and
about one event; durations compare in months; relative dates only with the same wording. Cases live in
``tests/rules/cases/compare_dates.jsonl``.
"""

from __future__ import annotations

from factcheck.rules.dates import DateMention
from factcheck.rules.findings import AGREE, AGREE_MIN, CONFLICT, CONFLICT_MIN, only_one, relatedness
from factcheck.rules.lexicon import DATE_EVENT_WORDS

__all__ = ["compare_date", "LESS_PRECISE"]

LESS_PRECISE = " (evidence is less precise)"
"""Ends the reason of a date agreement where the evidence's period only contains the claim's ("August
2021" for "25 August 2021"): no conflict, but the evidence does not establish the claim's date."""

Result = tuple[DateMention, str, str, float] | None
"""(the evidence date, outcome, reason, strength), or None when no evidence date speaks to the claim's."""


def compare_date(
    d: DateMention, ev: tuple[DateMention, ...], names: frozenset[str], claim_d: tuple[DateMention, ...]
) -> Result:
    """The claim date ``d`` judged against the evidence dates ``ev`` (``claim_d``: all the claim's dates)."""
    if d.granularity == "duration":
        return _compare_duration(d, ev, names, claim_d)
    if d.first is None or d.last is None:
        same = [e for e in ev if e.relative is not None and e.relative == d.relative]
        if same:
            return same[0], AGREE, f"both say {d.text.lower()}", 0.6
        return None
    return _compare_period(d, ev, names, claim_d)


def _compare_duration(
    d: DateMention, ev: tuple[DateMention, ...], names: frozenset[str], claim_d: tuple[DateMention, ...]
) -> Result:
    """Durations agree within 10% of the claim's length; "less than 20 days" vs "ten days" never conflict."""
    same = [e for e in ev if e.granularity == "duration"]
    if not same:
        return None
    sole = len(same) == 1 and only_one(c for c in claim_d if c.granularity == "duration")
    scored = sorted(((relatedness(d.context, e.context, names, sole), e) for e in same), key=lambda t: -t[0])
    for r, e in scored:
        if r >= AGREE_MIN and abs((e.months or 0) - (d.months or 0)) <= 0.1 * max(d.months or 0, 1e-9):
            return e, AGREE, f"claim says {d.label()}; evidence says {e.label()}", round(min(1.0, r + 0.2), 2)
    r, e = scored[0]
    hedged = d.relative == "hedged" or e.relative == "hedged"
    if r >= CONFLICT_MIN and _same_event(d, e, names, sole) and not hedged:
        return e, CONFLICT, f"claim says {d.label()}; evidence says {e.label()}", 0.7
    return None


def _agreeing_period(
    d: DateMention, scored: list[tuple[float, DateMention]], names: frozenset[str], sole: bool
) -> Result:
    """The best-related evidence period that overlaps the claim's (about the same event)."""
    d_lo, d_hi = d.span()  # type: ignore[misc]
    same_day_level = d.granularity == "day" and not d.bound
    for r, e in scored:
        if r < AGREE_MIN and not (e.first == d.first and e.last == d.last):
            continue
        specific = d.granularity in ("day", "month") and e.granularity == d.granularity and not d.bound
        if not specific and not sole and not _same_event(d, e, names, sole):
            continue  # "murdered in 1919" and "born 15 July 1919" share a year, not an event
        e_lo, e_hi = e.span()  # type: ignore[misc]
        if max(d_lo, e_lo) > min(d_hi, e_hi):
            continue
        if same_day_level and e.granularity == "day" and not e.bound and d.day != e.day:
            continue
        within = d_lo <= e_lo and e_hi <= d_hi
        reason = f"claim says {_date_label(d)}; evidence says {_date_label(e)}"
        if not within:
            reason += LESS_PRECISE
        return e, AGREE, reason, 1.0 if within else 0.6
    return None


def _conflicting_period(
    d: DateMention, scored: list[tuple[float, DateMention]], names: frozenset[str], sole: bool
) -> Result:
    """A strongly related evidence period about the same event that is disjoint from the claim's (or
    another day of the same month)."""
    d_lo, d_hi = d.span()  # type: ignore[misc]
    same_day_level = d.granularity == "day" and not d.bound
    for r, e in scored:
        if r < CONFLICT_MIN:
            break
        if not _same_event(d, e, names, sole) or _other_event(d, e):
            continue
        e_lo, e_hi = e.span()  # type: ignore[misc]
        disjoint = max(d_lo, e_lo) > min(d_hi, e_hi)
        other_day = (
            same_day_level
            and e.granularity == "day"
            and not e.bound
            and d.day != e.day
            and d.first == e.first
        )
        if disjoint or other_day:
            reason = f"claim says {_date_label(d)}; evidence says {_date_label(e)}"
            return e, CONFLICT, reason, 0.8 if r >= 0.6 else 0.6
    return None


def _compare_period(
    d: DateMention, ev: tuple[DateMention, ...], names: frozenset[str], claim_d: tuple[DateMention, ...]
) -> Result:
    """Calendar periods (days to decades, open-ended for bounds): agreement first, then a conflict."""
    same = [e for e in ev if e.span() is not None and e.granularity != "duration"]
    if not same:
        return None
    sole = len(same) == 1 and only_one(c for c in claim_d if c.first is not None)
    scored = sorted(((relatedness(d.context, e.context, names, sole), e) for e in same), key=lambda t: -t[0])
    agreed = _agreeing_period(d, scored, names, sole)
    if agreed is not None and agreed[3] < 1.0:
        # Only a coarser period agrees ("2019-20" for "28 January 2020"): a date as precise as the claim's
        # about the same event ("confirmed on 29 January 2020") says more, and it conflicts.
        precise = [(r, e) for r, e in scored if e.granularity == d.granularity]
        return _conflicting_period(d, precise, names, sole) or agreed
    return agreed or _conflicting_period(d, scored, names, sole)


def _same_event(d: DateMention, e: DateMention, names: frozenset[str], sole: bool) -> bool:
    """Dates conflict only about one event: a shared event word, two shared words, or bare dates."""
    d_plain, e_plain = d.context - names, e.context - names
    shared = d_plain & e_plain
    if len(shared) >= 2 or shared & DATE_EVENT_WORDS:
        return True
    return sole and not d_plain and not e_plain


def _other_event(d: DateMention, e: DateMention) -> bool:
    """One side's date is written with an event the other does not speak of: "founded in 2010" dates a
    founding, not the sales a claim dates; "the 1984 film" its release, not the year the story is set in."""
    return bool((e.event and e.event not in d.context) or (d.event and d.event not in e.context))


def _date_label(d: DateMention) -> str:
    return f"{d.bound} {d.label()}" if d.bound else d.label()
