"""Document content model for the blind DMAF evaluation set: catalogs, cities, texts, document specs."""
import csv
import os
import random
import hashlib

from seedtext_c2 import C2_TEXT

HERE = os.path.dirname(os.path.abspath(__file__))
FRAMEWORK = "Data Maturity Assessment Framework"
PILLARS = {1: "Policy", 2: "People", 3: "Process", 4: "Technology", 5: "Outcomes"}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}

# ---------------------------------------------------------------- catalogs
CAT = {
    2: [
        ("1.a", "Approval of City Data Policy", 30),
        ("1.b", "City Data Policy Components", 30),
        ("1.c&1.d", "Budget for data-related initiatives", 40),
        ("2.a", "City Data Officer (CDO)", 30),
        ("2.b", "Appointment of Data Coordinators", 20),
        ("2.c", "Data Team", 20),
        ("2.d", "Capacity Building – Ministry Initiative", 15),
        ("2.e", "Capacity Building – City Initiative", 15),
        ("3.a", "City Data Alliances", 30),
        ("3.b", "Data Hackathons/ Data Challenges", 20),
        ("3.c", "Solving urban challenges using data", 30),
        ("3.d", "Analytics capability", 20),
        ("4.a", "Sensors for data collection", 10),
        ("4.b", "Number of datasets on SCODP", 30),
        ("4.c", "Schedule for Updating Datasets on SCODP", 30),
        ("4.d", "Number of APIs on SCODP", 10),
        ("4.e", "Spatial Readiness", 20),
        ("5.a", "Data stories/blogs", 30),
        ("5.b", "Data-related use cases", 30),
        ("5.c", "Development of applications", 20),
        ("5.d", "Alerts & Notifications", 20),
    ],
    1: [
        ("1.a", "Data Policy Formulation", 40),
        ("1.b", "Open Data Adoption", 30),
        ("1.c", "Data Governance Structure", 30),
        ("2.a", "Nomination of City Data Officer", 40),
        ("2.b", "Data Champions in Departments", 30),
        ("2.c", "Training of Officials", 30),
        ("3.a", "Data Inventory Preparation", 25),
        ("3.b", "Data Quality Standards", 25),
        ("3.c", "Stakeholder Engagement", 25),
        ("3.d", "Data Sharing Protocols", 25),
        ("4.a", "Datasets Published on Open Data Portal", 40),
        ("4.b", "Data Platform and ICCC Integration", 35),
        ("4.c", "Use of GIS", 25),
        ("5.a", "Data-driven Decision Making", 50),
        ("5.b", "Citizen Engagement through Data", 30),
        ("5.c", "Data Stories Published", 20),
    ],
    3: [
        ("1.a", "City Data Policy Notification", 25),
        ("1.b", "Data Policy Implementation Plan", 25),
        ("1.c", "Dedicated Data Budget", 30),
        ("1.d", "Data Privacy and Security Guidelines", 20),
        ("2.a", "Full-time City Data Officer", 25),
        ("2.b", "Departmental Data Coordinators", 20),
        ("2.c", "Strength of City Data Cell", 20),
        ("2.d", "Capacity Building Programmes", 20),
        ("2.e", "Peer Learning and Knowledge Exchange", 15),
        ("3.a", "Data Alliances and Partnerships", 25),
        ("3.b", "Hackathons and Innovation Challenges", 15),
        ("3.c&3.d", "Data Audit and Quality Assessment", 30),
        ("3.e", "Integration of Data in ICCC Workflows", 30),
        ("4.a", "IoT Sensor Coverage", 15),
        ("4.b", "Open Datasets Published on SCODP", 25),
        ("4.c", "Dataset Update Compliance", 20),
        ("4.d", "APIs Published", 15),
        ("4.e", "GIS Base Map Readiness", 15),
        ("4.f", "Onboarding on India Urban Data Exchange", 10),
        ("5.a", "Data Stories Published", 20),
        ("5.b", "Use Cases Implemented", 25),
        ("5.c", "Citizen-facing Applications", 20),
        ("5.d", "Alerts and Notifications", 15),
        ("5.e", "Outcome Monitoring Dashboard", 20),
    ],
}

