"""National results tables: a cycle's table of cities by pillar scores, total and rank, read as published scores.

The Ministry publishes each cycle's results as one table: a row per city, a column per pillar (Policy, People,
Process, Technology, Outcomes, in any order, by name, abbreviation or number), often a total and a rank. Such a
document names no single city and has no indicators, so it is read here, not as a report:

* a **header row** names at least two pillars, or one pillar or a total beside a city column, or a total and a
  rank; every row under it (a table row, or a line whose cells are set apart by ``|``, tabs or wide gaps) is read
  against it until the next header, so a table that spans pages, with its header repeated or not, is one table;
* a row's cells are matched to the header's columns by column number when each holds one value (a PDF row
  with a blank cell by where its cells stand: each under the nearest header cell); when cells
  hold several values ("63.3/100 70.0/100" where an unruled PDF's columns ran together) or a header cell names
  several columns ("People Process Tech"), by the order of the values, only when they are exactly as many as the
  header's columns, and then kept only when the row's total and every pillar add up;
* a row's **city** is a gazetteer name (in the city column when there is one); a row naming none (a national
  average, a footnote) is not a city's row and is listed in ``skipped``;
* every number is **checked by the framework's arithmetic**: a pillar score must lie between 0 and the pillar's
  maximum (the catalog's for the cycle; a header's "(100)" only when the catalog does not know it); when a row
  prints a total and every pillar of the cycle, the pillars must add up to it, or none of the row's numbers is
  kept; printed ranks must agree with the totals (a higher total never ranks lower; equal totals share a rank),
  or the ranks that disagree most are dropped; a rank beside one pillar only is that pillar's, not the city's;
* a figure printed twice (an overall table and a pillar's own table) is kept once; printed with different
  numbers, it is kept in neither.

A number that fails a check is kept as NULL with a warning naming the row: a published score is right or absent.
Pure: blocks in, a ``PublishedTable`` (or None: not a results table) out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from core.blocks import BBox, Block
from core.records import PublishedScore, PublishedTable
from parsing.metadata import read_metadata
from reference.catalog import Catalog, load_catalog
from reference.gazetteer import find_places, resolve_city, resolve_state

MIN_CITIES = 3
"""A document is a results table when at least this many rows name a gazetteer city and carry a number."""

_TOLERANCE = 0.051  # pillars printed to one decimal add up to a total printed to one decimal within this
_MAX = re.compile(r"\(\s*(?:out\s+of|max\.?|of)?\s*(\d{1,4}(?:\.\d+)?)\s*\)|(?:/|out\s+of|max\.?)\s*(\d{1,4})", re.I)
_NUMBERED = re.compile(r"\b(?:pillar|p)\s*[-.:]?\s*([1-9]|iv|v|i{1,3})\b")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
_NUMBER = re.compile(r"^\s*(\d{1,4}(?:\.\d+)?)\s*(?:/\s*(\d{1,4}(?:\.\d+)?))?\s*$")
_RANK = re.compile(r"^\s*(?:=|t-?|joint\s+)?\s*(\d{1,3})\s*(?:=|\*|\(\s*t(?:ie|ied)?\s*\)|t)?\s*$", re.I)
_BLANK = re.compile(r"^\s*(?:|[-\u2013\u2014]+|n\.?\s*a\.?|n/a|nil|not\s+(?:assessed|applicable))\s*$", re.I)
_SPLIT = re.compile(r"\s*\|\s*|\t+|\s{2,}")
_TOTAL_WORDS = {"total", "overall", "aggregate", "grand"}
_SCORE_WORDS = {"score", "scores", "marks", "points"}
_RANK_WORDS = {"rank", "ranking", "position", "air"}
_SERIAL = re.compile(r"^(?:s|sl|sr|serial)?\s*no$|^#$|^sno$")
_VALUE = re.compile(r"^(?:\d{1,4}(?:\.\d+)?(?:/\d{1,4}(?:\.\d+)?)?|[=T]-?\d{1,3}|\d{1,3}[=*]|[-\u2013\u2014]+"
                    r"|n\.?a\.?|n/a|nil)$", re.I)
_TIED = re.compile(r"^\(?(?:tied?|t|joint|=)\)?$", re.I)
_TOKEN = re.compile(r"\b(?:pillar|p)\s*[-.:]?\s*(?:[1-9]|iv|v|i{1,3})\b|\S+")


@dataclass(frozen=True, slots=True)
class Role:
    """What a column of a results table holds: ``kind`` is pillar, total, rank, city, state or serial."""

    kind: str
    pillar_no: int | None = None
    printed_max: float | None = None


@dataclass(frozen=True, slots=True)
class _Row:
    """One row of the document: its cells by column number, the first cell's block, and, for a table's row,
    each cell's box (None: no box, a DOCX or TXT table). A line split into cells has no column numbers of its
    own (``numbered`` False): its cells are only counted."""

    cells: dict[int, str]
    where: Block
    boxes: dict[int, BBox | None] = field(default_factory=dict)
    numbered: bool = True


def published_table(blocks: list[Block], *, source: str, format: str, pages: int | None = None,
                    catalog: Catalog | None = None) -> PublishedTable | None:
    """Return the national results table the blocks hold, or None when they hold none (see the module)."""
    catalog = catalog or load_catalog()
    prose = [b for b in blocks if b.kind != "table_cell"]
    meta = read_metadata(prose, source=source, first_heading=len(prose))
    if meta.cycle is None:
        return None
    names = _pillar_names(catalog, meta.cycle)
    scores: list[PublishedScore] = []
    skipped: list[str] = []
    header: Header | None = None
    number = 0
    for row in _rows(blocks):
        roles = header_roles(row.cells, names, row.boxes) if row.numbered else header_roles(row.cells, names)
        if roles is not None:
            header = roles
            continue
        if header is None:
            continue
        read = _read_row(row, header, catalog, meta.cycle, number + 1)
        if read is None:
            skipped.append(f"{row.where.location}: {' | '.join(row.cells.values())}")
            continue
        number += 1
        scores += read
    scores = _agree_on_ranks(_one_row_per_city(scores))
    if len({s.city for s in scores if s.city_known}) < MIN_CITIES:
        return None
    return PublishedTable(source, format, meta.cycle, meta.cycle_label, tuple(scores), pages, tuple(skipped))


def _pillar_names(catalog: Catalog, cycle: int) -> dict[int, str]:
    """Return ``{pillar no: folded name}`` of the cycle's pillars (the nearest cycle's names when unknown)."""
    numbers = catalog.cycle_pillars(cycle) or {p.pillar_no: p.max_score for p in catalog.pillars}
    return {no: catalog.pillar_name(cycle, no).casefold() for no in sorted(numbers)}


def _rows(blocks: list[Block]) -> Iterator[_Row]:
    """Yield the document's rows in reading order: table rows by their cells, and lines split into cells."""
    cells: dict[int, str] = {}
    boxes: dict[int, BBox | None] = {}
    first: Block | None = None
    for block in blocks:
        if block.kind == "table_cell" and block.col is not None:
            if first is not None and (block.page, block.table, block.row) != (first.page, first.table, first.row):
                yield _Row(cells, first, boxes)
                cells, boxes, first = {}, {}, None
            first = first or block
            cells[block.col] = " ".join(block.text.split())
            boxes[block.col] = block.bbox
            continue
        if first is not None:
            yield _Row(cells, first, boxes)
            cells, boxes, first = {}, {}, None
        if block.kind in ("paragraph", "list_item", "heading"):
            for line in block.text.splitlines():
                parts = [p for p in _SPLIT.split(line.strip().strip("|")) if p]
                if len(parts) >= 3:
                    yield _Row(dict(enumerate(parts, start=1)), block, numbered=False)
    if first is not None:
        yield _Row(cells, first, boxes)


