"""Scoring national results tables read by the product against their truth (``X.truth.json`` beside ``X``).

Fields: per city row of the truth, each pillar it lists, its total and its rank. A NULL where the truth holds a
number is a miss (**null**); a number where the truth holds another number, or NULL, is a **wrong** figure — the
worst defect; a city the product reads that the truth does not have counts its numbers as wrong. A document not
read as a results table misses every field::

    python -m tests.published_truth FOLDER [--by family] [--misses 20]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from core.records import PublishedTable
from pipeline.document import read_bytes

SUFFIXES = (".pdf", ".docx", ".txt")


@dataclass
class Tally:
    """Fields right and counted, and a line per wrong figure, NULL and unread document."""

    right: int = 0
    total: int = 0
    wrong: list[str] = field(default_factory=list)
    nulls: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def add(self, got: float | None, want: float | None, where: str) -> None:
        """Count one field."""
        self.total += 1
        if got == want:
            self.right += 1
        elif got is None:
            self.nulls.append(f"{where}: NULL, truth {want}")
        else:
            self.wrong.append(f"{where}: read {got}, truth {want}")


def score_document(path: Path, truth: dict, tally: Tally) -> None:
    """Read one document and count its fields against the truth."""
    try:
        table = read_bytes(path.read_bytes(), name=str(path))
    except Exception as exc:  # noqa: BLE001 - any failure misses every field of the document
        table, failure = None, f"{type(exc).__name__}: {exc}"
    else:
        failure = None if isinstance(table, PublishedTable) else "read as a city report"
    if failure is not None or not isinstance(table, PublishedTable):
        tally.failed.append(f"{path.name}: {failure}")
        tally.total += sum(len(row["pillars"]) + 2 for row in truth["rows"])
        return
    got: dict[str, dict] = defaultdict(dict)
    for s in table.scores:
        got[s.city][s.pillar_no] = s
    for row in truth["rows"]:
        city, mine = row["city"], got.pop(row["city"], {})
        for no, want in row["pillars"].items():
            figure = mine.get(int(no))
            tally.add(figure.score if figure else None, want, f"{path.name} {city} pillar {no}")
        total = mine.get(None)
        tally.add(total.score if total else None, row["total"], f"{path.name} {city} total")
        tally.add(total.rank if total else None, row["rank"], f"{path.name} {city} rank")
    for city, extra in got.items():
        for no, s in extra.items():
            if s.score is not None:
                tally.wrong.append(f"{path.name} {city} pillar {no}: read {s.score}, the truth has no such city")


def main(argv: list[str] | None = None) -> int:
    """Score a folder and print accuracy, wrong figures and NULLs (overall and per group)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--by", default=None, help="a truth key to group by (family)")
    parser.add_argument("--misses", type=int, default=20)
    args = parser.parse_args(argv)
    overall, groups = Tally(), defaultdict(Tally)
    for path in sorted(p for p in args.folder.iterdir() if p.suffix in SUFFIXES):
        truth_path = path.with_suffix(".truth.json")
        if not truth_path.exists():
            continue
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        tally = Tally()
        score_document(path, truth, tally)
        for target in (overall, groups[str(truth.get(args.by)) if args.by else "all"]):
            target.right += tally.right
            target.total += tally.total
            target.wrong += tally.wrong
            target.nulls += tally.nulls
            target.failed += tally.failed
    for name, t in sorted(groups.items()):
        print(f"{name:<28} {100 * t.right / max(t.total, 1):6.2f} %  ({t.right}/{t.total})  wrong {len(t.wrong)}  "
              f"null {len(t.nulls)}  unread {len(t.failed)}")
    print(f"{'ALL':<28} {100 * overall.right / max(overall.total, 1):6.2f} %  ({overall.right}/{overall.total})  "
          f"wrong {len(overall.wrong)}  null {len(overall.nulls)}  unread {len(overall.failed)}")
    for title, lines in (("WRONG", overall.wrong), ("UNREAD", overall.failed), ("NULL", overall.nulls)):
        for line in lines[: args.misses]:
            print(f"{title}: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
