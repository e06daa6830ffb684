"""Fixtures for the trend tests: the fixture corpus's 12 reports as plain TXT, loaded into a warehouse.

``corpus_db`` is module-scoped (one warehouse per backend and test module, loaded once): tests that use it
only read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from loaders.batch import load_outcomes, prepare_warehouse
from pipeline.document import ParseOutcome, parse_path
from tests.conftest_db import fresh_database
from tests.corpus.build import file_stem
from tests.corpus.render_txt import render_txt
from tests.corpus.spec import ReportSpec, make_specs
from warehouse.settings import sqlite_url

LAYOUT = "plain"


def render_spec(spec: ReportSpec, folder: Path, name: str | None = None) -> Path:
    """Render one spec as a plain-layout TXT report and return its path."""
    path = folder / (name or f"{file_stem(spec, LAYOUT)}.txt")
    render_txt(spec, LAYOUT, path)
    return path


def ingest(db_url: str, paths: list[Path], outcomes: list[ParseOutcome] | None = None) -> list[str]:
    """Prepare the warehouse and load the files (parsed here unless given; no Prefect); return the statuses."""
    prepare_warehouse(db_url)
    parsed = outcomes if outcomes is not None else [parse_path(p) for p in paths]
    return [r.status for r in load_outcomes(db_url, parsed, parser_version="1")]


@pytest.fixture(scope="session")
def specs() -> list[ReportSpec]:
    """The 12 fixture specs (seed 0): ten cities, Pune in cycles 1, 2 and 3."""
    return make_specs(0)


@pytest.fixture(scope="session")
def corpus_txt(tmp_path_factory: pytest.TempPathFactory, specs: list[ReportSpec]) -> list[Path]:
    """The 12 specs rendered as plain TXT reports (about 0.1 s)."""
    folder = tmp_path_factory.mktemp("corpus-txt")
    return [render_spec(spec, folder) for spec in specs]


@pytest.fixture(scope="session")
def corpus_parsed(corpus_txt: list[Path]) -> list[ParseOutcome]:
    """The 12 corpus reports parsed once per session."""
    return [parse_path(p) for p in corpus_txt]


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def module_db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Yield the URL of a new, empty database per backend, kept for one test module."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path_factory.mktemp("trends-db") / "dmaf.db")
        return
    with fresh_database(request.getfixturevalue("postgres_server"), "dmaf_trends") as url:
        yield url


@pytest.fixture(scope="module")
def corpus_db(module_db_url: str, corpus_txt: list[Path], corpus_parsed: list[ParseOutcome]) -> str:
    """A warehouse (SQLite and PostgreSQL) holding the 12 corpus reports; returns its URL. Read only."""
    assert ingest(module_db_url, corpus_txt, corpus_parsed) == ["loaded"] * len(corpus_txt)
    return module_db_url


@pytest.fixture(scope="session")
def renamed_txt(tmp_path_factory: pytest.TempPathFactory, specs: list[ReportSpec]) -> dict[str, Path]:
    """Bengaluru's cycle 3 report printed as "Bangalore", and Imphal's printed as an unknown "Gotham"."""
    folder = tmp_path_factory.mktemp("renamed-txt")
    bengaluru = next(s for s in specs if s.city == "Bengaluru")
    imphal = next(s for s in specs if s.city == "Imphal")
    return {
        "Bangalore": render_spec(replace(bengaluru, city="Bangalore"), folder, "bangalore.txt"),
        "Gotham": render_spec(replace(imphal, city="Gotham", state="Nowhere"), folder, "gotham.txt"),
    }
