"""Every removal of one rule (or rule-id prefix) on every labelled set, marked against the labels.

A removal is ``FP`` when its text is a paragraph the label keeps (the rule took article text), ``ok``
otherwise. The check a new or widened rule gets on real pages before it lands, beside what it takes from
the clean AEB/Dragnet bodies (``eval_shapes_clean.py``); it does not replace an adversarial review.

``--against COMMIT`` lists the same removals at that commit too (its package and bundled rules, from ``git
archive``; the labelled sets stay this tree's) and prints only what differs, ``NEW`` and ``GONE``: the before and
after counts of a change, reproducible from the commits (``benchmarks/review_hits.py`` does the same for a
review's inputs).

``--head-min-score`` runs the learned head rule at another threshold (as review_hits.py and eval_cases.py do).

Usage: ``python benchmarks/rule_hits.py structure.share-prompt [--cases DIR ...] [--against COMMIT]
[--head-min-score 0.99]`` (default:
the dev cases and every fresh round but the held-out ones, ``eval_cases.HELD_OUT``, whose lines no stop reads before
it scores them). Exit code 1 when any removal is ``FP`` (with ``--against``: 0).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import eval_cases
from review_hits import _compare, _removal_lines

from cleaner import default_rules

_TOTAL = re.compile(r"ok \d+ FP \d+$")  # the closing count line, not a removal


def _paragraphs(label: str) -> set[str]:
    return {" ".join(p.split()) for p in label.split("\n\n")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rule", help="a rule id or the start of one (structure.share, generic.copyright.)")
    ap.add_argument("--cases", action="append", type=Path, help="a folder of cases (repeatable)")
    ap.add_argument("--against", metavar="COMMIT", help="print only the removals that differ from this commit's")
    ap.add_argument("--head-min-score", type=float, help="the learned head rule's threshold for the run")
    args = ap.parse_args(argv)
    if args.against:
        same = [args.rule, *(x for c in args.cases or () for x in ("--cases", str(c.resolve())))]
        if args.head_min_score is not None:
            same += ["--head-min-score", str(args.head_min_score)]
        now, then = (_removal_lines(same, commit, __file__) for commit in (None, args.against))
        return _compare([x for x in now if not _TOTAL.match(x)], [x for x in then if not _TOTAL.match(x)])
    rules = None
    if args.head_min_score is not None:
        from eval_learned_heldout import with_head_threshold  # trains nothing, but imports the trainer (numpy)

        rules = with_head_threshold(default_rules(), args.head_min_score)
    ok = fp = 0
    for folder in args.cases or eval_cases.labelled_sets(held_out=False):
        for name, raw, label, record in eval_cases.labelled_cases(folder):
            kept = _paragraphs(label)
            for r in eval_cases.clean_case(raw, record, rules).removals:
                if r.rule.startswith(args.rule):
                    text = " ".join(raw[r.start : r.end].split())
                    bad = text in kept
                    fp += bad
                    ok += not bad
                    print(f"{'FP' if bad else 'ok'} {folder.name} {name} {r.rule} {text[:70]!r}")
    print(f"ok {ok} FP {fp}")
    return 1 if fp else 0


if __name__ == "__main__":
    sys.exit(main())
