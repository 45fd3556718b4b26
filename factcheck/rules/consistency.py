"""Deterministic consistency of a claim with one piece of evidence: figures, money, dates, ranks and names.

``compare(claim, evidence)`` reads both texts (``factcheck.rules.quantities``, ``factcheck.rules.names``),
pairs each claim mention with the evidence mention that speaks about the same thing, and says whether they
agree, conflict, or are unrelated, with a reason an editor can read. Every claim mention gets one finding.

The rules favour precision: a false conflict makes a true claim come out contradicted, a missed one only
leaves the decision to the verdict model.

- Figures are compared only within one unit class (the same currency - never converted -, the same physical
  dimension, or counts of the same noun). Each claim figure meets its best-related evidence figure; a conflict
  is reported only when no related evidence figure agrees and the pair is strongly related: the same counted
  noun, a shared content word around both (names do not count; synonyms such as "bought"/"paid"/"price" do),
  or the only figure of its class on both sides with no context at all ("€700M" vs "€70M").
- Intervals come from hedges and written precision: "about 70" is 63-77, "more than 450,000" is above
  450,000, an unhedged "72" is exact up to its rounding (at most 3%). A bound meets the other side's written
  value ("over 79%" conflicts with "79%"), unless that value is round ("more than $3 billion" vs "$3
  billion" is left open). An evidence bound never establishes an exact claim ("up to €1 billion").
- Dates agree when their periods overlap at the coarser granularity ("2024" and "March 2024"), conflict when
  disjoint and about the same event (a shared event word such as "founded", "bought", "start", or two shared
  words). "before"/"after"/"by"/"or later" make open periods; durations compare in months; hedged durations,
  datelines ("BEIJING, August 25, 2021 (Newsdesk) -") and date arithmetic ("ten years after 2000") never
  conflict.
- Ranks with a superlative or a placing conflict when positions differ; bare ordinals ("second plant",
  "first factory") name different things and never conflict.
- Subjects: when the claim names organisations and the evidence names none of them, the evidence may be
  about anything, so nothing in it conflicts with the claim (agreements stay, weakened) - unless a place the
  claim names is in the evidence too. When the evidence gives the claim's figure (or superlative rank) for
  another organisation named before it in its clause, that is the "right figure, wrong company" error: an
  ``organisation`` conflict, and the figure finding is ``unrelated``. Places work alike, in slots that hold
  one place (a factory, a headquarters, a summit) or tied by an agreeing figure.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from functools import lru_cache

from factcheck.errors import InputError
from factcheck.rules.dates import DateMention
from factcheck.rules.lexicon import SYNONYMS, normalise_word, words
from factcheck.rules.money import CURRENCY_SIGNS
from factcheck.rules.names import NameMention, extract_names, place_within, same_organisation
from factcheck.rules.numbers import Quantity
from factcheck.rules.quantities import extract
from factcheck.rules.ranks import Rank
from factcheck.rules.tokens import content_words

__all__ = ["Finding", "compare", "AGREE", "CONFLICT", "UNRELATED", "KINDS"]

AGREE = "agree"
CONFLICT = "conflict"
UNRELATED = "unrelated"
KINDS = ("number", "money", "date", "rank", "place", "organisation")

# Relatedness needed to call two mentions the same slot: agreement may be looser than conflict.
_AGREE_MIN = 0.3
_CONFLICT_MIN = 0.5
# Context words that make a place slot exclusive (a factory is in one city; a company is based in one place).
_EXCLUSIVE_PLACE_WORDS = frozenset(
    words(
        "factory plant headquarter headquarters based born capital located hq die open build capacity "
        "summit conference meeting talks held hold"
    )
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One claim mention judged against the evidence.

    ``kind``: number, money, date, rank, place or organisation. ``outcome``: agree, conflict or unrelated.
    Offsets index into the claim and the evidence text; the evidence fields are None when nothing in the
    evidence speaks to the claim mention. ``strength`` (0-1) says how sure the pairing and the outcome are.
    """

    kind: str
    claim_mention: str
    claim_start: int
    claim_end: int
    evidence_mention: str | None
    evidence_start: int | None
    evidence_end: int | None
    outcome: str
    reason: str
    strength: float

    def to_dict(self) -> dict:
        """Plain JSON-ready form."""
        return asdict(self)


