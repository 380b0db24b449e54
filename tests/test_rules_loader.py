"""Strict loading of rule files: every problem named with file:line:col, nothing silently ignored."""

from __future__ import annotations

import textwrap

import pytest

from cleaner import RuleLoadError, clean, load_rules
from cleaner.rules import bundled_rules_dir

GOOD = """\
pack: demo
rules:
  - id: demo.footer
    description: demo footer
    level: error
    scope:
      position: tail
      window: 2
    match:
      any:
        - literal: "Thanks for reading"
          whole_block: true
        - regex: '^Follow us on \\w+$'
    action: remove_block
    tests:
      - input: "Body.\\nThanks for reading!"
        output: "Body."
      - input: "Thanks for reading this far, the minister said.\\nMore text."
"""


def _write(tmp_path, text, name="pack.yaml"):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def _problems(tmp_path, text):
    with pytest.raises(RuleLoadError) as info:
        load_rules([_write(tmp_path, text)], defaults=False)
    return [str(p) for p in info.value.problems]


def test_good_pack_loads_and_runs(tmp_path):
    rules = load_rules([_write(tmp_path, GOOD)], defaults=False)
    assert [r.id for r in rules.rules] == ["demo.footer"]
    result = clean("Body text here.\nThanks for reading!", rules=rules)
    assert result.text == "Body text here."
    assert result.removals[0].rule == "demo.footer"
    assert result.removals[0].level == "error"


def test_typo_in_nested_mapping_names_line_col_and_suggests(tmp_path):
    bad = GOOD.replace("      window: 2", "      windw: 2")
    problems = _problems(tmp_path, bad)
    assert len(problems) == 1
    assert problems[0].endswith("pack.yaml:8:7: rule 'demo.footer': scope: unknown key 'windw'; did you mean 'window'?")


def test_typo_in_matcher_option(tmp_path):
    bad = GOOD.replace("whole_block: true", "whole_blok: true")
    (problem,) = _problems(tmp_path, bad)
    assert ":12:11:" in problem and "did you mean 'whole_block'?" in problem


def test_bad_regex_is_reported_where_it_stands(tmp_path):
    bad = GOOD.replace("'^Follow us on \\w+$'", "'^Follow (us'")
    (problem,) = _problems(tmp_path, bad)
    assert ":13:" in problem and "regex does not compile" in problem


def test_bad_enum_values(tmp_path):
    bad = GOOD.replace("level: error", "level: eror").replace("action: remove_block", "action: drop")
    problems = _problems(tmp_path, bad)
    assert any("level must be one of info, warning, error, got 'eror'; did you mean 'error'?" in p for p in problems)
    assert any(":14:13:" in p and "action must be one of" in p for p in problems)


def test_tests_must_cover_change_and_keep(tmp_path):
    bad = GOOD.replace('      - input: "Thanks for reading this far, the minister said.\\nMore text."\n', "")
    (problem,) = _problems(tmp_path, bad)
    assert "at least one case without output" in problem


def test_missing_required_keys_and_duplicate_ids(tmp_path):
    one = _write(tmp_path, GOOD, "a.yaml")
    two = _write(tmp_path, GOOD.replace("pack: demo", "pack: demo2"), "b.yaml")
    with pytest.raises(RuleLoadError) as info:
        load_rules([one, two], defaults=False)
    (problem,) = [str(p) for p in info.value.problems]
    assert "b.yaml:3:" in problem and "duplicate rule id 'demo.footer'" in problem and "a.yaml:3" in problem
    problems = _problems(tmp_path, GOOD.replace("    description: demo footer\n", ""))
    assert any("missing required key 'description'" in p for p in problems)


def test_invalid_yaml_syntax(tmp_path):
    (problem,) = _problems(tmp_path, "pack: x\nrules: [\n  - id: a\n")
    assert "invalid YAML" in problem and "pack.yaml:" in problem


def test_wrong_types(tmp_path):
    bad = GOOD.replace("window: 2", "window: two")
    (problem,) = _problems(tmp_path, bad)
    assert "window must be an integer, got a string ('two')" in problem


def test_regex_matching_empty_string_is_refused(tmp_path):
    bad = GOOD.replace("'^Follow us on \\w+$'", "'x*'")
    (problem,) = _problems(tmp_path, bad)
    assert "matches the empty string" in problem


def test_missing_path(tmp_path):
    with pytest.raises(RuleLoadError) as info:
        load_rules([tmp_path / "nope.yaml"], defaults=False)
    assert "no such rule file" in str(info.value)


def test_bundled_packs_load_and_have_unique_ids():
    rules = load_rules()
    assert len(rules) >= 20
    assert {"gate", "aggregators", "generic"} <= set(rules.packs)
    assert bundled_rules_dir().is_dir()
    ids = [r.id for r in rules.rules]
    assert len(ids) == len(set(ids))


def test_wildcard_domains_are_refused_with_a_hint(tmp_path):
    bad = GOOD.replace("    scope:\n", "    scope:\n      domains: ['*.gate.com']\n")
    (problem,) = _problems(tmp_path, bad)
    assert "no wildcards ('*.gate.com'); 'gate.com' already covers its subdomains" in problem


def test_load_rule_text_checks_a_pack_that_is_not_a_file() -> None:
    from cleaner.rules import is_domain, load_rule_text

    pack, rules, problems = load_rule_text(GOOD, "<draft>")
    assert pack == "demo" and [r.id for r in rules] == ["demo.footer"] and not problems
    bad = GOOD.replace("action: remove_block", "action: remove_everything")
    _, _, problems = load_rule_text(bad, "<draft>")
    assert [(p.file, p.line, p.col) for p in problems] == [("<draft>", 14, 13)]
    assert "remove_everything" in problems[0].message
    assert is_domain("gate.com") and is_domain("~blog.gate.com") and not is_domain("*.gate.com")
