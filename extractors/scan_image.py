"""A scanned page as pixels: clean it, straighten it and find its ruled tables (pure numpy, no OCR engine).

Every function takes and returns arrays (``gray``: uint8, 0 black … 255 white; ``dark``: bool, True for ink),
so the geometry of a scan is tested without an OCR engine. Coordinates are pixels, origin top-left.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_SKEW = 4.0  # degrees: a page fed crooked into a scanner is off by less than this
RULE_SHARE = 0.08  # of the page's width: an ink run this long on one pixel row is a ruling, never a letter
CELL_MIN_PT = 9.0  # a vertical ruling between two horizontal ones is at least this tall (points)
JOIN_PT = 3.0  # rulings that end this close (points) meet
LONG_RULE_PT = 36.0  # a vertical ink run this long (half an inch) is a ruling, whatever it meets


@dataclass(frozen=True, slots=True)
class Rule:
    """One ruling: ``pos`` is its row (horizontal) or column (vertical), ``start``/``end`` its extent along it
    and ``lo``/``hi`` across it (its thickness: the rows or columns it covers)."""

    pos: float
    start: float
    end: float
    lo: int = 0
    hi: int = 0


@dataclass(frozen=True, slots=True)
class Grid:
    """A ruled table: its box and its rows, each a list of cell boxes (x0, top, x1, bottom), in pixels."""

    bbox: tuple[float, float, float, float]
    rows: tuple[tuple[tuple[float, float, float, float], ...], ...]


def otsu(gray: np.ndarray) -> int:
    """Return the grey level that best splits ink from paper (Otsu's threshold)."""
    hist = np.bincount(gray.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    levels = np.arange(256)
    weight = np.cumsum(hist)
    mean = np.cumsum(hist * levels)
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean[-1] * weight - mean * total) ** 2 / (weight * (total - weight))
    between = np.nan_to_num(between)
    return int(np.argmax(between))


def dark_mask(gray: np.ndarray) -> np.ndarray:
    """Return the ink of a page (True where dark)."""
    return gray <= otsu(gray)


def skew_angle(dark: np.ndarray, *, limit: float = MAX_SKEW) -> float:
    """Return the angle (degrees, counter-clockwise positive) by which the page's lines of text are tilted.

    The angle is the one at which the lower edges of the ink, projected onto the vertical axis, give the sharpest
    profile: baselines and rulings then fall into as few rows as possible. Coarse steps of 0.25°, then 0.02°.
    """
    edges = dark[:-1] & ~dark[1:]  # the lower edge of ink: baselines line up sharper than whole letters
    ys, xs = np.nonzero(edges)
    if len(ys) < 50:
        return 0.0
    if len(ys) > 400_000:
        keep = np.random.default_rng(0).choice(len(ys), 400_000, replace=False)
        ys, xs = ys[keep], xs[keep]
    xs = xs - xs.mean()

    def sharpness(angle: float) -> float:
        rows = np.round(ys + xs * np.tan(np.radians(angle))).astype(np.int64)
        counts = np.bincount(rows - rows.min())
        return float(np.dot(counts, counts))

    coarse = max(np.arange(-limit, limit + 1e-9, 0.25), key=sharpness)
    fine = max(np.arange(coarse - 0.25, coarse + 0.25 + 1e-9, 0.02), key=sharpness)
    return round(float(fine), 2)


def runs(dark: np.ndarray, length: int, axis: int) -> np.ndarray:
    """Return the ink pixels that lie in an unbroken run of at least ``length`` along ``axis`` (1 = rows)."""
    if axis == 0:
        return runs(dark.T, length, 1).T
    width = dark.shape[1]
    if length > width:
        return np.zeros_like(dark)
    sums = np.zeros((dark.shape[0], width + 1), dtype=np.int32)
    np.cumsum(dark, axis=1, out=sums[:, 1:])
    full = (sums[:, length:] - sums[:, :-length]) == length  # full[:, s]: a run of ``length`` starts at s
    starts = np.zeros((dark.shape[0], full.shape[1] + 1), dtype=np.int32)
    np.cumsum(full, axis=1, out=starts[:, 1:])
    j = np.arange(width)
    hi, lo = np.minimum(j + 1, full.shape[1]), np.maximum(0, j - length + 1)
    return (starts[:, hi] - starts[:, lo]) > 0  # some run that starts in [j - length + 1, j] covers j


def _rules(mask: np.ndarray, *, gap: int) -> list[Rule]:
    """Return the rulings of a mask of long horizontal runs: bands of adjacent rows, split where they stop."""
    rows = np.nonzero(mask.any(axis=1))[0]
    found: list[Rule] = []
    if len(rows) == 0:
        return found
    bands = np.split(rows, np.nonzero(np.diff(rows) > 1 + gap)[0] + 1)
    for band in bands:
        cols = np.nonzero(mask[band[0]:band[-1] + 1].any(axis=0))[0]
        for piece in np.split(cols, np.nonzero(np.diff(cols) > gap)[0] + 1):
            cover = mask[band[0]:band[-1] + 1, piece[0]:piece[-1] + 1].sum(axis=1)  # of each row of the band
            inked = band[0] + np.nonzero(cover >= cover.max() / 2)[0]  # a letter's stroke beside it covers less
            found.append(Rule(float(inked.mean()), float(piece[0]), float(piece[-1] + 1), int(inked[0]),
                              int(inked[-1])))
    return found


def find_rules(dark: np.ndarray, dpi: float) -> tuple[list[Rule], list[Rule]]:
    """Return the horizontal and vertical rulings of a page (long, thin runs of ink)."""
    gap = max(1, round(JOIN_PT * dpi / 72 / 2))
    horizontal = _rules(runs(dark, max(8, int(RULE_SHARE * dark.shape[1])), axis=1), gap=gap)
    vertical = _rules(runs(dark, max(8, int(CELL_MIN_PT * 0.8 * dpi / 72)), axis=0).T, gap=gap)
    return horizontal, vertical


def erase(gray: np.ndarray, horizontal: list[Rule], walls: list[Rule], *, margin: int = 2) -> np.ndarray:
    """Return the page with its rulings painted white: every horizontal one and the vertical walls of tables
    (not the upright strokes of large letters, which are long too)."""
    out = gray.copy()
    for rule in horizontal:
        across, along = slice(max(0, rule.lo - margin), rule.hi + margin + 1), _extent(rule, margin)
        out[across, along] = 255
    for rule in walls:
        out[_extent(rule, margin), max(0, rule.lo - margin):rule.hi + margin + 1] = 255
    return out


def long_rules(vertical: list[Rule], dpi: float) -> list[Rule]:
    """Return the vertical rulings too long to be a letter's stem, or pieces of one: a margin line, or a column
    of "|" down a text table, one piece a line, each starting within its own length below the last, together
    half an inch or more. They are erased like table walls, though no horizontal ruling closes them into cells."""
    found: list[Rule] = []
    ordered = sorted(vertical, key=lambda v: v.pos)
    clusters: list[list[Rule]] = []
    for rule in ordered:  # rulings within 3 px of each other's column
        if clusters and rule.pos - clusters[-1][-1].pos <= 3:
            clusters[-1].append(rule)
        else:
            clusters.append([rule])
    for cluster in clusters:
        column: list[Rule] = []
        for rule in sorted(cluster, key=lambda v: v.start) + [None]:
            if rule is not None and column and rule.start - column[-1].end <= rule.end - rule.start:
                column.append(rule)
                continue
            if column and column[-1].end - column[0].start >= LONG_RULE_PT * dpi / 72:
                found.extend(column)
            column = [rule] if rule is not None else []
    return found


def _extent(rule: Rule, margin: int) -> slice:
    """Return the pixels a ruling runs along, with a margin."""
    return slice(max(0, int(rule.start) - margin), int(rule.end) + margin)


def walls(horizontal: list[Rule], vertical: list[Rule], dpi: float) -> list[Rule]:
    """Return the vertical rulings that are walls of a table: both their ends meet a horizontal ruling."""
    near = JOIN_PT * dpi / 72
    return [v for v in vertical if v.end - v.start >= CELL_MIN_PT * 0.8 * dpi / 72
            and sum(_meets(v, h, near) for h in horizontal) >= 2]


def _meets(v: Rule, h: Rule, near: float) -> bool:
    """Return True when a vertical and a horizontal ruling touch or cross: the vertical one's end reaches the
    horizontal one's ink (a letter's stem between two rulings of a tight row stops short of them), and it stands
    within ``near`` of the horizontal one's extent."""
    reach = 1 + (h.hi - h.lo) / 2 + near / 4
    return h.start - near <= v.pos <= h.end + near and v.start - reach <= h.pos <= v.end + reach


def grids(horizontal: list[Rule], vertical: list[Rule], dpi: float) -> list[Grid]:
    """Return the ruled tables: horizontal rulings joined by vertical ones that run from one to the next.

    A vertical ruling counts only where both its ends meet a horizontal ruling (a tall letter never does);
    each row is the band between two horizontal rulings, cut into cells by the vertical rulings crossing it.
    """
    near = JOIN_PT * dpi / 72

    def meets(v: Rule, h: Rule) -> bool:
        return _meets(v, h, near)

    upright = walls(horizontal, vertical, dpi)
    found: list[Grid] = []
    used: set[int] = set()
    for k, first in enumerate(horizontal):
        if k in used:
            continue
        group, members = [k], [first]
        changed = True
        while changed:  # every horizontal ruling reached through a shared wall belongs to the table
            changed = False
            touching = [v for v in upright if any(meets(v, h) for h in members)]
            for j, h in enumerate(horizontal):
                if j not in group and any(meets(v, h) for v in touching):
                    group.append(j)
                    members.append(h)
                    changed = True
        used.update(group)
        grid = _grid(members, [v for v in upright if any(meets(v, h) for h in members)], near)
        if grid is not None:
            found.append(grid)
    return found


def _grid(members: list[Rule], walls: list[Rule], near: float) -> Grid | None:
    """Return the table made by some horizontal rulings and the walls between them, or None if it has no cell."""
    ys: list[float] = []
    for y in sorted(h.pos for h in members):
        if not ys or y - ys[-1] > near:
            ys.append(y)
    rows = []
    for top, bottom in zip(ys, ys[1:]):
        middle = (top + bottom) / 2
        xs: list[float] = []
        for x in sorted(v.pos for v in walls if v.start - near <= middle <= v.end + near):
            if not xs or x - xs[-1] > near:
                xs.append(x)
        if len(xs) >= 2:
            rows.append(tuple((x0, top, x1, bottom) for x0, x1 in zip(xs, xs[1:])))
    if not rows:
        return None
    x0 = min(cell[0] for row in rows for cell in row)
    x1 = max(cell[2] for row in rows for cell in row)
    return Grid((x0, rows[0][0][1], x1, rows[-1][0][3]), tuple(rows))
