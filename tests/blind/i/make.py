"""Blind set I: state compendiums -- several city DMAF reports bound into one file.

    cd /work/main && .venv/bin/python tests/blind/i/make.py OUT_DIR --seeds 1-40

For each seed: OUT_DIR/c<seed:04d>_<family>.<pdf|docx|txt> and <file>.truth.json.
Family = FAMILIES[seed % len(FAMILIES)]; everything else follows from random.Random(seed).
Written without reading the project's parser.
"""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import content as C  # noqa: E402
from render import render_pdf, render_docx, render_txt  # noqa: E402


# --------------------------------------------------------------------------------------------- model
def fmt_num(v):
    if v is None:
        return None
    return ("%g" % v) if v != int(v) else str(int(v))


def make_scores(rng, cycle, na_rate):
    m = rng.random()
    out = []
    for code, title, mx in C.CATALOGUES[cycle]:
        step = 5.0 if (mx % 5 == 0 and rng.random() < 0.8) else 2.5
        if mx % 5 != 0:
            step = 2.5
        v = mx * min(1.0, max(0.0, m + rng.uniform(-0.45, 0.45)))
        if rng.random() < 0.25:
            v = 0.0
        v = round(v / step) * step
        v = min(mx, max(0.0, v))
        score = None if rng.random() < na_rate else float(v)
        out.append({"code": code, "title": title, "score": score, "max_score": float(mx)})
    return out


SPV_FORMS = ["{n} Smart City Limited", "{n} Smart City Development Limited",
             "{n} Smart City Corporation Limited", "{n} Smart City Mission Limited"]


class Report:
    def __init__(self, rng, city, cycle, na_rate=0.03, alias_rate=0.1):
        self.city = city["city"]
        self.state = city["state"]
        self.cycle = cycle
        self.aliases = city["aliases"]
        self.printed = rng.choice(self.aliases) if (self.aliases and rng.random() < alias_rate) else self.city
        self.label = rng.choice(C.CYCLE_LABELS[cycle][:3]) if rng.random() < 0.4 else C.CYCLE_LABELS[cycle][0]
        self.inds = make_scores(rng, cycle, na_rate)
        self.spv = rng.choice(SPV_FORMS).format(n=self.printed)
        order = list(range(len(self.inds)))
        if rng.random() < 0.3:  # the real report prints some indicators out of order within a pillar
            groups = {}
            for i in order:
                groups.setdefault(self.inds[i]["code"][0], []).append(i)
            order = []
            for k in sorted(groups):
                g = groups[k]
                if len(g) > 2 and rng.random() < 0.5:
                    j = rng.randrange(len(g) - 1)
                    g[j], g[j + 1] = g[j + 1], g[j]
                order += g
        self.order = order

    def total(self):
        return sum(i["score"] or 0.0 for i in self.inds)

    def pillar(self, p):
        return sum(i["score"] or 0.0 for i in self.inds if i["code"].startswith(str(p) + "."))

    def truth(self, first=None, last=None):
        return {"city": self.city, "state": self.state, "cycle": self.cycle,
                "first_page": first, "last_page": last, "indicators": self.inds}


# ---------------------------------------------------------------------------------- text helpers
def disp_code(rng_choice, code):
    if "&" in code:
        return {"amp": "1.c & 1.d", "tight": "1.c&1.d", "and": "1.c and 1.d"}[rng_choice]
    return code


HEAD_FMTS = {
    "ind": "Indicator {c}: {t}",
    "bare": "{c} {t}",
    "dash": "{c} \u2013 {t}",
    "paren": "({c}) {t}",
    "ind2": "Indicator {c} \u2013 {t}",
}


def score_text(fmt, ind):
    s, m = fmt_num(ind["score"]), fmt_num(ind["max_score"])
    if s is None:
        na = {"slash": "Score: NA/{m}", "outof": "Score: Not assessed (out of {m})",
              "marks": "Marks obtained: N/A (maximum {m})", "brack": "[NA / {m}]",
              "awarded": "Score awarded: Not assessed (max. {m})"}[fmt]
        return na.format(m=m)
    return {"slash": "Score: {s}/{m}", "outof": "Score: {s} out of {m}",
            "marks": "Marks obtained: {s} (maximum {m})", "brack": "[{s}/{m}]",
            "awarded": "Score awarded: {s} / {m}"}[fmt].format(s=s, m=m)


def short_score(ind):
    s, m = fmt_num(ind["score"]), fmt_num(ind["max_score"])
    return ("NA/%s" % m) if s is None else ("%s/%s" % (s, m))


