"""Fixtures for the held-out corpus: built once per session, parsed once per session."""

from __future__ import annotations

import pytest

from tests.heldout.build import HeldoutDoc, build_heldout
from tests.heldout.measure import measure


@pytest.fixture(scope="session")
def heldout(tmp_path_factory) -> list[HeldoutDoc]:
    """The held-out corpus (LibreOffice exports included when soffice is installed)."""
    return build_heldout(tmp_path_factory.mktemp("heldout"))


@pytest.fixture(scope="session")
def heldout_measured(heldout):
    """(overall tally, tallies per layout, [(doc, outcome)]) for the whole held-out corpus."""
    return measure(heldout)