def column_role(text: str, names: dict[int, str]) -> Role | None:
    """Return what a header cell says its column holds, or None when it names nothing a results table has."""
    printed_max = next((float(a or b) for a, b in _MAX.findall(text)), None)
    plain = _plain(text)
    words = plain.split()
    if not words:
        return None
    named = {no for no, name in names.items() for w in words if _names_pillar(w, name, names)}
    numbered = {int(m) if m.isdigit() else _ROMAN[m] for m in _NUMBERED.findall(plain)}
    pillars = named | numbered
    if len(pillars) == 1 and (not named or not numbered or named == numbered):
        return Role("pillar", pillars.pop(), printed_max)
    if pillars:
        return None
    if _TOTAL_WORDS & set(words) or (set(words) <= _SCORE_WORDS | {"city", "s"} and _SCORE_WORDS & set(words)):
        return Role("total", None, printed_max)
    if _RANK_WORDS & set(words):
        return Role("rank")
    if "city" in words or "cities" in words:
        return Role("city")
    if "state" in words or words == ["ut"] or "states" in words:
        return Role("state")
    if _SERIAL.match(plain):
        return Role("serial")
    return None


def _plain(text: str) -> str:
    """Return a header cell's words, folded, without its printed maximum ("Pillar1_Policy (100)" -> "pillar1
    policy")."""
    return " ".join(re.sub(r"[^\w#]+|_", " ", _MAX.sub(" ", text).casefold()).split())