def recs_for(rng, rep, ind, verbosity, peers, peer_rate):
    """List of ('p', text) / ('ul', items) blocks for one indicator."""
    code = ind["code"].split("&")[0]
    base = list(C.RECS.get(code, [C.RECS.get(code[:2] + "a", ["Your city is advised to act on this indicator."])[0]]))
    full = ind["score"] is not None and ind["score"] == ind["max_score"]
    out = []
    if full:
        out.append(("p", rng.choice(C.GOOD)))
        if verbosity >= 2:
            out.append(("p", rng.choice(C.FILLER)))
        return out
    if verbosity <= 0:
        out.append(("p", base[0].split(". ")[0].rstrip(".") + "."))
        return out
    out.append(("p", base[0]))
    if code in C.BULLETS:
        items = C.BULLETS[code]
        out.append(("ul", items if verbosity >= 2 else items[:3]))
    for extra in base[1:]:
        out.append(("p", extra))
    if verbosity >= 2:
        k = 1 if verbosity == 2 else 3
        out.append(("p", " ".join(rng.sample(C.FILLER, k))))
    if verbosity >= 3:
        out.append(("p", "Way forward: " + " ".join(rng.sample(C.FILLER, 2))))
        out.append(("ul", rng.sample(C.FILLER, 3)))
    if peers and rng.random() < peer_rate:
        s = rng.choice(C.PEER_SENTENCES).format(peer=rng.choice(peers))
        if out and out[-1][0] == "p":
            out[-1] = ("p", out[-1][1] + " " + s)
        else:
            out.append(("p", s))
    return out


# ------------------------------------------------------------------------------ report elements
TITLE_STYLES = ["real", "big", "meta", "meta4", "nameof", "spv", "banner", "colon"]


def title_elements(rep, style, k=None, n=None):
    c, s, lab = rep.printed, rep.state, rep.label
    if style == "real":
        return [("center", "Data Maturity Assessment Framework %s" % lab, 17, True),
                ("center", "City Performance & Recommendations", 13, False),
                ("center", "City: %s | State: %s" % (c, s), 12, False), ("sp", 14)]
    if style == "big":
        return [("center", c.upper(), 30, True), ("center", s, 14, False),
                ("center", "DMAF %s \u00b7 City Performance & Recommendations" % lab, 11, False), ("sp", 14)]
    if style == "meta":
        return [("center", "City Performance & Recommendations", 15, True),
                ("table", [["City", c, "State", s], ["Framework", "DMAF", "Cycle", lab]],
                 {"grid": True, "header": False, "bold_cols": [0, 2]}), ("sp", 12)]
    if style == "meta4":
        return [("center", "Data Maturity Assessment Framework", 15, True),
                ("table", [["City", c], ["State", s], ["Assessment", lab],
                           ["Document", "City Performance & Recommendations"]],
                 {"grid": True, "header": False, "bold_cols": [0]}), ("sp", 12)]
    if style == "nameof":
        return [("h1", "Data Maturity Assessment Framework \u2013 %s" % lab),
                ("p", "Name of the City - %s" % c), ("p", "Name of the State - %s" % s),
                ("p", "City Performance & Recommendations"), ("sp", 10)]
    if style == "spv":
        return [("center", rep.spv, 19, True),
                ("center", "Data Maturity Assessment Framework (%s)" % lab, 12, False),
                ("center", "City Performance & Recommendations", 12, False),
                ("center", "State: %s" % s, 11, False), ("sp", 12)]
    if style == "banner":
        return [("small", "Report %d of %d" % (k, n)), ("h1", "%s, %s" % (c, s)),
                ("p", "DMAF %s: City Performance & Recommendations" % lab), ("sp", 8)]
    if style == "colon":
        return [("h1", "City Performance & Recommendations \u2014 %s (%s)" % (c, s)),
                ("p", "Data Maturity Assessment Framework, %s" % lab), ("sp", 8)]
    raise ValueError(style)


def scorecard_table(rep, rng, codefmt, variant=None):
    variant = variant or rng.choice(["four", "two", "pillarsub"])
    rows = []
    if variant == "two":
        rows.append(["Indicator", "Score"])
        for i in rep.order:
            ind = rep.inds[i]
            rows.append(["%s %s" % (disp_code(codefmt, ind["code"]), ind["title"]), short_score(ind)])
        rows.append(["Total", "%s/500" % fmt_num(rep.total())])
        return ("table", rows, {"grid": True, "header": True, "widths": [0.8, 0.2]})
    rows.append(["Code", "Indicator", "Max", "Score"])
    last_p = None
    for i in rep.order:
        ind = rep.inds[i]
        p = ind["code"][0]
        if variant == "pillarsub" and last_p is not None and p != last_p:
            rows.append(["", "Sub-total (Pillar %s)" % last_p, "100", fmt_num(rep.pillar(int(last_p)))])
        last_p = p
        sc = "NA" if ind["score"] is None else fmt_num(ind["score"])
        rows.append([disp_code(codefmt, ind["code"]), ind["title"], fmt_num(ind["max_score"]), sc])
    if variant == "pillarsub":
        rows.append(["", "Sub-total (Pillar %s)" % last_p, "100", fmt_num(rep.pillar(int(last_p)))])
    rows.append(["", "Total", "500", fmt_num(rep.total())])
    return ("table", rows, {"grid": True, "header": True, "widths": [0.12, 0.62, 0.12, 0.14]})


