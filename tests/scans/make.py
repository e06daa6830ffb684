"""Scans made from documents with truth: what a report looks like after it was printed and scanned back in.

Each source PDF page is rendered at ``dpi``, turned by a small random skew, blurred slightly, given sensor noise
and saved as an image-only PDF (no text layer) with the source's truth beside it. DOCX and TXT are turned into
PDF by LibreOffice first (one ``soffice`` call for all of them). Deterministic for a seed::

    python -m tests.scans.make OUT [--from CORPUS] [--dpi 200] [--skew 0.3-1.5] [--noise 10] [--blur 0.5]
        [--upside-down K] [--landscape K] [--limit N]

Without ``--from``, the fixture corpus (``tests.corpus.build``) is built into a temporary folder first.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from extractors.text_decoding import decode_text

SOURCES = (".pdf", ".docx", ".txt")


@dataclass(frozen=True)
class ScanStyle:
    """How a scan degrades its page: resolution, skew range (degrees), noise (grey levels), blur radius, and
    which pages are fed upside down (``upside_down``: every K-th document's first page) or sideways, and the
    JPEG quality the page images are stored with."""

    dpi: int = 200
    skew: tuple[float, float] = (0.3, 1.5)
    noise: float = 10.0
    blur: float = 0.5
    upside_down: int = 0
    landscape: int = 0
    quality: int = 80  # JPEG quality of the page images


def scan_pdf(source: bytes, style: ScanStyle, seed: int, *, turn: int = 0) -> bytes:
    """Return an image-only PDF of every page of ``source`` as ``style`` scans it; ``turn`` (90/180/270, clockwise)
    is applied to the first page, as if it went into the scanner that way."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    noise = np.random.default_rng(seed)
    document = pdfium.PdfDocument(source)
    images = []
    try:
        for index in range(len(document)):
            page = document[index]
            image = page.render(scale=style.dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            angle = rng.uniform(*style.skew) * rng.choice((-1, 1))
            image = image.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
            if style.blur:
                image = image.filter(ImageFilter.GaussianBlur(style.blur))
            if style.noise:
                grain = noise.normal(0, style.noise, (image.height, image.width))
                pixels = np.asarray(image).astype(np.float32) + grain
                image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
            if index == 0 and turn:
                image = image.rotate(-turn, expand=True)
            images.append(image)
    finally:
        document.close()
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=style.dpi,
                   quality=style.quality)
    return out.getvalue()


def as_pdfs(sources: list[Path], work: Path) -> dict[Path, bytes]:
    """Return each source as PDF bytes: PDFs as they are, DOCX and TXT through one LibreOffice call."""
    pdfs = {p: p.read_bytes() for p in sources if p.suffix == ".pdf"}
    others = [p for p in sources if p.suffix != ".pdf"]
    soffice = shutil.which("soffice")
    if others and soffice:
        staged = []
        for k, path in enumerate(others):  # unique stems: a.docx and a.txt both become a.pdf
            copy = work / f"{k:04d}{path.suffix}"
            if path.suffix == ".txt":  # LibreOffice guesses a text file's encoding; give it UTF-8, as printed
                copy.write_text(decode_text(path.read_bytes(), source=path.name)[0], encoding="utf-8")
            else:
                shutil.copyfile(path, copy)
            staged.append((path, copy))
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(work),
                        *[str(c) for _, c in staged]], capture_output=True, timeout=1800, check=False)
        for path, copy in staged:
            made = copy.with_suffix(".pdf")
            if made.exists():
                pdfs[path] = made.read_bytes()
    return pdfs


def make_scans(sources: list[Path], out_dir: Path, style: ScanStyle, seed: int = 0) -> list[Path]:
    """Scan each source (with ``X.expected.json`` beside it) into ``out_dir``; return the scans written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = as_pdfs(sources, Path(tmp))
    for k, (path, data) in enumerate(sorted(pdfs.items())):
        turn = 180 if style.upside_down and k % style.upside_down == 0 else (
            90 if style.landscape and k % style.landscape == 0 else 0)
        name = f"{path.stem}_{path.suffix[1:]}_scan{'_turned' if turn else ''}.pdf"
        target = out_dir / name
        target.write_bytes(scan_pdf(data, style, seed + k, turn=turn))
        truth = json.loads(path.with_name(path.name + ".expected.json").read_text(encoding="utf-8"))
        (out_dir / f"{name}.expected.json").write_text(json.dumps({**truth, "source": name}, indent=1,
                                                                  ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(target)
    return written


def corpus_sources(folder: Path, limit: int | None = None) -> list[Path]:
    """Return the documents of a folder that have truth beside them, PDFs first, every layout before repeats."""
    found = sorted(p for p in folder.iterdir() if p.suffix in SOURCES
                   and p.with_name(p.name + ".expected.json").exists())
    found.sort(key=lambda p: (SOURCES.index(p.suffix), p.name))
    return found[:limit] if limit else found


def main(argv: list[str] | None = None) -> None:
    """Make scans of a corpus into OUT and say how many took how long."""
    parser = argparse.ArgumentParser(prog="python -m tests.scans.make", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--from", dest="source", type=Path, default=None)
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--skew", default="0.3-1.5")
    parser.add_argument("--noise", type=float, default=10.0)
    parser.add_argument("--blur", type=float, default=0.5)
    parser.add_argument("--upside-down", type=int, default=0)
    parser.add_argument("--landscape", type=int, default=0)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    low, high = (float(v) for v in args.skew.split("-"))
    style = ScanStyle(args.dpi, (low, high), args.noise, args.blur, args.upside_down, args.landscape)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        source = args.source
        if source is None:
            from tests.corpus.build import build_corpus

            source = Path(tmp) / "corpus"
            build_corpus(source)
        written = make_scans(corpus_sources(source, args.limit), args.out_dir, style, args.seed)
    print(f"{len(written)} scans at {style.dpi} dpi in {time.perf_counter() - started:.1f}s")


if __name__ == "__main__":
    main()