def compare(
    claim: str, evidence: str, claim_date: str | None = None, evidence_date: str | None = None
) -> list[Finding]:
    """Findings for every figure, date, rank and name in ``claim``, judged against ``evidence``.

    ``claim_date``/``evidence_date`` (ISO ``YYYY-MM-DD``) resolve relative dates ("last August", "next year");
    without them such dates are compared only with the same relative wording.
    """
    if not isinstance(claim, str) or not isinstance(evidence, str):
        raise InputError("compare() needs two strings: a claim and a piece of evidence")
    return list(_compare(claim, evidence, claim_date, evidence_date))


# ----------------------------------------------------------------------------------------------------------
# Context helpers


@lru_cache(maxsize=16384)
def _name_words(text: str) -> frozenset[str]:
    """Lower-case words that belong to names in ``text`` (they do not count as shared context)."""
    words: set[str] = set()
    for m in extract_names(text):
        for w in m.text.lower().replace("’", "'").split():
            words.add(w[:-2] if w.endswith("'s") else w)
        words.update(m.key.split())
    return frozenset(words)


def _relatedness(ca: frozenset[str], cb: frozenset[str], names: frozenset[str], sole: bool) -> float:
    """How surely two mentions fill the same slot, from the content words around them."""
    shared = ca & cb
    plain = shared - names
    if len(plain) >= 2:
        return 0.8
    if len(plain) == 1:
        return 0.6
    ca_plain, cb_plain = ca - names, cb - names
    if sole and not ca_plain and not cb_plain:
        return 0.5  # two bare figures ("€700M" and "€70M"): nothing says they differ in subject
    if sole and (not ca_plain or not cb_plain):
        return 0.4
    if shared:
        return 0.35
    return 0.3 if sole else 0.0


# ----------------------------------------------------------------------------------------------------------
# Quantities


def _only_one(items) -> bool:
    """True when the iterable yields exactly one item (stops at the second)."""
    count = 0
    for _ in items:
        count += 1
        if count > 1:
            return False
    return count == 1


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
    rel = _relatedness(q.context, e.context, names, sole)
    if q.noun or e.noun:
        rel = min(rel, 0.45)  # one side counts something the other does not name: agree at most
    return rel


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


def _compare_quantity(
    q: Quantity, ev: tuple[Quantity, ...], names: frozenset[str], claim_q: tuple[Quantity, ...]
):
    same = [e for e in ev if _same_class(q, e)]
    kind = q.kind
    if not same:
        return None, 0.0
    sole = len(same) == 1 and _only_one(c for c in claim_q if _same_class(c, q))
    scored = sorted(((_quantity_relatedness(q, e, names, sole), e) for e in same), key=lambda t: -t[0])
    floor = max(_AGREE_MIN, scored[0][0] - 0.2)  # agreement comes from the best-related figures only
    agreeing = [(r, e) for r, e in scored if r >= floor and _agrees(q, e)]
    if agreeing:
        r, e = agreeing[0]
        contained = q.low <= e.low and e.high <= q.high
        strength = round(min(1.0, r) * (1.0 if contained else 0.8), 2)
        reason = f"claim says {_describe_quantity(q)}; evidence says {_describe_quantity(e)}"
        return (kind, e, AGREE, reason, strength), r
    conflicting = [(r, e) for r, e in scored if r >= _CONFLICT_MIN and not _compatible(q, e)]
    compatible = [(r, e) for r, e in scored if r >= _CONFLICT_MIN and _compatible(q, e)]
    if compatible and (not conflicting or compatible[0][0] >= conflicting[0][0]):
        # Overlapping but not established ("more than 3 million" vs "over 2.3 million"): no verdict.
        r, e = compatible[0]
        reason = f"claim says {_describe_quantity(q)}; evidence says only {_describe_quantity(e)}"
        return (kind, e, UNRELATED, reason, 0.0), 0.0
    same_value = next((e for _, e in scored if _agrees(q, e)), None)
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


