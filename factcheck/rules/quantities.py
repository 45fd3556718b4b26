"""Numbers, money, units, ranks and dates read from English text, with character offsets.

Everything here is deterministic, pure Python and cached per text, because the verdict stage calls it on every
claim/evidence-sentence pair (thousands per second).

Why hand-written rules rather than a library (each was installed and tried on news sentences):

- ``quantulum3`` 0.10.0 finds quantities with offsets, but with scikit-learn installed (it is, through
  sentence-transformers) it unpickles a bundled classifier that fails to load with current scikit-learn,
  and it
  imports in about 1 s. It also has no notion of hedges, counted nouns or ranks.
- ``dateparser`` 1.5.0 ``search_dates`` takes ~7.5 ms per sentence, returns no offsets, and reads "77" as 1977
  and "a year" as a date; date granularity (year vs month vs quarter) is lost.
- ``text2num`` / ``number-parser`` turn words into digits by rewriting the string, so offsets are lost, and
  they
  cover only part of the job (no currencies, scales like "bn", hedges, units).
- spaCy's NER needs a model package (hundreds of MB) and a slow import, too heavy for a per-pair hot path.

So the module tokenises once with one precompiled regular expression (linear time, ASCII digits only) and
reads
the token stream left to right: one pass, no backtracking-prone patterns, ~tens of microseconds per sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from factcheck.errors import InputError


def _words(text: str) -> list[str]:
    """Whitespace-separated words of a literal (keeps word tables compact)."""
    return text.split()


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
]

# ----------------------------------------------------------------------------------------------------------
# Tokens

_TOKEN_RE = re.compile(
    r"(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|[0-9]+(?:\.[0-9]+)?)"
    r"|(?P<sym>[^\s\w])"
)
_MAX_DIGITS = 30  # longer digit runs are identifiers or noise, never figures


class Token(NamedTuple):
    """One token of the text: ``kind`` is ``num``, ``word`` or ``sym``; ``text == source[start:end]``;
    ``low`` is ``text.lower()``."""

    kind: str
    text: str
    start: int
    end: int
    low: str


@lru_cache(maxsize=8192)
def tokenize(text: str) -> tuple[Token, ...]:
    """Split ``text`` into number, word and symbol tokens with character offsets (whitespace dropped)."""
    new = tuple.__new__  # NamedTuple's own constructor goes through a slower keyword-aware wrapper
    return tuple(
        new(Token, (m.lastgroup, (g := m.group()), m.start(), m.end(), g.lower()))
        for m in _TOKEN_RE.finditer(text)
    )


# ----------------------------------------------------------------------------------------------------------
# Vocabulary


# fmt: off
SMALL_NUMBERS = {w: i for i, w in enumerate(_words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"))}
_TENS_WORDS = _words("_ _ twenty thirty forty fifty sixty seventy eighty ninety")
TENS = {w: 10 * i for i, w in enumerate(_TENS_WORDS) if i > 1}
_WORD_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALE_WORDS = {
    **_WORD_SCALES, "k": 1e3, "thousands": 1e3, "mn": 1e6, "mln": 1e6, "millions": 1e6, "bn": 1e9, "b": 1e9,
    "billions": 1e9, "tn": 1e12, "trn": 1e12,
}
DOZEN = {"dozen": 12}
ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(_words(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"))}
_ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}

CURRENCY_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW"}
CURRENCY_CODES = {c.lower(): c for c in _words("EUR USD GBP JPY CNY INR CHF KRW HKD AUD CAD SEK")}
CURRENCY_CODES["rmb"] = "CNY"
# Prefixes written straight before "$": US$, HK$, A$, C$, S$.
DOLLAR_PREFIXES = {"us": "USD", "hk": "HKD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "s": "SGD"}
CURRENCY_NAMES = {
    w: code
    for code, names in (
        ("EUR", "euro euros"), ("USD", "dollar dollars"), ("CNY", "yuan renminbi"),
        ("GBP", "pound pounds sterling"),
        ("JPY", "yen"), ("INR", "rupee rupees"), ("KRW", "won"), ("CHF", "franc francs"),
    )
    for w in _words(names)
}
# "Hong Kong dollars", "Australian dollars": a qualifier before the currency name.
DOLLAR_QUALIFIERS = {
    "us": "USD", "u.s.": "USD", "american": "USD", "hong kong": "HKD", "australian": "AUD", "canadian": "CAD",
    "singapore": "SGD", "taiwan": "TWD", "new taiwan": "TWD",
}

# Units with a dimension and a factor to the dimension's base unit ("_" stands for a space).
UNITS: dict[str, tuple[str, float]] = {}
for _dim, _entries in (
    ("percent", "%:1 percent:1 per_cent:1 pct:1"),
    ("points", "percentage_points:1 points:1"),
    ("length", "km:1e3 kilometres:1e3 kilometers:1e3 kilometre:1e3 kilometer:1e3 metres:1 meters:1 metre:1"),
    ("length", "meter:1"),
    ("miles", "miles:1 mile:1"),
    ("mass", "kg:1 kilograms:1 tonnes:1e3 tons:1e3 tonne:1e3 ton:1e3"),
    ("energy", "wh:1 kwh:1e3 mwh:1e6 gwh:1e9 twh:1e12"),
    ("power", "w:1 kw:1e3 mw:1e6 gw:1e9"),
    ("horsepower", "hp:1 horsepower:1"),
    ("speed", "km/h:1 kph:1"),
    ("mph", "mph:1"),
    ("area", "square_metres:1 square_meters:1 hectares:1e4 sq:1"),
    ("acres", "acres:1"),
    ("celsius", "ºc:1 °c:1 celsius:1"),
    ("fahrenheit", "ºf:1 °f:1 fahrenheit:1"),
):
    for _entry in _words(_entries):
        _name, _factor = _entry.split(":")
        UNITS[_name.replace("_", " ")] = (_dim, float(_factor))
DURATION_UNITS = {
    "day": 1 / 30, "days": 1 / 30, "week": 7 / 30, "weeks": 7 / 30, "month": 1.0, "months": 1.0, "year": 12.0,
    "years": 12.0, "decade": 120.0, "decades": 120.0,
}
MONTH_NAMES = ["", *_words(
    "January February March April May June July August September October November December")]
MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES) if name}
MONTHS |= {name[:3].lower(): i for i, name in enumerate(MONTH_NAMES) if name} | {"sept": 9}

# Hedges before a figure, longest first; each maps to how it bends the interval.
_HEDGE_TEXT = (
    "younger than:less|older than:more|in excess of:more|no more than:most|no fewer than:least|"
    "larger than:more|bigger than:more|smaller than:less|"
    "not more than:most|more than:more|greater than:more|higher than:more|fewer than:less|less than:less|"
    "lower than:less|at least:least|at most:most|up to:most|as many as:most|as much as:most|upwards of:more|"
    "just over:more|just under:less|close to:about|just shy of:less|an estimated:about|estimated:about|"
    "about:about|around:about|roughly:about|approximately:about|approx:about|some:about|nearly:nearly|"
    "almost:nearly|over:more|above:more|exceeding:more|under:less|below:less|~:about|>:more|<:less|≈:about|"
    "circa:about|c.:about"
)
HEDGES = [tuple(item.split(":")) for item in _HEDGE_TEXT.split("|")]
# fmt: on
_HEDGE_SEQS: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _h, _kind in HEDGES:
    _seq = tuple(_h.split())
    _HEDGE_SEQS.setdefault(_seq[-1], []).append((_seq, _kind))

# fmt: off
STOPWORDS = frozenset(_words(
    """a an the and or but of to in on at by for with from as is are was were be been being has have had do
    does did it its it's this that these those there their they them he she his her we our you your i not no
    than then so such into onto over under about around up down out off per each every all any some more
    most less least also only just very can could will would shall should may might must which who whom
    whose what when where why how while after before since until during between among across through via
    within without against upon if whether both either neither nor one ones other another same new own s
    year years annual annually yearly total totally figure figures number numbers amount amounts roughly
    nearly almost approximately million billion thousand hundred trillion bn m k mn including include
    includes said says say according reported report reports around estimated estimate approx just like last
    next this past now ago"""
))
GENERIC_WORDS = frozenset(_words("company companies firm group business world global share people time year"))

# Plural -> singular exceptions and irregular verbs, so "bought" meets "buy" and "people" meets "person".
_IRREGULAR = dict(pair.split(":") for pair in _words(
    """people:person men:man women:woman children:child bought:buy paid:pay sold:sell spent:spend built:build
    made:make led:lead grew:grow grown:grow rose:rise risen:rise fell:fall fallen:fall began:begin
    begun:begin won:win took:take taken:take gave:give given:give hired:hire employed:employ staff:staff
    data:data news:news series:series sales:sale earnings:earnings analysis:analysis bus:bus buses:bus"""
))
# Words that mean the same thing for the purpose of "is this the same figure" (the first is the key).
_SYNONYM_GROUPS = [
    "car vehicle automobile ev unit suv",
    "employee staff worker person job workforce headcount employ hire",
    # what changes hands in a deal: the amount paid, the price, the value put on it
    "buy purchase acquire acquisition pay deal takeover bid cost price value worth valuation valued",
    "invest investment spend fund funding inject capital commit",
    "revenue turnover income sale",
    "profit earning earnings",
    "factory plant facility site",
    "capacity produce production output make manufacture build",
    "start begin launch commence open debut",
    "found establish create set",
    "user customer subscriber",
    "death die kill fatality dead",
    "resident inhabitant population",
    "smartphone phone handset",
    "maker manufacturer producer",
    "review",
    "large big",
    "fan spectator visitor attendee viewer",
    "fall drop decline decrease shrink slip slide plunge",
    "rise increase grow climb jump gain surge",
    "unemployment jobless joblessness",
    "stop end halt cease discontinue scrap",
    "deliver hand ship",
    "cut reduce slash shed axe",
    "complete close finalise finalize finish seal",
    "effect force",
]
# fmt: on
SYNONYMS: dict[str, str] = {}
for _group in _SYNONYM_GROUPS:
    _members = _group.split()
    for _w in _members:
        SYNONYMS.setdefault(_w, _members[0])


@lru_cache(maxsize=65536)
def normalise_word(word: str) -> str:
    """Lower-case, drop a possessive, reduce plurals and common inflections, then map synonyms to one key."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    if w in _IRREGULAR:
        w = _IRREGULAR[w]
    elif len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w not in SYNONYMS and len(w) > 4:
        stem = None
        if w.endswith("ing") and len(w) > 5:
            stem = w[:-3]
        elif w.endswith("ied"):
            stem = w[:-3] + "y"
        elif w.endswith("ed"):
            stem = w[:-2]
        if stem is not None:
            if stem + "e" in SYNONYMS:
                stem += "e"
            elif len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                stem = stem[:-1]  # stopped -> stop
            w = stem
        if w not in SYNONYMS and len(w) > 4 and w.endswith("e"):
            w = w[:-1]  # close / closed / closing meet at "clos"
    return SYNONYMS.get(w, w)


