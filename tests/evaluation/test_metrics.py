"""Evaluation metrics against small hand-computed cases."""

from __future__ import annotations

import pytest

from factcheck.evaluation import metrics

S, C, U = "supported", "contradicted", "unverified"


def test_three_class_case_computed_by_hand():
    gold = [S, S, C, U, U, U]
    pred = [S, C, C, U, S, U]
    assert metrics.accuracy(gold, pred) == pytest.approx(4 / 6)
    scores = metrics.per_class_scores(gold, pred)
    assert (scores[S].precision, scores[S].recall, scores[S].f1, scores[S].support) == (0.5, 0.5, 0.5, 2)
    assert scores[C].precision == 0.5 and scores[C].recall == 1.0
    assert scores[C].f1 == pytest.approx(2 / 3)
    assert scores[U].precision == 1.0 and scores[U].recall == pytest.approx(2 / 3)
    assert scores[U].f1 == pytest.approx(0.8)
    assert metrics.macro_f1(gold, pred) == pytest.approx((0.5 + 2 / 3 + 0.8) / 3)
    assert metrics.confusion_matrix(gold, pred) == {
        S: {S: 1, C: 1, U: 0},
        C: {S: 0, C: 1, U: 0},
        U: {S: 1, C: 0, U: 2},
    }


def test_class_absent_from_gold_is_left_out_of_macro_f1():
    gold = [S, S, C, C]
    pred = [S, U, C, C]
    scores = metrics.per_class_scores(gold, pred)
    assert scores[U].support == 0 and scores[U].precision == 0.0
    assert scores[U].recall is None and scores[U].f1 is None
    assert metrics.macro_f1(gold, pred) == pytest.approx((2 / 3 + 1.0) / 2)


def test_class_never_predicted_scores_zero_f1():
    scores = metrics.per_class_scores([S, C], [S, S])
    assert scores[C].precision is None and scores[C].recall == 0.0 and scores[C].f1 == 0.0
    assert scores[S].f1 == pytest.approx(2 / 3)
    assert metrics.macro_f1([S, C], [S, S]) == pytest.approx(1 / 3)
    untouched = scores[U]
    assert (untouched.precision, untouched.recall, untouched.f1, untouched.support) == (None, None, None, 0)


def test_perfect_and_worst_predictions():
    gold = [S, C, U, U]
    assert metrics.accuracy(gold, gold) == 1.0
    assert metrics.macro_f1(gold, gold) == 1.0
    worst = [C, U, S, S]
    assert metrics.accuracy(gold, worst) == 0.0
    assert metrics.macro_f1(gold, worst) == 0.0


def test_no_claims_gives_none_and_length_mismatch_is_an_error():
    assert metrics.accuracy([], []) is None
    assert metrics.macro_f1([], []) is None
    assert metrics.expected_calibration_error([], []) is None
    with pytest.raises(ValueError):
        metrics.accuracy([S], [])
    with pytest.raises(ValueError):
        metrics.confusion_matrix([S], ["maybe"])


def test_expected_calibration_error_on_a_tiny_case():
    confidences = [0.95, 0.95, 0.65, 0.35]
    correct = [True, False, True, True]
    # bin 9: acc 0.5 vs conf 0.95 (2 claims); bin 6: 1.0 vs 0.65; bin 3: 1.0 vs 0.35
    expected = 2 / 4 * 0.45 + 1 / 4 * 0.35 + 1 / 4 * 0.65
    assert metrics.expected_calibration_error(confidences, correct) == pytest.approx(expected)
    assert metrics.expected_calibration_error([1.0, 0.0], [True, False]) == pytest.approx(0.0)
    bins = metrics.reliability_bins([1.0, 0.0, 0.1], [True, False, True])
    assert len(bins) == 10 and bins[9]["count"] == 1 and bins[0]["count"] == 1 and bins[1]["count"] == 1


def test_recall_at_k_counts_distinct_documents_and_skips_unverified():
    gold_docs = [["a"], ["b", "c"], [], ["d"]]
    retrieved = [["x", "a", "a", "y"], ["b", "z"], ["a"], ["d"]]
    labels = [S, C, S, U]
    assert metrics.recall_at_k(gold_docs, retrieved, labels) == {
        "1": pytest.approx(0.25),
        "5": pytest.approx(0.75),
        "20": pytest.approx(0.75),
    }
    # passages of one document count once: "a" is the second distinct document, not the third
    assert metrics.recall_at_k([["y"]], [["x", "x", "x", "y"]], [S], ks=(2,)) == {"2": 1.0}
    assert metrics.recall_at_k([[]], [["a"]], [S]) == {"1": None, "5": None, "20": None}


def test_evidence_accuracy_follows_the_fever_score():
    gold = [S, C, U, S]
    pred = [S, C, U, C]
    gold_docs = [["a"], ["b"], [], ["c"]]
    cited = [["a"], ["x"], [], ["c"]]
    # right label and gold doc; right label, wrong doc; unverified: label only; wrong label
    assert metrics.evidence_accuracy(gold, pred, gold_docs, cited) == pytest.approx(0.5)
    assert metrics.evidence_accuracy([S, U], [S, U], [[], []], [["a"], []]) is None


def test_false_contradiction_rate_computed_by_hand():
    gold = [S, S, S, S, U, U, U, C, C]
    pred = [S, C, U, C, C, U, S, C, U]
    rates = metrics.false_contradiction_rate(gold, pred)
    # 2 of 4 gold-supported called contradicted, 1 of 3 gold-unverified, 3 of 7 together
    assert rates == {"supported": 0.5, "unverified": pytest.approx(1 / 3), "overall": pytest.approx(3 / 7)}
    # gold-contradicted claims are not false contradictions whatever they are called
    assert metrics.false_contradiction_rate([C, C], [C, S]) == {
        "supported": None,
        "unverified": None,
        "overall": None,
    }
    assert metrics.false_contradiction_rate([S, S], [S, U]) == {
        "supported": 0.0,
        "unverified": None,
        "overall": 0.0,
    }
    assert metrics.contradicted_recall(gold, pred) == 0.5
    assert metrics.contradicted_recall([S, U], [C, C]) is None
    with pytest.raises(ValueError):
        metrics.false_contradiction_rate([S], [])


def test_balanced_accuracy_computed_by_hand():
    gold = [True, True, True, True, False, False]
    pred = [True, True, True, False, False, True]
    # positive recall 3/4, negative recall 1/2
    assert metrics.balanced_accuracy(gold, pred) == pytest.approx((0.75 + 0.5) / 2)
    assert metrics.balanced_accuracy([True, False], [True, True]) == pytest.approx(0.5)
    assert metrics.balanced_accuracy([True, False], [False, True]) == 0.0
    assert metrics.balanced_accuracy([True, True], [True, False]) is None  # one class only
    assert metrics.balanced_accuracy([], []) is None
