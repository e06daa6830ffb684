"""The small grammar of DMAF reports: indicator headings, score lines, metadata, totals.

Every function here is pure and works on one line of text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from parsing.spelled import has_number_words, spelled_out

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
# The pillar as a number, or as a capital roman numeral before a bracketed letter ("II (a)", "I (c) & (d)").
_CODE = r"(?:(?P<{n}p>\d{{1,2}})\s*[.\-]?\s*\(?|(?P<{n}r>(?-i:IV|V|I{{1,3}}))\s*\()\s*(?P<{n}l>[a-zA-Z])\s*\)?"
_CODE_ONE = _CODE.format(n="a")
_CODE_TWO = _CODE.format(n="b")
_JOIN = r"\s*(?:&|and|,|/|\+)\s*"  # between the two codes of a combined indicator ("1.c & 1.d", "1.c/1.d")
# The second code of a combined indicator: "1.d", "1(d)", or the letter alone ("1.c & d", "1(c) & (d)").
_SECOND = r"(?:" + _JOIN + r"(?:indicator\s*)?(?:" + _CODE_TWO + r"|\(?\s*(?P<bx>[a-zA-Z])\s*\)?(?![a-zA-Z])))?"
_AFTER_CODE = r"\s*[:.\-)|\u00b7\u2022]\s*"  # ":", ".", "-" (any dash), ")", "|", "·", "•" after the code
ABBREVIATION_MAX = 4  # letters: "Cap.", "No.", "Govt." end no sentence
# "/", "out of", "of", and "out of max", "out of a maximum of", "of max." before a maximum.
_OUT_OF_SEP = r"(?:/|out\s+of(?:\s+(?:a\s+)?max(?:imum)?\.?(?:\s+of)?)?)"
_OF_SEP = r"(?:/|out\s+of(?:\s+(?:a\s+)?max(?:imum)?\.?(?:\s+of)?)?|of(?:\s+max(?:imum)?\.?)?)"
_NUM = r"\d{1,4}(?:[.,]\d{1,2})?"
_NA = r"(?:N\s*[./]?\s*A\b\.?|not\s+assessed|not\s+applicable|not\s+evaluated|nil|-)"

_SECTION = (r"(?:\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+"  # a section number before the heading ("2.3.1 Indicator 3.a: …")
            r"|\d{1,3}\.?\s+(?=ind)"  # a serial ("4. Indicator 2.a"), a margin figure ("28 Indicator 1(a)")
            r"|(?:obs(?:ervation)?|item|para|s\.?\s*no|sl|point)\.?\s*\d{1,3}\s*[-:.)]\s*)?")  # "Obs. 4 – Indicator 2(b)"
_HEADING = re.compile(
    r"^" + _SECTION + r"(?:indicators?|ind\.?)\s*(?:no\.?\s*[:\-]?\s*)?" + _CODE_ONE + _SECOND
    + r"(?:" + _AFTER_CODE + r"|\s+)(?P<title>.*)$",
    re.IGNORECASE,
)
_ITEM = r"(?:(?:q|question|item)\s*\.?\s*(?=\d))?"  # "Q 1(a)  Indicator: …": a questionnaire's item before the code
_BARE_HEADING = re.compile(r"^" + _ITEM + _CODE_ONE + _SECOND + _AFTER_CODE + r"(?P<title>[A-Za-z].*)$", re.IGNORECASE)
# "Approval of City Data Policy (Indicator 1.a)": the code in brackets after the title.
_HEADING_CODE_LAST = re.compile(
    r"^(?P<title>[A-Za-z].{2,}?)\s*[(\[]\s*(?:indicators?|ind\.?)\s*(?:no\.?\s*)?" + _CODE_ONE
    + r"(?:\s*(?:&|and|,|/|\+)\s*" + _CODE_TWO + r")?\s*[)\]]\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# "2.a City Data Officer": a bare code followed only by a space needs the dot ("2 A Note" is no code).
_STRICT_CODE = r"(?P<{n}p>\d{{1,2}})(?:\.(?P<{n}l>[a-zA-Z])\)?|\s*\(\s*(?P<{n}q>[a-zA-Z])\s*\))"
_BARE_SPACED = re.compile(
    r"^" + _ITEM + _STRICT_CODE.format(n="a") + r"(?:" + _JOIN + _STRICT_CODE.format(n="b") + r")?"
    r"\s+(?P<title>[A-Za-z].*)$",
    re.IGNORECASE,
)
_SCORE_NOUN = r"(?:score|marks|points|rating)"
_SCORE_VERB = r"(?:obtained|awarded|achieved|secured|scored|earned|received|allotted|given)"
_SCORE_WORD = (r"(?:" + _SCORE_NOUN + r"\s*" + _SCORE_VERB + r"?(?:\s+in\s+(?:words|figures))?|" + _SCORE_VERB
               + r")\s*[:\-=]?\s*")  # "Marks in words: …": the same score, spelled out (see parsing.spelled)
_PCT = r"\d{1,3}(?:[.,]\d{1,2})?\s*(?:%|per\s*cent\b|percent\b)"
_PERCENT = r"(?:\s*(?:\(\s*" + _PCT + r"\s*\)|[\u00b7\u2022|,;\-]\s*" + _PCT + r"))?"  # "12/30 (40%)", "12 of 30 · 40 per cent"
_SCORE_BODY = (
    r"(?P<score>" + _NUM + r"|" + _NA + r")\s*(?:marks|points)?\s*" + _OF_SEP + r"\s*(?P<max>" + _NUM + r")"
    r"(?:\s*(?:marks|points))?" + _PERCENT + r"\s*\.?"
)
_SCORE = re.compile(r"^" + _SCORE_WORD + _SCORE_BODY + r"$", re.IGNORECASE)
# "Score 20 pts · Maximum 30 pts · 66.7%", "Marks obtained: 12, Max. marks: 30": score and maximum each labelled.
_UNIT = r"(?:\s*(?:pts?\.?|points?|marks?))?"
_MAX_THEN_SCORE = re.compile(
    r"^(?:max(?:imum)?\.?|full)\s*(?:marks?|score|points?)?\s*[:\-=]?\s*(?P<max>" + _NUM + r")" + _UNIT
    + r"\s*[\u00b7\u2022|,;/\-]?\s*" + _SCORE_WORD + r"(?P<score>" + _NUM + r"|" + _NA + r")" + _UNIT + r"\s*\.?$",
    re.IGNORECASE,
)
_SCORE_THEN_MAX = re.compile(
    r"^" + _SCORE_WORD + r"(?P<score>" + _NUM + r"|" + _NA + r")" + _UNIT + r"\s*[\u00b7\u2022|,;/\-]?\s*"
    r"(?:max(?:imum)?\.?|out\s+of|full)\s*(?:marks?|score|points?)?\s*[:\-=]?\s*(?P<max>" + _NUM + r")" + _UNIT
    + r"(?:\s*[\u00b7\u2022|,;\-]?\s*\(?\d{1,3}(?:[.,]\d{1,2})?\s*%\)?)?\s*\.?$",
    re.IGNORECASE,
)
_MAX_BRACKET_BODY = (r"(?P<score>" + _NUM + r")\s*(?:marks|points)?\s*[(\[]\s*(?:max(?:imum)?\.?|out\s+of)\s*"
                     r"(?:marks)?\s*[:\-]?\s*(?P<max>" + _NUM + r")\s*[)\]]\s*\.?")
_SCORE_MAX_BRACKET = re.compile(r"^" + _SCORE_WORD + _MAX_BRACKET_BODY + r"$", re.IGNORECASE)
# "25 marks (of 25)", "12 points (max. 20)": no score word, but the unit says the first number is marks; without a
# unit the bracket must say "out of" or "max." ("5 (out of 30)"), not a bare "of".
_MARKS_BRACKET = re.compile(r"^(?P<score>" + _NUM + r")\s*"
                            r"(?:(?:marks|points|pts)\s*[(\[]\s*(?:max(?:imum)?\.?|out\s+of|of)"
                            r"|[(\[]\s*(?:max(?:imum)?\.?|out\s+of))"
                            r"\s*[:\-]?\s*(?P<max>" + _NUM + r")\s*(?:marks|points)?\s*[)\]]\s*\.?$", re.IGNORECASE)
_MAX_BRACKET_IN_TEXT = re.compile(r"(?:^|\s|\|)" + _SCORE_WORD + _MAX_BRACKET_BODY + r"\s*$", re.IGNORECASE)
_SCORE_NA = re.compile(r"^(?:" + _SCORE_WORD + _NA + r"|not\s+assessed|not\s+applicable)\s*\.?$", re.IGNORECASE)
# "Marks: Not Assessed (max. 25)", "Score: NA (out of 25)": not assessed, with the maximum in brackets.
_NA_WITH_MAX = re.compile(
    r"^(?:" + _SCORE_WORD + r")?" + _NA + r"\s*[(\[]\s*(?:max(?:imum)?\.?|out\s+of|of)\s*[:\-]?\s*(?P<max>" + _NUM
    + r")\s*(?:marks|points)?\s*[)\]]\s*\.?$",
    re.IGNORECASE,
)
_OUT_OF = re.compile(  # "12 out of 30", "12 marks out of 30;" (an item of a list)
    r"^(?P<score>" + _NUM + r"|N\s*/?\s*A)\s*(?:marks|points)?\s*" + _OUT_OF_SEP + r"\s*(?P<max>" + _NUM
    + r")\s*(?:marks|points)?" + _PERCENT + r"\s*[.;]?$", re.I)
_SCORE_IN_TEXT = re.compile(r"(?:^|\s|\|)" + _SCORE_WORD + _SCORE_BODY + r"\s*$", re.IGNORECASE)
# "… Policy (12/30)", "… [Score: 12 / 30]", "… (Not assessed)" at the end of a heading line.
_BRACKET_SCORE = re.compile(
    r"(?:^|\s)[(\[]\s*(?:" + _SCORE_WORD + r")?(?P<score>" + _NUM + r"|N\s*/?\s*A)\s*(?:marks)?\s*" + _OF_SEP + r"\s*"
    r"(?P<max>" + _NUM + r")\s*(?:marks)?\s*[)\]]\s*$",
    re.IGNORECASE,
)
# "… Process 10/30 marks", "… Process  10/30" (a wide gap) or "… | 10/30" at the end of a heading line.
_TRAILING_SCORE = re.compile(
    r"(?:\s(?P<score>" + _NUM + r"|N\s*/?\s*A)\s*" + _OUT_OF_SEP + r"\s*(?P<max>" + _NUM + r")\s*(?:marks|points)\.?"
    r"|(?:\s{2,}|\s*[|\-]\s+)(?P<score2>" + _NUM + r")\s*/\s*(?P<max2>" + _NUM + r"))\s*$",
    re.IGNORECASE,
)
_BRACKET_NA = re.compile(r"(?:^|\s)[(\[]\s*(?:score\s*[:\-=]?\s*)?(?:not\s+assessed|N\s*/?\s*A)\s*[)\]]\s*$", re.I)
_CYCLE = re.compile(
    r"\b(?P<label>(?:cycle|dmaf)\s*(?:no\.?\s*)?[\-:]?\s*(?P<num>\d{1,2}(?:\.\d)?(?![\d])|(?:IX|IV|V?I{1,3}|V)\b))",
    re.IGNORECASE,
)  # (?!\d): "DMAF 2021" is a year, not cycle 20
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "one": 1, "two": 2, "three": 3, "four": 4,
             "five": 5}
_CYCLE_WORD = re.compile(
    r"\b(?P<label>(?P<num>first|second|third|fourth|fifth)\s+cycle"
    r"|cycle\s*[\-:]?\s*(?P<num2>one|two|three|four|five))\b",
    re.IGNORECASE,
)
_FRAMEWORK = re.compile(r"data\s+maturity\s+assessment\s+framework", re.IGNORECASE)
_FIELD_SEP = r"\s*(?::|\s-\s|-\s|\s-|=|\u2013|\u2014|\|)\s*"
_CITY = re.compile(r"(?:^|[|,;]\s*|\s{2,})(?:name\s+of\s+(?:the\s+)?)?city(?:\s+name)?(?:\s*/\s*(?:ulb|town))?" + _FIELD_SEP + r"(?P<v>[^|,;:]+?)\s*(?=$|[|,;]|\s{2,}|\bstate\b)", re.I)
_STATE = re.compile(r"(?:^|[|,;]\s*|\s{2,})(?:name\s+of\s+(?:the\s+)?)?(?:state\s*/\s*ut|state|ut|union\s+territory)(?:\s+name)?" + _FIELD_SEP + r"(?P<v>[^|,;:]+?)\s*(?=$|[|,;]|\s{2,})", re.I)
_PILLAR_TOTAL = re.compile(
    r"^(?:pillar\s*(?P<no>\d)|(?P<name>policy|people|process|technology|outcomes?))\b[^\d]{0,30}?"
    r"(?:total|score)?\s*[:\-=]?\s*(?P<score>" + _NUM + r")\s*" + _OUT_OF_SEP + r"\s*(?P<max>" + _NUM + r")\s*$",
    re.IGNORECASE,
)
_TOTAL = re.compile(
    r"^(?:overall|total|grand\s+total)\s*(?:city\s+)?(?:score)?\s*[:\-=]?\s*(?P<score>" + _NUM + r")\s*"
    + _OUT_OF_SEP + r"\s*(?P<max>" + _NUM + r")\s*$",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(r"^-?\s*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*-?$", re.IGNORECASE)  # "– 3 –" too
# A contents entry: dot leaders (or a tab, or a wide gap) and a page number at the end of the line.
_TOC_ENTRY = re.compile(
    r"(?:(?:\.{4,}|(?:\.\s){3,}\.?|\u2026{2,}|_{4,}|\t)\s*|(?<=[A-Za-z)])\s{3,})\(?\d{1,4}\)?\s*$"
)
TOC_TAIL = 80  # characters at the end of a line that can hold a contents entry's leader and page number
_PILLAR_NAME = r"(?:policy|people|process|technology|outcomes?)"
_PILLAR_HEADING = re.compile(
    r"^(?:pillar\s*[:\-]?\s*(?P<no>\d|(?-i:[IVX]{1,4}))\b\s*[:.\-)\u00b7]?\s*\(?\s*[A-Za-z &]{0,40}?\)?"
    r"|(?P<num>0?[1-5])[.)]?\s+(?P<named>" + _PILLAR_NAME + r")\b[A-Za-z &]{0,30}"
    r"|(?P<name>" + _PILLAR_NAME + r"))"
    r"\s*(?:[(\[|,\-]?\s*(?:pillar\s+)?(?:total|score)\s*[:\-=]?\s*(?P<score>" + _NUM + r")\s*" + _OUT_OF_SEP + r"\s*"
    r"(?P<max>" + _NUM + r")\s*[)\]]?)?\s*$",
    re.IGNORECASE,
)
# "Pillar score 52.5 out of 100", "Pillar total: 45/100": the total of the pillar whose heading came last.
_PILLAR_SCORE = re.compile(
    r"^pillar\s+(?:score|total)\s*[:\-=]?\s*(?P<score>" + _NUM + r")\s*" + _OUT_OF_SEP + r"\s*(?P<max>" + _NUM + r")\s*$",
    re.IGNORECASE,
)
# "a. Data Policy Formulation" under a pillar heading: the pillar is in the heading above, the letter here.
_LETTER_HEADING = re.compile(r"^\(?(?P<l>[a-h])[.)]\s+(?P<title>[A-Z].{2,})$")
_CODE_DANGLING = re.compile(r"^" + _CODE_ONE + _JOIN.rstrip("\\s*") + r"$", re.IGNORECASE)  # "1.C &" (wrapped)
_CODE_ONLY = re.compile(r"^" + _SECTION + r"(?:(?:indicators?|ind\.?)\s*(?:no\.?\s*)?)?" + _CODE_ONE + _SECOND
                        + r"\s*[:.\-]?$", re.IGNORECASE)  # "1.A", "Indicator 1.a:" (the title on the next line)
_ROMAN_PILLARS = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
_MAX_HEADER = re.compile(r"\b(?:max|maximum|out\s+of|full\s+marks|total\s+marks)\b", re.IGNORECASE)
_SCORE_HEADER = re.compile(r"\b(?:score|scored|marks|obtained|awarded|achieved|points)\b", re.IGNORECASE)
_SERIAL = re.compile(r"^\d{1,3}\.?$")
_SCORE_LABEL = re.compile(r"^" + _SCORE_WORD + r"$", re.I)
_TRAILING_LABEL = re.compile(r"\s*[|:\-]?\s*(?:score|marks)\s*(?:obtained|awarded|achieved)?\s*:\s*$", re.I)
_METADATA_LABELS = (
    ("city", re.compile(r"^(?:name\s+of\s+(?:the\s+)?)?(?:city|ulb|smart\s+city)(?:\s*/\s*ulb)?(?:\s+name)?$", re.I)),
    ("state", re.compile(r"^(?:name\s+of\s+(?:the\s+)?)?(?:state\s*/\s*ut|state|ut|union\s+territory)(?:\s+name)?$",
                         re.I)),
    ("cycle", re.compile(r"^(?:(?:assessment|dmaf)\s+)?cycle(?:\s+no\.?)?$", re.I)),
)
_BULLET = re.compile(
    r"^\s*(?:(?:[-\u2022\u25cf\u25aa\u25e6\u2023\u2043\u00b7*\u27a2\u2713\uf0b7\uf0a7o]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+"
    r"|\d{1,2}[.)](?=(?-i:[A-Z][a-z])))",  # "22.Prepare …": a list number set tight against its text
    re.I,
)
HEADER_CELL_MAX = 40  # characters: a column header is a label; a longer cell is a data row's text
BARE_TITLE_MAX = 100  # characters: a plain line "2.a …" longer than this is a sentence, not a heading
BARE_TITLE_WORDS = 14  # words, likewise
CODE_LAST_TITLE_MAX = 100  # characters: a longer text before "(Indicator 1.a)" is a sentence, not a title
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
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ").replace("\t", "   ")
    text = re.sub(r"[\u200b\u200c\u200d\ufeff\u00ad]", "", text)
    text = re.sub(r"_{3,}", " ", text)  # a form's blanks ("Marks obtained: ____ 27.5____"), never text
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = text.replace("`", "")  # markdown code spans: "**1.a Title `[Score: 0/25]`**"
    text = re.sub(r"^#{1,6}\s+", "", text.strip())
    text = text.strip("*_ ").strip()
    return re.sub(r"[ ]{2,}", lambda m: "  " if len(m.group()) >= 3 else " ", text)


def _ascii_dashes(text: str) -> str:
    """Return text with every dash-like character replaced by '-' (for matching only)."""
    return text.translate({ord(c): "-" for c in _DASHES})


def _number(text: str) -> float:
    """Parse a printed number ("12.5", "12,5")."""
    return float(text.replace(",", "."))


ROMAN_PILLARS = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}


def _code(pillar: str, letter: str) -> str:
    """Return the canonical code for a pillar number (or roman numeral) and letter ("2", "A" -> "2.a")."""
    return f"{ROMAN_PILLARS.get(pillar) or int(pillar)}.{letter.lower()}"


def _codes(m: re.Match) -> list[str]:
    """Return the canonical codes a heading match names: one, or two for a combined indicator ("1.c", "1.d")."""
    groups = m.groupdict()
    first = _code(m["ap"] or groups.get("ar"), groups.get("al") or groups.get("aq"))
    second_letter = groups.get("bl") or groups.get("bq")
    second_pillar = groups.get("bp") or groups.get("br")
    if second_pillar:
        return [first, _code(second_pillar, second_letter)]
    if groups.get("bx"):
        return [first, _code(m["ap"] or groups.get("ar"), groups["bx"])]
    return [first]


def _title(raw: str) -> str:
    """Return a printed title without trailing punctuation, score text or emphasis."""
    title = _MAX_BRACKET_IN_TEXT.sub("", _SCORE_IN_TEXT.sub("", raw))
    title = _TRAILING_SCORE.sub("", _BRACKET_NA.sub("", _BRACKET_SCORE.sub("", title)))
    title = _TRAILING_LABEL.sub("", title).strip(" |:-\u2013\u2014*_")  # "… Score obtained:" + number below
    title = re.sub(r"^(?:indicator|title)\s*[:\-\u2013]\s*", "", title, flags=re.IGNORECASE)  # "1(a) Indicator: …"
    return re.sub(r"\s+", " ", title)


def heading_title(text: str) -> str:
    """Return a heading fragment without a bracketed or "Score:" score ("SCODP (12/30)" -> "SCODP")."""
    return _title(clean_text(text))


def match_metadata_label(text: str) -> str | None:
    """Return "city", "state" or "cycle" for a metadata label cell ("Name of the City/ULB", "State/UT:")."""
    label = clean_text(text).rstrip(":").strip()
    return next((name for name, pattern in _METADATA_LABELS if pattern.match(label)), None)


def match_heading(text: str, *, allow_bare: bool = False) -> Heading | None:
    """Return the heading in a line like "Indicator 1.c & 1.d: Budget", or None.

    With ``allow_bare`` (a block styled as a heading), "2.a: City Data Officer" and
    "2.a City Data Officer" count too.
    """
    line = _ascii_dashes(clean_text(text))
    m = _HEADING.match(line) or (_BARE_HEADING.match(line) or _BARE_SPACED.match(line) if allow_bare else None)
    if not m:
        return _code_last(text, line)
    if _CODE_ONLY.match(line):
        return None  # "1.c and 1.d –" is a (combined) code waiting for its title, not "1.c" titled "and 1.d"
    codes = _codes(m)
    # Keep printed characters (en dashes) in the title: take it from the cleaned original.
    title_start = m.start("title")
    title = _title(clean_text(text)[title_start:]) if m["title"] else ""
    if not title and not m["title"]:
        return None
    return Heading("&".join(codes), title)


def match_bare_heading(text: str) -> Heading | None:
    """Return the heading of a plain text line that starts with a bare code ("1.a APPROVAL OF …", "2(b) – Title").

    Only a line that reads as a title counts: a few words, no sentence ending, a capital first letter.
    """
    heading = match_heading(text, allow_bare=True)
    if heading is None or match_heading(text) is not None:
        return heading
    title = heading.title
    words = title.split()
    if not words or len(title) > BARE_TITLE_MAX or len(words) > BARE_TITLE_WORDS or not title[0].isupper():
        return None
    if not re.search(r"[A-Za-z]{3}", title):
        return None  # "3.d 3.e": two codes, no title
    return None if re.search(r"[.;,!?]$", clean_text(text)) else heading


_BREAK = re.compile(r"(?P<word>\S*)(?P<mark>[.;!?])\s")


def has_sentence_break(text: str) -> bool:
    """Return True when a sentence ends inside ``text`` ("… the policy. The city …"); the full stop of an
    abbreviation ("Cap. Building", "No. of Datasets": a short capitalised word) ends none."""
    for m in _BREAK.finditer(text):
        word = m["word"].strip("()[]\"'")
        if m["mark"] != "." or not (word[:1].isupper() and len(word) <= ABBREVIATION_MAX):
            return True
    return False


def _code_last(text: str, line: str) -> Heading | None:
    """Return the heading of "Title (Indicator 1.a)" (optionally followed by its score), or None."""
    if len(line) > 2 * CODE_LAST_TITLE_MAX:
        return None
    m = _HEADING_CODE_LAST.match(line)
    if not m or len(m["title"]) > CODE_LAST_TITLE_MAX or has_sentence_break(m["title"]):
        return None  # a sentence that ends by citing an indicator is not a heading
    if m["rest"] and not split_heading_score(f"x {m['rest']}") and not match_score(m["rest"]) \
            and not _SCORE_LABEL.match(m["rest"]):
        return None
    if re.match(r"^[.;,!?]", m["rest"]) or re.search(r"[.;!?]\s", m["rest"]):
        return None  # the sentence goes on after citing the indicator: narrative, not a heading
    return Heading("&".join(_codes(m)), _title(clean_text(text)[: m.end("title")]))


def match_score(text: str) -> Score | None:
    """Return the score of a whole score line ("Score: 10/30", "10 out of 30", "Score: NA"), or None; numbers
    may be spelled out ("Marks awarded: twenty-seven point five out of thirty")."""
    line = _ascii_dashes(clean_text(text)).strip()
    score = _score_of_line(line)
    if score is None and has_number_words(line):
        score = _score_of_line(spelled_out(line))
    return score


def _score_of_line(line: str) -> Score | None:
    """Return the score of a cleaned line in figures, or None."""
    m = _SCORE.match(line) or _OUT_OF.match(line) or _SCORE_MAX_BRACKET.match(line) or _SCORE_THEN_MAX.match(line) \
        or _MAX_THEN_SCORE.match(line) or _MARKS_BRACKET.match(line)
    if m:
        return Score(_value(m["score"]), _number(m["max"]))
    if _SCORE_NA.match(line):
        return Score(None, None)
    m = _NA_WITH_MAX.match(line)
    if m:
        return Score(None, _number(m["max"]))
    return None


_LEADING_SCORE = re.compile(r"^(?:score|marks)\s*[:\-=]?\s*(?P<score>" + _NUM + r"|N\s*/?\s*A)\s*" + _OF_SEP + r"\s*"
                            r"(?P<max>" + _NUM + r")\s+(?P<rest>(?-i:[A-Z]).*)$", re.IGNORECASE)


def match_leading_score(text: str) -> tuple[Score, str] | None:
    """Return (score, the text after it) for a line that starts with a score and runs on ("Score: 20/20 Your city
    has …": a score cell and the recommendation beside it read as one line), or None."""
    m = _LEADING_SCORE.match(_ascii_dashes(clean_text(text)))
    return (Score(_value(m["score"]), _number(m["max"])), m["rest"]) if m else None


def split_heading_score(text: str) -> Score | None:
    """Return a score printed at the end of a heading line ("… | Score: 10/30", "… (10/30)"), or None."""
    line = _ascii_dashes(clean_text(text))
    m = _SCORE_IN_TEXT.search(line) or _BRACKET_SCORE.search(line) or _MAX_BRACKET_IN_TEXT.search(line)
    if m:
        return Score(_value(m["score"]), _number(m["max"]))
    m = _TRAILING_SCORE.search(line)
    if m:
        return Score(_value(m["score"] or m["score2"]), _number(m["max"] or m["max2"]))
    bracketed = _bracketed_score(line)
    if bracketed is not None:
        return bracketed
    cells = re.split(r"\s{3,}|\s\|\s", _ascii_dashes(text).strip())  # the raw text: clean_text closes wide gaps
    if len(cells) > 1 and (last := match_score(cells[-1])) is not None:
        return last  # "Title (Indicator 2.c)      Score: Not assessed (out of 30)": the last cell is a score
    return Score(None, None) if _BRACKET_NA.search(line) else None


def _bracketed_score(line: str) -> Score | None:
    """Return a whole score line printed in brackets or backticks at the end of a line ("… `[Score obtained: 15
    (Maximum: 30)]`"), or None: the brackets are peeled off one by one until what is inside reads as a score."""
    for k, char in enumerate(line):
        if char not in "`[(" or (k and not line[k - 1].isspace()):
            continue
        inner = line[k + 1:].rstrip()
        while inner and inner[-1] in "`])":
            inner = inner[:-1].rstrip()
            score = match_score(inner.lstrip("`[( "))
            if score is not None:
                return score
    return None


def _value(text: str) -> float | None:
    """Return a printed score, or None for NA / Not assessed."""
    try:
        return _number(text)
    except ValueError:
        return None


def match_cycle(text: str) -> tuple[str, str] | None:
    """Return (printed label, number text) for "Cycle 2.0", "DMAF 2.0", "Cycle-II", or None."""
    line = _ascii_dashes(clean_text(text))
    m = _CYCLE.search(line) or _CYCLE_WORD.search(line)
    if not m:
        return None
    label = clean_text(text)[m.start("label"): m.end("label")].strip()
    return label, m["num"] or m["num2"]


def cycle_number(num: str) -> int | None:
    """Return the cycle as an integer from "2", "2.0", "II"."""
    roman = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}
    if num.upper() in roman:
        return roman[num.upper()]
    if num.lower() in _ORDINALS:
        return _ORDINALS[num.lower()]
    try:
        return int(float(num))
    except (ValueError, OverflowError):  # OverflowError: "inf"
        return None


