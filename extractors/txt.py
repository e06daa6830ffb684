"""Plain-text exports to blocks: one block per non-blank line, pipe tables as table cells.

A page laid out in two columns (``pdftotext -layout`` of a two-column PDF) is read left column
first, then right, each part keeping its line number.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path
from typing import BinaryIO

from core.blocks import Block
from extractors.reading import read_bytes
from extractors.structured import data_to_blocks, structured_data
from extractors.text_decoding import decode_text

_BULLET = re.compile(r"^\s*(?:[-\u2022\u25cf\u25aa\u25e6\u2023\u2043\u00b7*\u27a2\uf0b7\uf0a7]|\d{1,2}[.)])\s+")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_CODE_START = re.compile(r"^\s*\d{1,2}\s*(?:\.\s*[a-zA-Z]|\(\s*[a-zA-Z]\s*\))(?![a-zA-Z])")  # "1(a) …", "2.b …": an item
_BOX_BARS = str.maketrans({"\u2502": "|", "\u2503": "|", "\u2551": "|"})  # │ ┃ ║ drawn as column bars
_BOX_RULE = re.compile(r"^\s*[+\u2500-\u257f][-=+:\u2500-\u257f ]*$")  # ┌───┬───┐, ├───┼───┤, +---+---+
_TABLE_RULE = re.compile(r"^\s*[|+]?\s*:?-{3,}:?\s*([|+]\s*:?-{3,}:?\s*)*[|+]?\s*$")  # |---|---| or ----+----
_GUTTER = re.compile(r"\S( {3,})(?=\S)")  # three or more spaces between two pieces of text
COLUMN_SHARE = 0.5  # of the long lines, at least this share start a right column at the same place
COLUMN_MIN_LINES = 10  # and at least this many
COLUMN_SLACK = 2  # characters: right-column starts this close count as one column
DELIMITERS = (",", "\t", ";")  # field separators of a spreadsheet saved as text
DELIMITED_SHARE = 0.6  # of the records, at least this share split into the usual number of fields
DELIMITED_MIN_ROWS = 8  # records: fewer is not a table export
ALIGNED_MIN_CELLS = 3  # labels in the header of a table laid out in columns of spaces
ALIGNED_MIN_ROWS = 3  # lines, header included, of which all but the header end in a number
ALIGNED_BREAK_WORDS = 8  # a line of one piece with more words is a sentence: it ends a table laid out in columns
_RULE_LINE = re.compile(r"[-=_ ]{3,}")  # "------  ----------": the rule under an aligned header
ALIGN_SLACK = 3  # characters: a piece starting this close to a header column's start is in that column
CODE_CELL_MAX = 12  # characters: a cell this short starting with a code is the code ("1.c & 1.d")
_NUMBERISH = re.compile(r"\(?\d{1,4}(?:[.,]\d{1,2})?\s*(?:%|/\s*\d{1,4}(?:[.,]\d{1,2})?)?\)?|N\s*/?\s*A|-", re.I)


def extract_txt(source: str | Path | BinaryIO, *, name: str | None = None) -> list[Block]:
    """Return the blocks of a text export, in reading order, each with its line number."""
    data, label = read_bytes(source, name=name)
    text, _ = decode_text(data, source=label)
    structured = structured_data(text)
    if structured is not None and (blocks := data_to_blocks(structured, source=label)):
        return blocks  # a JSON or YAML export saved as text
    rows = delimited_rows(text)
    if rows is not None:
        return rows_to_blocks(rows, source=label)
    return lines_to_blocks(text.splitlines(), source=label)


def delimited_rows(text: str) -> list[tuple[int, list[str]]] | None:
    """Return (line number, fields) per record of a CSV, TSV or semicolon export (a spreadsheet saved as text),
    or None when the text is not one: most records must split into the same three or more fields."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < DELIMITED_MIN_ROWS:
        return None
    for delimiter in DELIMITERS:
        if sum(delimiter in line for line in lines) < DELIMITED_SHARE * len(lines):
            continue
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        rows = []
        try:
            for fields in reader:
                rows.append((reader.line_num, fields))
        except csv.Error:
            continue
        widths = Counter(len(f) for _, f in rows if any(x.strip() for x in f))
        width, count = widths.most_common(1)[0] if widths else (0, 0)
        if width >= 3 and count >= DELIMITED_SHARE * sum(widths.values()):
            return rows
    return None


