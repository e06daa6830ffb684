"""National results tables: every figure of a generated table read exactly in PDF, DOCX and TXT, and every
figure the framework's arithmetic refuses kept as NULL with a warning naming the row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.errors import NotAReport
from core.records import PublishedTable
from parsing.published import column_role, header_roles
from pipeline.document import read_bytes
from tests.corpus.results import write_results

NAMES = {1: "policy", 2: "people", 3: "process", 4: "technology", 5: "outcomes"}


def _figures(table: PublishedTable) -> dict[tuple[str, int | None], tuple[float | None, int | None]]:
    """Return ``{(city, pillar no or None): (score, rank)}`` of a table."""
    return {(s.city, s.pillar_no): (s.score, s.rank) for s in table.scores}


def _truth_figures(truth: dict) -> dict[tuple[str, int | None], tuple[float | None, int | None]]:
    """Return the same mapping from a generated table's truth."""
    out: dict[tuple[str, int | None], tuple[float | None, int | None]] = {}
    for row in truth["rows"]:
        out |= {(row["city"], int(no)): (score, None) for no, score in row["pillars"].items()}
        out[(row["city"], None)] = (row["total"], row["rank"])
    return out


def _read_text(text: str) -> PublishedTable:
    """Return the results table of a TXT document (fails when it is read as anything else)."""
    document = read_bytes(text.encode("utf-8"), name="/r/results.txt")
    assert isinstance(document, PublishedTable)
    return document


@pytest.mark.parametrize("fmt", ["pdf", "docx", "txt"])
@pytest.mark.parametrize("seed", [5, 11])
def test_a_generated_table_of_40_cities_over_two_pages_is_read_exactly(tmp_path: Path, fmt: str, seed: int) -> None:
    """Header repeated on page 2, pillar columns in another order and spelling per seed, two ties that share a
    rank: every pillar score, total and rank as the truth says, on the page it was printed, and no warning."""
    path = write_results(seed, tmp_path, fmt)
    truth = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
    table = read_bytes(path.read_bytes(), name=str(path))
    assert isinstance(table, PublishedTable) and table.cycle == truth["cycle"]
    assert len(table.cities()) == 40 and _figures(table) == _truth_figures(truth)
    assert [s.warning for s in table.scores if s.warning] == [] and table.skipped == ()
    ranks = [row["rank"] for row in truth["rows"]]
    assert len(ranks) != len(set(ranks))  # the truth has ties, and they were read
    if fmt == "pdf":
        pages = {s.city: s.page for s in table.scores}
        assert {pages[row["city"]] for row in truth["rows"][:20]} == {1}
        assert {pages[row["city"]] for row in truth["rows"][20:]} == {2}


@pytest.mark.parametrize(("text", "role"), [
    ("Policy", ("pillar", 1)), ("Pol.", ("pillar", 1)), ("P3 Process", ("pillar", 3)), ("Pillar 4: Technology",
     ("pillar", 4)), ("Outcome", ("pillar", 5)), ("Tech (100)", ("pillar", 4)), ("Pillar V", ("pillar", 5)),
    ("Total Score (500)", ("total", None)), ("Overall", ("total", None)), ("Rank", ("rank", None)),
    ("Smart City", ("city", None)), ("State/UT", ("state", None)), ("S. No.", ("serial", None)),
    ("Ppl", ("pillar", 2)), ("Tchn", ("pillar", 4)), ("pillar1_policy", ("pillar", 1)), ("Policy score", ("pillar", 1)),
    ("national_rank", ("rank", None)), ("sl_no", ("serial", None)),
])
def test_header_cells_name_their_columns(text: str, role: tuple[str, int | None]) -> None:
    """Names, abbreviations and numbers of pillars, and the other columns a results table has."""
    found = column_role(text, NAMES)
    assert found is not None and (found.kind, found.pillar_no) == role


@pytest.mark.parametrize("text", ["P", "Pe", "P2 Policy", "Policy and People", "Remarks", "Pos.", "Pts"])
def test_header_cells_that_name_no_column_or_two(text: str) -> None:
    """Too short to say which pillar, a number and a name that disagree, two pillars, or nothing."""
    assert column_role(text, NAMES) is None


