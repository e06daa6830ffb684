"""Mutable working state of the parser: one draft per indicator heading, plus loose scores.

Internal to ``dmaf.parse``; the parser freezes drafts into ``ParsedIndicator`` records at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dmaf.parse.grammar import Score
from dmaf.records import Provenance
from extractors.blocks import Block

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

    def attach(self, score: Score, block: Block | None, method: str) -> None:
        """Give this draft its score, noting where it came from and how it was placed."""
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


def _continues(previous: str, text: str) -> bool:
    """Return True when ``text`` continues a paragraph that was broken mid-sentence."""
    return bool(text) and not _SENTENCE_END.search(previous) and (text[0].islower() or previous.endswith("-"))


def join_broken(previous: str, text: str) -> str:
    """Join two pieces of one paragraph, mending a hyphenated line end ("opera-" + "tionalize")."""
    if re.search(r"[a-z]-$", previous) and text[:1].islower():
        return previous[:-1] + text
    return f"{previous} {text}"
