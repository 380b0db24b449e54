"""Worst cases of the bundled rules: each rule alone on long lines built from its own test inputs.

A regex that backtracks, or a per-hit step that rescans the line, shows as seconds on one long line
(a scraped page flattened onto one line, a feed item of repeated furniture). For every bundled text
rule, its inline test inputs are turned into three long single lines (the input repeated 150 times
with spaces, 150 times glued, and its first half 300 times) and cleaned with that rule alone; the
slowest line per rule is reported. CPU time, one process.

Usage: ``python benchmarks/bench_worst_case.py [--top N] [--limit SECONDS]`` (exit 1 if a rule takes
longer than ``--limit`` on one line, default 0.5 s).
"""

from __future__ import annotations

import argparse
import time

from cleaner import clean, default_rules
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
    return 1 if worst and worst[0][0] > args.limit else 0


if __name__ == "__main__":
    raise SystemExit(main())
