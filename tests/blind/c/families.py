"""blind3 layout families. Each family: f(s, rng, fmt) -> {"doc": blockdoc} or {"txt": str} (+ "via_docx": True).

landscape_pillar_columns  landscape scorecard, pillars as spanned column groups, rows marks/max/%; legend with titles later
summary_then_detail       summary table (ref no. 3.2 or 3(b) -> catalog code, max, page) then per-indicator "Marks awarded: 18 of 30"
rst_manual                reStructuredText: field list metadata, csv-table / grid table / per-indicator field lists, note directives
docx_header_nested        city only in page header, cycle in a VML text box, outer pillar table with nested indicator tables
cover_letter_annex        metadata only in a cover-letter sentence; annexure "18 out of max 30", footnote markers and notes
prev_cycle_annex          current results table (max/score column order varies) + annex of previous cycle's marks (reference only)
boxdraw_wrapped           unicode box table with wrapped cells, numeric remarks, pillar sub-totals (txt or monospace pdf)
subcriteria_breakdown     per-indicator sub-criterion tables; the 'Indicator score' row is the indicator's marks
peer_benchmark            city column vs national average and highest; % of max
web_portal_dump           lynx-style dump of a portal page: link refs [12], breadcrumbs, "Score 18 pts · Maximum 30 pts · 60%"
bilingual_columns         Hindi/English headings and column heads, pillar tables with totals
inline_brief              one-page meeting brief, indicators inline "2.a City Data Officer (CDO) 20/30; ..." per pillar
"""
import textwrap
from content import (FRAMEWORK, PILLARS, CAT, code_fmt, cycle_text, title_line, intro_paras, rec_blocks, flat_text,
                     is_year, make_rng)
from render import grid_table, render_txt_blocks

HINDI_PILLAR = {1: "नीति", 2: "जन", 3: "प्रक्रिया", 4: "प्रौद्योगिकी", 5: "परिणाम"}


# ------------------------------------------------------------------ helpers
def n(x):
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"


def pct(i):
    v = 100.0 * i["score"] / i["max"]
    return f"{v:.0f}%" if abs(v - round(v)) < 1e-9 else f"{v:.1f}%"


def shown(s):
    """indicators that are printed (assessed), print order"""
    return [i for i in s.order if i["score"] is not None]


def by_pillar(s, order=None):
    out = {}
    for i in shown(s):
        out.setdefault(i["pillar"], []).append(i)
    keys = order or sorted(out)
    return [(p, out[p]) for p in keys if p in out]


def pillar_order(rng):
    r = rng.random()
    if r < 0.6:
        return [1, 2, 3, 4, 5]
    if r < 0.8:
        return [5, 1, 2, 3, 4]
    return [2, 3, 4, 1, 5]


def ptot(items):
    return sum(i["score"] for i in items), sum(i["max"] for i in items)


def place(s):
    return f"{s.city_print}, {s.state_print}" if s.state_print else s.city_print


def state_line(s):
    return s.state_print or s.state


def rec_text(s, ind, rng, short=True):
    return flat_text(rec_blocks(s, ind, rng, short=short))


def omitted_note(s):
    if any(i["score"] is None for i in s.indicators):
        return "Indicators that were not assessed in this cycle are not listed."
    return None


def cyc(s):
    return cycle_text(s)


