"""The core never imports the shells (sqlfluff's contract): checked on the source, module by module."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "cleaner"
CORE = ["core", "matching", "headlines", "dedup", "normalize", "segment", "rules", "result", "lang", "ruletest"]
CORE += ["mining", "rulegen", "dask"]
CORE += ["extract", "html_vocab", "encoding", "render", "prefilter"]
SHELLS = {"cli", "reading", "writing", "report", "documents", "corpus", "parallel", "stats", "compression"}
SHELLS |= {"parquet", "warc", "outputs"}


def _imports(module: str) -> set[str]:
    tree = ast.parse((PKG / f"{module}.py").read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = (node.module or "").split(".")
            if node.level or base[0] == "cleaner":
                names.update(p for p in base if p)
                names.update(a.name for a in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name.split(".")[-1] for a in node.names if a.name.startswith("cleaner"))
    return names


def test_core_modules_do_not_import_shells():
    for module in CORE:
        assert not (_imports(module) & SHELLS), module


def test_core_does_not_touch_typer_or_files():
    for module in CORE:
        source = (PKG / f"{module}.py").read_text(encoding="utf-8")
        assert "import typer" not in source and "from typer" not in source, module
        assert "sys.stdout" not in source and "print(" not in source, module
