"""Families: mohua_recs, brochure_scorecard, excel_sheet, email_txt, ocr_dump."""
import csv
import io
import textwrap

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, letter, landscape
from reportlab.lib.units import mm
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle, PageBreak, NextPageTemplate, KeepTogether, CondPageBreak

import dm_render as R
from dm_model import (PILLARS, cycle_title, recommendation, observation, INTRO, TOP5, grand_total, pillar_total,
                      date_str, FRAMEWORK)
from fam_common import Look, by_pillar, ordered, pct_str, exact_pct

BULLETS = {
    "budget": ["Salaries for data team including CDO, data coordinators, data analysts and database administrator",
               "Analytics software for data analysis", "Capacity building sessions, regional workshops and certifications",
               "Expenses for organising data hackathons / data challenges, including prize money"],
    "team": ["Data Policy & Regulatory expert", "Capacity Building & Stakeholders' Outreach expert", "Survey Lead",
             "Data Scientist", "Statistician", "Data Architecture expert", "Open Data expert", "Data Engineer",
             "Data Analyst", "Web developer", "GIS expert"],
    "analytics": ["Descriptive (tells you what happened in the past)",
                  "Diagnostic (helps you understand why something happened)",
                  "Predictive (predicts what is most likely to happen in the future)",
                  "Prescriptive (recommends actions you can take to affect outcomes)"],
    "sensors": ["Hierarchical files (JSON, XML, YAML, etc.)", "Real-time stream", "Objects", "Videos", "Images",
                "Locational data"],
}


def _score_line(L, i, ss):
    s, mx = L.s(i), L.mx(i)
    if i["score"] is None:
        pre = ["Score:", "Score:", "Marks:", "Score obtained:", "Score:", "Score -"][ss]
        return f"{pre} {L.na} (max. {mx})" if ss != 4 else f"Score: **{L.na}** (out of {mx})"
    return [f"Score: {s}/{mx}", f"Score: {s} / {mx}", f"Marks: {s}/{mx}", f"Score obtained: {s} out of {mx}",
            f"Score: **{s}/{mx}**", f"Score - {s}/{mx}"][ss]


def _heading(L, i, hs):
    c, t = L.code(i), i["ptitle"]
    return [f"Indicator {c}: {t}", f"{c} {t}", f"Indicator {c} – {t}", f"{c}. {t}", f"Indicator {c} | {t}"][hs]


# ============================================================ 1. mohua_recs
def fam_mohua(m, rng, fmt, base):
    L = Look(m, rng, code_styles=("dot", "dot", "dot", "upper", "paren"), num_styles=("int", "int", "int", "dec1"))
    short, org = m["short"], m["org"]
    title = cycle_title(m, rng)
    sub = rng.choice(["City Performance & Recommendations", "City Performance and Recommendations",
                      "City Performance & Recommendations Report"])
    state = m["state_p"]
    show_state = rng.random() < 0.75
    name = rng.choice([short, short, org])
    cl = rng.randrange(5)
    if cl == 0:
        city_lines = [f"City: {name} | State: {state}" if show_state else f"City: {name}"]
    elif cl == 1:
        city_lines = [f"City: {name}"] + ([f"State: {state}"] if show_state else [])
    elif cl == 2:
        city_lines = [f"{name}, {state}" if show_state else name]
    elif cl == 3:
        city_lines = [f"Smart City: {name}" + (f"   State: {state}" if show_state else "")]
    else:
        city_lines = [f"Name of the City: {name}"] + ([f"Name of the State: {state}"] if show_state else [])
    hs = rng.randrange(5)
    ss = rng.randrange(6)
    if fmt != "txt" and ss == 4:
        ss = 0
    pillar_heads = rng.random() < 0.35
    order = ordered(m, rng, shuffle_prob=0.3 if fmt == "txt" else 0.15)

    # blocks: list of dicts
    blocks = [("title", title), ("sub", sub)] + [("city", c) for c in city_lines]
    if rng.random() < 0.4:
        blocks.append(("p", rng.choice(INTRO)))
    blocks.append(("h2", rng.choice(["City Recommendations", "Recommendations", "Indicator-wise Performance and Recommendations"])))
    bp = {}
    for i in order:
        bp.setdefault(i["pillar"], []).append(i)
    displaced = {}
    if fmt == "txt" and rng.random() < 0.45:
        # pick indicators whose max is unique in its pillar and displace their score
        for p, lst in bp.items():
            if rng.random() < 0.35 and len(lst) > 2:
                cands = [k for k, i in enumerate(lst) if [j["max"] for j in lst].count(i["max"]) == 1 and k < len(lst) - 1]
                if cands:
                    k = rng.choice(cands)
                    displaced[lst[k]["code"]] = rng.choice(["after_next", "before_own"]) if k > 0 else "after_next"
    for p in sorted(bp):
        if pillar_heads:
            blocks.append(("pillar", rng.choice([f"Pillar {p}: {PILLARS[p]}", f"PILLAR {p} – {PILLARS[p].upper()}",
                                                 f"{PILLARS[p]}"])))
        lst = bp[p]
        pending_after = []
        for k, i in enumerate(lst):
            line = _score_line(L, i, ss)
            mode = displaced.get(i["code"])
            if mode == "before_own":
                blocks.append(("score", line))
                blocks.append(("ind", _heading(L, i, hs), None))
            elif mode == "after_next":
                blocks.append(("ind", _heading(L, i, hs), None))
                pending_after.append(line)
            else:
                blocks.append(("ind", _heading(L, i, hs), line))
            for para in recommendation(rng, i, short):
                blocks.append(("p", para))
            if i["topic"] in BULLETS and rng.random() < 0.6:
                blocks.append(("bullets", BULLETS[i["topic"]]))
            if mode != "after_next" and pending_after:
                for pl in pending_after:
                    blocks.append(("score", pl))
                pending_after = []
        for pl in pending_after:
            blocks.append(("score", pl))
        blocks.append(("gap",))
    if L.any_na and L.na_legend():
        blocks.append(("p", L.na_legend()))

    if fmt == "txt":
        return _mohua_txt(blocks, rng, base, m)
    if fmt == "docx":
        return _mohua_docx(blocks, rng, base, m, L)
    return _mohua_pdf(blocks, rng, base, m, L)


