"""The indexing component: a Haystack component around build_index, every setting an init parameter."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.corpus.indexer import CorpusIndexer
from factcheck.errors import InputError


def test_indexer_component(tmp_path: Path, embedder) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("# A\n\nAcme opened a plant in Berlin.\n")
    indexer = CorpusIndexer.from_dict(CorpusIndexer(index=str(tmp_path / "idx")).to_dict())
    output = indexer.run(paths=[str(tmp_path / "docs")])
    assert output["report"].added == ["a"] and output["corpus_version"] == output["report"].corpus_version


def test_every_indexer_setting_is_an_init_parameter_that_survives_to_dict(
    tmp_path: Path, monkeypatch
) -> None:
    chosen = {
        "approximate": False,
        "passage_sentences": 2,
        "passage_overlap": 0,
        "passage_max_chars": 300,
        "approximate_above": 1000,
        "embed_batch_size": 4,
        "index_lock_timeout": 1.5,
        "max_input_bytes": 10_000,
        "index_encoder": "light",
    }
    indexer = CorpusIndexer(index=str(tmp_path / "idx"), **chosen)
    data = indexer.to_dict()
    assert data["init_parameters"] == {"index": str(tmp_path / "idx"), **chosen}
    assert CorpusIndexer.from_dict(data).to_dict() == data
    # the component's limits hold whatever the environment says
    monkeypatch.setenv("FACTCHECK_MAX_INPUT_BYTES", "999999999")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "big.md").write_text("# Big\n\n" + "Acme opened a plant in Berlin. " * 500)
    with pytest.raises(InputError, match="no readable documents"):
        CorpusIndexer.from_dict(data).run(paths=[str(tmp_path / "docs")])


def test_indexer_refuses_impossible_passage_settings(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        CorpusIndexer(index=str(tmp_path / "idx"), passage_sentences=2, passage_overlap=2)
    with pytest.raises(InputError):
        CorpusIndexer(index=str(tmp_path / "idx"), embed_batch_size=0)


def test_an_unknown_index_encoder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown index encoder"):
        CorpusIndexer(index=str(tmp_path / "idx"), index_encoder="word2vec")
