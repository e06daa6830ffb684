"""A readable diff of two recommendation texts, as HTML: sentences first, then words inside an edited sentence.

Reports reorder and reword their advice between cycles. A plain word diff of a reordered text interleaves
fragments of different sentences; so the texts are first aligned sentence by sentence (a moved or new
sentence is shown whole, struck or marked), and only a sentence replaced by one like it (similarity at
least ``WORD_DIFF_AT``) is diffed word by word. Every piece of text is HTML-escaped.
"""

from __future__ import annotations

import html
import re
from difflib import SequenceMatcher

WORD_DIFF_AT = 0.6
"""Two sentences this alike (difflib ratio of their words) are shown as one edited sentence."""

_WORDS = re.compile(r"\s+|[^\s]+")


def sentences(text: str) -> list[str]:
    """Return a text cut after each sentence end or line break, the white space kept (joined back, they give
    the text)."""
    pieces = [p for p in re.split(r"(?<=[.!?:])(?=\s)|(?<=\n)", text) if p]
    out: list[str] = []
    for piece in pieces:
        if out and not piece.strip():
            out[-1] += piece
        elif out and piece[:1].isspace() and not piece.startswith("\n"):
            lead = len(piece) - len(piece.lstrip(" \t"))
            out[-1] += piece[:lead]
            out.append(piece[lead:])
        else:
            out.append(piece)
    return out


def _key(sentence: str) -> str:
    """Return a sentence with case and white space folded, for alignment."""
    return " ".join(sentence.split()).casefold()


def _words(text: str) -> list[str]:
    """Return a text as words and the white space between them."""
    return _WORDS.findall(text)


def _marked(tag: str, text: str) -> str:
    """Return a text in ``<del>`` or ``<ins>``, its trailing white space outside the mark."""
    body = text.rstrip()
    return f"<{tag}>{html.escape(body)}</{tag}>{html.escape(text[len(body):])}" if body else html.escape(text)


def word_diff_html(before: str, after: str) -> str:
    """Return ``after`` with the words of ``before`` it lost in ``<del>`` and its new words in ``<ins>``."""
    old, new = _words(before), _words(after)
    out: list[str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape("".join(new[j1:j2])))
            continue
        if op in ("delete", "replace"):
            out.append(_marked("del", "".join(old[i1:i2])))
        if op in ("insert", "replace"):
            out.append(_marked("ins", "".join(new[j1:j2])))
    return "".join(out)


def diff_html(before: str, after: str, *, word_diff_at: float = WORD_DIFF_AT) -> str:
    """Return ``after`` as HTML showing what changed from ``before``: whole sentences struck or marked, and
    word edits inside a sentence replaced by a similar one."""
    old, new = sentences(before), sentences(after)
    out: list[str] = []
    matcher = SequenceMatcher(None, [_key(s) for s in old], [_key(s) for s in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(html.escape("".join(new[j1:j2])))
        elif op == "replace" and i2 - i1 == j2 - j1 and all(
                SequenceMatcher(None, _words(a), _words(b), autojunk=False).ratio() >= word_diff_at
                for a, b in zip(old[i1:i2], new[j1:j2], strict=True)):
            out.extend(word_diff_html(a, b) for a, b in zip(old[i1:i2], new[j1:j2], strict=True))
        else:
            out.extend(_marked("del", s) for s in old[i1:i2])
            out.extend(_marked("ins", s) for s in new[j1:j2])
    return "".join(out)
