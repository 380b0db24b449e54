"""The installed package finds its bundled rule packs from any working directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bundled_rules_found_outside_the_checkout(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    code = (
        "import json, cleaner, cleaner.rules as r; "
        "print(json.dumps([cleaner.__file__, str(r.bundled_rules_dir()), len(r.default_rules())]))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    module, rules_dir, count = json.loads(out.stdout)
    assert Path(rules_dir).is_dir()
    assert count == len(__import__("cleaner").default_rules())
    if not Path(module).is_relative_to(ROOT):  # a real (non-editable) install: packs inside the package
        assert Path(rules_dir) == Path(module).parent / "_rules"


def test_every_top_level_rule_file_is_bundled():
    from cleaner.rules import bundled_rules_dir

    shipped = {p.name for p in bundled_rules_dir().glob("*.yaml")}
    assert shipped == {p.name for p in (ROOT / "rules").glob("*.yaml")}
