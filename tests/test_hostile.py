"""Hostile input (issue 14): every reproducer of the issue, run as a user runs it.

Each test feeds the exact hostile input the issue reports (a non-web charset label, a control character
in a page, a huge integer in a JSONL record, a catastrophic user regex, …) and asserts what must hold:
the run finishes, the document's text survives, the other records are written.
"""

from __future__ import annotations

import re
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
    assert "hostile.jsonl:3: invalid JSON: Exceeds the limit (4300 digits)" in err
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
    assert "hostile.jsonl:3: invalid JSON: Exceeds the limit (4300 digits)" in proc.stderr.decode()
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


def test_learned_model_loads_before_the_budget_is_armed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled learned rule loads its model and stoplists on first use (a third of a second): with
    a time budget that happens before the timer starts, so the first record of a worker is not cut off."""
    from contextlib import contextmanager

    from cleaner import budget, core, load_rules
    from cleaner.result import Options
    from cleaner.text import furniture

    rules = load_rules()
    assert any(r.matcher.model for r in rules.rules)  # the bundled packs hold a model rule
    furniture.load_model.cache_clear()
    furniture._stoplists.cache_clear()
    core._PREPARED.clear()
    at_start: list[tuple[int, int]] = []

    @contextmanager
    def watched(seconds):  # the real timer's place: note what was loaded when it would start
        at_start.append((furniture.load_model.cache_info().currsize, furniture._stoplists.cache_info().currsize))
        yield

    monkeypatch.setattr(budget, "time_budget", watched)
    page = (Path(__file__).parent / "data" / "cases" / "021.txt").read_text(encoding="utf-8")
    clean(page, rules=rules, options=Options(time_budget=0.5))
    assert at_start == [(1, 1)]


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


# ------------------------------------------------------------------------------------------------
# backups, temporary files, signals, pipes


def test_second_in_place_run_keeps_the_first_backup(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    original = "Body of the article.\nShare this article\n"
    page.write_text(original, encoding="utf-8")
    assert run_cli("clean", str(page), "--in-place", "--backup", ".orig").returncode == 0
    assert (tmp_path / "page.txt.orig").read_text(encoding="utf-8") == original
    page.write_text("Edited again.\nShare this article\n", encoding="utf-8")
    assert run_cli("clean", str(page), "--in-place", "--backup", ".orig").returncode == 0
    assert page.read_text(encoding="utf-8") == "Edited again.\n"
    assert (tmp_path / "page.txt.orig").read_text(encoding="utf-8") == original  # the first original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.txt", "page.txt.orig"]


def test_backup_help_says_the_first_original_is_kept() -> None:
    out = " ".join(run_cli("clean", "--help").stdout.decode().split())
    assert "an existing backup is never replaced" in out


@pytest.mark.parametrize("unnamed", [True, False])
def test_temp_files_of_dead_writers_are_swept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unnamed: bool) -> None:
    import fcntl
    import os
    import time

    from cleaner.io import tempfiles
    from cleaner.io.writing import atomic_write

    if not unnamed:
        monkeypatch.setattr(tempfiles, "_O_TMPFILE", 0)  # the named, locked fallback
    target = tmp_path / "out.txt"
    dead = tmp_path / ".out.txt.deadbeef.tmp"  # what a writer killed with -9 left
    dead.write_text("half")
    old = time.time() - 60
    os.utime(dead, (old, old))
    alive = tmp_path / ".out.txt.0badf00d.tmp"  # another run writing right now holds its lock
    alive.write_text("busy")
    os.utime(alive, (old, old))
    fd = os.open(alive, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        assert atomic_write(target, "new\n")
    finally:
        os.close(fd)
    assert target.read_text() == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.txt.0badf00d.tmp", "out.txt"]


def test_unnamed_temp_file_has_no_name_while_written(tmp_path: Path) -> None:
    from cleaner.io import tempfiles
    from cleaner.io.writing import atomic_output

    if tempfiles._unnamed(tmp_path) is None:
        pytest.skip("no O_TMPFILE with linkat on this filesystem: the swept fallback is used")
    with atomic_output(tmp_path / "out.txt") as fh:
        fh.write(b"x")
        assert list(tmp_path.iterdir()) == []
    assert (tmp_path / "out.txt").read_bytes() == b"x"


def test_closed_stdout_is_not_exit_1(tmp_path: Path) -> None:
    import subprocess
    import sys

    data = tmp_path / "d.jsonl"
    data.write_text("".join(f'{{"text": "Record {i} has some text."}}\n' for i in range(20000)), encoding="utf-8")
    for jobs in ("1", "2"):
        proc = subprocess.Popen([sys.executable, "-m", "cleaner.cli", "clean", str(data), "--jobs", jobs],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout is not None
        proc.stdout.readline()
        proc.stdout.close()
        assert proc.wait(timeout=60) == 141
        assert proc.stderr is not None and proc.stderr.read() == b""


def _big_jsonl(path: Path, n: int = 150_000) -> Path:
    path.write_text("".join(f'{{"text": "Record {i} has text. Share this article"}}\n' for i in range(n)))
    return path


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.parametrize("how", ["SIGTERM", "SIGKILL"])
def test_no_temp_file_and_no_worker_survives_a_kill(tmp_path: Path, how: str) -> None:
    import signal
    import subprocess
    import sys
    import time

    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs /proc to find the workers")
    data = _big_jsonl(tmp_path / "d.jsonl")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "cleaner.cli", "clean", str(data), "-o", str(out_dir / "o.jsonl"),
                             "--jobs", "2"], stderr=subprocess.PIPE)
    deadline = time.time() + 30
    workers: list[int] = []
    while time.time() < deadline and len(workers) < 2:
        time.sleep(0.1)
        workers = _children(proc.pid)
    assert len(workers) >= 2, "the pool did not start"
    time.sleep(0.5)
    proc.send_signal(getattr(signal, how))
    code = proc.wait(timeout=30)
    assert code == (143 if how == "SIGTERM" else -9)
    if how == "SIGTERM":
        assert b"Traceback" not in (proc.stderr.read() if proc.stderr else b"")
    deadline = time.time() + 10
    while time.time() < deadline and any(map(_alive, workers)):
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)], "a worker outlived its parent"
    assert list(out_dir.iterdir()) == []


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for the reaper it was handed to has died)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def test_every_rules_command_of_the_readme_works_as_written() -> None:
    import re
    import shlex

    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    lines = re.findall(r"^cleaner rules .*$", readme, re.MULTILINE)
    # packs that an earlier README command writes (mine --emit-rules, clean --save-templates) are not in the repo
    made = set(re.findall(r"--(?:emit-rules|save-templates)\s+(\S+)", readme))
    commands = [
        line.split("#")[0].strip()
        for line in lines
        if "&&" not in line and not any(name in line.split() for name in made)
    ]
    assert "cleaner rules test my-rules/ -k mysite.newsletter" in commands
    for command in commands:
        proc = run_cli(*shlex.split(command)[1:], cwd=root)
        assert proc.returncode == 0, (command, proc.stderr)


@pytest.mark.parametrize("depth", [300, 5000])
def test_pages_nested_deeper_than_the_parser_limit_keep_their_text(depth: int) -> None:
    page = (
        "<html><body>" + "<div>" * depth + "<p>Deep text survives here, and it is a long enough sentence.</p>"
        + "</div>" * depth + "<p>Shallow text after it.</p><script>var a = '<div>';</script></body></html>"
    )
    result = clean(page, html=True)
    assert result.text == "Deep text survives here, and it is a long enough sentence.\n\nShallow text after it."
    assert any("flattened" in note for note in result.notes)


def test_flatten_removes_only_tags() -> None:
    from cleaner.html.depth import flatten

    markup = "<div>" * 5 + "a<b>b</b>c<br>d" + "</div>" * 5 + "</span>e"
    flat = flatten(markup, max_depth=2)
    assert flat == "<div><div>a<b>b</b>c<br>d</div></div></span>e".replace("<b>b</b>", "b")


def test_rule_regex_sees_whitespace_folded_as_the_output_writes_it() -> None:
    """A tag list just over its regex's length limit because of a stray "\\r" went on the second pass."""
    doc = "Share\nTags: Share Share Share Disclaimer <head> 0 \r 0"
    once = clean(doc).text
    assert clean(once, html=False).text == once