def _names_pillar(word: str, name: str, names: dict[int, str]) -> bool:
    """Return True when a header word is the pillar's name, its singular or plural, or an abbreviation of at
    least three letters that no other pillar's name starts with ("Proc"), or whose consonants no other pillar's
    name holds in that order ("Ppl")."""
    if word in (name, name.rstrip("s"), name + "s"):
        return True
    if len(word) < 3 or not word.isalpha():
        return False
    if name.startswith(word):
        return sum(1 for other in names.values() if other.startswith(word)) == 1
    if any(c in "aeiou" for c in word[1:]) or not _skeleton_of(word, name):  # "Ppl", "Tchn": consonants only
        return False
    return sum(1 for other in names.values() if _skeleton_of(word, other)) == 1


def _skeleton_of(word: str, name: str) -> bool:
    """Return True when ``word`` starts as ``name`` does and its letters appear in ``name`` in order."""
    if word[0] != name[0]:
        return False
    rest = iter(name[1:])
    return all(letter in rest for letter in word[1:])


@dataclass(frozen=True, slots=True)
class Header:
    """A results table's header: the role of each column in order (``flat``: one entry per column, None for a
    column it names nothing in; a header cell naming several columns, "People Process Tech", gives several),
    and the header cells' column numbers (``cols``, in order) when every cell names at most one column."""

    flat: tuple[Role | None, ...]
    cols: tuple[int, ...] | None
    boxes: dict[int, BBox | None] = field(default_factory=dict)

    @property
    def roles(self) -> dict[int, Role]:
        """Return the roles by position (1-based)."""
        return {i: role for i, role in enumerate(self.flat, start=1) if role is not None}


@dataclass(frozen=True, slots=True)
class _Aligned:
    """A row's cells keyed by the header's positions, and whether they were matched by position (a header cell
    naming several columns, or a row cell holding several values), which only the row's arithmetic can vouch for."""

    cells: dict[int, str]
    by_position: bool


