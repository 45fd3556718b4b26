"""Stance rules that need no model: containment, negation, other-subject spans, figures that agree."""

from __future__ import annotations

import pytest

from factcheck.domain import Passage, Stance
from factcheck.rules.consistency import compare
from factcheck.verification.spans import Candidate
from factcheck.verification.stance import StanceThresholds, contains_claim, decide, negation_differs


def _candidate(claim: str, span: str, probs, about="unknown") -> Candidate:
    passage = Passage(doc_id="doc", start=0, end=len(span), text=span)
    candidate = Candidate(0, passage, span, 0, len(span), overlap=0.6, probs=probs, about=about)
    candidate.findings = list(compare(claim, span))
    return candidate


@pytest.mark.parametrize(
    ("claim", "span", "expected"),
    [
        ("The plant will build 300,000 cars a year.", "The plant will build 300,000 cars a year.", True),
        (
            "Xiaomi paid about 70 million euros for Deepmotion.",
            "Xiaomi paid about 70 million euros for Deepmotion in August 2021.",
            True,
        ),
        ("Xiaomi paid 70 million euros.", "Analysts doubt that Xiaomi paid 70 million euros.", True),
        ("Xiaomi paid 70 million euros.", "It is not true that Xiaomi paid 70 million euros.", False),
        ("Xiaomi paid 700 million euros.", "Xiaomi paid 70 million euros.", False),
        ("Xiaomi paid.", "Xiaomi paid.", False),  # too short to say anything on its own
    ],
)
def test_contains_claim(claim, span, expected):
    assert contains_claim(claim, span) is expected


def test_negation_differs():
    assert negation_differs("Xiaomi did not buy Deepmotion.", "Xiaomi bought Deepmotion.")
    assert not negation_differs("Xiaomi bought Deepmotion.", "Xiaomi bought Deepmotion in 2021.")


def test_a_span_about_another_subject_is_neutral_whatever_the_model_says():
    claim = "Xiaomi's plant can build 300,000 cars a year."
    candidate = _candidate(
        claim, "Nordvik's plant can build 450,000 cars a year.", (0.0, 0.99, 0.01), "other"
    )
    decide(claim, candidate, StanceThresholds())
    assert candidate.stance is Stance.NEUTRAL
    assert "another subject" in candidate.why


def test_identity_supports_whatever_the_model_says():
    claim = "The plant will build 300,000 cars a year."
    candidate = _candidate(claim, claim, (0.01, 0.98, 0.01))
    decide(claim, candidate, StanceThresholds())
    assert candidate.stance is Stance.SUPPORTS


def test_a_model_contradiction_resting_on_agreeing_figures_is_not_decisive():
    claim = "Xiaomi paid about €70M for Deepmotion."
    span = "Xiaomi paid roughly 70 million euros for the start-up Deepmotion last year."
    candidate = _candidate(claim, span, (0.2, 0.78, 0.02), "same")
    assert any(f.outcome == "agree" and f.kind == "money" for f in candidate.findings)
    decide(claim, candidate, StanceThresholds())
    assert candidate.stance is not Stance.CONTRADICTS


def test_a_negated_claim_keeps_the_models_contradiction():
    claim = "Xiaomi did not pay 70 million euros for Deepmotion."
    span = "Xiaomi paid 70 million euros for the start-up Deepmotion."
    candidate = _candidate(claim, span, (0.05, 0.9, 0.05), "same")
    decide(claim, candidate, StanceThresholds())
    assert candidate.stance is Stance.CONTRADICTS


def test_a_same_subject_figure_conflict_contradicts_even_when_the_model_hesitates():
    claim = "Xiaomi paid €700M for Deepmotion."
    span = "Xiaomi paid roughly 70 million euros for Deepmotion."
    candidate = _candidate(claim, span, (0.4, 0.3, 0.3), "same")
    decide(claim, candidate, StanceThresholds())
    assert candidate.stance is Stance.CONTRADICTS and candidate.value_conflict
    assert "700" in candidate.why and "70 million" in candidate.why


