"""State compendiums: one file binding several city reports behind a cover and a contents page, with its truth.

``compendium_specs(seed, n)`` picks ``n`` cities of one state (one cycle), each with its own random scores and a
layout of its own, so that sections differ in length and look. ``write_compendium(seed, folder, fmt)`` writes the
file (PDF: each report rendered as the corpus renders it, then bound behind a cover and a contents page that
names each city's first page, as a state office binds PDFs; DOCX: one document, page breaks between the parts)
and ``<name>.truth.json`` beside it: for each section its city, cycle, pages (PDF) and the indicators the corpus
truth gives (``spec.expected``). ``edit_section`` renders the same compendium with one section's scores changed.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

from .elements import Doc, Line, PageBreak, Subtitle, Title, layout_document
from .render_docx import write_docx
from .render_pdf import write_pdf
from .render_txt import doc_lines
from .spec import ReportSpec, _random_spec, expected

STATES: dict[str, tuple[str, ...]] = {
    "Maharashtra": ("Pune", "Nagpur", "Nashik", "Solapur", "Thane", "Aurangabad"),
    "Madhya Pradesh": ("Bhopal", "Indore", "Jabalpur", "Gwalior", "Ujjain", "Sagar"),
    "Tamil Nadu": ("Chennai", "Coimbatore", "Madurai", "Salem", "Vellore", "Tiruppur"),
}
SECTION_LAYOUTS = ("plain", "designed", "scorecard", "table_rows", "variants")
FORMATS = ("pdf", "docx", "txt")


def compendium_specs(seed: int, n: int = 3) -> tuple[str, list[tuple[ReportSpec, str]]]:
    """Return the state and ``n`` (spec, layout) sections of compendium ``seed``: one cycle, distinct cities."""
    rng = random.Random(seed)
    state = rng.choice(sorted(STATES))
    cycle = rng.choice((1, 2, 3))
    cities = rng.sample(STATES[state], n)
    layouts = rng.sample(SECTION_LAYOUTS, n)
    return state, [(_random_spec(rng, city, state, cycle), layout)
                   for city, layout in zip(cities, layouts, strict=True)]


def edit_section(sections: list[tuple[ReportSpec, str]], index: int) -> list[tuple[ReportSpec, str]]:
    """Return the sections with section ``index``'s first scored indicator lowered by 5 (or raised from 0)."""
    spec, layout = sections[index]
    indicators = list(spec.indicators)
    k = next(i for i, ind in enumerate(indicators) if ind.score is not None)
    old = indicators[k]
    indicators[k] = replace(old, score=old.score - 5 if old.score >= 5 else old.score + 5, score_text=None)
    edited = list(sections)
    edited[index] = (replace(spec, indicators=tuple(indicators)), layout)
    return edited


def write_compendium(seed: int, folder: Path, fmt: str, *, n: int = 3,
                     sections: list[tuple[ReportSpec, str]] | None = None, name: str | None = None) -> Path:
    """Write compendium ``seed`` in ``fmt`` into ``folder`` with its truth beside it; return its path."""
    state, chosen = compendium_specs(seed, n)
    chosen = sections or chosen
    folder.mkdir(parents=True, exist_ok=True)
    stem = name or f"compendium_{state.lower().replace(' ', '_')}_{seed}"
    path = folder / f"{stem}.{fmt}"
    docs = [layout_document(spec, layout, variant=seed % 2) for spec, layout in chosen]
    if fmt == "pdf":
        pages = _write_pdf(state, chosen, docs, path)
    elif fmt == "docx":
        write_docx(Doc(_front(state, chosen, None) + tuple(e for d in docs for e in (PageBreak(), *d.elements)),
                       f"DMAF compendium: {state}"), path)
        pages = [None] * len(docs)
    elif fmt == "txt":
        parts = [doc_lines(Doc(_front(state, chosen, None), "front"))] + [doc_lines(d) for d in docs]
        path.write_text("\n\f".join("\n".join(lines) for lines in parts) + "\n", encoding="utf-8")
        pages = [None] * len(docs)
    else:
        raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}")
    truth = {"source": path.name, "state": state, "reports": [
        {**expected(spec, path.name), "first_page": first, "last_page": last, "layout": layout}
        for (spec, layout), (first, last) in zip(chosen, [p or (None, None) for p in pages], strict=True)]}
    path.with_name(path.name + ".truth.json").write_text(json.dumps(truth, indent=1), encoding="utf-8")
    return path


def _front(state: str, sections: list[tuple[ReportSpec, str]], first_pages: list[int] | None) -> tuple:
    """Return the cover and contents elements (contents with page numbers when they are known)."""
    cycle_label = sections[0][0].cycle_label
    cover = (Title("Smart Cities Mission"), Subtitle(f"Data Maturity Assessment Framework {cycle_label}"),
             Line(f"Compendium of city reports: {state}"), Line("Compiled by the State Mission Directorate"))
    entries = tuple(Line(f"{i}. {spec.city} Smart City" + (f" {'.' * 40} {first_pages[i - 1]}" if first_pages else ""))
                    for i, (spec, _) in enumerate(sections, start=1))
    return (*cover, PageBreak(), Title("Contents"), *entries)


def _write_pdf(state: str, sections: list[tuple[ReportSpec, str]], docs: list[Doc], path: Path
               ) -> list[tuple[int, int]]:
    """Render each report alone, bind them behind the cover and contents; return each report's pages."""
    import pypdfium2 as pdfium

    parts = []
    for i, doc in enumerate(docs):
        part = path.with_name(f".{path.stem}.part{i}.pdf")
        write_pdf(doc, part)
        parts.append(part)
    counts = []
    for part in parts:
        pdf = pdfium.PdfDocument(part)
        counts.append(len(pdf))
        pdf.close()
    first, ranges = 3, []  # cover and contents are pages 1 and 2
    for count in counts:
        ranges.append((first, first + count - 1))
        first += count
    front = path.with_name(f".{path.stem}.front.pdf")
    write_pdf(Doc(_front(state, sections, [r[0] for r in ranges]), f"DMAF compendium: {state}"), front)
    bound = pdfium.PdfDocument.new()
    for part in [front, *parts]:
        src = pdfium.PdfDocument(part)
        bound.import_pages(src)
        src.close()
        part.unlink()
    bound.save(path)
    bound.close()
    return ranges
