"""blind4 layout families. Each family: f(s, rng, fmt) -> dict with one of
   {"txt": str} | {"doc": blockdoc} (pdf via reportlab or docx via python-docx) | {"doc": ..., "via_docx": True}
   | {"writer": callable(path)}  (pdf drawn directly on a canvas)

json_api_export     portal API response saved as .txt: nested JSON, pillars -> indicators, varied key names
yaml_config_export  YAML export with comments, flow mappings or "marks: 18/30" strings, pillar order varies
html_deflist_text   html-to-text export of nested <dl> definition lists (term / indented definition)
token_score_sheet   each pillar one row; indicators as "code=score/max" tokens; title key listed separately
roman_subitems      pillars I-V, items "II (a)", combined "I (c) & (d)"; "14 marks (of 30)"
audit_obs_log       audit observation log "Obs. 7 - Indicator 2(b) ...  Rating: 12 marks of 20"
certificate_radar   one-page landscape certificate, drawn radar chart of pillars + legend listing indicator marks
form_boxes          PDF drawn as a form: label left, 'Marks' box and 'Max.' box to the right
percent_legend      achievement printed as % of maximum; maxima in a separate legend table (marks derivable)
gantt_action_plan   action plan with owners, start/end dates, quarter bars; current score one column (+ target)
docx_footnotes      narrative report; each indicator's marks given only in a Word footnote (docx, or pdf via soffice)
merged_pillar_table table with pillar cell merged across rows (docx, or pdf via soffice)
appeal_revised      provisional score and 'revised score after appeal' columns; truth = revised
hindi_first         Hindi-first bilingual; marks in Devanagari digits, maxima in Western digits (docx/txt)
"""
import json
from content import FRAMEWORK, PILLARS, ROMAN, code_fmt, cycle_text, title_line, intro_paras, rec_blocks, flat_text, is_year

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def n(x):
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def shown(s):
    return [i for i in s.order if i["score"] is not None]


def pillar_order(s, rng, p_shuffle=0.3):
    o = [1, 2, 3, 4, 5]
    r = rng.random()
    if r < p_shuffle / 2:
        o = [5, 4, 3, 2, 1]
    elif r < p_shuffle:
        rng.shuffle(o)
    return o


def groups(s, order=None):
    order = order or [1, 2, 3, 4, 5]
    g = []
    for p in order:
        items = [i for i in shown(s) if i["pillar"] == p]
        if items:
            g.append((p, items))
    return g


def tot(items):
    return sum(i["score"] for i in items), sum(i["max"] for i in items)


def place(s):
    return f"{s.city_print}, {s.state_print}" if s.state_print else s.city_print


def state_of(s):
    return s.state_print or s.state


def cyc(s):
    return cycle_text(s)


def rec(s, ind, rng, short=True):
    return flat_text(rec_blocks(s, ind, rng, short=short))


def omitted_note(s):
    if any(i["score"] is None for i in s.indicators):
        return "Indicators not assessed for the city in this cycle are not listed."
    return None


def cparen(code):
    return code_fmt(code, "paren")


def combined_list(code):
    return code.split("&")


# ====================================================================== 1 JSON
def fam_json(s, rng, fmt):
    K = rng.choice([
        dict(code="indicator_code", title="indicator_name", sc="marks_obtained", mx="maximum_marks", pil="pillars", ind="indicators"),
        dict(code="id", title="label", sc="score", mx="max_score", pil="pillar_results", ind="items"),
        dict(code="indicatorNo", title="indicatorTitle", sc="scoreAwarded", mx="scoreMax", pil="pillarWise", ind="indicatorWise"),
    ])
    as_str = rng.random() < 0.3
    as_list = rng.random() < 0.5
    order = pillar_order(s, rng, 0.3)
    pillars = []
    for p, items in groups(s, order):
        lst = []
        for k, i in enumerate(items, 1):
            code = combined_list(i["code"]) if (as_list and "&" in i["code"]) else i["code"].replace("&", " & ")
            sc = f"{i['score']:.1f}" if as_str else (int(i["score"]) if float(i["score"]).is_integer() else i["score"])
            mx = f"{i['max']:.1f}" if as_str else int(i["max"])
            d = {"sl_no": k, K["code"]: code, K["title"]: i["ptitle"]}
            if rng.random() < 0.5:
                d[K["sc"]] = sc
                d[K["mx"]] = mx
            else:
                d[K["mx"]] = mx
                d[K["sc"]] = sc
            if rng.random() < 0.5:
                d["recommendation"] = rec(s, i, rng)
            lst.append(d)
        ts, tm = tot(items)
        pillars.append({"pillar_no": p, "pillar_name": PILLARS[p], K["ind"]: lst,
                        "pillar_total": {"obtained": float(ts), "out_of": float(tm)}})
    obj = {
        "status": "success",
        "generated_at": rng.choice({1: ["2019-10-04T10:00:12+05:30", "2019-11-18T15:40:31+05:30"], 2: ["2021-07-02T11:24:09+05:30", "2021-06-28T16:02:44+05:30"], 3: ["2023-09-11T09:15:00+05:30", "2024-01-22T12:05:47+05:30"]}[s.cycle]),
        "request": {"endpoint": "/api/v2/dmaf/city-report", "format": "json"},
        "data": {
            "report_title": "City Performance & Recommendations",
            "framework": FRAMEWORK,
            "assessment_cycle": cyc(s),
            "city": {"name": s.city_print, "state": state_of(s), "ulb_code": f"SC{rng.randint(100, 999)}"},
            K["pil"]: pillars,
        },
    }
    if omitted_note(s):
        obj["data"]["note"] = omitted_note(s)
    ind = rng.choice([2, 4, 1])
    return {"txt": json.dumps(obj, indent=ind, ensure_ascii=rng.random() < 0.3)}


