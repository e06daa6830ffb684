"""Numbers written in words ("twenty-seven point five", "nineteen and a half", "half") turned into digits.

Offices state marks in words beside or instead of figures ("Marks awarded: twenty-seven point five out of thirty",
"Marks in words: One and a half out of forty"). Only whole phrases of number words become numbers; anything else
in the text is left as it was, so that the score grammar reads the result as it reads figures. Pure.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "nil": 0, "nought": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_UNIT = r"(?:" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")"
_TEN = r"(?:" + "|".join(TENS) + r")"
_DIGIT = r"(?:" + "|".join(_DIGIT_WORDS) + r")"
_WHOLE = (r"(?:(?P<hundreds>" + _UNIT + r")\s+hundred(?:\s+(?:and\s+)?(?P<rest>" + _TEN + r"(?:[\s-]+" + _UNIT
          + r")?|" + _UNIT + r"))?|(?P<tens>" + _TEN + r")(?:[\s-]+(?P<unit>" + _UNIT + r"))?|(?P<single>" + _UNIT
          + r")|(?P<hundred>(?:a|one)\s+hundred))")
_PHRASE = re.compile(
    r"(?<![\w-])(?:" + _WHOLE + r"(?:\s+point(?P<decimals>(?:\s+" + _DIGIT + r"){1,2})|\s+and\s+a\s+half)?"
    r"|(?P<half>half|one[\s-]half))(?![\w-])",
    re.IGNORECASE,
)
_ANY_WORD = re.compile(r"(?<![\w-])(?:" + _UNIT + r"|" + _TEN + r"|half)(?![\w])", re.IGNORECASE)


def has_number_words(text: str) -> bool:
    """Return True when a text holds a number word ("thirty", "half"): worth spelling out."""
    return _ANY_WORD.search(text) is not None


def _whole(m: re.Match) -> int:
    """Return the whole part a phrase names."""
    if m["hundred"]:
        return 100
    if m["hundreds"]:
        rest = m["rest"]
        return UNITS[m["hundreds"].lower()] * 100 + (_words_below_hundred(rest) if rest else 0)
    if m["tens"]:
        return TENS[m["tens"].lower()] + (UNITS[m["unit"].lower()] if m["unit"] else 0)
    return UNITS[m["single"].lower()]


def _words_below_hundred(words: str) -> int:
    """Return the number of "thirty-one", "thirty", "nine"."""
    parts = re.split(r"[\s-]+", words.lower())
    return sum(TENS.get(p, UNITS.get(p, 0)) for p in parts)


def _figure(m: re.Match) -> str:
    """Return the digits of one phrase of number words."""
    if m["half"]:
        return "0.5"
    whole = _whole(m)
    if m["decimals"]:
        digits = "".join(str(_DIGIT_WORDS.index(w.lower())) for w in m["decimals"].split())
        return f"{whole}.{digits}"
    if m.group(0).lower().endswith("half"):
        return f"{whole}.5"
    return str(whole)


def spelled_out(text: str) -> str:
    """Return a text with its phrases of number words written in digits ("twenty-seven point five out of thirty"
    -> "27.5 out of 30", "half marks out of thirty" -> "0.5 marks out of 30")."""
    return _PHRASE.sub(_figure, text)
