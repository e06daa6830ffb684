"""docs/provenance.md lists every score placement the parser can record, with the meaning the code gives it."""

from __future__ import annotations

import re
from pathlib import Path

from parsing.drafts import PLACEMENTS

DOC = Path(__file__).resolve().parents[2] / "docs" / "provenance.md"


def test_the_score_method_table_is_the_parsers_list() -> None:
    text = DOC.read_text(encoding="utf-8")
    table = text[text.index("| `score_method` | the score was |"):].split("\n\n", 1)[0]
    rows = re.findall(r"^\| `([a-z_]+)` \| (.+?) \|$", table, re.MULTILINE)
    rows = rows[1:]  # the header
    assert [code for code, _ in rows] == list(PLACEMENTS)
    assert all(meaning.startswith(PLACEMENTS[code]) for code, meaning in rows)


def test_the_warning_table_is_the_parsers_list() -> None:
    from parsing.warning_codes import WARNINGS

    text = DOC.read_text(encoding="utf-8")
    table = text[text.index("| `code` | meaning |"):].split("\n\n", 1)[0]
    rows = re.findall(r"^\| `([a-z_]+)` \| (.+?) \|$", table, re.MULTILINE)[1:]
    assert dict(rows) == WARNINGS and [code for code, _ in rows] == list(WARNINGS)
