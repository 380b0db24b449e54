"""Fuzz harness (issue 14): hostile text, pages glued from the bundled rules' examples, HTML-ish strings,
bytes, JSONL lines, feeds and rule YAML.

Each target draws inputs with hypothesis and checks, for every input:

- **no exception** but the documented user errors (``UndecodableError`` for bytes no text encoding
  fits, ``RuleLoadError`` for a bad rule pack, ``TimeBudgetExceeded`` for a document over its budget);
  a JSONL line is either cleaned or reported as a bad line, never caught by the per-record boundary
  (that boundary catching something means a bug it hides);
- **idempotence**: cleaning the output again gives the output (text through the same sniffing as
  ``cleaner clean -``; a page's text as text);
- **output drawn from the input**: every output word is (a prefix of) a word of the input (for a page,
  of its decoded, extracted text), and no character appears more often than in the input;
- **determinism**: the same input twice gives the same result.

``tests/test_fuzz.py`` runs every target briefly in CI; the long run is

    python benchmarks/fuzz.py --examples 20000     # per target; prints inputs, failures, time

and its figures go to ``benchmarks/RESULTS.md``. A failure prints the (shrunk) falsifying input.
"""

from __future__ import annotations

import argparse
import html as html_mod
import json
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from cleaner import clean, load_rules
from cleaner.html.encoding import UndecodableError
from cleaner.io.records import RecordFields
from cleaner.pipeline.documents import LineItem, Located, Settings, Unreadable, process
from cleaner.result import Options, TimeBudgetExceeded
from cleaner.rules import RuleLoadError, default_rules
from cleaner.rules.testing import run_rule_tests
from cleaner.text.normalize import WORD_RE

M = "The committee met on Tuesday to discuss the budget."
WORDS = [
    "Share", "this", "article", "Read", "More", "Subscribe", "to", "our", "newsletter", "The", "post",
    "appeared", "first", "on", "Gate", "Disclaimer", "cookies", "Home", ">", "News", "Tags:", "Bitcoin",
    "BTC-1,39%", "[…]", "…", "Photo:", "Yes.", "Q:", "café", "naïve", "Zürich", "比特币", "Кремль", "١٢٣",
    "a+b=c", "\\u0024100", "{{BTC}}", "<head>", "<html>", "&amp;", "&lt;", "http://x.example/a", "aaaa",
]  # fmt: skip
CONTROL = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x15", "\x1f", "\x7f", "\x85", "\ufffe", "\uffff", "\ud800",
           "\u200b", "\u2028", "\ufeff", "\r", "\t"]  # fmt: skip
LABELS = ["utf-8", "latin1", "windows-1251", "shift_jis", "gbk", "euc-kr", "utf-16", "x-user-defined",
          "iso-2022-kr", "base64", "rot13", "hex", "zlib", "bz2", "uu", "punycode", "idna", "utf-7",
          "unicode_escape", "cp037", "no-such", ""]  # fmt: skip
TAGS = ["p", "div", "li", "ul", "h1", "h2", "blockquote", "td", "tr", "table", "span", "section", "nav", "aside",
        "footer", "figcaption", "article", "main", "script", "style", "a", "b", "br", "pre", "code", "noscript"]

word = st.one_of(st.sampled_from(WORDS), st.text(max_size=12), st.sampled_from(CONTROL))
sentence = st.lists(word, min_size=1, max_size=14).map(" ".join)


@st.composite
def texts(draw) -> str:
    """Scraped-looking text: lines, copies glued to themselves, cut copies, flattened runs, hostile bits."""
    lines = draw(st.lists(st.one_of(sentence, st.just(M), st.text(max_size=60)), max_size=10))
    for _ in range(draw(st.integers(0, 3))):
        if not lines:
            break
        src = draw(st.sampled_from(lines))
        how = draw(st.sampled_from(["copy", "glue", "glue-many", "cut", "flat"]))
        if how == "copy":
            lines.insert(draw(st.integers(0, len(lines))), src)
        elif how == "glue":
            lines.append(src + draw(st.sampled_from(["", " "])) + src)
        elif how == "glue-many":
            lines.append(" ".join(src * draw(st.integers(1, 4)) for _ in range(draw(st.integers(2, 4)))))
        elif how == "cut":
            lines.append(src[: draw(st.integers(0, len(src)))])
        else:
            k = draw(st.integers(0, len(lines) - 1))
            lines.append(" ".join(lines[k : k + draw(st.integers(2, 5))]))
    return draw(st.sampled_from(["\n", "\n\n", "\r\n", " "])).join(lines)


