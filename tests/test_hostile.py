"""Hostile input (issue 14): every reproducer of the issue, run as a user runs it.

Each test feeds the exact hostile input the issue reports (a non-web charset label, a control character
in a page, a huge integer in a JSONL record, a catastrophic user regex, …) and asserts what must hold:
the run finishes, the document's text survives, the other records are written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean
from cleaner.html.encoding import decode_html, decode_text, normalize_encoding

NOT_WEB = ["base64", "rot13", "hex", "zlib", "bz2", "uu", "punycode", "idna", "utf-7", "unicode_escape", "cp037"]


@pytest.mark.parametrize("label", NOT_WEB)
def test_non_web_labels_are_unknown(label: str) -> None:
    assert normalize_encoding(label) is None


@pytest.mark.parametrize("label", NOT_WEB)
def test_page_with_non_web_meta_charset_decodes_as_utf8(label: str) -> None:
    page = f'<html><head><meta charset="{label}"></head><body><p>Café a+b=c \\u0024100</p></body></html>'
    text, used = decode_html(page.encode("utf-8"))
    assert used == "utf-8"
    assert "Café a+b=c \\u0024100" in text
    assert clean(page.encode("utf-8")).text == "Café a+b=c \\u0024100"


@pytest.mark.parametrize("label", NOT_WEB)
def test_text_with_non_web_hint_is_not_rewritten(label: str) -> None:
    assert decode_text("Café a+b=c \\u0024100".encode(), hint=label) == "Café a+b=c \\u0024100"


def test_whatwg_labels_map_as_browsers_do() -> None:
    assert normalize_encoding("latin1") == "cp1252"
    assert normalize_encoding("  Shift_JIS ") == "cp932"
    assert normalize_encoding("x-user-defined") == "cp1252"
    assert normalize_encoding("iso-2022-kr") is None  # the "replacement" encoding: never decoded
    assert normalize_encoding("GBK") == "gb18030"
    assert normalize_encoding("koi8-u") == "koi8-u"


def test_meta_utf16_means_utf8_but_hint_utf16_is_honoured() -> None:
    page = '<html><head><meta charset="utf-16"></head><body><p>Zürich</p></body></html>'
    assert decode_html(page.encode("utf-8")) == (page, "utf-8")
    data = "<p>Zürich</p>".encode("utf-16-le")
    assert decode_html(data, hint="text/html; charset=utf-16")[0] == "<p>Zürich</p>"


def run_cli(*args: str, stdin: bytes | None = None, cwd=None):
    """The real command line in a subprocess (exit codes and streams as a user sees them)."""
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "cleaner.cli", *args], input=stdin, capture_output=True,
                          cwd=cwd, timeout=120)


def test_control_character_in_page_is_not_a_crash(tmp_path) -> None:
    page = tmp_path / "c.html"
    page.write_bytes(b"<html><aside></aside>\x15")
    proc = run_cli("clean", str(page))
    assert proc.returncode == 0, proc.stderr
    assert b"Traceback" not in proc.stderr


@pytest.mark.parametrize("bad", ["\x15", "\x01", "\x0b", "\ufffe", "\ud800"])
def test_forbidden_xml_characters_are_dropped_and_nothing_else(bad: str) -> None:
    page = f"<html><body><aside>Share</aside><p>Zwölf{bad} Boxer jagen Viktor quer über den Sylter Deich.</p>"
    assert clean(page).text == "Zwölf Boxer jagen Viktor quer über den Sylter Deich."
    if bad != "\ud800":  # a surrogate has no UTF-8 form (its bytes are invalid and decode as U+FFFD)
        assert clean(page.encode("utf-8")).text == "Zwölf Boxer jagen Viktor quer über den Sylter Deich."


def test_form_feed_in_page_is_whitespace() -> None:
    assert clean("<html><body><p>jagen\x0cViktor</p></body></html>").text == "jagen Viktor"


# ------------------------------------------------------------------------------------------------
# one boundary per record: every exception is that record's error under --on-error

SLOW_RULES = Path(__file__).parent / "data" / "slow-rules.yaml"


def _hostile_jsonl(path: Path) -> Path:
    import json

    lines = [
        json.dumps({"text": "First record stays."}),
        json.dumps({"text": "Intro line.\n" + "a" * 40 + "!"}),  # catastrophic for (?=b)?(a+)+$ in re
        '{"text": "x", "n": ' + "9" * 5000 + "}",  # int() refuses over 4,300 digits
        json.dumps({"html": "<html><aside></aside>\x15", "text": "Page record."}),
        json.dumps({"text": "Last record stays."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_on_error_skip_finishes_a_hostile_jsonl_run(tmp_path: Path, jobs: str) -> None:
    src = _hostile_jsonl(tmp_path / "hostile.jsonl")
    out = tmp_path / "out.jsonl"
    proc = run_cli("clean", str(src), "-o", str(out), "--rules", str(SLOW_RULES), "--time-budget", "0.5",
                   "--on-error", "skip", "--jobs", jobs)
    assert proc.returncode == 0, proc.stderr
    err = proc.stderr.decode()
    assert "hostile.jsonl:2: cannot clean this record: took longer than its time budget" in err
    assert "hostile.jsonl:3: cannot clean this record: ValueError: Exceeds the limit (4300 digits)" in err
    assert "Traceback" not in err
    assert out.read_text().splitlines() == [
        '{"text": "First record stays."}', '{"html": "<html><aside></aside>\\u0015", "text": "Page record."}',
        '{"text": "Last record stays."}',
    ]


def test_on_error_keep_copies_the_hostile_lines(tmp_path: Path) -> None:
    src = _hostile_jsonl(tmp_path / "hostile.jsonl")
    out = tmp_path / "out.jsonl"
    proc = run_cli("clean", str(src), "-o", str(out), "--rules", str(SLOW_RULES), "--time-budget", "0.5",
                   "--on-error", "keep")
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == src.read_bytes()  # nothing to remove, and the two bad lines kept as read


def test_on_error_fail_stops_with_the_line_and_writes_nothing(tmp_path: Path) -> None:
    src = _hostile_jsonl(tmp_path / "hostile.jsonl")
    out = tmp_path / "out.jsonl"
    proc = run_cli("clean", str(src), "-o", str(out))
    assert proc.returncode == 2
    assert "hostile.jsonl:3: cannot clean this record: ValueError" in proc.stderr.decode()
    assert not out.exists()


def test_html_field_with_control_character_is_cleaned(tmp_path: Path) -> None:
    src = tmp_path / "pages.jsonl"
    src.write_text('{"html": "<html><body><p>Zw\\u00f6lf\\u0015 Boxer.</p></body></html>"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run_cli("clean", str(src), "-o", str(out), "--html-field", "html", "--on-error", "skip")
    assert proc.returncode == 0, proc.stderr
    assert '"text": "Zwölf Boxer."' in out.read_text(encoding="utf-8")


def test_hostile_files_in_a_folder_do_not_stop_the_others(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text("Plain text stays.\n", encoding="utf-8")
    (pages / "b.html").write_bytes(b'<html><head><meta charset="base64"></head><body><p>Caf\xc3\xa9 a+b=c</p>')
    (pages / "c.html").write_bytes(b"<html><aside></aside>\x15<p>Tail text.</p>")
    (pages / "d.txt").write_text("Intro line.\n" + "a" * 40 + "!\n", encoding="utf-8")
    out = tmp_path / "clean"
    proc = run_cli("clean", str(pages), "-o", str(out), "--rules", str(SLOW_RULES), "--time-budget", "0.5",
                   "--on-error", "skip")
    err = proc.stderr.decode()
    assert "Traceback" not in err
    assert "d.txt: cannot clean this document: took longer than its time budget" in err
    assert (out / "a.txt").read_text() == "Plain text stays.\n"
    assert (out / "b.txt").read_text(encoding="utf-8").strip() == "Café a+b=c"
    assert (out / "c.txt").read_text().strip() == "Tail text."
    assert not (out / "d.txt").exists()


def test_time_budget_in_python_api() -> None:
    from cleaner import load_rules
    from cleaner.result import Options, TimeBudgetExceeded

    rules = load_rules([SLOW_RULES], defaults=False)
    with pytest.raises(TimeBudgetExceeded):
        clean("Intro line.\n" + "a" * 40 + "!", rules=rules, options=Options(time_budget=0.3))


def test_re2_takes_nested_quantifiers_in_linear_time() -> None:
    from cleaner.rules.regex import LinearPattern, compile_rule_regex, nested_quantifiers

    pattern = compile_rule_regex(r"(a+)+$")
    assert isinstance(pattern, LinearPattern)
    assert list(pattern.finditer("a" * 100_000 + "!")) == []
    assert [m.span() for m in pattern.finditer("xx\naaa")] == [(3, 6)]
    assert nested_quantifiers(r"(a+)+$") and nested_quantifiers(r"(\w+\s?)*$")
    assert not nested_quantifiers(r"(\w+,)+") and not nested_quantifiers(r"\d{1,3}(?:,\d{3})*")


@pytest.mark.parametrize(
    "pattern", [r"\w+ café", r"\d+\s*€", r"[^\S\n]+x", r"\S+é", r"\W", r"(?i)straße", r"[\w-]+", r"a\.b$"]
)
def test_re2_translation_matches_what_re_matches(pattern: str) -> None:
    import re

    from cleaner.rules.regex import LinearPattern, compile_rule_regex

    text = "Le café 12 €, ١٢\u00a0€ STRASSE straße \t x naïve-été a.b\nfoo-bar_1 ²x\u2003x"
    compiled = compile_rule_regex(pattern, re.MULTILINE | re.IGNORECASE)
    assert isinstance(compiled, LinearPattern)
    expected = [m.span() for m in re.finditer(pattern, text, re.MULTILINE | re.IGNORECASE)]
    assert [m.span() for m in compiled.finditer(text)] == expected


def test_rules_validate_warns_about_nested_quantifiers() -> None:
    proc = run_cli("rules", "validate", str(SLOW_RULES))
    assert proc.returncode == 0
    assert "slow-rules.yaml:3: rule slow.aplus: regex '(a+)+$' has nested quantifiers" in proc.stderr.decode()
    bundled = run_cli("rules", "validate")
    assert bundled.returncode == 0 and b"nested quantifiers" not in bundled.stderr


# ------------------------------------------------------------------------------------------------
# idempotence, at the mechanism


def test_block_glued_to_copies_of_itself_cleans_once_for_good(tmp_path: Path) -> None:
    m = "The committee met on Tuesday to discuss the budget."
    src = tmp_path / "x.txt"
    src.write_text(" ".join([m * 2, m * 3, m * 2]) + "\n", encoding="utf-8")
    first = run_cli("clean", str(src))
    assert first.returncode == 0
    second = run_cli("clean", "-", stdin=first.stdout)
    assert first.stdout.decode().strip() == m
    assert second.stdout == first.stdout


def test_text_starting_with_a_head_tag_is_not_a_page() -> None:
    from cleaner.html.page import looks_like_html

    page = "<html><body><p>&lt;head&gt; holds the page's metadata, and browsers never show it.</p></body></html>"
    out = clean(page).text
    assert out == "<head> holds the page's metadata, and browsers never show it."
    assert not looks_like_html(out)
    assert clean(out).text == out
    assert looks_like_html("<head><title>T</title></head><body><p>x</p></body>")
    assert looks_like_html("<!DOCTYPE html><p>x") and looks_like_html("<body><p>Text")
