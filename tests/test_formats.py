"""Dataset formats and bad input: gzip/zstd JSONL, Parquet, WARC, and damaged files of each kind.

Every bad input must give one clear message with the file and the line (row, record) number, follow
``--on-error``, and never leave a half-written output. The datasets are built in tmp_path from the
real cases (tests/data/cases) and a real page (tests/data/html); zstandard, pyarrow and warcio are
in the ``test`` extra, so CI runs all of this for real.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest
from casedata import case_names, load_case
from typer.testing import CliRunner

from cleaner import clean
from cleaner.cli import app

zstandard = pytest.importorskip("zstandard")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
warcwriter = pytest.importorskip("warcio.warcwriter")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402

DATA = Path(__file__).parent / "data"
PAGE = (DATA / "html" / "gate-fr-kremlin.html").read_bytes()
runner = CliRunner()


def run(*args: str | Path, input: bytes | None = None):
    return runner.invoke(app, [str(a) for a in args], input=input, prog_name="cleaner", catch_exceptions=False)


def _records() -> list[dict]:
    out = []
    for name in case_names():
        raw, _, meta = load_case(name)
        out.append({"id": name, "text": raw, "url": meta.get("url")})
    return out


RECORDS = _records()
PLAIN = b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in RECORDS)


@pytest.fixture
def plain(tmp_path: Path) -> tuple[Path, bytes]:
    """The dataset as plain JSONL, and what `cleaner clean` writes for it."""
    path = tmp_path / "cases.jsonl"
    path.write_bytes(PLAIN)
    res = run("clean", path, "--url-field", "url")
    assert res.exit_code == 0, res.stderr
    return path, res.stdout_bytes


# ------------------------------------------------------------------------------------- gzip / zstd
def test_gzip_in_gzip_out(plain: tuple[Path, bytes], tmp_path: Path) -> None:
    _, expected = plain
    src = tmp_path / "cases.jsonl.gz"
    src.write_bytes(gzip.compress(PLAIN))
    out = tmp_path / "out.jsonl.gz"
    res = run("clean", src, "-o", out, "--url-field", "url")
    assert res.exit_code == 0, res.stderr
    assert gzip.decompress(out.read_bytes()) == expected
    first = out.read_bytes()
    assert run("clean", src, "-o", out, "--url-field", "url", "-j", "2").exit_code == 0
    assert out.read_bytes() == first  # gzip written with mtime 0: the same input gives the same bytes


def test_zstd_in_zstd_out_and_plain_out(plain: tuple[Path, bytes], tmp_path: Path) -> None:
    _, expected = plain
    src = tmp_path / "cases.jsonl.zst"
    src.write_bytes(zstandard.ZstdCompressor().compress(PLAIN))
    out = tmp_path / "out.jsonl.zst"
    assert run("clean", src, "-o", out, "--url-field", "url").exit_code == 0
    assert zstandard.ZstdDecompressor().stream_reader(io.BytesIO(out.read_bytes())).read() == expected
    res = run("clean", src, "-o", tmp_path / "out.jsonl", "--url-field", "url")
    assert res.exit_code == 0
    assert (tmp_path / "out.jsonl").read_bytes() == expected


def test_compressed_stdin_is_recognised_by_its_magic_bytes(plain: tuple[Path, bytes]) -> None:
    _, expected = plain
    res = run("clean", "--jsonl", "--url-field", "url", input=gzip.compress(PLAIN))
    assert res.exit_code == 0, res.stderr
    assert res.stdout_bytes == expected


def test_zstd_without_the_extra_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "cases.jsonl.zst"
    src.write_bytes(zstandard.ZstdCompressor().compress(PLAIN))
    monkeypatch.setitem(sys.modules, "zstandard", None)  # import zstandard now raises ImportError
    res = run("clean", src, "-o", tmp_path / "o.jsonl")
    assert res.exit_code == 2
    assert "pip install 'feed-cleaner[zstd]'" in res.stderr
    assert str(src) in res.stderr
    res = run("clean", src, "-o", tmp_path / "o.jsonl.zst")
    assert res.exit_code == 2 and "feed-cleaner[zstd]" in res.stderr
    assert not (tmp_path / "o.jsonl").exists() and not (tmp_path / "o.jsonl.zst").exists()


def _line_count(data: bytes) -> int:
    return data.count(b"\n")


def test_truncated_gzip_fails_with_the_last_good_line_and_writes_nothing(tmp_path: Path) -> None:
    packed = gzip.compress(PLAIN)
    src = tmp_path / "cut.jsonl.gz"
    src.write_bytes(packed[: len(packed) // 2])
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"previous\n")
    res = run("clean", src, "-o", out)
    assert res.exit_code == 2
    assert res.stderr.startswith(f"cleaner: error: {src}: compressed stream is truncated after line ")
    assert "the rest of the file is unreadable" in res.stderr
    assert out.read_bytes() == b"previous\n"  # fail: the existing output is left as it was
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cut.jsonl.gz", "out.jsonl"]


@pytest.mark.parametrize("policy", ["skip", "keep"])
def test_truncated_gzip_under_skip_keeps_what_was_read(tmp_path: Path, policy: str) -> None:
    packed = gzip.compress(PLAIN)
    src = tmp_path / "cut.jsonl.gz"
    src.write_bytes(packed[: len(packed) // 2])
    good = gzip.GzipFile(fileobj=io.BytesIO(packed[: len(packed) // 2]))
    readable = b""
    with pytest.raises(EOFError):
        while chunk := good.read(1):
            readable += chunk
    complete = _line_count(readable)
    out = tmp_path / "out.jsonl"
    res = run("clean", src, "-o", out, "--on-error", policy)
    assert res.exit_code == 2  # data was lost: the run still fails
    assert f"truncated after line {complete};" in res.stderr
    assert f"({complete} records before it kept)" in res.stderr
    assert _line_count(out.read_bytes()) == complete


def test_gzip_crc_error_and_bad_header(tmp_path: Path) -> None:
    packed = bytearray(gzip.compress(PLAIN))
    packed[-8] ^= 0xFF  # the CRC32 in the trailer
    crc = tmp_path / "crc.jsonl.gz"
    crc.write_bytes(bytes(packed))
    res = run("clean", crc, "-o", tmp_path / "o.jsonl")
    assert res.exit_code == 2
    assert f"{crc}: compressed stream is damaged (CRC check failed" in res.stderr
    assert f"after line {len(RECORDS)};" in res.stderr
    header = bytearray(gzip.compress(PLAIN))
    header[2] = 7  # compression method other than deflate
    bad = tmp_path / "header.jsonl.gz"
    bad.write_bytes(bytes(header))
    res = run("clean", bad, "-o", tmp_path / "o.jsonl")
    assert res.exit_code == 2
    assert res.stderr.startswith(f"cleaner: error: {bad}: compressed stream is damaged (")
    assert "from its start" in res.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_truncated_last_line_says_so(tmp_path: Path) -> None:
    src = tmp_path / "cut.jsonl"
    src.write_bytes(PLAIN[: len(PLAIN) - 40])  # the file ends inside the last record
    last = len(RECORDS)
    res = run("clean", src, "-o", tmp_path / "o.jsonl")
    assert res.exit_code == 2
    assert f"{src}:{last}: invalid JSON" in res.stderr
    assert "last line has no newline: truncated file?" in res.stderr
    res = run("clean", src, "-o", tmp_path / "o.jsonl", "--on-error", "skip", "-j", "2")
    assert res.exit_code == 0
    assert _line_count((tmp_path / "o.jsonl").read_bytes()) == last - 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_invalid_utf8_in_a_line_is_a_bad_record(tmp_path: Path, jobs: str) -> None:
    lines = PLAIN.split(b"\n")
    lines[2] = lines[2].replace(b'"id"', b'"\xff\xfeid"', 1)
    src = tmp_path / "bad.jsonl"
    src.write_bytes(b"\n".join(lines))
    res = run("clean", src, "-o", tmp_path / "o.jsonl", "--on-error", "skip", "-j", jobs)
    assert res.exit_code == 0
    assert f"{src}:3: not valid UTF-8 (byte 0xff at column 3) (record skipped)" in res.stderr
    res = run("clean", src, "-o", tmp_path / "p.jsonl", "--on-error", "keep", "-j", jobs)
    assert (tmp_path / "p.jsonl").read_bytes().split(b"\n")[2] == lines[2]  # kept byte for byte


# ---------------------------------------------------------------------------------------- Parquet
SCHEMA_FIELDS = [("id", "string"), ("text", "string"), ("url", "string"), ("n", "int32"), ("score", "float64")]


def _parquet(path: Path, rows: list[dict]) -> Path:
    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in SCHEMA_FIELDS])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path, row_group_size=5)
    return path


def _rows() -> list[dict]:
    return [{**r, "n": i, "score": i / 3} for i, r in enumerate(RECORDS)]


def test_parquet_round_trip_keeps_schema_and_other_columns(tmp_path: Path) -> None:
    src = _parquet(tmp_path / "in.parquet", _rows())
    out = tmp_path / "out.parquet"
    res = run("clean", src, "-o", out, "--url-field", "url")
    assert res.exit_code == 0, res.stderr
    table = pq.read_table(out)
    assert table.schema.equals(pq.read_schema(src))
    got = table.to_pylist()
    assert [{k: v for k, v in r.items() if k != "text"} for r in got] == [
        {k: v for k, v in r.items() if k != "text"} for r in _rows()
    ]
    assert [r["text"] for r in got] == [clean(r["text"], url=r["url"]).text for r in RECORDS]
    again = tmp_path / "again.parquet"
    assert run("clean", src, "-o", again, "--url-field", "url", "-j", "2").exit_code == 0
    assert again.read_bytes() == out.read_bytes()


def test_parquet_to_jsonl_and_output_field(tmp_path: Path) -> None:
    src = _parquet(tmp_path / "in.parquet", _rows())
    res = run("clean", src, "--output-field", "clean_text")
    assert res.exit_code == 0
    records = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["text"] for r in records] == [r["text"] for r in RECORDS]
    assert records[0]["clean_text"] == clean(RECORDS[0]["text"]).text
    out = tmp_path / "with-field.parquet"
    assert run("clean", src, "-o", out, "--output-field", "clean_text").exit_code == 0
    assert pq.read_schema(out).names == [name for name, _ in SCHEMA_FIELDS] + ["clean_text"]


def test_parquet_without_the_column_is_refused(tmp_path: Path) -> None:
    src = _parquet(tmp_path / "in.parquet", _rows())
    res = run("clean", src, "-o", tmp_path / "out.parquet", "--text-field", "body")
    assert res.exit_code == 2
    assert res.stderr == f"cleaner: error: {src}: no column 'body' (columns: id, text, url, n, score)\n"
    assert not (tmp_path / "out.parquet").exists()


def test_parquet_null_text_follows_on_error(tmp_path: Path) -> None:
    rows = _rows()
    rows[3]["text"] = None
    src = _parquet(tmp_path / "in.parquet", rows)
    out = tmp_path / "out.parquet"
    res = run("clean", src, "-o", out)
    assert res.exit_code == 2
    assert f"{src}:4: column 'text' is null, not a string (nothing written to {out})" in res.stderr
    assert not out.exists()
    assert run("clean", src, "-o", out, "--on-error", "skip").exit_code == 0
    assert pq.read_table(out).num_rows == len(rows) - 1
    res = run("clean", src, "-o", out, "--on-error", "keep")
    assert res.exit_code == 0 and f"{src}:4: column 'text' is null, not a string (row kept unchanged)" in res.stderr
    kept = pq.read_table(out).to_pylist()
    assert len(kept) == len(rows) and kept[3]["text"] is None and kept[3]["n"] == 3


def test_parquet_output_needs_a_parquet_input(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(PLAIN)
    res = run("clean", src, "-o", tmp_path / "out.parquet")
    assert res.exit_code == 2
    assert "Parquet output needs a Parquet input" in res.stderr


def test_not_a_parquet_file(tmp_path: Path) -> None:
    src = tmp_path / "fake.parquet"
    src.write_bytes(b"PAR1 this is not parquet")
    res = run("clean", src, "-o", tmp_path / "o.jsonl")
    assert res.exit_code == 2
    assert res.stderr.startswith(f"cleaner: error: {src}: not a readable Parquet file (")


# ------------------------------------------------------------------------------------------- WARC
def _warc(path: Path, pages: list[tuple[str, str, bytes]], *, gz: bool = True) -> Path:
    with path.open("wb") as fh:
        writer = warcwriter.WARCWriter(fh, gzip=gz)
        request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        writer.write_record(writer.create_warc_record("https://www.gate.com/", "request", payload=request))
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)
    return path


PAGES = [
    ("https://www.gate.com/fr/post/1", "text/html; charset=utf-8", PAGE),
    ("https://www.gate.com/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
    ("https://www.gate.com/fr/post/2", "text/html", PAGE.replace(b"Kremlin", b"Kremlin (2)")),
]


@pytest.mark.parametrize("gz", [True, False])
def test_warc_pages_become_clean_jsonl_records(tmp_path: Path, gz: bool) -> None:
    src = _warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), PAGES, gz=gz)
    out = tmp_path / "pages.jsonl"
    res = run("clean", src, "-o", out)
    assert res.exit_code == 0, res.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["url"] for r in records] == ["https://www.gate.com/fr/post/1", "https://www.gate.com/fr/post/2"]
    assert all(set(r) == {"url", "date", "text"} and r["date"] for r in records)
    expected = clean(PAGE, url=PAGES[0][0], html=True, encoding=PAGES[0][1]).text
    assert records[0]["text"] == expected
    assert "Le 20 mai, le Kremlin" in expected and "<" not in expected
    assert run("clean", src, "-o", tmp_path / "p2.jsonl", "-j", "2").exit_code == 0
    assert (tmp_path / "p2.jsonl").read_bytes() == out.read_bytes()


def test_warc_empty_page_is_a_page_without_text(tmp_path: Path) -> None:
    """Crawls hold 200 responses with an empty body: no damage, so the run goes on (even under
    --on-error fail) and the page gives a record with empty text and a warning, like an empty file."""
    src = _warc(tmp_path / "crawl.warc.gz", [PAGES[0], ("https://www.gate.com/empty", "text/html", b"  \n"), PAGES[2]])
    out = tmp_path / "pages.jsonl"
    res = run("clean", src, "-o", out, "--on-error", "fail")
    assert res.exit_code == 0, res.stderr
    assert f"{src}:3: no text found in the page" in res.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["url"], bool(r["text"])) for r in records] == [
        (PAGES[0][0], True),
        ("https://www.gate.com/empty", False),
        (PAGES[2][0], True),
    ]


def test_warc_redirects_and_error_pages_are_passed_over(tmp_path: Path) -> None:
    """Crawls record redirects (often with an empty body) and 404 pages: they are not articles."""
    src = tmp_path / "crawl.warc.gz"
    with src.open("wb") as fh:
        writer = warcwriter.WARCWriter(fh, gzip=True)
        for status, url, body in [
            ("301 Moved Permanently", "https://www.gate.com/old", b""),
            ("200 OK", PAGES[0][0], PAGE),
            ("404 Not Found", "https://www.gate.com/gone", b"<html><body><p>The page was not found.</p></body></html>"),
        ]:
            headers = StatusAndHeaders(status, [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)
    out = tmp_path / "pages.jsonl"
    res = run("clean", src, "-o", out)
    assert res.exit_code == 0, res.stderr
    assert [json.loads(line)["url"] for line in out.read_text(encoding="utf-8").splitlines()] == [PAGES[0][0]]


def test_truncated_warc_names_the_record(tmp_path: Path) -> None:
    whole = _warc(tmp_path / "whole.warc", PAGES, gz=False).read_bytes()
    src = tmp_path / "cut.warc"
    src.write_bytes(whole[:-200])  # the last page is cut short
    res = run("clean", src, "-o", tmp_path / "o.jsonl")
    assert res.exit_code == 2
    assert res.stderr.startswith(f"cleaner: error: {src}: damaged WARC: record 4 (at byte ")
    assert "is truncated" in res.stderr
    res = run("clean", src, "-o", tmp_path / "o.jsonl", "--on-error", "skip")
    assert res.exit_code == 2 and "(1 record before it kept)" in res.stderr
    assert len((tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()) == 1
    garbage = tmp_path / "garbage.warc"
    garbage.write_bytes(b"\x00\x01 not a WARC archive \xff" * 20)
    res = run("clean", garbage, "-o", tmp_path / "g.jsonl")
    assert res.exit_code == 2
    assert res.stderr.startswith(f"cleaner: error: {garbage}: damaged WARC: record 1 (at byte 0) is not a WARC")


def test_warc_cannot_be_rewritten_in_place(tmp_path: Path) -> None:
    src = _warc(tmp_path / "crawl.warc.gz", PAGES)
    res = run("clean", src, "--in-place")
    assert res.exit_code == 2 and "--in-place cannot rewrite the WARC archive" in res.stderr
    res = run("clean", src, "-o", tmp_path / "x.warc")
    assert res.exit_code == 2 and "cannot write WARC" in res.stderr
