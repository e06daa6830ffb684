"""Plain-text families."""
import textwrap

from common import (PILLAR_NAMES, code_fmt, fnum, pct, paragraph, pick_title, spv_name, date_str, num_words,
                    cap_first, OBSERVATIONS, ROMAN)


def _wrap(text, width):
    return textwrap.wrap(text, width=width, break_on_hyphens=False, break_long_words=False) or [""]


def _write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


# ---------------------------------------------------------------- T1 line-printer listing with page breaks
def txt_lineprinter(ctx, stem):
    rng = ctx.rng
    path = stem + ".txt"
    case = rng.choice(["upper", "asis"])
    titles = {d["code"]: pick_title(rng, d, case, p_variant=0.4) for d in ctx.inds}
    cstyle = rng.choice(["dot", "upper", "dot_tight"])
    W = rng.choice([100, 132])
    prev_on = ctx.cycle > 1
    tw = rng.choice([18, 22, 26])
    cols = [("MARKS", 6, "r"), ("MAX", 4, "r"), ("CODE", 9, "l"), ("INDICATOR", tw, "l")]
    if prev_on:
        cols.append(("PREV", 5, "r"))
    used = sum(c[1] + 3 for c in cols) + 1
    cols.append(("REMARKS", W - used - 3, "l"))
    spv = spv_name(rng, ctx.city).upper()
    plen = rng.choice([50, 58, 64])
    _, d2 = date_str(rng)

    def fmt_row(cells):
        wrapped = []
        for (name, w, al), txt in zip(cols, cells):
            wrapped.append(_wrap(txt, w) if name in ("INDICATOR", "REMARKS") else [txt])
        n = max(len(x) for x in wrapped)
        out = []
        for i in range(n):
            parts = []
            for (name, w, al), lines in zip(cols, wrapped):
                t = lines[i] if i < len(lines) else ""
                parts.append(t.rjust(w) if al == "r" else t.ljust(w))
            out.append("| " + " | ".join(parts) + " |")
        return out

    sep = "+" + "+".join("-" * (c[1] + 2) for c in cols) + "+"
    colhead = fmt_row([c[0] for c in cols])

    def page_head(n):
        return [spv.center(W).rstrip(),
                ("DATA MATURITY ASSESSMENT FRAMEWORK - %s - CITY PERFORMANCE REPORT" % ctx.label.upper()).center(W).rstrip(),
                "CITY : %-20s STATE : %-22s RUN DATE : %s   PAGE : %3d" % (ctx.city.upper(), ctx.state.upper(), d2, n),
                sep] + colhead + [sep]

    body = []
    for p in sorted({d["pillar"] for d in ctx.inds}):
        tot = 0.0
        items = [d for d in ctx.inds if d["pillar"] == p]
        for d in items:
            s = ctx.scores[d["code"]]
            tot += s or 0
            cells = ["N.A." if s is None else fnum(s, "one"), fnum(d["max"]), code_fmt(d["code"], cstyle), titles[d["code"]]]
            if prev_on:
                pv = ctx.prev[d["code"]]
                cells.append("-" if pv is None else fnum(pv, "one"))
            rem = rng.choice(OBSERVATIONS)
            if rng.random() < 0.5:
                rem += " " + paragraph(rng, 1, 3)
            cells.append(rem)
            body.append(fmt_row(cells))
        cells = [fnum(tot, "one"), fnum(sum(d["max"] for d in items)), "", "PILLAR %d SUBTOTAL" % p]
        if prev_on:
            cells.append("")
        cells.append("")
        body.append([sep] + fmt_row(cells) + [sep])
    pages = []
    cur = page_head(1)
    for block in body:
        for line in block:
            if len(cur) >= plen - 2:
                cur += [sep, "CONTINUED ON NEXT PAGE".rjust(W)]
                pages.append(cur)
                cur = page_head(len(pages) + 1)
            cur.append(line)
    cur += ["", "N.A. = NOT ASSESSED.  MARKS ARE OUT OF THE MAXIMUM SHOWN IN COLUMN MAX.", "*** END OF REPORT ***"]
    pages.append(cur)
    _write(path, "\f\n".join("\n".join(pg) + "\n" for pg in pages))
    return path, titles


