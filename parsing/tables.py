"""Tables read by what their columns and labels say: scorecards in any column order, and per-indicator records.

A scorecard's header names its columns ("Indicator Code | Indicator | Marks Secured | Max. Marks | Percentage |
Recommendations"); its rows are then read by role, whatever the order and whatever else the table holds. A
*record* table gives one indicator as label | value rows ("Indicator No. | 1(a)", "Maximum Marks | 25", "Marks
Secured | 25", "Remarks | …"). Pure: cells in, headings and scores out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.blocks import Block
from parsing import grammar as g
from reference.gazetteer import find_places

ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("serial", re.compile(r"^(?:s\.?\s*no\.?|sl\.?\s*no\.?|sr\.?\s*no\.?|serial(?:\s*no\.?)?|#|no\.?)$")),
    ("max", re.compile(r"^(?:max(?:imum)?\.?\s*(?:marks?|score|points)?|out\s*of|full\s*marks|total\s*marks"
                       r"|(?:marks?|points?)\s*available|available\s*(?:marks?|points?)"
                       r"|weight(?:age)?|max\.?\s*score|marks?\s*\(?max(?:imum)?\.?\)?)$")),
    ("score", re.compile(r"^(?:(?:marks?|score|points?)\s*(?:secured|obtained|scored|awarded|achieved|earned|"
                         r"received|allotted|given)?|(?:secured|obtained|awarded|achieved|given)\s*(?:marks?|score)?"
                         r"|city\s*score|score\s*obtained|(?:your|this)\s*city(?:'s)?(?:\s*(?:score|marks))?"
                         r"|(?:revised|final)(?:\s*(?:score|marks))?(?:\s*\(?(?:final|after\s*appeal)\)?)?)$")),
    ("code", re.compile(r"^(?:indicator\s*(?:code|no\.?|number|id|ref\.?)|code|ref(?:erence)?\.?(?:\s*no\.?)?)$")),
    ("title", re.compile(r"^(?:indicators?(?:\s*(?:name|title|description))?|particulars|parameters?|description"
                         r"|title|(?:sub[\s-]*)?criteria|(?:sub[\s-]*)?criterion)$")),
    ("pillar", re.compile(r"^(?:pillar|pillar\s*name|component)$")),
    ("text", re.compile(r"^(?:recommendations?|remarks?|assessor'?s?\s*remarks?|observations?|comments?"
                        r"|suggestions?|way\s*forward)$")),
    ("other", re.compile(r"^(?:provisional|original|initial|previous|earlier|target|national\s*average|average"
                         r"|highest|lowest|state\s*average|peer\s*average|status|appeal(?:\s*status)?)"
                         r"(?:\s*(?:score|marks|cycle))?$")),  # numbers beside the score that are not it
    ("pct", re.compile(r"^(?:percentage|%|per\s*cent|score\s*\(?%\)?|achievement\s*%?)$")),
)
"""What a header cell or a record label says the column or row holds (the first pattern that matches wins)."""
_NUMBER = re.compile(r"^\d{1,4}(?:[.,]\d{1,2})?$")


def role_of(text: str) -> str | None:
    """Return the role a header cell or a record label names ("Marks Secured" -> "score"), or None."""
    label = g.clean_text(text).rstrip(":").strip().lower()
    return next((role for role, pattern in ROLES if pattern.match(label)), None)


def header_roles(cells: list[Block], city: str | None = None) -> dict[str, int] | None:
    """Return {role: column} for a header row naming a scorecard's columns, or None for another row.

    A header names a score or maximum column and a code or title column, and every non-empty cell of it
    is a label (no numbers). A column headed by the report's own city ("Sagar" beside "National average")
    holds its score. Other labels ("Highest among cities") are allowed only where the header names both
    the score and the maximum column, so that what those columns hold is never guessed.
    """
    roles: dict[str, int] = {}
    unknown = False
    for cell in cells:
        text = g.clean_text(cell.text)
        if not text:
            continue
        if cell.col is None or _NUMBER.match(text.rstrip("%").strip()):
            return None
        role = role_of(text) or ("score" if city is not None and _names_city(cell.text, city) else None)
        if role is None:
            unknown = True
            continue
        roles.setdefault(role, cell.col)
    if unknown and not ("score" in roles and "max" in roles):
        return None
    has_number_column = "score" in roles or "max" in roles
    return roles if has_number_column and ("code" in roles or "title" in roles) and len(roles) >= 3 else None


def unnamed_indicator_roles(cells: list[Block]) -> dict[str, int] | None:
    """Return {role: column} for a header that names the score and maximum columns and no indicator column
    ("Pillar | Assessment Parameter | Maximum Marks | Marks Secured | Remarks"), or None for any other row. Its
    rows say in which cell the indicator is: the one that names it (``indicator_cell``)."""
    roles: dict[str, int] = {}
    for cell in cells:
        text = g.clean_text(cell.text)
        if not text:
            continue
        if cell.col is None or _NUMBER.match(text.rstrip("%").strip()):
            return None
        role = role_of(text)
        if role is not None:
            roles.setdefault(role, cell.col)
    return roles if "score" in roles and "max" in roles and not roles.keys() & {"code", "title"} else None


def box_roles(cells: list[Block]) -> dict[str, int] | None:
    """Return {role: column} for the header of a score box: a small table under an indicator's heading whose
    columns name its score and maximum, and no indicator ("Score obtained | Maximum marks | Percentage"); None
    for any other row. Every non-empty cell is a label; labels naming neither role are columns beside them."""
    roles: dict[str, int] = {}
    for cell in cells:
        text = g.clean_text(cell.text)
        if not text:
            continue
        if cell.col is None or _NUMBER.match(text.rstrip("%").strip()):
            return None
        role = role_of(text)
        if role is not None:
            roles.setdefault(role, cell.col)
    return roles if "score" in roles and "max" in roles and not roles.keys() & {"code", "title", "text"} else None


def read_box(cells: list[Block], roles: dict[str, int]) -> tuple[g.Score, Block] | None:
    """Return (score, score cell) of a score box's value row ("20.5 | 30 | 68.3 %"), or None for another row: a
    row with words in it names what it scores ("a. Approval of City Data | 30 | 22.5"), so it is no box's."""
    if any(re.search(r"[A-Za-z]{2}", c.text) and score_of(c.text, None) is None for c in cells):
        return None
    by_col = {c.col: c for c in cells if c.col is not None}
    score_cell, max_cell = by_col.get(roles["score"]), by_col.get(roles["max"])
    if score_cell is None or max_cell is None or not is_number(max_cell.text):
        return None
    score = score_of(score_cell.text, max_cell.text)
    return (score, score_cell) if score is not None else None


