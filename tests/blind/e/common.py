"""Shared helpers for blind set E: catalog, city list, score drawing, wording."""
import csv
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.path.normpath(os.path.join(HERE, "..", "..", "..", "reference"))

PILLAR_NAMES = {1: "Policy", 2: "People", 3: "Process", 4: "Technology", 5: "Outcomes"}


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


# Office wordings used when a family "retitles" an indicator (truth = printed wording).
VARIANTS = {
    "1.a": ["Approval of the City Data Policy by the Competent Authority",
            "City Data Policy approved by Municipal Commissioner / SPV Board"],
    "1.b": ["Components covered in the City Data Policy",
            "Coverage of essential City Data Policy Components"],
    "1.c&1.d": ["Budget allocation for data-related initiatives (capital and operational)",
                "Dedicated budget earmarked for data-related initiatives"],
    "2.a": ["Appointment of a full-time City Data Officer (CDO)",
            "City Data Officer (CDO) designated and in position"],
    "2.b": ["Appointment of Data Coordinators in line departments",
            "Departmental Data Coordinators nominated"],
    "2.c": ["Constitution of the City Data Team (specialists and analysts)",
            "Data Team beyond CDO and data coordinators"],
    "2.d": ["Capacity Building – participation in Ministry trainings",
            "Capacity Building under Ministry Initiatives (trainings attended)"],
    "2.e": ["Capacity Building – workshops and courses organised by the City",
            "City-led Capacity Building Initiatives for the data team"],
    "3.a": ["City Data Alliances with academia, industry and civil society",
            "Data alliances / MoUs with external stakeholders"],
    "3.b": ["Data Hackathons / Data Challenges organised by the city",
            "Conduct of Data Hackathons and Data Challenges"],
    "3.c": ["Solving urban challenges using city data and analytics",
            "Use of data for solving identified urban challenges"],
    "3.d": ["Analytics capability (descriptive, diagnostic, predictive, prescriptive)",
            "Data analytics capability within the city administration"],
    "4.a": ["Sensors and IoT devices deployed for data collection",
            "Deployment of sensors for real-time data collection"],
    "4.b": ["Number of datasets published on the Smart Cities Open Data Portal",
            "Datasets published on SCODP (count)"],
    "4.c": ["Schedule for periodic updating of datasets on SCODP",
            "Adherence to the dataset updating schedule on SCODP"],
    "4.d": ["Number of APIs published on SCODP",
            "APIs / web services published on the Smart Cities Open Data Portal"],
    "4.e": ["Spatial Readiness – GIS layers available with the city",
            "Spatial readiness of city datasets"],
    "5.a": ["Data stories / blogs published by the city",
            "Publication of data stories and blogs"],
    "5.b": ["Data-related use cases identified and implemented",
            "Implementation of data-driven use cases"],
    "5.c": ["Development of applications, web portals and dashboards",
            "Citizen-facing applications developed using city data"],
    "5.d": ["Alerts & Notifications disseminated to citizens",
            "Citizen alerts and notifications (SMS, VMD, PAS)"],
}

SMALL = {"of", "for", "on", "and", "the", "to", "in", "by", "using", "a", "an", "with", "under", "per"}


def title_case(t):
    words = t.split(" ")
    out = []
    for i, w in enumerate(words):
        if w.isupper() or not any(c.isalpha() for c in w):
            out.append(w)
            continue
        if i > 0 and w.lower() in SMALL:
            out.append(w.lower())
            continue
        chars = list(w)
        cap_next = True
        for j, c in enumerate(chars):
            if c.isalpha():
                if cap_next:
                    chars[j] = c.upper()
                cap_next = False
            elif c in "-/(":
                cap_next = True
        out.append("".join(chars))
    return " ".join(out)


def pick_title(rng, ind, case="asis", p_variant=0.0):
    t = ind["title"]
    if p_variant and ind["code"] in VARIANTS and rng.random() < p_variant:
        t = rng.choice(VARIANTS[ind["code"]])
    if case == "upper":
        t = t.upper()
    elif case == "title":
        t = title_case(t)
    elif case == "lower":
        t = t[0].upper() + t[1:].lower() if t else t
    return norm(t)


def draw_scores(rng, inds, p_na=0.3, avoid=None):
    """Distinct non-zero half-step scores; maybe one 'not assessed' (None)."""
    used = set(avoid or [])
    scores = {}
    order = list(range(len(inds)))
    rng.shuffle(order)
    for i in order:
        m = inds[i]["max"]
        vals = [k / 2 for k in range(1, int(m * 2) + 1)]
        free = [v for v in vals if v not in used]
        v = rng.choice(free or vals)
        used.add(v)
        scores[inds[i]["code"]] = v
    if p_na and rng.random() < p_na:
        cand = [d["code"] for d in inds if "&" not in d["code"]]
        scores[rng.choice(cand)] = None
    return scores


def draw_prev(rng, inds, scores):
    prev = {}
    for d in inds:
        if rng.random() < 0.12:
            prev[d["code"]] = None
            continue
        m = d["max"]
        vals = [k / 2 for k in range(0, int(m * 2) + 1)]
        vals = [v for v in vals if v != scores.get(d["code"])]
        prev[d["code"]] = rng.choice(vals)
    return prev


