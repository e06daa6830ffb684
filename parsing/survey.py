"""What the whole document says before its lines are read one by one: how it numbers its pages, what its own
indicator numbers mean, and the scorecards it prints in shapes a line-by-line reading cannot follow (inline
lists, tables on their side, grids of cards, pillar-per-row matrices).

Pure: blocks in, findings out; ``parsing.report`` uses them while it reads.
"""

from __future__ import annotations

import re
from itertools import groupby

from core.blocks import Block
from parsing import grammar as g
from parsing import tables
from parsing.joins import CONTINUATION_GAP

INLINE_MIN = g.INLINE_MIN  # entries: fewer are no scorecard printed inline or on its side
PAGE_RUN_MIN = 3  # "n / N" lines counting up one at a time: page numbers, where the pages are not known


def row_key(block: Block) -> tuple[int, int] | None:
    """Group table cells by (table, row); every other block stands alone."""
    if block.kind == "table_cell" and block.table is not None and block.row is not None:
        return block.table, block.row
    return None


def block_lines(block: Block) -> list[str]:
    """Return a block's text as lines (a paragraph block is one line)."""
    if block.kind == "paragraph" or block.kind == "heading":
        return [block.text] if "\n" not in block.text else block.text.splitlines()  # wide gaps kept: "Title    12/30"
    return block.text.splitlines() or [block.text]


def reference_numbers(blocks: list[Block]) -> dict[str, str]:
    """Return the report's own indicator numbers mapped to catalog codes, from table rows printing both.

    A summary table with "5.1 | 5.a | Data stories …" says what a later "Indicator 5.1" heading means. A
    row counts only with one code and one number of the same pillar; a number given two codes counts for none.
    """
    found: dict[str, set[str]] = {}
    for key, group in groupby(blocks, key=row_key):
        if key is None:
            continue
        cells = list(group)
        codes = {c for cell in cells if (c := g.match_code_only(cell.text))}
        numbers = [r for cell in cells if (r := g.match_reference(cell.text))]
        if len(codes) == 1 and len(numbers) == 1:
            code = next(iter(codes))
            if numbers[0][0] == int(code.split(".")[0]):
                found.setdefault(numbers[0][1], set()).add(code)
    return {number: next(iter(codes)) for number, codes in found.items() if len(codes) == 1}


def page_number_lines(blocks: list[Block]) -> frozenset[tuple[int, str]]:
    """Return (block order, line) of the "n / N" lines that number the document's pages.

    "3 / 9" and a score "0 / 25" print alike; the document decides. Lines sharing one N number pages when
    their n count up one page at a time within 1..N: on the PDF pages they stand on (N the document's pages,
    n minus the page the same for all), or, where pages are not known, in steps of one over at least PAGE_RUN_MIN lines. Any
    other such line is read as a score.
    """
    groups: dict[int, list[tuple[int, str, int, int | None]]] = {}
    for block in blocks:
        if block.kind not in ("paragraph", "heading"):
            continue
        for line in block_lines(block):
            fraction = g.page_fraction(line)
            if fraction is not None:
                groups.setdefault(fraction[1], []).append((block.order, line, fraction[0], block.page))
    marks: set[tuple[int, str]] = set()
    last_page = max((b.page for b in blocks if b.page is not None), default=None)
    for total, lines in groups.items():
        numbers = [n for _, _, n, _ in lines]
        pages = [page for _, _, _, page in lines]
        if not (1 <= min(numbers) and max(numbers) <= total):
            continue
        if None not in pages:
            numbering = total == last_page and len(set(pages)) == len(pages) and len(
                {n - page for n, page in zip(numbers, pages)}) == 1
        else:
            numbering = len(lines) >= PAGE_RUN_MIN and all(b - a == 1 for a, b in zip(numbers, numbers[1:]))
        if numbering:
            marks.update((order, line) for order, line, _, _ in lines)
    return frozenset(marks)