# ----------------------------------------------------------------------------------------------------------
# Dates


def _compare_date(
    d: DateMention, ev: tuple[DateMention, ...], names: frozenset[str], claim_d: tuple[DateMention, ...]
):
    if d.granularity == "duration":
        same = [e for e in ev if e.granularity == "duration"]
        if not same:
            return None
        sole = len(same) == 1 and _only_one(c for c in claim_d if c.granularity == "duration")
        scored = sorted(
            ((_relatedness(d.context, e.context, names, sole), e) for e in same), key=lambda t: -t[0]
        )
        for r, e in scored:
            if r >= _AGREE_MIN and abs((e.months or 0) - (d.months or 0)) <= 0.1 * max(d.months or 0, 1e-9):
                return (
                    e,
                    AGREE,
                    f"claim says {d.label()}; evidence says {e.label()}",
                    round(min(1.0, r + 0.2), 2),
                )
        r, e = scored[0]
        hedged = d.relative == "hedged" or e.relative == "hedged"  # "less than 20 days" vs "ten days"
        if r >= _CONFLICT_MIN and _same_event(d, e, names, sole) and not hedged:
            return e, CONFLICT, f"claim says {d.label()}; evidence says {e.label()}", 0.7
        return None
    if d.first is None or d.last is None:
        same = [e for e in ev if e.relative is not None and e.relative == d.relative]
        if same:
            return same[0], AGREE, f"both say {d.text.lower()}", 0.6
        return None
    same = [e for e in ev if e.span() is not None and e.granularity != "duration"]
    if not same:
        return None
    sole = len(same) == 1 and _only_one(c for c in claim_d if c.first is not None)
    scored = sorted(((_relatedness(d.context, e.context, names, sole), e) for e in same), key=lambda t: -t[0])
    d_lo, d_hi = d.span()  # type: ignore[misc]
    same_day_level = d.granularity == "day" and not d.bound
    for r, e in scored:
        if r < _AGREE_MIN and not (e.first == d.first and e.last == d.last):
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
            reason += " (evidence is less precise)"
        return e, AGREE, reason, 1.0 if within else 0.6
    for r, e in scored:
        if r < _CONFLICT_MIN:
            break
        if not _same_event(d, e, names, sole):
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


_EVENT_WORDS = frozenset(SYNONYMS.values()) | frozenset(
    normalise_word(w)
    for w in words(
        "born die died found founded marry married release released elect elected win won sign signed "
        "announce announced complete completed close closed open opened launch launched start started end "
        "ended sell sold publish published premiere premiered retire retired join joined leave left appoint "
        "appointed hold held take took begin began deliver delivered build built buy bought acquire acquired "
        "merge merged "
        "award awarded receive received ban banned pass passed expire expired merger deal law strike "
        "election contract agreement takeover treaty ceasefire listing recall lockdown"
    )
)


def _same_event(d: DateMention, e: DateMention, names: frozenset[str], sole: bool) -> bool:
    """Dates conflict only about one event: a shared event word, two shared words, or bare dates."""
    d_plain, e_plain = d.context - names, e.context - names
    shared = d_plain & e_plain
    if len(shared) >= 2 or shared & _EVENT_WORDS:
        return True
    return sole and not d_plain and not e_plain


def _date_label(d: DateMention) -> str:
    return f"{d.bound} {d.label()}" if d.bound else d.label()


# ----------------------------------------------------------------------------------------------------------
# Ranks


def _rank_words(r: Rank) -> frozenset[str]:
    return frozenset((r.noun or "").split()) | r.context


def _compare_rank(k: Rank, ev: tuple[Rank, ...], names: frozenset[str], claim_r: tuple[Rank, ...]):
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
            rel = _relatedness(_rank_words(k), _rank_words(e), names, sole)
        scored.append((rel, e))
    scored.sort(key=lambda t: -t[0])
    for r, e in scored:
        if r >= _AGREE_MIN and e.position == k.position:
            return (
                e,
                AGREE,
                f"claim says {_rank_label(k)}; evidence says {_rank_label(e)}",
                round(min(1.0, r), 2),
            )
    r, e = scored[0]
    bare_ordinal = k.scale is None and not k.text.lower().startswith(("no", "number"))
    if r >= _CONFLICT_MIN and not bare_ordinal:  # "second plant" and "first factory" are two things
        return (
            e,
            CONFLICT,
            f"claim says {_rank_label(k)}; evidence says {_rank_label(e)}",
            0.9 if r >= 0.8 else 0.7,
        )
    return None


