"""Pure geometry for PDF pages: words into lines, lines into segments, aligned runs and paragraphs.

Works on plain dicts as pdfplumber returns them (x0, x1, top, bottom, text, size, fontname);
no PDF library is imported here, so every function is testable with hand-made words. Page-level
regions (borderless tables, two-column text) are in ``pdf_regions``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from core.blocks import BBox
from core.geometry import union_of

LINE_TOLERANCE = 3.0  # points: words whose tops differ by less are on one line
SEGMENT_GAP = 18.0  # points: a horizontal gap wider than this splits a line into segments
COLUMN_ALIGN = 12.0  # points: segments starting this close line up as one column
PARAGRAPH_GAP = 1.6  # line heights: a larger vertical gap ends a paragraph
FULL_LINE = 0.75  # a line reaching this share of the way to the right edge may continue on the next
LEAD_MARGIN = 0.5  # line heights: a gap this much wider than the usual line gap ends a paragraph
LABEL_GAP = 40.0  # points: a list label ("1", "a)", "•") this close before its text is one item with it
_BULLET = re.compile(
    r"^(?:[-\u2022\u25cf\u25aa\u25e6\u2023\u2043\u00b7*\u27a2\uf0b7\uf0a7o]|\d{1,2}[.)])$|^[\u2022\u25cf\u25aa\uf0b7]"
    r"|^\d{1,2}[.)][A-Z][a-z]"  # "22.Prepare": a list number set tight against its text
)
_LABEL = re.compile(
    r"^(?:\(?\d{1,2}[.)]?|\(?[a-z][.)]?|\(?[ivx]{1,4}[.)]"
    r"|[-\u2022\u25cf\u25aa\u25e6\u2023\u2043\u00b7*\u27a2\uf0b7\uf0a7])$"
)
_NUMERIC_CELL = re.compile(
    r"^(?:\d{1,4}(?:[.,]\d{1,2})?\s*%?(?:\s*/\s*\d{1,4}(?:[.,]\d{1,2})?)?|N\.?\s?/?\s?A\.?|nil|[-\u2013\u2014])$",
    re.IGNORECASE,
)
_FLOW_END = re.compile(r"[.:;!?]$")
_ENTRY_END = re.compile(r"(?:\.{4,}|(?:\.\s){3,})\s*\d{1,4}$")  # a contents entry: dot leaders, page number



@dataclass(frozen=True, slots=True)
class Segment:
    """A run of words on one line with no wide gap inside: a piece of text with its box."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    column: int = 0  # 0 full width; 1 and 2 the left and right column of a two-column region

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """Return (x0, top, x1, bottom)."""
        return (self.x0, self.top, self.x1, self.bottom)


def words_to_lines(words: list[dict]) -> list[list[dict]]:
    """Group words into lines by their top coordinate, each line sorted left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def line_to_segments(line: list[dict], *, column: int = 0) -> list[Segment]:
    """Split one line at wide horizontal gaps (score boxes, table-less columns)."""
    groups: list[list[dict]] = [[line[0]]]
    for word in line[1:]:
        if word["x0"] - groups[-1][-1]["x1"] > SEGMENT_GAP:
            groups.append([word])
        else:
            groups[-1].append(word)
    return [_segment(g, column) for g in groups]


def _segment(words: list[dict], column: int = 0) -> Segment:
    """Return the segment that a group of words forms."""
    sizes = [w.get("size", 0.0) for w in words]
    bold = all("bold" in str(w.get("fontname", "")).lower() for w in words)
    return Segment(
        " ".join(w["text"] for w in words),
        min(w["x0"] for w in words), min(w["top"] for w in words),
        max(w["x1"] for w in words), max(w["bottom"] for w in words),
        max(sizes) if sizes else 0.0, bold, column,
    )


@dataclass(frozen=True, slots=True)
class Grid:
    """A table found from alignment alone (no ruling lines): rows of (bbox, text) cells, and its box."""

    bbox: BBox
    rows: tuple[tuple[tuple[BBox, str], ...], ...]

    @property
    def top(self) -> float:
        """Return the table's top edge."""
        return self.bbox[1]


def reading_order(lines: list[list[Segment]]) -> list[Segment]:
    """Return segments in reading order, as ``order_lines`` does, with grids read row by row."""
    ordered: list[Segment] = []
    for kind, run in _runs([merge_list_label(line) for line in lines]):
        if kind == "columns":
            for col in range(len(run[0])):
                ordered.extend(line[col] for line in run if col < len(line))
        else:
            ordered.extend(s for line in run for s in line)
    return ordered


def order_lines(lines: list[list[Segment]]) -> list[Segment | Grid]:
    """Return segments in reading order: line by line; aligned runs of bullet or text columns column by
    column; aligned runs of short label/value cells as a grid, row by row."""
    ordered: list[Segment | Grid] = []
    for kind, run in _runs([merge_list_label(line) for line in lines]):
        if kind == "grid":
            ordered.append(grid_of(run))
        elif kind == "columns":
            for col in range(len(run[0])):
                ordered.extend(line[col] for line in run if col < len(line))
        else:
            ordered.extend(s for line in run for s in line)
    return ordered