def report_elements(rep, rng, o):
    """o: dict with title, head, score, place, verbosity, codefmt, pillar_heads, peers, peer_rate, k, n."""
    els = title_elements(rep, o["title"], o.get("k"), o.get("n"))
    place = o["place"]
    codefmt = o["codefmt"]
    if place in ("card", "compact"):
        els.append(("h2", rng.choice(["Scorecard", "Summary of Scores", "Indicator-wise Scores"])))
        els.append(scorecard_table(rep, rng, codefmt))
        els.append(("sp", 10))
    if place == "compact":
        els.append(("h2", "Key recommendations"))
        low = [rep.inds[i] for i in rep.order if (rep.inds[i]["score"] or 0) < rep.inds[i]["max_score"]][:4]
        els.append(("ul", ["%s: %s" % (ind["title"], C.RECS.get(ind["code"][:3], ["Act on this."])[0].split(". ")[0])
                           for ind in low] or ["Sustain the current level of data maturity."]))
        return els
    if o.get("intro"):
        els.append(("h2", "City Recommendations"))
    last_p = None
    for i in rep.order:
        ind = rep.inds[i]
        p = int(ind["code"][0])
        if o.get("pillar_heads") and p != last_p:
            els.append(("h3", "Pillar %d: %s" % (p, C.PILLARS[p])))
        last_p = p
        head = HEAD_FMTS[o["head"]].format(c=disp_code(codefmt, ind["code"]), t=ind["title"])
        st = score_text(o["score"], ind)
        body = recs_for(rng, rep, ind, o["verbosity"], o.get("peers"), o.get("peer_rate", 0.0))
        if place == "under":
            els += [("h2", head), ("b", st)] + body
        elif place == "right":
            els += [("hs", head, short_score(ind) if rng.random() < 0.5 else st)] + body
        elif place == "inline":
            els += [("h2", "%s \u2014 %s" % (head, short_score(ind)))] + body
        elif place == "before":
            els += [("b", st), ("h2", head)] + body
        elif place == "end":
            els += [("h2", head)] + body + [("b", st)]
        elif place == "card":
            els += [("h2", head)] + body
        else:
            raise ValueError(place)
    return els


def rand_report_opts(rng, fixed=None):
    o = {"title": rng.choice(TITLE_STYLES), "head": rng.choice(list(HEAD_FMTS)),
         "score": rng.choice(["slash", "slash", "outof", "marks", "brack", "awarded"]),
         "place": rng.choice(["under", "under", "right", "inline", "card", "end"]),
         "verbosity": rng.choice([1, 1, 2, 2, 3]), "codefmt": rng.choice(["amp", "amp", "tight", "and"]),
         "pillar_heads": rng.random() < 0.3, "intro": rng.random() < 0.4, "peer_rate": 0.05}
    if fixed:
        o.update(fixed)
    return o


# ----------------------------------------------------------------------------- choosing cities
def pick_cities(rng, n, regional=False):
    if regional:
        region = rng.choice(["North-East", "South", "North", "Central", "East"])
        pool = C.BY_REGION[region]
        return None, region, rng.sample(pool, min(n, len(pool)))
    states = [s for s, v in C.BY_STATE.items() if len(v) >= min(n, 2)]
    big = [s for s in states if len(C.BY_STATE[s]) >= n]
    state = rng.choice(big or states)
    pool = C.BY_STATE[state]
    return state, state, rng.sample(pool, min(n, len(pool)))


def compendium_title(rng, scope, cycles, regional):
    lab = " & ".join(C.CYCLE_LABELS[c][0] for c in cycles)
    where = ("%s Region" % scope) if regional else scope
    return rng.choice([
        "%s: Compendium of DMAF City Reports (%s)" % (where, lab),
        "Data Maturity Assessment Framework %s \u2013 %s Compendium" % (lab, where),
        "Compendium of City Performance & Recommendations \u2013 %s" % where,
        "State Data Maturity Compendium: %s" % where,
    ])


def officer(rng):
    return "%s %s" % (rng.choice(C.FIRST), rng.choice(C.LAST))


# ---------------------------------------------------------------------- front and back matter
def cover_elements(rng, title, scope, reps, regional):
    issuer = ("State Urban Development Department, Government of %s" % scope) if not regional else \
        "Smart Cities Mission, Ministry of Housing and Urban Affairs"
    return [("sp", 120), ("center", title, 22, True), ("sp", 20),
            ("center", "Smart Cities Mission", 14, False), ("center", issuer, 11, False),
            ("sp", 30), ("center", "Cities covered: %d" % len(reps), 11, False),
            ("center", rng.choice(["June 2021", "July 2021", "August 2021", "March 2022"]), 11, False)]