@st.composite
def pages(draw) -> str:
    """HTML-ish strings: random, possibly unclosed or deep, tags around escaped or raw text."""
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append(f'<html><head><meta charset="{draw(st.sampled_from(LABELS))}"><title>{draw(sentence)}</title>'
                     "</head><body>")  # fmt: skip
    for _ in range(draw(st.integers(0, 8))):
        tag = draw(st.sampled_from(TAGS))
        text = draw(st.one_of(sentence, st.just(M * 2), texts()))
        body = html_mod.escape(text) if draw(st.booleans()) else text
        attrs = draw(st.sampled_from(["", ' class="share"', ' hidden', ' style="display:none"', ' id="content"']))
        parts.append(f"<{tag}{attrs}>{body}" + (f"</{tag}>" if draw(st.booleans()) else ""))
    depth = draw(st.sampled_from([0, 0, 0, 3, 300]))
    if depth:
        parts.insert(0, "<div>" * depth + html_mod.escape(draw(sentence)) + "</div>" * depth)
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(CONTROL)))
    return "".join(parts)


@st.composite
def byte_inputs(draw) -> bytes:
    kind = draw(st.sampled_from(["raw", "text", "page"]))
    if kind == "raw":
        return draw(st.binary(max_size=300))
    doc = draw(texts()) if kind == "text" else draw(pages())
    enc = draw(st.sampled_from(["utf-8", "cp1252", "cp1251", "utf-16", "gb18030", "shift_jis", "latin-1"]))
    data = doc.encode(enc, "replace") if "\ud800" not in doc else doc.encode("utf-8", "surrogatepass")
    if draw(st.booleans()) and data:
        k = draw(st.integers(0, len(data) - 1))
        data = data[:k] + draw(st.binary(max_size=4)) + data[k:]
    return data


json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20), texts()),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=8,
)


