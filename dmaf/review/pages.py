"""The HTML review pages: one per current document, each score beside a picture of where it was read.

For a PDF the picture is a crop of the page around the score's box and its heading (``dmaf.review.crops``),
the score outlined in red and the heading in blue; for DOCX and TXT it is the document's text from the
heading to the score, the score's paragraph or line marked. The source is read again from the path the
warehouse recorded; when the file is gone or now holds other bytes, the page says so and shows no picture.
Corrected scores are marked, with the parsed value beside them.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from core import defaults
from core.blocks import Block
from dmaf.review.crops import Box, Crop, PdfPages
from dmaf.trends.html_report import esc, fmt_number, is_missing, page_html, table_html
from dmaf.trends.queries import TrendFrames

EXCERPT_BLOCKS = 8
"""At most this many paragraphs or lines are shown for a DOCX/TXT score."""
GUESSES = ("max_score_match", "nearest_above")
"""Placements that are a guess (flagged "check" on the page, as ``dmaf review`` lists them)."""


def review_page_name(city_slug: str, cycle: int) -> str:
    """Return the file name of a document's review page."""
    return f"review-{city_slug}-c{int(cycle)}.html"


def _box(row: Any, prefix: str) -> Box | None:
    """Return the row's box with column prefix ``prefix`` ("" for the score's, "heading_"), or None."""
    values = [getattr(row, f"{prefix}{name}") for name in ("x0", "top", "x1", "bottom")]
    return None if any(is_missing(v) for v in values) else tuple(float(v) for v in values)  # type: ignore[return-value]


def _crop_html(crop: Crop, indicator: str) -> str:
    """Return the <img> of a crop, its region and scale as data attributes (the tests measure them)."""
    data = base64.b64encode(crop.png).decode("ascii")
    region = ",".join(f"{v:.2f}" for v in crop.region)
    return (f'<img class="crop" alt="{esc(f"where {indicator} was read, page {crop.page}")}" '
            f'data-page="{crop.page}" data-region="{region}" data-scale="{crop.scale:g}" '
            f'width="{crop.width}" height="{crop.height}" src="data:image/png;base64,{data}">')


def _pdf_picture(pdf: PdfPages, row: Any) -> str:
    """Return the crop of one indicator's score and heading, or why there is none."""
    score_box = _box(row, "") if not is_missing(row.score_location) else None
    page = row.page if not is_missing(row.page) else row.heading_page
    if is_missing(page):
        return '<span class="muted">no page recorded</span>'
    page = int(page)
    heading = _box(row, "heading_") if not is_missing(row.heading_page) and int(row.heading_page) == page else None
    if score_box is None and heading is None:
        return f'<span class="muted">page {page}, no box recorded</span>'
    if page > len(pdf):
        return f'<span class="muted">page {page} is not in the file</span>'
    note = "" if score_box is not None else '<br><span class="muted">no score was placed: its heading is shown</span>'
    if score_box is not None and heading is None and not is_missing(row.heading_page):
        note = f'<br><span class="muted">its heading is on page {int(row.heading_page)}</span>'
    return _crop_html(pdf.crop(page, score=score_box, heading=heading), row.indicator_code) + note


def _excerpt(blocks: list[Block], row: Any) -> str:
    """Return the text from the indicator's heading to its score (a few blocks), the score's block marked."""
    at = {}
    for n, block in enumerate(blocks):
        at.setdefault(block.location, n)
    score_at = at.get(row.score_location) if not is_missing(row.score_location) else None
    heading_at = at.get(row.heading_location) if not is_missing(row.heading_location) else None
    found = [n for n in (heading_at, score_at) if n is not None]
    if not found:
        return '<span class="muted">not found in the file as it reads now</span>'
    first, last = min(found), max(found)
    shown = list(range(first, min(len(blocks), last + 2)))
    if len(shown) > EXCERPT_BLOCKS:  # the heading, then the blocks just before the score
        shown = [first, None, *range(last - EXCERPT_BLOCKS + 3, min(len(blocks), last + 2))]
    lines = []
    for n in shown:
        if n is None:
            lines.append('<span class="muted">…</span>')
            continue
        text = f"<b>{esc(blocks[n].location)}</b> {esc(blocks[n].text)}"
        css = "score" if n == score_at else "heading" if n == heading_at else ""
        lines.append(f'<mark class="{css}">{text}</mark>' if css else text)
    return '<div class="excerpt">' + "<br>\n".join(lines) + "</div>"


def _score_cell(row: Any) -> str:
    """Return the score as loaded, a corrected one marked with the parsed value beside it."""
    shown = f"{fmt_number(row.score)}/{fmt_number(row.max_score)}"
    if row.score_source != "corrected":
        return shown
    return (f'<span class="corrected" title="corrected by a reviewer (correction {int(row.correction_id)})">'
            f'{shown} ✎ corrected</span><br><span class="muted">parsed '
            f'{fmt_number(row.parsed_score)}/{fmt_number(row.parsed_max_score)}</span>')


