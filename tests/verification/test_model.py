import json
import shutil

import numpy as np
import pytest

from factcheck.errors import ModelError
from factcheck.verification.model import (
    CONFIG_FILE,
    DELTA_FILE,
    LABELS,
    MANIFEST_FILE,
    MODEL_FOLDER,
    VerifierModel,
    check_folder,
    shared_verifier_model,
)


@pytest.fixture(scope="module")
def model():
    shipped = shared_verifier_model()
    shipped.warm_up()
    return shipped


def test_shipped_model_is_small_and_matches_its_manifest():
    config = check_folder(MODEL_FOLDER)
    assert config.labels == LABELS
    assert 1 <= config.trained_layers <= 6
    assert config.temperature > 0
    total = sum(p.stat().st_size for p in MODEL_FOLDER.iterdir() if p.is_file())
    assert total <= 20_000_000
    assert (MODEL_FOLDER / "MODEL_CARD.md").is_file()


def test_a_tampered_delta_is_refused(tmp_path):
    copy = tmp_path / "verifier"
    shutil.copytree(MODEL_FOLDER, copy)
    data = bytearray((copy / DELTA_FILE).read_bytes())
    data[-1] ^= 0xFF
    (copy / DELTA_FILE).write_bytes(bytes(data))
    with pytest.raises(ModelError, match="does not match"):
        VerifierModel(copy).warm_up()


def test_a_tampered_config_is_refused(tmp_path):
    copy = tmp_path / "verifier"
    shutil.copytree(MODEL_FOLDER, copy)
    config = json.loads((copy / CONFIG_FILE).read_text())
    config["temperature"] = 0.01
    (copy / CONFIG_FILE).write_text(json.dumps(config))
    with pytest.raises(ModelError, match="does not match"):
        check_folder(copy)


def test_a_missing_manifest_is_refused(tmp_path):
    copy = tmp_path / "verifier"
    shutil.copytree(MODEL_FOLDER, copy)
    (copy / MANIFEST_FILE).unlink()
    with pytest.raises(ModelError, match="manifest"):
        check_folder(copy)


def test_clear_cases(model):
    pairs = [
        ("Xiaomi bought Deepmotion.", "Deepmotion was acquired by Xiaomi in August 2021."),
        ("The factory is not in Beijing.", "The factory is in Beijing."),
        ("The factory is in Beijing.", "Shares of the bank fell 3% on Monday after its results."),
    ]
    probs = model.predict_proba(pairs)
    assert probs.shape == (3, 3)
    assert np.allclose(probs.sum(1), 1.0, atol=1e-5)
    assert [int(row.argmax()) for row in probs] == [0, 1, 2]


def test_batched_scores_equal_single_scores(model):
    pairs = [
        ("A man is sleeping.", "A man sleeps on a couch in a small, dark living room at night."),
        ("Lei Jun leads the unit.", "The unit is led by founder Lei Jun."),
        ("Production starts in 2024.", "Production is to start in 2024."),
    ]
    batched = model.logits(pairs)
    single = np.vstack([model.logits([pair]) for pair in pairs])
    assert np.allclose(batched, single, atol=1e-3)
    assert model.logits([]).shape == (0, 3)
