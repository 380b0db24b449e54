"""Where the head run's furniture stands, and what the short-header guard keeps (issue 10, stop 19).

Two figures over the labelled sets (the dev cases and the fresh rounds, but those given with ``--skip``):

1. Of the head-run lines the labels remove (a raw line removed whole that repeats no kept text, as
   ``tools/train_furniture.py`` labels them), how many stand above the first head-run line the labels keep: the
   page's header over the article's title, which ``learned.furniture.header`` is for.
2. The header rule's removals (``learned.furniture.header``) and how many of them the labels keep.
3. What the short-header guard (``cleaner.text.furniture._Context.in_short_header``: no model rule takes a line of
   a header of fewer than six lines over the title) changes: the cleaner is run with and without it, and every
   removal only the unguarded run makes is counted as furniture (its text is not in the label) or content.

Usage: ``python benchmarks/eval_head_runs.py [--skip ROUND]`` (``eval_cases.HELD_OUT`` is always skipped).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import eval_cases  # noqa: E402
import train_furniture as tf  # noqa: E402

from cleaner.text import furniture  # noqa: E402


def _sets(skip: list[str]) -> list[Path]:
    return [p for p in eval_cases.labelled_sets(held_out=False) if p.name not in skip]


def head_furniture_above_first_kept(sets: list[Path]) -> tuple[int, int]:
    """(furniture lines of head runs above the first kept head-run line, furniture lines of head runs)."""
    above = total = 0
    for folder in sets:
        tag, name = ("case", "dev") if folder == eval_cases.default_cases_dir() else ("fresh", folder.name)
        for doc in tf.case_docs(folder, tag, name):
            ctx = furniture._Context(doc.blocks, None)
            head = range(min(ctx.first_prose, furniture._EDGE_RUN))
            first_kept = next((i for i in head if doc.labels[i] == 0), None)
            for i in head:
                if doc.labels[i] == 1:
                    total += 1
                    above += first_kept is None or i < first_kept
    return above, total


def _removals(sets: list[Path]) -> dict[str, tuple[str, str, dict[tuple[int, int], str]]]:
    """Each labelled page: its raw text, its label (whitespace folded) and the cleaner's removals (span -> rule)."""
    out = {}
    for folder in sets:
        for name, raw, label, record in eval_cases.labelled_cases(folder):
            result = eval_cases.clean_case(raw, record)
            out[name] = (raw, " ".join(label.split()), {(r.start, r.end): r.rule for r in result.removals})
    return out


def _kept(raw: str, label: str, start: int, end: int) -> bool:
    return " ".join(raw[start:end].split()) in label


def header_rule(guarded: dict) -> tuple[int, int]:
    """(lines the header rule removes, of which the labels keep)."""
    spans = [(raw, label, s, e) for raw, label, rules in guarded.values() for (s, e), rule in rules.items()
             if rule == "learned.furniture.header"]
    return len(spans), sum(_kept(*x) for x in spans)


def short_header_guard(sets: list[Path], guarded: dict) -> tuple[int, int]:
    """(furniture lines, content lines) that the short-header guard keeps: removed without it, kept with it."""
    original = furniture._Context.in_short_header
    furniture._Context.in_short_header = lambda self, i: False
    try:
        unguarded = _removals(sets)
    finally:
        furniture._Context.in_short_header = original
    kept_furniture = kept_content = 0
    for name, (raw, label, spans) in unguarded.items():
        for start, end in spans.keys() - guarded[name][2].keys():
            if _kept(raw, label, start, end):
                kept_content += 1
            else:
                kept_furniture += 1
    return kept_furniture, kept_content


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--skip", action="append", default=[], metavar="ROUND", help="a set not to read (held out)")
    args = ap.parse_args(argv)
    sets = _sets(args.skip)
    above, total = head_furniture_above_first_kept(sets)
    print(f"head-run furniture lines: {total}; above the first kept head-run line: {above}")
    guarded = _removals(sets)
    taken, kept = header_rule(guarded)
    print(f"learned.furniture.header: {taken} lines removed, {kept} of them kept by the labels")
    furniture_lines, content_lines = short_header_guard(sets, guarded)
    print(f"short-header guard keeps: {furniture_lines} furniture lines, {content_lines} content lines")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
