"""A report's metadata (city, state, cycle, framework), read from where it is printed, by zone of trust.

Zones, most trusted first: (1) the title block, the blocks before the first indicator heading;
(2) running headers and footers, and short lines repeated on many pages; (3) the rest of the first
page, short lines only; (4) anywhere else, through a label only ("City: Pune"); (5) the file name,
always with a warning. A city is a name from the gazetteer in any printed form around it ("Greater X
Municipal Corporation", "X Smart City Ltd", an alias, capitals); a label confirms it. A sentence
counts only when no zone has anything better, so recommendations that mention other cities never
name the report's city. A conflict is never resolved silently: a warning names the candidates.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from core.blocks import Block
from core.records import MetadataValue, ParseWarning
from parsing import grammar as g
from reference.gazetteer import city_state, find_cycle_years, find_places, resolve_city, resolve_state

FRAMEWORK = "Data Maturity Assessment Framework"
FIRST_PAGE_BLOCKS = 40  # blocks that stand for the first page when a format has no pages
FIRST_PAGE_WORDS = 8  # after the first heading, only lines this short count on the first page
PROSE_WORDS = 14  # a line with more words is a sentence
REPEATED = 3  # a title line printed this often is a running header
HEADER_WORDS = 12  # … if it has at most this many words
NAME_WORDS = 6  # a labelled value with more words is no city or state name
ZONES = {1: "title block", 2: "running header", 3: "first page", 4: "label", 5: "file name"}
METHODS = {1: "title_block", 2: "running_header", 3: "first_page", 4: "label", 5: "file_name"}

_PLACE_WORD = r"(?:smart\s+city|city|ulb|town|municipal\s+corporation|municipality|corporation)"
_CITY_LABEL = re.compile(r"^(?:name\s+of\s+(?:the\s+)?)?" + _PLACE_WORD + r"(?:\s*/\s*" + _PLACE_WORD
                         + r")*(?:\s+name)?$", re.I)
_CYCLE_LABEL = re.compile(r"^(?:(?:assessment|dmaf)(?:\s+(?:cycle|year|period|version))?|cycle|year)(?:\s+no\.?)?$",
                          re.I)
_SPLIT = re.compile(r"\s*[|;]\s*|\s{2,}|\t")  # the fields of a line: "City: Pune | State: Maharashtra"
_SPLIT_KEEP = re.compile(r"(\s*[|;]\s*|\s{2,}|\t)")  # the same, keeping each separator
_PAIR = re.compile(r"^(?P<label>[^\W\d_][\w /&().]{0,40}?)\s*(?::-|:|=|\s[-\u2013\u2014]\s|[\u2013\u2014])\s*"
                   r"(?P<value>\S.*)$")
_SENDER = re.compile(r"\bministry\b|government\s+of\s+india|\bgoi\b|nirman\s+bhawan|\bmohua\b", re.I)
_CONTEXT = re.compile(r"\b(?:dmaf|assessment|cycle|framework)\b", re.I)  # where years name a cycle
_ORDINAL = re.compile(r"\b(?P<num>[1-9])(?:st|nd|rd|th)\s+cycle\b", re.I)
_NAME = re.compile(r"[^\W\d_][\w .&'-]*")
_LABEL_HINT = re.compile(r"city|ulb|state|\but\b|union|cycle|assessment|year|town|corporation|municipal|dmaf", re.I)
_CYCLE_HINT = re.compile(r"cycle|dmaf|(?:19|20)\d\d", re.I)


@dataclass(frozen=True)
class MetadataReading:
    """What the metadata reader found: the values, how each was read, warnings, and every city candidate."""

    city: str | None
    state: str | None
    cycle: int | None
    cycle_label: str | None
    framework: str | None
    values: tuple[MetadataValue, ...]
    warnings: tuple[ParseWarning, ...]
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class _Seen:
    """One printed candidate for a field: value (canonical when known), where and how it was read."""

    field: str
    value: str
    printed: str
    zone: int
    location: str | None
    order: int
    known: bool = True  # a gazetteer name (city, state); an explicit label, not years (cycle)
    labelled: bool = False
    prose: bool = False
    cut: str | None = None  # labelled text after a ";" that was not read as part of the value

    @property
    def method(self) -> str:
        """Return how the value was read (label, title_block, …, years, file_name)."""
        if self.field == "cycle" and not self.known and self.zone < 5:
            return "years"
        return "label" if self.labelled and self.zone < 5 else METHODS[self.zone]


def read_metadata(blocks: list[Block], *, source: str, first_heading: int) -> MetadataReading:
    """Return the city, state, cycle and framework of a report, read zone by zone (see the module docstring)."""
    seen = _scan(blocks, first_heading) + _scan_file_name(source)
    states = _printed_states(seen)
    printed = {s.value for s in states}
    city, city_rivals = _pick([s for s in seen if s.field == "city"], lambda s: (s.prose, s.zone),
                              lambda v: city_state(v) in printed)
    paired = _printed_with_its_state(city, seen)
    if paired is not None:
        city_rivals = [city.value] + [v for v in city_rivals if v != paired.value]
        city = paired
    cycle, cycle_rivals = _pick([s for s in seen if s.field == "cycle"], lambda s: (s.prose, not s.known, s.zone))
    values, warnings = [], []
    for field, chosen, rivals in (("city", city, city_rivals), ("cycle", cycle, cycle_rivals)):
        if chosen is not None:
            values.append(MetadataValue(field, chosen.value, chosen.printed, chosen.method, chosen.location))
        if rivals:
            warnings.append(ParseWarning(f"{field}_candidates_conflict", f"{field} candidates disagree: read "
                                         f"{chosen.value if chosen else 'none'}, also printed {', '.join(rivals)}"))
        if chosen is not None and chosen.zone == 5:
            warnings.append(ParseWarning(f"{field}_from_file_name", f"{field} {chosen.value} read from the file "
                                         f"name only", location=chosen.location))
        if chosen is not None and chosen.cut:
            warnings.append(ParseWarning("metadata_value_cut", f"the {field} is printed {chosen.printed!r} then "
                                         f"{chosen.cut!r} after a semicolon; only {chosen.value} was read",
                                         location=chosen.location))
    state, state_warnings = _state(city, states)
    candidates: dict[tuple[str, str], str] = {}
    for s in (s for s in seen if s.field == "city"):
        where = "label" if s.labelled and s.zone < 5 else ZONES[s.zone]
        candidates.setdefault((s.value, where), f"{s.value} ({where}, {s.location})")
    return MetadataReading(
        city.value if city else None, state.value if state else None, int(cycle.value) if cycle else None,
        cycle.printed if cycle else None, FRAMEWORK if any(g.has_framework(b.text) for b in blocks) else None,
        tuple(values + ([state] if state else [])), tuple(warnings + state_warnings), tuple(candidates.values()))


def _printed_with_its_state(chosen: _Seen | None, seen: list[_Seen]) -> _Seen | None:
    """Return the one city printed right beside its own state ("the assessment of Amaravati …, Andhra Pradesh
    for Cycle 3.0"), where the city chosen by zone is unlabelled and lies in none of the states the first page
    prints, even in a sentence (a letterhead's "New Delhi"); None to keep the choice. The gazetteer decides
    between the readings.
    """
    printed = {s.value for s in seen if s.field == "state" and s.zone <= 3}
    if chosen is None or chosen.labelled or not printed or city_state(chosen.value) in printed:
        return None
    paired = {s.value: s for k, s in enumerate(seen)
              if s.field == "city" and s.zone <= 3 and s.value != chosen.value and any(
                  0 <= j < len(seen) and seen[j].field == "state" and seen[j].value == city_state(s.value)
                  for j in (k - 1, k + 1))}
    return next(iter(paired.values())) if len(paired) == 1 else None


def _pick(seen: list[_Seen], tier: Callable[[_Seen], tuple], consistent: Callable[[str], bool] = lambda v: False
          ) -> tuple[_Seen | None, list[str]]:
    """Return the most trusted candidate and the other values printed in its zone, or as strongly elsewhere.

    The best tier (``tier``: prose last, then by zone) decides; within it a label, a gazetteer name,
    a printed state that agrees (``consistent``), then the most often and first printed value win.
    Two cities in the file name alone give no value.
    """
    if not seen:
        return None, []
    best = min(tier(s) for s in seen)
    top = [s for s in seen if tier(s) == best]
    firsts = {s.value: s for s in reversed(top)}
    counts = Counter(s.value for s in top)
    labelled = {s.value for s in top if s.labelled}
    value = max(firsts, key=lambda v: (v in labelled, firsts[v].known, consistent(v), counts[v], -firsts[v].order))
    chosen = next(s for s in top if s.value == value and (s.labelled or value not in labelled))
    rivals = list(dict.fromkeys(s.value for s in seen if s.value != value
                                and (s.zone == chosen.zone or (not s.prose and s.zone < 5))))
    return (None, [value, *rivals]) if chosen.zone == 5 and rivals else (chosen, rivals)


def _printed_states(seen: list[_Seen]) -> list[_Seen]:
    """Return the states printed with a label, or by name in the title block or a running header, best first."""
    states = [s for s in seen if s.field == "state" and (s.labelled or (s.zone <= 2 and not s.prose))]
    return sorted(states, key=lambda s: (s.zone, not s.labelled, s.order))


def _state(city: _Seen | None, printed: list[_Seen]) -> tuple[MetadataValue | None, list[ParseWarning]]:
    """Return the state: the gazetteer's for a known city (a contradicting printed state is warned), else printed."""
    known = city_state(city.value) if city is not None and city.known else None
    if known is None:
        best = printed[0] if printed else None
        return (MetadataValue("state", best.value, best.printed, best.method, best.location) if best else None), []
    warnings = [ParseWarning("state_contradicts_city", f"state {s.printed!r} contradicts city {city.value} "
                             f"({known}); kept {known}", location=s.location)
                for s in {s.value: s for s in reversed(printed) if s.known and s.value != known}.values()]
    same = next((s for s in printed if s.value == known), None)
    if same is not None:
        return MetadataValue("state", known, same.printed, same.method, same.location), warnings
    return MetadataValue("state", known, city.printed, "from_city", city.location), warnings


def _scan(blocks: list[Block], first_heading: int) -> list[_Seen]:
    """Return every candidate printed in the blocks, one per field and value of a line or table row."""
    texts = [g.clean_text(b.text) for b in blocks]
    counts = Counter(t for t, b in zip(texts, blocks) if b.kind in ("paragraph", "heading", "table_cell"))
    paged = any(b.page is not None for b in blocks)
    zones = [_zone(i, b, first_heading, paged, counts[texts[i]] >= REPEATED and _is_title(texts[i], HEADER_WORDS))
             for i, b in enumerate(blocks)]
    seen: list[_Seen] = []
    previous = ""
    for block, text, zone in zip(blocks, texts, zones):
        for line in [g.clean_text(x) for x in block.text.splitlines()] if "\n" in block.text else [text]:
            unit = _read_line(line, zone, block.location, len(seen), previous)  # one per value, labelled first
            if "\n" in block.text:  # "Cycle 1.0" / "(previous)": a cell's lines say together whose cycle it is
                unit = [s for s in unit if s.field != "cycle" or not _called_earlier(" ".join(block.text.split()),
                                                                                        s.printed)]
            seen += {(s.field, s.value): s for s in sorted(unit, key=lambda s: s.labelled)}.values()
            previous = line if zone <= 3 else ""
    rows: dict[tuple[int, int], list[int]] = {}
    for i, b in enumerate(blocks):
        if b.kind == "table_cell" and b.table is not None and b.row is not None:
            rows.setdefault((b.table, b.row), []).append(i)
    for row in rows.values():  # "City" | "Pune": a label cell and its value cell
        for label, i in pairwise(row):
            if (field := _label_field(texts[label])) and not _label_field(texts[i]):
                seen += [_Seen(f, v, p, zones[i], blocks[i].location, len(seen), known, True)
                         for f, v, p, known in _values(field, texts[i], True)]
    return seen


def _zone(i: int, block: Block, first_heading: int, paged: bool, repeated: bool) -> int:
    """Return the zone of trust of a block (1 title block … 4 labels only)."""
    if block.kind in ("header", "footer") or repeated:
        return 2
    if i < first_heading:
        return 1
    return 3 if (block.page == 1 if paged else i < FIRST_PAGE_BLOCKS) else 4


def _read_line(line: str, zone: int, location: str | None, order: int, previous: str) -> list[_Seen]:
    """Return the candidates of one line: its labelled values anywhere, its names and cycles in zones 1-3."""
    out = [_Seen(f, v, p, zone, location, order, known, True, cut=cut) for f, v, p, known, cut in _labelled(line)]
    prose = _is_prose(line)
    if zone > 3 or (zone == 3 and not _is_title(line)) or not line:
        return out  # after the first heading, anything but a short title line is recommendation text
    if not _SENDER.search(line):  # "Ministry of Housing and Urban Affairs, New Delhi" is the sender
        hits = find_places(line)
        cities = {(h.start, h.end) for h in hits if h.kind == "city"}
        out += [_Seen(h.kind, h.canonical, h.printed, zone, location, order, prose=prose)
                for h in hits if h.kind == "city" or (h.start, h.end) not in cities]
    context = bool(_CONTEXT.search(line) or _CONTEXT.search(previous))
    cycles = [c for part in _SPLIT.split(line) if part for c in _cycles(part, context, previous)]
    if not cycles and previous and not _cycles(previous, True):  # "… Framework (DMAF" / "2.0)"
        cycles = [c for c in _cycles(f"{previous} {line}", False) if c[1] not in previous]
    return out + [_Seen("cycle", str(n), p, zone, location, order, explicit, prose=prose) for n, p, explicit in cycles
                  if not _called_earlier(line, p)]


_EARLIER = re.compile(r"(?i)\b(?:previous|earlier|prior|last|preceding|past)\b")
EARLIER_REACH = 12  # characters either side of a cycle's label within which "previous" says it is another's


def _called_earlier(line: str, printed: str) -> bool:
    """Return True for a cycle the line calls an earlier one ("Cycle 1.0 (previous)", "previous round, Cycle 1"):
    a column or a comparison beside the report's own, never its cycle."""
    at = line.find(printed)
    if at < 0:
        return False
    return bool(_EARLIER.search(line[max(0, at - EARLIER_REACH):at]) or
                _EARLIER.search(line[at + len(printed):at + len(printed) + EARLIER_REACH]))


def _is_prose(line: str) -> bool:
    """Return True for a sentence: many words, or mostly words in lower case."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", line)
    lower = sum(w[0].islower() for w in words)
    return len(words) > PROSE_WORDS or (len(words) >= 5 and 2 * lower > len(words))


def _is_title(line: str, most: int = FIRST_PAGE_WORDS) -> bool:
    """Return True for a short line of capitalised words ("JHANSI", "Municipal Corporation of Agra")."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", line)
    small = [w for w in words if w[0].islower() and w not in ("of", "and", "the", "for")]
    return 0 < len(words) <= most and not small and not re.search(r"[.!?;]$", line)


def _label_field(label: str) -> str | None:
    """Return "city", "state" or "cycle" for a metadata label ("Name of the City/ULB", "Assessment Year")."""
    label = label.rstrip(": ").strip()
    if _CITY_LABEL.match(label):
        return "city"
    return "cycle" if _CYCLE_LABEL.match(label) else g.match_metadata_label(label)


def _labelled(line: str) -> list[tuple[str, str, str, bool, str | None]]:
    """Return (field, value, printed, known, cut) for each value printed under a label in a line; ``cut`` is the
    text that followed the value after a semicolon and was not read as part of it (None when nothing was)."""
    if not _LABEL_HINT.search(line):
        return []
    city, state = g.match_city_state(line)
    found = [("city", city, True, None), ("state", state, True, None)]  # (field, value, unknown allowed, cut)
    pieces = _SPLIT_KEEP.split(line)  # part, separator, part, …
    parts, before = [], []
    for k in range(0, len(pieces), 2):
        if pieces[k]:
            parts.append(pieces[k])
            before.append(pieces[k - 1] if k else "")
    for k, part in enumerate(parts):
        m = _PAIR.match(part)
        field = _label_field(m["label"]) if m else None
        if field and field == "city" and city:
            found[0] = ("city", city, True, _cut_after(parts, before, k))  # the pair's value, cut or not
        elif field:
            found.append((field, m["value"], True, _cut_after(parts, before, k)))
        elif k + 1 < len(parts) and (bare := _label_field(part)) and not _label_field(parts[k + 1]):
            found.append((bare, parts[k + 1], False, None))  # "Smart City    Pune": a wide gap, no separator
    return [(*v, cut) for field, value, unknown_ok, cut in found if value
            for v in _values(field, value, unknown_ok)]


def _cut_after(parts: list[str], before: list[str], k: int) -> str | None:
    """Return the text after ``parts[k]`` that follows it after semicolons and is no field of its own (a value
    that holds a ";"), as printed from its first semicolon, or None."""
    rest = []
    for part, separator in zip(parts[k + 1:], before[k + 1:]):
        pair = _PAIR.match(part)
        if separator.strip() != ";" or pair and _label_field(pair["label"]) or _label_field(part):
            break
        rest.append(separator.lstrip() + part)
    return "".join(rest) or None


def _values(field: str, value: str, unknown_ok: bool) -> list[tuple[str, str, str, bool]]:
    """Return what a labelled value names: a gazetteer city (and state), a state, a cycle, or the printed name."""
    value = value.strip(" .*_\"'\u201c\u201d")
    if field == "cycle":
        cycles = _cycles(value, True) or [(n, value, True) for n, _, _ in _cycles(f"Cycle {value}", False)]
        return [("cycle", str(n), p, explicit) for n, p, explicit in cycles[:1]]
    if field == "state" and (canonical := resolve_state(value)):
        return [("state", canonical, value, True)]
    hits = find_places(value, strict_case=False)
    wanted = [h for h in hits if h.kind == field]
    if wanted:
        spans = {(h.start, h.end) for h in wanted}
        states = [h for h in hits if field == "city" and h.kind == "state" and (h.start, h.end) not in spans]
        return [(field, wanted[0].canonical, wanted[0].printed, True)] + [
            ("state", h.canonical, h.printed, True) for h in states]  # "Pune (Maharashtra)"
    name = re.sub(r"\s*\(.*\)\s*$", "", value)
    if field == "city" and (match := resolve_city(name)).known:
        return [("city", match.city, name, True)]  # a labelled abbreviation the free-text scan leaves alone ("NDMC")
    if unknown_ok and _NAME.fullmatch(name) and len(name.split()) <= NAME_WORDS:
        return [(field, name, name, False)]  # not a Smart City ("City: Gurugram"): kept as printed
    return []


def _cycles(text: str, context: bool, previous: str = "") -> list[tuple[int, str, bool]]:
    """Return (cycle, printed, explicit) for "Cycle 2.0", "DMAF Cycle II", "2nd Cycle", or years in context.

    "DMAF" printed right before "Cycle II" (on the ``previous`` line too) is part of the label.
    """
    if not _CYCLE_HINT.search(text):
        return []
    if m := _ORDINAL.search(text):
        return [(int(m["num"]), m.group(), True)]
    found = g.match_cycle(text)
    n = g.cycle_number(found[1]) if found and not re.fullmatch(r"\d+\.(?!0$)\d+", found[1]) else None  # not "2.5"
    if n is not None and 1 <= n <= 9:
        label, start = found[0], text.find(found[0])
        before = f"{previous} {text[:start]}" if text[:start].strip(" (") == "" else text[:start]
        if label[:5].lower() == "cycle" and re.search(r"\bdmaf\s*$", before, re.I):
            label = f"DMAF {label}"
        return [(n, label, True)]
    return [(c, p, False) for c, p in find_cycle_years(text)] if context else []


def cycles_named(text: str) -> set[int]:
    """Return the cycles a line names by label ("Previous cycle results: Cycle 1 (2019)" -> {1})."""
    return {n for part in _SPLIT.split(text) if part for n, _, explicit in _cycles(part, False) if explicit}


def without_cycles(text: str) -> str:
    """Return a text with the cycles it names by label taken out ("Code (Cycle 1)" -> "Code")."""
    for _, printed, explicit in _cycles(text, False):
        if explicit:
            text = text.replace(printed, " ")
    return re.sub(r"[\s()\[\]:,\-–]+$|^[\s()\[\]:,\-–]+", "", re.sub(r"\(\s*\)", " ", text)).strip()


def _scan_file_name(source: str) -> list[_Seen]:
    """Return the city and cycle candidates of the file name (the last resort)."""
    name = re.split(r"[\\/]", source)[-1]
    stem = re.sub(r"_+|\.(?!\d)", " ", name.rsplit(".", 1)[0] if "." in name else name)
    seen = [_Seen("city", h.canonical, h.printed, 5, name, k)
            for k, h in enumerate(find_places(stem, strict_case=False)) if h.kind == "city"]
    cycles = _cycles(stem, bool(_CONTEXT.search(stem)))
    return seen + [_Seen("cycle", str(n), p, 5, name, 99, explicit) for n, p, explicit in cycles]