def _mohua_txt(blocks, rng, base, m):
    out = ["\n" * rng.randint(1, 5)]
    bullet = rng.choice(["- ", "• ", "* ", "o "])
    for b in blocks:
        pad = "\n" * rng.choice([1, 1, 1, 2, 3, 5])
        t = b[0]
        if t == "ind":
            out.append(b[1] + "\n\n")
            if b[2]:
                out.append(b[2] + "\n\n")
        elif t == "bullets":
            items = b[1]
            if len(items) > 6 and rng.random() < 0.5:
                n = (len(items) + 2) // 3
                groups = [items[j:j + n] for j in range(0, len(items), n)]
                out.append("\n\n".join("\n".join(bullet + x for x in g) for g in groups) + "\n\n")
            else:
                out.append("\n".join(bullet + x for x in items) + "\n\n")
        elif t == "gap":
            out.append("\n" * rng.randint(2, 6))
        else:
            out.append(b[1] + "\n" + pad)
    p = base + ".txt"
    with open(p, "w", encoding="utf-8") as f:
        f.write("".join(out))
    return p


def _mohua_pdf(blocks, rng, base, m, L):
    fontn = rng.choice(["LSans", "DSans", "LSerif", "DCond"])
    col = rng.choice(["#1F3864", "#0B6E4F", "#7B2D26", "#2E4A7D", "#4B2C83", "#00576B"])
    acc = rng.choice(["#DDEBF7", "#E2F0D9", "#FCE4D6", "#EDE7F6", "#FFF2CC"])
    head_txt = (f"DMAF {m['label']}" if not m["label"].startswith("DMAF") else m["label"])
    st = R.PDFStyle(fontname=fontn, size=rng.choice([9.5, 10, 10.5]), color=col, accent=acc,
                    pagesize=rng.choice([A4, A4, letter]),
                    header=(rng.choice(["City Performance & Recommendations", "DataSmart Cities", "Smart Cities Mission"]),
                            head_txt) if rng.random() < 0.7 else None,
                    pagenum=rng.choice(["Page {n}", "{n}", "- {n} -", "Page {n} of {N}"]),
                    pagenum_pos=rng.choice(["center", "right"]), justify=rng.random() < 0.5,
                    band=col if rng.random() < 0.3 else None)
    S = R.pdf_styles(st)
    W = st.pagesize[0] - (st.margins[2] + st.margins[3]) * mm
    box = rng.random() < 0.6
    boxw = rng.choice([30, 34, 40]) * mm
    box_label = rng.choice(["", "Score<br/>", "Marks<br/>", "Score: "])
    story = []
    title_band = rng.random() < 0.5
    for b in blocks:
        t = b[0]
        if t == "title":
            if title_band:
                tb = Table([[Paragraph(R.esc(b[1]), ParagraphStyle("tt", parent=S["h1"], textColor=colors.white))]],
                           colWidths=[W])
                tb.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), R.hex2color(col)),
                                        ("TOPPADDING", (0, 0), (-1, -1), 10), ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                                        ("LEFTPADDING", (0, 0), (-1, -1), 10)]))
                story.append(tb)
                story.append(Spacer(1, 6))
            else:
                story.append(Paragraph(R.esc(b[1]), S["h1"]))
        elif t == "sub":
            story.append(Paragraph(R.esc(b[1]), S["h2"]))
        elif t == "city":
            story.append(Paragraph("<b>" + R.esc(b[1]) + "</b>", S["p"]))
        elif t == "h2":
            story.append(Spacer(1, 8)); story.append(Paragraph(R.esc(b[1]), S["h2"]))
        elif t == "pillar":
            story.append(CondPageBreak(60 * mm)); story.append(Paragraph(R.esc(b[1]), S["h2"]))
        elif t == "ind":
            head = Paragraph(R.esc(b[1]), S["h3"])
            if b[2] and box:
                txt = R.strip_md(b[2])
                val = txt.split(":", 1)[-1].strip() if ":" in txt else txt
                bs = ParagraphStyle("bx", parent=S["cellb"], alignment=TA_CENTER, fontSize=st.size + 1,
                                    leading=(st.size + 1) * 1.3)
                cell = Paragraph(box_label + R.esc(val), bs)
                tb = Table([[head, cell]], colWidths=[W - boxw - 4 * mm, boxw])
                tb.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                        ("BACKGROUND", (1, 0), (1, 0), R.hex2color(acc)),
                                        ("BOX", (1, 0), (1, 0), 0.8, R.hex2color(col)),
                                        ("LEFTPADDING", (0, 0), (0, 0), 0)]))
                story.append(CondPageBreak(35 * mm)); story.append(tb); story.append(Spacer(1, 4))
            else:
                story.append(CondPageBreak(30 * mm)); story.append(head)
                if b[2]:
                    story.append(Paragraph("<b>" + R.esc(R.strip_md(b[2])) + "</b>", S["p"]))
        elif t == "score":
            story.append(Paragraph("<b>" + R.esc(R.strip_md(b[1])) + "</b>", S["p"]))
        elif t == "p":
            story.append(Paragraph(R.esc(b[1]), S["p"]))
        elif t == "bullets":
            for x in b[1]:
                story.append(Paragraph(R.esc(x), S["bullet"], bulletText="•"))
            story.append(Spacer(1, 4))
        elif t == "gap":
            story.append(Spacer(1, 8))
    p = base + ".pdf"
    R.build_pdf(p, story, st, title="City Performance & Recommendations")
    return p