# ====================================================================== 2 YAML
def yq(t):
    t = str(t)
    if any(ch in t for ch in ":#&*!|>'\"%@`{}[],") or t[:1] in "-?" or t.strip() != t:
        return '"' + t.replace('"', '\\"') + '"'
    return t


def fam_yaml(s, rng, fmt):
    style = rng.choice(["nested", "flow", "slash"])
    L = ["# DMAF city result - exported from the assessment workbench",
         f"# export date: {rng.choice({1: ['2019-10-21', '2019-12-02'], 2: ['2021-07-05', '2021-06-30'], 3: ['2023-10-14', '2024-02-09']}[s.cycle])}",
         "---",
         f"framework: {FRAMEWORK}",
         f"cycle: {yq(cyc(s))}",
         f"report: {yq('City Performance & Recommendations')}",
         "city:",
         f"  name: {yq(s.city_print)}",
         f"  state: {yq(state_of(s))}",
         "pillars:"]
    for p, items in groups(s, pillar_order(s, rng, 0.35)):
        ts, tm = tot(items)
        L.append(f"  - pillar: {p}")
        L.append(f"    name: {PILLARS[p]}")
        L.append(f"    total: {n(ts)}  # out of {n(tm)}")
        L.append("    indicators:")
        for i in items:
            c = i["code"].replace("&", " & ")
            if style == "nested":
                L.append(f"      - code: {yq(c)}")
                L.append(f"        title: {yq(i['ptitle'])}")
                L.append("        marks:")
                L.append(f"          obtained: {n(i['score'])}")
                L.append(f"          maximum: {n(i['max'])}")
            elif style == "flow":
                L.append(f"      - {{code: {yq(c)}, title: {yq(i['ptitle'])}, score: {n(i['score'])}, max: {n(i['max'])}}}")
            else:
                L.append(f"      - code: {yq(c)}")
                L.append(f"        title: {yq(i['ptitle'])}")
                L.append(f"        marks: \"{n(i['score'])}/{n(i['max'])}\"   # obtained/maximum")
    if omitted_note(s):
        L.append(f"remarks: {yq(omitted_note(s))}")
    return {"txt": "\n".join(L)}


# ====================================================================== 3 HTML definition lists to text
def fam_deflist(s, rng, fmt):
    ind1, ind2 = rng.choice([("    ", "        "), ("   ", "      "), ("  ", "    ")])
    lab_sc, lab_mx = rng.choice([("Marks obtained", "Maximum marks"), ("Score", "Out of"), ("Score awarded", "Max. score")])
    L = ["[logo] Smart Cities Mission | DataSmart Cities", "", "Home > DMAF > City reports > " + s.city_name, "",
         "City Performance & Recommendations", "=" * 34, "",
         "City", ind1 + s.city_print, "State", ind1 + state_of(s), "Framework", ind1 + FRAMEWORK, "Cycle", ind1 + cyc(s), ""]
    for p, items in groups(s, pillar_order(s, rng, 0.2)):
        ts, tm = tot(items)
        L.append(f"Pillar {p}: {PILLARS[p]}")
        for i in items:
            L.append(ind1 + f"{code_fmt(i['code'], 'dot')} {i['ptitle']}")
            if rng.random() < 0.5:
                L += [ind2 + lab_sc, ind2 + ind1 + n(i["score"]), ind2 + lab_mx, ind2 + ind1 + n(i["max"])]
            else:
                L += [ind2 + lab_mx, ind2 + ind1 + n(i["max"]), ind2 + lab_sc, ind2 + ind1 + n(i["score"])]
            if rng.random() < 0.6:
                L += [ind2 + "Recommendation", ind2 + ind1 + rec(s, i, rng)]
        L.append(ind1 + "Pillar total")
        L.append(ind2 + f"{n(ts)} of {n(tm)}")
        L.append("")
    if omitted_note(s):
        L += ["Note", ind1 + omitted_note(s), ""]
    L += ["(c) Smart Cities Mission, MoHUA  |  Terms  |  Accessibility  |  Contact"]
    return {"txt": "\n".join(L)}


