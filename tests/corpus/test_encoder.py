import numpy as np
import pytest

from factcheck.corpus.encoder import WEIGHTS_SHA256, model_dir, sha256_file, verify_weights
from factcheck.errors import ModelError


def test_weights_match_the_pinned_hash():
    assert sha256_file(model_dir() / "model.safetensors") == WEIGHTS_SHA256


def test_a_tampered_weight_file_is_refused(tmp_path):
    fake = tmp_path / "model.safetensors"
    fake.write_bytes(b"not the model")
    with pytest.raises(ModelError, match="does not match"):
        verify_weights(fake, WEIGHTS_SHA256)


def test_embeddings_equal_sentence_transformers(embedder):
    from sentence_transformers import SentenceTransformer

    texts = ["Xiaomi paid about 70 million euros for Deepmotion.", "short", "The EV unit has 300 employees."]
    reference = SentenceTransformer(str(model_dir()), device="cpu").encode(texts, normalize_embeddings=True)
    ours = embedder.embed(texts)
    assert ours.shape == (3, 384)
    assert np.abs(ours - reference).max() < 1e-4


def test_related_sentences_are_closer_than_unrelated(embedder):
    a, b, c = embedder.embed(
        ["Xiaomi bought Deepmotion.", "Deepmotion was acquired by Xiaomi.", "It rained in Oslo."]
    )
    assert float(a @ b) > float(a @ c) + 0.2


def test_the_sentence_transformers_index_encoder_gives_the_same_vectors(embedder):
    from factcheck.corpus.encoder import SentenceTransformerEmbedder, index_embedder

    texts = [
        "Xiaomi paid about 70 million euros for Deepmotion.",
        "The plant will build 300,000 cars a year.",
    ]
    batch = index_embedder("sentence-transformers")
    assert isinstance(batch, SentenceTransformerEmbedder)
    assert index_embedder("light") is not batch
    assert np.abs(batch.embed(texts, batch_size=2) - embedder.embed(texts)).max() < 1e-4


def test_an_unknown_index_encoder_is_a_clear_error():
    from factcheck.corpus.encoder import index_embedder

    with pytest.raises(ModelError, match="unknown index encoder"):
        index_embedder("word2vec")
