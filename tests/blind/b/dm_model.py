"""Content model for the blind DMAF evaluation set: catalogs, cities, scores, wording."""
import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
FRAMEWORK = "Data Maturity Assessment Framework"
PILLARS = {1: "Policy", 2: "People", 3: "Process", 4: "Technology", 5: "Outcomes"}
PILLARS_HI = {1: "नीति", 2: "लोग", 3: "प्रक्रिया", 4: "प्रौद्योगिकी", 5: "परिणाम"}

# ---------------------------------------------------------------- catalogs
# (code, title, max, topic)
CAT = {
    2: [
        ("1.a", "Approval of City Data Policy", 30, "policy"),
        ("1.b", "City Data Policy Components", 30, "policycomp"),
        ("1.c&1.d", "Budget for data-related initiatives", 40, "budget"),
        ("2.a", "City Data Officer (CDO)", 30, "cdo"),
        ("2.b", "Appointment of Data Coordinators", 20, "coord"),
        ("2.c", "Data Team", 20, "team"),
        ("2.d", "Capacity Building – Ministry Initiative", 15, "cbmin"),
        ("2.e", "Capacity Building – City Initiative", 15, "cbcity"),
        ("3.a", "City Data Alliances", 30, "alliance"),
        ("3.b", "Data Hackathons/ Data Challenges", 20, "hack"),
        ("3.c", "Solving urban challenges using data", 30, "challenge"),
        ("3.d", "Analytics capability", 20, "analytics"),
        ("4.a", "Sensors for data collection", 10, "sensors"),
        ("4.b", "Number of datasets on SCODP", 30, "datasets"),
        ("4.c", "Schedule for Updating Datasets on SCODP", 30, "schedule"),
        ("4.d", "Number of APIs on SCODP", 10, "apis"),
        ("4.e", "Spatial Readiness", 20, "gis"),
        ("5.a", "Data stories/blogs", 30, "stories"),
        ("5.b", "Data-related use cases", 30, "usecases"),
        ("5.c", "Development of applications", 20, "apps"),
        ("5.d", "Alerts & Notifications", 20, "alerts"),
    ],
    1: [
        ("1.a", "Data Policy Formulation", 40, "policy"),
        ("1.b", "Open Data Adoption", 30, "policycomp"),
        ("1.c", "Data Governance Structure", 30, "governance"),
        ("2.a", "Nomination of City Data Officer", 40, "cdo"),
        ("2.b", "Data Champions in Departments", 30, "coord"),
        ("2.c", "Training and Skill Development", 30, "cbcity"),
        ("3.a", "Data Collection Processes", 25, "collection"),
        ("3.b", "Data Quality Assurance", 25, "quality"),
        ("3.c", "Stakeholder Engagement", 25, "alliance"),
        ("3.d", "Data Sharing Arrangements", 25, "sharing"),
        ("4.a", "Datasets Published on Open Data Portal", 35, "datasets"),
        ("4.b", "Integrated Command and Control Centre Data", 25, "sensors"),
        ("4.c", "GIS Platform", 20, "gis"),
        ("4.d", "Data Storage & Security", 20, "security"),
        ("5.a", "Data-driven Decision Making", 40, "usecases"),
        ("5.b", "Citizen-facing Data Services", 30, "apps"),
        ("5.c", "Data Stories Published", 30, "stories"),
    ],
    3: [
        ("1.a", "City Data Policy Notification", 25, "policy"),
        ("1.b", "Data Policy Implementation Plan", 25, "policycomp"),
        ("1.c", "Data Privacy & Security Guidelines", 20, "security"),
        ("1.d", "Dedicated Data Budget", 30, "budget"),
        ("2.a", "Full-time City Data Officer", 25, "cdo"),
        ("2.b", "Departmental Data Coordinators", 20, "coord"),
        ("2.c", "City Data Cell", 20, "team"),
        ("2.d", "Capacity Building Programmes", 20, "cbcity"),
        ("2.e", "Participation in National Data Trainings", 15, "cbmin"),
        ("3.a", "Data Alliances & Partnerships", 25, "alliance"),
        ("3.b", "Data Challenges & Hackathons", 15, "hack"),
        ("3.c", "Data-driven Problem Solving", 25, "challenge"),
        ("3.d", "Advanced Analytics & AI", 20, "analytics"),
        ("3.e", "Data Quality Framework", 15, "quality"),
        ("4.a", "IoT Sensor Integration", 15, "sensors"),
        ("4.b", "Datasets Published on SCODP", 25, "datasets"),
        ("4.c", "Dataset Update Compliance", 20, "schedule"),
        ("4.d", "APIs & Real-time Feeds", 20, "apis"),
        ("4.e", "GIS & Spatial Data Infrastructure", 20, "gis"),
        ("5.a", "Data Stories & Case Studies", 25, "stories"),
        ("5.b", "Use Cases Implemented", 30, "usecases"),
        ("5.c", "Citizen Applications", 25, "apps"),
        ("5.d", "Public Dashboards & Alerts", 20, "alerts"),
    ],
}
for _c, _lst in CAT.items():
    for _p in range(1, 6):
        assert sum(x[2] for x in _lst if x[0][0] == str(_p)) == 100, (_c, _p)

