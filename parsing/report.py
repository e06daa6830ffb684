"""The format-agnostic parser: an ordered list of blocks in, one ``ParsedReport`` out.

Reading happens in one pass over the blocks (headings open indicators, paragraphs and bullets
fill them, score lines attach to the heading right above them); headings printed more than once
(a contents page, a summary list) are merged; loose scores are then placed by geometry and by max
score (``placement``), and the drafts are frozen into records (``finish``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import groupby

from core.blocks import UNREAD, Block
from core.errors import NotAReport
from core.records import ParsedReport, PrintedTotal
from parsing import grammar as g
from parsing import tables
from parsing.drafts import (
    Draft,
    LooseScore,
    join_broken,
    merge_duplicates,
    provenance_of,
)
from parsing.finish import finish_report
from parsing.joins import ends_title, heading_line_below, joined, merge_heading_fragments, opens_pillar
from parsing.metadata import cycles_named, read_metadata, without_cycles
from parsing.placement import (
    place_above_heading,
    place_below_heading,
    place_by_geometry,
    place_by_max_score,
    place_end_of_section,
    place_in_card,
    place_under_heading,
)
from parsing.sentences import sentence_scores
from parsing.survey import (
    block_lines,
    inline_scorecards,
    page_number_lines,
    reference_numbers,
    row_key,
    transposed_scorecards,
)
from parsing.titles import supply_codes
from reference.catalog import Catalog, load_catalog

MAX_HEADING_TITLE = 160
NOISE_REPEATS = 3
OTHER_CYCLE_LINE_MAX = 90  # characters: a heading-like line this short that names another cycle opens its section
VALUE_LABEL_MAX = 40  # characters: a score or maximum label alone on its line is no longer
PILLAR_TOTAL_MIN_MAX = 50.0  # a score line right under a pillar heading is the pillar's total if out of this or more


@dataclass(frozen=True)
class TitleLine:
    """A title-like line read as text, with what the indicator it went to held before it."""

    text: str
    block: Block
    draft: Draft | None
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...]


@dataclass
class Reading:
    """What one pass over the blocks has gathered so far."""

    drafts: list[Draft] = field(default_factory=list)
    loose: list[LooseScore] = field(default_factory=list)
    scorecard: list[tuple[g.Heading, g.Score, Block]] = field(default_factory=list)
    totals: list[PrintedTotal] = field(default_factory=list)
    seq: int = 0
    last: str | None = None  # "heading" when the previous content block was a heading
    last_block: Block | None = None  # the block that last added text to the current indicator
    pillar: int | None = None  # the pillar whose heading was read last
    max_first: bool = False  # the last scorecard header printed the max column before the score column
    bare: bool = False  # plain lines that start with a bare code ("1.a APPROVAL OF …") open indicators too
    pending: tuple[str, Block] | None = None  # a code printed alone on its line, waiting for its title
    dangling: str | None = None  # "1.C &": the first half of a combined code whose second half starts the next line
    number_columns: str = "as printed"  # how the numbers ending a scorecard row are read (see _number_columns)
    number_rows: int = 0  # table rows read by their trailing numbers (other column orders are then worth trying)
    order_known: bool = False  # a header said which number column is the score and which the max
    columns: dict[int | None, dict[str, int]] = field(default_factory=dict)  # scorecard header roles per table
    header_width: dict[int | None, int] = field(default_factory=dict)  # cells in each table's header row
    boxes: dict[int | None, dict[str, int]] = field(default_factory=dict)  # score boxes' header roles per table
    unnamed: dict[int, dict[str, int]] = field(default_factory=dict)  # roles of headers naming no indicator column
    record: tables.Record | None = None  # a label | value table of one indicator being read
    city: str | None = None  # the report's city, as the metadata reader resolved it (a column may be headed so)
    cycle: int | None = None  # the report's cycle: a section or table about another cycle is not read
    elsewhere: str | None = None  # the kind of block that opened a section about another cycle ("Annexure – …")
    other_tables: set[int] = field(default_factory=set)  # tables whose header names another cycle
    inline: dict[int, list[tuple[g.Heading, g.Score]] | None] = field(default_factory=dict)  # see inline_scorecards
    half: tuple[str, float | None, Block] | None = None  # a labelled score or maximum waiting for the other
    prev: tuple[int | None, str] | None = None  # the line read last (its number and text), for wrapped sentences
    label_wait: str | None = None  # a "Score awarded" label alone on its line, its number on the next
    closed: bool = False  # a heading that could not be read ended the last indicator's section
    references: dict[str, str] = field(default_factory=dict)  # the report's own numbers ("5.1") -> catalog codes
    page_marks: frozenset[tuple[int, str]] = frozenset()  # (block order, line) of "3 / 9" lines that number pages
    title_run: tuple[TitleLine, ...] = ()  # the title-like lines read last as text, in case a reference line follows

    @property
    def current(self) -> Draft | None:
        """Return the indicator being filled, if any (none after a heading that could not be read)."""
        return self.drafts[-1] if self.drafts and not self.closed else None


def parse_blocks(
    blocks: list[Block], *, source: str, format: str, pages: int | None = None, catalog: Catalog | None = None,
    bare_headings: bool = False, number_columns: str = "as printed", titled: frozenset[str] | None = None,
) -> ParsedReport:
    """Return the report that a document's blocks describe; raise NotAReport if it has no indicators.

    With ``bare_headings`` a plain text line that starts with a bare code and reads as a title
    ("1.a APPROVAL OF CITY DATA POLICY") opens an indicator, as a heading-styled line always does. With
    ``titled`` (the codes already read as printed), lines and cells that name one of the other indicators of
    the report's cycle by its catalog title alone are read as that indicator's (``parsing.titles``), and so are
    sentences that state one of them and its marks (``parsing.sentences``).
    """
    catalog = catalog or load_catalog()
    blocks = merge_heading_fragments(blocks)
    first = next((i for i, b in enumerate(blocks) if g.match_heading(b.text, allow_bare=b.kind == "heading")
                  or b.kind == "table_cell" and g.match_code_only(b.text)), len(blocks))  # the first indicator
    meta = read_metadata(blocks, source=source, first_heading=first)
    if titled is not None and catalog.indicators_for(meta.cycle):
        blocks = supply_codes(blocks, catalog.indicators_for(meta.cycle), titled)
    reading = Reading(bare=bare_headings, number_columns=number_columns)
    noise = _repeated_lines(blocks)
    reading.page_marks = page_number_lines(blocks)
    reading.references = reference_numbers(blocks)
    reading.inline = inline_scorecards(blocks) | transposed_scorecards(blocks)
    if titled is not None and catalog.indicators_for(meta.cycle):
        headed = {h.code for b in blocks if b.kind != "table_cell" for line in b.text.split("\n")
                  if (h := g.match_heading(line)) is not None}
        stated = sentence_scores([b for b in blocks if b.order not in reading.inline],
                                 catalog.indicators_for(meta.cycle), meta.city, meta.cycle, titled | headed)
        reading.inline |= stated
    reading.city, reading.cycle = meta.city, meta.cycle
    for key, group in groupby(blocks, key=row_key):
        group = list(group)
        if reading.record is not None and (key is None or key[0] != reading.record.table):
            _finish_record(reading)
        if key is not None:
            _read_table_row(group, reading)
        else:
            for block in group:
                _read_block(block, reading, noise)
    if reading.record is not None:
        _finish_record(reading)
    if not reading.drafts and not reading.scorecard:
        raise NotAReport(source, "not a DMAF report: no indicators found (no heading like 'Indicator 1.a: …' "
                                 "and no scorecard table)")
    cycle = meta.cycle
    loose = place_in_card(reading.loose, reading.drafts)
    loose = place_under_heading(loose)  # before merging: each printing of a heading keeps its own score
    reading.drafts = merge_duplicates(reading.drafts, loose)
    _join_scorecard(reading)
    loose = place_by_geometry(loose, reading.drafts)
    loose = place_below_heading(loose, reading.drafts)
    loose, above = place_above_heading(loose, reading.drafts, catalog, cycle)
    if not above:  # where scores open their sections, a score at a section's end is the next one's
        loose = place_end_of_section(loose, reading.drafts, catalog, cycle)
    loose = place_by_max_score(loose, reading.drafts, catalog, cycle)
    report = finish_report(
        source=source, format=format, pages=pages, catalog=catalog, cycle=cycle,
        metadata=meta, drafts=reading.drafts, loose=loose, totals=reading.totals,
        unread=[b for b in blocks if UNREAD in b.text],
    )
    report.extra["number_rows"] = reading.number_rows
    return report


def _repeated_lines(blocks: list[Block]) -> set[str]:
    """Return short texts repeated on many pages or lines: running headers and footers."""
    counts = Counter(
        g.clean_text(b.text) for b in blocks
        if b.kind in ("paragraph", "heading") and len(b.text) < 90
    )
    return {
        text for text, n in counts.items()
        if n >= NOISE_REPEATS and text and not g.match_score(text) and not g.match_heading(text)
        and _labelled_number(text) is None and not _bare_value(text)[0]  # ":Maximum: 25", "25": many are out of 25
        and tables.role_of(text) is None  # "Score awarded" labels every record
    }


def _names_other_cycle(text: str, reading: Reading) -> bool:
    """Return True for a text naming a cycle other than the report's, and not the report's own."""
    named = cycles_named(text) if reading.cycle is not None else set()
    return bool(named) and reading.cycle not in named


_CURRENT = re.compile(r"(?i)^(?:\(?\s*(?:current|this|present|latest)(?:\s+(?:cycle|round|assessment))?\s*\)?"
                      r"|(?:marks|score)s?(?:\s+(?:obtained|awarded|secured))?)?$")


def _own_cycle_column(cells: list[Block], reading: Reading) -> list[Block]:
    """Return a header row with the column headed by the report's own cycle named for what it holds, the score
    ("Max. Marks | Cycle 2.0 (current) | Cycle 1.0 (previous)" beside each other: the report's is the score), when
    another column names another cycle; any other row as it is."""
    if reading.cycle is None or not _header_like(cells) or len(cells) < 3:
        return cells
    own = [c for c in cells if len(c.text) <= OTHER_CYCLE_LINE_MAX and cycles_named(c.text) == {reading.cycle}
           and _CURRENT.match(without_cycles(c.text))]
    if len(own) != 1 or not any(_names_other_cycle(c.text, reading) for c in cells):
        return cells
    return [replace(c, text="Score") if c is own[0] else c for c in cells]


def _about_other_cycle(cells: list[Block], reading: Reading) -> bool:
    """Return True for a header row whose table is about another cycle than the report's.

    A header naming another cycle is about it ("Code (Cycle 1) | Indicator | Marks obtained"), unless that cycle
    heads a column of numbers only ("Max | Cycle 1 | Marks awarded", "Score obtained | Cycle 1 score"): the table
    is then the report's when another of its columns holds a score, and the other cycle's column one beside it.
    """
    other = [c for c in cells if len(c.text) <= OTHER_CYCLE_LINE_MAX and _names_other_cycle(c.text, reading)]
    if not other:
        return False
    if any(tables.role_of(without_cycles(c.text)) in ("code", "title") for c in other):
        return True  # the column naming the indicators names the other cycle: its rows are that cycle's
    return not any(tables.role_of(c.text) == "score" for c in cells if c not in other)


def _header_like(cells: list[Block]) -> bool:
    """Return True for a table row of labels only (no cell is a number): a header."""
    return not any(re.fullmatch(r"[\d.,%\s/]+", g.clean_text(c.text)) for c in cells)


def _read_block(block: Block, reading: Reading, noise: set[str]) -> None:
    """Read one non-table block (contents-page entries are skipped: they are not headings).

    A heading that names another cycle than the report's opens a section that is not read ("Annexure –
    Previous cycle results: Cycle 1"), until the next heading that does not; so does a short title-like line.
    """
    if block.kind in ("header", "footer") or _is_contents_entry(block):
        return
    titled = block.kind == "heading" or (len(block.text) <= OTHER_CYCLE_LINE_MAX and "\n" not in block.text.strip()
                                         and not block.text.rstrip().endswith("."))
    indicator = g.match_heading(block.text, allow_bare=True) is not None
    if titled and not indicator:
        if _names_other_cycle(block.text, reading):
            reading.elsewhere = block.kind  # opened by a heading: only a heading ends it; by a line: any title
        elif block.kind == "heading" or reading.elsewhere != "heading":
            reading.elsewhere = None
    elif indicator and reading.elsewhere not in (None, "heading"):
        reading.elsewhere = None
    if reading.elsewhere:
        return
    if block.order in reading.inline:
        for heading, score in reading.inline[block.order] or ():
            reading.scorecard.append((heading, score, block))  # "5.b Data related use cases 30 of 30; …"
        return
    for line in block_lines(block):
        _read_line(line, block, reading, noise)


def _is_contents_entry(block: Block) -> bool:
    """Return True for a table-of-contents entry: a TOC paragraph style, or dot leaders and a page number."""
    if block.style and block.style.lower().startswith("toc") and "heading" not in block.style.lower():
        return True
    return "\n" not in block.text.strip() and g.is_toc_entry(block.text)


def _read_line(line: str, block: Block, reading: Reading, noise: set[str]) -> None:
    """Classify one line of text and add it to the reading."""
    text = g.clean_text(line)
    previous, reading.prev = reading.prev, (block.line, text)
    run, reading.title_run = reading.title_run, ()
    if not text or text in noise:
        return
    if previous is not None and block.line is not None and previous[0] == block.line - 1 and text[:1].islower() \
            and not previous[1].rstrip().endswith((".", ":", ";", "!", "?")) and g.match_score(text):
        _content(text, block, reading)  # "… the city" / "secured 0 of 30 marks.": a sentence going on, no score line
        return
    waiting, reading.label_wait = reading.label_wait, _value_label(text)
    if reading.label_wait is not None:
        return  # "Score awarded" / "Max. score" alone: its number is on the next line
    found, value = _bare_value(text)
    if waiting is not None and found:
        _pair_half(waiting, value, block, reading)  # "Score awarded" / "25"
        return
    if g.is_score_label(text):
        return  # a lone "Score:" label keeps the heading above it the last thing read
    raw = line  # the grammar cleans a line itself, keeping its wide gaps ("Title    12/30")
    if reading.dangling is not None:
        text, reading.dangling = f"{reading.dangling} {text}", None
        raw = text
    if g.is_dangling_code(text):
        reading.dangling = text
        return
    if reading.pending is not None and _title_for_code(text, block, reading):
        return
    if _read_aligned_row(raw, block, reading):
        return
    heading = _heading_of(raw, block, reading)
    if heading and len(heading.title) <= MAX_HEADING_TITLE:
        _open(heading, block, reading, g.split_heading_score(raw), "same_line")
        return
    if (reading.bare or block.kind == "heading" or g.match_code_only(text, named=True)) \
            and (code := g.match_code_only(text)):
        reading.pending = (code, block)  # "1.A" on a line of its own: the title is the next line
        return
    if _continues_heading(text, block, reading):
        return
    unread = g.match_unread_heading(text)
    if unread is not None:
        if unread[0] in reading.references:  # "Indicator 5.1: …" where a table row printed 5.1 beside 5.a
            _open(g.Heading(reading.references[unread[0]], unread[1]), block, reading, None, "same_line")
        else:
            reading.closed, reading.last = True, None  # not a code, but the section above ends
        return
    if _is_page_number(line, text, block, reading):
        return
    score = g.match_score(text)
    if score:
        _score(score, block, reading)
        return
    coded = g.match_coded_score(text)
    if coded is not None and reading.current is not None and coded[0] == reading.current.code:
        _score(coded[1], block, reading)  # "1.a: 0 marks (maximum 30)." (a footnote on the heading of 1.a)
        return
    half = _labelled_number(text)
    if half is not None:
        _pair_half(half[0], half[1], block, reading)
        return
    leading = g.match_leading_score(text)
    if leading is not None and reading.last == "heading":
        _score(leading[0], block, reading)
        _content(leading[1], block, reading)
        return
    if _read_total(text, block, reading) or _is_metadata(text):
        return
    pillar = g.match_pillar_line(text)
    if pillar is not None:
        reading.pillar, reading.last = pillar[0], "pillar"
        if pillar[1] is not None:
            reading.totals.append(PrintedTotal(pillar[0], *pillar[1], provenance_of(block)))
        return
    pillar_total = g.match_pillar_score(text)
    if pillar_total is not None and reading.pillar is not None:
        reading.totals.append(PrintedTotal(reading.pillar, *pillar_total, provenance_of(block)))
        return
    entry = g.match_scorecard_line(text)
    if entry:
        reading.scorecard.append((*entry, block))
        return
    if _reference_line(text, run, reading):
        return
    current = reading.current
    if block.kind == "heading" or len(text) <= MAX_HEADING_TITLE and not re.search(r"[.;:!?,]$", text):
        reading.title_run = (*run, TitleLine(text, block, current, tuple(current.paragraphs) if current else (),
                                             tuple(current.bullets) if current else ()))
    _content(text, block, reading)


def _reference_line(text: str, run: tuple[TitleLine, ...], reading: Reading) -> bool:
    """Open the indicator a reference line names under the title lines just read ("2.1 Approval of City Data
    Policy" / "Framework reference: Indicator 1.a"); True if the line was one.

    A section numbered in the office's own scheme says which framework indicator it is on a line of its own.
    The title is the run of title lines from the last one that starts with a section number (the number left
    out), else the heading-styled lines ending the run; those lines are taken back from the indicator above,
    which had them as text. A reference line repeating the current indicator's code is read as nothing; one
    naming an indicator already read, or with no title above it, is text.
    """
    code = g.match_reference_line(text)
    if code is None:
        return False
    current = reading.current
    if current is not None and current.code == code:
        return True
    if not run or any(d.code == code for d in reading.drafts):
        return False
    numbered = [k for k, line in enumerate(run) if g.office_number(line.text)]
    start = numbered[-1] if numbered else len(run) - next(
        (k for k, line in enumerate(reversed(run)) if line.block.kind != "heading"), len(run))
    lines = run[start:]
    if not lines:
        return False
    title = " ".join(line.text for line in lines)
    title = title[len(g.office_number(title) or ""):]
    if len(title) > MAX_HEADING_TITLE:
        return False
    first = lines[0]
    if first.draft is not None:
        first.draft.paragraphs[:], first.draft.bullets[:] = first.paragraphs, first.bullets
    block = first.block
    for line in lines[1:]:
        block = joined(block, line.block) if line.block is not block else block
    _open(g.Heading(code, g.heading_title(title)), block, reading, None, "same_line")
    return True


_LABELLED_NUMBER = re.compile(r"^:?(?P<label>[A-Za-z][A-Za-z .()]{1,40}?)\s*:?\s*[:\-=]\s*(?P<value>\d{1,4}(?:[.,]\d{1,2})?"
                              r"|N\s*/?\s*A|not\s+assessed)\s*$", re.IGNORECASE)


def _pair_half(role: str, value: float | None, block: Block, reading: Reading) -> None:
    """Keep a labelled score or maximum; with the other one just before it, they make one score."""
    other = reading.half
    reading.half = (role, value, block)
    if other is not None and other[0] != role and other[2].order in range(block.order - 3, block.order + 1):
        values = {other[0]: other[1], role: value}
        _score(g.Score(values["score"], values["max"]), other[2], reading)  # ":Marks: 12.5" / ":Maximum: 25"
        reading.half = None


def _value_label(text: str) -> str | None:
    """Return "score" or "max" for a line that is only such a label ("Score awarded", "Max. score"), or None."""
    role = tables.role_of(text) if len(text) <= VALUE_LABEL_MAX else None
    return role if role in ("score", "max") else None


def _bare_value(text: str) -> tuple[bool, float | None]:
    """Return (True, number) for a line that is only a number, (True, None) for "NA", (False, None) otherwise."""
    m = re.fullmatch(r"(\d{1,4}(?:[.,]\d{1,2})?)|(N\s*/?\s*A|not\s+assessed)", text.strip(), re.IGNORECASE)
    if m is None:
        return False, None
    return True, float(m.group(1).replace(",", ".")) if m.group(1) else None


def _labelled_number(text: str) -> tuple[str, float | None] | None:
    """Return ("score" | "max", value) for a line giving one of the two by its label (":Marks: 12.5",
    "Maximum marks – 25"), or None; the two on consecutive lines make a score."""
    m = _LABELLED_NUMBER.match(text.strip())
    if m is None or (role := tables.role_of(m["label"])) not in ("score", "max"):
        return None
    number = float(m["value"].replace(",", ".")) if m["value"][0].isdigit() else None  # None: not assessed
    return None if role == "max" and number is None else (role, number)


def _is_page_number(line: str, text: str, block: Block, reading: Reading) -> bool:
    """Return True for a page number line: "3", "Page 3 of 9", and "3 / 9" where the document numbers pages so
    (see page_number_lines) and it does not stand right under a heading ("20/20" there is its score)."""
    if g.page_fraction(text) is not None:
        return (block.order, line) in reading.page_marks and not (reading.last == "heading" and g.match_score(text))
    return g.is_page_number(text)


def _heading_of(text: str, block: Block, reading: Reading) -> g.Heading | None:
    """Return the indicator heading a line is, if any: printed with its code, or (in a heading-styled line, or
    when reading bare codes) a bare code or a letter under the pillar heading above ("a. Data Policy …")."""
    heading = g.match_heading(text, allow_bare=block.kind == "heading")
    if heading is None and reading.bare:
        heading = g.match_bare_heading(text) or g.match_bare_heading(g.strip_bullet(text)[1])
    if heading is None and reading.pillar is not None and (reading.bare or block.kind == "heading"):
        heading = g.match_letter_heading(text, reading.pillar)
    return heading


def _title_for_code(text: str, block: Block, reading: Reading) -> bool:
    """Open the indicator of a code printed alone on the line before, with this line as its title; True if so."""
    code, code_block = reading.pending
    reading.pending = None
    score = g.match_score(text)
    if score is not None and code_block.kind == "heading":
        _open(g.Heading(code, ""), code_block, reading, None, "same_line")  # a score box beside the code: the title
        _score(score, block, reading)  # follows below it ("3.d –" / "Score: 0 (Maximum: 20)" / "Analytics")
        return True
    if score or g.match_heading(text, allow_bare=True) or len(text) > g.BARE_TITLE_MAX \
            or re.search(r"[.;!?]$", text):
        return False
    _open(g.Heading(code, g.heading_title(text)), block, reading, g.split_heading_score(text), "same_line")
    return True  # the title's line stands for the heading, so that a title wrapped onto the next line joins it


def _open(heading: g.Heading, block: Block, reading: Reading, score: g.Score | None, method: str) -> None:
    """Open a new indicator draft, with its score if printed on the same line or row."""
    reading.seq += 1
    reading.closed = False
    draft = Draft(heading.code, heading.title, block, reading.seq)
    if score:
        draft.attach(score, block, method)
    if reading.last == "score" and reading.loose and reading.loose[-1].seq == reading.seq - 1:
        reading.loose[-1].heads = draft  # a score box printed (or stored) just before its heading
    reading.drafts.append(draft)
    reading.last = "heading"


def _continues_heading(text: str, block: Block, reading: Reading) -> bool:
    """Extend the current heading with its wrapped second line ("… Datasets on" / "SCODP (12/30)"); True if so.

    Only right below a heading that has no score yet: a heading-styled PDF line at its left edge within
    a line height, or the next text line when the title breaks off mid-phrase; the whole heading is
    then read again for its title and score.
    """
    current = reading.current
    if current is None or current.score is not None or reading.last != "heading":
        return False
    head = current.block
    if not (_wrapped_text_line(head, block, current.title, text) or heading_line_below(head, block)):
        return False
    if g.match_score(text) or opens_pillar(text, current.code) or g.match_pillar_total(text) or _is_metadata(text):
        return False  # a score line of its own, or a pillar heading: not the rest of this heading
    whole = f"{head.text} {text}"
    heading = g.match_heading(whole, allow_bare=True)
    if heading is None and g.match_heading(head.text, allow_bare=True) is None:  # a title printed apart from its code
        heading = g.Heading(current.code, g.heading_title(f"{current.title} {text}"))
    if heading is None or heading.code != current.code or len(heading.title) > MAX_HEADING_TITLE:
        return False
    current.title = heading.title
    current.block = joined(head, block)
    score = g.split_heading_score(whole)
    if score:
        current.attach(score, current.block, "same_line")
    return True


def _wrapped_text_line(head: Block, block: Block, title: str, text: str) -> bool:
    """Return True for a short text line on the very next line after a heading whose title runs on
    (``joins.ends_title``: "… Data team and capacity" / "building"; a sentence is text)."""
    return head.line is not None and block.line == head.line + 1 and block.kind == "paragraph" \
        and ends_title(title, text)


def _score(score: g.Score, block: Block, reading: Reading) -> None:
    """Keep a score line for placement, noting whether it came right after a heading.

    A score right under a pillar heading, out of a pillar's worth of marks, is that pillar's total.
    """
    if reading.last == "pillar" and score.max_score and score.max_score >= PILLAR_TOTAL_MIN_MAX:
        reading.totals.append(PrintedTotal(reading.pillar, score.score or 0.0, score.max_score,
                                           provenance_of(block)))
        reading.last = "score"
        return
    reading.seq += 1
    direct = reading.last == "heading"
    reading.loose.append(LooseScore(score, block, reading.seq, reading.current, direct))
    reading.last = "score"


def _read_total(text: str, block: Block, reading: Reading) -> bool:
    """Record a printed pillar or overall total; return True if the line was one."""
    pillar = g.match_pillar_total(text)
    if pillar:
        reading.totals.append(PrintedTotal(pillar[0], pillar[1], pillar[2], provenance_of(block)))
        reading.pillar = pillar[0]
        return True
    total = g.match_total(text)
    if total:
        reading.totals.append(PrintedTotal(None, total[0], total[1], provenance_of(block)))
        return True
    return False


def _is_metadata(text: str) -> bool:
    """Return True for title-block lines that are not recommendation text."""
    city, state = g.match_city_state(text)
    return bool(city or state or (g.has_framework(text) and len(text) < 120))


def _content(text: str, block: Block, reading: Reading) -> None:
    """Add a paragraph or bullet to the current indicator (text before the first heading is title matter)."""
    current = reading.current
    if current is None:
        return
    is_bullet, body = g.strip_bullet(text)
    if not body:
        return
    if block.kind == "list_item" or is_bullet:
        current.bullets.append(body)
    elif _wraps(reading, block) and current.paragraphs:
        current.paragraphs[-1] = join_broken(current.paragraphs[-1], body)
    elif current.bullets and block.kind == "paragraph" and body[:1].islower() and not current.bullets[-1].endswith("."):
        current.bullets[-1] = f"{current.bullets[-1]} {body}"
    else:
        current.add_paragraph(body)
    reading.last = "content"
    reading.last_block = block


def _wraps(reading: Reading, block: Block) -> bool:
    """Return True when a text line directly continues the paragraph line above it (a hard wrap)."""
    previous = reading.last_block
    return (
        reading.last == "content" and previous is not None and block.kind == "paragraph"
        and previous.kind == "paragraph" and block.line is not None and previous.line == block.line - 1
    )


def _read_table_row(cells: list[Block], reading: Reading) -> None:
    """Read one table row: a header, a scorecard row, a record field, a heading|score row, metadata, or content.

    A table about another cycle (in a section headed so, or a header naming it) is not this report's.
    """
    table = cells[0].table
    if table in reading.other_tables:
        return
    listed = [c for c in cells if c.order in reading.inline]
    if listed:  # "1. Policy | 1.a = 19/25; … | 74/100", or a table read on its side: its entries, once
        for cell in listed:
            reading.scorecard += [(heading, score, cell) for heading, score in reading.inline[cell.order] or ()]
        return
    cells = _own_cycle_column(cells, reading)
    if table is not None and (reading.elsewhere or _header_like(cells) and _about_other_cycle(cells, reading)):
        reading.other_tables.add(table)  # "Code (Cycle 1) | Indicator | Marks obtained | …"
        return
    texts = [g.clean_text(c.text) for c in cells]
    roles = tables.header_roles(cells, reading.city)
    box = tables.box_roles(cells) if roles is None else None
    if box is not None:
        reading.boxes[table] = box
        return
    if table in reading.boxes:
        found = tables.read_box(cells, reading.boxes[table])
        if found is not None:
            _score(found[0], found[1], reading)  # placed like any score line: under its heading, or refused
            return
    if roles is None and table is not None:
        unnamed = tables.unnamed_indicator_roles(cells)
        if unnamed is not None:
            reading.unnamed[table] = unnamed
            return
    if table in reading.unnamed or table in reading.boxes:  # its header named the score and max, not the indicator
        named = next((c for c in cells if c.col is not None and _cell_heading(c)), None)
        if named is not None and _read_scorecard_row(
                cells, (reading.unnamed.get(table) or reading.boxes[table]) | {"title": named.col}, reading):
            return
    if roles is not None:
        reading.columns[cells[0].table] = roles
        reading.header_width[cells[0].table] = len(cells)
    elif table is not None and table not in reading.columns and cells[0].row == 1:
        last = max((t for t in reading.columns if t is not None), default=None)  # a table going on over a page
        if last is not None and last < table and reading.header_width.get(last) == len(cells):  # break
            reading.columns[table] = reading.columns[last]
            reading.header_width[table] = len(cells)
    order = g.scorecard_max_first(texts)
    if order is not None:
        reading.max_first, reading.order_known = order, True
    if roles is not None or order is not None:
        return
    record_field = tables.record_field(cells)
    if record_field is not None:
        _add_record_field(record_field, cells[0].table, reading)
        return
    roles = reading.columns.get(cells[0].table)
    numbers = sum(tables.is_number(c.text) for c in cells)
    if roles is not None and numbers > 2 and _read_scorecard_row(cells, roles, reading):
        return  # more numbers than a score and a max: the header says which is which, not where they end
    texts, max_first = _number_columns(texts, reading)
    entry = g.match_scorecard_cells(texts, max_first=max_first)
    total = None if entry else g.match_total_cells(texts, max_first=max_first)
    if total:
        reading.totals.append(PrintedTotal(total[0], total[1], total[2], provenance_of(cells[-1])))
        return
    if entry:
        filled = [c for c in cells if g.clean_text(c.text)] or cells
        score_cell = filled[-1] if reading.max_first or len(filled) < 2 else filled[-2]  # the score, not the max
        reading.scorecard.append((entry[0], entry[1], score_cell))
        return
    if roles is not None and numbers <= 2 and _read_scorecard_row(cells, roles, reading):
        return
    heading_cell = next((c for c in cells if _cell_heading(c)), None)
    if heading_cell is not None:
        heading = _cell_heading(heading_cell)
        score_cell = next((c for c in cells if c is not heading_cell and g.match_score(c.text)), None)
        if score_cell is not None:
            _open(heading, heading_cell, reading, g.match_score(score_cell.text), "table_row")
            reading.drafts[-1].score_block = score_cell
        else:
            _open(heading, heading_cell, reading, g.split_heading_score(heading_cell.text), "same_line")
        for cell in cells:
            if cell is not heading_cell and cell is not score_cell:
                _read_block(_as_paragraph(cell), reading, set())
        return
    for cell in cells:
        _read_block(_as_paragraph(cell), reading, set())


def _read_aligned_row(raw: str, block: Block, reading: Reading) -> bool:
    """Read a text line laid out in columns by wide gaps whose first column is an indicator's code and title
    and another a whole score ("1.a Data Policy      Score: 7.5/25     Your city has …"); True if it was one.
    """
    cells = [c for c in re.split(r"\s{2,}", raw.strip()) if c]
    if len(cells) < 2 or (heading := g.match_heading(cells[0], allow_bare=True)) is None:
        return False
    scored = [(k, score) for k, cell in enumerate(cells[1:], start=1) if (score := g.match_score(cell)) is not None]
    if len(scored) > 1 or not scored and not any(re.match(r"(?i)(?:score|marks|points|rating)\b", c) for c in cells):
        return False
    _open(heading, block, reading, scored[0][1] if scored else None, "same_line")  # "Score: Not" / "applicable …"
    for k, cell in enumerate(cells[1:], start=1):  # wrapped below: the heading, its score left to be found
        if not scored or k != scored[0][0]:
            _content(cell, block, reading)
    return True


def _cell_heading(cell: Block) -> g.Heading | None:
    """Return the heading a table cell holds, its lines wrapped in a narrow column taken as one ("1.a City Data" /
    "Policy" / "Notification")."""
    heading = g.match_heading(cell.text, allow_bare=True)
    if heading is None and "\n" in cell.text:
        joined = g.match_heading(" ".join(cell.text.split()), allow_bare=True)
        if joined is not None and re.search(r"[A-Za-z]{3}", joined.title) and not re.search(r"\d\s*\.\s*[a-z]\b",
                                                                                          joined.title, re.I):
            heading = joined  # not "1.c an" / "d 1.d": a code broken inside a narrow cell is no title
    return heading


def _number_columns(texts: list[str], reading: Reading) -> tuple[list[str], bool]:
    """Return a row's cells and whether its max comes first, as the reading's column order says.

    Without a header naming the columns, the numbers that end a row are read as score then max (or max then
    score, as a header said); the other readings try the opposite order, and a trailing third number (a
    percentage) set aside: the framework's maxima decide which reading is right.
    """
    reading.number_rows += 1
    if reading.order_known or reading.number_columns == "as printed":
        return texts, reading.max_first
    filled = [t for t in texts if t]
    numbers = 0
    while numbers < len(filled) and g.is_number_cell(filled[-1 - numbers]):
        numbers += 1
    if reading.number_columns == "swapped":
        return texts, not reading.max_first
    if reading.number_columns == "percentage last" and numbers >= 3:
        return filled[:-1], reading.max_first
    if reading.number_columns == "percentage last, swapped" and numbers >= 3:
        return filled[:-1], not reading.max_first
    return texts, reading.max_first


def _read_scorecard_row(cells: list[Block], roles: dict[str, int], reading: Reading) -> bool:
    """Read a row of a table whose header named its columns; True if it was an indicator's row, or the row
    totalling the sub-criteria of the indicator above ("Indicator score | 25 | 5")."""
    total = tables.indicator_total(cells, roles)
    if total is not None:
        if reading.current is not None and reading.current.score is None \
                and reading.current.block.order < cells[0].order and reading.current.block.table != cells[0].table:
            reading.current.attach(total[0], total[1], "indicator_total")
        return True
    pillar_cell = next((c for c in cells if c.col == roles.get("pillar") and g.clean_text(c.text)), None)
    if pillar_cell is not None:
        reading.pillar = tables._pillar_number(pillar_cell) or reading.pillar
    row = tables.read_row(cells, roles, reading.pillar)
    if row is None:
        return False
    _open_row(row, reading, "scorecard_table")
    return True


def _open_row(row: tables.RowReading, reading: Reading, method: str) -> None:
    """Open the indicator of a table row or record, with its score and text."""
    _open(row.heading, row.heading_cell, reading, row.score, method)
    draft = reading.drafts[-1]
    if row.score_cell is not None:
        draft.score_block = row.score_cell
    for text in row.texts:
        draft.add_paragraph(text)
    reading.last = "content" if row.texts else "heading"


def _add_record_field(found: tuple[str, Block], table: int | None, reading: Reading) -> None:
    """Add a label | value row to the record being read, starting a new one where a label repeats."""
    role, cell = found
    if reading.record is not None and role in reading.record.fields:
        _finish_record(reading)
    if reading.record is None:
        reading.record = tables.Record(table)
    reading.record.fields[role] = cell


def _finish_record(reading: Reading) -> None:
    """Open the indicator a finished record table describes (if it names one)."""
    record, reading.record = reading.record, None
    row = tables.read_record(record, reading.pillar) if record is not None else None
    if row is not None:
        _open_row(row, reading, "record_table")


def _as_paragraph(cell: Block) -> Block:
    """Return a table cell re-typed as a multi-line paragraph block (same provenance)."""
    return Block(
        kind="list_item" if cell.style and "list" in cell.style.lower() else "paragraph",
        text=cell.text if "\n" in cell.text else cell.text + "\n", order=cell.order, location=cell.location,
        page=cell.page, bbox=cell.bbox, table=cell.table, row=cell.row, col=cell.col, style=cell.style,
    )


def _join_scorecard(reading: Reading) -> None:
    """Join scorecard rows to the headings of the recommendation pages by code."""
    by_code = {d.code: d for d in reading.drafts}
    for heading, score, block in reading.scorecard:
        draft = by_code.get(heading.code)
        if draft is None:
            reading.seq += 1
            draft = Draft(heading.code, heading.title, block, reading.seq)
            reading.drafts.append(draft)
            by_code[heading.code] = draft
        if draft.score is None:
            draft.attach(score, block, "scorecard_table")
        elif draft.score != score:
            draft.conflict = (score, block)
