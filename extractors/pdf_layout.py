"""Pure geometry for PDF pages: words into lines, lines into segments, columns and paragraphs.

Works on plain dicts as pdfplumber returns them (x0, x1, top, bottom, text, size, fontname);
no PDF library is imported here, so every function is testable with hand-made words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

LINE_TOLERANCE = 3.0  # points: words whose tops differ by less are on one line
SEGMENT_GAP = 18.0  # points: a horizontal gap wider than this splits a line into segments
COLUMN_ALIGN = 12.0  # points: segments starting this close line up as one column
PARAGRAPH_GAP = 1.6  # line heights: a larger vertical gap ends a paragraph
FULL_LINE = 0.75  # a line reaching this share of the way to the right edge may continue on the next
_BULLET = re.compile(r"^(?:[-\u2022\u25cf\u25aa\u25e6\u2023\u2043\u00b7*\u27a2\uf0b7\uf0a7o]|\d{1,2}[.)])$|^[\u2022\u25cf\u25aa\uf0b7]")


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


def line_to_segments(line: list[dict]) -> list[Segment]:
    """Split one line at wide horizontal gaps (score boxes, table-less columns)."""
    groups: list[list[dict]] = [[line[0]]]
    for word in line[1:]:
        if word["x0"] - groups[-1][-1]["x1"] > SEGMENT_GAP:
            groups.append([word])
        else:
            groups[-1].append(word)
    return [_segment(g) for g in groups]


def _segment(words: list[dict]) -> Segment:
    """Return the segment that a group of words forms."""
    sizes = [w.get("size", 0.0) for w in words]
    bold = all("bold" in str(w.get("fontname", "")).lower() for w in words)
    return Segment(
        " ".join(w["text"] for w in words),
        min(w["x0"] for w in words), min(w["top"] for w in words),
        max(w["x1"] for w in words), max(w["bottom"] for w in words),
        max(sizes) if sizes else 0.0, bold,
    )


def reading_order(lines: list[list[Segment]]) -> list[Segment]:
    """Return segments in reading order: line by line, but runs of aligned columns column by column."""
    ordered: list[Segment] = []
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and _aligned(lines[j], lines[j + 1]):
            j += 1
        if j - i + 1 >= 3:
            run = lines[i: j + 1]
            for col in range(len(run[0])):
                ordered.extend(line[col] for line in run if col < len(line))
        else:
            for line in lines[i: j + 1]:
                ordered.extend(line)
        i = j + 1
    return ordered


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


def joins(previous: Segment, segment: Segment, body: float, right: float) -> bool:
    """Return True when ``segment`` continues the paragraph whose last line is ``previous``.

    A line that stops well short of the right edge ends its paragraph (a score line, a last line).
    """
    height = max(previous.bottom - previous.top, 1.0)
    full = previous.x1 >= previous.x0 + FULL_LINE * (right - previous.x0)
    gap = segment.top - previous.bottom
    same_column = abs(segment.x0 - previous.x0) <= COLUMN_ALIGN or (
        is_bullet_start(previous.text) and segment.x0 > previous.x0 and segment.x0 - previous.x0 < 40
    )
    return (
        0 <= gap <= PARAGRAPH_GAP * height
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
