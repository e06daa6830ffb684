"""Gazetteer of the 100 Smart Cities, their states/UTs and the DMAF cycles: exact and alias look-ups only.

``find_places`` finds the same names in free text: whole words, longest name first ("New Delhi", "Bihar Sharif").
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import pandas as pd

MatchedBy = Literal["exact", "alias", "unknown"]
PlaceKind = Literal["city", "state"]

_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D_/\\-]")
_NON_WORD = re.compile(r"[^0-9a-z ]+")
_SPACES = re.compile(r"\s+")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}
_CYCLE_NUMBER = re.compile(r"(?<![\d.])([1-9])(?:\.0)?(?![\d.])")
_TOKEN = re.compile(r"[^\W_]+(?:\.[^\W_]+)*|&")  # a word ("U.P" keeps its dots) or an ampersand
_JOIN = re.compile(r"[\s.\u2010-\u2015-]*")  # what may stand between two words of one name
_AND = {"and", "&"}
_YEARS = re.compile(r"(?<![\w/.\-\u2013])(?P<a>(?:19|20)\d\d)(?:\s*[-\u2013\u2014/]\s*(?P<b>(?:19|20)?\d\d))?"
                    r"(?![\w/]|[.\-\u2013]\d)")
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*(?:\d{1,2}(?:st|nd|rd|th)?"
                    r",?\s*)?$", re.I)  # "25 June " right before a year: a date


@dataclass(frozen=True, slots=True)
class PlaceHit:
    """A city or state name found in a text: what it names and the span it was printed in."""

    kind: PlaceKind
    canonical: str
    printed: str
    start: int
    end: int
    matched_by: MatchedBy


@dataclass(frozen=True, slots=True)
class _Name:
    """One entry of the place index: what a token sequence names and whether it is an abbreviation."""
    kind: PlaceKind
    canonical: str
    matched_by: MatchedBy
    abbreviation: bool


@dataclass(frozen=True, slots=True)
class _Token:
    """A normalised word of a text, its span, and whether it may continue the name before it."""
    key: str
    start: int
    end: int
    joined: bool


@dataclass(frozen=True, slots=True)
class CityMatch:
    """A printed city name and what the gazetteer made of it."""

    printed: str
    city: str
    state: str | None
    region: str | None
    known: bool
    matched_by: MatchedBy


def normalise_name(text: str) -> str:
    """Fold a place name to a comparison key: NFKC, casefold, no diacritics, '&'->'and', dashes/dots/spaces unified."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _DASHES.sub(" ", text.replace("&", " and ").replace(".", ""))
    return _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()


def _split_aliases(cell: str | None) -> list[str]:
    """Split a '|'-separated alias cell into its non-empty names."""
    return [a.strip() for a in (cell or "").split("|") if a.strip()]


@cache
def _rows(name: str) -> tuple[dict[str, str], ...]:
    """Read one packaged reference CSV as a tuple of row dicts (cached, read on first use)."""
    with files("reference").joinpath(name).open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


@cache
def _city_index() -> dict[str, list[tuple[dict[str, str], MatchedBy]]]:
    """Map each normalised city name and alias to its candidate rows."""
    index: dict[str, list[tuple[dict[str, str], MatchedBy]]] = {}
    for row in _rows("cities.csv"):
        index.setdefault(normalise_name(row["city"]), []).append((row, "exact"))
        for alias in _split_aliases(row["aliases"]):
            index.setdefault(normalise_name(alias), []).append((row, "alias"))
    return index


@cache
def _state_index() -> dict[str, str]:
    """Map each normalised state name and alias to the canonical state."""
    index: dict[str, str] = {}
    for row in _rows("states.csv"):
        for name in (row["state"], *_split_aliases(row["aliases"])):
            index[normalise_name(name)] = row["state"]
    return index


@cache
def _state_regions() -> dict[str, str]:
    """Map each canonical state to its region, as recorded in cities.csv."""
    return {row["state"]: row["region"] for row in _rows("cities.csv")}