def _rank_label(r: Rank) -> str:
    return r.text + (f" {r.noun}" if r.noun and r.noun not in r.text.lower() else "")


# ----------------------------------------------------------------------------------------------------------
# Names


def _place_match(a: NameMention, b: NameMention) -> bool:
    return a.key == b.key or place_within(a.key, b.key) or place_within(b.key, a.key)


def _same_place_slot(a: NameMention, b: NameMention) -> bool:
    """Two places that could fill the same slot: both cities, both countries... (unknown fits city/region)."""
    if a.demonym != b.demonym and (a.place_type == "city" or b.place_type == "city"):
        return False
    ta, tb = a.place_type, b.place_type
    if ta == tb:
        return True
    return {ta, tb} <= {"unknown", "city", "region"} and "unknown" in (ta, tb)


def _mentioned(name: NameMention, evidence_low: str) -> bool:
    key = name.key
    if len(key) < 2:
        return False
    idx = evidence_low.find(key)
    while idx != -1:
        before = evidence_low[idx - 1] if idx > 0 else " "
        after = evidence_low[idx + len(key)] if idx + len(key) < len(evidence_low) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        idx = evidence_low.find(key, idx + 1)
    return False


@dataclass(frozen=True, slots=True)
class _NameSides:
    claim_orgs: tuple[NameMention, ...]
    claim_places: tuple[NameMention, ...]
    ev_orgs: tuple[NameMention, ...]
    ev_places: tuple[NameMention, ...]
    orgs_missing: tuple[NameMention, ...]  # claim organisations the evidence does not name
    orgs_extra: tuple[NameMention, ...]  # evidence organisations the claim does not name
    places_missing: tuple[NameMention, ...]
    places_extra: tuple[NameMention, ...]


def _dedupe(mentions: list[NameMention]) -> tuple[NameMention, ...]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.key not in seen:
            seen.add(m.key)
            out.append(m)
    return tuple(out)


def _dateline_place(text: str, m: NameMention) -> bool:
    """ "BEIJING, August 25 (Newsdesk) -": where a report was filed, not a place in what it reports."""
    line_start = text.rfind("\n", 0, m.start) + 1
    return (
        m.kind == "place"
        and m.text.isupper()
        and not text[line_start : m.start].strip()
        and text[m.end : m.end + 1] == ","
    )


def _name_sides(claim: str, evidence: str) -> _NameSides:
    cn = tuple(m for m in extract_names(claim) if not _dateline_place(claim, m))
    en = tuple(m for m in extract_names(evidence) if not _dateline_place(evidence, m))
    c_orgs = _dedupe([m for m in cn if m.kind == "organisation"])
    c_places = _dedupe([m for m in cn if m.kind == "place"])
    e_orgs = _dedupe([m for m in en if m.kind == "organisation"])
    e_places = _dedupe([m for m in en if m.kind == "place"])
    ev_low, cl_low = evidence.lower().replace("’", "'"), claim.lower().replace("’", "'")
    orgs_missing = tuple(
        m
        for m in c_orgs
        if not any(same_organisation(m.key, e.key) for e in e_orgs) and not _mentioned(m, ev_low)
    )
    orgs_extra = tuple(
        e
        for e in e_orgs
        if not any(same_organisation(e.key, m.key) for m in c_orgs) and not _mentioned(e, cl_low)
    )
    places_missing = tuple(
        m
        for m in c_places
        if not _mentioned(m, ev_low)
        and not any(e.key == m.key or place_within(e.key, m.key) for e in e_places)
        and not (
            any(place_within(m.key, e.key) for e in e_places)
            and not any(_same_place_slot(m, e) and not _place_match(m, e) for e in e_places)
        )
    )
    places_extra = tuple(
        e for e in e_places if not any(_place_match(e, m) for m in c_places) and not _mentioned(e, cl_low)
    )
    return _NameSides(
        c_orgs, c_places, e_orgs, e_places, orgs_missing, orgs_extra, places_missing, places_extra
    )


