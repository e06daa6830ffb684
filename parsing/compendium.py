"""Compendiums: one document that binds several city reports, split into one report per city section.

A section starts where a new report's title block starts, and only there: where the indicator codes go back
to an earlier code (a report's codes run once through the catalog in order; a scorecard and its
recommendations run twice, with no new title between) *and* a title block between the two names one city, and
the city, or the printed cycle, differs from the section before. A title block is read by the metadata reader
(``parsing.metadata``) from short title-like lines only: on a paged document (PDF) the first page after the
previous section's last indicator whose first lines are a title naming one city; elsewhere the run of short
lines just before the new codes, stopped by prose, a list or a line naming another city. Pages before the first
title block (a cover, a contents page) belong to no report.

Each section is then parsed alone; a section that is no report (an annex that names a city) goes back into the
one before it. A contents page, when present, confirms the split: a city it lists that no section was found for
is a warning on the compendium. Fewer than two sections is no compendium (``None``): the document is one report.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace

from core.blocks import Block
from core.records import ParsedReport, ParseWarning
from parsing import grammar as g
from parsing.metadata import read_metadata
from reference.gazetteer import find_places

TITLE_WORDS = 12  # a line with more words is no title line
PILLARS = (1, 2, 3, 4, 5)
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_FURNITURE = ("header", "footer")
_BRACKETED_CODE = re.compile(r"^\s*[(\[]\s*(\d{1,2}\s*\.\s*[a-zA-Z](?:\s*(?:&|and|,|/)\s*\d{1,2}\s*\.\s*[a-zA-Z])?)"
                             r"\s*[)\]]\s*")  # "(1.a) Title", "[1.c & 1.d] Title": a code in brackets opens a section


@dataclass(frozen=True, slots=True)
class Cut:
    """A section of a compendium's blocks: ``start``..``end`` (exclusive) and the identity its title block prints.

    ``by_codes`` says that the indicator codes go back to an earlier code where the section starts; a section
    whose start only its title shows must be confirmed by reading (``complete``).
    """

    start: int
    end: int
    city: str | None
    cycle: int | None
    by_codes: bool = True


@dataclass(frozen=True, slots=True)
class Opening:
    """A place where a report's title block starts: the first block of it and the city and cycle it prints."""

    start: int
    city: str
    cycle: int | None


def find_cuts(blocks: list[Block]) -> list[Cut] | None:
    """Return the sections of a compendium's blocks, or None when they hold one report (or none)."""
    return survey(blocks)[0]


def survey(blocks: list[Block]) -> tuple[list[Cut] | None, list[str]]:
    """Return the sections of a compendium's blocks (None: they hold one report, or none) and the reports their
    title blocks name (``several_cities``), from one reading of the codes and titles."""
    marks = _code_marks(blocks)
    found = openings(blocks, frozenset(i for i, _ in marks))
    return (_cuts(blocks, marks, found) if len(marks) >= 2 else None), _named(found)


def _cuts(blocks: list[Block], marks: list[tuple[int, tuple[int, str]]], found: list[Opening]) -> list[Cut] | None:
    """Return the sections the openings ``found`` and the code ``marks`` make, or None for one report."""
    at, codes = [i for i, _ in marks], dict(marks)
    kept: list[Opening] = []
    for opening in found:
        if kept and not _differs(kept[-1], opening):
            if not _marks_between(at, kept[-1].start, opening.start):
                kept[-1] = opening  # a divider, then the report's own title: the report starts at its title
            continue
        if kept and not _marks_between(at, kept[-1].start, opening.start):
            kept[-1] = opening  # the opening before holds no indicator (a divider page of another city)
            continue
        kept.append(opening)
    kept = [o for o in kept if _marks_between(at, o.start, len(blocks))]  # an annex after the last report
    if len(kept) < 2:
        return None
    cuts: list[Cut] = []
    for k, opening in enumerate(kept):
        if k == 0:
            first = opening.start if at[0] >= opening.start else 0  # codes before any title: from the start
            cuts.append(Cut(first, len(blocks), opening.city, opening.cycle))
            continue
        before = max(i for i in at if i < opening.start)
        after = min(i for i in at if i >= opening.start)
        restart = codes[after] <= codes[before]
        cuts[-1] = Cut(cuts[-1].start, opening.start, cuts[-1].city, cuts[-1].cycle, cuts[-1].by_codes)
        cuts.append(Cut(opening.start, len(blocks), opening.city, opening.cycle, restart))
    return [_without_trailing_pages(blocks, cut, at) for cut in cuts]


