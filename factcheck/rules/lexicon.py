"""The word tables of the project, in one place: number words, months, currencies, units, hedges, stop words,
and the normalisation that lets "bought" meet "buy" and "staff" meet "employees".

Every stage reads dates, figures and function words from here (the figure reader, the name finder, the
draft reader's date parser, the BM25 query builder), so a word means the same thing everywhere. Tables are
written as whitespace-separated literals (:func:`words`) to stay compact and diff-friendly.
"""

from __future__ import annotations

from functools import lru_cache


def words(text: str) -> list[str]:
    """Whitespace-separated words of a literal (keeps word tables compact)."""
    return text.split()


# ------------------------------------------------------------------------------------------ numbers

# fmt: off
SMALL_NUMBERS = {w: i for i, w in enumerate(words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"))}
TENS = {w: 10 * i for i, w in enumerate(words("_ _ twenty thirty forty fifty sixty seventy eighty ninety"))
        if i > 1}
WORD_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALE_WORDS = {
    **WORD_SCALES, "k": 1e3, "thousands": 1e3, "mn": 1e6, "mln": 1e6, "millions": 1e6, "bn": 1e9, "b": 1e9,
    "billions": 1e9, "tn": 1e12, "trn": 1e12,
}
DOZEN = {"dozen": 12}
ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(words(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"))}
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
# fmt: on
NUMBER_WORDS = frozenset(SMALL_NUMBERS) | frozenset(TENS) | frozenset(WORD_SCALES) | frozenset(DOZEN)

# ------------------------------------------------------------------------------------------- money

# fmt: off
CURRENCY_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW"}
CURRENCY_CODES = {c.lower(): c for c in words("EUR USD GBP JPY CNY INR CHF KRW HKD AUD CAD SEK")}
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
    for w in words(names)
}
# "Hong Kong dollars", "Australian dollars": a qualifier before the currency name.
DOLLAR_QUALIFIERS = {
    "us": "USD", "u.s.": "USD", "american": "USD", "hong kong": "HKD", "australian": "AUD", "canadian": "CAD",
    "singapore": "SGD", "taiwan": "TWD", "new taiwan": "TWD",
}
# fmt: on

# ------------------------------------------------------------------------------------------- units


def _units() -> dict[str, tuple[str, float]]:
    """Units with a dimension and a factor to the dimension's base unit ("_" stands for a space)."""
    table = (
        ("percent", "%:1 percent:1 per_cent:1 pct:1"),
        ("points", "percentage_points:1 points:1"),
        (
            "length",
            "km:1e3 kilometres:1e3 kilometers:1e3 kilometre:1e3 kilometer:1e3 metres:1 meters:1 metre:1",
        ),
        ("length", "meter:1"),
        ("miles", "miles:1 mile:1"),
        (
            "mass",
            "kg:1 kilograms:1 tonnes:1e3 tons:1e3 tonne:1e3 ton:1e3 metric_tons:1e3 metric_tonnes:1e3 "
            "metric_ton:1e3 metric_tonne:1e3 megatonnes:1e9 megatons:1e9 gigatonnes:1e12 gigatons:1e12",
        ),
        ("energy", "wh:1 kwh:1e3 mwh:1e6 gwh:1e9 twh:1e12"),
        ("power", "w:1 kw:1e3 mw:1e6 gw:1e9"),
        ("horsepower", "hp:1 horsepower:1"),
        ("speed", "km/h:1 kph:1"),
        ("mph", "mph:1"),
        ("area", "square_metres:1 square_meters:1 hectares:1e4 sq:1"),
        ("acres", "acres:1"),
        ("celsius", "ºc:1 °c:1 celsius:1 degrees_celsius:1 degree_celsius:1"),
        ("fahrenheit", "ºf:1 °f:1 fahrenheit:1 degrees_fahrenheit:1 degree_fahrenheit:1"),
    )
    units: dict[str, tuple[str, float]] = {}
    for dimension, entries in table:
        for entry in words(entries):
            name, factor = entry.split(":")
            units[name.replace("_", " ")] = (dimension, float(factor))
    return units


UNITS = _units()
# Durations in months.
DURATION_UNITS = {
    "day": 1 / 30, "days": 1 / 30, "week": 7 / 30, "weeks": 7 / 30, "month": 1.0, "months": 1.0, "year": 12.0,
    "years": 12.0, "decade": 120.0, "decades": 120.0,
}  # fmt: skip

# ------------------------------------------------------------------------------------ months, days

MONTH_NAMES = tuple(
    words("January February March April May June July August September October November December")
)
WEEKDAY_NAMES = tuple(words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"))
# Lower-case month names and abbreviations ("aug", "sept") to the month's number, 1 to 12.
MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}
MONTHS |= {name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, start=1)} | {"sept": 9}
# A month name or abbreviation as written in running text ("August", "Aug.", "Sept"), for date patterns.
MONTH_RE = "(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=lambda m: (-len(m), m))) + r")\.?"

# ------------------------------------------------------------------------------------------ hedges

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
# The hedges by their last word, for reading them backwards from a figure.
HEDGE_SEQS: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _hedge, _kind in HEDGES:
    _sequence = tuple(_hedge.split())
    HEDGE_SEQS.setdefault(_sequence[-1], []).append((_sequence, _kind))
HEDGE_WORDS = frozenset(w for h, _ in HEDGES for w in h.split())

# -------------------------------------------------------------------------------------- stop words

# Function words: they match nearly every passage, so BM25 queries leave them out.
FUNCTION_WORDS = frozenset(
    words(
        """a about an and are as at be been but by can could did do does for from had has have he her his how
        i if in into is it its may might more most no not of on or our she should so some such than that the
        their them then there these they this those to was we were what when where which while who whom why
        will with would you your"""
    )
)
# Words that say nothing about what a figure counts: the function words, and report and figure vocabulary.
STOPWORDS = FUNCTION_WORDS | frozenset(
    words(
        """being it's whose onto over under around up down out off per each every all any also only just very
        shall must within without against upon whether both either neither nor one ones other another same
        new own s after before since until during between among across through via less least year years
        annual annually yearly total totally figure figures number numbers amount amounts roughly nearly
        almost approximately million billion thousand hundred trillion bn m k mn including include includes
        said says say according reported report reports estimated estimate approx like last next past now
        ago"""
    )
)
# The words a span may share with a claim without matching it, for the verifier's span ranking: a subset of
# STOPWORDS that leaves scale words, hedges and time words ("million", "around", "year") to count as a match.
MATCH_STOPWORDS = frozenset(
    words(
        "a an the of in on at to for by with from and or but is are was were be been being has have "
        "had do does did it its this that these those as than then there their they he she his her "
        "we our you your not no will would can could should may might about over under into after "
        "before during while which who whom what when where how also more most less such only just "
        "said says"
    )
)

GENERIC_WORDS = frozenset(words("company companies firm group business world global share people time year"))

# ----------------------------------------------------------------------------------- normalisation

# Plural -> singular exceptions and irregular verbs, so "bought" meets "buy" and "people" meets "person".
IRREGULAR = dict(
    pair.split(":")
    for pair in words(
        """people:person men:man women:woman children:child bought:buy paid:pay sold:sell spent:spend
        built:build made:make led:lead grew:grow grown:grow rose:rise risen:rise fell:fall fallen:fall
        began:begin begun:begin won:win took:take taken:take gave:give given:give hired:hire employed:employ
        staff:staff data:data news:news series:series sales:sale earnings:earnings analysis:analysis
        bus:bus buses:bus"""
    )
)
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
    "death die died kill fatality dead",
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
SYNONYMS: dict[str, str] = {}
for _group in _SYNONYM_GROUPS:
    _members = _group.split()
    for _member in _members:
        SYNONYMS.setdefault(_member, _members[0])


def _stem(w: str) -> str:
    """Drop an -ing/-ed ending (and a doubled consonant or final e) from a word that is no synonym key."""
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
    return w


@lru_cache(maxsize=65536)
def normalise_word(word: str) -> str:
    """Lower-case, drop a possessive, reduce plurals and common inflections, then map synonyms to one key."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    if w in IRREGULAR:
        w = IRREGULAR[w]
    elif len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w not in SYNONYMS and len(w) > 4:
        w = _stem(w)
    return SYNONYMS.get(w, w)


def is_plural(word: str) -> bool:
    """A plural noun by its spelling ("cars", "people"; not "bus", "analysis")."""
    w = word.lower()
    return (
        w in IRREGULAR
        and IRREGULAR[w] != w
        or (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")))
    )


# Words that name what a date dates: a birth, a founding, a deal, a release (normalised).
DATE_EVENT_WORDS = frozenset(SYNONYMS.values()) | frozenset(
    normalise_word(w)
    for w in words(
        "born die died found founded marry married release released elect elected win won sign signed "
        "announce announced complete completed close closed open opened launch launched start started end "
        "ended sell sold publish published premiere premiered retire retired join joined leave left appoint "
        "appointed hold held take took begin began deliver delivered build built buy bought acquire acquired "
        "merge merged form formed establish established create created incorporate incorporated debut "
        "debuted fly flew air aired unveil unveiled introduce introduced inaugurate inaugurated discover "
        "discovered invent invented "
        "award awarded receive received ban banned pass passed expire expired merger deal law strike "
        "election contract agreement takeover treaty ceasefire listing recall lockdown"
    )
)
