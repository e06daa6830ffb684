"""Pure page geometry above the line: borderless tables and two-column text regions.

``layout_page`` turns a page's words (pdfplumber dicts) into its reading order: a list of
``Segment``s and ``Grid``s. A grid is a table found from alignment alone (no ruling lines), such as a
scorecard whose rows end in numbers; a two-column region is read left column first, then right.
"""

from __future__ import annotations

from itertools import pairwise

from core.geometry import union_of
from extractors.pdf_layout import (
    Grid,
    Segment,
    is_numeric_cell,
    line_to_segments,
    order_lines,
    words_to_lines,
)

GUTTER_MIN = 6.0  # points: the narrowest empty channel that can separate two text columns
COLUMN_MIN_SHARE = 0.35  # each column of a two-column region spans at least this share of the text width
COLUMN_FILL = 0.55  # and its lines fill at least this share of the column (flowing text, not labels)
COLUMN_MIN_LINES, COLUMN_MIN_SIDE = 3, 2  # lines in a region; lines with text on each side of the gutter
ROW_CONTINUATION = 1.6  # line heights: a wrapped table cell line this close to its row belongs to it
HEADER_GAP = 2.5  # line heights: a header line this close above the first row belongs to the table
BAND_GAP = 0.8  # line heights: a running header or footer is set this far apart from the body text
MAX_NUMBER_CELLS = 3  # numbers at the end of a row that are cells of their own (score, max, percent)
CELL_ALIGN = 8.0  # points: the last cells of two rows of one table line up this closely
MAX_WRAPS = 3  # lines a wrapped cell may add below its row (more is running text, not a table)
TIGHT_GAP = 0.6  # line heights: lines closer than this are one table row (a wrapped cell's leading)


def layout_page(words: list[dict], *, top: float, bottom: float, grids: bool = True) -> list[Segment | Grid]:
    """Return a page's content in reading order: borderless tables, then columns, then lines.

    Running headers and footers (lines above ``top`` or below ``bottom`` set apart from the body,
    see ``band_lines``) never join a table or a column region. With ``grids=False`` no borderless table
    is looked for: the other reading of a page where aligned rows may or may not be a table.
    """
    lines = words_to_lines(words)
    band = band_lines(lines, top=top, bottom=bottom)
    seg_lines = [line_to_segments(line) for line in lines]
    segments_of = {id(line): segments for line, segments in zip(lines, seg_lines)}
    found = find_grids(seg_lines, [row_cells(line) for line in lines], band) if grids else []
    starts = {first: grid for first, _, grid in found}
    used = {i for first, last, _ in found for i in range(first, last + 1)}
    body = [w for line, flag in zip(lines, band) if not flag for w in line]
    extent = (min(w["x0"] for w in body), max(w["x1"] for w in body)) if body else (0.0, 0.0)
    items: list[Segment | Grid] = []
    chunk: list[int] = []
    for index in range(len(lines)):
        if index in used:
            items += _order_chunk([lines[i] for i in chunk], [band[i] for i in chunk], extent, segments_of)
            chunk = []
            if index in starts:
                items.append(starts[index])
            continue
        chunk.append(index)
    return items + _order_chunk([lines[i] for i in chunk], [band[i] for i in chunk], extent, segments_of)


def _order_chunk(lines: list[list[dict]], band: list[bool], extent: tuple[float, float],
                 segments_of: dict[int, list[Segment]]) -> list[Segment | Grid]:
    """Return the reading order of consecutive lines: each column of a two-column region in turn.
    ``segments_of`` holds the full-width segments of the page's lines (by id), made once."""
    items: list[Segment | Grid] = []
    for column, group in split_columns(lines, band, extent):
        items += order_lines([segments_of[id(line)] if column == 0 and id(line) in segments_of
                              else line_to_segments(line, column=column) for line in group])
    return items


