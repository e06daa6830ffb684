"""Office layouts, part C."""
from content import *
from rlib import *
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.graphics.shapes import Drawing, Rect


def observation(ind, rng):
    if ind["score"] is None:
        return "Not assessed in this cycle."
    if ind["score"] >= ind["max"]:
        return rng.choice(["Requirement fully met; supporting documents submitted.", "Complete compliance observed.", "All criteria satisfied."])
    if ind["score"] == 0:
        return rng.choice(["No supporting evidence submitted.", "Not initiated at the time of assessment.", "No documents were uploaded for this indicator."])
    return rng.choice(["Partially met; some documents submitted.", "Initiated; work is in progress.", "Evidence submitted for some of the criteria."])


def cap_title(s, ind, upper):
    """Upper-casing is only applied where the truth title is the catalog title (cycle 2)."""
    return ind["ptitle"].upper() if (upper and s.cycle == 2) else ind["ptitle"]


# =====================================================================================
# office_08 : markdown-authored report
# =====================================================================================
class Office08:
    name = "office_08"
    formats = ("txt", "docx")

    def setup(self, s, rng):
        self.f = Fmt(rng, code_forms=["dot", "dot", "upper"], score_forms=["slash", "slash_sp", "outof"])
        self.mode = rng.choice(["inline", "summary_table", "heading_score", "quote"])
        self.pillar_heads = rng.random() < 0.7

    def txt(self, s, rng, path):
        f = self.f
        L = []
        L.append("# " + title_line(s, rng).replace("\n", " "))
        L.append("")
        L.append("## City Performance & Recommendations" if rng.random() < 0.5 else "_City Performance & Recommendations_")
        L.append("")
        L.append(f"**City:** {s.city_print}  ")
        if s.state_print:
            L.append(f"**State:** {s.state_print}  ")
        if s.date:
            L.append(f"**Date:** {s.date}  ")
        L.append("")
        L.append("---")
        L.append("")
        if self.mode == "summary_table":
            L.append("## Summary of Scores")
            L.append("")
            L.append("| Code | Indicator | Score | Max |")
            L.append("|:-----|:----------|------:|----:|")
            for ind in s.order:
                L.append(f"| {code_fmt(ind['code'], f.code_form)} | {ind['ptitle']} | {f.s_only(ind)} | {num(ind['max'])} |")
            L.append("")
        prev = None
        for ind in s.order:
            if self.pillar_heads and ind["pillar"] != prev:
                L.append(f"## Pillar {ind['pillar']} – {PILLARS[ind['pillar']]}")
                L.append("")
            prev = ind["pillar"]
            c = code_fmt(ind["code"], f.code_form)
            if self.mode == "heading_score":
                L.append(f"### {c} {ind['ptitle']} — {f.score(ind)}")
            else:
                L.append(f"### {c} {ind['ptitle']}")
            L.append("")
            if self.mode == "inline":
                L.append(f"**Score:** {f.score(ind)}")
                L.append("")
            elif self.mode == "quote":
                L.append(f"> Score: `{f.score(ind)}`")
                L.append("")
            for b in rec_blocks(s, ind, rng):
                if b[0] == "p":
                    L.append(b[1])
                else:
                    L += [f"* {x}" for x in b[1]]
                L.append("")
        open(path, "w", encoding="utf-8").write("\n".join(L))

    def docx(self, s, rng, path):
        f = self.f
        d = new_docx(rng.choice(["Calibri", "Cambria", "Liberation Sans"]), 11)
        d.add_paragraph(title_line(s, rng).replace("\n", " "), style="Title")
        d.add_paragraph("City Performance & Recommendations", style="Heading 2")
        p = d.add_paragraph(); r = p.add_run("City: "); r.bold = True; p.add_run(s.city_print)
        if s.state_print:
            p = d.add_paragraph(); r = p.add_run("State: "); r.bold = True; p.add_run(s.state_print)
        if self.mode == "summary_table":
            d.add_paragraph("Summary of Scores", style="Heading 1")
            t = d.add_table(rows=1, cols=4)
            t.style = "Light Shading Accent 1"
            for c, x in zip(t.rows[0].cells, ["Code", "Indicator", "Score", "Max"]):
                cell_text(c, x, bold=True)
            for ind in s.order:
                cells = t.add_row().cells
                for c, x in zip(cells, [code_fmt(ind["code"], f.code_form), ind["ptitle"], f.s_only(ind), num(ind["max"])]):
                    cell_text(c, x)
            col_widths(t, [2.0, 9.0, 2.5, 2.0])
        prev = None
        for ind in s.order:
            if self.pillar_heads and ind["pillar"] != prev:
                d.add_paragraph(f"Pillar {ind['pillar']} – {PILLARS[ind['pillar']]}", style="Heading 1")
            prev = ind["pillar"]
            c = code_fmt(ind["code"], f.code_form)
            if self.mode == "heading_score":
                d.add_paragraph(f"{c} {ind['ptitle']} — {f.score(ind)}", style="Heading 3")
            else:
                d.add_paragraph(f"{c} {ind['ptitle']}", style="Heading 3")
            if self.mode in ("inline", "quote"):
                p = d.add_paragraph(style="Intense Quote" if self.mode == "quote" else None)
                r = p.add_run("Score: "); r.bold = True
                p.add_run(f.score(ind))
            add_blocks_docx(d, rec_blocks(s, ind, rng))
        save_docx(d, path)


