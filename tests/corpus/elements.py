"""Layouts: what a report looks like, as format-neutral elements each renderer draws its own way.

``layout_document(spec, layout)`` decides the words, their order and their grouping (heading with
its score beside it, a table row, a displaced score line); ``render_txt``/``render_docx``/
``render_pdf`` only decide how each element looks in their format.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby
from typing import Literal

from .spec import IndicatorSpec, ReportSpec, code_key
from .text import (
    SUBTITLE,
    TXT_CODECS,
    UTF8,
    TxtCodec,
    curly_quotes,
    display_code,
    fmt_num,
    heading_text,
    meta_line,
    report_title,
    running_header,
    score_fraction,
    score_line,
    score_value,
    variant_heading,
    variant_score,
)

LAYOUTS: tuple[str, ...] = ("plain", "designed", "scorecard", "table_rows", "variants", "displaced")


@dataclass(frozen=True)
class Title:
    """The report's main title."""

    text: str


@dataclass(frozen=True)
class Subtitle:
    """The line under the title."""

    text: str


@dataclass(frozen=True)
class Line:
    """A short standalone line of body text (metadata)."""

    text: str


@dataclass(frozen=True)
class Heading:
    """A section (level 1) or indicator (level 2) heading.

    ``aside`` is a score drawn level with the heading at the right (in DOCX a right-aligned
    paragraph after it, or with ``tab_aside`` a tab and a run inside the heading);
    ``styled=False`` asks for bold body text instead of a heading style.
    """

    text: str
    level: int = 2
    aside: str | None = None
    styled: bool = True
    tab_aside: bool = False


@dataclass(frozen=True)
class ScoreLine:
    """A score on its own line: ``label`` + ``value``, the value in bold when ``bold``."""

    label: str
    value: str = ""
    bold: bool = False

    @property
    def text(self) -> str:
        """Return the line as plain text."""
        return self.label + self.value


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of recommendation text."""

    text: str


@dataclass(frozen=True)
class Bullets:
    """A bullet list; ``styled=False`` asks for literal markers instead of a list style."""

    items: tuple[str, ...]
    marker: str = "-"
    styled: bool = True


@dataclass(frozen=True)
class BulletColumns:
    """One bullet list laid out as side-by-side columns."""

    groups: tuple[tuple[str, ...], ...]
    marker: str = "-"


@dataclass(frozen=True)
class Table:
    """A ruled table; ``widths`` in PDF points; ``txt`` is how TXT prints it."""

    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    bold: Literal["header", "first_col", "none"] = "none"
    txt: Literal["pipe", "aligned", "inline"] = "inline"

    def is_bold(self, row: int, col: int) -> bool:
        """Return whether a cell is emphasised (header row or first column)."""
        return (self.bold == "header" and row == 0) or (self.bold == "first_col" and col == 0)


@dataclass(frozen=True)
class Spacer:
    """Vertical padding, ``lines`` blank lines high."""

    lines: int


@dataclass(frozen=True)
class PageBreak:
    """Start a new page."""


Element = (
    Title
    | Subtitle
    | Line
    | Heading
    | ScoreLine
    | Paragraph
    | Bullets
    | BulletColumns
    | Table
    | Spacer
    | PageBreak
)


@dataclass(frozen=True)
class Doc:
    """A laid-out report: elements plus page furniture and typographic choices.

    ``footer`` is a template with ``{n}`` (page) and ``{m}`` (pages); ``wrap`` is the TXT line
    width (None: one line per paragraph); ``codec`` is how TXT is encoded.
    """

    elements: tuple[Element, ...]
    title: str
    header: str | None = None
    footer: str | None = None
    hyphenate: bool = False
    wrap: int | None = None
    codec: TxtCodec = UTF8


def txt_codec(layout: str, variant: int) -> TxtCodec:
    """Return the TXT encoding of a layout: "variants" rotates through ``TXT_CODECS``."""
    return TXT_CODECS[variant % len(TXT_CODECS)] if layout == "variants" else UTF8


def layout_document(spec: ReportSpec, layout: str, variant: int = 0) -> Doc:
    """Return ``spec`` laid out as ``layout``; ``variant`` picks among a layout's sub-styles."""
    if layout not in _BUILDERS:
        raise ValueError(f"unknown layout {layout!r}; expected one of {LAYOUTS}")
    return _BUILDERS[layout](spec, variant)


