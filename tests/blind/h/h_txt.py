"""Plain-text families of blind set H: TSV export, fixed-width line-printer report, markdown, ranked list."""

from __future__ import annotations

from pathlib import Path

import h_common as C


def _write(path: Path, lines: list[str], *, crlf=False, bom=False) -> None:
    text = ("\r\n" if crlf else "\n").join(lines) + ("\r\n" if crlf else "\n")
    data = text.encode("utf-8")
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)


# ======================================================= F8 tab-separated portal export (with unassessed)

def tsv_export(rng, path: Path) -> dict:
    unit = rng.choice([1, 5, 10])
    rows = C.make_rows(rng, unit=unit, alias_p=0.0)
    n_assessed = len(rows)
    k_na = rng.choice([0, 1, 2])
    if k_na:
        C.add_not_assessed(rng, rows, k_na)
        C.rank_rows(rows)
    ns = rng.choice(["fixed1", "general", "fixed2"])
    title, issuer, lab = C.titles(rng)
    variant = rng.choice(["snake", "label"])
    lines = []
    if variant == "snake":
        lines += [f"# {title}", f"# {issuer}", "# exported_on: 2023-09-14 10:00 IST",
                  f"# cycle: 2 ({lab})", f"# cities_assessed: {n_assessed}", ""]
        head = ["sl_no", "city_name", "state_name", "region", "pillar1_policy", "pillar2_people",
                "pillar3_process", "pillar4_technology", "pillar5_outcomes", "total_score", "national_rank",
                "status"]
        order = C.by_name(rows) if rng.random() < 0.5 else C.by_rank(rows)
        lines.append("\t".join(head))
        for i, r in enumerate(order, 1):
            if r.na:
                vals = [""] * 7
                status = rng.choice(["Not submitted", "Withdrawn"])
            else:
                vals = [C.num(v, ns) for v in r.p] + [C.num(r.printed_total, ns), str(r.rank)]
                status = "Assessed"
            lines.append("\t".join([str(i), r.name, r.state, r.region] + vals + [status]))
    else:
        lines += [title, issuer, f"Assessment round\t{lab}", "Report\tNational results (all cities)", ""]
        head = ["Rank", "City", "State/UT"] + [f"Pillar {i + 1} - {p}" for i, p in enumerate(C.PILLARS)] + \
            ["Total (out of 500)"]
        lines.append("\t".join(head))
        for r in C.by_rank(rows):
            if r.na:
                lines.append("\t".join(["NA", r.name, r.state] + ["NA"] * 6))
            else:
                lines.append("\t".join([str(r.rank), r.name, r.state] + [C.num(v, ns) for v in r.p] +
                                       [C.num(r.printed_total, ns)]))
        assessed = [r for r in rows if not r.na]
        lines.append("\t".join(["", "National average", ""] +
                               [C.num(C.average10([r.p[i] for r in assessed]), "fixed1") for i in range(5)] +
                               [C.num(C.average10([r.total for r in assessed]), "fixed1")]))
        lines += ["", f"Total cities: {len(rows)}" + (f" ({k_na} not assessed)" if k_na else "")]
    _write(path, lines, crlf=rng.random() < 0.4, bom=rng.random() < 0.3)
    return {"rows": rows, "pillars": True, "total": True, "rank": True}


# ============================================= F9 fixed-width line-printer report, paged with form feeds

