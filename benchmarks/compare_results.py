"""Result snapshot of the text pipeline (and with ``--html`` of HTML extraction), to prove a speed or
refactoring change changes no result.

Runs ``cleaner.clean`` on text input over the bench_text corpus
(10 / bundled / bundled + 1,000 generated rules / no rules), the labelled cases, every text rule's
inline test inputs (with the rule alone and with all bundled rules) and the blocks-scaling documents,
and records per document the clean text, the language and every removal (kind, rule, span, score,
duplicate_of). With ``--html`` it runs ``cleaner.clean(html, url=url)`` instead on every page of the AEB
and Dragnet benchmarks (../shared/bench, read in place: Dragnet's pages are AGPL and stay there) and of
tests/data/html, and records the same per page. ``--save FILE`` writes the snapshot; ``--check FILE``
compares with a saved one and exits 1 on any difference.

Usage: ``python benchmarks/compare_results.py [--html] --save /tmp/before.json`` then, after a change,
``python benchmarks/compare_results.py [--html] --check /tmp/before.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
from pathlib import Path

from cleaner import clean, load_rules

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))
from bench_html import BENCH, SETS, load  # noqa: E402
from bench_text import CASES, SITES, corpus, ten_rules  # noqa: E402
from synthetic_rules import site_url, write_synthetic_pack  # noqa: E402


def _record(result) -> dict:
    return {
        "text": result.text,
        "language": result.language,
        "removals": [
            [r.kind, r.rule, r.start, r.end, r.score, list(r.duplicate_of) if r.duplicate_of else None]
            for r in result.removals
        ],
    }


def _scaling_docs() -> list[str]:
    rnd = random.Random(7)
    words = (CASES / "016.txt").read_text(encoding="utf-8").split()
    docs = []
    for n in (10, 100, 1000, 3000):
        uniq = [" ".join(rnd.choice(words) for _ in range(rnd.randint(8, 60))) for _ in range(n - n // 5)]
        blocks = uniq + rnd.sample(uniq, n // 5)
        rnd.shuffle(blocks)
        docs.append("\n".join(blocks))
    return docs


def snapshot() -> dict[str, dict]:
    out: dict[str, dict] = {}
    docs = corpus()
    urls = [site_url(i % SITES) for i in range(len(docs))]
    bundled = load_rules()
    with tempfile.TemporaryDirectory() as tmp:
        many = load_rules([write_synthetic_pack(Path(tmp), 1000, sites=SITES)])
    configs = {"ten": ten_rules(bundled), "bundled": bundled, "many": many, "none": load_rules([], defaults=False)}
    for name, rules in configs.items():
        for i, (d, u) in enumerate(zip(docs, urls, strict=True)):
            out[f"corpus/{name}/{i}"] = _record(clean(d, url=u, rules=rules, html=False))
    for p in sorted(CASES.glob("*.txt")):
        if not p.name.endswith(".clean.txt"):
            out[f"case/{p.name}"] = _record(clean(p.read_text(encoding="utf-8"), rules=bundled, html=False))
    for rs_name, rs in (("bundled", bundled), ("many", many)):
        for rule in rs.rules:
            alone = rs.only(rule)
            for k, case in enumerate(rule.tests):
                key = f"ruletest/{rs_name}/{rule.id}/{k}"
                out[key + "/alone"] = _record(clean(case.input, url=case.url, language=case.language, rules=alone))
                if rs_name == "bundled":
                    out[key + "/all"] = _record(clean(case.input, url=case.url, rules=bundled))
    for i, d in enumerate(_scaling_docs()):
        out[f"scaling/bundled/{i}"] = _record(clean(d, rules=bundled))
        out[f"scaling/none/{i}"] = _record(clean(d, rules=configs["none"]))
    return out


def html_snapshot() -> dict[str, dict]:
    """``cleaner.clean`` of every benchmark page (those of the sets present) and regression page."""
    out: dict[str, dict] = {}
    for name in SETS:
        if (BENCH / name).is_dir():
            for key, url, html, _ in load(None, name):
                out[f"html/{name}/{key}"] = _record(clean(html, url=url))
    for p in sorted((ROOT / "tests" / "data" / "html").rglob("*.html")):
        out[f"html/regress/{p.relative_to(ROOT)}"] = _record(clean(p.read_bytes()))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the snapshot here")
    group.add_argument("--check", type=Path, help="compare with this saved snapshot")
    ap.add_argument("--html", action="store_true", help="snapshot HTML extraction (benchmark and regression pages)")
    args = ap.parse_args(argv)
    snap = html_snapshot() if args.html else snapshot()
    digest = hashlib.sha256(json.dumps(snap, sort_keys=True).encode()).hexdigest()[:16]
    if args.save:
        args.save.write_text(json.dumps(snap, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        print(f"{len(snap)} results saved to {args.save} (digest {digest})")
        return 0
    old = json.loads(args.check.read_text(encoding="utf-8"))
    diffs = sorted(k for k in old.keys() | snap.keys() if old.get(k) != snap.get(k))
    for k in diffs[:20]:
        print(f"DIFFERENT: {k}")
    print(f"{len(snap)} results, {len(diffs)} different (digest {digest})")
    return 1 if diffs else 0


if __name__ == "__main__":
    raise SystemExit(main())
