"""HTML extraction benchmark: our extractor versus trafilatura, side by side in one process.

Data, two development sets read in one run (``--sets aeb,dragnet``):

- ``aeb``: the ScrapingHub article-extraction benchmark (``../shared/bench/aeb/``: 181 real pages,
  ``html/<key>.html.gz`` and ``ground-truth.json`` with each page's ``articleBody``; MIT);
- ``dragnet``: Moz's Dragnet pages with their hand-corrected content (``../shared/bench/dragnet/``:
  1,318 English pages, same layout; AGPL, so it is read here and nothing of it enters the
  repository). Its references keep the headline, byline and captions, which AEB's leave out.

Metric (the benchmark's published one): ``\\w+`` tokens → 4-gram shingles; per page TP/FP/FN over
shingle counts, normalised to sum 1; precision averaged over pages with TP+FP > 0, recall over pages
with TP+FN > 0; F1 = harmonic mean of the two averages.

Rows:
- ``ours extract``: :func:`cleaner.html.extract.extract` (default settings: the title heading that
  opens the content stays, once, as POLICY.md D1 and Dragnet's references have it), blocks joined by
  newlines;
- ``ours notitle``: the same with ``headline=False`` (the title left to the metadata, as AEB's
  references have it);
- ``ours full``: the whole pipeline — ``cleaner.clean(html_bytes, url=url)`` when the core accepts
  HTML, else extract → text → ``cleaner.clean(text, url=url)`` (rules and duplicate removal);
- trafilatura 2.3.1 ``extract(html, include_comments=False)`` and with ``favor_precision=True``
  (optional: ``pip install feed-cleaner[bench]``; "not installed" rows otherwise).

Speed is CPU time (``time.process_time``) over the whole set, HTML bytes already in memory, so other
processes on the machine disturb it little; ratios are against trafilatura's default row of the same
run. The rows are timed interleaved, page by page (page 1 through every row, then page 2 …), so that
a change of load on the shared machine falls on every row alike instead of on whichever row was
running then; each row's time is its best pass of ``--repeat``. ``repeats`` counts pages whose
output repeats a paragraph of ≥ 60 characters that the ground truth does not repeat.

``empty`` counts pages whose reference has text and whose output has none. ``--worst N`` lists the N
lowest-F1 pages of our full row with a first guess at the cause (see :func:`cause`).

Usage: ``python benchmarks/bench_html.py [--sets aeb,dragnet] [--limit N] [--repeat N] [--worst N]
[--json] [--only ROWS] [--save DIR]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ``../shared/bench`` from the repository; a worktree deeper down finds it in a further ancestor.
BENCH = next((p / "shared" / "bench" for p in ROOT.parents if (p / "shared" / "bench").is_dir()),
             ROOT.parent / "shared" / "bench")
AEB = BENCH / "aeb"
SETS = ("aeb", "dragnet")
_TOKEN = re.compile(r"\w+")


# ------------------------------------------------------------------------------------------------
# Metric


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_scores(truth: str, pred: str) -> tuple[float, float, float]:
    """Normalised (TP, FP, FN) of one page."""
    t, p = shingles(truth), shingles(pred)
    tp = fp = fn = 0
    for key in t.keys() | p.keys():
        a, b = t.get(key, 0), p.get(key, 0)
        tp += min(a, b)
        fp += max(0, b - a)
        fn += max(0, a - b)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def summarise(per_page: dict[str, tuple[float, float, float]]) -> dict[str, float]:
    precisions = [tp / (tp + fp) for tp, fp, _ in per_page.values() if tp + fp > 0]
    recalls = [tp / (tp + fn) for tp, _, fn in per_page.values() if tp + fn > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r}


def page_f1(tp: float, fp: float, fn: float) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def repeated_paragraphs(truth: str, pred: str) -> bool:
    """True when the output repeats a ≥ 60-character paragraph more often than the ground truth does."""
    out = Counter(p for p in (" ".join(x.split()) for x in pred.split("\n")) if len(p) >= 60)
    gt_flat = " ".join(truth.split())
    return any(n > 1 and gt_flat.count(par) < n for par, n in out.items())


# ------------------------------------------------------------------------------------------------
# Systems


def _ours_extract(**kwargs):
    from cleaner.html.extract import extract

    def run(html: bytes, url: str) -> str:
        page = extract(html, url=url or None, **kwargs)
        return "\n".join(b.text for b in page.blocks)

    return run


def _ours_full():
    import cleaner
    from cleaner.html.extract import extract

    try:  # the core takes HTML bytes once HTML input has landed there
        cleaner.clean(b"<html><body><p>Probe paragraph for HTML support.</p></body></html>", url="https://x.test/")
        direct = True
    except TypeError:
        direct = False

    def run(html: bytes, url: str) -> str:
        if direct:
            return cleaner.clean(html, url=url or None).text
        page = extract(html, url=url)
        text = "\n".join(b.text for b in page.blocks)
        return cleaner.clean(text, url=url).text

    run.mode = "clean(html)" if direct else "extract→clean(text)"  # type: ignore[attr-defined]
    return run


def _trafilatura(**kwargs):
    try:
        import trafilatura
    except ImportError:
        return None

    def run(html: bytes, url: str) -> str:
        return trafilatura.extract(html, include_comments=False, **kwargs) or ""

    return run


SYSTEMS = {
    "ours-extract": _ours_extract,
    "ours-notitle": lambda: _ours_extract(headline=False),
    "ours-full": _ours_full,
    "trafilatura": lambda: _trafilatura(),
    "trafilatura-precision": lambda: _trafilatura(favor_precision=True),
}


# ------------------------------------------------------------------------------------------------


def load(limit: int | None, name: str = "aeb") -> list[tuple[str, str, bytes, str]]:
    """(key, url, html bytes, reference) of the first ``limit`` pages of one set (sorted by key)."""
    root = BENCH / name
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    return [(k, truth[k].get("url") or "", gzip.open(root / "html" / f"{k}.html.gz").read(), truth[k]["articleBody"])
            for k in keys]


def measure_rows(runs: dict, pages, repeat: int) -> dict[str, dict]:
    """Every row over ``pages``, interleaved page by page; per row its outputs and best pass."""
    outputs: dict[str, dict[str, str]] = {row: {} for row in runs}
    best: dict[str, float | None] = dict.fromkeys(runs)
    clock = time.process_time
    for _ in range(repeat):
        spent = dict.fromkeys(runs, 0.0)
        for key, url, html, _ in pages:
            for row, run in runs.items():
                t0 = clock()
                out = run(html, url)
                spent[row] += clock() - t0
                outputs[row][key] = out
        for row, elapsed in spent.items():
            best[row] = elapsed if best[row] is None else min(best[row], elapsed)  # type: ignore[type-var]
    return {row: _summary(pages, outputs[row], best[row] or 0.0) for row in runs}


def _summary(pages, outputs: dict[str, str], best: float) -> dict:
    per_page = {key: page_scores(gt, outputs[key]) for key, _, _, gt in pages}
    mb = sum(len(h) for _, _, h, _ in pages) / 1e6
    res = summarise(per_page)
    res.update(
        seconds=best,
        pages_per_s=len(pages) / best if best else 0.0,
        mb_per_s=mb / best if best else 0.0,
        repeats=sum(repeated_paragraphs(gt, outputs[key]) for key, _, _, gt in pages),
    )
    res["_per_page"] = per_page
    res["_outputs"] = outputs
    return res


def empty_outputs(pages, outputs: dict[str, str]) -> int:
    """Pages whose reference has text but whose output has none."""
    return sum(1 for key, _, _, gt in pages if _TOKEN.search(gt) and not _TOKEN.search(outputs.get(key, "")))


def cause(truth: str, pred: str) -> str:
    """A one-line first guess at why a page scores low, from the shape of the miss (read the page to
    confirm): nothing out, most of the reference missing, most of the output extra, or both."""
    tp, fp, fn = page_scores(truth, pred)
    if not _TOKEN.search(pred):
        return "empty output"
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    if tp == 0:
        return "wrong container (nothing of the reference)"
    if r < 0.5 and p >= 0.8:
        return f"part of the body only ({len(pred)} of ~{len(truth)} chars)"
    if p < 0.5 and r >= 0.8:
        return f"body plus furniture ({len(pred)} chars for ~{len(truth)})"
    return "missed text" if r < p else "extra text"


def run_set(name: str, args, rows: list[str]) -> dict:
    pages = load(args.limit, name)
    results: dict[str, dict | None] = {}
    runs = {}
    for row in rows:
        run = SYSTEMS[row]()
        results[row] = None
        if run is not None:
            run(pages[0][2], pages[0][1] or None)  # warm up imports and caches outside the timing
            runs[row] = run
    for row, measured in measure_rows(runs, pages, args.repeat).items():
        measured["empty"] = empty_outputs(pages, measured["_outputs"])
        if getattr(runs[row], "mode", None):
            measured["mode"] = runs[row].mode
        results[row] = measured
    return {"pages": pages, "rows": results}


def report(name: str, data: dict, args) -> dict:
    pages, results = data["pages"], data["rows"]
    base = results.get("trafilatura")
    mb = sum(len(h) for _, _, h, _ in pages) / 1e6
    out = {}
    for row, r in results.items():
        if r is None:
            out[row] = "not installed"
            continue
        out[row] = {k: v for k, v in r.items() if not k.startswith("_")}
        if base:
            out[row]["speed_vs_trafilatura"] = r["pages_per_s"] / base["pages_per_s"]
    if not args.json:
        print(f"\n[{name}] {len(pages)} pages, {mb:.1f} MB of HTML, CPU time (best of {args.repeat})")
        print(f"{'row':24} {'F1':>6} {'P':>6} {'R':>6} {'pages/s':>8} {'MB/s':>6} {'×traf':>6} {'repeats':>7} "
              f"{'empty':>5}")
        for row, r in results.items():
            if r is None:
                print(f"{row:24} not installed")
                continue
            ratio = f"{r['pages_per_s'] / base['pages_per_s']:.2f}" if base else "-"
            print(f"{row:24} {r['f1']:6.4f} {r['precision']:6.4f} {r['recall']:6.4f} {r['pages_per_s']:8.1f} "
                  f"{r['mb_per_s']:6.2f} {ratio:>6} {r['repeats']:7d} {r['empty']:5d}"
                  + (f"  [{r['mode']}]" if "mode" in r else ""))
    if args.worst:
        ours = results.get("ours-full") or next(v for v in results.values() if v)
        worst = sorted(ours["_per_page"].items(), key=lambda kv: page_f1(*kv[1]))[: args.worst]
        info = {k: (u, gt) for k, u, _, gt in pages}
        out["worst"] = []
        for key, (tp, fp, fn) in worst:
            p = tp / (tp + fp) if tp + fp else 0
            r = tp / (tp + fn) if tp + fn else 0
            why = cause(info[key][1], ours["_outputs"][key])
            out["worst"].append({"key": key, "url": info[key][0], "f1": page_f1(tp, fp, fn), "cause": why})
            if not args.json:
                print(f"  {page_f1(tp, fp, fn):.3f} P={p:.3f} R={r:.3f} {key[:12]} {info[key][0][:70]}  — {why}")
    if args.save:
        folder = Path(args.save) / name
        folder.mkdir(parents=True, exist_ok=True)
        for row, r in results.items():
            if r:
                (folder / f"{row}.json").write_text(json.dumps(r["_outputs"]), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated sets to run (aeb, dragnet)")
    ap.add_argument("--limit", type=int, default=None, help="first N pages of each set (sorted by key)")
    ap.add_argument("--repeat", type=int, default=1, help="timing repeats (best CPU time is kept)")
    ap.add_argument("--worst", type=int, default=0, help="print the N worst pages of our full row, with a cause")
    ap.add_argument("--only", default=",".join(SYSTEMS), help="comma-separated rows to run")
    ap.add_argument("--save", default=None, help="write each row's outputs to DIR/<set>/<row>.json")
    ap.add_argument("--json", action="store_true", help="print results as JSON")
    args = ap.parse_args(argv)
    sets = [s for s in args.sets.split(",") if s]
    missing = [s for s in sets if not (BENCH / s / "ground-truth.json").exists()]
    if missing or any(s not in SETS for s in sets):
        print(f"benchmark data not found for {', '.join(missing or sets)} under {BENCH}", file=sys.stderr)
        return 2
    rows = args.only.split(",")
    unknown = [r for r in rows if r not in SYSTEMS]
    if unknown:
        print(f"unknown rows: {', '.join(unknown)} (known: {', '.join(SYSTEMS)})", file=sys.stderr)
        return 2
    summary = {name: report(name, run_set(name, args, rows), args) for name in sets}
    if args.json:
        print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
