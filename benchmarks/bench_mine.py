"""Mining target (issue #4, item 8): one site's pages all end with the same unknown disclaimer.

Builds a JSONL corpus from the 181 real article bodies of ../shared/bench/aeb/ground-truth.json, spread
over 12 made-up sites (round robin, ``--scale`` copies with distinct URLs for a larger corpus), and
appends to every page of one site a real note that no bundled rule removes (BlockBeats' liquidation-map
note, from ../shared/data/boilerplate.yaml). Then, through the installed CLI:

1. ``cleaner mine corpus.jsonl --emit-rules mined.yaml --format json`` — the note must be the top
   candidate (timed, CPU of the child process);
2. ``cleaner rules test mined.yaml`` — the drafted pack passes its own tests;
3. ``cleaner clean corpus.jsonl --url-field url --rules mined.yaml`` — the note is gone from every page
   of that site and every page equals the default cleaning of the page without the note.

4. ``cleaner clean corpus.jsonl --learn-templates`` at --jobs 1 and 2 — byte for byte the output of 3.

Also times ``cleaner mine --all`` (no rule filter). Usage: ``python benchmarks/bench_mine.py [--scale N]``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from cleaner import clean

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
NOTE_SITE = "flash-mirror.example"


def _note() -> str:
    for item in yaml.safe_load((SHARED / "data" / "boilerplate.yaml").read_text(encoding="utf-8")):
        if item["text"].startswith("Remarque BlockBeats"):
            return " ".join(item["text"].split())
    raise SystemExit("note not found in ../shared/data/boilerplate.yaml")


def build(path: Path, scale: int) -> list[dict]:
    truth = json.loads((SHARED / "bench" / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    note = _note()
    records = []
    for copy in range(scale):
        for n, key in enumerate(sorted(truth)):
            site = NOTE_SITE if n % 12 == 0 else f"site{n % 12:02d}.example"
            text = truth[key]["articleBody"].strip()
            records.append(
                {
                    "url": f"https://www.{site}/{copy}/{key[:16]}",
                    "text": text + "\n" + note if site == NOTE_SITE else text,
                    "article": text,
                }
            )
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps({"url": r["url"], "text": r["text"]}, ensure_ascii=False) + "\n")
    return records


def timed(args: list[str]) -> tuple[subprocess.CompletedProcess, float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return proc, wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=int, default=1, help="copies of the article set (distinct URLs)")
    opts = ap.parse_args()
    cli = [sys.executable, "-m", "cleaner.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus, pack, out = Path(tmp) / "corpus.jsonl", Path(tmp) / "mined.yaml", Path(tmp) / "out.jsonl"
        records = build(corpus, opts.scale)
        mb = corpus.stat().st_size / 1e6
        print(f"corpus: {len(records)} records, {mb:.1f} MB, 12 sites; the note on every page of {NOTE_SITE}")
        proc, wall, cpu = timed([*cli, "mine", str(corpus), "--format", "json", "--emit-rules", str(pack)])
        if proc.returncode != 0:
            print(proc.stderr)
            return 1
        top = json.loads(proc.stdout)["candidates"][0]
        ok_top = top["site"] == NOTE_SITE and top["text"] == _note()
        print(f"mine (rules filter): {wall:.2f} s wall, {cpu:.2f} s CPU, {mb / cpu:.2f} MB/s CPU")
        print(
            f"  top candidate: {top['site']} {top['docs']}/{top['site_docs']} {top['position']}: "
            f"{top['text'][:60]}… -> {'OK' if ok_top else 'WRONG'}"
        )
        proc_all, wall_all, cpu_all = timed([*cli, "mine", str(corpus), "--all", "--format", "json"])
        print(f"mine --all: {wall_all:.2f} s wall, {cpu_all:.2f} s CPU, {mb / cpu_all:.2f} MB/s CPU")
        tested = subprocess.run([*cli, "rules", "test", str(pack)], capture_output=True, text=True)
        print(f"rules test mined.yaml: exit {tested.returncode}, {tested.stdout.strip().splitlines()[-1]}")
        cleaned = subprocess.run(
            [*cli, "clean", str(corpus), "--url-field", "url", "--rules", str(pack), "-o", str(out), "-q"],
            capture_output=True,
            text=True,
        )
        outs = [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()]
        site_pages = [(r, o) for r, o in zip(records, outs, strict=True) if NOTE_SITE in r["url"]]
        gone = sum(_note() not in o for _, o in site_pages)
        intact = sum(o == clean(r["article"], url=r["url"]).text for r, o in site_pages)
        print(
            f"clean --rules mined.yaml: exit {cleaned.returncode}; note removed on {gone}/{len(site_pages)} "
            f"pages; article equal to its default cleaning on {intact}/{len(site_pages)}"
        )
        # issue 10: the same in one command, at 1 and 2 jobs; must equal the two-step output byte for byte
        one_step = {}
        for jobs in (1, 2):
            target = Path(tmp) / f"learned{jobs}.jsonl"
            proc_l, wall_l, cpu_l = timed(
                [*cli, "clean", str(corpus), "--url-field", "url", "--learn-templates", "-o", str(target),
                 "-q", "--jobs", str(jobs)]
            )
            one_step[jobs] = target.read_bytes() if proc_l.returncode == 0 else b""
            print(f"clean --learn-templates --jobs {jobs}: exit {proc_l.returncode}, {wall_l:.2f} s wall, "
                  f"{cpu_l:.2f} s CPU; output equal to mine + clean --rules: {one_step[jobs] == out.read_bytes()}")
        same = one_step[1] == one_step[2] == out.read_bytes()
        ok = ok_top and tested.returncode == 0 and gone == intact == len(site_pages) and same
        print("target met" if ok else "TARGET MISSED")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
