"""Things printed in pieces, put back together before the blocks are read: a heading wrapped over two PDF
lines, a score wrapped in a narrow box or broken off a heading line, a score split over two text lines.

Pure: blocks in, blocks out.
"""

from __future__ import annotations

from dataclasses import replace

from core.blocks import Block
from core.geometry import union
from parsing import grammar as g

CONTINUATION_GAP = 1.0  # line heights: a line this close below another continues it (PDF)
HEADING_ALIGN = 3.0  # points: a continued heading line starts this close to the heading's left edge


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
    return join_wrapped_scores(merged)


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