# ================================================================== 1. landscape scorecard, pillars as column groups
def fam_landscape(s, rng, fmt):
    form = rng.choice(["dot", "dot", "paren", "upper"])
    porder = pillar_order(rng)
    groups = by_pillar(s, porder)
    show_pct = rng.random() < 0.6
    pname = rng.choice(["name", "num", "both"])
    B = []
    B.append(("title", f"DMAF Scorecard – {cyc(s)}"))
    B.append(("p", f"{FRAMEWORK}  •  City: {s.city_print}  •  State: {state_line(s)}", {"align": "c", "bold": True}))
    B.append(("p", "Marks obtained by the city against each indicator are shown below, grouped by pillar. Each pillar carries a maximum of 100 marks.", {"align": "c", "size": 9}))
    halves = [groups[:3], groups[3:]] if rng.random() < 0.7 else [groups[:2], groups[2:]]
    for gi, half in enumerate(halves):
        if not half:
            continue
        r0, r1, r2, r3, r4 = ["Pillar"], ["Indicator"], ["Marks obtained"], ["Maximum marks"], ["Achievement"]
        spans = []
        col = 1
        for p, items in half:
            lab = {"name": PILLARS[p], "num": f"Pillar {p}", "both": f"{p}. {PILLARS[p]}"}[pname]
            r0 += [lab] + [""] * (len(items) - 1)
            if len(items) > 1:
                spans.append((col, 0, col + len(items) - 1, 0))
            col += len(items)
            for i in items:
                r1.append(code_fmt(i["code"], form))
                r2.append(n(i["score"]))
                r3.append(n(i["max"]))
                r4.append(pct(i))
        rows = [r0, r1, r2, r3] + ([r4] if show_pct else [])
        B.append(("table", rows, {"header": 2, "spans": spans, "widths": [2.4] + [1] * (len(r1) - 1), "size": 8, "center_header": True, "bold_rows": [2]}))
    # pillar totals
    tot = [["Pillar", "Marks obtained", "Out of"]]
    for p, items in groups:
        a, b = ptot(items)
        tot.append([f"{p} – {PILLARS[p]}", n(a), n(b)])
    B.append(("h", 2, "Pillar totals"))
    B.append(("table", tot, {"widths": [3, 1.2, 1], "frac": 0.5, "size": 8.5}))
    # legend
    B.append(("pb",))
    B.append(("h", 2, "Indicator legend and recommendations"))
    leg = [["Code", "Indicator", "Recommendation"]]
    for p, items in groups:
        for i in items:
            leg.append([code_fmt(i["code"], form), i["ptitle"], rec_text(s, i, rng)])
    B.append(("table", leg, {"widths": [0.8, 2.6, 7], "size": 8}))
    on = omitted_note(s)
    if on:
        B.append(("small", on))
    return {"doc": dict(blocks=B, landscape=True, font=rng.choice(["sans", "narrow", "liberation"]), base_size=9.5,
                        footer=f"{s.city_short} | DMAF {cyc(s)} | page {{page}}", footer_pos="r", margins=14)}


# ================================================================== 2. summary table first, then per-indicator detail pages
def fam_summary_detail(s, rng, fmt):
    ref = rng.choice(["serial", "paren"])
    markw = rng.choice(["{a} of {b}", "{a} of {b} marks", "{a} out of {b}"])
    groups = by_pillar(s)
    serial = {}
    for p, items in groups:
        for k, i in enumerate(items, 1):
            serial[i["code"]] = f"{p}.{k}" if ref == "serial" else code_fmt(i["code"], "paren")
    B = [("title", title_line(s, rng) + "\nCity Performance & Recommendations")]
    B.append(("p", f"Name of the city: {s.city_print}", {"align": "c"}))
    B.append(("p", f"State / UT: {state_line(s)}", {"align": "c"}))
    B.append(("sp", 12))
    B.append(("h", 1, "Summary of indicators"))
    B.append(("p", "The table lists every indicator assessed, the reference number used in the detailed section of this report, and the maximum marks. Marks awarded are reported in the detailed section." if ref == "serial" else
              "The table lists every indicator assessed and its maximum marks. Marks awarded are reported in the detailed section."))
    rows = [["Ref. No.", "DMAF code", "Indicator", "Max. marks", "See page"]]
    pg = 3
    for p, items in groups:
        for i in items:
            rows.append([serial[i["code"]], i["code"].replace("&", " & "), i["ptitle"], n(i["max"]), str(pg)])
            pg += rng.choice([0, 1])
    if ref != "serial":
        rows = [r[1:] for r in rows]
    B.append(("table", rows, {"widths": ([0.8] if ref == "serial" else []) + [1, 4, 1, 0.8], "size": 9, "zebra": True}))
    on = omitted_note(s)
    if on:
        B.append(("small", on))
    B.append(("pb",))
    B.append(("h", 1, "Detailed assessment"))
    for p, items in groups:
        for i in items:
            B.append(("h", 2, f"Indicator {serial[i['code']]}: {i['ptitle']}"))
            B.append(("p", "Marks awarded: " + markw.format(a=n(i["score"]), b=n(i["max"])), {"bold": True}))
            for blk in rec_blocks(s, i, rng, short=rng.random() < 0.5):
                B.append(blk if blk[0] == "p" else ("ul", blk[1]))
        if rng.random() < 0.5:
            B.append(("pb",))
    hdr = f"DMAF {cyc(s)} – {s.city_short}"
    return {"doc": dict(blocks=B, font=rng.choice(["serif", "libserif", "sans"]), base_size=10, header_left=hdr,
                        header_right="City Performance & Recommendations", footer="Page {page}", formfeed=True),
            "tstyle": "ascii", "hstyle": "caps"}


