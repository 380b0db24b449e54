"""False positives of the shape rules (``structure.*``, issue #10) on clean publisher text.

Runs ``cleaner.clean`` on the reference article bodies of the ScrapingHub benchmark (181 pages, MIT) and
of Dragnet (1,318 pages, AGPL: read here only, nothing of it is copied into the repository) and counts
the ``\\w+`` tokens that the rules whose id starts with ``--prefix`` remove (target: at most 0.5%). With
``--list`` every such removal is printed for review.

``--html`` runs the whole pipeline on each page's HTML instead (``clean(html, url=url)``: extraction, then the
rules on the extracted text, which holds more than the reference: the headline, captions, furniture the
extractor kept) and counts the tokens of the removals, by the counted rules, whose text is found in the
page's reference body, i.e. the reference text those rules cost (a rule can be silent on the clean body
and still remove reference text on the page: a deals page's "New Release: …" headings, AEB 287e4d9f).

Usage: ``python benchmarks/eval_shapes_clean.py [--prefix structure.] [--list] [--bench aeb --bench dragnet] [--html]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

from cleaner import clean

ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r"\w+")


def bench_dir() -> Path:
    for parent in ROOT.parents:
        if (parent / "shared" / "bench").is_dir():
            return parent / "shared" / "bench"
    raise SystemExit("shared/bench not found above the checkout")


def _in_reference(text: str, reference: str) -> bool:
    """A removal of 15 characters or more found in the page's reference text (a shorter one, "Share" or
    "0", would be found in most references by chance)."""
    return len(text) >= 15 and text in reference


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--prefix", default="structure.", help="rule id prefix counted (default structure.)")
    ap.add_argument("--bench", action="append", help="aeb and/or dragnet (default both)")
    ap.add_argument("--list", action="store_true", help="print every removal of the counted rules")
    ap.add_argument("--html", action="store_true", help="clean each page's HTML; count removals found in its reference")
    args = ap.parse_args(argv)
    worst = 0.0
    for name in args.bench or ["aeb", "dragnet"]:
        truth = json.loads((bench_dir() / name / "ground-truth.json").read_text(encoding="utf-8"))
        total = removed = 0
        by_rule: Counter[str] = Counter()
        listed = []
        for key, page in sorted(truth.items()):
            body = page.get("articleBody") or ""
            total += len(TOKEN.findall(body))
            if args.html:
                path = bench_dir() / name / "html" / f"{key}.html.gz"
                if not path.exists():
                    continue
                reference = " ".join(body.split())
                found = clean(gzip.decompress(path.read_bytes()), url=page.get("url")).removals
                removals = [r for r in found if _in_reference(" ".join(r.text.split()), reference)]
            else:
                removals = clean(body, url=page.get("url")).removals
            for r in removals:
                if r.rule.startswith(args.prefix):
                    n = len(TOKEN.findall(r.text))
                    removed += n
                    by_rule[r.rule] += n
                    listed.append((key[:10], r.rule, round(r.score), " ".join(r.text.split())[:100]))
        share = removed / max(1, total)
        worst = max(worst, share)
        print(f"{name}: {len(truth)} bodies, {total} tokens; {args.prefix}* removes {removed} ({share:.3%})")
        print("  by rule: " + (", ".join(f"{k} {v}" for k, v in by_rule.most_common()) or "nothing"))
        if args.list:
            for row in listed:
                print("  ", *row)
    return 0 if worst <= 0.005 else 1


if __name__ == "__main__":
    raise SystemExit(main())