# slight printing variations of cycle-2 titles (truth stays catalog title)
C2_TITLE_VARIANTS = {
    "Capacity Building – Ministry Initiative": ["Capacity Building - Ministry Initiative", "Capacity Building — Ministry Initiative", "Capacity Building: Ministry Initiative"],
    "Capacity Building – City Initiative": ["Capacity Building - City Initiative", "Capacity Building — City Initiative", "Capacity Building: City Initiative"],
    "Data Hackathons/ Data Challenges": ["Data Hackathons / Data Challenges", "Data Hackathons/Data Challenges"],
    "Alerts & Notifications": ["Alerts and Notifications", "Alerts & notifications"],
    "Number of datasets on SCODP": ["Number of Datasets on SCODP", "No. of datasets on SCODP"],
    "Number of APIs on SCODP": ["No. of APIs on SCODP", "Number of APIs on SCODP"],
    "Data stories/blogs": ["Data Stories / Blogs", "Data stories / blogs", "Data Stories/Blogs"],
    "Data-related use cases": ["Data related use cases", "Data-related Use Cases"],
    "Budget for data-related initiatives": ["Budget for data related initiatives", "Budget for Data-related Initiatives"],
    "City Data Officer (CDO)": ["City Data Officer(CDO)", "City Data Officer (CDO)"],
    "Solving urban challenges using data": ["Solving Urban Challenges using Data"],
    "Analytics capability": ["Analytics Capability"],
    "Sensors for data collection": ["Sensors for Data Collection"],
    "Schedule for Updating Datasets on SCODP": ["Schedule for updating datasets on SCODP"],
    "Development of applications": ["Development of Applications"],
    "Approval of City Data Policy": ["Approval of City Data Policy"],
}

# cycle-1 / cycle-3 recommendation paragraphs (by code)
OTHER_TEXT = {
    1: {
        "1.a": "The city is advised to formulate a City Data Policy aligned with the National Data Sharing and Accessibility Policy (NDSAP) and place it before the competent authority for approval.",
        "1.b": "Departments should be encouraged to identify shareable datasets and adopt open data principles, so that non-sensitive data is published proactively for citizens, researchers and start-ups.",
        "1.c": "A data governance structure comprising a steering committee, the City Data Officer and departmental data champions may be notified to oversee data-related activities.",
        "2.a": "The city may nominate a senior official as City Data Officer (CDO) with clear responsibilities for data management, publication and analytics.",
        "2.b": "Each department may nominate a data champion who acts as the single point of contact for data collection, cleaning and publication.",
        "2.c": "Officials handling data should be trained on data handling, open data portal usage and basic analytics, through sessions organised by the SPV or partner institutions.",
        "3.a": "The city is advised to prepare a comprehensive inventory of datasets held by each department, including their format, frequency of update and ownership.",
        "3.b": "Standards for data quality, such as completeness, accuracy, timeliness and consistency, may be defined and communicated to all departments.",
        "3.c": "Engagement with academia, industry and civil society on data-related activities will help the city to co-create solutions for urban challenges.",
        "3.d": "Protocols for sharing data between departments and with external stakeholders may be documented, including approvals required and formats to be used.",
        "4.a": "The city is advised to publish datasets on the Smart Cities Open Data Portal regularly, following the dataset templates provided by the Mission.",
        "4.b": "Data generated by the Integrated Command and Control Centre (ICCC) and other smart city platforms may be integrated so that it can be analysed together.",
        "4.c": "GIS layers for key city assets and services may be created and maintained to enable spatial analysis and planning.",
        "5.a": "The city may document instances where data has informed decisions, such as planning of routes, allocation of resources or monitoring of service levels.",
        "5.b": "Citizen engagement platforms can use city data to share information and seek feedback, improving transparency and participation.",
        "5.c": "The city is encouraged to publish data stories that explain how data was used to understand or solve an urban problem.",
    },
    3: {
        "1.a": "The City Data Policy approved earlier should be formally notified and made available on the city's website, along with the list of departments covered.",
        "1.b": "A time-bound implementation plan for the City Data Policy, with milestones and responsible officers, will help translate the policy into practice.",
        "1.c": "A dedicated budget line for data initiatives should be created and utilisation tracked through the financial year.",
        "1.d": "The city may adopt guidelines on data privacy, anonymisation and information security consistent with national legislation and CERT-In advisories.",
        "2.a": "Continuity of a full-time City Data Officer is essential; the city is advised to avoid additional charge arrangements for this role.",
        "2.b": "Data coordinators should be designated in all line departments and their names published on the city data portal.",
        "2.c": "The data cell may be strengthened with analysts, a GIS specialist and a data engineer to sustain the data programme.",
        "2.d": "Capacity building programmes should be organised regularly, covering both Ministry-led trainings and city-led workshops.",
        "2.e": "The city may participate in peer learning exchanges with other Smart Cities and document learnings from such visits.",
        "3.a": "Data alliances with academic institutions, industry and civil society should have defined deliverables and review mechanisms.",
        "3.b": "Hackathons and innovation challenges may be conducted on well-defined problem statements with datasets shared in advance.",
        "3.c&3.d": "A periodic audit of key datasets, along with a quality assessment against published standards, will improve trust in city data.",
        "3.e": "Data flowing into the ICCC should be embedded in standard operating procedures so that alerts translate into actions in the field.",
        "4.a": "The coverage of IoT sensors may be mapped across wards and sectors, and gaps identified for future deployment.",
        "4.b": "The city is advised to increase the number of high-value open datasets published on SCODP.",
        "4.c": "Datasets on SCODP should be updated as per the declared frequency; stale datasets reduce the usefulness of the portal.",
        "4.d": "APIs may be published for real-time datasets such as parking availability, bus locations and air quality.",
        "4.e": "A GIS base map at an appropriate scale should be prepared and shared across departments as the common reference.",
        "4.f": "The city may onboard its data sources on the India Urban Data Exchange (IUDX) to enable secure data sharing.",
        "5.a": "Data stories documenting the city's experience may be published on the Smart Cities Open Data Portal.",
        "5.b": "Use cases implemented using city data should be documented with the problem, datasets used and outcomes achieved.",
        "5.c": "Citizen-facing applications should be promoted and their usage monitored to improve service delivery.",
        "5.d": "Timely alerts and notifications to citizens through SMS, VMDs and mobile apps may be expanded to more services.",
        "5.e": "An outcome monitoring dashboard may be used by senior officers to review progress on key indicators every month.",
    },
}

