"""What a figure or date measures, and whether a conflicting one belongs to another period or place.

The comparison (:mod:`factcheck.rules.consistency`) pairs mentions by unit and nearby words. These rules say,
for a conflict it found, whether the two mentions measure the same thing at all:

- :func:`same_measure`: the same counted noun, a level against a level (not a change such as "1,000 more"),
  a rate against a rate of the same period ("2,000 deaths a day" is no total), a multiple of the same thing
  ("84 times more heat" is no "200 times more CO2"), a count over a stretch of the same length ("within a
  month" is no "within two months"), the figures of one year (a figure in a sentence dated
  2011 is not the claim's 2018 figure), values less than three orders of magnitude apart (a car's price is
  no ten-billion budget), and the same measure where both sides say one (a price is no capital, a hire no
  headcount, a launch date no founding date); a dateline's date measures nothing;
- :func:`another_period`: a conflicting year beside a figure the span also gives: another year's revenue;
- :func:`another_time`: a figure dated by a bound that differs ("before 10 March" against "as of 10 March"):
  a count of another day;
- :func:`another_place`: a conflicting place beside a figure: another plant's capacity, another market.
"""

from __future__ import annotations

import re
from typing import Any

from factcheck.rules import quantities
from factcheck.rules.lexicon import SMALL_NUMBERS, STOPWORDS, normalise_word, words

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


def another_period(findings: list[Any], claim: str, span: str) -> bool:
    """A conflicting year beside a figure the span also gives: the span speaks of another period (another
    year's revenue or deliveries). A full date that conflicts stays a conflict: a deal has one date; so
    does a year written as a property of a thing ("a 1930 comedy in three acts", "the 1984 film")."""
    dates = any(
        f.kind == "date"
        and f.outcome == "conflict"
        and f.evidence_mention
        and _YEAR_ONLY.match(f.claim_mention.strip())
        and _YEAR_ONLY.match(f.evidence_mention.strip())
        and not _attributive(claim, f.claim_start)
        and not _attributive(span, f.evidence_start)
        for f in findings
    )
    return dates and _beside_a_figure(findings)


_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|his|her|its|their|our|my|your)\s+$", re.IGNORECASE)


def _attributive(text: str, start: int | None) -> bool:
    """Whether the year at ``start`` is written as a property of the noun after it ("a 1930 comedy")."""
    return start is not None and bool(_DETERMINER_BEFORE.search(text[max(0, start - 8) : start]))


# Nouns of events that recur and are told apart by their year ("the 2003 heat wave", "the flood of 1953").
_EVENT = (
    r"(?:heat\s?waves?|cold\s?waves?|droughts?|floods?|flooding|storms?|hurricanes?|typhoons?|cyclones?|"
    r"earthquakes?|tsunamis?|wildfires?|fires?|eruptions?|famines?|epidemics?|pandemics?|outbreaks?|"
    r"elections?|referendums?|census|crisis|crash|recession|wars?|strikes?|protests?|riots?|summits?|games|"
    r"olympics|world\s+cup|championships?|tournaments?|seasons?|budgets?)"
)
_EVENT_AFTER = re.compile(rf"\s+(?:[A-Za-z-]+\s+){{0,2}}?{_EVENT}\b", re.IGNORECASE)
_EVENT_BEFORE = re.compile(rf"\b{_EVENT}\s+(?:of|in)\s+$", re.IGNORECASE)


def _names_an_event(text: str, start: int | None, end: int | None) -> bool:
    """Whether the year at ``start``-``end`` tells which event a noun of recurring events means ("the 2006
    heat wave", "the European heat wave of 2003")."""
    if start is None or end is None:
        return False
    return bool(
        (_attributive(text, start) and _EVENT_AFTER.match(text, end))
        or _EVENT_BEFORE.search(text[max(0, start - 24) : start])
    )


def another_event(findings: list[Any], claim: str, span: str) -> bool:
    """A conflicting year that names the event on both sides ("the heat wave of 2003" against "the 2006
    heat wave"): the span tells of another heat wave, election or season, not of the claim's."""
    return any(
        f.kind == "date"
        and f.outcome == "conflict"
        and f.evidence_mention
        and _names_an_event(claim, f.claim_start, f.claim_end)
        and _names_an_event(span, f.evidence_start, f.evidence_end)
        for f in findings
    )


