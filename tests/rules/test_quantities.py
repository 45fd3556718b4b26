"""Figures, money, ranks and dates: extraction with offsets, and the claim/evidence comparison."""

from __future__ import annotations

import dataclasses
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import FactcheckError
from factcheck.rules.consistency import AGREE, CONFLICT, UNRELATED, Finding, compare
from factcheck.rules.quantities import (
    extract,
    extract_dates,
    extract_quantities,
    extract_ranks,
    parse_quantity,
)


def one(text: str):
    found = extract_quantities(text)
    assert len(found) == 1, found
    return found[0]


def outcome(claim: str, evidence: str, kind: str | None = None, **dates) -> str:
    """The outcome of the claim's first finding of ``kind`` (or its only finding)."""
    findings = compare(claim, evidence, **dates)
    if kind is not None:
        findings = [f for f in findings if f.kind == kind]
    assert findings, compare(claim, evidence, **dates)
    return findings[0].outcome


# --------------------------------------------------------------------------------------------- extraction


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("300,000", 300_000),
        ("300k", 300_000),
        ("three hundred", 300),
        ("twenty-five thousand", 25_000),
        ("1.5", 1.5),
        ("8,500 million", 8.5e9),
        ("€8.5bn", 8.5e9),
        ("$10 billion", 1e10),
        ("77.4 million US dollars", 77.4e6),
        ("70M", 70e6),
        ("a million", 1e6),
        ("two dozen", 24),
    ],
)
def test_numbers_in_digits_and_words(text, value):
    q = one(text)
    assert q.value == pytest.approx(value)
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("€70 million", "EUR"),
        ("EUR 70 million", "EUR"),
        ("70 million euros", "EUR"),
        ("$70 million", "USD"),
        ("USD 70 million", "USD"),
        ("70 million US dollars", "USD"),
        ("US$70 million", "USD"),
        ("HK$70 million", "HKD"),
        ("70 million yuan", "CNY"),
        ("RMB 70 million", "CNY"),
        ("CNY 70 million", "CNY"),
        ("£70 million", "GBP"),
        ("70 million pounds", "GBP"),
    ],
)
def test_currencies_from_symbols_codes_and_names(text, currency):
    q = one(text)
    assert q.unit_class == "money" and q.currency == currency and q.value == pytest.approx(70e6)


def test_units_and_counted_nouns_are_kept():
    found = extract_quantities(
        "The plant builds 300,000 electric cars, employs 300 people, uses 5% of the grid."
    )
    assert [(q.noun, q.unit_class) for q in found] == [
        ("car", "count"),
        ("employee", "count"),
        (None, "percent"),
    ]
    km = one("a range of 700 km")
    assert km.unit_class == "length" and km.value == pytest.approx(700_000)
    assert one("a 75 kWh battery").unit_class == "energy"
    assert one("the 450,000-car factory").noun == "car"


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ("about 70", [63, 77], [60, 80]),
        ("roughly 70", [64], [50]),
        ("more than 450,000", [450_001, 10**9], [450_000, 300_000]),
        ("at least 10", [10, 11], [9.9]),
        ("up to 300", [300, 10], [301]),
        ("under 5", [4.9], [5, 6]),
        ("less than 140,000", [139_999], [141_000]),
        ("nearly 13,000", [12_700], [13_500]),
        ("between 3 and 4 million", [3.5e6], [2.9e6, 4.1e6]),
        ("72", [72, 71.9], [70, 75]),
    ],
)
def test_hedges_and_bounds_set_the_interval(text, inside, outside):
    q = one(text)
    for v in inside:
        assert q.low <= v <= q.high, (text, v, q.low, q.high)
    for v in outside:
        assert not q.low <= v <= q.high, (text, v, q.low, q.high)


def test_written_precision_sets_rounding():
    assert one("1.2m people").low <= 1_234_000 <= one("1.2m people").high
    assert not one("1.25m people").low <= 1_300_000 <= one("1.25m people").high


@pytest.mark.parametrize(
    ("text", "position", "scale"),
    [
        ("the world's second-largest smartphone maker", 2, "large"),
        ("the largest carmaker", 1, "large"),
        ("China's third-biggest city", 3, "large"),
        ("the No. 1 carmaker", 1, None),
        ("the team finished fifth", 5, "place"),
    ],
)
def test_ranks(text, position, scale):
    ranks = extract_ranks(text)
    assert len(ranks) == 1 and ranks[0].position == position and ranks[0].scale == scale
    assert text[ranks[0].start : ranks[0].end] == ranks[0].text
    assert not extract_quantities(text)


