"""Field-level accuracy of the pipeline on the held-out corpus, overall and per layout.

Scored by ``tests.truth.score_document``: city, state, cycle, and per expected indicator its printed title,
score and maximum; missing and extra indicators and NULL scores are misses of their own.
Run ``python -m tests.heldout.measure OUT_DIR`` to build, parse and print a table per layout.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from pipeline.document import ParseOutcome, parse_path
from tests.extracted import Extracted, outcome
from tests.heldout.build import HeldoutDoc, build_heldout
from tests.truth import Tally, print_report, score_document


def tally(parsed: list[tuple]) -> tuple[Tally, dict[str, Tally]]:
    """Return the overall tally and the tallies per layout of (document, outcome) pairs."""
    overall, per_layout = Tally(), defaultdict(Tally)
    for doc, found in parsed:
        one = score_document(doc.path.name, doc.expected, found)
        overall.merge(one)
        per_layout[doc.layout].merge(one)
    return overall, dict(per_layout)


def measure(docs: list[HeldoutDoc]) -> tuple[Tally, dict[str, Tally], list[tuple[HeldoutDoc, ParseOutcome]]]:
    """Parse every document's file; return the overall tally, tallies per layout, and the outcomes."""
    parsed = [(doc, parse_path(doc.path)) for doc in docs]
    return *tally(parsed), parsed


def measure_extracted(docs: list[Extracted]) -> tuple[Tally, dict[str, Tally], list[tuple[Extracted, ParseOutcome]]]:
    """Read every extracted document (tests/extracted.py); return the same as ``measure``."""
    parsed = [(doc, outcome(doc)) for doc in docs]
    return *tally(parsed), parsed


def main(argv: list[str] | None = None) -> None:
    """Build the held-out corpus, parse it, and print accuracy per layout and the misses."""
    parser = argparse.ArgumentParser(prog="python -m tests.heldout.measure", description=__doc__)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--misses", type=int, default=30, help="how many misses to list")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    docs = build_heldout(args.out_dir)
    built = time.perf_counter()
    overall, per_layout, _ = measure(docs)
    print(f"built {len(docs)} documents in {built - start:.1f} s")
    print_report(overall, per_layout, misses=args.misses, seconds=time.perf_counter() - built)


if __name__ == "__main__":
    main()