def _nearest(mentions: tuple[NameMention, ...], pos: int) -> NameMention:
    return min(mentions, key=lambda m: abs(m.start - pos))


# ----------------------------------------------------------------------------------------------------------
# The comparison


@lru_cache(maxsize=32768)
def _compare(
    claim: str, evidence: str, claim_date: str | None, evidence_date: str | None
) -> tuple[Finding, ...]:
    cm = extract(claim, claim_date)
    em = extract(evidence, evidence_date)
    names = _name_words(claim) | _name_words(evidence)
    sides = _name_sides(claim, evidence)

    # Different subject: the claim's organisations (or places) are all absent and the evidence names others.
    org_subject_differs = (
        bool(sides.claim_orgs) and len(sides.orgs_missing) == len(sides.claim_orgs) and bool(sides.orgs_extra)
    )
    # A shared place pins the subject too ("the factory in Beijing" for "Xiaomi's Beijing plant").
    shared_place = any(m.key == e.key for m in sides.claim_places for e in sides.ev_places)
    claim_orgs_absent = (
        bool(sides.claim_orgs) and len(sides.orgs_missing) == len(sides.claim_orgs) and not shared_place
    )
    place_counterparts = [
        (m, e) for m in sides.places_missing for e in sides.places_extra if _same_place_slot(m, e)
    ]
    place_subject_differs = (
        bool(sides.claim_places)
        and len(sides.places_missing) == len(sides.claim_places)
        and bool(place_counterparts)
    )

    findings: list[Finding] = []
    anchors: list[tuple[int, int]] = []  # (claim position, evidence position) of agreeing figures/ranks
    pending: list[int] = []

    for q in cm.quantities:
        result, _ = _compare_quantity(q, em.quantities, names, cm.quantities)
        if result is None:
            findings.append(
                _unrelated(
                    q.kind, q.text, q.start, q.end, f"evidence gives no comparable figure for {q.text}"
                )
            )
            continue
        kind, e, outcome, reason, strength = result
        findings.append(
            Finding(kind, q.text, q.start, q.end, e.text, e.start, e.end, outcome, reason, strength)
        )
        if outcome == AGREE:
            anchors.append((q.start, e.start))
        pending.append(len(findings) - 1)

    for k in cm.ranks:
        result = _compare_rank(k, em.ranks, names, cm.ranks)
        if result is None:
            findings.append(
                _unrelated("rank", k.text, k.start, k.end, f"evidence gives no comparable rank for {k.text}")
            )
            continue
        e, outcome, reason, strength = result
        findings.append(
            Finding("rank", k.text, k.start, k.end, e.text, e.start, e.end, outcome, reason, strength)
        )
        if outcome == AGREE and k.scale is not None:  # "first factory" and "first factory" tie nothing
            anchors.append((k.start, e.start))
        pending.append(len(findings) - 1)

    ev_dates = tuple(e for e in em.dates if not e.dateline)
    for d in cm.dates:
        if d.dateline:
            continue
        result = _compare_date(d, ev_dates, names, cm.dates)
        if result is None:
            findings.append(
                _unrelated("date", d.text, d.start, d.end, f"evidence gives no comparable date for {d.text}")
            )
            continue
        e, outcome, reason, strength = result
        findings.append(
            Finding("date", d.text, d.start, d.end, e.text, e.start, e.end, outcome, reason, strength)
        )
        pending.append(len(findings) - 1)

    # Only an agreeing figure or rank ties two names to one slot; dates are too common (and a date is often
    # shared by several parties of one event: a seller and a buyer).
    anchored = bool(anchors)
    anchor_pos = anchors[0][1] if anchors else 0
    claim_anchor = anchors[0][0] if anchors else 0
    # The claim's subject for the anchoring figure: its first organisation before the figure.
    claim_subject = next((m for m in sides.claim_orgs if m.start < claim_anchor), None)
    if claim_subject is None and org_subject_differs:
        claim_subject = sides.claim_orgs[0]

    # Organisations
    org_conflict_with: NameMention | None = None
    for m in sides.claim_orgs:
        if m not in sides.orgs_missing:
            match = next((e for e in sides.ev_orgs if same_organisation(m.key, e.key)), None)
            if match is not None:
                findings.append(
                    Finding(
                        "organisation",
                        m.text,
                        m.start,
                        m.end,
                        match.text,
                        match.start,
                        match.end,
                        AGREE,
                        f"both name {match.text}",
                        0.8,
                    )
                )
            else:
                findings.append(
                    Finding(
                        "organisation",
                        m.text,
                        m.start,
                        m.end,
                        None,
                        None,
                        None,
                        AGREE,
                        f"evidence mentions {m.text}",
                        0.6,
                    )
                )
            continue
        other = (
            _subject_in_evidence(evidence, sides.orgs_extra, anchor_pos)
            if anchored and m is claim_subject
            else None
        )
        if other is not None:
            org_conflict_with = org_conflict_with or other
            reason = f"claim names {m.text}; evidence gives the same facts for {other.text}"
            findings.append(
                Finding(
                    "organisation",
                    m.text,
                    m.start,
                    m.end,
                    other.text,
                    other.start,
                    other.end,
                    CONFLICT,
                    reason,
                    0.7,
                )
            )
        else:
            findings.append(
                _unrelated("organisation", m.text, m.start, m.end, f"evidence does not mention {m.text}")
            )

    # Places
    place_conflict_with: NameMention | None = None
    for m in sides.claim_places:
        if m not in sides.places_missing:
            match = next((e for e in sides.ev_places if _place_match(m, e)), None)
            if match is not None:
                rel = "" if match.key == m.key else f" ({_within_note(m, match)})"
                findings.append(
                    Finding(
                        "place",
                        m.text,
                        m.start,
                        m.end,
                        match.text,
                        match.start,
                        match.end,
                        AGREE,
                        f"both name {match.text}{rel}",
                        0.8 if not rel else 0.6,
                    )
                )
            else:
                findings.append(
                    Finding(
                        "place",
                        m.text,
                        m.start,
                        m.end,
                        None,
                        None,
                        None,
                        AGREE,
                        f"evidence mentions {m.text}",
                        0.6,
                    )
                )
            continue
        counterparts = [e for mm, e in place_counterparts if mm is m]
        exclusive = _exclusive_slot(m, counterparts, cm, em, claim, evidence)
        if (
            counterparts
            and (anchored or exclusive is not None)
            and not (claim_orgs_absent and not anchored)
            and not _different_entities(cm.ranks, em.ranks)
        ):
            other = exclusive or _nearest(tuple(counterparts), anchor_pos)
            place_conflict_with = place_conflict_with or other
            findings.append(
                Finding(
                    "place",
                    m.text,
                    m.start,
                    m.end,
                    other.text,
                    other.start,
                    other.end,
                    CONFLICT,
                    f"claim says {m.text}; evidence says {other.text}",
                    0.7,
                )
            )
        else:
            findings.append(
                _unrelated("place", m.text, m.start, m.end, f"evidence does not mention {m.text}")
            )

    # Figures about a different subject: never a conflict; an agreement is the wrong-subject error. When the
    # evidence names none of the claim's organisations it may be about anything: no conflict either.
    subject_other = org_conflict_with or place_conflict_with
    missing_name = sides.claim_orgs[0].text if claim_orgs_absent else ""
    for idx in pending:
        f = findings[idx]
        if f.outcome == CONFLICT:
            if org_subject_differs:
                other = (org_conflict_with or sides.orgs_extra[0]).text
                findings[idx] = _replace(f, UNRELATED, f"{f.reason}, but the evidence is about {other}", 0.3)
            elif claim_orgs_absent:
                reason = f"{f.reason}, but the evidence does not name {missing_name}"
                findings[idx] = _replace(f, UNRELATED, reason, 0.3)
            elif place_subject_differs and place_conflict_with is None:
                other = place_counterparts[0][1].text
                findings[idx] = _replace(f, UNRELATED, f"{f.reason}, but the evidence is about {other}", 0.3)
        elif f.outcome == AGREE:
            if subject_other is not None and f.kind != "date":
                reason = f"{f.reason}, but the evidence gives it for {subject_other.text}"
                findings[idx] = _replace(f, UNRELATED, reason, 0.5)
            elif claim_orgs_absent:
                reason = f"{f.reason} (the evidence does not name {missing_name})"
                findings[idx] = _replace(f, AGREE, reason, min(f.strength, 0.4))
    return tuple(findings)


