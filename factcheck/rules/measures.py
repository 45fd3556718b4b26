"""What a figure or date measures, and whether a conflicting one belongs to another period or place.

The comparison (:mod:`factcheck.rules.consistency`) pairs mentions by unit and nearby words. These rules say,
for a conflict it found, whether the two mentions measure the same thing at all:

- :func:`same_measure`: the same counted noun, a level against a level (not a change such as "1,000 more"),
  and the same measure where both sides say one (a price is no capital, a hire no headcount, a launch date
  no founding date); a dateline's date measures nothing;
- :func:`another_period`: a conflicting year beside a figure the span also gives: another year's revenue;
- :func:`another_time`: a figure dated by a bound that differs ("before 10 March" against "as of 10 March"):
  a count of another day;
- :func:`another_place`: a conflicting place beside a figure: another plant's capacity, another market.
"""

from __future__ import annotations

import re
from typing import Any

from factcheck.rules import quantities
from factcheck.rules.lexicon import words

VALUE_KINDS = frozenset({"number", "money", "date", "rank"})

KIND_OF = {"number": "quantity", "money": "quantity", "date": "date", "rank": "rank"}
_YEAR_ONLY = re.compile(r"^(?:(?:in|for|of|during)\s+)?(?:fiscal\s+|the\s+year\s+)?(?:19|20)\d\d$", re.I)


def kinds_in(text: str) -> set[str]:
    """Which kinds of value (quantity, date, rank) ``text`` gives."""
    mentions = quantities.extract(text)
    kinds = set()
    if mentions.quantities:
        kinds.add("quantity")
    if mentions.dates:
        kinds.add("date")
    if mentions.ranks:
        kinds.add("rank")
    return kinds


def another_period(findings: list[Any]) -> bool:
    """A conflicting year beside a figure the span also gives: the span speaks of another period (another
    year's revenue or deliveries). A full date that conflicts stays a conflict: a deal has one date."""
    dates = any(
        f.kind == "date"
        and f.outcome == "conflict"
        and f.evidence_mention
        and _YEAR_ONLY.match(f.claim_mention.strip())
        and _YEAR_ONLY.match(f.evidence_mention.strip())
        for f in findings
    )
    return dates and _beside_a_figure(findings)


def another_time(findings: list[Any], claim: str, span: str) -> bool:
    """A figure the span gives at another time than the claim's: the dates agree only loosely because one
    of them is a bound ("before 10 March 2020" against "as of 10 March 2020", "by September 2018" against
    "by March 2018"). A count on another day is no contradiction of this day's count."""
    if not _beside_a_figure(findings):
        return False
    for f in findings:
        if f.kind != "date" or f.outcome != "agree" or not f.evidence_mention:
            continue
        ours = _mention(claim, f.claim_mention, "date")
        theirs = _mention(span, f.evidence_mention, "date")
        if ours is None or theirs is None or not (ours.bound or theirs.bound):
            continue
        if (ours.bound, ours.first, ours.last) != (theirs.bound, theirs.first, theirs.last):
            return True
    return False


# What a figure or a date measures, as the lexicon's normalised words: a price is no capital, a hire no
# headcount, a launch date no founding date.
_MEASURES = frozenset(
    words(
        "employee buy invest revenue profit capacity user death resident fan unemployment deliver cut start "
        "found stop complete share sell born died"
    )
)


def _mention(text: str, mention: str | None, kind: str):
    """The quantity or date of ``text`` written as ``mention``, or None."""
    if not mention:
        return None
    found = quantities.extract(text)
    pool = found.dates if kind == "date" else found.quantities if kind in ("number", "money") else ()
    return next((m for m in pool if m.text == mention or mention in m.text or m.text in mention), None)


def same_measure(finding: Any, claim: str, span: str) -> bool:
    """Whether a conflicting figure or date of the span measures what the claim's does: the same counted
    noun, and the same measure where both say one (price vs capital, staff vs hires, launch vs founding).
    A dateline's date measures nothing. Where either side does not say, the comparison's pairing stands."""
    if finding.kind not in ("number", "money", "date"):
        return True
    ours = _mention(claim, finding.claim_mention, finding.kind)
    theirs = _mention(span, finding.evidence_mention, finding.kind)
    if ours is None or theirs is None:
        return True
    if finding.kind == "date" and theirs.dateline:
        return False
    if finding.kind != "date":
        if ours.noun and theirs.noun and ours.noun != theirs.noun:
            return False
        if _is_change(claim, ours) != _is_change(span, theirs):
            return False  # "1,000 more engineers" is a change, "300 employees" a level
    said = (ours.context | {getattr(ours, "noun", None)}) & _MEASURES
    given = (theirs.context | {getattr(theirs, "noun", None)}) & _MEASURES
    return not (said and given) or bool(said & given)


_CHANGE = re.compile(r"\b(?:more|additional|extra|further|another|fewer)\b", re.IGNORECASE)


def _is_change(text: str, mention: Any) -> bool:
    """Whether a figure counts a change ("1,000 more", "an additional 200") rather than a level."""
    # The mention's own bound ("more than half") is no change: only the words around it count.
    own = text[mention.start : mention.end]
    if mention.hedge:
        own = own.replace(mention.hedge, " ", 1)
    around = (
        text[max(0, mention.start - 16) : mention.start]
        + " "
        + own
        + " "
        + text[mention.end : mention.end + 12]
    )
    return bool(_CHANGE.search(around))


def another_place(findings: list[Any]) -> bool:
    """A conflicting place beside a figure the span also gives: the figure belongs to another plant or
    market ("sold 150,000 in Turkey" says nothing of sales in Denmark)."""
    places = any(f.kind == "place" and f.outcome == "conflict" and f.evidence_mention for f in findings)
    return places and _beside_a_figure(findings)


def _beside_a_figure(findings: list[Any]) -> bool:
    return any(f.kind in ("number", "money") and f.evidence_mention for f in findings)