# ====================================================================== 4 token score sheet
def fam_tokens(s, rng, fmt):
    sep = rng.choice(["; ", "  ", " , ", " | "])
    eq = rng.choice(["=", ": ", " = "])
    G = groups(s, pillar_order(s, rng, 0.3))
    head = ["Pillar", "Indicator scores (code" + eq.strip() + "score/max)", "Pillar total"]

    def toks(items):
        return sep.join(f"{i['code'].replace('&', '&')}{eq}{n(i['score'])}/{n(i['max'])}" for i in items)
    rows = [head] + [[f"{p}. {PILLARS[p]}", toks(items), "%s/%s" % tuple(map(n, tot(items)))] for p, items in G]
    gs = sum(tot(it)[0] for _, it in G)
    gm = sum(tot(it)[1] for _, it in G)
    key = [[i["code"].replace("&", " & "), i["ptitle"]] for _, items in G for i in items]
    title = "DMAF SCORE SHEET"
    meta = [f"City: {s.city_print}", f"State: {state_of(s)}", f"Assessment: {title_line(s, rng)}"]
    if fmt == "txt":
        L = [title, "=" * len(title), ""] + meta + [""]
        for r in rows[1:]:
            L.append(f"{r[0]:<14}{r[1]}   [total {r[2]}]")
        L += ["", f"Overall: {n(gs)}/{n(gm)}", "", "Key to indicator codes", "-" * 22]
        L += [f"  {a:<9} {b}" for a, b in key]
        if omitted_note(s):
            L += ["", omitted_note(s)]
        return {"txt": "\n".join(L)}
    blocks = [("title", title), ("p", "\n".join(meta)),
              ("small", "Each entry reads indicator code, then marks obtained / maximum marks."),
              ("table", rows, {"widths": [0.16, 0.68, 0.16]}),
              ("p", f"Overall score: {n(gs)}/{n(gm)}"), ("h2", "Key to indicator codes"),
              ("table", [["Code", "Indicator"]] + key, {"widths": [0.15, 0.85], "size": 8})]
    if omitted_note(s):
        blocks.append(("small", omitted_note(s)))
    return {"doc": {"blocks": blocks, "font": rng.choice(["condensed", "lib", "serif"]), "base": 9.5, "landscape": rng.random() < 0.4,
                    "header": f"{s.city_name} | {FRAMEWORK}", "footer": "Score sheet - page {n}"}}


# ====================================================================== 5 roman numerals
def roman_item(code):
    parts = code.split("&")
    p = ROMAN[int(parts[0][0])]
    return p + " " + " & ".join(f"({c.split('.')[1]})" for c in parts)


def fam_roman(s, rng, fmt):
    mk = rng.choice(["{s} marks (of {m})", "Marks: {s} / Max: {m}", "{s} out of {m} marks"])
    L = [("title", f"{title_line(s, rng)}"), ("h2", "City Performance & Recommendations"),
         ("p", f"Name of the City : {s.city_print}"), ("p", f"State : {state_of(s)}"),
         ("small", "Pillars are numbered I to V (I Policy, II People, III Process, IV Technology, V Outcomes); "
                   "items within a pillar are lettered as in the framework, e.g. II (a) is indicator 2.a.")]
    for p, items in groups(s):
        ts, tm = tot(items)
        L.append(("h1", f"PILLAR {ROMAN[p]} – {PILLARS[p].upper()}"))
        for i in items:
            L.append(("h2", f"{roman_item(i['code'])}  {i['ptitle']}"))
            L.append(("p", mk.format(s=n(i["score"]), m=n(i["max"]))))
            if rng.random() < 0.7:
                L.append(("p", rec(s, i, rng)))
        L.append(("p", f"Pillar {ROMAN[p]} total: {n(ts)} / {n(tm)}"))
    if omitted_note(s):
        L.append(("small", omitted_note(s)))
    if fmt == "txt":
        out = []
        for k, t in L:
            if k == "h1":
                out += ["", t, "~" * len(t)]
            elif k == "title":
                out += [t.upper(), ""]
            elif k == "h2":
                out += ["", t]
            else:
                out.append(t)
        return {"txt": "\n".join(out)}
    return {"doc": {"blocks": L, "font": rng.choice(["libserif", "serif"]), "base": 10, "header": f"DMAF – {s.city_name}"}}


