"""Build the held-out corpus: 17 layouts × 3 reports (cycles 1-3), plus five DOCX layouts exported by LibreOffice.

Every document gets ``<file name>.expected.json`` beside it, computed from the spec. Run
``python -m tests.heldout.build OUT_DIR`` from the repository root.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.heldout import render_docx, render_fpdf, render_platypus, render_txt
from tests.heldout.render_fpdf import Printed
from tests.heldout.spec import Report, expected, make_reports
from tests.tools import optional

Renderer = Callable[[Report, Path, int], Printed]

LAYOUTS: dict[str, tuple[str, Renderer]] = {
    "fpdf_two_column": ("pdf", render_fpdf.render_two_column),
    "fpdf_whitespace_scorecard": ("pdf", render_fpdf.render_whitespace_scorecard),
    "fpdf_cover_toc": ("pdf", render_fpdf.render_cover_toc),
    "platypus_flow": ("pdf", render_platypus.render_flow),
    "platypus_two_frames": ("pdf", render_platypus.render_two_frames),
    "platypus_ruled_scorecard": ("pdf", render_platypus.render_ruled_scorecard),
    "docx_numbered": ("docx", render_docx.render_numbered),
    "docx_table_rows": ("docx", render_docx.render_table_rows),
    "docx_bold_toc": ("docx", render_docx.render_bold_toc),
    "docx_borderless_scorecard": ("docx", render_docx.render_borderless_scorecard),
    "docx_two_column": ("docx", render_docx.render_two_column),
    "txt_markdown": ("txt", render_txt.render_markdown),
    "txt_layout_dump": ("txt", render_txt.render_layout_dump),
    # Written after the parser changes and run once blind (see test_heldout_accuracy), then fixed for:
    "fpdf_score_box": ("pdf", render_fpdf.render_score_box),
    "platypus_row_tables": ("pdf", render_platypus.render_row_tables),
    "docx_code_at_end": ("docx", render_docx.render_code_at_end),
    "txt_two_column_dump": ("txt", render_txt.render_two_column_dump),
}
# also exported to PDF by LibreOffice (one headless run):
OFFICE_LAYOUTS = (
    "docx_bold_toc", "docx_table_rows", "docx_borderless_scorecard", "docx_two_column", "docx_code_at_end",
)
PER_LAYOUT = 3  # reports per layout: one of each cycle


@dataclass(frozen=True)
class HeldoutDoc:
    """One held-out document and its answer key."""

    path: Path
    format: str
    layout: str
    expected: dict


def build_heldout(out_dir: Path, *, seed: int = 7, office: bool = True) -> list[HeldoutDoc]:
    """Render every layout for three reports into ``out_dir``; convert some DOCX with LibreOffice if present."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    reports = make_reports(seed, count=PER_LAYOUT * len(LAYOUTS))
    docs = []
    for n, (layout, (fmt, render)) in enumerate(LAYOUTS.items()):
        for k in range(PER_LAYOUT):
            report = reports[PER_LAYOUT * n + k]
            path = out_dir / f"{report.key}_{layout}.{fmt}"
            printed = render(report, path, k)
            truth = expected(report, source=path.name, cycle_label=printed.cycle_label, titles=printed.titles)
            docs.append(HeldoutDoc(path, fmt, layout, _write_expected(path, truth)))
    if office:
        docs += _office_pdfs([d for d in docs if d.layout in OFFICE_LAYOUTS], out_dir)
    return docs


def _write_expected(path: Path, truth: dict) -> dict:
    """Write ``<file name>.expected.json`` next to a document and return the key."""
    path.with_name(path.name + ".expected.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n",
                                                           encoding="utf-8")
    return truth


def soffice_path() -> str | None:
    """Return LibreOffice's ``soffice`` if it is on PATH (under CI it must be: ``tests.tools.optional``)."""
    return optional("soffice", "libreoffice")


def _office_pdfs(sources: list[HeldoutDoc], out_dir: Path, timeout: float = 240.0) -> list[HeldoutDoc]:
    """Export DOCX to PDF with one headless LibreOffice run; return the PDFs as layout "office_<layout>"."""
    soffice = soffice_path()
    if soffice is None or not sources:
        return []
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp, "profile").as_uri()  # a private profile: no clash with another running soffice
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                   "--outdir", tmp, *(str(d.path) for d in sources)]
        subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        docs = []
        for doc in sources:
            produced = Path(tmp, doc.path.stem + ".pdf")
            if not produced.exists():
                raise RuntimeError(f"LibreOffice did not convert {doc.path.name}")
            path = out_dir / f"{doc.path.stem}_office.pdf"
            shutil.move(produced, path)
            docs.append(HeldoutDoc(path, "pdf", f"office_{doc.layout}", _write_expected(
                path, {**doc.expected, "source": path.name})))
    return docs


def main(argv: list[str] | None = None) -> None:
    """Build the held-out corpus into OUT_DIR and say how long it took."""
    parser = argparse.ArgumentParser(prog="python -m tests.heldout.build", description=__doc__)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-office", action="store_true", help="skip the LibreOffice DOCX→PDF exports")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    docs = build_heldout(args.out_dir, seed=args.seed, office=not args.no_office)
    kinds = Counter(d.layout for d in docs)
    print(f"{len(docs)} documents in {len(kinds)} layouts in {time.perf_counter() - start:.1f}s")


if __name__ == "__main__":
    main()
