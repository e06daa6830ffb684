"""Families: markdown_portal, minutes_narrative, fixed_width_printout, matrix_grid, questionnaire_form."""
import textwrap

from fpdf import FPDF
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle, PageBreak

import dm_render as R
from dm_model import (PILLARS, cycle_title, recommendation, observation, INTRO, TOP5, grand_total, pillar_total,
                      date_str, FRAMEWORK)
from fam_common import Look, by_pillar, ordered, pct_str, exact_pct

FONTDIR = "/usr/share/fonts/truetype/"


class FooterPDF(FPDF):
    def __init__(self, foot, fontname, **kw):
        super().__init__(**kw)
        import datetime
        self.set_creation_date(datetime.datetime(2021, 7, 1, tzinfo=datetime.timezone.utc))
        self._foot = foot
        self._fn = fontname

    def footer(self):
        self.set_y(-13)
        self.set_font(self._fn, "", 8)
        self.cell(0, 5, self._foot.format(n=self.page_no(), N="{nb}"), align=self._align if hasattr(self, "_align") else "C")


# ============================================================ 11. markdown_portal
def fam_markdown(m, rng, fmt, base):
    L = Look(m, rng, code_styles=("dot", "dot", "upper"), num_styles=("int", "dec1"))
    lab = m["label"]
    out = []
    fm = rng.random() < 0.4
    name = rng.choice([m["short"], m["org"]])
    show_state = rng.random() < 0.7
    if fm:
        out += ["---", f"title: \"{cycle_title(m, rng)} – City Performance & Recommendations\"",
                f"city: \"{name}\""] + ([f"state: \"{m['state_p']}\""] if show_state else []) + \
               [f"cycle: \"{lab}\"", f"generated: {m['date'][2]}-{m['date'][1]:02d}-{m['date'][0]:02d}", "---", ""]
    else:
        out += [f"# {cycle_title(m, rng)}", "", "## City Performance & Recommendations", "",
                f"**City:** {name}  "] + ([f"**State:** {m['state_p']}"] if show_state else []) + [""]
    if rng.random() < 0.5:
        out += ["> " + rng.choice(INTRO), ""]
    style = rng.randrange(3)
    bp = by_pillar(m)
    if style == 0:
        align = rng.random() < 0.5
        out += ["## Scorecard", "", "| Code | Indicator | Score | Max |",
                "|:-----|:----------|------:|----:|" if align else "|---|---|---|---|"]
        for p in sorted(bp):
            for i in bp[p]:
                out.append(f"| {L.code(i)} | {i['ptitle']} | {L.s(i)} | {L.mx(i)} |")
        out.append(f"| | **Total** | **{L.total_str()}** | **500** |")
        out.append("")
        out += ["## Recommendations", ""]
        for i in ordered(m, rng, 0.1):
            out += [f"### {L.code(i)} {i['ptitle']}", ""]
            for para in recommendation(rng, i, m["short"]):
                out += [para, ""]
    else:
        for p in sorted(bp):
            out += [f"## Pillar {p} — {PILLARS[p]}  ({L.ptotal(p)}/100)" if rng.random() < 0.5 else f"## {p}. {PILLARS[p]}", ""]
            for i in bp[p]:
                if style == 1:
                    sc = f"**{L.s(i)}** / {L.mx(i)}" if i["score"] is not None else f"_{L.na}_ (max {L.mx(i)})"
                    out.append(f"- **{L.code(i)}** {i['ptitle']} — {sc}")
                else:
                    out += [f"### {L.code(i)} · {i['ptitle']}", ""]
                    if i["score"] is None:
                        out += [f"`score: {L.na}`  `max: {L.mx(i)}`", ""]
                    else:
                        out += [f"`score: {L.s(i)}`  `max: {L.mx(i)}`", ""]
                    for para in recommendation(rng, i, m["short"], 1):
                        out += [para, ""]
            out.append("")
    if L.any_na and L.na_legend():
        out += ["", "_" + L.na_legend() + "_"]
    out += ["", "---", f"*Exported from the DataSmart Cities knowledge portal on {date_str(m['date'], 0)}.*"]
    p = base + ".txt"
    with open(p, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    return p


# ============================================================ 12. minutes_narrative
def _narr(L, i, rng, cityref):
    c, t, s, mx = L.code(i), i["ptitle"], L.s(i), L.mx(i)
    if i["score"] is None:
        return rng.choice([f"Indicator {c} ({t}) could not be assessed, as the required documents were not received; "
                           f"its {mx} marks have been kept out of the total.",
                           f"{t} ({c}, maximum {mx} marks) was not assessed in this cycle."])
    if i["score"] == 0 and rng.random() < 0.4:
        return rng.choice([f"No marks could be awarded for {t} ({c}); the city scored nil out of {mx}.",
                           f"For {t} (indicator {c}) the city scored 0 of the {mx} marks available."])
    if i["score"] == i["max"] and rng.random() < 0.5:
        return f"{cityref} earned full marks ({s}/{mx}) for {t} (indicator {c})."
    ep = exact_pct(i)
    forms = [f"Under {t} (indicator {c}), {cityref} secured {s} of {mx} marks.",
             f"{cityref} was awarded {s}/{mx} for indicator {c}, {t}.",
             f"In {c} – {t} – the city scored {s} against a maximum of {mx}.",
             f"Indicator {c} ({t}): {s} marks obtained out of {mx}.",
             f"The maximum for {t} ({c}) is {mx} marks, of which the city obtained {s}."]
    if ep and rng.random() < 0.25:
        forms = [f"For {t} ({c}) the city achieved {ep} of the {mx} marks available, i.e. {s} marks."]
    return rng.choice(forms)


def fam_minutes(m, rng, fmt, base):
    L = Look(m, rng, code_styles=("dot", "paren", "dot"), num_styles=("int",))
    lab = m["label"]
    kind = rng.randrange(2)
    name = rng.choice([m["short"], m["org"]])
    cityref = rng.choice(["the city", m["short"], "the Smart City"])
    cap = lambda s: s[0].upper() + s[1:]
    title = ("Minutes of the review meeting on " + (f"DMAF {lab}" if not lab.startswith("DMAF") else lab) + " results"
             if kind == 0 else f"Assessment Note: {cycle_title(m, rng)} – City Performance & Recommendations")
    paras = []
    head_lines = [title]
    if kind == 0:
        head_lines += [f"Venue: Conference Hall, {m['org']}", f"Date: {date_str(m['date'], rng.randrange(5))}",
                       "Chair: Chief Executive Officer"]
        if rng.random() < 0.7:
            head_lines.append(f"City / State: {m['short']}, {m['state_p']}")
        paras.append(f"The CDO of {name} presented the outcome of the {FRAMEWORK} ({lab}) for the city. "
                     f"The following indicator-wise position was noted.")
    else:
        head_lines += [f"City: {name}"] + ([f"State: {m['state_p']}"] if rng.random() < 0.7 else []) + \
                      [f"Date: {date_str(m['date'], rng.randrange(5))}"]
        paras.append(rng.choice(INTRO))
    bp = by_pillar(m)
    sections = []
    for p in sorted(bp):
        sents = [_narr(L, i, rng, cityref) for i in bp[p]]
        sents = [cap(s) for s in sents]
        if rng.random() < 0.5:
            body = " ".join(sents)
            sections.append((f"{p}. {PILLARS[p]}", [body]))
        else:
            sections.append((f"{p}. {PILLARS[p]}", sents))
        if rng.random() < 0.4:
            i = rng.choice(bp[p])
            sections[-1][1].append("Action point: " + recommendation(rng, i, m["short"], 1)[0])
    closing = [f"The overall score of the city stands at {L.total_str()} out of 500." if rng.random() < 0.7 else
               "The meeting ended with a vote of thanks to the chair.",
               "All HoDs were requested to submit compliance on the action points within 30 days."]
    if fmt == "txt":
        out = head_lines + [""]
        for ptxt in paras:
            out += textwrap.wrap(ptxt, 95) + [""]
        for h, ss in sections:
            out.append(h)
            for s in ss:
                out += textwrap.wrap(s, 95)
                out.append("")
        for ptxt in closing:
            out += textwrap.wrap(ptxt, 95) + [""]
        pth = base + ".txt"
        with open(pth, "w", encoding="utf-8") as f:
            f.write("\n".join(out))
        return pth
    if fmt == "docx":
        d = R.docx_new(rng.choice(["Calibri", "Arial", "Times New Roman"]), 11)
        R.dpar(d, head_lines[0], bold=True, size=14, align="center")
        for hl in head_lines[1:]:
            R.dpar(d, hl, space_after=0)
        R.dpar(d, "")
        for ptxt in paras:
            R.dpar(d, ptxt, align="justify")
        num = rng.random() < 0.5
        for h, ss in sections:
            R.dpar(d, h, bold=True, space_after=2)
            for s in ss:
                R.dpar(d, s, align="justify", style="List Number" if num and len(ss) > 1 else None)
        for ptxt in closing:
            R.dpar(d, ptxt)
        pth = base + ".docx"
        R.docx_save(d, pth)
        return pth
    # PDF via fpdf2
    pagefmt = rng.choice(["Page {n}", "- {n} -", "{n}"])
    fam = rng.choice([("LiberationSerif", "liberation/LiberationSerif"), ("LiberationSans", "liberation/LiberationSans"),
                      ("DejaVuSerif", "dejavu/DejaVuSerif")])
    nm, path = fam
    pdf = FooterPDF(pagefmt, nm, format=rng.choice(["A4", "Letter"]))
    if nm.startswith("DejaVu"):
        pdf.add_font(nm, "", FONTDIR + path + ".ttf"); pdf.add_font(nm, "B", FONTDIR + path + "-Bold.ttf")
    else:
        pdf.add_font(nm, "", FONTDIR + path + "-Regular.ttf"); pdf.add_font(nm, "B", FONTDIR + path + "-Bold.ttf")
    pdf.set_auto_page_break(True, 18)
    pdf.set_margins(22, 20, 22)
    pdf.add_page()
    pdf.set_font(nm, "B", 13)
    pdf.multi_cell(0, 7, head_lines[0], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(nm, "", 10.5)
    for hl in head_lines[1:]:
        pdf.cell(0, 5.5, hl, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for ptxt in paras:
        pdf.multi_cell(0, 5.3, ptxt, align="J", new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
    for h, ss in sections:
        pdf.set_font(nm, "B", 11); pdf.cell(0, 7, h, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(nm, "", 10.5)
        for s in ss:
            pdf.multi_cell(0, 5.3, s, align="J", new_x="LMARGIN", new_y="NEXT"); pdf.ln(1.5)
    pdf.ln(2)
    for ptxt in closing:
        pdf.multi_cell(0, 5.3, ptxt, new_x="LMARGIN", new_y="NEXT"); pdf.ln(1.5)
    pth = base + ".pdf"
    pdf.output(pth)
    return pth


# ============================================================ 13. fixed_width_printout
def fam_fixed(m, rng, fmt, base):
    L = Look(m, rng, code_styles=("dot", "upper", "plain"), num_styles=("dec2", "dec1", "int"), na_words=["NA", "N.A.", "NOT ASSESSED"])
    W = rng.choice([96, 100, 110])
    lab = m["label"]
    tw = W - 8 - 2 - 24
    rid = f"DMAF/{m['cycle']}/{rng.randint(100, 999)}"
    maxfirst = rng.random() < 0.6
    leaders = rng.random() < 0.5
    upper_c = rng.random() < 0.5
    nm = m["org"].upper() if upper_c else m["org"]
    st = m["state_p"].upper() if upper_c else m["state_p"]
    show_state = rng.random() < 0.75
    hdr = [
        "SMART CITIES MISSION - MINISTRY OF HOUSING AND URBAN AFFAIRS".center(W).rstrip(),
        f"{FRAMEWORK.upper()} : {lab}".center(W).rstrip(),
        "CITY PERFORMANCE REPORT".center(W).rstrip(),
        "",
        f"REPORT ID : {rid}".ljust(W - 28) + f"RUN DATE : {date_str(m['date'], 2)}",
        f"CITY      : {nm}",
    ]
    if show_state:
        hdr.append(f"STATE     : {st}")
    colh = f"{'CODE':<8}  {'INDICATOR':<{tw}}" + (f"{'MAX':>10}{'SCORED':>10}" if maxfirst else f"{'SCORED':>10}{'MAX':>10}")
    lines = []
    bp = by_pillar(m)
    for p in sorted(bp):
        lines.append(("", f"PILLAR {p} : {PILLARS[p].upper()}"))
        for i in bp[p]:
            t = i["ptitle"]
            wr = textwrap.wrap(t, tw)
            a, b = (L.mx(i), L.s(i)) if maxfirst else (L.s(i), L.mx(i))
            first = wr[0]
            if leaders and len(wr) == 1:
                first = (first + " ").ljust(tw, ".")
            lines.append(("row", f"{L.code(i):<8}  {first:<{tw}}{a:>10}{b:>10}"))
            for extra in wr[1:]:
                lines.append(("row", f"{'':<8}  {extra}"))
        pt = L.ptotal(p)
        a, b = ("100", pt) if maxfirst else (pt, "100")
        lines.append(("row", f"{'':<8}  {'PILLAR TOTAL':<{tw}}{a:>10}{b:>10}"))
        lines.append(("", ""))
    gt = L.total_str()
    a, b = ("500", gt) if maxfirst else (gt, "500")
    lines.append(("row", f"{'':<8}  {'GRAND TOTAL':<{tw}}{a:>10}{b:>10}"))
    if L.any_na:
        lines.append(("", ""))
        lines.append(("", f"{L.na} : INDICATOR NOT ASSESSED - EXCLUDED FROM TOTALS"))
    lines.append(("", ""))
    lines.append(("", "*** END OF REPORT ***".center(W)))
    per = rng.choice([40, 48, 56])
    pages = [lines[k:k + per] for k in range(0, len(lines), per)]
    out = []
    for n, pg in enumerate(pages, 1):
        if n == 1:
            out += hdr + [""]
        else:
            out += [f"{rid}  {nm}".ljust(W - 10) + f"PAGE {n:>4}"]
        out += ["-" * W, colh, "-" * W]
        out += [x[1] for x in pg]
        out += ["", f"PAGE {n} OF {len(pages)}".rjust(W)]
        if n < len(pages):
            out.append("\f")
    if fmt == "txt":
        pth = base + ".txt"
        with open(pth, "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
        return pth
    pth = base + ".pdf"
    ps = landscape(A4) if W > 100 else A4
    c = rl_canvas.Canvas(pth, pagesize=ps)
    fn = R.font(rng.choice(["LMono", "DMono"]))
    fs = min(8.6, (ps[0] - 20 * mm) / (W * 0.6))
    y = ps[1] - 14 * mm
    stripe = rng.random() < 0.5
    k = 0
    for ln in out:
        if ln == "\f":
            c.showPage(); y = ps[1] - 14 * mm; k = 0
            continue
        if stripe and (k // 3) % 2 == 1:
            c.setFillColor(colors.HexColor("#E8F3E8")); c.rect(8 * mm, y - 1.6, ps[0] - 16 * mm, fs * 1.25, stroke=0, fill=1)
        c.setFillColor(colors.black); c.setFont(fn, fs)
        c.drawString(10 * mm, y, ln)
        y -= fs * 1.25; k += 1
        if y < 12 * mm:
            c.showPage(); y = ps[1] - 14 * mm
    c.showPage()
    c.save()
    return pth


# ============================================================ 14. matrix_grid
def fam_matrix(m, rng, fmt, base):
    L = Look(m, rng, code_styles=("dot",), num_styles=("int",), na_words=["NA", "Not assessed", "n.a."])
    bp = by_pillar(m)
    letters = ["a", "b", "c", "d", "e"]
    sep = rng.choice(["/", " of ", " / "])
    def cell(i):
        if i["score"] is None:
            return f"{L.na} ({L.mx(i)})"
        return f"{L.s(i)}{sep}{L.mx(i)}"
    head = ["Pillar"] + [f"({l})" if rng.random() < 0 else l for l in letters] + ["Total"]
    rows = [head]
    combo_note = None
    for p in sorted(bp):
        r = [f"{p} {PILLARS[p]}"]
        slots = {}
        for i in bp[p]:
            if "&" in i["code"]:
                slots["c"] = f"c+d: {cell(i)}"
                slots["d"] = "(with c)"
                combo_note = f"For Pillar 1, indicators 1.c and 1.d are assessed together as one indicator ({L.combo}) with a maximum of {L.mx(i)} marks."
            else:
                slots[i["code"].split(".")[1]] = cell(i)
        r += [slots.get(l, "–") for l in letters]
        r.append(f"{L.ptotal(p)}/100")
        rows.append(r)
    rows.append(["Grand total"] + [""] * 5 + [f"{L.total_str()}/500"])
    legend = []
    for p in sorted(bp):
        for i in bp[p]:
            legend.append(f"{L.code(i)} {i['ptitle']}")
    notes = [f"Cell format: marks obtained{sep}maximum marks.",
             "Each cell corresponds to the indicator numbered by the pillar (row) and the letter (column); '–' = no such indicator."]
    if combo_note:
        notes.append(combo_note)
    if L.any_na:
        notes.append(f"{L.na} = not assessed; maximum marks in brackets.")
    lab = m["label"]
    title = cycle_title(m, rng)
    name = rng.choice([m["short"], m["org"], m["short"].upper()])
    show_state = rng.random() < 0.7
    cline = f"City: {name}" + (f"   |   State: {m['state_p']}" if show_state else "")
    recs = rng.random() < 0.5
    if fmt == "txt":
        out = [title, "Indicator score matrix", cline, ""]
        out += R.txt_table(rows, rng.choice(["grid", "pipe"])).split("\n")
        out += [""] + ["Note: " + n_ for n_ in notes] + ["", "Legend – indicators:"] + ["  " + l for l in legend]
        if recs:
            out += ["", "Recommendations"]
            for i in ordered(m, rng, 0):
                out += ["", f"{L.code(i)} {i['ptitle']}"] + textwrap.wrap(recommendation(rng, i, m["short"], 1)[0], 90)
        pth = base + ".txt"
        with open(pth, "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
        return pth
    if fmt == "docx":
        d = R.docx_new(rng.choice(["Calibri", "Arial"]), 10, landscape_=True, margins_mm=(18, 18, 18, 18))
        R.dpar(d, title, bold=True, size=16)
        R.dpar(d, "Indicator score matrix", size=12)
        R.dpar(d, cline, bold=True)
        R.dtable(d, rows, style="Table Grid", head_fill="E2EFDA", bold_rows=[len(rows) - 1], size=9.5)
        for n_ in notes:
            R.dpar(d, "Note: " + n_, italic=True, size=9, space_after=0)
        R.dpar(d, "")
        R.dpar(d, "Legend – indicators", bold=True)
        lt = [legend[k:k + 2] for k in range(0, len(legend), 2)]
        lt = [r + [""] * (2 - len(r)) for r in lt]
        R.dtable(d, lt, header=False, style=None, size=9)
        if recs:
            R.dbreak(d)
            R.dhead(d, "Recommendations", 1)
            for i in ordered(m, rng, 0):
                R.dpar(d, f"{L.code(i)} {i['ptitle']}", bold=True, space_after=1)
                R.dpar(d, recommendation(rng, i, m["short"], 1)[0])
        pth = base + ".docx"
        R.docx_save(d, pth)
        return pth
    st = R.PDFStyle(fontname=rng.choice(["LSans", "DSans", "LSerif"]), size=9.5, pagesize=landscape(A4),
                    margins=(18, 16, 16, 16), pagenum="{n}", header=("", f"{m['short']} – DMAF") if rng.random() < 0.5 else None)
    S = R.pdf_styles(st)
    W = st.pagesize[0] - 32 * mm
    story = [Paragraph(R.esc(title), S["h1"]), Paragraph("Indicator score matrix", S["h3"]),
             Paragraph("<b>" + R.esc(cline) + "</b>", S["p"]), Spacer(1, 4)]
    ws = [W * 0.16] + [W * 0.13] * 5 + [W * 0.19]
    story.append(R.pdf_table(rows, st, S, ws, header=True, ruled=True, head_bg="#E2EFDA", bold_rows=[len(rows) - 1]))
    story.append(Spacer(1, 5))
    for n_ in notes:
        story.append(Paragraph(R.esc("Note: " + n_), S["small"]))
    story.append(Spacer(1, 5))
    story.append(Paragraph("<b>Legend – indicators</b>", S["p"]))
    lt = [legend[k:k + 3] for k in range(0, len(legend), 3)]
    lt = [r + [""] * (3 - len(r)) for r in lt]
    story.append(R.pdf_table(lt, st, S, [W / 3] * 3, header=False, ruled=False))
    if recs:
        story.append(PageBreak())
        story.append(Paragraph("Recommendations", S["h2"]))
        for i in ordered(m, rng, 0):
            story.append(Paragraph(R.esc(f"{L.code(i)} {i['ptitle']}"), S["h3"]))
            story.append(Paragraph(R.esc(recommendation(rng, i, m["short"], 1)[0]), S["p"]))
    pth = base + ".pdf"
    R.build_pdf(pth, story, st)
    return pth


# ============================================================ 15. questionnaire_form
QTEXT = {
    "policy": "Has the city approved a City Data Policy?", "policycomp": "Does the policy cover the prescribed components?",
    "budget": "Has the city allocated budget for data-related initiatives?", "cdo": "Has the city appointed a City Data Officer?",
    "coord": "Have data coordinators been appointed in departments?", "team": "Has a data team been constituted?",
    "cbmin": "Did the data team attend trainings organised by the Ministry?",
    "cbcity": "Has the city organised its own capacity building activities?",
    "alliance": "Has the city formed data alliances with external stakeholders?",
    "hack": "Has the city conducted data hackathons or challenges?",
    "challenge": "Has data been used to solve an urban challenge?", "analytics": "Does the city have analytics capability?",
    "sensors": "Are sensors deployed for data collection?", "datasets": "How many datasets are published on the portal?",
    "schedule": "Is there a schedule for updating published datasets?", "apis": "How many APIs are published?",
    "gis": "Is spatial data available as GIS layers?", "stories": "Has the city published data stories or blogs?",
    "usecases": "Has the city implemented data-related use cases?", "apps": "Has the city developed applications?",
    "alerts": "Does the city issue alerts and notifications to citizens?",
    "governance": "Is a data governance structure in place?", "collection": "Are data collection processes documented?",
    "quality": "Are data quality checks defined?", "sharing": "Are data sharing arrangements in place?",
    "security": "Are data security guidelines adopted?",
}


def fam_form(m, rng, fmt, base):
    L = Look(m, rng, code_styles=("dot", "paren", "upper"), num_styles=("int", "dec1"))
    lab = m["label"]
    name = rng.choice([m["short"], m["org"]])
    show_state = rng.random() < 0.75
    form_no = f"Form DMAF-{rng.choice(['E', 'A', 'V'])}{rng.randint(1, 9)}"
    items = []
    for i in ordered(m, rng, 0):
        yes = i["score"] is not None and i["score"] > 0
        ev = "☑ Yes   ☐ No" if yes else ("☐ Yes   ☐ No" if i["score"] is None else "☐ Yes   ☑ No")
        if i["score"] is None:
            marks = f"Marks awarded: {L.na} (Max. {L.mx(i)})"
        else:
            marks = rng.choice([f"Marks awarded: {L.s(i)}   (Max. {L.mx(i)})", f"Max. marks: {L.mx(i)}   Marks awarded: {L.s(i)}"])
        items.append((i, QTEXT.get(i["topic"], "Status of the indicator"), ev, marks, observation(rng, i)))
    title = f"{form_no}: Evaluation Sheet – {cycle_title(m, rng)}"
    sub = "City Performance & Recommendations – assessor's record"
    top = [("Name of Smart City", name)]
    if show_state:
        top.append(("State / UT", m["state_p"]))
    top.append(("Assessment cycle", lab))
    top.append(("Assessor", rng.choice(["Evaluation Agency", "DMAF Assessment Team", "PMC – Data Cell"])))
    if fmt == "docx":
        d = R.docx_new(rng.choice(["Arial", "Calibri", "Tahoma"]), 10)
        R.dpar(d, title, bold=True, size=13)
        R.dpar(d, sub, italic=True)
        R.dtable(d, [list(x) for x in top], header=False, style="Table Grid", widths_cm=[5, 11])
        d.add_paragraph()
        pil = None
        for i, q, ev, marks, obs in items:
            if i["pillar"] != pil:
                pil = i["pillar"]
                R.dpar(d, f"Section {pil}: {PILLARS[pil]}", bold=True, size=11.5, color="1F4E79")
            t = d.add_table(rows=4, cols=1)
            t.style = d.styles["Table Grid"]
            R._runs(t.cell(0, 0).paragraphs[0], f"Q {L.code(i)}  Indicator: {i['ptitle']}", bold=True)
            R.shade(t.cell(0, 0), "DEEAF6")
            R._runs(t.cell(1, 0).paragraphs[0], f"{q}   {ev}")
            R._runs(t.cell(2, 0).paragraphs[0], marks, bold=True)
            R._runs(t.cell(3, 0).paragraphs[0], "Assessor remarks: " + obs, italic=True)
            d.add_paragraph()
        R.dpar(d, f"Total marks awarded: {L.total_str()} / 500", bold=True)
        R.dpar(d, "Signature of assessor: ____________________      Date: ____________")
        R.docx_header_footer(d, header=form_no, pagenum="Page {n} of {N}")
        pth = base + ".docx"
        R.docx_save(d, pth)
        return pth
    pdf = FooterPDF(form_no + "  |  Page {n} of {N}", "DS", format="A4")
    pdf._align = "R"
    pdf.add_font("DS", "", FONTDIR + "dejavu/DejaVuSans.ttf")
    pdf.add_font("DS", "B", FONTDIR + "dejavu/DejaVuSans-Bold.ttf")
    pdf.add_font("DS", "I", FONTDIR + "dejavu/DejaVuSans-Oblique.ttf")
    pdf.set_auto_page_break(True, 16)
    pdf.set_margins(15, 15, 15)
    pdf.add_page()
    pdf.set_font("DS", "B", 11.5)
    pdf.multi_cell(0, 6, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DS", "I", 9)
    pdf.cell(0, 6, sub, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for k, v in top:
        pdf.set_font("DS", "B", 9); pdf.cell(50, 7, k, border=1)
        pdf.set_font("DS", "", 9); pdf.cell(0, 7, v, border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pil = None
    for i, q, ev, marks, obs in items:
        if pdf.get_y() > 250:
            pdf.add_page()
        if i["pillar"] != pil:
            pil = i["pillar"]
            pdf.set_font("DS", "B", 10.5); pdf.set_text_color(31, 78, 121)
            pdf.cell(0, 7, f"Section {pil}: {PILLARS[pil]}", new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
        pdf.set_fill_color(222, 234, 246)
        pdf.set_font("DS", "B", 9)
        pdf.multi_cell(0, 6, f"Q {L.code(i)}  Indicator: {i['ptitle']}", border="LTR", fill=True, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DS", "", 9)
        pdf.multi_cell(0, 6, f"{q}   {ev}", border="LR", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DS", "B", 9)
        pdf.multi_cell(0, 6, marks, border="LR", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DS", "I", 8.5)
        pdf.multi_cell(0, 5.5, "Assessor remarks: " + obs, border="LRB", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.5)
    pdf.set_font("DS", "B", 10)
    pdf.cell(0, 8, f"Total marks awarded: {L.total_str()} / 500", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DS", "", 9)
    pdf.cell(0, 8, "Signature of assessor: ____________________      Date: ____________", new_x="LMARGIN", new_y="NEXT")
    pth = base + ".pdf"
    pdf.output(pth)
    return pth