def test_on_error_skip_finishes_a_hostile_warc_run(tmp_path: Path) -> None:
    import io
    import json

    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders

    good = b"<html><body><article><p>A good page, written in full and kept as it is.</p></article></body></html>"
    pages = [
        ("https://a.example/1", "text/html; charset=utf-8", good),
        ("https://a.example/2", "text/html; charset=base64", b"<html><body><p>Caf\xc3\xa9 a+b=c</p></body></html>"),
        ("https://a.example/3", "text/html; charset=utf-7", b"<html><aside></aside>\x15<p>Control text.</p>"),
        ("https://a.example/4", "text/html", b"<html><body>" + b"<div>" * 400 + b"<p>Deep text.</p>" + b"</div>" * 400),
        ("https://a.example/5", "text/html", b"<html><body><p>Intro line.</p><p>" + b"a" * 40 + b"!</p></body></html>"),
        ("https://a.example/6", "text/html", good.replace(b"good", b"last")),
    ]
    src = tmp_path / "crawl.warc.gz"
    with src.open("wb") as fh:
        writer = warcio.warcwriter.WARCWriter(fh, gzip=True)
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    out = tmp_path / "pages.jsonl"
    proc = run_cli("clean", str(src), "-o", str(out), "--rules", str(SLOW_RULES), "--time-budget", "0.5",
                   "--on-error", "skip")
    err = proc.stderr.decode()
    assert "Traceback" not in err
    assert "cannot clean this record: took longer than its time budget" in err
    texts = {rec["url"]: rec["text"] for rec in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert texts == {
        "https://a.example/1": "A good page, written in full and kept as it is.",
        "https://a.example/2": "Café a+b=c",
        "https://a.example/3": "Control text.",
        "https://a.example/4": "Deep text.",
        "https://a.example/6": "A last page, written in full and kept as it is.",
    }


def test_write_error_at_jobs_2_ends_without_a_thread_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    data = tmp_path / "d.jsonl"
    data.write_text("".join(f'{{"text": "Record {i} has some text."}}\n' for i in range(20000)), encoding="utf-8")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "cleaner.cli", "clean", str(data), "--jobs", "2"],
                              stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.decode() == "cleaner: error: <stdout>: cannot write: No space left on device\n"


def test_rule_yaml_with_an_escape_beyond_unicode_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    """Found by benchmarks/fuzz.py: PyYAML's chr() raises ValueError for "\\U00110000"."""
    pack = tmp_path / "bad.yaml"
    pack.write_text('pack: fuzz\nrules:\n- id: fuzz.x\n  description: "\\U00110000"\n', encoding="utf-8")
    proc = run_cli("rules", "validate", str(pack))
    assert proc.returncode == 2
    err = proc.stderr.decode()
    # libyaml's loader names the escape's position (bad.yaml:4:19); the pure-Python one fails in chr()
    assert re.search(r"bad\.yaml:\d+:\d+: invalid YAML: ", err) and "Traceback" not in err, err