@pytest.mark.parametrize(
    ("claim", "span", "expected"),
    [
        (
            "Galloway Paper paid 250 million euros for Pinemoor.",
            "Galloway Paper paid €250 million for Pinemoor.",
            True,
        ),
        (
            "The Lomond plant will build 250k bottles a year.",
            "The Lomond plant will build 250,000 bottles a year.",
            True,
        ),
        # a part of the subject is not the subject
        (
            "Marquez Solar had about 1,200 employees.",
            "Marquez Solar's software unit had about 1,200 employees.",
            False,
        ),
        # a word the span lacks
        (
            "Galloway Paper paid €250 million for Pinemoor in cash.",
            "Galloway Paper paid €250 million for Pinemoor.",
            False,
        ),
        (
            "Galloway Paper paid €250 million for Pinemoor.",
            "Galloway Paper paid €25 million for Pinemoor.",
            False,
        ),
    ],
)
def test_same_but_figures(claim, span, expected):
    from factcheck.verification.stance import same_but_figures

    assert same_but_figures(claim, span, list(compare(claim, span))) is expected


@pytest.mark.parametrize(
    ("claim", "span", "why"),
    [
        (
            "Pavlin Breweries sold 150,000 hectolitres of beer in Denmark in 2023.",
            "Pavlin Breweries sold 150,000 hectolitres of beer in Turkey in 2023.",
            "another place",
        ),
        (
            "Hartigan Bikes delivered 300,000 e-bikes in 2020.",
            "Hartigan Bikes delivered 12,000 e-bikes in 2019.",
            "another period",
        ),
    ],
)
def test_a_figure_of_another_place_or_period_is_neutral(claim, span, why):
    candidate = _candidate(claim, span, (0.05, 0.9, 0.05), "same")
    decide(claim, candidate, StanceThresholds())
    assert candidate.stance is Stance.NEUTRAL and why in candidate.why


@pytest.mark.parametrize(
    ("claim", "span"),
    [
        (
            "The 2003 European heat wave killed as many as 2,000 people a day.",
            "The 2003 European heat wave killed an estimated 35,000 people.",
        ),
        (
            "The city will give Halvard Motors 2 billion yuan in subsidies for its car factory.",
            "An initial tranche of 10 billion yuan is to be paid in when Halvard Motors' car unit is formed.",
        ),
    ],
)
def test_a_model_contradiction_resting_on_a_figure_of_another_measure_is_neutral(claim, span):
    candidate = _candidate(claim, span, (0.05, 0.9, 0.05), "same")
    decide(claim, candidate, StanceThresholds())
    assert candidate.stance is Stance.NEUTRAL and "measure something else" in candidate.why


def test_a_wrong_month_of_one_deal_stays_a_contradiction():
    claim = "Hartigan Motors paid €1.2 billion for Stonebridge Data in August 2019."
    candidate = _candidate(
        claim,
        "Hartigan Motors paid €1.2 billion for Stonebridge Data in March 2019.",
        (0.1, 0.8, 0.1),
        "same",
    )
    decide(claim, candidate, StanceThresholds())
    assert candidate.stance is Stance.CONTRADICTS


def test_a_model_contradiction_on_a_price_the_span_does_not_give_is_not_decisive():
    claim = "Pavlin Steel paid €120 million for Pinemoor."
    candidate = _candidate(claim, "Pavlin Steel bought Pinemoor in July 2018.", (0.05, 0.9, 0.05), "same")
    decide(claim, candidate, StanceThresholds())
    assert candidate.stance is Stance.NEUTRAL


def test_a_model_contradiction_stands_where_the_span_gives_a_figure_the_rules_could_not_pair():
    claim = "The Santa Clause 2 is a 2000 film."
    candidate = _candidate(
        claim, "The Santa Clause 2 is a 2002 American comedy film.", (0.05, 0.9, 0.05), "same"
    )
    decide(claim, candidate, StanceThresholds())
    assert candidate.stance is Stance.CONTRADICTS


