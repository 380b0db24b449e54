"""``cleaner config``: the settings in force here (configuration file and defaults) and where each comes from."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated

import typer

from cleaner.cli.app import app
from cleaner.cli.options import ConfigOpt, DocumentArgs, NoConfigOpt

CONFIG_HELP = """Print the settings in force and where each comes from.

\b
The configuration file is the first of .cleaner.toml, cleaner.toml, or a
pyproject.toml with a [tool.cleaner] table, from the working directory upward
(to the folder holding .git); --config PATH names one, --no-config ignores it.
Its keys mirror the options of clean/check/explain (rules, default-rules,
select, ignore, per-site-ignores, exclude, fail-on, format, on-error,
text-field, url-field, lang-field, html-field, jobs, dedup, near-threshold,
min-dup-chars); an option given on the command line wins. An unknown key or a
bad value is an error naming FILE:LINE (exit 2). `cleaner check --show-config`
prints the same with that command's options applied.

\b
Example (pyproject.toml):
  [tool.cleaner]
  ignore = ["gate.*"]
  fail-on = "warning"
  format = "sarif"
  [tool.cleaner.per-site-ignores]
  "example.com" = ["dedup.near"]
  "exports/legacy/*" = ["generic.crosslink.*"]
"""


@app.command("config", help=CONFIG_HELP)
def config_cmd(
    config: ConfigOpt = None,
    no_config: NoConfigOpt = False,
    path: Annotated[
        Path | None, typer.Argument(metavar="[DIR]", help="Look for the file from here (default: .).")
    ] = None,
) -> None:
    from cleaner.cli.config import ConfigError, discover, merge, show

    defaults = {f.name: f.default for f in dataclasses.fields(DocumentArgs)}
    defaults.update(no_config=no_config, config=config)
    own = {"fail_on": "info", "fmt": "text", "on_error": "fail"}
    try:
        if config is None and not no_config and path is not None:
            found = discover(path)
            defaults["config"] = found
            defaults["no_config"] = found is None
        shared, own, origins = merge("config", defaults, own, lambda name: "DEFAULT")
    except ConfigError as exc:
        for problem in exc.problems:
            typer.echo(f"cleaner: error: {problem}", err=True)
        raise typer.Exit(2) from None
    print(show(shared["file_config"], {**shared, **own}, origins))