def has_framework(text: str) -> bool:
    """Return True when the line names the Data Maturity Assessment Framework."""
    return bool(_FRAMEWORK.search(text))


def match_city_state(text: str) -> tuple[str | None, str | None]:
    """Return (city, state) printed as "City: X | State: Y" or "City - X, State - Y"."""
    line = clean_text(text)
    city = _CITY.search(line)
    state = _STATE.search(line)
    if state is None and city is not None:  # "City: Jaipur State: Rajasthan" (one space between the fields)
        state = _STATE.search(line[city.end("v"):].lstrip())
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
    # casefold, not lower: IGNORECASE also matched "ſ" (long s) and "K" (Kelvin sign), which fold to s and k
    pillar = int(m["no"]) if m["no"] else PILLAR_WORDS.get(m["name"].casefold())
    return (pillar, _number(m["score"]), _number(m["max"])) if pillar is not None else None


def match_total(text: str) -> tuple[float, float] | None:
    """Return (score, max) for "Total Score: 10/500", or None."""
    m = _TOTAL.match(_ascii_dashes(clean_text(text)))
    return (_number(m["score"]), _number(m["max"])) if m else None


def is_page_number(text: str) -> bool:
    """Return True for a bare page number line ("3", "Page 3", "Page 3 of 9", "– 3 –")."""
    return bool(_PAGE_NUMBER.match(_ascii_dashes(clean_text(text))))