def _pillars(spec: ReportSpec) -> list[list[IndicatorSpec]]:
    """Return the indicators grouped by pillar, in code order."""
    ordered = sorted(spec.indicators, key=lambda ind: code_key(ind.code))
    return [list(group) for _, group in groupby(ordered, key=lambda ind: ind.pillar)]


def _in_order(spec: ReportSpec) -> list[IndicatorSpec]:
    """Return the indicators in code order."""
    return [ind for pillar in _pillars(spec) for ind in pillar]


def _title_block(spec: ReportSpec) -> list[Element]:
    """Return the seed's title block: title, subtitle, "City: … | State: …"."""
    return [Title(report_title(spec)), Subtitle(SUBTITLE), Line(meta_line(spec))]


def _body(
    ind: IndicatorSpec,
    *,
    marker: str = "-",
    styled: bool = True,
    columns: bool = False,
    edit: Callable[[str], str] | None = None,
) -> list[Element]:
    """Return an indicator's recommendations: first paragraph, bullets, other paragraphs."""
    edit = edit or (lambda text: text)
    paragraphs = [Paragraph(edit(p)) for p in ind.paragraphs]
    items = tuple(edit(b) for b in ind.bullets)
    bullets: list[Element] = []
    if items and columns:
        size = -(-len(items) // 3)
        groups = tuple(items[i : i + size] for i in range(0, len(items), size))
        bullets = [BulletColumns(groups, marker)]
    elif items:
        bullets = [Bullets(items, marker, styled)]
    return [*paragraphs[:1], *bullets, *paragraphs[1:]]


def _plain(spec: ReportSpec, variant: int) -> Doc:
    """Return the seed-like layout: heading, "Score: 0/30" under it, paragraphs, "- " bullets."""
    elements = [*_title_block(spec), Spacer(3), Heading("City Recommendations", 1), Spacer(3)]
    for pillar in _pillars(spec):
        for ind in pillar:
            elements += [Heading(heading_text(ind)), ScoreLine(score_line(ind)), *_body(ind)]
        elements.append(Spacer(3))
    return Doc(tuple(elements), report_title(spec))


def _designed(spec: ReportSpec, variant: int) -> Doc:
    """Return score boxes level with headings, a running header and "Page N of M" footers."""
    elements = [*_title_block(spec), Heading("City Recommendations", 1)]
    for i, ind in enumerate(_in_order(spec)):
        heading = Heading(heading_text(ind), aside=score_line(ind), tab_aside=i % 2 == 1)
        elements += [heading, *_body(ind, marker="•")]
    return Doc(
        tuple(elements),
        report_title(spec),
        header=running_header(spec),
        footer="Page {n} of {m}",
        hyphenate=True,
        wrap=88,
    )


def _scorecard(spec: ReportSpec, variant: int) -> Doc:
    """Return a first page with a Code/Indicator/Score/Max Score table, then score-less headings."""
    rows = [("Code", "Indicator", "Score", "Max Score")]
    rows += [
        (display_code(ind.code), ind.title, score_value(ind.score), fmt_num(ind.max_score))
        for ind in _in_order(spec)
    ]
    table = Table(tuple(rows), (62, 285, 68, 68), "header", ("pipe", "aligned")[variant % 2])
    elements = [*_title_block(spec), Heading("City Performance", 1), table, PageBreak()]
    elements.append(Heading("City Recommendations", 1))
    for ind in _in_order(spec):
        elements += [Heading(heading_text(ind)), *_body(ind)]
    return Doc(tuple(elements), report_title(spec))


def _table_rows(spec: ReportSpec, variant: int) -> Doc:
    """Return each heading and its score as the two cells of a table row; metadata as a table."""
    meta = Table((("City", spec.city), ("State", spec.state)), (90, 220), "first_col")
    elements = [Title(report_title(spec)), Subtitle(SUBTITLE), meta]
    elements.append(Heading("City Recommendations", 1))
    for ind in _in_order(spec):
        row = Table(((heading_text(ind), score_line(ind)),), (365, 118), "first_col")
        elements += [row, *_body(ind)]
    return Doc(tuple(elements), report_title(spec))


def _variants(spec: ReportSpec, variant: int) -> Doc:
    """Return headings, scores and metadata in rotating unusual forms, with curly quotes."""
    title = f"{spec.framework} — {spec.cycle_label}"
    elements: list[Element] = [
        Title(title),
        Subtitle("City Performance and Recommendations"),
        Line(f"City - {spec.city}, State - {spec.state}"),
        Heading("CITY RECOMMENDATIONS", 1),
    ]
    for i, ind in enumerate(_in_order(spec)):
        elements += [
            Heading(variant_heading(ind, i), styled=i % 2 == 0),
            ScoreLine(variant_score(ind, i)),
            *_body(ind, marker="•", styled=i % 3 != 1, edit=curly_quotes),
        ]
    return Doc(tuple(elements), title, codec=txt_codec("variants", variant))


# The "displaced" layout reproduces the seed's quirks on any spec:
# - pillars 1 and 5 print their 2nd and 3rd indicators swapped (1.a, 1.c&1.d, 1.b; 5.a, 5.c, 5.b);
# - LATE: the 2nd printed indicator of pillar 1 (1.c&1.d in Cycles 2 and 3, 1.c in Cycle 1) gets
#   no score under its heading; its score, as "Score: **0/40**", follows the NEXT indicator's
#   block (which has its own score). Only done when both are scored and their maxima differ, so
#   the orphan score is the only one with that maximum among the score-less indicators nearby;
# - EARLY: the 3rd indicator of pillar 4 (4.c) gets its score printed just BEFORE its heading,
#   after the previous block (4.b), which has its own score; only done when both are scored;
# - the longest bullet list with at least six items (the data-team roles of 2.c) is laid out
#   as three columns.


def _late_score(pillar: list[IndicatorSpec]) -> IndicatorSpec | None:
    """Return the indicator whose score goes after the next block, if that is unambiguous."""
    if len(pillar) < 3:
        return None
    ind, nxt = pillar[1], pillar[2]
    ok = ind.score is not None and nxt.score is not None and ind.max_score != nxt.max_score
    return ind if ok and ind.score_text is None else None


def _early_score(pillar: list[IndicatorSpec]) -> IndicatorSpec | None:
    """Return the indicator whose score goes before its heading, if both neighbours are scored."""
    if len(pillar) < 3:
        return None
    prev, ind = pillar[1], pillar[2]
    return ind if prev.score is not None and ind.score is not None else None


def _displaced(spec: ReportSpec, variant: int) -> Doc:
    """Return the seed's quirks: swapped order, scores after the next block or before a heading."""
    pillars = _pillars(spec)
    for pillar in pillars:
        if pillar[0].pillar in (1, 5) and len(pillar) >= 3:
            pillar[1], pillar[2] = pillar[2], pillar[1]
    late = _late_score(pillars[0]) if pillars[0][0].pillar == 1 else None
    early = next((_early_score(p) for p in pillars if p[0].pillar == 4), None)
    listed = [ind for ind in spec.indicators if len(ind.bullets) >= 6]
    columns = max(listed, key=lambda ind: len(ind.bullets)) if listed else None

    elements = [*_title_block(spec), Spacer(6), Heading("City Recommendations", 1), Spacer(6)]
    for pillar in pillars:
        pending: ScoreLine | None = None
        for ind, nxt in zip(pillar, [*pillar[1:], None], strict=True):
            elements.append(Heading(heading_text(ind)))
            if ind is not late and ind is not early:
                elements.append(ScoreLine(score_line(ind)))
            elements += _body(ind, columns=ind is columns)
            if pending:
                elements.append(pending)
                pending = None
            if ind is late:
                pending = ScoreLine("Score: ", score_fraction(ind), bold=True)
            if nxt is not None and nxt is early:
                elements.append(ScoreLine(score_line(nxt)))
        elements.append(Spacer(5))
    return Doc(tuple(elements), report_title(spec))


_BUILDERS: dict[str, Callable[[ReportSpec, int], Doc]] = {
    "plain": _plain,
    "designed": _designed,
    "scorecard": _scorecard,
    "table_rows": _table_rows,
    "variants": _variants,
    "displaced": _displaced,
}