def _mohua_docx(blocks, rng, base, m, L):
    fn = rng.choice(["Calibri", "Arial", "Cambria", "Segoe UI", "Times New Roman"])
    d = R.docx_new(fn, rng.choice([10, 11, 11]))
    col = rng.choice(["1F3864", "0B6E4F", "7B2D26", "2E4A7D"])
    if rng.random() < 0.6:
        R.docx_header_footer(d, header=f"{FRAMEWORK} | {m['label']}", pagenum=rng.choice(["Page {n}", "{n}", "Page {n} of {N}"]))
    box = rng.random() < 0.5
    use_styles = rng.random() < 0.6
    for b in blocks:
        t = b[0]
        if t == "title":
            R.dpar(d, b[1], bold=True, size=20, color=col, align=rng.choice([None, "center"]))
        elif t == "sub":
            R.dpar(d, b[1], bold=True, size=14, color=col)
        elif t == "city":
            R.dpar(d, b[1], bold=True, size=12)
        elif t in ("h2", "pillar"):
            R.dhead(d, b[1], 1, use_style=use_styles, color=col)
        elif t == "ind":
            if b[2] and box:
                tb = d.add_table(rows=1, cols=2)
                tb.style = d.styles["Table Grid"]
                c0, c1 = tb.cell(0, 0), tb.cell(0, 1)
                R._runs(c0.paragraphs[0], b[1], bold=True, size=12, color=col)
                R._runs(c1.paragraphs[0], R.strip_md(b[2]), bold=True)
                R.shade(c1, "DDEBF7")
                c0.width = R.Cm(12.5); c1.width = R.Cm(3.8)
                d.add_paragraph()
            else:
                R.dhead(d, b[1], 2, use_style=use_styles, color=col)
                if b[2]:
                    R.dpar(d, b[2], bold=True)
        elif t == "score":
            R.dpar(d, b[1], bold=True)
        elif t == "p":
            R.dpar(d, b[1], align="justify" if rng.random() < 0.3 else None)
        elif t == "bullets":
            for x in b[1]:
                try:
                    R.dpar(d, x, style="List Bullet")
                except KeyError:
                    R.dpar(d, "• " + x)
        elif t == "gap":
            pass
    p = base + ".docx"
    R.docx_save(d, p)
    return p