# =====================================================================================
# office_09 : pillar chapters with lettered sub-indicators
# =====================================================================================
class Office09:
    name = "office_09"
    formats = ("pdf", "docx", "txt")

    def via_word(self, s, rng):
        return self.word

    def setup(self, s, rng):
        self.word = rng.random() < 0.35
        self.f = Fmt(rng, score_forms=["slash"], nmodes=[0, 0, 1])
        self.roman = rng.random() < 0.5
        self.ph = rng.choice(["PILLAR {r} : {N}", "Pillar {r} – {n}", "{r}. {N}", "PILLAR – {r} ({n})"])
        self.letter = rng.choice(["({l})", "{l})", "{l}."])
        self.marks = rng.choice(["Marks secured: {s} (Maximum: {m})", "Marks secured: {s} out of {m}", "Maximum marks: {m} | Marks secured: {s}", "[{s}/{m}]"])
        self.mode = rng.choice(["inline", "inline", "pillar_table"])
        self.tot = rng.random() < 0.6

    def pillar_head(self, p):
        r = ROMAN[p] if self.roman else str(p)
        return self.ph.format(r=r, N=PILLARS[p].upper(), n=PILLARS[p])

    def lab(self, ind):
        ls = ind["code"].split("&")
        return " & ".join(self.letter.format(l=c.split(".")[1]) for c in ls)

    def mk(self, ind):
        sc = "Not assessed" if ind["score"] is None else self.f.n(ind["score"])
        return self.marks.format(s=sc, m=num(ind["max"]))

    def heads(self, s, rng):
        return [title_line(s, rng).replace("\n", " "), "City Performance & Recommendations",
                f"Name of the City: {s.city_print}" + (f"    State: {s.state_print}" if s.state_print else "")]

    def txt(self, s, rng, path):
        W = 80
        L = [h.center(W).rstrip() for h in self.heads(s, rng)]
        L.append("")
        for t in intro_paras(s, rng, 1):
            L.append(wrap(t, W)); L.append("")
        tot = pillar_totals(s)
        for p in range(1, 6):
            L.append("")
            h = self.pillar_head(p)
            if self.tot:
                h += f"    [Pillar total: {num(tot[p][0])}/100]"
            L.append(h)
            L.append("-" * len(h))
            grp = [i for i in s.order if i["pillar"] == p]
            if self.mode == "pillar_table":
                rows = [["Sub-indicator", "Max. Marks", "Marks Secured"]] + [[f"{self.lab(i)} {i['ptitle']}", num(i["max"]), "Not assessed" if i["score"] is None else self.f.n(i["score"])] for i in grp]
                L.append(text_table(rows, [46, 10, 13], style="plain", aligns=["l", "r", "r"]))
                L.append("")
            for ind in grp:
                L.append("")
                L.append(f"  {self.lab(ind)} {ind['ptitle']}")
                if self.mode == "inline":
                    L.append(f"      {self.mk(ind)}")
                for b in rec_blocks(s, ind, rng, short=rng.random() < 0.4):
                    if b[0] == "p":
                        L.append(wrap(b[1], W, "      "))
                    else:
                        L += [wrap(x, W, "        - ", "          ") for x in b[1]]
        open(path, "w", encoding="utf-8").write("\n".join(L) + "\n")

    def pdf(self, s, rng, path):
        fam = rng.choice(["LibSerif", "DejaVuSerif", "LibSans"])
        body = PS("b", fam, 10.5, leading=13.5, align=TA_JUSTIFY, leftIndent=18, after=4)
        hs = PS("h", fam + "-B", 11, leftIndent=8, before=6, after=2)
        mk = PS("m", fam + "-I", 10.5, leftIndent=18, after=3)
        ph = PS("ph", fam + "-B", 13, before=12, after=6)
        hd = self.heads(s, rng)
        story = [P(esc(hd[0]), PS("t", fam + "-B", 15, align=TA_CENTER, after=2)), P(esc(hd[1]), PS("t1", fam, 12, align=TA_CENTER, after=8)),
                 P(esc(hd[2]).replace("    ", "&nbsp;&nbsp;&nbsp;&nbsp;"), PS("t2", fam + "-B", 11.5, align=TA_CENTER, after=12))]
        for t in intro_paras(s, rng, 1):
            story.append(P(esc(t), PS("i", fam, 10.5, leading=13.5, align=TA_JUSTIFY)))
        tot = pillar_totals(s)
        cell = PS("c", fam, 9.5, leading=11.5, after=0)
        for p in range(1, 6):
            h = esc(self.pillar_head(p))
            if self.tot:
                h += f"<font size=9>&nbsp;&nbsp;&nbsp;(Pillar total: {num(tot[p][0])}/100)</font>"
            story.append(P(h, ph))
            grp = [i for i in s.order if i["pillar"] == p]
            if self.mode == "pillar_table":
                data = [[P("<b>Sub-indicator</b>", cell), P("<b>Max. Marks</b>", cell), P("<b>Marks Secured</b>", cell)]]
                data += [[P(esc(f"{self.lab(i)} {i['ptitle']}"), cell), P(num(i["max"]), cell), P("Not assessed" if i["score"] is None else self.f.n(i["score"]), cell)] for i in grp]
                t = Table(data, colWidths=[100 * mm, 25 * mm, 28 * mm])
                t.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black), ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
                                       ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black)]))
                story += [t, Spacer(1, 6)]
            for ind in grp:
                rb = blocks_flow(rec_blocks(s, ind, rng, short=rng.random() < 0.4), body)
                fl = [P(esc(f"{self.lab(ind)} {ind['ptitle']}"), hs)]
                if self.mode == "inline":
                    fl.append(P(esc(self.mk(ind)), mk))
                story.append(KeepTogether(fl + rb[:1]))
                story += rb[1:]

        def on_page(c, doc):
            c.saveState(); c.setFont(fam, 8.5)
            c.drawRightString(doc.pagesize[0] - doc.rightMargin, 12 * mm, f"Page {doc.page}")
            c.drawString(doc.leftMargin, 12 * mm, s.city_short)
            c.restoreState()
        build_pdf(path, story, margins=(24 * mm, 22 * mm, 20 * mm, 22 * mm), on_page=on_page)

    def docx(self, s, rng, path):
        d = new_docx(rng.choice(["Times New Roman", "Book Antiqua", "Arial"]), 11)
        hd = self.heads(s, rng)
        para(d, hd[0], bold=True, size=15, align="c"); para(d, hd[1], size=12, align="c"); para(d, hd[2], bold=True, align="c")
        tot = pillar_totals(s)
        for p in range(1, 6):
            h = self.pillar_head(p)
            if self.tot:
                h += f"   (Pillar total: {num(tot[p][0])}/100)"
            d.add_paragraph(h, style="Heading 1")
            grp = [i for i in s.order if i["pillar"] == p]
            if self.mode == "pillar_table":
                t = d.add_table(rows=1, cols=3); t.style = "Table Grid"
                for c, x in zip(t.rows[0].cells, ["Sub-indicator", "Max. Marks", "Marks Secured"]):
                    cell_text(c, x, bold=True)
                for i in grp:
                    cells = t.add_row().cells
                    for c, x in zip(cells, [f"{self.lab(i)} {i['ptitle']}", num(i["max"]), "Not assessed" if i["score"] is None else self.f.n(i["score"])]):
                        cell_text(c, x)
            for ind in grp:
                para(d, f"{self.lab(ind)} {ind['ptitle']}", bold=True, space_after=1)
                if self.mode == "inline":
                    para(d, self.mk(ind), italic=True, space_after=2)
                add_blocks_docx(d, rec_blocks(s, ind, rng, short=rng.random() < 0.4), justify=True)
        save_docx(d, path)