_ANAPHOR = re.compile(
    r"\b(?:it|its|he|she|his|her|they|their|them|(?:the|this|that)\s+(?:"
    r"film|movie|company|firm|group|carmaker|automaker|maker|manufacturer|state|city|country|team|club|album|"
    r"song|book|show|series|band|unit|government|party|airline|bank|season|game|station|school|university|"
    r"player|singer|actor|actress|airport|brand|startup|business|retailer|network|channel|newspaper|platform|"
    r"app|service|chain|league|region|province|county|town|village|building|project|organisation|organization|"
    r"agency|ministry|court|army|province|novel|record|single|episode|character|product|model|vehicle|car))\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;!?]\s")


def _subject_in_evidence(
    evidence: str, extra: tuple[NameMention, ...], anchor_pos: int
) -> NameMention | None:
    """The organisation the evidence gives the anchoring figure for, when that is clear.

    None when the clause holding the figure refers to its subject by a pronoun or a definite description
    ("It grossed...", "the film holds...") nearer the figure than any name: the claim's name may be meant.
    """
    clause_start = 0
    for m in _SENTENCE_END.finditer(evidence, 0, anchor_pos):
        clause_start = m.end()
    extra = tuple(m for m in extra if not _in_brackets(evidence, m))  # "(Newsdesk)" in a dateline
    before = [m for m in extra if clause_start <= m.start < anchor_pos]
    anaphors = [m.start() for m in _ANAPHOR.finditer(evidence, clause_start, anchor_pos)]
    if anaphors and (not before or min(anaphors) < before[0].start or max(anaphors) > before[-1].start):
        return None
    # Only a name before the figure, in its clause, is taken for its subject ("..., administered by UNICEF"
    # after the figure is not).
    return before[0] if before else None