# ====================================================================== 6 audit observation log
def fam_audit(s, rng, fmt):
    form = rng.choice(["paren", "dot", "spaceparen"])
    rat = rng.choice(["Rating: {s} marks of {m}", "Rating awarded – {s}/{m}", "Marks: {s} (maximum {m})"])
    ev = ["Policy documents and office orders", "Appointment letters and HR records", "Minutes of data alliance meetings",
          "SCODP dataset listing", "Screenshots of dashboards and portal", "Use-case write-ups and media reports",
          "Budget heads and sanction orders", "Training attendance sheets"]
    B = [("title", "Assessment Observation Log"),
         ("p", f"{FRAMEWORK} – {cyc(s)}"),
         ("table", [["Auditee", s.city_print], ["State", state_of(s)],
                    ["Audit period", rng.choice({1: ["15.07.2019 – 09.08.2019", "01–14 August 2019"], 2: ["01.02.2021 – 28.02.2021", "11–22 January 2021", "03.03.2021 – 19.03.2021"], 3: ["04.07.2023 – 28.07.2023", "11–29 September 2023"]}[s.cycle])],
                    ["Lead assessor", rng.choice(["A. Menon", "R. K. Sahu", "P. Iyer", "S. Chatterjee"])]], {"widths": [0.3, 0.7], "head": 0}),
         ("p", "Each observation records the evidence examined and the rating awarded against the indicator.")]
    k = 0
    for i in shown(s):
        k += 1
        B.append(("h2", f"Obs. {k} – Indicator {code_fmt(i['code'], form)} {i['ptitle']}"))
        B.append(("p", f"Evidence reviewed: {rng.choice(ev)}."))
        B.append(("p", "Finding: " + rec(s, i, rng)))
        B.append(("p", rat.format(s=n(i["score"]), m=n(i["max"]))))
    B.append(("h1", "Summary of ratings by pillar"))
    rows = [["Pillar", "Observations", "Marks", "Out of"]]
    for p, items in groups(s):
        ts, tm = tot(items)
        rows.append([f"{p} {PILLARS[p]}", str(len(items)), n(ts), n(tm)])
    B.append(("table", rows, {"widths": [0.4, 0.2, 0.2, 0.2]}))
    if omitted_note(s):
        B.append(("small", omitted_note(s)))
    if fmt == "txt":
        out = []
        for b in B:
            if b[0] == "table":
                from render4 import txt_table
                out += [txt_table(b[1], head=b[2].get("head", 1)), ""]
            elif b[0] in ("h1", "title"):
                out += ["", b[1].upper(), ""]
            elif b[0] == "h2":
                out += ["", b[1]]
            else:
                out.append(b[1])
        return {"txt": "\n".join(out)}
    return {"doc": {"blocks": B, "font": rng.choice(["narrow", "lib", "sans"]), "base": 9.5,
                    "header": f"Observation log – {s.city_name}", "footer": "Confidential – page {n}"}}


# ====================================================================== 7 certificate with radar chart
def fam_certificate(s, rng, fmt):
    G = groups(s)
    font = rng.choice(["libserif", "serif"])

    def write(path):
        import math
        from render4 import reg_fonts, FONTS
        from reportlab.pdfgen import canvas
        from reportlab.lib.pagesizes import A4, landscape
        from reportlab.lib import colors
        reg_fonts()
        F = FONTS[font][0]
        W, H = landscape(A4)
        c = canvas.Canvas(path, pagesize=(W, H))
        c.setTitle("DMAF scorecard certificate")
        c.setStrokeColor(colors.HexColor("#8A6D1E"))
        c.setLineWidth(3)
        c.rect(18, 18, W - 36, H - 36)
        c.setLineWidth(0.8)
        c.rect(26, 26, W - 52, H - 52)
        c.setFillColor(colors.HexColor("#5A3E00"))
        c.setFont(F + "-Bold", 22)
        c.drawCentredString(W / 2, H - 66, "Certificate of Data Maturity")
        c.setFont(F, 11)
        c.setFillColor(colors.black)
        c.drawCentredString(W / 2, H - 86, f"{title_line(s, rng)}")
        c.drawCentredString(W / 2, H - 102, f"awarded to {s.city_print}" + (f", {s.state_print}" if s.state_print else ""))
        # radar
        cx, cy, R = 190, 250, 125
        angs = [math.pi / 2 - 2 * math.pi * k / 5 for k in range(5)]
        c.setStrokeColor(colors.HexColor("#BBBBBB"))
        c.setLineWidth(0.5)
        for f in (0.25, 0.5, 0.75, 1.0):
            pts = [(cx + R * f * math.cos(a), cy + R * f * math.sin(a)) for a in angs]
            pth = c.beginPath()
            pth.moveTo(*pts[0])
            for q in pts[1:]:
                pth.lineTo(*q)
            pth.close()
            c.drawPath(pth, stroke=1, fill=0)
        totals = {p: tot(items) for p, items in G}
        c.setFont(F, 8.5)
        for k, a in enumerate(angs):
            p = k + 1
            c.line(cx, cy, cx + R * math.cos(a), cy + R * math.sin(a))
            lx, ly = cx + (R + 22) * math.cos(a), cy + (R + 14) * math.sin(a)
            c.drawCentredString(lx, ly, PILLARS[p])
        pts = []
        for k, a in enumerate(angs):
            ts, tm = totals.get(k + 1, (0, 100))
            f = ts / tm if tm else 0
            pts.append((cx + R * f * math.cos(a), cy + R * f * math.sin(a)))
        c.setStrokeColor(colors.HexColor("#1F5FA8"))
        c.setFillColor(colors.HexColor("#9CC2EE"))
        c.setLineWidth(1.5)
        pth = c.beginPath()
        pth.moveTo(*pts[0])
        for q in pts[1:]:
            pth.lineTo(*q)
        pth.close()
        c.drawPath(pth, stroke=1, fill=1)
        c.setFillColor(colors.black)
        c.setFont(F, 7.5)
        c.drawCentredString(cx, 84, "Radar: pillar marks as share of 100")
        # legend
        x0, y = 360, H - 138
        c.setFont(F + "-Bold", 10)
        c.drawString(x0, y, "Legend – marks obtained / maximum")
        y -= 16
        colx = [x0, x0 + 232]
        col = 0
        yt = y
        for p, items in G:
            ts, tm = totals[p]
            need = 12 * (len(items) + 1)
            if y - need < 60 and col == 0:
                col, y = 1, yt
            xx = colx[col]
            c.setFont(F + "-Bold", 8)
            c.drawString(xx, y, f"{PILLARS[p]} ({n(ts)} / {n(tm)})")
            y -= 11
            c.setFont(F, 7.2)
            for i in items:
                t = f"{i['code'].replace('&', ' & ')}  {i['ptitle']}"
                fs = 7.2
                while c.stringWidth(t, F, fs) > 188 and fs > 5.2:
                    fs -= 0.2
                c.setFont(F, fs)
                c.drawString(xx + 4, y, t)
                c.setFont(F, 7.2)
                c.drawRightString(xx + 222, y, f"{n(i['score'])} / {n(i['max'])}")
                y -= 10.5
            y -= 5
        c.setFont(F, 8)
        gs = sum(v[0] for v in totals.values())
        gm = sum(v[1] for v in totals.values())
        c.drawString(42, 50, f"Aggregate: {n(gs)} of {n(gm)} marks" + ("   (" + omitted_note(s) + ")" if omitted_note(s) else ""))
        c.drawRightString(W - 42, 50, "Mission Director, Smart Cities Mission")
        c.showPage()
        c.save()
    return {"writer": write}