def _names_city(text: str, city: str) -> bool:
    """Return True when a header cell names the report's city, and no other, in any printed form ("SAGAR",
    "Aurangabad Smart City Limited (this city)")."""
    for printed in (text, text.replace("\n", "")):  # a narrow cell breaks a name anywhere ("Thoothukud" / "i")
        named = {hit.canonical for hit in find_places(g.clean_text(printed), strict_case=False) if hit.kind == "city"}
        if named == {city}:
            return True
    return False


@dataclass(frozen=True)
class RowReading:
    """One scorecard row read by its columns: the heading, the score (None when no score column), where."""

    heading: g.Heading
    score: g.Score | None
    heading_cell: Block
    score_cell: Block | None
    texts: tuple[str, ...] = ()


def _one_line(text: str) -> str:
    """Return a cell's text with its wrapped lines joined ("1.c Budget Allocation for" / "Data Initiatives")."""
    return " ".join(g.clean_text(text).split())


def is_number(text: str) -> bool:
    """Return True for a cell that holds a number and nothing else ("22.5", "40%")."""
    return number_of(text) is not None


def number_of(text: str | None) -> float | None:
    """Return a cell's number ("22.50", "22,5"), or None when it holds none."""
    if text is None:
        return None
    value = g.clean_text(text).rstrip("%").strip()
    return float(value.replace(",", ".")) if _NUMBER.match(value) else None


def score_of(score_text: str | None, max_text: str | None) -> g.Score | None:
    """Return the score of a row's score and max cells ("22.5" and "30", "NA" and "25", or "22.5/30" alone)."""
    if score_text is None:
        return None
    fraction = g.match_score(score_text)
    maximum = number_of(max_text) if max_text is not None else None
    if fraction is not None:
        return g.Score(fraction.score, fraction.max_score if fraction.max_score is not None else maximum)
    value = number_of(score_text)
    if value is not None:
        return g.Score(value, maximum)
    if re.fullmatch(r"(?i)\s*(?:n\s*/?\s*a|not\s+assessed|not\s+applicable|-|\u2013|nil)\s*", score_text):
        return g.Score(None, maximum)
    return None