_PAGE_FRACTION = re.compile(r"^-?\s*(?P<n>\d{1,4})\s*(?:of|/)\s*(?P<total>\d{1,4})\s*-?$", re.IGNORECASE)


def page_fraction(text: str) -> tuple[int, int] | None:
    """Return (n, total) for a line that is a page number only if the document numbers its pages so ("3 / 9",
    "3 of 9"): the same line could be a score ("0 / 25"), which the document's other such lines decide."""
    m = _PAGE_FRACTION.match(_ascii_dashes(clean_text(text)))
    return (int(m["n"]), int(m["total"])) if m else None


def is_score_label(text: str) -> bool:
    """Return True for a score label whose number is printed elsewhere ("Score:", "Marks obtained:")."""
    return bool(_SCORE_LABEL.match(clean_text(text)))


def is_toc_entry(text: str) -> bool:
    """Return True for a table-of-contents line: dot leaders, a tab or a wide gap, then a page number.

    Works on the raw line (before ``clean_text`` folds tabs and wide gaps), on its last characters
    only: the leader and the page number end the line, and a long line is never searched whole.
    """
    return bool(_TOC_ENTRY.search(text.rstrip()[-TOC_TAIL:]))


def match_pillar_heading(text: str) -> int | None:
    """Return the pillar number of a pillar heading ("Pillar 2: People", "PILLAR – II (People)", "01 POLICY")."""
    found = match_pillar_line(text)
    return found[0] if found else None


