"""Printed forms of the facts: city, state, cycle, indicator codes, headings,
scores and totals. Pure functions of (fact, variant name[, rng]).
"""

from __future__ import annotations

import random

from .catalog import ABBREVIATIONS, PILLARS, RETITLES
from .content import Item
from .data_cities import STATE_ABBR, STATE_ALIASES, City

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}
ORDINAL = {1: "First", 2: "Second", 3: "Third"}
ORDINAL_SHORT = {1: "1st", 2: "2nd", 3: "3rd"}
NA_TEXT = {"na": "NA", "not_assessed": "Not assessed", "not_applicable": "Not applicable", "n_slash_a": "N/A", "n/a": "NA"}


def num(x: float, style: str) -> str:
    if style == "one_decimal":
        return f"{x:.1f}"
    return f"{x:g}" if x != int(x) else str(int(x))


def city_text(city: City, form: str, rng: random.Random) -> tuple[str, str]:
    """Printed city name and the form actually used."""
    name = city.city
    aliases = [a for a in city.aliases if not (a.isupper() and len(a) <= 5)]
    special = name.startswith(("Greater ", "New ", "Naya ")) or name in ("Amaravati", "Diu", "Silvassa")
    if form == "alias" and aliases:
        return rng.choice(aliases), form
    if form == "municipal_corp" and not special:
        return f"{name} {rng.choice(('Municipal Corporation', 'Municipal Corporation', 'Nagar Nigam', 'City Corporation'))}", form
    if form == "greater_mc" and not special:
        return f"Greater {name} Municipal Corporation", form
    if form == "mc_of" and not special:
        return f"Municipal Corporation of {name}", form
    if form == "smart_city_ltd":
        return f"{name} Smart City {rng.choice(('Ltd', 'Ltd.', 'Limited'))}", form
    if form == "scdl":
        return f"{name} Smart City Development Limited", form
    if form == "upper":
        return name.upper(), form
    return name, "canonical"


def state_text(state: str, form: str, rng: random.Random) -> str | None:
    if form == "omitted":
        return None
    if form == "alias" and STATE_ALIASES[state]:
        return rng.choice(STATE_ALIASES[state])
    if form == "abbreviation":
        return STATE_ABBR[state]
    if form == "upper":
        return state.upper()
    return state


def cycle_token(cycle: int, form: str, rng: random.Random) -> str:
    """The printed token naming the cycle; it is the truth's cycle_label."""
    if form == "years":
        if cycle == 1:
            return "2019"
        return rng.choice(("2020-21", "2020–21", "2020–2021", "2020-2021"))
    return {
        "cycle_decimal": f"Cycle {cycle}.0",
        "cycle_int": f"Cycle {cycle}",
        "dmaf_decimal": f"DMAF {cycle}.0",
        "cycle_roman_hyphen": f"Cycle-{ROMAN[cycle]}",
        "ordinal_word": f"{ORDINAL[cycle]} Cycle",
        "dmaf_cycle_roman": f"DMAF Cycle {ROMAN[cycle]}",
        "ordinal_short": f"{ORDINAL_SHORT[cycle]} Cycle",
    }[form]


def cycle_phrase(token: str, form: str, rng: random.Random) -> str:
    """How the token reads inside a title ('Assessment 2019', 'Cycle 2.0')."""
    if form == "years":
        return rng.choice(("Assessment", "Assessment Year", "Assessment")) + " " + token
    return token


def display_title(item: Item, mode: str, rng: random.Random) -> str:
    code, title = item.code, item.entry.title
    if mode == "retitled" and code in RETITLES and rng.random() < 0.6:
        return rng.choice(RETITLES[code])
    if mode == "abbreviated" and code in ABBREVIATIONS and rng.random() < 0.7:
        return ABBREVIATIONS[code]
    if mode == "upper":
        return title.upper()
    return title


def code_text(parts: tuple[str, ...], style: str, joiner: str) -> str:
    def one(code: str) -> str:
        p, letter = code.split(".")
        if style == "paren":
            return f"{p}({letter})"
        if style == "upper":
            return f"{p}.{letter.upper()}"
        return code
    sep = {"and": " and ", "slash": "/"}.get(joiner, " & ")
    return sep.join(one(c) for c in parts)


def heading_text(item: Item, title: str, form: str, joiner: str, section_no: str) -> str:
    many = len(item.entry.parts) > 1
    word = "Indicators" if many and form == "title_paren" else "Indicator"
    c = code_text(item.entry.parts, "paren" if form == "paren_dash" else "upper" if form == "upper" else "plain", joiner)
    return {
        "indicator_colon": f"Indicator {c}: {title}",
        "code_title": f"{c} {title}",
        "code_dash": f"{c} – {title}",
        "paren_dash": f"{c} – {title}",
        "upper": f"{c} {title.upper()}",
        "title_paren": f"{title} ({word} {c})",
        "indicator_no": f"Indicator No. {c} – {title}",
        "numbered_section": f"{section_no} Indicator {c}: {title}",
    }[form]


def short_code(item: Item, joiner: str) -> str:
    return code_text(item.entry.parts, "plain", joiner)


_TEMPLATES = {
    "score_colon": ("Score: {s}/{m}", "Score: "),
    "marks_out_of": ("Marks obtained: {s} out of {m}", "Marks obtained: "),
    "bare_fraction": ("{s} / {m}", ""),
    "score_dash_pct": ("Score – {s}/{m} ({pct}%)", "Score – "),
    "score_of": ("Score: {s} of {m}", "Score: "),
    "scored_max": ("Score obtained: {s} (Maximum: {m})", "Score obtained: "),
    "md_bold": ("Score: **{s}/{m}**", "Score: "),
}


def score_text(score: float | None, mx: float, wording: str, nstyle: str, na: str) -> str:
    template, prefix = _TEMPLATES[wording]
    m = num(mx, nstyle)
    if score is None:
        s = NA_TEXT[na]
        if wording == "md_bold":
            return f"Score: **{s}** (out of {m})"
        if wording in ("scored_max",) or len(s) <= 2:
            return template.replace(" ({pct}%)", "").format(s=s, m=m)
        return f"{prefix}{s} (out of {m})"
    pct = round(100 * score / mx) if mx else 0
    return template.format(s=num(score, nstyle), m=m, pct=pct)


def score_cell(score: float | None, nstyle: str, na: str) -> str:
    return NA_TEXT[na] if score is None else num(score, nstyle)


def pillar_heading(p: int, form: str) -> str | None:
    name = PILLARS[p]
    return {
        "none": None,
        "pillar_colon": f"Pillar {p}: {name}",
        "upper_name": name.upper(),
        "numbered_name": f"{p}. {name}",
        "roman_dash": f"Pillar {ROMAN[p]} – {name}",
    }[form]


def pillar_total_text(p: int, total: float, nstyle: str, variant: int) -> str:
    t, m = num(total, nstyle), num(100.0, nstyle)
    return (
        f"Pillar {p} total: {t}/{m}",
        f"Total – {PILLARS[p]} (Pillar {p}): {t} / {m}",
        f"Sub-total for Pillar {p} ({PILLARS[p]}): {t} out of {m}",
    )[variant % 3]


def overall_total_text(total: float, mx: float, nstyle: str, variant: int) -> str:
    t, m = num(total, nstyle), num(mx, nstyle)
    return (f"Total: {t}/{m}", f"Overall Score: {t} out of {m}", f"Grand Total: {t} / {m}")[variant % 3]
