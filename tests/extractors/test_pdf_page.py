"""What pdfium shows of a page: characters with pdfminer's boxes for the standard fonts, level text only, the page's
own box, and the ruling edges of tables drawn directly or inside a form."""

from __future__ import annotations

import io

import pdfplumber
import pypdfium2 as pdfium
import pytest
from pdfplumber.table import TableFinder
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extractors import pdf_page
from tests.corpus.render_pdf import render_pdf
from tests.corpus.spec import make_specs


def read(data: bytes, index: int = 0) -> pdf_page.PageContent:
    pdf = pdfium.PdfDocument(data)
    try:
        return pdf_page.read_page(pdf, index)
    finally:
        pdf.close()


def boxes(content: pdf_page.PageContent) -> list[tuple]:
    c = content.columns
    return [(t, a, b, top, bottom) for t, a, b, top, bottom in zip(c.text, c.x0.tolist(), c.x1.tolist(),
                                                                 c.top.tolist(), c.bottom.tolist()) if t != " "]


def test_standard_font_characters_get_pdfminers_boxes(tmp_path):
    path = tmp_path / "plain.pdf"
    render_pdf(make_specs(0)[0], "plain", path)
    data = path.read_bytes()
    with pdfplumber.open(path) as pdf:
        for index, page in enumerate(pdf.pages[:3]):
            theirs = [(c["text"], c["x0"], c["x1"], c["top"], c["bottom"]) for c in page.chars if c["text"] != " "]
            ours = boxes(read(data, index))
            assert [o[0] for o in ours] == [t[0] for t in theirs]
            for o, t in zip(ours, theirs):
                assert o[1:] == pytest.approx(tuple(float(v) for v in t[1:]), abs=1e-3), o[0]


def test_text_set_at_an_angle_is_counted_but_not_read():
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setFont("Helvetica", 11)
    page.drawString(72, 700, "Indicator 1.a")
    page.saveState()
    page.translate(200, 300)
    page.rotate(45)
    page.setFont("Helvetica-Bold", 60)
    page.drawString(0, 0, "DRAFT")
    page.restoreState()
    page.save()
    content = read(out.getvalue())
    assert "".join(content.columns.text) == "Indicator 1.a"
    assert content.turned == len("DRAFT")


def _pdf_with_inherited_mediabox() -> bytes:
    """A one-page PDF whose page has no MediaBox of its own: it inherits A4 from the page tree."""
    stream = b"BT /F1 12 Tf 72 770 Td (Hello) Tj ET"
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1/MediaBox[0 0 595 842]>>",
               b"<</Type/Page/Parent 2 0 R/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>",
               b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
               b"<</Length %d>>stream\n" % len(stream) + stream + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_page_without_a_box_of_its_own_is_measured_in_the_box_it_inherits():
    data = _pdf_with_inherited_mediabox()
    content = read(data)
    assert (content.width, content.height) == (595, 842)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        first = pdf.pages[0].chars[0]
    ours = boxes(content)[0]
    assert ours[0] == "H" and ours[1:] == pytest.approx((first["x0"], first["x1"], first["top"], first["bottom"]),
                                                        abs=1e-3)


def _ruled_table(page: canvas.Canvas, x: float, y: float) -> None:
    """Draw a 2 x 3 grid of 100 x 20 point cells with its lower-left corner at (x, y)."""
    for k in range(3):
        page.line(x, y + 20 * k, x + 300, y + 20 * k)
    for k in range(4):
        page.line(x + 100 * k, y, x + 100 * k, y + 40)


@pytest.mark.parametrize("in_form", [False, True])
def test_the_rules_of_a_table_are_edges_whether_drawn_on_the_page_or_in_a_form(in_form):
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    if in_form:
        page.beginForm("grid")
        _ruled_table(page, 0, 0)
        page.endForm()
        page.saveState()
        page.translate(100, 600)
        page.doForm("grid")
        page.restoreState()
    else:
        _ruled_table(page, 100, 600)
    page.setFont("Helvetica", 10)
    page.drawString(105, 626, "1.a")
    page.save()
    content = read(out.getvalue())
    tables = TableFinder(content).tables
    assert len(tables) == 1
    assert tables[0].bbox == pytest.approx((100, A4[1] - 640, 400, A4[1] - 600), abs=0.01)
    assert len(tables[0].rows) == 2 and all(len(row.cells) == 3 for row in tables[0].rows)


def test_images_are_kept_as_boxes_to_tell_a_scan_from_text(tmp_path):
    from PIL import Image

    picture = tmp_path / "scan.png"
    Image.new("L", (200, 280), 255).save(picture)
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.drawImage(str(picture), 0, 0, width=A4[0], height=A4[1] / 2)
    page.save()
    content = read(out.getvalue())
    assert len(content.columns) == 0 and content.image_share() == pytest.approx(0.5, abs=0.01)
