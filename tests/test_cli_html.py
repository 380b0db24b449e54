"""HTML pages through every CLI command: clean (files, folders, stdin, JSONL --html-field, --format),
explain and check. The page is the seed case rebuilt as a Gate-like page (tests/data/html)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from cleaner.cli import app

DATA = Path(__file__).parent / "data"
PAGE = DATA / "html" / "gate-fr-kremlin.html"
URL = "https://www.gate.com/fr/news/detail/11234567"
LABEL = (DATA / "cases" / "gate-fr-kremlin.clean.txt").read_text(encoding="utf-8").strip().split("\n\n")
TEXT = "\n\n".join(LABEL)  # the label: the title (once, the heading that opens the article), then the body

runner = CliRunner()

STRUCTURED = (
    "<!DOCTYPE html><html lang='en'><head><title>Rates held</title></head><body><article>"
    "<h1>Rates held</h1><p>The central bank kept rates unchanged on Thursday, as expected.</p>"
    "<h2>What analysts said</h2><ul><li>Inflation is still above target</li><li>Growth is slowing</li></ul>"
    "</article></body></html>"
)


def run(*args: str | Path, input: str | bytes | None = None):
    return runner.invoke(app, [str(a) for a in args], input=input, prog_name="cleaner", catch_exceptions=False)


def test_clean_html_file() -> None:
    res = run("clean", PAGE, "--url", URL)
    assert res.exit_code == 0, res.stderr
    assert res.stdout == TEXT + "\n"


def test_clean_html_from_stdin_is_sniffed() -> None:
    res = run("clean", "-", "--url", URL, input=PAGE.read_bytes())
    assert res.exit_code == 0, res.stderr
    assert res.stdout == TEXT + "\n"


def test_format_markdown_keeps_headings_and_lists(tmp_path: Path) -> None:
    page = tmp_path / "rates.html"
    page.write_text(STRUCTURED, encoding="utf-8")
    res = run("clean", page, "--format", "markdown")
    assert res.exit_code == 0, res.stderr
    assert res.stdout == (
        "# Rates held\n\n"
        "The central bank kept rates unchanged on Thursday, as expected.\n\n"
        "## What analysts said\n\n- Inflation is still above target\n- Growth is slowing\n"
    )


def test_format_json_has_metadata() -> None:
    res = run("clean", PAGE, "--url", URL, "--format", "json")
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["text"] == TEXT
    assert doc["title"] == LABEL[0]
    assert doc["date"] == "2025-05-20T08:12:00Z" and doc["language"] == "fr" and doc["url"] == URL


def test_folder_of_pages_is_written_as_text_files(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(PAGE, src / "sub" / "kremlin.html")
    (src / "rates.htm").write_text(STRUCTURED, encoding="utf-8")
    (src / "note.txt").write_text("A plain note.\n", encoding="utf-8")
    res = run("clean", src, "-o", tmp_path / "out", "--format", "markdown")
    assert res.exit_code == 0, res.stderr
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert written == ["note.txt", "rates.md", "sub/kremlin.md"]
    assert (tmp_path / "out" / "rates.md").read_text(encoding="utf-8").startswith("# Rates held\n\nThe central bank")


def test_in_place_refuses_to_replace_a_page(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    shutil.copy(PAGE, page)
    res = run("clean", page, "--in-place")
    assert res.exit_code == 2
    assert "would replace the HTML page" in res.stderr
    assert page.read_bytes() == PAGE.read_bytes()


def test_jsonl_html_field(tmp_path: Path) -> None:
    data = tmp_path / "pages.jsonl"
    records = [
        {"id": 1, "url": URL, "html": PAGE.read_text(encoding="utf-8")},
        {"id": 2, "html": STRUCTURED},
        {"id": 3, "body": "no html field here"},
    ]
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = run(
        "clean", data, "-o", out, "--html-field", "html", "--url-field", "url", "--on-error", "skip",
        "--format", "json",
    )
    assert res.exit_code == 0, res.stderr
    assert f"{data}:3: no 'html' field" in res.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [1, 2]
    assert rows[0]["text"] == TEXT and rows[0]["html"] == records[0]["html"]
    assert rows[0]["title"] == LABEL[0] and rows[0]["language"] == "fr"
    assert rows[1]["text"].startswith("Rates held\n\nThe central bank kept rates unchanged")


def test_explain_and_check_report_the_removed_element() -> None:
    res = run("explain", PAGE, "--url", URL)
    assert res.exit_code == 0, res.stderr
    assert "html.gate.disclaimer-box-fr (error) html element 'div, section, aside, p, footer'" in res.stdout
    res = run("check", PAGE, "--url", URL, "--format", "json")
    assert res.exit_code == 1
    removals = json.loads(res.stdout)["files"][0]["removals"]
    assert [r["rule"] for r in removals] == ["html.gate.disclaimer-box-fr", "dedup.exact"]
    removal = removals[0]
    assert removal["rule"] == "html.gate.disclaimer-box-fr"
    assert removal["element"] == "div, section, aside, p, footer"
    assert removal["line"] is None and removal["column"] is None  # no place in the extracted text


def test_github_annotations_on_a_page_do_not_point_at_lines_of_the_html_file() -> None:
    res = run("check", PAGE, "--url", URL, "--format", "github")
    assert res.exit_code == 1
    element, dup = [x for x in res.stdout.splitlines() if x.startswith("::")]
    # positions are in the extracted text, not in the file: file-level annotations, the place in the message
    assert element.startswith(
        f"::error file={PAGE},title=html.gate.disclaimer-box-fr::[html element 'div, section, aside, p, footer'] "
    )
    assert dup.startswith(f"::warning file={PAGE},title=dedup.exact::[text 3:1] exact copy of an earlier block")


def test_empty_page_is_empty_output_with_a_warning() -> None:
    res = run("clean", DATA / "html" / "empty.html")
    assert res.exit_code == 0
    assert res.stdout == ""
    assert "empty.html: no text found in the page" in res.stderr
    res = run("explain", DATA / "html" / "empty.html")
    assert "  note: no text found in the page" in res.stdout


def test_markdown_table(tmp_path: Path) -> None:
    page = tmp_path / "t.html"
    page.write_text(
        "<html><body><article><p>Prices of vegetables in the market this week are listed below.</p>"
        "<table><tr><th>Vegetable</th><th>Price</th></tr><tr><td>Carrot  sticks</td><td>4 EUR</td></tr>"
        "<tr><td>Leek | big</td><td>6 EUR</td></tr></table></article></body></html>",
        encoding="utf-8",
    )
    res = run("clean", page, "--format", "markdown")
    assert res.exit_code == 0, res.stderr
    assert res.stdout.endswith(
        "| Vegetable | Price |\n| --- | --- |\n| Carrot sticks | 4 EUR |\n| Leek \\| big | 6 EUR |\n"
    )
    # plain text keeps the cells apart with a tab (no character that was not in the page)
    assert "Carrot sticks\t4 EUR" in run("clean", page).stdout
