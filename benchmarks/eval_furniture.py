"""What the learned furniture rule costs on clean text, and in speed.

Runs ``cleaner.clean`` with the bundled rules, then with the bundled rules plus an opt-in pack using the
furniture model (default: samples/rules/learned-furniture.yaml), on the clean article bodies of
../shared/bench/aeb (181, MIT) and ../shared/bench/dragnet (1,318, AGPL: read here as a recall test
only, never copied or trained on). Prints the share of ``\\w+`` tokens the model rule removes from each
(target: at most 0.5%), the lines it removed with their scores (for review), and the CPU throughput of
both configurations on the AEB bodies plus the dev cases (best of 3, this process).

Usage: ``python benchmarks/eval_furniture.py [--pack PACK] [--shared DIR] [--list N]``
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from cleaner import clean, default_rules, load_rules

ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r"\w+")


def _shared() -> Path:
    for cand in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if cand.is_dir():
            return cand
    return ROOT.parent / "shared"


def _bodies(path: Path) -> list[tuple[str, str | None]]:
    truth = json.loads(path.read_text(encoding="utf-8"))
    return [(p.get("articleBody") or "", p.get("url")) for _, p in sorted(truth.items())]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pack", default=str(ROOT / "samples" / "rules" / "learned-furniture.yaml"))
    ap.add_argument("--shared", default=str(_shared()))
    ap.add_argument("--list", type=int, default=12, help="removed lines listed per set (default 12)")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    with_model = load_rules([args.pack])
    model_ids = {r.id for r in load_rules([args.pack], defaults=False).rules}
    for name in ("aeb", "dragnet"):
        path = shared / "bench" / name / "ground-truth.json"
        if not path.exists():
            print(f"{name}: {path} not found, skipped")
            continue
        bodies = _bodies(path)
        total = lost = 0
        removed: list[tuple[float, str]] = []
        for text, url in bodies:
            total += len(TOKEN.findall(text))
            for r in clean(text, url=url, rules=with_model).removals:
                if r.rule in model_ids:
                    lost += len(TOKEN.findall(r.text))
                    removed.append((r.score, " ".join(r.text.split())[:90]))
        print(f"{name}: {len(bodies)} clean bodies, {total} tokens; the model rule removes {len(removed)} lines, "
              f"{lost} tokens ({lost / total:.2%}; target <= 0.50%)")
        for score, text in sorted(removed, reverse=True)[: args.list]:
            print(f"    {score:5.1f}  {text}")
    cases = shared / "data" / "cases"
    docs = [t for t, _ in _bodies(shared / "bench" / "aeb" / "ground-truth.json")]
    docs += [p.read_text(encoding="utf-8") for p in sorted(cases.glob("*.txt")) if not p.name.endswith(".clean.txt")]
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    speeds = {}
    for label, rules in (("bundled rules", default_rules()), ("bundled + model rule", with_model)):
        for d in docs[:5]:
            clean(d, rules=rules)  # warm: model and stoplists loaded, rule index built
        best = float("inf")
        for _ in range(3):
            t = time.process_time()
            for d in docs:
                clean(d, rules=rules)
            best = min(best, time.process_time() - t)
        speeds[label] = mb / best
        print(f"throughput, {label:22s}: {mb / best:5.2f} MB/s ({len(docs)} documents, {mb:.2f} MB, CPU, best of 3)")
    print(f"the model rule costs {1 - speeds['bundled + model rule'] / speeds['bundled rules']:.0%} of the throughput")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