def _in_brackets(text: str, m: NameMention) -> bool:
    return m.start > 0 and text[m.start - 1] == "(" and text[m.end : m.end + 1] == ")"


def _different_entities(claim_ranks, evidence_ranks) -> bool:
    """True when both texts number the same kind of thing differently ("a second plant", "its first factory"):
    they then speak of different things, whatever place each names."""
    for c in claim_ranks:
        for e in evidence_ranks:
            same_kind = c.noun and e.noun and set(c.noun.split()) & set(e.noun.split())
            if c.scale is None and e.scale is None and c.position != e.position and same_kind:
                return True
    return False


def _within_note(m: NameMention, match: NameMention) -> str:
    if place_within(match.key, m.key):
        return f"{match.text} is in {m.text}"
    return f"{m.text} is in {match.text}"


def _exclusive_slot(m, counterparts, cm, em, claim: str, evidence: str) -> NameMention | None:
    """A counterpart place in an exclusive slot shared by both texts ("factory in X", "based in X")."""
    if not counterparts:
        return None
    shared = content_words(claim) & content_words(evidence) & _EXCLUSIVE_PLACE_WORDS
    if not shared:
        return None
    return counterparts[0]


def _unrelated(kind: str, text: str, start: int, end: int, reason: str) -> Finding:
    return Finding(kind, text, start, end, None, None, None, UNRELATED, reason, 0.0)


def _replace(f: Finding, outcome: str, reason: str, strength: float) -> Finding:
    return Finding(
        f.kind,
        f.claim_mention,
        f.claim_start,
        f.claim_end,
        f.evidence_mention,
        f.evidence_start,
        f.evidence_end,
        outcome,
        reason,
        strength,
    )