def fixed_width(rng, path: Path) -> dict:
    unit = rng.choice([1, 5, 10])
    rows = C.make_rows(rng, unit=unit, alias_p=0.25)
    ns = "fixed1" if unit != 10 else rng.choice(["fixed0", "fixed1"])
    tie = rng.choice(["eq_post", "eq_pre", "T-"])
    title, issuer, lab = C.titles(rng)
    order = C.by_rank(rows)
    wc = max(len("CITY"), max(len(r.name) for r in rows)) + 2
    wsn = max(len("STATE / UT"), max(len(r.state) for r in rows)) + 2
    heads1 = ["POLICY", "PEOPLE", "PROCESS", "TECHNOL.", "OUTCOMES", "TOTAL"]
    heads2 = ["(100)"] * 5 + ["(500)"]
    wn = 9
    wr = 6

    def hdr(page, pages):
        top = f"{issuer.upper()}"
        t = f"{title.upper()}"
        width = wr + wc + wsn + wn * 6
        out = [top.center(width).rstrip(), t.center(width).rstrip(),
               f"{'RUN DATE 14/09/2023':<30}{('PAGE ' + str(page) + ' OF ' + str(pages)):>{width - 30}}", ""]
        out.append(f"{'RANK':<{wr}}{'CITY':<{wc}}{'STATE / UT':<{wsn}}" + "".join(f"{h:>{wn}}" for h in heads1))
        out.append(f"{'':<{wr}}{'':<{wc}}{'':<{wsn}}" + "".join(f"{h:>{wn}}" for h in heads2))
        out.append(f"{'-' * (wr - 2):<{wr}}{'-' * (wc - 2):<{wc}}{'-' * (wsn - 2):<{wsn}}" +
                   "".join(f"{'-' * (wn - 2):>{wn}}" for _ in heads1))
        return out

    per = rng.choice([25, 30, 40])
    pages = -(-len(order) // per)
    lines = []
    for pg in range(pages):
        if pg:
            lines.append("\f")
        lines += hdr(pg + 1, pages)
        for r in order[pg * per:(pg + 1) * per]:
            lines.append(f"{C.rank_str(r, tie):<{wr}}{r.name:<{wc}}{r.state:<{wsn}}" +
                         "".join(f"{C.num(v, ns):>{wn}}" for v in r.p) + f"{C.num(r.printed_total, ns):>{wn}}")
    width = wr + wc + wsn + wn * 6
    lines.append("=" * width)
    avg = [C.num(C.average10([r.p[i] for r in rows]), "fixed1") for i in range(5)]
    lines.append(f"{'':<{wr}}{'NATIONAL AVERAGE':<{wc + wsn}}" + "".join(f"{a:>{wn}}" for a in avg) +
                 f"{C.num(C.average10([r.total for r in rows]), 'fixed1'):>{wn}}")
    lines.append(f"{'':<{wr}}{'TOTAL CITIES: ' + str(len(rows)):<{wc + wsn}}")
    lines += ["", "NOTES: " + C.TIE_NOTES[tie].upper(), "       TECHNOL. = TECHNOLOGY PILLAR.", "*** END OF REPORT ***"]
    _write(path, lines, crlf=rng.random() < 0.3)
    return {"rows": rows, "pillars": True, "total": True, "rank": True}


# ==================================================== F10 markdown pipe table, pillars but NO total

def markdown_no_total(rng, path: Path) -> dict:
    unit = rng.choice([1, 5, 10])
    rows = C.make_rows(rng, unit=unit, alias_p=0.2)
    ns = C.pick_num_style(rng, unit)
    tie = rng.choice(["tied", "eq_post", "plain"])
    title, issuer, lab = C.titles(rng, dash="\u2014")
    order = C.by_rank(rows)
    bold_top = rng.random() < 0.6
    heads = rng.choice([C.PILLARS, [f"P{i + 1} {p}" for i, p in enumerate(C.PILLARS)],
                        ["Policy /100", "People /100", "Process /100", "Technology /100", "Outcomes /100"]])
    lines = [f"# {title}", "", f"*{issuer}*", "",
             C.intro(rng, len(rows), lab, total=False) +
             " The total (out of 500) is not reproduced here; cities are ordered by national rank.", "",
             "## National results", ""]
    cols = ["#", "City", "State"] + heads + ["Rank"]
    lines.append("| " + " | ".join(cols) + " |")
    lines.append("|" + "|".join(["---:", ":---", ":---"] + ["---:"] * 5 + [":---:"]) + "|")
    for i, r in enumerate(order, 1):
        name = f"**{r.name}**" if bold_top and r.rank <= 3 else r.name
        lines.append("| " + " | ".join([str(i), name, r.state] + [C.num(v, ns) for v in r.p] +
                                       [C.rank_str(r, tie)]) + " |")
    lines += ["", "## Pillar averages", "", "| Pillar | Average | Highest |", "|---|---:|---:|"]
    for i, p in enumerate(C.PILLARS):
        lines.append(f"| {p} | {C.num(C.average10([r.p[i] for r in rows]), 'fixed1')} | "
                     f"{C.num(max(r.p[i] for r in rows), ns)} |")
    lines += ["", f"> {C.TIE_NOTES[tie]}", f"> Total cities: {len(rows)}", "", f"_{rng.choice(C.NOTES)}_"]
    _write(path, lines)
    return {"rows": rows, "pillars": True, "total": False, "rank": True}


# ======================================================= F15 press-note ranked list with pillar sub-lines

def ranked_list(rng, path: Path) -> dict:
    unit = rng.choice([1, 5, 10])
    rows = C.make_rows(rng, unit=unit, alias_p=0.35)
    ns = C.pick_num_style(rng, unit)
    title, issuer, lab = C.titles(rng, dash="\u2013")
    order = C.by_rank(rows)
    variant = rng.choice(["dash", "colon"])
    lines = [issuer, "", title, "=" * len(title), "",
             C.intro(rng, len(rows), lab) + " The ranked list follows; pillar marks are given below each city.", ""]
    for r in order:
        pill = [f"{p} {C.num(v, ns)}" for p, v in zip(C.PILLARS, r.p)]
        if variant == "dash":
            lines.append(f"{r.rank}. {r.name} ({r.state}) \u2013 {C.num(r.printed_total, ns)} marks"
                         + (" (tied)" if r.tied else ""))
            lines.append("     " + " | ".join(pill))
        else:
            lines.append(f"Rank {r.rank}{'=' if r.tied else ''}: {r.name}, {r.state} \u2013 total "
                         f"{C.num(r.printed_total, ns)}/500")
            lines.append("    (" + ", ".join(pill) + ")")
    others = [c for c in C.CITIES if c["city"] not in {r.city for r in rows}]
    skipped = rng.sample(others, rng.choice([0, 2, 3]))
    lines.append("")
    if skipped:
        lines.append("Not ranked (documents not submitted by the deadline): " +
                     ", ".join(c["city"] for c in skipped) + ".")
    avg = C.num(C.average10([r.total for r in rows]), "fixed1")
    lines += [f"The national average total was {avg} out of 500, across {len(rows)} ranked cities.",
              "Cities with equal totals share a rank.", "", rng.choice(C.NOTES)]
    _write(path, lines)
    return {"rows": rows, "pillars": True, "total": True, "rank": True}
