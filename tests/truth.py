"""Scoring what the product read against truth files (``X.expected.json`` beside each document ``X``).

Fields that can be wrong: city, state, cycle, and per indicator of the truth its title (as printed), score and
maximum. The code is the key and no field of its own: an indicator the parser did not find misses all of its
fields (and is listed as **missing**); one it found that the truth does not have is a miss of its own (**extra**).
A NULL where the truth holds a number is a miss, listed apart as **null**: never excused by a warning. A
**wrong score** is one that is neither the truth nor NULL, the worst defect (an extra indicator printed with a
score counts too). A document that fails misses every field. Used by every accuracy test and for any folder of
documents with truth beside them::

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
INDICATOR_FIELDS = ("title", "score", "max_score")
SUFFIXES = (".pdf", ".docx", ".txt")


@dataclass
class Tally:
    """Fields right and counted, and a line per miss, wrong score, NULL, missing or extra indicator and failure."""

    right: int = 0
    total: int = 0
    documents: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    nulls: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
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
        for name in ("misses", "wrong", "nulls", "missing", "extra", "failed"):
            getattr(self, name).extend(getattr(other, name))


def same_title(got: str | None, expected: str) -> bool:
    """Return True when a title reads as the truth's, spaces aside (a wrapped line is joined with one space)."""
    return " ".join((got or "").split()) == " ".join(expected.split())


def truth_path(document: Path) -> Path:
    """Return the truth file of a document: ``X.pdf`` -> ``X.expected.json`` (or ``X.pdf.expected.json``)."""
    plain = document.with_suffix(".expected.json")
    return plain if plain.exists() else document.with_name(document.name + ".expected.json")


def score_document(name: str, expected: dict, outcome: ParseOutcome, *, titles: bool = True) -> Tally:
    """Return the tally of one document against its truth (``titles=False`` when the truth's titles are the
    catalog's rather than the printed ones)."""
    tally = Tally(documents=1)
    report = outcome.report
    if report is None:
        tally.failed.append(f"{name}: {outcome.failure.message if outcome.failure else 'no report'}")
    for key in DOC_FIELDS:
        got = getattr(report, key) if report else None
        tally.add(got == expected[key], f"{name}: {key} {got!r} != {expected[key]!r}")
    mine = {i.code: i for i in report.indicators} if report else {}
    for ind in expected["indicators"]:
        code, found = ind["code"], mine.get(ind["code"])
        if found is None:
            tally.missing.append(f"{name}: {code} was not found")
        for key in INDICATOR_FIELDS if titles else INDICATOR_FIELDS[1:]:
            value = None if found is None else getattr(found, key)
            ok = same_title(value, ind[key]) if key == "title" else value == ind[key]
            tally.add(ok, f"{name}: {code}.{key} {value!r} != {ind[key]!r}")
        if found is None:
            continue
        if found.score is not None and found.score != ind["score"]:
            tally.wrong.append(f"{name}: {code} read {found.score:g}, the truth is {ind['score']!r}")
        elif found.score is None and ind["score"] is not None:
            tally.nulls.append(f"{name}: {code} read NULL, the truth is {ind['score']:g}")
    known = {i["code"] for i in expected["indicators"]}
    for code, ind in mine.items():
        if code in known:
            continue
        tally.add(False, f"{name}: {code} is not in the document")
        tally.extra.append(f"{name}: {code}")
        if ind.score is not None:
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


def measure(paths: Iterable[Path], *, by: str | None = None, workers: int = 0, titles: bool = True,
            options: ParseOptions = ParseOptions(settle_s=0)) -> tuple[Tally, dict[str, Tally]]:
    """Parse every document; return the overall tally and one per group."""
    from pipeline.pool import parse_files

    paths = list(paths)
    truths = {str(p): json.loads(truth_path(p).read_text(encoding="utf-8")) for p in paths}
    overall, groups = Tally(), defaultdict(Tally)
    for outcome in parse_files([str(p) for p in paths], options, workers=workers):
        expected = truths[outcome.source.path]
        tally = score_document(Path(outcome.source.path).name, expected, outcome, titles=titles)
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
    print(f"NULL where the truth has a number {len(overall.nulls)}; missing indicators {len(overall.missing)}; "
          f"extra indicators {len(overall.extra)}")
    for title, lines in (("failed", overall.failed), ("wrong scores", overall.wrong), ("NULL scores", overall.nulls),
                         ("missing", overall.missing), ("extra", overall.extra), ("misses", overall.misses)):
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
    parser.add_argument("--no-titles", action="store_true", help="the truth holds catalog titles, not printed ones")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    options = ParseOptions(ocr=None if args.ocr == "off" else args.ocr, settle_s=0)
    overall, groups = measure(documents_in(args.folder)[:args.limit], by=args.by, workers=args.workers,
                              titles=not args.no_titles, options=options)
    print_report(overall, groups, misses=args.misses, seconds=time.perf_counter() - start)


if __name__ == "__main__":
    main()