def cell_roles(text: str, names: dict[int, str]) -> list[Role]:
    """Return the columns a header cell names: one role, several when words of the cell name different
    columns ("Rank City", "People Process Tech"), none when it names nothing or contradicts itself."""
    whole = column_role(text, names)
    tokens = [t for t in _TOKEN.findall(_plain(text)) if t not in _SCORE_WORDS]  # "Policy score": one column
    parts = [r for r in (column_role(t, names) for t in tokens) if r is not None]
    distinct = list(dict.fromkeys((r.kind, r.pillar_no) for r in parts))
    if len(distinct) <= 1:
        return [whole] if whole is not None else []
    numbered = [bool(_NUMBERED.fullmatch(t)) for t in tokens
                if (role := column_role(t, names)) is not None and role.kind == "pillar"]
    if len(distinct) != len(parts) or (any(numbered) and not all(numbered)):
        return []  # a word repeated or "P2 Policy": not a list of columns
    return [Role(kind, no) for kind, no in distinct]


def header_roles(cells: dict[int, str], names: dict[int, str],
                 boxes: dict[int, BBox | None] | None = None) -> Header | None:
    """Return the header a row is, or None when the row is not a results table's header."""
    if any(_NUMBER.match(text) for text in cells.values()):
        return None
    named = {col: cell_roles(text, names) for col, text in sorted(cells.items())}
    flat = tuple(role for roles in named.values() for role in (roles or [None]))
    header = Header(flat, None if any(len(r) > 1 for r in named.values()) else tuple(named), boxes or {})
    kinds = [r.kind for r in header.roles.values()]
    pillars = [r.pillar_no for r in header.roles.values() if r.kind == "pillar"]
    if len(pillars) != len(set(pillars)) or kinds.count("total") > 1 or kinds.count("rank") > 1:
        return None
    scored = bool(pillars) or "total" in kinds
    if len(pillars) >= 2 or (scored and "city" in kinds) or ("total" in kinds and "rank" in kinds):
        return header
    return None


def value_tokens(text: str) -> list[str]:
    """Return a cell's values: each number ("72.5", "72.5/100", "=3", "T-3", "3*") or blank mark ("–", "NA") on
    its own, the words between them joined ("29 Aligarh" -> 29, Aligarh)."""
    out: list[str] = []
    words: list[str] = []
    for word in text.split():
        if out and not words and _TIED.match(word):  # "3 (tied)": one rank
            out[-1] = f"{out[-1]} {word}"
            continue
        if _VALUE.match(word):
            if words:
                out.append(" ".join(words))
                words = []
            out.append(word)
        else:
            words.append(word)
    if words:
        out.append(" ".join(words))
    return out


def _aligned(row: _Row, header: Header) -> _Aligned | None:
    """Return the row's cells keyed by the header's positions, or None when the row does not fit the header.

    A ruled table's row is matched by column number (a blank cell is then simply missing) when every header
    cell names one column and every row cell holds one value, on columns the header has. Otherwise the row's
    values, in order, must be exactly as many as the header's columns.
    """
    cells = dict(sorted(row.cells.items()))
    tokens = [t for text in cells.values() for t in (value_tokens(text) or [text])]
    placed = _under_their_headers(row, header) if header.cols is not None and len(tokens) == len(cells) else None
    if placed is not None:
        index = {col: i for i, col in enumerate(header.cols, start=1)}
        return _Aligned({index[col]: text for col, text in placed.items()}, False)
    if len(tokens) == len(header.flat) - 1 and {"city", "state"} <= {r.kind for r in header.flat if r}:
        tokens = _city_and_state(tokens)
    if len(tokens) == len(header.flat):
        return _Aligned(dict(enumerate(tokens, start=1)), True)
    return None


def _under_their_headers(row: _Row, header: Header) -> dict[int, str] | None:
    """Return a table row's cells by the header's column numbers, or None when they cannot be placed so.

    A row with every column keeps its numbers. A table row with cells missing (a blank cell has no block) is
    placed by its boxes when it has them: each cell goes under the header cell nearest to it, one cell per
    column (a PDF's columns found by alignment may number one row's cells otherwise than the header's); a table
    without boxes (DOCX, TXT) numbers its columns itself. A line split into cells cannot be placed with a cell
    missing.
    """
    cells = dict(sorted(row.cells.items()))
    if list(cells) == list(header.cols):
        return cells
    if not row.numbered:
        return None
    centres = {col: (box[0] + box[2]) / 2 for col, box in header.boxes.items() if box is not None}
    if not centres or any(row.boxes.get(col) is None for col in cells):
        return cells if set(cells) <= set(header.cols) else None
    placed: dict[int, str] = {}
    for col, text in cells.items():
        box = row.boxes[col]
        x = (box[0] + box[2]) / 2
        nearest = min(centres, key=lambda c: abs(centres[c] - x))
        if nearest in placed:
            return None
        placed[nearest] = text
    return placed


