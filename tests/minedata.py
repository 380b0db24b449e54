"""The mining test corpus: real article texts (tests/data/mining/articles.jsonl) assigned to made-up
sites, with a real boilerplate note that no bundled rule removes appended to every page of one site."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data" / "mining"
SITE_A = "flash-mirror.example"  # every page ends with the unknown note (then Gate's known disclaimer)
SITE_B = "other-site.example"  # plain articles


def articles() -> list[dict[str, Any]]:
    with (DATA / "articles.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def wordings() -> dict[str, str]:
    data = yaml.safe_load((DATA / "boilerplate.yaml").read_text(encoding="utf-8"))
    return {k: v["text"] for k, v in data.items()}


def corpus() -> list[dict[str, Any]]:
    """24 records: 12 pages of site A (article + unknown note + known disclaimer), 12 of site B."""
    arts, words = articles(), wordings()
    out = []
    for i, art in enumerate(arts[:24]):
        if i < 12:
            text = f"{art['text']}\n{words['unknown']}\n{words['known']}"
            out.append({"url": f"https://www.{SITE_A}/news/{i}", "text": text, "article": art["text"]})
        else:
            out.append({"url": f"https://news.{SITE_B}/{i}", "text": art["text"], "article": art["text"]})
    return out


def cut_note() -> str:
    """The note as a scraped excerpt cut off before its last words (a real kind of variant)."""
    note = wordings()["unknown"]
    return note[: note.index(" en cours de")]


def flattened_corpus() -> list[dict[str, Any]]:
    """12 pages of site A where the note is glued into the first paragraph (sentence) on two pages in
    three and stands on its own last line on the others; every other page has the cut-off copy."""
    arts, note = articles(), wordings()["unknown"]
    cut = cut_note()
    out = []
    for i, art in enumerate(arts[:12]):
        paras = art["text"].split("\n")
        n = note if i % 2 else cut
        glued = " ".join(paras[:3]) + " " + n + "\n" + "\n".join(paras[3:])
        text = glued if i % 3 else "\n".join(paras) + "\n" + n
        out.append({"url": f"https://www.{SITE_A}/flash/{i}", "text": text, "note": n})
    return out
