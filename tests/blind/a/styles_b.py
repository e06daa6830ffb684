"""Office layouts, part B."""
from content import *
from rlib import *
from reportlab.pdfgen import canvas as rl_canvas


# =====================================================================================
# office_04 : slide deck export / DTP cards
# =====================================================================================
class Office04:
    name = "office_04"
    formats = ("pdf", "docx", "txt")

    def txt(self, s, rng, path):
        pdf_to_text(self.pdf, s, rng, path)

    def setup(self, s, rng):
        self.f = Fmt(rng, code_forms=["dot", "dot", "upper", "plain"], score_forms=["slash"])
        pal = rng.choice([("#0B2545", "#F4A259"), ("#1B4332", "#95D5B2"), ("#3C096C", "#FF9E00"), ("#14213D", "#FCA311"), ("#5F0F40", "#0F4C5C")])
        self.dark, self.light = pal
        self.city_disp = s.city_print.upper() if rng.random() < 0.6 else s.city_print
        self.pct = rng.random() < 0.6
        self.overview = rng.random() < 0.7

    def pdf(self, s, rng, path):
        register_fonts()
        fam = rng.choice(["DejaVuSans", "LibSans", "DejaVuCond"])
        W, H = (338.7 * mm, 190.5 * mm) if rng.random() < 0.7 else rl_landscape(A4)
        c = rl_canvas.Canvas(path, pagesize=(W, H), invariant=1)
        c.setTitle(f"DMAF {s.city_short}")
        D, L = colors.HexColor(self.dark), colors.HexColor(self.light)
        pageno = [0]

        def furniture():
            pageno[0] += 1
            c.setFillColor(colors.HexColor("#888888")); c.setFont(fam, 8)
            c.drawRightString(W - 12 * mm, 7 * mm, str(pageno[0]))
            c.drawString(12 * mm, 7 * mm, "SMART CITIES MISSION  |  DataSmart Cities")

        # cover
        c.setFillColor(D); c.rect(0, 0, W, H, fill=1, stroke=0)
        c.setFillColor(L); c.rect(0, H * 0.38, 8 * mm, H * 0.3, fill=1, stroke=0)
        c.setFillColor(colors.white)
        c.setFont(fam, 14); c.drawString(20 * mm, H - 35 * mm, FRAMEWORK.upper())
        c.setFont(fam + "-B", 40 if len(self.city_disp) < 24 else 28)
        c.drawString(20 * mm, H * 0.52, self.city_disp)
        c.setFont(fam, 16)
        if s.state_print:
            c.drawString(20 * mm, H * 0.52 - 12 * mm, s.state_print)
        c.setFillColor(L); c.setFont(fam + "-B", 20)
        c.drawString(20 * mm, H * 0.30, cycle_text(s) if not is_year(s.cycle_label) else f"Assessment {s.cycle_label}")
        c.setFillColor(colors.white); c.setFont(fam, 13)
        c.drawString(20 * mm, H * 0.30 - 9 * mm, "City Performance & Recommendations")
        c.showPage()
        tot = pillar_totals(s)
        if self.overview:
            c.setFillColor(D); c.setFont(fam + "-B", 22); c.drawString(15 * mm, H - 22 * mm, "Pillar-wise performance")
            tw = (W - 30 * mm - 4 * 8 * mm) / 5
            for p in range(1, 6):
                x = 15 * mm + (p - 1) * (tw + 8 * mm)
                c.setFillColor(colors.HexColor("#F2F2F2")); c.roundRect(x, H * 0.35, tw, H * 0.4, 4 * mm, fill=1, stroke=0)
                c.setFillColor(D); c.setFont(fam + "-B", 11); c.drawCentredString(x + tw / 2, H * 0.68, f"0{p}  {PILLARS[p].upper()}")
                c.setFont(fam + "-B", 34); c.drawCentredString(x + tw / 2, H * 0.50, num(tot[p][0]))
                c.setFont(fam, 11); c.drawCentredString(x + tw / 2, H * 0.44, "out of 100")
            ts = sum(v[0] for v in tot.values())
            c.setFont(fam, 13); c.setFillColor(colors.black)
            c.drawString(15 * mm, H * 0.22, f"Overall score: {num(ts)} / 500")
            furniture(); c.showPage()
        body = PS("cb", fam, 8.5, leading=10.5, color=colors.HexColor("#333333"))
        tst = PS("ct", fam + "-B", 11, leading=13, color=D)
        for p in range(1, 6):
            grp = [i for i in s.order if i["pillar"] == p]
            c.setFillColor(D); c.rect(0, H - 26 * mm, W, 26 * mm, fill=1, stroke=0)
            c.setFillColor(colors.white); c.setFont(fam + "-B", 22)
            c.drawString(15 * mm, H - 17 * mm, f"Pillar {p}: {PILLARS[p]}")
            c.setFont(fam, 10); c.drawRightString(W - 15 * mm, H - 17 * mm, self.city_disp if rng.random() < 0.5 else cycle_text(s))
            n = len(grp)
            ncol = 3
            nrow = (n + ncol - 1) // ncol
            gw = (W - 30 * mm - (ncol - 1) * 6 * mm) / ncol
            gh = min(82 * mm, (H - 26 * mm - 18 * mm - (nrow - 1) * 5 * mm) / nrow)
            for k, ind in enumerate(grp):
                r, q = divmod(k, ncol)
                x = 15 * mm + q * (gw + 6 * mm)
                y = H - 32 * mm - (r + 1) * gh - r * 5 * mm
                c.setStrokeColor(colors.HexColor("#CCCCCC")); c.setFillColor(colors.white)
                c.roundRect(x, y, gw, gh, 3 * mm, fill=1, stroke=1)
                code = code_fmt(ind["code"], self.f.code_form)
                c.setFillColor(L); c.roundRect(x + 4 * mm, y + gh - 11 * mm, max(16 * mm, 3.2 * mm * len(code)), 7 * mm, 1.5 * mm, fill=1, stroke=0)
                c.setFillColor(D); c.setFont(fam + "-B", 10); c.drawString(x + 6 * mm, y + gh - 8.8 * mm, code)
                tp = Paragraph(esc(ind["ptitle"]), tst)
                _, th = tp.wrapOn(c, gw - 45 * mm, 30 * mm)
                tp.drawOn(c, x + 4 * mm, y + gh - 14 * mm - th)
                # score
                sx = x + gw - 6 * mm
                c.setFillColor(D)
                if ind["score"] is None:
                    c.setFont(fam + "-B", 20); c.drawRightString(sx - 11 * mm, y + gh - 14 * mm, "NA")
                    c.setFont(fam, 10); c.drawRightString(sx, y + gh - 14 * mm, f"/ {num(ind['max'])}")
                    c.setFont(fam + "-I", 7.5); c.drawRightString(sx, y + gh - 19 * mm, "not assessed")
                else:
                    c.setFont(fam + "-B", 22); c.drawRightString(sx - 11 * mm, y + gh - 14 * mm, self.f.n(ind["score"]))
                    c.setFont(fam, 10); c.drawRightString(sx, y + gh - 14 * mm, f"/ {num(ind['max'])}")
                    if self.pct:
                        c.setFont(fam, 7.5); c.drawRightString(sx, y + gh - 19 * mm, pct(ind))
                    # bar
                    bw = gw - 8 * mm
                    c.setFillColor(colors.HexColor("#EEEEEE")); c.rect(x + 4 * mm, y + 4 * mm, bw, 2.2 * mm, fill=1, stroke=0)
                    c.setFillColor(L); c.rect(x + 4 * mm, y + 4 * mm, bw * ind["score"] / ind["max"], 2.2 * mm, fill=1, stroke=0)
                avail = gh - 14 * mm - th - 12 * mm
                for short in (False, True):
                    rb = rec_blocks(s, ind, rng, short=short)
                    bp = Paragraph(esc(flat_text(rb)), body)
                    _, bh = bp.wrapOn(c, gw - 8 * mm, avail)
                    if bh <= avail:
                        bp.drawOn(c, x + 4 * mm, y + gh - 16 * mm - th - bh)
                        break
            furniture(); c.showPage()
        c.save()

    def docx(self, s, rng, path):
        d = new_docx(rng.choice(["Segoe UI", "Calibri Light", "Century Gothic", "Arial"]), 10)
        dark = self.dark[1:]
        for _ in range(6):
            para(d, "")
        para(d, FRAMEWORK.upper(), size=12, color="666666")
        para(d, self.city_disp, bold=True, size=32, color=dark)
        if s.state_print:
            para(d, s.state_print, size=16, color="444444")
        para(d, cycle_text(s), bold=True, size=18, color=self.light[1:])
        para(d, "City Performance & Recommendations", size=13)
        d.add_page_break()
        tot = pillar_totals(s)
        for p in range(1, 6):
            h = para(d, f"Pillar {p}: {PILLARS[p]}", bold=True, size=18, color=dark)
            if self.overview:
                para(d, f"Pillar score {num(tot[p][0])} out of 100", size=10, color="666666")
            grp = [i for i in s.order if i["pillar"] == p]
            t = d.add_table(rows=(len(grp) + 1) // 2, cols=2)
            table_borders(t, sz=6, color="BBBBBB")
            for k, ind in enumerate(grp):
                cl = t.cell(k // 2, k % 2)
                cl.text = ""
                pp = cl.paragraphs[0]
                r = pp.add_run(code_fmt(ind["code"], self.f.code_form) + "  "); r.bold = True; r.font.color.rgb = RGBColor.from_string(self.light[1:])
                r = pp.add_run(ind["ptitle"]); r.bold = True; r.font.size = Pt(11)
                p2 = cl.add_paragraph()
                if ind["score"] is None:
                    r = p2.add_run("NA"); r.bold = True; r.font.size = Pt(20)
                    p2.add_run(f" / {num(ind['max'])}  (not assessed)")
                else:
                    r = p2.add_run(self.f.n(ind["score"])); r.bold = True; r.font.size = Pt(20); r.font.color.rgb = RGBColor.from_string(dark)
                    p2.add_run(f" / {num(ind['max'])}" + (f"   {pct(ind)}" if self.pct else ""))
                p3 = cl.add_paragraph()
                r = p3.add_run(flat_text(rec_blocks(s, ind, rng, short=True))); r.font.size = Pt(8.5)
            cant_split(t)
            d.add_page_break()
        save_docx(d, path)


# =====================================================================================
# office_05 : e-mail communication (plain text) / letter
# =====================================================================================
class Office05:
    name = "office_05"
    formats = ("txt", "docx")

    def setup(self, s, rng):
        self.f = Fmt(rng, code_forms=["dot", "paren", "plain", "dot"], score_forms=["slash", "slash_sp", "outof", "marks"])
        self.layout = rng.choice(["leaders", "colon", "grouped"])
        self.fwd = rng.random() < 0.3
        self.quote = self.fwd and rng.random() < 0.5

    def lines(self, s, rng):
        f = self.f
        L = []
        who = s.city_print
        where = f" ({s.state_print})" if s.state_print else ""
        lab = cycle_text(s)
        subj_cyc = f"DMAF {lab}" if not lab.startswith("DMAF") else lab
        L.append(f"Subject: {subj_cyc} – City Performance & Recommendations – {who}")
        L.append("")
        L.append(rng.choice(["Dear Sir/Madam,", "Dear Sir / Madam,", "Respected Sir/Madam,", "Dear CEO,"]))
        L.append("")
        L.append(wrap(rng.choice(["Greetings from the Smart Cities Mission!", "Greetings from the DataSmart Cities team."]), 72))
        L.append("")
        cyc = f"{FRAMEWORK} (DMAF) {lab}" if not lab.startswith("DMAF") else f"{FRAMEWORK} ({lab})"
        if s.cycle_label.endswith("Cycle"):
            cyc = f"{lab} of the {FRAMEWORK} (DMAF)"
        L.append(wrap(f"Please find below the results of the {cyc} for {who}{where}. The indicator-wise scores are given first, followed by our recommendations for each indicator.", 72))
        if s.mention_prev_cycle:
            L.append("")
            L.append(wrap(prev_cycle_sentence(s), 72))
        L.append("")
        self.heads = rng.choice([("INDICATOR-WISE SCORES", "RECOMMENDATIONS"), ("Scores:", "Recommendations:"), ("A. Scores", "B. Recommendations")])
        L.append(self.heads[0])
        L.append("")
        for p in range(1, 6):
            grp = [i for i in s.order if i["pillar"] == p]
            if self.layout == "grouped":
                L.append(f"{p}. {PILLARS[p]}")
            for ind in grp:
                c = code_fmt(ind["code"], f.code_form)
                if self.layout == "leaders":
                    left = f"{c} {ind['ptitle']} "
                    right = " " + f.score(ind)
                    dots = max(3, 72 - len(left) - len(right))
                    L.append(left + "." * dots + right)
                elif self.layout == "colon":
                    L.append(f"- {c} {ind['ptitle']}: {f.score(ind)}")
                else:
                    L.append(f"   {c} {ind['ptitle']} - {f.score(ind)}")
            L.append("")
        L.append(self.heads[1])
        L.append("")
        for ind in s.order:
            c = code_fmt(ind["code"], f.code_form)
            txt = flat_text(rec_blocks(s, ind, rng, short=rng.random() < 0.6))
            L.append(wrap(f"{c} {ind['ptitle']}: {txt}", 72))
            L.append("")
        L.append(wrap("For any clarification, please feel free to write to us. We look forward to your continued participation in the DataSmart Cities initiatives.", 72))
        L.append("")
        L.append(rng.choice(["Regards,", "Thanks & Regards,", "With regards,"]))
        L.append(rng.choice(["DMAF Team", "DataSmart Cities Team", "PMU, Smart Cities Mission"]))
        L.append("Smart Cities Mission, Ministry of Housing and Urban Affairs")
        return L

    def txt(self, s, rng, path):
        dt = rng.choice(["Fri, Jun 25, 2021 at 6:14 PM", "Monday, 28 June 2021 11:02", "Thu, Jul 1, 2021, 10:45 AM"]) if s.cycle == 2 else \
            rng.choice(["Tue, Oct 1, 2019 at 4:31 PM", "Monday, 30 September 2019 17:20"]) if s.cycle == 1 else "Wed, Mar 15, 2023 at 12:05 PM"
        slug = "".join(ch for ch in s.city_name.lower() if ch.isalpha())[:12]
        hdr = [f"From: {rng.choice(['DMAF Support', 'DataSmart Cities', 'SCM DMAF Cell'])} <dmaf.cell@smartcities.example.in>",
               f"Date: {dt}", f"To: ceo.{slug}@smartcity.example.in"]
        if rng.random() < 0.5:
            hdr.append("Cc: cdo." + slug + "@smartcity.example.in")
        body = self.lines(s, rng)
        subj = body[0]
        body = body[1:]
        L = hdr + [subj] + body
        if self.fwd:
            pre = ["", "FYI and necessary action.", "", "-- ", "Office of the CEO", "", "---------- Forwarded message ---------"]
            if self.quote:
                L = pre + hdr + [subj, ""] + ["> " + x if x else ">" for x in "\n".join(body).split("\n")]
            else:
                L = pre + L
            L = [f"From: Office of the CEO <office.{slug}@smartcity.example.in>", f"To: cdo.{slug}@smartcity.example.in", f"Subject: Fwd: {subj[9:]}"] + L
        open(path, "w", encoding="utf-8").write("\n".join(L) + "\n")

    def docx(self, s, rng, path):
        d = new_docx(rng.choice(["Calibri", "Arial", "Times New Roman"]), 11)
        L = self.lines(s, rng)
        para(d, rng.choice(["Smart Cities Mission", "DataSmart Cities – Smart Cities Mission"]), bold=True, size=14, align="c")
        para(d, "Ministry of Housing and Urban Affairs, Government of India", align="c", size=9)
        para(d, s.date or "", align="r")
        mode = "text"
        i = 0
        for ln in L:
            if ln.startswith("Subject:"):
                para(d, ln, bold=True)
            elif ln in ("INDICATOR-WISE SCORES", "Scores:", "A. Scores", "RECOMMENDATIONS", "Recommendations:", "B. Recommendations"):
                para(d, ln, bold=True)
            elif ln == "":
                continue
            else:
                para(d, ln.replace("\n", " "))
        save_docx(d, path)


# =====================================================================================
# office_06 : government office memorandum with annexures
# =====================================================================================
class Office06:
    name = "office_06"
    formats = ("pdf", "docx")

    def setup(self, s, rng):
        self.f = Fmt(rng, code_forms=["dot", "paren", "spaceparen"], nmodes=[0, 0, 1])
        self.cols = rng.choice([["Sl. No.", "Indicator", "Maximum Marks", "Marks Awarded"],
                                ["S. No.", "Indicator No.", "Name of Indicator", "Max. Marks", "Marks Obtained"],
                                ["Indicator", "Particulars", "Marks obtained", "Out of"]])
        self.addressee = rng.choice(["The Chief Executive Officer", "The Municipal Commissioner", "The Managing Director"])
        self.word = rng.random() < 0.65
        self.bilingual = rng.random() < 0.5

    def via_word(self, s, rng):
        return self.word

    def subject_cycle(self, s):
        lab = s.cycle_label
        if is_year(lab):
            return f"{FRAMEWORK} (DMAF) {lab}"
        if lab.startswith("DMAF"):
            return f"{FRAMEWORK} ({cycle_text(s)})"
        if lab.endswith("Cycle"):
            return f"{cycle_text(s)} of {FRAMEWORK} (DMAF)"
        return f"{FRAMEWORK} (DMAF) – {cycle_text(s)}"

    def table_rows(self, s):
        rows = [self.cols]
        k = 0
        for p in range(1, 6):
            for ind in [i for i in s.order if i["pillar"] == p]:
                k += 1
                c = code_fmt(ind["code"], self.f.code_form)
                sc = "Not assessed" if ind["score"] is None else self.f.n(ind["score"])
                mx = num(ind["max"])
                if self.cols[0].startswith("Sl"):
                    rows.append([str(k), f"{c} {ind['ptitle']}", mx, sc])
                elif self.cols[0].startswith("S. No"):
                    rows.append([str(k), c, ind["ptitle"], mx, sc])
                else:
                    rows.append([c, ind["ptitle"], sc, mx])
        return rows

    def parts(self, s, rng):
        """Common text pieces."""
        to = [self.addressee + ",", s.city_print + ("," if s.state_print else "")]
        if s.state_print:
            to.append(s.state_print + ".")
        dated = s.date or "—"
        subj = f"Subject: {self.subject_cycle(s)} – City performance and recommendations – reg."
        body1 = (f"I am directed to refer to the above subject and to convey that the assessment of {s.city_print} under the "
                 f"{self.subject_cycle(s)} has been completed. The indicator-wise marks awarded to the city are enclosed at Annexure-I "
                 "and the recommendations for improvement at Annexure-II.")
        body2 = "The city is requested to take necessary action on the recommendations and to share the progress with this Ministry."
        return to, dated, subj, body1, body2

    def docx(self, s, rng, path):
        d = new_docx(rng.choice(["Times New Roman", "Bookman Old Style", "Cambria"]), 12)
        to, dated, subj, b1, b2 = self.parts(s, rng)
        para(d, f"F. No. {s.ref_no}", align="c", size=11)
        if getattr(self, "final_fmt", "docx") == "docx" and self.bilingual:
            para(d, "भारत सरकार", bold=True, align="c", space_after=0)
            para(d, "Government of India", bold=True, align="c", space_after=0)
            para(d, "आवास और शहरी कार्य मंत्रालय", bold=True, align="c", space_after=0)
        else:
            para(d, "Government of India", bold=True, align="c", space_after=0)
        para(d, "Ministry of Housing and Urban Affairs", bold=True, align="c", space_after=0)
        para(d, "(Smart Cities Mission)", align="c")
        para(d, "Nirman Bhawan, New Delhi", align="r", space_after=0)
        para(d, f"Dated: {dated}", align="r")
        para(d, "To,", space_after=0)
        for l in to:
            para(d, "    " + l, space_after=0)
        para(d, "")
        para(d, subj, bold=True, align="j")
        para(d, "Sir/Madam,")
        para(d, "        " + b1, align="j")
        para(d, "        " + b2, align="j")
        para(d, "")
        para(d, "Yours faithfully,", align="r")
        para(d, "(Under Secretary to the Government of India)", align="r")
        d.add_page_break()
        para(d, "Annexure-I", bold=True, align="r")
        para(d, f"Indicator-wise marks – {s.city_print}", bold=True, align="c")
        rows = self.table_rows(s)
        t = d.add_table(rows=0, cols=len(self.cols))
        t.style = "Table Grid"
        for k, r in enumerate(rows):
            cells = t.add_row().cells
            for c, x in zip(cells, r):
                cell_text(c, x, bold=(k == 0), size=10, align=("c" if x.replace(".", "").isdigit() else None))
        col_widths(t, {4: [2.0, 8.5, 2.8, 2.8], 5: [1.6, 2.3, 7.0, 2.4, 2.6]}[len(self.cols)] if self.cols[0] != "Indicator" else [2.4, 8.5, 2.8, 2.2])
        tot = pillar_totals(s)
        ts = sum(v[0] for v in tot.values())
        para(d, "")
        para(d, f"Total marks: {num(ts)} out of 500", bold=True)
        d.add_page_break()
        para(d, "Annexure-II", bold=True, align="r")
        para(d, "Recommendations", bold=True, align="c")
        for k, ind in enumerate(s.order, 1):
            c = code_fmt(ind["code"], self.f.code_form)
            para(d, f"{k}. {c} {ind['ptitle']}", bold=True, space_after=2)
            add_blocks_docx(d, rec_blocks(s, ind, rng, short=rng.random() < 0.5), justify=True)
        fp = d.sections[0].footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_field(fp.add_run(), "PAGE")
        save_docx(d, path)

    def pdf(self, s, rng, path):
        fam = rng.choice(["LibSerif", "DejaVuSerif"])
        to, dated, subj, b1, b2 = self.parts(s, rng)
        n = PS("n", fam, 11.5, leading=15, align=TA_JUSTIFY, after=6)
        c_ = PS("c", fam + "-B", 11.5, align=TA_CENTER, after=0)
        r_ = PS("r", fam, 11.5, align=TA_RIGHT, after=0)
        story = [P(esc(f"F. No. {s.ref_no}"), PS("f", fam, 11, align=TA_CENTER, after=4)), P("Government of India", c_),
                 P("Ministry of Housing and Urban Affairs", c_), P("(Smart Cities Mission)", PS("cc", fam, 11.5, align=TA_CENTER, after=6)),
                 P("Nirman Bhawan, New Delhi", r_), P(esc(f"Dated: {dated}"), r_), Spacer(1, 8), P("To,", PS("l", fam, 11.5, after=0))]
        for l in to:
            story.append(P(esc(l), PS("to", fam, 11.5, leftIndent=24, after=0)))
        story += [Spacer(1, 8), P("<b>" + esc(subj) + "</b>", PS("s", fam, 11.5, leading=15, leftIndent=30, firstLineIndent=-30, after=8)),
                  P("Sir/Madam,", n), P(esc(b1), PS("b1", fam, 11.5, leading=15, firstLineIndent=36, align=TA_JUSTIFY, after=6)),
                  P(esc(b2), PS("b2", fam, 11.5, leading=15, firstLineIndent=36, align=TA_JUSTIFY, after=6)),
                  Spacer(1, 18), P("Yours faithfully,", r_), Spacer(1, 24), P("(Under Secretary to the Government of India)", r_), PageBreak(),
                  P("<b>Annexure-I</b>", r_), P(esc(f"Indicator-wise marks – {s.city_print}"), PS("at", fam + "-B", 12, align=TA_CENTER, after=8))]
        cell = PS("cl", fam, 10, leading=12, after=0)
        rows = self.table_rows(s)
        data = [[P(("<b>%s</b>" if k == 0 else "%s") % esc(x), cell) for x in r] for k, r in enumerate(rows)]
        nc = len(self.cols)
        W = A4[0] - 50 * mm
        cw = {4: [18 * mm, None, 30 * mm, 30 * mm], 5: [14 * mm, 22 * mm, None, 24 * mm, 26 * mm]}[nc]
        if self.cols[0] == "Indicator":
            cw = [24 * mm, None, 30 * mm, 22 * mm]
        cw = [x if x else W - sum(y for y in cw if y) for x in cw]
        t = Table(data, colWidths=cw, repeatRows=1)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        tot = pillar_totals(s)
        story += [t, Spacer(1, 6), P(f"<b>Total marks: {num(sum(v[0] for v in tot.values()))} out of 500</b>", n), PageBreak(),
                  P("<b>Annexure-II</b>", r_), P("Recommendations", PS("rt", fam + "-B", 12, align=TA_CENTER, after=8))]
        for k, ind in enumerate(s.order, 1):
            c = code_fmt(ind["code"], self.f.code_form)
            story.append(P(f"<b>{k}. {esc(c)} {esc(ind['ptitle'])}</b>", PS("rh", fam, 11.5, before=4, after=2)))
            story += blocks_flow(rec_blocks(s, ind, rng, short=rng.random() < 0.5), n)

        def on_page(cv, doc):
            cv.saveState(); cv.setFont(fam, 9)
            cv.drawCentredString(doc.pagesize[0] / 2, 12 * mm, str(doc.page))
            cv.restoreState()
        build_pdf(path, story, margins=(25 * mm, 25 * mm, 22 * mm, 22 * mm), on_page=on_page)


# =====================================================================================
# office_07 : two-column magazine layout
# =====================================================================================
class Office07:
    name = "office_07"
    formats = ("pdf", "docx", "txt")

    def txt(self, s, rng, path):
        pdf_to_text(self.pdf, s, rng, path)

    def setup(self, s, rng):
        self.f = Fmt(rng, code_forms=["dot", "dot", "upper"], score_forms=["slash_sp", "of", "slash", "pct"])
        self.sep = rng.choice([" | ", " · ", "  ", " — "])
        self.slabel = rng.choice(["SCORE", "Score", "Marks", "Rating"])
        self.glance = rng.random() < 0.6
        self.accent = rng.choice(["#C0392B", "#2471A3", "#117A65", "#6C3483", "#B9770E"])

    def pdf(self, s, rng, path):
        register_fonts()
        fam = rng.choice(["DejaVuSans", "LibSans", "DejaVuSerif", "LibSerif"])
        A = colors.HexColor(self.accent)
        W, H = A4
        lm = 15 * mm; gap = 7 * mm
        cw = (W - 2 * lm - gap) / 2
        top_h = 62 * mm
        fr_title = Frame(lm, H - 15 * mm - top_h, W - 2 * lm, top_h, id="t", leftPadding=0, rightPadding=0)
        f1 = [Frame(lm + k * (cw + gap), 15 * mm, cw, H - 30 * mm - top_h, id=f"a{k}", leftPadding=0, rightPadding=0) for k in range(2)]
        f2 = [Frame(lm + k * (cw + gap), 15 * mm, cw, H - 32 * mm, id=f"b{k}", leftPadding=0, rightPadding=0) for k in range(2)]
        hdr = f"DMAF {cycle_text(s)}".replace("DMAF DMAF", "DMAF") + self.sep + s.city_short

        def later(c, doc):
            c.saveState(); c.setFont(fam, 7.5); c.setFillColor(colors.grey)
            c.drawString(lm, H - 10 * mm, hdr); c.drawRightString(W - lm, H - 10 * mm, str(doc.page))
            c.setStrokeColor(A); c.setLineWidth(1.2); c.line(lm, H - 11.5 * mm, W - lm, H - 11.5 * mm)
            c.setLineWidth(0.3); c.setStrokeColor(colors.lightgrey); c.line(W / 2, 15 * mm, W / 2, H - 17 * mm)
            c.restoreState()

        def first(c, doc):
            c.saveState(); c.setFillColor(A); c.rect(0, H - 8 * mm, W, 8 * mm, fill=1, stroke=0)
            c.setStrokeColor(colors.lightgrey); c.setLineWidth(0.3); c.line(W / 2, 15 * mm, W / 2, H - 30 * mm - top_h + 12 * mm)
            c.setFont(fam, 7.5); c.setFillColor(colors.grey); c.drawRightString(W - lm, 8 * mm, "1")
            c.restoreState()
        doc = BaseDocTemplate(path, pagesize=A4, invariant=1, title=f"{s.city_short} DMAF")
        doc.addPageTemplates([PageTemplate("first", [fr_title] + f1, onPage=first, autoNextPageTemplate="later"),
                              PageTemplate("later", f2, onPage=later)])
        tt = PS("tt", fam + "-B", 24, leading=28, color=A, after=2)
        story = [Spacer(1, 6), P(esc(s.city_print), tt)]
        if s.state_print:
            story.append(P(esc(s.state_print), PS("st", fam, 13, color=colors.HexColor("#555555"), after=6)))
        story.append(P(esc(title_line(s, rng).replace("\n", " ")), PS("t2", fam + "-B", 12, after=1)))
        story.append(P("City Performance &amp; Recommendations", PS("t3", fam, 11, after=4)))
        if self.glance:
            tot = pillar_totals(s)
            cells = [[P(f"<b>{PILLARS[p]}</b><br/>{num(tot[p][0])}/100", PS(f"g{p}", fam, 8.5, align=TA_CENTER, after=0)) for p in range(1, 6)]]
            g = Table(cells, colWidths=[(W - 2 * lm) / 5] * 5)
            g.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, A), ("INNERGRID", (0, 0), (-1, -1), 0.3, colors.lightgrey),
                                   ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F8F8F8"))]))
            story.append(g)
        story.append(FrameBreak())
        body = PS("b", fam, 8.8, leading=11.2, align=TA_JUSTIFY, after=4)
        hs = PS("h", fam + "-B", 10, leading=12, color=A, before=6, after=1)
        sc = PS("sc", fam + "-B", 8.8, color=colors.black, after=3)
        ph = PS("ph", fam + "-B", 13, color=colors.white, after=0)
        for p in range(1, 6):
            band = Table([[P(f"PILLAR {p} {self.sep.strip() or '·'} {PILLARS[p].upper()}", ph)]], colWidths=[cw])
            band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), A), ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
            story.append(Spacer(1, 4)); story.append(band)
            for ind in [i for i in s.order if i["pillar"] == p]:
                c = code_fmt(ind["code"], self.f.code_form)
                head = P(esc(f"{c}{self.sep}{ind['ptitle']}"), hs)
                sline = P(esc(f"{self.slabel}: {self.f.score(ind)}") if self.slabel[0].isupper() and self.slabel != "SCORE" else esc(f"{self.slabel}  {self.f.score(ind)}"), sc)
                rb = blocks_flow(rec_blocks(s, ind, rng, short=rng.random() < 0.5), body)
                story.append(KeepTogether([head, sline] + rb[:1]))
                story += rb[1:]
        doc.build(story)

    def docx(self, s, rng, path):
        d = new_docx(rng.choice(["Georgia", "Calibri", "Franklin Gothic Book"]), 10)
        A = self.accent[1:]
        para(d, s.city_print, bold=True, size=24, color=A, space_after=0)
        if s.state_print:
            para(d, s.state_print, size=13, color="555555")
        para(d, title_line(s, rng).replace("\n", " "), bold=True, size=12, space_after=0)
        para(d, "City Performance & Recommendations", size=11)
        new = d.add_section(0)  # continuous
        set_cols(new, 2)
        for p in range(1, 6):
            para(d, f"PILLAR {p}{self.sep}{PILLARS[p].upper()}", bold=True, size=12, color=A)
            for ind in [i for i in s.order if i["pillar"] == p]:
                c = code_fmt(ind["code"], self.f.code_form)
                para(d, f"{c}{self.sep}{ind['ptitle']}", bold=True, color=A, space_after=0)
                para(d, f"{self.slabel}: {self.f.score(ind)}", bold=True, space_after=2)
                add_blocks_docx(d, rec_blocks(s, ind, rng, short=rng.random() < 0.5), justify=True)
        hp = d.sections[0].header.paragraphs[0]
        hp.text = f"DMAF{self.sep}{s.city_short}"
        save_docx(d, path)