# ================================================================== 3. reStructuredText manual (txt)
def fam_rst(s, rng, fmt):
    L = []
    t = f"{FRAMEWORK} – {cyc(s)}"
    L += ["=" * len(t), t, "=" * len(t), "", "City Performance & Recommendations", "-" * 34, ""]
    L += [f":City: {s.city_print}", f":State: {state_line(s)}", f":Assessment cycle: {cyc(s)}",
          ":Prepared by: DataSmart Cities Unit, Smart Cities Mission", ":Version: 1.%d" % rng.randint(0, 4), ""]
    L += [".. contents:: Contents", "   :depth: 2", "", ".. sectnum::", ""]
    L += ["Introduction", "============", ""]
    for para in intro_paras(s, rng, 1):
        L += textwrap.wrap(para, 78) + [""]
    mode = rng.choice(["csv", "grid", "fields"])
    for p, items in by_pillar(s):
        h = f"Pillar {p} – {PILLARS[p]}"
        L += [h, "=" * len(h), ""]
        if mode == "csv":
            L += [f".. csv-table:: Marks, pillar {p}", '   :header: "Code", "Indicator", "Marks", "Maximum"', "   :widths: 10, 60, 15, 15", ""]
            for i in items:
                L.append(f'   "{i["code"].replace("&", " & ")}", "{i["ptitle"]}", "{n(i["score"])}", "{n(i["max"])}"')
            L.append("")
        elif mode == "grid":
            rows = [["Code", "Indicator", "Marks", "Maximum"]] + [[i["code"].replace("&", " & "), i["ptitle"], n(i["score"]), n(i["max"])] for i in items]
            L += [grid_table(rows, [9, 42, 6, 8], style="rst"), ""]
        for i in items:
            h2 = f"{i['code'].replace('&', ' & ')} {i['ptitle']}"
            L += [h2, "-" * len(h2), ""]
            if mode == "fields":
                L += [f":Marks: {n(i['score'])}", f":Maximum: {n(i['max'])}", ""]
            L += [".. note::", ""]
            for ln in textwrap.wrap(rec_text(s, i, rng, short=False), 74):
                L.append("   " + ln)
            L.append("")
    on = omitted_note(s)
    if on:
        L += [".. [#] " + on, ""]
    return {"txt": "\n".join(L)}


# ================================================================== 4. DOCX: city only in page header, nested pillar tables, cycle in a text box
def fam_header_nested(s, rng, fmt):
    scf = rng.choice(["{a} / {b}", "{a}/{b}"])
    B = [("title", "City Performance & Recommendations")]
    B.append(("p", FRAMEWORK, {"align": "c", "bold": True}))
    B.append(("textbox", [f"Assessment cycle: {cyc(s)}", "Issued by: Smart Cities Mission, MoHUA"]))
    B.append(("p", "This document is specific to the city named in the page header. " + intro_paras(s, rng, 1)[0]))
    outer = [["Pillar", "Indicators and marks"]]
    for p, items in by_pillar(s):
        a, b = ptot(items)
        inner = [["Code", "Indicator", "Marks"]] + [[code_fmt(i["code"], "dot"), i["ptitle"], scf.format(a=n(i["score"]), b=n(i["max"]))] for i in items]
        outer.append([f"Pillar {p}: {PILLARS[p]}\nPillar total {n(a)} / {n(b)}", {"table": inner, "opts": {"widths": [1, 4, 1.3], "size": 8.5}}])
    B.append(("h", 1, "Scores"))
    B.append(("table", outer, {"widths": [1.4, 5], "size": 9}))
    on = omitted_note(s)
    if on:
        B.append(("small", on))
    B.append(("pb",))
    B.append(("h", 1, "Recommendations"))
    for p, items in by_pillar(s):
        for i in items:
            B.append(("h", 3, f"{code_fmt(i['code'], 'dot')} – {i['ptitle']}"))
            B.append(("p", rec_text(s, i, rng)))
    hl = f"{s.city_print} ({s.state})" if rng.random() < 0.5 else f"City: {s.city_print} | State: {s.state}"
    return {"doc": dict(blocks=B, font=rng.choice(["liberation", "serif", "sans"]), base_size=10.5, header_left=hl,
                        header_right="DMAF", footer="– {page} –"), "via_docx": True}


