"""Scoring what the product read against truth files (``X.expected.json`` beside each document ``X``).

Fields: city, state, cycle, and per indicator of the truth its code, score and max score (a document that
fails gets every field wrong). A **wrong score** is one that is neither the truth nor NULL: the worst defect
(an indicator the truth does not have, printed with a score, counts too). Used by the fuzz measurement and
for any folder of documents with truth beside them::

    python -m tests.truth FOLDER [--by layout.score] [--misses 40] [--workers 2] [--ocr rapidocr] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from core.options import ParseOptions
from core.records import ParseOutcome

DOC_FIELDS = ("city", "state", "cycle")
INDICATOR_FIELDS = ("code", "score", "max_score")
SUFFIXES = (".pdf", ".docx", ".txt")


@dataclass
class Tally:
    """Fields right and counted, wrong scores, failures and a line per miss."""

    right: int = 0
    total: int = 0
    documents: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Return right / total (1.0 for nothing counted)."""
        return self.right / self.total if self.total else 1.0

    def add(self, ok: bool, miss: str) -> None:
        """Count one field."""
        self.total += 1
        self.right += ok
        if not ok:
            self.misses.append(miss)

    def merge(self, other: Tally) -> None:
        """Add another tally's counts and lines to this one."""
        self.right += other.right
        self.total += other.total
        self.documents += other.documents
        self.misses += other.misses
        self.wrong += other.wrong
        self.failed += other.failed


def truth_path(document: Path) -> Path:
    """Return the truth file of a document: ``X.pdf`` -> ``X.expected.json`` (or ``X.pdf.expected.json``)."""
    plain = document.with_suffix(".expected.json")
    return plain if plain.exists() else document.with_name(document.name + ".expected.json")


def score_document(name: str, expected: dict, outcome: ParseOutcome) -> Tally:
    """Return the tally of one document against its truth."""
    tally = Tally(documents=1)
    report = outcome.report
    if report is None:
        tally.failed.append(f"{name}: {outcome.failure.message if outcome.failure else 'no report'}")
    for key in DOC_FIELDS:
        got = getattr(report, key) if report else None
        tally.add(got == expected[key], f"{name}: {key} {got!r} != {expected[key]!r}")
    mine = {i.code: i for i in report.indicators} if report else {}
    for ind in expected["indicators"]:
        found = mine.get(ind["code"])
        for key in INDICATOR_FIELDS:
            value = None if found is None else getattr(found, key)
            tally.add(value == ind[key], f"{name}: {ind['code']}.{key} {value!r} != {ind[key]!r}")
        if found is not None and found.score is not None and found.score != ind["score"]:
            tally.wrong.append(f"{name}: {ind['code']} read {found.score:g}, the truth is {ind['score']!r}")
    known = {i["code"] for i in expected["indicators"]}
    for code, ind in mine.items():
        if code not in known and ind.score is not None:
            tally.wrong.append(f"{name}: {code} is not in the document but was read with score {ind.score:g}")
    return tally


def group_key(expected: dict, by: str | None) -> str:
    """Return the value of a dotted key of the truth (``layout.score``), or "all"."""
    if not by:
        return "all"
    value: object = expected
    for part in by.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return str(value)


def documents_in(folder: Path) -> list[Path]:
    """Return the documents of a folder that have a truth file, sorted."""
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and truth_path(p).exists())


def measure(paths: Iterable[Path], *, by: str | None = None, workers: int = 0,
            options: ParseOptions = ParseOptions(settle_s=0)) -> tuple[Tally, dict[str, Tally]]:
    """Parse every document; return the overall tally and one per group."""
    from pipeline.pool import parse_files

    paths = list(paths)
    truths = {str(p): json.loads(truth_path(p).read_text(encoding="utf-8")) for p in paths}
    overall, groups = Tally(), defaultdict(Tally)
    for outcome in parse_files([str(p) for p in paths], options, workers=workers):
        expected = truths[outcome.source.path]
        tally = score_document(Path(outcome.source.path).name, expected, outcome)
        overall.merge(tally)
        groups[group_key(expected, by)].merge(tally)
    return overall, dict(groups)


def print_report(overall: Tally, groups: dict[str, Tally], *, misses: int = 30, seconds: float | None = None) -> None:
    """Print accuracy per group and overall, then failures, wrong scores and misses."""
    if len(groups) > 1:
        for key, tally in sorted(groups.items(), key=lambda kv: kv[1].accuracy):
            print(f"{key:40s} {tally.documents:4d} docs {tally.right:6d}/{tally.total:<6d} {tally.accuracy:8.2%}"
                  f"  wrong {len(tally.wrong)}")
    took = f"; {seconds:.1f} s" if seconds is not None else ""
    print(f"{'ALL':40s} {overall.documents:4d} docs {overall.right:6d}/{overall.total:<6d} "
          f"{overall.accuracy:8.2%}  wrong scores {len(overall.wrong)}{took}")
    for title, lines in (("failed", overall.failed), ("wrong scores", overall.wrong), ("misses", overall.misses)):
        print(f"\n{title}: {len(lines)}")
        print("\n".join(lines[:misses]))


def main(argv: list[str] | None = None) -> None:
    """Measure a folder of documents with truth files beside them."""
    parser = argparse.ArgumentParser(prog="python -m tests.truth", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--by", help="group by this key of the truth files (e.g. layout.score, style)")
    parser.add_argument("--misses", type=int, default=30, help="how many lines of each list to print")
    parser.add_argument("--workers", type=int, default=0, help="parse processes (0 = in this process)")
    parser.add_argument("--ocr", default="tesseract", help="OCR engine for scanned pages (tesseract, rapidocr, off)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    options = ParseOptions(ocr=None if args.ocr == "off" else args.ocr, settle_s=0)
    overall, groups = measure(documents_in(args.folder)[:args.limit], by=args.by, workers=args.workers,
                              options=options)
    print_report(overall, groups, misses=args.misses, seconds=time.perf_counter() - start)


if __name__ == "__main__":
    main()