PRAISE = [
    "The city has done commendable work on this indicator and is advised to sustain the effort.",
    "Your city has fully met the requirements of this indicator. Good practices may be documented and shared with other cities.",
    "The city has achieved full marks. It may continue to strengthen this area and mentor peer cities.",
]
PARTIAL = [
    "The city has made progress on this indicator; however, there is scope for improvement.",
    "Partial compliance was observed during the assessment.",
    "Some of the required evidence was submitted; the remaining elements may be completed in the next cycle.",
]
NOT_ASSESSED = [
    "This indicator was not assessed for the city in this cycle.",
    "Adequate documentation was not available at the time of assessment; the indicator has therefore not been assessed.",
]

INTRO = [
    "The DataSmart Cities Strategy of the Ministry of Housing and Urban Affairs envisions cities that harness data for better governance and service delivery. The {fw} assesses the data maturity of Smart Cities across five pillars: Policy, People, Process, Technology and Outcomes.",
    "The {fw} ({ab}) is a tool to evaluate the readiness of cities to leverage data. Each pillar carries 100 marks, and the assessment recognises cities that have put in place the building blocks of a data culture.",
    "This report presents the performance of the city in the {fw} and recommends actions to improve data maturity. The recommendations are indicative and may be adapted to the local context.",
]
PEER_MENTION = [
    "Cities such as {a} and {b} have published useful data stories that may be referred to.",
    "Good practices from {a} and {b} are available on the Smart Cities Open Data Portal.",
]

# ---------------------------------------------------------------- cities
def load_cities():
    path = os.path.join(HERE, "cities.csv")
    rows = []
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            r["aliases"] = [a for a in (r.get("aliases") or "").split("|") if a]
            rows.append(r)
    return rows


CITIES = load_cities()

HINDI_STATES = {"Uttar Pradesh", "Madhya Pradesh", "Rajasthan", "Bihar", "Chhattisgarh", "Haryana", "Jharkhand", "Uttarakhand"}
GREATER = {"Chennai": "Greater Chennai Corporation", "Visakhapatnam": "Greater Visakhapatnam Municipal Corporation",
           "Greater Warangal": "Greater Warangal Municipal Corporation", "Kochi": "Greater Cochin",
           "Bengaluru": "Greater Bengaluru"}