# =====================================================================================
# office_10 : fixed-width computer listing
# =====================================================================================
class Office10:
    name = "office_10"
    formats = ("txt", "pdf")

    def setup(self, s, rng):
        self.f = Fmt(rng, code_forms=["upper", "dot", "upperplain"], nmodes=[1, 2])
        self.upper = rng.random() < 0.6
        self.W = rng.choice([80, 96, 100])
        self.pct = rng.random() < 0.5
        self.greenbar = rng.random() < 0.5

    def lines(self, s, rng):
        W = self.W
        f = self.f
        L = ["=" * W]
        for h in ["SMART CITIES MISSION - MINISTRY OF HOUSING AND URBAN AFFAIRS", title_line(s, rng, allcaps=True).replace("\n", " "), "CITY PERFORMANCE & RECOMMENDATIONS"]:
            L.append(h.center(W).rstrip())
        L.append("=" * W)
        L.append(f" CITY      : {s.city_print.upper()}")
        if s.state_print:
            L.append(f" STATE/UT  : {s.state_print.upper()}")
        L.append(f" CYCLE     : {cycle_text(s)}")
        if s.date:
            L.append(f" RUN DATE  : {s.date.upper()}")
        L.append("-" * W)
        tw = W - (8 + 8 + 9 + (8 if self.pct else 0)) - 3
        hdr = f" {'CODE':<8}{'INDICATOR':<{tw}}{'MAX':>8}{'SCORE':>9}" + (f"{'PCT':>8}" if self.pct else "")
        L.append(hdr)
        L.append("-" * W)
        tot = pillar_totals(s)
        for p in range(1, 6):
            for ind in [i for i in s.order if i["pillar"] == p]:
                c = code_fmt(ind["code"], f.code_form)
                if s.cycle == 2 and self.upper:
                    c = c.upper()
                t = cap_title(s, ind, self.upper)
                tl = textwrap.wrap(t, tw - 1) if len(c) <= 7 else textwrap.wrap(t, tw - 1)
                sc = "N.A." if ind["score"] is None else f.n(ind["score"])
                pc = "" if not self.pct else ("" if ind["score"] is None else f"{100 * ind['score'] / ind['max']:.1f}")
                if len(c) > 7:
                    L.append(f" {c}")
                    c = ""
                L.append(f" {c:<8}{tl[0]:<{tw}}{f.n(ind['max']):>8}{sc:>9}" + (f"{pc:>8}" if self.pct else ""))
                for extra in tl[1:]:
                    L.append(f" {'':<8}{extra}")
            L.append(f" {'':<8}{('PILLAR ' + str(p) + ' TOTAL (' + PILLARS[p].upper() + ')'):<{tw}}{f.n(tot[p][1]):>8}{f.n(tot[p][0]):>9}")
            L.append("")
        L.append("-" * W)
        if any(i["score"] is None for i in s.indicators):
            L.append(" N.A. = NOT ASSESSED")
        L.append("")
        L.append(" RECOMMENDATIONS".ljust(W))
        L.append(" " + "-" * 15)
        for ind in s.order:
            c = code_fmt(ind["code"], f.code_form)
            L.append("")
            L.append(f" {c}  {cap_title(s, ind, self.upper)}")
            L.append(wrap(flat_text(rec_blocks(s, ind, rng, short=True)), W - 2, "     ", "     "))
        L.append("")
        L.append(" *** END OF REPORT ***".center(W).rstrip())
        return L

    def txt(self, s, rng, path):
        L = self.lines(s, rng)
        # page the listing with form feeds and page headers
        out = []
        per = 58
        page = 1
        for k in range(0, len(L), per):
            if k:
                out.append("\f")
                out.append(f" DMAF LISTING - {s.city_name.upper()}".ljust(self.W - 10) + f"PAGE {page:>4}")
                out.append("")
            out += L[k:k + per]
            page += 1
        open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")

    def pdf(self, s, rng, path):
        register_fonts()
        L = self.lines(s, rng)
        W = self.W
        pagesize = rl_landscape(A4) if W > 90 else A4
        fs = min(10.5, (pagesize[0] - 30 * mm) / (0.6 * (W + 2)))
        c = rl_canvas.Canvas(path, pagesize=pagesize, invariant=1)
        PW, PH = pagesize
        lead = fs * 1.28
        per = int((PH - 30 * mm) / lead) - 2
        x0 = 14 * mm
        page = 1
        for k in range(0, len(L), per):
            y = PH - 15 * mm
            if self.greenbar:
                c.setFillColor(colors.HexColor("#E3F1E3"))
                for b in range(0, per + 2, 6):
                    c.rect(8 * mm, y - (b + 3) * lead + lead * 0.75, PW - 16 * mm, 3 * lead, fill=1, stroke=0)
            c.setFillColor(colors.black); c.setFont("LibMono", fs)
            c.drawString(x0, y, f" DMAF LISTING - {s.city_name.upper()}".ljust(W - 10) + f"PAGE {page:>4}")
            y -= 2 * lead
            for ln in L[k:k + per]:
                c.drawString(x0, y, ln)
                y -= lead
            c.showPage()
            page += 1
        c.save()