# ====================================================================== 8 form with boxes
def fam_form(s, rng, fmt):
    font = rng.choice(["lib", "sans", "narrow"])
    sc_lab, mx_lab = rng.choice([("Marks", "Max."), ("Score", "Out of"), ("Awarded", "Maximum")])

    def write(path):
        from render4 import reg_fonts, FONTS
        from reportlab.pdfgen import canvas
        from reportlab.lib.pagesizes import A4
        from reportlab.lib import colors
        reg_fonts()
        F = FONTS[font][0]
        W, H = A4
        c = canvas.Canvas(path, pagesize=A4)
        page = [1]

        def frame():
            c.setFont(F, 7)
            c.drawString(36, 20, "Form DMAF-R  (to be retained in city file)")
            c.drawRightString(W - 36, 20, f"Sheet {page[0]}")

        def field(x, y, label, val, w):
            c.setFont(F, 7)
            c.setFillColor(colors.HexColor("#444444"))
            c.drawString(x, y + 17, label)
            c.setFillColor(colors.black)
            c.rect(x, y, w, 14)
            c.setFont(F, 9.5)
            c.drawString(x + 3, y + 4, val)
        c.setFont(F + "-Bold", 14)
        c.drawString(36, H - 50, "FORM DMAF-R : CITY ASSESSMENT RESULT SHEET")
        c.setFont(F, 8.5)
        c.drawString(36, H - 64, "City Performance & Recommendations – entries made by the assessment team")
        field(36, H - 100, "1. Name of City", s.city_print, 250)
        field(300, H - 100, "2. State / UT", state_of(s), 258)
        field(36, H - 136, "3. Assessment", f"{FRAMEWORK} {cyc(s)}" if not cyc(s).startswith("DMAF") else cyc(s), 522)
        y = H - 170
        c.setFont(F + "-Bold", 8)
        c.drawString(36, y, "Indicator")
        c.drawString(452, y, sc_lab)
        c.drawString(510, y, mx_lab)
        y -= 8
        for p, items in groups(s):
            if y < 120:
                frame()
                c.showPage()
                page[0] += 1
                y = H - 50
            c.setFillColor(colors.HexColor("#E3E8F0"))
            c.rect(36, y - 14, 522, 14, stroke=0, fill=1)
            c.setFillColor(colors.black)
            c.setFont(F + "-Bold", 8.5)
            c.drawString(40, y - 10, f"Pillar {p} – {PILLARS[p]}")
            y -= 32
            for i in items:
                if y < 60:
                    frame()
                    c.showPage()
                    page[0] += 1
                    y = H - 50
                c.setFont(F, 8.5)
                t = f"{i['code'].replace('&', ' & ')}  {i['ptitle']}"
                c.drawString(40, y + 4, t)
                c.setDash(1, 2)
                c.line(40 + c.stringWidth(t, F, 8.5) + 4, y + 3, 444, y + 3)
                c.setDash()
                c.rect(450, y, 44, 15)
                c.rect(508, y, 44, 15)
                c.setFont(F + "-Bold", 10)
                c.drawCentredString(472, y + 4, n(i["score"]))
                c.setFont(F, 10)
                c.drawCentredString(530, y + 4, n(i["max"]))
                y -= 22
            ts, tm = tot(items)
            c.setFont(F, 8)
            c.drawRightString(444, y + 6, f"Pillar {p} sub-total")
            c.rect(450, y + 2, 44, 13)
            c.drawCentredString(472, y + 5, n(ts))
            c.rect(508, y + 2, 44, 13)
            c.drawCentredString(530, y + 5, n(tm))
            y -= 22
        if omitted_note(s):
            c.setFont(F, 7.5)
            c.drawString(36, max(y, 40), omitted_note(s))
        frame()
        c.showPage()
        c.save()
    return {"writer": write}


# ====================================================================== 9 percent with legend
def pct_of(i):
    v = i["score"] * 100 / i["max"]
    return f"{v:.1f}".rstrip("0").rstrip(".") + "%"


