"""Every removal the cleaner makes on a reviewer's inputs (tests/data/review/…), by rule: the lists a review's
figures come from.

A review folder holds a reviewer's inputs (``fp-NN.txt`` or ``in-NN.txt``; a first line ``# url: …`` is the
page's URL) and a README with the reviewer's verdicts. This prints each removal of a rule (or of every rule whose
id starts with ``--rule``) on each input, then the count per rule, at the code it runs from: run it from a
worktree of an earlier commit (``PYTHONPATH=<worktree>``) to see what that code removed. ``--head-min-score``
runs the learned head rule at another threshold (stop 16's review of 0.97). Which removals are article content
is the reviewer's judgement, written in the folder's README; this reproduces the lists it was made on.

``--against COMMIT`` runs the same lists at that commit too (``git archive`` unpacked in a temporary folder, its
package first on ``PYTHONPATH``) and prints only what differs: ``NEW`` removals this code makes and the commit did
not, ``GONE`` the other way — what a change did on the reviewer's inputs (stop 20's reviews compared this way).

Usage: ``python benchmarks/review_hits.py tests/data/review/stop16 --rule learned.furniture.head
[--head-min-score 0.97] [--against 0a18213]``
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

from cleaner import clean, default_rules


def load_review_input(path: Path) -> tuple[str, str | None]:
    """A reviewer's input: its exact text and the page's URL, given on a first line ``# url: …`` when known."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("# url:"):
        return text, None
    first, text = text.split("\n", 1)
    return text, first[len("# url:") :].strip()


def review_inputs(folder: Path) -> list[Path]:
    """The inputs of a review folder, in their number order."""
    paths = [p for p in folder.glob("*.txt") if p.stem.split("-")[-1].isdigit()]
    return sorted(paths, key=lambda p: (p.stem.split("-")[0], int(p.stem.split("-")[-1])))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path, help="a review folder (tests/data/review/stop16)")
    ap.add_argument("--rule", default="", help="a rule id or the start of one (default: every rule)")
    ap.add_argument("--head-min-score", type=float, help="the learned head rule's threshold for the run")
    ap.add_argument("--against", metavar="COMMIT", help="print only the removals that differ from this commit's")
    args = ap.parse_args(argv)
    if args.against:
        same = [str(args.folder.resolve()), "--rule", args.rule]
        if args.head_min_score is not None:
            same += ["--head-min-score", str(args.head_min_score)]
        return _compare(_removal_lines(same, None), _removal_lines(same, args.against))
    rules = default_rules()
    if args.head_min_score is not None:
        from eval_learned_heldout import with_head_threshold  # trains nothing, but imports the trainer (numpy)

        rules = with_head_threshold(rules, args.head_min_score)
    per_rule: Counter[str] = Counter()
    for path in review_inputs(args.folder):
        text, url = load_review_input(path)
        for r in clean(text, url=url, rules=rules).removals:
            if r.rule.startswith(args.rule):
                per_rule[r.rule] += 1
                print(f"{path.stem} {r.rule} {r.score:.1f} {' '.join(r.text.split())[:80]!r}")
    for rule, n in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:5d} {rule}")
    return 0


def _removal_lines(argv: list[str], commit: str | None, script: str | None = None) -> list[str]:
    """The removal lines a listing script (this one, or ``script``: benchmarks/rule_hits.py) prints for ``argv``,
    at this code (None) or at ``commit`` (its package and bundled rules; the data read stays this tree's)."""
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        if commit is not None:
            root = Path(__file__).resolve().parent.parent
            tree = subprocess.run(["git", "-C", str(root), "archive", commit], capture_output=True, check=True).stdout
            with tarfile.open(fileobj=io.BytesIO(tree)) as tar:
                tar.extractall(tmp, filter="data")
            env["PYTHONPATH"] = tmp + os.pathsep + env.get("PYTHONPATH", "")
        run = subprocess.run(
            [sys.executable, str(Path(script or __file__).resolve()), *argv], env=env, cwd=tempfile.gettempdir(),
            capture_output=True, text=True,
        )
    if run.returncode not in (0, 1):  # (rule_hits.py exits 1 when a removal is FP: a list all the same)
        raise subprocess.CalledProcessError(run.returncode, run.args, run.stdout, run.stderr)
    return [line for line in run.stdout.splitlines() if line and not line[:1].isspace()]


def _compare(now: list[str], then: list[str]) -> int:
    """Print the removal lines only one side has (a multiset difference, in input order)."""
    sides = (("NEW ", now, Counter(now) - Counter(then)), ("GONE", then, Counter(then) - Counter(now)))
    for tag, lines, extra in sides:
        for line in lines:
            if extra[line]:
                print(f"{tag} {line}")
                extra[line] -= 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