def _city_and_state(tokens: list[str]) -> list[str]:
    """Return the tokens with a text that is a gazetteer city followed by a state ("Greater Warangal Telangana")
    split in two; unchanged when no token is exactly that."""
    for i, token in enumerate(tokens):
        hits = find_places(token)
        cities = [h for h in hits if h.kind == "city" and h.start == 0]
        if not cities:
            continue
        rest = token[cities[0].end:].strip(" ,()-")
        if rest and resolve_state(rest) is not None:
            return [*tokens[:i], token[:cities[0].end].strip(), rest, *tokens[i + 1:]]
    return tokens


def _read_row(row: _Row, header: Header, catalog: Catalog, cycle: int,
              number: int) -> list[PublishedScore] | None:
    """Return the published scores of one city's row, or None when the row names no city. A row that does not
    fit its header gets NULL for every number, with a warning: which cell is which column is unknown."""
    aligned = _aligned(row, header)
    cells = aligned.cells if aligned is not None else None
    found = _city_of(_Row(cells, row.where), header.roles) if cells is not None else _any_city(row)
    if found is None:
        return None
    printed, state_text = found
    match = resolve_city(printed, state_text)
    if not match.known:
        return None
    where = row.where.location
    base = PublishedScore(match.city, printed, match.state, True, None, None, None, None, row.where.page, number,
                          where)
    if cells is None:
        warning = (f"{printed}: the row holds {len([t for c in row.cells.values() for t in value_tokens(c)])} "
                   f"values where the header names {len(header.flat)} columns, so which number is which is not "
                   f"known; none is kept ({where})")
        return _nulls(base, header, catalog, cycle, warning)
    out: list[PublishedScore] = []
    rank: int | None = None
    rank_warning: str | None = None
    for col, role in sorted(header.roles.items()):
        text = cells.get(col, "")
        if role.kind == "rank":
            rank, rank_warning = _rank(text, printed, where)
        if role.kind not in ("pillar", "total"):
            continue
        maximum, max_warning = _maximum(role, catalog, cycle)
        score, warning = _score(text, maximum, printed, where, role)
        out.append(replace(base, pillar_no=role.pillar_no, score=score if max_warning is None else None,
                           max_score=maximum, warning=max_warning or warning))
    if not out:
        return None
    every = set(catalog.cycle_pillars(cycle))
    if not any(s.pillar_no is None for s in out) and rank is not None and every and every <= {
            s.pillar_no for s in out}:  # a rank beside one pillar ("Pillar rank") is not the city's rank
        out.append(replace(base, max_score=_total_max(catalog, cycle)))
    out = [replace(s, rank=rank, warning=s.warning or rank_warning) if s.pillar_no is None else s for s in out]
    checked = _adds_up(out, catalog, cycle, printed, where)
    if aligned.by_position and any(s.score is not None for s in checked) and not _verified(checked, catalog, cycle):
        warning = (f"{printed}: the row's values were matched to the header's columns by their order, and without "
                   f"a total and every pillar that add up nothing can confirm the match; none is kept ({where})")
        return _nulls(base, header, catalog, cycle, warning)
    return checked


def _nulls(base: PublishedScore, header: Header, catalog: Catalog, cycle: int,
           warning: str) -> list[PublishedScore] | None:
    """Return NULL figures with a warning for every pillar and total column of the header."""
    return [replace(base, pillar_no=role.pillar_no, max_score=_maximum(role, catalog, cycle)[0], warning=warning)
            for _, role in sorted(header.roles.items()) if role.kind in ("pillar", "total")] or None