def _is_abbreviation(name: str) -> bool:
    """Return True for a name written as capitals ("UP", "J&K", "DNH and DD"): it must be printed so."""
    words = [w for w in re.split(r"[\s&]+", name) if w and w.casefold() not in _AND]
    return bool(words) and all(w.isupper() for w in words)


@cache
def _place_index() -> tuple[dict[tuple[str, ...], tuple[_Name, ...]], int, frozenset[str]]:
    """Map each city/state name and alias (a tuple of normalised tokens) to what it names; the longest; first words."""
    index: dict[tuple[str, ...], list[_Name]] = {}
    names = [("city", r["city"], n, i > 0) for r in _rows("cities.csv")
             for i, n in enumerate((r["city"], *_split_aliases(r["aliases"])))]
    names += [("state", r["state"], n, i > 0) for r in _rows("states.csv")
              for i, n in enumerate((r["state"], *_split_aliases(r["aliases"])))]
    for kind, canonical, name, alias in names:
        entry = _Name(kind, canonical, "alias" if alias else "exact", _is_abbreviation(name))
        entries = index.setdefault(tuple(normalise_name(name).split()), [])
        if all((e.kind, e.canonical) != (kind, canonical) for e in entries):
            entries.append(entry)
    return {k: tuple(v) for k, v in index.items()}, max(len(k) for k in index), frozenset(k[0] for k in index)


@lru_cache(maxsize=1 << 16)
def _word_keys(word: str) -> tuple[str, ...]:
    """Return the normalised key(s) of one printed word (cached: reports repeat their words)."""
    return tuple(normalise_name(word).split())


def _tokens(text: str) -> list[_Token]:
    """Return the normalised words of a text with their spans (a word may fold to several keys)."""
    tokens: list[_Token] = []
    for m in _TOKEN.finditer(text):
        joined = bool(tokens) and _JOIN.fullmatch(text, tokens[-1].end, m.start()) is not None
        for k, key in enumerate(_word_keys(m.group())):
            tokens.append(_Token(key, m.start(), m.end(), joined or k > 0))
    return tokens


def _printed_ok(text: str, start: int, words: list[_Token], name: _Name, strict_case: bool) -> bool:
    """Return True when the printed words may stand for the name: capitals for an abbreviation, else a capital."""
    if name.abbreviation:
        printed = [text[t.start:t.end] for t in words if t.key not in _AND]
        return all(p.isupper() for p in printed) and any(c.islower() for c in text)
    return not strict_case or not text[start].islower()


def find_places(text: str, *, strict_case: bool = True) -> list[PlaceHit]:
    """Return the city and state names printed in a text, longest name first, in reading order.

    A span naming a city and a state ("Chandigarh") gives both hits. An abbreviation ("UP") counts only in
    capitals within mixed-case text; with ``strict_case`` other names need a capital ("erode" is a verb).
    Offsets are into the NFC form of the text.
    """
    text = unicodedata.normalize("NFC", text)
    tokens, (index, longest, firsts) = _tokens(text), _place_index()
    hits: list[PlaceHit] = []
    i = 0
    while i < len(tokens):
        if tokens[i].key not in firsts:
            i += 1
            continue
        for n in range(min(longest, len(tokens) - i), 0, -1):
            words = tokens[i:i + n]
            if any(not t.joined for t in words[1:]):
                continue
            start, end = words[0].start, words[-1].end
            names = [m for m in index.get(tuple(t.key for t in words), ())
                     if _printed_ok(text, start, words, m, strict_case)]
            if names:
                hits += [PlaceHit(m.kind, m.canonical, text[start:end], start, end, m.matched_by) for m in names]
                i += n
                break
        else:
            i += 1
    return hits


def city_state(city: str) -> str | None:
    """Return the state/UT of a canonical Smart City name, or None when it is not one."""
    return next((r["state"] for r in _rows("cities.csv") if r["city"] == city), None)


