"""Office layouts, part A."""
from content import *
from rlib import *


def _city_line(s, rng, sep=None):
    sep = sep or rng.choice([" | ", "  |  ", ", "])
    if s.state_print is None:
        return rng.choice([f"City: {s.city_print}", f"{s.city_print}"])
    return rng.choice([f"City: {s.city_print}{sep}State: {s.state_print}",
                       f"City: {s.city_print}{sep}State: {s.state_print}",
                       f"{s.city_print}, {s.state_print}",
                       f"{s.city_print} ({s.state_print})"])


# =====================================================================================
# office_01 : recommendation report, one block per indicator
# =====================================================================================
class Office01:
    name = "office_01"
    formats = ("pdf", "docx", "txt")

    def via_word(self, s, rng):
        return self.word

    def setup(self, s, rng):
        self.word = rng.random() < 0.3
        self.f = Fmt(rng, code_forms=["dot"] * 6 + ["upper", "paren"], score_forms=["slash", "slash", "slash_sp", "pct"])
        self.head = rng.choice(["Indicator {c}: {t}", "Indicator {c}: {t}", "Indicator {c} – {t}", "Indicator {c}. {t}", "{c} {t}"])
        self.slabel = rng.choice(["Score:", "Score:", "Score:", "Score -", "Score obtained:", "Marks:"])
        self.sub = rng.choice(["City Performance & Recommendations", "City Performance & Recommendations", "City Performance and Recommendations"])
        self.sec = rng.choice(["City Recommendations", "Recommendations", "Indicator-wise Recommendations"])
        self.cityline = _city_line(s, rng)
        self.title = title_line(s, rng)

    def heading(self, ind):
        c = code_fmt(ind["code"], self.f.code_form)
        return self.head.format(c=c, t=ind["ptitle"])

    def sline(self, ind):
        return f"{self.slabel} {self.f.score(ind)}"

    # ------------------------------------------------------------------ txt (extraction-like)
    def txt(self, s, rng, path):
        f = self.f
        bold = rng.random() < 0.3
        pad = lambda a, b: "\n" * rng.randint(a, b)
        out = [pad(3, 7), *[l + "\n\n" for l in self.title.split("\n")], self.sub + "\n\n", self.cityline + "\n", pad(3, 7), self.sec + "\n", pad(3, 7)]
        order = s.order
        # displaced score quirk: indicator with unique max in its pillar, score printed after the next block
        displaced = None
        dmode = rng.choice(["after_next", "after_next", "before_own"])
        if rng.random() < 0.35:
            cands = []
            for k, ind in enumerate(order):
                grp = [i for i in order if i["pillar"] == ind["pillar"]]
                if sum(1 for i in grp if i["max"] == ind["max"]) != 1:
                    continue
                if dmode == "after_next" and k + 1 < len(order) and order[k + 1]["pillar"] == ind["pillar"]:
                    cands.append(k)
                if dmode == "before_own" and k > 0 and order[k - 1]["pillar"] == ind["pillar"]:
                    cands.append(k)
            if cands:
                displaced = rng.choice(cands)
        pending = None
        prev_p = None
        for k, ind in enumerate(order):
            if prev_p is not None and ind["pillar"] != prev_p:
                out.append(pad(2, 6))
            prev_p = ind["pillar"]
            sl = self.sline(ind)
            if bold and ind["score"] is not None:
                sl = f"{self.slabel} **{f.score(ind)}**"
            if k == displaced and dmode == "before_own":
                out.append(sl + "\n\n")
            out.append(self.heading(ind) + "\n\n")
            if k != displaced:
                out.append(sl + "\n\n")
            elif dmode == "after_next":
                pending = sl
            for b in rec_blocks(s, ind, rng):
                if b[0] == "p":
                    out.append(b[1] + "\n\n")
                else:
                    items = b[1]
                    if len(items) >= 9 and rng.random() < 0.6:
                        n = (len(items) + 2) // 3
                        for g in range(3):
                            out.append("".join(f"- {x}\n" for x in items[g * n:(g + 1) * n]) + "\n")
                    else:
                        out.append("".join(f"- {x}\n" for x in items) + "\n")
            if pending is not None and displaced is not None and k == displaced + 1:
                out.append(pending + "\n\n")
                pending = None
        out.append(pad(1, 3))
        open(path, "w", encoding="utf-8").write("".join(out))

    # ------------------------------------------------------------------ pdf
    def pdf(self, s, rng, path):
        fam = rng.choice(["DejaVuSans", "LibSans", "DejaVuCond", "LibSerif"])
        accent = rng.choice([colors.HexColor("#1F4E79"), colors.HexColor("#7B2C2C"), colors.HexColor("#0B6E4F"), colors.HexColor("#3A3A8C"), colors.HexColor("#444444")])
        place = rng.choice(["box_right", "line_below", "badge"])
        cover = rng.random() < 0.4
        body = PS("body", fam, rng.choice([9.5, 10, 10.5]), align=rng.choice([TA_LEFT, TA_JUSTIFY]), after=5)
        h = PS("h", fam + "-B", 11.5, color=accent, before=8, after=3)
        tit = PS("tit", fam + "-B", 20, leading=25, color=accent, align=TA_CENTER if cover else TA_LEFT, after=6)
        sub = PS("sub", fam, 14, color=colors.HexColor("#333333"), align=tit.alignment, after=6)
        cl = PS("cl", fam + "-B", 12, align=tit.alignment, after=12)
        sec = PS("sec", fam + "-B", 15, color=accent, before=6, after=8)
        sc = PS("sc", fam + "-B", 10.5, color=accent, align=TA_CENTER, after=0)
        story = []
        if cover:
            story.append(Spacer(1, 70 * mm))
        for l in self.title.split("\n"):
            story.append(P(esc(l), tit))
        story.append(P(esc(self.sub), sub))
        story.append(P(esc(self.cityline), cl))
        if cover:
            story.append(Spacer(1, 30 * mm))
            story.append(P(esc(f"Smart Cities Mission, Ministry of Housing and Urban Affairs{', ' + s.date if s.date else ''}"), PS("cv", fam, 10, align=TA_CENTER)))
            story.append(PageBreak())
        if rng.random() < 0.5:
            for t in intro_paras(s, rng, 1):
                story.append(P(esc(t), body))
        story.append(P(esc(self.sec), sec))
        prev = None
        for ind in s.order:
            if prev is not None and ind["pillar"] != prev and rng.random() < 0.3:
                story.append(CondPageBreak(60 * mm))
            prev = ind["pillar"]
            hd = esc(self.heading(ind))
            blocks = blocks_flow(rec_blocks(s, ind, rng), body)
            if place == "box_right":
                box = Table([[P(esc(self.f.score(ind)), sc)]], colWidths=[34 * mm])
                box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, accent), ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F2F2F2")),
                                         ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
                row = Table([[P(hd, h), [P(esc(self.slabel.rstrip(':- ')), PS("sl", fam, 7.5, align=TA_CENTER, after=1)), box]]], colWidths=[None, 36 * mm])
                row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
                story.append(KeepTogether([Spacer(1, 6), row] + blocks[:1]))
                story += blocks[1:]
            elif place == "line_below":
                story.append(KeepTogether([P(hd, h), P("<b>" + esc(self.sline(ind)) + "</b>", body)] + blocks[:1]))
                story += blocks[1:]
            else:
                c = code_fmt(ind["code"], self.f.code_form)
                badge = Table([[P(f"<font color='white'><b>{esc(c)}</b></font>", PS("bd", fam, 10, align=TA_CENTER, after=0)),
                                P(esc(ind["ptitle"]), h), P(esc(self.f.score(ind)), sc)]], colWidths=[24 * mm, None, 34 * mm])
                badge.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, 0), accent), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                           ("LINEBELOW", (0, 0), (-1, 0), 0.6, accent), ("BOX", (2, 0), (2, 0), 0.8, accent)]))
                story.append(KeepTogether([Spacer(1, 6), badge, Spacer(1, 4)] + blocks[:1]))
                story += blocks[1:]
        hdr_left = f"DMAF {'' if s.cycle_label.startswith('DMAF') else cycle_text(s)}".replace("DMAF DMAF", "DMAF").strip() if rng.random() < 0.5 else "Smart Cities Mission | MoHUA"
        hdr_right = s.city_short if rng.random() < 0.6 else ""
        pnform = rng.choice(["{n}", "Page {n}", "- {n} -"])

        def on_page(c, doc):
            c.saveState()
            W, H = doc.pagesize
            c.setFont(fam, 8)
            c.setFillColor(colors.HexColor("#666666"))
            c.drawString(doc.leftMargin, H - 12 * mm, hdr_left)
            if hdr_right:
                c.drawRightString(W - doc.rightMargin, H - 12 * mm, hdr_right)
            c.setStrokeColor(accent)
            c.line(doc.leftMargin, H - 13.5 * mm, W - doc.rightMargin, H - 13.5 * mm)
            c.drawCentredString(W / 2, 10 * mm, pnform.format(n=doc.page))
            c.restoreState()
        build_pdf(path, story, pagesize=rng.choice([A4, A4, letter]), on_page=on_page, on_first=(lambda c, d: None) if cover else on_page,
                  title=f"DMAF - {s.city_short}")

    # ------------------------------------------------------------------ docx
    def docx(self, s, rng, path):
        font = rng.choice(["Calibri", "Arial", "Cambria", "Segoe UI", "Times New Roman"])
        d = new_docx(font, rng.choice([10, 11]))
        tstyle = rng.random() < 0.5
        for l in self.title.split("\n"):
            if tstyle:
                d.add_paragraph(l, style="Title")
            else:
                para(d, l, bold=True, size=20, color="1F4E79", align="c")
        para(d, self.sub, size=14, align=None if tstyle else "c")
        para(d, self.cityline, bold=True, size=12, align=None if tstyle else "c")
        if rng.random() < 0.5:
            for t in intro_paras(s, rng, 2):
                para(d, t, align="j")
        d.add_paragraph(self.sec, style="Heading 1")
        mode = rng.choice(["para", "table"])
        for ind in s.order:
            if mode == "para":
                d.add_paragraph(self.heading(ind), style="Heading 2")
                p = para(d, "")
                r = p.add_run(self.slabel + " ")
                r2 = p.add_run(self.f.score(ind)); r2.bold = True
            else:
                t = d.add_table(rows=1, cols=2)
                t.alignment = WD_TABLE_ALIGNMENT.CENTER
                cell_text(t.cell(0, 0), self.heading(ind), bold=True, size=12, color="1F4E79")
                cell_text(t.cell(0, 1), f"{self.slabel.rstrip(':- ')}\n{self.f.score(ind)}", bold=True, align="c")
                shade(t.cell(0, 1), "DDEBF7")
                t.cell(0, 0).width = Cm(12.5); t.cell(0, 1).width = Cm(3.5)
                cant_split(t)
                para(d, "", space_after=0)
            add_blocks_docx(d, rec_blocks(s, ind, rng))
        sec = d.sections[0]
        hp = sec.header.paragraphs[0]
        hp.text = f"{FRAMEWORK} | {s.city_short}" if rng.random() < 0.5 else "Smart Cities Mission"
        fp = sec.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = fp.add_run("Page "); add_field(fp.add_run(), "PAGE")
        save_docx(d, path)