def read_row(cells: list[Block], roles: dict[str, int], pillar: int | None = None) -> RowReading | None:
    """Return a data row of a scorecard whose header gave ``roles``, or None when the row names no indicator."""
    by_col = {c.col: c for c in cells if c.col is not None}
    code_cell, title_cell = by_col.get(roles.get("code")), by_col.get(roles.get("title"))
    title = _one_line(title_cell.text) if title_cell is not None else ""
    code = None
    if code_cell is not None and re.match(r"^\s*\(?\d", code_cell.text):
        heading = g.match_heading(code_cell.text, allow_bare=True)
        if heading is not None:  # "2.c & 2.d Data team …": the code cell runs on into the title
            code, title = heading.code, title or heading.title
        else:
            code = g.card_code(g.clean_text(code_cell.text)) or None
    if code is None and title_cell is not None:
        heading = g.match_heading(title, allow_bare=True)
        if heading is not None:
            code, title = heading.code, heading.title
    if code is None:  # a column named for the indicator may hold its code ("Indicator | Title": "1.a | …")
        for cell in cells:
            found = g.match_code_only(cell.text)
            if found:
                code = found
                words = [c for c in cells if c is not cell and re.search(r"[A-Za-z]{3}", c.text)
                         and c.col not in (roles.get("text"), roles.get("pillar"))]
                title_cell = title_cell if title_cell is not None and title_cell is not cell else (
                    words[0] if words else None)
                title = _one_line(title_cell.text) if title_cell is not None else ""
                code_cell = cell
                break
    if code is None and pillar is not None and code_cell is not None:
        letter = re.fullmatch(r"\(?([a-hA-H])[.)]?", g.clean_text(code_cell.text))
        code = f"{pillar}.{letter.group(1).lower()}" if letter else None
    if code is None or "." not in code:
        return None
    score_cell, max_cell = by_col.get(roles.get("score")), by_col.get(roles.get("max"))
    score = score_of(score_cell.text if score_cell is not None else None,
                      max_cell.text if max_cell is not None else None)
    text_cell = by_col.get(roles.get("text"))
    texts = (g.clean_text(text_cell.text),) if text_cell is not None and g.clean_text(text_cell.text) else ()
    return RowReading(g.Heading(code, g.heading_title(title) if title else ""), score, code_cell or title_cell,
                      score_cell if score is not None else None, texts)


# The row of an indicator's own table that totals its sub-criteria; a bare "Total" is a scorecard's (printed total).
_TOTAL_LABEL = re.compile(r"^(?:indicator\s*(?:score|total|marks)|(?:score|marks)\s*for\s*(?:the\s*)?indicator)\s*:?$",
                          re.IGNORECASE)


def indicator_total(cells: list[Block], roles: dict[str, int]) -> tuple[g.Score, Block] | None:
    """Return (score, score cell) for the row that totals an indicator's sub-criteria ("Indicator score | 25 |
    5" under a header naming the score and maximum columns), or None for any other row."""
    filled = [c for c in cells if g.clean_text(c.text)]
    if not filled or not _TOTAL_LABEL.match(g.clean_text(filled[0].text)) or "score" not in roles:
        return None
    by_col = {c.col: c for c in cells if c.col is not None}
    score_cell, max_cell = by_col.get(roles.get("score")), by_col.get(roles.get("max"))
    if score_cell is None:
        return None
    score = score_of(score_cell.text, max_cell.text if max_cell is not None else None)
    return (score, score_cell) if score is not None else None


@dataclass
class Record:
    """A record table being read: its label | value rows by role."""

    table: int | None
    fields: dict[str, Block] = field(default_factory=dict)


def record_field(cells: list[Block]) -> tuple[str, Block] | None:
    """Return (role, value cell) for a label | value row of a record table, or None."""
    filled = [c for c in cells if g.clean_text(c.text)]
    if len(filled) != 2:
        return None
    role = role_of(filled[0].text)
    return (role, filled[1]) if role in ("code", "title", "score", "max", "text", "pillar") else None


def read_record(record: Record, pillar: int | None = None) -> RowReading | None:
    """Return the indicator a finished record table describes, or None when it names no code."""
    fields = record.fields
    code_cell = fields.get("code")
    if code_cell is None:
        return None
    code = g.card_code(g.clean_text(code_cell.text)) if re.match(r"^\s*\(?\d", code_cell.text) else ""
    if not code:
        letter = re.fullmatch(r"\(?([a-hA-H])[.)]?", g.clean_text(code_cell.text))
        pillar_no = pillar or _pillar_number(fields.get("pillar"))
        code = f"{pillar_no}.{letter.group(1).lower()}" if letter and pillar_no else ""
    if not code:
        return None
    title_cell = fields.get("title")
    score_cell, max_cell = fields.get("score"), fields.get("max")
    score = score_of(score_cell.text if score_cell is not None else None,
                      max_cell.text if max_cell is not None else None)
    texts = (g.clean_text(fields["text"].text),) if "text" in fields else ()
    title = g.heading_title(title_cell.text) if title_cell is not None else ""
    return RowReading(g.Heading(code, title), score, title_cell or code_cell, score_cell if score else None, texts)


def _pillar_number(cell: Block | None) -> int | None:
    """Return the pillar a record's "Pillar" value names ("1 – Policy", "People"), or None."""
    if cell is None:
        return None
    lead = re.match(r"^\s*(\d)", cell.text)
    return int(lead.group(1)) if lead else g.match_pillar_heading(cell.text)