@st.composite
def jsonl_lines(draw) -> bytes:
    kind = draw(st.sampled_from(["record", "record", "html", "value", "garbage", "bigint", "deep"]))
    if kind == "record":
        rec = {"text": draw(st.one_of(texts(), json_value)), "url": draw(st.sampled_from(
            [None, "https://www.gate.com/post/1", "not a url", 5, "http://[::1"]))}  # fmt: skip
        rec.update(draw(st.dictionaries(st.text(max_size=5), json_value, max_size=2)))
        return json.dumps(rec, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    if kind == "html":
        return json.dumps({"text": draw(pages())}).encode()
    if kind == "value":
        return json.dumps(draw(json_value)).encode("utf-8", "surrogatepass")
    if kind == "bigint":
        return b'{"text": "x", "n": ' + b"9" * draw(st.integers(4000, 6000)) + b"}"
    if kind == "deep":
        n = draw(st.integers(100, 5000))
        return b'{"text": ' + b"[" * n + b"]" * n + b"}"
    return draw(st.binary(max_size=200))


REGEXES = ["(a+)+$", r"(\w+\s?)*$", r"\bShare\b", "(?=x)y", r"(a)\1", "[", "a{,3}", r"^Read More$", "", ".*",
           r"(?i)disclaimer", r"[^\S\n]+x", "(?P<n>a)(?P=n)"]  # fmt: skip


@st.composite
def rule_yaml(draw) -> str:
    """A rule pack, mostly well-formed, then possibly mutated into a broken one."""
    import yaml

    match = draw(st.sampled_from(["literal", "regex", "fuzzy", "selector", "any", "bogus"]))
    value: object = {
        "literal": draw(st.one_of(sentence, st.lists(sentence, max_size=3), st.integers())),
        "regex": draw(st.one_of(st.sampled_from(REGEXES), st.text(max_size=10))),
        "fuzzy": draw(sentence),
        "selector": draw(st.sampled_from(["div.share", "aside", "p:contains(x)", "[[", "a, b"])),
        "any": [{"literal": draw(sentence)}, {"regex": draw(st.sampled_from(REGEXES))}],
        "bogus": 1,
    }[match]
    rule: dict[str, object] = {
        "id": draw(st.sampled_from(["fuzz.rule", "fuzz.a.b", "Bad Id", "x"])),
        "description": draw(sentence),
        "match": {match: value},
        "tests": [{"input": draw(texts())}, {"input": draw(sentence), "output": draw(st.text(max_size=10))}],
    }
    if draw(st.booleans()):
        rule["scope"] = {"position": draw(st.sampled_from(["head", "tail", "anywhere", "middle"])),
                         "window": draw(st.integers(-1, 5))}  # fmt: skip
    if draw(st.booleans()):
        rule["action"] = draw(st.sampled_from(["remove_span", "remove_block", "truncate_after", "explode"]))
    text = yaml.safe_dump({"pack": "fuzz", "rules": [rule]}, allow_unicode=True, sort_keys=False)
    if draw(st.booleans()) and text:
        k = draw(st.integers(0, len(text) - 1))
        text = text[:k] + draw(st.sampled_from(["", ":", "- ", "\t", "'", "{", "\n  ", "&a *a"])) + text[k + 1 :]
    return text


@st.composite
def feed_files(draw) -> tuple[str, bytes]:
    """An RSS, Atom or JSON Feed file whose items hold scraped text or HTML-ish content (escaped, CDATA,
    raw), with guids and links, sometimes damaged (cut, a stray entity, an external entity)."""
    kind = draw(st.sampled_from(["rss", "rss-cdata", "atom", "json"]))
    items = []
    for n in range(draw(st.integers(0, 4))):
        content = draw(st.one_of(texts(), pages()))
        guid = draw(st.sampled_from([f"id-{n}", "id-0", ""]))
        items.append((guid, f"https://news.example/a/{n}?utm_source=rss", content))
    if kind == "json":
        doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Fuzz", "items": [
            {"id": g or str(i), "url": link, draw(st.sampled_from(["content_html", "content_text"])): c}
            for i, (g, link, c) in enumerate(items)]}  # fmt: skip
        # lone surrogates reach the reader as JSON escapes (ensure_ascii); raw, they would be invalid UTF-8
        data = json.dumps(doc, ensure_ascii=draw(st.booleans()) or max(json.dumps(doc), default="") >= "\ud800").encode(
            "utf-8", "replace")  # fmt: skip
        name = "feed.json"
    elif kind == "atom":
        entries = "".join(
            f"<entry><id>{html_mod.escape(g)}</id><link href=\"{link}\"/><title>T{i}</title>"
            f"<content type=\"html\">{html_mod.escape(c)}</content></entry>"
            for i, (g, link, c) in enumerate(items))  # fmt: skip
        data = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>{entries}</feed>'.encode(
            "utf-8", "surrogatepass")  # fmt: skip
        name = "feed.atom"
    else:
        wrap = (lambda c: f"<![CDATA[{c.replace(']]>', '')}]]>") if kind == "rss-cdata" else html_mod.escape
        body = "".join(
            f"<item><guid>{html_mod.escape(g)}</guid><link>{html_mod.escape(link)}</link><title>T{i}</title>"
            f"<description>{wrap(c)}</description></item>"
            for i, (g, link, c) in enumerate(items))  # fmt: skip
        data = f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{body}</channel></rss>'.encode(
            "utf-8", "surrogatepass")  # fmt: skip
        name = "feed.rss"
    damage = draw(st.sampled_from(["none", "none", "none", "cut", "entity", "xxe"]))
    if damage == "cut" and data:
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif damage == "entity":
        data = data.replace(b"<title>F</title>", b"<title>F &nbsp; &bogus;</title>", 1)
    elif damage == "xxe" and name != "feed.json":
        data = data.replace(b"?>", b'?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hostname">]>', 1).replace(
            b"<title>T0</title>", b"<title>&x;</title>", 1)  # fmt: skip
    return name, data


# --------------------------------------------------------------------------------------- checks
BUDGET = Options(time_budget=10.0)


def _words_from(out: str, source: str) -> None:
    out_words = Counter(WORD_RE.findall(out))
    in_words = Counter(WORD_RE.findall(source))
    extra = [w for w in out_words - in_words if not any(v.startswith(w) for v in in_words)]
    assert not extra, f"output words not in the input: {extra[:5]}"
    chars = Counter("".join(out.split())) - Counter("".join(source.split()))
    assert not chars, f"output characters not in the input: {list(chars)[:5]}"


