"""The small grammar of DMAF reports: indicator headings, score lines, metadata, totals.

Every function here is pure and works on one line of text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_CODE = r"(?P<{n}p>\d{{1,2}})\s*[.\-]?\s*\(?\s*(?P<{n}l>[a-zA-Z])\s*\)?"
_CODE_ONE = _CODE.format(n="a")
_CODE_TWO = _CODE.format(n="b")
_NUM = r"\d{1,4}(?:[.,]\d{1,2})?"
_NA = r"(?:N\s*/?\s*A|not\s+assessed|not\s+applicable|not\s+evaluated|nil|-)"

_HEADING = re.compile(
    r"^(?:indicator|ind\.?)\s*(?:no\.?\s*)?"
    + _CODE_ONE
    + r"(?:\s*(?:&|and|,|/|\+)\s*(?:indicator\s*)?"
    + _CODE_TWO
    + r")?"
    + r"(?:\s*[:.\-)|]\s*|\s+)(?P<title>.*)$",
    re.IGNORECASE,
)
_BARE_HEADING = re.compile(
    r"^" + _CODE_ONE + r"(?:\s*(?:&|and)\s*" + _CODE_TWO + r")?\s*[:.\-)]\s*(?P<title>[A-Za-z].*)$",
    re.IGNORECASE,
)
_SCORE_WORD = r"(?:score|marks|points|rating)\s*(?:obtained|awarded|achieved)?\s*[:\-=]?\s*"
_SCORE_BODY = (
    r"(?P<score>" + _NUM + r"|" + _NA + r")\s*(?:marks|points)?\s*(?:/|out\s+of|of)\s*(?P<max>" + _NUM + r")"
    r"(?:\s*(?:marks|points))?\s*\.?"
)
_SCORE = re.compile(r"^" + _SCORE_WORD + _SCORE_BODY + r"$", re.IGNORECASE)
_SCORE_NA = re.compile(
    r"^(?:(?:score|marks|points|rating)\s*[:\-=]?\s*" + _NA + r"|not\s+assessed|not\s+applicable)\s*\.?$",
    re.IGNORECASE,
)
_OUT_OF = re.compile(r"^(?P<score>" + _NUM + r")\s*(?:/|out\s+of)\s*(?P<max>" + _NUM + r")\s*(?:marks|points)?\.?$", re.I)
_SCORE_IN_TEXT = re.compile(r"(?:^|\s|\|)" + _SCORE_WORD + _SCORE_BODY + r"\s*$", re.IGNORECASE)
_CYCLE = re.compile(
    r"\b(?P<label>(?:cycle|dmaf)\s*[\-:]?\s*(?P<num>\d{1,2}(?:\.\d)?|(?:IX|IV|V?I{1,3}|V)\b))", re.IGNORECASE
)
_FRAMEWORK = re.compile(r"data\s+maturity\s+assessment\s+framework", re.IGNORECASE)
_FIELD_SEP = r"\s*(?::|\s-\s|-\s|\s-|=|\u2013|\u2014|\|)\s*"
_CITY = re.compile(r"(?:^|[|,;]\s*|\s{2,})(?:name\s+of\s+(?:the\s+)?)?city(?:\s+name)?" + _FIELD_SEP + r"(?P<v>[^|,;:]+?)\s*(?=$|[|,;]|\s{2,}|\bstate\b)", re.I)
_STATE = re.compile(r"(?:^|[|,;]\s*|\s{2,})(?:state|state/ut|ut)(?:\s+name)?" + _FIELD_SEP + r"(?P<v>[^|,;:]+?)\s*(?=$|[|,;]|\s{2,})", re.I)
_PILLAR_TOTAL = re.compile(
    r"^(?:pillar\s*(?P<no>\d)|(?P<name>policy|people|process|technology|outcomes?))\b[^\d]{0,30}?"
    r"(?:total|score)?\s*[:\-=]?\s*(?P<score>" + _NUM + r")\s*(?:/|out\s+of)\s*(?P<max>" + _NUM + r")\s*$",
    re.IGNORECASE,
)
_TOTAL = re.compile(
    r"^(?:overall|total|grand\s+total)\s*(?:city\s+)?(?:score)?\s*[:\-=]?\s*(?P<score>" + _NUM + r")\s*(?:/|out\s+of)\s*(?P<max>" + _NUM + r")\s*$",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-\u2022\u25cf\u25aa\u25e6\u2023\u2043\u00b7*\u27a2\u2713\uf0b7\uf0a7o]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+", re.I)
PILLAR_WORDS = {"policy": 1, "people": 2, "process": 3, "technology": 4, "outcome": 5, "outcomes": 5}


@dataclass(frozen=True, slots=True)
class Heading:
    """An indicator heading: canonical code and printed title."""

    code: str
    title: str


@dataclass(frozen=True, slots=True)
class Score:
    """A score line: value (None = not assessed) and maximum (None when not printed)."""

    score: float | None
    max_score: float | None


def clean_text(text: str) -> str:
    """Return text with NBSPs/odd spaces folded, dashes kept, markdown emphasis and zero-widths removed."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ").replace("\t", " ")
    text = re.sub(r"[\u200b\u200c\u200d\ufeff\u00ad]", "", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"^#{1,6}\s+", "", text.strip())
    text = text.strip("*_ ").strip()
    return re.sub(r"[ ]{2,}", lambda m: "  " if len(m.group()) >= 3 else " ", text)


