"""Hostile input (issue 14): every reproducer of the issue, run as a user runs it.

Each test feeds the exact hostile input the issue reports (a non-web charset label, a control character
in a page, a huge integer in a JSONL record, a catastrophic user regex, …) and asserts what must hold:
the run finishes, the document's text survives, the other records are written.
"""

from __future__ import annotations

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
