"""Words from a PDF page's characters (pure, numpy): the grouping pdfplumber's ``WordExtractor`` does by default.

The layout code was tuned on pdfplumber's words, so the rules are its defaults, applied to whole columns:

- consecutive characters of one font name and size form a run;
- a run's characters fall into lines by their tops (sorted tops within ``Y_TOLERANCE`` of the next one chain
  into one line), each line read left to right (ties in content order);
- a space ends a word, and so does a character that starts before the previous one, more than
  ``X_TOLERANCE`` after its end, or off its line;
- ligatures are spelt out ("ﬁ" → "fi").
"""

from __future__ import annotations

import functools

import numpy as np

from extractors.pdf_page import Chars

X_TOLERANCE = 3.0  # points: a gap wider than this between two characters starts a new word
Y_TOLERANCE = 3.0  # points: characters whose tops differ by more are on different lines
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


_LIGATURE_CODES = np.array([ord(c) for c in LIGATURES], dtype=np.uint32)


@functools.cache
def _whitespace() -> np.ndarray:
    """Return the code points ``str.isspace`` takes for a space (all below U+3001)."""
    return np.array([c for c in range(0x3001) if chr(c).isspace()], dtype=np.uint32)


def _spell_ligatures(text: str) -> str:
    return "".join(LIGATURES.get(c, c) for c in text)


def cell_text(chars: Chars, bbox: tuple[float, float, float, float]) -> str:
    """Return the text of a table cell as pdfplumber's ``Table.extract`` gives it: the characters whose middle
    lies in the box (right and bottom edges excluded), as words whatever their font, lines joined by newlines."""
    words = extract_words(chars.within(bbox), by_font=False)
    lines: dict[int, list[str]] = {}
    for line, word in zip(_clusters([w["top"] for w in words]), words):
        lines.setdefault(line, []).append(word["text"])
    return "\n".join(" ".join(lines[k]) for k in sorted(lines))


def _clusters(values: list[float]) -> list[int]:
    """Return each value's cluster: sorted values within ``Y_TOLERANCE`` of the next one chain into one."""
    cluster: dict[float, int] = {}
    last, k = None, 0
    for value in sorted(set(values)):
        if last is not None and value > last + Y_TOLERANCE:
            k += 1
        cluster[value] = k
        last = value
    return [cluster[v] for v in values]


def extract_words(chars: Chars, *, by_font: bool = True) -> list[dict]:
    """Return the words of a page's characters, each a dict with ``text``, ``x0``, ``x1``, ``top``, ``bottom``,
    ``size`` and ``fontname`` (and pdfplumber's ``doctop``, ``width``, ``height``, ``upright``, ``direction``).
    With ``by_font`` False a change of font or size does not end a run (pdfplumber's plain text)."""
    n = len(chars)
    if n == 0:
        return []
    if by_font:
        group_of: dict[tuple[str, float], int] = {}
        style = np.array([group_of.setdefault(f, len(group_of)) for f in chars.fonts], dtype=np.intp)[chars.font]
    else:
        style = np.zeros(n, dtype=np.intp)
    run = np.concatenate(([0], np.cumsum(style[1:] != style[:-1])))
    by_top = np.lexsort((chars.top, run))
    sorted_top = chars.top[by_top]
    new_line = np.concatenate(([True], (run[by_top][1:] != run[by_top][:-1])
                               | (sorted_top[1:] > sorted_top[:-1] + Y_TOLERANCE)))
    line = np.empty(n, dtype=np.intp)
    line[by_top] = np.cumsum(new_line)
    order = np.lexsort((np.arange(n), chars.x0, line))
    text = [chars.text[i] for i in order.tolist()]
    codes = np.frombuffer("".join(text).encode("utf-32-le"), dtype=np.uint32)
    blank = np.isin(codes, _whitespace())
    x0, x1, top, bottom = chars.x0[order], chars.x1[order], chars.top[order], chars.bottom[order]
    keep = ~blank
    # a word starts at a new line, after a space, or where the gap to the previous character is not a word's
    starts = np.ones(n, dtype=bool)
    starts[1:] = (line[order][1:] != line[order][:-1]) | blank[:-1] | (x0[1:] < x0[:-1]) \
        | (x0[1:] > x1[:-1] + X_TOLERANCE) | (np.abs(top[1:] - top[:-1]) > Y_TOLERANCE)
    word = np.cumsum(starts)[keep]
    if word.size == 0:
        return []
    x0, x1, top, bottom = x0[keep], x1[keep], top[keep], bottom[keep]
    first = np.concatenate(([0], np.flatnonzero(word[1:] != word[:-1]) + 1))
    w_x0 = np.minimum.reduceat(x0, first).tolist()
    w_x1 = np.maximum.reduceat(x1, first).tolist()
    w_top = np.minimum.reduceat(top, first).tolist()
    w_bottom = np.maximum.reduceat(bottom, first).tolist()
    kept = "".join(t for t, b in zip(text, blank.tolist()) if not b)
    spell = _spell_ligatures if np.isin(codes, _LIGATURE_CODES).any() else str
    fonts = chars.fonts
    font = chars.font[order][keep][first].tolist()
    ends = [*first[1:].tolist(), len(kept)]
    words = []
    for k, (a, b) in enumerate(zip(first.tolist(), ends)):
        name, size = fonts[font[k]]
        piece = spell(kept[a:b])
        words.append({
            "text": piece, "x0": w_x0[k], "x1": w_x1[k], "top": w_top[k], "doctop": w_top[k],
            "bottom": w_bottom[k], "upright": True, "height": w_bottom[k] - w_top[k], "width": w_x1[k] - w_x0[k],
            "direction": "ltr", "size": size, "fontname": name,
        })
    return words