def _without_trailing_pages(blocks: list[Block], cut: Cut, at: list[int]) -> Cut:
    """Return the cut without the pages after its last indicator that open with a title of their own (a blank
    page, a divider, an annex, an index): they belong to no report. A page that goes on with the text, a list or
    a score is the report's."""
    if blocks[cut.start].page is None:
        return cut
    last = max(i for i in at if cut.start <= i < cut.end)
    for i in range(last + 1, cut.end):
        if blocks[i].page == blocks[i - 1].page or blocks[i].page is None:
            continue
        body = next((k for k in range(i, cut.end) if blocks[k].page == blocks[i].page
                     and blocks[k].kind not in _FURNITURE), None)
        if body is not None and _title_block(blocks[body]) and g.match_score(blocks[body].text) is None:
            return Cut(cut.start, i, cut.city, cut.cycle, cut.by_codes)
    return cut


def openings(blocks: list[Block], marked: frozenset[int] | None = None) -> list[Opening]:
    """Return every place where a title block naming one city starts: on a paged document the top of a page
    whose first lines are such a title; elsewhere a run of short title lines after prose, a list or the start.
    ``marked`` are the blocks that open an indicator (found when not given)."""
    if marked is None:
        marked = frozenset(i for i, _ in _code_marks(blocks))
    if blocks and all(b.page is not None for b in blocks):
        found = []
        pages: dict[int, list[int]] = {}
        for i, b in enumerate(blocks):
            pages.setdefault(b.page, []).append(i)
        for on_page in pages.values():
            opening = _page_opening(blocks, on_page, marked)
            if opening is not None:
                found.append(opening)
        return found
    found, run = [], []
    for i, block in enumerate(blocks + [Block("paragraph", "end of the document.", len(blocks), "end")]):
        if block.kind in _FURNITURE or not _WORD.search(block.text):
            continue  # page furniture, or a rule under a title ("=====") that goes on
        if (_title_block(block) or block.kind == "table_cell") and i not in marked:
            run.append(i)
            continue
        if run and (opening := _run_opening(blocks, run)) is not None:
            found.append(opening)
        run = []
    return found


def complete(report: ParsedReport) -> bool:
    """Return True when a report has indicators in every pillar of the framework (a whole report, not a part)."""
    return {ind.pillar_no for ind in report.indicators} >= set(PILLARS)


def several_cities(blocks: list[Block]) -> list[str]:
    """Return the reports whose title blocks ``blocks`` hold ("Pune", "Pune (cycle 3)"), one per change of city or
    cycle: more than one is several reports."""
    return _named(openings(blocks))


def _named(found: list[Opening]) -> list[str]:
    """Return the reports the openings name, one per change of city or cycle."""
    named: list[Opening] = []
    for opening in found:
        if not named or _differs(named[-1], opening):
            named.append(opening)
    return [o.city if o.cycle is None else f"{o.city} (cycle {o.cycle})" for o in named]


def not_told_apart(blocks: list[Block], cut: Cut, report: ParsedReport) -> ParseWarning | None:
    """Return why a section's report may not be loaded, or None: the section holds the title blocks of several
    reports (its numbers could be any of theirs), or it reads as another city's report than its title names."""
    where = f"{blocks[cut.start].location} to {blocks[cut.end - 1].location}"
    cities = several_cities(blocks[cut.start:cut.end])
    if len(cities) > 1:
        return ParseWarning("reports_not_told_apart", f"{where} hold the title blocks of {', '.join(cities)}, whose "
                            "reports could not be told apart: none of them was loaded (save each as a file of its "
                            "own)", location=where)
    if cut.city is not None and report.city != cut.city:
        return ParseWarning("reports_not_told_apart", f"{where}: the title block names {cut.city} but the part reads "
                            f"as {report.city}'s report: it was not loaded", location=where)
    return None


def _differs(before: Opening, after: Opening) -> bool:
    """Return True when a title names another report than the one before: another city, or another cycle."""
    return after.city != before.city or after.cycle is not None and before.cycle not in (None, after.cycle)


def _marks_between(at: list[int], start: int, end: int) -> bool:
    """Return True when an indicator code is printed in blocks ``start``..``end``."""
    return any(start <= i < end for i in at)


def merge_unread(cuts: list[Cut], read: list[bool]) -> list[Cut]:
    """Return the cuts with each section that did not read as a report joined to the one before it."""
    merged: list[Cut] = []
    for cut, ok in zip(cuts, read, strict=True):
        if ok or not merged:
            merged.append(cut)
        else:
            merged[-1] = Cut(merged[-1].start, cut.end, merged[-1].city, merged[-1].cycle, merged[-1].by_codes)
    return merged


def section_key(blocks: list[Block]) -> str:
    """Return the sha256 of a section's text: the key of the report version it gives.

    Only the words count (not pages or positions), so a section keeps its key when an edit elsewhere in the
    compendium moves it to other pages.
    """
    digest = hashlib.sha256(b"dmaf-section\n")
    for block in blocks:
        digest.update(" ".join(block.text.split()).encode("utf-8") + b"\n")
    return digest.hexdigest()


