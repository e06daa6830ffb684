"""Field-level accuracy of the pipeline on the held-out corpus, overall and per layout.

Fields: city, state, cycle, and per expected indicator its code, score and max score. A score that
differs from the key is "silently wrong" unless it is NULL and a warning names that indicator.
Run ``python -m tests.heldout.measure OUT_DIR`` to build, parse and print a table per layout.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from pipeline.document import ParseOutcome, parse_path
from tests.heldout.build import HeldoutDoc, build_heldout
from tests.truth import DOC_FIELDS, INDICATOR_FIELDS, Tally


def tally_document(doc: HeldoutDoc, outcome: ParseOutcome, tally: Tally) -> None:
    """Add one document's fields to a tally (a failed parse gets every field wrong)."""
    report, exp, name = outcome.report, doc.expected, doc.path.name
    for name_ in DOC_FIELDS:
        got = getattr(report, name_) if report else None
        tally.add(got == exp[name_], f"{name}: {name_} {got!r} != {exp[name_]!r}")
    got_by_code = {i.code: i for i in report.indicators} if report else {}
    for ind in exp["indicators"]:
        mine = got_by_code.get(ind["code"])
        for name_ in INDICATOR_FIELDS:
            value = None if mine is None else getattr(mine, name_)
            tally.add(value == ind[name_], f"{name}: {ind['code']}.{name_} {value!r} != {ind[name_]!r}")


def silently_wrong(doc: HeldoutDoc, outcome: ParseOutcome) -> list[str]:
    """Return the scores that are wrong without being NULL-with-a-warning-naming-the-indicator."""
    if outcome.report is None:
        return []
    got = {i.code: i for i in outcome.report.indicators}
    warned = {w.indicator for w in outcome.report.warnings if w.indicator}
    wrong = []
    for ind in doc.expected["indicators"]:
        mine = got.get(ind["code"])
        if mine is None or mine.score == ind["score"]:
            continue
        if mine.score is not None or ind["code"] not in warned:
            wrong.append(f"{doc.path.name}: {ind['code']} got {mine.score!r}, expected {ind['score']!r}")
    return wrong


def extra_indicators(doc: HeldoutDoc, outcome: ParseOutcome) -> list[str]:
    """Return indicator codes the parser found that the document does not have (TOC or table ghosts)."""
    if outcome.report is None:
        return []
    known = {i["code"] for i in doc.expected["indicators"]}
    return [f"{doc.path.name}: {i.code}" for i in outcome.report.indicators if i.code not in known]


def measure(docs: list[HeldoutDoc]) -> tuple[Tally, dict[str, Tally], list[tuple[HeldoutDoc, ParseOutcome]]]:
    """Parse every document; return the overall tally, tallies per layout, and the outcomes."""
    overall, per_layout = Tally(), defaultdict(Tally)
    parsed = []
    for doc in docs:
        outcome = parse_path(doc.path)
        parsed.append((doc, outcome))
        tally_document(doc, outcome, overall)
        tally_document(doc, outcome, per_layout[doc.layout])
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
    overall, per_layout, parsed = measure(docs)
    for layout, tally in sorted(per_layout.items()):
        print(f"{layout:32s} {tally.right:5d}/{tally.total:<5d} {tally.accuracy:8.2%}")
    print(f"{'ALL':32s} {overall.right:5d}/{overall.total:<5d} {overall.accuracy:8.2%}  "
          f"({len(docs)} documents; build {built - start:.1f}s, parse {time.perf_counter() - built:.1f}s)")
    failures = [f"{d.path.name}: {o.failure.message}" for d, o in parsed if o.failure]
    wrong = [w for d, o in parsed for w in silently_wrong(d, o)]
    ghosts = [g for d, o in parsed for g in extra_indicators(d, o)]
    for title, lines in (("failed", failures), ("silently wrong", wrong), ("extra indicators", ghosts),
                         ("misses", overall.misses)):
        print(f"\n{title}: {len(lines)}")
        print("\n".join(lines[: args.misses]))


if __name__ == "__main__":
    main()
