"""Measure the product on layout-fuzzer documents: build a seed range, parse it, score it against its truth.

    python -m tests.fuzz.measure --seeds 6000-6299 [--by layout.score_place] [--keep DIR] [--workers 2]

Protocol (docs/layouts.md): before changing the parser for a variation, measure a range of seeds never used
before and write the figure down; fix a mechanism, never a string; then measure another fresh range.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from tests.fuzz.build import build_fuzz, parse_seeds
from tests.truth import measure, print_report


def main(argv: list[str] | None = None) -> None:
    """Build, parse and score one seed range."""
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz.measure", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", required=True, help="a range such as 6000-6299, or a list 1,2,7-9")
    parser.add_argument("--by", help="group by this key of the truth (e.g. layout.score_place, format)")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it (default: a temporary one)")
    parser.add_argument("--workers", type=int, default=2, help="parse processes (0 = in this process)")
    parser.add_argument("--misses", type=int, default=30)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        out = args.keep or Path(scratch)
        start = time.perf_counter()
        docs = build_fuzz(out, parse_seeds(args.seeds))
        built = time.perf_counter()
        overall, groups = measure([d.path for d in docs], by=args.by, workers=args.workers, titles=False)
        print(f"seeds {args.seeds}: built {len(docs)} documents in {built - start:.1f} s")
        print_report(overall, groups, misses=args.misses, seconds=time.perf_counter() - built)


if __name__ == "__main__":
    main()