# printed variants of cycle-2 titles (truth stays the catalog title)
C2_VARIANTS = {
    "2.d": ["Capacity Building – Ministry Initiative", "Capacity Building - Ministry Initiative",
            "Capacity Building — Ministry Initiative", "Capacity Building (Ministry Initiative)"],
    "2.e": ["Capacity Building – City Initiative", "Capacity Building - City Initiative",
            "Capacity Building — City Initiative", "Capacity Building (City Initiative)"],
    "3.b": ["Data Hackathons/ Data Challenges", "Data Hackathons / Data Challenges",
            "Data Hackathons/Data Challenges"],
    "5.a": ["Data stories/blogs", "Data Stories/Blogs", "Data stories / blogs"],
    "5.d": ["Alerts & Notifications", "Alerts and Notifications"],
    "1.c&1.d": ["Budget for data-related initiatives", "Budget for Data-related Initiatives",
                "Budget for data related initiatives"],
    "4.b": ["Number of datasets on SCODP", "Number of Datasets on SCODP"],
    "4.d": ["Number of APIs on SCODP", "Number of APIs on SCODP"],
}

CYCLE_LABELS = {
    1: ["Cycle 1", "Cycle 1.0", "DMAF 1.0", "Cycle-I", "First Cycle", "2019"],
    2: ["Cycle 2", "Cycle 2.0", "DMAF 2.0", "Cycle-II", "Second Cycle", "2020-21", "2020–21"],
    3: ["Cycle 3", "Cycle 3.0", "DMAF 3.0", "Cycle-III", "Third Cycle"],
}

