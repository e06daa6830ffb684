"""Hostile and broken inputs, generated into a folder, each with the failure it must give.

``CASES`` lists every file: its name, the ``ReportError.reason`` it must fail with (``"ok"`` for
a good report), a substring its one-line message must contain, and how to write it;
``build_folder(folder)`` writes them all next to each other. ``FOLDER_OPTIONS`` are the options the whole
folder is parsed with (a small ``max_bytes`` so the over-size file is refused).
``write_slow_txt`` / ``write_hog_txt`` make the documents for the time and memory limits, which
need their own options. Run ``python -m tests.hostile.files OUT`` to look at the files by hand.
"""

from __future__ import annotations

import io
import os
import random
import stat
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.document import ParseOptions

SEED = Path(__file__).resolve().parents[1] / "seed" / "imphal_manipur_cycle2.txt"
PASSWORD = "secret"
MAX_BYTES = 1024 * 1024  # the folder's size limit: every file but the over-size one is below it
FOLDER_OPTIONS = ParseOptions(max_bytes=MAX_BYTES, timeout_s=60.0)
BOMB_BYTES = 300 * 1024 * 1024  # uncompressed size of the decompression bomb's member
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# ---------------------------------------------------------------- good content


def report_text(city: str = "Imphal", state: str = "Manipur") -> str:
    """Return the real seed report's text, with the title block naming another city if asked."""
    text = SEED.read_text(encoding="utf-8")
    return text.replace("City: Imphal | State: Manipur", f"City: {city} | State: {state}")


def pdf_bytes(lines: list[str], *, encrypt: str | None = None, pages_of_boxes: int = 0) -> bytes:
    """Return a PDF with the lines drawn as text (wrapped, paginated); optionally encrypted or text-free."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    enc = StandardEncryption(encrypt, canPrint=0) if encrypt else None
    pdf = canvas.Canvas(out, pagesize=A4, encrypt=enc, invariant=1)
    width, height = A4
    y = height - 72
    for line in lines:
        for piece in simpleSplit(line, "Helvetica", 10, width - 144) or [""]:
            if y < 72:
                pdf.showPage()
                y = height - 72
            pdf.setFont("Helvetica", 10)
            pdf.drawString(72, y, piece)
            y -= 14
    for _ in range(pages_of_boxes):
        _draw_scan(pdf, width, height)
        pdf.showPage()
    if lines:
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _draw_scan(pdf, width: float, height: float) -> None:
    """Draw what a scanned page holds for a text extractor: an image and filled shapes, no text."""
    from reportlab.lib.utils import ImageReader

    rng = random.Random(7)
    pdf.drawImage(ImageReader(io.BytesIO(_png(64, 64, rng))), 72, height - 400, 300, 300)
    for i in range(12):
        pdf.setFillGray(rng.random())
        pdf.rect(72, 300 - i * 18, 40 + rng.random() * 380, 10, stroke=0, fill=1)


def ruled_grid_pdf() -> bytes:
    """Return a one-page PDF of an empty ruled form (a table grid, no text): a scan's blank template."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=1)
    for row in range(6):
        for col in range(4):
            pdf.rect(72 + col * 110, 600 - row * 30, 110, 30, stroke=1, fill=0)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _png(w: int, h: int, rng: random.Random) -> bytes:
    """Return a small grey PNG of noise (a stand-in for a scan), made without PIL."""
    import struct
    import zlib

    rows = b"".join(b"\x00" + bytes(rng.randrange(256) for _ in range(w)) for _ in range(h))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def docx_bytes(paragraphs: list[str]) -> bytes:
    """Return a real Word document (python-docx) holding the paragraphs."""
    from docx import Document

    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _with_document_xml(docx: bytes, document_xml: bytes) -> bytes:
    """Return the Word package with its word/document.xml replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = document_xml if info.filename == "word/document.xml" else src.read(info)
            dst.writestr(info.filename, data)
    return out.getvalue()


# ---------------------------------------------------------------- hostile payloads


def billion_laughs_xml(*, comment_bytes: int = 0) -> str:
    """Return a word/document.xml whose DOCTYPE expands ``&lol9;`` to 10⁹ "lol"s (3 GB)."""
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol;" if i == 1 else f"&lol{i - 1};") * 10}">' for i in range(1, 10)
    ]
    padding = f"<!--{' ' * comment_bytes}-->\n" if comment_bytes else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + padding
        + "<!DOCTYPE w:document [\n" + "\n".join(entities) + "\n]>\n"
        + f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    )


def write_bomb_docx(path: Path, *, size: int = BOMB_BYTES) -> None:
    """Write a Word package whose document.xml inflates from ~300 KB to ``size`` bytes, streamed to disk."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'.encode()
    tail = b"</w:body></w:document>"
    chunk = b" " * (1024 * 1024)
    base = docx_bytes(["Data Maturity Assessment Framework Cycle 2.0"])
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info))
        with dst.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head)
            left = size - len(head) - len(tail)
            while left > 0:
                member.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)
            member.write(tail)


