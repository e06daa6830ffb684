"""Shared helpers for blind set G (copied from set F, plus a few more): catalog, cities, scores, wording."""
import csv
import os
import re
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.path.normpath(os.path.join(HERE, "..", "..", "..", "reference"))

PILLAR_NAMES = {1: "Policy", 2: "People", 3: "Process", 4: "Technology", 5: "Outcomes"}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}
FONTS = "/usr/share/fonts/truetype"


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def load_catalog():
    cat = {}
    with open(os.path.join(REF, "indicators.csv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            cat.setdefault(int(row["cycle"]), []).append({
                "code": row["code"].strip(),
                "pillar": int(row["pillar_no"]),
                "title": norm(row["title"]),
                "max": float(row["max_score"]),
            })
    return cat


def load_cities():
    out = []
    with open(os.path.join(REF, "cities.csv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.append((row["city"].strip(), row["state"].strip()))
    return out


def draw_scores(rng, inds, p_na=0.3):
    """Per indicator a score in [0, max] in half steps (often round fives); maybe one None."""
    scores = {}
    for d in inds:
        m = d["max"]
        r = rng.random()
        if r < 0.35:
            vals = [v for v in range(0, int(m) + 1, 5)]
        elif r < 0.45:
            vals = [0.0, m]
        else:
            vals = [k / 2 for k in range(0, int(m * 2) + 1)]
        scores[d["code"]] = float(rng.choice(vals))
    if rng.random() < p_na:
        cand = [d["code"] for d in inds if "&" not in d["code"]]
        scores[rng.choice(cand)] = None
    return scores


def draw_prev(rng, inds, scores):
    prev = {}
    for d in inds:
        if rng.random() < 0.15:
            prev[d["code"]] = None
            continue
        vals = [k / 2 for k in range(0, int(d["max"] * 2) + 1)]
        vals = [v for v in vals if v != scores.get(d["code"])]
        prev[d["code"]] = rng.choice(vals)
    return prev


def fnum(x, style="short"):
    if style == "two":
        return "%.2f" % x
    if style == "one":
        return "%.1f" % x
    return ("%d" % x) if float(x).is_integer() else ("%.1f" % x)


def cycle_label(rng, cycle):
    return rng.choice(["Cycle %d.0" % cycle, "Cycle %d.0" % cycle, "Cycle-%s" % ROMAN[cycle],
                       "DMAF %d.0" % cycle, "Cycle %d" % cycle])


def by_pillar(inds):
    out = {}
    for d in inds:
        out.setdefault(d["pillar"], []).append(d)
    return out


def office_refs(inds, scheme):
    """Office's own numbering: 'P1.1' (per pillar), 'A1' (running) or '07' (running, zero padded)."""
    refs, serial, run = {}, {}, 0
    for d in inds:
        serial[d["pillar"]] = serial.get(d["pillar"], 0) + 1
        run += 1
        if scheme == "P":
            refs[d["code"]] = "P%d.%d" % (d["pillar"], serial[d["pillar"]])
        elif scheme == "A":
            refs[d["code"]] = "A%d" % run
        else:
            refs[d["code"]] = "%02d" % run
    return refs


def code_fmt(code, style):
    pieces = [p.split(".") for p in code.split("&")]
    if style == "dot":
        return " & ".join("%s.%s" % tuple(p) for p in pieces)
    if style == "paren":
        if len(pieces) == 1:
            return "%s(%s)" % tuple(pieces[0])
        return "%s(%s)&(%s)" % (pieces[0][0], pieces[0][1], pieces[1][1])
    if style == "upper":
        return "/".join("%s.%s" % (n, l.upper()) for n, l in pieces)
    if style == "roman":                     # I-a, I-c/d
        n = int(pieces[0][0])
        return "%s-%s" % (ROMAN[n], "/".join(p[1] for p in pieces))
    if style == "compact":                   # 1a, 1c-1d
        return "-".join("%s%s" % tuple(p) for p in pieces)
    if style == "pcode":                     # P1-A, P1-C+D
        return "P%s-%s" % (pieces[0][0], "+".join(p[1].upper() for p in pieces))
    return code


SMALL = {"of", "for", "on", "and", "the", "to", "in", "by", "using", "a", "an", "with"}


def title_case(t):
    out = []
    for i, w in enumerate(t.split(" ")):
        if w.isupper() or not any(c.isalpha() for c in w):
            out.append(w)
        elif i > 0 and w.lower() in SMALL:
            out.append(w.lower())
        else:
            out.append(w[0].upper() + w[1:])
    return " ".join(out)


# Recommendation sentences: deliberately free of digits so no stray number can pass for a score.
SENTENCES = [
    "The city is advised to institutionalise this activity through a formal office order so that it continues beyond the tenure of individual officers.",
    "Evidence submitted on the assessment portal was reviewed and cross-checked with the documents uploaded by the SPV.",
    "Reference guides published by the Mission on the Smart Cities Open Data Portal may help the city in this regard.",
    "The City Data Officer, together with the data coordinators, may prepare a quarterly action plan and review its progress in SPV meetings.",
    "Departments such as water supply, solid waste management, property tax and transport hold large volumes of operational data and may be taken up first.",
    "The city may document the process followed so that peer cities can replicate the approach.",
    "Approval letters, minutes of meetings and photographs should be uploaded along with every claim.",
    "Local academic institutions and start-ups may be engaged for implementation support.",
    "Progress here will also strengthen the position of the city in the next assessment.",
    "Checks on completeness, timeliness and accuracy should precede every publication of data.",
    "The DataSmart Cities Strategy lists further activities the city may consider.",
    "The Integrated Command and Control Centre may act as the nodal point for real-time data streams.",
    "Citizen feedback on the usefulness of published information may be collected through existing grievance channels.",
    "A dedicated line item in the annual budget would ensure continuity of these activities.",
    "Initial steps were noted; however, the documentary evidence was incomplete at the time of evaluation.",
    "Regular interdepartmental reviews chaired by the Municipal Commissioner are recommended.",
    "Officers may be nominated for certification courses in data analytics and GIS.",
    "Templates available in the documents section of the portal may be adopted with suitable changes.",
]

REMARKS = [
    "Draft prepared; approval awaited", "Partial evidence uploaded", "Documentation adequate",
    "Accepted after clarification", "Few departments covered", "Activity undertaken once",
    "Updating not evidenced", "Meets basic requirement", "Verified on city portal",
    "Claim moderated by committee", "No supporting document", "Good practice noted",
]


def paragraph(rng, lo=2, hi=4):
    return " ".join(rng.sample(SENTENCES, rng.randint(lo, hi)))


def wrap(text, width, indent="", first=None):
    return textwrap.wrap(text, width, initial_indent=first if first is not None else indent,
                         subsequent_indent=indent, break_on_hyphens=False) or [""]


def date_str(rng, cycle):
    year = 2019 + (cycle - 1) * 2 if cycle > 1 else 2019
    d = rng.randint(1, 28)
    mi = rng.randint(6, 9)
    months = ["", "January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    return "%d %s %d" % (d, months[mi], year), "%02d.%02d.%d" % (d, mi, year)


def spv_name(rng, city):
    return rng.choice(["%s Smart City Limited" % city, "%s Smart City Development Corporation Ltd." % city,
                       "%s Smart City Ltd." % city])


def na_scores(ctx):
    return [d for d in ctx.inds if ctx.scores[d["code"]] is None]


def pillar_sum(group, scores):
    return sum(scores[d["code"]] or 0 for d in group), sum(d["max"] for d in group)


def dec(x, comma=False, style="short"):
    s = fnum(x, style)
    return s.replace(".", ",") if comma else s


def ordinal(n):
    return "%d%s" % (n, "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def officer(rng):
    return rng.choice(["R. K. Sharma", "Meena Iyer", "S. Venkatesh", "Anjali Deshmukh", "Pradeep Kumar Singh",
                       "T. Lalthanzuala", "Farhan Qureshi", "Kavita Nair", "Gurpreet Kaur", "Debasish Mohanty"])


def titles_for(ctx, case=None):
    case = case or ctx.rng.choice(["asis", "asis", "title"])
    return {d["code"]: (title_case(d["title"]) if case == "title" else d["title"]) for d in ctx.inds}


def cycle_phrase(label):
    """'Data Maturity Assessment Framework (DMAF) Cycle 2.0' without doubling 'DMAF'."""
    if label.startswith("DMAF"):
        return "Data Maturity Assessment Framework (%s)" % label
    return "Data Maturity Assessment Framework (DMAF) %s" % label


def na_word(rng):
    """A not-assessed marker and the legend line that explains it (None when self-explaining)."""
    w = rng.choice(["N.A.", "NA", "Not assessed", "Not Assessed", "n.a."])
    legend = None if w.lower().startswith("not") else "%s = not assessed in this cycle" % w
    return w, legend


SUBCRITERIA = [
    "Approval by the competent authority", "Order / notification issued", "Evidence uploaded on the portal",
    "Coverage of all key departments", "Periodic review documented", "Public availability of the output",
    "Budget line item identified", "Officers nominated and trained", "Minutes of meetings furnished",
    "Quarterly updating demonstrated", "Citizen-facing communication", "Use in decision making shown",
    "Dataset metadata complete", "Stakeholder consultation held", "Outcome measured and reported",
]

CHATTER = [
    "Thank you sir", "Noted 🙏", "👍", "Well done team!", "Congratulations to all", "Received, thanks",
    "Will share with Commissioner sir", "Ok sir", "Great effort 👏👏", "Thanks for sharing",
    "Can you send the pdf also?", "Sir pdf will come on official mail", "Noted. Will discuss in review meeting",
]
