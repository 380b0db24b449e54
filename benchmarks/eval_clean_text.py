"""False-positive check: how much of already-clean publisher text does the cleaner remove?

Runs ``cleaner.clean`` on the ground-truth article bodies of the ScrapingHub article-extraction
benchmark (``../shared/bench/aeb/ground-truth.json``: 181 pages, clean text as the publisher wrote it)
and prints the share of ``\\w+`` tokens kept, overall and for the pages that lost most, with the rules
that removed text there. Ideally nothing is removed; what the policy removes by design from clean text
(exact repeats of a block, copyright lines, disclaimers) shows up here.

Usage: ``python benchmarks/eval_clean_text.py [GROUND_TRUTH_JSON] [--top N]``
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from cleaner import clean

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "aeb" / "ground-truth.json"
TOKEN = re.compile(r"\w+")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("truth", nargs="?", default=str(DEFAULT))
    ap.add_argument("--top", type=int, default=8, help="pages listed with the most removed (default 8)")
    args = ap.parse_args(argv)
    truth = json.loads(Path(args.truth).read_text(encoding="utf-8"))
    total_in = total_out = 0
    by_rule: Counter[str] = Counter()
    pages = []
    for key, page in sorted(truth.items()):
        body = page.get("articleBody") or ""
        result = clean(body, url=page.get("url"))
        n_in, n_out = len(TOKEN.findall(body)), len(TOKEN.findall(result.text))
        total_in += n_in
        total_out += n_out
        by_rule.update(r.rule for r in result.removals)
        pages.append((n_in - n_out, key, page.get("url"), Counter(r.rule for r in result.removals)))
    print(f"{len(truth)} clean article bodies: {total_out / total_in:.4f} of {total_in} tokens kept")
    print("removals by rule: " + ", ".join(f"{k} {v}" for k, v in by_rule.most_common()))
    for lost, key, url, rules in sorted(pages, reverse=True)[: args.top]:
        if lost > 0:
            print(f"  -{lost:5d} tokens  {key[:12]}  {url}  {dict(rules)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