# ================================================================== 5. cover letter holds the metadata; annexure with footnotes
FOOTS = ["Based on office order No. {a} dated {d}.", "{a} documents were uploaded on the assessment portal.",
         "Verified during the virtual review held on {d}.", "Evidence: letter No. SCM/{a}/2021.",
         "As per the list of {a} departments furnished by the SPV.", "Refer to page {a} of the city's submission."]


def fam_cover_letter(s, rng, fmt):
    phrase = rng.choice(["{a} out of max {b}", "{a} out of max. {b} marks", "{a} (out of {b})", "{a} marks out of a maximum of {b}"])
    sender = rng.choice(["DataSmart Cities – Programme Management Unit", "Urban Data Advisory LLP (Knowledge Partner, DMAF)", "Centre for Digital Governance, Assessment Cell"])
    B = [("p", sender, {"bold": True, "align": "c", "size": 13}), ("p", "New Delhi", {"align": "c"})]
    B.append(("p", f"Ref.: {s.ref_no}" + (f"\nDate: {s.date}" if s.date else "")))
    B.append(("p", "To\nThe Chief Executive Officer\n(Smart City SPV)"))
    B.append(("p", f"Subject: Transmission of results – {FRAMEWORK}", {"bold": True}))
    B.append(("p", "Sir/Madam,"))
    B.append(("p", f"We are pleased to enclose the indicator-wise results of the assessment of {s.city_print}, {s.state} for {cyc(s)} of the {FRAMEWORK}. "
                   "The marks awarded against each indicator, along with brief observations, are given in the Annexure. "
                   "The city is requested to review the observations and take necessary action before the next cycle."))
    B.append(("p", "Any clarification may be sought within 15 days of receipt of this letter."))
    B.append(("p", "Yours faithfully,\n\n(Programme Lead)\nEncl.: Annexure (as above)"))
    B.append(("pb",))
    B.append(("h", 1, "Annexure – Indicator-wise marks"))
    foots = []
    sup = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
    k = 1
    for p, items in by_pillar(s):
        B.append(("h", 2, f"Pillar {p}"))
        for i in items:
            mark = ""
            if rng.random() < 0.35:
                mark = str(k).translate(sup) if fmt != "txt" else f"[{k}]"
                d = rng.choice(["12.02.2021", "03.03.2021", "19.11.2020", "08.01.2021"])
                foots.append(f"{k if fmt != 'txt' else '[%d]' % k} " + rng.choice(FOOTS).format(a=rng.randint(2, 40), d=d))
                k += 1
            B.append(("p", f"Indicator {i['code'].replace('&', ' & ')} – {i['ptitle']}{mark}", {"bold": True}))
            B.append(("p", "Marks awarded: " + phrase.format(a=n(i["score"]), b=n(i["max"]))))
            B.append(("p", "Observation: " + rec_text(s, i, rng), {"indent": 12}))
    on = omitted_note(s)
    if on:
        B.append(("p", on, {"italic": True}))
    if foots:
        B.append(("sp", 8))
        B.append(("p", "Notes", {"bold": True}))
        for f in foots:
            B.append(("small", f))
    return {"doc": dict(blocks=B, font=rng.choice(["libserif", "serif"]), base_size=10.5, footer="{page}"), "tstyle": "ascii", "hstyle": "under"}