@pytest.mark.parametrize(
    ("text", "granularity", "label"),
    [
        ("in 2024", "year", "2024"),
        ("in August 2021", "month", "August 2021"),
        ("on 25 August 2021", "day", "25 August 2021"),
        ("on August 25, 2021", "day", "25 August 2021"),
        ("on Aug. 25, 2021", "day", "25 August 2021"),
        ("on 2021-08-25", "day", "25 August 2021"),
        ("in Q2 2021", "quarter", "Q2 2021"),
        ("in the second quarter of 2021", "quarter", "Q2 2021"),
        ("in the first half of 2022", "half", "H1 2022"),
        ("in the 1990s", "decade", "the 1990s"),
        ("over the next decade", "duration", "10 years"),
        ("over ten years", "duration", "10 years"),
        ("an 18-month delay", "duration", "18 months"),
    ],
)
def test_dates_and_periods(text, granularity, label):
    dates = extract_dates(text)
    assert len(dates) == 1, dates
    assert dates[0].granularity == granularity and dates[0].label() == label
    assert text[dates[0].start : dates[0].end] == dates[0].text
    assert not extract_quantities(text)


def test_relative_dates_resolve_with_the_document_date_and_stay_relative_without():
    resolved = extract_dates("Xiaomi bought Deepmotion last August.", "2022-03-01")
    assert resolved[0].label() == "August 2021"
    assert extract_dates("Production starts next year.", "2023-05-02")[0].label() == "2024"
    kept = extract_dates("Xiaomi bought Deepmotion last August.")
    assert kept[0].granularity == "relative" and kept[0].relative == "last august"


def test_years_are_not_counts_and_counts_are_not_years():
    m = extract("In 2024 the company sold 2,024 cars.")
    assert [d.label() for d in m.dates] == ["2024"]
    assert [(q.value, q.noun) for q in m.quantities] == [(2024, "car")]
    assert extract("Sales rose 20% in 2021.").quantities[0].unit_class == "percent"


def test_identifiers_are_not_figures():
    assert extract_quantities("Boeing 737 jets and COVID-19 cases in ZIP code 11102 at 5:30.") == ()
    assert extract_quantities("a Boeing 737 landed") == ()


# --------------------------------------------------------------------------------------------- comparison


def test_hedged_money_agrees_with_same_amount_in_other_wording():
    assert outcome("about €70M", "roughly 70 million euros") == AGREE
    assert outcome("about €70M", "€72 million") == AGREE


def test_tenfold_money_error_is_a_conflict_with_a_reason():
    [finding] = compare("€700M", "€70M")
    assert finding.outcome == CONFLICT and finding.kind == "money"
    assert finding.reason == "claim says €700 million; evidence says €70 million (10x)"
    f = compare(
        "Xiaomi paid €700 million for Deepmotion.", "Xiaomi bought Deepmotion for about €70 million."
    )[0]
    assert f.outcome == CONFLICT
    assert f.reason == "claim says €700 million; evidence says about €70 million (10x)"


def test_lower_bound_above_the_evidence_is_a_conflict():
    assert outcome("more than 450,000", "300,000") == CONFLICT
    assert outcome("more than 450,000 cars", "about 950,000 cars") == AGREE


def test_year_agrees_with_the_same_year_in_other_wording():
    assert outcome("2024", "in 2024") == AGREE
    assert outcome("Production starts in 2024.", "Production is to start in March 2024.", "date") == AGREE


def test_different_months_conflict():
    assert outcome("March 2021", "August 2021") == CONFLICT
    assert (
        outcome("Xiaomi bought Deepmotion in March 2021.", "Xiaomi bought Deepmotion in August 2021.")
        == CONFLICT
    )


def test_ranks_conflict_when_positions_differ():
    assert outcome("second-largest", "largest") == CONFLICT
    assert outcome(
        "Xiaomi is the second-largest smartphone maker.", "Xiaomi is the largest smartphone maker."
    ) == (CONFLICT)
    assert (
        outcome("BYD is China's largest carmaker.", "BYD is the biggest carmaker in China.", "rank") == AGREE
    )


