"""Blind set E: DMAF 'City Performance & Recommendations' documents with truth files.

    .venv/bin/python tests/blind/e/make.py OUT_DIR --seeds 1-60

Writes eNNNN.{pdf,docx,txt} and eNNNN.expected.json per seed. Deterministic per seed.
"""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import load_catalog, load_cities, draw_scores, draw_prev, cycle_label, norm  # noqa: E402
import fam_pdf  # noqa: E402
import fam_docx  # noqa: E402
import fam_txt  # noqa: E402

# interleaved so that any run of 12 consecutive seeds covers every family and 4 of each format
FAMILIES = [
    ("landscape_rubric", fam_pdf.landscape_rubric),
    ("docx_numbered_sections", fam_docx.docx_numbered_sections),
    ("txt_lineprinter", fam_txt.txt_lineprinter),
    ("two_column_bulletin", fam_pdf.two_column_bulletin),
    ("docx_rubric_matrix", fam_docx.docx_rubric_matrix),
    ("txt_memo_words", fam_txt.txt_memo_words),
    ("score_tiles", fam_pdf.score_tiles),
    ("docx_landscape_upper", fam_docx.docx_landscape_upper),
    ("txt_side_by_side", fam_txt.txt_side_by_side),
    ("ledger_words", fam_pdf.ledger_words),
    ("docx_two_column_words", fam_docx.docx_two_column_words),
    ("txt_markdown_export", fam_txt.txt_markdown_export),
]


class Ctx:
    pass


def parse_seeds(spec):
    out = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-", 1)
            out.extend(range(int(a), int(b) + 1))
        else:
            out.append(int(part))
    return out


def make_one(seed, out_dir, catalog, cities):
    rng = random.Random(seed)
    name, fn = FAMILIES[(seed - 1) % len(FAMILIES)]
    ctx = Ctx()
    ctx.rng = rng
    ctx.seed = seed
    ctx.city, ctx.state = rng.choice(cities)
    ctx.cycle = rng.choice(sorted(catalog))          # only cycles present in indicators.csv
    ctx.inds = list(catalog[ctx.cycle])
    ctx.label = cycle_label(rng, ctx.cycle)
    ctx.scores = draw_scores(rng, ctx.inds, p_na=0.3)
    ctx.prev = draw_prev(rng, ctx.inds, ctx.scores)
    stem = os.path.join(out_dir, "e%04d" % seed)
    path, titles = fn(ctx, stem)
    truth = {
        "source": os.path.basename(path),
        "city": ctx.city,
        "state": ctx.state,
        "cycle": ctx.cycle,
        "style": name,
        "seed": seed,
        "indicators": [{"code": d["code"], "title": norm(titles[d["code"]]),
                        "score": ctx.scores[d["code"]], "max_score": float(d["max"])} for d in ctx.inds],
    }
    with open(stem + ".expected.json", "w", encoding="utf-8") as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=1)
    return path


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--seeds", default="1-60")
    a = ap.parse_args(argv)
    os.makedirs(a.out_dir, exist_ok=True)
    catalog, cities = load_catalog(), load_cities()
    for seed in parse_seeds(a.seeds):
        p = make_one(seed, a.out_dir, catalog, cities)
        print(p)


if __name__ == "__main__":
    main()