@cache
def _cycle_years() -> dict[tuple[int, int], int]:
    """Map each (first, last) assessment year span in cycles.csv ``years`` to its cycle."""
    spans: dict[tuple[int, int], int] = {}
    for row in _rows("cycles.csv"):
        for span in _split_aliases(row.get("years")):
            first, _, last = span.partition("-")
            spans[(int(first), int(last or first))] = int(row["cycle"])
    return spans


def cycle_for_years(first: int, last: int | None = None) -> int | None:
    """Return the cycle assessed in exactly these years (2019 -> 1, 2020-2021 -> 2), or None."""
    return _cycle_years().get((first, last if last is not None else first))


def find_cycle_years(text: str) -> list[tuple[int, str]]:
    """Return (cycle, printed) for each span of assessment years in a text ("2019", "2020-21", "2020–2021").

    A date ("25 June 2021", "25/06/2021", "2021-06-25") and years of no known cycle ("2021") give nothing.
    """
    found = []
    for m in _YEARS.finditer(text):
        first, last = int(m["a"]), m["b"]
        if last is not None:
            last = int(last) + (first // 100 * 100 if len(last) == 2 else 0)
        cycle = cycle_for_years(first, last) if last is None or last == first + 1 else None
        if cycle is not None and not _MONTH.search(text[:m.start()]):
            found.append((cycle, m.group()))
    return found


def resolve_state(printed: str | None) -> str | None:
    """Return the canonical state/UT for a printed name, or None if it is not recognised."""
    return _state_index().get(normalise_name(printed)) if printed else None


def resolve_city(printed_city: str, printed_state: str | None = None) -> CityMatch:
    """Resolve a printed city by exact name or alias (never fuzzy); a recognised printed state must agree."""
    candidates = _city_index().get(normalise_name(printed_city), [])
    state = resolve_state(printed_state)
    if state is not None:
        candidates = [c for c in candidates if c[0]["state"] == state]
    exact = [c for c in candidates if c[1] == "exact"]
    chosen = {c[0]["city"]: c for c in (exact or candidates)}
    if len(chosen) == 1:
        row, how = next(iter(chosen.values()))
        return CityMatch(printed_city, row["city"], row["state"], row["region"], True, how)
    return CityMatch(printed_city, printed_city, state, _state_regions().get(state or ""), False, "unknown")


def resolve_cycle(label_or_number: str | int) -> int | None:
    """Read a DMAF cycle number from a label such as 'Cycle 2.0', 'DMAF 2.0', 'Cycle-II' or 'Second Cycle'."""
    text = str(label_or_number)
    key = normalise_name(text)
    for row in _rows("cycles.csv"):
        if key in {normalise_name(n) for n in (row["label"], *_split_aliases(row["aliases"]))}:
            return int(row["cycle"])
    tokens = key.split()
    for token in tokens:
        if token in _ORDINALS:
            return _ORDINALS[token]
    if match := _CYCLE_NUMBER.search(unicodedata.normalize("NFKC", text)):
        return int(match.group(1))
    for token in tokens:
        if token in _ROMAN:
            return _ROMAN[token]
    return None


def _frame(name: str) -> pd.DataFrame:
    """Return a fresh DataFrame of one reference CSV with empty cells as None."""
    import pandas as pd

    frame = pd.DataFrame(list(_rows(name)), dtype=object)
    return frame.where(frame != "", None)


def cities() -> pd.DataFrame:
    """Return the 100 Smart Cities (city, state, region, aliases) for the city dimension."""
    return _frame("cities.csv")


def states() -> pd.DataFrame:
    """Return the states/UTs that have a Smart City (state, aliases) for the state dimension."""
    return _frame("states.csv")


def cycles() -> pd.DataFrame:
    """Return the DMAF cycles (cycle as int, label, aliases, dates, notes) for the cycle dimension."""
    frame = _frame("cycles.csv")
    frame["cycle"] = frame["cycle"].astype(int)
    return frame
