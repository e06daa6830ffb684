"""Catalogues, cities and recommendation text for blind set I (state compendiums).

Standalone: nothing here is imported from the project or other blind sets.
"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
REF = os.path.join(ROOT, "reference")

PILLARS = {1: "Policy", 2: "People", 3: "Process", 4: "Technology", 5: "Outcomes"}


def _load_cycle2():
    rows = []
    with open(os.path.join(REF, "indicators.csv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["cycle"] == "2":
                rows.append((r["code"], r["title"], float(r["max_score"])))
    return rows


# Cycle 1 and Cycle 3 are NOT in reference/indicators.csv; these catalogues are invented
# (each pillar still adds up to 100) and printed in full in every report that uses them.
CYCLE1 = [
    ("1.a", "Data Policy Formulation", 40.0),
    ("1.b", "Data Governance Structure", 30.0),
    ("1.c", "Data Sharing Guidelines", 30.0),
    ("2.a", "Nomination of City Data Officer", 40.0),
    ("2.b", "Data Champions in Departments", 30.0),
    ("2.c", "Training and Awareness", 30.0),
    ("3.a", "City Data Inventory", 35.0),
    ("3.b", "Data Quality Processes", 35.0),
    ("3.c", "Stakeholder Engagement", 30.0),
    ("4.a", "Use of the Open Data Portal", 40.0),
    ("4.b", "Data Infrastructure", 30.0),
    ("4.c", "Geo-spatial Data", 30.0),
    ("5.a", "Data-driven Decision Making", 50.0),
    ("5.b", "Citizen-facing Data Services", 50.0),
]

CYCLE2 = _load_cycle2()

CYCLE3 = [
    ("1.a", "Approval of City Data Policy", 30.0),
    ("1.b", "City Data Policy Components", 30.0),
    ("1.c", "Budget Allocation for Data Initiatives", 20.0),
    ("1.d", "Budget Utilisation for Data Initiatives", 20.0),
    ("2.a", "City Data Officer (CDO)", 30.0),
    ("2.b", "Data Coordinators", 20.0),
    ("2.c", "Data Team", 20.0),
    ("2.d", "Capacity Building", 30.0),
    ("3.a", "City Data Alliances", 25.0),
    ("3.b", "Data Challenges", 25.0),
    ("3.c", "Data-driven Governance", 30.0),
    ("3.d", "Analytics capability", 20.0),
    ("4.a", "Sensors and IoT", 15.0),
    ("4.b", "Datasets on SCODP", 25.0),
    ("4.c", "Dataset Update Schedule", 25.0),
    ("4.d", "APIs on SCODP", 15.0),
    ("4.e", "Spatial Readiness", 20.0),
    ("5.a", "Data stories/blogs", 25.0),
    ("5.b", "Data-related use cases", 25.0),
    ("5.c", "Development of applications", 25.0),
    ("5.d", "Alerts & Notifications", 25.0),
]

CATALOGUES = {1: CYCLE1, 2: CYCLE2, 3: CYCLE3}

CYCLE_LABELS = {
    1: ["Cycle 1.0", "DMAF 1.0", "Cycle-I", "Cycle I", "First Cycle"],
    2: ["Cycle 2.0", "DMAF 2.0", "Cycle-II", "Cycle II", "Second Cycle"],
    3: ["Cycle 3.0", "DMAF 3.0", "Cycle-III", "Cycle III", "Third Cycle"],
}


def load_cities():
    out = []
    with open(os.path.join(REF, "cities.csv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            al = [a for a in (r.get("aliases") or "").split("|") if a]
            out.append({"city": r["city"], "state": r["state"], "region": r["region"], "aliases": al})
    return out


CITIES = load_cities()
BY_STATE = {}
BY_REGION = {}
for _c in CITIES:
    BY_STATE.setdefault(_c["state"], []).append(_c)
    BY_REGION.setdefault(_c["region"], []).append(_c)

# recommendation text, keyed by pillar.sub-letter prefix; generic fall-backs by pillar
RECS = {
    "1.a": ["Your city may look towards drafting a data policy that acts as a frame of reference for all data "
            "initiatives undertaken in the city. Smart Cities Mission, MoHUA has published a reference guide on the "
            "Smart Cities Open Data Portal that may help the city understand the elements of a robust data policy.",
            "Your city is advised to get the policy approved by the Municipal Commissioner / Smart City CEO for "
            "implementation and to publish the approved policy on the city website."],
    "1.b": ["Further to the NDSAP policy, your city may refer to the reference guide and modify or append the "
            "content of its City Data Policy to suit the current and future needs of the city.",
            "The policy should cover data classification, data sharing, data privacy and the roles of the data team."],
    "1.c": ["Dedicated city budget will ensure continuity of activities for building data blocks in the city. "
            "Your city is advised to allocate budget for the following data activities (non-exhaustive):",
            "This budget may be included as a sub line item under A&OE expenses or IT expenses of the smart city "
            "SPV\u2019s overall budget, or the Municipal IT budget."],
    "1.d": ["Your city is advised to track the utilisation of the budget allocated for data activities and to "
            "report it every quarter to the CDO and the SPV board."],
    "2.a": ["Your city may look to appoint a full-time CDO, either in the Municipal Corporation or in the Smart City "
            "SPV, to lead and operationalize data-related activities as per the Job Description circulated in the "
            "HR guidelines for Smart Cities SPV.",
            "Appointment of a full-time CDO will also ensure continuity of the city\u2019s progress towards becoming "
            "\u2018DataSmart\u2019."],
    "2.b": ["Data coordinators help support and drive the data activities within their respective departments. "
            "Your city is advised to appoint a minimum of one data coordinator in each department."],
    "2.c": ["Data team is not limited to CDO and data coordinators. City may consider appointing the following "
            "members to carry forward data-specific activities:"],
    "2.d": ["Your city\u2019s data team is advised to attend all trainings organized by the Ministry on topics such "
            "as the Smart Cities Open Data Portal, Hackathons, Alliances, GMIS, SmartCode and IUDX."],
    "2.e": ["CDO, along with the data team, is advised to identify the focus areas that will help operationalize "
            "data culture in the city through departmental workshops and certification courses."],
    "3.a": ["Your city is advised to identify specific problems where it needs support from other stakeholders and "
            "to form alliances with local colleges & universities, industry bodies, start-ups and civil society."],
    "3.b": ["Your city is advised to leverage hackathons as a means to crowdsource solutions to complex urban "
            "challenges. The first step is to identify the correct problem statement and provide relevant data."],
    "3.c": ["Your city is advised to identify the most pressing urban challenges with the help of city departments "
            "and the datasets that may help in solutioning."],
    "3.d": ["Your city is advised to identify the relevant data streams and apply analytics to generate "
            "actionable insights. Your city may explore various types of analytics:"],
    "4.a": ["As part of Smart City initiatives, your city may look towards deploying sensors and other devices and "
            "collect data in the form of:"],
    "4.b": ["Your city is advised to utilize the dataset templates in the \u2018Documents\u2019 section of the Smart "
            "Cities Open Data Portal to upload open data pertaining to different sectors."],
    "4.c": ["It is of utmost importance that the datasets published on SCODP stay relevant. Your city is advised to "
            "update all datasets on a periodic basis by maintaining a datasets\u2019 updating schedule."],
    "4.d": ["In addition to static datasets in csv format, your city is advised to publish data through web "
            "services and APIs following SCODP procedures."],
    "4.e": ["Your city is advised to identify datasets that can be translated into a GIS layer for improved "
            "analytics and impact assessment."],
    "5.a": ["Your city is advised to document its experiences and share data stories with fellow cities on "
            "smartcities.data.gov.in."],
    "5.b": ["For effective service delivery, your city is advised to develop use cases based on the data available "
            "within the city, clearly specifying the problem, the datasets and the expected outcome."],
    "5.c": ["Your city is advised to develop web portals and applications to aid data-led activities and enable "
            "citizen engagement."],
    "5.d": ["Your city may consider using channels such as SMS, Variable Message Displays and Public Address "
            "Systems to disseminate timely alerts and notifications to citizens."],
}

BULLETS = {
    "1.c": ["Salaries for the data team including the CDO, data coordinators and data analysts",
            "Analytics software for data analysis",
            "Capacity building sessions and certifications for the data team",
            "Expenses for organizing data hackathons, including prize money"],
    "2.c": ["Data Policy & Regulatory expert", "Survey Lead", "Data Scientist", "Statistician",
            "Open Data expert", "Data Engineer", "Data Analyst", "GIS expert"],
    "3.d": ["Descriptive (what happened in the past)", "Diagnostic (why something happened)",
            "Predictive (what is most likely to happen)", "Prescriptive (actions to affect outcomes)"],
    "4.a": ["Hierarchical files (JSON, XML, YAML)", "Real-time streams", "Videos and images", "Locational data"],
}

FILLER = [
    "The CDO may review progress on this indicator every month with the data coordinators.",
    "Documentary evidence of the steps taken should be uploaded for the next assessment cycle.",
    "The city may seek hand-holding support from the DataSmart Cities team at MoHUA where required.",
    "Progress on this indicator will also strengthen the city\u2019s performance on the Outcomes pillar.",
    "A short note describing the approach, timelines and responsible officers is recommended.",
    "Departments that already hold digital records may be taken up first, followed by the others.",
    "Citizens and academic partners may be consulted so that the effort reflects real needs.",
    "The city is encouraged to share its learnings at the regional DataSmart workshops.",
]

GOOD = [
    "Your city has done well on this indicator and is encouraged to sustain the effort.",
    "The city has achieved the full score; it may now mentor other cities in the state.",
]

PEER_SENTENCES = [
    "Cities such as {peer} have published their data stories on the portal; your city may like to do the same.",
    "The city may learn from {peer}, which notified its City Data Policy early in the cycle.",
    "Your city may form a data alliance with a local university, like {peer} did.",
    "{peer} conducted a city-level data challenge with prize money from its A&OE budget; a similar approach is advised.",
    "The approach followed by {peer} in publishing APIs may be studied by the CDO.",
    "Officials of {peer} have offered to share their dataset updating schedule with other cities.",
]

FIRST = ["Anil", "Sunita", "Rakesh", "Meena", "Vikram", "Priya", "Suresh", "Kavita", "Arvind", "Lakshmi",
         "Rahul", "Deepa", "Mohan", "Neha", "Sanjay", "Farah", "Joseph", "Harpreet", "Tenzing", "Bijoy"]
LAST = ["Sharma", "Patil", "Reddy", "Nair", "Iyer", "Das", "Singh", "Kulkarni", "Khan", "Menon",
        "Gupta", "Bora", "Rao", "Chatterjee", "Verma", "Joshi", "Pillai", "Sangma", "Bhat", "Mishra"]
DESIG = ["City Data Officer", "CEO, Smart City SPV", "Nodal Officer (DMAF)", "Data Coordinator, IT Cell",
         "Deputy Commissioner (IT)", "General Manager (IT)"]
