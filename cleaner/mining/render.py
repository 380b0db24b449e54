"""The views of a mining result: the ``cleaner mine`` table and its JSON."""

from __future__ import annotations

from typing import Any

from cleaner.mining.state import Candidate, MiningResult
from cleaner.pipeline.messages import plural

__all__ = ["candidate_table", "mining_payload"]


def candidate_table(result: MiningResult, shown: list[Candidate]) -> list[str]:
    """Three lines per shown candidate (rank, site, counts, position, kind; text; samples), then a total."""
    out = []
    for n, c in enumerate(shown, start=1):
        where = c.position if c.position == "body" else f"{c.position}:{c.window}"
        out.append(
            f"{n:>3}. {c.site}  {c.docs}/{c.site_docs} docs ({c.share:.0%})  {where}  {c.kind}"
            + (f"  +{len(c.variants)} variants" if c.variants else "")
        )
        out.append(f"     {' '.join(c.text.split())[:200]}")
        out.append(f"     samples: {', '.join(c.samples)}")
    out.append(
        f"{plural(len(result.candidates), 'candidate')} in {plural(result.documents, 'document')} "
        f"of {plural(len(result.sites), 'site')}"
        + (f" (showing {len(shown)})" if len(shown) < len(result.candidates) else "")
    )
    return out


def mining_payload(result: MiningResult, shown: list[Candidate]) -> dict[str, Any]:
    """The JSON of ``cleaner mine --format json``: the result's counts with the shown candidates."""
    payload = result.to_dict()
    payload["candidates"] = [c.to_dict() for c in shown]
    return payload