# ================================================================== 6. current scores + annex with previous cycle (reference only)
def fam_prev_annex(s, rng, fmt):
    prng = make_rng(s.seed, "prev")
    swap = rng.random() < 0.5  # max column before score column
    B = [("title", title_line(s, rng)), ("p", "City Performance & Recommendations", {"align": "c", "bold": True})]
    B.append(("table", [["City", s.city_print], ["State", state_line(s)], ["Current assessment", cyc(s)]], {"header": 0, "widths": [1, 3], "frac": 0.6}))
    for para in intro_paras(s, rng, 1):
        B.append(("p", para))
    B.append(("h", 1, f"Results of the current assessment ({cyc(s)})"))
    hdr = ["Code", "Indicator"] + (["Maximum marks", "Marks obtained"] if swap else ["Marks obtained", "Maximum marks"])
    rows = [hdr]
    for p, items in by_pillar(s):
        for i in items:
            sc = [n(i["max"]), n(i["score"])] if swap else [n(i["score"]), n(i["max"])]
            rows.append([i["code"].replace("&", " & "), i["ptitle"]] + sc)
    B.append(("table", rows, {"widths": [1, 5, 1.3, 1.3], "align_right_cols": [2, 3], "size": 9}))
    on = omitted_note(s)
    if on:
        B.append(("small", on))
    B.append(("h", 1, "Recommendations"))
    for p, items in by_pillar(s):
        for i in items:
            B.append(("p", f"{i['code'].replace('&', ' & ')} {i['ptitle']}", {"bold": True}))
            B.append(("p", rec_text(s, i, rng)))
    B.append(("pb",))
    if s.cycle in (2, 3):
        pc = s.cycle - 1
        plab = {1: "Cycle 1 (2019)", 2: "Cycle 2 (2020-21)"}[pc]
        B.append(("h", 1, f"Annexure – Previous cycle results: {plab}"))
        B.append(("p", f"FOR REFERENCE ONLY. The table below reproduces the city's marks in {plab}, which used a different set of indicators. "
                       f"These marks are not part of the present ({cyc(s)}) assessment.", {"italic": True}))
        prow = [[f"Code ({plab.split(' (')[0]})", "Indicator", "Marks obtained", "Maximum marks"]]
        for code, title, mx in CAT[pc]:
            sc = round(prng.choice([0, 0.25, 0.5, 0.75, 1]) * mx * 2) / 2
            prow.append([code.replace("&", " & "), title, n(sc), n(mx)])
        B.append(("table", prow, {"widths": [1.6, 5, 1.3, 1.3], "size": 8.5, "headbg": "#eeeeee"}))
    else:
        B.append(("h", 1, "Annexure – Indicative targets for the next cycle"))
        B.append(("p", "The targets below are indicative marks the city may aim for in the next cycle. They are NOT marks awarded in this assessment.", {"italic": True}))
        prow = [["Code", "Indicator", "Target marks (next cycle)"]]
        for p, items in by_pillar(s):
            for i in items:
                prow.append([i["code"], i["ptitle"], n(min(i["max"], i["score"] + round(prng.random() * (i["max"] - i["score"]) / 5) * 5))])
        B.append(("table", prow, {"widths": [1, 5, 2], "size": 8.5}))
    return {"doc": dict(blocks=B, font=rng.choice(["sans", "liberation", "libserif"]), base_size=10,
                        footer=f"{cyc(s)} – City Performance & Recommendations – {{page}}", footer_pos="c"),
            "tstyle": rng.choice(["ascii", "pipe"]), "hstyle": rng.choice(["md", "under"])}


# ================================================================== 7. box-drawing table with wrapped cells (txt, pdf mono)
REMARKS = ["Approved by the Board on {d}", "{k} departments covered", "{k} officials trained", "Office order dated {d}",
           "{k} datasets live on portal", "Budget head created", "Evidence partially submitted", "{k} stories published", "No evidence", "—"]


def fam_boxdraw(s, rng, fmt):
    L = []
    W = 100
    L.append(f"{FRAMEWORK.upper()}".center(W).rstrip())
    L.append("CITY PERFORMANCE & RECOMMENDATIONS".center(W).rstrip())
    L.append("")
    meta = [["City", s.city_print], ["State", state_line(s)], ["Cycle", cyc(s)]]
    L.append(grid_table([["Particulars", "Details"]] + meta, [14, 40], style="box"))
    L.append("")
    rows = [["Sl.", "Code", "Indicator", "Marks\nObtained", "Max.\nMarks", "Remarks"]]
    sl = 1
    for p, items in by_pillar(s):
        for i in items:
            rem = rng.choice(REMARKS).format(d=rng.choice(["14.08.2020", "02.12.2020", "11.01.2021"]), k=rng.randint(2, 35))
            rows.append([str(sl), i["code"].replace("&", " & "), i["ptitle"], n(i["score"]), n(i["max"]), rem])
            sl += 1
        a, b = ptot(items)
        rows.append(["", "", f"Sub-total, Pillar {p} ({PILLARS[p]})", n(a), n(b), ""])
    L.append(grid_table(rows, [3, 5, 30, 8, 5, 22], style="box", right=(3, 4)))
    on = omitted_note(s)
    if on:
        L.append(on)
    L.append("")
    L.append("RECOMMENDATIONS")
    L.append("")
    for p, items in by_pillar(s):
        for i in items:
            L.append(f"[{i['code'].replace('&', ' & ')}] {i['ptitle']}")
            L += ["    " + x for x in textwrap.wrap(rec_text(s, i, rng), W - 8)]
            L.append("")
    txt = "\n".join(L)
    if fmt == "txt":
        return {"txt": txt}
    lines = txt.split("\n")
    B = []
    for k in range(0, len(lines), 64):
        if k:
            B.append(("pb",))
        B.append(("mono", "\n".join(lines[k:k + 64]), 7.2))
    return {"doc": dict(blocks=B, margins=12, font="mono", footer="{page}")}


