"""Field-level accuracy of extraction + parsing on the generated corpus (6+ layouts × 3 formats).

Fields: city, state, cycle, and per expected indicator: code, score, max score. A score is either
right or NULL with a warning naming that indicator: never silently wrong.
"""

from __future__ import annotations

import pytest

from pipeline.document import parse_path
from tests.corpus.build import build_corpus
from tests.corpus.elements import LAYOUTS
from tests.heldout.measure import silently_wrong

TARGET = 0.995


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """The generated corpus, built once per session."""
    return build_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def parsed(corpus):
    """Every corpus document with what the pipeline made of it."""
    return [(doc, parse_path(doc.path)) for doc in corpus]


def score_fields(doc, report) -> tuple[int, int, list[str]]:
    """Return (right, total, misses) over a document's fields."""
    misses: list[str] = []
    right = total = 0
    exp = doc.expected
    for field in ("city", "state", "cycle"):
        total += 1
        got = getattr(report, field) if report else None
        if got == exp[field]:
            right += 1
        else:
            misses.append(f"{doc.path.name}: {field} {got!r} != {exp[field]!r}")
    got = {i.code: i for i in report.indicators} if report else {}
    for ind in exp["indicators"]:
        mine = got.get(ind["code"])
        for field in ("code", "score", "max_score"):
            total += 1
            value = None if mine is None else getattr(mine, field)
            if value == ind[field]:
                right += 1
            else:
                misses.append(f"{doc.path.name}: {ind['code']}.{field} {value!r} != {ind[field]!r}")
    return right, total, misses


def test_the_corpus_covers_six_layouts_in_three_formats(corpus):
    combos = {(d.layout, d.format) for d in corpus}
    assert len(LAYOUTS) >= 6
    assert all((layout, fmt) in combos for layout in LAYOUTS for fmt in ("txt", "docx", "pdf"))


def test_field_level_accuracy_is_at_least_99_5_percent(parsed, record_property, capsys):
    right = total = 0
    misses: list[str] = []
    for doc, outcome in parsed:
        r, t, m = score_fields(doc, outcome.report)
        right, total, misses = right + r, total + t, misses + m
    accuracy = right / total
    record_property("field_accuracy", accuracy)
    with capsys.disabled():
        print(f"\ncorpus field accuracy: {right}/{total} = {accuracy:.4%} over {len(parsed)} documents")
    assert accuracy >= TARGET, "\n".join(misses[:40])


def test_no_score_is_ever_silently_wrong(parsed):
    wrong = [line for doc, outcome in parsed for line in silently_wrong(doc, outcome)]
    assert not wrong, "\n".join(wrong)


def test_every_corpus_document_parses(parsed):
    failures = [o.failure.message for _, o in parsed if o.failure]
    assert not failures, "\n".join(failures)