# ============================================================ 2. brochure_scorecard
def _scorecard_rows(m, L, rng, variant, pillar_rows, subtotal, show_pct):
    head = {0: ["Code", "Indicator", "Max. Marks", "Score"],
            1: ["Indicator No.", "Indicator", "Marks Scored", "Out of"],
            2: ["#", "Indicator", "Maximum", "Obtained"],
            3: ["Ref.", "Parameter", "Score", "Max"]}[variant]
    score_first = variant in (1, 3)
    if show_pct:
        head = head + ["%"]
    rows = [head]
    bold = []
    bp = by_pillar(m)
    for p in sorted(bp):
        if pillar_rows:
            r = [f"Pillar {p}", PILLARS[p].upper() if rng.random() < 0.5 else f"{PILLARS[p]}", "", ""]
            if show_pct:
                r.append("")
            rows.append(r); bold.append(len(rows) - 1)
        for i in bp[p]:
            a, b_ = (L.s(i), L.mx(i)) if score_first else (L.mx(i), L.s(i))
            r = [L.code(i), i["ptitle"], a, b_]
            if show_pct:
                r.append(pct_str(i) if i["score"] is not None else "–")
            rows.append(r)
        if subtotal:
            t = L.ptotal(p)
            a, b_ = (t, "100") if score_first else ("100", t)
            r = ["", f"{PILLARS[p]} – sub-total", a, b_]
            if show_pct:
                r.append("")
            rows.append(r); bold.append(len(rows) - 1)
    t = L.total_str()
    a, b_ = (t, "500") if score_first else ("500", t)
    r = ["", "Total", a, b_]
    if show_pct:
        r.append(f"{100*grand_total(m)/500:.1f}%")
    rows.append(r); bold.append(len(rows) - 1)
    return rows, bold


