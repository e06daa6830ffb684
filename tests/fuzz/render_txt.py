"""Render the document model as plain text, in three flavours:

- txt_plain: like a text extraction of a designed PDF (long lines, blank-line padding);
- txt_markdown: markdown-ish (#, **bold**, pipe tables);
- txt_pdftotext: hard-wrapped, paginated with form feeds, running header/footer.

Then encode as UTF-8, UTF-8 with BOM, UTF-8 with CRLF, or cp1252.
"""

from __future__ import annotations

import random
import textwrap

from .model import Bullets, Document, Table, Text, marker_text, page_label


def _wrap(text: str, width: int, indent: str = "", hang: str = "") -> list[str]:
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=hang or indent,
                         break_on_hyphens=False, break_long_words=False) or [""]


def text_table(t: Table, width: int, md: bool = False) -> list[str]:
    """A table as text lines: ruled (ASCII grid), borderless (aligned), or pipe (markdown)."""
    if t.style == "pipe" or md:
        out = []
        for k, row in enumerate(t.rows):
            cells = [c.replace("\n", "<br>") for c in row]
            out.append("| " + " | ".join(cells) + " |")
            if k == 0 and t.header:
                out.append("|" + "|".join("---:" if a == "r" else "---" for a in t.align) + "|")
        return out
    ruled = t.style in ("ruled", "header_shaded")
    inner = width - (3 * len(t.widths) + 1 if ruled else 2 * (len(t.widths) - 1))
    cols = [max(4, int(inner * f)) for f in t.widths]
    for row in t.rows:  # never split a short cell (a score, a code)
        for j, c in enumerate(row):
            if "\n" not in c and len(c) <= 16:
                cols[j] = max(cols[j], len(c))
    sep = "+" + "+".join("-" * (c + 2) for c in cols) + "+"
    out = [sep] if ruled else []
    for k, row in enumerate(t.rows):
        wrapped = []
        for j, cell in enumerate(row):
            lines = [ln for part in cell.split("\n") for ln in _wrap(part, cols[j])]
            wrapped.append(lines)
        for n in range(max(len(x) for x in wrapped)):
            cells = []
            for j, lines in enumerate(wrapped):
                s = lines[n] if n < len(lines) else ""
                cells.append(s.rjust(cols[j]) if t.align[j] == "r" else s.ljust(cols[j]))
            out.append(("| " + " | ".join(cells) + " |") if ruled else "  ".join(cells).rstrip())
        if ruled and (k == 0 and t.header or t.role == "indicators" or k == len(t.rows) - 1):
            out.append(sep)
        elif not ruled and k == 0 and t.header:
            out.append("  ".join("-" * c for c in cols))
    return out


def _bullets(b: Bullets, md: bool) -> list[str]:
    out = []
    for k, item in enumerate(b.items):
        m = marker_text(b.marker, k)
        if md and b.marker in ("bullet", "circle"):
            m = "*" if b.marker == "bullet" else "-"
        out.append(f"{m} {item}")
    return out


def _plain(doc: Document, rng: random.Random) -> list[str]:
    out = [""] * rng.randint(2, 6)
    for b in doc.blocks:
        if isinstance(b, Text):
            line = b.text + (f"    {b.box}" if b.box else "")
            out += [line, ""]
        elif isinstance(b, Bullets):
            out += _bullets(b, False) + [""]
        elif isinstance(b, Table):
            out += text_table(b, 100) + [""]
        elif b.kind in ("page", "columns", "space"):
            out += [""] * rng.randint(3, 6)
        else:
            out += [""]
    return out


def _markdown(doc: Document, hashes: bool) -> list[str]:
    out: list[str] = []
    for b in doc.blocks:
        if isinstance(b, Text):
            text = b.text + (f" `[{b.box}]`" if b.box else "")
            prefix = {"title": "# ", "cover_title": "# ", "h1": "## ", "pillar": "## "}.get(b.role, "")
            if b.role == "ind":
                prefix = "### " if hashes else ""
                text = text if hashes else f"**{text}**"
            elif b.role in ("subtitle", "total"):
                text = f"**{text}**"
            out += [prefix + text, ""]
        elif isinstance(b, Bullets):
            out += _bullets(b, True) + [""]
        elif isinstance(b, Table):
            out += text_table(b, 100, md=b.style == "pipe") + [""]
        elif b.kind in ("page", "columns"):
            out += ["---", ""]
        elif b.kind == "rule":
            out += ["* * *", ""]
    return out


def _flow(doc: Document, width: int) -> list[str | None]:
    """Hard-wrapped lines; None marks a forced page break."""
    out: list[str | None] = []
    for b in doc.blocks:
        if isinstance(b, Text):
            if b.box:
                lines = _wrap(b.text, width - len(b.box) - 4)
                lines[0] = lines[0].ljust(width - len(b.box)) + b.box
                out += lines + [""]
            elif b.align == "center":
                out += [ln.strip().center(width).rstrip() for ln in _wrap(b.text, width - 10)] + [""]
            else:
                indent = "    " if b.role == "para" and width > 85 else ""
                out += _wrap(b.text, width, indent, "") + [""]
        elif isinstance(b, Bullets):
            for k, item in enumerate(b.items):
                m = marker_text(b.marker, k) + " "
                out += _wrap(item, width, "  " + m, "  " + " " * len(m))
            out.append("")
        elif isinstance(b, Table):
            out += text_table(b, width) + [""]
        elif b.kind in ("page", "columns"):
            out.append(None)
        elif b.kind == "rule":
            out += ["-" * (width // 2), ""]
        else:
            out += ["", ""]
    return out


def _paginate(doc: Document, lines: list[str | None], width: int, per_page: int) -> list[str]:
    pages: list[list[str]] = [[]]
    for ln in lines:
        if ln is None:
            if pages[-1]:
                pages.append([])
        else:
            if len(pages[-1]) >= per_page:
                pages.append([])
            if ln or pages[-1]:
                pages[-1].append(ln)
    total = len(pages)
    text_pages = []
    for n, body in enumerate(pages, 1):
        top = [doc.header.rjust(width) if doc.header else "", ""] if doc.header else []
        if doc.watermark:
            top += [doc.watermark.center(width).rstrip(), ""]
        label = page_label(doc.page_numbers, n, total)
        foot_left = doc.footer or ""
        foot = [""]
        if foot_left or label:
            foot.append((foot_left.ljust(width - len(label)) + label) if foot_left else label.center(width).rstrip())
        text_pages.append("\n".join(top + body + foot))
    return text_pages


ENCODE_FIX = str.maketrans({"◦": "o", "▪": "-", "→": "->", "≥": ">="})


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf8_crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    if encoding == "utf8_bom":
        return text.encode("utf-8-sig")
    if encoding == "cp1252":
        return text.translate(ENCODE_FIX).replace("\n", "\r\n").encode("cp1252", errors="replace")
    return text.encode("utf-8")


def render_txt(doc: Document, engine: str, encoding: str, rng: random.Random) -> bytes:
    if engine == "txt_markdown":
        text = "\n".join(_markdown(doc, hashes=doc.emphasis == "markdown_hashes"))
    elif engine == "txt_pdftotext":
        width = rng.choice((80, 88, 96))
        pages = _paginate(doc, _flow(doc, width), width, rng.choice((50, 56, 62)))
        text = "\f".join(pages) + "\f"
    else:
        text = "\n".join(_plain(doc, rng))
    return encode(text.rstrip("\n") + "\n", encoding)
