"""Fixtures for the held-out corpus: built once per session (``heldout``, tests/conftest.py), parsed once."""

from __future__ import annotations

import pytest

from tests.heldout.measure import measure


@pytest.fixture(scope="session")
def heldout_measured(heldout):
    """(overall tally, tallies per layout, [(doc, outcome)]) for the whole held-out corpus."""
    return measure(heldout)