def test_a_row_with_a_number_is_never_a_header() -> None:
    """A data row that happens to hold pillar words is not taken for a header."""
    assert header_roles({1: "Policy", 2: "People", 3: "12"}, NAMES) is None
    assert header_roles({1: "Policy", 2: "People", 3: "City"}, NAMES) is not None


TABLE = """Data Maturity Assessment Framework Cycle 2.0
National results

| Rank | City | Policy | People | Process | Technology | Outcomes | Total |
|---|---|---|---|---|---|---|---|
{rows}
"""
ROWS = {
    "Surat": "| 1 | Surat | 90 | 85 | 80 | 75 | 70 | 400 |",
    "Pune": "| 2 | Pune | 80 | 80 | 80 | 70 | 70 | 380 |",
    "Bhopal": "| 3 | Bhopal | 70 | 70 | 70 | 70 | 70 | 350 |",
    "Nagpur": "| 4 | Nagpur | 60 | 70 | 70 | 70 | 70 | 340 |",
}


def _table(**rows: str) -> str:
    """Return the TXT table with some rows replaced (by city)."""
    return TABLE.format(rows="\n".join(rows.get(city, row) for city, row in ROWS.items()))


def test_pillars_that_do_not_add_up_to_the_printed_total_keep_no_number_of_the_row() -> None:
    """One of the six numbers is wrong and nothing says which: the whole row is NULL, with both sums named."""
    table = _read_text(_table(Pune="| 2 | Pune | 80 | 80 | 80 | 70 | 70 | 389 |"))
    pune = [s for s in table.scores if s.city == "Pune"]
    assert len(pune) == 6 and all(s.score is None for s in pune)
    assert "add up to 380 but the printed total is 389" in pune[0].warning
    assert _figures(table)[("Surat", 1)] == (90.0, None)


def test_a_score_above_its_pillar_maximum_is_null_with_a_warning() -> None:
    """Pillars are out of 100 in cycle 2: 180 is a misprint or a misread, never a score."""
    table = _read_text(_table(Bhopal="| 3 | Bhopal | 180 | 70 | 70 | 70 | 70 | 460 |"))
    bhopal = {s.pillar_no: s for s in table.scores if s.city == "Bhopal"}
    assert bhopal[1].score is None and "above its maximum 100" in bhopal[1].warning
    assert bhopal[2].score == 70.0 and bhopal[None].score == 460.0


def test_a_rank_that_disagrees_with_the_totals_is_dropped_and_the_others_kept() -> None:
    """Nagpur printed 1st with the lowest total: its rank goes, every other rank stays."""
    table = _read_text(_table(Nagpur="| 1 | Nagpur | 60 | 70 | 70 | 70 | 70 | 340 |"))
    ranks = {s.city: (s.rank, s.warning) for s in table.scores if s.pillar_no is None}
    assert ranks["Nagpur"][0] is None and "disagrees with the totals" in ranks["Nagpur"][1]
    assert {city: rank for city, (rank, _) in ranks.items() if city != "Nagpur"} == {"Surat": 1, "Pune": 2,
                                                                                     "Bhopal": 3}


def test_tied_totals_share_a_rank_however_it_is_printed() -> None:
    """'=3', '3=' and 'T3' are one rank; equal totals with different ranks are refused."""
    tied = _read_text(_table(Bhopal="| =3 | Bhopal | 70 | 70 | 70 | 70 | 70 | 350 |",
                             Nagpur="| T3 | Nagpur | 70 | 70 | 70 | 70 | 70 | 350 |"))
    assert {s.city: s.rank for s in tied.scores if s.pillar_no is None}["Nagpur"] == 3
    assert all(s.warning is None for s in tied.scores)