def _verified(scores: list[PublishedScore], catalog: Catalog, cycle: int) -> bool:
    """Return True when the row prints a total and every pillar of the cycle, all read, and they add up (the
    only reading of a row that its own arithmetic confirms)."""
    every = set(catalog.cycle_pillars(cycle))
    read = {s.pillar_no: s.score for s in scores}
    return bool(every) and set(read) == every | {None} and None not in read.values()


def _city_of(row: _Row, header: dict[int, Role]) -> tuple[str, str | None] | None:
    """Return (printed city, printed state or None) of a row: the city column's text, or the first cell that
    is a gazetteer city."""
    state_cols = [c for c, r in header.items() if r.kind == "state"]
    state = row.cells.get(state_cols[0]) if state_cols else None
    city_cols = [c for c, r in header.items() if r.kind == "city"]
    if city_cols:
        text = row.cells.get(city_cols[0], "").strip()
        if not text or _NUMBER.match(text):
            return None
        hits = [h for h in find_places(text) if h.kind == "city"]
        if not resolve_city(text, state).known and len(hits) == 1 and hits[0].start == 0:
            return hits[0].printed, state  # "Visakhapatnam ASSAM (1 city)": a heading run into the cell
        return text, state
    words = {col: text for col, text in row.cells.items()
             if col not in header or header[col].kind not in ("pillar", "total", "rank", "serial")}
    found = _any_city(_Row(words, row.where))
    return (found[0], state) if found is not None else None


def _any_city(row: _Row) -> tuple[str, str | None] | None:
    """Return (printed city, None) of the first cell of a row that names a gazetteer city."""
    for _, text in sorted(row.cells.items()):
        hits = [h for h in find_places(text) if h.kind == "city"]
        if hits:
            return hits[0].printed, None
    return None


def _maximum(role: Role, catalog: Catalog, cycle: int) -> tuple[float | None, str | None]:
    """Return the column's maximum (the catalog's, else the header's) and a warning when the two disagree."""
    known = catalog.cycle_pillars(cycle)
    framework = (_total_max(catalog, cycle) if role.pillar_no is None
                 else known.get(role.pillar_no) if known else None)
    if framework is None:
        return role.printed_max, None
    if role.printed_max is not None and abs(role.printed_max - framework) > 1e-9:
        what = "total" if role.pillar_no is None else f"pillar {role.pillar_no}"
        return framework, (f"the column header says out of {role.printed_max:g}, but the framework's maximum for "
                           f"the {what} in cycle {cycle} is {framework:g}; the column is not read")
    return framework, None


def _total_max(catalog: Catalog, cycle: int) -> float | None:
    """Return the cycle's total maximum (its pillars' maxima added), None when the catalog has no pillars."""
    known = catalog.cycle_pillars(cycle)
    return sum(known.values()) if known else None


def _score(text: str, maximum: float | None, city: str, where: str, role: Role) -> tuple[float | None, str | None]:
    """Return a cell's score, or None with a warning (blank, not a number, outside 0..maximum)."""
    what = "total" if role.pillar_no is None else f"pillar {role.pillar_no}"
    if _BLANK.match(text):
        return None, f"{city}: no {what} printed ({where})"
    match = _NUMBER.match(text)
    if match is None:
        return None, f"{city}: the {what} {text!r} is not a number ({where})"
    value, out_of = float(match.group(1)), match.group(2)
    if out_of is not None and maximum is not None and abs(float(out_of) - maximum) > 1e-9:
        return None, f"{city}: the {what} is printed out of {out_of}, not {maximum:g} ({where})"
    if maximum is not None and value > maximum:
        return None, f"{city}: the {what} {value:g} is above its maximum {maximum:g} ({where})"
    return value, None