def _ascii_dashes(text: str) -> str:
    """Return text with every dash-like character replaced by '-' (for matching only)."""
    return text.translate({ord(c): "-" for c in _DASHES})


def _number(text: str) -> float:
    """Parse a printed number ("12.5", "12,5")."""
    return float(text.replace(",", "."))


def _code(pillar: str, letter: str) -> str:
    """Return the canonical code for a pillar number and letter ("2", "A" -> "2.a")."""
    return f"{int(pillar)}.{letter.lower()}"


def _title(raw: str) -> str:
    """Return a printed title without trailing punctuation, score text or emphasis."""
    title = _SCORE_IN_TEXT.sub("", raw).strip(" |:-\u2013\u2014*_")
    return re.sub(r"\s+", " ", title)


def match_heading(text: str, *, allow_bare: bool = False) -> Heading | None:
    """Return the heading in a line like "Indicator 1.c & 1.d: Budget", or None.

    With ``allow_bare`` (a block styled as a heading), "2.a: City Data Officer" counts too.
    """
    line = _ascii_dashes(clean_text(text))
    m = _HEADING.match(line) or (_BARE_HEADING.match(line) if allow_bare else None)
    if not m:
        return None
    codes = [_code(m["ap"], m["al"])]
    if m["bp"]:
        codes.append(_code(m["bp"], m["bl"]))
    # Keep printed characters (en dashes) in the title: take it from the cleaned original.
    title_start = m.start("title")
    title = _title(clean_text(text)[title_start:]) if m["title"] else ""
    if not title and not m["title"]:
        return None
    return Heading("&".join(codes), title)


def match_score(text: str) -> Score | None:
    """Return the score of a whole score line ("Score: 10/30", "10 out of 30", "Score: NA"), or None."""
    line = _ascii_dashes(clean_text(text)).strip()
    m = _SCORE.match(line) or _OUT_OF.match(line)
    if m:
        return Score(_value(m["score"]), _number(m["max"]))
    if _SCORE_NA.match(line):
        return Score(None, None)
    return None


def split_heading_score(text: str) -> Score | None:
    """Return a score printed at the end of a heading line ("… (CDO) | Score: 10/30"), or None."""
    m = _SCORE_IN_TEXT.search(_ascii_dashes(clean_text(text)))
    return Score(_value(m["score"]), _number(m["max"])) if m else None


def _value(text: str) -> float | None:
    """Return a printed score, or None for NA / Not assessed."""
    try:
        return _number(text)
    except ValueError:
        return None