def fam_brochure(m, rng, fmt, base):
    L = Look(m, rng, code_styles=("dot", "dot", "upper", "plain"), num_styles=("int", "int", "dec1"))
    variant = rng.randrange(4)
    pillar_rows = rng.random() < 0.6
    subtotal = rng.random() < 0.4
    show_pct = rng.random() < 0.3
    rows, bold = _scorecard_rows(m, L, rng, variant, pillar_rows, subtotal, show_pct)
    cover_name = rng.choice([m["short"].upper(), m["org"].upper(), m["short"], m["org"]])
    show_state = rng.random() < 0.6
    recs_with_scores = rng.random() < 0.25
    order = ordered(m, rng, 0.1)
    lab = m["label"]
    big = lab if (lab.startswith("DMAF") or lab.startswith("Cycle")) else f"DMAF {lab}"
    if fmt == "docx":
        fn = rng.choice(["Calibri", "Montserrat", "Arial", "Segoe UI"])
        d = R.docx_new(fn, 10.5)
        col = rng.choice(["C00000", "1F4E79", "006666", "7030A0"])
        for _ in range(4):
            d.add_paragraph()
        R.dpar(d, "DATA MATURITY ASSESSMENT FRAMEWORK", bold=True, size=22, color=col, align="center")
        R.dpar(d, big, bold=True, size=28, align="center")
        R.dpar(d, "City Performance & Recommendations", size=16, align="center")
        d.add_paragraph()
        R.dpar(d, cover_name, bold=True, size=26, color=col, align="center")
        if show_state:
            R.dpar(d, m["state_p"], size=14, align="center")
        for _ in range(6):
            d.add_paragraph()
        R.dpar(d, "Smart Cities Mission | Ministry of Housing and Urban Affairs", size=10, align="center")
        R.dbreak(d)
        R.docx_header_footer(d, header=f"{m['short']} | {big}", pagenum="{n}")
        R.dhead(d, rng.choice(["Scorecard", "City Scorecard", "Performance at a Glance"]), 1, color=col)
        if rng.random() < 0.5:
            R.dpar(d, rng.choice(INTRO))
        R.dtable(d, rows, header=True, style=rng.choice(["Table Grid", "Light Grid Accent 1", "Light List Accent 1", "Medium Shading 1 Accent 1"]),
                 bold_rows=bold, size=9.5, widths_cm=[2.0, 9.5, 2.5, 2.5] + ([1.6] if show_pct else []))
        if L.any_na and L.na_legend():
            R.dpar(d, L.na_legend(), italic=True, size=8.5)
        R.dbreak(d)
        R.dhead(d, "Recommendations", 1, color=col)
        for i in order:
            h = f"{L.code(i)} {i['ptitle']}"
            if recs_with_scores:
                h += f" ({L.frac(i)})"
            R.dhead(d, h, 2, color=col)
            for para in recommendation(rng, i, m["short"]):
                R.dpar(d, para)
        p = base + ".docx"
        R.docx_save(d, p)
        return p
    # PDF
    col = rng.choice(["#C00000", "#1F4E79", "#006666", "#7030A0", "#E46C0A", "#2F5597"])
    fontn = rng.choice(["LSans", "DSans", "DCond", "LNarrow"])
    st = R.PDFStyle(fontname=fontn, size=9.5, color=col, accent=rng.choice(["#F2F2F2", "#FDE9D9", "#DEEAF1"]),
                    header=(f"{FRAMEWORK}", f"{m['short']} | {big}"), pagenum=rng.choice(["{n}", "Page {n}"]),
                    pagenum_pos="right", columns=2 if rng.random() < 0.6 else 1, band=col if rng.random() < 0.5 else None,
                    margins=(20, 18, 16, 16))
    S = R.pdf_styles(st)
    W, H = st.pagesize
    state_p = m["state_p"]

    def cover(c, doc):
        c.saveState()
        c.setFillColor(R.hex2color(col)); c.rect(0, 0, W, H, stroke=0, fill=1)
        c.setFillColor(colors.Color(1, 1, 1, alpha=0.12))
        for k in range(6):
            c.circle(W * (0.15 + 0.15 * k), H * 0.18, 40 + 12 * k, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont(R.font(fontn, "B"), 13); c.drawString(20 * mm, H - 30 * mm, "SMART CITIES MISSION")
        c.setFont(R.font(fontn), 9); c.drawString(20 * mm, H - 36 * mm, "Ministry of Housing and Urban Affairs, Government of India")
        c.setFont(R.font(fontn, "B"), 24); c.drawString(20 * mm, H - 95 * mm, "Data Maturity")
        c.drawString(20 * mm, H - 106 * mm, "Assessment Framework")
        c.setFont(R.font(fontn, "B"), 34); c.drawString(20 * mm, H - 125 * mm, big)
        c.setFont(R.font(fontn), 14); c.drawString(20 * mm, H - 137 * mm, "City Performance & Recommendations")
        fs = 30 if len(cover_name) < 22 else 22
        words, lines_, cur = cover_name.split(" "), [], ""
        for w_ in words:
            t_ = (cur + " " + w_).strip()
            if c.stringWidth(t_, R.font(fontn, "B"), fs) > W - 40 * mm and cur:
                lines_.append(cur); cur = w_
            else:
                cur = t_
        lines_.append(cur)
        c.setFont(R.font(fontn, "B"), fs)
        yy = H - 170 * mm
        for ln in lines_:
            c.drawString(20 * mm, yy, ln); yy -= fs * 1.2
        if show_state:
            c.setFont(R.font(fontn), 14); c.drawString(20 * mm, yy - 2 * mm, state_p)
        c.setFont(R.font(fontn), 8); c.drawString(20 * mm, 15 * mm, "DataSmart Cities: Empowering Cities through Data")
        c.restoreState()

    story = [NextPageTemplate("single"), PageBreak()]
    story.append(Paragraph(R.esc(rng.choice(["Scorecard", "City Scorecard", "Performance at a Glance"])), S["h1"]))
    if rng.random() < 0.5:
        story.append(Paragraph(R.esc(rng.choice(INTRO)), S["p"]))
    if rng.random() < 0.3 and m["cycle"] > 1:
        msg = (f"In this cycle, {TOP5} were ranked first to fifth." if m["cycle"] == 2 else
               f"In the previous cycle, {TOP5} were among the top-ranked cities.")
        story.append(Paragraph(R.esc(msg), S["small"]))
    fw = W - 32 * mm
    widths = [18 * mm, fw - 18 * mm - 44 * mm - (16 * mm if show_pct else 0), 22 * mm, 22 * mm] + ([16 * mm] if show_pct else [])
    story.append(R.pdf_table(rows, st, S, widths, header=True, ruled=rng.random() < 0.5, align_right_cols=(2, 3, 4),
                             zebra=rng.random() < 0.4, head_bg=col, bold_rows=bold))
    if L.any_na and L.na_legend():
        story.append(Spacer(1, 4)); story.append(Paragraph(R.esc(L.na_legend()), S["small"]))
    story.append(NextPageTemplate("body")); story.append(PageBreak())
    story.append(Paragraph("Recommendations", S["h1"]))
    for i in order:
        h = f"{L.code(i)}  {i['ptitle']}"
        if recs_with_scores:
            h += f"  [{L.frac(i)}]"
        story.append(Paragraph(R.esc(h), S["h3"]))
        for para in recommendation(rng, i, m["short"]):
            story.append(Paragraph(R.esc(para), S["p"]))
    p = base + ".pdf"
    R.build_pdf(p, story, st, cover_fn=cover)
    return p


# ============================================================ 3. excel_sheet
def _excel_rows(m, L, rng):
    v = rng.randrange(4)
    merged = rng.random() < 0.5
    bp = by_pillar(m)
    pname = rng.choice(["name", "num", "both"])
    def pl(p):
        return {"name": PILLARS[p], "num": f"Pillar {p}", "both": f"{p}. {PILLARS[p]}"}[pname]
    if v == 0:
        head = ["S.No.", "Pillar", "Indicator No.", "Indicator", "Maximum Marks", "Marks Awarded", "Remarks"]
    elif v == 1:
        head = ["Sr", "Pillar", "Code", "Indicator Name", "Marks Obtained", "Max Marks", "%"]
    elif v == 2:
        head = ["Pillar", "Indicator", "Description", "Max", "Score"]
    else:
        head = ["#", "Indicator Code", "Indicator", "Pillar", "Weightage (Max)", "City Score", "Remarks"]
    rows = [head]
    n = 0
    for p in sorted(bp):
        for k, i in enumerate(bp[p]):
            n += 1
            pc = pl(p) if (k == 0 or not merged) else ""
            rem = ""
            if i["score"] is None:
                rem = "Not assessed"
            elif rng.random() < 0.25:
                rem = rng.choice(["Docs verified", "Partially met", "Evidence awaited", "As per MIS", "Clarification received"])
            if v == 0:
                rows.append([str(n), pc, L.code(i), i["ptitle"], L.mx(i), L.s(i), rem])
            elif v == 1:
                rows.append([str(n), pc, L.code(i), i["ptitle"], L.s(i), L.mx(i),
                             pct_str(i, 0) if i["score"] is not None else "NA"])
            elif v == 2:
                rows.append([pc, L.code(i), i["ptitle"], L.mx(i), L.s(i)])
            else:
                rows.append([str(n), L.code(i), i["ptitle"], pl(p), L.mx(i), L.s(i), rem])
        if rng.random() < 0.3 and v != 2:
            pass
    tot = L.total_str()
    if v == 0:
        rows.append(["", "", "", "TOTAL", "500", tot, ""])
    elif v == 1:
        rows.append(["", "", "", "Grand Total", tot, "500", f"{100*grand_total(m)/500:.0f}%"])
    elif v == 2:
        rows.append(["", "", "Total", "500", tot])
    else:
        rows.append(["", "", "Total", "", "500", tot, ""])
    return rows, v


def fam_excel(m, rng, fmt, base, queue=None):
    L = Look(m, rng, code_styles=("dot", "dot", "plain", "paren"), num_styles=("int", "dec1", "dec2", "int"),
             na_words=["NA", "N/A", "Not assessed", "-"])
    if L.na == "-":
        L.na = "NA"
    rows, v = _excel_rows(m, L, rng)
    name = rng.choice([m["org"], m["short"], m["short"].upper()])
    lab = m["label"]
    if lab.startswith("DMAF"):
        ttl = f"{lab} – Indicator-wise marks"
    else:
        ttl = rng.choice([f"DMAF {lab} – Indicator-wise marks", f"{FRAMEWORK} {lab} – Marks Sheet",
                          f"Evaluation Sheet – {FRAMEWORK} ({lab})"])
    tops = [["Smart Cities Mission, Ministry of Housing and Urban Affairs"], [ttl],
            ["Name of Smart City", name]]
    if rng.random() < 0.75:
        tops.append(["State", m["state_p"]])
    if rng.random() < 0.4:
        tops.append(["Assessment cycle", m["label"]])
    if fmt == "txt":
        ncol = len(rows[0])
        allrows = [t + [""] * (ncol - len(t)) for t in tops] + [[""] * ncol] + rows
        sty = rng.choice(["csv", "tab", "tab"])
        txt = R.txt_table(allrows, sty)
        if sty == "tab" and rng.random() < 0.5:
            txt = "\n".join(l.rstrip("\t") for l in txt.split("\n"))
        if L.any_na:
            txt += "\n\nNA = not assessed (not counted in total)\n" if sty != "csv" else "\nNA = not assessed (not counted in total)\n"
        p = base + ".txt"
        with open(p, "w", encoding="utf-8") as f:
            f.write(txt + "\n")
        return p
    fontn = rng.choice(["LNarrow", "LSans", "DCond"])
    st = R.PDFStyle(fontname=fontn, size=8.5, pagesize=landscape(A4), header=("", "Sheet1") if rng.random() < 0.5 else None,
                    pagenum=rng.choice(["Page {n}", "Page {n} of {N}"]), margins=(15, 15, 12, 12), header_rule=False,
                    table_font_size=8.5)
    S = R.pdf_styles(st)
    story = []
    for t in tops:
        if len(t) == 1:
            story.append(Paragraph("<b>" + R.esc(t[0]) + "</b>", S["p"]))
        else:
            story.append(Paragraph("<b>" + R.esc(t[0]) + ":</b> " + R.esc(t[1]), S["p"]))
    story.append(Spacer(1, 4))
    W = st.pagesize[0] - 24 * mm
    nc = len(rows[0])
    wide_idx = [k for k, h in enumerate(rows[0]) if h in ("Indicator", "Indicator Name", "Description")][0]
    ws = [W * 0.08] * nc
    for k, h in enumerate(rows[0]):
        if h in ("Pillar",):
            ws[k] = W * 0.11
        if h in ("Remarks",):
            ws[k] = W * 0.15
    ws[wide_idx] = W - (sum(ws) - ws[wide_idx])
    story.append(R.pdf_table(rows, st, S, ws, header=True, ruled=True, head_bg=rng.choice(["#D9D9D9", "#BDD7EE", "#C6E0B4"]),
                             bold_rows=[len(rows) - 1], align_right_cols=tuple(k for k, h in enumerate(rows[0]) if h in ("Maximum Marks", "Marks Awarded", "Marks Obtained", "Max Marks", "Max", "Score", "Weightage (Max)", "City Score", "%"))))
    if L.any_na:
        story.append(Spacer(1, 3)); story.append(Paragraph("NA = not assessed (not counted in total)", S["small"]))
    p = base + ".pdf"
    R.build_pdf(p, story, st)
    return p


# ============================================================ 4. email_txt
def _sentence(L, i, rng, k):
    c, t = L.code(i), i["ptitle"]
    s, mx = L.s(i), L.mx(i)
    if i["score"] is None:
        return rng.choice([f"Indicator {c} ({t}) could not be assessed this time (maximum {mx} marks); it has not been counted.",
                           f"{c} {t}: not assessed (max {mx})."])
    forms = [f"Under indicator {c} ({t}), the city secured {s} of {mx} marks.",
             f"{c} {t}: {s}/{mx}",
             f"For {t} ({c}) the city scored {s} out of a maximum of {mx}.",
             f"- {c} {t} -- {s} / {mx}",
             f"{c} – {t}: {s} marks (max. {mx})"]
    return forms[k]


def fam_email(m, rng, fmt, base):
    L = Look(m, rng, code_styles=("dot", "dot", "paren", "plain"), num_styles=("int", "int", "dec1"))
    k = rng.randrange(5)
    org = m["org"]
    cityname = rng.choice([m["short"], org])
    dt = m["date"]
    lab = m["label"]
    subj_cycle = lab if lab.startswith("DMAF") else f"DMAF {lab}"
    to_dom = m["city"].lower().replace(" ", "").replace("-", "")[:12]
    lines = []
    fwd = rng.random() < 0.4
    hdr = [f"From: DataSmart Cities Team <datasmart-{rng.randint(10,99)}@smartcities.example.in>",
           f"To: CDO {cityname} <cdo.{to_dom}@{to_dom}.example.in>",
           f"Cc: CEO, {org}",
           f"Date: {date_str(dt, rng.choice([0, 2, 3]))} {rng.randint(9,18)}:{rng.randint(0,59):02d}",
           f"Subject: {subj_cycle} - City Performance & Recommendations - {cityname}"]
    if fwd:
        lines += [f"From: Office of the CEO, {org}", f"To: HoDs (all departments)",
                  f"Subject: Fwd: {subj_cycle} results", "", "For information and necessary action.", "",
                  "Regards,", "CEO", "", "---------- Forwarded message ---------"]
    lines += hdr + [""]
    body = [rng.choice(["Dear Sir/Madam,", "Dear CDO,", "Respected Sir,", "Dear Team,"]), ""]
    st = m["state_p"]
    intro = (f"Please find below the performance of {cityname}" + (f" ({st})" if rng.random() < 0.6 else "") +
             f" in the {FRAMEWORK} ({lab}) along with the indicator-wise recommendations.")
    body += textwrap.wrap(intro, 72) + [""]
    if rng.random() < 0.5:
        body += textwrap.wrap(f"The overall score of the city is {L.total_str()} out of 500.", 72) + [""]
    bp = by_pillar(m)
    for p in sorted(bp):
        if rng.random() < 0.7:
            body.append(rng.choice([f"{PILLARS[p].upper()}", f"Pillar {p} - {PILLARS[p]}", f"[{PILLARS[p]}]"]))
        for i in bp[p]:
            sent = _sentence(L, i, rng, k)
            body += textwrap.wrap(sent, 72, subsequent_indent="  " if sent.startswith("-") else "")
            if rng.random() < 0.35:
                rec = recommendation(rng, i, m["short"], 1)[0]
                body += textwrap.wrap("Recommendation: " + rec, 72)
            if k in (0, 2):
                body.append("")
        body.append("")
    body += textwrap.wrap("The detailed report will be shared on the portal. You are requested to take necessary action on "
                          "the recommendations before the next cycle.", 72)
    body += ["", "Warm regards,", "DataSmart Cities Team", "Smart Cities Mission, MoHUA", "",
             "This e-mail and any attachments are confidential and intended only for the addressee."]
    if fwd and rng.random() < 0.5:
        body = ["> " + b if b else ">" for b in body]
    lines += body
    txt = "\n".join(lines) + "\n"
    if fmt == "docx":
        d = R.docx_new(rng.choice(["Calibri", "Arial", "Consolas"]), 10.5)
        for ln in lines:
            p = R.dpar(d, ln, space_after=0)
        pth = base + ".docx"
        R.docx_save(d, pth)
        return pth
    pth = base + ".txt"
    with open(pth, "w", encoding="utf-8", newline="\r\n" if rng.random() < 0.3 else "\n") as f:
        f.write(txt)
    return pth


# ============================================================ 5. ocr_dump
def _noise(rng, s, p=0.02):
    subs = [("m", "rn"), ("l", "1"), ("fi", "ﬁ"), ("e", "c"), ("o", "0"), ("ti", "ti"), (".", ","), ("h", "b")]
    out = []
    words = s.split(" ")
    for w in words:
        if rng.random() < p * 3 and len(w) > 3 and not any(ch.isdigit() for ch in w):
            a, b = rng.choice(subs)
            w = w.replace(a, b, 1)
        out.append(w)
    return " ".join(out)


def fam_ocr(m, rng, fmt, base):
    L = Look(m, rng, code_styles=("dot", "upper", "paren"), num_styles=("int",))
    width = rng.choice([70, 76, 82, 90])
    upper_heads = rng.random() < 0.6 and m["cycle"] == 2
    pages = [[]]
    cur = pages[0]
    hdr_line = rng.choice(["SMART CITIES MISSION", "Government of India - Ministry of Housing & Urban Affairs",
                           f"DMAF {m['label']}" if not m["label"].startswith("DMAF") else m["label"]])
    def add(line=""):
        cur.append(line)
    add(rng.choice(["GOVERNMENT OF INDIA", "Govt. of India"]))
    add("MINISTRY OF HOUSING AND URBAN AFFAIRS")
    add("(Smart Cities Mission)")
    add("")
    add(cycle_title(m, rng, upper=True))
    add(rng.choice(["CITY PERFORMANCE & RECOMMENDATIONS", "City Performance & Recommendations"]))
    add("")
    nm = rng.choice([m["short"], m["org"]])
    nm = nm.upper() if rng.random() < 0.5 else nm
    if rng.random() < 0.5:
        add(f"City : {nm}" + (f"      State : {m['state_p']}" if rng.random() < 0.7 else ""))
    else:
        add(f"Name of City  :  {nm}")
        if rng.random() < 0.7:
            add(f"State         :  {m['state_p']}")
    add("")
    for ln in textwrap.wrap(_noise(rng, rng.choice(INTRO)), width):
        add(ln)
    add("")
    sc_style = rng.randrange(4)
    for i in ordered(m, rng, 0.15):
        c = L.code(i)
        t = i["ptitle"].upper() if upper_heads else i["ptitle"]
        if len(cur) > rng.randint(38, 55):
            cur = []
            pages.append(cur)
        head = rng.choice([f"Indicator {c} : {t}", f"INDICATOR {c}: {t}" if upper_heads else f"Indicator {c}: {t}"])
        add(head)
        s, mx = L.s(i), L.mx(i)
        if i["score"] is None:
            sl = f"Score : {L.na} (Max. {mx})"
        else:
            sl = [f"Score : {s} / {mx}", f"Score: {s}/{mx}", f"Marks obtained : {s}   Max. Marks : {mx}",
                  f"SCORE  {s}/{mx}"][sc_style]
        add(sl)
        add("")
        for para in recommendation(rng, i, m["short"]):
            txt = _noise(rng, para)
            wrapped = textwrap.wrap(txt, width)
            for j, ln in enumerate(wrapped):
                if j < len(wrapped) - 1 and rng.random() < 0.15:
                    nxt = wrapped[j + 1].split(" ")[0]
                    if len(nxt) > 5:
                        cut = len(nxt) // 2
                        ln = ln + " " + nxt[:cut] + "-"
                        wrapped[j + 1] = nxt[cut:] + wrapped[j + 1][len(nxt):]
                add(ln)
            add("")
    add("")
    add("Sd/-")
    add(rng.choice(["(Mission Director)", "Director (Smart Cities)", "Under Secretary to the Govt. of India"]))
    if L.any_na:
        add("")
        add(f"Note: {L.na} - not assessed; not counted in the total.")
    out = []
    N = len(pages)
    for n, pg in enumerate(pages, 1):
        if n > 1:
            out.append(hdr_line)
            out.append("")
        out.extend(pg)
        out.append("")
        out.append(rng.choice([f"- {n} -", f"Page {n} of {N}", f"{n}", f"Page {n}"]) if True else "")
        if n < N:
            out.append("\f" if rng.random() < 0.5 else "\n\n")
    p = base + ".txt"
    with open(p, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    return p
