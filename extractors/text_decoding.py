"""Turning the bytes of a text export into str: BOMs, UTF-8, Windows-1252/Latin-1, refusing binary."""

from __future__ import annotations

import codecs

from core.errors import UndecodableText

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
MAX_CONTROL_RATIO = 0.01
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in b"\r\n\t\f")  # deleted to count controls


def decode_text(data: bytes, *, source: str) -> tuple[str, str]:
    """Return (text, encoding) for the bytes of a text file; raise UndecodableText for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="strict"), encoding, source), encoding
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding, errors="strict")
        except UnicodeDecodeError:
            continue
        return _checked(text, encoding, source), encoding
    raise UndecodableText(source, "the bytes are not text in UTF-8, Windows-1252 or Latin-1")


def _checked(text: str, encoding: str, source: str) -> str:
    """Return text unless it is full of control characters (binary data that happened to decode)."""
    controls = _control_count(text)
    if "\x00" in text or (text and controls / len(text) > MAX_CONTROL_RATIO):
        raise UndecodableText(source, f"the bytes decode as {encoding} but are binary data, not text "
                                      f"({controls} control characters)")
    return text


def _control_count(text: str) -> int:
    """Return how many control characters (other than CR, LF, tab, form feed) a text holds.

    Counted on the UTF-8 bytes, where a control character is one byte and no other character
    contains such a byte: C speed, where a Python loop over 100 MB of text took over a minute.
    """
    return len(text.encode("utf-8", "surrogatepass").translate(None, _NOT_CONTROL))