def fam_percent(s, rng, fmt):
    G = groups(s, pillar_order(s, rng, 0.25))
    rows = [["Code", "Indicator", "Achievement (% of maximum marks)"]]
    for p, items in G:
        for i in items:
            rows.append([i["code"].replace("&", " & "), i["ptitle"], pct_of(i)])
    leg = [["Code", "Maximum marks"]] + [[i["code"].replace("&", " & "), n(i["max"])] for _, items in G for i in items]
    ptab = [["Pillar", "Pillar achievement"]] + [[PILLARS[p], f"{tot(it)[0] * 100 / tot(it)[1]:.1f}%"] for p, it in G]
    B = [("title", "City Performance & Recommendations"), ("p", f"{title_line(s, rng)}"),
         ("p", f"City: {s.city_print}\nState: {state_of(s)}"),
         ("p", "Results are shown as the percentage of the maximum marks of each indicator. The maximum marks are given in "
               "the legend (Table 2); marks obtained = percentage × maximum marks ÷ 100. Marks are awarded in steps of 0.5."),
         ("h2", "Table 1 – Indicator achievement"), ("table", rows, {"widths": [0.12, 0.58, 0.30]}),
         ("h2", "Table 2 – Legend: maximum marks per indicator"), ("table", leg, {"widths": [0.3, 0.3], "size": 8}),
         ("h2", "Table 3 – Pillar view"), ("table", ptab, {"widths": [0.3, 0.3]})]
    if omitted_note(s):
        B.append(("small", omitted_note(s)))
    B.append(("h1", "Recommendations"))
    for _, items in G:
        for i in items:
            if i["score"] < i["max"]:
                B.append(("p", f"{i['code'].replace('&', ' & ')} – {rec(s, i, rng)}"))
    return {"doc": {"blocks": B, "font": rng.choice(["sans", "lib", "condensed"]), "base": 9.5,
                    "header": f"{s.city_name} – DMAF results", "footer": "{n}"}}


def snap_for_percent(s):
    """Make every printed percentage exact to 0.1 so marks are exactly derivable."""
    for i in s.indicators:
        if i["score"] is None:
            continue
        best = None
        k = 0
        while k * 0.5 <= i["max"] + 1e-9:
            v = k * 0.5
            q = v * 1000 / i["max"]
            if abs(q - round(q)) < 1e-9:
                if best is None or abs(v - i["score"]) < abs(best - i["score"]):
                    best = v
            k += 1
        i["score"] = float(best)


# ====================================================================== 10 gantt action plan
def fam_gantt(s, rng, fmt):
    owners = ["CDO", "CEO, SPV", "IT Cell", "GIS Cell", "Data Coordinator (Health)", "PMC", "Commissioner", "ICCC Team", "Accounts"]
    y0 = {1: 2019, 2: 2021, 3: 2023}[s.cycle]
    quarters = [f"Q{(q % 4) + 1} {y0 + q // 4}" for q in range(2, 8)]
    with_target = rng.random() < 0.6
    head = ["Ref.", "Indicator", f"Score {cyc(s)}"] + (["Target next cycle"] if with_target else []) + ["Action", "Owner", "Start", "End"] + quarters
    rows = [head]
    shades = []
    for i in shown(s):
        q0 = rng.randrange(0, 4)
        q1 = rng.randrange(q0, 6)
        st = f"01-{((q0 + 2) % 4) * 3 + 1:02d}-{y0 + (q0 + 2) // 4}"
        en = f"{rng.choice([15, 28, 30])}-{((q1 + 2) % 4) * 3 + 3:02d}-{y0 + (q1 + 2) // 4}"
        act = rec(s, i, rng).split(". ")[0].rstrip(".")
        if len(act) > 90:
            act = act[:88].rsplit(" ", 1)[0] + "…"
        r = [i["code"].replace("&", " & "), i["ptitle"], f"{n(i['score'])} / {n(i['max'])}"]
        if with_target:
            r.append(n(min(i["max"], i["score"] + rng.choice([0, 5, 10]))) if i["score"] < i["max"] else "maintain")
        r += [act, rng.choice(owners), st, en] + ["" for _ in quarters]
        rows.append(r)
        base = len(r) - len(quarters)
        for q in range(q0, q1 + 1):
            shades.append((base + q, len(rows) - 1))
            rows[-1][base + q] = "■"
    nq = len(quarters)
    fixed = [0.04, 0.14, 0.06] + ([0.05] if with_target else []) + [0.25, 0.08, 0.065, 0.065]
    rest = (1 - sum(fixed)) / nq
    B = [("title", f"Data Maturity Action Plan – {s.city_print}"),
         ("p", f"State: {state_of(s)}.  Baseline: {title_line(s, rng)} (scores shown as marks obtained / maximum)."
               + (" The target column is the city's own goal for the next cycle, not an assessed score." if with_target else "")),
         ("table", rows, {"widths": fixed + [rest] * nq, "size": 6.5, "shade_cells": shades})]
    if omitted_note(s):
        B.append(("small", omitted_note(s)))
    B.append(("small", "■ = activity scheduled in the quarter.  Dates are DD-MM-YYYY."))
    return {"doc": {"blocks": B, "font": rng.choice(["narrow", "condensed"]), "base": 9, "landscape": True,
                    "header": f"Action plan | {s.city_name}", "footer": "Page {n}"}}


