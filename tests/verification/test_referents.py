"""Evidence referents: an opening subject pronoun of a span is read as the name of the sentence before it."""

from __future__ import annotations

import pytest

from factcheck.domain import Claim, Passage
from factcheck.verification.referents import resolve_span
from factcheck.verification.verifier import Verifier


@pytest.mark.parametrize(
    ("span", "before", "expected"),
    [
        (
            "In 2013 she was ranked as the fifth highest earning actress in Israel.",
            "Gal Gadot is an Israeli actress and model. ",
            "In 2013 Gal Gadot was ranked as the fifth highest earning actress in Israel.",
        ),
        ("It has 300 employees.", "Xiaomi EV was registered in 2021. ", "Xiaomi EV has 300 employees."),
        (
            "Its capital is 10 billion yuan.",
            "Xiaomi EV was registered. ",
            "Xiaomi EV's capital is 10 billion yuan.",
        ),
        # the nearest sentence that names someone
        (
            "Since 1990, he has lived in Paris.",
            "Steven Spielberg moved to France. The film was shot in Texas. ",
            "Since 1990, Steven Spielberg has lived in Paris.",
        ),
        # unchanged: an "it" that stands for nothing, a description, nothing named before, no pronoun
        ("It is estimated that 300 people died.", "Xiaomi built a plant. ", None),
        ("It was not until 2021 that Xiaomi moved.", "Xiaomi built a plant. ", None),
        ("The unit had 300 employees.", "Xiaomi EV was registered in 2021. ", None),
        ("She did become pregnant after the deaths.", "", None),
        ("Xiaomi EV has 300 employees.", "Xiaomi registered a unit. ", None),
    ],
)
def test_resolve_span(span, before, expected):
    assert resolve_span(span, before) == (expected or span)


def test_the_model_and_the_comparison_read_the_resolved_span_but_quotes_stay_exact():
    verifier = Verifier()
    text = "Halvard Motors is a carmaker based in Oslo. It has 300 employees."
    passage = Passage(doc_id="halvard", start=0, end=len(text), text=text)
    claim = Claim(id="c", text="Halvard Motors has 3,000 employees.", start=0, end=35)
    verifier.warm_up()
    spans = verifier.score([claim], [[passage]])[0]
    second = next(s for s in spans if s.text == "It has 300 employees.")
    assert verifier._model_text(second) == "Halvard Motors has 300 employees."
    # the comparison names the claim's subject now, so the figure conflict is about it
    assert any(f.kind == "number" and f.outcome == "conflict" for f in second.findings)
    assert text[second.start - passage.start : second.end - passage.start] == second.text
