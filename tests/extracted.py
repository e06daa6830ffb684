"""The project's corpora as their extractors gave them to the parser, kept in a cache between runs.

A session extracts each document of the fixture and held-out corpora once; the accuracy tests read the report
from those blocks (``pipeline.document.report_from``, the parsing half of ``parse_bytes``). The cache is keyed
by what makes the documents and their blocks (the generators, the extractors, ``core``, the PDF and DOCX
libraries' versions, and whether LibreOffice is installed), so a run that changes only the parser (a
mutation-testing run, ``./scripts/mutate.sh``) reads them in seconds, and any other change extracts them
afresh. It lives in ``$DMAF_TEST_CACHE`` (default: the system's temporary folder).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from core.errors import ReportError
from core.records import Failure, ParseOutcome, SourceFile
from extractors import Extraction, extract_bytes
from pipeline.document import report_from

REPO = Path(__file__).resolve().parents[1]
SOURCES = ("tests/corpus", "tests/heldout", "tests/tools.py", "extractors", "core", "reference")
LIBRARIES = ("pdfplumber", "pdfminer.six", "pypdfium2", "python-docx", "charset-normalizer", "reportlab", "fpdf2")


@dataclass(frozen=True)
class Extracted:
    """One document of a corpus: its name, layout, format and truth, and what its extractor gave (or raised)."""

    path: Path  # where it was built (gone when it came from the cache)
    layout: str
    format: str
    expected: dict
    extraction: Extraction | None
    error: ReportError | None = None

    @property
    def name(self) -> str:
        return self.path.name


def _key(label: str) -> str:
    versions = ",".join(f"{name}={metadata.version(name)}" for name in LIBRARIES)
    digest = hashlib.sha256(f"{label}\0{shutil.which('soffice') or shutil.which('libreoffice')}\0{versions}".encode())
    for root in SOURCES:
        path = REPO / root
        for file in sorted(path.rglob("*.py")) + sorted(path.rglob("*.csv")) if path.is_dir() else [path]:
            digest.update(str(file.relative_to(REPO)).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


def _extract(doc) -> Extracted:
    try:
        extraction = extract_bytes(doc.path.read_bytes(), name=str(doc.path))
    except ReportError as error:
        return Extracted(doc.path, doc.layout, doc.format, doc.expected, None, error)
    return Extracted(doc.path, doc.layout, doc.format, doc.expected, extraction)


def extracted(label: str, build: Callable[[], list]) -> list[Extracted]:
    """Return the documents ``build`` makes (a corpus's docs: ``path``, ``layout``, ``format``, ``expected``),
    extracted; from the cache when it holds the current sources' extraction."""
    cache = Path(os.environ.get("DMAF_TEST_CACHE") or Path(tempfile.gettempdir()) / "dmaf-test-cache")
    path = cache / f"{label}-{_key(label)}.pickle"
    if path.exists():
        return pickle.loads(path.read_bytes())
    found = [_extract(doc) for doc in build()]
    cache.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.write_bytes(pickle.dumps(found))
    partial.replace(path)
    return found


def outcome(doc: Extracted) -> ParseOutcome:
    """Return what the pipeline makes of the extracted document: its report, or the failure it raises."""
    source = SourceFile(str(doc.path), None, 0, 0.0, doc.format)
    try:
        if doc.error is not None:
            raise doc.error
        return ParseOutcome(source, report_from(doc.extraction, name=str(doc.path)))
    except ReportError as error:
        return ParseOutcome(source, failure=Failure.of(error))