# ====================================================================== 11 docx footnotes
def fam_footnotes(s, rng, fmt):
    fnform = rng.choice(["Marks awarded for indicator {c}: {s} out of {m}.", "Indicator {c} – score {s}/{m}.",
                         "{c}: {s} marks (maximum {m})."])
    B = [("title", "City Performance & Recommendations"), ("p", title_line(s, rng)),
         ("p", f"City: {s.city_print}"), ("p", f"State: {state_of(s)}")]
    for t in intro_paras(s, rng, 1):
        B.append(("p", t))
    B.append(("fn", [("The marks awarded for each indicator are given in the footnote attached to its heading.", None)]))
    for p, items in groups(s):
        B.append(("h1", f"Pillar {p}: {PILLARS[p]}"))
        for i in items:
            c = i["code"].replace("&", " & ")
            B.append(("fn", [(f"Indicator {c}: {i['ptitle']}", fnform.format(c=c, s=n(i["score"]), m=n(i["max"])), True)]))
            B.append(("p", rec(s, i, rng, short=rng.random() < 0.5)))
    if omitted_note(s):
        B.append(("small", omitted_note(s)))
    import footnotes
    return {"doc": {"blocks": B, "font": rng.choice(["Cambria", "Georgia", "Calibri", "Liberation Serif"]), "base": 10.5,
                    "header": f"DMAF – {s.city_name}"}, "post": footnotes.finalize, "via_docx": True}


# ====================================================================== 12 merged pillar table
def fam_merged(s, rng, fmt):
    swap = rng.random() < 0.5
    head = ["Pillar", "Code", "Indicator"] + (["Marks obtained", "Maximum"] if swap else ["Maximum", "Marks obtained"]) + ["Remarks"]
    rows = [head]
    spans = []
    G = groups(s)
    for p, items in G:
        r0 = len(rows)
        ts, tm = tot(items)
        for k, i in enumerate(items):
            pc = f"{ROMAN[p]}. {PILLARS[p]}\n(total {n(ts)}/{n(tm)})" if k == 0 else ""
            rem = "Full marks" if i["score"] >= i["max"] else ("Not met" if i["score"] == 0 else "Partially met")
            vals = [n(i["score"]), n(i["max"])] if swap else [n(i["max"]), n(i["score"])]
            rows.append([pc, i["code"].replace("&", " & "), i["ptitle"]] + vals + [rem])
        if len(items) > 1:
            spans.append((0, r0, len(rows) - 1))
    B = [("title", title_line(s, rng)), ("p", "City Performance & Recommendations"),
         ("table", [["City", s.city_print], ["State", state_of(s)]], {"widths": [0.2, 0.5], "head": 0}),
         ("h1", "Scorecard"), ("table", rows, {"widths": [0.14, 0.10, 0.33, 0.14, 0.14, 0.15], "spans": spans, "size": 8.5})]
    if omitted_note(s):
        B.append(("small", omitted_note(s)))
    B.append(("h1", "Recommendations"))
    for _, items in G:
        for i in items:
            B.append(("h2", f"{i['code'].replace('&', ' & ')} {i['ptitle']}"))
            B.append(("p", rec(s, i, rng)))
    return {"doc": {"blocks": B, "font": rng.choice(["Arial", "Calibri", "Liberation Sans", "Cambria"]), "base": 10,
                    "header": f"{s.city_name} | DMAF"}, "via_docx": True}


# ====================================================================== 13 appeal revised
def make_appeals(s, rng):
    ap = {}
    for i in shown(s):
        r = rng.random()
        if r < 0.25 and i["score"] > 0:
            steps = [x for x in (2.5, 5, 10) if x <= i["score"]]
            if steps:
                ap[i["code"]] = ("upheld", i["score"] - rng.choice(steps))
        elif r < 0.35:
            ap[i["code"]] = ("rejected", i["score"])
    if not any(v[0] == "upheld" for v in ap.values()):
        cand = [i for i in shown(s) if i["score"] >= 2.5]
        if cand:
            i = rng.choice(cand)
            ap[i["code"]] = ("upheld", i["score"] - 2.5)
    return ap


def fam_appeal(s, rng, fmt):
    ap = make_appeals(s, rng)
    head = ["Code", "Indicator", "Max. marks", "Provisional score", "Revised score after appeal", "Appeal status"]
    rows = [head]
    for p, items in groups(s):
        for i in items:
            st, orig = ap.get(i["code"], ("no appeal", i["score"]))
            rows.append([i["code"].replace("&", " & "), i["ptitle"], n(i["max"]), n(orig), n(i["score"]),
                         {"upheld": "Appeal allowed", "rejected": "Appeal rejected", "no appeal": "No appeal filed"}[st]])
    note = ("The revised score after appeal is final and supersedes the provisional score communicated earlier. "
            "Where no appeal was filed, or the appeal was rejected, the revised score equals the provisional score.")
    meta = [f"City: {s.city_print}", f"State: {state_of(s)}", f"Cycle: {cyc(s)}"]
    ref = f"No. {s.ref_no}"
    if fmt == "txt":
        from render4 import txt_table
        L = [ref, "", "DMAF – FINAL SCORES AFTER DISPOSAL OF APPEALS", FRAMEWORK, ""] + meta + ["", note, ""]
        L.append(txt_table([["Code", "Indicator", "Max", "Provisional", "Revised (final)", "Status"]] + rows[1:]))
        if omitted_note(s):
            L += ["", omitted_note(s)]
        return {"txt": "\n".join(L)}
    B = [("small", ref), ("title", "Final Scores after Disposal of Appeals"), ("p", title_line(s, rng)),
         ("p", "\n".join(meta)), ("p", note), ("table", rows, {"widths": [0.08, 0.38, 0.1, 0.13, 0.15, 0.16], "size": 8.5})]
    if omitted_note(s):
        B.append(("small", omitted_note(s)))
    B.append(("p", "Grievance Redressal Committee, DMAF"))
    return {"doc": {"blocks": B, "font": rng.choice(["serif", "lib", "libserif"]), "base": 9.5,
                    "header": "DMAF appeals – " + s.city_name, "footer": "Page {n}"}}


