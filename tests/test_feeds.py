"""Feeds in and out (RSS, RDF, Atom, JSON Feed) and duplicate records, on items built from the real cases."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import feedparser
import pytest
from feeddata import atom, case_items, json_feed, rss
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.html.rewrite import keep_markup
from cleaner.io import feeds
from cleaner.io.feedsniff import sniff
from cleaner.io.reading import InputError
from cleaner.pipeline.records_dedup import RecordIndex, Signature, canonical_link, minhash, similarity

runner = CliRunner()
DATA = Path(__file__).parent / "data"


def run(*args: str | Path, input: str | bytes | None = None):
    return runner.invoke(app, [str(a) for a in args], input=input, prog_name="cleaner", catch_exceptions=False)


def identity(data: bytes) -> list[tuple[str, str, str]]:
    """(id, link, title) of every item, as feedparser (the reference reader) sees the feed (a JSON
    Feed, which feedparser does not read, as json does)."""
    if data.lstrip().startswith(b"{"):
        return [(i.get("id"), i.get("url"), i.get("title")) for i in json.loads(data)["items"]]
    parsed = feedparser.parse(data)
    return [(e.get("id"), e.get("link"), e.get("title")) for e in parsed.entries]


def texts(data: bytes) -> list[str]:
    if data.lstrip().startswith(b"{"):
        return [i.get("content_html") or i.get("content_text") or "" for i in json.loads(data)["items"]]
    parsed = feedparser.parse(data)
    out = []
    for e in parsed.entries:
        value = e.get("content", [{}])[0].get("value") if e.get("content") else e.get("summary", "")
        out.append(value or "")
    return out


FOOTERS = ("appeared first on", "Read More", "Continue Reading", "Also read:")


@pytest.mark.parametrize(("name", "build"), [("cc.rss", rss), ("cc.atom", atom), ("cc.json", json_feed)])
def test_clean_feed_keeps_items_and_cleans_content(tmp_path: Path, name: str, build) -> None:
    items = case_items()
    src = tmp_path / name
    src.write_text(build(items), encoding="utf-8")
    out = tmp_path / ("out-" + name)
    res = run("clean", src, "-o", out)
    assert res.exit_code == 0, res.stderr
    data = out.read_bytes()
    if name.endswith(".json"):
        json.loads(data)
    else:
        etree.fromstring(data)  # well-formed
    assert identity(data) == identity(src.read_bytes())
    assert [i[0] for i in identity(data)] == [it["guid"] for it in items]
    before, after = texts(src.read_bytes()), texts(data)
    for old, new, it in zip(before, after, items, strict=True):
        for footer in FOOTERS:
            if footer in it["text"] and footer not in it["label"]:
                assert footer in old and footer not in new, (it["guid"], footer)
        # the article's first words are still there
        assert it["label"].split()[0] in new
    assert f"{len(items)} items" in res.stderr


def test_rss_forms_and_untouched_bytes(tmp_path: Path) -> None:
    """CDATA stays CDATA, escaped HTML stays escaped, every other line is byte for byte the same."""
    src = tmp_path / "cc.rss"
    src.write_text(rss(case_items()), encoding="utf-8")
    out = tmp_path / "out.rss"
    assert run("clean", src, "-o", out).exit_code == 0
    content = re.compile(rb"(<description>|<content:encoded>)(.*?)(</description>|</content:encoded>)", re.S)
    before, after = src.read_bytes(), out.read_bytes()
    assert content.sub(rb"\1\3", before) == content.sub(rb"\1\3", after)  # every other byte is the same
    pairs = list(zip(content.findall(before), content.findall(after), strict=True))
    assert any(a != b for a, b in pairs)
    for (tag, old, _), (_, new, _) in pairs:
        if tag == b"<description>":
            assert old.startswith(b"<![CDATA[") and new.startswith(b"<![CDATA[") and new.endswith(b"]]>")
        else:  # escaped HTML, rendered from the result's paragraphs
            assert new.startswith(b"&lt;p&gt;") and b"<p>" not in new


def test_feed_with_nothing_to_remove_is_written_byte_for_byte(tmp_path: Path) -> None:
    items = [{"guid": "g1", "link": "https://example.com/1", "title": "T", "text": "A plain sentence about markets."}]
    src = tmp_path / "plain.rss"
    src.write_text(rss(items), encoding="utf-8")
    out = tmp_path / "out.rss"
    assert run("clean", src, "-o", out).exit_code == 0
    assert out.read_bytes() == src.read_bytes()


def test_stdin_feed_by_content_and_xml_suffix(tmp_path: Path) -> None:
    feed = atom(case_items())
    res = run("clean", "-", input=feed.encode())
    assert res.exit_code == 0, res.stderr
    assert identity(res.stdout_bytes) == identity(feed.encode())
    assert "appeared first on" not in res.stdout
    assert sniff(b"<?xml version='1.0'?><html><body/></html>") is None
    assert sniff(b'{"text": "a JSONL record is not a feed"}') is None


def test_folder_of_feeds_with_output_dir(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    items = case_items()
    (folder / "a.rss").write_text(rss(items[:2]), encoding="utf-8")
    (folder / "sub" / "b.xml").write_text(atom(items[2:]), encoding="utf-8")
    (folder / "c.json").write_text(json_feed(items[:1]), encoding="utf-8")
    (folder / "notes.xml").write_text("<notes><n>not a feed</n></notes>", encoding="utf-8")
    (folder / "data.json").write_text('{"a": 1}', encoding="utf-8")
    res = run("clean", folder, "-o", tmp_path / "out")
    assert res.exit_code == 0, res.stderr
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert written == ["a.rss", "c.json", "sub/b.xml"]
    b_out = (tmp_path / "out" / "sub" / "b.xml").read_bytes()
    assert identity(b_out) == identity((folder / "sub" / "b.xml").read_bytes())
    # the same bytes with worker processes (items are read in the main process, cleaned in the workers)
    res = run("clean", folder, "-o", tmp_path / "out2", "--jobs", "2")
    assert res.exit_code == 0, res.stderr
    for name in written:
        assert (tmp_path / "out2" / name).read_bytes() == (tmp_path / "out" / name).read_bytes()
    one, two = run("check", folder, "--jobs", "1"), run("check", folder, "--jobs", "2")
    assert one.stdout == two.stdout and "duplicate-record" in one.stdout


def test_check_and_explain_report_per_item(tmp_path: Path) -> None:
    src = tmp_path / "cc.rss"
    src.write_text(rss(case_items()), encoding="utf-8")
    res = run("check", src)
    assert res.exit_code == 1
    assert f"{src}:" in res.stdout and "item 1 (cc-003) description:" in res.stdout
    assert "item 2 (cc-005) content:encoded:" in res.stdout
    res = run("check", src, "--format", "json")
    payload = json.loads(res.stdout)
    records = payload["files"][0]["records"]
    assert {r["item"]["number"] for r in records} == {1, 2, 3, 4, 5}
    assert records[0]["item"] == {"number": 1, "id": "cc-003", "link": case_items()[0]["link"], "field": "description"}
    res = run("explain", src)
    assert "(item 1 (cc-003) description)" in res.stdout


def test_check_flags_exactly_the_duplicated_item(tmp_path: Path) -> None:
    items = case_items()
    copy = dict(items[1], guid="cc-copy", link=items[1]["link"] + "?utm_source=rss&utm_medium=feed")
    again = dict(items[3], guid="cc-again", link="https://example.com/other", text=items[3]["text"] + " Really.")
    src = tmp_path / "dup.rss"
    src.write_text(rss([*items, copy, again], cdata=False), encoding="utf-8")
    res = run("check", src, "--format", "json")
    payload = json.loads(res.stdout)
    dups = payload["files"][0]["duplicate_records"]
    assert [(d["record"], d["id"], d["duplicate_of"]["record"], d["duplicate_of"]["id"]) for d in dups] == [
        (6, "cc-copy", 2, "cc-005"),
        (7, "cc-again", 4, "cc-014"),
    ]
    assert all(d["kind"] == "duplicate-record" for d in dups)
    res = run("check", src, "--no-duplicate-records", "--format", "json")
    assert "duplicate_records" not in json.loads(res.stdout)["files"][0]
    out = tmp_path / "out.rss"
    stats = tmp_path / "stats.json"
    res = run("clean", src, "--drop-duplicate-records", "-o", out, "--stats", stats)
    assert res.exit_code == 0, res.stderr
    assert [i[0] for i in identity(out.read_bytes())] == [it["guid"] for it in items]
    assert json.loads(stats.read_text())["duplicate_records_dropped"] == 2
    assert "2 duplicates dropped" in res.stderr


def test_explain_lists_the_same_duplicate_records_as_check(tmp_path: Path) -> None:
    items = case_items()
    copy = dict(items[1], guid="cc-copy", link=items[1]["link"] + "?utm_source=rss")
    src = tmp_path / "dup.rss"
    src.write_text(rss([*items, copy], cdata=False), encoding="utf-8")
    checked = json.loads(run("check", src, "--format", "json").stdout)["files"][0]["duplicate_records"]
    res = run("explain", src, "--format", "json")
    assert res.exit_code == 0, res.stderr
    payload = json.loads(res.stdout)
    assert payload["duplicate_records"] == checked and [d["id"] for d in checked] == ["cc-copy"]
    assert payload["summary"]["text"].startswith("1 duplicate record")
    text = run("explain", src).stdout
    assert "warning duplicate-record duplicate of" in text and "(record 2, cc-005)" in text
    assert "duplicate-record" not in run("explain", src, "--no-duplicate-records").stdout


def test_duplicate_records_in_jsonl_are_the_same_at_any_jobs(tmp_path: Path) -> None:
    items = case_items()
    lines = [{"id": it["guid"], "url": it["link"], "text": it["text"]} for it in items]
    lines.append({"id": "late", "url": "https://example.com/late", "text": items[0]["text"]})
    src = tmp_path / "d.jsonl"
    src.write_text("".join(json.dumps(x) + "\n" for x in lines * 3), encoding="utf-8")
    one = run("check", src, "--jobs", "1", "--url-field", "url")
    two = run("check", src, "--jobs", "2", "--url-field", "url")
    assert one.stdout == two.stdout
    assert one.stdout.count("duplicate-record") == len(lines) * 3 - len(items)
    out1, out2 = tmp_path / "o1.jsonl", tmp_path / "o2.jsonl"
    run("clean", src, "--drop-duplicate-records", "-o", out1, "--jobs", "1", "--url-field", "url")
    run("clean", src, "--drop-duplicate-records", "-o", out2, "--jobs", "2", "--url-field", "url")
    assert out1.read_bytes() == out2.read_bytes()
    assert [json.loads(x)["id"] for x in out1.read_text().splitlines()] == [it["guid"] for it in items]


def test_external_entity_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER", encoding="utf-8")
    items = case_items()[:2]
    feed = rss(items).replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>',
    ).replace("<![CDATA[You may", "&xxe;<![CDATA[You may", 1)
    src = tmp_path / "xxe.rss"
    src.write_text(feed, encoding="utf-8")
    res = run("check", src)
    assert "TOP-SECRET-MARKER" not in res.stdout + res.stderr
    assert res.exit_code == 2 and "item 1 (cc-003) description: entity" in res.stderr
    out = tmp_path / "out.rss"
    res = run("clean", src, "-o", out)
    assert res.exit_code == 2 and not out.exists()  # --on-error fail: nothing written
    res = run("clean", src, "-o", out, "--on-error", "keep")
    assert res.exit_code == 0, res.stderr
    data = out.read_bytes()
    assert b"TOP-SECRET-MARKER" not in data and b"&xxe;<![CDATA[You may" in data  # item 1 as it was
    res = run("clean", src, "-o", out, "--on-error", "skip")
    assert [i[0] for i in identity(out.read_bytes())] == ["cc-005"]


def test_a_rewritten_feed_keeps_its_doctype_so_an_unexpanded_entity_stays_well_formed(tmp_path: Path) -> None:
    """A feed the writer cannot splice (a byte that is not UTF-8 makes it re-serialise the tree) keeps its
    document type declaration: the title's "&x;", kept unexpanded, would otherwise make the written feed
    ill-formed, and cleaning it again would fail (the fuzz harness's case, benchmarks/fuzz.py)."""
    body = "The committee met on Tuesday to discuss the budget."
    feed = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hostname">]><rss version="2.0">'
        b"<channel><title>F</title><item><guid>id-0</guid><link>https://news.example/a/0</link>"
        b"<title>&x;</title><description>&lt;p&gt;" + (body * 2).encode() + b"&lt;p&gt;" + (body * 2).encode()
        + b"\xed\xa0\x80</description></item></channel></rss>"
    )
    src, out, again = tmp_path / "feed.rss", tmp_path / "out.rss", tmp_path / "again.rss"
    src.write_bytes(feed)
    assert run("clean", src, "-o", out, "--on-error", "keep").exit_code == 0
    written = out.read_bytes()
    assert b"<!DOCTYPE r [" in written and b"<title>&x;</title>" in written
    assert b"hostname" not in written.split(b"]>", 1)[1]  # the entity is declared, never expanded
    etree.fromstring(written, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    res = run("clean", out, "-o", again, "--on-error", "keep")
    assert res.exit_code == 0, res.stderr
    assert again.read_bytes() == written


def test_entity_bomb_is_not_expanded(tmp_path: Path) -> None:
    bomb = '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' + "".join(
        f'<!ENTITY {c} "' + f"&{p};" * 10 + '">' for p, c in zip("bcdefgh", "cdefghi", strict=True)
    ) + "]>"
    item = "<item><guid>1</guid><description>&i;</description></item>"
    feed = f'<?xml version="1.0"?>{bomb}<rss version="2.0"><channel>{item}</channel></rss>'
    with pytest.raises(InputError, match=r"bomb.rss:1: ill-formed XML: .*amplification"):
        feeds.parse(feed.encode(), "bomb.rss")  # libxml2 refuses it before anything is expanded


def test_ill_formed_feed_names_file_and_line(tmp_path: Path) -> None:
    good = rss(case_items()[:3])
    lines = good.splitlines()
    bad_at = next(n for n, line in enumerate(lines, start=1) if "<item>" in line and n > 20)
    lines[bad_at - 1] = "        <item><title>broken"
    src = tmp_path / "bad.rss"
    src.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "out.rss"
    res = run("clean", src, "-o", out)
    assert res.exit_code == 2 and not out.exists()
    assert f"{src}:" in res.stderr and "ill-formed XML" in res.stderr
    line = int(res.stderr.split(f"{src}:")[1].split(":")[0])
    assert line >= bad_at
    res = run("check", src)  # feedparser still reads the items; the error is reported and fails
    assert res.exit_code == 2 and "appeared first on" in res.stdout


def test_oddly_encoded_feeds(tmp_path: Path) -> None:
    body = (
        '<rss version="2.0"><channel><item><guid>é1</guid><title>Café</title><link>https://bitcoinist.com/x</link>'
        "<description>Le café a augmenté de 5 % aujourd'hui sur les marchés européens. "
        "The post Café appeared first on Bitcoinist.</description></item></channel></rss>"
    )
    declared = tmp_path / "latin1.rss"
    declared.write_bytes(('<?xml version="1.0" encoding="ISO-8859-1"?>\n' + body).encode("latin-1"))
    wrong = tmp_path / "wrong.rss"  # says nothing, is not UTF-8
    wrong.write_bytes(body.encode("cp1252"))
    utf16 = tmp_path / "utf16.rss"
    utf16.write_bytes(('<?xml version="1.0" encoding="UTF-16"?>\n' + body).encode("utf-16"))
    for src in (declared, wrong, utf16):
        out = tmp_path / ("out-" + src.name)
        res = run("clean", src, "-o", out)
        assert res.exit_code == 0, (src.name, res.stderr)
        parsed = feedparser.parse(out.read_bytes())
        assert parsed.entries[0].title == "Café" and parsed.entries[0].id == "é1"
        assert "appeared first on" not in parsed.entries[0].summary and "café a augmenté" in parsed.entries[0].summary
    assert declared.read_bytes().split(b"<description>")[0] == (tmp_path / "out-latin1.rss").read_bytes().split(
        b"<description>"
    )[0]


def test_rdf_and_atom03(tmp_path: Path) -> None:
    rdf = (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<channel rdf:about="https://x.com/"><title>x</title><dc:language>en</dc:language></channel>'
        '<item rdf:about="https://bitcoinist.com/a"><title>A</title><link>https://bitcoinist.com/a</link>'
        "<description>Bitcoin rose as the ETF news spread across markets today. "
        "The post A appeared first on Bitcoinist.</description></item></rdf:RDF>"
    )
    a03 = (
        '<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>x</title>'
        '<entry><id>tag:1</id><title>A</title><link rel="alternate" type="text/html" href="https://bitcoinist.com/a"/>'
        '<content type="text/html" mode="escaped">&lt;p&gt;Bitcoin rose as the ETF news spread across markets today.'
        "&lt;/p&gt;&lt;p&gt;The post A appeared first on Bitcoinist.&lt;/p&gt;</content></entry></feed>"
    )
    for name, text in (("a.rdf", rdf), ("a03.xml", a03)):
        src = tmp_path / name
        src.write_text(text, encoding="utf-8")
        parsed = feeds.load(feeds.Source(str(src), src, Path(name)))
        assert parsed.entries[0].link == "https://bitcoinist.com/a"
        assert parsed.entries[0].lang in ("en", None)
        out = tmp_path / ("out-" + name)
        assert run("clean", src, "-o", out).exit_code == 0
        assert b"appeared first on" not in out.read_bytes()
        assert identity(out.read_bytes()) == identity(src.read_bytes())


def test_not_a_feed_is_refused_with_its_line() -> None:
    with pytest.raises(InputError, match=r"x.rss:1: not a feed"):
        feeds.parse(b"<?xml version='1.0'?><notes/>", "x.rss")


# ---------------------------------------------------------------------------------- the dedup core
def _sig(n: int, text: str = "", guid: int = 0, link: int = 0) -> Signature:
    mh = minhash(text)
    return Signature("f", n, n, f"id{n}", None, hash(text) & (2**63 - 1) or 1, guid, link, mh)


def test_record_index_names_the_first_copy_only() -> None:
    base = " ".join(f"word{i}" for i in range(80))
    near = base.replace("word40", "changed")
    index = RecordIndex(0.8)
    assert index.see(_sig(1, base)) is None
    assert index.see(_sig(2, "something else entirely " * 5)) is None
    dup = index.see(_sig(3, near))
    assert dup is not None and dup.record == 1 and dup.ident == "id1" and dup.reason == "near copy"
    third = index.see(_sig(4, base))
    assert third is not None and third.record == 1 and third.reason == "same text"
    assert index.count == 2  # copies are not stored
    assert similarity(minhash(base), minhash(near)) > 0.8
    assert similarity(minhash(base), minhash(" ".join(f"other{i}" for i in range(80)))) < 0.2


def test_canonical_link_drops_tracking() -> None:
    assert canonical_link("HTTPS://News.Example.com/a/?utm_source=x&id=3&fbclid=z#top") == "https://news.example.com/a?id=3"


# ------------------------------------------------------------------------------------- property
_word = st.text(alphabet=st.characters(whitelist_categories=("Ll", "Lu")), min_size=1, max_size=8)
_item = st.fixed_dictionaries(
    {
        "guid": st.uuids().map(str),
        "title": st.lists(_word, min_size=1, max_size=5).map(" ".join),
        "link": st.integers(0, 10**6).map(lambda n: f"https://bitcoinist.com/p/{n}"),
        "text": st.lists(_word, min_size=3, max_size=40).map(" ".join),
        "footer": st.booleans(),
    }
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=st.lists(_item, min_size=1, max_size=6), kind=st.sampled_from(["rss", "atom", "json"]))
def test_cleaned_feed_keeps_items_ids_and_links(tmp_path: Path, items: list[dict], kind: str) -> None:
    for it in items:
        if it.pop("footer"):
            it["text"] += ". The post " + it["title"] + " appeared first on Bitcoinist."
    build = {"rss": rss, "atom": atom, "json": json_feed}[kind]
    data = build(items).encode("utf-8")
    parsed = feeds.parse(data, "p." + kind)
    contents = {(e.index, e.field): "cleaned <text> & more" for e in parsed.entries}
    out = parsed.rewrite(contents, set())
    assert identity(out) == identity(data)
    again = feeds.parse(out, "out." + kind)
    assert [(e.index, e.guid, e.link) for e in again.entries] == [(e.index, e.guid, e.link) for e in parsed.entries]
    src = tmp_path / f"p.{kind}"
    src.write_bytes(data)
    res = run("clean", src)
    assert res.exit_code == 0, res.stderr
    assert identity(res.stdout_bytes) == identity(data)


def test_json_feed_is_spliced_not_reserialised(tmp_path: Path) -> None:
    text = "The central bank raised interest rates by a quarter point on Wednesday, citing persistent inflation."
    feed = (
        '{"version": "https://jsonfeed.org/version/1", "title": "N", "items": ['
        f'{{"id": "1", "content_text": "{text}", "x_custom": {{"n": 1.50}}}}, '
        f'{{"id": "2", "content_text": "{text}"}}, '
        '{"id": "3", "content_html": "<p>Other news from the desk.</p>'
        '<p>The post X appeared first on Bitcoinist.</p>"}]}'
    )
    src = tmp_path / "f.json"
    src.write_text(feed, encoding="utf-8")
    res = run("clean", src, "--drop-duplicate-records")
    assert res.exit_code == 0, res.stderr
    assert res.stdout == feed.replace(f', {{"id": "2", "content_text": "{text}"}}', "").replace(
        "<p>The post X appeared first on Bitcoinist.</p>", ""
    )


def test_duplicate_rows_in_parquet(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    items = case_items()
    rows = [{"id": it["guid"], "url": it["link"], "text": it["text"]} for it in items]
    rows.insert(2, {"id": "again", "url": items[0]["link"] + "#comments", "text": "Something else said here."})
    src = tmp_path / "d.parquet"
    pq.write_table(pa.Table.from_pylist(rows), src)
    res = run("check", src, "--url-field", "url", "--format", "json")
    dups = json.loads(res.stdout)["files"][0]["duplicate_records"]
    assert [(d["record"], d["reason"], d["duplicate_of"]["id"]) for d in dups] == [(3, "same link", "cc-003")]
    out = tmp_path / "o.parquet"
    res = run("clean", src, "--url-field", "url", "-o", out, "--drop-duplicate-records")
    assert res.exit_code == 0, res.stderr
    assert pq.read_table(out).column("id").to_pylist() == [it["guid"] for it in items]


def test_a_feed_without_items_is_written_back_not_emptied(tmp_path: Path) -> None:
    """Found by the feeds fuzz target: a channel with no items came out as an empty file."""
    src = tmp_path / "empty.rss"
    data = b'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title></channel></rss>\n'
    src.write_bytes(data)
    out = tmp_path / "out.rss"
    res = run("clean", src, "-o", out)
    assert res.exit_code == 0, res.stderr
    assert out.read_bytes() == data


def test_a_json_feed_item_with_a_lone_surrogate_escape_is_written_escaped(tmp_path: Path) -> None:
    """Found by the feeds fuzz target: "\\ud800" in a JSON Feed item crashed the writer (exit 3)."""
    items = [{"id": "1", "url": "https://news.example/a/1", "content_text": "Share this article\nBody \\ud800 text."}]
    src = tmp_path / "feed.json"
    src.write_text(json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": items})
                   .replace("\\\\ud800", "\\ud800"), encoding="utf-8")  # fmt: skip
    out = tmp_path / "out.json"
    res = run("clean", src, "-o", out)
    assert res.exit_code == 0, res.stderr
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["items"][0]["id"] == "1" and "\ud800" in written["items"][0]["content_text"]


def test_changed_html_item_keeps_its_own_markup(tmp_path: Path) -> None:
    """A cleaned HTML item keeps the links, emphasis and containers of what stays; only the removed
    blocks go (the Gate post fixture: its disclaimer box, ad, "View Original" and action bar)."""
    page = (DATA / "html" / "gate-post-en.html").read_text(encoding="utf-8")
    fragment = page[page.index('<div class="post-detail">') : page.index('<section class="comments">')]
    src = tmp_path / "gate.rss"
    src.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'version="2.0"><channel><title>Gate</title><link>https://www.gate.com/</link>\n<item><title>Miners</title>'
        "<link>https://www.gate.com/post/status/21566199</link><guid>21566199</guid>\n"
        f"<content:encoded>{escape(fragment, quote=False)}</content:encoded></item></channel></rss>",
        encoding="utf-8",
    )
    out = tmp_path / "out.rss"
    assert run("clean", src, "-o", out).exit_code == 0
    content = etree.fromstring(out.read_bytes()).findtext(".//{http://purl.org/rss/1.0/modules/content/}encoded")
    assert "This page may contain third-party content" not in content and "View Original" not in content
    assert "Trade now" not in content and "Repost" not in content
    assert '<div class="post-content">' in content and '<h1 class="post-title">' in content
    kept = re.findall(r"<p>(.*?)</p>", content)
    assert kept and all(f"<p>{p}</p>" in fragment for p in kept)  # each kept block as the item wrote it
    assert "Hash price, the revenue" in content


def test_keep_markup_lines_up_or_gives_up() -> None:
    fragment = (
        '<p><a href="https://bitcoinist.com/x">Bitcoin</a> rose as the <em>ETF</em> news spread.</p>'
        '<ul><li>Related: <a href="/a">One</a></li></ul><p>Traders said so. Related: <b>Other story</b></p>'
    )
    kept = keep_markup(fragment, ["Bitcoin rose as the ETF news spread.", "Traders said so."])
    assert kept == (
        '<p><a href="https://bitcoinist.com/x">Bitcoin</a> rose as the <em>ETF</em> news spread.</p>'
        "<p>Traders said so.</p>"
    )
    assert keep_markup("Loose text <b>here</b><p>Kept line.</p>", ["Kept line."]) is None  # text outside blocks
    assert keep_markup(fragment, ["Not in the fragment."]) is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_keep_markup_only_deletes(data: st.DataObject) -> None:
    """Whatever subset of an item's blocks is kept, the result holds exactly their words, in order, and
    every kept block is the item's own markup."""
    lines = [ln for it in case_items() for ln in it["label"].splitlines() if ln.strip()][:12]
    heads = [escape(ln.split(" ", 1)[0], quote=False) for ln in lines]
    rests = [escape(ln.split(" ", 1)[-1], quote=False) for ln in lines]
    pairs = enumerate(zip(heads, rests, strict=True))
    blocks = [f'<p>{h} <a href="https://example.com/{i}">{r}</a></p>' for i, (h, r) in pairs]
    order = data.draw(st.permutations(blocks))
    fragment = "\n".join(order)
    keep = data.draw(st.lists(st.sampled_from(range(len(order))), unique=True).map(sorted))
    words = [" ".join(etree.fromstring(order[i]).itertext()).split() for i in keep]
    got = keep_markup(fragment, [" ".join(w) for w in words])
    assert got is not None
    assert " ".join(etree.fromstring(f"<div>{got}</div>").itertext()).split() == [w for ws in words for w in ws]
    assert [line for line in got.split("\n") if line and line not in order] == []
