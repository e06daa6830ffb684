"""Field-level accuracy on the held-out corpus: reports made by other tools (fpdf2, platypus flowables,
python-docx with Word conventions, LibreOffice exports, Markdown and page-laid-out text).

Scored by ``tests.truth.score_document`` (city, state, cycle; per indicator its printed title, score and
maximum; missing and extra indicators; NULL scores apart from wrong ones). The answer key is written by the
generator from its spec, never by running the parser. The gate is exact: every miss fails, named. Before the
parser learnt these layouts (parser version 1) the older measure gave 604/3072 = 19.66% through the pipeline
and 12 silently wrong scores.
"""

from __future__ import annotations

from collections import Counter

from tests.heldout.build import LAYOUTS, OFFICE_LAYOUTS, PER_LAYOUT, soffice_path


def test_every_layout_is_there_in_its_format(heldout):
    counts = Counter((d.layout, d.format) for d in heldout)
    for layout, (fmt, _) in LAYOUTS.items():
        assert counts[(layout, fmt)] == PER_LAYOUT, layout
    office = {d.layout for d in heldout if d.layout.startswith("office_")}
    assert office == ({f"office_{name}" for name in OFFICE_LAYOUTS} if soffice_path() else set())
    assert all(d.path.with_name(d.path.name + ".expected.json").exists() for d in heldout)
    assert {d.expected["cycle"] for d in heldout} == {1, 2, 3}


def test_every_field_of_every_heldout_document_reads_exactly(heldout_measured, record_property, capsys):
    overall, per_layout, parsed = heldout_measured
    record_property("heldout_field_accuracy", overall.accuracy)
    with capsys.disabled():
        print(f"\nheld-out field accuracy: {overall.right}/{overall.total} = {overall.accuracy:.4%} "
              f"over {len(parsed)} documents in {len(per_layout)} layouts")
        for layout, tally in sorted(per_layout.items()):
            if tally.misses:
                print(f"  {layout}: {tally.right}/{tally.total}")
    assert overall.misses == [], "\n".join(overall.misses[:40])


def test_no_score_is_ever_wrong_or_null(heldout_measured):
    overall, _, _ = heldout_measured
    assert (overall.wrong, overall.nulls) == ([], []), "\n".join(overall.wrong + overall.nulls)


def test_contents_pages_and_summary_tables_add_no_ghost_indicators(heldout_measured):
    overall, _, _ = heldout_measured
    assert (overall.extra, overall.missing) == ([], []), "\n".join(overall.extra + overall.missing)


def test_every_heldout_document_parses(heldout_measured):
    _, _, parsed = heldout_measured
    failures = [f"{doc.name}: {outcome.failure.message}" for doc, outcome in parsed if outcome.failure]
    assert not failures, "\n".join(failures)


def test_pdf_scores_carry_page_and_box_and_docx_scores_their_paragraph_or_cell(heldout_measured):
    _, _, parsed = heldout_measured
    missing = []
    for doc, outcome in parsed:
        for ind in outcome.report.indicators if outcome.report else ():
            where = ind.score_at
            if ind.score is None:
                continue
            if where is None or not _located(doc.format, where):
                missing.append(f"{doc.name}: {ind.code} {where}")
    assert not missing, "\n".join(missing[:20])


def _located(fmt: str, where) -> bool:
    """Return True when a score's provenance has what its format promises: page+box, paragraph/cell, line."""
    if fmt == "pdf":
        return where.page is not None and where.bbox is not None
    if fmt == "docx":
        return where.location.startswith(("paragraph", "table"))
    return where.line is not None