def rows_to_blocks(rows: list[tuple[int, list[str]]], *, source: str) -> list[Block]:
    """Return blocks for delimited records: one table, one cell per non-empty field; a lone field is a line."""
    blocks: list[Block] = []
    row = 0
    for number, fields in rows:
        cells = [(col, f.strip()) for col, f in enumerate(fields, start=1) if f.strip()]
        if not cells:
            continue
        if len(cells) == 1:
            blocks.append(Block("paragraph", cells[0][1], len(blocks), f"line {number}", line=number, source=source))
            continue
        row += 1
        for col, cell in cells:
            blocks.append(Block("table_cell", cell, len(blocks), f"line {number} table 1 row {row} cell {col}",
                                line=number, table=1, row=row, col=col, source=source))
    return blocks


def column_start(lines: list[str]) -> int | None:
    """Return the character position where a right text column starts on most long lines, or None.

    A two-column page dumped as text has a gutter of spaces at one position on nearly every line
    long enough to reach it; a heading with its score far to the right is not enough.
    """
    starts: list[int] = []
    for line in lines:
        starts += [m.end(1) for m in _GUTTER.finditer(line) if "|" not in line]
    if not starts:
        return None
    counts = Counter(starts)
    best = max(counts, key=lambda p: sum(counts[p + d] for d in range(-COLUMN_SLACK, COLUMN_SLACK + 1)))
    long_lines = [line for line in lines if len(line.rstrip()) > best]
    split = [line for line in long_lines if _split_at(line, best) is not None]
    if len(split) < COLUMN_MIN_LINES or len(split) < COLUMN_SHARE * len(long_lines):
        return None
    rights = [line[_split_at(line, best):] for line in split]
    lefts = [line[:_split_at(line, best)] for line in split]
    texty = sum(_is_prose(r) and _is_prose(l) for l, r in zip(lefts, rights))
    return best if texty >= COLUMN_SHARE * len(split) else None  # columns of prose, not a table's cells


def _is_prose(text: str) -> bool:
    """Return True for a piece of running text (three or more words), not a table cell ("25", "Max Score")."""
    return len(re.findall(r"[A-Za-z]{2,}", text)) >= 3


def _split_at(line: str, start: int) -> int | None:
    """Return where the right column starts in a line (a gutter ending near ``start``), or None."""
    for m in _GUTTER.finditer(line):
        if abs(m.end(1) - start) <= COLUMN_SLACK:
            return m.end(1)
    return None


def reading_lines(lines: list[str]) -> list[tuple[int, str]]:
    """Return (line number, text) in reading order: runs of two-column lines left part first, then right."""
    start = column_start(lines)
    numbered = list(enumerate(lines, start=1))
    if start is None:
        return numbered
    ordered: list[tuple[int, str]] = []
    left: list[tuple[int, str]] = []
    right: list[tuple[int, str]] = []

    def flush() -> None:
        ordered.extend(left + right)
        left.clear()
        right.clear()

    for number, line in numbered:
        cut = _split_at(line, start)
        if cut is None and line.strip() and not line[: start - COLUMN_SLACK].strip():  # right column only
            right.append((number, line.strip()))
            continue
        if cut is None and len(line.rstrip()) > start and line[:start].strip():  # a full-width line
            flush()
            ordered.append((number, line))
            continue
        if cut is None:
            left.append((number, line))
            continue
        left.append((number, line[:cut].rstrip()))
        right.append((number, line[cut:]))
    flush()
    return ordered


_QUOTED_CSV = re.compile(r'^\s*(?::header:\s*)?"[^"]*"(?:\s*,\s*"[^"]*"){2,}\s*$')


def _quoted_fields(line: str) -> list[str] | None:
    """Return the fields of a line of three or more quoted CSV fields ('"1.a", "Title", "12.5"'), or None."""
    if not _QUOTED_CSV.match(line):
        return None
    body = re.sub(r"^\s*:header:\s*", "", line)
    return [field.replace("|", "/") for field in next(csv.reader([body.strip()], skipinitialspace=True))]


