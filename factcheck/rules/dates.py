"""Dates, periods, durations and relative dates read from the token stream, with offsets.

The scan walks the tokens left to right; at each token that may open a date it tries :data:`DATE_RULES` in
order, and the first rule that reads a date there emits it and says where to go on. A new date form is a
new rule in that list (with its cases in ``tests/rules/cases/dates.jsonl``). Dates are read before figures:
a number inside a date is not a quantity.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from factcheck.rules.lexicon import (
    CURRENCY_CODES,
    CURRENCY_NAMES,
    CURRENCY_SYMBOLS,
    DATE_EVENT_WORDS,
    DURATION_UNITS,
    MONTH_NAMES,
    MONTHS,
    ORDINAL_SUFFIXES,
    ORDINAL_WORDS,
    SCALE_WORDS,
    SMALL_NUMBERS,
    STOPWORDS,
    TENS,
    UNITS,
    is_plural,
    normalise_word,
    words,
)
from factcheck.rules.numbers import age_at, hedge_before
from factcheck.rules.tokens import Tokens, adjacent, context, num_value

__all__ = ["DateMention", "DATE_RULES", "scan_dates", "parse_doc_date", "lifespans"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date, period, duration or relative date.

    ``granularity``: ``day``, ``month``, ``quarter``, ``half``, ``year``, ``decade``, ``duration`` or
    ``relative`` (a relative date whose document date is unknown). ``first``/``last`` are the first and last
    month covered as ``year * 12 + month - 1`` (None for durations and unresolved relatives); ``day`` is
    set for day granularity; ``months`` is a duration's length in months.
    """

    text: str
    start: int
    end: int
    granularity: str
    first: int | None = None
    last: int | None = None
    day: int | None = None
    months: float | None = None
    relative: str | None = None
    context: frozenset[str] = frozenset()
    bound: str | None = None
    dateline: bool = False
    event: str | None = None  # the event word written just before it ("founded in 2010"), normalised

    def span(self) -> tuple[float, float] | None:
        """The months the date allows as ``(first, last)``, open-ended for "before"/"after"/"by" bounds."""
        if self.first is None or self.last is None:
            return None
        # in months; a day is a fraction of its month so that "before 24 November" excludes the 24th
        if self.granularity == "day" and self.day is not None:
            lo = hi = self.first + (self.day - 1) / 31
        else:
            lo, hi = float(self.first), self.last + 30 / 31
        if self.bound == "before":
            return float("-inf"), lo - 1e-6
        if self.bound == "after":
            return hi + 1e-6, float("inf")
        if self.bound == "by":
            return float("-inf"), hi
        if self.bound == "from":
            return lo, float("inf")
        return lo, hi

    def label(self) -> str:
        """A short human-readable form ("August 2021", "Q2 2021", "2024", "10 years")."""
        if self.granularity == "duration" and self.months is not None:
            return _duration_label(self.months)
        if self.first is None or self.last is None:
            return self.text
        y, m = divmod(self.first, 12)
        if self.granularity == "day":
            return f"{self.day} {MONTH_NAMES[m]} {y}"
        if self.granularity == "month":
            return f"{MONTH_NAMES[m]} {y}"
        if self.granularity == "quarter":
            return f"Q{m // 3 + 1} {y}"
        if self.granularity == "half":
            return f"H{m // 6 + 1} {y}"
        if self.granularity == "decade":
            return f"the {y}s"
        if self.last - self.first >= 12:
            return f"{y}-{self.last // 12}"
        return str(y)


def _duration_label(months: float) -> str:
    if months >= 12 and abs(months / 12 - round(months / 12)) < 1e-6:
        years = round(months / 12)
        return f"{years} year" + ("s" if years != 1 else "")
    if months >= 1 and abs(months - round(months)) < 1e-6:
        return f"{round(months)} month" + ("s" if round(months) != 1 else "")
    days = round(months * 30)
    return f"{days} day" + ("s" if days != 1 else "")