def inline_scorecards(blocks: list[Block]) -> dict[int, list[tuple[g.Heading, g.Score]] | None]:
    """Return, by block order, the paragraphs that list indicators inline ("5.b Data related use cases 30 of
    30; 5.c …"): the entries at a paragraph's first block, None at the blocks of its wrapped lines."""
    found: dict[int, list[tuple[g.Heading, g.Score]] | None] = {}
    k = 0
    while k < len(blocks):
        run = [blocks[k]]
        while k + len(run) < len(blocks) and _wrapped_line(run[-1], blocks[k + len(run)]):
            run.append(blocks[k + len(run)])
        if run[0].kind in ("paragraph", "list_item", "heading", "table_cell"):
            entries = g.match_inline_scores(" ".join(b.text.strip() for b in run))
            if entries:
                found[run[0].order] = entries
                found.update((b.order, None) for b in run[1:])
        k += len(run)
    return found


def transposed_scorecards(blocks: list[Block]) -> dict[int, list[tuple[g.Heading, g.Score]] | None]:
    """Return, by block order, the tables printed on their side: a row of codes, a row of marks and a row of
    maxima, each labelled in its first cell ("Indicator | 1(a) | 1(b) …", "Marks obtained | 6 | 25 …"); the
    entries at a table's first cell, None at its other cells. Read column by column."""
    found: dict[int, list[tuple[g.Heading, g.Score]] | None] = {}
    by_table: dict[int, list[Block]] = {}
    for block in blocks:
        if block.kind == "table_cell" and block.table is not None:
            by_table.setdefault(block.table, []).append(block)
    for cells in by_table.values():
        rows: dict[str, dict[int, str]] = {}
        marks: list[dict[int, str]] = []  # every row labelled as marks ("Marks allotted" may be the maximum)
        for row in sorted({c.row for c in cells}, key=lambda r: r if r is not None else -1):
            line = sorted((c for c in cells if c.row == row), key=lambda c: c.col or 0)
            role = tables.role_of(line[0].text)
            if role in ("code", "title", "score", "max") and line[0].col == min(c.col or 0 for c in cells):
                values = {c.col: g.clean_text(c.text) for c in line[1:]}
                rows.setdefault("code" if role == "title" else role, values)
                if role == "score":
                    marks.append(values)
        if len(marks) > 1:
            rows.pop("score")
            if "max" not in rows and len(marks) == 2 and (order := _score_then_max(*marks)) is not None:
                rows["score"], rows["max"] = order  # the row no larger in any column is the score
        codes = {col: code for col, text in rows.get("code", {}).items() if (code := g.match_code_only(text))}
        entries = []
        if len(codes) >= INLINE_MIN and "score" in rows and len(codes) == len(rows["code"]):
            for col, code in sorted(codes.items()):
                score = tables.score_of(rows["score"].get(col), rows.get("max", {}).get(col))
                if score is not None:
                    entries.append((g.Heading(code, ""), score))
        else:
            entries = _stacked_cards(cells) or _pillar_matrix(cells)
        if len(entries) >= INLINE_MIN:
            first = min(cells, key=lambda c: c.order)
            found[first.order] = entries
            found.update((c.order, None) for c in cells if c is not first)
    return found


def _score_then_max(first: dict[int, str], second: dict[int, str]) -> tuple[dict[int, str], dict[int, str]] | None:
    """Return two rows both labelled as marks as (score row, maximum row): the maximum is at least the score in
    every column and larger in one; None when neither row is (a score can never exceed its maximum)."""
    pairs = [(tables.number_of(first.get(col)), tables.number_of(second.get(col))) for col in first.keys() | second]
    pairs = [(a, b) for a, b in pairs if a is not None and b is not None]
    if not pairs:
        return None
    if all(a <= b for a, b in pairs) and any(a < b for a, b in pairs):
        return first, second
    if all(b <= a for a, b in pairs) and any(b < a for a, b in pairs):
        return second, first
    return None