def match_pillar_line(text: str) -> tuple[int, tuple[float, float] | None] | None:
    """Return (pillar, (total, max) or None) for a pillar heading, with the total it may print beside it."""
    m = _PILLAR_HEADING.match(_ascii_dashes(clean_text(text)))
    if not m:
        return None
    if m["no"]:
        pillar = int(m["no"]) if m["no"].isdigit() else _ROMAN_PILLARS.get(m["no"].upper())
    elif m["num"]:
        pillar = int(m["num"])
    else:
        pillar = PILLAR_WORDS.get(m["name"].casefold())
    if pillar is None:
        return None
    total = (_number(m["score"]), _number(m["max"])) if m["score"] else None
    return pillar, total


def match_pillar_score(text: str) -> tuple[float, float] | None:
    """Return (score, max) for "Pillar score 52.5 out of 100" (the pillar is the one headed last), or None."""
    m = _PILLAR_SCORE.match(_ascii_dashes(clean_text(text)))
    return (_number(m["score"]), _number(m["max"])) if m else None


def match_letter_heading(text: str, pillar: int | None = None) -> Heading | None:
    """Return the heading "a. Title" names within ``pillar`` (the pillar heading above it), or None."""
    m = _LETTER_HEADING.match(clean_text(text))
    if not m or pillar is None or len(m["title"]) > BARE_TITLE_MAX or re.search(r"[.;,!?]$", m["title"]):
        return None
    return Heading(_code(str(pillar), m["l"]), _title(m["title"]))


