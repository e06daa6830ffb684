"""Fixtures for the held-out corpus: built once per session (``heldout``), extracted once (``heldout_extracted``,
tests/extracted.py: cached between runs), read once."""

from __future__ import annotations

import pytest

from tests.heldout.measure import measure_extracted


@pytest.fixture(scope="session")
def heldout_measured(heldout_extracted):
    """(overall tally, tallies per layout, [(extracted doc, outcome)]) for the whole held-out corpus."""
    return measure_extracted(heldout_extracted)
