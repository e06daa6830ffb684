"""Things printed in pieces, put back together before the blocks are read: a heading wrapped over two PDF
lines, a score wrapped in a narrow box or broken off a heading line, a score split over two text lines.

Pure: blocks in, blocks out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from core.blocks import Block
from core.geometry import union
from parsing import grammar as g

CONTINUATION_GAP = 1.0  # line heights: a line this close below another continues it (PDF)
HEADING_ALIGN = 3.0  # points: a continued heading line starts this close to the heading's left edge
WRAPPED_TITLE_MAX = 60  # characters: a line this short right below a heading may end its title
WRAPPED_TITLE_WORDS = 4  # words: a capitalised line this short may still end the title ("… Ministry" / "Initiative")
DANGLING_END = r"\b(?:of|on|for|and|in|to|the|with|by|&|-|\u2013)$"  # a title cannot end on these words


def merge_heading_fragments(blocks: list[Block]) -> list[Block]:
    """Return blocks with a heading wrapped over two PDF lines joined, when only the joined text is a heading.

    "… Centre data use (Indicator" + "3.d)" is one heading; two headings that each match stay apart.
    """
    merged: list[Block] = []
    for block in blocks:
        head = merged[-1] if merged else None
        if head is not None and _wrapped_heading(head, block):
            merged[-1] = joined(head, block)
            continue
        merged.append(block)
    return join_wrapped_scores(join_rows_broken_by_pages(join_titles_wrapped_in_cells(merged)))


def join_titles_wrapped_in_cells(blocks: list[Block]) -> list[Block]:
    """Return blocks with a heading's title wrapped in a narrow column joined ("Indicator 1.b – Data Sharing" |
    "25/30 marks", then "Guidelines" on the next line under the heading).

    The heading line has a neighbour to its right on the same line (the column it wraps in is bounded) and the
    next line below it, at its left edge and within a line height, is a short fragment that reads as the end of
    a title (see ``ends_title``).
    """
    blocks = list(blocks)
    for k, head in enumerate(blocks):
        heading = g.match_heading(head.text, allow_bare=True) if head.bbox is not None and head.kind != "table_cell" \
            else None
        if heading is None:
            continue
        later = blocks[k + 1:k + 4]
        below = next((j for j, b in enumerate(later) if _line_below(head, b)), None)
        if below is None or not any(_right_of(head, b) for b in later[:below]):
            continue
        block = later[below]
        text = g.clean_text(block.text)
        if block.kind == "paragraph" and ends_title(heading.title, text) and not opens_pillar(text, heading.code) \
                and g.match_heading(f"{head.text} {block.text}", allow_bare=True) is not None:
            blocks[k] = joined(head, blocks.pop(k + 1 + below))
    return blocks


def join_rows_broken_by_pages(blocks: list[Block]) -> list[Block]:
    """Return blocks with a table row that a page break cut in two put back together: the last row of a table
    holds an indicator's heading whose title breaks off ("Indicator 4.d: Number of APIs on" | "Score: 0/10"),
    and the next page's table opens with a row of that one cell, in the same column, ending it ("SCODP")."""
    blocks = list(blocks)
    filled = Counter(b.table for b in blocks if b.kind == "table_cell" and b.table is not None and b.text.strip())
    k = 1
    while k < len(blocks):
        cell = blocks[k]
        alone = cell.kind == "table_cell" and filled[cell.table] == 1 and bool(cell.text.strip())
        head = _cell_above_the_break(blocks, k) if alone else None  # only a table of one cell can be the rest
        if head is not None:
            heading = g.match_heading(head.text, allow_bare=True)
            text = g.clean_text(cell.text)
            if heading is not None and ends_title(heading.title, text) and not opens_pillar(text, heading.code):
                where = blocks.index(head)
                blocks[where] = replace(head, text=f"{head.text}\n{cell.text}")
                del blocks[k]
                continue
        k += 1
    return blocks


def _cell_above_the_break(blocks: list[Block], k: int) -> Block | None:
    """Return the cell of the previous page's last table row in the column of ``blocks[k]``, when that block is
    the only cell of a table that opens a page, and the previous table ends the previous page."""
    cell = blocks[k]
    if cell.kind != "table_cell" or cell.table is None or cell.bbox is None or cell.page is None:
        return None
    own = [b for b in blocks if b.kind == "table_cell" and b.table == cell.table and b.text.strip()]
    before = [b for b in blocks[:k] if b.kind == "table_cell" and b.table is not None and b.table != cell.table]
    if own != [cell] or not before or any(b.page == cell.page and b.kind != "header" for b in blocks[:k]
                                          if b.kind != "table_cell" and b.bbox is not None
                                          and b.bbox[1] < cell.bbox[1]):
        return None
    table = before[-1].table
    last = [b for b in before if b.table == table]
    row = max(b.row or 0 for b in last)
    above = [b for b in last if (b.row or 0) == row and b.page == cell.page - 1 and b.bbox is not None
             and abs(b.bbox[0] - cell.bbox[0]) <= HEADING_ALIGN and abs(b.bbox[2] - cell.bbox[2]) <= HEADING_ALIGN]
    return above[0] if len(above) == 1 else None


def ends_title(title: str, text: str) -> bool:
    """Return True when a short line can be the rest of a title that broke off: it starts in lower case ("… Data
    team and capacity" / "building"), the title ends on a word that cannot end it ("… Datasets on" / "SCODP"),
    or it is a few words without a full stop ("Initiative"); a sentence, a bullet, a score or a label is not."""
    return (
        0 < len(text) <= WRAPPED_TITLE_MAX and not re.search(r"[.:;!?)]$", title)
        and not g.strip_bullet(text)[0] and not re.search(r"[.:;!?]$", text) and g.match_score(text) is None
        and (text[:1].islower() or bool(re.search(DANGLING_END, title, re.IGNORECASE))
             or len(text.split()) <= WRAPPED_TITLE_WORDS)
    )


