"""Fixtures for the review tests: the fixture corpus's 12 reports in the layout whose scores are displaced
(so some are placed by their maximum), as PDF, DOCX and TXT, one TXT with a score line deleted, loaded into a
warehouse per backend."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.document import ParseOutcome, parse_path
from tests.corpus.build import file_stem
from tests.corpus.render_docx import render_docx
from tests.corpus.render_pdf import render_pdf
from tests.corpus.render_txt import render_txt
from tests.corpus.spec import ReportSpec
from tests.dmaf.trends.conftest import ingest, module_db_url, specs  # noqa: F401 (fixtures shared)

LAYOUT = "displaced"
RENDER = {"pdf": render_pdf, "docx": render_docx, "txt": render_txt}
FORMATS = ("pdf", "docx", "txt")
UNSCORED = ("Pune", 2, "3.b")
"""The report (city, cycle) and indicator whose score line the fixture deletes."""


def delete_score_line(path: Path, code: str) -> None:
    """Delete the first "Score" line after the heading of ``code`` in a TXT report."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    heading = next(n for n, line in enumerate(lines) if line.startswith(f"Indicator {code}:"))
    score = next(n for n in range(heading + 1, len(lines)) if lines[n].startswith("Score"))
    path.write_text("".join(lines[:score] + lines[score + 1:]), encoding="utf-8")


@pytest.fixture(scope="session")
def review_files(tmp_path_factory: pytest.TempPathFactory, specs: list[ReportSpec]) -> list[Path]:  # noqa: F811
    """The 12 specs rendered in the displaced layout, the i-th as PDF, DOCX or TXT by i % 3 (Pune's cycle 2
    report as TXT without its 3.b score line)."""
    folder = tmp_path_factory.mktemp("review-corpus")
    paths = []
    for n, spec in enumerate(specs):
        fmt = "txt" if (spec.city, spec.cycle) == UNSCORED[:2] else FORMATS[n % 3]
        path = folder / f"{file_stem(spec, LAYOUT)}.{fmt}"
        RENDER[fmt](spec, LAYOUT, path)
        if (spec.city, spec.cycle) == UNSCORED[:2]:
            delete_score_line(path, UNSCORED[2])
        paths.append(path)
    return paths


@pytest.fixture(scope="session")
def review_parsed(review_files: list[Path]) -> list[ParseOutcome]:
    """The review corpus parsed once per session."""
    return [parse_path(p) for p in review_files]


@pytest.fixture(scope="module")
def review_db(module_db_url: str, review_files: list[Path],  # noqa: F811
              review_parsed: list[ParseOutcome]) -> str:
    """A warehouse (SQLite and PostgreSQL) holding the review corpus; returns its URL."""
    assert ingest(module_db_url, review_files, review_parsed) == ["loaded"] * len(review_files)
    return module_db_url
