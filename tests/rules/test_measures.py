"""What a figure measures: conflicts between mentions of different measures are no conflicts."""

from __future__ import annotations

import pytest

from factcheck.rules.consistency import compare
from factcheck.rules.measures import another_event, another_period, another_place, another_time, same_measure


@pytest.mark.parametrize(
    ("claim", "span", "same"),
    [
        ("Xiaomi EV has 3,000 employees.", "Xiaomi EV now has 300 employees.", True),
        (
            "Xiaomi paid 700 million euros for Deepmotion.",
            "The price is equal to roughly 70 million euros.",
            True,
        ),
        (
            "Xiaomi plans to start production in 2025.",
            "Production of the first cars is to start in 2024.",
            True,
        ),
        # a price is no registered capital; a hire is no headcount
        (
            "Xiaomi's first car will cost 300,000 yuan.",
            "The unit is registered with a capital of 10 billion yuan.",
            False,
        ),
        ("Xiaomi EV will hire 1,000 more engineers.", "Xiaomi EV now has 300 employees.", False),
        # a subsidy is no capital tranche
        (
            "The city will give Xiaomi 2 billion yuan in subsidies for the car factory.",
            "An initial tranche of 10 billion yuan is to be paid in when the car unit is formed.",
            False,
        ),
        # a daily rate is no total; two rates of one period compare
        (
            "The 2003 European heat wave killed as many as 2,000 people a day.",
            "The 2003 European heat wave killed an estimated 35,000 people.",
            False,
        ),
        ("The plant builds 500,000 cars a year.", "The plant builds 50,000 cars a year.", True),
        ("The plant builds 500,000 cars a year.", "The plant has capacity for 50,000 cars.", True),
        ("The clinic sees 200 patients a day.", "The clinic sees 900 patients a week.", False),
        # a count over one stretch is no count over a stretch of another length; the same stretch compares
        (
            "The trailer had less than 35 million views within a month.",
            "The trailer amassed over 45 million views within two months.",
            False,
        ),
        (
            "In its first week, the album sold 20,000 copies.",
            "The album sold 200,000 copies in its first year.",
            False,
        ),
        (
            "The trailer had 35 million views within two months.",
            "The trailer amassed over 45 million views within two months.",
            True,
        ),
        ("The album sold 20,000 copies in its first week.", "The album sold 200,000 copies.", True),
        # one part's figure is no total; two parts' figures compare
        (
            "The factory will be built in two phases of 150,000 vehicles each.",
            "The plant will have capacity for 300,000 cars a year once finished.",
            False,
        ),
        (
            "The factory will be built in two phases of 150,000 vehicles each.",
            "The factory will be built in two phases of 100,000 vehicles each.",
            True,
        ),
        (
            "The Earth's inner core is over 9800 degrees Celsius.",
            "The Earth's inner core cools by about 100 degrees Celsius per billion years.",
            False,
        ),
        # multiples of different things; multiples of one thing
        (
            "There is over 200 times more CO2 than methane in the atmosphere.",
            "Methane traps 84 times more heat than CO2 in the atmosphere.",
            False,
        ),
        (
            "Methane is 200 times more potent than CO2 in the atmosphere.",
            "Methane is 84 times more potent than CO2 in the atmosphere.",
            True,
        ),
        # another year's figure
        (
            "CO2 emissions from the industry totaled 918 million tonnes in 2018.",
            "In 2011, CO2 emissions from the industry were 67 million tonnes.",
            False,
        ),
        (
            "CO2 emissions from the industry totaled 918 million tonnes in 2018.",
            "In 2018, CO2 emissions from the industry were 67 million tonnes.",
            True,
        ),
        # values more than three orders of magnitude apart; a scale-word slip (1,000x) stays a conflict
        (
            "Xiaomi's first car will cost less than 300,000 yuan.",
            "Xiaomi will pay 10 billion yuan for its first car.",
            False,
        ),
        (
            "Xiaomi paid 70 billion euros for Deepmotion.",
            "Xiaomi paid 70 million euros for Deepmotion.",
            True,
        ),
        # a stretch of a period is not its length
        (
            "Damon Harrison has a 5-year contract with the New York Giants.",
            "Harrison's contract with the New York Giants pays $30 million over the first three years.",
            False,
        ),
        (
            "Damon Harrison has a 5-year contract with the New York Giants.",
            "Harrison signed a three-year contract with the New York Giants.",
            True,
        ),
        # a bound that opens the sentence ("More than 455") is no change ("455 more")
        (
            "More than 455 cases of coronavirus had been confirmed in Bulgaria.",
            "There are 449 confirmed cases in Bulgaria.",
            True,
        ),
        (
            "455 more cases of coronavirus had been confirmed in Bulgaria.",
            "There are 449 confirmed cases in Bulgaria.",
            False,
        ),
    ],
)
def test_same_measure(claim, span, same):
    found = [f for f in compare(claim, span) if f.kind in ("number", "money", "date") and f.evidence_mention]
    assert found, "the comparison pairs the two figures"
    assert all(same_measure(f, claim, span) for f in found) is same