def opens_pillar(text: str, code: str) -> bool:
    """Return True when a line right below the heading of ``code`` reads as another pillar's heading: a pillar's
    name under one of its own indicators ("Indicator 3.b: Data Quality" / "Process") ends the title instead."""
    pillar = g.match_pillar_heading(text)
    return pillar is not None and pillar != int(code.split(".", 1)[0])


def _line_below(head: Block, block: Block) -> bool:
    """Return True for a single PDF line right below ``head`` (within a line height), at its left edge."""
    if block.bbox is None or block.page != head.page:
        return False
    line_height = max(head.bbox[3] - head.bbox[1], 1.0)
    gap = block.bbox[1] - head.bbox[3]
    return abs(block.bbox[0] - head.bbox[0]) <= HEADING_ALIGN and -1.0 <= gap <= CONTINUATION_GAP * line_height \
        and block.bbox[3] - block.bbox[1] <= 1.5 * line_height


def _right_of(head: Block, block: Block) -> bool:
    """Return True for a block on the same page and line as ``head``, to its right."""
    if block.bbox is None or block.page != head.page:
        return False
    overlap = min(head.bbox[3], block.bbox[3]) - max(head.bbox[1], block.bbox[1])
    return block.bbox[0] >= head.bbox[2] and overlap > 0.5 * (head.bbox[3] - head.bbox[1])


def join_wrapped_scores(blocks: list[Block]) -> list[Block]:
    """Return blocks with a score wrapped over two PDF lines of a narrow box joined ("20.0 /" above "25.0").

    The second line is the next one below in the same column: a heading printed level with the box, to its
    left, may come between them in reading order.
    """
    blocks = list(blocks)
    k = 0
    while k < len(blocks):
        head = blocks[k]
        below = next((j for j in range(k + 1, min(k + 4, len(blocks))) if _below_across(head, blocks[j])), None)
        if below is not None and _wrapped_score(head, blocks[below]):
            blocks[k] = joined(head, blocks.pop(below))
        k += 1
    return blocks


def _below_across(head: Block, block: Block) -> bool:
    """Return True when ``block`` is a PDF line on the same page just below ``head`` and overlapping it across,
    or the very next line of a text file ("12" / "/ 30" on a slide)."""
    if head.line is not None and block.line is not None and head.kind != "table_cell":
        return block.line == head.line + 1
    if head.bbox is None or block.bbox is None or head.page != block.page:
        return False
    if head.kind == "table_cell" and block.kind == "table_cell" and head.row is not None and block.row != head.row + 1:
        return False
    line_height = max(block.bbox[3] - block.bbox[1], 1.0)
    gap = block.bbox[1] - head.bbox[3]
    across = min(head.bbox[2], block.bbox[2]) - max(head.bbox[0], block.bbox[0])
    return -1.0 <= gap <= CONTINUATION_GAP * line_height and across > 0


def joined(head: Block, block: Block) -> Block:
    """Return a heading block continued by the next line: texts joined, boxes united, the head's place kept."""
    box = union(head.bbox, block.bbox) if head.bbox is not None and block.bbox is not None else head.bbox
    return replace(head, text=f"{head.text} {block.text}", bbox=box)


def _wrapped_heading(head: Block, block: Block) -> bool:
    """Return True when ``block`` is the second line of the heading ``head`` that alone is no heading."""
    if not heading_line_below(head, block):
        return False
    if g.match_heading(head.text, allow_bare=True) or g.match_heading(block.text, allow_bare=True):
        return False
    return g.match_heading(f"{head.text} {block.text}", allow_bare=True) is not None


def _wrapped_score(head: Block, block: Block) -> bool:
    """Return True when ``block`` (the line below ``head``) ends a score that alone is no score ("Marks obtained:
    0 out of" / "25"), or the score a heading line breaks off ("… | Score obtained: 0" / "(Maximum: 30)")."""
    if (head.kind == "table_cell") != (block.kind == "table_cell"):
        return False
    if head.kind == "table_cell" and (head.table != block.table or head.col != block.col):
        return False  # a table's cell goes on only in the same column, one row down
    if g.match_score(head.text) or g.match_score(block.text) is not None and g.is_score_label(head.text):
        return False  # a whole score already; "Score:" above "10/30" is read as label and score
    joined = f"{head.text} {block.text}"
    if g.match_score(joined) is not None:
        return True
    if g.match_heading(head.text, allow_bare=True) is None or g.match_heading(block.text, allow_bare=True):
        return False
    alone = g.match_score(block.text)
    if alone is not None and alone.max_score is not None:
        return False  # "Score – 0/20" under a heading is a score line of its own, not the end of the heading's
    before, after = g.split_heading_score(head.text), g.split_heading_score(joined)
    return (before is None or before.max_score is None) and after is not None and after.max_score is not None


def heading_line_below(head: Block, block: Block) -> bool:
    """Return True for a heading-styled PDF line right below a heading line (within a line height), at its left edge."""
    if block.kind != "heading" or head.kind != "heading" or head.bbox is None or block.bbox is None:
        return False
    line_height = max(block.bbox[3] - block.bbox[1], 1.0)
    gap = block.bbox[1] - head.bbox[3]
    return head.page == block.page and abs(block.bbox[0] - head.bbox[0]) <= HEADING_ALIGN and (
        -1.0 <= gap <= CONTINUATION_GAP * line_height)