@pytest.mark.parametrize(
    ("claim", "span", "word"),
    [
        (
            "The Brossard plant in Kosice has started production.",
            "The Brossard plant in Kosice has not yet started production.",
            "not",
        ),
        (
            "Tavira Tyres will build a plant in Leipzig.",
            "Tavira Tyres will not build a plant in Leipzig, it said.",
            "not",
        ),
        (
            "Oakhurst Robotics' revenue rose 12% in 2016.",
            "Oakhurst Robotics' revenue fell 12% in 2016.",
            "fell",
        ),
        # withholding is not denying
        (
            "Xiaomi will keep the Deepmotion brand.",
            "Xiaomi did not say whether it will keep the Deepmotion brand.",
            None,
        ),
        ("Sales rose 5% in 2020.", "Sales rose 5% in 2020 while costs fell.", None),
        # a negation in another clause of the span negates something else
        (
            "Violator was certified platinum in Britain.",
            "Violator was certified platinum in Britain in 1990; the band never toured Asia that year.",
            None,
        ),
        (
            "The plant has started production.",
            "The plant has started production, but the company would not say when sales begin.",
            None,
        ),
        # ... while one among the claim's words, or just before them, does
        (
            "The company started production in Beijing.",
            "In Beijing, production has not started at the company.",
            "not",
        ),
        (
            "Xiaomi sells phones in India.",
            "Xiaomi no longer sells phones in India.",
            "no",
        ),
        ("Xiaomi will build 300,000 cars a year.", "Xiaomi will build 300,000 cars a year.", None),
    ],
)
def test_turned_around(claim, span, word):
    from factcheck.verification.stance import turned_around

    assert turned_around(claim, span) == word


def test_a_negated_span_never_supports():
    claim = "Xiaomi has opened its Beijing plant."
    candidate = _candidate(
        claim, "Xiaomi has not opened a plant in Beijing yet, officials said.", (0.9, 0.05, 0.05)
    )
    decide(claim, candidate, StanceThresholds())
    assert candidate.stance is not Stance.SUPPORTS


def test_an_entailment_that_leaves_a_figure_unsaid_is_no_support():
    claim = "Xiaomi's Beijing car factory will cost 5 billion euros to build."
    candidate = _candidate(
        claim, "Xiaomi's Beijing car factory will be built in two phases.", (0.9, 0.05, 0.05), "same"
    )
    decide(claim, candidate, StanceThresholds())
    assert candidate.stance is Stance.NEUTRAL


def test_a_span_that_withholds_is_no_support():
    claim = "Xiaomi will keep the Deepmotion brand."
    span = "Xiaomi did not say whether it intends to keep the Deepmotion brand."
    candidate = _candidate(claim, span, (0.8, 0.1, 0.1), "same")
    decide(claim, candidate, StanceThresholds())
    assert candidate.stance is Stance.NEUTRAL


_N, _S, _C = Stance.NEUTRAL, Stance.SUPPORTS, Stance.CONTRADICTS
_ENTAILS, _CONTRADICTS = (0.95, 0.02, 0.03), (0.05, 0.9, 0.05)


