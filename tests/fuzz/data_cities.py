"""Reference data copied from dmaf/reference (cities.csv, states.csv) so the fuzzer
does not depend on where the product keeps its files.

CITIES holds the 100 Smart Cities (canonical city, canonical state, aliases);
STATE_ALIASES and STATE_ABBR give the printed forms of a state.
"""

from __future__ import annotations

from dataclasses import dataclass

_CITIES_CSV = """\
city,state,region,aliases
Bhubaneswar,Odisha,East,Bhubaneshwar
Pune,Maharashtra,West,Poona
Jaipur,Rajasthan,North,
Surat,Gujarat,West,
Kochi,Kerala,South,Cochin
Ahmedabad,Gujarat,West,Amdavad
Jabalpur,Madhya Pradesh,Central,Jubbulpore
Visakhapatnam,Andhra Pradesh,South,Vizag|Vishakhapatnam|Vishakapatnam|Greater Visakhapatnam
Solapur,Maharashtra,West,Sholapur
Davanagere,Karnataka,South,Davangere|Davanagare
Indore,Madhya Pradesh,Central,
New Delhi,Delhi,North,NDMC|New Delhi Municipal Council
Coimbatore,Tamil Nadu,South,Kovai
Kakinada,Andhra Pradesh,South,Cocanada
Belagavi,Karnataka,South,Belgaum
Udaipur,Rajasthan,North,
Guwahati,Assam,North-East,Gauhati
Chennai,Tamil Nadu,South,Madras
Ludhiana,Punjab,North,
Bhopal,Madhya Pradesh,Central,
Lucknow,Uttar Pradesh,Central,
Greater Warangal,Telangana,South,Warangal
Dharamshala,Himachal Pradesh,North,Dharamsala|Dharmashala|Dharmsala
Chandigarh,Chandigarh,North,
Raipur,Chhattisgarh,Central,
New Town Kolkata,West Bengal,East,New Town|Newtown Kolkata|Newtown|New Town Kolkata Green Smart City
Bhagalpur,Bihar,East,
Panaji,Goa,West,Panjim|Pangim
Port Blair,Andaman and Nicobar Islands,South,Sri Vijaya Puram
Imphal,Manipur,North-East,
Ranchi,Jharkhand,East,
Agartala,Tripura,North-East,
Faridabad,Haryana,North,
Amritsar,Punjab,North,
Kalyan-Dombivli,Maharashtra,West,Kalyan-Dombivali|Kalyan Dombivli|Kalyan-Dombivili
Ujjain,Madhya Pradesh,Central,
Tirupati,Andhra Pradesh,South,Tirupathi
Nagpur,Maharashtra,West,
Mangaluru,Karnataka,South,Mangalore
Vellore,Tamil Nadu,South,
Thane,Maharashtra,West,
Gwalior,Madhya Pradesh,Central,
Agra,Uttar Pradesh,Central,
Nashik,Maharashtra,West,Nasik
Rourkela,Odisha,East,Raurkela
Kanpur,Uttar Pradesh,Central,Cawnpore
Madurai,Tamil Nadu,South,
Tumakuru,Karnataka,South,Tumkur
Kota,Rajasthan,North,
Thanjavur,Tamil Nadu,South,Tanjore
Namchi,Sikkim,North-East,
Jalandhar,Punjab,North,Jullundur
Shivamogga,Karnataka,South,Shimoga
Salem,Tamil Nadu,South,
Ajmer,Rajasthan,North,
Varanasi,Uttar Pradesh,Central,Benares|Banaras
Kohima,Nagaland,North-East,
Hubballi-Dharwad,Karnataka,South,Hubli-Dharwad|Hubballi Dharwad|Hubli Dharwad
Aurangabad,Maharashtra,West,Chhatrapati Sambhajinagar
Vadodara,Gujarat,West,Baroda
Thiruvananthapuram,Kerala,South,Trivandrum|Trivendrum
Naya Raipur,Chhattisgarh,Central,Nava Raipur|Atal Nagar|Nava Raipur Atal Nagar|Naya Raipur Atal Nagar
Rajkot,Gujarat,West,
Amaravati,Andhra Pradesh,South,
Patna,Bihar,East,
Karimnagar,Telangana,South,
Muzaffarpur,Bihar,East,
Puducherry,Puducherry,South,Pondicherry
Gandhinagar,Gujarat,West,
Srinagar,Jammu and Kashmir,North,
Sagar,Madhya Pradesh,Central,Saugor
Karnal,Haryana,North,
Satna,Madhya Pradesh,Central,
Bengaluru,Karnataka,South,Bangalore
Shimla,Himachal Pradesh,North,Simla
Dehradun,Uttarakhand,Central,Dehra Dun
Tiruppur,Tamil Nadu,South,Tirupur
Pimpri Chinchwad,Maharashtra,West,Pimpri-Chinchwad
Bilaspur,Chhattisgarh,Central,
Pasighat,Arunachal Pradesh,North-East,
Jammu,Jammu and Kashmir,North,
Dahod,Gujarat,West,Dohad
Tirunelveli,Tamil Nadu,South,Tinnevelly
Thoothukudi,Tamil Nadu,South,Tuticorin|Thootukkudi|Thoothukkudi
Tiruchirappalli,Tamil Nadu,South,Tiruchirapalli|Trichy|Tiruchi|Trichinopoly
Jhansi,Uttar Pradesh,Central,
Aizawl,Mizoram,North-East,
Prayagraj,Uttar Pradesh,Central,Allahabad
Aligarh,Uttar Pradesh,Central,
Gangtok,Sikkim,North-East,
Silvassa,Dadra and Nagar Haveli and Daman and Diu,West,
Erode,Tamil Nadu,South,
Diu,Dadra and Nagar Haveli and Daman and Diu,West,
Bihar Sharif,Bihar,East,Biharsharif|Bihar Shareef
Bareilly,Uttar Pradesh,Central,
Itanagar,Arunachal Pradesh,North-East,
Moradabad,Uttar Pradesh,Central,
Saharanpur,Uttar Pradesh,Central,
Kavaratti,Lakshadweep,South,
Shillong,Meghalaya,North-East,
"""