@pytest.mark.parametrize(
    ("claim", "span", "period", "place"),
    [
        (
            "Tesla delivered 1.8 million cars in 2023.",
            "Tesla delivered 1.3 million cars in 2022.",
            True,
            False,
        ),
        (
            "The Berlin plant builds 500,000 cars a year.",
            "The Shanghai plant builds 950,000 cars a year.",
            False,
            True,
        ),
        (
            "Xiaomi paid 700 million euros for Deepmotion.",
            "Xiaomi paid 70 million euros for Deepmotion.",
            False,
            False,
        ),
        # a year written as a property of the work is its date, not the period of a figure
        (
            "Private Lives is a 1940 comedy in three acts by Noel Coward.",
            "Private Lives is a 1930 comedy of manners in three acts by Noël Coward.",
            False,
            False,
        ),
    ],
)
def test_another_period_or_place(claim, span, period, place):
    found = compare(claim, span)
    assert another_period(found, claim, span) is period
    assert another_place(found) is place


@pytest.mark.parametrize(
    ("claim", "span", "other_time"),
    [
        (
            "Before 10 March 2020, Germany had under 30 cases.",
            "As of 10 March 2020, there are 34 cases.",
            True,
        ),
        (
            "Wii Sports sold 82.86 million copies by September 30, 2018.",
            "Wii Sports sold 82.85 million copies by March 31, 2018.",
            True,
        ),
        (
            "Xiaomi paid 700 million euros for Deepmotion in August 2021.",
            "Xiaomi paid 70 million euros for Deepmotion on 25 August 2021.",
            False,
        ),
        ("By 2020 Xiaomi had 300 employees.", "By 2020 Xiaomi had 3,000 employees.", False),
        (
            "Bosnia had less than 1550 cases by April 26, 2020.",
            "As of 27 April 2020, Bosnia had 1565 confirmed cases.",
            True,
        ),
        (
            "Bosnia had less than 1550 cases by April 27, 2020.",
            "As of 27 April 2020, Bosnia had 1565 confirmed cases.",
            False,
        ),
    ],
)
def test_a_count_at_another_time(claim, span, other_time):
    assert another_time(compare(claim, span), claim, span) is other_time


@pytest.mark.parametrize(
    ("claim", "span", "other"),
    [
        # a year that names a recurring event tells which one: the span tells of another heat wave
        ("The 2003 heat wave killed 70,000 people.", "The heat wave of 2006 killed 2,000 people.", True),
        ("The flood of 1953 hit the Netherlands.", "The 1995 flood hit the Netherlands.", True),
        # a year said of the event, or of a work, is its date: a conflict
        ("The election was held in 2019.", "The election was held in 2020.", False),
        ("The 1984 film was directed by Spielberg.", "The 1985 film was directed by Spielberg.", False),
        ("Xiaomi agreed to buy Deepmotion in 2021.", "Xiaomi agreed to buy Deepmotion in 2020.", False),
    ],
)
def test_a_year_naming_an_event_is_another_event(claim, span, other):
    assert another_event(list(compare(claim, span)), claim, span) is other