# =====================================================================================
# office_02 : scorecard table first, recommendations afterwards
# =====================================================================================
class Office02:
    name = "office_02"
    formats = ("pdf", "docx", "txt")

    def setup(self, s, rng):
        self.f = Fmt(rng, code_forms=["dot", "dot", "paren", "upper", "plain"])
        self.cols = rng.choice([
            ["S.No.", "Indicator", "Description", "Max. Marks", "Marks Obtained"],
            ["Code", "Indicator", "Maximum Score", "City Score", "%"],
            ["Pillar", "Indicator No.", "Indicator", "Score", "Out of"],
            ["#", "Indicator", "Marks Obtained", "Maximum Marks"],
        ])
        self.subtotals = rng.random() < 0.6
        self.total = rng.random() < 0.7
        self.rec_score = rng.random() < 0.25  # repeat score beside recommendation heading
        self.title = title_line(s, rng)
        self.kind = rng.choice(["Scorecard", "Score Card", "City Scorecard", "Assessment Summary"])
        self.transposed = rng.random() < 0.3
        self.mrows = rng.choice([("Indicator", "Max. Marks", "Marks Obtained"), ("Code", "Maximum", "Score"), ("Indicator No.", "Out of", "Secured")])

    def matrix(self, s, p):
        grp = [i for i in s.order if i["pillar"] == p]
        a, b, c = self.mrows
        rows = [[a] + [code_fmt(i["code"], self.f.code_form) for i in grp] + ["Total"],
                [""] + [i["ptitle"] for i in grp] + [""],
                [b] + [num(i["max"]) for i in grp] + ["100"],
                [c] + [self.f.s_only(i) for i in grp] + [num(pillar_totals(s)[p][0])]]
        return rows

    def info_rows(self, s, rng):
        rows = [(rng.choice(["Name of City", "City", "Smart City"]), s.city_print)]
        if s.state_print:
            rows.append(("State / UT" if rng.random() < 0.5 else "State", s.state_print))
        rows.append((rng.choice(["Assessment Cycle", "Cycle", "DMAF Cycle"]), cycle_text(s)))
        if s.date:
            rows.append(("Date of Issue" if rng.random() < 0.5 else "Date", s.date))
        return rows

    def score_rows(self, s, with_pillar_rows=True):
        cols = self.cols
        rows = [cols]
        kinds = ["h"]
        tot = pillar_totals(s)
        k = 0
        for p in range(1, 6):
            grp = [i for i in s.order if i["pillar"] == p]
            if with_pillar_rows and cols[0] != "Pillar":
                rows.append([f"Pillar {p}: {PILLARS[p]}"] + [""] * (len(cols) - 1)); kinds.append("p")
            for j, ind in enumerate(grp):
                k += 1
                c = code_fmt(ind["code"], self.f.code_form)
                sc = self.f.s_only(ind)
                mx = num(ind["max"])
                if cols[0] == "S.No.":
                    r = [str(k), c, ind["ptitle"], mx, sc]
                elif cols[0] == "Code":
                    r = [c, ind["ptitle"], mx, sc, pct(ind)]
                elif cols[0] == "Pillar":
                    r = [f"{p}. {PILLARS[p]}" if j == 0 else "", c, ind["ptitle"], sc, mx]
                else:
                    r = [c, ind["ptitle"], sc, mx]
                rows.append(r); kinds.append("i")
            if self.subtotals:
                st, sm = tot[p]
                lab = f"Sub-total ({PILLARS[p]})"
                if cols[0] == "S.No.":
                    r = ["", "", lab, num(sm), num(st)]
                elif cols[0] == "Code":
                    r = ["", lab, num(sm), num(st), f"{100 * st / sm:.0f}%"]
                elif cols[0] == "Pillar":
                    r = ["", "", lab, num(st), num(sm)]
                else:
                    r = ["", lab, num(st), num(sm)]
                rows.append(r); kinds.append("s")
        if self.total:
            ts = sum(v[0] for v in tot.values()); tm = sum(v[1] for v in tot.values())
            if cols[0] == "S.No.":
                r = ["", "", "Total", num(tm), num(ts)]
            elif cols[0] == "Code":
                r = ["", "Total", num(tm), num(ts), f"{100 * ts / tm:.0f}%"]
            elif cols[0] == "Pillar":
                r = ["", "", "Total", num(ts), num(tm)]
            else:
                r = ["", "Grand Total", num(ts), num(tm)]
            rows.append(r); kinds.append("t")
        return rows, kinds

    def has_null(self, s):
        return any(i["score"] is None for i in s.indicators)

    def rec_head(self, ind):
        c = code_fmt(ind["code"], self.f.code_form)
        h = f"{c} {ind['ptitle']}"
        if self.rec_score:
            h += f" ({self.f.score(ind)})"
        return h

    def txt(self, s, rng, path):
        W = rng.choice([78, 90, 100])
        tstyle = rng.choice(["grid", "pipe", "plain", "box"])
        out = []
        for l in self.title.split("\n"):
            out.append(l.center(W).rstrip() if rng.random() < 0.5 else l)
        out.append("City Performance & Recommendations")
        out.append("")
        for k, v in self.info_rows(s, rng):
            out.append(f"{k:<18}: {v}")
        out.append("")
        out.append(self.kind.upper())
        out.append("")
        if self.transposed:
            for p in range(1, 6):
                m = self.matrix(s, p)
                n = len(m[0]) - 2
                longest = max(len(w) for t in m[1][1:-1] for w in t.split())
                cw = max(longest, 12, min(16, (W - 18 - 8 - 3 * (n + 2)) // max(n, 1)))
                out.append(f"Pillar {p} - {PILLARS[p]}")
                out.append(text_table(m, [14] + [cw] * n + [6], style="grid" if tstyle == "plain" else tstyle, header=False, aligns=["l"] + ["c"] * n + ["r"]))
                out.append("")
        rows, kinds = self.score_rows(s, with_pillar_rows=rng.random() < 0.5)
        ncol = len(self.cols)
        titlecol = self.cols.index("Description") if "Description" in self.cols else self.cols.index("Indicator")
        widths = []
        for i in range(ncol):
            widths.append(min(22, max(len(str(r[i])) for r, kd in zip(rows, kinds) if kd != "p")))
        extra = {"grid": 3, "pipe": 3, "box": 3, "plain": 2}[tstyle]
        widths[titlecol] = 0
        widths[titlecol] = max(24, W - sum(widths) - extra * ncol - 1)
        rows2 = []
        for r, kd in zip(rows, kinds):
            if kd == "p":
                x = [""] * ncol
                x[titlecol] = r[0].upper()
                rows2.append(x)
            else:
                rows2.append(r)
        aligns = ["l"] * ncol
        for i, c in enumerate(self.cols):
            if any(w in c for w in ("Marks", "Score", "Out of", "%")):
                aligns[i] = "r"
        if not self.transposed:
            out.append(text_table(rows2, widths, style=tstyle, aligns=aligns))
        if self.has_null(s):
            out.append(f"{self.f.null_form}: indicator not assessed in this cycle.")
        out.append("")
        out.append("")
        out.append(rng.choice(["RECOMMENDATIONS", "Recommendations", "Indicator-wise recommendations"]))
        out.append("=" * 15 if rng.random() < 0.5 else "")
        for ind in s.order:
            out.append("")
            out.append(self.rec_head(ind))
            for b in rec_blocks(s, ind, rng, short=rng.random() < 0.3):
                if b[0] == "p":
                    out.append(wrap(b[1], W))
                else:
                    out += [wrap(x, W, "  * ", "    ") for x in b[1]]
        open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")

    def pdf(self, s, rng, path):
        fam = rng.choice(["DejaVuSans", "LibSans", "LibSerif", "DejaVuCond"])
        accent = rng.choice(["#203864", "#385723", "#7F6000", "#833C0B", "#2F5597"])
        A = colors.HexColor(accent)
        ruled = rng.choice(["grid", "horiz", "zebra"])
        body = PS("b", fam, 9.5, align=TA_JUSTIFY, after=4)
        cell = PS("c", fam, 8.5, leading=10.5, after=0)
        cellb = PS("cb", fam + "-B", 8.5, leading=10.5, after=0, color=colors.white)
        story = [P(esc(self.title).replace("\n", "<br/>"), PS("t", fam + "-B", 17, color=A, after=4)),
                 P("City Performance &amp; Recommendations", PS("t2", fam, 12, after=10))]
        info = Table([[P(f"<b>{esc(k)}</b>", cell), P(esc(v), cell)] for k, v in self.info_rows(s, rng)], colWidths=[40 * mm, 90 * mm], hAlign="LEFT")
        info.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#EEEEEE"))]))
        story += [info, Spacer(1, 8), P(f"<b>{esc(self.kind)}</b>", PS("k", fam, 12, color=A, after=4))]
        if self.transposed:
            Wt = A4[0] - 40 * mm
            for p in range(1, 6):
                m = self.matrix(s, p)
                n = len(m[0]) - 2
                cwid = (Wt - 30 * mm - 16 * mm) / n
                data = [[P(("<b>%s</b>" % esc(x)) if (r in (0, 3) or k == 0) else esc(x), PS(f"m{p}{r}{k}", fam, 8, leading=9.6, align=TA_LEFT if k == 0 else TA_CENTER, after=0))
                         for k, x in enumerate(row)] for r, row in enumerate(m)]
                t = Table(data, colWidths=[30 * mm] + [cwid] * n + [16 * mm])
                t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E1F2")),
                                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("SPAN", (-1, 0), (-1, 1)), ("SPAN", (0, 0), (0, 1))]))
                story += [P(f"<b>Pillar {p}: {PILLARS[p]}</b>", PS(f"pp{p}", fam, 10, before=4, after=2)), t]
        rows, kinds = self.score_rows(s, with_pillar_rows=rng.random() < 0.6)
        data = []
        for r, kd in zip(rows, kinds):
            stl = cellb if kd == "h" else cell
            if kd in ("s", "t", "p"):
                data.append([P(f"<b>{esc(x)}</b>", cell) for x in r])
            else:
                data.append([P(esc(x), stl) for x in r])
        n = len(self.cols)
        W = A4[0] - 40 * mm
        if self.cols[0] == "S.No.":
            cw = [12 * mm, 18 * mm, None, 24 * mm, 26 * mm]
        elif self.cols[0] == "Code":
            cw = [18 * mm, None, 26 * mm, 22 * mm, 16 * mm]
        elif self.cols[0] == "Pillar":
            cw = [28 * mm, 22 * mm, None, 18 * mm, 18 * mm]
        else:
            cw = [18 * mm, None, 28 * mm, 28 * mm]
        fixed = sum(c for c in cw if c)
        cw = [c if c else W - fixed for c in cw]
        t = Table(data, colWidths=cw, repeatRows=1)
        ts = [("BACKGROUND", (0, 0), (-1, 0), A), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
              ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
        if ruled == "grid":
            ts.append(("GRID", (0, 0), (-1, -1), 0.4, colors.grey))
        elif ruled == "horiz":
            ts.append(("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.grey))
        for k, kd in enumerate(kinds):
            if kd == "p":
                ts += [("SPAN", (0, k), (-1, k)), ("BACKGROUND", (0, k), (-1, k), colors.HexColor("#D9E1F2"))]
            elif kd in ("s", "t"):
                ts.append(("BACKGROUND", (0, k), (-1, k), colors.HexColor("#F2F2F2")))
            elif ruled == "zebra" and k % 2 == 0:
                ts.append(("BACKGROUND", (0, k), (-1, k), colors.HexColor("#F7F9FC")))
        t.setStyle(TableStyle(ts))
        if not self.transposed:
            story.append(t)
        if self.has_null(s):
            story.append(P(esc(f"{self.f.null_form}: indicator not assessed in this cycle."), PS("nt", fam + "-I", 8, before=3)))
        story.append(PageBreak())
        story.append(P(rng.choice(["Recommendations", "City Recommendations", "Way Forward"]), PS("h1", fam + "-B", 15, color=A, after=8)))
        hs = PS("h2", fam + "-B", 11, color=A, before=8, after=3)
        for ind in s.order:
            rb = blocks_flow(rec_blocks(s, ind, rng), body)
            story.append(KeepTogether([P(esc(self.rec_head(ind)), hs)] + rb[:1]))
            story += rb[1:]
        foot = rng.choice([f"{s.city_short} | DMAF", "Smart Cities Mission, MoHUA", f"DataSmart Cities – {s.city_short}"])

        def on_page(c, doc):
            c.saveState(); c.setFont(fam, 7.5); c.setFillColor(colors.grey)
            c.drawString(doc.leftMargin, 10 * mm, foot)
            c.drawRightString(doc.pagesize[0] - doc.rightMargin, 10 * mm, f"Page {doc.page}")
            c.restoreState()
        build_pdf(path, story, on_page=on_page, margins=(20 * mm, 20 * mm, 18 * mm, 18 * mm))

    def docx(self, s, rng, path):
        font = rng.choice(["Calibri", "Arial", "Garamond", "Verdana"])
        d = new_docx(font, 10)
        para(d, self.title.replace("\n", " "), bold=True, size=16, color="203864")
        para(d, "City Performance & Recommendations", size=12)
        info = d.add_table(rows=0, cols=2)
        info.style = "Table Grid"
        for k, v in self.info_rows(s, rng):
            r = info.add_row().cells
            cell_text(r[0], k, bold=True); cell_text(r[1], v)
        para(d, "")
        para(d, self.kind, bold=True, size=12)
        if self.transposed:
            for p in range(1, 6):
                m = self.matrix(s, p)
                para(d, f"Pillar {p}: {PILLARS[p]}", bold=True, space_after=2)
                tm = d.add_table(rows=0, cols=len(m[0]))
                tm.style = "Table Grid"
                for r, row in enumerate(m):
                    cells = tm.add_row().cells
                    for k, (c, x) in enumerate(zip(cells, row)):
                        cell_text(c, x, bold=(r in (0, 3) or k == 0), size=8.5, align=None if k == 0 else "c")
                para(d, "", space_after=0)
            d.add_page_break()
            d.add_paragraph("Recommendations", style="Heading 1")
            for ind in s.order:
                d.add_paragraph(self.rec_head(ind), style="Heading 3")
                add_blocks_docx(d, rec_blocks(s, ind, rng))
            save_docx(d, path)
            return
        rows, kinds = self.score_rows(s, with_pillar_rows=rng.random() < 0.5)
        t = d.add_table(rows=0, cols=len(self.cols))
        t.style = rng.choice(["Table Grid", "Light Grid Accent 1", "Light List Accent 1", "Medium Shading 1 Accent 1"])
        for r, kd in zip(rows, kinds):
            cells = t.add_row().cells
            if kd == "p":
                m = cells[0].merge(cells[-1])
                cell_text(m, r[0], bold=True)
                shade(m, "D9E1F2")
                continue
            for c, x in zip(cells, r):
                cell_text(c, x, bold=kd in ("h", "s", "t"), size=9)
        try:
            col_widths(t, {"S.No.": [1.4, 2.2, 7.4, 2.5, 2.7], "Code": [1.8, 8.4, 2.6, 2.2, 1.4], "Pillar": [2.6, 2.0, 7.6, 2.0, 2.0], "#": [1.8, 8.6, 2.8, 2.8]}[self.cols[0]])
        except Exception:
            pass
        if self.has_null(s):
            para(d, f"{self.f.null_form}: indicator not assessed in this cycle.", italic=True, size=8)
        d.add_page_break()
        d.add_paragraph("Recommendations", style="Heading 1")
        for ind in s.order:
            d.add_paragraph(self.rec_head(ind), style="Heading 3")
            add_blocks_docx(d, rec_blocks(s, ind, rng))
        fp = d.sections[0].footer.paragraphs[0]
        fp.text = f"{s.city_short} – DMAF"
        save_docx(d, path)


# =====================================================================================
# office_03 : spreadsheet print-out (landscape grid, or a delimited text export)
# =====================================================================================
class Office03:
    name = "office_03"
    formats = ("pdf", "txt")

    def setup(self, s, rng):
        self.f = Fmt(rng, code_forms=["dot", "dot", "plain", "upper"], nmodes=[0, 1, 2])
        self.hdr = rng.choice([
            ["S.No", "Pillar", "Indicator No.", "Indicator", "Max Marks", "Marks Scored", "Recommendation"],
            ["Sl", "Pillar", "Code", "Indicator Name", "Maximum Marks", "Marks Secured", "Remarks / Recommendations"],
            ["Pillar", "Indicator Code", "Indicator", "Marks Secured", "Max. Marks", "Percentage", "Recommendations"],
        ])
        self.repeat_pillar = rng.random() < 0.5

    def rows(self, s, rng):
        rows = []
        k = 0
        for p in range(1, 6):
            grp = [i for i in s.order if i["pillar"] == p]
            for j, ind in enumerate(grp):
                k += 1
                pil = PILLARS[p] if (self.repeat_pillar or j == 0) else ""
                if rng.random() < 0.0:
                    pil = ""
                c = code_fmt(ind["code"], self.f.code_form)
                sc = "NA" if ind["score"] is None else self.f.n(ind["score"])
                mx = self.f.n(ind["max"])
                rec = flat_text(rec_blocks(s, ind, rng, short=True))
                if self.hdr[0] in ("S.No", "Sl"):
                    rows.append([str(k), pil, c, ind["ptitle"], mx, sc, rec])
                else:
                    pc = "NA" if ind["score"] is None else f"{100 * ind['score'] / ind['max']:.2f}%"
                    rows.append([pil, c, ind["ptitle"], sc, mx, pc, rec])
        return rows

    def meta(self, s):
        m = [("Smart Cities Mission – " + FRAMEWORK, ""), ("Name of Smart City", s.city_print)]
        if s.state_print:
            m.append(("State", s.state_print))
        m.append(("Assessment", cycle_text(s)))
        return m

    def txt(self, s, rng, path):
        delim = rng.choice([",", "\t", ";"])
        import csv as _csv, io as _io
        buf = _io.StringIO()
        w = _csv.writer(buf, delimiter=delim, quoting=_csv.QUOTE_MINIMAL, lineterminator="\r\n" if rng.random() < 0.5 else "\n")
        n = len(self.hdr)
        for k, v in self.meta(s):
            w.writerow([k, v] + [""] * (n - 2))
        w.writerow([""] * n)
        w.writerow(self.hdr)
        rows = self.rows(s, rng)
        for r in rows:
            w.writerow(r)
        if any(i["score"] is None for i in s.indicators):
            w.writerow(["NA = not assessed"] + [""] * (n - 1))
        open(path, "w", encoding="utf-8", newline="").write(buf.getvalue())

    def pdf(self, s, rng, path):
        fam = rng.choice(["LibNarrow", "LibSans", "DejaVuCond"])
        size = rng.choice([7.5, 8, 8.5])
        cell = PS("c", fam, size, leading=size * 1.2, after=0)
        cellb = PS("cb", fam + "-B", size, leading=size * 1.2, after=0)
        rows = self.rows(s, rng)
        data = []
        meta = self.meta(s)
        n = len(self.hdr)
        for k, v in meta:
            data.append([P(f"<b>{esc(k)}</b>" + (f": {esc(v)}" if v else ""), cellb)] + [""] * (n - 1))
        data.append([""] * n)
        hrow = len(data)
        data.append([P(esc(h), cellb) for h in self.hdr])
        for r in rows:
            data.append([P(esc(x), cell) for x in r])
        if any(i["score"] is None for i in s.indicators):
            data.append([P("NA = not assessed", cell)] + [""] * (n - 1))
        pagesize = rl_landscape(rng.choice([A4, legal]))
        W = pagesize[0] - 24 * mm
        if self.hdr[0] in ("S.No", "Sl"):
            cw = [10 * mm, 22 * mm, 18 * mm, 55 * mm, 18 * mm, 20 * mm]
        else:
            cw = [22 * mm, 20 * mm, 55 * mm, 20 * mm, 18 * mm, 20 * mm]
        cw.append(W - sum(cw))
        t = Table(data, colWidths=cw, repeatRows=hrow + 1)
        ts = [("GRID", (0, hrow), (-1, -1), 0.35, colors.HexColor("#9E9E9E")), ("VALIGN", (0, 0), (-1, -1), "TOP"),
              ("BACKGROUND", (0, hrow), (-1, hrow), colors.HexColor(rng.choice(["#BDD7EE", "#C6E0B4", "#FFE699", "#D9D9D9"]))),
              ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5), ("LEFTPADDING", (0, 0), (-1, -1), 2)]
        for k in range(len(meta)):
            ts.append(("SPAN", (0, k), (-1, k)))
        ts.append(("SPAN", (0, len(meta)), (-1, len(meta))))
        if len(data) > hrow + 1 + len(rows):
            ts.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
        t.setStyle(TableStyle(ts))
        sheet = rng.choice(["Sheet1", "DMAF", "Score", f"{s.city_short[:20]}"])

        def on_page(c, doc):
            c.saveState(); c.setFont("LibSans", 8)
            c.drawCentredString(doc.pagesize[0] / 2, 7 * mm, f"Page {doc.page}")
            c.drawString(doc.leftMargin, doc.pagesize[1] - 7 * mm, sheet)
            c.restoreState()
        build_pdf(path, [t], pagesize=pagesize, margins=(12 * mm, 12 * mm, 12 * mm, 12 * mm), on_page=on_page)