def band_lines(lines: list[list[dict]], *, top: float, bottom: float) -> list[bool]:
    """Flag the running-header and footer lines: in the top/bottom band and set apart from the body by a gap.

    A body line that merely starts high on the page (a small top margin) is not set apart, so it stays body.
    """
    flags = [False] * len(lines)
    tops = [min(w["top"] for w in line) for line in lines]
    bottoms = [max(w["bottom"] for w in line) for line in lines]
    head = [i for i in range(len(lines)) if tops[i] < top]
    for i in reversed(head):
        if i + 1 >= len(lines) or tops[i + 1] - bottoms[i] >= BAND_GAP * (bottoms[i] - tops[i]):
            flags[: i + 1] = [True] * (i + 1)
            break
    foot = [i for i in range(len(lines)) if bottoms[i] > bottom]
    for i in foot:
        if i == 0 or tops[i] - bottoms[i - 1] >= BAND_GAP * (bottoms[i] - tops[i]):
            flags[i:] = [True] * (len(lines) - i)
            break
    return flags


# --- borderless tables -----------------------------------------------------------------------------


def is_row(segments: list[Segment]) -> bool:
    """Return True for a line that reads like a table row: three or more cells, the last one a number."""
    return len(segments) >= 3 and is_numeric_cell(segments[-1].text)


def row_cells(line: list[dict]) -> list[Segment] | None:
    """Return a line's cells if it reads like a table row, else None.

    The numbers at the end of the line ("… 12.5  30", "… NA  30") are cells of their own however
    narrow the gap before them; the rest splits at wide gaps (code, title).
    """
    words = sorted(line, key=lambda w: w["x0"])
    tail: list[list[dict]] = []
    k = len(words)
    while k > 0 and len(tail) < MAX_NUMBER_CELLS:
        if k >= 3 and words[k - 2]["text"] == "/" and is_numeric_cell(f"{words[k - 3]['text']}/{words[k - 1]['text']}"):
            tail.insert(0, words[k - 3:k])  # "12 / 30" printed with spaces is one cell
            k -= 3
        elif is_numeric_cell(words[k - 1]["text"]):
            tail.insert(0, [words[k - 1]])
            k -= 1
        else:
            break
    if not tail or k == 0:
        return None
    cells = line_to_segments(words[:k]) + [line_to_segments(group)[0] for group in tail]
    return cells if is_row(cells) else None


def _aligned_end(a: list[Segment], b: list[Segment]) -> bool:
    """Return True when two rows' last cells sit in one column (left, right or centre aligned)."""
    x, y = a[-1], b[-1]
    return min(abs(x.x0 - y.x0), abs(x.x1 - y.x1), abs((x.x0 + x.x1) / 2 - (y.x0 + y.x1) / 2)) <= CELL_ALIGN


def find_grids(seg_lines: list[list[Segment]], rows_of: list[list[Segment] | None],
               band: list[bool]) -> list[tuple[int, int, Grid]]:
    """Return (first line, last line, grid) for each run of two or more row lines, with header and wraps.

    ``rows_of[i]`` is line i read as table cells (``row_cells``), or None when it is no row.
    """
    seg_lines = [rows_of[i] or seg_lines[i] for i in range(len(seg_lines))]
    grids = []
    i = 0
    while i < len(seg_lines):
        if rows_of[i] is None or band[i]:
            i += 1
            continue
        rows, wraps, j = [i], [], i + 1
        while j < len(seg_lines) and not band[j]:
            if rows_of[j] is not None and _aligned_end(seg_lines[rows[-1]], seg_lines[j]):
                rows.append(j)
            elif j - rows[-1] <= MAX_WRAPS and _wraps_cell(seg_lines[j], seg_lines[rows[-1]], seg_lines[j - 1]):
                wraps.append(j)
            else:
                break
            j += 1
        while wraps and wraps[-1] > rows[-1] + 1:  # only one wrapped line may follow the last row
            wraps.pop()
        last = max(rows[-1], wraps[-1] if wraps else -1)
        if len(rows) >= 2:
            first = i - 1 if i > 0 and not band[i - 1] and _is_header(seg_lines[i - 1], seg_lines[i]) else i
            grids.append((first, last, _grid(seg_lines, first, rows, wraps)))
        i = last + 1
    return grids


def _height(line: list[Segment]) -> float:
    """Return a line's height."""
    return max(1.0, max(s.bottom for s in line) - min(s.top for s in line))


