"""The package's shape: no import circle, each stage imports only what docs/architecture.md allows, small modules.

Read from the source with ast, so a lazily imported renderer (an import inside a
function) counts like any other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reportgen"
MAX_LINES = 400

FORBIDDEN: dict[str, tuple[str, ...]] = {
    "reportgen.document": ("reportgen.render", "reportgen.slides", "reportgen.templating", "reportgen.build", "reportgen.outline", "yaml", "jinja2"),
    "reportgen.slides": ("reportgen.render", "reportgen.templating", "reportgen.build", "reportgen.outline", "pptx", "reportlab.platypus", "yaml", "jinja2"),
    "reportgen.render": ("reportgen.templating", "reportgen.build", "reportgen.outline", "reportgen.assemble", "yaml", "jinja2"),
    "reportgen.theme": ("reportgen.render", "reportgen.slides", "reportgen.templating", "reportgen.build", "reportgen.document"),
    "reportgen.outline": ("reportgen.render", "reportgen.slides", "reportgen.templating", "reportgen.build", "reportgen.document"),
    "reportgen.fonts": (
        "reportgen.render", "reportgen.slides", "reportgen.templating", "reportgen.build", "reportgen.outline", "reportgen.document", "reportlab", "pptx",
    ),
}
"""Package -> modules it may not import: data flows one way, and renderers never read YAML or templates.
The slide plan measures text with reportlab's font metrics (``pdfmetrics``), never its page layout."""

SHARED = ("reportgen.document.vocab",)
"""Vocabularies every stage may name: they import nothing of the package."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module *path* imports, relative imports resolved."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            submodules = {f"{base}.{alias.name}" for alias in node.names} & MODULE_NAMES
            found.update(submodules or {base})
            found.update(f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" not in MODULE_NAMES)
    return found


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
MODULE_NAMES = set(MODULES)
GRAPH = {name: {target for target in _imports(path) if target in MODULES and target != name} for name, path in MODULES.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle among the package's modules, or None (package __init__ edges count: importing a.b runs a)."""
    done: set[str] = set()
    stack: list[str] = []

    def visit(name: str) -> list[str] | None:
        if name in stack:
            return [*stack[stack.index(name) :], name]
        if name in done:
            return None
        stack.append(name)
        for target in sorted(graph[name]):
            found = visit(target)
            if found:
                return found
        stack.pop()
        done.add(name)
        return None

    for name in graph:
        found = visit(name)
        if found:
            return found
    return None


def test_the_graph_reads_real_imports() -> None:
    assert "reportgen.document.model" in GRAPH["reportgen.document.markdown"]
    assert "reportgen.errors" in GRAPH["reportgen.cli"] or any(target.startswith("reportgen.") for target in GRAPH["reportgen.cli"])


def test_the_circle_finder_finds_one() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_circle() -> None:
    assert _cycle(GRAPH) is None, " -> ".join(_cycle(GRAPH) or [])


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_each_stage_imports_only_what_it_may(package: str) -> None:
    wrong = sorted(
        f"{name} imports {target}"
        for name, path in MODULES.items()
        if name == package or name.startswith(package + ".")
        for target in _imports(path)
        if not any(target == shared or target.startswith(shared + ".") for shared in SHARED)
        and any(target == bad or target.startswith(bad + ".") for bad in FORBIDDEN[package])
    )
    assert not wrong, wrong


def test_the_shared_vocabularies_import_nothing_of_the_package() -> None:
    for name in SHARED:
        assert not GRAPH[name], GRAPH[name]


def test_no_module_is_over_400_lines() -> None:
    long = {name: count for name, path in MODULES.items() if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long


def test_the_pipeline_names_no_format() -> None:
    source = (PACKAGE / "build" / "pipeline.py").read_text(encoding="utf-8")
    for word in ('"pdf"', '"pptx"', "'pdf'", "'pptx'", "brief.pdf", "deck.pptx", "render.pdf", "render.pptx"):
        assert word not in source, word