def test_a_city_printed_twice_with_different_numbers_keeps_neither_row() -> None:
    """Two rows for Pune that disagree: neither is kept; a row repeated as it was (a page break) is kept once."""
    text = _table().replace(ROWS["Nagpur"], ROWS["Nagpur"] + "\n| 5 | Pune | 50 | 50 | 50 | 50 | 50 | 250 |")
    pune = [s for s in _read_text(text).scores if s.city == "Pune"]
    assert pune and all(s.score is None and "printed in 2 rows" in s.warning for s in pune)
    repeated = _read_text(_table().replace(ROWS["Nagpur"], ROWS["Nagpur"] + "\n" + ROWS["Pune"]))
    assert len([s for s in repeated.scores if s.city == "Pune"]) == 6


def test_a_row_that_names_no_smart_city_is_skipped_and_listed() -> None:
    """A national average is not a city: no city row, and the run can say which row it left out."""
    text = _table().replace(ROWS["Nagpur"], ROWS["Nagpur"] + "\n|  | National average | 75 | 76 | 75 | 71 | 70 | 367 |")
    table = _read_text(text)
    assert table.cities() == ("Surat", "Pune", "Bhopal", "Nagpur")
    assert len(table.skipped) == 1 and "National average" in table.skipped[0]


def test_a_blank_cell_is_null_with_a_warning_and_the_row_is_not_checked_against_it() -> None:
    """'–' for a pillar: nothing published, said so; the total as printed stays."""
    table = _read_text(_table(Pune="| 2 | Pune | 80 | – | 80 | 70 | 70 | 380 |"))
    pune = {s.pillar_no: s for s in table.scores if s.city == "Pune"}
    assert pune[2].score is None and "no pillar 2 printed" in pune[2].warning and pune[None].score == 380.0


def test_a_header_maximum_that_contradicts_the_framework_refuses_the_column() -> None:
    """'Policy (50)' in cycle 2, where every pillar is out of 100: the column is not read."""
    table = _read_text(_table().replace("| Policy |", "| Policy (50) |"))
    policy = [s for s in table.scores if s.pillar_no == 1]
    assert policy and all(s.score is None and "says out of 50" in s.warning for s in policy)


def test_fewer_than_three_cities_is_not_a_results_table() -> None:
    """Two rows could be a comparison inside some other document: still 'not a DMAF report'."""
    text = TABLE.format(rows="\n".join(list(ROWS.values())[:2]))
    with pytest.raises(NotAReport):
        read_bytes(text.encode("utf-8"), name="/r/two.txt")


def test_a_table_with_no_cycle_printed_is_not_read() -> None:
    """Published scores are of a cycle; without one they cannot be placed."""
    text = _table().replace("Cycle 2.0", "")
    with pytest.raises(NotAReport):
        read_bytes(text.encode("utf-8"), name="/r/nocycle.txt")


def test_aligned_columns_without_rules_are_read_as_a_table() -> None:
    """Columns set apart by wide gaps, state column and serial number: the same figures."""
    lines = ["DMAF Cycle 2.0 results", "", "S.No.   City      State         Pol.   Peo.   Proc.   Tech.   Out.   Total"]
    for i, (city, row) in enumerate(ROWS.items(), start=1):
        numbers = [c.strip() for c in row.strip("|").split("|")][2:]
        lines.append(f"{i}       {city:<9} {'Somewhere':<13} " + "   ".join(numbers))
    table = _read_text("\n".join(lines) + "\n")
    assert _figures(table)[("Bhopal", 3)] == (70.0, None) and _figures(table)[("Surat", None)] == (400.0, None)


