"""The layout fuzzer's fixed seeds, read through the whole pipeline: never a wrong score, and a floor on accuracy.

The acceptance figure is measured on fresh seeds with ``python -m tests.fuzz.measure --seeds A-B`` (docs/layouts.md);
this fixed set guards against regressions: a wrong score (neither the truth nor NULL) fails at once, and so does
field accuracy below the floor measured when the set was fixed (99.27 % on seeds 3-122).
"""

from __future__ import annotations

import pytest

from tests.fuzz.build import build_fuzz
from tests.truth import measure

SEEDS = range(3, 123)  # 40 aligned triples: one PDF, one DOCX and one TXT each
FLOOR = 0.995  # the target on fresh seeds; these seeds read 99.96 % (7956/7959) with parser 4


@pytest.fixture(scope="module")
def tallies(tmp_path_factory):
    """The fixed seeds built, parsed in two worker processes and scored by format."""
    docs = build_fuzz(tmp_path_factory.mktemp("fuzz"), SEEDS)
    return measure([d.path for d in docs], by="layout.format", workers=2, titles=False)


def test_every_format_is_in_the_fixed_seeds(tallies) -> None:
    """The set holds PDF, DOCX and TXT documents, a third each."""
    _, by_format = tallies
    assert {k: t.documents for k, t in by_format.items()} == {"pdf": 40, "docx": 40, "txt": 40}


def test_no_score_is_ever_wrong(tallies) -> None:
    """A score is the truth or NULL (with a warning): never a confident wrong number, nor a ghost indicator's."""
    overall, _ = tallies
    assert overall.wrong == []


def test_no_document_of_the_fixed_seeds_is_refused(tallies) -> None:
    """Every fixed-seed document is read: its city and cycle are placed, its indicators found."""
    overall, _ = tallies
    assert overall.failed == []


def test_field_accuracy_stays_above_the_floor(tallies) -> None:
    """City, state, cycle and every indicator's code, score and max: at least the floor, in every format."""
    overall, by_format = tallies
    assert overall.accuracy >= FLOOR, overall.misses[:20]
    assert all(t.accuracy >= FLOOR - 0.01 for t in by_format.values()), {k: t.accuracy for k, t in by_format.items()}
