"""Held-out text exports: a Markdown export (as pandoc writes one) and a page-laid-out plain text dump.

The plain dump imitates ``pdftotext -layout`` of a designed report: form feeds between pages, a
running header with the cycle, a contents page with dot leaders, "– N –" page numbers, and scores
in brackets at the end of headings.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from tests.heldout import words as w
from tests.heldout.render_fpdf import Printed
from tests.heldout.spec import PILLARS, Report, pillar_total

WIDTH = 92
PAGE_LINES = 56


def render_markdown(report: Report, path: Path, variant: int) -> Printed:
    """Markdown: "### 2.a Title" headings, "**Marks obtained:** 12 / 30", numbered lists, pillar headings."""
    label = w.cycle_label(report.cycle, ("plain", "dmaf", "roman")[variant % 3])
    out = ["# DATA MATURITY ASSESSMENT FRAMEWORK", "", "## City Performance & Recommendations", "",
           f"**Name of the City:** {report.city}  ", f"**State/UT:** {report.state}  ", f"**Cycle:** {label}", ""]
    for pillar, items in groupby(report.items, key=lambda i: i.pillar):
        out += [f"## {w.pillar_heading(pillar, PILLARS[pillar], 'numbered')}", ""]
        for item in items:
            line = w.score_line(item, "marks_obtained")
            label_part, _, value = line.partition(": ")
            out += [f"### {w.heading(item, 'bare')}", "", f"**{label_part}:** {value}", "", " ".join(item.text), ""]
            out += [f"{n}. {step}." for n, step in enumerate(item.steps, start=1)] + [""]
    path.write_text("\n".join(out), encoding="utf-8")
    return Printed(label, {})


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Return text wrapped at ``width`` columns."""
    lines, current = [], indent
    for word in text.split():
        if len(current) + len(word) + 1 > width and current.strip():
            lines.append(current.rstrip())
            current = indent
        current += word + " "
    if current.strip():
        lines.append(current.rstrip())
    return lines


def render_layout_dump(report: Report, path: Path, variant: int) -> Printed:
    """pdftotext -layout style: pages split by form feeds, a contents page, running headers, centred page numbers."""
    label = w.cycle_label(report.cycle, "roman")
    body: list[tuple[str, str]] = []  # (kind, line); kind "heading" lines are listed in the contents
    for pillar, items in groupby(report.items, key=lambda i: i.pillar):
        score, maximum = pillar_total(report, pillar)
        body += [("pillar", w.pillar_total_line(PILLARS[pillar], score, maximum)), ("text", "")]
        for item in items:
            body.append(("heading", f"{w.heading(item, 'colon')} {w.score_suffix(item)}"))
            body += [("text", line) for line in _wrap(" ".join(item.text), WIDTH)]
            body += [("text", f"   {chr(96 + n)}) {s}.") for n, s in enumerate(item.steps, start=1)]
            body.append(("text", ""))
    pages = [body[i:i + PAGE_LINES - 6] for i in range(0, len(body), PAGE_LINES - 6)]
    first_body_page = 3
    contents = ["Contents".center(WIDTH), ""]
    for n, page in enumerate(pages):
        for kind, line in page:
            if kind in ("heading", "pillar"):
                name = line.rsplit(" (", 1)[0] if kind == "heading" else line.split(" — ")[0].title()
                number = str(first_body_page + n)
                contents.append(f"{name} {'.' * max(3, WIDTH - len(name) - len(number) - 2)} {number}")
    cover = ["", "", "DATA MATURITY ASSESSMENT FRAMEWORK".center(WIDTH), label.center(WIDTH), "",
             "City Performance & Recommendations".center(WIDTH), "", f"Name of the City : {report.city}".center(WIDTH),
             f"State/UT : {report.state}".center(WIDTH)]
    rendered = []
    for number, lines in enumerate([cover, contents] + [[t for _, t in p] for p in pages], start=1):
        head = f"{'Smart Cities Mission':<{WIDTH - len(label)}}{label}" if number > 1 else ""
        rendered.append("\n".join([head, ""] + lines + ["", f"– {number} –".center(WIDTH)]))
    path.write_text("\f".join(rendered) + "\n", encoding="utf-8")
    return Printed(label, {})


def render_two_column_dump(report: Report, path: Path, variant: int) -> Printed:
    """A two-column page dumped as text (pdftotext -layout): left and right column lines side by side."""
    label = f"Cycle {report.cycle}.0"
    column: list[str] = []
    for item in report.items:
        column += _wrap(w.heading(item, "colon"), 44) + [w.score_line(item, "score_of"), ""]
        column += _wrap(" ".join(item.text), 44) + [""]
    half = (len(column) + 1) // 2
    left, right = column[:half], column[half:] + [""] * (2 * half - len(column))
    lines = [f"Data Maturity Assessment Framework {label}", f"City: {report.city} | State: {report.state}", ""]
    lines += [f"{a:<46}    {b}".rstrip() for a, b in zip(left, right)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Printed(label, {})
