"""Names are data: control characters in a name are shown escaped, everything else as it is."""

from __future__ import annotations

import pytest

from core.text import printable


@pytest.mark.parametrize(("name", "shown"), [
    ("imphal_manipur_cycle2.pdf", "imphal_manipur_cycle2.pdf"),
    ("[draft]/bad [/red] copy.docx", "[draft]/bad [/red] copy.docx"),  # markup is not a control character
    ("pune\nfinal.txt", "pune\\nfinal.txt"),
    ("a\tb\rc", "a\\tb\\rc"),
    ("\x1b[31mred\x1b[0m.pdf", "\\x1b[31mred\\x1b[0m.pdf"),
    ("report\u202efdp.exe", "report\\u202efdp.exe"),  # a right-to-left override would print it reversed
    ("line\u2028break", "line\\u2028break"),
    ("इंदौर रिपोर्ट.pdf", "इंदौर रिपोर्ट.pdf"),  # Devanagari with its combining marks stays
    ("क्\u200dष.txt", "क्\u200dष.txt"),  # a zero-width joiner shapes Indic text: kept
])
def test_control_characters_are_escaped_and_nothing_else_changes(name: str, shown: str) -> None:
    assert printable(name) == shown
    assert "\n" not in printable(name)