# ---------------------------------------------------------------- T2 government memo with scores in words
def txt_memo_words(ctx, stem):
    rng = ctx.rng
    path = stem + ".txt"
    titles = {d["code"]: pick_title(rng, d, "asis", p_variant=0.35) for d in ctx.inds}
    cstyle = rng.choice(["dot", "paren"])
    half = rng.choice(["and a half", "point five"])
    W = 72
    d1, _ = date_str(rng)
    spv = spv_name(rng, ctx.city)
    out = []

    def para(text, ind="", sub=""):
        lines = textwrap.wrap(text, width=W, initial_indent=ind, subsequent_indent=sub or " " * len(ind),
                              break_on_hyphens=False, break_long_words=False)
        out.extend(lines)
        out.append("")

    out += ["GOVERNMENT OF %s" % ctx.state.upper(), "URBAN DEVELOPMENT AND HOUSING DEPARTMENT",
            "(State Mission Directorate – Smart Cities Mission)", "",
            "No. SCM/DMAF/%d/%03d%sDated: %s" % (2021, rng.randint(1, 400), " " * 20, d1), "",
            "To", "    The Chief Executive Officer,", "    %s," % spv, "    %s, %s." % (ctx.city, ctx.state), ""]
    para("Subject: Communication of the results of the Data Maturity Assessment Framework (DMAF) %s – "
         "City Performance & Recommendations for %s – reg." % (ctx.label, ctx.city), "", "         ")
    out += ["Sir/Madam,", ""]
    para("1. I am directed to inform you that the results of the Data Maturity Assessment Framework %s "
         "have been communicated by the Ministry of Housing and Urban Affairs. The indicator-wise marks "
         "secured by %s are conveyed below for necessary action. %s" % (ctx.label, ctx.city, paragraph(rng, 1, 1)))
    tpls = [
        "Against the indicator “{t}” ({c}), the city has secured {w} marks out of {m}.",
        "For indicator {c}, “{t}”, the marks awarded are {w} (out of a maximum of {m}).",
        "The city has been awarded {w} marks out of {m} under “{t}” (indicator {c}).",
        "Under {c} – “{t}” – {city} scored {w} out of a possible {m} marks.",
    ]
    na_tpl = "Indicator {c}, “{t}”, was not assessed for the city in this cycle (maximum {m} marks)."
    n = 2
    for p in sorted({d["pillar"] for d in ctx.inds}):
        items = [d for d in ctx.inds if d["pillar"] == p]
        if rng.random() < 0.35 and len(items) > 2:
            i = rng.randrange(len(items) - 1)
            items[i], items[i + 1] = items[i + 1], items[i]
        para("%d. Pillar %s – %s:" % (n, p, PILLAR_NAMES.get(p, "")))
        for k, d in enumerate(items, 1):
            s = ctx.scores[d["code"]]
            c = code_fmt(d["code"], cstyle)
            m = num_words(d["max"])
            if s is None:
                txt = na_tpl.format(c=c, t=titles[d["code"]], m=m)
            else:
                txt = rng.choice(tpls).format(c=c, t=titles[d["code"]], w=num_words(s, half), m=m, city=ctx.city)
            if rng.random() < 0.4:
                txt += " " + paragraph(rng, 1, 2)
            lab = "%d.%d " % (n, k)
            para(lab + txt, "    ", "    " + " " * len(lab))
        n += 1
    tot = sum((v or 0) for v in ctx.scores.values())
    para("%d. The city has thus secured an aggregate of %s marks out of %s. You are requested to take action on the "
         "recommendations and to submit an action taken report within thirty days." % (
             n, num_words(tot, half), num_words(sum(d["max"] for d in ctx.inds))))
    out += ["", "Yours faithfully,".rjust(W), "", "(%s)" % rng.choice(["Mission Director", "Joint Secretary", "Deputy Director"]),
            "State Mission Directorate, %s" % ctx.state, "",
            "Copy to: The Municipal Commissioner, %s, for information." % ctx.city]
    _write(path, "\n".join(out) + "\n")
    return path, titles


