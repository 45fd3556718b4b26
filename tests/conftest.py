"""Shared fixtures: the slow model objects are built once per test run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``; tests that need it skip cleanly when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


@pytest.fixture(scope="session")
def embedder():
    """The packaged sentence embedder, loaded once."""
    from factcheck.corpus.encoder import shared_embedder

    model = shared_embedder()
    model.warm_up()
    return model


@pytest.fixture(scope="session")
def demo_index(tmp_path_factory, embedder) -> Path:
    """An index of the bundled demo corpus, built once per test run (read-only for tests)."""
    from factcheck.corpus.index import build_index
    from factcheck.settings import BUNDLED_CORPUS, load_settings

    folder = tmp_path_factory.mktemp("demo-index")
    build_index([BUNDLED_CORPUS], folder, load_settings(), embedder=embedder)
    return folder
