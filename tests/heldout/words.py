"""How held-out reports print things: score phrasings, cycle labels, headings and metadata lines.

Each layout picks its own conventions here; the phrasings follow what other offices' reports print
("Marks obtained: 12 / 30", "Score 12 of 30", "(12/30)", "Cycle-II", "Second Cycle", "City/ULB: …").
"""

from __future__ import annotations

from tests.heldout.spec import Item

SCORE_STYLES: tuple[str, ...] = ("marks_obtained", "fraction_marks", "score_of", "decimal", "awarded", "percent")
_ROMAN = {1: "I", 2: "II", 3: "III"}
_ORDINAL = {1: "First", 2: "Second", 3: "Third"}


def num(value: float) -> str:
    """Return "12" for 12.0 and "12.5" for 12.5."""
    return f"{value:g}"


def score_line(item: Item, style: str) -> str:
    """Return a score line in one of the phrasings of ``SCORE_STYLES``."""
    s, m = item.score, item.max_score
    if s is None:
        return {
            "marks_obtained": "Marks obtained: NA", "fraction_marks": f"N/A / {num(m)}",
            "score_of": "Score: Not assessed", "decimal": f"Score: NA/{m:.1f}", "awarded": "Not assessed",
            "percent": f"Score: NA/{num(m)}",
        }[style]
    return {
        "marks_obtained": f"Marks obtained: {num(s)} / {num(m)}",
        "fraction_marks": f"{num(s)}/{num(m)} marks",
        "score_of": f"Score {num(s)} of {num(m)}",
        "decimal": f"Score: {s:.1f}/{m:.1f}",
        "awarded": f"Marks awarded – {num(s)} out of {num(m)}",
        "percent": f"Score: {num(s)}/{num(m)} ({round(100 * s / m)}%)",
    }[style]


def score_suffix(item: Item) -> str:
    """Return the score as printed at the end of a heading: "(12/30)" or "(Not assessed)"."""
    return "(Not assessed)" if item.score is None else f"({num(item.score)}/{num(item.max_score)})"


def cycle_label(cycle: int, style: str) -> str:
    """Return a printed cycle label: "Cycle 2.0", "DMAF 2.0", "Cycle-II", "Second Cycle", "Cycle 2"."""
    return {
        "decimal": f"Cycle {cycle}.0", "dmaf": f"DMAF {cycle}.0", "roman": f"Cycle-{_ROMAN[cycle]}",
        "ordinal": f"{_ORDINAL[cycle]} Cycle", "plain": f"Cycle {cycle}",
    }[style]


def printed_code(code: str, *, upper: bool = False) -> str:
    """Return a code as printed: "1.c & 1.d" for a combined one, "2.A" when upper-case."""
    text = " & ".join(code.split("&"))
    return text.upper() if upper else text


def heading(item: Item, style: str) -> str:
    """Return an indicator heading: "Indicator 2.a: Title", "2.a Title", upper-case, or with a dash."""
    code = printed_code(item.code)
    if style == "bare":
        return f"{code} {item.title}"
    if style == "upper":
        return f"INDICATOR {code.upper()}: {item.title.upper()}"
    if style == "dash":
        return f"Indicator {code} – {item.title}"
    return f"Indicator {code}: {item.title}"


def printed_title(item: Item, style: str) -> str:
    """Return the title a heading style prints (upper-case for "upper")."""
    return item.title.upper() if style == "upper" else item.title


def pillar_heading(pillar: int, name: str, style: str) -> str:
    """Return a pillar heading placed between indicator groups."""
    return {"numbered": f"Pillar {pillar}: {name}", "caps": f"PILLAR {pillar} – {name.upper()}"}[style]


def pillar_total_line(name: str, score: float, maximum: float) -> str:
    """Return a printed pillar total: "PEOPLE — 55/100"."""
    return f"{name.upper()} — {num(score)}/{num(maximum)}"
