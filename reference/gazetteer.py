"""Gazetteer of the 100 Smart Cities, their states/UTs and the DMAF cycles: exact and alias look-ups only."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import pandas as pd

MatchedBy = Literal["exact", "alias", "unknown"]

_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D_/\\-]")
_NON_WORD = re.compile(r"[^0-9a-z ]+")
_SPACES = re.compile(r"\s+")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}
_CYCLE_NUMBER = re.compile(r"(?<![\d.])([1-9])(?:\.0)?(?![\d.])")


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
