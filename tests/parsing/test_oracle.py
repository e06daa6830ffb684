"""The parser alone, exact on the blocks of the project's own corpora: every field of every document.

The fixture corpus and the held-out corpus are extracted once and their blocks kept in a cache keyed by the
sources that make them (the generators, the extractors, the block type), so that a run which changes only the
parser (a mutation-testing run, ``./scripts/mutate.sh``) reads them in seconds; the same documents go through
the whole pipeline in ``test_corpus_accuracy.py`` and ``tests/heldout``. The cache lives in ``$DMAF_TEST_CACHE``
(default: the system's temporary folder) and is rebuilt whenever one of those sources changes.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from core.blocks import Block
from core.records import ParseOutcome
from extractors import extract_bytes
from parsing.arbiter import parse_document
from pipeline.document import require_identity
from tests.truth import Tally, score_document

REPO = Path(__file__).resolve().parents[2]
SOURCES = ("tests/corpus", "tests/heldout", "extractors", "core/blocks.py", "core/defaults.py")


@dataclass(frozen=True)
class Extracted:
    """One document as its extractor gave it to the parser, with its truth."""

    name: str
    expected: dict
    format: str
    pages: int | None
    readings: tuple[tuple[str, tuple[Block, ...]], ...]


def _sources_key() -> str:
    digest = hashlib.sha256()
    for root in SOURCES:
        path = REPO / root
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(str(file.relative_to(REPO)).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


def _extract(docs) -> list[Extracted]:
    out = []
    for doc in docs:
        extraction = extract_bytes(doc.path.read_bytes(), name=doc.path.name)
        readings = (("as laid out", tuple(extraction.blocks)),
                    *((label, tuple(blocks)) for label, blocks in extraction.alternatives))
        out.append(Extracted(doc.path.name, doc.expected, extraction.format, extraction.pages, readings))
    return out


@pytest.fixture(scope="session")
def documents(request: pytest.FixtureRequest) -> list[Extracted]:
    """The blocks of the fixture and held-out corpora with their truth (from the cache when it is current)."""
    cache = Path(os.environ.get("DMAF_TEST_CACHE") or Path(tempfile.gettempdir()) / "dmaf-test-cache")
    path = cache / f"oracle-{_sources_key()}.pickle"
    if path.exists():
        return pickle.loads(path.read_bytes())
    found = _extract(request.getfixturevalue("fixture_corpus")) + _extract(request.getfixturevalue("heldout"))
    cache.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_bytes(pickle.dumps(found))
    partial.replace(path)
    return found


def _outcome(doc: Extracted) -> ParseOutcome:
    report = parse_document([(label, list(blocks)) for label, blocks in doc.readings], source=doc.name,
                            format=doc.format, pages=doc.pages)
    require_identity(report)
    return ParseOutcome(source=None, report=report)  # type: ignore[arg-type]  # no file: the blocks are given


def test_the_parser_reads_every_field_of_both_corpora_exactly(documents: list[Extracted]) -> None:
    tally = Tally()
    for doc in documents:
        tally.merge(score_document(doc.name, doc.expected, _outcome(doc)))
    assert tally.documents >= 170
    assert (tally.misses, tally.wrong, tally.nulls, tally.extra) == ([], [], [], []), "\n".join(tally.misses[:40])
