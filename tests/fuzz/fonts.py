"""Fonts for the PDF renderers: standard PDF fonts or TrueType fonts found on
the machine (DejaVu, Liberation), registered once per process.

`rl_fonts(name)` gives reportlab (regular, bold) font names; `ttf_paths(name)`
gives the files for fpdf2; `latin1(text)` makes text safe for core fonts.
"""

from __future__ import annotations

import os

_TT = "/usr/share/fonts/truetype"
TTF_FILES: dict[str, tuple[str, str]] = {
    "dejavu_sans": (f"{_TT}/dejavu/DejaVuSans.ttf", f"{_TT}/dejavu/DejaVuSans-Bold.ttf"),
    "dejavu_serif": (f"{_TT}/dejavu/DejaVuSerif.ttf", f"{_TT}/dejavu/DejaVuSerif-Bold.ttf"),
    "liberation_sans": (f"{_TT}/liberation/LiberationSans-Regular.ttf", f"{_TT}/liberation/LiberationSans-Bold.ttf"),
    "liberation_serif": (f"{_TT}/liberation/LiberationSerif-Regular.ttf", f"{_TT}/liberation/LiberationSerif-Bold.ttf"),
}
STANDARD = {"helvetica": ("Helvetica", "Helvetica-Bold"), "times": ("Times-Roman", "Times-Bold")}
_registered: dict[str, tuple[str, str]] = {}


def ttf_paths(name: str) -> tuple[str, str] | None:
    paths = TTF_FILES.get(name)
    if paths and all(os.path.exists(p) for p in paths):
        return paths
    return None


def rl_fonts(name: str) -> tuple[str, str]:
    """reportlab font names (regular, bold); falls back to Helvetica if a TTF is missing."""
    if name in STANDARD:
        return STANDARD[name]
    if name in _registered:
        return _registered[name]
    paths = ttf_paths(name)
    if not paths:
        return STANDARD["helvetica"]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    reg, bold = f"{name}-Regular", f"{name}-Bold"
    pdfmetrics.registerFont(TTFont(reg, paths[0]))
    pdfmetrics.registerFont(TTFont(bold, paths[1]))
    from reportlab.lib.fonts import addMapping

    addMapping(reg, 0, 0, reg)
    addMapping(reg, 1, 0, bold)
    addMapping(reg, 0, 1, reg)
    addMapping(reg, 1, 1, bold)
    _registered[name] = (reg, bold)
    return reg, bold


_LATIN1 = str.maketrans({"–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "•": "\u00b7",
                         "◦": "o", "▪": "-", "…": "..."})


def latin1(text: str) -> str:
    return text.translate(_LATIN1).encode("latin-1", errors="replace").decode("latin-1")
