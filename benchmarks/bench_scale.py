"""Datasets at scale: the CLI end to end on a JSONL corpus — ``--jobs`` speed-up, formats, floor, peak RSS.

Corpus: the records of ``bench_text.corpus()`` (the labelled real cases plus the ScrapingHub benchmark
article bodies with an injected Gate disclaimer, every third body repeated), repeated with fresh ids
until the file reaches ``--mb`` megabytes. Measured, each as a separate ``cleaner`` process (what a
user runs), best of ``--repeat``:

- ``cleaner clean corpus.jsonl -o out.jsonl --jobs 1`` and ``--jobs 2``: wall time, MB/s and records/s
  of JSONL input, and the speed-up ratio (target ≥ 1.8× on 2 cores); the two outputs must be identical;
- the floor: decoding and re-encoding the same JSONL in one process (read, ``json.loads``,
  ``json.dumps``, write) — what any JSONL tool pays before doing work;
- ``.jsonl.gz`` and ``.jsonl.zst`` in and out (``--jobs 2``), and the gzip/zstd floor alone;
- peak RSS: the largest single process and the sum over the process tree (main process and workers),
  sampled from /proc every 100 ms (Linux), for ``--jobs 1`` and ``--jobs 2``;
- CPU seconds: of the whole run (getrusage) and of each process (main, each worker; last /proc sample,
  so up to 100 ms short). On a machine shared with other work, wall time is noisy; CPU is not, and
  ``achievable_speedup_jobs2`` = CPU of ``--jobs 1`` / CPU of the busiest ``--jobs 2`` process is what
  two idle cores would give (the busiest process bounds the wall time).

``--big`` builds a ~1 GB file instead (the flat-memory check; takes a while) and, to keep the run
bounded, measures only the ``--jobs 2`` run's time and RSS on it.

Usage: ``python benchmarks/bench_scale.py [--mb 20] [--repeat 1] [--big] [--jobs-only] [--json]``
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_text import corpus  # noqa: E402  (the same corpus builder as the text benchmark)

CLEANER = [sys.executable, "-m", "cleaner.cli"]


def build_jsonl(path: Path, megabytes: float) -> tuple[int, int]:
    """Write the corpus, repeated with fresh ids, until ``megabytes``; return (records, bytes)."""
    docs = corpus()
    target = int(megabytes * 1e6)
    size = records = 0
    with path.open("wb") as fh:
        while size < target:
            for i, text in enumerate(docs):
                line = json.dumps(
                    {"id": f"r{records}", "url": f"https://www.gate.com/post/{i}", "text": text}, ensure_ascii=False
                ).encode("utf-8") + b"\n"
                fh.write(line)
                size += len(line)
                records += 1
                if size >= target:
                    break
    return records, size


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as fh:
                out.extend(int(c) for c in fh.read().split())
    except OSError:
        pass
    return out


_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of ``pid`` so far (Linux /proc/PID/stat), None where unavailable."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICK  # utime, stime (fields 14 and 15)
    except (OSError, IndexError, ValueError):
        return None


def _tree_rss_kb(root: int, cpu: dict[int, float] | None = None) -> tuple[int, int]:
    """(sum, largest) of VmRSS over ``root`` and its descendants (Linux /proc), in kB; 0 where unavailable.

    ``cpu`` (pid → CPU seconds) is updated with each process's CPU time on the way. Walks only the
    process's own tree (``/proc/PID/task/TID/children``), so sampling costs next to nothing against
    the run it measures.
    """
    total, largest, todo = 0, 0, [root]
    while todo:
        pid = todo.pop()
        rss = _rss_kb(pid)
        total += rss
        largest = max(largest, rss)
        if cpu is not None and (seconds := _cpu_seconds(pid)) is not None:
            cpu[pid] = max(cpu.get(pid, 0.0), seconds)
        todo.extend(_children(pid))
    return total, largest


def run_cli(args: list[str]) -> dict[str, float]:
    """Run ``cleaner ARGS``; wall seconds, CPU seconds (all processes, and the busiest one), peak RSS
    (largest process, tree sum)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen([*CLEANER, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_tree = peak_one = 0
    cpu: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree, peak_one
        while not done.is_set():
            if os.path.isdir("/proc"):
                total, largest = _tree_rss_kb(proc.pid, cpu)
                peak_tree, peak_one = max(peak_tree, total), max(peak_one, largest)
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"cleaner {' '.join(args)} failed ({proc.returncode}): {err.decode()[-2000:]}")
    return {
        "seconds": wall,
        "cpu_seconds": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        # per process, sampled (main process first, then the workers by CPU): what bounds the wall time
        "cpu_seconds_main": cpu.get(proc.pid, 0.0),
        "cpu_seconds_busiest_process": max(cpu.values(), default=0.0),
        "processes": len(cpu),
        # sampled; getrusage's ru_maxrss (kB on Linux) is the largest child over the whole benchmark
        "peak_rss_mb_largest_process": (peak_one or after.ru_maxrss) / 1024,
        "peak_rss_mb_tree": peak_tree / 1024,
    }


def best(fn, repeat: int) -> dict[str, float]:
    runs = [fn() for _ in range(repeat)]
    return min(runs, key=lambda r: r["seconds"])


def floor(path: Path, out: Path, opener=open) -> float:
    """Seconds to decode and re-encode every record of ``path`` into ``out`` (no cleaning)."""
    start = time.perf_counter()
    with opener(path, "rb") as src, opener(out, "wb") as dst:
        for line in src:
            record = json.loads(line)
            dst.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
    return time.perf_counter() - start


def _zstd_open(path: Path, mode: str):
    import zstandard

    if "r" in mode:
        import io

        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(open(path, "rb"), closefd=True))
    return zstandard.ZstdCompressor(level=3).stream_writer(open(path, "wb"), closefd=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    ap.add_argument("--big", action="store_true", help="a ~1 GB corpus: flat-memory check (slow)")
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs (default 1)")
    ap.add_argument("--keep", metavar="DIR", help="build the files in DIR and keep them")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--jobs-only", action="store_true", help="only --jobs 1 vs 2 (no floors, no gz/zst runs)")
    args = ap.parse_args(argv)
    mb_target = 1000.0 if args.big else args.mb

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        data = work / "corpus.jsonl"
        records, size = build_jsonl(data, mb_target)
        mb = size / 1e6
        fig: dict[str, object] = {"records": records, "mb": round(mb, 1), "cores": os.cpu_count()}
        fig["load_average_before"] = round(os.getloadavg()[0], 2)  # other processes competing for the cores

        def rate(run: dict[str, float]) -> dict[str, float]:
            return {
                "seconds": round(run["seconds"], 2),
                "cpu_seconds": round(run["cpu_seconds"], 2),
                "cpu_seconds_main": round(run["cpu_seconds_main"], 2),
                "cpu_seconds_busiest_process": round(run["cpu_seconds_busiest_process"], 2),
                "mb_s": round(mb / run["seconds"], 2),
                "records_s": round(records / run["seconds"], 1),
                "peak_rss_mb_largest_process": round(run["peak_rss_mb_largest_process"], 1),
                "peak_rss_mb_tree": round(run["peak_rss_mb_tree"], 1),
            }

        out1, out2 = str(work / "out1.jsonl"), str(work / "out2.jsonl")
        runs: dict[int, list[dict[str, float]]] = {1: [], 2: []}
        for _ in range(args.repeat):  # interleaved, so that load from other processes hits both alike
            for jobs in (1, 2) if not args.big else (2,):
                out = out1 if jobs == 1 else out2
                runs[jobs].append(run_cli(["clean", str(data), "-o", out, "-j", str(jobs), "-q"]))
        j2 = min(runs[2], key=lambda r: r["seconds"])
        fig["jobs2"] = rate(j2)
        if not args.big:
            j1 = min(runs[1], key=lambda r: r["seconds"])
            fig["jobs1"] = rate(j1)
            fig["speedup_jobs2"] = round(j1["seconds"] / j2["seconds"], 2)
            pairs = zip(runs[1], runs[2], strict=True)
            fig["speedup_jobs2_runs"] = [round(a["seconds"] / b["seconds"], 2) for a, b in pairs]
            # CPU-based, robust to other load: the busiest --jobs 2 process bounds its wall time, and so
            # does its total CPU spread over the 2 cores (the main process's reading and writing included)
            cpu1 = min(r["cpu_seconds"] for r in runs[1])
            busiest = min(r["cpu_seconds_busiest_process"] for r in runs[2])
            fig["achievable_speedup_jobs2"] = round(cpu1 / busiest, 2)
            fig["achievable_speedup_jobs2_on_2_cores"] = round(
                cpu1 / max(busiest, min(r["cpu_seconds"] for r in runs[2]) / 2), 2
            )
            # What 2 idle cores would give at most: the work of --jobs 1 spread over 2 cores, plus the
            # extra CPU that --jobs 2 spends (pickling, the main process). Robust to other load.
            fig["cpu_overhead_jobs2"] = round(j2["cpu_seconds"] / j1["cpu_seconds"] - 1, 3)
            fig["identical_output"] = (work / "out1.jsonl").read_bytes() == (work / "out2.jsonl").read_bytes()
        if not args.big and not args.jobs_only:
            fig["floor_decode_encode_mb_s"] = round(mb / floor(data, work / "floor.jsonl"), 1)

            gz = work / "corpus.jsonl.gz"
            with data.open("rb") as src, gzip.open(gz, "wb") as dst:
                shutil.copyfileobj(src, dst)
            fig["gz_jobs2"] = rate(run_cli(["clean", str(gz), "-o", str(work / "out.jsonl.gz"), "-j", "2", "-q"]))
            gz6 = functools.partial(gzip.open, compresslevel=6)  # the level `cleaner` writes
            fig["floor_gz_decode_encode_mb_s"] = round(mb / floor(gz, work / "floor.jsonl.gz", gz6), 1)
            try:
                import zstandard

                zst = work / "corpus.jsonl.zst"
                with data.open("rb") as src, open(zst, "wb") as raw:
                    zstandard.ZstdCompressor(level=3).copy_stream(src, raw)
                out_zst = str(work / "out.jsonl.zst")
                fig["zst_jobs2"] = rate(run_cli(["clean", str(zst), "-o", out_zst, "-j", "2", "-q"]))
                fig["floor_zst_decode_encode_mb_s"] = round(mb / floor(zst, work / "floor.jsonl.zst", _zstd_open), 1)
            except ImportError:
                fig["zst_jobs2"] = "zstandard not installed"
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    if args.json:
        print(json.dumps(fig, indent=2))
        return 0
    print(f"corpus: {records} records, {mb:.1f} MB of JSONL, {os.cpu_count()} cores")
    for key in ("jobs1", "jobs2", "gz_jobs2", "zst_jobs2"):
        r = fig.get(key)
        if isinstance(r, dict):
            print(
                f"{key:9s}: {r['seconds']:8.2f} s {r['mb_s']:7.2f} MB/s {r['records_s']:9.1f} records/s  "
                f"peak RSS {r['peak_rss_mb_largest_process']:.0f} MB (largest process), "
                f"{r['peak_rss_mb_tree']:.0f} MB (all processes); CPU {r['cpu_seconds']:.2f} s "
                f"(main {r['cpu_seconds_main']:.2f} s, busiest process {r['cpu_seconds_busiest_process']:.2f} s)"
            )
    extras = ("load_average_before", "speedup_jobs2", "speedup_jobs2_runs", "achievable_speedup_jobs2")
    extras += ("achievable_speedup_jobs2_on_2_cores",)
    extras += ("cpu_overhead_jobs2", "identical_output")
    floors = ("floor_decode_encode_mb_s", "floor_gz_decode_encode_mb_s", "floor_zst_decode_encode_mb_s")
    for key in extras + floors:
        if key in fig:
            print(f"{key}: {fig[key]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