def another_time(findings: list[Any], claim: str, span: str) -> bool:
    """A figure the span gives at another time than the claim's: the dates agree only loosely because one
    of them is a bound ("before 10 March 2020" against "as of 10 March 2020", "by September 2018" against
    "by March 2018", "by April 26" against "as of 27 April"). A count on another day is no contradiction
    of this day's count."""
    if not _beside_a_figure(findings):
        return False
    for f in findings:
        if f.kind != "date" or f.outcome != "agree" or not f.evidence_mention:
            continue
        ours = _mention(claim, f.claim_mention, "date")
        theirs = _mention(span, f.evidence_mention, "date")
        if ours is None or theirs is None or not (ours.bound or theirs.bound):
            continue
        if (ours.bound, ours.first, ours.last, ours.day) != (
            theirs.bound,
            theirs.first,
            theirs.last,
            theirs.day,
        ):
            return True
    return False


# What a figure or a date measures, as the lexicon's normalised words: a price is no capital, a hire no
# headcount, a launch date no founding date.
_MEASURES = frozenset(
    words(
        "employee buy invest revenue profit capacity user death resident fan unemployment deliver cut start "
        "found stop complete share sell born died subsidy grant loan fine tax taxe debt salary wage budget"
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
    if finding.kind == "date" and _part_of_a_period(claim, ours) != _part_of_a_period(span, theirs):
        return False  # "$30 million over the first three years" says nothing of a 5-year contract's length
    if finding.kind != "date":
        if ours.noun and theirs.noun and ours.noun != theirs.noun:
            return False
        if _is_change(claim, ours) != _is_change(span, theirs):
            return False  # "1,000 more engineers" is a change, "300 employees" a level
        if not _same_rate(_rate(claim, ours), _rate(span, theirs)):
            return False
        if not _same_multiple(claim, ours, span, theirs):
            return False
        if _orders_apart(ours, theirs) or _other_years(claim, ours, span, theirs):
            return False
        if not _same_window(_window(claim, ours), _window(span, theirs)):
            return False  # "35 million views within a month" is no count of "within two months"
    said = (ours.context | {getattr(ours, "noun", None)}) & _MEASURES
    given = (theirs.context | {getattr(theirs, "noun", None)}) & _MEASURES
    return not (said and given) or bool(said & given)


# A rate's period, written after the figure ("2,000 people a day", "per capita") or as an adjective or adverb
# near it ("annual capacity", "daily deaths", "grows 5% annually"); "each" makes a figure one part's ("two
# phases of 150,000 vehicles each"), no total.
_RATE_AFTER = re.compile(
    r"^\W{0,2}(?:(?:a|an|per|each|every)\s+(?:(\d[\d,.]*|hundred|thousand|million|billion)\s+)?"
    r"(day|week|month|year|hour|minute|second|capita|person|head|annum)s?\b"
    r"|(daily|weekly|monthly|yearly|annually|hourly)\b"
    r"|(each|apiece)\b)",
    re.IGNORECASE,
)
_RATE_WORD = re.compile(r"\b(daily|weekly|monthly|yearly|annual|annually|hourly)\b", re.IGNORECASE)
_PERIOD = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "yearly": "year",
    "annual": "year",
    "annually": "year",
    "annum": "year",
    "hourly": "hour",
    "person": "capita",
    "head": "capita",
    "apiece": "each",
}


def _rate(text: str, mention: Any) -> str | None:
    """The period a figure is a rate of ("a day", "per capita", "annual"), or None for a level or total."""
    after = _RATE_AFTER.match(text[mention.end : mention.end + 32])
    if after:
        many, word = after.group(1), (after.group(2) or after.group(3) or after.group(4)).lower()
        period = _PERIOD.get(word, word)
        return f"{many.lower()} {period}" if many else period
    near = _RATE_WORD.search(text[max(0, mention.start - 24) : mention.end + 16])
    return _PERIOD[near.group(1).lower()] if near else None


def _same_rate(ours: str | None, theirs: str | None) -> bool:
    """Whether two figures count over the same period: two rates of one period, two totals, or a total and
    a yearly figure (a plant's capacity, a year's sales: often the same figure)."""
    if ours == theirs:
        return True
    return not (ours and theirs) and (ours or theirs) == "year"


_TIMES = re.compile(
    r"^\s*(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|stronger|as|the|that|of)?\s*(\w+)",
    re.IGNORECASE,
)


def _multiple_of(text: str, mention: Any) -> str | None:
    """What a multiple compares ("84 times more heat" -> "heat"; "five times as potent" -> "potent")."""
    if not text[mention.start : mention.end].lower().endswith(("times", "fold")):
        return None
    found = _TIMES.match(text[mention.end : mention.end + 40])
    if not found or found.group(1).lower() in STOPWORDS:
        return None
    return normalise_word(found.group(1))


def _same_multiple(claim: str, ours: Any, span: str, theirs: Any) -> bool:
    """Two multiples compare only when they multiply the same thing."""
    a, b = _multiple_of(claim, ours), _multiple_of(span, theirs)
    return not (a and b) or a == b


# Values this far apart are no slip of a scale word (million for billion is 1,000x): they measure different
# things, such as a car's price and a capital tranche.
_MAX_RATIO = 1500.0


def _orders_apart(ours: Any, theirs: Any) -> bool:
    """Whether two figures are more than three orders of magnitude apart."""
    a, b = abs(getattr(ours, "value", 0.0)), abs(getattr(theirs, "value", 0.0))
    if not a or not b or a == float("inf") or b == float("inf"):
        return False
    return max(a, b) / min(a, b) > _MAX_RATIO


_CLAUSE_END = re.compile(r"[.!?;](?=\s)")


def _years_around(text: str, mention: Any) -> set[int]:
    """The years of the dates in the sentence (or semicolon clause) a figure is written in."""
    starts = [m.end() for m in _CLAUSE_END.finditer(text, 0, mention.start)]
    first = starts[-1] if starts else 0
    stop = _CLAUSE_END.search(text, mention.end)
    last = stop.start() if stop else len(text)
    years: set[int] = set()
    for date in quantities.extract(text).dates:
        if date.dateline or date.first is None or date.last is None or date.bound:
            continue
        if first <= date.start and date.end <= last and date.last - date.first < 12 * 10:
            years.update(range(date.first // 12, date.last // 12 + 1))
    return years


def _other_years(claim: str, ours: Any, span: str, theirs: Any) -> bool:
    """A figure dated by years other than the claim figure's: another year's figure (emissions in 2011
    against emissions in 2018)."""
    a = _years_around(claim, ours)
    if not a:
        return False
    b = _years_around(span, theirs)
    return bool(b) and not a & b


# The stretch of time a figure is counted over, after it in its clause ("45 million views within two
# months", "sold 10,000 in its first week") or opening its clause ("In the first year, ...").
_WINDOW = re.compile(
    r"\b(?:within|in|over|during|after)\s+(?:(?:the|its|their|his|her)\s+)?(?:(first|past|last|next|"
    r"opening|initial)\s+)?(a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d{1,3})?\s*"
    r"(hour|day|week|weekend|month|year|decade)s?\b",
    re.IGNORECASE,
)


def _window(text: str, mention: Any) -> tuple[int, str] | None:
    """The stretch a figure is counted over ("within two months" -> (2, "month")), or None."""
    stop = _CLAUSE_END.search(text, mention.end)
    found = _WINDOW.search(text, mention.end, min(stop.start() if stop else len(text), mention.end + 48))
    if found is None:
        starts = [m.end() for m in _CLAUSE_END.finditer(text, 0, mention.start)]
        first = starts[-1] if starts else 0
        found = _WINDOW.match(text[first : mention.start].lstrip())
    if found is None:
        return None
    count = found.group(2)
    if count is None and found.group(1) is None:
        return None  # "in months" gives no length
    if count is None or count.lower() in ("a", "an"):
        number = 1
    else:
        number = int(count) if count.isdigit() else SMALL_NUMBERS[count.lower()]
    return number, found.group(3).lower()


def _same_window(ours: tuple[int, str] | None, theirs: tuple[int, str] | None) -> bool:
    """Two figures counted over stretches of different lengths measure different things; where one side
    names no stretch, the pairing stands."""
    return ours is None or theirs is None or ours == theirs


_PART_BEFORE = re.compile(
    r"\b(?:first|last|next|final|past|initial|remaining|opening|closing)\s+$", re.IGNORECASE
)


def is_quantity(finding: Any, claim: str) -> bool:
    """Whether a finding is about an amount (a figure, money, or a duration such as "a 5-year contract"),
    not a point in time."""
    if finding.kind in ("number", "money"):
        return True
    mention = _mention(claim, finding.claim_mention, "date") if finding.kind == "date" else None
    return mention is not None and mention.granularity == "duration"


def _part_of_a_period(text: str, mention: Any) -> bool:
    """Whether a duration is a stretch of a longer period ("the first three years", "the last two
    months") rather than the length of the thing."""
    return mention.granularity == "duration" and bool(
        _PART_BEFORE.search(text[max(0, mention.start - 12) : mention.start])
    )


_CHANGE = re.compile(r"\b(?:more|additional|extra|further|another|fewer)\b", re.IGNORECASE)


def _is_change(text: str, mention: Any) -> bool:
    """Whether a figure counts a change ("1,000 more", "an additional 200") rather than a level."""
    # The mention's own bound ("more than half") is no change: only the words around it count.
    own = text[mention.start : mention.end]
    if mention.hedge:
        own = re.sub(re.escape(mention.hedge), " ", own, count=1, flags=re.IGNORECASE)
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
