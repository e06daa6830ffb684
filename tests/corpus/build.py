"""Build the fixture corpus: every layout in every format for several cities and cycles.

Each document gets ``<file name>.expected.json`` beside it (``expected()`` of what it prints).
Run ``python -m tests.corpus.build OUT_DIR`` from the repository root.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from tests.tools import optional

from .elements import LAYOUTS, txt_codec
from .render_docx import render_docx
from .render_pdf import render_pdf
from .render_txt import render_txt
from .spec import ReportSpec, expected, make_specs, map_text
from .text import to_encodable

FORMATS: tuple[str, ...] = ("txt", "docx", "pdf")
RENDERERS: dict[str, Callable[..., None]] = {
    "txt": render_txt,
    "docx": render_docx,
    "pdf": render_pdf,
}
LAYOUTS_PER_SPEC = 3  # spec i gets layouts [3*(i % 2), +3): two consecutive specs cover all six


@dataclass(frozen=True)
class CorpusDoc:
    """One rendered fixture and what a parser should extract from it."""

    path: Path
    format: str
    layout: str
    expected: dict


def build_corpus(out_dir: Path, seed: int = 0, n_specs: int | None = None) -> list[CorpusDoc]:
    """Render the first ``n_specs`` specs (all by default) into ``out_dir``; return the documents.

    Spec ``i`` is rendered in three of the six layouts (even specs: plain, designed, scorecard;
    odd specs: table_rows, variants, displaced), each in TXT, DOCX and PDF; ``n_specs >= 2``
    therefore covers every layout × format.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    seen: Counter[str] = Counter()
    docs = []
    for i, spec in enumerate(make_specs(seed)[:n_specs]):
        for layout in layouts_for(i):
            variant = seen[layout]
            seen[layout] += 1
            docs += [_build_one(spec, layout, fmt, out_dir, variant) for fmt in FORMATS]
    return docs + _libreoffice_docs(docs, out_dir)


def layouts_for(index: int) -> tuple[str, ...]:
    """Return the layouts spec number ``index`` is rendered in."""
    start = LAYOUTS_PER_SPEC * (index % 2) % len(LAYOUTS)
    return LAYOUTS[start : start + LAYOUTS_PER_SPEC]


def file_stem(spec: ReportSpec, layout: str) -> str:
    """Return a plain ASCII file stem: "pune_maharashtra_cycle2_designed"."""
    slug = re.sub(r"[^a-z0-9]+", "_", f"{spec.city} {spec.state}".lower()).strip("_")
    return f"{slug}_cycle{spec.cycle}_{layout}"


def printed_spec(spec: ReportSpec, layout: str, fmt: str, variant: int) -> ReportSpec:
    """Return ``spec`` as the document prints it (an 8-bit TXT loses dashes and curly quotes)."""
    if fmt != "txt":
        return spec
    return map_text(spec, partial(to_encodable, encoding=txt_codec(layout, variant).encoding))


def _build_one(spec: ReportSpec, layout: str, fmt: str, out_dir: Path, variant: int) -> CorpusDoc:
    """Render one document and write its expected JSON."""
    path = out_dir / f"{file_stem(spec, layout)}.{fmt}"
    RENDERERS[fmt](spec, layout, path, variant=variant)
    truth = expected(printed_spec(spec, layout, fmt, variant), path.name)
    _write_expected(path, truth)
    return CorpusDoc(path, fmt, layout, truth)


def _write_expected(path: Path, truth: dict) -> None:
    """Write ``<file name>.expected.json`` next to a document."""
    text = json.dumps(truth, indent=1, ensure_ascii=False) + "\n"
    path.with_name(path.name + ".expected.json").write_text(text, encoding="utf-8")


def _libreoffice_docs(docs: list[CorpusDoc], out_dir: Path, limit: int = 3) -> list[CorpusDoc]:
    """Convert a few DOCX to PDF with LibreOffice as layout "libreoffice", if it is installed."""
    soffice = optional("soffice", "libreoffice")
    if soffice is None:
        return []
    converted = []
    sources = [d for d in docs if d.format == "docx" and d.layout in ("designed", "table_rows")]
    with tempfile.TemporaryDirectory() as tmp:
        for doc in sources[:limit]:
            command = [soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(doc.path)]
            done = subprocess.run(command, capture_output=True, timeout=180, check=False)
            produced = Path(tmp) / f"{doc.path.stem}.pdf"
            if done.returncode != 0 or not produced.exists():
                continue
            path = out_dir / f"{doc.path.stem}_libreoffice.pdf"
            shutil.move(produced, path)
            truth = {**doc.expected, "source": path.name}
            _write_expected(path, truth)
            converted.append(CorpusDoc(path, "pdf", "libreoffice", truth))
    return converted


def main(argv: list[str] | None = None) -> None:
    """Build the corpus into OUT_DIR and report how many documents it took how long to make."""
    parser = argparse.ArgumentParser(prog="python -m tests.corpus.build", description=__doc__)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--n-specs", type=int, default=None)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    docs = build_corpus(args.out_dir, args.seed, args.n_specs)
    elapsed = time.perf_counter() - start
    kinds = Counter((doc.layout, doc.format) for doc in docs)
    print(f"{len(docs)} documents ({len(kinds)} layout×format kinds) in {elapsed:.1f}s")


if __name__ == "__main__":
    main()
