"""Recall of the regression pages (``tests/data/html/regress/``): ours against trafilatura, per page.

Same metric as ``tests/test_html_regress.py`` (4-gram shingles, one token per CJK character) on the
full pipeline (``cleaner.clean(html_bytes)``) and on trafilatura's ``extract(html,
include_comments=False)`` when it is installed. Prints one line per page and the means.

    python benchmarks/eval_html_regress.py [--fresh] [--no-peer] [--save DIR]

``--fresh`` keeps only the pages whose floor comment says "fresh" (collected before any tuning).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_html_regress import REGRESS, recall  # noqa: E402

import cleaner  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help="only the pages marked fresh")
    parser.add_argument("--no-peer", action="store_true", help="skip trafilatura")
    parser.add_argument("--save", type=Path, help="write our output per page to DIR/NAME.txt")
    args = parser.parse_args()
    try:
        import trafilatura
    except ImportError:
        trafilatura = None
    if args.no_peer:
        trafilatura = None
    rows = []
    for html_path in sorted(REGRESS.glob("*.html")):
        name = html_path.stem
        meta = (REGRESS / f"{name}.yaml").read_text(encoding="utf-8")
        if args.fresh and "fresh" not in meta:
            continue
        reference = (REGRESS / f"{name}.ref.txt").read_text(encoding="utf-8")
        data = html_path.read_bytes()
        ours_text = cleaner.clean(data).text
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{name}.txt").write_text(ours_text, encoding="utf-8")
        ours = recall(reference, ours_text)
        peer = None
        if trafilatura is not None:
            peer = recall(reference, trafilatura.extract(data, include_comments=False) or "")
        rows.append((name, ours, peer))
        print(f"{name:36s} ours {ours:.3f}" + (f"  trafilatura {peer:.3f}" if peer is not None else ""))
    if rows:
        mean = sum(r[1] for r in rows) / len(rows)
        line = f"{'mean (' + str(len(rows)) + ' pages)':36s} ours {mean:.3f}"
        if trafilatura is not None:
            line += f"  trafilatura {sum(r[2] for r in rows) / len(rows):.3f}"
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
