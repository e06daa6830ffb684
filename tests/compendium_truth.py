"""Score compendiums against their truth (``tests/corpus/compendium.py``): every report's fields and pages.

``python -m tests.compendium_truth DIR`` reads every ``X.truth.json`` in DIR, parses ``X`` and prints the share of
fields read right. A field is a section's city, state, cycle, first and last page (PDF), and each indicator's
score, max and title; a report missing counts every field of it as a miss, a report (city and cycle) found where
the truth has none counts as one wrong field.
A number read where the truth holds another is *wrong* (counted apart from NULLs).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

from core.options import ParseOptions
from core.records import ReportSection
from pipeline.document import parse_path

_SCORE_FIELDS = ("score", "max_score", "title")


@dataclass
class Tally:
    """Fields right, fields in all, wrong numbers, and the misses named."""

    right: int = 0
    total: int = 0
    wrong: int = 0
    misses: list[str] = field(default_factory=list)

    def check(self, where: str, got: object, want: object, *, number: bool = False) -> None:
        """Count one field."""
        self.total += 1
        if got == want or isinstance(got, str) and isinstance(want, str) and " ".join(got.split()) == " ".join(
                want.split()):
            self.right += 1
            return
        if number and got is not None:
            self.wrong += 1
        self.misses.append(f"{where}: read {got!r}, truth {want!r}")


def score_file(path: Path, truth: dict, tally: Tally) -> None:
    """Score one compendium."""
    outcome = parse_path(path, ParseOptions(settle_s=0))
    if outcome.compendium is not None:
        sections = outcome.compendium.sections
    else:  # read as one report (or failed): that report is scored against the truth's report of its city
        sections = (ReportSection(1, outcome.report, "", None, None, "", ""),) if outcome.report else ()
    by_report = {(s.report.city, s.report.cycle): s for s in sections}
    paged = path.suffix == ".pdf"
    for want in truth["reports"]:
        where = f"{path.name} {want['city']} cycle {want['cycle']}"
        section = by_report.get((want["city"], want["cycle"]))
        fields = 3 + 2 * paged + len(_SCORE_FIELDS) * len(want["indicators"])
        if section is None:
            tally.total += fields
            tally.misses.append(f"{where}: no section read ({fields} fields)")
            continue
        report = section.report
        tally.check(f"{where} city", report.city, want["city"])
        tally.check(f"{where} state", report.state, want["state"])
        tally.check(f"{where} cycle", report.cycle, want["cycle"], number=True)
        if paged:
            tally.check(f"{where} first page", section.first_page, want["first_page"], number=True)
            tally.check(f"{where} last page", section.last_page, want["last_page"], number=True)
        got = {i.code: i for i in report.indicators}
        for ind in want["indicators"]:
            read = got.pop(ind["code"], None)
            for name in _SCORE_FIELDS:
                value = getattr(read, name) if read is not None else None
                tally.check(f"{where} {ind['code']} {name}", value, ind[name], number=name != "title")
        for code in got:
            tally.total += 1
            tally.misses.append(f"{where}: extra indicator {code}")
    for section in sections:
        if (section.report.city, section.report.cycle) not in {(w["city"], w["cycle"]) for w in truth["reports"]}:
            tally.total += 1
            tally.wrong += 1
            tally.misses.append(f"{path.name}: a section read as {section.report.city} cycle {section.report.cycle}, "
                                "which the file does not hold")


def main(argv: list[str] | None = None) -> None:
    """Score every compendium in a folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--misses", type=int, default=20, help="how many misses to print")
    parser.add_argument("--by", choices=("family",), help="also print the share per family of the truth")
    args = parser.parse_args(argv)
    tally, families = Tally(), {}
    for truth_path in sorted(args.folder.glob("*.truth.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        family = families.setdefault(truth.get("family", "-"), Tally())
        score_file(truth_path.with_name(truth_path.name.removesuffix(".truth.json")), truth, family)
    for name, family in sorted(families.items()):
        tally.right, tally.total, tally.wrong = (tally.right + family.right, tally.total + family.total,
                                                 tally.wrong + family.wrong)
        tally.misses += family.misses
        if args.by:
            print(f"{name:24} {_share(family)}")
    print(f"{'ALL' if args.by else ''}{' ' * 21 if args.by else ''}{_share(tally)}")
    for miss in tally.misses[:args.misses]:
        print("  " + miss)


def _share(tally: Tally) -> str:
    """Return "97.50 % (39/40) fields right, 0 wrong numbers"."""
    share = 100 * tally.right / tally.total if tally.total else 0.0
    return f"{share:.2f} % ({tally.right}/{tally.total}) fields right, {tally.wrong} wrong numbers"


if __name__ == "__main__":
    main()