def test_currencies_are_never_converted():
    findings = compare("70 million US dollars", "77.4 million US dollars, roughly 70 million euros")
    money = [f for f in findings if f.kind == "money"]
    assert len(money) == 1 and money[0].outcome == CONFLICT
    assert money[0].evidence_mention == "77.4 million US dollars"
    assert outcome("Xiaomi paid 70 million US dollars.", "Xiaomi paid roughly 70 million euros.") == UNRELATED


def test_figures_counting_different_things_are_unrelated():
    assert (
        outcome("The EV unit has 300 employees.", "The Beijing plant can build 300,000 cars a year.")
        == UNRELATED
    )
    assert (
        outcome("The EV unit has 300 employees.", "The EV unit builds 300 cars a week.", "number")
        == UNRELATED
    )


def test_each_claim_figure_meets_its_best_matching_evidence_figure():
    evidence = "The plant employs 1,200 people and will build 300,000 cars a year from 2024."
    assert outcome("The plant will build 300,000 cars a year.", evidence, "number") == AGREE
    assert outcome("The plant employs 1,200 workers.", evidence, "number") == AGREE
    assert outcome("The plant will build 200,000 cars a year.", evidence, "number") == CONFLICT
    f = [f for f in compare("The plant will build 200,000 cars.", evidence) if f.kind == "number"][0]
    assert f.evidence_mention == "300,000 cars"


def test_conflict_only_when_no_related_evidence_figure_agrees():
    evidence = "Xiaomi paid €70 million in cash and €10 million in shares for Deepmotion."
    assert outcome("Xiaomi paid €70 million for Deepmotion.", evidence) == AGREE


def test_right_figure_for_the_wrong_company_is_an_organisation_conflict():
    findings = compare(
        "BYD will invest 8.5 billion euros in cars.", "Xiaomi will invest about 8.5 billion euros in cars."
    )
    by_kind = {f.kind: f for f in findings}
    assert by_kind["money"].outcome == UNRELATED
    assert by_kind["organisation"].outcome == CONFLICT
    assert by_kind["organisation"].evidence_mention == "Xiaomi"


def test_wrong_figure_for_another_company_is_no_conflict():
    findings = compare(
        "Xiaomi's factory can build 300,000 cars a year.", "Tesla's factory can build 950,000 cars a year."
    )
    assert all(f.outcome != CONFLICT for f in findings)


def test_durations_compare_in_months():
    assert outcome("over ten years", "over the next decade") == AGREE
    assert outcome("over five years", "over the next decade") == CONFLICT


def test_date_bounds():
    assert outcome("He was born before 1967.", "He was born on 16 July 1965.") == AGREE
    assert outcome("He was born after 1967.", "He was born on 16 July 1965.") == CONFLICT


def test_relative_dates_compare_once_resolved():
    claim, evidence = "Xiaomi bought Deepmotion last August.", "Xiaomi bought Deepmotion in August 2021."
    assert outcome(claim, evidence, "date", claim_date="2022-03-01") == AGREE
    assert outcome(claim, evidence, "date", claim_date="2023-03-01") == CONFLICT
    assert outcome(claim, evidence, "date") == UNRELATED


def test_finding_fields_and_offsets():
    claim, evidence = "Xiaomi paid €700M.", "Xiaomi paid roughly €70M."
    f = next(f for f in compare(claim, evidence) if f.kind == "money")
    assert isinstance(f, Finding)
    assert claim[f.claim_start : f.claim_end] == f.claim_mention == "€700M"
    assert evidence[f.evidence_start : f.evidence_end] == f.evidence_mention == "roughly €70M"
    assert 0.0 <= f.strength <= 1.0
    assert f.to_dict()["outcome"] == CONFLICT
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.outcome = AGREE  # type: ignore[misc]


def test_compare_is_reachable_from_the_package_api():
    import factcheck

    assert factcheck.compare is compare


def test_bad_input_is_a_clear_error():
    with pytest.raises(FactcheckError):
        compare(None, "text")  # type: ignore[arg-type]
    assert compare("", "") == []
    assert compare("No figures here.", "Nor here.") == []


# --------------------------------------------------------------------------------------------- properties


