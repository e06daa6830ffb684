"""Hostile and broken inputs, generated into a folder, each with the failure it must give.

``build_folder(folder)`` writes every bad file next to a few good reports and returns one
``Expected`` per file: the ``ReportError.reason`` it must fail with (``"ok"`` for a good report)
and a substring its one-line message must contain. ``FOLDER_OPTIONS`` are the options the whole
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
from dataclasses import dataclass
from pathlib import Path

from dmaf.pipeline import ParseOptions

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "imphal_manipur_cycle2.txt"
PASSWORD = "secret"
MAX_BYTES = 1024 * 1024  # the folder's size limit: every file but the over-size one is below it
FOLDER_OPTIONS = ParseOptions(max_bytes=MAX_BYTES, timeout_s=60.0)
BOMB_BYTES = 300 * 1024 * 1024  # uncompressed size of the decompression bomb's member
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass(frozen=True)
class Expected:
    """One generated file: its name in the folder, the reason it must fail with, and a message substring."""

    name: str
    reason: str  # a ReportError.reason, or "ok" for a good report
    says: str = ""  # the one-line failure message must contain this
    city: str | None = None  # for good reports: the city they must load as

    @property
    def ok(self) -> bool:
        """Return True for a good report."""
        return self.reason == "ok"


# ---------------------------------------------------------------- good content


def report_text(city: str = "Imphal", state: str = "Manipur") -> str:
    """Return the real seed report's text, with the title block naming another city if asked."""
    text = SEED.read_text(encoding="utf-8")
    return text.replace("City: Imphal | State: Manipur", f"City: {city} | State: {state}")


def pdf_bytes(lines: list[str], *, encrypt: str | None = None, pages_of_boxes: int = 0) -> bytes:
    """Return a PDF with the lines drawn as text (wrapped, paginated); optionally encrypted or text-free."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas
    from reportlab.lib.pdfencrypt import StandardEncryption

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


def write_slow_txt(path: Path, *, indicators: int = 20_000) -> None:
    """Write a report-shaped TXT (a few MB) that takes seconds to parse: many indicators and paragraphs."""
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


def build_folder(folder: Path) -> list[Expected]:
    """Write every bad file and the good reports into ``folder``; return what each must give."""
    folder.mkdir(parents=True, exist_ok=True)
    made: list[Expected] = []

    def put(name: str, data: bytes | str, reason: str, says: str = "", city: str | None = None) -> None:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        made.append(Expected(name, reason, says, city))

    # Good reports, names with spaces and non-ASCII characters: each a different city.
    put("imphal_manipur_cycle2.txt", report_text(), "ok", city="Imphal")
    put("Pune report – cycle 2 ü.txt", report_text("Pune", "Maharashtra"), "ok", city="Pune")
    put("Surat city report (final).txt", report_text("Surat", "Gujarat"), "ok", city="Surat")
    put("भोपाल रिपोर्ट.pdf", pdf_bytes(report_text("Bhopal", "Madhya Pradesh").splitlines()), "ok", city="Bhopal")

    full = pdf_bytes(report_text("Indore", "Madhya Pradesh").splitlines())
    put("empty.pdf", b"", "empty", "0 bytes")
    put("truncated.pdf", full[: len(full) // 2], "corrupt", "truncated")
    put("encrypted.pdf", pdf_bytes(report_text("Nagpur", "Maharashtra").splitlines(), encrypt=PASSWORD),
        "encrypted", "password-protected")
    put("scanned.pdf", pdf_bytes([], pages_of_boxes=2), "no_text_layer", "looks scanned")
    put("minutes.pdf", pdf_bytes(["Minutes of the review meeting", "Attendees: the city team",
                                  "The meeting discussed drainage works and street lighting."]),
        "not_a_report", "not a DMAF report")
    put("circular.docx", docx_bytes(["Office circular", "All staff are requested to attend the training."]),
        "not_a_report", "not a DMAF report")
    put("notes.docx", "Meeting notes\nThese notes were saved as text and renamed.\n",
        "unsupported_format", "plain text")
    put("old word file.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096), "unsupported_format", "legacy .doc")
    base = docx_bytes(["Data Maturity Assessment Framework Cycle 2.0"])
    put("laughs.docx", _with_document_xml(base, billion_laughs_xml().encode()), "unsafe", "entity")
    put("laughs after comment.docx", _with_document_xml(base, billion_laughs_xml(comment_bytes=100_000).encode()),
        "unsafe", "entity")
    put("laughs utf16.docx", _with_document_xml(base, billion_laughs_xml().replace('"UTF-8"', '"UTF-16"')
                                                .encode("utf-16")), "unsafe", "entity")
    write_bomb_docx(folder / "bomb.docx")
    made.append(Expected("bomb.docx", "unsafe", "decompression bomb"))
    put("binary.txt", random.Random(1).randbytes(64 * 1024), "undecodable", "not text")
    big = report_text("Pune", "Maharashtra") + "\n" + ("Padding line of an oversized export.\n" * 40_000)
    put("oversized report.txt", big, "too_large", "over the limit")

    # Files the operating system will not hand over (true as root too).
    (folder / "dangling.pdf").symlink_to(folder / "no such file.pdf")
    made.append(Expected("dangling.pdf", "unreadable", "No such file"))
    (folder / "self loop.txt").symlink_to("self loop.txt")
    made.append(Expected("self loop.txt", "unreadable", "symbolic links"))
    os.mkfifo(folder / "pipe.txt")
    made.append(Expected("pipe.txt", "unreadable", "not a regular file"))
    if not IS_ROOT:  # as root, permissions do not stop a read: the cases above stand in for it
        put("locked.pdf", full, "unreadable", "Permission denied")
        os.chmod(folder / "locked.pdf", 0)
    (folder / "loop").symlink_to(".", target_is_directory=True)  # a folder loop: discovery must not follow it
    return made


def unlock(folder: Path) -> None:
    """Give back read permission to files made unreadable (so tmp folders can be cleaned up)."""
    for path in folder.iterdir():
        if not path.is_symlink() and path.is_file() and not os.access(path, os.R_OK):
            os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


if __name__ == "__main__":
    for item in build_folder(Path(sys.argv[1])):
        print(f"{item.reason:20} {item.name}")
