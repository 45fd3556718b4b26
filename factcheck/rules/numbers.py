"""Figures read from the token stream: numbers in digits or words, their scale, range, currency, unit or
counted noun, and the hedge that bends their interval ("about 70", "more than 450,000", "3-4 million").

A figure starts at a digit token or a number word (:data:`FIGURE_STARTS` decide whether one starts there),
then :data:`FIGURE_STEPS` read, in order, what follows and precedes it. A new way of writing figures is a new
start or step (with its cases in ``tests/rules/cases/numbers.jsonl`` or ``money.jsonl``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from factcheck.rules.lexicon import (
    CURRENCY_CODES,
    CURRENCY_NAMES,
    CURRENCY_SYMBOLS,
    DOZEN,
    DURATION_UNITS,
    HEDGE_SEQS,
    HEDGE_WORDS,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_SUFFIXES,
    ORDINAL_WORDS,
    SCALE_WORDS,
    SMALL_NUMBERS,
    STOPWORDS,
    TENS,
    UNITS,
    WORD_SCALES,
    is_plural,
    normalise_word,
    words,
)
from factcheck.rules.money import currency_after, currency_before
from factcheck.rules.tokens import Tokens, adjacent, context, num_value, precision, taken_lookup

__all__ = ["Quantity", "FIGURE_STARTS", "FIGURE_STEPS", "scan_quantities", "hedge_before", "age_at"]


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


# ---------------------------------------------------------------------------------------------- words

_ID_WORDS = frozenset(
    words(
        "code codes route flight model version chapter section page line highway interstate episode "
        "season no number room apartment suite article paragraph act rule grade level phase stage gate "
        "platform terminal class type"
    )
)
_PARTICLE_VERBS = frozenset(
    words(
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

# ------------------------------------------------------------------------------------ token readers


def read_word_number(tokens: Tokens, i: int) -> tuple[float, int, float] | None:
    """A number written in words starting at i: (value, end index, precision)."""
    n = len(tokens)
    total = 0.0
    current = 0.0
    seen = False
    j = i
    last_end = i
    last_scale = 1.0
    while j < n:
        low = tokens[j].low
        joined = (
            j + 1 < n
            and seen
            and (
                (tokens[j].kind == "sym" and tokens[j].text == "-" and tokens[j + 1].low in SMALL_NUMBERS)
                or (low == "and" and (tokens[j + 1].low in SMALL_NUMBERS or tokens[j + 1].low in TENS))
            )
        )
        if joined:
            j += 1  # "twenty-five", "three hundred and twenty"
            continue
        if low in SMALL_NUMBERS:
            current += SMALL_NUMBERS[low]
        elif low in TENS:
            current += TENS[low]
        elif low == "hundred":
            current = (current or 1.0) * 100.0
            last_scale = 100.0
        elif low in WORD_SCALES:
            total += (current or 1.0) * WORD_SCALES[low]
            current = 0.0
            last_scale = WORD_SCALES[low]
        else:
            break
        seen = True
        j += 1
        last_end = j
    if not seen:
        return None
    return total + current, last_end, last_scale


def hedge_before(tokens: Tokens, i: int) -> tuple[str, str, int] | None:
    """A hedge or bound ending just before token i: (hedge text, kind, index of its first token)."""
    if i == 0:
        return None
    for seq, kind in HEDGE_SEQS.get(tokens[i - 1].low, ()):
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


def age_at(tokens: Tokens, j: int) -> bool:
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


def _coordinated_head(tokens: Tokens, k: int, sent: list[int]) -> bool:
    """Whether the "and" at ``k`` joins a modifier to another one before a shared plural head: one or two
    words after it, the second or the only one plural ("propaganda and training films")."""
    ahead = [t for m, t in enumerate(tokens[k + 1 : k + 3], k + 1) if sent[m] == sent[k]]
    if not ahead or any(t.kind != "word" or t.low in STOPWORDS for t in ahead):
        return False
    return is_plural(ahead[-1].text) and not is_plural(tokens[k - 1].text)


def _counted_noun(tokens: Tokens, j: int, sent: list[int]) -> tuple[str | None, int]:
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
    while k < n and len(run) < 4 and sent[k] == sent[j - 1 if j else 0]:
        if (
            tokens[k].text == "-"
            and run
            and k + 1 < n
            and tokens[k + 1].kind == "word"
            and tokens[k - 1].end == tokens[k].start
            and tokens[k].end == tokens[k + 1].start
        ):
            k += 1  # "arbitrarily-chosen trend-lines": a hyphenated word is one modifier or noun
            continue
        if tokens[k].kind != "word":
            break
        low = tokens[k].low
        if (
            tokens[k].text.isupper()
            and k + 2 < n
            and tokens[k + 1].text == "-"
            and tokens[k + 2].kind == "num"
        ):
            k += 3  # "COVID-19 cases": the name is a modifier, the noun follows
            continue
        if low in ("and", "or") and run and _coordinated_head(tokens, k, sent):
            k += 1  # "400 propaganda and training films": the modifiers share the head noun
            continue
        if low in STOPWORDS or low in MONTHS or low in CURRENCY_NAMES:
            break
        if tokens[k].text[0].isupper() and run:
            break
        run.append(k)
        k += 1
        if is_plural(tokens[k - 1].text):
            break
    if not run:
        return None, j
    for idx in run:
        if is_plural(tokens[idx].text):
            return normalise_word(tokens[idx].low), idx + 1
    if len(run) == 1 and tokens[run[0]].low.endswith(("ly", "ed")):
        return None, j  # "three highlighted in the report", "two largely": no counted noun
    return normalise_word(tokens[run[-1]].low), run[-1] + 1


def _unit_at(tokens: Tokens, j: int) -> tuple[str, str, float, int] | None:
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


def apply_bounds(value: float, precision: float, hedge: str | None) -> tuple[float, float]:
    """The interval a figure stands for, given its hedge and the precision it is written with."""
    # Half a unit of the last digit, open at the ends: "75" and "76" touch at 75.5 but cannot both hold.
    rounding = min(precision / 2.0, abs(value) * 0.03) * (1 - 1e-6)
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


# ----------------------------------------------------------------------------------------------- scan


@dataclass
class QuantityScan:
    """The text being read: its tokens and the clause of each."""

    text: str
    tokens: Tokens
    sent: list[int]

    @property
    def n(self) -> int:
        return len(self.tokens)


@dataclass
class Figure:
    """A figure being read: where its number is (``i``), how far it reaches (``start``, ``j``: the mention
    is ``tokens[start:j]``) and what has been read of it so far."""

    i: int
    j: int
    start: int
    value: float
    precision: float
    scale: float = 1.0
    low: float | None = None  # set for a range ("3 to 4 million")
    high: float | None = None
    currency: str | None = None
    unit: str | None = None
    unit_class: str = "count"
    noun: str | None = None
    hedge: str | None = None
    hedge_kind: str | None = None

    @property
    def ranged(self) -> bool:
        return self.low is not None and self.high is not None


FigureStart = Callable[[QuantityScan, int], Figure | int | None]
"""``start(scan, i)``: a :class:`Figure` when a figure of the start's kind begins at token ``i``; the index
to go on from when the token is of its kind but no figure (an identifier, an ordinal); None otherwise."""
FigureStep = Callable[[QuantityScan, Figure], int | None]
"""``step(scan, figure)``: reads one more part of the figure; returns an index to go on from when the
figure turns out to be no quantity after all (a duration, read by the date scan), else None."""


def _glued(tokens: Tokens, i: int, mark: str, kind: str) -> bool:
    """Whether token ``i`` is written right after ``mark``, itself right after a token of ``kind``
    ("COVID-19", "1,5")."""
    if i < 2:
        return False
    before, prev = tokens[i - 2], tokens[i - 1]
    return prev.text == mark and before.kind == kind and adjacent(before, prev) and adjacent(prev, tokens[i])


def _identifier_before(tokens: Tokens, i: int) -> bool:
    """A digit token that is part of something else: "Boeing 737", "COVID-19", "ZIP code 11102", "5:30",
    "No. 1"."""
    prev = tokens[i - 1] if i > 0 else None
    if prev is None:
        return False
    tok = tokens[i]
    return (
        (prev.kind == "word" and prev.low in _ID_WORDS)
        or (prev.text in (":", "#", "/") and adjacent(prev, tok))
        # "1,5 metres": a decimal comma (its digits are no thousands group), neither part a figure
        or _glued(tokens, i, ",", "num")
        or (prev.kind == "word" and adjacent(prev, tok))
        or _glued(tokens, i, "-", "word")
        or (
            prev.kind == "word"
            and prev.text[:1].isupper()
            and "," not in tok.text
            and prev.low not in CURRENCY_CODES
            and prev.low not in MONTHS
            and prev.low not in STOPWORDS
            and prev.low not in HEDGE_WORDS
            and not _amount_follows(tokens, i)
        )
    )


def _amount_follows(tokens: Tokens, i: int) -> bool:
    """Whether a scale word, a currency or "%" follows digit token ``i``: an amount ("give Xiaomi 2 billion
    yuan"), not a model number ("Boeing 737")."""
    if i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    return nxt.text == "%" or nxt.low in SCALE_WORDS or nxt.low in CURRENCY_NAMES or nxt.low in CURRENCY_CODES


def _digits(scan: QuantityScan, i: int) -> Figure | int | None:
    """A figure written in digits ("300,000", "8.5"), unless it is an identifier, an ordinal, a time or part
    of a name."""
    tokens, n = scan.tokens, scan.n
    tok = tokens[i]
    if tok.kind != "num":
        return None
    value = num_value(tok)
    if value is None or _identifier_before(tokens, i):
        return i + 1
    j = i + 1
    if j < n and tokens[j].low in ORDINAL_SUFFIXES and adjacent(tok, tokens[j]):
        return j + 1  # "3rd" is a rank, read elsewhere
    if j < n and tokens[j].text == ":" and adjacent(tok, tokens[j]):
        return j + 1
    nxt = tokens[j] if j < n else None
    if (
        nxt is not None
        and nxt.kind == "word"
        and nxt.text[0].isupper()
        and "," not in tok.text
        and nxt.low not in _NAME_OK_AFTER_NUMBER
        and not (i > 0 and tokens[i - 1].text in CURRENCY_SYMBOLS)
    ):
        return j + 1  # "337 Squadron", "737 MAX", "Route 66 Diner": a name, not a figure
    return Figure(i=i, j=j, start=i, value=value, precision=precision(tok.text))


def _zero_counts_a_noun(tokens: Tokens, i: int) -> bool:
    """ "Zero" counting a plural noun at most one word on ("zero films", "zero American actors"); not "net
    zero", "zero-emission" or "zero tolerance"."""
    if i > 0 and tokens[i - 1].low in ("net", "ground", "absolute", "near"):
        return False
    ahead = tokens[i + 1 : i + 3]
    if not ahead or ahead[0].kind != "word":
        return False
    return any(t.kind == "word" and len(t.text) > 3 and t.low.endswith("s") for t in ahead)


def _number_words(scan: QuantityScan, i: int) -> Figure | int | None:
    """A figure written in words ("three hundred", "twenty-five thousand", "a million")."""
    tokens, n = scan.tokens, scan.n
    tok, low = tokens[i], tokens[i].low
    if not (tok.kind == "word" and (low in SMALL_NUMBERS or low in TENS or low in WORD_SCALES)):
        return None
    j = i + 1
    if tok.text[0].isupper() and i > 0 and tokens[i - 1].kind == "word" and tokens[i - 1].text[0].isupper():
        return i + 1  # "Fast Five", "Big Three": part of a name
    if low == "zero" and _zero_counts_a_noun(tokens, i):
        return Figure(i=i, j=j, start=i, value=0.0, precision=1.0)
    if low in ("one", "zero") and not (j < n and tokens[j].low in WORD_SCALES):
        return i + 1
    if low in WORD_SCALES and not (i > 0 and tokens[i - 1].low in ("a", "one")):
        return i + 1
    read = read_word_number(tokens, i)
    if read is None:
        return i + 1
    value, j, written = read
    if j < n and tokens[j].text == "-" and j + 1 < n and tokens[j + 1].low in ORDINAL_WORDS:
        return j + 2
    start = i - 1 if i > 0 and tokens[i - 1].low == "a" and low in WORD_SCALES else i
    return Figure(i=i, j=j, start=start, value=value, precision=written)


def _dozen(scan: QuantityScan, i: int) -> Figure | int | None:
    """ "a dozen" (but "two dozen" is read from "two")."""
    tokens = scan.tokens
    tok = tokens[i]
    if not (tok.kind == "word" and tok.low in DOZEN):
        return None
    if i > 0 and (tokens[i - 1].low in SMALL_NUMBERS or tokens[i - 1].low in TENS):
        return i + 1
    return Figure(i=i, j=i + 1, start=i, value=12.0, precision=12.0)


def _scale(scan: QuantityScan, fig: Figure) -> None:
    """A scale word or suffix: "8.5bn", "$10 billion", "300k", "70M", "8,500 million", "1.2m", "two dozen"."""
    tokens, n, j = scan.tokens, scan.n, fig.j
    digits = tokens[fig.i].kind == "num"
    if j < n and tokens[j].low in SCALE_WORDS and digits:
        if tokens[j].low not in ("b", "k") or adjacent(tokens[fig.i], tokens[j]):
            fig.scale = SCALE_WORDS[tokens[j].low]
            fig.j += 1
    elif j < n and tokens[j].text in ("m", "M") and digits and adjacent(tokens[fig.i], tokens[j]):
        # "M" is million; lower-case "m" is million for money or before a plural noun, else metres.
        if (
            tokens[j].text == "M"
            or currency_before(tokens, fig.i) is not None
            or (j + 1 < n and (tokens[j + 1].kind == "word" and is_plural(tokens[j + 1].text)))
        ):
            fig.scale = 1e6
            fig.j += 1
    elif j < n and tokens[j].low in DOZEN:
        fig.value *= 12
        fig.precision *= 12
        fig.j += 1
    fig.value *= fig.scale
    fig.precision *= fig.scale


def _range(scan: QuantityScan, fig: Figure) -> None:
    """A range: "between 3 and 4 million", "3 to 4 million", "3-4 million", "$3-$4 billion"."""
    tokens, n, j = scan.tokens, scan.n, fig.j
    first_currency = currency_before(tokens, fig.start)
    before_range = first_currency[1] if first_currency is not None else fig.start
    range_hedge = before_range > 0 and tokens[before_range - 1].low in ("between", "from")
    sym_gap = 1 if j + 2 < n and tokens[j + 1].text in CURRENCY_SYMBOLS else 0
    if not (
        j + 1 + sym_gap < n
        and tokens[j].low in ("to", "-", "–", "and")
        and tokens[j + 1 + sym_gap].kind == "num"
        and (tokens[j].low != "and" or range_hedge)
    ):
        return
    v2 = num_value(tokens[j + 1 + sym_gap])
    k = j + 2 + sym_gap
    scale2 = 1.0
    if (
        k < n
        and (tokens[k].low in SCALE_WORDS or tokens[k].text == "M" or (tokens[k].text == "m" and sym_gap))
        and tokens[k].low not in ("b", "k")
    ):
        scale2 = SCALE_WORDS.get(tokens[k].low, 1e6)
        k += 1
    if v2 is None:
        return
    if fig.scale == 1.0 and scale2 != 1.0:
        fig.value *= scale2
        fig.precision *= scale2
    v2 *= scale2 if scale2 != 1.0 else fig.scale
    if v2 > fig.value:
        fig.low, fig.high = fig.value, v2
        fig.j = k


def _currency(scan: QuantityScan, fig: Figure) -> None:
    """A currency before ("€", "US$", "EUR") or after ("euros", "Hong Kong dollars") the figure: money."""
    before = currency_before(scan.tokens, fig.start)
    if before is not None:
        fig.currency, fig.start = before
    after = currency_after(scan.tokens, fig.j)
    if after is not None and fig.currency is None:
        fig.currency, fig.j = after
    elif after is not None:
        fig.j = after[1]
    if fig.currency is not None:
        fig.unit_class = "money"


def _unit_or_noun(scan: QuantityScan, fig: Figure) -> int | None:
    """What a figure that is not money measures or counts: a unit ("700 km"), an age ("39 years old"),
    a counted noun ("300,000 cars", "a workforce of 300"); a duration ("1.5 years") is left to the dates."""
    if fig.currency is not None:
        return None
    tokens, j = scan.tokens, fig.j
    unit = _unit_at(tokens, j)
    if unit is not None:
        fig.unit, fig.unit_class, factor, fig.j = unit
        fig.value *= factor
        fig.precision *= factor
        if fig.low is not None and fig.high is not None:
            fig.low, fig.high = fig.low * factor, fig.high * factor
    elif age_at(tokens, j):
        # "39 years old", "a 39-year-old": an age, compared as a figure (with its hedges)
        fig.unit, fig.unit_class = "years old", "age"
        fig.j = j + 4 if tokens[j].text == "-" else j + 2
    elif j < scan.n and tokens[j].low in DURATION_UNITS:
        return j + 1  # a duration, read by the date scan (e.g. "1.5 years")
    else:
        noun, j_noun = _counted_noun(tokens, j, scan.sent)
        if noun is not None:
            fig.noun, fig.j = noun, j_noun
        elif fig.start > 1 and tokens[fig.start - 1].low == "of" and tokens[fig.start - 2].kind == "word":
            before = tokens[fig.start - 2].low
            if before not in STOPWORDS:
                fig.noun = normalise_word(before)  # "a workforce of 300", "capacity of 300,000"
    return None


def _hedge(scan: QuantityScan, fig: Figure) -> None:
    """A hedge or bound: before ("about", "more than"), or after ("300,000+", "50 or more")."""
    tokens, n, j = scan.tokens, scan.n, fig.j
    found = hedge_before(tokens, fig.start)
    if found is not None:
        fig.hedge, fig.hedge_kind, fig.start = found
    elif j < n and tokens[j].text == "+" and adjacent(tokens[j - 1], tokens[j]):
        fig.hedge, fig.hedge_kind = "+", "least"
        fig.j += 1
    elif j + 1 < n and (tokens[j].low, tokens[j + 1].low) in _POSTFIX_BOUNDS:
        fig.hedge_kind = _POSTFIX_BOUNDS[(tokens[j].low, tokens[j + 1].low)]
        fig.hedge = f"{tokens[j].low} {tokens[j + 1].low}"
        fig.j += 2


_SHARES = {"half": 50.0, "third": 100 / 3, "thirds": 100 / 3, "quarter": 25.0, "quarters": 25.0}
_SHARES_PLURAL = frozenset({"thirds", "quarters"})
_CLOCK = frozenset({"hour", "minute", "second", "century", "mile", "kilometre", "kilometer"})
_SHARE_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3}


