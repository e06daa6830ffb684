"""Render the real Imphal report's text (../shared/seeds) as the TXT, DOCX and PDF in raw_reports/.

The text is kept as it is: same order, same quirks (the 1.c & 1.d score after the 1.b block, the
4.c score before its heading). Only its look changes: a title block, heading styles, and in the
PDF a score that directly follows its heading drawn as a box level with it, a running header and
"Page N" footers. The three columns of data-team roles become real columns. Markdown bold
("Score: **0/40**") becomes a bold run. Output is byte-identical from run to run.

Usage, from the repository root: ``python scripts/render_raw_reports.py``.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.corpus.render_docx import write_docx  # noqa: E402  (needs ROOT on sys.path)
from tests.corpus.render_pdf import write_pdf  # noqa: E402
from tests.corpus.seed_layout import seed_document  # noqa: E402

SEEDS = ROOT / ".." / "shared" / "seeds"
SOURCE = "imphal_manipur_cycle2.txt"
OUT_DIR = ROOT / "raw_reports"


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