def is_dangling_code(text: str) -> bool:
    """Return True for a line that ends after the first code of a combined one ("1.C &": "1.D …" follows)."""
    return bool(_CODE_DANGLING.match(_ascii_dashes(clean_text(text))))


_OTHER_HEADING = re.compile(
    r"^(?:indicators?|ind\.)\s*(?:no\.?\s*)?(?P<number>[\w().&/-]*\d[\w().&/-]*?)\s*(?:[:\-|]\s*(?P<title>.*))?$",
    re.IGNORECASE)
_REFERENCE = re.compile(r"^(?P<pillar>\d{1,2})\.(?P<n>\d{1,2})$")


def match_unread_heading(text: str) -> tuple[str, str] | None:
    """Return (number, title) of a line that heads an indicator by a number that is no catalog code ("Indicator
    5.1: Data stories", "Indicator 12 – Alerts"), or None. Whose indicator it is, only the document can say
    (see match_reference); either way it ends the section before it."""
    line = _ascii_dashes(clean_text(text))
    m = _OTHER_HEADING.match(line)
    if m is None or len(line) > 2 * CODE_LAST_TITLE_MAX or has_sentence_break(m["title"] or ""):
        return None
    return m["number"], (m["title"] or "").strip()


def match_reference(text: str) -> tuple[int, str] | None:
    """Return (pillar, number) for a reference number cell ("5.1", the report's own numbering), or None."""
    m = _REFERENCE.match(clean_text(text))
    return (int(m["pillar"]), m.group(0)) if m else None


