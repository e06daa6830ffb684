"""Families: letter_annexure, slide_deck, bilingual, consultant_word, dashboard."""
import re
import textwrap

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A3, landscape
from reportlab.lib.units import mm
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.enums import TA_CENTER
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle, PageBreak, CondPageBreak

import dm_render as R
from dm_model import (PILLARS, PILLARS_HI, HINDI_CITY, HINDI_STATE, cycle_title, recommendation, observation, INTRO,
                      TOP5, grand_total, pillar_total, date_str, FRAMEWORK)
from fam_common import Look, by_pillar, ordered, pct_str

NAMES = ["R. K. Sharma", "Anita Menon", "S. Venkatesh", "Priya Nair", "Arvind Kumar", "Deepa Rao", "M. Hussain",
         "K. Lalremruata", "Sunil Joshi", "Rekha Das"]
DESIG = ["Director (Smart Cities)", "Deputy Secretary (SC-IV)", "Under Secretary to the Government of India",
         "Mission Director, Smart Cities Mission", "Joint Secretary & Mission Director"]


# ============================================================ 6. letter_annexure
def fam_letter(m, rng, fmt, base, queue=None):
    L = Look(m, rng, code_styles=("dot", "dot", "paren"), num_styles=("int", "int", "dec1"))
    d0 = m["date"]
    dstyle = rng.randrange(5)
    lab = m["label"]
    fno = f"No. K-{rng.randint(15000, 15999)}/{rng.randint(1, 150)}/{d0[2]}-SC-{rng.choice(['I', 'IV', 'V'])}"
    addressee = rng.choice(["The Managing Director & CEO,", "The Municipal Commissioner,", "The Chief Executive Officer,"])
    org = m["org"]
    show_state = rng.random() < 0.7
    addr = [addressee, org, m["short"] + (f", {m['state_p']}" if show_state else "")]
    subj = f"Subject: {FRAMEWORK} {lab} – Communication of City Performance & Recommendations – reg." \
        if not lab.startswith("DMAF") else f"Subject: {lab} – Communication of City Performance & Recommendations – reg."
    body = [rng.choice(["Sir/Madam,", "Dear Sir,", "Madam/Sir,"])]
    ann = m["cycle"] == 2 and rng.random() < 0.5
    b1 = "I am directed to refer to the assessment of Smart Cities under the " + \
         (f"{FRAMEWORK} ({lab})" if not lab.startswith("DMAF") else lab) + "."
    if ann:
        b1 += " The results of the assessment were announced on 25 June 2021."
    body.append(b1)
    tot_sent = rng.random() < 0.6
    body.append("2. " + (f"The city has secured a total of {L.total_str()} marks out of 500. " if tot_sent else "") +
                "The indicator-wise scores are enclosed at Annexure-I and the recommendations for improvement at Annexure-II.")
    body.append("3. You are requested to circulate the recommendations to all departments and to take necessary action "
                "so that the city improves its data maturity in the next cycle.")
    sign = [rng.choice(["Yours faithfully,", "Yours sincerely,"]), "", f"({rng.choice(NAMES)})", rng.choice(DESIG),
            "Tel: 011-2306" + str(rng.randint(1000, 9999))]
    letterhead = ["भारत सरकार / Government of India", "आवास और शहरी कार्य मंत्रालय / Ministry of Housing and Urban Affairs",
                  "(Smart Cities Mission)", "Nirman Bhawan, New Delhi – 110011"]
    if rng.random() < 0.4:
        letterhead = [x.split(" / ")[-1] for x in letterhead]
    headers = ["S. No.", "Indicator", "Max. Marks", "Marks Obtained"]
    code_col = rng.random() < 0.5
    if code_col:
        headers = ["Code", "Indicator", "Max. Marks", "Marks Obtained"]
    if rng.random() < 0.4:
        headers[2], headers[3] = headers[3], headers[2]
    rows = [headers]
    for n, i in enumerate(ordered(m, rng, 0.0), 1):
        a = L.code(i) if code_col else str(n)
        t = i["ptitle"] if code_col else f"{L.code(i)} {i['ptitle']}"
        mx, s = L.mx(i), L.s(i)
        rows.append([a, t, mx, s] if headers[2].startswith("Max") else [a, t, s, mx])
    trow = ["", "Total", "500", L.total_str()] if headers[2].startswith("Max") else ["", "Total", L.total_str(), "500"]
    rows.append(trow)
    ann1_title = f"Annexure-I: Indicator-wise scores of {rng.choice([m['short'], org])}"
    ann2_title = "Annexure-II: Recommendations"
    recs = []
    for i in ordered(m, rng, 0.1):
        recs.append((f"{L.code(i)} {i['ptitle']}", recommendation(rng, i, m["short"], 1)))
    note = L.na_legend() if L.any_na else None

    if fmt == "txt":
        out = [x.center(78).rstrip() for x in letterhead] + ["", fno + "    Dated: " + date_str(d0, dstyle), "", "To,"]
        out += ["    " + a for a in addr] + ["", subj, ""]
        for b in body:
            out += textwrap.wrap(b, 78) + [""]
        out += sign + ["", "Encl.: As above", "", "", ann1_title, ""]
        out += R.txt_table(rows, rng.choice(["space", "grid", "pipe"])).split("\n")
        if note:
            out += ["", note]
        out += ["", "", ann2_title, ""]
        for h, ps in recs:
            out.append(h)
            for ptxt in ps:
                out += textwrap.wrap(ptxt, 78)
            out.append("")
        p = base + ".txt"
        with open(p, "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
        return p
    fn = rng.choice(["Times New Roman", "Arial", "Bookman Old Style", "Calibri"])
    d = R.docx_new(fn, rng.choice([11, 12]), margins_mm=(20, 20, 25, 20))
    for x in letterhead:
        R.dpar(d, x, bold=True, align="center", space_after=0)
    R.dpar(d, "")
    t = d.add_table(rows=1, cols=2)
    R._runs(t.cell(0, 0).paragraphs[0], fno)
    R._runs(t.cell(0, 1).paragraphs[0], "Dated: " + date_str(d0, dstyle))
    t.cell(0, 1).paragraphs[0].alignment = R.WD_ALIGN_PARAGRAPH.RIGHT
    R.dpar(d, "To,")
    for a in addr:
        R.dpar(d, a, space_after=0)
    R.dpar(d, "")
    R.dpar(d, subj, bold=True)
    for b in body:
        R.dpar(d, b, align="justify")
    for s_ in sign:
        R.dpar(d, s_, align="right" if rng.random() < 0 else None, space_after=0)
    R.dpar(d, "")
    R.dpar(d, "Encl.: As above")
    R.dbreak(d)
    R.dpar(d, ann1_title, bold=True, size=13, align="center")
    R.dtable(d, rows, header=True, style="Table Grid", bold_rows=[len(rows) - 1], widths_cm=[1.8, 10, 2.6, 2.6],
             head_fill=rng.choice([None, "D9D9D9"]))
    if note:
        R.dpar(d, note, italic=True, size=9)
    R.dbreak(d)
    R.dpar(d, ann2_title, bold=True, size=13, align="center")
    for h, ps in recs:
        R.dpar(d, h, bold=True, space_after=2)
        for ptxt in ps:
            R.dpar(d, ptxt, align="justify")
    if rng.random() < 0.5:
        R.docx_header_footer(d, footer=None, pagenum=rng.choice(["{n}", "Page {n} of {N}"]))
    p = base + ".docx"
    R.docx_save(d, p)
    if fmt == "pdf":
        queue.append((p, "pdf"))
        return base + ".pdf"
    return p


# ============================================================ 7. slide_deck
def fam_slides(m, rng, fmt, base):
    L = Look(m, rng, code_styles=("dot", "upper", "plain"), num_styles=("int",))
    lab = m["label"]
    big = lab if lab.startswith(("DMAF", "Cycle")) else f"DMAF {lab}"
    name = rng.choice([m["short"], m["org"], m["short"].upper()])
    show_state = rng.random() < 0.65
    bp = by_pillar(m)
    score_fmt = rng.randrange(3)
    slides = []  # list of (kind, data)
    slides.append(("title", None))
    slides.append(("overview", None))
    rec_slides = rng.random() < 0.7
    for p in sorted(bp):
        slides.append(("pillar", p))
        if rec_slides and rng.random() < 0.6:
            slides.append(("recs", p))
    slides.append(("end", None))
    recs = {i["code"]: recommendation(rng, i, m["short"], 1)[0] for i in m["inds"]}
    tot = L.total_str()

    def card_score(i):
        if i["score"] is None:
            return (L.na, f"max {L.mx(i)}")
        if score_fmt == 0:
            return (L.s(i), f"/ {L.mx(i)}")
        if score_fmt == 1:
            return (f"{L.s(i)}/{L.mx(i)}", "marks")
        return (L.s(i), f"out of {L.mx(i)}")

    if fmt == "txt":
        out = []
        for n, (kind, data) in enumerate(slides, 1):
            out.append(rng.choice([f"Slide {n}", f"--- Slide {n} ---", f"[Slide {n}]"]) if n == 1 or True else "")
            if kind == "title":
                out += [big, "Data Maturity Assessment Framework", "City Performance &", "Recommendations", name] + ([m["state_p"]] if show_state else [])
            elif kind == "overview":
                out.append("Overall Performance")
                for p in sorted(bp):
                    out.append(f"{PILLARS[p]}: {L.ptotal(p)} / 100")
                out.append(f"Total: {tot} / 500")
            elif kind == "pillar":
                out.append(f"Pillar {data}: {PILLARS[data]}")
                for i in bp[data]:
                    a, b = card_score(i)
                    out += [L.code(i), i["ptitle"], a, b]
            elif kind == "recs":
                out.append(f"{PILLARS[data]} – Key Recommendations")
                for i in bp[data]:
                    out.append(f"• {L.code(i)}: {textwrap.shorten(recs[i['code']], 140, placeholder='…')}")
            else:
                out += ["Thank You", "DataSmart Cities | Smart Cities Mission"]
            if L.any_na and kind == "pillar" and any(i["score"] is None for i in bp[data]):
                out.append(f"{L.na}: not assessed")
            out.append("")
        p = base + ".txt"
        with open(p, "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
        return p

    W, H = 960, 540
    p = base + ".pdf"
    c = rl_canvas.Canvas(p, pagesize=(W, H))
    fontn = rng.choice(["LSans", "DSans", "DCond"])
    F, FB = R.font(fontn), R.font(fontn, "B")
    col = R.hex2color(rng.choice(["#0F4C81", "#C0392B", "#16A085", "#8E44AD", "#D35400", "#2C3E50"]))
    light = R.hex2color(rng.choice(["#EAF2F8", "#FDEDEC", "#E8F8F5", "#F4ECF7", "#FEF5E7"]))
    for n, (kind, data) in enumerate(slides, 1):
        c.setFillColor(colors.white); c.rect(0, 0, W, H, stroke=0, fill=1)
        if kind == "title":
            c.setFillColor(col); c.rect(0, 0, W * 0.42, H, stroke=0, fill=1)
            bfs = 40
            while c.stringWidth(big, FB, bfs) > W * 0.42 - 70:
                bfs -= 2
            c.setFillColor(colors.white); c.setFont(FB, bfs); c.drawString(40, H - 170, big)
            c.setFont(F, 15); c.drawString(40, H - 200, "Data Maturity Assessment Framework")
            c.setFillColor(colors.black); c.setFont(FB, 22)
            c.drawString(W * 0.42 + 40, H - 230, "City Performance &")
            c.drawString(W * 0.42 + 40, H - 258, "Recommendations")
            fs = 28 if len(name) < 24 else 20
            c.setFillColor(col); c.setFont(FB, fs)
            yy = H - 320
            for ln in textwrap.wrap(name, 30 if fs == 20 else 40):
                c.drawString(W * 0.42 + 40, yy, ln); yy -= fs * 1.2
            if show_state:
                c.setFillColor(colors.grey); c.setFont(F, 16); c.drawString(W * 0.42 + 40, yy - 6, m["state_p"])
        else:
            c.setFillColor(col); c.rect(0, H - 70, W, 70, stroke=0, fill=1)
            c.setFillColor(colors.white); c.setFont(FB, 24)
            c.setFillColor(colors.grey); c.setFont(F, 9)
            c.drawString(30, 18, f"DataSmart Cities | {big} | {m['short']}")
            c.drawRightString(W - 30, 18, str(n))
            c.setFillColor(colors.white); c.setFont(FB, 24)
            if kind == "overview":
                c.drawString(30, H - 45, "Overall Performance")
                x0, y0 = 120, H - 130
                for k, pp in enumerate(sorted(bp)):
                    y = y0 - k * 62
                    c.setFillColor(colors.black); c.setFont(FB, 15); c.drawRightString(x0 + 90, y + 6, PILLARS[pp])
                    c.setFillColor(light); c.rect(x0 + 110, y, 500, 26, stroke=0, fill=1)
                    v = pillar_total(m, pp)
                    c.setFillColor(col); c.rect(x0 + 110, y, 500 * v / 100, 26, stroke=0, fill=1)
                    c.setFillColor(colors.black); c.setFont(FB, 15)
                    c.drawString(x0 + 625, y + 6, f"{L.ptotal(pp)} / 100")
                c.setFont(FB, 20); c.drawString(x0 + 110, 50, f"Total score: {tot} / 500")
            elif kind == "pillar":
                c.drawString(30, H - 45, f"Pillar {data}: {PILLARS[data]}")
                lst = bp[data]
                ncols = 3 if len(lst) <= 3 else (len(lst) + 1) // 2
                cw = (W - 60 - (ncols - 1) * 18) / ncols
                ch = 170
                for k, i in enumerate(lst):
                    r_, cc = divmod(k, ncols)
                    x = 30 + cc * (cw + 18)
                    y = H - 110 - ch - r_ * (ch + 20)
                    c.setFillColor(light); c.roundRect(x, y, cw, ch, 10, stroke=0, fill=1)
                    c.setFillColor(col); c.setFont(FB, 16); c.drawString(x + 14, y + ch - 28, L.code(i))
                    c.setFillColor(colors.black); c.setFont(F, 12.5)
                    for j, ln in enumerate(textwrap.wrap(i["ptitle"], int(cw / 7.2))):
                        c.drawString(x + 14, y + ch - 50 - j * 15, ln)
                    a, b = card_score(i)
                    c.setFillColor(col); c.setFont(FB, 34); c.drawString(x + 14, y + 18, a)
                    wa = c.stringWidth(a, FB, 34)
                    c.setFillColor(colors.grey); c.setFont(F, 14); c.drawString(x + 20 + wa, y + 20, b)
                if any(i["score"] is None for i in lst):
                    c.setFillColor(colors.grey); c.setFont(F, 10); c.drawString(30, 40, f"{L.na}: not assessed in this cycle")
            elif kind == "recs":
                c.drawString(30, H - 45, f"{PILLARS[data]} – Key Recommendations")
                y = H - 110
                c.setFillColor(colors.black)
                for i in bp[data]:
                    c.setFont(FB, 13); c.drawString(40, y, f"{L.code(i)}  {i['ptitle']}")
                    y -= 17
                    c.setFont(F, 11)
                    for ln in textwrap.wrap(recs[i["code"]], 130)[:3]:
                        c.drawString(58, y, ln); y -= 14
                    y -= 8
            else:
                c.drawString(30, H - 45, "Thank You")
                c.setFillColor(colors.black); c.setFont(F, 16)
                c.drawString(60, H / 2, "For queries, contact the DataSmart Cities team, Smart Cities Mission, MoHUA.")
        c.showPage()
    c.save()
    return p


# ============================================================ 8. bilingual
HI_GEN = ["शहर को सलाह दी जाती है कि वह इस संकेतक पर अपने प्रयासों को और मजबूत करे।",
          "अधिक जानकारी के लिए स्मार्ट सिटी ओपन डेटा पोर्टल देखें।",
          "ये सिफारिशें सांकेतिक हैं तथा संपूर्ण नहीं हैं।",
          "डेटा टीम को मंत्रालय द्वारा आयोजित प्रशिक्षणों में भाग लेना चाहिए।"]
DEV = re.compile(r"([\u0900-\u097F][\u0900-\u097F\s।,()\-–/]*[\u0900-\u097F।)])|([\u0900-\u097F])")


def hi_markup(t):
    t = R.esc(t)
    return DEV.sub(lambda mo: f'<font name="Hindi">{mo.group(0)}</font>', t)


def fam_bilingual(m, rng, fmt, base):
    L = Look(m, rng, code_styles=("dot", "paren"), num_styles=("int",),
             na_words=["Not assessed", "NA"])
    lab = m["label"]
    hcity = HINDI_CITY.get(m["city"])
    hstate = HINDI_STATE.get(m["state"])
    show_state = rng.random() < 0.8
    city_en = rng.choice([m["short"], m["org"]])
    lines_top = ["डेटा परिपक्वता मूल्यांकन फ्रेमवर्क", FRAMEWORK + (f" {lab}" if not lab.startswith("DMAF") else f" ({lab})"),
                 "शहर का प्रदर्शन एवं सिफारिशें / City Performance & Recommendations"]
    kv = [("शहर / City", (f"{hcity} / " if hcity else "") + city_en)]
    if show_state:
        kv.append(("राज्य / State", (f"{hstate} / " if hstate else "") + m["state_p"]))
    if rng.random() < 0.5:
        kv.append(("तिथि / Date", date_str(m["date"], 1)))
    head = ["क्रमांक / Code", "संकेतक / Indicator", "अधिकतम अंक / Max. Marks", "प्राप्त अंक / Marks Obtained"]
    na_text = "मूल्यांकन नहीं / " + L.na
    rows = [head]
    bold = []
    bp = by_pillar(m)
    for p in sorted(bp):
        rows.append(["", f"स्तंभ {p} – {PILLARS_HI[p]} / Pillar {p} – {PILLARS[p]}", "", ""])
        bold.append(len(rows) - 1)
        for i in bp[p]:
            rows.append([L.code(i), i["ptitle"], L.mx(i), na_text if i["score"] is None else L.s(i)])
    rows.append(["", "कुल / Total", "500", L.total_str()])
    bold.append(len(rows) - 1)
    recs = [(i, HI_GEN[k % len(HI_GEN)], recommendation(rng, i, m["short"], 1)[0]) for k, i in enumerate(ordered(m, rng, 0))]
    with_recs = rng.random() < 0.7
    if fmt == "txt":
        out = lines_top + [""] + [f"{k}: {v}" for k, v in kv] + [""]
        out += R.txt_table(rows, rng.choice(["pipe", "space", "tab"])).split("\n")
        if with_recs:
            out += ["", "सिफारिशें / Recommendations", ""]
            for i, h, e in recs:
                out += [f"{L.code(i)} {i['ptitle']}", h] + textwrap.wrap(e, 90) + [""]
        p = base + ".txt"
        with open(p, "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
        return p
    if fmt == "docx":
        d = R.docx_new(rng.choice(["Mangal", "Nirmala UI", "Arial Unicode MS"]), 10.5)
        for k, x in enumerate(lines_top):
            R.dpar(d, x, bold=True, size=[18, 15, 12][k], align="center")
        for k, v in kv:
            R.dpar(d, f"{k}: {v}", bold=True, space_after=2)
        R.dtable(d, rows, header=True, style="Table Grid", bold_rows=bold, widths_cm=[2.2, 9.5, 2.8, 3.0],
                 head_fill="FCE4D6")
        if with_recs:
            R.dbreak(d)
            R.dhead(d, "सिफारिशें / Recommendations", 1)
            for i, h, e in recs:
                R.dpar(d, f"{L.code(i)} {i['ptitle']}", bold=True, space_after=1)
                R.dpar(d, h, space_after=1)
                R.dpar(d, e)
        R.docx_header_footer(d, header="स्मार्ट सिटी मिशन / Smart Cities Mission", pagenum="{n}")
        p = base + ".docx"
        R.docx_save(d, p)
        return p
    st = R.PDFStyle(fontname="LSans", size=9.5, color="#833C0B", header=("Smart Cities Mission", "DataSmart Cities"),
                    pagenum="{n}")
    R.font("LSans")
    S = R.pdf_styles(st)
    story = []
    for k, x in enumerate(lines_top):
        story.append(Paragraph(hi_markup(x), ParagraphStyle("t", parent=S["h1"], alignment=TA_CENTER,
                                                            fontSize=[17, 14, 11.5][k], leading=[22, 18, 15][k])))
    for k, v in kv:
        story.append(Paragraph("<b>" + hi_markup(k) + ":</b> " + hi_markup(v), S["p"]))
    data = []
    for ri, r in enumerate(rows):
        sty = S["cellb"] if ri == 0 or ri in bold else S["cell"]
        data.append([Paragraph(hi_markup(x), sty) for x in r])
    W = A4[0] - 44 * mm
    t = Table(data, colWidths=[20 * mm, W - 70 * mm, 24 * mm, 26 * mm], repeatRows=1)
    cmds = [("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), R.hex2color("#FCE4D6")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for b in bold[:-1]:
        cmds.append(("BACKGROUND", (0, b), (-1, b), R.hex2color("#F2F2F2")))
    t.setStyle(TableStyle(cmds))
    story.append(t)
    if with_recs:
        story.append(PageBreak())
        story.append(Paragraph(hi_markup("सिफारिशें / Recommendations"), S["h2"]))
        for i, h, e in recs:
            story.append(Paragraph(R.esc(f"{L.code(i)} {i['ptitle']}"), S["h3"]))
            story.append(Paragraph(hi_markup(h), S["p"]))
            story.append(Paragraph(R.esc(e), S["p"]))
    p = base + ".pdf"
    R.build_pdf(p, story, st)
    return p


# ============================================================ 9. consultant_word
CONSULTANTS = ["Meridian Urban Advisory LLP", "Sankhya Data Consultants Pvt. Ltd.", "Nagar Analytics Pvt. Ltd.",
               "Blueleaf Governance Partners", "Indus Urban Labs", "Deccan Policy Associates"]


def fam_consultant(m, rng, fmt, base, queue=None):
    L = Look(m, rng, code_styles=("dot", "dot", "upper", "paren"), num_styles=("int", "dec1", "dec2"))
    cons = rng.choice(CONSULTANTS)
    lab = m["label"]
    fn = rng.choice(["Calibri", "Arial", "Georgia", "Garamond", "Century Gothic"])
    d = R.docx_new(fn, rng.choice([10, 10.5, 11]), margins_mm=(22, 22, 25, 22))
    col = rng.choice(["1F4E79", "375623", "843C0C", "3A3838", "002060"])
    org = m["org"]
    for _ in range(3):
        d.add_paragraph()
    R.dpar(d, cons, bold=True, size=12, color=col)
    for _ in range(3):
        d.add_paragraph()
    R.dpar(d, cycle_title(m, rng), bold=True, size=24, color=col)
    R.dpar(d, "City Performance & Recommendations", size=16)
    d.add_paragraph()
    R.dpar(d, "Prepared for:", italic=True, space_after=0)
    R.dpar(d, org, bold=True, size=16)
    show_state = rng.random() < 0.7
    if show_state:
        R.dpar(d, m["state_p"], size=12)
    d.add_paragraph()
    R.dpar(d, f"Version {rng.randint(1,3)}.{rng.randint(0,4)} | {date_str(m['date'], rng.choice([0, 3]))}", size=10)
    R.dbreak(d)
    R.dpar(d, "Document control", bold=True, size=12)
    R.dtable(d, [["Version", "Date", "Prepared by", "Reviewed by"],
                 ["1.0", date_str(m["date"], 2), rng.choice(NAMES), rng.choice(NAMES)]], style="Table Grid", size=9)
    d.add_paragraph()
    R.dpar(d, "Contents", bold=True, size=12)
    toc = ["1 Introduction", "2 Summary of Scores", "3 Indicator-wise Assessment", "4 Way Forward"]
    for t_ in toc:
        R.dpar(d, t_, space_after=0)
    R.dbreak(d)
    R.docx_header_footer(d, header=f"{cons} | DMAF report – {m['short']}", footer="Confidential",
                         pagenum=rng.choice(["Page {n}", "Page {n} of {N}"]))
    R.dhead(d, "1 Introduction", 1, color=col)
    R.dpar(d, rng.choice(INTRO))
    R.dpar(d, f"This report has been prepared by {cons} for {org} on the basis of the documents submitted by the city "
              f"and the scores communicated by the Smart Cities Mission.")
    R.dhead(d, "2 Summary of Scores", 1, color=col)
    rows = [["Pillar", "Score", "Maximum"]] + [[f"{p}. {PILLARS[p]}", L.ptotal(p), "100"] for p in range(1, 6)] + \
           [["Total", L.total_str(), "500"]]
    R.dtable(d, rows, style="Table Grid", bold_rows=[6], head_fill="D9E2F3", size=10)
    R.dhead(d, "3 Indicator-wise Assessment", 1, color=col)
    mode = rng.randrange(3)
    bp = by_pillar(m)
    for p in sorted(bp):
        R.dhead(d, f"3.{p} Pillar {p} – {PILLARS[p]}", 2, color=col)
        for i in bp[p]:
            obs = observation(rng, i)
            rec = " ".join(recommendation(rng, i, m["short"]))
            sc = L.s(i) if i["score"] is not None else f"{L.na}"
            if mode == 0:
                rr = [["Indicator", f"{L.code(i)} – {i['ptitle']}"], ["Maximum marks", L.mx(i)], ["Marks awarded", sc],
                      ["Observation", obs], ["Recommendation", rec]]
                t = R.dtable(d, rr, header=False, style="Table Grid", widths_cm=[3.6, 12.4], size=9.5)
                for r_ in range(5):
                    R.shade(t.cell(r_, 0), "F2F2F2")
                d.add_paragraph()
            elif mode == 1:
                R.dhead(d, f"{L.code(i)} {i['ptitle']}", 3, color=col)
                R.dtable(d, [["Maximum marks", "Marks awarded", "Status"],
                             [L.mx(i), sc, "Not assessed" if i["score"] is None else
                              ("Achieved" if i["score"] >= i["max"] else ("Not started" if i["score"] == 0 else "Partial"))]],
                         style="Table Grid", size=9.5, head_fill="D9E2F3")
                R.dpar(d, "Observation: " + obs)
                R.dpar(d, "Recommendation: " + rec)
            else:
                R.dhead(d, f"{L.code(i)} {i['ptitle']}", 3, color=col)
                if i["score"] is None:
                    R.dpar(d, f"**Marks awarded:** {L.na} (maximum {L.mx(i)} marks; not counted)")
                else:
                    R.dpar(d, f"**Marks awarded:** {L.s(i)} of {L.mx(i)}")
                R.dpar(d, obs + " " + rec)
    R.dhead(d, "4 Way Forward", 1, color=col)
    R.dpar(d, "The city may prioritise indicators where no marks have been scored and prepare an action plan with "
              "timelines and responsibilities before the next cycle of assessment.")
    p = base + ".docx"
    R.docx_save(d, p)
    if fmt == "pdf":
        queue.append((p, "pdf"))
        return base + ".pdf"
    return p


# ============================================================ 10. dashboard
def fam_dashboard(m, rng, fmt, base):
    L = Look(m, rng, code_styles=("dot", "upper", "plain"), num_styles=("int",), na_words=["NA", "N/A", "n.a."])
    lab = m["label"]
    big = lab if lab.startswith(("DMAF", "Cycle")) else f"DMAF {lab}"
    land = rng.random() < 0.6
    W, H = landscape(A4) if land else A4
    p = base + ".pdf"
    c = rl_canvas.Canvas(p, pagesize=(W, H))
    fontn = rng.choice(["LSans", "DCond", "LNarrow", "DSans"])
    F, FB = R.font(fontn), R.font(fontn, "B")
    pal = rng.choice([["#264653", "#2A9D8F", "#E9C46A", "#F4A261", "#E76F51"],
                      ["#003f5c", "#58508d", "#bc5090", "#ff6361", "#ffa600"],
                      ["#1b4332", "#2d6a4f", "#40916c", "#52b788", "#74c69d"],
                      ["#0b3954", "#087e8b", "#bfd7ea", "#ff5a5f", "#c81d25"]])
    name = rng.choice([m["short"].upper(), m["org"], m["short"]])
    c.setFillColor(R.hex2color(pal[0])); c.rect(0, H - 28 * mm, W, 28 * mm, stroke=0, fill=1)
    c.setFillColor(colors.white); c.setFont(FB, 17)
    c.drawString(12 * mm, H - 12 * mm, f"{big} | City Dashboard")
    c.setFont(F, 10); c.drawString(12 * mm, H - 19 * mm, "Data Maturity Assessment Framework – City Performance & Recommendations")
    c.setFont(FB, 15)
    show_st = rng.random() < 0.7
    if c.stringWidth(f"{big} | City Dashboard", FB, 17) + c.stringWidth(name, FB, 15) + 30 * mm < W:
        c.drawRightString(W - 12 * mm, H - 12 * mm, name)
        if show_st:
            c.setFont(F, 10); c.drawRightString(W - 12 * mm, H - 19 * mm, m["state_p"])
    else:
        c.setFont(FB, 12)
        c.drawString(12 * mm, H - 25.5 * mm, name + (f", {m['state_p']}" if show_st else ""))
    bp = by_pillar(m)
    ncol = 3 if land else 2
    gap = 5 * mm
    pw = (W - 24 * mm - (ncol - 1) * gap) / ncol
    top = H - 34 * mm
    nrow = 2 if land else 3
    ph = (top - 14 * mm - (nrow - 1) * gap) / nrow
    fs = 7.3 if land else 7.8
    for k, pp in enumerate(sorted(bp)):
        r_, cc = divmod(k, ncol)
        x = 12 * mm + cc * (pw + gap)
        y = top - (r_ + 1) * ph - r_ * gap
        c.setStrokeColor(R.hex2color(pal[k % 5])); c.setLineWidth(1.2)
        c.roundRect(x, y, pw, ph, 6, stroke=1, fill=0)
        c.setFillColor(R.hex2color(pal[k % 5])); c.roundRect(x, y + ph - 9 * mm, pw, 9 * mm, 6, stroke=0, fill=1)
        c.setFillColor(colors.white if k % 5 in (0, 1, 4) else colors.black); c.setFont(FB, 11)
        c.drawString(x + 3 * mm, y + ph - 6 * mm, f"{pp}. {PILLARS[pp].upper()}")
        c.drawRightString(x + pw - 3 * mm, y + ph - 6 * mm, f"{L.ptotal(pp)}/100")
        cw_ = max(c.stringWidth(L.code(i), FB, fs) for i in bp[pp]) + 3 * mm
        tx = x + max(13 * mm, 3 * mm + cw_)
        yy = y + ph - 15 * mm
        rowh = (ph - 17 * mm) / max(5, len(bp[pp]))
        for i in bp[pp]:
            c.setFillColor(colors.black); c.setFont(FB, fs)
            c.drawString(x + 3 * mm, yy, L.code(i))
            c.setFont(F, fs)
            c.drawString(tx, yy, i["ptitle"])
            by = yy - 4.2 * mm
            bw = x + pw - 21 * mm - tx
            c.setFillColor(colors.HexColor("#E7E6E6")); c.rect(tx, by, bw, 2.6 * mm, stroke=0, fill=1)
            if i["score"] is not None:
                c.setFillColor(R.hex2color(pal[k % 5])); c.rect(tx, by, bw * i["score"] / i["max"], 2.6 * mm, stroke=0, fill=1)
            c.setFillColor(colors.black); c.setFont(FB, fs + 0.5)
            c.drawRightString(x + pw - 3 * mm, by + 0.3 * mm, L.frac(i, " / "))
            yy -= rowh
    # total tile
    k = 5
    r_, cc = divmod(k, ncol)
    x = 12 * mm + cc * (pw + gap)
    y = top - (r_ + 1) * ph - r_ * gap
    if k < ncol * nrow:
        c.setFillColor(colors.HexColor("#F2F2F2")); c.roundRect(x, y, pw, ph, 6, stroke=0, fill=1)
        c.setFillColor(colors.black); c.setFont(F, 11); c.drawCentredString(x + pw / 2, y + ph - 14 * mm, "OVERALL SCORE")
        c.setFont(FB, 30); c.drawCentredString(x + pw / 2, y + ph / 2 - 4 * mm, f"{L.total_str()} / 500")
        c.setFont(F, 8)
        if L.any_na:
            c.drawCentredString(x + pw / 2, y + 10 * mm, f"{L.na} = not assessed (not counted)")
    else:
        c.setFont(FB, 12); c.drawString(12 * mm, 8 * mm, f"OVERALL SCORE: {L.total_str()} / 500")
        if L.any_na:
            c.setFont(F, 8); c.drawRightString(W - 12 * mm, 8 * mm, f"{L.na} = not assessed (not counted)")
    c.setFont(F, 6.5); c.setFillColor(colors.grey)
    c.drawString(12 * mm, 4 * mm, "Source: Smart Cities Mission, MoHUA. Scores are indicative of the city's data maturity.")
    c.showPage()
    if rng.random() < 0.6:
        # recommendations page, three columns of text
        c.setFillColor(R.hex2color(pal[0])); c.rect(0, H - 16 * mm, W, 16 * mm, stroke=0, fill=1)
        c.setFillColor(colors.white); c.setFont(FB, 13); c.drawString(12 * mm, H - 10 * mm, f"Recommendations – {m['short']}")
        ncl = 3 if land else 2
        cwid = (W - 24 * mm - (ncl - 1) * 6 * mm) / ncl
        col_i, yy = 0, H - 24 * mm
        chars = int(cwid / (fs * 0.5))
        for i in ordered(m, rng, 0):
            lines = textwrap.wrap(recommendation(rng, i, m["short"], 1)[0], chars)
            need = (len(lines) + 2) * (fs + 2.5)
            if yy - need < 12 * mm:
                col_i += 1; yy = H - 24 * mm
                if col_i >= ncl:
                    break
            x = 12 * mm + col_i * (cwid + 6 * mm)
            c.setFillColor(colors.black); c.setFont(FB, fs + 1); c.drawString(x, yy, f"{L.code(i)} {i['ptitle']}")
            yy -= fs + 3
            c.setFont(F, fs)
            for ln in lines:
                c.drawString(x, yy, ln); yy -= fs + 2
            yy -= 4
        c.showPage()
    c.save()
    return p