def _share_words(scan: QuantityScan, i: int) -> Figure | int | None:
    """A share written in words, "half of", "a third of", "two thirds of", "three quarters of": a per-cent
    figure (so "nearly half" meets "48%"); "the first half of 2024" is a period, read by the dates."""
    tokens, n = scan.tokens, scan.n
    low = tokens[i].low
    if low in _SHARE_COUNTS and i + 2 < n and tokens[i + 1].low in _SHARES and tokens[i + 2].low == "of":
        count, start, share = _SHARE_COUNTS[low], i, i + 1
    elif low in _SHARES and i + 1 < n and tokens[i + 1].low == "of":
        count, start, share = 1, i, i
        if i > 0 and tokens[i - 1].low in ("a", "one"):
            start = i - 1
        elif low != "half" or (i > 0 and (tokens[i - 1].low in ORDINAL_WORDS or tokens[i - 1].low == "the")):
            return i + 1
    else:
        return None
    after = tokens[share + 2 : share + 4]
    if (
        len(after) == 2
        and after[0].low in ("a", "an")
        and (after[1].low in WORD_SCALES or after[1].low in DURATION_UNITS or after[1].low in _CLOCK)
    ):
        return share + 1  # "a quarter of a million", "three quarters of an hour": no share
    if (tokens[share].low in _SHARES_PLURAL) != (count > 1) and tokens[share].low != "half":
        return share + 1  # "two third of", "a thirds of": not a share
    value = round(count * _SHARES[tokens[share].low], 2)
    fig = Figure(i=i, j=share + 1, start=start, value=value, precision=0.1 * value)
    fig.unit, fig.unit_class = "%", "percent"
    return fig