SPECIAL = {
    "New Delhi": ["New Delhi Municipal Council", "New Delhi Municipal Council (NDMC)", "NDMC"],
    "New Town Kolkata": ["New Town Kolkata Green Smart City Corporation Ltd.", "New Town Kolkata Development Authority"],
    "Naya Raipur": ["Naya Raipur Atal Nagar Smart City Corporation Ltd.", "Nava Raipur Atal Nagar"],
    "Chandigarh": ["Chandigarh Smart City Ltd.", "Municipal Corporation Chandigarh"],
    "Port Blair": ["Port Blair Smart City", "Port Blair Municipal Council"],
    "Pimpri Chinchwad": ["Pimpri Chinchwad Municipal Corporation", "Pimpri Chinchwad Smart City Ltd."],
    "Amaravati": ["Amaravati Development Corporation Ltd.", "Amaravati Smart and Sustainable City Corporation Ltd."],
    "Pasighat": ["Pasighat Smart City Development Corporation Ltd."],
    "Namchi": ["Namchi Smart City Ltd."],
    "Kavaratti": ["Kavaratti Smart City Ltd."],
    "Diu": ["Diu Smart City Ltd.", "Diu Municipal Council"],
    "Silvassa": ["Silvassa Smart City Ltd.", "Silvassa Municipal Council"],
}


def city_forms(city):
    """Return printable name forms for a city row (each unambiguously identifies the city)."""
    name = city["city"]
    forms = [name, name, name.upper()]
    forms += city["aliases"]
    if name in SPECIAL:
        forms += SPECIAL[name]
    else:
        forms += [f"{name} Smart City Ltd.", f"{name} Smart City Limited", f"{name} Municipal Corporation"]
        if city["state"] in HINDI_STATES:
            forms.append(f"{name} Nagar Nigam")
        if city["state"] == "Maharashtra":
            forms.append(f"{name} Mahanagar Palika")
        if city["state"] in ("Tamil Nadu", "Kerala"):
            forms.append(f"{name} City Municipal Corporation")
    if name in GREATER:
        forms.append(GREATER[name])
    return forms


def state_forms(state):
    f = [state, state, state, state.upper()]
    if " and " in state:
        f.append(state.replace(" and ", " & "))
    return f


# ---------------------------------------------------------------- cycles
CYCLE_FORMS = {
    1: ["Cycle 1", "Cycle 1.0", "DMAF 1.0", "Cycle-I", "First Cycle", "2019"],
    2: ["Cycle 2", "Cycle 2.0", "DMAF 2.0", "Cycle-II", "Second Cycle", "2020-21", "2020–21"],
    3: ["Cycle 3", "Cycle 3.0", "DMAF 3.0", "Cycle-III", "Third Cycle"],
}
YEARS = {1: "2019", 2: "2020-21"}


def is_year(label):
    return label[:1].isdigit()


# ---------------------------------------------------------------- formatting helpers
def num(x, mode=0):
    """mode 0: 10 / 12.5 ; 1: 10.0 / 12.5 ; 2: 10.00 / 12.50"""
    if mode == 1:
        return f"{x:.1f}"
    if mode == 2:
        return f"{x:.2f}"
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"


def code_fmt(code, form):
    """Print a truth code ('2.a' or '1.c&1.d') in one of several numbering forms."""
    parts = code.split("&")
    def one(c):
        p, l = c.split(".")
        return {
            "dot": f"{p}.{l}", "paren": f"{p}({l})", "plain": f"{p}{l}", "upper": f"{p}.{l.upper()}",
            "spaceparen": f"{p} ({l})", "upperplain": f"{p}{l.upper()}",
        }[form]
    if len(parts) == 1:
        return one(parts[0])
    joiner = {"dot": " & ", "paren": " & ", "plain": " & ", "upper": " & ", "spaceparen": " & ", "upperplain": "/"}[form]
    return joiner.join(one(c) for c in parts)


def combined_alt(code, rng):
    parts = code.split("&")
    if len(parts) == 1:
        return None
    return rng.choice([" & ".join(parts), "&".join(parts), " and ".join(parts), " / ".join(parts)])


