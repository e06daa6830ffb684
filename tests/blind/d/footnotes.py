"""Real Word footnotes for python-docx documents (word/footnotes.xml part)."""
from xml.sax.saxutils import escape
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _store(d):
    if not hasattr(d, "_b4_fns"):
        d._b4_fns = []
    return d._b4_fns


def add_para_with_footnotes(d, pieces, style=None):
    """pieces: list of (text, footnote_text or None, bold)"""
    fns = _store(d)
    p = d.add_paragraph(style=style) if style else d.add_paragraph()
    for piece in pieces:
        text, fn = piece[0], piece[1]
        bold = piece[2] if len(piece) > 2 else False
        r = p.add_run(text)
        r.bold = bold
        if fn is not None:
            fid = len(fns) + 1
            fns.append((fid, fn))
            p._p.append(parse_xml(
                f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteReference w:id="{fid}"/></w:r>'))
    return p


def finalize(d):
    fns = _store(d)
    if not fns:
        return
    body = [f'<w:footnotes {W}>',
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
    for fid, text in fns:
        body.append(f'<w:footnote w:id="{fid}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
                    f'<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="16"/></w:rPr><w:footnoteRef/></w:r>'
                    f'<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>')
    body.append('</w:footnotes>')
    blob = "".join(body).encode("utf-8")
    part = Part(PackURI("/word/footnotes.xml"), CT, blob, d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES)