_STATES_CSV = """\
state,aliases
Andaman and Nicobar Islands,Andaman & Nicobar Islands|Andaman and Nicobar|Andaman & Nicobar|A&N Islands
Andhra Pradesh,AP
Arunachal Pradesh,
Assam,
Bihar,
Chandigarh,UT of Chandigarh|Chandigarh UT
Chhattisgarh,Chattisgarh|Chhatisgarh|Chattisgah
Dadra and Nagar Haveli and Daman and Diu,Dadra & Nagar Haveli and Daman & Diu|DNH and DD|DNHDD|Dadra and Nagar Haveli|Dadra & Nagar Haveli|Daman and Diu|Daman & Diu
Delhi,NCT of Delhi|National Capital Territory of Delhi|NCT Delhi|New Delhi
Goa,
Gujarat,Gujrat
Haryana,
Himachal Pradesh,HP
Jammu and Kashmir,J&K|Jammu & Kashmir|J and K
Jharkhand,
Karnataka,
Kerala,
Lakshadweep,
Madhya Pradesh,MP
Maharashtra,
Manipur,
Meghalaya,
Mizoram,
Nagaland,
Odisha,Orissa
Puducherry,Pondicherry
Punjab,
Rajasthan,
Sikkim,
Tamil Nadu,Tamilnadu|TN
Telangana,
Tripura,
Uttar Pradesh,UP
Uttarakhand,Uttaranchal
West Bengal,
"""


@dataclass(frozen=True)
class City:
    """One Smart City as the reference table names it."""

    city: str
    state: str
    region: str
    aliases: tuple[str, ...]


def _parse_cities(text: str) -> tuple[City, ...]:
    rows = []
    for line in text.strip().splitlines()[1:]:
        city, state, region, aliases = line.split(",", 3)
        names = tuple(a for a in aliases.split("|") if a)
        rows.append(City(city, state, region, names))
    return tuple(rows)


def _parse_states(text: str) -> dict[str, tuple[str, ...]]:
    out = {}
    for line in text.strip().splitlines()[1:]:
        state, aliases = line.split(",", 1)
        out[state] = tuple(a for a in aliases.split("|") if a)
    return out


CITIES: tuple[City, ...] = _parse_cities(_CITIES_CSV)
STATE_ALIASES: dict[str, tuple[str, ...]] = _parse_states(_STATES_CSV)

# Two-letter codes as on vehicle plates / official abbreviations.
STATE_ABBR: dict[str, str] = {
    "Andaman and Nicobar Islands": "AN", "Andhra Pradesh": "AP", "Arunachal Pradesh": "AR",
    "Assam": "AS", "Bihar": "BR", "Chandigarh": "CH", "Chhattisgarh": "CG",
    "Dadra and Nagar Haveli and Daman and Diu": "DNHDD", "Delhi": "DL", "Goa": "GA",
    "Gujarat": "GJ", "Haryana": "HR", "Himachal Pradesh": "HP", "Jammu and Kashmir": "J&K",
    "Jharkhand": "JH", "Karnataka": "KA", "Kerala": "KL", "Lakshadweep": "LD",
    "Madhya Pradesh": "MP", "Maharashtra": "MH", "Manipur": "MN", "Meghalaya": "ML",
    "Mizoram": "MZ", "Nagaland": "NL", "Odisha": "OD", "Puducherry": "PY", "Punjab": "PB",
    "Rajasthan": "RJ", "Sikkim": "SK", "Tamil Nadu": "TN", "Telangana": "TS", "Tripura": "TR",
    "Uttar Pradesh": "UP", "Uttarakhand": "UK", "West Bengal": "WB",
}

assert len(CITIES) == 100
assert all(c.state in STATE_ALIASES for c in CITIES)
assert set(STATE_ABBR) == set(STATE_ALIASES)