# ---------------------------------------------------------------------------------------------- words

_DATE_PREPOSITIONS = frozenset(
    words(
        "in since by until till from during before after of through throughout between early mid late end "
        "fiscal fy year spring summer autumn fall winter circa and to or"
    )
)
_QUARTER_WORDS = {"quarter": 3, "half": 6}
_RELATIVE_YEAR = {"last": -1, "next": 1, "this": 0, "previous": -1, "coming": 1, "past": -1}
# "BEIJING, August 25, 2021 (Newsdesk) -": the date a report was filed, not the date of what it reports.
_DATELINE = re.compile(r"\s*[A-Z][A-Z .'-]+,\s*$")
# A page's own stamp, not a date of what it reports: "PUBLISHED DATETIME: 2016-01-12", "Updated: 3 May 2021",
# a citation's "accessed 18 April 2020" or "Retrieved March 3, 2019".
_STAMP = re.compile(
    r"(?:\b(?:published|updated|posted|modified)(?:\s+(?:date|datetime|time|on|at))?\s*:"
    r"|\b(?:retrieved|accessed)(?:\s+on)?)\s*$",
    re.IGNORECASE,
)
# A byline's date: "By Neil Genzlinger May 10, 2018".
_BYLINE = re.compile(r"\bBy\s+(?:[A-Z][\w.'’-]*\s+){1,4}$")
# fmt: off
_DATE_BOUNDS = {
    "before": "before", "prior to": "before", "earlier than": "before", "until": "by", "till": "by",
    "by": "by",
    "as of": "by", "no later than": "by", "after": "after", "later than": "after",
}
# fmt: on
_DATE_POSTFIX = {("or", "later"): "from", ("or", "after"): "from", ("and", "later"): "from"}
_DATE_POSTFIX |= {("or", "earlier"): "by", ("or", "before"): "by"}
_DATE_TRIGGERS = (
    set(MONTHS)
    | set(ORDINAL_WORDS)
    | set(_RELATIVE_YEAR)
    | set(SMALL_NUMBERS)
    | set(TENS)
    | {"q", "h", "a", "an", "decade", "decades"}
)