def match_code_only(text: str, *, named: bool = False) -> str | None:
    """Return the canonical code of a line that holds nothing but a code ("1.A", "2(b)", "Indicator 1.a:"), or None.

    With ``named`` only a code the line calls an indicator ("Indicator 1.a:") counts.
    """
    line = _ascii_dashes(clean_text(text))
    m = _CODE_ONLY.match(line)
    if not m or (named and not re.match(r"(?i)^(?:[\d.]+\s+)?ind", line)):
        return None
    return "&".join(_codes(m))


_REFERENCE_LINE = re.compile(
    r"^\(?(?:[A-Za-z]+\.?\s+){0,3}?(?:[A-Za-z]+\.?\s*[:\-]\s*)?(?:indicators?|ind\.?)\s*(?:no\.?|code|ref\.?)?"
    r"\s*[:\-]?\s*" + _CODE_ONE + _SECOND + r"\s*\)?\.?$", re.IGNORECASE)
REFERENCE_LINE_MAX = 60  # characters: a longer line naming an indicator is a sentence about it
_OFFICE_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+(?=\S)")  # "2.1 ", "1.3.2 ": a section's own number


def match_reference_line(text: str) -> str | None:
    """Return the catalog code of a line that only says which framework indicator a section is ("Framework
    reference: Indicator 1.a", "Framework indicator 1(c) & (d)", "(DMAF indicator 2.b)"), or None."""
    line = _ascii_dashes(clean_text(text))
    if len(line) > REFERENCE_LINE_MAX:
        return None
    m = _REFERENCE_LINE.match(line)
    return "&".join(_codes(m)) if m else None