# ---------------------------------------------------------------- T3 side-by-side text boxes
def txt_side_by_side(ctx, stem):
    rng = ctx.rng
    path = stem + ".txt"
    case = rng.choice(["asis", "upper", "title"])
    titles = {d["code"]: pick_title(rng, d, case, p_variant=0.4) for d in ctx.inds}
    cstyle = rng.choice(["dot", "paren", "upper"])
    bw = rng.choice([30, 34, 38])
    per_row = 2 if bw > 30 else rng.choice([2, 3])
    prev_on = ctx.cycle > 1 and rng.random() < 0.6
    gap = "   "
    W = per_row * (bw + 2) + (per_row - 1) * len(gap)
    plen = rng.choice([48, 56])

    def box(d):
        s = ctx.scores[d["code"]]
        code = code_fmt(d["code"], cstyle)
        sc = ("SCORE N.A./%s" % fnum(d["max"])) if s is None else ("SCORE %s/%s" % (fnum(s), fnum(d["max"])))
        inner = []
        first = code + " " * max(1, bw - len(code) - len(sc)) + sc
        inner.append(first)
        inner.append("")
        inner += _wrap(titles[d["code"]], bw)
        inner.append("")
        extra = ("%s%% of max" % pct(s, d["max"], 0)) if s is not None else "not assessed"
        if prev_on:
            pv = ctx.prev[d["code"]]
            extra += " | prev. %s" % ("-" if pv is None else fnum(pv))
        inner.append(extra)
        return inner

    def render(row):
        boxes = [box(d) for d in row]
        h = max(len(b) for b in boxes)
        lines = []
        edge = gap.join("+" + "-" * bw + "+" for _ in row)
        lines.append(edge)
        for i in range(h):
            lines.append(gap.join("|" + (b[i] if i < len(b) else "").ljust(bw) + "|" for b in boxes))
        lines.append(edge)
        return lines

    def head(n):
        return ["%s (%s) – DMAF %s – City Performance & Recommendations" % (ctx.city, ctx.state, ctx.label),
                ("p. %d" % n).rjust(W), "=" * W, ""]

    blocks = []
    blocks.append(["Data Maturity Assessment Framework – %s" % ctx.label,
                   "City: %s        State: %s" % (ctx.city, ctx.state), "",
                   "Each box gives the framework code, the score (marks / maximum) and the indicator.", ""])
    for p in sorted({d["pillar"] for d in ctx.inds}):
        items = [d for d in ctx.inds if d["pillar"] == p]
        blocks.append(["", "[ PILLAR %d · %s ]" % (p, PILLAR_NAMES.get(p, "").upper()), ""])
        for r0 in range(0, len(items), per_row):
            blocks.append(render(items[r0:r0 + per_row]))
    pages, cur = [], head(1)
    for b in blocks:
        if len(cur) + len(b) > plen:
            pages.append(cur)
            cur = head(len(pages) + 1)
        cur += b
    pages.append(cur)
    _write(path, "\f".join("\n".join(pg) + "\n" for pg in pages))
    return path, titles


# ---------------------------------------------------------------- T4 markdown export, score columns first
def txt_markdown_export(ctx, stem):
    rng = ctx.rng
    path = stem + ".txt"
    titles = {d["code"]: pick_title(rng, d, rng.choice(["asis", "title"]), p_variant=0.3) for d in ctx.inds}
    cstyle = rng.choice(["dot", "dot_tight", "paren"])
    prev_on = ctx.cycle > 1
    total_max = sum(d["max"] for d in ctx.inds)
    L = ["# %s (%s) — DMAF %s scorecard" % (ctx.city, ctx.state, ctx.label), "",
         "| Field | Value |", "|---|---|", "| City | %s |" % ctx.city, "| State | %s |" % ctx.state,
         "| Framework | Data Maturity Assessment Framework |", "| Cycle | %s |" % ctx.label,
         "| Document | City Performance & Recommendations |", "",
         "> Scores are marks awarded / maximum marks. *n/a* = not assessed. Wt = weight in the %s-mark total." % fnum(total_max), ""]
    for p in sorted({d["pillar"] for d in ctx.inds}):
        items = [d for d in ctx.inds if d["pillar"] == p]
        L += ["## Pillar %d. %s" % (p, PILLAR_NAMES.get(p, "")), ""]
        hdr = ["Score", "Max", "%", "Wt"] + (["Prev. cycle"] if prev_on else []) + ["Ref", "Indicator"]
        L.append("| " + " | ".join(hdr) + " |")
        L.append("|" + "|".join(["---:"] * (len(hdr) - 2) + [":---", ":---"]) + "|")
        for d in items:
            s = ctx.scores[d["code"]]
            row = ["*n/a*" if s is None else "**%s**" % fnum(s, "one"), fnum(d["max"]),
                   "" if s is None else pct(s, d["max"]), "%.0f%%" % (d["max"] / total_max * 100)]
            if prev_on:
                pv = ctx.prev[d["code"]]
                row.append("—" if pv is None else fnum(pv, "one"))
            row += [code_fmt(d["code"], cstyle), titles[d["code"]]]
            L.append("| " + " | ".join(row) + " |")
        tot = sum((ctx.scores[d["code"]] or 0) for d in items)
        trow = ["**%s**" % fnum(tot, "one"), fnum(sum(d["max"] for d in items))] + [""] * (len(hdr) - 4) + ["", "**Pillar total**"]
        L.append("| " + " | ".join(trow) + " |")
        L.append("")
    L += ["---", "", "## Observations and recommendations", ""]
    for p in sorted({d["pillar"] for d in ctx.inds}):
        for k, d in enumerate([x for x in ctx.inds if x["pillar"] == p], 1):
            s = ctx.scores[d["code"]]
            L.append("### %d.%d %s" % (p, k, titles[d["code"]]))
            L.append("")
            L.append("*Score:* %s" % ("n/a (not assessed)" if s is None else "%s/%s" % (fnum(s), fnum(d["max"]))))
            L.append("")
            L.append(paragraph(rng, 2, 4))
            L.append("")
            if rng.random() < 0.3:
                L += ["- " + x for x in rng.sample(OBSERVATIONS, 3)] + [""]
    _write(path, "\n".join(L) + "\n")
    return path, titles