# ====================================================================== 14 Hindi first
DEVA = str.maketrans("0123456789", "०१२३४५६७८९")
HI_PILLAR = {1: "नीति (Policy)", 2: "जन (People)", 3: "प्रक्रिया (Process)", 4: "प्रौद्योगिकी (Technology)", 5: "परिणाम (Outcomes)"}


def deva(x):
    return n(x).translate(DEVA)


def fam_hindi(s, rng, fmt):
    both_deva = rng.random() < 0.3
    head = ["क्र.सं.", "संकेतक कोड / Code", "संकेतक / Indicator", "प्राप्तांक / Score", "अधिकतम अंक / Max"]
    rows = [head]
    k = 0
    G = groups(s)
    for p, items in G:
        for i in items:
            k += 1
            rows.append([str(k).translate(DEVA), i["code"].replace("&", " & "), i["ptitle"], deva(i["score"]),
                         deva(i["max"]) if both_deva else n(i["max"])])
    ptab = [["स्तंभ / Pillar", "प्राप्तांक / Score", "अधिकतम / Max"]] + [[HI_PILLAR[p], deva(tot(it)[0]), deva(tot(it)[1])] for p, it in G]
    meta = [f"शहर / City: {s.city_print}", f"राज्य / State: {state_of(s)}", f"चक्र / Cycle: {cyc(s)}"]
    notes = "टिप्पणी: प्राप्तांक देवनागरी अंकों में दिए गए हैं (उदा. २० = 20, १२.५ = 12.5)।  Note: scores are printed in Devanagari numerals (e.g. २० = 20)."
    if fmt == "txt":
        from render4 import txt_table
        L = ["डेटा परिपक्वता मूल्यांकन ढांचा", "Data Maturity Assessment Framework", "शहर निष्पादन एवं अनुशंसाएँ / City Performance & Recommendations", ""]
        L += meta + ["", notes, "", txt_table(rows), "", txt_table(ptab)]
        if omitted_note(s):
            L += ["", "जिन संकेतकों का मूल्यांकन नहीं हुआ, वे सूची में नहीं हैं। " + omitted_note(s)]
        return {"txt": "\n".join(L)}
    B = [("title", "डेटा परिपक्वता मूल्यांकन ढांचा"), ("p", "Data Maturity Assessment Framework"),
         ("h2", "शहर निष्पादन एवं अनुशंसाएँ / City Performance & Recommendations")] + [("p", m) for m in meta] + \
        [("small", notes), ("table", rows, {"widths": [0.08, 0.16, 0.44, 0.16, 0.16]}), ("h2", "स्तंभवार सारांश / Pillar summary"),
         ("table", ptab, {"widths": [0.4, 0.2, 0.2]})]
    if omitted_note(s):
        B.append(("small", "जिन संकेतकों का मूल्यांकन नहीं हुआ, वे सूची में नहीं हैं। " + omitted_note(s)))
    return {"doc": {"blocks": B, "font": "Mangal", "base": 10, "header": f"DMAF – {s.city_name}"}}


FAMILIES = {
    "json_api_export": fam_json,
    "yaml_config_export": fam_yaml,
    "html_deflist_text": fam_deflist,
    "token_score_sheet": fam_tokens,
    "roman_subitems": fam_roman,
    "audit_obs_log": fam_audit,
    "certificate_radar": fam_certificate,
    "form_boxes": fam_form,
    "percent_legend": fam_percent,
    "gantt_action_plan": fam_gantt,
    "docx_footnotes": fam_footnotes,
    "merged_pillar_table": fam_merged,
    "appeal_revised": fam_appeal,
    "hindi_first": fam_hindi,
}

# per format rotation (every family appears within 24 consecutive seeds)
BY_FORMAT = {
    "pdf": ["certificate_radar", "form_boxes", "percent_legend", "gantt_action_plan", "docx_footnotes",
            "merged_pillar_table", "roman_subitems", "token_score_sheet", "audit_obs_log", "appeal_revised"],
    "docx": ["docx_footnotes", "merged_pillar_table", "hindi_first", "percent_legend", "gantt_action_plan",
             "audit_obs_log", "appeal_revised", "token_score_sheet"],
    "txt": ["json_api_export", "yaml_config_export", "html_deflist_text", "token_score_sheet", "roman_subitems",
            "audit_obs_log", "appeal_revised", "hindi_first"],
}
