"""Figures in digits and words: scale, hedges and bounds, units and counted nouns, precision, identifiers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.rules.quantities import extract, extract_quantities, parse_quantity
from tests.rules.helpers import cases, one


@pytest.mark.parametrize("case", cases("numbers"))
def test_numbers_in_digits_and_words(case):
    text, value = case["text"], case["value"]
    q = one(text)
    assert q.value == pytest.approx(value)
    assert text[q.start : q.end] == q.text


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
    # the head of a compound, past hyphenated modifiers; a participle alone counts nothing
    assert one("a graph of 12 proxy based temperature reconstructions").noun == "reconstruction"
    assert one("with four arbitrarily-chosen trend-lines overlaid").noun == "line"
    assert one("three highlighted in the report").noun is None
    # modifiers joined by "and" share the head noun; counted nouns joined by "and" do not merge
    assert one("more than 400 propaganda and training films").noun == "film"
    assert [q.noun for q in extract_quantities("400 staff and 20 managers")] == ["employee", "manager"]
    assert one("300 cars and trucks").noun == "car"


def test_zero_counts_a_plural_noun():
    assert (one("it produced zero films").value, one("it produced zero films").noun) == (0, "film")
    assert one("the film stars zero American actors").noun == "actor"
    for text in ("net zero emissions by 2050", "a zero-emission bus", "zero tolerance for fraud"):
        assert extract_quantities(text) == ()


@pytest.mark.parametrize("case", cases("numbers-intervals"))
def test_hedges_and_bounds_set_the_interval(case):
    text, inside, outside = case["text"], case["inside"], case["outside"]
    q = one(text)
    for v in inside:
        assert q.low <= v <= q.high, (text, v, q.low, q.high)
    for v in outside:
        assert not q.low <= v <= q.high, (text, v, q.low, q.high)


def test_written_precision_sets_rounding():
    assert one("1.2m people").low <= 1_234_000 <= one("1.2m people").high
    assert not one("1.25m people").low <= 1_300_000 <= one("1.25m people").high


def test_years_are_not_counts_and_counts_are_not_years():
    m = extract("In 2024 the company sold 2,024 cars.")
    assert [d.label() for d in m.dates] == ["2024"]
    assert [(q.value, q.noun) for q in m.quantities] == [(2024, "car")]
    assert extract("Sales rose 20% in 2021.").quantities[0].unit_class == "percent"


def test_identifiers_are_not_figures():
    assert extract_quantities("Boeing 737 jets and COVID-19 cases in ZIP code 11102 at 5:30.") == ()
    assert extract_quantities("a Boeing 737 landed") == ()
    assert extract_quantities("Windows 10 users") == ()


def test_a_raised_decimal_point_is_a_decimal_point():
    q = one("Chlamydia prevalence was 1·5% in women.")
    assert (q.value, q.unit_class) == (1.5, "percent")
    assert one("a rate of 3·1 per cent").low > 3.0


def test_an_amount_after_a_name_is_a_figure():
    # A scale word, a currency or "%" after the digits makes an amount, not a model number.
    q = one("The city will give Xiaomi 2 billion yuan in subsidies.")
    assert (q.value, q.currency) == (2e9, "CNY")
    assert one("They gave Tesla 5 million dollars.").value == 5e6
    assert one("Apple 30% of the shares").unit_class == "percent"


@pytest.mark.parametrize(
    ("text", "tonnes"),
    [("918 million metric tons", 918e6), ("918 million tonnes", 918e6), ("9.14 gigatonnes", 9.14e9)],
)
def test_metric_tons_and_gigatonnes_are_mass(text, tonnes):
    q = one(text)
    assert q.unit_class == "mass"
    assert q.value == pytest.approx(tonnes * 1e3)  # in kilograms


def test_postfix_bounds_and_temperatures():
    q = one("water at 21 °C and above")
    assert q.unit_class == "celsius" and q.low == 21 and q.high == float("inf")
    assert one("50 or more people").low == 50


def test_capitalised_number_words_inside_names_are_not_figures():
    assert extract_quantities("Fast Five is a film.") == ()
    assert one("Five people died.").value == 5


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


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("Exports made up nearly half of sales.", "nearly half"),
        ("A third of the staff left.", "A third"),
        ("Two thirds of voters agreed.", "Two thirds"),
        ("In the first half of 2024 sales rose.", None),
        ("A quarter of a million people came.", None),
        ("It took three quarters of an hour.", None),
    ],
)
def test_shares_written_in_words_are_per_cent_figures(text, share):
    shares = [q.text for q in extract(text).quantities if q.unit_class == "percent"]
    assert shares == ([share] if share else [])


def test_a_decimal_comma_gives_no_figure_of_its_parts():
    texts = [q.text for q in extract("a minimum distance of 1,5 meters; 1,500 people").quantities]
    assert "5 meters" not in texts and "1,500 people" in texts
