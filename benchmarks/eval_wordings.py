"""How many of the real boilerplate wordings in ../shared/data are removed when they appear in a page?

Each wording of ``boilerplate.yaml`` (131 real wordings from ~100 sites, 15 languages) and
``disclaimers.yaml`` (14 platform disclaimers) is put into a real article (a labelled case's clean
text), on its own lines before the article and, separately, after it (the best of the two counts:
head/tail-scoped rules only look at one end). Each page is cleaned with the bundled rules; the share of
the wording's ``\\w+`` tokens that went is measured, and the article tokens lost (which should be none).

Not every wording is boilerplate under the policy: some entries document things the policy keeps
(wire datelines, captions and credits, tweet signatures, update notes); they show up as "kept".

Usage: ``python benchmarks/eval_wordings.py [--shared ../shared/data] [--list]``
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import yaml

from cleaner import clean

ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    return Counter(TOKEN.findall(text))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--list", action="store_true", help="list every wording that is kept")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    entries = []
    for name in ("disclaimers.yaml", "boilerplate.yaml"):
        for e in yaml.safe_load((shared / name).read_text(encoding="utf-8")):
            entries.append((name, e))
    article = (ROOT / "tests" / "data" / "cases" / "018.clean.txt").read_text(encoding="utf-8").strip()
    art_tokens = tokens(article)
    removed_share, lost_article, kept = [], 0, []
    for name, e in entries:
        text = str(e["text"]).strip()
        wt = tokens(text)
        share = 0.0
        for page in (f"{text}\n\n{article}", f"{article}\n\n{text}"):  # top of the page, then bottom
            out = tokens(clean(page).text)
            lost_article += sum((art_tokens - out).values())
            left = sum((wt & (out - art_tokens)).values())
            share = max(share, 1 - left / max(1, sum(wt.values())))
        removed_share.append(share)
        if share < 0.5:
            kept.append((share, name, e.get("site", ""), " ".join(text.split())[:90]))
    n = len(entries)
    mostly = sum(s >= 0.9 for s in removed_share)
    print(f"{n} real wordings put into an article: {mostly} ({mostly / n:.0%}) ≥ 90% removed, "
          f"{sum(s >= 0.5 for s in removed_share)} ≥ 50% removed, {len(kept)} mostly kept; "
          f"article tokens lost over all pages: {lost_article}")
    if args.list:
        for share, name, site, text in sorted(kept):
            print(f"  kept {share:4.0%} removed  [{name}] {site[:40]}: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
