"""Templates learned from the corpus: mine a dataset, then clean it with what recurs across its sites.

``cleaner clean data.jsonl --learn-templates`` is ``cleaner mine data.jsonl --emit-rules`` followed by
``cleaner clean data.jsonl --rules mined.yaml``, in one command: pass 1 counts every block and sentence
per site (:func:`cleaner.mining.run.mine_corpus`; what the loaded rules already remove is not counted),
the candidates become a draft pack (:func:`cleaner.mining.rulegen.draft_rules`: scoped to the site's
domain and to head/tail, each rule compiled and its tests — built from real samples — run before it is
kept), and pass 2 cleans with the loaded rules plus that pack. The same safeguards as ``--emit-rules``
hold, because it is the same code; the pack's YAML can be saved and given back later as ``--rules``.

Both passes give the same result at any number of jobs (mining merges mergeable counts; cleaning keeps
input order), so the output does not depend on ``--jobs``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cleaner.io.records import RecordFields
from cleaner.mining.rulegen import draft_rules
from cleaner.mining.run import CorpusError, mine_corpus, usable_records
from cleaner.mining.state import MiningOptions
from cleaner.pipeline.messages import Messages
from cleaner.rules import RuleSet, load_rule_text

__all__ = ["CorpusError", "Templates", "learn_templates", "with_templates"]

PACK = "learned"


@dataclass(frozen=True)
class Templates:
    """What pass 1 learned: the pack's YAML ("" when nothing recurs), its rules, and what was left out."""

    text: str
    rules: RuleSet
    documents: int
    candidates: int
    skipped: tuple[str, ...]

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rules.rules)


class _Quiet:
    """Messages of pass 1 that pass 2 repeats (a skipped bad line is reported once, by the cleaning)."""

    def error(self, message: str) -> None:  # pragma: no cover - pass 1 raises CorpusError instead
        pass

    def warning(self, message: str) -> None:
        pass

    def note(self, message: str) -> None:
        pass


def learn_templates(
    paths: Iterable[str],
    fields: RecordFields,
    *,
    rules: RuleSet | None,
    jsonl: bool,
    on_error: str,
    jobs: int,
    options: MiningOptions | None = None,
    source: str = "<learned templates>",
) -> Templates:
    """Mine ``paths`` and draft a checked pack from what recurs; a stopping problem is a ``CorpusError``.

    ``on_error`` is the cleaning's policy: ``fail`` stops on a bad record here already; ``skip`` and
    ``keep`` leave it out of the counts (it is reported once, when pass 2 meets it).
    """
    messages: Messages = _Quiet()
    records = usable_records(
        list(paths), fields, messages, id_field=None, site_field=None, jsonl=jsonl,
        on_error="fail" if on_error == "fail" else "skip",
    )
    state = mine_corpus(records, options=options or MiningOptions(), rules=rules, jobs=jobs)
    result = state.finish()
    draft = draft_rules(result.candidates, pack=PACK, source=source)
    compiled: RuleSet = RuleSet()
    if draft.text:
        _, loaded, problems = load_rule_text(draft.text, source)
        if problems:  # pragma: no cover - draft_rules keeps only rules that load
            raise CorpusError("; ".join(str(p) for p in problems))
        compiled = RuleSet(tuple(loaded), (PACK,), (source,))
    return Templates(draft.text, compiled, result.documents, len(result.candidates), draft.skipped)


def with_templates(rules: RuleSet, templates: Templates) -> RuleSet:
    """``rules`` followed by the learned pack's rules."""
    if not templates.rules.rules:
        return rules
    return RuleSet(
        rules.rules + templates.rules.rules,
        rules.packs + templates.rules.packs,
        rules.files + templates.rules.files,
        rules.html,
    )
