"""Mutable working state of the parser: one draft per indicator heading, plus loose scores.

Internal to ``parsing``; the parser freezes drafts into ``ParsedIndicator`` records at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.blocks import Block
from core.records import Provenance
from parsing.grammar import Score

PLACEMENTS: dict[str, str] = {
    "same_line": "on the heading's line, or in brackets at its end",
    "under_heading": "on the line right below the heading",
    "table_row": "in the cell beside the heading's cell",
    "scorecard_table": "in a scorecard row (code, title, score, maximum)",
    "record_table": "in the score row of a label/value table that names the indicator",
    "indicator_total": "in the row totalling the indicator's sub-criteria",
    "level_with_heading": "in a score box on the heading's baseline",
    "below_in_column": "under its heading in a row of cards side by side",
    "nearest_above": "in the right-hand column below the nearest heading above it (a guess by nearness)",
    "end_of_section": "after the section's text, before the next heading",
    "above_heading": "just before its heading, in a document that prints every score above its heading",
    "max_score_match": "placed by its maximum: the one score-less indicator of its section expecting it (a guess)",
}
"""Every way a score can be tied to its indicator (``score_method``), with what it means; ``Draft.attach``
takes no other."""

_SENTENCE_END = re.compile(r"[.!?:;)\]\"'\u201d\u2019]$")


def provenance_of(block: Block) -> Provenance:
    """Return where a block came from, as a provenance record."""
    return Provenance(
        location=block.location,
        page=block.page,
        bbox=block.bbox,
        line=block.line,
        table=block.table,
        row=block.row,
        col=block.col,
    )


@dataclass
class Draft:
    """An indicator being assembled while blocks are read."""

    code: str
    title: str
    block: Block
    seq: int
    score: Score | None = None
    score_block: Block | None = None
    method: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    conflict: tuple[Score, Block] | None = None
    repeats: list[Block] = field(default_factory=list)  # other headings of this code that had content or a score
    disputed: tuple[Score, Block] | None = None  # another heading of this code printed a different score

    def attach(self, score: Score, block: Block | None, method: str) -> None:
        """Give this draft its score, noting where it came from and how it was placed (one of ``PLACEMENTS``)."""
        if method not in PLACEMENTS:
            raise ValueError(f"unknown score placement {method!r}: add it to parsing.drafts.PLACEMENTS")
        self.score, self.score_block, self.method = score, block, method

    def add_paragraph(self, text: str) -> None:
        """Add a paragraph, rejoining one that a page or line break split mid-sentence."""
        if self.paragraphs and _continues(self.paragraphs[-1], text):
            self.paragraphs[-1] = join_broken(self.paragraphs[-1], text)
        else:
            self.paragraphs.append(text)


@dataclass
class LooseScore:
    """A score line not (yet) attached to any heading."""

    score: Score
    block: Block
    seq: int
    after: Draft | None
    direct: bool = False  # printed right after the heading of ``after``, with nothing in between
    heads: Draft | None = None  # the heading printed right after it, with nothing in between


def _continues(previous: str, text: str) -> bool:
    """Return True when ``text`` continues a paragraph that was broken mid-sentence."""
    return bool(text) and not _SENTENCE_END.search(previous) and (text[0].islower() or previous.endswith("-"))


def join_broken(previous: str, text: str) -> str:
    """Join two pieces of one paragraph, mending a hyphenated line end ("opera-" + "tionalize")."""
    if re.search(r"[a-z]-$", previous) and text[:1].islower():
        return previous[:-1] + text
    return f"{previous} {text}"


def _substantive(draft: Draft) -> bool:
    """Return True when a draft has a score or text (not a contents-page or summary ghost)."""
    return bool(draft.score or draft.paragraphs or draft.bullets)


def merge_duplicates(drafts: list[Draft], loose: list[LooseScore]) -> list[Draft]:
    """Return one draft per code: repeated headings (contents page, summary list, body) merged into one.

    The merged draft sits where the first heading with a score or text stands; texts are joined in
    reading order; a loose score that followed a merged heading now follows the merged draft. Two
    different scores for one code are kept as ``disputed`` (the parser then leaves the score empty).
    """
    groups: dict[str, list[Draft]] = {}
    for draft in drafts:
        groups.setdefault(draft.code, []).append(draft)
    alias: dict[int, Draft] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        primary = next((d for d in group if _substantive(d)), group[0])
        paragraphs, bullets = [], []
        for other in group:
            paragraphs += other.paragraphs
            bullets += other.bullets
            if other is primary:
                continue
            alias[id(other)] = primary
            if _substantive(other) and _substantive(primary):
                primary.repeats.append(other.block)
            if other.score is not None:
                if primary.score is None:
                    primary.attach(other.score, other.score_block, other.method or "same_line")
                elif other.score.score != primary.score.score:
                    primary.disputed = (other.score, other.score_block or other.block)
        primary.paragraphs, primary.bullets = paragraphs, bullets
    for item in loose:
        if item.after is not None and id(item.after) in alias:
            item.after = alias[id(item.after)]
    return [d for d in drafts if id(d) not in alias]