def _unruled_pdf(path: Path, rows: list[list[str]], xs: list[float]) -> Path:
    """Write a table drawn at x positions only, no rules (columns closer in the header than in the body)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(56, 780, "DMAF Cycle 2.0 - National Results")
    canvas.setFont("Helvetica", 10)
    for r, row in enumerate(rows):
        for x, text in zip(xs, row, strict=False):
            canvas.drawString(x, 740 - 16 * r, text)
    canvas.save()
    return path


UNRULED = [["Rank", "City", "State", "Policy", "People", "Process", "Tech", "Outc", "Total"],
           ["1", "Surat", "Gujarat", "90", "85", "80", "75", "70", "400"],
           ["2", "Pune", "Maharashtra", "80", "80", "80", "70", "70", "380"],
           ["3", "Bhopal", "Madhya Pradesh", "70", "70", "70", "70", "70", "350"],
           ["4", "Pimpri Chinchwad", "Maharashtra", "60", "70", "70", "70", "70", "340"]]
XS = [56, 90, 200, 300, 345, 390, 435, 480, 525]


def test_an_unruled_pdf_whose_header_words_run_together_is_read_column_by_column(tmp_path: Path) -> None:
    """The header's words are closer than the body's columns, so one header cell holds 'People Process Tech':
    it names three columns, and the rows are read against them in order."""
    path = _unruled_pdf(tmp_path / "unruled.pdf", UNRULED, XS)
    table = read_bytes(path.read_bytes(), name=str(path))
    assert isinstance(table, PublishedTable)
    expected = {(row[1], no): (float(row[2 + no]), None) for row in UNRULED[1:] for no in range(1, 6)}
    expected |= {(row[1], None): (float(row[8]), int(row[0])) for row in UNRULED[1:]}
    assert _figures(table) == expected


def test_a_row_that_does_not_fit_its_header_keeps_no_number() -> None:
    """A merged header names nine columns; a row of eight cells cannot say which number is which."""
    header = header_roles({1: "Rank City", 2: "State", 3: "Policy", 4: "People Process Tech", 5: "Outc", 6: "Total"},
                          NAMES)
    assert header is not None and header.cols is None and len(header.flat) == 9
    rows = [r if r[1] != "Pune" else [c for i, c in enumerate(r) if i != 4] for r in UNRULED]
    text = TABLE.split("\n\n")[0] + "\n\n" + "\n".join("\t".join(r) for r in rows[1:]) + "\n"
    text = text.replace("Cycle 2.0", "Cycle 2.0\n\nRank City\tState\tPolicy\tPeople Process Tech\tOutc\tTotal")
    pune = [s for s in _read_text(text).scores if s.city == "Pune"]
    assert len(pune) == 6 and all(s.score is None and "8 values where the header names 9" in s.warning for s in pune)


@pytest.mark.parametrize(("text", "kinds"), [
    ("Rank City", [("rank", None), ("city", None)]),
    ("People Process Tech", [("pillar", 2), ("pillar", 3), ("pillar", 4)]),
    ("P1 P2", [("pillar", 1), ("pillar", 2)]),
    ("Pillar 4: Technology", [("pillar", 4)]),
    ("P2 Policy", []),
])
def test_a_header_cell_can_name_several_columns(text: str, kinds: list[tuple[str, int | None]]) -> None:
    """Words naming different columns are a list of columns; a number and a name that disagree are none."""
    from parsing.published import cell_roles

    assert [(r.kind, r.pillar_no) for r in cell_roles(text, NAMES)] == kinds


MERGED = """DMAF 2.0 consolidated results

