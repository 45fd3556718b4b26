import pytest

from factcheck.errors import InputError
from factcheck.settings import load_settings


def test_environment_overrides_file_and_defaults(tmp_path, monkeypatch):
    config = tmp_path / "factcheck.toml"
    config.write_text("top_k = 7\nsupport_threshold = 0.4\n")
    monkeypatch.setenv("FACTCHECK_TOP_K", "9")
    settings = load_settings(config)
    assert settings.top_k == 9
    assert settings.support_threshold == 0.4
    assert settings.dense_k == 20


def test_unknown_setting_is_a_clear_error(tmp_path):
    config = tmp_path / "factcheck.toml"
    config.write_text("nonsense = 1\n")
    with pytest.raises(InputError, match="unknown setting"):
        load_settings(config)


def test_an_optional_number_setting_is_read_as_a_number(monkeypatch):
    monkeypatch.setenv("FACTCHECK_MIN_CHECKWORTHINESS", "0.9")
    assert load_settings().min_checkworthiness == 0.9
    monkeypatch.setenv("FACTCHECK_MIN_CHECKWORTHINESS", "high")
    with pytest.raises(InputError, match="min_checkworthiness"):
        load_settings()


def test_the_check_pipeline_takes_the_check_worthiness_setting(tmp_path):
    from factcheck.pipeline import build_check_pipeline

    pipeline = build_check_pipeline(tmp_path / "index", load_settings(min_checkworthiness=0.7))
    assert pipeline.get_component("extractor").min_checkworthiness == 0.7
