import subprocess
import sys

import pytest

from factcheck.errors import InputError
from factcheck.pipeline import build_check_pipeline, load_pipeline
from factcheck.settings import load_settings


def test_check_pipeline_round_trips_through_yaml_with_edits(tmp_path):
    settings = load_settings(top_k=7)
    pipeline = build_check_pipeline(tmp_path / "index", settings)
    assert set(pipeline.graph.nodes) == {"extractor", "queries", "retriever", "verifier"}
    definition = tmp_path / "pipeline.yaml"
    definition.write_text(pipeline.dumps().replace("top_k: 7", "top_k: 3"))
    loaded = load_pipeline(definition, index_dir=tmp_path / "other-index")
    retriever = loaded.get_component("retriever")
    assert retriever.top_k == 3
    assert retriever.index == str(tmp_path / "other-index")
    assert loaded.get_component("verifier").to_dict() == pipeline.get_component("verifier").to_dict()


def test_a_pipeline_missing_a_stage_is_refused(tmp_path):
    pipeline = build_check_pipeline(tmp_path / "index", load_settings())
    pipeline.remove_component("verifier")
    definition = tmp_path / "pipeline.yaml"
    definition.write_text(pipeline.dumps())
    with pytest.raises(InputError, match="lacks component"):
        load_pipeline(definition)


def test_a_broken_pipeline_file_is_one_clear_error(tmp_path):
    definition = tmp_path / "pipeline.yaml"
    definition.write_text("components: [unclosed")
    with pytest.raises(InputError, match="not a valid pipeline"):
        load_pipeline(definition)


def test_usage_errors_exit_2_without_traceback():
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "--format", "nope", "x.md"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "--format" in done.stderr


def test_a_pipeline_file_of_the_flat_layout_still_loads(tmp_path):
    """Pipeline files saved before the stages had subpackages name the components' old module paths."""
    pipeline = build_check_pipeline(tmp_path / "index", load_settings())
    old = (
        pipeline.dumps()
        .replace("factcheck.claims.extractor.ClaimExtractor", "factcheck.claims.ClaimExtractor")
        .replace("factcheck.corpus.retriever.HybridRetriever", "factcheck.retrieval.HybridRetriever")
        .replace("factcheck.verification.verifier.Verifier", "factcheck.verify.Verifier")
    )
    assert "factcheck.retrieval.HybridRetriever" in old
    definition = tmp_path / "pipeline.yaml"
    definition.write_text(old)
    loaded = load_pipeline(definition)
    assert type(loaded.get_component("retriever")).__module__ == "factcheck.corpus.retriever"
    assert loaded.get_component("verifier").to_dict() == pipeline.get_component("verifier").to_dict()