| City | Policy | People | Process | Technology | Outcomes | Total | National rank |
|---|---|---|---|---|---|---|---|
| Visakhapatnam ASSAM (1 city) | 63.1/100 46.9/100 64.4/100 | 60.3/100 | 58.5/100 | 293.2 | 2 |
| Kota | 63.3/100 70.0/100 79.8/100 | 73.9/100 | 75.7/100 | 362.7 | 1 |
| Erode | 50.4/100 38.9/100 52.6/100 | 43.9/100 | 34.5/100 | 220.3 | 3 (tied) |
| Pune | 50.4/100 38.9/100 | 52.6/100 | 43.9/100 | 34.5/100 | 220.3 | 3 (tied) |
"""


def test_cells_that_run_several_values_together_are_read_in_order_and_checked_by_the_row_arithmetic() -> None:
    """Three scores in one cell (an unruled PDF's columns run together): the row's values, in order, fill the
    header's columns when they are exactly as many and the pillars add up to the total; a state heading run
    into the city cell leaves the city; '3 (tied)' is rank 3."""
    table = _read_text(MERGED)
    figures = _figures(table)
    assert figures[("Kota", 2)] == (70.0, None) and figures[("Kota", 5)] == (75.7, None)
    assert figures[("Kota", None)] == (362.7, 1) and figures[("Visakhapatnam", 3)] == (64.4, None)
    assert figures[("Erode", None)] == (220.3, 3) and figures[("Pune", None)] == (220.3, 3)


def test_values_read_in_order_that_nothing_can_check_are_not_kept() -> None:
    """No total column: three scores in one cell could belong to any three columns as far as the arithmetic
    can tell, so the row keeps no number; rows whose cells are one value each are read as printed."""
    text = MERGED.replace(" Total |", "").replace("|---|---|---|---|---|---|---|---|", "|---|---|---|---|---|---|---|")
    text = "\n".join(line.replace(" | 293.2 |", " |").replace(" | 362.7 |", " |").replace(" | 220.3 |", " |")
                     for line in text.splitlines())
    table = _read_text(text + "\n| Surat | 90 | 85 | 80 | 75 | 70 | 1 |\n")
    kota = [s for s in table.scores if s.city == "Kota"]
    assert kota and all(s.score is None and "by their order" in s.warning for s in kota)
    assert _figures(table)[("Surat", 4)] == (75.0, None)


def test_a_pillar_s_own_table_adds_its_scores_and_its_pillar_rank_is_not_the_city_s_rank() -> None:
    """An overall ranking (total and rank) and one table per pillar with a 'Pillar rank': each figure once,
    the rank from the overall table only; a pillar score printed differently in two tables is kept in neither."""
    cities = [("Surat", 400, 1), ("Pune", 380, 2), ("Bhopal", 350, 3), ("Nagpur", 340, 4)]
    overall = "| Rank | City | Total score (out of 500) |\n|---|---|---|\n" + "\n".join(
        f"| {rank} | {city} | {total} |" for city, total, rank in cities)
    policy = "| Pillar rank | City | Policy score |\n|---|---|---|\n" + "\n".join(
        f"| {i} | {city} | {score} |" for i, (city, score) in enumerate(
            [("Pune", 95), ("Surat", 90), ("Nagpur", 60), ("Bhopal", 50)], start=1))
    people = "| Pillar rank | City | People score |\n|---|---|---|\n| 1 | Pune | 80 |\n| 2 | Surat | 70 |\n" \
             "| 3 | Bhopal | 60 |\n| 4 | Nagpur | 50 |\n"
    again = "| Pillar rank | City | People score |\n|---|---|---|\n| 1 | Pune | 81 |\n"
    table = _read_text("DMAF Cycle 2.0 results\n\n" + "\n\n".join([overall, policy, people, again]) + "\n")
    figures = _figures(table)
    assert figures[("Surat", None)] == (400.0, 1) and figures[("Pune", None)] == (380.0, 2)
    assert figures[("Pune", 1)] == (95.0, None) and figures[("Bhopal", 2)] == (60.0, None)
    assert figures[("Pune", 2)] == (None, None) and "printed in 2 rows" in next(
        s.warning for s in table.scores if s.city == "Pune" and s.pillar_no == 2)


def test_a_portal_export_with_underscored_headers_is_read() -> None:
    """Tab-separated, 'pillar1_policy', 'total_score', 'national_rank', a status column it does not know."""
    header = "sl_no\tcity_name\tstate_name\tpillar1_policy\tpillar2_people\tpillar3_process\t" \
             "pillar4_technology\tpillar5_outcomes\ttotal_score\tnational_rank\tstatus"
    rows = [f"{i}\t{city}\tX\t{row.split('|')[3].strip()}\t{row.split('|')[4].strip()}\t{row.split('|')[5].strip()}"
            f"\t{row.split('|')[6].strip()}\t{row.split('|')[7].strip()}\t{row.split('|')[8].strip()}\t{i}\tAssessed"
            for i, (city, row) in enumerate(ROWS.items(), start=1)]
    table = _read_text("# DMAF Cycle 2 export\n\n" + "\n".join([header, *rows]) + "\n")
    assert _figures(table)[("Nagpur", 1)] == (60.0, None) and _figures(table)[("Nagpur", None)] == (340.0, 4)


def test_equal_totals_printed_with_different_ranks_lose_a_rank() -> None:
    """Bhopal and Nagpur both add up to 350: ranks 3 and 4 cannot both be right, so one is dropped."""
    table = _read_text(_table(Nagpur="| 4 | Nagpur | 70 | 70 | 70 | 70 | 70 | 350 |"))
    ranks = {s.city: s.rank for s in table.scores if s.pillar_no is None}
    assert [ranks["Bhopal"], ranks["Nagpur"]].count(None) == 1 and ranks["Surat"] == 1


TABBED = "DMAF Cycle 2.0 results\n\nRank\tCity\tState\tPolicy\tPeople\tProcess\tTechnology\tOutcomes\tTotal\n{rows}\n"


def test_a_line_whose_city_and_state_ran_together_is_split_by_the_gazetteer() -> None:
    """'Greater Warangal Telangana' in one field of a tab-separated line: a city, then its state."""
    rows = ["1\tGreater Warangal Telangana\t90\t85\t80\t75\t70\t400", "2\tPune\tMaharashtra\t80\t80\t80\t70\t70\t380",
            "3\tSurat\tGujarat\t70\t70\t70\t70\t70\t350"]
    figures = _figures(_read_text(TABBED.format(rows="\n".join(rows))))
    assert figures[("Greater Warangal", 1)] == (90.0, None) and figures[("Greater Warangal", None)] == (400.0, 1)


def test_a_line_with_a_field_missing_keeps_no_number() -> None:
    """A tab-separated line has no columns of its own: one field short, nothing says which one is missing."""
    rows = ["1\tBhopal\tMadhya Pradesh\t90\t85\t80\t75\t70\t400", "2\tPune\tMaharashtra\t80\t80\t70\t70\t380",
            "3\tSurat\tGujarat\t70\t70\t70\t70\t70\t350"]
    pune = [s for s in _read_text(TABBED.format(rows="\n".join(rows))).scores if s.city == "Pune"]
    assert pune and all(s.score is None and "8 values where the header names 9" in s.warning for s in pune)


def test_a_blank_cell_of_a_ruled_pdf_table_leaves_the_other_columns_in_place(tmp_path: Path) -> None:
    """The PDF has no block for a blank cell; its neighbours keep their columns (they stand under their
    headers), and the blank is NULL with a warning."""
    from tests.corpus.elements import Doc, Table, Title
    from tests.corpus.render_pdf import write_pdf

    header = ("Rank", "City", "Policy", "People", "Process", "Technology", "Outcomes", "Total")
    rows = [("1", "Surat", "90", "85", "80", "75", "70", "400"), ("2", "Pune", "", "80", "80", "70", "70", "380"),
            ("3", "Bhopal", "70", "70", "70", "70", "70", "350")]
    path = tmp_path / "blank.pdf"
    write_pdf(Doc((Title("DMAF Cycle 2.0 results"), Table((header, *rows), (40, 90, 55, 55, 55, 60, 55, 45),
                                                          bold="header")), title="results"), path)
    table = read_bytes(path.read_bytes(), name=str(path))
    pune = {s.pillar_no: s for s in table.scores if s.city == "Pune"}
    assert pune[1].score is None and "no pillar 1 printed" in pune[1].warning
    assert (pune[2].score, pune[5].score, pune[None].score) == (80.0, 70.0, 380.0)


def test_an_unruled_pdf_row_with_a_blank_cell_is_placed_under_its_headers_by_position(tmp_path: Path) -> None:
    """No rules and a blank People cell: the PDF numbers Pune's cells 1 to 8, so the numbers are placed under
    the header cell nearest each of them, never shifted one column to the left."""
    rows = [list(r) for r in UNRULED]
    rows[0] = ["Rank", "City", "State", "Pol", "Ppl", "Proc", "Tech", "Outc", "Total"]
    rows[2][4] = ""
    path = _unruled_pdf(tmp_path / "blank.pdf", rows, [56, 110, 190, 300, 345, 390, 435, 480, 525])
    table = read_bytes(path.read_bytes(), name=str(path))
    pune = {s.pillar_no: s for s in table.scores if s.city == "Pune"}
    assert (pune[1].score, pune[3].score, pune[4].score, pune[None].score) == (80.0, 80.0, 70.0, 380.0)
    assert pune[2].score is None and "no pillar 2 printed" in pune[2].warning
