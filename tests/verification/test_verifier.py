import pytest

from factcheck.domain import Claim, Label, Passage, Stance
from factcheck.errors import InputError
from factcheck.verification.verifier import NO_EVIDENCE, Verifier, candidate_spans, verify_texts

DOCS = {
    "deepmotion-deal": (
        "Xiaomi buys self-driving start-up\n\n"
        "Xiaomi said on Tuesday it had bought autonomous-driving company Deepmotion for about 70 million "
        "euros (77.4 million US dollars). The deal closed in August 2021. Deepmotion has offices in Beijing."
    ),
    "bank-results": "Bank results\n\nShares of the bank fell 3% on Monday after it reported weak results.",
}


def passages_of(doc_id: str) -> list[Passage]:
    text = DOCS[doc_id]
    body = text.index("\n\n") + 2
    return [Passage(doc_id=doc_id, start=body, end=len(text), text=text[body:], title=doc_id, score=1.0)]


def claim(text: str) -> Claim:
    return Claim(id=Claim.make_id(text), text=text, start=0, end=len(text))


@pytest.fixture(scope="module")
def verifier():
    component = Verifier.from_settings()
    component.warm_up()
    return component


def test_no_passages_is_unverified_with_that_reason(verifier):
    (verdict,) = verifier.run(claims=[claim("Xiaomi bought Deepmotion.")], passages=[[]])["verdicts"]
    assert verdict.label is Label.UNVERIFIED
    assert verdict.reason == NO_EVIDENCE
    assert verdict.evidence == ()


def test_supported_claim_quotes_the_exact_span(verifier):
    (verdict,) = verifier.run(
        claims=[claim("Deepmotion was bought by Xiaomi.")], passages=[passages_of("deepmotion-deal")]
    )["verdicts"]
    assert verdict.label is Label.SUPPORTED
    assert "deepmotion-deal" in verdict.reason
    assert verdict.evidence
    for evidence in verdict.evidence:
        assert DOCS[evidence.doc_id][evidence.start : evidence.end] == evidence.text
    assert verdict.evidence[0].stance is Stance.SUPPORTS
    assert "Deepmotion" in verdict.evidence[0].text
    assert 0.5 <= verdict.confidence <= 1.0


def test_wrong_amount_is_contradicted_and_names_the_document(verifier):
    (verdict,) = verifier.run(
        claims=[claim("Xiaomi paid €700 million for Deepmotion.")], passages=[passages_of("deepmotion-deal")]
    )["verdicts"]
    assert verdict.label is Label.CONTRADICTED, verdict.reason
    assert "deepmotion-deal" in verdict.reason
    assert verdict.evidence[0].stance is Stance.CONTRADICTS


def test_oracle_form_contradicts_the_wrong_amount():
    verdict = verify_texts(
        "Xiaomi paid €700 million for Deepmotion.", ["Xiaomi bought Deepmotion for about 70 million euros."]
    )
    assert verdict.label is Label.CONTRADICTED, verdict.reason
    assert verdict.evidence[0].doc_id == "gold-1"


def test_unrelated_evidence_leaves_the_claim_unverified(verifier):
    (verdict,) = verifier.run(
        claims=[claim("Xiaomi's factory in Beijing can build 300,000 cars a year.")],
        passages=[passages_of("bank-results")],
    )["verdicts"]
    assert verdict.label is Label.UNVERIFIED
    assert verdict.evidence[0].stance is Stance.NEUTRAL


def test_claims_are_batched_in_order(verifier):
    claims = [
        claim("Deepmotion was bought by Xiaomi."),
        claim("Nothing to see."),
        claim("Xiaomi did not buy Deepmotion."),
    ]
    verdicts = verifier.run(
        claims=claims, passages=[passages_of("deepmotion-deal"), [], passages_of("deepmotion-deal")]
    )["verdicts"]
    assert [v.claim for v in verdicts] == claims
    assert [v.label for v in verdicts] == [Label.SUPPORTED, Label.UNVERIFIED, Label.CONTRADICTED]


def test_mismatched_inputs_are_refused(verifier):
    with pytest.raises(InputError):
        verifier.run(claims=[claim("A claim.")], passages=[])


def test_spans_are_sentences_and_windows_with_document_offsets():
    spans = candidate_spans(
        0, claim("Xiaomi bought Deepmotion in August 2021."), passages_of("deepmotion-deal"), 10
    )
    texts = {s.text for s in spans}
    assert "The deal closed in August 2021." in texts
    assert any(t.startswith("Xiaomi said") and t.endswith("August 2021.") for t in texts)
    for span in spans:
        assert DOCS["deepmotion-deal"][span.start : span.end] == span.text
    assert len(candidate_spans(0, claim("x"), passages_of("deepmotion-deal"), 2)) == 2


