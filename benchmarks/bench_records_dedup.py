"""Memory and speed of duplicate-record detection (cleaner.pipeline.records_dedup) on N records.

Records are generated on the fly (never held): texts of 40-120 words from a 20,000-word vocabulary,
with 5% exact copies, 5% near copies (one word changed, one more dropped in long ones) of an earlier
record, 2% repeating an earlier guid and 2% an earlier link with tracking parameters. Each record is
signed as a worker would (:class:`Signer` half: hashes and the MinHash signature), then seen by one
:class:`RecordIndex` in input order, as ``check``/``clean --drop-duplicate-records`` do in the main process.

Printed: the index's own bytes (its arrays) per record, the process's peak RSS growth per record, the
time per record of each half, and how many planted copies were found (recall) and how many findings
were not planted (false).

    python benchmarks/bench_records_dedup.py --records 1000000
    python benchmarks/bench_records_dedup.py --records 1000000 --exact-only
"""

from __future__ import annotations

import argparse
import random
import resource
import time

from cleaner.pipeline.records_dedup import (
    DEFAULT_THRESHOLD,
    RecordIndex,
    Signature,
    _h64,
    band_keys,
    canonical_link,
    minhash,
)
from cleaner.text.normalize import comparison_form


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--exact-only", action="store_true", help="no near-copy detection (--duplicate-threshold 1)")
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    vocab = [f"w{n}x" for n in range(20_000)]
    index = RecordIndex(None if args.exact_only else DEFAULT_THRESHOLD)
    recent: list[tuple[str, int]] = []  # a small window of earlier texts to copy from (bounded)
    planted = found = false = 0
    sign_s = see_s = 0.0
    base_rss = _rss_mb()
    started = time.perf_counter()
    for n in range(1, args.records + 1):
        roll = rnd.random()
        copy_of = None
        guid, link = f"id-{n}", f"https://news.example.com/story/{n}"
        if recent and roll < 0.05:
            text, copy_of = rnd.choice(recent)
        elif recent and roll < 0.10:
            src, copy_of = rnd.choice(recent)
            words = src.split()
            words[rnd.randrange(len(words))] = rnd.choice(vocab)  # one word changed
            if len(words) > 80:
                del words[rnd.randrange(len(words))]  # and one dropped
            text = " ".join(words)
        else:
            text = " ".join(rnd.choices(vocab, k=rnd.randint(40, 120)))
            if recent and roll < 0.12:
                copy_of = rnd.choice(recent)[1]
                guid = f"id-{copy_of}"
            elif recent and roll < 0.14:
                copy_of = rnd.choice(recent)[1]
                link = f"https://news.example.com/story/{copy_of}?utm_source=rss&utm_medium=feed"
        t0 = time.perf_counter()
        form = comparison_form(text)
        mh = b"" if args.exact_only else minhash(form)
        sig = Signature(
            "bench.jsonl", n, n, guid, None, _h64(form), _h64(guid), _h64(canonical_link(link)), mh, band_keys(mh)
        )
        t1 = time.perf_counter()
        dup = index.see(sig)
        see_s += time.perf_counter() - t1
        sign_s += t1 - t0
        if copy_of is not None:
            planted += 1
            found += dup is not None
        elif dup is not None:
            false += 1
        if copy_of is None and dup is None and len(recent) < 1000:
            recent.append((text, n))
        elif copy_of is None and dup is None and rnd.random() < 0.01:
            recent[rnd.randrange(len(recent))] = (text, n)
        if n % 200_000 == 0:
            took = time.perf_counter() - started
            print(f"  {n:,} records, {took:.0f} s, index {index.nbytes / 1e6:.0f} MB", flush=True)
    n = args.records
    mode = "exact copies, guids, links" if args.exact_only else f"+ near copies (threshold {DEFAULT_THRESHOLD})"
    print(f"records: {n:,} ({mode}); stored (not copies): {index.count:,}")
    print(f"index arrays: {index.nbytes / 1e6:.1f} MB = {index.nbytes / n:.0f} bytes per record")
    print(f"peak RSS growth: {_rss_mb() - base_rss:.1f} MB = {(_rss_mb() - base_rss) * 1e6 / n:.0f} bytes per record")
    print(f"time per record: sign {sign_s / n * 1e6:.1f} us (in the workers), see {see_s / n * 1e6:.1f} us (main)")
    print(f"planted copies found: {found:,} / {planted:,} ({found / max(planted, 1):.2%}); false findings: {false:,}")


if __name__ == "__main__":
    main()