# ---------------------------------------------------------------- cities
def load_cities():
    rows = []
    with open(os.path.join(HERE, "cities.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            r["aliases"] = [a for a in (r.get("aliases") or "").split("|") if a]
            rows.append(r)
    return rows

CITIES = load_cities()

HINDI_CITY = {
    "Pune": "पुणे", "Jaipur": "जयपुर", "Surat": "सूरत", "Ahmedabad": "अहमदाबाद", "Jabalpur": "जबलपुर",
    "Solapur": "सोलापुर", "Indore": "इंदौर", "New Delhi": "नई दिल्ली", "Udaipur": "उदयपुर",
    "Ludhiana": "लुधियाना", "Bhopal": "भोपाल", "Lucknow": "लखनऊ", "Dharamshala": "धर्मशाला",
    "Chandigarh": "चंडीगढ़", "Raipur": "रायपुर", "Bhagalpur": "भागलपुर", "Ranchi": "रांची",
    "Faridabad": "फरीदाबाद", "Amritsar": "अमृतसर", "Ujjain": "उज्जैन", "Nagpur": "नागपुर",
    "Thane": "ठाणे", "Gwalior": "ग्वालियर", "Agra": "आगरा", "Nashik": "नाशिक", "Kanpur": "कानपुर",
    "Kota": "कोटा", "Jalandhar": "जालंधर", "Ajmer": "अजमेर", "Varanasi": "वाराणसी",
    "Aurangabad": "औरंगाबाद", "Vadodara": "वडोदरा", "Rajkot": "राजकोट", "Patna": "पटना",
    "Muzaffarpur": "मुजफ्फरपुर", "Gandhinagar": "गांधीनगर", "Srinagar": "श्रीनगर", "Sagar": "सागर",
    "Karnal": "करनाल", "Satna": "सतना", "Shimla": "शिमला", "Dehradun": "देहरादून",
    "Bilaspur": "बिलासपुर", "Jammu": "जम्मू", "Dahod": "दाहोद", "Jhansi": "झांसी",
    "Prayagraj": "प्रयागराज", "Aligarh": "अलीगढ़", "Bihar Sharif": "बिहार शरीफ",
    "Bareilly": "बरेली", "Moradabad": "मुरादाबाद", "Saharanpur": "सहारनपुर", "Imphal": "इंफाल",
    "Guwahati": "गुवाहाटी", "Bhubaneswar": "भुवनेश्वर", "Kalyan-Dombivli": "कल्याण-डोंबिवली",
    "Pimpri Chinchwad": "पिंपरी चिंचवड़", "Naya Raipur": "नया रायपुर", "Silvassa": "सिलवासा",
}
HINDI_STATE = {
    "Maharashtra": "महाराष्ट्र", "Rajasthan": "राजस्थान", "Gujarat": "गुजरात", "Madhya Pradesh": "मध्य प्रदेश",
    "Delhi": "दिल्ली", "Punjab": "पंजाब", "Uttar Pradesh": "उत्तर प्रदेश", "Himachal Pradesh": "हिमाचल प्रदेश",
    "Chandigarh": "चंडीगढ़", "Chhattisgarh": "छत्तीसगढ़", "Bihar": "बिहार", "Jharkhand": "झारखंड",
    "Haryana": "हरियाणा", "Uttarakhand": "उत्तराखंड", "Jammu and Kashmir": "जम्मू और कश्मीर",
    "Manipur": "मणिपुर", "Assam": "असम", "Odisha": "ओडिशा",
    "Dadra and Nagar Haveli and Daman and Diu": "दादरा और नगर हवेली और दमन और दीव",
}

STATE_VARIANTS = {
    "Jammu and Kashmir": ["Jammu & Kashmir", "J&K", "UT of Jammu and Kashmir"],
    "Andaman and Nicobar Islands": ["Andaman & Nicobar Islands", "A&N Islands"],
    "Dadra and Nagar Haveli and Daman and Diu": ["Dadra & Nagar Haveli and Daman & Diu", "DNH and DD"],
    "Delhi": ["NCT of Delhi", "National Capital Territory of Delhi"],
    "Uttar Pradesh": ["U.P."], "Madhya Pradesh": ["M.P."], "Andhra Pradesh": ["A.P."],
    "Himachal Pradesh": ["H.P."], "Tamil Nadu": ["Tamilnadu"], "Odisha": ["Orissa"],
    "Chhattisgarh": ["Chattisgarh"], "Puducherry": ["UT of Puducherry"],
}

GREATER = {"Chennai": "Greater Chennai Corporation", "Visakhapatnam": "Greater Visakhapatnam Municipal Corporation",
           "Jaipur": "Greater Jaipur Municipal Corporation", "Kochi": "Greater Cochin Development Authority",
           "Bengaluru": "Bruhat Bengaluru Mahanagara Palike", "Greater Warangal": "Greater Warangal Municipal Corporation"}
SPECIAL_ORG = {
    "New Delhi": ["New Delhi Municipal Council", "New Delhi Municipal Council (NDMC)"],
    "Naya Raipur": ["Nava Raipur Atal Nagar Smart City Corporation Ltd", "Naya Raipur Atal Nagar Vikas Pradhikaran"],
    "New Town Kolkata": ["New Town Kolkata Green Smart City Ltd", "New Town Kolkata Development Authority"],
    "Port Blair": ["Port Blair Municipal Council", "Port Blair Smart City Ltd"],
    "Diu": ["Diu Smart City Ltd", "Diu Municipal Council"],
    "Silvassa": ["Silvassa Municipal Council", "Silvassa Smart City Ltd"],
    "Kavaratti": ["Kavaratti Smart City Ltd"],
    "Namchi": ["Namchi Smart City Ltd", "Namchi Municipal Council"],
    "Pasighat": ["Pasighat Smart City Development Corporation Ltd"],
    "Kalyan-Dombivli": ["Kalyan-Dombivli Municipal Corporation", "Kalyan Dombivli Smart City Development Corporation Ltd"],
    "Pimpri Chinchwad": ["Pimpri Chinchwad Municipal Corporation", "Pimpri Chinchwad Smart City Ltd"],
    "Hubballi-Dharwad": ["Hubballi-Dharwad Municipal Corporation", "Hubballi Dharwad Smart City Ltd"],
    "Pune": ["Pune Smart City Development Corporation Ltd (PSCDCL)", "Pune Municipal Corporation"],
}

def city_forms(rng, row):
    """Returns dict with 'short' (as printed in running text) and 'org' (organisation name)."""
    city = row["city"]
    short = city
    if row["aliases"] and rng.random() < 0.3:
        cand = [a for a in row["aliases"] if a not in ("NDMC",) and len(a) > 3]
        if cand:
            short = rng.choice(cand)
    opts = [f"{short} Municipal Corporation", f"{short} Smart City Limited", f"{short} Smart City Ltd.",
            f"{short} Smart City Development Corporation Limited", f"{short} Smart City Ltd"]
    if city in SPECIAL_ORG:
        opts = SPECIAL_ORG[city] + opts[1:3]
    if city in GREATER and rng.random() < 0.5:
        opts = [GREATER[city]]
    if city in ("Chandigarh", "Puducherry", "Gangtok", "Shillong", "Kohima", "Aizawl", "Itanagar") :
        opts = [o for o in opts if "Municipal Corporation" not in o] or opts
    org = rng.choice(opts)
    if short.startswith("Greater ") and org.startswith("Greater Greater"):
        org = org.replace("Greater Greater", "Greater")
    return {"short": short, "org": org}

def state_form(rng, state):
    if state in STATE_VARIANTS and rng.random() < 0.35:
        return rng.choice(STATE_VARIANTS[state])
    return state

# ---------------------------------------------------------------- helpers
def fnum(x, style="int"):
    if x is None:
        return ""
    if style == "dec1":
        return f"{x:.1f}"
    if style == "dec2":
        return f"{x:.2f}"
    if float(x).is_integer():
        return str(int(x))
    return f"{x:g}"

def code_print(code, style):
    """Render an indicator code in a given style. style in: dot, paren, plain, upper, space, dash."""
    def one(c):
        p, l = c.split(".")
        return {"dot": f"{p}.{l}", "paren": f"{p}({l})", "plain": f"{p}{l}", "upper": f"{p}.{l.upper()}",
                "space": f"{p} ({l})", "dash": f"{p}-{l}"}[style]
    if "&" in code:
        a, b = code.split("&")
        joiner = COMBINE_JOIN.get(style, " & ")
        return one(a) + joiner + one(b)
    return one(code)

COMBINE_JOIN = {"dot": " & ", "paren": " & ", "plain": "/", "upper": " & ", "space": " & ", "dash": " & "}

def combined_variant(code, style, rng_choice):
    """Alternative spellings of the combined code for cycle 2."""
    if "&" not in code:
        return code_print(code, style)
    opts = {"dot": ["1.c & 1.d", "1.c&1.d", "1.c/1.d", "1.c and 1.d", "1.c & d"],
            "paren": ["1(c) & 1(d)", "1(c)&(d)", "1(c)/1(d)"],
            "plain": ["1c/1d", "1c & 1d"], "upper": ["1.C & 1.D", "1.C/1.D"],
            "space": ["1 (c) & 1 (d)", "1 (c) and (d)"], "dash": ["1-c & 1-d"]}[style]
    return rng_choice(opts)

def round_half(x):
    return round(x * 2) / 2

# ---------------------------------------------------------------- text bank
REC = {
    "policy": ["Your city may look towards drafting a data policy that acts as a frame of reference for all data initiatives undertaken in the city. A reference guide published on the Smart Cities Open Data Portal may help the city understand the elements of a robust data policy.",
               "The city is advised to get its City Data Policy approved by the Municipal Commissioner / Smart City CEO so that it can be notified and implemented across departments.",
               "A formally approved data policy gives legitimacy to the data initiatives of the city. The draft policy should be placed before the competent authority at the earliest."],
    "policycomp": ["Further to the NDSAP policy, the city may refer to the reference guide and modify or append the content of its policy to suit the current and future needs of the city.",
                   "The policy should cover data classification, data sharing, open data, privacy, retention and the roles of the data team. Missing components may be added in the next revision.",
                   "Your city is advised to adopt open data principles and publish its datasets in machine-readable formats under an open licence."],
    "budget": ["Dedicated city budget will ensure continuity of activities for building data blocks in the city. The city is advised to allocate budget for salaries of the data team, analytics software, capacity building sessions and hackathons.",
               "This budget may be included as a sub line item under A&OE expenses or IT expenses of the SPV's overall budget, or the Municipal IT budget.",
               "It is recommended that the city earmarks funds for data activities in the annual budget and tracks utilisation every quarter."],
    "cdo": ["Your city may look to appoint a full-time CDO, either in the Municipal Corporation or in the Smart City SPV, to lead and operationalise data-related activities as per the Job Description circulated in the HR guidelines.",
            "Appointment of a full-time CDO will help in effective management of data-related activities in the city and ensure continuity of the city's progress towards becoming 'DataSmart'.",
            "The CDO should be supported with clear reporting lines to the Municipal Commissioner and the Smart City CEO."],
    "coord": ["Data coordinators help drive data activities, including data collection, publishing and analytics, within their departments. Your city is advised to appoint at least one data coordinator in each department.",
              "Departments without a nominated coordinator should be identified and an order issued by the Commissioner designating a nodal officer for data."],
    "team": ["Data team is not limited to CDO and data coordinators. City may consider appointing a data policy expert, a data scientist, a statistician, a data engineer, a data analyst, a web developer and a GIS expert.",
             "A dedicated data cell with defined roles will help the city sustain its data activities beyond individual officers."],
    "cbmin": ["Your city's data team is advised to attend all trainings organised by the Ministry on topics such as the Smart Cities Open Data Portal, hackathons, alliances, GMIS, SmartCode and IUDX.",
              "Participation in national workshops will help the team translate the learnings into active implementation within the city."],
    "cbcity": ["CDO, along with the data team, is advised to identify focus areas and organise departmental or city workshops, certification courses or sessions by external experts on data privacy, policy formulation and geospatial analysis.",
               "A yearly training calendar for departmental staff is recommended so that data skills are built across the organisation."],
    "alliance": ["Your city is advised to identify specific problems where it needs support from other stakeholders and form alliances with colleges, universities, industry bodies, start-ups and civil society organisations.",
                 "The alliance should specify the partners involved, their roles and responsibilities, the scope of the partnership, the time period, the mode of execution (informal, MoU etc.) and the expected outcomes."],
    "hack": ["Your city is advised to leverage hackathons as a means to crowdsource solutions to complex urban challenges. The first step is to identify the correct problem statement and provide relevant data to participants.",
             "Shortlisted solutions may be supported in a second stage to test them on ground. A multi-disciplinary evaluation committee and mentors can assist participants during solution design."],
    "challenge": ["Your city is advised to identify the most pressing urban challenges across sectors with the help of city departments, together with the datasets that may help in solving them.",
                  "Insights derived from the datasets should be analysed and documented so that the approach can be replicated for other challenges."],
    "analytics": ["Your city is advised to identify relevant data streams and apply descriptive, diagnostic, predictive and prescriptive analytics to generate actionable insights.",
                  "Analytics outputs should be reviewed periodically by department heads to inform operational decisions."],
    "sensors": ["As part of Smart City initiatives, your city may deploy sensors and other devices to collect data in the form of real-time streams, images, videos and locational data.",
                "If your city has an ICCC or any other command centre, data from field sensors may be integrated and archived for analysis."],
    "datasets": ["Your city is advised to use the dataset templates in the 'Documents' section of the Smart Cities Open Data Portal to upload open data pertaining to different sectors.",
                 "Data coordinators may support the CDO to populate data as per the templates. The city should ensure that datasets are of good quality and relevant for users."],
    "schedule": ["Datasets published on SCODP should stay relevant and updated. Your city is advised to update all datasets periodically (monthly, quarterly, biannually, annually) by maintaining an updating schedule.",
                 "Datasets that currently exist on the portal may also be revised and updated as per the schedule."],
    "apis": ["In addition to static datasets in CSV format, your city is advised to publish data through web services. The CDO may look into departmental MIS that showcase real-time data and publish them as APIs.",
             "APIs enable developers and researchers to build applications on city data without manual downloads."],
    "gis": ["Your city is advised to identify datasets that can be translated into GIS layers. GIS layers help in improved analytics and can be used for impact assessment of initiatives.",
            "A common base map shared across departments will reduce duplication of survey effort."],
    "stories": ["Your city is advised to document its experiences and share insights about its data initiatives with fellow cities through data stories and blogs on the national platform.",
                "The city may also peruse data stories published by other cities, some of which may be replicable."],
    "usecases": ["For effective service delivery, your city is advised to develop use cases based on the data available within the city, clearly specifying the problem, the datasets used and the expected outcome.",
                 "The city can take help from multiple stakeholders, including alliance partners, to develop these use cases."],
    "apps": ["Your city is advised to develop web portals and applications to aid data-led activities and enable citizen engagement. Such applications also help the city collect relevant data.",
             "Existing citizen applications may be integrated so that citizens have a single platform for services."],
    "alerts": ["Your city is advised to analyse the services where timely notifications may benefit citizens and use channels such as SMS, Variable Message Displays and Public Address Systems to disseminate information.",
               "Alerts for water supply interruptions, traffic diversions and weather events are good starting points."],
    "governance": ["A data governance structure with a steering committee chaired by the Commissioner is recommended, with clear roles for departments.",
                   "The governance structure should meet at least once a quarter and record its decisions."],
    "collection": ["Standard operating procedures for data collection should be prepared for each department so that data is captured consistently.",
                   "Digitisation of paper registers should be prioritised for high-volume services."],
    "quality": ["The city is advised to define data quality checks covering completeness, accuracy and timeliness before publishing any dataset.",
                "A data quality checklist may be signed off by the data coordinator of each department."],
    "sharing": ["Inter-departmental data sharing arrangements should be formalised through simple data sharing agreements.",
                "A catalogue of datasets held by each department will make sharing easier."],
    "security": ["The city should adopt guidelines for data storage, access control and backup, in line with national information security practices.",
                 "Personal data should be anonymised before publication and access logs maintained."],
}

OBS_ZERO = ["No supporting documents were submitted for this indicator.", "The city has not initiated activity under this indicator.",
            "Evidence provided was not sufficient to award marks.", "No progress was reported during the assessment period."]
OBS_PART = ["The city has made partial progress under this indicator.", "Some documentation was provided; gaps remain.",
            "Initial steps have been taken and need to be carried forward.", "The submission meets the requirement only in part."]
OBS_FULL = ["The city has fully met the requirement of this indicator.", "Complete documentation was provided and verified.",
            "The city is a good example for peers on this indicator."]
OBS_NA = ["This indicator could not be assessed as the required information was not received in time.",
          "Not assessed for this city during the current cycle.",
          "Assessment of this indicator was deferred; no marks have been counted."]

def observation(rng, ind):
    s, m = ind["score"], ind["max"]
    if s is None:
        return rng.choice(OBS_NA)
    if s == 0:
        return rng.choice(OBS_ZERO)
    if s >= m:
        return rng.choice(OBS_FULL)
    return rng.choice(OBS_PART)

def recommendation(rng, ind, city_short, n=None):
    bank = REC[ind["topic"]]
    n = n or rng.choice([1, 1, 2])
    paras = rng.sample(bank, min(n, len(bank)))
    out = []
    for p in paras:
        if rng.random() < 0.3:
            p = p.replace("Your city", city_short).replace("your city", city_short)
        out.append(p)
    return out

INTRO = [
    "The Data Maturity Assessment Framework (DMAF) assesses cities on five pillars – Policy, People, Process, Technology and Outcomes – to gauge their readiness to use data for better governance.",
    "This report presents the performance of the city in the assessment along with indicator-wise recommendations that may help the city improve its data maturity.",
    "The DataSmart Cities Strategy envisions cities that harness data to solve complex urban problems. The assessment is a tool to track progress on this journey.",
    "The recommendations are indicative and non-exhaustive. Cities are encouraged to reach out to the Smart Cities Mission team for clarifications.",
]
TOP5 = "Surat, Pimpri Chinchwad, Bhopal, Pune and Nagpur"

# ---------------------------------------------------------------- model
def make_model(seed, rng, cycle=None):
    if cycle is None:
        r = rng.random()
        cycle = 2 if r < 0.63 else (1 if r < 0.81 else 3)
    row = rng.choice(CITIES)
    label = rng.choice(CYCLE_LABELS[cycle])
    cf = city_forms(rng, row)
    level = rng.betavariate(1.2, 1.5)
    inds = []
    for code, title, mx, topic in CAT[cycle]:
        r = rng.random()
        if r < (1 - level) * 0.65:
            frac = 0.0
        elif r > 1 - level * 0.45:
            frac = 1.0
        else:
            frac = rng.choice([0.25, 1 / 3, 0.5, 2 / 3, 0.75, 0.4, 0.6])
        s = round_half(frac * mx)
        if rng.random() < 0.12:
            s = rng.randint(0, 2 * mx) / 2
        inds.append({"code": code, "title": title, "max": float(mx), "score": float(s), "topic": topic,
                     "pillar": int(code[0])})
    if rng.random() < 0.3:
        pillars = rng.sample([1, 2, 3, 4, 5], rng.choice([1, 1, 2]))
        for p in pillars:
            cand = [i for i in inds if i["pillar"] == p]
            rng.choice(cand)["score"] = None
    # printed titles
    tstyle = rng.random()
    for i in inds:
        pt = i["title"]
        if cycle == 2 and i["code"] in C2_VARIANTS and rng.random() < 0.45:
            pt = rng.choice(C2_VARIANTS[i["code"]])
        i["ptitle"] = pt
    years = {1: "2019", 2: rng.choice(["2021", "2021", "2020"]), 3: rng.choice(["2022", "2023"])}[cycle]
    m = {
        "seed": seed, "cycle": cycle, "label": label, "row": row, "city": row["city"], "state": row["state"],
        "short": cf["short"], "org": cf["org"], "state_p": state_form(rng, row["state"]),
        "inds": inds, "year": years, "level": level,
    }
    m["date"] = make_date(rng, cycle)
    return m

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

def make_date(rng, cycle):
    if cycle == 1:
        y, mo = 2019, rng.randint(9, 12)
    elif cycle == 2:
        y, mo = 2021, rng.randint(6, 9)
    else:
        y, mo = rng.choice([2022, 2023]), rng.randint(1, 12)
    return (rng.randint(1, 28), mo, y)

def date_str(d, style):
    dd, mo, y = d
    if style == 0:
        return f"{dd} {MONTHS[mo-1]} {y}"
    if style == 1:
        return f"{dd:02d}.{mo:02d}.{y}"
    if style == 2:
        return f"{dd:02d}/{mo:02d}/{y}"
    if style == 3:
        return f"{MONTHS[mo-1]} {dd}, {y}"
    return f"{dd}-{MONTHS[mo-1][:3]}-{y}"

def pillar_total(m, p):
    s = sum(i["score"] for i in m["inds"] if i["pillar"] == p and i["score"] is not None)
    return s

def grand_total(m):
    return sum(i["score"] for i in m["inds"] if i["score"] is not None)

def cycle_title(m, rng, upper=False):
    """Main title phrase with the cycle label embedded exactly as m['label']."""
    lab = m["label"]
    if lab.startswith("DMAF"):
        opts = [f"{lab}", f"{FRAMEWORK} ({lab})", f"{lab} – {FRAMEWORK}"]
    elif lab[0].isdigit():
        opts = [f"{FRAMEWORK} {lab}", f"{FRAMEWORK} (DMAF) {lab}", f"DMAF {lab}"]
    elif lab.endswith("Cycle"):
        opts = [f"{FRAMEWORK} – {lab}", f"{lab} of the {FRAMEWORK}", f"DMAF {lab}"]
    else:
        opts = [f"{FRAMEWORK} {lab}", f"{FRAMEWORK} (DMAF) – {lab}", f"DMAF {lab}"]
    t = rng.choice(opts)
    if upper:
        t = t.replace(FRAMEWORK, FRAMEWORK.upper())
    return t

def truth(m, source, family):
    out = []
    for i in sorted(m["inds"], key=lambda x: (x["pillar"], x["code"])):
        out.append({"code": i["code"], "title": i["title"], "score": i["score"], "max_score": i["max"]})
    return {"source": source, "framework": FRAMEWORK, "cycle": m["cycle"], "cycle_label": m["label"],
            "city": m["city"], "state": m["state"], "indicators": out, "family": family}
