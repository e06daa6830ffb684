"""Blind set H: national DMAF Cycle 2 results tables in invented layouts, each with its truth.

    python tests/blind/h/make.py OUT_DIR --seeds 1-60

Writes OUT_DIR/<family>_<seed>.<pdf|docx|txt> and OUT_DIR/<family>_<seed>.truth.json. The family is
FAMILIES[seed % len(FAMILIES)]; everything else about a document follows from random.Random(seed).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

import h_common as C  # noqa: E402
import h_docx  # noqa: E402
import h_pdf  # noqa: E402
import h_txt  # noqa: E402

FAMILIES = [
    ("unruled_xpos", "pdf", h_pdf.unruled_xpos),
    ("zebra_landscape", "pdf", h_pdf.zebra_landscape),
    ("paged_norepeat", "pdf", h_pdf.paged_norepeat),
    ("roman_twotier", "pdf", h_pdf.roman_twotier),
    ("state_grouped", "pdf", h_pdf.state_grouped),
    ("multicol_leaderboard", "pdf", h_pdf.multi_column_leaderboard),
    ("transposed_blocks", "pdf", h_pdf.transposed_blocks),
    ("pillarwise_tables", "docx", h_docx.pillarwise_tables),
    ("tsv_export", "txt", h_txt.tsv_export),
    ("fixed_width", "txt", h_txt.fixed_width),
    ("markdown_no_total", "txt", h_txt.markdown_no_total),
    ("merged_header", "docx", h_docx.merged_header),
    ("state_vmerge", "docx", h_docx.state_vmerge),
    ("band_tables", "docx", h_docx.band_tables),
    ("tabstop_lines", "docx", h_docx.tabstop_lines),
    ("ranked_list", "txt", h_txt.ranked_list),
]


def parse_seeds(spec: str) -> list[int]:
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if "-" in part:
            a, b = part.split("-", 1)
            out.extend(range(int(a), int(b) + 1))
        elif part:
            out.append(int(part))
    return out


def make_one(out: Path, seed: int) -> Path:
    family, ext, fn = FAMILIES[seed % len(FAMILIES)]
    rng = random.Random(seed * 7919 + 17)
    doc = out / f"{family}_{seed}.{ext}"
    info = fn(rng, doc)
    rows = info["rows"]
    extra = {"seed": seed}
    traps = [r.city for r in rows if r.trap]
    if traps:
        extra["trap_cities"] = traps
    C.write_truth(out / f"{family}_{seed}.truth.json", family, rows, pillars=info["pillars"],
                  total=info["total"], rank=info["rank"], extra=extra)
    return doc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--seeds", default="1-60")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for seed in parse_seeds(args.seeds):
        doc = make_one(args.out, seed)
        print(doc.name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
