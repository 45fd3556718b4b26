"""Dependencies match imports, and what an installed factcheck needs at run time ships as package data."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from factcheck.settings import BUNDLED_CORPUS, PACKAGE_ROOT

ROOT = PACKAGE_ROOT.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# Declared for what other packages import at run time on factcheck's behalf: Starlette parses the web
# app's uploaded drafts with python-multipart.
USED_INDIRECTLY = {"python-multipart"}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _third_party_imports() -> dict[str, set[str]]:
    """Top-level third-party modules imported by factcheck/, with the files importing them."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE_ROOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top != "factcheck" and top not in sys.stdlib_module_names:
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def test_every_runtime_import_is_declared_and_every_declared_package_is_imported():
    declared = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
    distributions = packages_distributions()
    imported: dict[str, set[str]] = {}
    for module, files in _third_party_imports().items():
        for dist in distributions.get(module, [module]):
            imported.setdefault(_name(dist), set()).update(files)
    undeclared = {dist: sorted(files) for dist, files in imported.items() if dist not in declared}
    assert undeclared == {}
    assert declared - set(imported) == USED_INDIRECTLY


def test_test_only_packages_are_not_runtime_dependencies():
    runtime = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
    test_only = {_name(r) for r in PYPROJECT["project"]["optional-dependencies"]["test"]}
    assert not runtime & test_only
    assert "beautifulsoup4" not in runtime | test_only


def test_the_four_core_packages_are_runtime_dependencies():
    runtime = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
    assert {"haystack-ai", "sentence-transformers", "faiss-cpu", "typer"} <= runtime


def test_the_demo_corpus_is_package_data_and_the_repository_folder_links_to_it():
    assert BUNDLED_CORPUS.is_dir() and BUNDLED_CORPUS.is_relative_to(PACKAGE_ROOT)
    assert sorted(p.name for p in BUNDLED_CORPUS.glob("*.md"))
    package_data = PYPROJECT["tool"]["setuptools"]["package-data"]["factcheck"]
    shipped = {Path(pattern).parent for pattern in package_data}
    assert BUNDLED_CORPUS.relative_to(PACKAGE_ROOT) in shipped
    assert all(
        (PACKAGE_ROOT / pattern).parent.is_dir() for pattern in package_data
    )  # no entry for a missing folder
    assert (ROOT / "corpus").resolve() == BUNDLED_CORPUS.resolve()