# ================================================================== 8. sub-criteria breakdown per indicator
SUBC = ["Documentary evidence submitted", "Approval by competent authority", "Implementation on ground", "Publication / dissemination",
        "Periodic review and update", "Coverage across departments", "Quality of submission"]


def split_max(mx, rng):
    k = rng.choice([2, 3, 3, 4]) if mx >= 15 else 2
    unit = 5 if mx % 5 == 0 and mx / 5 >= k else 1
    units = int(mx / unit)
    cuts = sorted(rng.sample(range(1, units), k - 1)) if units > k else list(range(1, k))
    parts = [b - a for a, b in zip([0] + cuts, cuts + [units])]
    return [x * unit for x in parts]


def alloc(score, parts, rng):
    got = [0.0] * len(parts)
    rem = score
    idx = list(range(len(parts)))
    rng.shuffle(idx)
    for j in idx:
        take = min(parts[j], rem)
        got[j] = take
        rem -= take
    return got


def fam_subcriteria(s, rng, fmt):
    B = [("title", f"{FRAMEWORK}\n{cyc(s)}"), ("p", f"Assessment workbook – {place(s)}" + ("" if s.state_print else f" ({s.state})"), {"align": "c", "bold": True})]
    B.append(("p", "For each indicator, the marks are built up from the sub-criteria listed. The row 'Indicator score' gives the marks awarded to the city for that indicator."))
    for p, items in by_pillar(s):
        B.append(("h", 1, f"{p}. {PILLARS[p]}"))
        for i in items:
            parts = split_max(int(i["max"]), rng)
            got = alloc(i["score"], parts, rng)
            subs = rng.sample(SUBC, len(parts))
            rows = [["Sub-criterion", "Marks available", "Marks given"]]
            rows += [[sc, n(pm), n(g)] for sc, pm, g in zip(subs, parts, got)]
            rows.append(["Indicator score", n(i["max"]), n(i["score"])])
            B.append(("h", 3, f"{code_fmt(i['code'], 'dot')}  {i['ptitle']}"))
            B.append(("table", rows, {"widths": [4, 1.3, 1.3], "size": 8.5, "bold_rows": [len(rows) - 1], "frac": 0.8, "align_right_cols": [1, 2]}))
        a, b = ptot(items)
        B.append(("p", f"Pillar {p} total: {n(a)} marks out of {n(b)}", {"bold": True}))
    on = omitted_note(s)
    if on:
        B.append(("small", on))
    B.append(("h", 1, "Recommendations"))
    B.append(("ul", [f"{i['code'].replace('&', ' & ')}: {rec_text(s, i, rng)}" for i in shown(s)]))
    return {"doc": dict(blocks=B, font=rng.choice(["liberation", "sans", "serif"]), base_size=9.5, header_left=f"{s.city_short} – DMAF {cyc(s)}", footer="Sheet {page}", footer_pos="r"),
            "tstyle": "ascii", "hstyle": "md"}


