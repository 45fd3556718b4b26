"""The claims stage's modules: imports at the top, one way, no cycles, no long functions."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "factcheck" / "claims"
MAX_FUNCTION_LINES = 80


def _modules() -> dict[str, ast.Module]:
    """Each module of the stage by its dotted name under ``factcheck.claims`` ("extraction",
    "decompose.lists"; a subpackage's ``__init__`` by the subpackage's name)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if parts:
            found[".".join(parts)] = ast.parse(path.read_text(encoding="utf-8"))
    return found


def _imports(tree: ast.Module) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("factcheck.claims."):
            found.add(node.module.removeprefix("factcheck.claims."))
    return found


def _in_decompose(name: str) -> bool:
    return name == "decompose" or name.startswith("decompose.")


def test_claims_modules_import_each_other_without_cycles():
    graph = {name: _imports(tree) for name, tree in _modules().items()}

    def reaches(start: str, target: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == target or (nxt not in seen and reaches(nxt, target, seen | {nxt})):
                return True
        return False

    assert [name for name in graph if reaches(name, name, {name})] == []
    assert not any(_in_decompose(name) for name in graph["checkworthy"])
    assert any("checkworthy" in imported for name, imported in graph.items() if _in_decompose(name))


def test_internal_imports_are_at_the_top_of_each_module():
    for name, tree in _modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.ImportFrom) and (inner.module or "").startswith("factcheck."):
                        raise AssertionError(f"{name}.{node.name} imports {inner.module} inside a function")


def test_no_function_of_the_claims_stage_is_longer_than_80_lines():
    long = [
        f"{name}.{node.name}: {node.end_lineno - node.lineno + 1} lines"
        for name, tree in _modules().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []
