"""TXT families for blind set G."""
from common import (PILLAR_NAMES, ROMAN, by_pillar, fnum, code_fmt, paragraph, wrap, date_str, spv_name,
                    SENTENCES, titles_for, cycle_phrase, na_word, pillar_sum, officer, ordinal, dec, CHATTER)


def write(path, text, crlf=False, encoding="utf-8"):
    if crlf:
        text = text.replace("\n", "\r\n")
    with open(path, "w", encoding=encoding, newline="") as fh:
        fh.write(text)


def totals(ctx):
    return (sum(v for v in ctx.scores.values() if v is not None), sum(d["max"] for d in ctx.inds))


# 1 ------------------------------------------------------------------------------------------
def press_release(ctx, stem):
    """Press release (PIB or a state DIPR): marks told in prose sentences or in bullets per pillar,
    with release furniture (release id, initials, visitor counter)."""
    rng = ctx.rng
    path = stem + ".txt"
    titles = titles_for(ctx, "asis")
    d1, d2 = date_str(rng, ctx.cycle)
    tot, mx = totals(ctx)
    width = rng.choice([None, 72, 80])
    out = []
    pib = rng.random() < 0.5
    if pib:
        out += ["Press Information Bureau", "Government of India", "Ministry of Housing & Urban Affairs", "",
                "%s %s %s %d:%02dPM by PIB Delhi" % (d1.split()[0].zfill(2), d1.split()[1][:3].upper(),
                                                   d1.split()[2], rng.randint(1, 7), rng.randint(0, 59)), ""]
    else:
        out += ["GOVERNMENT OF %s" % ctx.state.upper(), "DIRECTORATE OF INFORMATION AND PUBLIC RELATIONS", "",
                "PRESS RELEASE No. %d/%s%sDate: %s" % (rng.randint(300, 2400), d2[-4:], " " * 14, d2), ""]
    out += [rng.choice(["%s scores %s out of %s in DataSmart Cities assessment (%s)" % (ctx.city, fnum(tot),
                                                                                      fnum(mx), ctx.label),
                        "%s Smart City's data maturity assessed under %s" % (ctx.city, ctx.label),
                        "%s, %s: results of the %s announced" % (ctx.city, ctx.state, cycle_phrase(ctx.label))]),
            ""]
    paras = []
    paras.append("%s, %s – %s, %s, has been assessed in the %s of the Smart Cities Mission, the Mission's "
                 "measure of how cities collect, manage and use data. The city secured %s of %s marks across "
                 "the five pillars of Policy, People, Process, Technology and Outcomes."
                 % (ctx.city.upper(), d1, ctx.city, ctx.state, cycle_phrase(ctx.label), fnum(tot), fnum(mx)))
    na_phrase = rng.choice(["was not assessed in this cycle", "was not assessed (N.A.)"])
    blocks = []
    for pn, group in by_pillar(ctx.inds).items():
        sm, pm = pillar_sum(group, ctx.scores)
        mode = rng.choice(["prose", "prose", "bullets"])
        if mode == "prose":
            bits, nas = [], []
            form = rng.choice(["%s out of %s for %s", "%s of %s marks for %s", "%s/%s in %s"])
            for d in group:
                s = ctx.scores[d["code"]]
                if s is None:
                    nas.append("%s %s (maximum %s marks)" % (titles[d["code"]], na_phrase, fnum(d["max"])))
                else:
                    bits.append(form % (fnum(s), fnum(d["max"]), titles[d["code"]]))
            sent = "Under the %s pillar the city obtained %s marks out of %s" % (PILLAR_NAMES[pn], fnum(sm), fnum(pm))
            if bits:
                sent += ": it scored " + (", ".join(bits[:-1]) + " and " + bits[-1] if len(bits) > 1 else bits[0])
            sent += "."
            for n in nas:
                sent += " " + n[0].upper() + n[1:] + "."
            blocks.append(("p", sent))
        else:
            lines = ["%s (%s of %s marks):" % (PILLAR_NAMES[pn], fnum(sm), fnum(pm))]
            bullet = rng.choice(["* ", "- ", "• "])
            for d in group:
                s = ctx.scores[d["code"]]
                lines.append("%s%s – %s" % (bullet, titles[d["code"]],
                                           "not assessed (max. %s)" % fnum(d["max"]) if s is None
                                           else "%s/%s" % (fnum(s), fnum(d["max"]))))
            blocks.append(("l", lines))
    comm = officer(rng)
    quote = ("Speaking on the results, the Municipal Commissioner, %s, said that the city would build on the "
             "assessment. \u201cOnly 42 out of 100 smart cities were certified in this cycle. %s\u201d"
             % (comm, rng.choice(SENTENCES)))
    tail = "The Mission has shared detailed recommendations with the city. " + paragraph(rng, 1, 2)

    def emit(text):
        if width:
            out.extend(wrap(text, width))
        else:
            out.append(text)
        out.append("")

    emit(paras[0])
    for kind, b in blocks:
        if kind == "p":
            emit(b)
        else:
            out.extend(b)
            out.append("")
    emit(quote)
    emit(tail)
    out += ["***", "", "%s/%s/%s" % tuple(rng.sample(["RJ", "RP", "SK", "AK", "MG", "NB", "HS"], 3)), "",
            "(Release ID: %d)" % rng.randint(1720000, 1739999) if pib else "— DIPR —",
            "Visitor Counter : %d" % rng.randint(200, 4000) if pib else "", ""]
    write(path, "\n".join(out), crlf=rng.random() < 0.3)
    return path, titles