def letter_of(code):
    """'2.a' -> 'a'; '1.c&1.d' -> 'c & d'"""
    return " & ".join(c.split(".")[1] for c in code.split("&"))


# ---------------------------------------------------------------- the document spec
class Spec:
    pass


def make_rng(seed, salt=""):
    h = hashlib.sha256(f"{seed}:{salt}".encode()).hexdigest()
    return random.Random(int(h[:16], 16))


def build_spec(seed):
    rng = make_rng(seed, "spec")
    s = Spec()
    s.seed = seed
    s.city = rng.choice(CITIES)
    s.city_name = s.city["city"]
    s.state = s.city["state"]
    s.city_print = rng.choice(city_forms(s.city))
    s.city_short = s.city_name if rng.random() < 0.7 else s.city_print
    s.state_print = rng.choice(state_forms(s.state)) if rng.random() < 0.8 else None
    r = rng.random()
    s.cycle = 2 if r < 0.6 else (1 if r < 0.8 else 3)
    s.cycle_label = rng.choice(CYCLE_FORMS[s.cycle])
    # a descriptive phrase around the label
    if is_year(s.cycle_label):
        s.cycle_phrase = s.cycle_label
    else:
        s.cycle_phrase = s.cycle_label
    s.years = YEARS.get(s.cycle)
    # sometimes add the year next to a non-year label (cycles 1 & 2 only)
    s.add_year = (not is_year(s.cycle_label)) and s.years is not None and rng.random() < 0.35
    # maturity and scores
    maturity = rng.choice([0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95])
    fracs = [0, 0.25, 1 / 3, 0.5, 2 / 3, 0.75, 1]
    inds = []
    for code, title, mx in CAT[s.cycle]:
        pillar = int(code[0])
        if rng.random() < maturity:
            f = rng.choice(fracs[3:])
        else:
            f = rng.choice(fracs[:4])
        if rng.random() < 0.08:
            f = rng.random()
        sc = round(f * mx * 2) / 2
        sc = min(max(sc, 0.0), float(mx))
        ptitle = title
        if s.cycle == 2 and title in C2_TITLE_VARIANTS and rng.random() < 0.35:
            ptitle = rng.choice(C2_TITLE_VARIANTS[title])
        inds.append(dict(code=code, title=title, ptitle=ptitle, max=float(mx), score=sc, pillar=pillar))
    # not assessed (<=1 per pillar)
    if rng.random() < 0.22:
        for p in rng.sample([1, 2, 3, 4, 5], rng.choice([1, 1, 2])):
            cand = [i for i in inds if i["pillar"] == p]
            rng.choice(cand)["score"] = None
    s.indicators = inds
    # print order: canonical, or shuffled within some pillars
    order = list(inds)
    if rng.random() < 0.25:
        order = []
        for p in range(1, 6):
            grp = [i for i in inds if i["pillar"] == p]
            if rng.random() < 0.4:
                k = rng.randrange(len(grp) - 1)
                grp[k], grp[k + 1] = grp[k + 1], grp[k]
            order += grp
    s.order = order
    # other page facts
    s.date = rng.choice(["25 June 2021", "25/06/2021", "June 2021", "July 2021", "12.07.2021", "15 March 2022", "August 2019", "September 2019"])
    if s.cycle == 1:
        s.date = rng.choice(["August 2019", "September 2019", "30/09/2019", "October 2019"])
    elif s.cycle == 2:
        s.date = rng.choice(["25 June 2021", "25/06/2021", "June 2021", "July 2021", "12.07.2021"])
    else:
        s.date = ""
    s.ref_no = f"K-{rng.randint(15000, 15099)}/{rng.randint(10, 99)}/{'2019' if s.cycle == 1 else '2021' if s.cycle == 2 else '2023'}-SC-{rng.choice(['I', 'II', 'V'])}"
    others = [c["city"] for c in CITIES if c["city"] != s.city_name]
    s.peers = rng.sample(others, 2)
    s.peer_mention = rng.random() < 0.25
    s.mention_prev_cycle = s.cycle in (2, 3) and rng.random() < 0.25
    return s


