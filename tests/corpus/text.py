"""Text helpers shared by the layouts and renderers: printed strings, wrapping, encodings."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .spec import IndicatorSpec, ReportSpec

SUBTITLE = "City Performance & Recommendations"
NBSP = "\u00a0"
_VOWELS = frozenset("aeiouy")
_DIGRAPHS = frozenset({"ch", "ck", "gh", "ph", "qu", "sh", "th", "wh"})
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-Z])")
# Stand-ins for characters an 8-bit encoding lacks (Latin-1 has no dashes, curly quotes, bullet).
_FALLBACK = {"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "•": "-"}


def fmt_num(value: float) -> str:
    """Return a score as reports print it: "10", "12.5"."""
    return f"{value:g}"


def split_sentences(text: str) -> list[str]:
    """Return the sentences of a paragraph (split after . ! ? : before a capital)."""
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


def display_code(code: str, *, upper: bool = False) -> str:
    """Return a canonical code as printed in headings: "1.a", "1.c & 1.d"."""
    shown = " & ".join(code.split("&"))
    return shown.upper() if upper else shown


def paren_code(code: str) -> str:
    """Return a code in the parenthesised form: "2(b)", "1(c) & 1(d)"."""
    return " & ".join(f"{p}({letter})" for p, letter in (c.split(".") for c in code.split("&")))


def heading_text(ind: IndicatorSpec) -> str:
    """Return the standard indicator heading: "Indicator 2.a: City Data Officer (CDO)"."""
    return f"Indicator {display_code(ind.code)}: {ind.title}"


def score_value(score: float | None) -> str:
    """Return a score cell: "10", "12.5" or "NA"."""
    return "NA" if score is None else fmt_num(score)


def score_fraction(ind: IndicatorSpec) -> str:
    """Return "10/30" (or "NA/30")."""
    return f"{score_value(ind.score)}/{fmt_num(ind.max_score)}"


def score_line(ind: IndicatorSpec) -> str:
    """Return the standard score line "Score: 10/30", or the indicator's own wording."""
    return ind.score_text or f"Score: {score_fraction(ind)}"


def report_title(spec: ReportSpec) -> str:
    """Return the title line: "Data Maturity Assessment Framework Cycle 2.0"."""
    return f"{spec.framework} {spec.cycle_label}"


def meta_line(spec: ReportSpec) -> str:
    """Return the metadata line: "City: Imphal | State: Manipur"."""
    return f"City: {spec.city} | State: {spec.state}"


def running_header(spec: ReportSpec) -> str:
    """Return the running page header: "DMAF Cycle 2.0 — Pune" (or "DMAF 3.0 — Kochi")."""
    label = spec.cycle_label
    return f"{label if label.startswith('DMAF') else 'DMAF ' + label} — {spec.city}"


def variant_heading(ind: IndicatorSpec, i: int) -> str:
    """Return the ``i``-th heading variant: upper case, dashes, NBSP, "2(b)", " : "."""
    code, title = ind.code, ind.title
    forms = (
        f"INDICATOR {display_code(code, upper=True)} - {title}",
        f"Indicator {display_code(code)} – {title}",
        f"Indicator{NBSP}{display_code(code)}: {title.replace(' ', NBSP, 1)}",
        f"Indicator {paren_code(code)}: {title}",
        f"Indicator {display_code(code)} — {title}",
        f"Indicator {display_code(code)} : {title}",
    )
    return forms[i % len(forms)]


def variant_score(ind: IndicatorSpec, i: int) -> str:
    """Return the ``i``-th score-line variant; None scores print "Score: NA" / "Not assessed"."""
    if ind.score_text:
        return ind.score_text
    if ind.score is None:
        return ("Score: NA", "Not assessed")[i % 2]
    s, m = fmt_num(ind.score), fmt_num(ind.max_score)
    forms = (f"Score : {s} / {m}", f"Score – {s}/{m}", f"{s} out of {m}", f"Score:{NBSP}{s}/{m}")
    return forms[i % len(forms)]


def curly_quotes(text: str) -> str:
    """Return ``text`` with straight quotes and apostrophes made typographic."""
    text = re.sub(r"(?<=\w)'", "’", text)
    text = re.sub(r"'(?=\w)", "‘", text)
    text = re.sub(r'"(?=\w)', "“", text)
    return text.replace('"', "”")


def wrap(
    text: str, width: float, measure: Callable[[str], float] = len, hyphenate: bool = False
) -> list[str]:
    """Return ``text`` broken into lines no wider than ``width``, optionally hyphenating words.

    Only spaces break lines (a no-break space holds); a word wider than a whole line stays whole.
    """
    lines: list[str] = []
    line = ""
    words = deque(w for w in text.split(" ") if w)
    while words:
        word = words.popleft()
        candidate = f"{line} {word}" if line else word
        if not line or measure(candidate) <= width:
            line = candidate
            continue
        split = _hyphen_split(word, width - measure(line + " "), measure) if hyphenate else None
        if split:
            lines.append(f"{line} {split[0]}")
            words.appendleft(split[1])
            line = ""
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _hyphen_split(
    word: str, room: float, measure: Callable[[str], float]
) -> tuple[str, str] | None:
    """Return (head + "-", tail) for the longest syllable-like break that fits, if any.

    A break goes before a consonant-vowel pair, not inside a digraph: "opera-tionalize",
    "depart-ment"; at least four letters stay before it and three after.
    """
    core = word.rstrip(".,;:)")
    if len(core) < 8 or not core.isalpha():
        return None
    for k in range(len(core) - 3, 3, -1):
        before, at, after = core[k - 1].lower(), core[k].lower(), core[k + 1].lower()
        syllable = at not in _VOWELS and after in _VOWELS and before + at not in _DIGRAPHS
        head = word[:k] + "-"
        if syllable and measure(head) <= room:
            return head, word[k:]
    return None


@dataclass(frozen=True)
class TxtCodec:
    """How a TXT fixture is written to bytes."""

    encoding: str
    newline: str
    bom: bool = False


UTF8 = TxtCodec("utf-8", "\n")
# The rotation used by the "variants" layout.
TXT_CODECS = (
    TxtCodec("utf-8", "\r\n", bom=True),
    TxtCodec("cp1252", "\r\n"),
    TxtCodec("latin-1", "\n"),
    UTF8,
)


def to_encodable(text: str, encoding: str) -> str:
    """Return ``text`` with characters ``encoding`` lacks replaced by ASCII stand-ins."""
    out = []
    for ch in text:
        try:
            ch.encode(encoding)
        except UnicodeEncodeError:
            if ch not in _FALLBACK:
                raise ValueError(f"no {encoding} stand-in for {ch!r} in {text!r}") from None
            ch = _FALLBACK[ch]
        out.append(ch)
    return "".join(out)


def encode_text(text: str, codec: TxtCodec) -> bytes:
    """Return ``text`` (newlines as "\\n") encoded per ``codec``."""
    body = to_encodable(text, codec.encoding).replace("\n", codec.newline)
    return (b"\xef\xbb\xbf" if codec.bom else b"") + body.encode(codec.encoding)