def _year_ok(v: float, text: str) -> bool:
    return "," not in text and "." not in text and len(text) == 4 and 1000 <= v <= 2100


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def parse_doc_date(value: str | None) -> date | None:
    """The document date of an ISO string (its first ten characters), or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# ----------------------------------------------------------------------------------------------- scan


@dataclass
class DateScan:
    """The state of one date scan: the tokens, the document date, and the dates emitted so far."""

    text: str
    tokens: Tokens
    sent: list[int]
    doc: date | None
    out: list[DateMention] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.tokens)

    def year_at(self, j: int) -> int | None:
        """The year written by token ``j`` (four digits, 1000-2100), or None."""
        if j < len(self.tokens) and self.tokens[j].kind == "num":
            v = num_value(self.tokens[j])
            if v is not None and _year_ok(v, self.tokens[j].text):
                return int(v)
        return None

    def _bound(self, lo: int, hi: int, gran: str, kw: dict) -> tuple[str | None, str]:
        """The bound written around tokens[lo:hi] ("before 2007", "1992 or later") and the granularity
        (a bound after a duration is date arithmetic: "ten years after 2000" is relative)."""
        tokens, n = self.tokens, self.n
        bound = None
        b = lo
        if b > 1 and tokens[b - 1].low == "year" and tokens[b - 2].low == "the":
            b -= 2  # "before the year 2007"
        if gran not in ("duration", "relative") and b > 0:
            prev = tokens[b - 1].low
            prev2 = f"{tokens[b - 2].low} {prev}" if b > 1 else ""
            bound = _DATE_BOUNDS.get(prev2) or _DATE_BOUNDS.get(prev)
            if prev == "on" or prev == "in":
                bound = _DATE_BOUNDS.get(prev2) if prev2 in _DATE_BOUNDS else None
            if bound is not None and b > 2 and tokens[b - 2].low in DURATION_UNITS:
                # "ten years after 2000": arithmetic on the date, not the date itself
                kw["relative"] = "offset"
                gran = "relative"
        if bound is None and hi + 1 < n and (tokens[hi].low, tokens[hi + 1].low) in _DATE_POSTFIX:
            bound = _DATE_POSTFIX[(tokens[hi].low, tokens[hi + 1].low)]  # "1992 or later"
        return bound, gran

    def emit(self, lo: int, hi: int, gran: str, **kw) -> None:
        """Record the date written by tokens[lo:hi] with its bound, dateline flag and context."""
        tokens, text = self.tokens, self.text
        bound, gran = self._bound(lo, hi, gran, kw)
        start = tokens[lo].start
        line_start = text.rfind("\n", 0, start) + 1
        dateline = (start - line_start < 60 and _DATELINE.match(text, line_start, start) is not None) or any(
            p.search(text, max(0, start - 40), start) for p in (_STAMP, _BYLINE)
        )
        event = _event_before(tokens, lo) or _work_after(tokens, hi)
        around = context(tokens, self.sent, lo, hi, window=16)
        self.out.append(
            DateMention(
                text[tokens[lo].start : tokens[hi - 1].end],
                tokens[lo].start,
                tokens[hi - 1].end,
                gran,
                # a date usually scopes its whole clause: a wider window than figures get
                context=around | {event} if event else around,
                bound=bound,
                dateline=dateline,
                event=event,
                **kw,
            )
        )


_DATE_PREPOSITIONS = frozenset(
    {"in", "on", "from", "since", "by", "until", "at", "during", "of", "the", "early", "late", "mid"}
)


def _event_before(tokens: Tokens, lo: int) -> str | None:
    """The event word written just before a date, prepositions aside ("founded in 2010", "released on 4
    May"), normalised; None when a date stands without one."""
    k = lo - 1
    while k >= 0 and tokens[k].low in _DATE_PREPOSITIONS:
        k -= 1
    if k < 0 or k == lo - 1 or tokens[k].kind != "word":
        return None
    word = normalise_word(tokens[k].low)
    return word if word in DATE_EVENT_WORDS else None


_WORKS = frozenset(
    {"film", "movie", "album", "song", "single", "novel", "book", "play", "documentary", "musical", "series"}
)
_RELEASE = normalise_word("released")


def _work_after(tokens: Tokens, hi: int) -> str | None:
    """ "The 1984 film", "a 1984 American drama film": the year dates the work's release, not what the work
    is about."""
    for tok in tokens[hi : hi + 4]:
        if tok.kind != "word":
            return None
        if tok.low in _WORKS:
            return _RELEASE
    return None


DateRule = Callable[[DateScan, int], int | None]
"""``rule(scan, i)``: when a date of the rule's form starts at token ``i``, emit it and return the index to
go on from (a rule may also skip a token it knows is no date); None to let the next rule try."""


def _iso_date(scan: DateScan, i: int) -> int | None:
    """2021-08-15."""
    tokens = scan.tokens
    if not (
        tokens[i].kind == "num"
        and i + 4 < scan.n
        and scan.year_at(i) is not None
        and tokens[i + 1].text == "-"
        and tokens[i + 2].kind == "num"
        and tokens[i + 3].text == "-"
        and tokens[i + 4].kind == "num"
        and all(adjacent(tokens[k], tokens[k + 1]) for k in range(i, i + 4))
    ):
        return None
    y, mo, d = scan.year_at(i), num_value(tokens[i + 2]), num_value(tokens[i + 4])
    if y and mo and d and 1 <= mo <= 12 and 1 <= d <= 31:
        idx = _month_index(y, int(mo))
        scan.emit(i, i + 5, "day", first=idx, last=idx, day=int(d))
        return i + 5
    return None


def _numeric_date(scan: DateScan, i: int) -> int | None:
    """25/08/2021 or 08/25/2021 (day and month told apart only when one is above 12)."""
    tokens = scan.tokens
    tok = tokens[i]
    if not (
        tok.kind == "num"
        and i + 4 < scan.n
        and tokens[i + 1].text in ("/", ".", "-")
        and tokens[i + 3].text == tokens[i + 1].text
        and tokens[i + 2].kind == "num"
        and all(adjacent(tokens[k], tokens[k + 1]) for k in range(i, i + 4))
        and scan.year_at(i + 4) is not None
        and len(tok.text) <= 2
        and len(tokens[i + 2].text) <= 2
    ):
        return None
    a, b2, y = int(tok.text), int(tokens[i + 2].text), scan.year_at(i + 4)
    if y is None or not (1 <= a <= 31 and 1 <= b2 <= 31):
        return None
    if a > 12 and b2 <= 12:
        idx = _month_index(y, b2)
        scan.emit(i, i + 5, "day", first=idx, last=idx, day=a)
    elif b2 > 12 and a <= 12:
        idx = _month_index(y, a)
        scan.emit(i, i + 5, "day", first=idx, last=idx, day=b2)
    else:
        scan.emit(i, i + 5, "year", first=_month_index(y, 1), last=_month_index(y, 12))
    return i + 5


def _quarter_code(scan: DateScan, i: int) -> int | None:
    """Q2 2021, Q2, H1 2021 ("2Q21" is not read)."""
    tokens = scan.tokens
    tok, low = tokens[i], tokens[i].low
    if not (tok.kind == "word" and low in ("q", "h") and i + 1 < scan.n and tokens[i + 1].kind == "num"):
        return None
    nxt = tokens[i + 1]
    part = num_value(nxt)
    size = 3 if low == "q" else 6
    if not (adjacent(tok, nxt) and part is not None and 1 <= part <= 12 // size and "." not in nxt.text):
        return None
    hi = i + 2
    y = scan.year_at(hi)
    if y is None and hi + 1 < scan.n and tokens[hi].text in (",", "'") and scan.year_at(hi + 1):
        y, hi = scan.year_at(hi + 1), hi + 1
    if y is None:
        scan.emit(i, hi, "relative", relative=f"{low}{int(part)}")
        return hi
    first = _month_index(y, int(part - 1) * size + 1)
    scan.emit(i, hi + 1, "quarter" if size == 3 else "half", first=first, last=first + size - 1)
    return hi + 1


def _ordinal_quarter(scan: DateScan, i: int) -> int | None:
    """ "the second quarter of 2021", "first half of 2022", "second-quarter 2021"."""
    tokens, n = scan.tokens, scan.n
    tok, low = tokens[i], tokens[i].low
    if not (tok.kind == "word" and low in ORDINAL_WORDS and ORDINAL_WORDS[low] <= 4):
        return None
    j = i + 1
    if j < n and tokens[j].text == "-":
        j += 1
    if not (j < n and tokens[j].low in _QUARTER_WORDS):
        return None
    size = _QUARTER_WORDS[tokens[j].low]
    part = ORDINAL_WORDS[low]
    if part > 12 // size:
        return None
    k = j + 1
    if k < n and tokens[k].low == "of":
        k += 1
    y = scan.year_at(k)
    lo = i - 1 if i > 0 and tokens[i - 1].low == "the" else i
    if y is None:
        scan.emit(lo, j + 1, "relative", relative=f"{'q' if size == 3 else 'h'}{part}")
        return j + 1
    first = _month_index(y, (part - 1) * size + 1)
    scan.emit(lo, k + 1, "quarter" if size == 3 else "half", first=first, last=first + size - 1)
    return k + 1


def _day_around_month(scan: DateScan, i: int) -> tuple[int | None, int, int]:
    """The day written before or after the month at token ``i`` ("15 August", "August 15th"), with the
    span of tokens (lo, hi) the day and month cover."""
    tokens, n = scan.tokens, scan.n
    lo, hi = i, i + 1
    if hi < n and tokens[hi].text == "." and adjacent(tokens[i], tokens[hi]):
        hi += 1
    day = None
    if lo > 0 and tokens[lo - 1].kind == "num" and "," not in tokens[lo - 1].text:
        dv = num_value(tokens[lo - 1])
        if dv is not None and 1 <= dv <= 31 and dv == int(dv):
            day, lo = int(dv), lo - 1
    elif lo > 1 and tokens[lo - 1].low in ORDINAL_SUFFIXES and tokens[lo - 2].kind == "num":
        dv = num_value(tokens[lo - 2])
        if dv is not None and 1 <= dv <= 31:
            day, lo = int(dv), lo - 2
    if day is None and hi < n and tokens[hi].kind == "num" and scan.year_at(hi) is None:
        dv = num_value(tokens[hi])
        if dv is not None and 1 <= dv <= 31 and dv == int(dv) and "," not in tokens[hi].text:
            day, hi = int(dv), hi + 1
            if hi < n and tokens[hi].low in ORDINAL_SUFFIXES:
                hi += 1
    return day, lo, hi


def _relative_month(scan: DateScan, month: int, lo: int, hi: int, rel: str) -> int:
    """ "last August", "next March": resolved with the document date, else kept relative."""
    doc = scan.doc
    low = scan.tokens[lo].low
    if doc is None:
        scan.emit(lo - 1, hi, "relative", relative=f"{rel} {MONTH_NAMES[month - 1].lower()}")
        return hi
    if rel in ("last", "previous", "past"):
        yy = doc.year if month < doc.month else doc.year - 1
    elif rel in ("next", "coming"):
        yy = doc.year if month > doc.month else doc.year + 1
    else:
        yy = doc.year + _RELATIVE_YEAR[rel]
    idx = _month_index(yy, month)
    scan.emit(lo - 1, hi, "month", first=idx, last=idx, relative=f"{rel} {low}")
    return hi


def _month_date(scan: DateScan, i: int) -> int | None:
    """ "August 15, 2021", "August 2021", "May of 1964", "Aug. 2021", "15 August 2021", "last August",
    "in August"."""
    tokens, n = scan.tokens, scan.n
    tok, low = tokens[i], tokens[i].low
    if not (tok.kind == "word" and low in MONTHS and tok.text[0].isupper()):
        return None
    full = len(low) > 3 or low == "may"
    after = tokens[i + 1] if i + 1 < n else None
    before_num = i > 0 and tokens[i - 1].kind == "num"
    followed = after is not None and (
        after.kind == "num" or (after.text == "." and i + 2 < n and tokens[i + 2].kind == "num")
    )
    of_year = after is not None and after.low == "of" and i + 2 < n and scan.year_at(i + 2) is not None
    followed = followed or of_year
    if (low == "may" or not full) and not (followed or before_num):
        return i + 1  # "may" the verb, "Jun" in "Lei Jun"
    month = MONTHS[low]
    day, lo, hi = _day_around_month(scan, i)
    k = hi + 1 if hi < n and (tokens[hi].text == "," or (tokens[hi].low == "of" and day is None)) else hi
    y = scan.year_at(k)
    if y is not None:
        idx = _month_index(y, month)
        if day is not None:
            scan.emit(lo, k + 1, "day", first=idx, last=idx, day=day)
        else:
            scan.emit(lo, k + 1, "month", first=idx, last=idx)
        return k + 1
    rel = tokens[lo - 1].low if lo > 0 and day is None else None
    if rel in _RELATIVE_YEAR:
        return _relative_month(scan, month, lo, hi, rel)
    if scan.doc is not None and day is None:
        # A bare month in a dated document: the most recent such month (news style, "in August").
        yy = scan.doc.year if month <= scan.doc.month else scan.doc.year - 1
        idx = _month_index(yy, month)
        scan.emit(lo, hi, "month", first=idx, last=idx, relative=low)
    else:
        scan.emit(lo, hi, "relative", relative=MONTH_NAMES[month - 1].lower() + (f" {day}" if day else ""))
    return hi


def _relative_year(scan: DateScan, i: int) -> int | None:
    """ "last year", "next year", "this month"."""
    tokens, doc = scan.tokens, scan.doc
    tok, low = tokens[i], tokens[i].low
    if not (
        tok.kind == "word"
        and low in _RELATIVE_YEAR
        and i + 1 < scan.n
        and tokens[i + 1].low in ("year", "month")
    ):
        return None
    unit = tokens[i + 1].low
    if doc is None:
        scan.emit(i, i + 2, "relative", relative=f"{low} {unit}")
    elif unit == "year":
        y = doc.year + _RELATIVE_YEAR[low]
        scan.emit(
            i, i + 2, "year", first=_month_index(y, 1), last=_month_index(y, 12), relative=f"{low} year"
        )
    else:
        idx = _month_index(doc.year, doc.month) + _RELATIVE_YEAR[low]
        scan.emit(i, i + 2, "month", first=idx, last=idx, relative=f"{low} month")
    return i + 2


def _duration(scan: DateScan, i: int) -> int | None:
    """ "ten years", "10 years", "a decade", "over the next decade", "18-month", "five-year"."""
    tokens = scan.tokens
    dur = duration_at(tokens, i)
    if dur is None:
        return None
    hi, months = dur
    lo = i
    if lo > 0 and tokens[lo - 1].low in ("next", "coming", "past", "last"):
        lo -= 1
        if lo > 0 and tokens[lo - 1].low == "the":
            lo -= 1
    hedged = lo > 0 and (hedge_before(tokens, lo) is not None or tokens[lo - 1].low == "within")
    if hedged and tokens[lo - 1].low == "over":
        hedged = False  # "over ten years" spreads something across the period
    scan.emit(lo, hi, "duration", months=months, relative="hedged" if hedged else None)
    return hi


def _decade(scan: DateScan, i: int) -> int | None:
    """ "1990s", "the 1970's", "the 1900s" (decade or century: read as the century), "the 50's"."""
    tokens, n = scan.tokens, scan.n
    tok = tokens[i]
    if not (tok.kind == "num" and i + 1 < n and adjacent(tok, tokens[i + 1])):
        return None
    k = i + 1
    if (
        tokens[k].text in ("'", "’")
        and k + 1 < n
        and tokens[k + 1].text == "s"
        and adjacent(tokens[k], tokens[k + 1])
    ):
        k += 1
    v = num_value(tok)
    if not (tokens[k].text == "s" and v is not None and len(tok.text) in (2, 3, 4) and "," not in tok.text):
        return None
    y = int(v)
    if y % 10 == 0 and 10 <= y <= 90 and len(tok.text) == 2:
        scan.emit(i, k + 1, "relative", relative=f"the {y}s")  # "the 50's": century unknown
        return k + 1
    if y % 10 == 0 and 100 <= y <= 2090:
        span = 99 if y % 100 == 0 else 9
        scan.emit(i, k + 1, "decade", first=_month_index(y, 1), last=_month_index(y + span, 12))
        return k + 1
    return None


def _second_year(scan: DateScan, i: int, y: int) -> int | None:
    """The year closing a range after year ``y`` at token ``i``: "2019-2021", "2019-21"."""
    tokens, hi = scan.tokens, i + 1
    if not (hi + 1 < scan.n and tokens[hi].text in ("-", "–", "/") and tokens[hi + 1].kind == "num"):
        return None
    t2 = tokens[hi + 1]
    v2 = num_value(t2)
    if v2 is not None and _year_ok(v2, t2.text) and v2 > y:
        return int(v2)
    if v2 is not None and len(t2.text) == 2 and "," not in t2.text:
        y2 = (y // 100) * 100 + int(v2)
        return y2 if y2 > y else None
    return None


def _year(scan: DateScan, i: int) -> int | None:
    """Bare years ("in 2024"), and year ranges ("between 1998 and 2002", "2019-2021")."""
    tokens, n = scan.tokens, scan.n
    y = scan.year_at(i) if tokens[i].kind == "num" else None
    if y is None or not _looks_like_year(tokens, i):
        return None
    hi = i + 1
    y2 = None
    if (
        hi + 1 < n
        and tokens[hi].low in ("and", "to")
        and i > 0
        and tokens[i - 1].low in ("between", "from")
        and scan.year_at(hi + 1)
    ):
        y2 = scan.year_at(hi + 1)
        if y2 is not None and y2 > y:
            scan.emit(i - 1, hi + 2, "year", first=_month_index(y, 1), last=_month_index(y2, 12))
            return hi + 2
    if y2 is None:
        y2 = _second_year(scan, i, y)
    if y2 is not None:
        scan.emit(i, hi + 2, "year", first=_month_index(y, 1), last=_month_index(y2, 12))
        return hi + 2
    scan.emit(i, hi, "year", first=_month_index(y, 1), last=_month_index(y, 12))
    return hi


DATE_RULES: tuple[DateRule, ...] = (
    _iso_date,
    _numeric_date,
    _quarter_code,
    _ordinal_quarter,
    _month_date,
    _relative_year,
    _duration,
    _decade,
    _year,
)
"""The date forms, tried in this order at each token that may open a date."""


def scan_dates(text: str, tokens: Tokens, sent: list[int], doc: date | None) -> list[DateMention]:
    """Dates, quarters, durations and relative dates, left to right over the tokens."""
    scan = DateScan(text, tokens, sent, doc)
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        if tok.kind != "num" and tok.low not in _DATE_TRIGGERS:
            i += 1
            continue
        for rule in DATE_RULES:
            after = rule(scan, i)
            if after is not None:
                i = after
                break
        else:
            i += 1
    return lifespans(text, scan.out)


_DASH_MARK = r"(?:-{1,2}|[–—−])"
_DASH = re.compile(rf"\s*{_DASH_MARK}\s*")
_BORN, _DIED = frozenset({normalise_word("born")}), frozenset({normalise_word("died")})
_OPENS, _CLOSES = frozenset({normalise_word("start")}), frozenset({normalise_word("end")})
_YEARS_OF_A_LIFE = re.compile(rf"(\d{{4}})\s*{_DASH_MARK}\s*(\d{{4}})")
_NAME_BEFORE = re.compile(r"[A-Z][\w.'-]*\s*\((?:[^()]*;\s*)?$")


def lifespans(text: str, dates: list[DateMention]) -> list[DateMention]:
    """A life written after a name, "(April 8, 1974 – February 2, 2013)" or "Dylan Thomas (1914–1953)": the
    first date is a birth, the second a death, so each is compared as that event (a range of years there
    is no period a claim's year falls in)."""
    out = [part for d in dates for part in _years_of_a_life(text, d)]
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.first is None or b.first is None or not _DASH.fullmatch(text[a.end : b.start]):
            continue
        opened = text.rfind("(", max(0, a.start - 40), a.start)
        if opened < 0 or ")" in text[opened : a.start] or not text[b.end :].lstrip().startswith(")"):
            continue
        out[k] = replace(a, context=a.context | _BORN)
        out[k + 1] = replace(b, context=b.context | _DIED)
    return out


def _years_of_a_life(text: str, d: DateMention) -> list[DateMention]:
    """A range of two years alone in brackets after a name, as its two ends (birth and death; marked by
    :func:`lifespans`); any other date as it is."""
    years = _YEARS_OF_A_LIFE.fullmatch(d.text)
    if years is None or d.granularity != "year" or not text[d.end :].lstrip().startswith(")"):
        return [d]
    if not _NAME_BEFORE.search(text[max(0, d.start - 60) : d.start]):
        return [d]
    # the ends of a life, or of what else a name in brackets dates ("the Second World War (1939–1945)")
    return [_year_of(d, years, 1, _OPENS), _year_of(d, years, 2, _CLOSES)]


def _year_of(d: DateMention, years: re.Match[str], group: int, event: frozenset[str]) -> DateMention:
    """The year of ``years``' group ``group`` as a date of its own, marked with ``event``."""
    year = int(years.group(group))
    return replace(
        d,
        text=years.group(group),
        start=d.start + years.start(group),
        end=d.start + years.end(group),
        first=_month_index(year, 1),
        last=_month_index(year, 12),
        context=d.context | event,
    )


# ------------------------------------------------------------------------------------------ helpers


def _looks_like_year(tokens: Tokens, i: int) -> bool:
    """A four-digit 1800-2100 number is a year unless money, a unit or a counted noun says it is a count."""
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prev is not None and (prev.text in CURRENCY_SYMBOLS or prev.low in CURRENCY_CODES):
        return False
    if prev is not None and prev.low in _DATE_PREPOSITIONS:
        return True
    if float(tokens[i].text) < 1800:
        return False  # "1777 people"; "in 1777" was taken above
    if nxt is not None:
        nlow = nxt.low
        if nxt.text == "%" or nlow in SCALE_WORDS or nlow in UNITS or nlow in CURRENCY_NAMES:
            return False
        if nxt.kind == "word" and is_plural(nxt.text) and nlow not in STOPWORDS and not nxt.text[0].isupper():
            return False
    return True


def _duration_count(tokens: Tokens, i: int) -> float | None:
    """The count a duration starting at token ``i`` is written with ("10", "ten", "a"), or None."""
    tok, low = tokens[i], tokens[i].low
    if tok.kind == "num" and "," not in tok.text:
        return num_value(tok)
    if low in SMALL_NUMBERS and low not in ("zero",):
        return float(SMALL_NUMBERS[low])
    if low in TENS:
        return float(TENS[low])
    j = i + 1
    if low in ("a", "an") and j < len(tokens) and tokens[j].low in ("decade", "year", "month", "week", "day"):
        return 1.0
    return None


def duration_at(tokens: Tokens, i: int) -> tuple[int, float] | None:
    """(end token index, months) when a duration starts at token i."""
    n = len(tokens)
    low = tokens[i].low
    if low in ("decade", "decades") and i > 0 and tokens[i - 1].low in ("next", "past", "coming", "last"):
        return i + 1, 120.0
    count = _duration_count(tokens, i)
    if count is None or count <= 0 or count > 1000:
        return None
    j = i + 1
    if j < n and tokens[j].text == "-" and j + 1 < n:
        j += 1
    if j < n and tokens[j].low in ("half",) and j + 1 < n and tokens[j + 1].low in ("years", "year"):
        count += 0.5
        j += 1
    if age_at(tokens, j - 1 if j > i + 1 and tokens[j - 1].text == "-" else j):
        return None
    if j < n and tokens[j].low in DURATION_UNITS:
        unit = tokens[j].low
        # "five-year plan", "10 years", "ten years"; "a year" only as duration after "over"/"for"/"within".
        if low in ("a", "an") and unit in ("year", "month", "week", "day"):
            prev = tokens[i - 1].low if i > 0 else ""
            if prev not in ("over", "for", "within", "in", "than", "about", "nearly", "almost"):
                return None
        return j + 1, count * DURATION_UNITS[unit]
    return None