def _stacked_cards(cells: list[Block]) -> list[tuple[g.Heading, g.Score]]:
    """Return the entries of a grid of cards ("2.a | 2.b | 2.c" over their titles over "0/30 | 0/20 | 8/20"):
    a row of codes only, then, in the same columns, a row of whole scores only; [] unless every row of codes
    has its row of scores. Each score is the code's above it in its column, never by order or maximum."""
    rows = [sorted((c for c in cells if c.row == r), key=lambda c: c.col or 0) for r in sorted({c.row for c in cells})]
    rows = [[c for c in row if g.clean_text(c.text)] for row in rows]
    entries: list[tuple[g.Heading, g.Score]] = []
    codes: dict[int | None, str] | None = None
    titles: dict[int | None, str] = {}
    for row in rows:
        found = {c.col: g.match_code_only(c.text) for c in row}
        if len(row) >= INLINE_MIN and all(found.values()):
            if codes is not None:
                return []  # a row of codes whose scores never came
            codes, titles = found, {}
            continue
        scores = {c.col: g.match_score(" ".join(c.text.split())) for c in row}
        if codes is not None and row and all(s is not None and s.max_score is not None for s in scores.values()):
            if set(scores) != set(codes):
                return []
            entries += [(g.Heading(codes[col], titles.get(col, "")), scores[col]) for col in sorted(codes)]
            codes = None
        elif codes is not None:
            titles.update((c.col, g.clean_text(c.text)) for c in row)
    return entries if codes is None else []


def _pillar_matrix(cells: list[Block]) -> list[tuple[g.Heading, g.Score]]:
    """Return the entries of a matrix with a pillar per row and an indicator letter per column ("Pillar | a | b
    …" over "1 Policy | 23.5 of 25 | 8.5 of 25 …"): the code is the row's pillar and the column's letter. A
    "Total" column must equal the row's scores added up, or that row is not read."""
    by_row: dict[int | None, dict[int | None, str]] = {}
    for cell in cells:
        by_row.setdefault(cell.row, {})[cell.col] = g.clean_text(cell.text)
    rows = [by_row[r] for r in sorted(by_row, key=lambda r: r or 0)]
    if not rows:
        return []
    first = min(rows[0])
    letters = {col: text.lower() for col, text in rows[0].items() if re.fullmatch(r"\(?[a-hA-H]\)?", text)}
    letters = {col: text.strip("()") for col, text in letters.items()}
    total_col = next((col for col, text in rows[0].items() if re.fullmatch(r"(?i)(?:pillar\s*)?total", text)), None)
    if len(letters) < INLINE_MIN:
        return []
    entries: list[tuple[g.Heading, g.Score]] = []
    for row in rows[1:]:
        label = row.get(first, "")
        if re.fullmatch(r"(?i)(?:grand\s*|overall\s*)?total(?:\s*score)?", label):
            continue  # "Grand total | 214.5/500": checked with the other printed totals
        m = re.match(r"^(?:pillar\s*)?(\d)\b|^(?:pillar\s*\d?\s*[:\-]?\s*)?([A-Za-z]+)", label, re.I)
        pillar = (int(m.group(1)) if m.group(1) else g.PILLAR_WORDS.get(m.group(2).casefold())) if m else None
        if pillar is None:
            return []
        found = [(f"{pillar}.{letters[col]}", g.match_cell_score(row[col]))
                 for col in sorted(letters) if row.get(col) and row[col] not in ("-", "\u2013", "\u2014")]
        if any(score is None for _, score in found):
            return []
        if total_col is not None and row.get(total_col):
            printed = g.match_score(row[total_col])
            added = sum(score.score or 0.0 for _, score in found)
            if printed is None or printed.score is None or abs(printed.score - added) > 0.01:
                continue  # the row's total says these are not its scores: that pillar is not read
        entries += [(g.Heading(code, ""), score) for code, score in found]
    return entries


def _wrapped_line(previous: Block, block: Block) -> bool:
    """Return True for the next line of a wrapped text paragraph: in a TXT file the very next line; in a PDF
    the block right below, indented as far or further (a hanging indent), after a line with no full stop.
    A bullet starts a paragraph of its own."""
    if previous.kind not in ("paragraph", "list_item", "heading") or block.kind != "paragraph" \
            or g.strip_bullet(block.text)[0] or re.match(r"\s*[\u2013\u2014\u2022\u00b7*-]\s", block.text):
        return False
    if block.line is not None:
        return previous.line == block.line - 1
    if previous.bbox is None or block.bbox is None or previous.page != block.page \
            or previous.text.rstrip().endswith("."):
        return False
    gap = block.bbox[1] - previous.bbox[3]
    return -1.0 <= gap <= CONTINUATION_GAP * (block.bbox[3] - block.bbox[1]) and block.bbox[0] >= previous.bbox[0] - 2.0
