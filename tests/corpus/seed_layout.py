"""The real Imphal report's layout: its text's lines as the elements the corpus renderers draw (DOCX, PDF).

Used by ``scripts/render_raw_reports.py`` (raw_reports/) and ``tests/seed_like.py`` (the same layout with
distinct scores). The text is kept as it is: same order, same quirks.
"""

from __future__ import annotations

import re

from tests.corpus.elements import (
    BulletColumns,
    Bullets,
    Doc,
    Element,
    Heading,
    Line,
    Paragraph,
    ScoreLine,
    Spacer,
    Subtitle,
    Title,
)

RUNNING_HEADER = "DMAF Cycle 2.0 — Imphal"
SECTIONS = frozenset({"City Recommendations"})
_BOLD_SCORE = re.compile(r"^(?P<label>Score:\s*)\*\*(?P<value>[^*]+)\*\*$")


def seed_document(text: str) -> Doc:
    """Return the report's lines laid out as elements, in the text's order.

    The first three lines are the title block; "Indicator …" lines are headings, taking a score
    line that directly follows as their aside; other "Score:" lines stay standalone; "- " lines
    are bullets, and bullet groups only blank lines apart are one list in columns; runs of three
    or more blank lines become spacers.
    """
    lines = _lines_with_gaps(text)
    (title, _), (subtitle, _), (meta, _) = lines[:3]
    elements: list[Element] = [Title(title), Subtitle(subtitle), Line(meta)]
    rest = lines[3:]
    i = 0
    while i < len(rest):
        line, blanks = rest[i]
        following = rest[i + 1][0] if i + 1 < len(rest) else ""
        if blanks >= 3:
            elements.append(Spacer(blanks))
        if line.startswith("- ") and isinstance(elements[-1], (Bullets, BulletColumns)):
            elements[-1] = _add_bullet(elements[-1], line[2:], new_group=blanks > 0)
        elif line.startswith("Indicator ") and following.startswith("Score:"):
            elements.append(Heading(line, aside=following))
            i += 1
        else:
            elements.append(_line_element(line))
        i += 1
    return Doc(tuple(elements), title, header=RUNNING_HEADER, footer="Page {n}")


def _lines_with_gaps(text: str) -> list[tuple[str, int]]:
    """Return each non-blank line with the number of blank lines before it."""
    out, blanks = [], 0
    for raw in text.splitlines():
        line = raw.strip()
        if line:
            out.append((line, blanks))
            blanks = 0
        else:
            blanks += 1
    return out


def _line_element(line: str) -> Element:
    """Return the element of one line that is not a heading with its score."""
    if line in SECTIONS:
        return Heading(line, level=1)
    if line.startswith("Indicator "):
        return Heading(line)
    bold = _BOLD_SCORE.match(line)
    if bold:
        return ScoreLine(bold["label"], bold["value"], bold=True)
    if line.startswith("Score:"):
        return ScoreLine(line)
    if line.startswith("- "):
        return Bullets((line[2:],))
    return Paragraph(line)


def _add_bullet(
    last: Bullets | BulletColumns, item: str, *, new_group: bool
) -> Bullets | BulletColumns:
    """Return the list with ``item`` appended; after a blank line it starts a new column."""
    groups = last.groups if isinstance(last, BulletColumns) else (last.items,)
    groups = (*groups, (item,)) if new_group else (*groups[:-1], (*groups[-1], item))
    return Bullets(groups[0]) if len(groups) == 1 else BulletColumns(groups)