def _cells(line: str) -> list[str] | None:
    """Return the cells of a pipe- or box-table line ("| a | b |", "│ a │ b │"), or None for ordinary text."""
    body = line.strip().translate(_BOX_BARS)
    if body.count("|") < 2:
        return None
    return [c.strip() for c in body.strip("|").split("|")]


def _is_rule(line: str) -> bool:
    """Return True for a table's ruling line ("|---|---|", "├────┼────┤", "+----+----+")."""
    return bool(_TABLE_RULE.match(line.translate(_BOX_BARS))) or bool(_BOX_RULE.match(line))


def drawn_table_rows(lines: list[tuple[int, str]]) -> list[tuple[int, list[str]]]:
    """Return (first line number, cells) per row of a text table, cells wrapped over several lines joined.

    Where rules separate the rows (a grid drawn with ├──┼──┤ or +--+--+), the lines between two rules are one
    row, unless a line puts a value (a number, a code, "-") in a column where the row already holds one: a
    value does not wrap, so that line starts the next row of a group the rules enclose ("| 13.5 | 1.a | …" /
    "|      |     | Policy |" / "| 22.5 | 1.b | …"). Elsewhere each line is a row.
    """
    marks = ["rule" if _is_rule(line) else "data" for _, line in lines]
    first, last = marks.index("data") if "data" in marks else 0, len(marks) - 1 - marks[::-1].index("data") \
        if "data" in marks else 0
    gridded = marks[first:last + 1].count("rule") >= 2
    rows: list[tuple[int, list[list[str]]]] = []
    new_row = True
    for (number, line), mark in zip(lines, marks):
        if mark == "rule":
            new_row = True
            continue
        cells = _cells(line) or []
        if rows and gridded and not new_row and len(cells) == len(rows[-1][1]) and not any(
                _is_value(cell) and any(_is_value(part) for part in parts) for parts, cell in zip(rows[-1][1], cells)):
            for parts, cell in zip(rows[-1][1], cells):
                if cell:
                    parts.append(cell)
        else:
            rows.append((number, [[cell] if cell else [] for cell in cells]))
        new_row = False
    return [(number, [" ".join(parts) for parts in cells]) for number, cells in rows]


def _is_value(cell: str) -> bool:
    """Return True for a cell that is one whole value: a number ("13.5", "40%"), "-", "NA", or an indicator code
    ("1.c & 1.d"; "3.c &" goes on below it)."""
    if re.search(r"(?:[&/,+]|\band)\s*$", cell, re.IGNORECASE):
        return False
    return bool(_NUMBERISH.fullmatch(cell) or _CODE_START.match(cell) and len(cell) <= CODE_CELL_MAX)


