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


def measure(docs: list[HeldoutDoc]) -> tuple[Tally, dict[str, Tally], list[tuple[HeldoutDoc, ParseOutcome]]]:
    """Parse every document; return the overall tally, tallies per layout, and the outcomes."""
    overall, per_layout = Tally(), defaultdict(Tally)
    parsed = []
    for doc in docs:
        outcome = parse_path(doc.path)
        parsed.append((doc, outcome))
        tally = score_document(doc.path.name, doc.expected, outcome)
        overall.merge(tally)
        per_layout[doc.layout].merge(tally)
    return overall, dict(per_layout), parsed


def measure_extracted(docs: list[Extracted]) -> tuple[Tally, dict[str, Tally], list[tuple[Extracted, ParseOutcome]]]:
    """Read every extracted document; return the overall tally, tallies per layout, and the outcomes."""
    overall, per_layout = Tally(), defaultdict(Tally)
    parsed = []
    for doc in docs:
        found = outcome(doc)
        parsed.append((doc, found))
        tally = score_document(doc.name, doc.expected, found)
        overall.merge(tally)
        per_layout[doc.layout].merge(tally)
    return overall, dict(per_layout), parsed


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