# =====================================================================================
# office_11 : assessment sheets (boxed forms)
# =====================================================================================
class Office11:
    name = "office_11"
    formats = ("pdf", "docx", "txt")

    def setup(self, s, rng):
        self.f = Fmt(rng, code_forms=["dot", "paren", "dot"], nmodes=[0, 1])
        self.keys = rng.choice([
            ("Pillar", "Indicator No.", "Indicator", "Maximum Marks", "Marks Secured", "Assessor's Remarks"),
            ("Pillar", "Indicator Code", "Indicator Name", "Max. Score", "Score Awarded", "Recommendation"),
            ("Component", "Ref.", "Parameter", "Full Marks", "Marks Obtained", "Remarks"),
        ])
        self.layout = rng.choice(["vertical", "horizontal"])

    def vals(self, s, ind, rng):
        sc = "Not assessed" if ind["score"] is None else self.f.n(ind["score"])
        return [f"{ind['pillar']} – {PILLARS[ind['pillar']]}", code_fmt(ind["code"], self.f.code_form), ind["ptitle"], num(ind["max"]), sc,
                flat_text(rec_blocks(s, ind, rng, short=True))]

    def head(self, s):
        h = [("Name of Smart City", s.city_print)]
        if s.state_print:
            h.append(("State", s.state_print))
        h.append(("Assessment", f"{FRAMEWORK} – {cycle_text(s)}" if not s.cycle_label.startswith("DMAF") else cycle_text(s)))
        return h

    def pdf(self, s, rng, path):
        from fpdf import FPDF
        pdf = FPDF(format=rng.choice(["A4", "Letter"]))
        pdf.set_creation_date(datetime.datetime(2021, 6, 25, 10, 0, 0, tzinfo=datetime.timezone.utc))
        fam = rng.choice(["DejaVuSans", "LibSans", "LibSerif"])
        pdf.add_font(fam, "", font_path(fam)); pdf.add_font(fam, "B", font_path(fam, True)); pdf.add_font(fam, "I", font_path(fam, False, True))
        pdf.set_auto_page_break(True, 18)
        pdf.set_title(f"DMAF assessment sheet {s.city_short}")
        K = self.keys
        foot = f"{s.city_short} – DMAF assessment sheet"

        class _P(FPDF):
            pass
        pdf.add_page()
        pdf.set_font(fam, "B", 14)
        pdf.cell(0, 9, "ASSESSMENT SHEET", align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(fam, "", 10)
        pdf.cell(0, 6, "City Performance & Recommendations", align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        for k, v in self.head(s):
            pdf.set_font(fam, "B", 10); pdf.cell(50, 7, k, border=1)
            pdf.set_font(fam, "", 10); pdf.multi_cell(0, 7, v, border=1, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(5)
        wl = 45
        for ind in s.order:
            v = self.vals(s, ind, rng)
            if pdf.get_y() > pdf.h - 80:
                pdf.add_page()
            if self.layout == "vertical":
                for key, val in zip(K, v):
                    pdf.set_font(fam, "B", 9)
                    x, y = pdf.get_x(), pdf.get_y()
                    # measure height
                    pdf.set_font(fam, "", 9)
                    lines = pdf.multi_cell(0, 5.5, val, dry_run=True, output="LINES") if False else None
                    pdf.set_xy(x + wl, y)
                    pdf.set_font(fam, "B" if key in (K[1], K[4]) else "", 9)
                    pdf.multi_cell(0, 5.5, val, border=1, new_x="LMARGIN", new_y="NEXT")
                    h = pdf.get_y() - y
                    pdf.set_xy(x, y)
                    pdf.set_font(fam, "B", 9); pdf.set_fill_color(235, 235, 235)
                    pdf.cell(wl, h, key, border=1, fill=True)
                    pdf.set_xy(x, y + h)
                pdf.ln(4)
            else:
                ws = [28, 18, 0, 22, 26]
                tw = pdf.w - pdf.l_margin - pdf.r_margin
                ws[2] = tw - sum(ws)
                pdf.set_font(fam, "B", 8.5); pdf.set_fill_color(220, 230, 241)
                for key, w in zip(K[:5], ws):
                    pdf.cell(w, 6, key, border=1, fill=True, align="C")
                pdf.ln()
                pdf.set_font(fam, "", 8.5)
                y = pdf.get_y()
                x = pdf.l_margin
                hmax = 0
                for val, w in zip(v[:5], ws):
                    pdf.set_xy(x, y)
                    pdf.multi_cell(w, 5.5, val, border=0, align="C" if w != ws[2] else "L")
                    hmax = max(hmax, pdf.get_y() - y)
                    x += w
                x = pdf.l_margin
                for w in ws:
                    pdf.rect(x, y, w, hmax); x += w
                pdf.set_xy(pdf.l_margin, y + hmax)
                pdf.set_font(fam, "I", 8.5)
                pdf.multi_cell(0, 5, f"{K[5]}: {v[5]}", border=1, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(4)
        pdf.output(path)

    def docx(self, s, rng, path):
        d = new_docx(rng.choice(["Arial", "Calibri", "Tahoma"]), 10)
        para(d, "ASSESSMENT SHEET", bold=True, size=14, align="c")
        para(d, "City Performance & Recommendations", align="c")
        t = d.add_table(rows=0, cols=2); t.style = "Table Grid"
        for k, v in self.head(s):
            r = t.add_row().cells; cell_text(r[0], k, bold=True); cell_text(r[1], v)
        para(d, "")
        for ind in s.order:
            v = self.vals(s, ind, rng)
            if self.layout == "vertical":
                t = d.add_table(rows=0, cols=2); t.style = "Table Grid"
                for key, val in zip(self.keys, v):
                    r = t.add_row().cells
                    cell_text(r[0], key, bold=True); shade(r[0], "EBEBEB"); cell_text(r[1], val)
                    r[0].width = Cm(4); r[1].width = Cm(12)
            else:
                t = d.add_table(rows=3, cols=5); t.style = "Table Grid"
                for c, key in zip(t.rows[0].cells, self.keys[:5]):
                    cell_text(c, key, bold=True, size=9); shade(c, "DCE6F1")
                for c, val in zip(t.rows[1].cells, v[:5]):
                    cell_text(c, val, size=9)
                m = t.rows[2].cells[0].merge(t.rows[2].cells[4])
                cell_text(m, f"{self.keys[5]}: {v[5]}", italic=True, size=9)
                col_widths(t, [2.6, 2.4, 5.6, 2.7, 2.7])
            para(d, "")
        save_docx(d, path)

    def txt(self, s, rng, path):
        L = ["ASSESSMENT SHEET", "City Performance & Recommendations", ""]
        kw = max(len(k) for k, _ in self.head(s)) + 1
        for k, v in self.head(s):
            L.append(f"{k:<{kw}}: {v}")
        L.append("")
        kw2 = max(len(k) for k in self.keys) + 1
        for ind in s.order:
            L.append("-" * 72)
            for key, val in zip(self.keys, self.vals(s, ind, rng)):
                L.append(wrap(f"{key:<{kw2}}: {val}", 72, "", " " * (kw2 + 2)))
        L.append("-" * 72)
        open(path, "w", encoding="utf-8").write("\n".join(L) + "\n")


# =====================================================================================
# office_12 : dashboard summary with bars, then recommendations
# =====================================================================================
class Office12:
    name = "office_12"
    formats = ("pdf", "txt")

    def txt(self, s, rng, path):
        pdf_to_text(self.pdf, s, rng, path)

    def setup(self, s, rng):
        self.f = Fmt(rng, code_forms=["dot", "dot", "upper"], score_forms=["slash_sp", "pct", "slash"])
        self.acc = rng.choice(["#00695C", "#1565C0", "#AD1457", "#EF6C00", "#4527A0"])

    def pdf(self, s, rng, path):
        fam = rng.choice(["DejaVuSans", "LibSans", "DejaVuCond"])
        A = colors.HexColor(self.acc)
        W = A4[0] - 30 * mm
        tot = pillar_totals(s)
        ts = sum(v[0] for v in tot.values())
        band = Table([[P(f"<font color='white' size=17><b>{esc(s.city_print)}</b></font>" + (f"<br/><font color='white' size=10>{esc(s.state_print)}</font>" if s.state_print else ""), PS("x", fam, 10, leading=19)),
                       P(f"<font color='white'><b>{esc(cycle_text(s))}</b><br/>DMAF City Dashboard</font>", PS("y", fam, 10, align=TA_RIGHT, leading=13))]],
                     colWidths=[W * 0.62, W * 0.38])
        band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), A), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
        story = [band, Spacer(1, 6), P(esc(FRAMEWORK) + " — City Performance &amp; Recommendations", PS("sub", fam, 10, color=colors.HexColor("#555555"), after=8))]
        tiles = [[P(f"<font size=8>PILLAR {p}</font><br/><b>{PILLARS[p]}</b><br/><font size=16><b>{num(tot[p][0])}</b></font><font size=8> /100</font>",
                    PS(f"t{p}", fam, 10, leading=15, align=TA_CENTER)) for p in range(1, 6)]]
        tt = Table(tiles, colWidths=[W / 5] * 5)
        tt.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, A), ("INNERGRID", (0, 0), (-1, -1), 0.6, colors.white),
                                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F1F4F6"))]))
        story += [tt, Spacer(1, 4), P(f"Overall: <b>{num(ts)}</b> out of 500", PS("o", fam, 10, align=TA_RIGHT, after=10)),
                  P("<b>Indicator scores</b>", PS("is", fam, 11.5, color=A, after=4))]
        lab = PS("lab", fam, 8, leading=9.5, after=0)
        val = PS("val", fam + "-B", 8, leading=9.5, after=0, align=TA_RIGHT)
        rows = []
        bw = 55 * mm
        for p in range(1, 6):
            for ind in [i for i in s.order if i["pillar"] == p]:
                dr = Drawing(bw, 7)
                dr.add(Rect(0, 1, bw, 5, fillColor=colors.HexColor("#E6E6E6"), strokeColor=None))
                if ind["score"]:
                    dr.add(Rect(0, 1, bw * ind["score"] / ind["max"], 5, fillColor=A, strokeColor=None))
                rows.append([P(esc(code_fmt(ind["code"], self.f.code_form)), lab), P(esc(ind["ptitle"]), lab), dr, P(esc(self.f.score(ind)), val)])
        t = Table(rows, colWidths=[14 * mm, W - 14 * mm - bw - 32 * mm, bw + 2 * mm, 30 * mm])
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LINEBELOW", (0, 0), (-1, -1), 0.2, colors.HexColor("#DDDDDD")),
                               ("TOPPADDING", (0, 0), (-1, -1), 1.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2)]))
        story.append(t)
        story.append(PageBreak())
        story.append(P("Recommendations", PS("rh", fam + "-B", 15, color=A, after=6)))
        body = PS("b", fam, 9.5, align=TA_JUSTIFY, after=4)
        hs = PS("h", fam + "-B", 10.5, before=6, after=2)
        for ind in s.order:
            rb = blocks_flow(rec_blocks(s, ind, rng), body)
            story.append(KeepTogether([P(esc(f"{code_fmt(ind['code'], self.f.code_form)}  {ind['ptitle']}"), hs)] + rb[:1]))
            story += rb[1:]

        def on_page(c, doc):
            c.saveState(); c.setFont(fam, 7.5); c.setFillColor(colors.grey)
            c.drawString(doc.leftMargin, 9 * mm, "DataSmart Cities | Smart Cities Mission")
            c.drawRightString(doc.pagesize[0] - doc.rightMargin, 9 * mm, f"{doc.page}")
            c.restoreState()
        build_pdf(path, story, margins=(15 * mm, 15 * mm, 14 * mm, 16 * mm), on_page=on_page)