def summary_elements(rng, reps, scope):
    rows = [["City", "Policy", "People", "Process", "Technology", "Outcomes", "Total (500)"]]
    twocyc = len({r.cycle for r in reps}) > 1
    if twocyc:
        rows[0].insert(1, "Cycle")
    for r in reps:
        row = [r.printed] + [fmt_num(r.pillar(p)) for p in range(1, 6)] + [fmt_num(r.total())]
        if twocyc:
            row.insert(1, str(r.cycle))
        rows.append(row)
    avg = sum(r.total() for r in reps) / len(reps)
    return [("h1", rng.choice(["State Summary", "Summary of City Scores", "At a Glance: %s" % scope])),
            ("p", "The table below gives the pillar-wise scores of each city covered in this compendium."),
            ("table", rows, {"grid": True, "header": True}),
            ("p", "Average total score of the cities: %.1f out of 500." % avg)]


def annex_elements(rng, reps):
    rows = [["S.No.", "City", "Nodal officer", "Designation", "E-mail"]]
    seen = []
    for r in reps:
        if r.city in seen:
            continue
        seen.append(r.city)
        nm = officer(rng)
        rows.append([str(len(seen)), r.printed, nm, rng.choice(C.DESIG),
                     "%s.%s@%s" % (nm.split()[0].lower(), "dmaf", r.city.lower().replace(" ", "").replace("-", "") + "sc.in")])
    return [("h1", rng.choice(["Annexure: List of Nodal Officers", "Annex A \u2013 Contact Details of City Data Officers"])),
            ("p", "The following officers coordinated the assessment in their cities."),
            ("table", rows, {"grid": True, "header": True, "small": True}),
            ("sp", 12), ("h2", "Abbreviations"),
            ("ul", ["CDO \u2013 City Data Officer", "SCODP \u2013 Smart Cities Open Data Portal",
                    "SPV \u2013 Special Purpose Vehicle", "MoHUA \u2013 Ministry of Housing and Urban Affairs"])]


# ---------------------------------------------------------------------------------- compose PDF
def compose_pdf(path, rng, reps, o_list, *, cover=None, toc=None, summary=None, dividers=None,
                annex=None, backindex=False, blank_verso=False, header=None, footer=None,
                landscape_reports=False, title=""):
    """Build the element list (twice if page numbers are needed) and render it."""
    def build(info):
        els = []
        front = 0

        def newpage():
            if els:
                els.append(("pb",))

        if cover:
            els += cover
        if toc:
            newpage()
            els.append(("mark", None))
            els += toc_elements(toc, reps, info, dividers)
        if summary:
            newpage()
            els.append(("mark", None))
            els += summary
        for i, (rep, o) in enumerate(zip(reps, o_list)):
            if dividers:
                newpage()
                els.append(("mark", None))
                els.append(("divpage", i))
                els += dividers(i, rep)
            if blank_verso and els:
                els.append(("pb_odd",))
            else:
                newpage()
            if landscape_reports:
                els.append(("template", "land"))
            els.append(("mark", i))
            o = dict({"k": i + 1, "n": len(reps)}, **o)
            els += report_elements(rep, random.Random(o["rseed"]), o)
            if landscape_reports:
                els.append(("template", "port"))
        if annex:
            newpage()
            els.append(("mark", None))
            els += annex
        if backindex:
            newpage()
            els.append(("mark", None))
            els.append(("h1", "Index of Cities"))
            rows = []
            for i, rep in enumerate(reps):
                r = info["ranges"].get(i, (0, 0)) if info else (0, 0)
                rows.append(("%s (%s)" % (rep.printed, C.CYCLE_LABELS[rep.cycle][0]), "%d\u2013%d" % r))
            els.append(("dots", rows))
        return els

    hdr = {"header": header, "footer": footer, "title": title}
    info = render_pdf(path, build(None), hdr, None, landscape=landscape_reports)
    info = render_pdf(path, build(info), hdr, info, landscape=landscape_reports)
    return info


def toc_elements(toc, reps, info, dividers):
    """toc: dict(style='dots', offset=int or None, label=...)."""
    rows = []
    offset = toc.get("offset") or 0
    for i, rep in enumerate(reps):
        pg = 0
        if info:
            if dividers:
                pg = info["divpages"].get(i, 0)
            else:
                pg = info["ranges"].get(i, (0, 0))[0]
        lab = toc["entry"].format(k=i + 1, c=rep.printed, s=rep.state, cyc=C.CYCLE_LABELS[rep.cycle][0])
        rows.append((lab, str(max(pg - offset, 0))))
    return [("h1", toc.get("label", "Contents")), ("sp", 10), ("dots", rows)]