# ================================================================== 9. peer benchmark table
def fam_benchmark(s, rng, fmt):
    brng = make_rng(s.seed, "bench")
    cityhdr = rng.choice([s.city_short, f"{s.city_short} (this city)", "Your city"])
    B = [("title", f"{FRAMEWORK} ({cyc(s)})\nBenchmarking report")]
    B.append(("p", f"City: {s.city_print}" + (f"      State: {s.state_print}" if s.state_print else f"      State: {s.state}"), {"align": "c", "bold": True}))
    B.append(("p", f"The column '{cityhdr}' gives the marks obtained by {s.city_short}. The national average and the highest marks among participating cities are shown for comparison only."))
    rows = [["Code", "Indicator", "Max", cityhdr, "% of max", "National average", "Highest among cities"]]
    for p, items in by_pillar(s):
        for i in items:
            avg = round(brng.random() * i["max"] * 0.8, 1)
            hi = i["max"] if brng.random() < 0.7 else max(i["score"], round(brng.random() * i["max"] * 2) / 2)
            rows.append([i["code"].replace("&", " & "), i["ptitle"], n(i["max"]), n(i["score"]), pct(i), f"{avg:.1f}", n(hi)])
    B.append(("table", rows, {"widths": [0.9, 4, 0.7, 1.1, 0.9, 1.1, 1.1], "size": 8.5, "align_right_cols": [2, 3, 4, 5, 6], "zebra": True}))
    on = omitted_note(s)
    if on:
        B.append(("small", on))
    B.append(("h", 2, "Observations"))
    obs = []
    for i in rng.sample(shown(s), min(4, len(shown(s)))):
        obs.append(f"In {i['code'].replace('&', ' & ')} ({i['ptitle']}), {s.city_short} obtained {n(i['score'])} of {n(i['max'])} marks.")
    B.append(("ul", obs))
    B.append(("h", 2, "Recommendations"))
    for i in shown(s):
        B.append(("p", f"{i['code'].replace('&', ' & ')} – {rec_text(s, i, rng)}"))
    return {"doc": dict(blocks=B, font=rng.choice(["sans", "liberation"]), base_size=9.5, landscape=rng.random() < 0.4, footer="p. {page}"),
            "tstyle": "pipe", "hstyle": "md"}


# ================================================================== 10. web portal text dump (lynx-style)
def fam_webdump(s, rng, fmt):
    L = []
    refs = ["https://smartcities.gov.in/", "https://smartcities.data.gov.in/", "https://smartcities.data.gov.in/dmaf",
            "https://smartcities.data.gov.in/dmaf/results", "https://smartcities.data.gov.in/contact", "https://smartcities.data.gov.in/login"]
    L.append("   [1]Home  [2]Open Data Portal  [3]DMAF  [4]Results  [5]Contact Us  [6]Login")
    L.append("")
    L.append(f"   [7]Skip to main content      A-  A  A+      [8]हिन्दी")
    L.append("")
    L.append(f"   Home > DataSmart Cities > DMAF {cyc(s)} > City Results > {s.city_short}")
    L.append("")
    L.append(f"                         {s.city_print} ({s.state})")
    L.append(f"                {FRAMEWORK} – {cyc(s)} – City Performance")
    L.append("")
    L.append(f"   Last updated: {s.date or '—'}        Views: {rng.randint(120, 9800)}")
    L.append("")
    k = 9
    sep = rng.choice([" | ", " · "])
    for p, items in by_pillar(s):
        a, b = ptot(items)
        L.append(f"   {PILLARS[p].upper()} — pillar score {n(a)} pts of {n(b)}")
        L.append("")
        for i in items:
            refs.append(f"https://smartcities.data.gov.in/dmaf/guidance/{i['code'].replace('&', '-')}")
            L.append(f"     * {i['code'].replace('&', ' & ')} {i['ptitle']} [{k}]Guidance")
            L.append(f"       Score {n(i['score'])} pts{sep}Maximum {n(i['max'])} pts{sep}{pct(i)}")
            for ln in textwrap.wrap(rec_text(s, i, rng), 70):
                L.append("       " + ln)
            L.append("")
            k += 1
    on = omitted_note(s)
    if on:
        L += ["   " + on, ""]
    L.append(f"   © {rng.choice(['2021', '2022'])} Smart Cities Mission, MoHUA. [{k}]Terms  [{k + 1}]Privacy")
    refs += ["https://smartcities.gov.in/terms", "https://smartcities.gov.in/privacy"]
    L.append("")
    L.append("References")
    L.append("")
    for j, r in enumerate(refs, 1):
        L.append(f"  {j:>3}. {r}")
    return {"txt": "\n".join(L)}