def office_number(text: str) -> str | None:
    """Return the section number a title line starts with in the office's own numbering ("2.1 Data Team" ->
    "2.1 "), or None."""
    m = _OFFICE_NUMBER.match(clean_text(text))
    return m.group(0) if m else None


def strip_bullet(text: str) -> tuple[bool, str]:
    """Return (was_bullet, text without its bullet marker)."""
    m = _BULLET.match(text)
    if not m:
        return False, text.strip()
    return True, text[m.end():].strip()


_CARD_CODE = r"\d\s*(?:[.\-]\s*)?(?:\(\s*[a-z]\s*\)|[a-z](?![a-z]))"
_SCORECARD_ROW = re.compile(
    r"^(?P<code>" + _CARD_CODE + r"(?:\s*(?:&|/|,|\+|and)\s*(?:" + _CARD_CODE + r"|\(?[a-z]\)?(?![a-z])))?)\s*(?:\||\s)\s*(?P<title>.+?)\s*(?:\||\s)\s*"
    r"(?P<score>" + _NUM + r"|" + _NA + r")\s*(?:\||/|\s)\s*(?P<max>" + _NUM + r")\s*\|?$",
    re.IGNORECASE,
)


def scorecard_max_first(cells: list[str]) -> bool | None:
    """Read a scorecard header row: True when the max column comes before the score column, None if no header.

    "Max Marks | Marks Obtained" is max first; "Score | Max. Score" is score first.
    """
    if any(re.fullmatch(r"[\d.,/\s%]+", clean_text(c)) or len(clean_text(c)) > HEADER_CELL_MAX
           for c in cells if clean_text(c)):
        return None  # a data row (numbers, or sentences), not a header
    kinds = []
    for cell in cells:
        text = clean_text(cell)
        if _MAX_HEADER.search(text):
            kinds.append("max")
        elif _SCORE_HEADER.search(text) and not re.search(r"\d", text):
            kinds.append("score")
    if "max" in kinds and "score" in kinds:
        return kinds.index("max") < kinds.index("score")
    return None


def _row_cells(cells: list[str], max_first: bool) -> list[str]:
    """Return a row's non-empty cells without a serial-number cell, with score before max."""
    cells = [clean_text(c) for c in cells if clean_text(c)]
    if len(cells) >= 4 and _SERIAL.match(cells[0]) and re.match(r"\d", cells[1]):
        cells = cells[1:]  # "S. No." column: "3 | 1.c & 1.d – Budget | 32.5 | 40"
    if max_first and len(cells) >= 3:
        cells = cells[:-2] + [cells[-1], cells[-2]]
    return cells


def match_scorecard_cells(cells: list[str], *, max_first: bool = False) -> tuple[Heading, Score] | None:
    """Return (heading, score) for a scorecard row: [S. No.,] code, indicator title, score, max.

    ``max_first`` (from the table's header row) says the max column is printed before the score.
    """
    cells = _row_cells(cells, max_first)
    return match_scorecard_line(" | ".join(cells)) if len(cells) >= 3 else None


def match_total_cells(cells: list[str], *, max_first: bool = False) -> tuple[int | None, float, float] | None:
    """Return (pillar or None, score, max) for a totals row: "Pillar 1 – Policy | 60 | 100", "Total | 245 | 500"."""
    cells = _row_cells(cells, max_first)
    if len(cells) < 3:
        return None
    line = f"{cells[0]}: {cells[-2]}/{cells[-1]}"
    pillar = match_pillar_total(line)
    if pillar:
        return pillar
    total = match_total(line)
    return (None, *total) if total else None


def is_number_cell(text: str) -> bool:
    """Return True for a cell that holds one number ("30.00", "75.0%", "NA")."""
    return bool(re.fullmatch(r"\s*(?:" + _NUM + r"\s*%?|N\s*/?\s*A)\s*", clean_text(text), re.IGNORECASE))