def _wraps_cell(line: list[Segment], row: list[Segment], previous: list[Segment]) -> bool:
    """Return True for a line continuing wrapped text cells of ``row``: close below the line before it,
    and every piece inside the span of one of the row's text (non-numeric) cells."""
    gap = min(s.top for s in line) - max(s.bottom for s in previous)
    if gap > ROW_CONTINUATION * _height(row):
        return False
    spans = []
    for k, cell in enumerate(row):
        if not is_numeric_cell(cell.text):
            end = row[k + 1].x0 - 1.0 if k + 1 < len(row) else float("inf")
            spans.append((cell.x0 - 3.0, end))
    return all(not is_numeric_cell(s.text) and any(lo <= s.x0 and s.x1 <= hi for lo, hi in spans) for s in line)


def _is_header(line: list[Segment], first_row: list[Segment]) -> bool:
    """Return True for a column-header line right above a table's first row."""
    gap = first_row[0].top - max(s.bottom for s in line)
    return len(line) >= 2 and not is_numeric_cell(line[-1].text) and 0 <= gap <= HEADER_GAP * _height(first_row)


def _grid(seg_lines: list[list[Segment]], first: int, rows: list[int], wraps: list[int]) -> Grid:
    """Return the grid made of a header line (if ``first`` is before the rows), rows and wrapped lines."""
    header = [first] if first < rows[0] else []
    cells: dict[int, list[list[Segment]]] = {r: [[s] for s in seg_lines[r]] for r in header + rows}
    owners = _wrap_owners(seg_lines, rows, wraps)
    for w in wraps:
        owner = owners[w]
        for segment in seg_lines[w]:
            target = min(cells[owner], key=lambda c: _x_distance(c[0], segment))
            target.append(segment)
    out = []
    for r in header + rows:
        row = []
        for parts in cells[r]:
            parts = sorted(parts, key=lambda s: s.top)
            box = union_of(s.bbox for s in parts)
            row.append((box, " ".join(s.text for s in parts)))
        out.append(tuple(row))
    every = [c[0] for row in out for c in row]
    bbox = union_of(every)
    return Grid(bbox, tuple(out))


def _wrap_owners(seg_lines: list[list[Segment]], rows: list[int], wraps: list[int]) -> dict[int, int]:
    """Return the row each wrapped line belongs to.

    Lines set close together (inside a cell's leading) form one table row with the row line among
    them; where the rows are not set apart, the nearest row line is the owner (the one above on a tie).
    """
    order = sorted(rows + wraps)
    groups: list[list[int]] = [[order[0]]]
    for a, b in pairwise(order):
        gap = min(s.top for s in seg_lines[b]) - max(s.bottom for s in seg_lines[a])
        if gap <= TIGHT_GAP * _height(seg_lines[a]):
            groups[-1].append(b)
        else:
            groups.append([b])
    owners = {}
    for group in groups:
        in_group = [r for r in group if r in rows]
        for w in (x for x in group if x not in rows):
            candidates = in_group if len(in_group) == 1 else rows
            owners[w] = min(candidates, key=lambda r: (abs(seg_lines[r][0].top - seg_lines[w][0].top), r))
    return owners


def _x_distance(cell: Segment, segment: Segment) -> float:
    """Return 0 when a segment overlaps a cell horizontally, else the gap between them."""
    return max(0.0, cell.x0 - segment.x1, segment.x0 - cell.x1)


# --- two-column regions -----------------------------------------------------------------------------


Interval = tuple[float, float]


