"""Text pipeline benchmark: throughput, duplicate-removal scaling, and floors measured in the same run.

Corpus: the labelled real cases (tests/data/cases) plus, when ../shared/bench/aeb is present, the
ground-truth article bodies of the ScrapingHub benchmark, each turned into a scraped-looking record
(a Gate disclaimer injected, and for every third record the whole body repeated). Measured in one
process, one core:

- ``cleaner.clean`` with the bundled rules, and with no rules (dedup only): MB/s and records/s;
- floors/peers on the same records: JSON decode + encode of the record only, and a naive exact-line
  dedup (what CCNet/datatrove-style line dedup does, minus their I/O) — the ratio says what our
  rules and fuzzy matching cost on top;
- dedup time versus blocks per document (10 → 10,000 blocks, 20% of them duplicated).

Usage: ``python benchmarks/bench_text.py [--repeat N] [--json]``
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from cleaner import clean, load_rules

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "cases"
AEB = ROOT.parent / "shared" / "bench" / "aeb" / "ground-truth.json"
DISCLAIMER = (
    "This page may contain third-party content, which is provided for information purposes only (not "
    "representations/warranties) and should not be considered as an endorsement of its views by Gate, nor as "
    "financial or professional advice. See Disclaimer for details."
)


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


def timed(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
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


def scaling(rules, sizes=(10, 100, 1000, 10000)) -> list[tuple[int, float]]:
    rnd = random.Random(7)
    words = (CASES / "016.txt").read_text(encoding="utf-8").split()
    out = []
    for n in sizes:
        uniq = [" ".join(rnd.choice(words) for _ in range(rnd.randint(8, 60))) for _ in range(n - n // 5)]
        blocks = uniq + rnd.sample(uniq, n // 5)
        rnd.shuffle(blocks)
        text = "\n".join(blocks)
        out.append((n, timed(lambda t=text: clean(t, rules=rules), 1)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    docs = corpus()
    records = [json.dumps({"id": i, "text": d}, ensure_ascii=False) for i, d in enumerate(docs)]
    mb = sum(len(d.encode()) for d in docs) / 1e6
    bundled = load_rules()
    none = load_rules([], defaults=False)
    clean(docs[0], rules=bundled)  # warm caches (punctuation table, compiled rules)

    t_rules = timed(lambda: [clean(d, rules=bundled) for d in docs], args.repeat)
    t_dedup = timed(lambda: [clean(d, rules=none) for d in docs], args.repeat)
    t_json = timed(lambda: [json.dumps(json.loads(r), ensure_ascii=False) for r in records], args.repeat)
    t_naive = timed(lambda: [naive_line_dedup(d) for d in docs], args.repeat)
    scale = scaling(bundled)
    scale_dedup = scaling(none)

    figures = {
        "records": len(docs),
        "mb": round(mb, 3),
        "clean_bundled_mb_s": round(mb / t_rules, 2),
        "clean_bundled_records_s": round(len(docs) / t_rules, 1),
        "clean_dedup_only_mb_s": round(mb / t_dedup, 2),
        "floor_json_roundtrip_mb_s": round(mb / t_json, 2),
        "peer_naive_line_dedup_mb_s": round(mb / t_naive, 2),
        "ratio_clean_vs_naive_dedup": round(t_rules / t_naive, 1),
        "rules": len(bundled),
        "scaling_bundled_rules_s": {str(n): round(t, 4) for n, t in scale},
        "scaling_dedup_only_s": {str(n): round(t, 4) for n, t in scale_dedup},
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"corpus: {figures['records']} records, {mb:.2f} MB of text (best of {args.repeat})")
    print(
        f"cleaner.clean, {len(bundled)} bundled rules : {figures['clean_bundled_mb_s']:8.2f} MB/s "
        f"{figures['clean_bundled_records_s']:8.1f} records/s"
    )
    print(f"cleaner.clean, no rules (dedup only)  : {figures['clean_dedup_only_mb_s']:8.2f} MB/s")
    print(f"floor: JSON decode+encode of records  : {figures['floor_json_roundtrip_mb_s']:8.2f} MB/s")
    print(
        f"peer: naive exact-line dedup          : {figures['peer_naive_line_dedup_mb_s']:8.2f} MB/s "
        f"(cleaner is {figures['ratio_clean_vs_naive_dedup']}x slower: rules + fuzzy + spans)"
    )
    print("time per document vs blocks per document (20% of blocks duplicated):")
    print("  blocks   dedup only   dedup + bundled rules")
    for (n, t_rules), (_, t_dedup) in zip(scale, scale_dedup, strict=True):
        print(f"  {n:6d} {t_dedup * 1000:9.1f} ms {t_rules * 1000:12.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
