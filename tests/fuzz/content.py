"""Sample the *content* of one report (the truth): city, cycle, scores, NA marks
and recommendation prose. Layout is sampled separately (grammar.py).

`sample_report(rng)` is pure given the rng state; `truth(report, source, ...)`
gives the dict written beside the document.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .catalog import CATALOGS, FRAMEWORK, PILLARS, Entry
from .data_cities import CITIES, City
from .data_text import LISTS, PARTIAL, PRAISE, SENTENCES


@dataclass(frozen=True)
class Block:
    """A piece of recommendation prose: kind "p" (text) or "ul" (items)."""

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Item:
    """One assessed indicator of the report (score None = not assessed)."""

    entry: Entry
    score: float | None
    prose: tuple[Block, ...]

    @property
    def code(self) -> str:
        return self.entry.code

    @property
    def pillar(self) -> int:
        return self.entry.pillar

    @property
    def max_score(self) -> float:
        return self.entry.max_score


@dataclass(frozen=True)
class Report:
    cycle: int
    city: City
    items: tuple[Item, ...]  # catalog order

    def pillar_items(self, p: int) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.pillar == p)

    def pillar_total(self, p: int) -> float:
        return sum(i.score or 0.0 for i in self.pillar_items(p))

    @property
    def total(self) -> float:
        return sum(i.score or 0.0 for i in self.items)

    @property
    def total_max(self) -> float:
        return sum(i.max_score for i in self.items)


def _score(rng: random.Random, mx: float, maturity: float) -> float:
    """A score in [0, mx]: mostly multiples of 5 or 10, some of 2.5, rarely of 0.5."""
    steps = [s for s in (10.0, 5.0, 2.5, 0.5) if s <= mx]
    step = rng.choices(steps, weights=[35, 45, 17, 3][: len(steps)])[0]
    r = rng.random()
    if r < 0.55 * (1 - maturity):
        return 0.0
    if r > 1 - 0.35 * maturity:
        return mx
    frac = min(1.0, max(0.0, rng.gauss(maturity, 0.3)))
    value = round(frac * mx / step) * step
    return float(min(mx, max(0.0, value)))


def _prose(rng: random.Random, entry: Entry, score: float | None) -> tuple[Block, ...]:
    pool = list(SENTENCES[entry.topic])
    blocks: list[Block] = []
    if score is not None and score == entry.max_score and rng.random() < 0.7:
        blocks.append(Block("p", rng.choice(PRAISE)))
    elif score and score < entry.max_score and rng.random() < 0.4:
        blocks.append(Block("p", rng.choice(PARTIAL)))
    n_par = rng.choice((1, 1, 2, 2, 3))
    chunks = [[] for _ in range(n_par)]
    for k, sentence in enumerate(pool[: max(n_par, rng.randint(1, len(pool)))]):
        chunks[min(k, n_par - 1)].append(sentence)
    for chunk in chunks:
        if chunk:
            blocks.append(Block("p", " ".join(chunk)))
    if entry.topic in LISTS and rng.random() < 0.75:
        items = LISTS[entry.topic]
        keep = items if rng.random() < 0.6 else items[: rng.randint(3, len(items))]
        blocks.insert(min(len(blocks), 1 + (blocks[0].text in PRAISE + PARTIAL)), Block("ul", items=tuple(keep)))
    return tuple(blocks)


def sample_report(rng: random.Random) -> Report:
    cycle = rng.choices((1, 2, 3), weights=(20, 60, 20))[0]
    city = rng.choice(CITIES)
    maturity = rng.choice((0.05, 0.15, 0.3, 0.5, 0.7, 0.85))
    entries = CATALOGS[cycle]
    na_codes = set()
    for p in PILLARS:
        rows = [e for e in entries if e.pillar == p]
        if rng.random() < 0.2:
            na_codes.add(rng.choice(rows).code)
    items = []
    for e in entries:
        score = None if e.code in na_codes else _score(rng, e.max_score, maturity)
        items.append(Item(e, score, _prose(rng, e, score)))
    return Report(cycle, city, tuple(items))


def _code_key(code: str) -> tuple[int, str]:
    return int(code.split(".")[0]), code


def truth(report: Report, source: str, cycle_label: str | None, seed: int, layout: dict) -> dict:
    indicators = [
        {"code": i.code, "title": i.entry.title,
         "score": None if i.score is None else float(i.score), "max_score": float(i.max_score)}
        for i in sorted(report.items, key=lambda i: _code_key(i.code))
    ]
    return {
        "source": source,
        "framework": FRAMEWORK,
        "cycle": report.cycle,
        "cycle_label": cycle_label,
        "city": report.city.city,
        "state": report.city.state,
        "indicators": indicators,
        "layout": dict(layout),
        "seed": seed,
    }