# 2 ------------------------------------------------------------------------------------------
def rst_asciidoc_wiki(ctx, stem):
    """Wiki page exported as reStructuredText (list-table / simple table, |NA| substitution) or AsciiDoc
    (attribute entries, {city} references, |=== tables, one row per line or one cell per line)."""
    rng = ctx.rng
    path = stem + ".txt"
    titles = titles_for(ctx)
    cstyle = rng.choice(["dot", "dot", "paren", "compact"])
    d1, d2 = date_str(rng, ctx.cycle)
    tot, mx = totals(ctx)
    out = []
    if rng.random() < 0.5:
        head = "DMAF %s – %s" % (ctx.label.replace("DMAF ", ""), ctx.city)
        bar = "#" * len(head)
        out += [".. _dmaf-%s:" % ctx.city.lower().replace(" ", "-"), "", bar, head, bar, "",
                ":City: %s" % ctx.city, ":State: %s" % ctx.state, ":Assessment cycle: %s" % ctx.label,
                ":Page owner: cdo-office", ":Last modified: %s" % d2, "",
                ".. contents:: On this page", "   :local:", "   :depth: 1", "",
                ".. |NA| replace:: *not assessed*", "",
                "Summary", "=======", "", "Total marks: **%s / %s**" % (fnum(tot), fnum(mx)), ""]
        simple = rng.random() < 0.5
        for pn, group in by_pillar(ctx.inds).items():
            h = "Pillar %d: %s" % (pn, PILLAR_NAMES[pn])
            out += [h, "=" * len(h), ""]
            if simple:
                tw = max(len(titles[d["code"]]) for d in ctx.inds)
                rule = "%s  %s  %s  %s" % ("=" * 9, "=" * tw, "=" * 7, "=" * 7)
                out += [rule, "%-9s  %-*s  %-7s  %-7s" % ("Code", tw, "Indicator", "Max", "Marks"), rule]
                for d in group:
                    s = ctx.scores[d["code"]]
                    out.append(("%-9s  %-*s  %-7s  %-7s" % (code_fmt(d["code"], cstyle), tw, titles[d["code"]],
                                                          fnum(d["max"]), "|NA|" if s is None else fnum(s))).rstrip())
                out += [rule, ""]
            else:
                out += [".. list-table:: %s indicators" % PILLAR_NAMES[pn], "   :header-rows: 1",
                        "   :widths: 12 58 15 15", "",
                        "   * - Code", "     - Indicator", "     - Maximum", "     - Marks"]
                for d in group:
                    s = ctx.scores[d["code"]]
                    out += ["   * - %s" % code_fmt(d["code"], cstyle), "     - %s" % titles[d["code"]],
                            "     - %s" % fnum(d["max"]), "     - %s" % ("|NA|" if s is None else fnum(s))]
                out.append("")
            for d in rng.sample(group, min(2, len(group))):
                out += [".. admonition:: Recommendation (%s)" % code_fmt(d["code"], cstyle), ""]
                out += wrap(paragraph(rng, 1, 3), 76, indent="   ")
                out.append("")
    else:
        out += ["= DMAF %s: {city}" % ctx.label.replace("DMAF ", ""), ":city: %s" % ctx.city,
                ":state: %s" % ctx.state, ":cycle: %s" % ctx.label, ":na: N.A.", ":revdate: %s" % d2, ":toc:", "",
                "This page records the marks of {city} ({state}) in the %s. "
                "Marks shown as {na} were not assessed." % cycle_phrase(ctx.label), "",
                "NOTE: Total marks of the city: *%s* out of %s." % (fnum(tot), fnum(mx)), ""]
        per_cell = rng.random() < 0.5
        for pn, group in by_pillar(ctx.inds).items():
            out += ["== Pillar %d: %s" % (pn, PILLAR_NAMES[pn]), "",
                    ".%s – indicator marks" % PILLAR_NAMES[pn],
                    '[cols="1,5,1,1",options="header"]', "|==="]
            if per_cell:
                out += ["|Ref", "|Indicator", "|Max", "|Marks", ""]
            else:
                out += ["|Ref |Indicator |Max |Marks", ""]
            for d in group:
                s = ctx.scores[d["code"]]
                cells = [code_fmt(d["code"], cstyle), titles[d["code"]], fnum(d["max"]),
                         "{na}" if s is None else fnum(s)]
                if per_cell:
                    out += ["|" + c for c in cells] + [""]
                else:
                    out.append(" ".join("|" + c for c in cells))
            out += ["|===", ""]
            d = rng.choice(group)
            out += [".Recommendation – %s" % code_fmt(d["code"], cstyle), "====", paragraph(rng, 1, 3), "====", ""]
    write(path, "\n".join(out) + "\n")
    return path, titles


