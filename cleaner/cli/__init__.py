"""The ``cleaner`` command line: parse arguments, call the pipeline, print — nothing else.

Every output is derived from the :class:`~cleaner.result.Result` objects the pure core returns, through
the pipeline (:mod:`cleaner.pipeline`: documents, the batch runner, outputs, findings, sinks) and the
io layer (:mod:`cleaner.io`: reading, output planning, writing). The command modules here only declare
their options, call those layers and print; :mod:`cleaner.cli.common` maps the layers' typed errors to
messages and exit codes (:mod:`cleaner.cli.report`).
"""

from __future__ import annotations

from cleaner.cli import check, clean, config_cmd, explain, mine, rules  # noqa: F401  (each registers its commands)
from cleaner.cli.app import app, main

__all__ = ["app", "main"]
