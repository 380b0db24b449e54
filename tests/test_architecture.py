"""Layer contracts over packages, in the spirit of sqlfluff's import-linter contracts.

Every module under ``cleaner/`` is found by walking the tree (a new module is covered without editing
a list) and placed in a layer by the package it sits in. A module may import its own layer and the
layers below it, never one above; and no import circle may exist anywhere, counting the imports made
inside functions too (a lazy import is still a dependency). A new top-level package must be given a
layer here, or this test fails and says so.

Layers, bottom to top:

0. the core and its algorithm packages: ``cleaner`` (the public face), ``core``, ``result``, ``render``,
   ``text``, ``rules``, ``html`` — pure functions over one document, no I/O;
1. ``io`` — reading inputs, output planning, writing;
2. ``pipeline`` — documents and the batch runner, outputs, findings, sinks, statistics;
3. ``mining`` — corpus statistics (reads through io and pipeline);
4. ``dask`` — the cluster shell;
5. ``cli`` — the command line.
"""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "cleaner"
LAYERS = {
    "cleaner": 0, "core": 0, "result": 0, "render": 0, "budget": 0, "text": 0, "rules": 0, "html": 0,
    "io": 1, "pipeline": 2, "mining": 3, "dask": 4, "cli": 5,
}  # fmt: skip
# inside layer 0: the text algorithms know neither rules nor pages, the page extractor knows no rules
NOT_BELOW = {"text": {"rules", "html", "core", "render"}, "html": {"rules", "core", "render"}}
MAX_LINES = 800


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG).with_suffix("")
        parts = [p for p in rel.parts if p != "__init__"]
        found[".".join(["cleaner", *parts])] = path
    return found


MODULES = _modules()


def _resolve(module: str, is_package: bool, node: ast.ImportFrom | ast.Import) -> set[str]:
    """The cleaner modules an import statement depends on."""
    targets: set[str] = set()
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name == "cleaner" or alias.name.startswith("cleaner."):
                targets.add(alias.name)
        return targets
    if node.level:
        base_parts = module.split(".") if is_package else module.split(".")[:-1]
        base_parts = base_parts[: len(base_parts) - (node.level - 1)]
        base = ".".join(base_parts + ([node.module] if node.module else []))
    else:
        base = node.module or ""
    if not (base == "cleaner" or base.startswith("cleaner.")):
        return targets
    for alias in node.names:
        sub = f"{base}.{alias.name}"
        targets.add(sub if sub in MODULES else base)
    return targets


def _imports() -> dict[str, set[str]]:
    graph = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        deps: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                deps |= _resolve(module, path.name == "__init__.py", node)
        graph[module] = {d for d in deps if d in MODULES and d != module}
    return graph


GRAPH = _imports()


def _top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "cleaner"


def test_every_package_has_a_layer():
    unknown = sorted({_top(m) for m in MODULES} - LAYERS.keys())
    assert not unknown, f"give these packages a layer in tests/test_architecture.py: {unknown}"


def test_no_module_imports_a_layer_above_its_own():
    upward = []
    for module, deps in GRAPH.items():
        for dep in deps:
            if LAYERS[_top(dep)] > LAYERS[_top(module)]:
                upward.append(f"{module} -> {dep}")
            if _top(dep) in NOT_BELOW.get(_top(module), ()):
                upward.append(f"{module} -> {dep}")
    assert not upward, upward


def test_no_import_circle():
    """Depth-first search for a back edge; the circle found is printed."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        stack.append(module)
        for dep in sorted(GRAPH[module]):
            if state.get(dep) == 1:
                return stack[stack.index(dep) :] + [dep]
            if dep not in state and (circle := visit(dep)):
                return circle
        stack.pop()
        state[module] = 2
        return None

    for module in sorted(GRAPH):
        if module not in state:
            circle = visit(module)
            assert circle is None, " -> ".join(circle)


def test_the_contracts_see_real_imports():
    """The graph is not empty by accident: known edges of the pipeline are in it."""
    assert "cleaner.rules.matching" in GRAPH["cleaner.core"]
    assert "cleaner.pipeline.documents" in GRAPH["cleaner.pipeline.pool"]
    assert "cleaner.cli.app" in GRAPH["cleaner.cli"]
    assert len(MODULES) > 40


def test_core_does_not_touch_typer_or_the_terminal():
    for module, path in MODULES.items():
        if LAYERS[_top(module)] == 0:
            source = path.read_text(encoding="utf-8")
            assert "import typer" not in source and "from typer" not in source, module
            assert "sys.stdout" not in source and "print(" not in source, module


def test_no_module_over_the_size_limit():
    big = {m: n for m, p in MODULES.items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not big, big


def test_command_modules_are_thin():
    """The CLI's command modules parse, call and print: no reading or writing of files of their own."""
    for module, path in MODULES.items():
        if _top(module) == "cli":
            source = path.read_text(encoding="utf-8")
            assert "open(" not in source and ".write_text(" not in source, module
