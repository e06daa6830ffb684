"""Blind set G: DMAF 'City Performance & Recommendations' documents with truth files.

    .venv/bin/python tests/blind/g/make.py OUT_DIR --seeds 1001-1120

Writes gNNNN.{pdf,docx,txt} and gNNNN.expected.json per seed. Deterministic per seed;
family = (seed - 1) % 12, so every 12 consecutive seeds cover all families, 4 of each format.
"""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import load_catalog, load_cities, draw_scores, cycle_label, norm  # noqa: E402
import fam_pdf  # noqa: E402
import fam_docx  # noqa: E402
import fam_txt  # noqa: E402

# interleaved PDF, DOCX, TXT so that any run of 12 consecutive seeds covers every family
FAMILIES = [
    ("transposed_scorecard", fam_pdf.transposed_scorecard),
    ("gazette_notification", fam_docx.gazette_notification),
    ("press_release", fam_txt.press_release),
    ("certificate_per_pillar", fam_pdf.certificate_per_pillar),
    ("claimed_vs_awarded", fam_docx.claimed_vs_awarded),
    ("rst_asciidoc_wiki", fam_txt.rst_asciidoc_wiki),
    ("footer_score_table", fam_pdf.footer_score_table),
    ("textbox_scores", fam_docx.textbox_scores),
    ("semicolon_csv", fam_txt.semicolon_csv),
    ("rank_leaderboard", fam_pdf.rank_leaderboard),
    ("checklist_ticks", fam_docx.checklist_ticks),
    ("chat_export", fam_txt.chat_export),
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
    rng = random.Random(seed * 104729 + 17)
    name, fn = FAMILIES[(seed - 1) % len(FAMILIES)]
    ctx = Ctx()
    ctx.rng = rng
    ctx.seed = seed
    ctx.city, ctx.state = rng.choice(cities)
    ctx.cycle = rng.choice(sorted(catalog))          # only cycles present in indicators.csv
    ctx.inds = list(catalog[ctx.cycle])
    ctx.label = cycle_label(rng, ctx.cycle)
    ctx.scores = draw_scores(rng, ctx.inds, p_na=0.35)
    stem = os.path.join(out_dir, "g%04d" % seed)
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
    ap.add_argument("--seeds", default="1001-1120")
    a = ap.parse_args(argv)
    os.makedirs(a.out_dir, exist_ok=True)
    catalog, cities = load_catalog(), load_cities()
    for seed in parse_seeds(a.seeds):
        print(make_one(seed, a.out_dir, catalog, cities))


if __name__ == "__main__":
    main()
