"""TXT families for blind set F."""
from common import (PILLAR_NAMES, ROMAN, by_pillar, fnum, code_fmt, paragraph, wrap, date_str,
                    spv_name, SENTENCES)

ROMAN_SMALL = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
               "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv"]


def write(path, text, crlf=False, bom=False):
    if crlf:
        text = text.replace("\n", "\r\n")
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        fh.write(text)


# 9 ------------------------------------------------------------------------------------------
def email_thread(ctx, stem):
    """Reply-on-top e-mail; the scorecard is in the quoted original; top mail may correct one figure."""
    rng = ctx.rng
    path = stem + ".txt"
    titles = {d["code"]: d["title"] for d in ctx.inds}
    d0, d1 = sorted([date_str(rng, ctx.cycle)[0] for _ in range(2)],
                    key=lambda x: (["June", "July", "August", "September"].index(x.split()[1]), int(x.split()[0])))
    cell = "dmaf.cell@scm-pmu.example.in"
    cdo = "cdo.%s@example.in" % ctx.city.lower().replace(" ", "")
    shown = dict(ctx.scores)
    corr = None
    if rng.random() < 0.6:
        cand = [d for d in ctx.inds if ctx.scores[d["code"]] is not None]
        corr = rng.choice(cand)
        real = ctx.scores[corr["code"]]
        alt = [k / 2 for k in range(0, int(corr["max"] * 2) + 1) if k / 2 != real]
        shown[corr["code"]] = rng.choice(alt)
    out = ["From: DMAF Cell, Smart Cities Mission <%s>" % cell,
           "To: %s" % cdo,
           "Cc: ceo.office@example.in",
           "Date: %s, 16:%02d" % (d1, rng.randint(0, 59)),
           "Subject: RE: DMAF %s - final scores - %s (%s)" % (ctx.label.replace("DMAF ", ""), ctx.city, ctx.state),
           "", "Dear CDO,", ""]
    if corr is None:
        out += wrap("The scores in the mail below are final and have been confirmed by the evaluation "
                    "committee. No further change will be made.", 72)
    else:
        out += wrap("Please note one correction to the scorecard in the mail below, as decided by the "
                    "evaluation committee: the marks for indicator %s, %s, should read %s/%s instead of %s/%s. "
                    "All other figures stand as communicated." % (
                        corr["code"], titles[corr["code"]], fnum(ctx.scores[corr["code"]]), fnum(corr["max"]),
                        fnum(shown[corr["code"]]), fnum(corr["max"])), 72)
    out += ["", "Regards,", "DMAF Cell", "Smart Cities Mission, MoHUA", ""]
    q = []
    q += ["On %s, DMAF Cell <%s> wrote:" % (d0, cell)]
    body = ["Dear Sir/Madam,", ""]
    body += wrap("The provisional scorecard of %s, %s for the Data Maturity Assessment Framework (%s) is "
                 "given below (score / maximum). Indicators marked N.A. were not assessed." %
                 (ctx.city, ctx.state, ctx.label), 70)
    body.append("")
    for pn, group in by_pillar(ctx.inds).items():
        body.append("%s" % PILLAR_NAMES[pn].upper())
        for d in group:
            s = shown[d["code"]]
            body.append("  %-8s %s : %s/%s" % (d["code"], titles[d["code"]], "N.A." if s is None else fnum(s),
                                               fnum(d["max"])))
        body.append("")
    body += ["Kindly raise any objection within seven days.", "", "DMAF Cell"]
    q += ["> " + b if b else ">" for b in body]
    q += [">", "> -----Original Message-----", "> From: %s" % cdo, "> Subject: DMAF scores - %s" % ctx.city, ">"]
    q += ["> > " + b for b in wrap("Respected Sir, kindly share the indicator-wise scores of our city for "
                                   "the current round of the assessment.", 66)]
    q += ["> > ", "> > Regards,", "> > City Data Officer, %s" % spv_name(rng, ctx.city)]
    write(path, "\n".join(out + q) + "\n", crlf=rng.random() < 0.5)
    return path, titles


# 10 -----------------------------------------------------------------------------------------
def tsv_export(ctx, stem):
    """Tab-separated portal export, one row per indicator, city repeated, blank marks + status for N.A."""
    rng = ctx.rng
    path = stem + ".txt"
    titles = {d["code"]: d["title"] for d in ctx.inds}
    sfmt = rng.choice(["two", "short"])
    cols = ["Sr", "ULB Name", "State/UT", "Assessment Round", "Pillar", "Indicator Ref", "Indicator Name",
            "Max Marks", "Marks Awarded", "Status"]
    rows = []
    inds = list(ctx.inds)
    if rng.random() < 0.5:
        rng.shuffle(inds)
    for i, d in enumerate(inds, 1):
        s = ctx.scores[d["code"]]
        rows.append([str(i), ctx.city, ctx.state, ctx.label, "%d-%s" % (d["pillar"], PILLAR_NAMES[d["pillar"]]),
                     d["code"], titles[d["code"]], fnum(d["max"], sfmt),
                     "" if s is None else fnum(s, sfmt), "Not Assessed" if s is None else "Evaluated"])
    lines = ["\t".join(cols)] + ["\t".join(r) for r in rows]
    write(path, "\n".join(lines) + "\n", crlf=rng.random() < 0.5, bom=rng.random() < 0.5)
    return path, titles