def cycle_text(s, with_year=None):
    """Cycle as printed in a title, e.g. 'Cycle 2.0', 'Cycle-II (2020-21)', '2020-21'."""
    wy = s.add_year if with_year is None else with_year
    if wy and s.years:
        return f"{s.cycle_label} ({s.years})"
    return s.cycle_label


def title_line(s, rng, allcaps=False):
    """'Data Maturity Assessment Framework Cycle 2.0' and friends. Never ambiguous about the cycle."""
    lab = cycle_text(s)
    if is_year(s.cycle_label):
        t = rng.choice([f"{FRAMEWORK} {lab}", f"{FRAMEWORK} (DMAF) {lab}", f"{FRAMEWORK} – {lab}"])
    elif s.cycle_label.startswith("DMAF"):
        t = rng.choice([f"{lab}", f"{FRAMEWORK} ({lab})", f"{lab} – {FRAMEWORK}"])
        if t == lab:
            t = f"{FRAMEWORK}\n{lab}"
    elif s.cycle_label.endswith("Cycle"):
        t = rng.choice([f"{FRAMEWORK} – {lab}", f"{FRAMEWORK}: {lab}", f"{lab} of the {FRAMEWORK}"])
    else:
        t = rng.choice([f"{FRAMEWORK} {lab}", f"{FRAMEWORK} – {lab}", f"{FRAMEWORK} (DMAF) {lab}"])
    return t.upper() if allcaps else t


def prev_cycle_sentence(s):
    if s.cycle == 2:
        return "The first cycle of the assessment was conducted in 2019 with 99 participating cities; this report covers the second cycle."
    if s.cycle == 3:
        return "Building on the first two cycles (2019 and 2020-21), the present assessment is the third cycle of the framework."
    return ""


def intro_paras(s, rng, n=2):
    out = [p.format(fw=FRAMEWORK, ab="DMAF") for p in rng.sample(INTRO, n)]
    if s.mention_prev_cycle:
        out.append(prev_cycle_sentence(s))
    return out


def rec_blocks(s, ind, rng, short=False):
    """Recommendation content: list of ('p', text) / ('ul', [items])."""
    code = ind["code"]
    blocks = []
    if ind["score"] is None:
        blocks.append(("p", rng.choice(NOT_ASSESSED)))
    elif ind["score"] >= ind["max"]:
        blocks.append(("p", rng.choice(PRAISE)))
    elif ind["score"] > 0 and rng.random() < 0.5:
        blocks.append(("p", rng.choice(PARTIAL)))
    if s.cycle == 2:
        src = [tuple(b) if b[0] == "p" else ("ul", list(b[1])) for b in C2_TEXT[code]]
    else:
        src = [("p", OTHER_TEXT[s.cycle][code])]
    if short:
        first = next(b for b in src if b[0] == "p")[1]
        sent = [x for x in first.split(". ") if not x.rstrip().endswith(":")] or ["Your city is advised to take action on this indicator"]
        blocks.append(("p", ". ".join(sent[:2]).rstrip(".").rstrip(":") + "."))
    else:
        if ind["score"] is not None and ind["score"] >= ind["max"] and rng.random() < 0.5:
            pass
        else:
            blocks += src
    if s.peer_mention and code.startswith("5.a"):
        blocks.append(("p", rng.choice(PEER_MENTION).format(a=s.peers[0], b=s.peers[1])))
    return blocks


def flat_text(blocks):
    out = []
    for b in blocks:
        if b[0] == "p":
            out.append(b[1])
        else:
            out.append(" ".join("• " + x for x in b[1]))
    return " ".join(out)


def pillar_totals(s):
    t = {}
    for p in range(1, 6):
        grp = [i for i in s.indicators if i["pillar"] == p]
        t[p] = (sum(i["score"] or 0 for i in grp), sum(i["max"] for i in grp))
    return t


def truth(s, source, style):
    inds = sorted(s.indicators, key=lambda i: (i["pillar"], i["code"]))
    return {
        "source": source,
        "framework": FRAMEWORK,
        "cycle": s.cycle,
        "cycle_label": s.cycle_label,
        "city": s.city_name,
        "state": s.state,
        "indicators": [dict(code=i["code"], title=(i["title"] if s.cycle == 2 else i["ptitle"]),
                            score=i["score"], max_score=i["max"]) for i in inds],
        "style": style,
    }