# =====================================================================================
# office_13 : pillar tables with observation / recommendation / score columns
# =====================================================================================
class Office13:
    name = "office_13"
    formats = ("pdf", "docx", "txt")

    def via_word(self, s, rng):
        return self.word

    def setup(self, s, rng):
        self.word = rng.random() < 0.3
        self.f = Fmt(rng, code_forms=["dot", "dot", "paren"], score_forms=["slash", "slash_sp", "of"])
        self.split = rng.random() < 0.5  # separate Max / Scored columns
        self.cols = (["Indicator", "Current Status", "Recommendation", "Max", "Scored"] if self.split
                     else ["Indicator", "Observation", "Way Forward", "Score"])

    def rows(self, s, p, rng):
        out = []
        for ind in [i for i in s.order if i["pillar"] == p]:
            lab = f"{code_fmt(ind['code'], self.f.code_form)} {ind['ptitle']}"
            rec = flat_text(rec_blocks(s, ind, rng, short=True))
            if self.split:
                out.append([lab, observation(ind, rng), rec, num(ind["max"]), "NA" if ind["score"] is None else self.f.n(ind["score"])])
            else:
                out.append([lab, observation(ind, rng), rec, self.f.score(ind)])
        return out

    def head(self, s, rng):
        h = [title_line(s, rng).replace("\n", " "), "City Performance & Recommendations"]
        if s.state_print:
            h.append(f"{s.city_print} | {s.state_print}" if rng.random() < 0.5 else f"City: {s.city_print}, State: {s.state_print}")
        else:
            h.append(f"City: {s.city_print}")
        return h

    def txt(self, s, rng, path):
        st = rng.choice(["box", "grid"])
        L = self.head(s, rng) + [""]
        ws = [24, 20, 36, 5, 6] if self.split else [24, 22, 38, 11]
        for p in range(1, 6):
            L.append("")
            L.append(f"Pillar {p}: {PILLARS[p]}")
            L.append(text_table([self.cols] + self.rows(s, p, rng), ws, style=st))
        if self.split and any(i["score"] is None for i in s.indicators):
            L.append("NA = not assessed")
        open(path, "w", encoding="utf-8").write("\n".join(L) + "\n")

    def pdf(self, s, rng, path):
        fam = rng.choice(["LibSans", "DejaVuSans", "LibNarrow"])
        ps = rl_landscape(A4) if rng.random() < 0.6 else A4
        W = ps[0] - 30 * mm
        h = self.head(s, rng)
        story = [P(esc(h[0]), PS("t", fam + "-B", 15, after=2)), P(esc(h[1]), PS("t1", fam, 11, after=2)), P(esc(h[2]), PS("t2", fam + "-B", 11, after=8))]
        cell = PS("c", fam, 8.5, leading=10.5, after=0)
        hc = PS("hc", fam + "-B", 8.5, leading=10.5, after=0, color=colors.white)
        hcol = colors.HexColor(rng.choice(["#305496", "#548235", "#BF8F00", "#7030A0"]))
        for p in range(1, 6):
            story.append(P(f"<b>Pillar {p}: {PILLARS[p]}</b>", PS(f"p{p}", fam, 11.5, before=8, after=4)))
            data = [[P(esc(c), hc) for c in self.cols]] + [[P(esc(x), cell) for x in r] for r in self.rows(s, p, rng)]
            if self.split:
                cw = [W * 0.22, W * 0.2, W * 0.42, W * 0.07, W * 0.09]
            else:
                cw = [W * 0.23, W * 0.21, W * 0.42, W * 0.14]
            t = Table(data, colWidths=cw, repeatRows=1)
            t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), hcol), ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#A6A6A6")), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(t)
        if self.split and any(i["score"] is None for i in s.indicators):
            story.append(P("NA = not assessed", PS("na", fam + "-I", 8, before=4)))

        def on_page(c, doc):
            c.saveState(); c.setFont(fam, 7.5)
            c.drawRightString(doc.pagesize[0] - doc.rightMargin, 8 * mm, f"Page {doc.page}")
            c.restoreState()
        build_pdf(path, story, pagesize=ps, margins=(15 * mm, 15 * mm, 15 * mm, 15 * mm), on_page=on_page)

    def docx(self, s, rng, path):
        d = new_docx(rng.choice(["Calibri", "Arial Narrow", "Verdana"]), 10)
        landscape(d.sections[0])
        h = self.head(s, rng)
        para(d, h[0], bold=True, size=15); para(d, h[1], size=11); para(d, h[2], bold=True)
        for p in range(1, 6):
            para(d, f"Pillar {p}: {PILLARS[p]}", bold=True, size=12)
            t = d.add_table(rows=1, cols=len(self.cols)); t.style = "Table Grid"
            for c, x in zip(t.rows[0].cells, self.cols):
                cell_text(c, x, bold=True, color="FFFFFF"); shade(c, "305496")
            for r in self.rows(s, p, rng):
                for c, x in zip(t.add_row().cells, r):
                    cell_text(c, x, size=9)
            col_widths(t, [5.5, 5.0, 10.5, 1.6, 2.0] if self.split else [5.5, 5.2, 10.8, 3.1])
        if self.split and any(i["score"] is None for i in s.indicators):
            para(d, "NA = not assessed", italic=True, size=8)
        save_docx(d, path)