# 11 -----------------------------------------------------------------------------------------
def paged_lineprinter(ctx, stem):
    """72-col printout with form feeds, running header/footer, narrow wrapped title column, dot leaders."""
    rng = ctx.rng
    path = stem + ".txt"
    W = 72
    plen = rng.choice([50, 56, 60])
    titles = {d["code"]: d["title"] for d in ctx.inds}
    tw = rng.choice([24, 28, 30])
    body = []
    body += ["", "DATA MATURITY ASSESSMENT FRAMEWORK".center(W), ("%s" % ctx.label.upper()).center(W),
             "CITY PERFORMANCE AND RECOMMENDATIONS".center(W), ""]
    body += ["CITY / ULB  : %s" % ctx.city, "STATE       : %s" % ctx.state, "ROUND       : %s" % ctx.label, ""]
    for pn, group in by_pillar(ctx.inds).items():
        body += ["PILLAR %s - %s" % (ROMAN[pn], PILLAR_NAMES[pn].upper()), "-" * W,
                 "%-8s %-*s %s" % ("REF", tw, "INDICATOR", "MARKS AWARDED / MAXIMUM".rjust(W - 10 - tw)), "-" * W]
        for d in group:
            s = ctx.scores[d["code"]]
            lines = wrap(titles[d["code"]], tw)
            val = "%s / %s" % ("N.A." if s is None else fnum(s), fnum(d["max"]))
            first = "%-8s %s " % (d["code"], lines[0])
            first += "." * (W - len(first) - len(val) - 1) + " " + val
            body.append(first)
            body += ["%-8s %s" % ("", ln) for ln in lines[1:]]
        body += ["-" * W, ""]
        for ln in wrap(paragraph(rng, 2, 4), W - 4, indent="    "):
            body.append(ln)
        body.append("")
    body += wrap(paragraph(rng, 3, 5), W)
    # paginate
    run = "SMART CITIES MISSION  DMAF %s  %s" % (ctx.label.replace("DMAF ", ""), ctx.city.upper())
    per = plen - 4
    pages = [body[i:i + per] for i in range(0, len(body), per)]
    out = []
    for n, pg in enumerate(pages, 1):
        block = [run[:W], "=" * W] + pg + [""] * (per - len(pg)) + ["", ("- %d -" % n).center(W)]
        out.append("\n".join(block))
    write(path, "\n\f".join(out) + "\n")
    return path, titles


# 12 -----------------------------------------------------------------------------------------
def meeting_minutes(ctx, stem):
    """Minutes of a review meeting: scores in a roman-numbered list inside an agenda item, no codes."""
    rng = ctx.rng
    path = stem + ".txt"
    titles = {d["code"]: d["title"] for d in ctx.inds}
    d1, d2 = date_str(rng, ctx.cycle)
    W = rng.choice([80, 90, 100])
    out = ["Government of %s" % ctx.state, "Urban Development Department", "",
           "MINUTES OF THE STATE LEVEL REVIEW MEETING ON DATASMART CITIES", "", ]
    out += wrap("The review meeting on the results of the Data Maturity Assessment Framework (%s) for the "
                "city of %s was held on %s in the conference hall of the department under the chairmanship "
                "of the Principal Secretary." % (ctx.label, ctx.city, d1), W)
    out += ["", "Present:"]
    for who in ["Principal Secretary, Urban Development Department (in chair)",
                "Mission Director, State Smart Cities Mission",
                "Chief Executive Officer, %s" % spv_name(rng, ctx.city),
                "City Data Officer, %s" % ctx.city, "Representative of the PMC"]:
        out.append("  - " + who)
    out += ["", "Item 1: Confirmation of the minutes of the previous meeting", ""]
    out += wrap("The minutes of the previous meeting were confirmed without changes.", W)
    out += ["", "Item 2: Indicator-wise results of %s in the %s" % (ctx.city, ctx.label), ""]
    out += wrap("The City Data Officer presented the indicator-wise marks awarded to the city by the "
                "Ministry. The marks are recorded below, pillar-wise, as marks awarded out of the maximum "
                "marks for each indicator:", W)
    k = 0
    for pn, group in by_pillar(ctx.inds).items():
        out += ["", "  %s pillar:" % PILLAR_NAMES[pn]]
        for d in group:
            s = ctx.scores[d["code"]]
            txt = ("not assessed (maximum %s marks)" % fnum(d["max"])) if s is None else \
                  "%s marks out of %s" % (fnum(s), fnum(d["max"]))
            out += wrap("(%s) %s: %s;" % (ROMAN_SMALL[k], titles[d["code"]], txt), W - 6, indent="         ",
                        first="    ")
            k += 1
        sub = sum(ctx.scores[d["code"]] or 0 for d in group)
        out += wrap("Pillar total: %s out of %s." % (fnum(sub), fnum(sum(d["max"] for d in group))), W,
                    first="    ", indent="    ")
    tot = sum(v for v in ctx.scores.values() if v is not None)
    out += [""] + wrap("The overall score of the city is %s out of %s. The chair observed that the city should "
                       "aim for a higher level of maturity in the next cycle." % (
                           fnum(tot), fnum(sum(d["max"] for d in ctx.inds))), W)
    out += ["", "Item 3: Action points", ""]
    for i, sn in enumerate(rng.sample(SENTENCES, 4)):
        out += wrap(sn, W - 5, indent="     ", first="  %s. " % "abcd"[i])
    out += ["", "The meeting ended with a vote of thanks to the chair.", "",
            "Sd/-".rjust(W), "Mission Director".rjust(W), "Issued on %s" % d2]
    write(path, "\n".join(out) + "\n", crlf=rng.random() < 0.3)
    return path, titles
