"""Shared fixtures: the labelled real cases copied from ../shared/data/cases (see tests/data/)."""

from __future__ import annotations

import os
import tempfile

import pytest
from casedata import case_names, load_case

# the compiled-rules cache (cleaner.rules.cache) of the test run goes to a folder of its own, not ~/.cache
os.environ.setdefault("CLEANER_CACHE_DIR", tempfile.mkdtemp(prefix="cleaner-test-cache-"))


@pytest.fixture(scope="session")
def cases() -> dict[str, tuple[str, str, dict]]:
    return {name: load_case(name) for name in case_names()}