# ------------------------------------------------------------------------------- the families
def fam_contents(rng, path):
    n = rng.randint(3, 6)
    state, scope, cities = pick_cities(rng, n, regional=rng.random() < 0.2)
    reps = [Report(rng, c, 2) for c in cities]
    title = compendium_title(rng, scope, [2], state is None)
    fixed = rand_report_opts(rng)
    o_list = [dict(fixed, rseed=rng.random()) for _ in reps]
    offset = rng.choice([None, None, 2])  # printed numbers may start at 1 on the first report page
    toc = {"entry": rng.choice(["{k}. {c}", "{c}, {s}", "City Report: {c}", "{k}  {c} ({cyc})"]),
           "offset": offset, "label": rng.choice(["Contents", "Table of Contents", "Index"])}

    def footer(page, total, info):
        if offset:
            return None if page <= offset else str(page - offset)
        return str(page)
    info = compose_pdf(path, rng, reps, o_list, cover=cover_elements(rng, title, scope, reps, state is None),
                       toc=toc, footer=footer, title=title)
    return state, reps, info


def fam_backtoback(rng, path):
    n = rng.randint(2, 5)
    state, scope, cities = pick_cities(rng, n)
    reps = [Report(rng, c, 2, alias_rate=0.2) for c in cities]
    fixed = rand_report_opts(rng, {"title": "real", "head": "ind", "score": "slash", "place": "under"})
    o_list = [dict(fixed, rseed=rng.random(), verbosity=rng.choice([1, 2])) for _ in reps]
    info = compose_pdf(path, rng, reps, o_list, footer=(lambda p, t, i: "Page %d" % p) if rng.random() < 0.5 else None)
    return state, reps, info


def fam_dividers(rng, path):
    n = rng.randint(2, 5)
    state, scope, cities = pick_cities(rng, n)
    reps = [Report(rng, c, 2) for c in cities]
    o_list = [dict(rand_report_opts(rng), rseed=rng.random()) for _ in reps]
    word = rng.choice(["Section", "Part", "Chapter"])
    style = rng.choice(["plain", "with_state", "roman"])
    romans = ["I", "II", "III", "IV", "V", "VI"]

    def div(i, rep):
        num = romans[i] if style == "roman" else str(i + 1)
        els = [("sp", 220), ("center", "%s %s: %s" % (word, num, rep.printed), 28, True)]
        if style == "with_state":
            els.append(("center", rep.state, 14, False))
        els.append(("center", "City Performance & Recommendations", 11, False))
        return els
    title = compendium_title(rng, scope, [2], False)
    info = compose_pdf(path, rng, reps, o_list, dividers=div,
                       cover=cover_elements(rng, title, scope, reps, False) if rng.random() < 0.5 else None,
                       footer=lambda p, t, i: "%d" % p, title=title)
    return state, reps, info


def fam_running(rng, path):
    n = rng.randint(2, 6)
    regional = rng.random() < 0.25
    state, scope, cities = pick_cities(rng, n, regional=regional)
    reps = [Report(rng, c, 2) for c in cities]
    title = compendium_title(rng, scope, [2], regional)
    fixed = rand_report_opts(rng)
    o_list = [dict(fixed, rseed=rng.random(), verbosity=rng.choice([1, 2, 3])) for _ in reps]
    hstyle = rng.choice(["lr", "center"])

    def header(page, total, info):
        if hstyle == "lr":
            return (scope if not regional else scope + " Region", title)
        return ("%s  |  %s" % (title, scope),)

    def footer(page, total, info):
        return rng_footer % {"p": page, "t": total}
    rng_footer = rng.choice(["Page %(p)d of %(t)d", "- %(p)d -", "%(p)d / %(t)d", "Compendium page %(p)d"])
    info = compose_pdf(path, rng, reps, o_list, header=header, footer=footer, title=title,
                       cover=cover_elements(rng, title, scope, reps, regional) if rng.random() < 0.4 else None)
    return state, reps, info


def fam_titlemix(rng, path):
    n = rng.randint(3, 6)
    state, scope, cities = pick_cities(rng, n)
    reps = [Report(rng, c, 2, alias_rate=0.25) for c in cities]
    styles = rng.sample(TITLE_STYLES, len(reps)) if len(reps) <= len(TITLE_STYLES) else None
    base = rand_report_opts(rng)
    o_list = [dict(base, title=styles[i], rseed=rng.random(), k=i + 1, n=len(reps)) for i in range(len(reps))]
    info = compose_pdf(path, rng, reps, o_list, footer=lambda p, t, i: "%d" % p)
    return state, reps, info


def fam_scoreplaces(rng, path):
    n = rng.randint(3, 5)
    state, scope, cities = pick_cities(rng, n)
    reps = [Report(rng, c, 2, na_rate=0.06) for c in cities]
    places = ["under", "card", "right", "inline", "before", "end"]
    rng.shuffle(places)
    o_list = [dict(rand_report_opts(rng), place=places[i % len(places)], rseed=rng.random()) for i in range(len(reps))]
    info = compose_pdf(path, rng, reps, o_list, footer=lambda p, t, i: "Page %d of %d" % (p, t))
    return state, reps, info


