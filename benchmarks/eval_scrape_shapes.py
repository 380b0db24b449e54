"""Duplicate removal on real articles scraped in the shapes aggregators produce (policy C).

Each ScrapingHub benchmark article body of three paragraphs or more (``../shared/bench/aeb``) is put
into the shapes that started this project, and cleaned with the bundled rules. The expected output is
what the cleaner makes of the article alone (so that the article's own repeats, handled by the same
policy, do not count), plus a title where the shape brings one the first copy lacks:

- ``twice``: the paragraphs, then all of them again;
- ``flat``: the paragraphs, then the whole article again on one line (a feed's flattened copy);
- ``flat, cut``: the same copy cut off half-way;
- ``title + flat``: a title only the copy has, glued to the flattened copy (the title stays);
- ``title twice``: a title line, the same title again, then the paragraphs;
- ``title, title + lead``: a title line, then the same title glued to the first paragraph;
- ``teaser…, body``: a feed's teaser (the first paragraph cut with "…") on a line before the body;
- ``teaser… + lead``: the same teaser glued to the first paragraph;
- ``description + lead``: a meta description (the lead's first sentence) glued to the lead.

For each shape: documents whose output is exactly the expected one, words of the article lost (must be
0), and words of the copy left over.

Usage: ``python benchmarks/eval_scrape_shapes.py [--shared ../shared] [--list N]``
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from cleaner import clean

ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r"\w+")


def shapes(title: str, paras: list[str]) -> dict[str, tuple[str, str | None]]:
    """Shape name -> (raw text, where the title goes in the expected output: "first", "last" or None)."""
    body, flat = "\n".join(paras), " ".join(paras)
    teaser = paras[0][:150].rsplit(" ", 1)[0] + "…"
    description = re.split(r"(?<=[.!?])\s+", paras[0])[0]
    return {
        "twice": (f"{body}\n{body}", None),
        "flat": (f"{body}\n{flat}", None),
        "flat, cut": (f"{body}\n{flat[: len(flat) // 2]}", None),
        "title + flat": (f"{body}\n{title} {flat}", "last"),
        "title twice": (f"{title}\n{title}\n{body}", "first"),
        "title, title + lead": (f"{title}\n{title} {body}", "first"),
        "teaser…, body": (f"{teaser}\n{body}", None),
        "teaser… + lead": (f"{teaser} {body}", None),
        "description + lead": (f"{description} {body}", None),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--list", type=int, default=0, help="list up to N documents per shape that differ")
    args = ap.parse_args(argv)
    truth = json.loads((Path(args.shared) / "bench" / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    totals: dict[str, list[int]] = {}
    listed: dict[str, list[str]] = {}
    for number, key in enumerate(sorted(truth)):
        paras = [p.strip() for p in (truth[key].get("articleBody") or "").split("\n") if p.strip()]
        if len(paras) < 3:
            continue
        title = f"Today's top story in our list, number {number}"  # words of its own, unlike the article's
        alone = clean("\n".join(paras)).text
        for name, (raw, where) in shapes(title, paras).items():
            if where == "first":
                expected = f"{title}\n\n{alone}"
            elif where == "last":
                expected = f"{alone}\n\n{title}"
            else:
                expected = alone
            out = clean(raw).text
            want, got = Counter(TOKEN.findall(expected)), Counter(TOKEN.findall(out))
            row = totals.setdefault(name, [0, 0, 0, 0])
            row[0] += 1
            row[1] += out == expected
            row[2] += sum((want - got).values())
            row[3] += sum((got - want).values())
            if out != expected and len(listed.setdefault(name, [])) < args.list:
                listed[name].append(f"{key[:12]} {truth[key].get('url')}")
    print(f"{'shape':20s} {'docs':>5s} {'as expected':>12s} {'words lost':>11s} {'words left over':>16s}")
    for name, (n, same, lost, extra) in totals.items():
        print(f"{name:20s} {n:5d} {same:12d} {lost:11d} {extra:16d}")
        for line in listed.get(name, []):
            print(f"    differs: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
