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
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SMALL = "A short article paragraph about markets and interest rates.\n\nShare\n"


def wall(cmd: list[str], runs: int, cwd: str, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Median and min wall time, and median CPU time (user + system: what the process itself costs,
    less sensitive than wall time to other processes on a shared machine)."""
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
        times.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times), min(times), statistics.median(cpu)


_PART = """
import sys, time, json
t0 = time.perf_counter()
import cleaner.cli
t1 = time.perf_counter()
import yaml
from cleaner.rules import loader
if sys.argv[1] == "py":
    loader.YAML_LOADER = yaml.SafeLoader
import os
os.environ["CLEANER_NO_CACHE"] = "1"
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
        warm = {**os.environ, "CLEANER_CACHE_DIR": str(Path(tmp, "cache"))}
        cold = {**os.environ, "CLEANER_NO_CACHE": "1"}
        check = [cleaner, "check", "small.txt", "--no-config"]
        rows = [
            ("python -c pass", [sys.executable, "-c", "pass"], None),
            ("cleaner --version", [cleaner, "--version"], None),
            ("cleaner check small.txt", check, warm),  # the compiled-rules cache filled by the first run
            ("  ... without the rules cache", check, cold),
        ]
        ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
        if Path(ruff).exists():
            rows.append(("ruff check small.py (peer)", [ruff, "check", "--no-cache", "small.py"], None))
        subprocess.run(check, cwd=tmp, env=warm, capture_output=True, check=False)  # fill the cache
        results = {name: wall(cmd, args.runs, tmp, env) for name, cmd, env in rows}
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average {load:.2f}, {os.cpu_count()} cores, {args.runs} runs each (wall median / min, CPU median)")
    base = results["cleaner check small.txt"][2]
    for name, (med, low, cpu) in results.items():
        print(f"  {name:<30} {med:6.3f} s / {low:6.3f} s  cpu {cpu:6.3f} s   cpu ratio to check: {cpu / base:5.2f}")
    parts = in_process()
    print(
        f"in-process: import cleaner.cli {parts['import']:.3f} s; bundled packs with libyaml "
        f"{parts['rules_c']:.3f} s, pure-Python loader {parts['rules_py']:.3f} s"
    )
    low, cpu = results["cleaner check small.txt"][1:]
    print(
        f"target: cleaner check small.txt <= 0.3 s: wall min {'meets' if low <= 0.3 else 'misses'} it, "
        f"CPU {'meets' if cpu <= 0.3 else 'misses'} it"
    )


if __name__ == "__main__":
    main()
