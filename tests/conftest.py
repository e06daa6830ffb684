"""Shared fixtures: paths to the real report and its truth, and database fixtures (tests.conftest_db)."""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

import pytest

os.environ.setdefault("DMAF_SETTLE_S", "0")
"""Fixture files are written a moment before a test reads them: no settle time, unless a test sets one (the
settle tests pass ``--settle`` or ``settle_s`` themselves). CLI subprocesses inherit it."""

pytest_plugins = ["tests.conftest_db"]


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Give Hypothesis a fresh seed each run (printed in the header) unless ``--hypothesis-seed`` names one, so
    the property tests draw new examples every time and a failure can be replayed with the seed shown."""
    if config.getoption("hypothesis_seed", None) is None:
        config.option.hypothesis_seed = str(random.SystemRandom().randrange(2**32))


@pytest.fixture(scope="session")
def heldout(tmp_path_factory: pytest.TempPathFactory) -> list:
    """The held-out corpus (``tests/heldout``; LibreOffice exports included when soffice is installed)."""
    from tests.heldout.build import build_heldout

    return build_heldout(tmp_path_factory.mktemp("heldout"))


@pytest.fixture(scope="session")
def corpus_extracted(tmp_path_factory: pytest.TempPathFactory) -> list:
    """The fixture corpus (``tests/corpus``) as its extractors gave it (``tests/extracted.py``: cached)."""
    from tests.corpus.build import build_corpus
    from tests.extracted import extracted

    return extracted("corpus", lambda: build_corpus(tmp_path_factory.mktemp("corpus")))


@pytest.fixture(scope="session")
def heldout_extracted(request: pytest.FixtureRequest) -> list:
    """The held-out corpus as its extractors gave it (``tests/extracted.py``: cached)."""
    from tests.extracted import extracted

    return extracted("heldout", lambda: request.getfixturevalue("heldout"))


def pytest_report_header(config: pytest.Config) -> str:
    """Print the run's Hypothesis seed."""
    seed = config.getoption("hypothesis_seed", None)
    return f"hypothesis seed: {seed} (replay a failure with --hypothesis-seed={seed})"

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "tests" / "seed"  # copies of ../shared/seeds, so a clone anywhere runs the suite
SEED_TXT = SEEDS / "imphal_manipur_cycle2.txt"
SEED_TRUTH = SEEDS / "imphal_manipur_cycle2.truth.json"
RAW_REPORTS = REPO / "raw_reports"
BIN = Path(sys.executable).parent
"""Where the running Python's console scripts (dmaf, prefect) are: the venv the tests run in, wherever it is."""


@pytest.fixture(scope="session")
def truth() -> dict:
    """The hand-checked content of the real Imphal report."""
    return json.loads(SEED_TRUTH.read_text(encoding="utf-8"))


def indicator_triples(indicators) -> list[tuple]:
    """Return (code, score, max_score) for records or dicts, sorted by code."""
    rows = []
    for i in indicators:
        get = i.get if isinstance(i, dict) else lambda k, i=i: getattr(i, k)
        rows.append((get("code"), get("score"), get("max_score")))
    return sorted(rows)


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory):
    """One Prefect test harness (a temporary API server and database) for the whole session."""
    import os

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    os.environ.setdefault("PREFECT_HOME", str(tmp_path_factory.mktemp("prefect-home")))
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture(scope="module")
def cli_env(prefect_harness, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for ``dmaf`` subprocesses: the session's Prefect test server, no warehouse URL."""
    from prefect.settings import PREFECT_API_URL

    env = dict(os.environ)
    env.pop("DMAF_DATABASE_URL", None)
    env.update(PREFECT_API_URL=str(PREFECT_API_URL.value()), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_HOME=str(tmp_path_factory.mktemp("prefect-home")), PREFECT_LOGGING_LEVEL="WARNING")
    return env