def _is_plural(word: str) -> bool:
    w = word.lower()
    return (
        w in _IRREGULAR
        and _IRREGULAR[w] != w
        or (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")))
    )


# ----------------------------------------------------------------------------------------------------------
# Mentions


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure read from text.

    ``value`` is the normalised central value (scale applied; unit factor applied for physical units);
    ``low``/``high`` the interval the wording allows (hedges, bounds, ranges, written precision).
    ``unit_class`` is ``money``, a physical dimension (``percent``, ``length``...), or ``count``;
    ``currency`` an ISO code for money; ``noun`` the normalised counted noun ("car", "employee") when written;
    ``precision`` the unit of the last written digit ("70 million" -> 10 million, "77.4 million" -> 100,000).
    """

    text: str
    start: int
    end: int
    value: float
    low: float
    high: float
    unit_class: str
    currency: str | None = None
    unit: str | None = None
    noun: str | None = None
    hedge: str | None = None
    context: frozenset[str] = frozenset()
    precision: float = 0.0

    @property
    def kind(self) -> str:
        return "money" if self.unit_class == "money" else "number"


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


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date, period, duration or relative date.

    ``granularity``: ``day``, ``month``, ``quarter``, ``half``, ``year``, ``decade``, ``duration`` or
    ``relative`` (a relative date whose document date is unknown). ``first``/``last`` are the first and last
    month covered as ``year * 12 + month - 1`` (None for durations and unresolved relatives); ``day`` is
    set for
    day granularity; ``months`` is a duration's length in months.
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
            return f"{self.day} {MONTH_NAMES[m + 1]} {y}"
        if self.granularity == "month":
            return f"{MONTH_NAMES[m + 1]} {y}"
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


# ----------------------------------------------------------------------------------------------------------
# Shared helpers over the token stream

_SENTENCE_BREAKS = frozenset(".;!?\n")
_CONTEXT_WINDOW = 8


def _sentence_bounds(tokens: tuple[Token, ...], text: str) -> list[int]:
    """For each token, the index of the sentence (clause) it belongs to."""
    ids = []
    current = 0
    paragraphs = "\n\n" in text
    for i, tok in enumerate(tokens):
        ids.append(current)
        if (tok.kind == "sym" and tok.text in _SENTENCE_BREAKS) or (
            paragraphs and i + 1 < len(tokens) and "\n\n" in text[tok.end : tokens[i + 1].start]
        ):
            current += 1
    return ids


def _context(
    tokens: tuple[Token, ...], sent: list[int], lo: int, hi: int, window: int = _CONTEXT_WINDOW
) -> frozenset[str]:
    """Normalised content words among the ``window`` nearest words on each side of tokens[lo:hi], inside the
    same sentence (numbers, symbols and stopwords do not use up the window)."""
    words: set[str] = set()
    s_lo, s_hi = sent[lo], sent[hi - 1] if hi > lo else sent[lo]
    n = len(tokens)
    for step, start in ((-1, lo - 1), (1, hi)):
        taken = 0
        j = start
        limit = start + step * 4 * window  # bounded walk: linear time whatever lies between the words
        while 0 <= j < n and taken < window and s_lo <= sent[j] <= s_hi and j != limit:
            tok = tokens[j]
            j += step
            if tok.kind != "word":
                continue
            k = j - step
            if (k > 0 and tokens[k - 1].text == "-" and tokens[k - 1].end == tok.start) or (
                k + 1 < n and tokens[k + 1].text == "-" and tokens[k + 1].start == tok.end
            ):
                continue  # parts of compounds ("start-up", "self-driving") say little alone
            low = tok.low
            if len(low) < 3 or low in _NOT_CONTEXT:
                continue
            norm = _norm_token(tok)
            if norm not in STOPWORDS:
                words.add(norm)
                taken += 1
    return frozenset(words)


def _norm_token(tok: Token) -> str:
    """Normalise a word token; capitalised words (names) only lose case and a possessive."""
    if tok.text[0].isupper() and not tok.text.isupper() and not tok.low.endswith("ed"):
        low = tok.low.replace("’", "'")
        low = low[:-2] if low.endswith("'s") else low
        return SYNONYMS.get(low, low)
    return normalise_word(tok.low)


_NOT_CONTEXT = (
    STOPWORDS | set(MONTHS) | set(SMALL_NUMBERS) | set(TENS) | set(CURRENCY_NAMES) | set(CURRENCY_CODES)
)
_NOT_CONTEXT |= {"us", "u.s", "percent", "cent", "per", "kilometres", "km", "kwh"}


def content_words(text: str) -> frozenset[str]:
    """Normalised content words of a whole text (stopwords, numbers and month names removed)."""
    return _content_words(text)


@lru_cache(maxsize=8192)
def _content_words(text: str) -> frozenset[str]:
    out = set()
    for tok in tokenize(text):
        if tok.kind == "word" and len(tok.text) >= 3:
            low = tok.low
            if low in STOPWORDS or low in MONTHS or low in SMALL_NUMBERS or low in TENS:
                continue
            norm = _norm_token(tok)
            if norm not in STOPWORDS:
                out.add(norm)
    return frozenset(out)


def _adjacent(a: Token, b: Token) -> bool:
    return a.end == b.start


def _num_value(tok: Token) -> float | None:
    digits = tok.text.replace(",", "")
    if len(digits) > _MAX_DIGITS:
        return None
    try:
        return float(digits)
    except ValueError:
        return None


def _precision(tok_text: str) -> float:
    """The unit of the last written significant digit: "70" -> 10, "72" -> 1, "1.2" -> 0.1, "300,000" ->
    1e5."""
    digits = tok_text.replace(",", "")
    if "." in digits:
        return 10.0 ** -len(digits.split(".", 1)[1])
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped)
    return 10.0**zeros if stripped else 1.0


# ----------------------------------------------------------------------------------------------------------
# Dates (run first: numbers inside dates are not quantities)

_DATE_PREPOSITIONS = frozenset(
    _words(
        "in since by until till from during before after of through throughout between early mid late end "
        "fiscal fy year spring summer autumn fall winter circa and to or"
    )
)
_QUARTER_WORDS = {"quarter": 3, "half": 6}
_RELATIVE_YEAR = {"last": -1, "next": 1, "this": 0, "previous": -1, "coming": 1, "past": -1}


def _year_ok(v: float, tok: Token) -> bool:
    return (
        tok.kind == "num"
        and "," not in tok.text
        and "." not in tok.text
        and len(tok.text) == 4
        and (1000 <= v <= 2100)
    )


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def _parse_doc_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _scan_dates(text: str, tokens: tuple[Token, ...], sent: list[int], doc: date | None) -> list[DateMention]:
    """Dates, quarters, durations and relative dates, left to right over the tokens."""
    out: list[DateMention] = []
    n = len(tokens)
    i = 0

    def ctx(lo: int, hi: int) -> frozenset[str]:
        # a date usually scopes its whole clause: a wider window than figures get
        return _context(tokens, sent, lo, hi, window=16)

    def emit(lo: int, hi: int, gran: str, **kw) -> None:
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
                kw = {**kw, "relative": "offset"}
                gran = "relative"
        if bound is None and hi + 1 < n and (tokens[hi].low, tokens[hi + 1].low) in _DATE_POSTFIX:
            bound = _DATE_POSTFIX[(tokens[hi].low, tokens[hi + 1].low)]  # "1992 or later"
        start = tokens[lo].start
        line_start = text.rfind("\n", 0, start) + 1
        dateline = start - line_start < 60 and _DATELINE.match(text, line_start, start) is not None
        out.append(
            DateMention(
                text[tokens[lo].start : tokens[hi - 1].end],
                tokens[lo].start,
                tokens[hi - 1].end,
                gran,
                context=ctx(lo, hi),
                bound=bound,
                dateline=dateline,
                **kw,
            )
        )

    def year_at(j: int) -> int | None:
        if j < n and tokens[j].kind == "num":
            v = _num_value(tokens[j])
            if v is not None and _year_ok(v, tokens[j]):
                return int(v)
        return None

    while i < n:
        tok = tokens[i]
        low = tok.low
        if tok.kind != "num" and low not in _DATE_TRIGGERS:
            i += 1
            continue
        # ISO date 2021-08-15
        if (
            tok.kind == "num"
            and i + 4 < n
            and year_at(i) is not None
            and tokens[i + 1].text == "-"
            and tokens[i + 2].kind == "num"
            and tokens[i + 3].text == "-"
            and tokens[i + 4].kind == "num"
            and all(_adjacent(tokens[k], tokens[k + 1]) for k in range(i, i + 4))
        ):
            y, mo, d = year_at(i), _num_value(tokens[i + 2]), _num_value(tokens[i + 4])
            if y and mo and d and 1 <= mo <= 12 and 1 <= d <= 31:
                idx = _month_index(y, int(mo))
                emit(i, i + 5, "day", first=idx, last=idx, day=int(d))
                i += 5
                continue
        # Numeric dates: 25/08/2021 or 08/25/2021 (day and month told apart only when one is above 12)
        if (
            tok.kind == "num"
            and i + 4 < n
            and tokens[i + 1].text in ("/", ".", "-")
            and tokens[i + 3].text == tokens[i + 1].text
            and tokens[i + 2].kind == "num"
            and all(_adjacent(tokens[k], tokens[k + 1]) for k in range(i, i + 4))
            and year_at(i + 4) is not None
            and len(tok.text) <= 2
            and len(tokens[i + 2].text) <= 2
        ):
            a, b2, y = int(tok.text), int(tokens[i + 2].text), year_at(i + 4)
            if y is not None and 1 <= a <= 31 and 1 <= b2 <= 31:
                if a > 12 and b2 <= 12:
                    idx = _month_index(y, b2)
                    emit(i, i + 5, "day", first=idx, last=idx, day=a)
                elif b2 > 12 and a <= 12:
                    idx = _month_index(y, a)
                    emit(i, i + 5, "day", first=idx, last=idx, day=b2)
                else:
                    emit(i, i + 5, "year", first=_month_index(y, 1), last=_month_index(y, 12))
                i += 5
                continue
        # Q2 2021, Q2, H1 2021, 2Q21 is not read
        if tok.kind == "word" and low in ("q", "h") and i + 1 < n and tokens[i + 1].kind == "num":
            nxt = tokens[i + 1]
            part = _num_value(nxt)
            size = 3 if low == "q" else 6
            if _adjacent(tok, nxt) and part is not None and 1 <= part <= 12 // size and "." not in nxt.text:
                hi = i + 2
                y = year_at(hi)
                if y is None and hi + 1 < n and tokens[hi].text in (",", "'") and year_at(hi + 1):
                    y, hi = year_at(hi + 1), hi + 1
                if y is not None:
                    first = _month_index(y, int(part - 1) * size + 1)
                    emit(i, hi + 1, "quarter" if size == 3 else "half", first=first, last=first + size - 1)
                    i = hi + 1
                else:
                    emit(i, hi, "relative", relative=f"{low}{int(part)}")
                    i = hi
                continue
        # "the second quarter of 2021", "first half of 2022", "second-quarter 2021"
        if tok.kind == "word" and low in ORDINAL_WORDS and ORDINAL_WORDS[low] <= 4:
            j = i + 1
            if j < n and tokens[j].text == "-":
                j += 1
            if j < n and tokens[j].low in _QUARTER_WORDS:
                size = _QUARTER_WORDS[tokens[j].low]
                part = ORDINAL_WORDS[low]
                if part <= 12 // size:
                    k = j + 1
                    if k < n and tokens[k].low == "of":
                        k += 1
                    y = year_at(k)
                    lo = i - 1 if i > 0 and tokens[i - 1].low == "the" else i
                    if y is not None:
                        first = _month_index(y, (part - 1) * size + 1)
                        emit(
                            lo, k + 1, "quarter" if size == 3 else "half", first=first, last=first + size - 1
                        )
                        i = k + 1
                    else:
                        emit(lo, j + 1, "relative", relative=f"{'q' if size == 3 else 'h'}{part}")
                        i = j + 1
                    continue
        # Month-based: "August 15, 2021", "August 2021", "Aug. 2021", "15 August 2021", "last August"
        if tok.kind == "word" and low in MONTHS and (tok.text[0].isupper()):
            full = len(low) > 3 or low == "may"
            after = tokens[i + 1] if i + 1 < n else None
            before_num = i > 0 and tokens[i - 1].kind == "num"
            followed = after is not None and (
                after.kind == "num" or (after.text == "." and i + 2 < n and tokens[i + 2].kind == "num")
            )
            if (low == "may" or not full) and not (followed or before_num):
                i += 1  # "may" the verb, "Jun" in "Lei Jun"
                continue
            month = MONTHS[low]
            lo, hi = i, i + 1
            if hi < n and tokens[hi].text == "." and _adjacent(tok, tokens[hi]):
                hi += 1
            day = None
            if lo > 0 and tokens[lo - 1].kind == "num" and "," not in tokens[lo - 1].text:
                dv = _num_value(tokens[lo - 1])
                if dv is not None and 1 <= dv <= 31 and dv == int(dv):
                    day, lo = int(dv), lo - 1
            elif lo > 1 and tokens[lo - 1].low in _ORDINAL_SUFFIXES and tokens[lo - 2].kind == "num":
                dv = _num_value(tokens[lo - 2])
                if dv is not None and 1 <= dv <= 31:
                    day, lo = int(dv), lo - 2
            if day is None and hi < n and tokens[hi].kind == "num" and year_at(hi) is None:
                dv = _num_value(tokens[hi])
                if dv is not None and 1 <= dv <= 31 and dv == int(dv) and "," not in tokens[hi].text:
                    day, hi = int(dv), hi + 1
                    if hi < n and tokens[hi].low in _ORDINAL_SUFFIXES:
                        hi += 1
            k = hi + 1 if hi < n and tokens[hi].text == "," else hi
            y = year_at(k)
            if y is not None:
                idx = _month_index(y, month)
                if day is not None:
                    emit(lo, k + 1, "day", first=idx, last=idx, day=day)
                else:
                    emit(lo, k + 1, "month", first=idx, last=idx)
                i = k + 1
                continue
            rel = tokens[lo - 1].low if lo > 0 and day is None else None
            if rel in _RELATIVE_YEAR:
                if doc is not None:
                    offset = _RELATIVE_YEAR[rel]
                    if rel in ("last", "previous", "past"):
                        yy = doc.year if month < doc.month else doc.year - 1
                    elif rel in ("next", "coming"):
                        yy = doc.year if month > doc.month else doc.year + 1
                    else:
                        yy = doc.year + offset
                    idx = _month_index(yy, month)
                    emit(lo - 1, hi, "month", first=idx, last=idx, relative=f"{rel} {low}")
                else:
                    emit(lo - 1, hi, "relative", relative=f"{rel} {MONTH_NAMES[month].lower()}")
                i = hi
                continue
            if doc is not None and day is None:
                # A bare month in a dated document: the most recent such month (news style, "in August").
                yy = doc.year if month <= doc.month else doc.year - 1
                idx = _month_index(yy, month)
                emit(lo, hi, "month", first=idx, last=idx, relative=low)
            else:
                emit(lo, hi, "relative", relative=MONTH_NAMES[month].lower() + (f" {day}" if day else ""))
            i = hi
            continue
        # "last year", "next year", "this year"
        if (
            tok.kind == "word"
            and low in _RELATIVE_YEAR
            and i + 1 < n
            and tokens[i + 1].low in ("year", "month")
        ):
            unit = tokens[i + 1].low
            if doc is not None:
                if unit == "year":
                    y = doc.year + _RELATIVE_YEAR[low]
                    emit(
                        i,
                        i + 2,
                        "year",
                        first=_month_index(y, 1),
                        last=_month_index(y, 12),
                        relative=f"{low} year",
                    )
                else:
                    idx = _month_index(doc.year, doc.month) + _RELATIVE_YEAR[low]
                    emit(i, i + 2, "month", first=idx, last=idx, relative=f"{low} month")
            else:
                emit(i, i + 2, "relative", relative=f"{low} {unit}")
            i += 2
            continue
        # Durations: "ten years", "10 years", "a decade", "over the next decade", "18-month", "five-year"
        dur = _duration_at(tokens, i)
        if dur is not None:
            hi, months = dur
            lo = i
            if lo > 0 and tokens[lo - 1].low in ("next", "coming", "past", "last"):
                lo -= 1
                if lo > 0 and tokens[lo - 1].low == "the":
                    lo -= 1
            hedged = lo > 0 and (_hedge_before(tokens, lo) is not None or tokens[lo - 1].low == "within")
            if hedged and tokens[lo - 1].low == "over":
                hedged = False  # "over ten years" spreads something across the period
            emit(lo, hi, "duration", months=months, relative="hedged" if hedged else None)
            i = hi
            continue
        # Decades and centuries: "1990s", "the 1970's", "the 1900s" (decade or century: read as the century)
        if tok.kind == "num" and i + 1 < n and _adjacent(tok, tokens[i + 1]):
            k = i + 1
            if (
                tokens[k].text in ("'", "’")
                and k + 1 < n
                and tokens[k + 1].text == "s"
                and _adjacent(tokens[k], tokens[k + 1])
            ):
                k += 1
            v = _num_value(tok)
            if tokens[k].text == "s" and v is not None and len(tok.text) in (2, 3, 4) and "," not in tok.text:
                y = int(v)
                if y % 10 == 0 and 10 <= y <= 90 and len(tok.text) == 2:
                    emit(i, k + 1, "relative", relative=f"the {y}s")  # "the 50's": century unknown
                    i = k + 1
                    continue
                if y % 10 == 0 and 100 <= y <= 2090:
                    span = 99 if y % 100 == 0 else 9
                    emit(i, k + 1, "decade", first=_month_index(y, 1), last=_month_index(y + span, 12))
                    i = k + 1
                    continue
        # Bare years, and year ranges "2019-2021"
        if tok.kind == "num":
            y = year_at(i)
            if y is not None and _looks_like_year(tokens, i):
                hi = i + 1
                y2 = None
                if (
                    hi + 1 < n
                    and tokens[hi].low in ("and", "to")
                    and i > 0
                    and tokens[i - 1].low in ("between", "from")
                    and year_at(hi + 1)
                ):
                    y2 = year_at(hi + 1)
                    if y2 is not None and y2 > y:
                        emit(i - 1, hi + 2, "year", first=_month_index(y, 1), last=_month_index(y2, 12))
                        i = hi + 2
                        continue
                if hi + 1 < n and tokens[hi].text in ("-", "–", "/") and tokens[hi + 1].kind == "num":
                    t2 = tokens[hi + 1]
                    v2 = _num_value(t2)
                    if v2 is not None and _year_ok(v2, t2) and v2 > y:
                        y2 = int(v2)
                    elif v2 is not None and len(t2.text) == 2 and "," not in t2.text:
                        y2 = (y // 100) * 100 + int(v2)
                        y2 = y2 if y2 > y else None
                if y2 is not None:
                    emit(i, hi + 2, "year", first=_month_index(y, 1), last=_month_index(y2, 12))
                    i = hi + 2
                else:
                    emit(i, hi, "year", first=_month_index(y, 1), last=_month_index(y, 12))
                    i = hi
                continue
        i += 1
    return out


# fmt: off
# "BEIJING, August 25, 2021 (Newsdesk) -": the date a report was filed, not the date of what it reports.
_DATELINE = re.compile(r"\s*[A-Z][A-Z .'-]+,\s*$")
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


def _looks_like_year(tokens: tuple[Token, ...], i: int) -> bool:
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
        if (
            nxt.kind == "word"
            and _is_plural(nxt.text)
            and nlow not in STOPWORDS
            and not nxt.text[0].isupper()
        ):
            return False
    return True


def _age_at(tokens: tuple[Token, ...], j: int) -> bool:
    """True when tokens[j:] read "years old" / "-year-old"."""
    n = len(tokens)
    if j < n and tokens[j].text == "-":
        return (
            j + 3 < n
            and tokens[j + 1].low == "year"
            and tokens[j + 2].text == "-"
            and tokens[j + 3].low == "old"
        )
    return j + 1 < n and tokens[j].low in ("years", "year") and tokens[j + 1].low == "old"


def _duration_at(tokens: tuple[Token, ...], i: int) -> tuple[int, float] | None:
    """(end token index, months) when a duration starts at token i."""
    n = len(tokens)
    tok = tokens[i]
    low = tok.low
    count: float | None = None
    j = i + 1
    if tok.kind == "num" and "," not in tok.text:
        count = _num_value(tok)
    elif low in SMALL_NUMBERS and low not in ("zero",):
        count = float(SMALL_NUMBERS[low])
    elif low in TENS:
        count = float(TENS[low])
    elif low in ("a", "an") and j < n and tokens[j].low in ("decade", "year", "month", "week", "day"):
        count = 1.0
    elif low in ("decade", "decades") and i > 0 and tokens[i - 1].low in ("next", "past", "coming", "last"):
        return i + 1, 120.0
    if count is None or count <= 0 or count > 1000:
        return None
    if j < n and tokens[j].text == "-" and j + 1 < n:
        j += 1
    if j < n and tokens[j].low in ("half",) and j + 1 < n and tokens[j + 1].low in ("years", "year"):
        count += 0.5
        j += 1
    if _age_at(tokens, j - 1 if j > i + 1 and tokens[j - 1].text == "-" else j):
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


# ----------------------------------------------------------------------------------------------------------
# Quantities


def _read_word_number(tokens: tuple[Token, ...], i: int) -> tuple[float, int, float] | None:
    """A number written in words starting at i: (value, end index, precision)."""
    n = len(tokens)
    total = 0.0
    current = 0.0
    seen = False
    j = i
    last_end = i
    last_scale = 1.0
    while j < n:
        tok = tokens[j]
        low = tok.low
        if (
            tok.kind == "sym"
            and tok.text == "-"
            and seen
            and j + 1 < n
            and tokens[j + 1].low in SMALL_NUMBERS
        ):
            j += 1
            continue
        if low in SMALL_NUMBERS:
            current += SMALL_NUMBERS[low]
        elif low in TENS:
            current += TENS[low]
        elif low == "hundred" and (seen or low):
            current = (current or 1.0) * 100.0
            last_scale = 100.0
        elif low in _WORD_SCALES and low != "hundred":
            total += (current or 1.0) * _WORD_SCALES[low]
            current = 0.0
            last_scale = _WORD_SCALES[low]
        elif (
            low == "and"
            and seen
            and j + 1 < n
            and (tokens[j + 1].low in SMALL_NUMBERS or tokens[j + 1].low in TENS)
        ):
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
        last_end = j
    if not seen:
        return None
    return total + current, last_end, last_scale


def _currency_before(tokens: tuple[Token, ...], i: int) -> tuple[str, int] | None:
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
            and _adjacent(tokens[i - 2], prev)
        ):
            return DOLLAR_PREFIXES[tokens[i - 2].low], i - 2
        return code, i - 1
    if prev.kind == "word" and prev.low in CURRENCY_CODES and prev.text.isupper():
        return CURRENCY_CODES[prev.low], i - 1
    return None


def _currency_after(tokens: tuple[Token, ...], j: int) -> tuple[str, int] | None:
    """Currency written after a figure ("euros", "US dollars", "EUR", "Hong Kong dollars"): (code, end
    index)."""
    n = len(tokens)
    if j >= n:
        return None
    tok = tokens[j]
    low = tok.low
    if tok.kind == "word" and low in CURRENCY_CODES and tok.text.isupper():
        return CURRENCY_CODES[low], j + 1
    if low in CURRENCY_NAMES and not (low in ("won", "pound", "pounds") and not _money_context(tokens, j)):
        return CURRENCY_NAMES[low], j + 1
    # qualifier + dollars: "US dollars", "U.S. dollars", "Hong Kong dollars", "Australian dollars"
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


def _money_context(tokens: tuple[Token, ...], j: int) -> bool:
    # "won" and "pounds" are ordinary words too; only take them as money straight after a scale word.
    return j > 0 and tokens[j - 1].low in SCALE_WORDS


def _counted_noun(tokens: tuple[Token, ...], j: int, sent: list[int]) -> tuple[str | None, int]:
    """The counted noun after a figure: "300,000 electric cars" -> "car". Returns (noun, end index)."""
    n = len(tokens)
    if j < n and tokens[j].text == "-" and j + 1 < n and tokens[j + 1].kind == "word":
        # "450,000-car factory", "300-strong team"
        word = tokens[j + 1].low
        if word not in STOPWORDS and word not in DURATION_UNITS:
            return normalise_word(word), j + 2
        return None, j
    run: list[int] = []
    k = j
    while k < n and len(run) < 3 and tokens[k].kind == "word" and sent[k] == sent[j - 1 if j else 0]:
        low = tokens[k].low
        if (
            tokens[k].text.isupper()
            and k + 2 < n
            and tokens[k + 1].text == "-"
            and tokens[k + 2].kind == "num"
        ):
            k += 3  # "COVID-19 cases": the name is a modifier, the noun follows
            continue
        if low in STOPWORDS or low in MONTHS or low in CURRENCY_NAMES:
            break
        if tokens[k].text[0].isupper() and run:
            break
        run.append(k)
        k += 1
        if _is_plural(tokens[k - 1].text):
            break
    if not run:
        return None, j
    for idx in run:
        if _is_plural(tokens[idx].text):
            return normalise_word(tokens[idx].low), idx + 1
    if len(run) == 1 and tokens[run[0]].low.endswith("ly"):
        return None, j
    return normalise_word(tokens[run[-1]].low), run[-1] + 1


def _unit_at(tokens: tuple[Token, ...], j: int) -> tuple[str, str, float, int] | None:
    """A unit straight after a figure: (unit text, dimension, factor, end index)."""
    n = len(tokens)
    if j >= n:
        return None
    two = f"{tokens[j].low} {tokens[j + 1].low}" if j + 1 < n else ""
    if two in UNITS:
        dim, factor = UNITS[two]
        return two, dim, factor, j + 2
    low = tokens[j].low
    if tokens[j].text in ("°", "º") and j + 1 < n and tokens[j + 1].low in ("c", "f"):
        return f"°{tokens[j + 1].low}", *UNITS[f"°{tokens[j + 1].low}"], j + 2
    # "km/h"
    if low == "km" and j + 2 < n and tokens[j + 1].text == "/" and tokens[j + 2].low == "h":
        return "km/h", "speed", 1.0, j + 3
    if tokens[j].text == "%" or low in UNITS:
        dim, factor = UNITS["%" if tokens[j].text == "%" else low]
        return tokens[j].text, dim, factor, j + 1
    return None


def _hedge_before(tokens: tuple[Token, ...], i: int) -> tuple[str, str, int] | None:
    """A hedge or bound ending just before token i: (hedge text, kind, index of its first token)."""
    if i == 0:
        return None
    for seq, kind in _HEDGE_SEQS.get(tokens[i - 1].low, ()):
        k = len(seq)
        if i - k < 0:
            continue
        if all(tokens[i - k + m].low == seq[m] for m in range(k)):
            if seq == ("some",) and i - 2 >= 0 and tokens[i - 2].low in ("for", "of"):
                continue
            if (
                k == 1
                and seq[0] in ("over", "under", "above", "below")
                and i >= 2
                and (tokens[i - 2].low in _PARTICLE_VERBS)
            ):
                continue  # "handed over 735 aircraft": a phrasal verb, not a bound
            return " ".join(seq), kind, i - k
    return None


_ID_WORDS = frozenset(
    _words(
        "code codes route flight model version chapter section page line highway interstate episode "
        "season no number room apartment suite article paragraph act rule grade level phase stage gate "
        "platform terminal class type"
    )
)


_PARTICLE_VERBS = frozenset(
    _words(
        "hand take turn pass sign win give carry roll switch change get come go bring hold tip push hang "
        "watch preside fight argue handed took taken turned passed signed won gave carried rolled "
        "switched changed got came went brought held tipped pushed hung"
    )
)
# "21 degrees and above", "50 or more", "10 or fewer"
_POSTFIX_BOUNDS = {
    (a, b): kind
    for kind, pairs in (
        ("least", "or more|and more|or above|and above|and over|or over|or higher|and up"),
        ("most", "or less|or fewer|and below|or below|and under|or under|or lower"),
    )
    for a, b in (p.split() for p in pairs.split("|"))
}
_NAME_OK_AFTER_NUMBER = frozenset(MONTHS) | frozenset(CURRENCY_CODES) | frozenset(UNITS) | {"m", "bn", "k"}
_HEDGE_WORDS = frozenset(w for h, _ in HEDGES for w in h.split())


def _apply_bounds(value: float, precision: float, hedge: str | None) -> tuple[float, float]:
    """The interval a figure stands for, given its hedge and the precision it is written with."""
    rounding = min(precision / 2.0, abs(value) * 0.03)
    if hedge == "about":
        spread = max(abs(value) * 0.1, rounding)
        return value - spread, value + spread
    if hedge == "nearly":
        return value - max(abs(value) * 0.1, rounding), value
    if hedge == "more":
        return value * (1 + 1e-9) + 1e-12, float("inf")
    if hedge == "least":
        return value, float("inf")
    if hedge == "less":
        return float("-inf"), value * (1 - 1e-9) - 1e-12
    if hedge == "most":
        return float("-inf"), value
    return value - rounding, value + rounding


_NUMBER_WORDS = frozenset(SMALL_NUMBERS) | frozenset(TENS) | frozenset(_WORD_SCALES) | frozenset(DOZEN)


def _scan_quantities(
    text: str, tokens: tuple[Token, ...], sent: list[int], taken: list[tuple[int, int]]
) -> list[Quantity]:
    out: list[Quantity] = []
    n = len(tokens)
    in_taken = _taken_lookup(taken)

    i = 0
    while i < n:
        tok = tokens[i]
        if (tok.kind != "num" and tok.low not in _NUMBER_WORDS) or in_taken(tok.start):
            i += 1
            continue
        value: float | None = None
        precision = 1.0
        j = i + 1
        i_start = i
        if tok.kind == "num":
            value = _num_value(tok)
            if value is None:
                i += 1
                continue
            prev = tokens[i - 1] if i > 0 else None
            # identifiers and parts of other things: "Boeing 737", "COVID-19", "ZIP code 11102", "5:30",
            # "No. 1"
            if prev is not None and (
                (prev.kind == "word" and prev.low in _ID_WORDS)
                or (prev.text in (":", "#", "/") and _adjacent(prev, tok))
                or (prev.kind == "word" and _adjacent(prev, tok))
                or (
                    prev.text == "-"
                    and _adjacent(prev, tok)
                    and i > 1
                    and tokens[i - 2].kind == "word"
                    and _adjacent(tokens[i - 2], prev)
                )
                or (
                    prev.kind == "word"
                    and prev.text[:1].isupper()
                    and "," not in tok.text
                    and prev.low not in CURRENCY_CODES
                    and prev.low not in MONTHS
                    and prev.low not in STOPWORDS
                    and prev.low not in _HEDGE_WORDS
                )
            ):
                i += 1
                continue
            if j < n and tokens[j].low in _ORDINAL_SUFFIXES and _adjacent(tok, tokens[j]):
                i = j + 1  # "3rd" is a rank, read elsewhere
                continue
            if j < n and tokens[j].text == ":" and _adjacent(tok, tokens[j]):
                i = j + 1
                continue
            nxt_tok = tokens[j] if j < n else None
            if (
                nxt_tok is not None
                and nxt_tok.kind == "word"
                and nxt_tok.text[0].isupper()
                and "," not in tok.text
                and nxt_tok.low not in _NAME_OK_AFTER_NUMBER
                and not (i > 0 and tokens[i - 1].text in CURRENCY_SYMBOLS)
            ):
                i = j + 1  # "337 Squadron", "737 MAX", "Route 66 Diner": a name, not a figure
                continue
            precision = _precision(tok.text)
        elif tok.kind == "word" and (tok.low in SMALL_NUMBERS or tok.low in TENS or tok.low in _WORD_SCALES):
            if (
                tok.text[0].isupper()
                and i > 0
                and tokens[i - 1].kind == "word"
                and tokens[i - 1].text[0].isupper()
            ):
                i += 1  # "Fast Five", "Big Three": part of a name
                continue
            if tok.low in ("one", "zero") and not (j < n and tokens[j].low in _WORD_SCALES):
                i += 1
                continue
            if tok.low in _WORD_SCALES and not (i > 0 and tokens[i - 1].low in ("a", "one")):
                i += 1
                continue
            read = _read_word_number(tokens, i)
            if read is None:
                i += 1
                continue
            value, j, precision = read
            start_tok = i - 1 if i > 0 and tokens[i - 1].low == "a" and tok.low in _WORD_SCALES else i
            if j < n and tokens[j].text == "-" and j + 1 < n and tokens[j + 1].low in ORDINAL_WORDS:
                i = j + 2
                continue
            i_start = start_tok
        elif tok.kind == "word" and tok.low in DOZEN:
            value, precision = 12.0, 12.0
            if i > 0 and (tokens[i - 1].low in SMALL_NUMBERS or tokens[i - 1].low in TENS):
                i += 1
                continue
        else:
            i += 1
            continue

        # scale word or suffix: "8.5bn", "$10 billion", "300k", "70M", "8,500 million", "1.2m"
        scale = 1.0
        if j < n and tokens[j].low in SCALE_WORDS and tok.kind == "num":
            s_tok = tokens[j]
            if (
                s_tok.low == "b"
                and not _adjacent(tok, s_tok)
                or s_tok.low == "k"
                and not _adjacent(tok, s_tok)
            ):
                pass
            else:
                scale = SCALE_WORDS[s_tok.low]
                j += 1
                if j < n and tokens[j].low in ("dozen",):
                    pass
        elif j < n and tokens[j].text in ("m", "M") and tok.kind == "num" and _adjacent(tok, tokens[j]):
            # "M" is million; lower-case "m" is million for money or before a plural noun, else metres.
            if (
                tokens[j].text == "M"
                or _currency_before(tokens, i) is not None
                or (j + 1 < n and (tokens[j + 1].kind == "word" and _is_plural(tokens[j + 1].text)))
            ):
                scale = 1e6
                j += 1
        elif j < n and tokens[j].low in DOZEN:
            value *= 12
            precision *= 12
            j += 1
        value *= scale
        precision *= scale

        # ranges "between 3 and 4 million", "3 to 4 million", "3-4 million"
        low_v: float | None = None
        high_v: float | None = None
        cur_first = _currency_before(tokens, i_start)
        before_range = cur_first[1] if cur_first is not None else i_start
        range_hedge = before_range > 0 and tokens[before_range - 1].low in ("between", "from")
        sym_gap = 1 if j + 2 < n and tokens[j + 1].text in CURRENCY_SYMBOLS else 0
        if (
            j + 1 + sym_gap < n
            and tokens[j].low in ("to", "-", "–", "and")
            and tokens[j + 1 + sym_gap].kind == "num"
        ) and (tokens[j].low != "and" or range_hedge):
            t2 = tokens[j + 1 + sym_gap]
            v2 = _num_value(t2)
            k = j + 2 + sym_gap
            scale2 = 1.0
            if (
                k < n
                and (
                    tokens[k].low in SCALE_WORDS
                    or tokens[k].text == "M"
                    or (tokens[k].text == "m" and sym_gap)
                )
                and tokens[k].low not in ("b", "k")
            ):
                scale2 = SCALE_WORDS.get(tokens[k].low, 1e6)
                k += 1
            if v2 is not None:
                if scale == 1.0 and scale2 != 1.0:
                    value *= scale2
                    precision *= scale2
                v2 *= scale2 if scale2 != 1.0 else scale
                if v2 > value:
                    low_v, high_v = value, v2
                    j = k
        # currency and unit
        currency = None
        cur_before = _currency_before(tokens, i_start)
        if cur_before is not None:
            currency, i_start = cur_before
        cur_after = _currency_after(tokens, j)
        if cur_after is not None and currency is None:
            currency, j = cur_after
        elif cur_after is not None:
            j = cur_after[1]
        unit = None
        unit_class = "count"
        noun = None
        if currency is not None:
            unit_class = "money"
        else:
            u = _unit_at(tokens, j)
            if u is not None:
                unit, unit_class, factor, j = u
                value *= factor
                precision *= factor
                if low_v is not None and high_v is not None:
                    low_v, high_v = low_v * factor, high_v * factor
            elif _age_at(tokens, j):
                # "39 years old", "a 39-year-old": an age, compared as a figure (with its hedges)
                unit, unit_class = "years old", "age"
                j = j + 4 if tokens[j].text == "-" else j + 2
            elif j < n and tokens[j].low in DURATION_UNITS:
                i = j + 1  # a duration, read by the date scan (e.g. "1.5 years")
                continue
            else:
                noun, j_noun = _counted_noun(tokens, j, sent)
                if noun is not None:
                    j = j_noun
                elif i_start > 1 and tokens[i_start - 1].low == "of" and tokens[i_start - 2].kind == "word":
                    before = tokens[i_start - 2].low
                    if before not in STOPWORDS:
                        noun = normalise_word(before)  # "a workforce of 300", "capacity of 300,000"
        # hedge / bound
        hedge = None
        hedge_kind = None
        hb = _hedge_before(tokens, i_start)
        if hb is not None:
            hedge, hedge_kind, i_start = hb
        elif j < n and tokens[j].text == "+" and _adjacent(tokens[j - 1], tokens[j]):
            hedge, hedge_kind = "+", "least"
            j += 1
        elif j + 1 < n and (tokens[j].low, tokens[j + 1].low) in _POSTFIX_BOUNDS:
            hedge_kind = _POSTFIX_BOUNDS[(tokens[j].low, tokens[j + 1].low)]
            hedge = f"{tokens[j].low} {tokens[j + 1].low}"
            j += 2
        if low_v is not None and high_v is not None:
            lo, hi = low_v, high_v
            if hedge_kind == "about":
                lo, hi = lo * 0.9, hi * 1.1
            if i_start > 0 and tokens[i_start - 1].low in ("between", "from"):
                i_start -= 1
            hedge = hedge or "between"
        else:
            lo, hi = _apply_bounds(value, precision, hedge_kind)
            if hedge_kind is None:
                hedge = None
        start, end = tokens[i_start].start, tokens[j - 1].end
        ctx = _context(tokens, sent, i_start, j)
        if noun is not None:
            ctx = ctx - {noun}
        out.append(
            Quantity(
                text=text[start:end],
                start=start,
                end=end,
                value=value if low_v is None else (low_v + high_v) / 2,
                low=lo,
                high=hi,
                unit_class=unit_class,
                currency=currency,
                unit=unit,
                noun=noun,
                hedge=hedge,
                context=ctx,
                precision=precision,
            )
        )
        i = j
    return out


def _taken_lookup(taken: list[tuple[int, int]]):
    """A test "is this offset inside one of these spans", fast for the common case of few spans."""
    if not taken:
        return lambda pos: False
    spans = sorted(taken)
    starts = [a for a, _ in spans]

    def inside(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and spans[k][0] <= pos < spans[k][1]

    return inside


def _starts_sentence(tokens: tuple[Token, ...], i: int) -> bool:
    return i == 0 or tokens[i - 1].text in _SENTENCE_BREAKS or tokens[i - 1].text in ('"', "“", "(")


# ----------------------------------------------------------------------------------------------------------
# Ranks

_SUPERLATIVES = dict(
    pair.split(":")
    for pair in _words(
        "largest:large biggest:large top:large leading:large greatest:large smallest:small highest:high "
        "lowest:low richest:rich poorest:poor busiest:busy oldest:old youngest:young fastest:fast "
        "slowest:slow best:best worst:worst most:most tallest:tall longest:long shortest:short "
        "best-selling:best-selling bestselling:best-selling populous:populous"
    )
)


_ASPIRATION = frozenset(
    _words(
        "aim aims aimed aiming become becoming want wants goal ambition target targets hope hopes seek seeks"
    )
)
_PLACING_VERBS = frozenset(
    _words("finished finish finishes came come comes placed place ranked ranks rank ended ends end rated")
)
_RANK_TRIGGERS = frozenset(ORDINAL_WORDS) | frozenset(_SUPERLATIVES) | {"no", "number"}


def _scan_ranks(
    text: str, tokens: tuple[Token, ...], sent: list[int], taken: list[tuple[int, int]]
) -> list[Rank]:
    out: list[Rank] = []
    n = len(tokens)
    i = 0
    in_taken = _taken_lookup(taken)

    def noun_after(j: int) -> tuple[str | None, int]:
        words = []
        k = j
        while k < n and len(words) < 3 and tokens[k].kind == "word" and tokens[k].low not in STOPWORDS:
            words.append(normalise_word(tokens[k].low))
            k += 1
            if k < n and tokens[k].text == "-" and k + 1 < n and tokens[k + 1].kind == "word":
                k += 1
        return (" ".join(words) if words else None), k

    while i < n:
        tok = tokens[i]
        low = tok.low
        if (tok.kind != "num" and low not in _RANK_TRIGGERS) or in_taken(tok.start):
            i += 1
            continue
        position = None
        lo, j = i, i + 1
        if low in ORDINAL_WORDS:
            position = ORDINAL_WORDS[low]
        elif tok.kind == "num" and j < n and tokens[j].low in _ORDINAL_SUFFIXES and _adjacent(tok, tokens[j]):
            v = _num_value(tok)
            if v is not None and v == int(v) and 0 < v < 10000:
                position = int(v)
                j += 1
        elif low in ("no", "number") and j < n:
            k = j + 1 if tokens[j].text == "." and low == "no" else j
            if k < n and tokens[k].kind == "num" and (low == "number" or tok.text == "No"):
                v = _num_value(tokens[k])
                if v is not None and v == int(v) and 0 < v < 1000:
                    position, j = int(v), k + 1
            elif (
                k < n
                and tokens[k].low in SMALL_NUMBERS
                and low == "number"
                and tokens[k].low in ("one", "two")
            ):
                position, j = SMALL_NUMBERS[tokens[k].low], k + 1
        elif low in _SUPERLATIVES and low not in ("most", "top", "leading"):
            # bare superlative: "the largest", "world's biggest"; "one of the largest" is not a rank
            prev = tokens[i - 1].low if i > 0 else ""
            definite = i == 0 or prev == "the" or prev.endswith(("'s", "’s"))
            if any(tokens[b].low in _ASPIRATION for b in range(max(0, i - 6), i)):
                definite = False  # "aims to become the largest": a goal, not a rank
            if definite and not (i >= 3 and tokens[i - 3].low == "one" and tokens[i - 2].low == "of"):
                position = 1
        if position is None:
            i += 1
            continue
        scale = None
        if position is not None and low not in _SUPERLATIVES:
            k = j
            if k < n and tokens[k].text == "-" and _adjacent(tokens[k - 1], tokens[k]):
                k += 1
            if k < n and tokens[k].low in _SUPERLATIVES:
                scale = _SUPERLATIVES[tokens[k].low]
                j = k + 1
            elif k < n and tokens[k].low == "most" and k + 1 < n and tokens[k + 1].kind == "word":
                scale = "most " + tokens[k + 1].low
                j = k + 2
        else:
            scale = _SUPERLATIVES[low]
        if (
            scale is None
            and (low in ORDINAL_WORDS or tok.kind == "num")
            and (
                any(tokens[b].low in _PLACING_VERBS for b in range(max(0, lo - 4), lo))
                or (j < n and tokens[j].low == "place")
            )
        ):
            scale = "place"  # "finished third", "came 2nd", "in fifth place"
            if j < n and tokens[j].low == "place":
                j += 1
        # a bare ordinal ("third child", "first round") counts only with its noun; "first quarter" is a date
        if (
            scale is None
            and low in ORDINAL_WORDS
            and j < n
            and (tokens[j].low in ("quarter", "half") or tokens[j].low in DURATION_UNITS)
        ):
            i = j
            continue
        noun, end_k = noun_after(j)
        if scale is None and noun is None and low not in ("no", "number"):
            i = j
            continue
        start, end = tokens[lo].start, tokens[j - 1].end
        out.append(
            Rank(text[start:end], start, end, position, scale, noun, _context(tokens, sent, lo, end_k))
        )
        i = j
    return out


# ----------------------------------------------------------------------------------------------------------
# Public entry points


@dataclass(frozen=True, slots=True)
class Mentions:
    """Everything read from one text."""

    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    ranks: tuple[Rank, ...]


@lru_cache(maxsize=16384)
def extract(text: str, doc_date: str | None = None) -> Mentions:
    """Read quantities, dates and ranks from ``text``; relative dates resolve against ``doc_date`` (ISO)."""
    if not isinstance(text, str):
        raise InputError(f"expected text, got {type(text).__name__}")
    tokens = tokenize(text)
    if not tokens:
        return Mentions((), (), ())
    sent = _sentence_bounds(tokens, text)
    dates = _scan_dates(text, tokens, sent, _parse_doc_date(doc_date))
    taken = [(d.start, d.end) for d in dates]
    ranks = _scan_ranks(text, tokens, sent, taken)
    taken_q = taken + [
        (r.start, r.end)
        for r in ranks
        if r.scale is not None or r.noun is not None or r.text.lower().startswith(("no", "number"))
    ]
    quantities = _scan_quantities(text, tokens, sent, taken_q)
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
