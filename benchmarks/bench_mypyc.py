"""What compiling the hot modules with mypyc buys (the experiment behind the 10 MB/s discussion).

Copies ``cleaner/`` to a temporary folder, compiles the modules every document goes through (core,
segment, normalize, matching, prefilter, dedup, lang, headlines) with mypyc in place, and runs
``benchmarks/bench_text.py`` once on the plain sources and once on the compiled copy, in the same
way, one after the other. Prints both MB/s figures and their ratio. The project itself stays pure
Python; this only measures.

Needs mypy (with mypyc) and setuptools in the running interpreter: ``pip install mypy setuptools``.
Usage: ``python benchmarks/bench_mypyc.py [--repeat N] [--keep DIR]``
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOT = ["core", "segment", "normalize", "matching", "prefilter", "dedup", "lang", "headlines"]
SETUP = """\
from mypyc.build import mypycify
from setuptools import setup

setup(name="cleaner-mypyc-bench", packages=[], py_modules=[],
      ext_modules=mypycify({modules!r}, opt_level="3"))
"""
MYPY_INI = "[mypy]\nignore_missing_imports = True\nfollow_imports = silent\n"


def bench(pythonpath: Path, repeat: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_text.py"), "--repeat", str(repeat), "--json"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", help="build in this folder and keep it")
    args = ap.parse_args(argv)
    try:
        import mypyc  # noqa: F401
    except ImportError:
        print("needs mypy (with mypyc) and setuptools: pip install mypy setuptools", file=sys.stderr)
        return 2
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="cleaner-mypyc-"))
    try:
        shutil.copytree(ROOT / "cleaner", work / "cleaner", dirs_exist_ok=True)
        shutil.copytree(ROOT / "rules", work / "rules", dirs_exist_ok=True)  # found beside the package
        (work / "mypy.ini").write_text(MYPY_INI, encoding="utf-8")
        modules = [f"cleaner/{m}.py" for m in HOT]
        (work / "setup.py").write_text(SETUP.format(modules=modules), encoding="utf-8")
        subprocess.run(
            [sys.executable, "setup.py", "build_ext", "--inplace"], cwd=work, check=True, capture_output=True
        )
        compiled = sorted(p.name for p in (work / "cleaner").glob("*.so"))
        print(f"compiled {len(compiled)} modules with mypyc in {work}")
        plain = bench(ROOT, args.repeat)
        fast = bench(work, args.repeat)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{'corpus row':52s} {'pure MB/s':>10s} {'mypyc MB/s':>11s} {'ratio':>6s}")
    for row, pure in plain["clean"].items():
        comp = fast["clean"][row]
        print(f"{row:52s} {pure['mb_s']:10.2f} {comp['mb_s']:11.2f} {comp['mb_s'] / pure['mb_s']:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