def _source(path: Path, sha256: str) -> tuple[bytes | None, str]:
    """Return the file's bytes when it still holds the version's content, else None and why not."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, f"the source file {path} cannot be read now ({exc.strerror or exc}): no pictures"
    if hashlib.sha256(data).hexdigest() != sha256:
        return None, f"{path} now holds other bytes than this version ({sha256[:12]}): no pictures"
    return data, ""


def _pictures(rows: pd.DataFrame, path: Path, fmt: str, data: bytes,
              scale: float) -> dict[str, str]:
    """Return the picture of every indicator of one document, by code."""
    if fmt == "pdf":
        with PdfPages(data, scale) as pdf:
            return {row.indicator_code: _pdf_picture(pdf, row) for row in rows.itertuples()}
    from extractors import extract_bytes

    blocks = extract_bytes(data, name=str(path), ocr=None).blocks
    return {row.indicator_code: _excerpt(blocks, row) for row in rows.itertuples()}


def review_page(rows: pd.DataFrame, *, city_page: str, scale: float = defaults.REVIEW_CROP_SCALE) -> str:
    """Return the review page of one document from its rows of ``indicator_scores`` joined with
    ``score_provenance``."""
    first = rows.iloc[0]
    city, cycle, path, fmt, sha = first.city, int(first.cycle), Path(first.source_file), first.format, first.sha256
    data, problem = _source(path, sha)
    pictures = _pictures(rows, path, fmt, data, scale) if data is not None else {}
    body_rows = []
    for row in rows.itertuples():
        where = esc(row.location) if not is_missing(row.location) else ""
        method = esc(row.score_method) if not is_missing(row.score_method) else '<span class="muted">–</span>'
        if row.score_source != "corrected" and row.score_method in GUESSES:
            method += '<br><span class="flag">check: a guess</span>'
        css = ' class="corrected"' if row.score_source == "corrected" else ""
        body_rows.append([
            f'<td id="ind-{esc(row.indicator_code)}" data-indicator="{esc(row.indicator_code)}"{css}>'
            f"{esc(row.indicator_code)}</td>", f"<td>{esc(row.indicator_title)}</td>",
            f'<td class="num">{_score_cell(row)}</td>', f"<td>{method}<br>{where}</td>",
            f"<td>{pictures.get(row.indicator_code, '')}</td>"])
    corrected = int((rows["score_source"] == "corrected").sum())
    unscored = int(rows["score"].isna().sum())
    body = f"""<nav><a href="index.html">← All cities</a> <a href="{esc(city_page)}">← {esc(city)}</a></nav>
<h1>Review: {esc(city)}, cycle {cycle}</h1>
<p class="muted">{esc(path)} · {esc(fmt)} · version {esc(sha[:12])} · {len(rows)} indicators, {unscored} without a
score, {corrected} corrected</p>
{f'<p class="error">{esc(problem)}</p>' if problem else ""}
<p class="muted">Each score as loaded beside where it was read: red, the score's box; blue, its heading. A wrong
score is fixed with <code>dmaf correct --city {esc(city)} --cycle {cycle} --indicator CODE --score N --reason
"…"</code>.</p>
{table_html(["Indicator", "Title", "Score", "Placed by, where", "Source"], body_rows, css="review")}"""
    return page_html(f"Review: {city}, cycle {cycle}", body)


def review_rows(frames: TrendFrames) -> pd.DataFrame:
    """Return ``indicator_scores`` joined with ``score_provenance``: one row per indicator of every current
    document, in report order."""
    provenance = frames.score_provenance.drop(columns=["score", "source_file", "score_source", "parsed_score"])
    rows = frames.indicator_scores.merge(provenance, on=["city", "cycle", "indicator_code"], how="left")
    return rows


def write_review_pages(frames: TrendFrames, out_dir: Path, city_pages: dict[str, str], *,
                       scale: float = defaults.REVIEW_CROP_SCALE) -> list[Path]:
    """Write one review page per current document into ``out_dir``; return their paths."""
    written = []
    rows = review_rows(frames)
    for (city, cycle), document in rows.groupby(["city", "cycle"], sort=True):
        page = city_pages[city]
        name = review_page_name(page.removeprefix("city-").removesuffix(".html"), cycle)
        path = out_dir / name
        path.write_text(review_page(document, city_page=page, scale=scale), encoding="utf-8")
        written.append(path)
    return written


def review_links(city_slug: str, cycles: Iterable[int]) -> str:
    """Return the links from a city page to its documents' review pages."""
    links = [f'<a href="{review_page_name(city_slug, c)}">cycle {int(c)}</a>' for c in cycles]
    return " · ".join(links)
