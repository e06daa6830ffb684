"""Blind set F: DMAF 'City Performance & Recommendations' documents with truth files.

    .venv/bin/python tests/blind/f/make.py OUT_DIR --seeds 1-60

Writes fNNNN.{pdf,docx,txt} and fNNNN.expected.json per seed. Deterministic per seed.
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
    ("pillar_column_scorecard", fam_pdf.pillar_column_scorecard),
    ("bilingual_form", fam_docx.bilingual_form),
    ("email_thread", fam_txt.email_thread),
    ("running_header_sections", fam_pdf.running_header_sections),
    ("achieved_maximum_table", fam_docx.achieved_maximum_table),
    ("tsv_export", fam_txt.tsv_export),
    ("prev_vs_current", fam_pdf.prev_vs_current),
    ("narrative_paragraphs", fam_docx.narrative_paragraphs),
    ("paged_lineprinter", fam_txt.paged_lineprinter),
    ("percent_attainment", fam_pdf.percent_attainment),
    ("annexure_after_recs", fam_docx.annexure_after_recs),
    ("meeting_minutes", fam_txt.meeting_minutes),
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
    rng = random.Random(seed * 7919 + 6)
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
    stem = os.path.join(out_dir, "f%04d" % seed)
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