def match_cycle(text: str) -> tuple[str, str] | None:
    """Return (printed label, number text) for "Cycle 2.0", "DMAF 2.0", "Cycle-II", or None."""
    m = _CYCLE.search(_ascii_dashes(clean_text(text)))
    if not m:
        return None
    label = clean_text(text)[m.start("label"): m.end("label")].strip()
    return label, m["num"]


def cycle_number(num: str) -> int | None:
    """Return the cycle as an integer from "2", "2.0", "II"."""
    roman = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}
    if num.upper() in roman:
        return roman[num.upper()]
    try:
        return int(float(num))
    except ValueError:
        return None


def has_framework(text: str) -> bool:
    """Return True when the line names the Data Maturity Assessment Framework."""
    return bool(_FRAMEWORK.search(text))


def match_city_state(text: str) -> tuple[str | None, str | None]:
    """Return (city, state) printed as "City: X | State: Y" or "City - X, State - Y"."""
    line = clean_text(text)
    city = _CITY.search(line)
    state = _STATE.search(line)
    return (_meta(city["v"]) if city else None, _meta(state["v"]) if state else None)


def _meta(value: str) -> str | None:
    """Return a metadata value trimmed of decoration, or None if empty."""
    value = value.strip(" .*_\"'\u201c\u201d")
    return value or None


def match_pillar_total(text: str) -> tuple[int, float, float] | None:
    """Return (pillar, score, max) for "Pillar 2 total: 10/100" or "People: 10/100", or None."""
    m = _PILLAR_TOTAL.match(_ascii_dashes(clean_text(text)))
    if not m:
        return None
    pillar = int(m["no"]) if m["no"] else PILLAR_WORDS[m["name"].lower()]
    return pillar, _number(m["score"]), _number(m["max"])


def match_total(text: str) -> tuple[float, float] | None:
    """Return (score, max) for "Total Score: 10/500", or None."""
    m = _TOTAL.match(_ascii_dashes(clean_text(text)))
    return (_number(m["score"]), _number(m["max"])) if m else None


def is_page_number(text: str) -> bool:
    """Return True for a bare page number line ("3", "Page 3", "Page 3 of 9")."""
    return bool(_PAGE_NUMBER.match(clean_text(text)))


def strip_bullet(text: str) -> tuple[bool, str]:
    """Return (was_bullet, text without its bullet marker)."""
    m = _BULLET.match(text)
    if not m:
        return False, text.strip()
    return True, text[m.end():].strip()


_SCORECARD_ROW = re.compile(
    r"^(?P<code>\d\s*\.\s*[a-z](?:\s*&\s*\d\s*\.\s*[a-z])?)\s*(?:\||\s)\s*(?P<title>.+?)\s*(?:\||\s)\s*"
    r"(?P<score>" + _NUM + r"|" + _NA + r")\s*(?:\||/|\s)\s*(?P<max>" + _NUM + r")\s*\|?$",
    re.IGNORECASE,
)


def match_scorecard_cells(cells: list[str]) -> tuple[Heading, Score] | None:
    """Return (heading, score) for a scorecard row: code, indicator title, score, max."""
    cells = [clean_text(c) for c in cells if clean_text(c)]
    return match_scorecard_line(" | ".join(cells)) if len(cells) >= 3 else None


def match_scorecard_line(text: str) -> tuple[Heading, Score] | None:
    """Return (heading, score) for a line "1.a | Approval of City Data Policy | 0 | 30"."""
    line = _ascii_dashes(clean_text(text)).strip("| ")
    m = _SCORECARD_ROW.match(line)
    if not m:
        return None
    parts = re.split(r"\s*&\s*", m["code"].replace(" ", ""))
    code = "&".join(_code(*p.split(".")) for p in parts)
    title = m["title"].strip(" |")
    if not re.search(r"[A-Za-z]{3}", title):
        return None
    return Heading(code, title), Score(_value(m["score"]), _number(m["max"]))
