"""``clean --learn-templates``: the CLI side of :mod:`cleaner.mining.templates` (checks, messages, saving)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from cleaner.cli import common
from cleaner.cli.options import DocumentArgs
from cleaner.cli.report import Report
from cleaner.io.reading import Source
from cleaner.pipeline.documents import Settings
from cleaner.pipeline.messages import plural
from cleaner.pipeline.runner import choose_jobs

__all__ = ["learn"]


def learn(
    report: Report, args: DocumentArgs, settings: Settings, sources: list[Source], on_error: str, save: Path | None
) -> Settings:
    """Mine the inputs, save the learned pack if asked, and return settings that also use it."""
    from cleaner.mining.templates import CorpusError, learn_templates, with_templates

    if any(s.path is None for s in sources):
        report.error("--learn-templates reads the inputs twice: give files or folders, not stdin")
        raise common.Stop(2)
    try:
        learned = learn_templates(
            args.paths or [],
            args.fields,
            rules=settings.rules,
            jsonl=args.jsonl,
            on_error=on_error,
            jobs=choose_jobs(sources, args.jobs),
            source=str(save) if save is not None else "<learned templates>",
        )
    except CorpusError as exc:
        report.error(str(exc))
        raise common.Stop(2) from None
    for why in learned.skipped:
        report.warning(f"no template rule: {why}")
    report.note(
        f"learned templates: {plural(len(learned.rule_ids), 'rule')} from {plural(learned.candidates, 'candidate')} "
        f"in {plural(learned.documents, 'document')}"
    )
    if save is not None and not learned.text:
        report.note(f"nothing recurs enough to learn; {save} left alone")
    elif save is not None:
        common.write_pack(report, save, learned.text)
        report.note(f"{save}: {plural(len(learned.rule_ids), 'template rule')} written (reuse: --rules {save})")
    return dataclasses.replace(settings, rules=with_templates(settings.rules, learned))
