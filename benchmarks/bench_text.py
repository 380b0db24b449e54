"""Text pipeline benchmark: throughput on one core, rule scaling, duplicate-removal scaling, floors.

Corpus: the labelled real cases (tests/data/cases) plus, when ../shared/bench/aeb is present, the
ground-truth article bodies of the ScrapingHub benchmark, each turned into a scraped-looking record
(a Gate disclaimer injected, and for every third record the whole body repeated). Each record gets
the URL of one of 150 fake sites (``site{n}.example``), so that site-scoped rules of the generated pack
apply as they would in a crawl. Measured in one process, CPU time (``time.process_time``), best of N:

- ``cleaner.clean`` with 10 rules, with the bundled rules, with the bundled rules plus 1,000 generated
  ones (tests/synthetic_rules.py: site-scoped literal, regex, fuzzy and whole-block rules for 150
  sites, 10% unscoped), and with no rules (duplicate removal only): MB/s and records/s;
- floors on the same records: JSON decode + encode of each record, and a naive exact-line dedup
  (what CCNet/datatrove-style line dedup does, minus their I/O);
- one document of 10 → 10,000 blocks (20% of them duplicated): time with and without rules.

Usage: ``python benchmarks/bench_text.py [--repeat N] [--json] [--stages]`` (``--stages``: the CPU time
of each step every document needs, measured alone: splitting, comparison forms, language guess,
automaton scans, shingles).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from cleaner import RuleSet, clean, load_rules

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "cases"
# the shared corpus beside a parent of the checkout (a git worktree sits deeper than the main checkout)
AEB = next(
    (p / "shared" / "bench" / "aeb" / "ground-truth.json" for p in ROOT.parents if (p / "shared" / "bench").is_dir()),
    ROOT.parent / "shared" / "bench" / "aeb" / "ground-truth.json",
)
SITES = 150
DISCLAIMER = (
    "This page may contain third-party content, which is provided for information purposes only (not "
    "representations/warranties) and should not be considered as an endorsement of its views by Gate, nor as "
    "financial or professional advice. See Disclaimer for details."
)
sys.path.insert(0, str(ROOT / "tests"))
from synthetic_rules import site_url, write_synthetic_pack  # noqa: E402  (the generated pack, shared with tests)


def corpus() -> list[str]:
    docs = [p.read_text(encoding="utf-8") for p in sorted(CASES.glob("*.txt")) if not p.name.endswith(".clean.txt")]
    if AEB.exists():
        truth = json.loads(AEB.read_text(encoding="utf-8"))
        for n, key in enumerate(sorted(truth)):
            body = truth[key].get("articleBody") or ""
            if not body.strip():
                continue
            doc = f"{body}\n{DISCLAIMER}"
            if n % 3 == 0:
                doc = f"{body}\n{DISCLAIMER}\n{body}"
            docs.append(doc)
    return docs


def cpu_time(fn, repeat: int) -> float:
    """Best CPU time of ``repeat`` runs (CPU time: the machine's other work does not count)."""
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def naive_line_dedup(text: str) -> str:
    seen: set[str] = set()
    out = []
    for line in text.split("\n"):
        key = line.strip()
        if key and key not in seen:
            seen.add(key)
            out.append(key)
    return "\n\n".join(out)


def scaling(rules, sizes=(10, 100, 1000, 10000), repeat: int = 1) -> list[tuple[int, float]]:
    rnd = random.Random(7)
    words = (CASES / "016.txt").read_text(encoding="utf-8").split()
    out = []
    for n in sizes:
        uniq = [" ".join(rnd.choice(words) for _ in range(rnd.randint(8, 60))) for _ in range(n - n // 5)]
        blocks = uniq + rnd.sample(uniq, n // 5)
        rnd.shuffle(blocks)
        text = "\n".join(blocks)
        out.append((n, cpu_time(lambda t=text: clean(t, rules=rules), repeat)))
    return out


def stages(pairs: list[tuple[str, str]], rules: RuleSet, repeat: int) -> dict[str, float]:
    """CPU time of the work every document needs, each step alone over the whole corpus: what a
    throughput target has to fit in before any rule runs (``--stages``)."""
    from cleaner.rules.prefilter import _lines, rule_index
    from cleaner.text.lang import guess_language
    from cleaner.text.segment import unit_forms, units_of
    from cleaner.text.shingles import shingles

    docs = [d for d, _ in pairs]
    units = [units_of(d) for d in docs]

    def forms() -> None:
        for us in units:
            for u in us:
                u._cform = None  # computed again each run
            unit_forms(us)

    forms()
    group = rule_index(rules)._unscoped
    form_texts = [_lines(unit_forms(us))[0] for us in units]
    lower_texts = [_lines([u.text.lower() for u in us])[0] for us in units]
    near = [f for us in units for f in set(unit_forms(us)) if len(f) >= 40]

    def scans() -> None:
        for f, low in zip(form_texts, lower_texts, strict=True):
            if group.form_automaton is not None:
                group.form_automaton.find_matches_as_indexes(f, overlapping=True)
            if group.lower_automaton is not None:
                group.lower_automaton.find_matches_as_indexes(low, overlapping=True)

    return {
        "clean() with these rules": cpu_time(lambda: [clean(d, url=u, rules=rules) for d, u in pairs], repeat),
        "split into blocks": cpu_time(lambda: [units_of(d) for d in docs], repeat),
        "comparison forms of every block and sentence": cpu_time(forms, repeat),
        "language guess": cpu_time(lambda: [guess_language(d) for d in docs], repeat),
        "automaton scans (unscoped rules)": cpu_time(scans, repeat),
        "shingles of every distinct block >= 40 chars": cpu_time(lambda: [shingles(f) for f in near], repeat),
    }


def ten_rules(bundled: RuleSet) -> RuleSet:
    """Ten bundled rules spread over the packs (every tenth one)."""
    step = max(1, len(bundled.rules) // 10)
    return RuleSet(bundled.rules[::step][:10], bundled.packs, bundled.files)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--stages", action="store_true", help="only: CPU time of each step every document needs")
    args = ap.parse_args(argv)

    docs = corpus()
    urls = [site_url(i % SITES) for i in range(len(docs))]
    pairs = list(zip(docs, urls, strict=True))
    records = [json.dumps({"id": i, "url": u, "text": d}, ensure_ascii=False) for i, (d, u) in enumerate(pairs)]
    mb = sum(len(d.encode()) for d in docs) / 1e6
    bundled = load_rules()
    if args.stages:
        print(f"corpus: {len(docs)} records, {mb:.2f} MB; 10 MB/s = {mb / 10 * 1000:.0f} ms of CPU")
        for name, t in stages(pairs, bundled, args.repeat).items():
            print(f"{t * 1000:8.1f} ms  {name}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        many = load_rules([write_synthetic_pack(Path(tmp), 1000, sites=SITES)])
    configs = {
        "10 rules": ten_rules(bundled),
        f"{len(bundled)} bundled rules": bundled,
        f"{len(many)} rules (bundled + 1,000 generated)": many,
        "no rules (duplicates only)": load_rules([], defaults=False),
    }
    times = {}
    for name, rules in configs.items():
        for d, u in pairs[:5]:  # build the rule index and warm caches outside the timing
            clean(d, url=u, rules=rules)
        times[name] = cpu_time(lambda r=rules: [clean(d, url=u, rules=r) for d, u in pairs], args.repeat)
    t_json = cpu_time(lambda: [json.dumps(json.loads(r), ensure_ascii=False) for r in records], args.repeat)
    t_naive = cpu_time(lambda: [naive_line_dedup(d) for d in docs], args.repeat)
    scale = scaling(bundled)
    scale_dedup = scaling(configs["no rules (duplicates only)"])

    names = list(configs)
    figures = {
        "records": len(docs),
        "mb": round(mb, 3),
        "clean": {
            name: {"rules": len(configs[name]), "mb_s": round(mb / t, 2), "records_s": round(len(docs) / t, 1)}
            for name, t in times.items()
        },
        "ratio_1000_vs_bundled": round(times[names[2]] / times[names[1]], 2),
        "floor_json_roundtrip_mb_s": round(mb / t_json, 2),
        "peer_naive_line_dedup_mb_s": round(mb / t_naive, 2),
        "scaling_bundled_rules_s": {str(n): round(t, 4) for n, t in scale},
        "scaling_dedup_only_s": {str(n): round(t, 4) for n, t in scale_dedup},
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"corpus: {len(docs)} records, {mb:.2f} MB of text; CPU time, best of {args.repeat}")
    for name, f in figures["clean"].items():
        print(f"cleaner.clean, {name:42s}: {f['mb_s']:7.2f} MB/s {f['records_s']:8.1f} records/s")
    print(f"rule scaling: {names[2]} cost {figures['ratio_1000_vs_bundled']}x the bundled rules")
    print(f"floor: JSON decode+encode of the records        : {figures['floor_json_roundtrip_mb_s']:7.2f} MB/s")
    print(f"peer: naive exact-line dedup                     : {figures['peer_naive_line_dedup_mb_s']:7.2f} MB/s")
    print("time per document vs blocks per document (20% of blocks duplicated):")
    print("  blocks   dedup only   dedup + bundled rules")
    for (n, t_rules), (_, t_dedup) in zip(scale, scale_dedup, strict=True):
        print(f"  {n:6d} {t_dedup * 1000:9.1f} ms {t_rules * 1000:12.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