# 3 ------------------------------------------------------------------------------------------
def semicolon_csv(ctx, stem):
    """Spreadsheet saved as CSV on a machine with European regional settings: ';' delimiter, decimal
    commas, metadata rows on top, quoted fields with embedded ';' and line breaks; UTF-8, BOM or cp1252."""
    rng = ctx.rng
    path = stem + ".txt"
    titles = titles_for(ctx)
    cstyle = rng.choice(["dot", "paren", "upper"])
    ndp = rng.choice(["short", "one", "two"])
    enc = rng.choice(["utf-8", "utf-8-sig", "cp1252"])
    naw = rng.choice(["", "n.a.", "NA"])
    status_na = rng.choice(["Not assessed", "Not Assessed"])

    def q(s):
        s = str(s)
        if any(ch in s for ch in ';"\n') or rng.random() < 0.3:
            return '"%s"' % s.replace('"', '""')
        return s

    def num(x):
        return dec(x, True, ndp)

    rows = []
    if rng.random() < 0.5:
        rows.append("sep=;")
    rows += ["%s;%s" % (q("Report"), q("DMAF – City Performance & Recommendations")),
             "%s;%s" % (rng.choice(["City", "Smart City", "Name of City"]), q(ctx.city)),
             "%s;%s" % (rng.choice(["State", "State/UT"]), q(ctx.state)),
             "%s;%s" % (rng.choice(["Cycle", "Assessment cycle"]), q(ctx.label)),
             "%s;%s" % ("Exported on", date_str(rng, ctx.cycle)[1]), ""]
    cols = rng.choice([["Sl", "Pillar", "Code", "Indicator", "Max Marks", "Marks Obtained", "Status", "Remarks"],
                       ["Code", "Indicator", "Marks Obtained", "Max Marks", "Status", "Remarks"],
                       ["Pillar", "Indicator", "Max Marks", "Marks Obtained", "Remarks", "Status"]])
    rows.append(";".join(cols))
    for i, d in enumerate(ctx.inds):
        s = ctx.scores[d["code"]]
        rem = rng.choice(SENTENCES)
        if rng.random() < 0.3:
            rem = rem.rstrip(".") + "; see portal"
        if rng.random() < 0.12:
            rem = rem + "\nReviewed by committee"
        val = {"Sl": str(i + 1), "Pillar": PILLAR_NAMES[d["pillar"]], "Code": code_fmt(d["code"], cstyle),
               "Indicator": titles[d["code"]], "Max Marks": num(d["max"]),
               "Marks Obtained": naw if s is None else num(s),
               "Status": status_na if s is None else "Assessed", "Remarks": rem}
        rows.append(";".join(q(val[c]) for c in cols))
    tot, mx = totals(ctx)
    tl = {c: "" for c in cols}
    tl[cols[0]] = "Total"
    tl["Max Marks"], tl["Marks Obtained"] = num(mx), num(tot)
    rows.append(";".join(tl[c] for c in cols))
    write(path, "\n".join(rows) + "\n", crlf=rng.random() < 0.7, encoding=enc)
    return path, titles


