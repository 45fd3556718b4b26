"""Hybrid retrieval on the bundled demo corpus, the Haystack components, and the default index."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.corpus.index import CorpusIndex, default_index_dir, ensure_index
from factcheck.errors import InputError
from factcheck.settings import BUNDLED_CORPUS, Settings, load_settings


@pytest.fixture(scope="module")
def demo_index(tmp_path_factory, embedder) -> Path:
    """The bundled corpus indexed the way a first ``factcheck check`` does it, in a throw-away cache."""
    cache = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(cache))
        patch.delenv("FACTCHECK_INDEX", raising=False)
        settings = load_settings()
        folder = ensure_index(settings, None, quiet=True, embedder=embedder)
        assert folder == settings.default_index_dir and str(folder).startswith(str(cache))
    return folder


@pytest.mark.parametrize(
    ("query", "doc_id"),
    [
        ("Deepmotion acquisition price", "deepmotion-deal"),
        ("How many cars a year can Xiaomi's Beijing factory build?", "xiaomi-beijing-factory"),
        ("How many employees does Xiaomi EV have?", "xiaomi-ev-unit"),
        ("Xiaomi is the world's second-largest smartphone maker", "xiaomi-smartphone-rank"),
        # Two reports state this figure; either is the right evidence.
        ("Xiaomi will spend 10 billion US dollars on cars over ten years", "xiaomi-ev-plan|xiaomi-ev-unit"),
        ("Lei Jun called the car project the last major venture of his career", "xiaomi-ev-plan"),
        ("Nordvik Shanghai plant capacity", "nordvik-shanghai-factory"),
        ("Castell buys Harlan Robotics", "castell-harlan-acquisition"),
        ("Meridian Guangzhou plant", "meridian-guangzhou-plant"),
    ],
)
def test_hybrid_retrieval_finds_the_right_document(
    demo_index: Path, embedder, query: str, doc_id: str
) -> None:
    with CorpusIndex.open(demo_index, embedder=embedder) as index:
        hits = index.search(query, k=3, mode="hybrid")
        assert hits[0].doc_id in doc_id.split("|")
        for hit in hits:
            assert index.document(hit.doc_id).text[hit.start : hit.end] == hit.text


def test_bundled_corpus_is_indexed_whole_and_html_scripts_dropped(demo_index: Path, embedder) -> None:
    with CorpusIndex.open(demo_index, embedder=embedder) as index:
        ids = set(index.document_versions())
        assert "README" not in ids and len(ids) == 14
        html = index.document("meridian-guangzhou-plant")
        assert html.title == "Meridian Auto doubles Guangzhou plant to 200,000 cars"
        assert "analyticsQueue" not in html.text and "querySelectorAll" not in html.text
        assert "200,000 cars a year" in html.text


def test_default_index_is_reused_and_updated_when_the_corpus_changes(
    demo_index: Path, tmp_path: Path, embedder, monkeypatch
) -> None:
    import factcheck.corpus.index as index_module

    monkeypatch.setenv("XDG_CACHE_HOME", str(demo_index.parent.parent))
    monkeypatch.delenv("FACTCHECK_INDEX", raising=False)
    settings = load_settings()
    calls = []
    real_build = index_module.build_index
    monkeypatch.setattr(index_module, "build_index", lambda *a, **k: calls.append(a) or real_build(*a, **k))
    assert ensure_index(settings, None, quiet=True, embedder=embedder) == demo_index
    assert calls == []  # up to date: not even re-read

    copy = tmp_path / "corpus"
    copy.mkdir()
    for file in BUNDLED_CORPUS.iterdir():
        (copy / file.name).write_bytes(file.read_bytes())
    monkeypatch.setattr(index_module, "BUNDLED_CORPUS", copy)
    (copy / "late-news.md").write_text("# Late news\n\nXiaomi EV hired 200 more engineers.\n")
    counting = []

    class Counting:
        def embed(self, texts, batch_size=64, progress=None):
            counting.extend(texts)
            return embedder.embed(texts, batch_size=batch_size, progress=progress)

    folder = ensure_index(settings, None, quiet=True, embedder=Counting())
    assert folder == demo_index and len(calls) == 1
    with CorpusIndex.open(folder, embedder=embedder) as index:
        assert index.document("late-news") is not None
        assert len(counting) == len(index.passages_of("late-news"))


def test_index_option_beats_environment_beats_bundled(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FACTCHECK_INDEX", str(tmp_path / "from-env"))
    settings = load_settings()
    assert default_index_dir(settings, str(tmp_path / "from-option")) == tmp_path / "from-option"
    assert default_index_dir(settings, None) == tmp_path / "from-env"
    assert ensure_index(settings, None) == tmp_path / "from-env"  # named indexes are never built implicitly
    assert default_index_dir(Settings(), None) == Settings().default_index_dir


def test_retriever_component_in_a_pipeline(demo_index: Path) -> None:
    from haystack import Pipeline

    from factcheck.corpus.retriever import HybridRetriever

    pipeline = Pipeline()
    pipeline.add_component("retriever", HybridRetriever(index=str(demo_index), top_k=2))
    queries = ["Deepmotion acquisition price", "Beijing factory capacity"]
    result = pipeline.run({"retriever": {"queries": queries}})["retriever"]["passages"]
    assert [[p.doc_id for p in hits][0] for hits in result] == ["deepmotion-deal", "xiaomi-beijing-factory"]
    assert all(len(hits) == 2 for hits in result)

    restored = Pipeline.loads(pipeline.dumps(), allowed_modules=["factcheck.corpus.retriever"])
    again = restored.run({"retriever": {"queries": queries}})["retriever"]["passages"]
    assert again == result


@pytest.mark.parametrize("mode", ["dense", "bm25"])
def test_retriever_single_modes(demo_index: Path, mode: str) -> None:
    from factcheck.corpus.retriever import HybridRetriever

    retriever = HybridRetriever(index=str(demo_index), top_k=3, mode=mode)
    assert HybridRetriever.from_dict(retriever.to_dict()).to_dict() == retriever.to_dict()
    retriever.warm_up()
    (hits,) = retriever.run(queries=["Deepmotion"])["passages"]
    assert hits[0].doc_id == "deepmotion-deal"
    with CorpusIndex.open(demo_index) as index:
        assert hits == index.search("Deepmotion", k=3, mode=mode)


def test_retriever_rejects_bad_settings(demo_index: Path) -> None:
    from factcheck.corpus.retriever import HybridRetriever

    with pytest.raises(InputError, match="unknown retrieval mode"):
        HybridRetriever(index=str(demo_index), mode="semantic")
    with pytest.raises(InputError):
        HybridRetriever(index=str(demo_index), top_k=0)


def test_every_retriever_setting_is_an_init_parameter_that_survives_to_dict(
    demo_index: Path, monkeypatch
) -> None:
    from factcheck.corpus.retriever import HybridRetriever

    chosen = {
        "top_k": 2,
        "mode": "dense",
        "dense_k": 7,
        "bm25_k": 9,
        "rrf_k": 30,
        "hnsw_ef_search": 32,
        "approximate_above": 10,
        "embed_batch_size": 8,
    }
    retriever = HybridRetriever(index=str(demo_index), **chosen)
    data = retriever.to_dict()
    assert data["init_parameters"] == {"index": str(demo_index), **chosen}
    again = HybridRetriever.from_dict(data)
    assert again.to_dict() == data
    # warm_up reads nothing from the environment: the component's settings are the index's
    monkeypatch.setenv("FACTCHECK_HNSW_EF_SEARCH", "999")
    monkeypatch.setenv("FACTCHECK_EMBED_BATCH_SIZE", "999")
    again.warm_up()
    settings = again.corpus.settings
    assert (settings.hnsw_ef_search, settings.embed_batch_size, settings.approximate_above) == (32, 8, 10)
    assert (settings.dense_k, settings.bm25_k, settings.rrf_k) == (7, 9, 30)


def test_the_pipeline_retriever_takes_its_settings_from_the_settings(tmp_path: Path) -> None:
    from factcheck.pipeline import build_verification_pipeline

    settings = Settings(top_k=3, dense_k=11, hnsw_ef_search=77, embed_batch_size=16, approximate_above=5)
    retriever = build_verification_pipeline(tmp_path, settings).get_component("retriever")
    params = retriever.to_dict()["init_parameters"]
    assert (params["top_k"], params["dense_k"], params["hnsw_ef_search"]) == (3, 11, 77)
    assert (params["embed_batch_size"], params["approximate_above"]) == (16, 5)