def _rule_examples() -> list[str]:
    """Every bundled text rule's inline test inputs and outputs: boilerplate in every family and language,
    and the text around it that must stay."""
    tests = [t for r in default_rules().rules for t in r.tests]
    return sorted({t.input for t in tests} | {t.output for t in tests if t.output})


@st.composite
def rule_example_pages(draw) -> str:
    """A page glued from rule examples (one to six, on lines or run together): removals in one place bring
    other lines to the page's edge or next to each other, where more rules may apply (the idempotence
    property of tests/test_prefilter.py, run long here)."""
    parts = draw(st.lists(st.sampled_from(_EXAMPLES), min_size=1, max_size=6))
    return draw(st.sampled_from(["\n", " ", "\n\n"])).join(parts)


def check_text(doc: str) -> None:
    try:
        result = clean(doc, options=BUDGET)
    except TimeBudgetExceeded:
        return
    again = clean(doc, options=BUDGET)
    assert again == result, "not deterministic"
    source = doc if result.source is None else result.source
    _words_from(result.text, source)
    # the output is text: cleaned again as text (prose that opens with several tags is ambiguous to sniff;
    # one tag, "<head> is …", is text for the sniffer: tests/test_hostile.py)
    assert clean(result.text, options=BUDGET, html=False).text == result.text, "not idempotent"


def check_page(page: str) -> None:
    try:
        result = clean(page, html=True, options=BUDGET)
    except TimeBudgetExceeded:
        return
    assert clean(page, html=True, options=BUDGET) == result, "not deterministic"
    _words_from(result.text, result.source or "")
    unescaped = html_mod.unescape(page)
    chars = Counter("".join(result.text.split())) - Counter("".join(unescaped.split()))
    assert not chars, f"output characters not in the page: {list(chars)[:5]}"
    assert clean(result.text, html=False, options=BUDGET).text == result.text, "not idempotent"


def check_bytes(data: bytes) -> None:
    try:
        result = clean(data, options=BUDGET)
    except (UndecodableError, TimeBudgetExceeded):
        return
    assert clean(data, options=BUDGET) == result, "not deterministic"
    assert clean(result.text, html=False, options=BUDGET).text == result.text, "not idempotent"


_SETTINGS: Settings | None = None


def check_jsonl(raw: bytes) -> None:
    global _SETTINGS
    if _SETTINGS is None:
        _SETTINGS = Settings(default_rules(), BUDGET)
    for html_field in (None, "text"):
        fields = RecordFields("text", "url", None, html_field)
        doc = process("fuzz.jsonl", LineItem(1, raw, True, 1), _SETTINGS, fields, None)
        assert isinstance(doc, Located | Unreadable)
        if isinstance(doc, Unreadable):
            assert not doc.problem.startswith("cannot clean") or "time budget" in doc.problem, doc.problem
        again = process("fuzz.jsonl", LineItem(1, raw, True, 1), _SETTINGS, fields, None)
        assert (again.result if isinstance(again, Located) else again) == (
            doc.result if isinstance(doc, Located) else doc
        ), "not deterministic"


_TMP = Path(tempfile.mkdtemp(prefix="cleaner-fuzz-"))


_TAGS = re.compile(r"</?[a-zA-Z][^<>]*>")