@pytest.mark.parametrize(
    ("claim", "span", "probs", "about", "overlap", "expected"),
    [
        # a part of the subject does not support the whole
        (
            "Marquez Solar had about 1,200 employees at the end of 2025.",
            "Marquez Solar's software unit had about 1,200 employees at the end of 2025.",
            _ENTAILS,
            "same",
            0.6,
            _N,
        ),
        (
            "Marquez Solar had about 1,200 employees at the end of 2025.",
            "Marquez Solar had about 1,200 employees at the end of 2025, the company said.",
            _ENTAILS,
            "same",
            0.6,
            _S,
        ),
        # a negated claim against the fact it negates ("24th" is the number 24)
        (
            "Neil Diamond was not born on January 24th, 1941.",
            "Neil Leslie Diamond (born January 24, 1941) is an American singer-songwriter and actor.",
            (0.3, 0.3, 0.4),
            "same",
            0.6,
            _C,
        ),
        # a date given less precisely establishes nothing
        (
            "Xiaomi bought Deepmotion on 25 August 2021.",
            "Xiaomi bought Deepmotion in August 2021.",
            _ENTAILS,
            "same",
            0.6,
            _N,
        ),
        (
            "Xiaomi bought Deepmotion in August 2021.",
            "Xiaomi bought Deepmotion on 25 August 2021.",
            _ENTAILS,
            "same",
            0.6,
            _S,
        ),
        # a look-alike figure for a claim that names no subject decides only on a close span
        (
            "A sea level rise of 65 centimeters would cause significant problems for coastal cities.",
            "Under a low-emission scenario, sea level rise by 2100 is projected at about 30 centimeters.",
            (0.1, 0.5, 0.4),
            "unknown",
            0.3,
            _N,
        ),
        (
            "A sea level rise of 65 centimeters would cause significant problems for coastal cities.",
            "A sea level rise of 20 centimeters would cause significant problems for coastal cities.",
            (0.1, 0.5, 0.4),
            "unknown",
            0.8,
            _C,
        ),
        # a model contradiction needs something that differs
        (
            "Renato Balestra was born in Trieste.",
            "Born in Trieste, Renato Balestra comes from a family of architects.",
            _CONTRADICTS,
            "same",
            0.6,
            _N,
        ),
        (
            "Tilda Swinton is only Scottish.",
            "Tilda Swinton is a Scottish and British actress.",
            _CONTRADICTS,
            "same",
            0.6,
            _C,
        ),
        (
            "Xiaomi did not buy Deepmotion.",
            "Xiaomi bought Deepmotion in 2021 for its car unit.",
            _CONTRADICTS,
            "same",
            0.6,
            _C,
        ),
        # a place the span never names is silence; another place it names is a contradiction
        (
            "Mahaakshay Chakraborty was born in Kolkata.",
            "Mahaakshay Chakraborty (born on 30 July 1984), is an Indian actor in the Hindi film industry.",
            _CONTRADICTS,
            "same",
            0.6,
            _N,
        ),
        (
            "Anne Rice was born in New Mexico.",
            "Born in New Orleans, Anne Rice spent much of her early life there before moving to Texas.",
            _CONTRADICTS,
            "same",
            0.6,
            _C,
        ),
        (
            "Angelsberg is in Canada.",
            "Angelsberg is a small town in the commune of Fischbach, in central Luxembourg.",
            _CONTRADICTS,
            "same",
            0.6,
            _C,
        ),
    ],
)
def test_decisions(claim, span, probs, about, overlap, expected):
    candidate = _candidate(claim, span, probs, about=about)
    candidate.overlap = overlap
    decide(claim, candidate, StanceThresholds())
    assert candidate.stance is expected


def test_a_contradiction_that_survives_without_its_agreeing_figures_stands():
    claim = "Down With Love is a 2003 horror film."
    span = "Down with Love is a 2003 romantic comedy film."
    resting = _candidate(claim, span, (0.02, 0.96, 0.02))
    resting.figure_free_probs = (0.3, 0.2, 0.5)  # without "2003" the model no longer contradicts
    decide(claim, resting, StanceThresholds())
    assert resting.stance is Stance.NEUTRAL
    surviving = _candidate(claim, span, (0.02, 0.96, 0.02))
    surviving.figure_free_probs = (0.02, 0.95, 0.03)
    decide(claim, surviving, StanceThresholds())
    assert surviving.stance is Stance.CONTRADICTS


@pytest.mark.parametrize(
    ("claim", "span", "other"),
    [
        # a quoted title the span does not name: its date is another work's
        (
            'In 1992, the band\'s second album, "Dirt", was released.',
            "In 1995, the band released the first track from their self-titled album, Grind.",
            True,
        ),
        (
            'A live album, simply titled "Live", was released in 2000.',
            "Live Facelift was released in 1991.",
            True,
        ),
        # the span names the work, with or without quotes: its date speaks to the claim
        ('Their album "Dirt" was released in 1992.', "Dirt was released in 1993 by Columbia.", False),
        # a quoted sentence is a quotation, not a title; no title at all
        (
            'Xiaomi said: "We will build 300,000 cars a year at the new plant."',
            "Xiaomi will build cars.",
            False,
        ),
        ("Xiaomi paid 70 million euros for Deepmotion.", "Xiaomi paid 700 million euros.", False),
    ],
)
def test_a_quoted_title_the_span_does_not_name(claim, span, other):
    from factcheck.verification.stance import untitled_work

    assert untitled_work(claim, span) is other