def fam_summary(rng, path):
    n = rng.randint(3, 6)
    state, scope, cities = pick_cities(rng, n)
    reps = [Report(rng, c, 2) for c in cities]
    fixed = rand_report_opts(rng)
    o_list = [dict(fixed, rseed=rng.random()) for _ in reps]
    title = compendium_title(rng, scope, [2], False)
    info = compose_pdf(path, rng, reps, o_list, summary=summary_elements(rng, reps, scope),
                       cover=cover_elements(rng, title, scope, reps, False) if rng.random() < 0.5 else None,
                       footer=lambda p, t, i: "%d" % p, title=title)
    return state, reps, info


def fam_annex(rng, path):
    n = rng.randint(2, 5)
    state, scope, cities = pick_cities(rng, n)
    reps = [Report(rng, c, 2) for c in cities]
    fixed = rand_report_opts(rng)
    o_list = [dict(fixed, rseed=rng.random()) for _ in reps]
    title = compendium_title(rng, scope, [2], False)
    info = compose_pdf(path, rng, reps, o_list, annex=annex_elements(rng, reps),
                       summary=summary_elements(rng, reps, scope) if rng.random() < 0.3 else None,
                       header=lambda p, t, i: (title,), footer=lambda p, t, i: str(p), title=title)
    return state, reps, info


def fam_twocycles(rng, path):
    n_other = rng.randint(1, 3)
    state, scope, cities = pick_cities(rng, n_other + 1)
    pair = rng.choice([(1, 2), (1, 2), (2, 3)])
    twin = cities[0]
    reps = [Report(rng, twin, pair[0]), Report(rng, twin, pair[1])]
    if rng.random() < 0.5:
        reps[1].printed = reps[0].printed
    reps += [Report(rng, c, pair[1]) for c in cities[1:]]
    title = compendium_title(rng, scope, list(pair), False)
    o_list = [dict(rand_report_opts(rng, {"title": rng.choice(["real", "meta4", "colon"])}), rseed=rng.random())
              for _ in reps]
    toc = {"entry": "{k}. {c} \u2013 {cyc}", "label": "Contents"}
    info = compose_pdf(path, rng, reps, o_list, toc=toc if rng.random() < 0.6 else None,
                       summary=summary_elements(rng, reps, scope) if rng.random() < 0.4 else None,
                       footer=lambda p, t, i: str(p), title=title)
    return state, reps, info


def fam_lengths(rng, path):
    n = rng.randint(3, 6)
    state, scope, cities = pick_cities(rng, n)
    reps = [Report(rng, c, 2) for c in cities]
    everyone = [c["city"] for c in C.CITIES]
    o_list = []
    for i, rep in enumerate(reps):
        peers = [r.printed for r in reps if r is not rep] + rng.sample(everyone, 3)
        v = rng.choice([-1, 0, 1, 3, 3])
        o = rand_report_opts(rng, {"peers": peers, "peer_rate": 0.35})
        if v == -1:
            o["place"] = "compact"
        else:
            o["verbosity"] = v
            if o["place"] == "card" and v == 0:
                o["place"] = "under"
        o["rseed"] = rng.random()
        o_list.append(o)
    info = compose_pdf(path, rng, reps, o_list, footer=lambda p, t, i: "Page %d" % p)
    return state, reps, info


def fam_sideways(rng, path):
    n = rng.randint(2, 4)
    state, scope, cities = pick_cities(rng, n)
    reps = [Report(rng, c, 2, na_rate=0.05) for c in cities]
    title = compendium_title(rng, scope, [2], False)
    # sideways: each report is a single wide table (code | indicator | max | score | recommendation)
    info = compose_sideways(path, rng, reps, title, scope)
    return state, reps, info