def card_code(printed: str) -> str:
    """Return the canonical code of a printed code cell ("1(c) & 1(d)" -> "1.c&1.d", "1.c/d" -> "1.c&1.d")."""
    parts = re.split(r"[&/,+]", re.sub(r"\band\b", "&", printed, flags=re.IGNORECASE))
    codes, pillar = [], ""
    for part in parts:
        digits, letter = re.search(r"\d+", part), re.search(r"[a-zA-Z]", part)
        pillar = digits.group() if digits else pillar
        if letter and pillar:
            codes.append(_code(pillar, letter.group()))
    return "&".join(codes)


_INLINE_ENTRY = re.compile(
    r"^" + _CODE_ONE + _SECOND + r"(?:\s*[:.\-]?\s+(?P<title>[A-Za-z][^;]*?)\s*[:,\-]?|\s*[=:]\s*)\s*(?P<score>" + _NUM
    + r"|" + _NA + r")\s*(?:marks)?\s*" + _OF_SEP + r"\s*(?P<max>" + _NUM + r")\s*(?:marks)?\.?$",
    re.IGNORECASE,
)
_FIRST_CODE = re.compile(r"(?<![\w.])\d{1,2}\.[a-hA-H](?![A-Za-z])")
_TRAILING_TOTAL = re.compile(r"\s*[\[(]\s*(?:pillar\s*)?total[^\])]*[\])]\s*$", re.IGNORECASE)
INLINE_MIN = 2  # entries: a sentence listing this many "code title score of max" runs is an inline scorecard


_CELL_SCORE = re.compile(r"^(?P<score>" + _NUM + r"|" + _NA + r")\s*(?:" + _OF_SEP + r"|\()\s*(?P<max>" + _NUM
                         + r")\s*\)?$", re.IGNORECASE)


def match_cell_score(text: str) -> Score | None:
    """Return the score of a table cell holding one ("23.5 of 25", "12/30", "NA (25)"), or None."""
    m = _CELL_SCORE.match(_ascii_dashes(clean_text(" ".join(text.split()))))
    return Score(_value(m["score"]), _number(m["max"])) if m else match_score(text)


_CODED = re.compile(r"^" + _CODE_ONE + _SECOND + r"\s*[:\-=]\s*(?P<rest>.+)$", re.IGNORECASE)


def match_coded_score(text: str) -> tuple[str, Score] | None:
    """Return (code, score) for a score line that names its indicator first ("1.a: 0 marks (maximum 30)."), or None."""
    m = _CODED.match(_ascii_dashes(clean_text(text)))
    if m is None or (score := match_score(m["rest"])) is None:
        return None
    return "&".join(_codes(m)), score


def match_inline_scores(text: str) -> list[tuple[Heading, Score]]:
    """Return the (heading, score) entries of a text that lists indicators inline ("Outcomes (53.5 of 70): 5.b
    Data related use cases 30 of 30; 5.c Development of Applications 13.5 of 20."), or [] for any other text.

    Entries are separated by semicolons; a label before a colon (a pillar and its total) is left out. Every
    part must be an entry, and there must be at least INLINE_MIN of them.
    """
    line = _TRAILING_TOTAL.sub("", _ascii_dashes(clean_text(text)).strip().rstrip(".")).rstrip(".")
    head, sep, tail = line.partition(":")
    if sep and not re.match(r"^\s*" + _CODE_ONE, head) and re.match(r"^\s*" + _CODE_ONE, tail.strip()):
        line = tail
    elif (first := _FIRST_CODE.search(line)) and first.start() and not re.search(r"\d\s*(?:/|of)\s*\d",
                                                                                 line[:first.start()]):
        line = line[first.start():]  # "2. People     2.a = 22.5/30; …": the pillar's label before its entries
    parts = [part.strip() for part in line.split(";") if part.strip()]
    entries = []
    for part in parts:
        m = _INLINE_ENTRY.match(part)
        title = m["title"] or "" if m else ""
        if m is None or m["title"] is not None and (not re.search(r"[A-Za-z]{3}", title) or has_sentence_break(title)
                                                    or re.search(r"[:;]|\d\s*(?:/|of)\s*\d", title)):
            return []  # one entry per part: a title that runs over a full stop, a colon or a score is two
        entries.append((Heading("&".join(_codes(m)), title.strip()), Score(_value(m["score"]), _number(m["max"]))))
    return entries if len(entries) >= INLINE_MIN else []


def match_scorecard_line(text: str) -> tuple[Heading, Score] | None:
    """Return (heading, score) for a line "1.a | Approval of City Data Policy | 0 | 30"."""
    line = _ascii_dashes(clean_text(text)).strip("| ")
    m = _SCORECARD_ROW.match(line)
    if not m:
        return None
    code = card_code(m["code"])
    title = m["title"].strip(" |:-")
    if not re.search(r"[A-Za-z]{3}", title) or _holds_other_row(title):
        return None
    return Heading(code, title), Score(_value(m["score"]), _number(m["max"]))


_CODE_INSIDE = re.compile(r"(?:^|[|\s])" + _CARD_CODE + r"(?=[\s|:]|$)", re.IGNORECASE)
_FRACTION_INSIDE = re.compile(r"(?P<score>" + _NUM + r")\s*/\s*(?P<max>" + _NUM + r")")


def _holds_other_row(title: str) -> bool:
    """Return True for a scorecard "title" that holds another indicator's code or a score ("SCORE 1.5/30 | 1(b)
    SCORE"): cards printed side by side read as one row, whose numbers are not this indicator's. A fraction
    that cannot be a score ("24/7") is part of a title."""
    return _CODE_INSIDE.search(title) is not None or any(
        _number(m["score"]) <= _number(m["max"]) for m in _FRACTION_INSIDE.finditer(title))
