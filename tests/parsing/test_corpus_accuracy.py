"""Field-level accuracy of extraction + parsing on the generated corpus (6+ layouts × 3 formats).

The documents are extracted once (``tests/extracted.py``, cached between runs) and read as ``parse_bytes``
would read them. Scored by ``tests.truth.score_document``: city, state, cycle, and per indicator its printed title, score and
maximum; a missing or extra indicator and a NULL where the truth has a number are misses. The corpus is the
project's own, so the gate is exact: every miss fails, naming the document and the field.
"""

from __future__ import annotations

import pytest

from tests.corpus.elements import LAYOUTS
from tests.extracted import outcome
from tests.truth import Tally, score_document


@pytest.fixture(scope="session")
def corpus(corpus_extracted):
    """The generated corpus as its extractors gave it (tests/extracted.py), once per session."""
    return corpus_extracted


@pytest.fixture(scope="session")
def parsed(corpus):
    """Every corpus document with what the pipeline made of it."""
    return [(doc, outcome(doc)) for doc in corpus]


@pytest.fixture(scope="session")
def tally(parsed) -> Tally:
    """The whole corpus scored against its truth."""
    overall = Tally()
    for doc, found in parsed:
        overall.merge(score_document(doc.name, doc.expected, found))
    return overall


def test_the_corpus_covers_six_layouts_in_three_formats(corpus):
    combos = {(d.layout, d.format) for d in corpus}
    assert len(LAYOUTS) >= 6
    assert all((layout, fmt) in combos for layout in LAYOUTS for fmt in ("txt", "docx", "pdf"))


def test_every_field_of_every_corpus_document_reads_exactly(tally, parsed, record_property, capsys):
    record_property("field_accuracy", tally.accuracy)
    with capsys.disabled():
        print(f"\ncorpus field accuracy: {tally.right}/{tally.total} = {tally.accuracy:.4%} "
              f"over {len(parsed)} documents")
    assert tally.misses == [], "\n".join(tally.misses[:40])


def test_no_score_is_ever_wrong_or_null(tally):
    assert (tally.wrong, tally.nulls) == ([], []), "\n".join(tally.wrong + tally.nulls)


def test_no_indicator_is_missing_or_added(tally):
    assert (tally.missing, tally.extra) == ([], []), "\n".join(tally.missing + tally.extra)


def test_every_corpus_document_parses(parsed):
    failures = [o.failure.message for _, o in parsed if o.failure]
    assert not failures, "\n".join(failures)
