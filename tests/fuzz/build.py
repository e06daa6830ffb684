"""Build layout-fuzzed DMAF reports: one document (PDF, DOCX or TXT) per seed,
with its truth beside it (X.expected.json).

    python -m tests.fuzz.build OUT_DIR --seeds 5000-5199 [--check]

`build_fuzz(out_dir, seeds)` returns one FuzzDoc per seed. Everything is drawn
from random.Random(seed), so a seed always gives byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .compose import compose
from .content import sample_report, truth
from .grammar import format_for_seed, sample_layout


@dataclass(frozen=True)
class FuzzDoc:
    path: Path
    format: str
    seed: int
    expected: dict
    layout: dict[str, str] = field(default_factory=dict)


def _render(doc, layout, rng: random.Random) -> bytes:
    engine = layout.engine
    if engine == "rl_platypus":
        from .render_rl import render_rl
        return render_rl(doc, rng)
    if engine == "rl_canvas":
        from .render_canvas import render_canvas
        return render_canvas(doc, rng)
    if engine == "fpdf2":
        from .render_fpdf import render_fpdf
        return render_fpdf(doc, rng)
    if engine.startswith("docx"):
        from .render_docx import render_docx
        return render_docx(doc, engine, rng)
    from .render_txt import render_txt
    return render_txt(doc, engine, layout["encoding"], rng)


@dataclass(frozen=True)
class Plan:
    """Everything sampled for one seed, before rendering."""

    seed: int
    fmt: str
    report: object
    layout: object
    doc: object
    facts: object


def plan(seed: int) -> tuple[Plan, random.Random]:
    rng = random.Random(seed)
    fmt = format_for_seed(seed)
    report = sample_report(rng)
    has_na = any(i.score is None for i in report.items)
    layout = sample_layout(rng, fmt, report.cycle, has_na)
    doc, facts = compose(report, layout, rng)
    return Plan(seed, fmt, report, layout, doc, facts), rng


def build_one(out_dir: Path, seed: int) -> FuzzDoc:
    p, rng = plan(seed)
    data = _render(p.doc, p.layout, rng)
    path = out_dir / f"fuzz_{seed}.{p.fmt}"
    path.write_bytes(data)
    lay = {**p.layout.as_dict(), "city_form": p.facts.city_form, "state_form": p.facts.state_form}
    expected = truth(p.report, path.name, p.facts.token, seed, lay)
    path.with_name(f"fuzz_{seed}.expected.json").write_text(
        json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return FuzzDoc(path, p.fmt, seed, expected, lay)


def build_fuzz(out_dir: Path, seeds: Iterable[int]) -> list[FuzzDoc]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return [build_one(out_dir, s) for s in seeds]


def parse_seeds(spec: str) -> list[int]:
    """'1-30', '1,2,7-9' (ranges inclusive)."""
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part[1:]:
            k = part.index("-", 1)
            a, b = int(part[:k]), int(part[k + 1:])
            out += list(range(a, b + 1))
        else:
            out.append(int(part))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fuzz.build", description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seeds", default="1-30", help="e.g. 5000-5199 or 1,2,7-9")
    ap.add_argument("--check", action="store_true", help="verify invariants of the written truth")
    args = ap.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    docs = []
    for seed in parse_seeds(args.seeds):
        d = build_one(args.out_dir, seed)
        docs.append(d)
        lay = d.layout
        print(f"{d.path.name:<20} {d.format:<4} cycle={d.expected['cycle']} {d.expected['city']:<20} "
              f"engine={lay['engine']} score={lay['score_place']} meta={lay['metadata']}")
    dt = time.perf_counter() - t0
    counts = Counter(d.format for d in docs)
    print(f"built {len(docs)} documents in {dt:.1f}s ({dt / max(1, len(docs)):.3f}s each): "
          + ", ".join(f"{k}={counts[k]}" for k in ("pdf", "docx", "txt")))
    if args.check:
        from .check import check_docs
        problems = check_docs(docs)
        for p in problems:
            print("CHECK FAIL:", p)
        print(f"check: {len(docs)} documents, {len(problems)} problems")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
