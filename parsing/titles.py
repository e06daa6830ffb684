"""Indicators named by their catalog title only: the code a report leaves out, supplied from the framework.

Some offices print no indicator codes at all ("Approval of City Data Policy | 30 | 21", "(i) Approval of City
Data Policy: 21 marks out of 30"). When the report's cycle has a catalog, a line or table cell that starts with
one of that cycle's titles, word for word, and then ends or goes on with a separator or a number, is given the
title's code, so that the rest of the parser reads it as it reads a coded heading. This is one more reading of
the document, never the only one: the arbiter keeps it only where the framework's arithmetic says it is the
more consistent reading (``parsing.arbiter``), and codes the document already reads are never supplied.
"""

from __future__ import annotations

import re
from dataclasses import replace

from core.blocks import Block
from parsing import grammar as g
from reference.catalog import CatalogIndicator
from reference.crosswalk import fold_title

_WORD = re.compile(r"[^\W_]+")
_MARKER = re.compile(r"(?ix)^\s*(?:"
                     r"\(\s*[ivxlc]{1,6}\s*\)|[ivxlc]{1,6}[.)]"           # (iv)  iv.  iv)
                     r"|\(\s*[a-z]\s*\)|[a-z]\)"                           # (a)  a)
                     r"|[a-z]{0,2}\d{1,2}(?:\.\d{1,2}){0,2}[.):]?"         # 7.  A12  P1.1  2.1)
                     r"|[-–—•·*▪►>]"                                       # bullets
                     r")\s+")
_CLOSING = re.compile(r"[)\]’'\"”]*")
_AFTER = re.compile(r"^\s*(?:$|[:;,.|–—-]|\(|\d)")  # what may follow a title that names an indicator


def title_words(text: str) -> list[str]:
    """Return the folded words of a text ("Data Hackathons/ Data Challenges" -> data, hackathons, data, …)."""
    return [w for w in (fold_title(m.group()) for m in _WORD.finditer(text)) if w]


def supply_codes(blocks: list[Block], indicators: dict[str, CatalogIndicator],
                 known: frozenset[str] = frozenset()) -> list[Block]:
    """Return the blocks with each line or table cell that names an indicator by its catalog title alone
    given the title's code ("Indicator 1.a: Approval of City Data Policy: 21 marks out of 30"; a cell
    "1.a Approval of City Data Policy"). Codes in ``known`` (already read as printed) are not supplied."""
    titles = sorted(((title_words(ind.title), code) for code, ind in indicators.items() if code not in known),
                    key=lambda item: -len(item[0]))
    titles = [(words, code) for words, code in titles if words]
    if not titles:
        return blocks
    out: list[Block] = []
    for block in blocks:
        lines = block.text.split("\n")
        if block.kind == "table_cell":
            coded = _coded_cell(" ".join(block.text.split()), titles)
            out.append(replace(block, text=coded) if coded is not None else block)
            continue
        changed = [_coded_line(line, titles) for line in lines]
        if any(c is not None for c in changed):
            block = replace(block, text="\n".join(c if c is not None else line for c, line in zip(changed, lines)))
        out.append(block)
    return out


def _title_at_start(text: str, titles: list[tuple[list[str], str]]) -> tuple[str, int, int] | None:
    """Return (code, start, end) of the catalog title that ``text`` starts with after a list marker, the
    longest one, when what follows it may end a title; None otherwise."""
    if g.match_heading(text, allow_bare=True) is not None or g.match_code_only(text) is not None:
        return None  # it names its code already
    marker = _MARKER.match(text)
    start = marker.end() if marker else len(text) - len(text.lstrip())
    words = list(_WORD.finditer(text, start))
    folded = [fold_title(w.group()) for w in words]
    for title, code in titles:
        if len(folded) >= len(title) and folded[:len(title)] == title and words[0].start() == start:
            end = words[len(title) - 1].end()
            end += len(_CLOSING.match(text, end).group())  # "City Data Officer (CDO)": its bracket too
            if _AFTER.match(text[end:]):
                return code, start, end
    return None


def _coded_line(line: str, titles: list[tuple[list[str], str]]) -> str | None:
    """Return a text line that names an indicator by its title as a coded heading line, else None."""
    found = _title_at_start(line, titles)
    if found is None:
        return None
    code, start, end = found
    rest = line[end:].strip().lstrip(":;,.|–—-").strip()
    return f"Indicator {code}: {line[start:end]}" + (f"\n{rest}" if rest else "")  # its score or text below it


def _coded_cell(text: str, titles: list[tuple[list[str], str]]) -> str | None:
    """Return a table cell holding an indicator's title alone (or "(iv) title") with the code before it."""
    found = _title_at_start(text, titles)
    if found is None:
        return None
    code, start, end = found
    if text[end:].strip(" .:;–—-"):
        return None  # a cell is a title, or it is text that starts like one
    return f"{code} {text[start:end]}"