def _rank(text: str, city: str, where: str) -> tuple[int | None, str | None]:
    """Return a rank cell's rank ("3", "=3", "3=", "T3", "3 (tie)"), or None with a warning."""
    if _BLANK.match(text):
        return None, None
    match = _RANK.match(text)
    if match is None or int(match.group(1)) < 1:
        return None, f"{city}: the rank {text!r} is not a rank ({where})"
    return int(match.group(1)), None


def _adds_up(scores: list[PublishedScore], catalog: Catalog, cycle: int, city: str,
             where: str) -> list[PublishedScore]:
    """Keep the row when its pillars add up to its printed total; otherwise NULL every number, with a warning."""
    total = next((s for s in scores if s.pillar_no is None), None)
    pillars = {s.pillar_no: s.score for s in scores if s.pillar_no is not None}
    every = set(catalog.cycle_pillars(cycle))
    if total is None or total.score is None or not every or set(pillars) != every or None in pillars.values():
        return scores
    added = sum(v for v in pillars.values() if v is not None)
    if abs(added - total.score) <= _TOLERANCE * len(pillars):
        return scores
    warning = (f"{city}: the pillars add up to {added:g} but the printed total is {total.score:g}; one of them is "
               f"misprinted or misread, so none of the row's scores is kept ({where})")
    return [replace(s, score=None, warning=warning) for s in scores]


def _one_row_per_city(scores: list[PublishedScore]) -> list[PublishedScore]:
    """Keep one figure per city and pillar (or total): the same figure printed again (a repeated row, an overall
    table and a pillar's own table) once, a NULL where another row prints the number ignored; a figure printed
    with different numbers is NULL in every row, with a warning."""
    figures: dict[tuple[str, int | None], list[PublishedScore]] = {}
    for s in scores:
        figures.setdefault((s.city, s.pillar_no), []).append(s)
    out: list[PublishedScore] = []
    for (city, _), printed in figures.items():
        scores = {s.score for s in printed if s.score is not None}
        ranks = {s.rank for s in printed if s.rank is not None}
        first = next((s for s in printed if s.score is not None), printed[0])
        if len(scores) <= 1 and len(ranks) <= 1:
            out.append(replace(first, rank=next(iter(ranks), None)) if first.rank is None and ranks else first)
            continue
        where = "; ".join(s.location for s in printed)
        warning = f"{city} is printed in {len(printed)} rows with different numbers ({where}); none is kept"
        out.append(replace(first, score=None if len(scores) > 1 else first.score,
                           rank=None if len(ranks) > 1 else next(iter(ranks), None), warning=warning))
    return sorted(out, key=lambda s: (s.row, s.pillar_no or 0))


def _agree_on_ranks(scores: list[PublishedScore]) -> list[PublishedScore]:
    """Drop (with a warning) the printed ranks that disagree with the totals: a higher total must rank higher
    and equal totals must share a rank; the rank in most disagreements goes first, until the rest agree."""
    ranked = {i: s for i, s in enumerate(scores) if s.pillar_no is None and s.rank is not None and s.score is not None}

    def conflicts(i: int, j: int) -> bool:
        a, b = ranked[i], ranked[j]
        if abs(a.score - b.score) < 1e-9:
            return a.rank != b.rank
        return (a.score > b.score) != (a.rank < b.rank)

    dropped: set[int] = set()
    while True:
        counts = {i: sum(1 for j in ranked if j != i and j not in dropped and conflicts(i, j))
                  for i in ranked if i not in dropped}
        worst = max(counts, key=lambda i: (counts[i], i), default=None)
        if worst is None or counts[worst] == 0:
            break
        dropped.add(worst)
    out = list(scores)
    for i in dropped:
        s = out[i]
        out[i] = replace(s, rank=None, warning=s.warning or (
            f"{s.city}: the printed rank {s.rank} disagrees with the totals of other cities; it is not kept "
            f"({s.location})"))
    return out
