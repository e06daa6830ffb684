"""The indicator crosswalk: which indicators of different cycles measure the same thing (pure, no I/O but the CSV).

Every indicator gets an ``indicator_key``; indicators with the same key are one trend line across cycles.

* Keys are the codes of the **key cycle** (Cycle 2, the only cycle whose indicator list is known for real):
  a Cycle 2 catalog indicator's key is its own code ("2.a", "1.c&1.d").
* ``crosswalk.csv`` (explicit mappings) overrides everything: ``cycle,code,indicator_key,note``; an empty
  ``indicator_key`` means "never match this one; keep it apart".
* Otherwise an indicator of another cycle takes the key of the catalog indicator whose title matches best:
  same pillar, same number of parts (a combined "1.c&1.d" never absorbs a separate "1.c" or "1.d"; each
  part measures only half of the combined indicator, so equating them would compare 20-mark scores with
  40-mark ones), token-set similarity of the folded titles >= ``threshold`` (85 by default, see
  README "The crosswalk" for the measured scores behind it), and one indicator per key and cycle (the
  best pair wins; ties prefer the same code).
* Anything else keeps a cycle-specific key ``c<cycle>:<code>`` ("c1:1.c").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from rapidfuzz import fuzz

from reference.catalog import Catalog, load_catalog
from reference.gazetteer import normalise_name

KEY_CYCLE = 2
DEFAULT_THRESHOLD = 85.0
COLUMNS = ("cycle", "code", "indicator_key", "note")
KeyMethod = Literal["catalog", "explicit", "fuzzy", "cycle_specific"]
_CODE = re.compile(r"^(\d+)\.[a-z0-9]+(?:&\1\.[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class CrosswalkOptions:
    """How fuzzy matching decides: minimum similarity (0-100) and the cycle whose codes are the keys."""

    threshold: float = DEFAULT_THRESHOLD
    key_cycle: int = KEY_CYCLE

    def __post_init__(self) -> None:
        if not 0 < self.threshold <= 100:
            raise ValueError(f"threshold {self.threshold!r} must be in (0, 100]")
        if self.key_cycle < 1:
            raise ValueError(f"key_cycle {self.key_cycle!r} must be a cycle number >= 1")

    @classmethod
    def resolve(cls, options: CrosswalkOptions | dict | None) -> CrosswalkOptions:
        """Accept None (defaults), a dict of fields, or an instance."""
        if options is None:
            return cls()
        if isinstance(options, dict):
            return cls(**options)
        return options


@dataclass(frozen=True, slots=True)
class Crosswalk:
    """Explicit mappings ``{(cycle, code): key or None}``; None keeps the indicator apart."""

    mappings: dict[tuple[int, str], str | None]
    source: str = "<memory>"

    def get(self, cycle: int, code: str) -> tuple[bool, str | None]:
        """Return ``(has an explicit mapping, key or None)``."""
        key = (cycle, code)
        return (key in self.mappings, self.mappings.get(key))


@dataclass(frozen=True, slots=True)
class KeyMatch:
    """The key an indicator got, how (``method``), and the title similarity when fuzzy."""

    indicator_key: str
    method: KeyMethod
    similarity: float | None = None


@dataclass(frozen=True, slots=True)
class IndicatorTitle:
    """What matching needs to know about one indicator of one cycle."""

    code: str
    pillar_no: int
    title: str | None


def cycle_specific_key(cycle: int, code: str) -> str:
    """Return the key of an indicator that matches nothing: ``c<cycle>:<code>``."""
    return f"c{cycle}:{code}"


@lru_cache(maxsize=8192)  # a load folds the same few hundred catalog titles over and over
def fold_title(title: str | None) -> str:
    """Fold a title for comparison: NFKC, casefold, no diacritics, dashes/quotes/punctuation gone."""
    return normalise_name(title) if title else ""


def title_similarity(a: str | None, b: str | None) -> float:
    """Return the token-set similarity (0-100) of two folded titles (0 when either is empty)."""
    left, right = fold_title(a), fold_title(b)
    if not left or not right:
        return 0.0
    return float(fuzz.token_set_ratio(left, right))


def _parts(code: str) -> int:
    """Return how many indicators a code names ("1.c&1.d" -> 2)."""
    return code.count("&") + 1


def _check_code(code: str, where: str) -> str:
    """Return a canonical code from the crosswalk file, or raise naming the place."""
    text = re.sub(r"\s+", "", code).lower()
    if not _CODE.match(text):
        raise ValueError(f"{where}: {code!r} is not an indicator code like 2.a or 1.c&1.d")
    return text


def parse_crosswalk(rows: Iterable[dict[str, str]], source: str) -> Crosswalk:
    """Validate crosswalk rows (as read by ``csv.DictReader``) and return the mappings."""
    mappings: dict[tuple[int, str], str | None] = {}
    for line, row in enumerate(rows, start=2):
        where = f"{source}, line {line}"
        missing = [c for c in COLUMNS[:3] if c not in row or row[c] is None]
        if missing:
            raise ValueError(f"{where}: missing column(s) {', '.join(missing)}; expected {','.join(COLUMNS)}")
        try:
            cycle = int(row["cycle"])
        except ValueError:
            raise ValueError(f"{where}: cycle {row['cycle']!r} is not a number") from None
        code = _check_code(row["code"], where)
        key = row["indicator_key"].strip() or None
        if (cycle, code) in mappings:
            raise ValueError(f"{where}: cycle {cycle} indicator {code} is mapped twice")
        mappings[(cycle, code)] = key
    return Crosswalk(mappings, source)


def read_crosswalk(path: str | Path) -> Crosswalk:
    """Read and validate a crosswalk CSV file."""
    with Path(path).open(encoding="utf-8", newline="") as fh:
        return parse_crosswalk(csv.DictReader(fh), str(path))


@cache
def load_crosswalk() -> Crosswalk:
    """Return the crosswalk shipped with the code (``crosswalk.csv`` beside this module)."""
    text = resources.files(__package__).joinpath("crosswalk.csv").read_text(encoding="utf-8")
    return parse_crosswalk(csv.DictReader(text.splitlines()), "reference/crosswalk.csv")


def _fuzzy_pairs(
    pending: Sequence[IndicatorTitle], targets: dict[str, tuple[int, str]], threshold: float
) -> list[tuple[float, int, float, str, str]]:
    """Return every acceptable (indicator, key) pair with its sort key: best similarity first."""
    pairs = []
    for ind in pending:
        for key, (pillar_no, title) in targets.items():
            if pillar_no != ind.pillar_no or _parts(key) != _parts(ind.code):
                continue
            score = title_similarity(ind.title, title)
            if score >= threshold:
                same_code = 0 if key == ind.code else 1
                tie = -fuzz.ratio(fold_title(ind.title), fold_title(title))
                pairs.append((-score, same_code, tie, ind.code, key))
    return sorted(pairs)


def assign_keys(
    cycle: int, indicators: Sequence[IndicatorTitle], *, catalog: Catalog | None = None,
    crosswalk: Crosswalk | None = None, options: CrosswalkOptions | dict | None = None,
) -> dict[str, KeyMatch]:
    """Return ``{code: KeyMatch}`` for one cycle's indicators; deterministic for the same input set."""
    catalog = catalog or load_catalog()
    crosswalk = crosswalk if crosswalk is not None else load_crosswalk()
    opts = CrosswalkOptions.resolve(options)
    keyed = catalog.indicators_for(opts.key_cycle)
    result: dict[str, KeyMatch] = {}
    pending: list[IndicatorTitle] = []
    for ind in sorted(indicators, key=lambda i: i.code):
        explicit, key = crosswalk.get(cycle, ind.code)
        if explicit:
            result[ind.code] = KeyMatch(key or cycle_specific_key(cycle, ind.code), "explicit")
        elif cycle == opts.key_cycle:
            in_catalog = ind.code in keyed
            result[ind.code] = KeyMatch(ind.code if in_catalog else cycle_specific_key(cycle, ind.code),
                                        "catalog" if in_catalog else "cycle_specific")
        else:
            pending.append(ind)
    taken = {m.indicator_key for m in result.values()}
    targets = {c: (i.pillar_no, i.title) for c, i in keyed.items() if c not in taken}
    for neg_score, _, _, code, key in _fuzzy_pairs(pending, targets, opts.threshold):
        if code not in result and key not in taken:
            result[code] = KeyMatch(key, "fuzzy", -neg_score)
            taken.add(key)
    for ind in pending:
        result.setdefault(ind.code, KeyMatch(cycle_specific_key(cycle, ind.code), "cycle_specific"))
    return result