def _words(n: int) -> str:
    small = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
    ]
    small += ["sixteen", "seventeen", "eighteen", "nineteen"]
    tens = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    def below_thousand(k: int) -> list[str]:
        out = []
        if k >= 100:
            out += [small[k // 100], "hundred"]
            k %= 100
        if k >= 20:
            out.append(tens[k // 10] + (f"-{small[k % 10]}" if k % 10 else ""))
        elif k:
            out.append(small[k])
        return out

    parts = []
    if n >= 1000:
        parts += below_thousand(n // 1000) + ["thousand"]
    parts += below_thousand(n % 1000)
    return " ".join(parts)


STYLES = {
    "commas": lambda n: (f"{n:,}", float(n)),
    "million_decimal": lambda n: (f"{n / 1000:.3f} million", round(n / 1000, 3) * 1e6),
    "m_suffix_money": lambda n: (f"€{n / 10:.1f}m", round(n / 10, 1) * 1e6),
    "bn_money": lambda n: (f"€{n / 10:.1f}bn", round(n / 10, 1) * 1e9),
    "dollar_billion": lambda n: (f"${n} billion", n * 1e9),
    "words": lambda n: (_words(n), float(n)),
    "k_suffix": lambda n: (f"{n}k", n * 1e3),
}


@settings(max_examples=60, deadline=None)
@given(n=st.integers(min_value=2, max_value=999_999), style=st.sampled_from(sorted(STYLES)))
def test_formatting_a_value_and_parsing_it_back_gives_the_value(n, style):
    text, value = STYLES[style](n)
    q = parse_quantity(f"The company reported {text} in sales.")
    assert q is not None, text
    assert q.value == pytest.approx(value, rel=1e-9), text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_no_text_makes_the_parser_or_comparison_crash(text):
    m = extract(text)
    for mention in m.quantities + m.dates + m.ranks:
        assert text[mention.start : mention.end] == mention.text
    compare(text, text[::-1])
    compare("Xiaomi paid €70M in 2021.", text)


_WORDY = (
    "million |bn |about |more than |between | and |Q2 |August |the second quarter of |No. |second-largest |"
)
_WORDY += "last |years |in |Beijing |Xiaomi |US dollars |euros |or more |before |the year "
_PIECES = [*"0123456789,.-/ $€£%abcXYZ'()[]°\n", *_WORDY.split("|")]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(_PIECES), max_size=40).map("".join),
    st.lists(st.sampled_from(_PIECES), max_size=40).map("".join),
)
def test_findings_point_at_their_mentions_in_figure_heavy_text(claim, evidence):
    for f in compare(claim, evidence, "2022-03-01", "2021-05-05"):
        assert claim[f.claim_start : f.claim_end] == f.claim_mention
        if f.evidence_start is not None:
            assert evidence[f.evidence_start : f.evidence_end] == f.evidence_mention
        assert f.outcome in (AGREE, CONFLICT, UNRELATED) and 0.0 <= f.strength <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "1" * 100_000,
        "1," * 10_000,
        "9." * 10_000,
        "١٢٣٤ ٥٦٧ ８９０ ²³",
        "(" * 20_000 + "about €70M" + ")" * 20_000,
        "[" * 10_000 + "more than 450,000 cars" + "]" * 10_000,
        "between " * 10_000,
        "-" * 50_000 + "5",
        "€" * 30_000 + "7",
        "€1 " * 5_000,
    ],
)
def test_pathological_inputs_are_handled_quickly(text):
    start = time.perf_counter()
    extract(text)
    compare(text, "about €70M")
    assert time.perf_counter() - start < 5.0


def test_extraction_time_grows_linearly_with_text_size():
    unit = "Xiaomi paid about €70M for Deepmotion in August 2021; the plant builds 300,000 cars a year. "

    def timed(copies: int) -> float:
        text = unit * copies + str(copies)
        start = time.perf_counter()
        extract(text)
        return time.perf_counter() - start

    small, large = timed(1_000), timed(4_000)
    assert large < 12 * small + 0.05
    megabyte = unit * (1_000_000 // len(unit))
    start = time.perf_counter()
    found = extract(megabyte)
    assert time.perf_counter() - start < 30.0
    assert len(found.quantities) >= 2 * (1_000_000 // len(unit))


# ------------------------------------------------------------------------------------------- subject and role


def test_evidence_that_does_not_name_the_claims_company_gives_no_conflict():
    claim = "Xiaomi plans to build 300,000 cars a year at its first factory."
    other = "The start-up plans a factory in Guangdong with capacity for 100,000 cars a year."
    assert all(f.outcome != CONFLICT for f in compare(claim, other))
    own = "Xiaomi will build its first factory. The plant will have capacity for 150,000 cars a year."
    assert outcome(claim, own, "number") == CONFLICT


def test_a_shared_place_pins_the_subject_when_the_company_is_not_named():
    claim = "Xiaomi's Beijing plant can build 3 million cars a year."
    assert (
        outcome(claim, "The factory in Beijing has capacity for 300,000 cars a year.", "number") == CONFLICT
    )


def test_dates_of_different_events_do_not_conflict():
    claim = "Xiaomi bought Deepmotion in 2021."
    assert all(f.outcome != CONFLICT for f in compare(claim, "Deepmotion, founded in 2017, makes maps."))
    assert outcome(claim, "Xiaomi agreed to buy Deepmotion in 2020.", "date") == CONFLICT


def test_datelines_are_not_facts_of_the_report():
    evidence = "BEIJING, August 25, 2021 (Newsdesk) - Xiaomi has agreed to buy Deepmotion, a start-up."
    dates = extract_dates(evidence)
    assert dates[0].dateline
    findings = compare("Xiaomi's first factory will be built in Shanghai in 2025.", evidence)
    assert all(f.outcome != CONFLICT for f in findings)


def test_bare_ordinals_name_different_things_rather_than_conflict():
    findings = compare(
        "Xiaomi also plans a second plant in Wuhan.", "Xiaomi will build its first factory in Beijing."
    )
    assert all(f.outcome != CONFLICT for f in findings)


def test_a_goal_is_not_a_rank():
    assert extract_ranks("Xiaomi aims to become the world's largest smartphone maker.") == ()


def test_an_upper_bound_in_the_evidence_does_not_establish_an_exact_claim():
    assert outcome("Brenner will spend €700 million.", "Brenner will spend up to €1 billion.") == UNRELATED
    assert outcome("Brenner will spend €700 million.", "Brenner will spend up to €500 million.") == CONFLICT
    assert outcome("Spotify has more than 600 million users.", "Spotify has 615 million users.") == AGREE
    assert outcome("The album sold over 79,000 copies.", "The album sold 79,000 copies.") == CONFLICT


def test_decades_centuries_year_ranges_and_offsets():
    assert extract_dates("in the 1970's")[0].label() == "the 1970s"
    assert extract_dates("built between 1998 and 2002")[0].label() == "1998-2002"
    assert (
        outcome("The tower was being built in 1999.", "The tower was built between 1998 and 2002.") == AGREE
    )
    offset = extract_dates("He retired 10 years after the year 2000.")[-1]
    assert offset.relative == "offset"
    assert all(
        f.outcome != CONFLICT for f in compare("He retired 10 years after 2000.", "He retired in 2010.")
    )
    assert outcome("She was born in 1992 or later.", "She was born on January 8, 2000.") == AGREE
    assert outcome("It was released before the year 2007.", "It was released in November 1978.") == AGREE


def test_postfix_bounds_and_temperatures():
    q = one("water at 21 °C and above")
    assert q.unit_class == "celsius" and q.low == 21 and q.high == float("inf")
    assert one("50 or more people").low == 50


def test_hedged_durations_never_conflict():
    claim, evidence = "The race lasted less than 20 days.", "The race finished ten days later."
    assert all(f.outcome != CONFLICT for f in compare(claim, evidence))


def test_numeric_dates_and_short_decades():
    assert extract_dates("on 25/08/2021")[0].label() == "25 August 2021"
    assert extract_dates("on 08/25/2021")[0].label() == "25 August 2021"
    assert extract_dates("on 12/11/2009")[0].label() == "2009"  # day and month cannot be told apart
    assert extract_quantities("founded in the 50's") == ()


def test_non_text_is_a_clear_error_from_every_entry_point():
    from factcheck.rules.names import extract_names

    for fn in (extract, extract_names, extract_quantities):
        with pytest.raises(FactcheckError):
            fn(b"bytes")  # type: ignore[arg-type]


def test_day_bounds_and_shared_years_of_different_events():
    evidence = "He was appointed coach on 24 November 2008."
    assert outcome("He was appointed coach before 24 November 2008.", evidence) == CONFLICT
    assert outcome("He was appointed coach before 25 November 2008.", evidence) == AGREE
    claim = "She was murdered in 1919."
    evidence = "She (born 15 July 1919, died 8 February 1999) was a novelist."
    assert all(f.outcome == UNRELATED for f in compare(claim, evidence) if f.kind == "date")


def test_capitalised_number_words_inside_names_are_not_figures():
    assert extract_quantities("Fast Five is a film.") == ()
    assert one("Five people died.").value == 5