def check_feed(case: tuple[str, bytes]) -> None:
    """A feed is cleaned (exit 0) or refused with a user error (exit 2), never a crash (3); a cleaned
    feed keeps its items' ids and links, says nothing the input did not, and cleans to itself again."""
    from typer.testing import CliRunner

    from cleaner.cli import app
    from cleaner.io import feeds

    name, data = case
    src, out, again = _TMP / name, _TMP / ("out-" + name), _TMP / ("again-" + name)
    src.write_bytes(data)
    for f in (out, again):
        f.unlink(missing_ok=True)
    runner = CliRunner()
    res = runner.invoke(app, ["clean", str(src), "-o", str(out), "--no-config", "--on-error", "keep"])
    assert res.exit_code in (0, 2), (res.exit_code, res.output[-2000:])
    if res.exit_code != 0 or feeds.sniff(data) is None:
        return
    before, after = feeds.parse(data, name), feeds.parse(out.read_bytes(), name)
    ident = [(e.index, e.guid, e.link) for e in before.entries]
    assert ident == [(e.index, e.guid, e.link) for e in after.entries], "items, ids or links changed"
    source = " ".join(html_mod.unescape(e.content) for e in before.entries)
    # what the cleaned feed says: its content's text (HTML content is rendered markup: tags are not words)
    said = " ".join(_TAGS.sub(" ", e.content) if e.is_html else e.content for e in after.entries)
    from cleaner.html.page import xml_safe  # the characters XML forbids are dropped before parsing

    whole = source + " " + html_mod.unescape(data.decode("utf-8", "replace"))
    _words_from(html_mod.unescape(said), whole + " " + xml_safe(whole)[0])
    res2 = runner.invoke(app, ["clean", str(out), "-o", str(again), "--no-config", "--on-error", "keep"])
    assert res2.exit_code == 0 and again.read_bytes() == out.read_bytes(), "not idempotent"


def check_rule_yaml(text: str) -> None:
    path = _TMP / "pack.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        rules = load_rules([path], defaults=False)
    except RuleLoadError:
        return
    run_rule_tests(rules)
    for doc in ("Body text.\nShare this article\n" + "a" * 40 + "!", M + M):
        try:
            result = clean(doc, rules=rules, options=Options(time_budget=5.0))
        except TimeBudgetExceeded:
            continue
        # a user regex may cut inside words ("A" out of "article"): every piece is still input text
        pieces = [p for p in result.text.split() if p not in doc]
        assert not pieces, f"output pieces not in the input: {pieces[:5]}"
        assert clean(result.text, rules=rules, options=Options(time_budget=5.0), html=False) is not None


_EXAMPLES = _rule_examples()

TARGETS: dict[str, tuple[st.SearchStrategy, Callable[[object], None]]] = {
    "text": (texts(), check_text),  # type: ignore[dict-item]
    "rule-examples": (rule_example_pages(), check_text),  # type: ignore[dict-item]
    "html": (pages(), check_page),  # type: ignore[dict-item]
    "bytes": (byte_inputs(), check_bytes),  # type: ignore[dict-item]
    "jsonl": (jsonl_lines(), check_jsonl),  # type: ignore[dict-item]
    "feeds": (feed_files(), check_feed),  # type: ignore[dict-item]
    "rule-yaml": (rule_yaml(), check_rule_yaml),  # type: ignore[dict-item]
}


def run_target(name: str, examples: int, *, seed: int | None = None) -> dict[str, object]:
    """Run one target for ``examples`` inputs; return its figures (inputs, failures, seconds)."""
    strategy, check = TARGETS[name]
    count = 0

    def counted(value: object) -> None:
        nonlocal count
        count += 1
        check(value)

    test = settings(
        max_examples=examples, deadline=None, database=None, derandomize=seed is None,
        suppress_health_check=list(HealthCheck), phases=[Phase.generate, Phase.shrink],
    )(given(strategy)(counted))  # fmt: skip
    start = time.perf_counter()
    failure = None
    try:
        test()
    except Exception as exc:  # a property failure or a crash: reported with the shrunk input
        failure = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    return {"target": name, "inputs": count, "failures": int(failure is not None), "failure": failure,
            "seconds": round(time.perf_counter() - start, 1)}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=2000, help="inputs per target (default 2000)")
    ap.add_argument("--targets", nargs="*", default=list(TARGETS), choices=list(TARGETS))
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    rows = []
    for name in args.targets:
        row = run_target(name, args.examples)
        rows.append(row)
        print(f"{name:10} {row['inputs']:>8} inputs  {row['failures']} failures  {row['seconds']:>8} s", flush=True)
        if row["failure"]:
            print(row["failure"], flush=True)
    total = sum(int(r["inputs"]) for r in rows)  # type: ignore[call-overload]
    failed = sum(int(r["failures"]) for r in rows)  # type: ignore[call-overload]
    seconds = sum(float(r["seconds"]) for r in rows)  # type: ignore[arg-type]
    print(f"total      {total:>8} inputs  {failed} failures  {seconds:>8.1f} s")
    if args.json:
        print(json.dumps(rows, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