# ================================================================== 11. bilingual Hindi-English
def fam_bilingual(s, rng, fmt):
    B = [("title", "डेटा परिपक्वता मूल्यांकन ढाँचा\nData Maturity Assessment Framework")]
    B.append(("p", "शहर का प्रदर्शन एवं सिफारिशें / City Performance & Recommendations", {"align": "c", "bold": True}))
    B.append(("table", [["विवरण / Particulars", "जानकारी / Details"], ["शहर / City", s.city_print], ["राज्य / State", state_line(s)],
                        ["चक्र / Cycle", cyc(s)]], {"widths": [1.5, 3], "frac": 0.7}))
    for p, items in by_pillar(s):
        a, b = ptot(items)
        B.append(("h", 2, f"स्तंभ {p} – {HINDI_PILLAR[p]} / Pillar {p} – {PILLARS[p]}"))
        rows = [["कोड / Code", "संकेतक / Indicator", "प्राप्त अंक / Marks obtained", "अधिकतम अंक / Maximum marks"]]
        rows += [[i["code"].replace("&", " & "), i["ptitle"], n(i["score"]), n(i["max"])] for i in items]
        rows.append(["", "योग / Total", n(a), n(b)])
        B.append(("table", rows, {"widths": [1, 4, 1.4, 1.4], "size": 8.5, "bold_rows": [len(rows) - 1], "align_right_cols": [2, 3]}))
    on = omitted_note(s)
    if on:
        B.append(("small", "जिन संकेतकों का मूल्यांकन नहीं हुआ, वे सूची में नहीं हैं। / " + on))
    B.append(("pb",))
    B.append(("h", 1, "सिफारिशें / Recommendations"))
    for i in shown(s):
        B.append(("p", f"{i['code'].replace('&', ' & ')} {i['ptitle']}", {"bold": True}))
        B.append(("p", rec_text(s, i, rng)))
    return {"doc": dict(blocks=B, font=rng.choice(["sans", "serif"]), base_size=10, footer=("पृष्ठ / Page {page}" if fmt == "docx" else "Page {page}"))}


# ================================================================== 12. compact brief with inline scores
def fam_brief(s, rng, fmt):
    sc = rng.choice(["{a}/{b}", "{a} of {b}", "{a}/{b} marks"])
    B = [("p", "BRIEF FOR REVIEW MEETING", {"bold": True, "align": "c", "size": 13})]
    B.append(("p", f"Subject: {FRAMEWORK}, {cyc(s)} – performance of {s.city_print} ({s.state})", {"bold": True}))
    B.append(("p", f"Meeting: {rng.choice(['11:30 hrs', '15:00 hrs', '10:00 hrs'])}, Committee Room No. {rng.randint(101, 345)}, Nirman Bhawan"))
    B.append(("h", 2, "1. Marks by pillar"))
    items = []
    for p, its in by_pillar(s, pillar_order(rng)):
        a, b = ptot(its)
        parts = "; ".join(f"{i['code'].replace('&', ' & ')} {i['ptitle']} {sc.format(a=n(i['score']), b=n(i['max']))}" for i in its)
        items.append(f"{PILLARS[p]} ({n(a)} of {n(b)}): {parts}.")
    B.append(("ul", items, "–"))
    on = omitted_note(s)
    if on:
        B.append(("p", on))
    B.append(("h", 2, "2. Points for discussion"))
    weak = sorted(shown(s), key=lambda i: i["score"] / i["max"])[:4]
    B.append(("ol", [f"{i['ptitle']} ({i['code'].replace('&', ' & ')}): {rec_text(s, i, rng)}" for i in weak]))
    B.append(("h", 2, "3. Action by"))
    B.append(("p", "CEO, Smart City SPV; City Data Officer. Compliance report within 30 days."))
    return {"doc": dict(blocks=B, font=rng.choice(["libserif", "liberation", "narrow"]), base_size=10.5, footer="{page}"),
            "tstyle": "ascii", "hstyle": "caps"}


FAMILIES = {
    "landscape_pillar_columns": (fam_landscape, ("pdf", "docx")),
    "summary_then_detail": (fam_summary_detail, ("pdf", "docx", "txt")),
    "rst_manual": (fam_rst, ("txt",)),
    "docx_header_nested": (fam_header_nested, ("docx", "pdf")),
    "cover_letter_annex": (fam_cover_letter, ("pdf", "docx", "txt")),
    "prev_cycle_annex": (fam_prev_annex, ("pdf", "docx", "txt")),
    "boxdraw_wrapped": (fam_boxdraw, ("txt", "pdf")),
    "subcriteria_breakdown": (fam_subcriteria, ("pdf", "docx", "txt")),
    "peer_benchmark": (fam_benchmark, ("pdf", "docx", "txt")),
    "web_portal_dump": (fam_webdump, ("txt",)),
    "bilingual_columns": (fam_bilingual, ("docx", "pdf")),
    "inline_brief": (fam_brief, ("txt", "docx", "pdf")),
}
