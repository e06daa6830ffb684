"""Text that is safe to show on one terminal line: names are data, never markup or control sequences."""

from __future__ import annotations

import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Bidirectional overrides and isolates: they can make a printed name read as another."""


def _escaped(char: str) -> str:
    """Return a control character as the escape Python would write for it (``\\n``, ``\\x1b``, ``\\u202e``)."""
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """Return ``text`` with every control character (newlines, escape sequences, bidi overrides, line and
    paragraph separators) shown escaped, so a file name always prints as one line, exactly as it is."""
    if text.isprintable():
        return text
    return "".join(
        _escaped(c) if c in _BIDI or unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text
    )


def short_number(value: float | None) -> str:
    """Return a score as short text ("12.5", "40"), or "–" when there is none."""
    return "–" if value is None else f"{round(value, 2):g}"
