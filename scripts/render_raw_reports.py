"""Render the real Imphal report's text (../shared/seeds) as the TXT, DOCX and PDF in raw_reports/.

The text is kept as it is: same order, same quirks (the 1.c & 1.d score after the 1.b block, the
4.c score before its heading). Only its look changes: a title block, heading styles, and in the
PDF a score that directly follows its heading drawn as a box level with it, a running header and
"Page N" footers. The three columns of data-team roles become real columns. Markdown bold
("Score: **0/40**") becomes a bold run. Output is byte-identical from run to run.

Usage, from the repository root: ``python scripts/render_raw_reports.py``.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.corpus.elements import (  # noqa: E402  (needs ROOT on sys.path)
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
from tests.corpus.render_docx import write_docx  # noqa: E402
from tests.corpus.render_pdf import write_pdf  # noqa: E402

SEEDS = ROOT / ".." / "shared" / "seeds"
SOURCE = "imphal_manipur_cycle2.txt"
OUT_DIR = ROOT / "raw_reports"
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


def main() -> None:
    """Write raw_reports/imphal_manipur_cycle2.{txt,docx,pdf}."""
    source = SEEDS / SOURCE
    OUT_DIR.mkdir(exist_ok=True)
    stem = OUT_DIR / Path(SOURCE).stem
    shutil.copyfile(source, stem.with_suffix(".txt"))
    doc = seed_document(source.read_text(encoding="utf-8"))
    write_docx(doc, stem.with_suffix(".docx"))
    write_pdf(doc, stem.with_suffix(".pdf"))
    for suffix in (".txt", ".docx", ".pdf"):
        print(stem.with_suffix(suffix).relative_to(ROOT))


if __name__ == "__main__":
    main()
