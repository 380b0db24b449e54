"""Worst cases of the bundled rules: each rule alone on long lines built from its own test inputs.

A regex that backtracks, or a per-hit step that rescans the line, shows as seconds on one long line
(a scraped page flattened onto one line, a feed item of repeated furniture). For every bundled text
rule, its inline test inputs are turned into three long single lines (the input repeated 150 times
with spaces, 150 times glued, and its first half 300 times) and cleaned with that rule alone; the
slowest line per rule is reported. CPU time, one process.

Then duplicate removal alone on documents of 5,000 blocks that all start with the same words (the
case where looking earlier text up by its first words could turn quadratic), with a title glued to a
flattened copy and with the whole document flattened once more.

Usage: ``python benchmarks/bench_worst_case.py [--top N] [--limit SECONDS]`` (exit 1 if a rule takes
longer than ``--limit`` on one line, or a duplicate-removal document longer than twice that; default
0.5 s).
"""

from __future__ import annotations

import argparse
import random
import time

from cleaner import clean, default_rules, load_rules
from cleaner.rules import RuleSet


def long_lines(inputs: list[str]) -> list[str]:
    out = []
    for text in inputs:
        flat = text.replace("\n", " ")
        out += [" ".join([flat] * 150), flat * 150, flat[: len(flat) // 2] * 300]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--top", type=int, default=10, help="rules to list, slowest first (default 10)")
    ap.add_argument("--limit", type=float, default=0.5, help="exit 1 above this many seconds (default 0.5)")
    args = ap.parse_args(argv)
    bundled = default_rules()
    worst: list[tuple[float, str, int]] = []
    for rule in bundled.rules:
        alone = RuleSet((rule,), bundled.packs, bundled.files)
        slowest, size = 0.0, 0
        for line in long_lines([t.input for t in rule.tests]):
            start = time.process_time()
            clean(line, rules=alone)
            took = time.process_time() - start
            if took > slowest:
                slowest, size = took, len(line)
        worst.append((slowest, rule.id, size))
    worst.sort(reverse=True)
    print(f"{len(worst)} text rules, each alone on long lines made of its own test inputs (CPU time)")
    for took, rule_id, size in worst[: args.top]:
        print(f"  {took * 1000:8.1f} ms  {rule_id}  (line of {size:,} characters)")
    slow_dedup = dedup_worst_cases()
    return 1 if (worst and worst[0][0] > args.limit) or slow_dedup > 2 * args.limit else 0


def dedup_worst_cases() -> float:
    """Duplicate removal alone on 5,000 blocks sharing their first words; the slowest CPU time."""
    rnd = random.Random(1)
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu"]
    blocks = [f"The company said {' '.join(rnd.choice(words) for _ in range(12))} {i}." for i in range(5000)]
    docs = {
        "5,000 blocks starting 'The company said'": "\n".join(blocks),
        "  + a title glued to a flattened copy of 50": "The company\n" + "\n".join(blocks)
        + "\nThe company " + " ".join(blocks[:50]),
        "  + the whole document flattened once more": "\n".join(blocks) + "\n" + " ".join(blocks),
    }
    no_rules = load_rules([], defaults=False)
    print("duplicate removal alone (CPU time)")
    slowest = 0.0
    for name, text in docs.items():
        start = time.process_time()
        clean(text, rules=no_rules)
        took = time.process_time() - start
        slowest = max(slowest, took)
        print(f"  {took * 1000:8.1f} ms  {name}")
    return slowest


if __name__ == "__main__":
    raise SystemExit(main())