def _fields(line: str) -> list[tuple[int, str]]:
    """Return (start column, text) of the pieces of a line set apart by two or more spaces."""
    return [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", line)]


def _column(piece: tuple[int, str], spans: list[tuple[int, int]]) -> int | None:
    """Return the header column a piece of a line sits under (the one it overlaps most), or None."""
    start, end = piece[0], piece[0] + len(piece[1])
    overlaps = [min(end, hi + 1) - max(start, lo) for lo, hi in spans]
    best = max(range(len(spans)), key=lambda c: overlaps[c])
    if overlaps[best] > 0:
        return best
    near = [c for c, (lo, hi) in enumerate(spans) if lo - ALIGN_SLACK <= start <= hi + ALIGN_SLACK]
    return near[0] if near else None


def _spans(labels: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Return each header label's column span: from its start to just before the next label."""
    starts = [start for start, _ in labels]
    return [(start, (starts[k + 1] - 1) if k + 1 < len(starts) else start + len(text) + 40)
            for k, (start, text) in enumerate(labels)]


def aligned_tables(numbered: list[tuple[int, str]]) -> dict[int, list[tuple[int, int, list[str]]]]:
    """Return {index of its header line: (index, line number, cells) per row} for tables laid out in columns of
    spaces (pdftotext -layout).

    A table is a header line of three or more labels (no numbers) set apart by wide gaps, followed by lines
    whose pieces all sit under the header's columns and end in a number; each piece goes to the header column
    it sits under. Lines of one piece (a pillar's name between its rows) or blank lines do not end the table; a
    sentence does (more than ``ALIGNED_BREAK_WORDS`` words in one piece).
    """
    found: dict[int, list[tuple[int, int, list[str]]]] = {}
    k = 0
    while k < len(numbered):
        labels = _fields(numbered[k][1])
        if len(labels) < ALIGNED_MIN_CELLS or any(_NUMBERISH.fullmatch(t) for _, t in labels) \
                or _cells(numbered[k][1]) is not None:
            k += 1  # a header of bars ("| Indicator | Score |") is a drawn table's, read by its bars
            continue
        spans = _spans(labels)
        rows = [(k, numbered[k][0], [t for _, t in labels])]
        m = k + 1
        while m < len(numbered):
            pieces = _fields(numbered[m][1])
            if len(pieces) == 1 and len(pieces[0][1].split()) > ALIGNED_BREAK_WORDS:
                break  # a sentence: the text after the table has begun
            if len(pieces) <= 1 or _RULE_LINE.fullmatch(numbered[m][1].strip()):
                m += 1
                continue
            if not all(_column(piece, spans) is not None for piece in pieces):
                break
            cells = [""] * len(spans)
            for piece in pieces:
                col = _column(piece, spans)
                cells[col] = f"{cells[col]} {piece[1]}".strip()
            rows.append((m, numbered[m][0], cells))
            m += 1
        if sum(bool(_NUMBERISH.fullmatch(cells[-1] or "x")) or any(_NUMBERISH.fullmatch(c) for c in cells[-2:] if c)
               for _, _, cells in rows[1:]) >= ALIGNED_MIN_ROWS - 1:
            found[k] = rows
            k = rows[-1][0] + 1
        else:
            k += 1
    return found


def lines_to_blocks(lines: list[str], *, source: str) -> list[Block]:
    """Return blocks for lines of text: bullets, headings, paragraphs, and cells of pipe, box or aligned tables."""
    blocks: list[Block] = []
    table = 0
    pending: list[tuple[int, str]] = []
    numbered = reading_lines(lines)
    aligned = aligned_tables(numbered)
    inside: set[int] = {index for rows in aligned.values() for index, _, _ in rows}

    def flush_table() -> None:
        nonlocal table
        if not pending:
            return
        if len(pending) == 1 and not re.match(r"\s*[|\u2502\u2503\u2551+\u2500-\u257f]", pending[0][1]):
            number, line = pending.pop()  # one line with bars inside ("Score 6 pts | Maximum 25 pts") is text
            blocks.append(Block("paragraph", line.strip(), len(blocks), f"line {number}", line=number, source=source))
            return
        table += 1
        for row, (number, cells) in enumerate(drawn_table_rows(pending), start=1):
            for col, cell in enumerate(cells, start=1):
                blocks.append(Block("table_cell", cell, len(blocks), f"line {number} table {table} row {row} cell {col}",
                                    line=number, table=table, row=row, col=col, source=source))
        pending.clear()

    for k, (number, line) in enumerate(numbered):
        if k in aligned:
            flush_table()
            table += 1
            for row, (_, at, cells) in enumerate(aligned[k], start=1):
                for col, cell in enumerate(cells, start=1):
                    blocks.append(Block("table_cell", cell, len(blocks), f"line {at} table {table} row {row} cell {col}",
                                        line=at, table=table, row=row, col=col, source=source))
        if k in inside:
            continue
        if not line.strip():
            flush_table()
            continue
        if _cells(line) is not None or (pending and _is_rule(line)) or _BOX_RULE.match(line):
            pending.append((number, line))
            continue
        if (quoted := _quoted_fields(line)) is not None:  # a CSV run inside the text (reStructuredText csv-table)
            pending.append((number, "| " + " | ".join(quoted) + " |"))
            continue
        flush_table()
        previous = blocks[-1] if blocks else None
        if previous and previous.kind == "list_item" and line[:1].isspace() and previous.line == number - 1 \
                and not _BULLET.match(line) and not _CODE_START.match(line) \
                and not _CODE_START.match(_BULLET.sub("", previous.text, count=1)):  # a bulleted heading stays alone
            blocks[-1] = Block("list_item", f"{previous.text} {line.strip()}", previous.order, previous.location,
                               line=number, source=source)
            continue
        kind = "list_item" if _BULLET.match(line) else "heading" if _MD_HEADING.match(line) else "paragraph"
        blocks.append(Block(kind, line.strip(), len(blocks), f"line {number}", line=number, source=source))
    flush_table()
    return blocks