def compose_sideways(path, rng, reps, title, scope):
    cover = cover_elements(rng, title, scope, reps, False)
    codefmt = rng.choice(["amp", "tight"])
    cols = rng.choice([["Code", "Indicator", "Max", "Score", "Recommendation"],
                       ["Indicator", "Recommendation", "Marks (obtained/max)"]])

    def build(info):
        els = list(cover)
        for i, rep in enumerate(reps):
            r2 = random.Random(rng.random() if info is None else info["seeds"][i])
            els.append(("template", "land"))
            els.append(("pb",))
            els.append(("mark", i))
            els += title_elements(rep, r2.choice(["real", "colon", "meta"]))
            rows = [list(cols)]
            for j in rep.order:
                ind = rep.inds[j]
                txt = " ".join(b[1] if b[0] == "p" else "; ".join(b[1])
                               for b in recs_for(r2, rep, ind, r2.choice([0, 1, 1, 2]), None, 0))
                sc = "NA" if ind["score"] is None else fmt_num(ind["score"])
                if len(cols) == 5:
                    rows.append([disp_code(codefmt, ind["code"]), ind["title"], fmt_num(ind["max_score"]), sc, txt])
                else:
                    rows.append(["%s %s" % (disp_code(codefmt, ind["code"]), ind["title"]), txt,
                                 short_score(ind)])
            w = [0.07, 0.2, 0.06, 0.07, 0.6] if len(cols) == 5 else [0.25, 0.6, 0.15]
            els.append(("table", rows, {"grid": True, "header": True, "widths": w, "small": True, "repeat": True}))
            els.append(("template", "port"))
        return els
    seeds = [rng.random() for _ in reps]
    info0 = {"seeds": seeds}
    hdr = {"header": None, "footer": lambda p, t, i: "%d" % p, "title": title}
    info = render_pdf(path, build(info0), hdr, None, landscape=True)
    return info


def fam_restart(rng, path):
    n = rng.randint(2, 5)
    state, scope, cities = pick_cities(rng, n)
    reps = [Report(rng, c, 2) for c in cities]
    fixed = rand_report_opts(rng)
    o_list = [dict(fixed, rseed=rng.random()) for _ in reps]
    title = compendium_title(rng, scope, [2], False)

    def which(page, info):
        if not info:
            return None, 0, 0
        for i, (a, b) in info["ranges"].items():
            if a <= page <= b:
                return i, page - a + 1, b - a + 1
        return None, 0, 0

    def header(page, total, info):
        i, k, m = which(page, info)
        if i is None:
            return None
        return ("DMAF %s \u2013 %s" % (C.CYCLE_LABELS[reps[i].cycle][0], reps[i].printed),)

    def footer(page, total, info):
        i, k, m = which(page, info)
        if i is None:
            return None
        return "%s \u00b7 Page %d of %d" % (reps[i].printed, k, m)
    info = compose_pdf(path, rng, reps, o_list, header=header, footer=footer, title=title,
                       cover=cover_elements(rng, title, scope, reps, False) if rng.random() < 0.5 else None,
                       blank_verso=rng.random() < 0.5)
    return state, reps, info


def fam_backindex(rng, path):
    n = rng.randint(2, 5)
    state, scope, cities = pick_cities(rng, n)
    reps = [Report(rng, c, 2) for c in cities]
    o_list = [dict(rand_report_opts(rng), rseed=rng.random()) for _ in reps]
    title = compendium_title(rng, scope, [2], False)
    info = compose_pdf(path, rng, reps, o_list, backindex=True, blank_verso=True,
                       cover=cover_elements(rng, title, scope, reps, False),
                       footer=lambda p, t, i: str(p), title=title)
    return state, reps, info


# ------------------------------------------------------------------------------------ DOCX / TXT
def fam_docx_breaks(rng, path):
    n = rng.randint(2, 5)
    state, scope, cities = pick_cities(rng, n)
    reps = [Report(rng, c, 2, na_rate=0.04) for c in cities]
    title = compendium_title(rng, scope, [2], False)
    fixed = rand_report_opts(rng, {"place": rng.choice(["under", "under", "right", "card"])})
    els = []
    if rng.random() < 0.5:
        els += cover_elements(rng, title, scope, reps, False)[1:]
        els.append(("pb",))
        els += [("h1", "Contents")] + [("p", "%d. %s" % (i + 1, r.printed)) for i, r in enumerate(reps)]
    for i, rep in enumerate(reps):
        if els:
            els.append(("pb",))
        o = dict(fixed, k=i + 1, n=len(reps))
        els += report_elements(rep, random.Random(rng.random()), o)
    render_docx(path, els, {"headings": rng.random() < 0.6, "break": rng.choice(["run", "para", "section"]),
                            "header": title if rng.random() < 0.5 else None})
    return state, reps, None


def fam_docx_tables(rng, path):
    n = rng.randint(2, 5)
    state, scope, cities = pick_cities(rng, n)
    reps = [Report(rng, c, 2, na_rate=0.04) for c in cities]
    title = compendium_title(rng, scope, [2], False)
    els = [("h1", title), ("p", "This compendium binds the DMAF reports of %d cities of %s." % (len(reps), scope))]
    els += summary_elements(rng, reps, scope)
    codefmt = rng.choice(["amp", "tight"])
    for i, rep in enumerate(reps):
        r2 = random.Random(rng.random())
        els.append(("pb",))
        els += title_elements(rep, r2.choice(["meta", "meta4", "nameof", "spv"]))
        rows = [["Indicator", "Score", "Recommendations"]]
        for j in rep.order:
            ind = rep.inds[j]
            txt = " ".join(b[1] if b[0] == "p" else "; ".join(b[1])
                           for b in recs_for(r2, rep, ind, r2.choice([0, 1]), None, 0))
            rows.append(["%s %s" % (disp_code(codefmt, ind["code"]), ind["title"]), short_score(ind), txt])
        els.append(("table", rows, {"grid": True, "header": True, "widths": [0.3, 0.12, 0.58]}))
    if rng.random() < 0.6:
        els.append(("pb",))
        els += annex_elements(rng, reps)
    def header_fn(k):
        if k == 0:
            return title
        if k <= len(reps):
            return "%s \u2013 %s" % (scope, reps[k - 1].printed)
        return "%s \u2013 Annexure" % scope
    render_docx(path, els, {"headings": rng.random() < 0.7, "break": "section", "header_fn": header_fn})
    return state, reps, None