# 4 ------------------------------------------------------------------------------------------
def chat_export(ctx, stem):
    """WhatsApp group export (Android or iOS format): the scorecard is pasted in one or several multi-line
    messages, interleaved with chatter, media placeholders and a repeated line on request."""
    rng = ctx.rng
    path = stem + ".txt"
    titles = titles_for(ctx, "asis")
    ios = rng.random() < 0.5
    cstyle = rng.choice(["dot", "paren", None])
    fmt = rng.choice(["dash", "colon", "eq"])
    d1, d2 = date_str(rng, ctx.cycle)
    dd, mm_, yy = d2.split(".")
    pmu = rng.choice(["Nikhil PMU", "Sunita (SCM PMU)", "DMAF Cell - Rahul", "State PMU Ankit"])
    people = [rng.choice(["CDO %s" % ctx.city, "%s CDO" % ctx.city]), "+91 9%d %05d" % (rng.randint(1000, 9999),
                                                                                          rng.randint(0, 99999)),
              rng.choice(["Commissioner Office", "Priya GIS", "Ramesh IT"])]
    tot, mx = totals(ctx)
    t = [rng.randint(9, 11), rng.randint(0, 59), 0]

    def stamp():
        t[1] += rng.randint(1, 9)
        if t[1] >= 60:
            t[0] += 1
            t[1] -= 60
        t[2] = rng.randint(0, 59)
        if ios:
            h = t[0] % 12 or 12
            return "[%s/%s/%s, %d:%02d:%02d %s]" % (dd, mm_, yy[-2:], h, t[1], t[2], "AM" if t[0] < 12 else "PM")
        return "%s/%s/%s, %02d:%02d -" % (dd, mm_, yy, t[0], t[1])

    def msg(who, text):
        return "%s %s: %s" % (stamp(), who, text)

    def line(d):
        s = ctx.scores[d["code"]]
        lab = ("%s %s" % (code_fmt(d["code"], cstyle), titles[d["code"]])) if cstyle else titles[d["code"]]
        if s is None:
            return "%s – NA (not assessed, max %s)" % (lab, fnum(d["max"]))
        if fmt == "dash":
            return "%s – %s/%s" % (lab, fnum(s), fnum(d["max"]))
        if fmt == "colon":
            return "%s: %s out of %s" % (lab, fnum(s), fnum(d["max"]))
        return "%s = %s (max %s)" % (lab, fnum(s), fnum(d["max"]))

    group = "DMAF %s %s SCs" % (ctx.label.replace("DMAF ", ""), ctx.state)
    out = []
    sysline = "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, " \
              "can read or listen to them."
    out.append(("%s %s" % (stamp(), sysline)) if not ios else "%s %s: \u200e%s" % (stamp(), group, sysline))
    out.append(msg(pmu, "Good morning all 🙏"))
    out.append(msg(people[0], rng.choice(CHATTER)))
    lab = ctx.label if ctx.label.startswith("DMAF") else "DMAF " + ctx.label
    intro = "Dear all, %s marks of *%s (%s)* as received from MoHUA 👇" % (lab, ctx.city, ctx.state)
    split = rng.random() < 0.6
    groups = list(by_pillar(ctx.inds).items())
    if not split:
        body = [intro, ""]
        for pn, g in groups:
            sm, pm = pillar_sum(g, ctx.scores)
            body.append("*%s* (%s/%s)" % (PILLAR_NAMES[pn], fnum(sm), fnum(pm)))
            body += [line(d) for d in g]
            body.append("")
        body.append("*Grand total %s/%s*" % (fnum(tot), fnum(mx)))
        out.append(msg(pmu, "\n".join(body)))
    else:
        out.append(msg(pmu, intro))
        for i, (pn, g) in enumerate(groups):
            sm, pm = pillar_sum(g, ctx.scores)
            who = pmu
            body = ["*Pillar %d – %s*" % (pn, PILLAR_NAMES[pn])] + [line(d) for d in g] + \
                   ["Total %s/%s" % (fnum(sm), fnum(pm))]
            out.append(msg(who, "\n".join(body)))
            if rng.random() < 0.5:
                out.append(msg(rng.choice(people), rng.choice(CHATTER + ["<Media omitted>",
                                                                          "This message was deleted"])))
        out.append(msg(pmu, "Grand total %s out of %s" % (fnum(tot), fnum(mx))))
    d = rng.choice(ctx.inds)
    out.append(msg(people[2], "Sir please repeat %s" % (titles[d["code"]] if not cstyle else
                                                       code_fmt(d["code"], cstyle))))
    out.append(msg(pmu, line(d)))
    for _ in range(rng.randint(2, 5)):
        out.append(msg(rng.choice(people), rng.choice(CHATTER)))
    out.append(msg(pmu, "Recommendations: " + paragraph(rng, 1, 2)))
    out.append(msg(people[0], "IMG-%s%s%s-WA00%02d.jpg (file attached)" % (yy, mm_, dd, rng.randint(1, 40))))
    write(path, "\n".join(out) + "\n", crlf=rng.random() < 0.2)
    return path, titles