def test_component_round_trip():
    component = Verifier(support_threshold=0.6, contradict_threshold=0.55, max_spans=4, use_quantities=False)
    data = component.to_dict()
    assert data["init_parameters"]["support_threshold"] == 0.6
    again = Verifier.from_dict(data)
    assert again.to_dict() == data
    assert again.max_spans == 4 and again.use_quantities is False


def test_a_rank_conflict_from_the_quantity_check_contradicts(verifier):
    text = "Xiaomi, the world's second-largest smartphone maker, said it will move into electric cars."
    passage = Passage(doc_id="xiaomi-ev-plan", start=0, end=len(text), text=text)
    (verdict,) = verifier.run(
        claims=[claim("Xiaomi is the world's largest smartphone maker.")], passages=[[passage]]
    )["verdicts"]
    assert verdict.label is Label.CONTRADICTED, verdict.reason
    assert "second-largest" in verdict.reason and "xiaomi-ev-plan" in verdict.reason


def _passage(doc_id: str, text: str) -> Passage:
    return Passage(doc_id=doc_id, start=0, end=len(text), text=text, title=doc_id)


def test_a_weaker_matching_contradiction_does_not_pull_the_verdict_down(verifier):
    """The best-matching spans decide: a sentence about an aim ("aims to become the largest") matches the
    claim less well, so the model's contradiction there is a distractor, not a second side."""
    rank = claim("Xiaomi is the world's second-largest smartphone maker.")
    passages = [
        _passage(
            "plan", "Xiaomi, the group that ranks as the world's second-largest smartphone maker, makes cars."
        ),
        _passage("shipments", "Xiaomi overtook Apple to become the world's second-largest smartphone maker."),
        _passage(
            "ambition",
            "Xiaomi's founder told staff the group now aims to become the largest smartphone maker.",
        ),
    ]
    verdict = verifier.run(claims=[rank], passages=[passages])["verdicts"][0]
    assert verdict.label is Label.SUPPORTED
    assert "but" not in verdict.reason  # the distractor is not presented as evidence against
    assert verdict.evidence[0].doc_id in {"plan", "shipments"}


def test_a_conflicting_figure_is_decisive_against_agreeing_context(verifier):
    price = claim("Xiaomi paid 700 million euros for Deepmotion.")
    passages = [
        _passage("deal", "Xiaomi paid about 70 million euros for Deepmotion, a Beijing start-up."),
        _passage("recap", "Xiaomi bought the autonomous-driving start-up Deepmotion last year."),
        _passage("profile", "Deepmotion, bought by Xiaomi, develops autonomous-driving software."),
    ]
    verdict = verifier.run(claims=[price], passages=[passages])["verdicts"][0]
    assert verdict.label is Label.CONTRADICTED
    assert verdict.evidence[0].doc_id == "deal"
    assert "70 million euros" in verdict.reason and "700 million euros" in verdict.reason


class _TwoViews:
    """A verdict model with one reading for a span read with its title and another for the bare span."""

    def __init__(self, titled: tuple[float, float, float], bare: tuple[float, float, float]) -> None:
        self.titled, self.bare, self.read = titled, bare, []

    def warm_up(self) -> None:
        pass

    def predict_proba(self, pairs, batch_size=32):
        self.read.extend(text for _, text in pairs)
        return [self.titled if ": " in text else self.bare for _, text in pairs]


_SPAN = "Deepmotion works from a campus outside the city."
_TITLED = f"Xiaomi agrees 2021 deal for Deepmotion: {_SPAN}"


def _two_view_verdict(titled, bare):
    component = Verifier()
    component._model = _TwoViews(titled=titled, bare=bare)
    passage = Passage(
        doc_id="deal", start=0, end=len(_SPAN), text=_SPAN, title=_TITLED.split(":")[0], score=1.0
    )
    (verdict,) = component.run(claims=[claim("Deepmotion has offices in Beijing.")], passages=[[passage]])[
        "verdicts"
    ]
    return verdict, component._model.read


@pytest.mark.parametrize(
    ("titled", "bare", "contradicted", "read"),
    [
        # the bare span is neutral: the mean of the readings (contradicts 0.5) is below the threshold
        ((0.0, 0.9, 0.1), (0.1, 0.1, 0.8), False, [_TITLED, _SPAN]),
        # a contradiction read in both views stands
        ((0.0, 0.95, 0.05), (0.0, 0.9, 0.1), True, [_TITLED, _SPAN]),
        # the bare reading never adds to a contradiction (0.65 titled; the mean, 0.725, would cross 0.7)
        ((0.05, 0.65, 0.3), (0.05, 0.8, 0.15), False, [_TITLED, _SPAN]),
        # a span the model does not lean to contradict is read once
        ((0.9, 0.05, 0.05), (0.9, 0.05, 0.05), False, [_TITLED]),
    ],
)
def test_a_contradiction_must_hold_without_the_title(titled, bare, contradicted, read):
    verdict, seen = _two_view_verdict(titled, bare)
    assert (verdict.label is Label.CONTRADICTED) is contradicted
    assert seen == read