def write_slow_txt(path: Path, *, indicators: int = 10_000) -> None:
    """Write a report-shaped TXT (~1.4 MB) that takes ~20 s to parse: placing 10,000 scores is quadratic."""
    lines = ["Data Maturity Assessment Framework Cycle 2.0", "City: Pune | State: Maharashtra", ""]
    for i in range(indicators):
        pillar, letter = 1 + i % 5, "abcdefghijklmnopqrstuvwxyz"[i // 5 % 26]
        lines += [f"Indicator {pillar}.{letter}: Repeated indicator number {i}", "Score: 5/10",
                  f"- Recommendation {i} for the city data office.", "A paragraph of recommendation text.", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_hog_txt(path: Path, *, megabytes: int = 40) -> None:
    """Write a TXT of ``megabytes`` MB of short lines: as blocks it needs several times that in memory."""
    line = b"- a short bullet line of recommendation text\n"
    with path.open("wb") as out:
        out.write(b"Data Maturity Assessment Framework Cycle 2.0\nCity: Pune | State: Maharashtra\n")
        block = line * (1024 * 1024 // len(line))
        for _ in range(megabytes):
            out.write(block)


# ---------------------------------------------------------------- the folder


@dataclass(frozen=True)
class Case:
    """One file of the hostile folder: how to write it, and what parsing it must give."""

    name: str
    reason: str  # a ReportError.reason, or "ok" for a good report
    says: str  # the one-line failure message must contain this ("" for a good report)
    write: Callable[[Path], None]
    city: str | None = None  # a good report must load as this city
    as_user_only: bool = False  # only meaningful when not running as root

    @property
    def ok(self) -> bool:
        """Return True for a good report."""
        return self.reason == "ok"


def _bytes(make: Callable[[], bytes | str]) -> Callable[[Path], None]:
    """Return a writer that puts the made bytes (or UTF-8 text) at a path."""
    def write(path: Path) -> None:
        data = make()
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return write


def _report_pdf(city: str, state: str, **kw) -> Callable[[], bytes]:
    """Return a maker of the seed report as a PDF, retitled for a city."""
    return lambda: pdf_bytes(report_text(city, state).splitlines(), **kw)


def _scanned(make: Callable[[], bytes]) -> Callable[[], bytes]:
    """Return a maker of an image-only scan (200 dpi, skewed, blurred, a little noise) of a made PDF."""
    from tests.scans.make import ScanStyle, scan_pdf

    return lambda: scan_pdf(make(), ScanStyle(dpi=150, noise=3.0, quality=40), seed=3)  # < 1 MB


def _truncated() -> bytes:
    """Return the first half of a valid report PDF."""
    full = _report_pdf("Indore", "Madhya Pradesh")()
    return full[: len(full) // 2]


def _laughs(*, comment_bytes: int = 0, utf16: bool = False) -> Callable[[], bytes]:
    """Return a maker of a Word package whose document.xml is a billion-laughs payload."""
    def make() -> bytes:
        xml = billion_laughs_xml(comment_bytes=comment_bytes)
        data = xml.replace('"UTF-8"', '"UTF-16"').encode("utf-16") if utf16 else xml.encode()
        return _with_document_xml(docx_bytes(["Data Maturity Assessment Framework Cycle 2.0"]), data)
    return make


def _symlink(target: str) -> Callable[[Path], None]:
    """Return a writer that makes a symbolic link to ``target`` (relative to the link's folder)."""
    return lambda path: path.symlink_to(target)


def _locked(path: Path) -> None:
    """Write a report PDF nobody may read (chmod 000)."""
    path.write_bytes(_report_pdf("Indore", "Madhya Pradesh")())
    os.chmod(path, 0)


GOOD_CASES = (
    Case("imphal_manipur_cycle2.txt", "ok", "", _bytes(report_text), city="Imphal"),
    Case("Pune report – cycle 2 ü.txt", "ok", "", _bytes(lambda: report_text("Pune", "Maharashtra")), city="Pune"),
    Case("Surat city report (final).txt", "ok", "", _bytes(lambda: report_text("Surat", "Gujarat")), city="Surat"),
    Case("भोपाल रिपोर्ट.pdf", "ok", "", _bytes(_report_pdf("Bhopal", "Madhya Pradesh")), city="Bhopal"),
    Case("scanned report.pdf", "ok", "", _bytes(_scanned(_report_pdf("Kochi", "Kerala"))), city="Kochi"),
)
BAD_CASES = (
    Case("empty.pdf", "empty", "0 bytes", _bytes(lambda: b"")),
    Case("truncated.pdf", "corrupt", "truncated", _bytes(_truncated)),
    Case("encrypted.pdf", "encrypted", "password-protected",
         _bytes(_report_pdf("Nagpur", "Maharashtra", encrypt=PASSWORD)), city="Nagpur"),
    Case("scanned.pdf", "no_text_layer", "looks scanned", _bytes(lambda: pdf_bytes([], pages_of_boxes=2))),
    Case("scanned letter.pdf", "not_a_report", "not a DMAF report", _bytes(_scanned(lambda: pdf_bytes([
        "Office of the Municipal Commissioner", "Subject: Repair of street lights in Ward 12",
        "The contractor is requested to complete the repairs before the monsoon."])))),
    Case("scanned form.pdf", "no_text_layer", "looks scanned", _bytes(ruled_grid_pdf)),
    Case("minutes.pdf", "not_a_report", "not a DMAF report", _bytes(lambda: pdf_bytes([
        "Minutes of the review meeting", "Attendees: the city team",
        "The meeting discussed drainage works and street lighting."]))),
    Case("circular.docx", "not_a_report", "not a DMAF report", _bytes(lambda: docx_bytes([
        "Office circular", "All staff are requested to attend the training on Monday."]))),
    Case("notes.docx", "unsupported_format", "plain text",
         _bytes(lambda: "Meeting notes\nThese notes were saved as text and renamed.\n")),
    Case("old word file.docx", "unsupported_format", "legacy .doc",
         _bytes(lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))),
    Case("laughs.docx", "unsafe", "DOCTYPE", _bytes(_laughs())),
    Case("laughs after comment.docx", "unsafe", "DOCTYPE", _bytes(_laughs(comment_bytes=100_000))),
    Case("laughs utf16.docx", "unsafe", "DOCTYPE", _bytes(_laughs(utf16=True))),
    Case("bomb.docx", "unsafe", "decompression bomb", write_bomb_docx),
    Case("binary.txt", "undecodable", "not text", _bytes(lambda: random.Random(1).randbytes(64 * 1024))),
    Case("oversized report.txt", "too_large", "over the limit", _bytes(
        lambda: report_text("Pune", "Maharashtra") + "\n" + "Padding line of an oversized export.\n" * 40_000)),
    # Files the operating system will not hand over, as root too.
    Case("dangling.pdf", "unreadable", "No such file", _symlink("no such file.pdf")),
    Case("self loop.txt", "unreadable", "symbolic links", _symlink("self loop.txt")),
    Case("pipe.txt", "unreadable", "FIFO", lambda path: os.mkfifo(path)),
    Case("locked.pdf", "unreadable", "Permission denied", _locked, as_user_only=True),
)
CASES = GOOD_CASES + BAD_CASES
LOOP = "loop"  # a link from the folder to itself: discovery must not follow it


def build_folder(folder: Path) -> list[Case]:
    """Write every case that applies here (chmod cannot stop root) into ``folder``; return them."""
    folder.mkdir(parents=True, exist_ok=True)
    made = [case for case in CASES if not (case.as_user_only and IS_ROOT)]
    for case in made:
        case.write(folder / case.name)
    (folder / LOOP).symlink_to(".", target_is_directory=True)
    return made


def unlock(folder: Path) -> None:
    """Give back read permission to files made unreadable (so tmp folders can be cleaned up)."""
    for path in folder.iterdir():
        if not path.is_symlink() and path.is_file() and not os.access(path, os.R_OK):
            os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


if __name__ == "__main__":
    for item in build_folder(Path(sys.argv[1])):
        print(f"{item.reason:20} {item.name}")