def split_columns(lines: list[list[dict]], band: list[bool],
                  extent: tuple[float, float]) -> list[tuple[int, list[list[dict]]]]:
    """Return (column, lines) groups in reading order: 0 for full-width lines, 1 and 2 for the two
    columns of a region where text flows in two columns on either side of an empty gutter.

    ``band`` flags the running header and footer lines, which never join a region; ``extent`` is
    (left, right) of the page's body text.
    """
    x_lo, x_hi = extent
    width = x_hi - x_lo
    if width <= 0:
        return [(0, lines)] if lines else []
    window = (x_lo + 0.25 * width, x_lo + 0.75 * width)
    free_of: dict[int, list[Interval]] = {}

    def free_at(k: int) -> list[Interval]:
        if k not in free_of:
            free_of[k] = _free(lines[k], window)
        return free_of[k]

    groups: list[tuple[int, list[list[dict]]]] = []
    i, after_band = 0, False
    while i < len(lines):
        if band[i]:
            groups.append((0, [lines[i]]))
            after_band = True
            i += 1
            continue
        free = free_at(i)
        j = i + 1
        while j < len(lines) and not band[j]:
            narrowed = _intersect(free, free_at(j))
            if not narrowed:
                break
            free, j = narrowed, j + 1
        run = lines[i:j]
        gutter = max(free, key=lambda g: g[1] - g[0]) if free else None
        if gutter and _two_columns(run, gutter, x_lo, x_hi):
            middle = (gutter[0] + gutter[1]) / 2
            left = [[w for w in line if w["x1"] <= middle] for line in run]
            right = [[w for w in line if w["x0"] >= middle] for line in run]
            groups += [(1, words_to_lines([w for line in left for w in line])),
                       (2, words_to_lines([w for line in right for w in line]))]
            i = j
        elif groups and groups[-1][0] == 0 and not after_band:
            groups[-1][1].append(lines[i])  # full-width lines stay together (aligned runs span them)
            i += 1
        else:
            groups.append((0, [lines[i]]))
            i += 1
        after_band = False
    return groups


def _free(line: list[dict], window: Interval) -> list[Interval]:
    """Return the empty horizontal gaps of a line inside ``window`` (at least GUTTER_MIN wide)."""
    gaps, cursor = [], float("-inf")
    for x0, x1 in sorted((w["x0"], w["x1"]) for w in line):
        if x0 > cursor:
            gaps.append((cursor, x0))
        cursor = max(cursor, x1)
    gaps.append((cursor, float("inf")))
    clipped = [(max(a, window[0]), min(b, window[1])) for a, b in gaps]
    return [(a, b) for a, b in clipped if b - a >= GUTTER_MIN]


def _intersect(a: list[Interval], b: list[Interval]) -> list[Interval]:
    """Return the intervals common to two lists (each at least GUTTER_MIN wide)."""
    out = [(max(p, r), min(q, s)) for p, q in a for r, s in b]
    return [(p, q) for p, q in out if q - p >= GUTTER_MIN]


def _two_columns(run: list[list[dict]], gutter: Interval, x_lo: float, x_hi: float) -> bool:
    """Return True when a run of lines is text flowing in two columns on either side of ``gutter``."""
    words = [w for line in run for w in line]
    if len(run) < COLUMN_MIN_LINES or not any(w["x1"] <= gutter[0] for w in words) \
            or not any(w["x0"] >= gutter[1] for w in words):
        return False
    left_width = max(w["x1"] for w in words if w["x1"] <= gutter[0]) - min(w["x0"] for w in words)
    right_width = max(w["x1"] for w in words) - min(w["x0"] for w in words if w["x0"] >= gutter[1])
    lefts = [[w for w in line if w["x1"] <= gutter[0]] for line in run]
    rights = [[w for w in line if w["x0"] >= gutter[1]] for line in run]
    lefts, rights = [side for side in lefts if side], [side for side in rights if side]
    if min(len(lefts), len(rights)) < COLUMN_MIN_SIDE:
        return False
    if min(left_width, right_width) < COLUMN_MIN_SHARE * (x_hi - x_lo):
        return False
    return _typical_span(lefts) >= COLUMN_FILL * left_width and _typical_span(rights) >= COLUMN_FILL * right_width


def _typical_span(sides: list[list[dict]]) -> float:
    """Return the width of the line the median word is on: most text flows in full lines, while a column's
    short headings and score boxes hold few words."""
    spans = sorted((_span(side), len(side)) for side in sides)
    half, seen = sum(n for _, n in spans) / 2, 0
    for span, n in spans:
        seen += n
        if seen >= half:
            return span
    return 0.0


def _span(words: list[dict]) -> float:
    """Return the width a group of words covers."""
    return max(w["x1"] for w in words) - min(w["x0"] for w in words)
