"""Check-worthiness: the rules, the shipped model and its hash check, the threshold and explanations."""

from __future__ import annotations

import json
import shutil

import pytest

from factcheck.claims.extraction import extract, extract_claims
from factcheck.claims.scoring import MODEL_DIR, SIGNALS, assess, load_model, signals
from factcheck.domain import Claim
from factcheck.errors import InputError, ModelError


def test_rules_score_zero_and_say_why():
    for text, kind in (
        ("Why would a phone maker want to build cars?", "question"),
        ("By Jane Doe", "byline"),
    ):
        worth = assess(text)
        assert worth.score == 0.0 and worth.kind == kind and worth.reasons == (kind,)


def test_specific_statements_outscore_vague_and_hedged_ones():
    specific = assess("Xiaomi bought Deepmotion in August 2021 for 70 million euros.")
    vague = assess("Analysts think this may change things for many people.")
    assert specific.score > 0.9 > vague.score
    assert any("figure" in r or "date" in r or "money" in r for r in specific.reasons)
    assert specific.explain().startswith(f"{specific.score:.2f}: ")


def test_signals_read_figures_with_the_rule_parser():
    sig = dict(
        zip(
            SIGNALS,
            signals("Renova sold 140,000 scooters in 2023, 35% more than we did.").values,
            strict=True,
        )
    )
    assert sig["figure"] == sig["date"] == sig["first_person"] == 1.0
    assert (
        dict(zip(SIGNALS, signals("It was sold to US dollars buyers.").values, strict=True))["first_person"]
        == 0.0
    )


def test_the_shipped_model_is_checked_against_its_manifest(tmp_path):
    model = load_model()
    assert 0.0 < model.threshold < 1.0 and len(model.weights) == len(SIGNALS)
    copy = tmp_path / "checkworthy"
    shutil.copytree(MODEL_DIR, copy)
    weights = json.loads((copy / "weights.json").read_text(encoding="utf-8"))
    weights["bias"] += 1.0
    (copy / "weights.json").write_text(json.dumps(weights), encoding="utf-8")
    with pytest.raises(ModelError, match="manifest"):
        load_model.__wrapped__(copy)
    (copy / "weights.json").unlink()
    with pytest.raises(ModelError, match="missing"):
        load_model.__wrapped__(copy)


def test_a_higher_threshold_keeps_fewer_claims_and_lists_the_rest():
    text = (
        "Xiaomi bought Deepmotion in August 2021 for 70 million euros. The deal may help the company. "
        "It is thought to be a good move for Xiaomi, which could grow."
    )
    loose, strict = extract(text, min_checkworthiness=0.0), extract(text, min_checkworthiness=0.95)
    assert len(strict.claims) < len(loose.claims)
    assert strict.claims and all(c.checkworthiness >= 0.95 for c in strict.claims)
    assert any(d.reason.startswith("not check-worthy (") for d in strict.dropped)
    assert {d.text for d in strict.dropped} >= {"The deal may help the company."}
    with pytest.raises(InputError):
        extract_claims(text, min_checkworthiness=1.5)


def test_claims_carry_their_score_reasons_and_spans():
    text = "Renova Motors makes scooters. The aim? To make only electric cars."
    claims = extract_claims(text)
    merged = claims[-1]
    assert merged.text == "Renova Motors's aim is to make only electric cars."
    assert merged.spans == ((30, 38), (39, 66)) and text[merged.start : merged.end] == text[30:66]
    data = merged.to_dict()
    assert data["checkworthiness"] == merged.checkworthiness and data["kept_because"] == merged.kept_because
    assert Claim(id="x", text="t", start=0, end=1).to_dict()["spans"] == ()


def test_a_generic_our_is_no_first_person_but_a_personal_one_is():
    assert "first_person" not in signals("The giant planets in our solar system rotate faster.").evidence
    assert signals("Our team visited the plant in 2020.").evidence.get("first_person") == "our"


def test_a_capitalised_word_inside_a_sentence_is_a_name_not_a_marker():
    named = signals("The callback runs when the Future completes, with an argument of Try[T].").evidence
    assert "prediction" not in named and "advice" not in named
    assert signals("Prices will rise in the future.").evidence.get("prediction") in {"will", "future"}
    assert signals("Try the new menu.").evidence.get("advice") == "try"