def fam_txt_formfeed(rng, path):
    n = rng.randint(2, 5)
    state, scope, cities = pick_cities(rng, n)
    reps = [Report(rng, c, 2, na_rate=0.04) for c in cities]
    title = compendium_title(rng, scope, [2], False)
    fixed = rand_report_opts(rng, {"place": rng.choice(["under", "right", "end", "before"])})
    chunks = []
    if rng.random() < 0.6:
        chunks.append(cover_elements(rng, title, scope, reps, False)[1:])
    for i, rep in enumerate(reps):
        chunks.append(report_elements(rep, random.Random(rng.random()), dict(fixed, k=i + 1, n=len(reps))))
    if rng.random() < 0.5:
        chunks.append(annex_elements(rng, reps))
    render_txt(path, chunks, {"sep": "formfeed", "lines": rng.choice([50, 60]),
                              "header": "%s \u2013 %s" % (scope, "DMAF Compendium"), "footer": "Page {p}"})
    return state, reps, None


def fam_txt_rules(rng, path):
    n = rng.randint(2, 6)
    regional = rng.random() < 0.3
    state, scope, cities = pick_cities(rng, n, regional=regional)
    reps = [Report(rng, c, 2, na_rate=0.04) for c in cities]
    title = compendium_title(rng, scope, [2], regional)
    fixed = rand_report_opts(rng, {"place": rng.choice(["under", "under", "inline", "card"])})
    chunks = [[("h1", title)] + [("p", "  %d. %s" % (i + 1, r.printed)) for i, r in enumerate(reps)]]
    for i, rep in enumerate(reps):
        chunks.append(report_elements(rep, random.Random(rng.random()), dict(fixed, k=i + 1, n=len(reps))))
    render_txt(path, chunks, {"sep": rng.choice(["=" * 72, "=====", "=" * 72 + "\n" + "=" * 72]), "underline": "-",
                              "markdown": rng.random() < 0.5})
    return state, reps, None


FAMILIES = [
    ("contents", fam_contents, "pdf"),
    ("backtoback", fam_backtoback, "pdf"),
    ("dividers", fam_dividers, "pdf"),
    ("running", fam_running, "pdf"),
    ("titlemix", fam_titlemix, "pdf"),
    ("scoreplaces", fam_scoreplaces, "pdf"),
    ("summary", fam_summary, "pdf"),
    ("annex", fam_annex, "pdf"),
    ("twocycles", fam_twocycles, "pdf"),
    ("lengths", fam_lengths, "pdf"),
    ("sideways", fam_sideways, "pdf"),
    ("restart", fam_restart, "pdf"),
    ("backindex", fam_backindex, "pdf"),
    ("docx_breaks", fam_docx_breaks, "docx"),
    ("docx_tables", fam_docx_tables, "docx"),
    ("txt_formfeed", fam_txt_formfeed, "txt"),
    ("txt_rules", fam_txt_rules, "txt"),
]


def generate(seed, out_dir):
    name, fn, ext = FAMILIES[seed % len(FAMILIES)]
    rng = random.Random(seed * 7919 + 17)
    fname = "c%04d_%s.%s" % (seed, name, ext)
    path = os.path.join(out_dir, fname)
    state, reps, info = fn(rng, path)
    out = []
    for i, rep in enumerate(reps):
        if info is not None:
            a, b = info["ranges"][i]
            out.append(rep.truth(a, b))
        else:
            out.append(rep.truth())
    truth = {"source": fname, "family": name, "state": state, "reports": out}
    with open(path + ".truth.json", "w", encoding="utf-8") as fh:
        json.dump(truth, fh, indent=1, ensure_ascii=False)
    return fname


def parse_seeds(s):
    out = []
    for part in s.split(","):
        if "-" in part:
            a, b = part.split("-")
            out += range(int(a), int(b) + 1)
        else:
            out.append(int(part))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--seeds", default="1-40")
    a = ap.parse_args(argv)
    os.makedirs(a.out_dir, exist_ok=True)
    for s in parse_seeds(a.seeds):
        print(generate(s, a.out_dir))


if __name__ == "__main__":
    main()
