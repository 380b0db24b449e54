"""``cleaner mine``: find text that recurs across a site's documents, and draft rules from it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from cleaner.cli import common
from cleaner.cli.app import app
from cleaner.cli.options import (
    Format,
    JsonlOpt,
    LangFieldOpt,
    MineOnError,
    NoDefaultsOpt,
    QuietOpt,
    RulesOpt,
    TextFieldOpt,
)
from cleaner.cli.report import Report
from cleaner.io.records import RecordFields
from cleaner.pipeline.messages import plural

# ------------------------------------------------------------------------------------------- mine
MINE_HELP = """Find text that recurs across many documents of a site: boilerplate no rule covers yet.

\b
Every block (line) and every sentence inside longer lines is counted per
site, once per document; near-duplicate variants (ratio >= --similarity) are
grouped. A candidate is reported when it recurs in at least --min-docs
documents and --min-share of its site's documents, with its document count,
share, position (head/tail: always within that many blocks of the start/end;
body otherwise) and sample document ids. What the current rules (bundled +
--rules) already remove is not counted unless --all. Results do not depend
on the input order.

\b
Inputs: JSONL datasets (site = the --site-field, else the host of the
--url-field URL, e.g. news.example.co.uk -> example.co.uk) or folders with
one subfolder per site (corpus/example.com/page.txt; site = subfolder name).
Document ids: --id-field, else the URL, else FILE:LINE / the relative path.

\b
--emit-rules FILE.yaml writes a draft rule pack: one rule per candidate,
scoped to the site's domain (JSONL with URLs) and to head/tail, a literal
matcher (a fuzzy one for grouped variants), and inline tests made of the
real samples. Review it, then: cleaner rules test FILE.yaml and
cleaner clean ... --rules FILE.yaml.

\b
--jobs N counts in N worker processes and merges their counts here (0: all
cores); the result is the same for every N. Worth it on idle cores when the
rule filter dominates: shipping counts back costs ~50% extra CPU.

\b
Exit codes: 0 done (with or without candidates: mining explores, it is
not a gate), 2 bad input or usage, 3 internal error.

\b
Examples:
  cleaner mine crawl.jsonl --url-field url
  cleaner mine crawl.jsonl.gz --min-docs 20 --min-share 0.3 --top 50
  cleaner mine corpus/ --format json
  cleaner mine crawl.jsonl --emit-rules mined.yaml
"""



@app.command("mine", help=MINE_HELP)
def mine_cmd(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="CORPUS", help="JSONL files (.jsonl, .jsonl.gz, .jsonl.zst) or folders of sites."),
    ],
    min_docs: Annotated[
        int, typer.Option("--min-docs", min=1, metavar="N", help="Recurs in at least N documents.")
    ] = 5,
    min_share: Annotated[
        float,
        typer.Option("--min-share", min=0.0, max=1.0, metavar="FLOAT", help="...and this share of its site's docs."),
    ] = 0.2,
    min_chars: Annotated[
        int, typer.Option("--min-chars", min=1, metavar="N", help="Ignore blocks/sentences shorter than this.")
    ] = 15,
    similarity: Annotated[
        float, typer.Option("--similarity", min=50.0, max=100.0, metavar="PCT", help="Group variants this similar.")
    ] = 90.0,
    top: Annotated[int, typer.Option("--top", min=0, metavar="N", help="Show the N best candidates (0: all).")] = 20,
    fmt: Annotated[Format, typer.Option("--format", help="Output format: a table (text) or json.")] = Format.text,
    emit_rules: Annotated[
        Path | None, typer.Option("--emit-rules", metavar="FILE.yaml", help="Write a draft rule pack (atomically).")
    ] = None,
    include_all: Annotated[
        bool, typer.Option("--all", help="Also count what the current rules already remove.")
    ] = False,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultsOpt = False,
    jsonl: JsonlOpt = False,
    text_field: TextFieldOpt = "text",
    url_field: Annotated[
        str | None, typer.Option("--url-field", metavar="NAME", help="JSONL field holding the page URL.")
    ] = "url",
    lang_field: LangFieldOpt = None,
    html_field: Annotated[
        str | None,
        typer.Option(
            "--html-field", metavar="NAME", help="JSONL field holding an HTML page: mined on its extracted text."
        ),
    ] = None,
    id_field: Annotated[
        str | None, typer.Option("--id-field", metavar="NAME", help="JSONL field holding a document id.")
    ] = None,
    site_field: Annotated[
        str | None, typer.Option("--site-field", metavar="NAME", help="JSONL field naming the site.")
    ] = None,
    on_error: Annotated[
        MineOnError, typer.Option("--on-error", help="JSONL: a bad line stops (fail) or is skipped with a warning.")
    ] = MineOnError.fail,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, metavar="N", help="Worker processes (0: all cores).")
    ] = 1,
    quiet: QuietOpt = False,
) -> None:
    # imported here: the other commands never pay for loading the miner
    from cleaner.mining.render import candidate_table, mining_payload
    from cleaner.mining.rulegen import draft_rules
    from cleaner.mining.run import CorpusError, mine_corpus, usable_records
    from cleaner.mining.state import MiningOptions

    report = Report(quiet=quiet)

    def body() -> None:
        if no_default_rules and not rules:
            report.error("--no-default-rules needs at least one --rules PATH")
            raise common.Stop(2)
        ruleset = None if include_all else common.load(report, rules, defaults=not no_default_rules)
        options = MiningOptions(min_chars=min_chars, min_docs=min_docs, min_share=min_share, group_threshold=similarity)
        fields = RecordFields(text_field, url_field, lang_field, html_field)
        records = usable_records(
            paths, fields, report, id_field=id_field, site_field=site_field, jsonl=jsonl, on_error=on_error.value
        )
        try:
            from cleaner.pipeline.pool import available_cores  # lazy: multiprocessing only when mining

            state = mine_corpus(records, options=options, rules=ruleset, jobs=jobs or available_cores())
        except CorpusError as exc:
            report.error(str(exc))
            raise common.Stop(2) from None
        result = state.finish()
        shown = result.candidates[:top] if top else result.candidates
        if result.pruned:
            report.warning(f"memory bound reached: {result.pruned} hashes seen once were dropped (counts approximate)")
        if fmt is Format.json:
            print(json.dumps(mining_payload(result, shown), ensure_ascii=False, indent=2))
        else:
            print("\n".join(candidate_table(result, shown)))
        if emit_rules is not None:
            draft = draft_rules(result.candidates, source=str(emit_rules))
            for why in draft.skipped:
                report.warning(f"no rule drafted: {why}")
            if not draft.rule_ids:
                report.note(f"no rule to write; {emit_rules} left alone")
                return
            common.write_pack(report, emit_rules, draft.text)
            report.note(f"{emit_rules}: {plural(len(draft.rule_ids), 'draft rule')} written")

    common.run(body, report)
