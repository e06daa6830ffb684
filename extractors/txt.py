"""Plain-text exports to blocks: one block per non-blank line, pipe tables as table cells."""

from __future__ import annotations

import re
from pathlib import Path
from typing import BinaryIO

from extractors.blocks import Block
from extractors.text_decoding import decode_text
from extractors.reading import read_bytes

_BULLET = re.compile(r"^\s*(?:[-\u2022\u25cf\u25aa\u25e6\u2023\u2043\u00b7*\u27a2\uf0b7\uf0a7]|\d{1,2}[.)])\s+")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def extract_txt(source: str | Path | BinaryIO, *, name: str | None = None) -> list[Block]:
    """Return the blocks of a text export, in reading order, each with its line number."""
    data, label = read_bytes(source, name=name)
    text, _ = decode_text(data, source=label)
    return lines_to_blocks(text.splitlines(), source=label)


def _cells(line: str) -> list[str] | None:
    """Return the cells of a pipe-table line ("| a | b | c |"), or None for ordinary text."""
    body = line.strip()
    if body.count("|") < 2:
        return None
    return [c.strip() for c in body.strip("|").split("|")]


def lines_to_blocks(lines: list[str], *, source: str) -> list[Block]:
    """Return blocks for lines of text: bullets, headings, paragraphs and pipe-table cells."""
    blocks: list[Block] = []
    table, row, in_table = 0, 0, False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            in_table = False
            continue
        cells = _cells(line)
        if cells is not None:
            if not in_table:
                table, row, in_table = table + 1, 0, True
            if _TABLE_RULE.match(line):
                continue
            row += 1
            for col, cell in enumerate(cells, start=1):
                blocks.append(Block("table_cell", cell, len(blocks), f"line {number} table {table} row {row} cell {col}",
                                    line=number, table=table, row=row, col=col, source=source))
            continue
        in_table = False
        previous = blocks[-1] if blocks else None
        if previous and previous.kind == "list_item" and line[:1].isspace() and previous.line == number - 1:
            blocks[-1] = Block("list_item", f"{previous.text} {line.strip()}", previous.order, previous.location,
                               line=number, source=source)
            continue
        kind = "list_item" if _BULLET.match(line) else "heading" if _MD_HEADING.match(line) else "paragraph"
        blocks.append(Block(kind, line.strip(), len(blocks), f"line {number}", line=number, source=source))
    return blocks