def _runs(lines: list[list[Segment]]):
    """Yield ("grid" | "columns" | "lines", run) for consecutive runs of aligned lines."""
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and _aligned(lines[j], lines[j + 1]):
            j += 1
        run = lines[i: j + 1]
        if len(run) >= 2 and _is_grid(run):
            yield "grid", run
        elif len(run) >= 3:
            yield "columns", run
        else:
            yield "lines", run
        i = j + 1


def merge_list_label(line: list[Segment]) -> list[Segment]:
    """Join a list label set apart from its text ("1" ... "Notify a nodal officer") into one segment."""
    if len(line) < 2 or not _LABEL.match(line[0].text) or line[1].x0 - line[0].x1 > LABEL_GAP:
        return line
    label, text = line[0], line[1]
    marker = f"{label.text}." if label.text[-1].isalnum() else label.text
    joined = Segment(f"{marker} {text.text}", label.x0, min(label.top, text.top), text.x1,
                     max(label.bottom, text.bottom), text.size, text.bold, text.column)
    return [joined, *line[2:]]


def _is_grid(run: list[list[Segment]]) -> bool:
    """Return True for aligned cells that are read row by row: no bullets and no text flowing down a column."""
    if any(is_bullet_start(s.text) for line in run for s in line):
        return False
    for upper, lower in pairwise(run):
        for a, b in zip(upper, lower):
            if not _FLOW_END.search(a.text) and b.text[:1].islower():
                return False  # a sentence continues down the column: text columns, not a table
    return True


def grid_of(lines: list[list[Segment]]) -> Grid:
    """Return aligned lines as a grid, one row per line and one cell per segment."""
    rows = tuple(tuple((s.bbox, s.text) for s in line) for line in lines)
    boxes = [s.bbox for line in lines for s in line]
    return Grid(union_of(boxes), rows)


def is_numeric_cell(text: str) -> bool:
    """Return True for a table cell holding a number, a fraction, or a not-assessed mark ("12.5", "12/30", "NA")."""
    return bool(_NUMERIC_CELL.match(text.strip()))


def _aligned(a: list[Segment], b: list[Segment]) -> bool:
    """Return True when two lines have the same 2+ columns starting at the same x positions."""
    if len(a) < 2 or len(a) != len(b):
        return False
    return all(abs(s.x0 - t.x0) <= COLUMN_ALIGN for s, t in zip(a, b))


def is_bullet_start(text: str) -> bool:
    """Return True when a segment starts with a bullet marker."""
    first = text.split(" ", 1)[0]
    return bool(_BULLET.match(first))


def body_size(segments: list[Segment]) -> float:
    """Return the most common text size (the body text's), weighted by length."""
    sizes = [s.size for s in segments for _ in range(max(1, len(s.text) // 20))]
    return median(sizes) if sizes else 0.0


def right_edge(segments: list[Segment]) -> float:
    """Return where full lines of body text end on a page (a high percentile of right edges)."""
    edges = sorted(s.x1 for s in segments)
    return edges[int(0.9 * (len(edges) - 1))] if edges else 0.0


def line_gap(segments: list[Segment]) -> float | None:
    """Return the usual gap between the lines of a paragraph on a page (the median), or None if unknown."""
    gaps = []
    for a, b in pairwise(segments):
        gap, height = b.top - a.bottom, max(a.bottom - a.top, 1.0)
        if a.column == b.column and abs(a.x0 - b.x0) <= 3.0 and 0 <= gap <= PARAGRAPH_GAP * height:
            gaps.append(gap)
    return median(gaps) if len(gaps) >= 3 else None


def joins(previous: Segment, segment: Segment, body: float, right: float, lead: float | None = None) -> bool:
    """Return True when ``segment`` continues the paragraph whose last line is ``previous``.

    A line that stops well short of the right edge ends its paragraph (a score line, a last line);
    so does a gap clearly wider than ``lead``, the page's usual gap between the lines of a paragraph.
    """
    height = max(previous.bottom - previous.top, 1.0)
    full = previous.x1 >= previous.x0 + FULL_LINE * (right - previous.x0)
    gap = segment.top - previous.bottom
    if lead is not None and gap > lead + LEAD_MARGIN * height:
        return False
    same_column = abs(segment.x0 - previous.x0) <= COLUMN_ALIGN or (
        is_bullet_start(previous.text) and segment.x0 > previous.x0 and segment.x0 - previous.x0 < 40
    )
    return (
        0 <= gap <= PARAGRAPH_GAP * height
        and segment.column == previous.column
        and not _ENTRY_END.search(previous.text)
        and full
        and same_column
        and not is_bullet_start(segment.text)
        and abs(segment.size - previous.size) < 0.6
        and not is_heading(previous, body)
        and not is_heading(segment, body)
    )


def is_heading(segment: Segment, body: float) -> bool:
    """Return True for a segment set larger than body text, or bold and short."""
    return segment.size >= body + 1.0 or (segment.bold and len(segment.text) < 160)


def join_lines(first: str, second: str) -> str:
    """Join two lines of one paragraph, mending a hyphenated line end."""
    if re.search(r"[A-Za-z]-$", first) and second[:1].islower():
        return first[:-1] + second
    return f"{first} {second}"