FIGURE_STARTS: tuple[FigureStart, ...] = (_digits, _share_words, _number_words, _dozen)
"""How a figure can begin, tried in this order."""
FIGURE_STEPS: tuple[FigureStep, ...] = (_scale, _range, _currency, _unit_or_noun, _hedge)
"""What is read around a figure once it has begun, in this order."""


def _quantity(scan: QuantityScan, fig: Figure) -> Quantity:
    """The figure as a :class:`Quantity`: its interval (from the range, the hedge or the written
    precision), its text and its context."""
    tokens = scan.tokens
    if fig.low is not None and fig.high is not None:
        lo, hi = fig.low, fig.high
        if fig.hedge_kind == "about":
            lo, hi = lo * 0.9, hi * 1.1
        if fig.start > 0 and tokens[fig.start - 1].low in ("between", "from"):
            fig.start -= 1
        hedge = fig.hedge or "between"
        value = (fig.low + fig.high) / 2
    else:
        lo, hi = apply_bounds(fig.value, fig.precision, fig.hedge_kind)
        hedge = fig.hedge if fig.hedge_kind is not None else None
        value = fig.value
    start, end = tokens[fig.start].start, tokens[fig.j - 1].end
    ctx = context(tokens, scan.sent, fig.start, fig.j)
    if fig.noun is not None:
        ctx = ctx - {fig.noun}
    return Quantity(
        text=scan.text[start:end],
        start=start,
        end=end,
        value=value,
        low=lo,
        high=hi,
        unit_class=fig.unit_class,
        currency=fig.currency,
        unit=fig.unit,
        noun=fig.noun,
        hedge=hedge,
        context=ctx,
        precision=fig.precision,
    )


def _read_figure(scan: QuantityScan, i: int) -> tuple[Quantity | None, int]:
    """The quantity starting at token ``i`` (or None) and the index to go on from."""
    for begin in FIGURE_STARTS:
        started = begin(scan, i)
        if started is None:
            continue
        if isinstance(started, int):
            return None, started
        for step in FIGURE_STEPS:
            skip = step(scan, started)
            if skip is not None:
                return None, skip
        return _quantity(scan, started), started.j
    return None, i + 1


def scan_quantities(
    text: str, tokens: Tokens, sent: list[int], taken: list[tuple[int, int]]
) -> list[Quantity]:
    """The figures of ``text``, left to right; tokens inside the ``taken`` spans (dates, ranks) are
    skipped."""
    scan = QuantityScan(text, tokens, sent)
    in_taken = taken_lookup(taken)
    out: list[Quantity] = []
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        starts = tok.kind == "num" or tok.low in NUMBER_WORDS or tok.low in _SHARES
        if not starts or in_taken(tok.start):
            i += 1
            continue
        found, i = _read_figure(scan, i)
        if found is not None:
            out.append(found)
    return out
