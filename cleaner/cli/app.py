"""The ``cleaner`` command tree: the typer app, its ``rules`` group, ``--version``, and ``main``.

The commands live in one module each (:mod:`cleaner.cli.clean`, ``explain``, ``check``, ``mine``,
``rules``), which register themselves on :data:`app` / :data:`rules_app` when :mod:`cleaner.cli` is
imported.
"""

from __future__ import annotations

from typing import Annotated

import typer

from cleaner import __version__

__all__ = ["MAIN_HELP", "app", "rules_app", "main"]

MAIN_HELP = """Clean scraped article text: remove boilerplate (YAML rules) and duplicated passages.

\b
Every removal is explained: run `cleaner explain PAGE.txt` to see which rule
(or duplicate) removed which span, and `cleaner check` to lint inputs in CI.

\b
Examples:
  cleaner clean page.txt                   # clean text on stdout
  cleaner clean pages/ -o clean/           # a folder, mirrored into clean/
  cleaner clean data.jsonl -o out.jsonl    # a JSONL dataset, record by record
  cleaner explain page.txt                 # why each piece was removed
  cleaner check pages/ --fail-on error     # CI gate
  cleaner rules validate my-rules/         # check a rule pack

\b
Exit codes:
  0  success; nothing found (check); all rule tests passed
  1  check found removals (at or above --fail-on); rule tests failed
  2  bad input, bad usage or invalid rule files (or a folder without any)
  3  internal error: a bug in cleaner (the traceback is printed on stderr)
  130/143  interrupted by Ctrl-C / SIGTERM (outputs being written are discarded)
  141  stdout was closed by its reader (`| head`): the run ends quietly
"""

app = typer.Typer(
    name="cleaner",
    help=MAIN_HELP,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
rules_app = typer.Typer(
    help="""Validate, test and list rule packs (YAML, schema in docs/rules.md).

\b
Examples:
  cleaner rules validate                 # the bundled packs
  cleaner rules validate my-rules/ x.yaml
  cleaner rules test -k gate             # inline tests of rules whose id contains 'gate'
  cleaner rules list
""",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(rules_app, name="rules")


def _version(value: bool) -> None:
    if value:
        print(f"cleaner {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """Root of the command tree (the help text is MAIN_HELP)."""



def main() -> None:
    """Console-script entry point (``cleaner``)."""
    from cleaner.cli import signals

    signals.install()  # SIGTERM unwinds like Ctrl-C: temporary files removed, workers stopped
    app(prog_name="cleaner")