def fnum(x, style="short"):
    """12.0 -> '12' (short) or '12.0' (one) or '12.00' (two); 12.5 -> '12.5'/'12.50'."""
    if style == "one":
        return "%.1f" % x
    if style == "two":
        return "%.2f" % x
    return ("%d" % x) if float(x).is_integer() else ("%.1f" % x)


def pct(score, mx, nd=1):
    v = score / mx * 100
    s = ("%." + str(nd) + "f") % v
    return s


ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def int_words(n):
    n = int(n)
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else "-" + ONES[n % 10])
    if n == 100:
        return "one hundred"
    if n < 1000:
        rest = n % 100
        return ONES[n // 100] + " hundred" + ("" if rest == 0 else " and " + int_words(rest))
    raise ValueError(n)


def num_words(x, half="and a half"):
    whole = int(x)
    frac = x - whole
    if frac == 0:
        return int_words(whole)
    if half == "point five":
        return int_words(whole) + " point five"
    if whole == 0:
        return "half"
    return int_words(whole) + " and a half"


def cap_first(s):
    return s[:1].upper() + s[1:]


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def code_fmt(code, style):
    """Render a catalog code ('1.a', '1.c&1.d') in a family's house style."""
    parts = code.split("&")
    pieces = []
    for p in parts:
        n, l = p.split(".")
        pieces.append((n, l))
    if style == "dot":
        return " & ".join("%s.%s" % p for p in pieces)
    if style == "dot_tight":
        return "&".join("%s.%s" % p for p in pieces)
    if style == "paren":
        if len(pieces) == 1:
            return "%s(%s)" % pieces[0]
        return "%s(%s) & (%s)" % (pieces[0][0], pieces[0][1], pieces[1][1])
    if style == "upper":
        return " & ".join("%s.%s" % (n, l.upper()) for n, l in pieces)
    if style == "slash":
        return "/".join("%s.%s" % p for p in pieces)
    if style == "compact":
        return "+".join("%s%s" % p for p in pieces)
    raise ValueError(style)


def cycle_label(rng, cycle):
    return rng.choice(["Cycle %d.0" % cycle, "Cycle %d.0" % cycle, "Cycle-%s" % ROMAN[cycle],
                       "Cycle %d" % cycle])


SENTENCES = [
    "The city is advised to institutionalise the activity through a formal office order so that it continues beyond the tenure of individual officers.",
    "Evidence submitted on the portal was reviewed by the assessment team and cross-checked with the documents uploaded by the SPV.",
    "Smart Cities Mission, MoHUA has published reference guides on the Smart Cities Open Data Portal that may help the city in this regard.",
    "The CDO, along with the data coordinators, may prepare a quarterly action plan and track its progress in the review meetings of the SPV.",
    "Departments such as water supply, solid waste management, property tax and transport may be prioritised as they hold large volumes of operational data.",
    "It is recommended that the city documents the process followed so that other cities may replicate the approach.",
    "Supporting documents such as approval letters, minutes of meetings and photographs should be uploaded along with the submission.",
    "The city may engage local academic institutions and start-ups for implementation support.",
    "Progress on this indicator will also strengthen the city's position in the next cycle of the assessment.",
    "Data quality checks (completeness, timeliness and accuracy) should precede every publication.",
    "Your city may refer to the DataSmart Cities Strategy for the list of recommended activities.",
    "The ICCC may serve as the nodal point for collection and analysis of real-time data streams.",
    "Citizen engagement channels may be used to gather feedback on the usefulness of the published information.",
    "A dedicated line item in the annual budget would ensure continuity of these activities.",
    "The submission indicates initial steps; however, the documentary evidence was incomplete at the time of evaluation.",
    "Regular interdepartmental meetings chaired by the Municipal Commissioner are recommended to review data initiatives.",
    "The city may also nominate officers for certification courses on data analytics and GIS.",
    "Formats and templates available in the 'Documents' section of the portal may be adopted with suitable modifications.",
]

OBSERVATIONS = [
    "Draft prepared; formal approval awaited.",
    "Partial evidence uploaded; office order not attached.",
    "Documentation found adequate for the criteria claimed.",
    "Claim accepted after clarification from the SPV.",
    "Only some departments covered so far.",
    "Activity undertaken once during the assessment period.",
    "Evidence of regular updating not furnished.",
    "Meets the basic requirement; scope for scaling up.",
    "Details available on the city portal; verified.",
    "Self-assessment claim moderated by the evaluation committee.",
]


def paragraph(rng, lo=2, hi=4):
    return " ".join(rng.sample(SENTENCES, rng.randint(lo, hi)))


def spv_name(rng, city):
    return rng.choice(["%s Smart City Limited" % city, "%s Smart City Development Corporation Ltd." % city,
                       "%s Smart City Ltd." % city, "%s Municipal Corporation" % city])


def date_str(rng):
    d = rng.randint(1, 28)
    m = rng.choice(["June", "July", "August", "September"])
    return "%d %s 2021" % (d, m), "%02d/%02d/2021" % (d, ["June", "July", "August", "September"].index(m) + 6)


def grade(score, mx):
    if score is None:
        return "–"
    r = score / mx
    return "A" if r >= 0.8 else "B" if r >= 0.6 else "C" if r >= 0.4 else "D" if r >= 0.2 else "E"