def contents_warnings(front: list[Block], reports: list[ParsedReport]) -> list[ParseWarning]:
    """Return a warning for each city a contents page in ``front`` lists that no section was read for."""
    listed: dict[str, str] = {}
    for block in front:
        for line in block.text.split("\n"):
            if _is_contents_line(line):
                for hit in find_places(line):
                    if hit.kind == "city":
                        listed.setdefault(hit.canonical, block.location)
    found = {r.city for r in reports}
    return [ParseWarning("contents_section_missing", f"the contents ({where}) lists {city} but no report of "
                         f"{city} was found in the document: its section may have been read into another",
                         location=where) for city, where in listed.items() if city not in found]


def _code_marks(blocks: list[Block]) -> list[tuple[int, tuple[int, str]]]:
    """Return (block index, (pillar, letter)) of every indicator code a block opens, in reading order: a heading
    ("Indicator 1.a: …", "(1.a) Title", "1.a Title"), a scorecard row, or a table cell holding a code."""
    marks = []
    for i, block in enumerate(blocks):
        if block.kind in _FURNITURE:
            continue
        code = g.match_code_only(block.text) if block.kind == "table_cell" else None
        if code is None:
            for line in block.text.split("\n"):
                line = _BRACKETED_CODE.sub(r"\1 ", line)
                heading = g.match_heading(line, allow_bare=block.kind == "heading") or g.match_bare_heading(line)
                row = heading or (found[0] if (found := g.match_scorecard_line(line)) else None)
                if row is not None:
                    code = row.code
                    break
        if code:
            first = code.split("&")[0]
            pillar, _, letter = first.partition(".")
            if pillar.isdigit() and letter:
                marks.append((i, (int(pillar), letter.lower())))
    return marks


def _title_line(line: str) -> bool:
    """Return True for a short line that can belong to a title block (no sentence, no page number)."""
    words = _WORD.findall(line)
    return 0 < len(words) <= TITLE_WORDS and not g.is_page_number(line) and not re.search(r"[.!?;]\s*$", line)


def _title_block(block: Block) -> bool:
    """Return True for a block every line of which can belong to a title block."""
    if block.kind in _FURNITURE or block.kind == "list_item":
        return False
    lines = [line for line in block.text.split("\n") if line.strip()]
    return bool(lines) and all(_title_line(line) and not _is_contents_line(line) for line in lines)


def _is_contents_line(line: str) -> bool:
    """Return True for a contents entry ("3. Pune Smart City ........ 14")."""
    return g.is_toc_entry(line)


def _cities(block: Block) -> set[str]:
    """Return the gazetteer cities a block names."""
    return {hit.canonical for hit in find_places(block.text) if hit.kind == "city"}


def _identity(blocks: list[Block]) -> tuple[str, int | None] | None:
    """Return (city, cycle) printed by a title block, or None when it names no one city by title or label."""
    lines = [replace(b, text=" ".join(b.text.split())) if b.kind == "table_cell" else b  # a cell wrapped is one value
             for b in blocks if b.kind not in _FURNITURE]
    if not lines:
        return None
    meta = read_metadata(lines, source="", first_heading=len(lines))
    chosen = {m.field: m for m in meta.values}
    city = chosen.get("city")
    if city is None or city.method not in ("title_block", "label") or any(
            w.code == "city_candidates_conflict" for w in meta.warnings):
        return None
    if not any(city.value in _cities(b) for b in lines):
        return None  # a labelled value the gazetteer does not know ("Nodal officer: …") names no report
    return city.value, meta.cycle


def _page_opening(blocks: list[Block], on_page: list[int], marked: frozenset[int]) -> Opening | None:
    """Return the opening at the top of a page, or None when its first lines are no title naming one city
    (``marked``: the blocks that open an indicator, which no title block holds)."""
    body = [i for i in on_page if blocks[i].kind not in _FURNITURE]
    if not body or body[0] in marked or not _title_block(blocks[body[0]]):
        return None
    head = []
    for i in body:
        block = blocks[i]
        if i in marked or not (_title_block(block) or block.kind == "table_cell"):
            break
        head.append(block)
    identity = _identity(head)
    return None if identity is None else Opening(on_page[0], *identity)


def _run_opening(blocks: list[Block], run: list[int]) -> Opening | None:
    """Return the opening of a run of title lines, from its last line naming another city than the run's own."""
    start, named = run[-1], set()
    for i in reversed(run):
        cities = _cities(blocks[i])
        if named and cities and not cities <= named:
            break  # a line naming another city: the run before belongs to something else (a contents page)
        named |= cities
        start = i
    identity = _identity([blocks[i] for i in run if i >= start])
    return None if identity is None else Opening(start, *identity)
