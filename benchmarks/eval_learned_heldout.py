"""The learned head rule on fresh pages it never saw: leave one fresh round out of training, score it.

The shipped model is trained on the dev cases and the fresh rounds (those in its ``left_out`` record
aside), so ``eval_cases.py`` on a round it learned from measures the rule on its own training pages.
This benchmark trains, for each round in turn, the same recipe without that round
(``tools/train_furniture.py``'s ``training_docs(leave_out)``), puts that model in place of the shipped
one for the run, and scores the round with the bundled rules, with and without the ``learned.*`` rules
(``--ignore 'learned.*'``), plus the opt-in tail rule on top. Nothing is
written: the shipped model file is not touched.

``--min-score 0.95`` (repeatable) adds a row per threshold: the bundled rules with the learned head rule's
``min_score`` set to it, so a threshold is chosen on rounds the model did not learn from.

``--together`` trains one model without every round scored, so ``--leave-out`` of earlier rounds gives a
learning curve on the same held-out rounds.

Usage: ``python benchmarks/eval_learned_heldout.py [--rounds round1 --rounds round3] [--min-score 0.95]``
(about 10 s a round)
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import eval_cases  # noqa: E402
import train_furniture as tf  # noqa: E402

from cleaner import RuleSet, default_rules, load_rules  # noqa: E402
from cleaner.rules import matching  # noqa: E402
from cleaner.text import furniture  # noqa: E402

SAMPLE = ROOT / "samples" / "rules" / "learned-furniture.yaml"


def _model_from(data: dict) -> furniture.FurnitureModel:
    return furniture.model_from_data("furniture", data)


def _use(model: furniture.FurnitureModel | None) -> None:
    """Score with ``model`` (None: the shipped one) for the rest of the run."""
    matching.load_model = (lambda name: model) if model is not None else furniture.load_model


def _line(name: str, s: dict) -> str:
    return (f"| {name} | {s['precision']:.4f} | {s['recall']:.4f} | {s['boilerplate_n']} "
            f"({s['boilerplate']:.1%}) | {s['duplicates_n']} |")


def with_head_threshold(rules: RuleSet, min_score: float) -> RuleSet:
    """``rules`` with the learned head rule hit at ``min_score`` instead of its bundled threshold."""
    out = tuple(dataclasses.replace(r, matcher=dataclasses.replace(r.matcher, min_score=min_score))
                if r.id == "learned.furniture.head" else r for r in rules.rules)
    return dataclasses.replace(rules, rules=out)


def _trained(leave_out: list[str]) -> furniture.FurnitureModel:
    """The shipped recipe trained without the rounds in ``leave_out``."""
    docs = tf.training_docs(leave_out)
    names, X, grams, y, _w, groups, origin, _edge, _rounds = tf.featurise(docs)
    return _model_from(tf.model_data(names, X, grams, y, tf.balance(y, origin), groups))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", action="append",
                    help="rounds to hold out, a fresh round's folder name or dev (default: every fresh round)")
    ap.add_argument("--min-score", action="append", type=float, default=[],
                    help="also score with the learned head rule at this threshold (repeatable)")
    ap.add_argument("--leave-out", action="append", default=[], metavar="ROUND",
                    help="a round never trained on nor scored (one held out for later; repeatable)")
    ap.add_argument("--no-tail", action="store_true", help="skip the opt-in tail rule's row")
    ap.add_argument("--together", action="store_true",
                    help="one model trained without every round scored (a learning curve: with --leave-out, "
                    "how the rule on the same held-out rounds moves with the training set's size)")
    args = ap.parse_args(argv)
    rounds = args.rounds or sorted(p.name for p in (ROOT / "tests" / "data" / "fresh").glob("round*")
                                   if p.name not in args.leave_out and p.name not in eval_cases.HELD_OUT)
    full = default_rules()
    without = RuleSet(tuple(r for r in full.rules if not r.id.startswith("learned.")), full.packs, full.files,
                      full.html)
    with_tail = load_rules([SAMPLE])
    print("| round (held out of training) | token P | token R | boilerplate items removed | duplicates |")
    print("|---|---|---|---|---|")
    shared = _trained([*rounds, *args.leave_out]) if args.together else None
    for name in rounds:
        _use(shared or _trained([name, *args.leave_out]))
        cases = eval_cases.default_cases_dir() if name == "dev" else ROOT / "tests" / "data" / "fresh" / name
        sets = [("without learned.*", without), ("bundled (learned head rule)", full)]
        sets += [(f"learned head rule at {t}", with_head_threshold(full, t)) for t in args.min_score]
        if not args.no_tail:
            sets.append(("bundled + opt-in tail rule", with_tail))
        for label, rules in sets:
            summary, _scores = eval_cases.evaluate(cases, rules)
            print(_line(f"{name}, {label}", summary))
        _use(None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
