"""Shared fixtures: the labelled real cases copied from ../shared/data/cases (see tests/data/)."""

from __future__ import annotations

import pytest
from casedata import case_names, load_case


@pytest.fixture(scope="session")
def cases() -> dict[str, tuple[str, str, dict]]:
    return {name: load_case(name) for name in case_names()}
