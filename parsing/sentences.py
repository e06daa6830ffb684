"""Scores stated in sentences: "On Data stories/blogs (indicator 5.a) the committee awarded 20 marks of a possible
30." A note written as prose names each indicator and its marks in running text, which no line reading follows.

A sentence gives a score only when the framework says which of its numbers is which: it names exactly one
indicator of the report's cycle (by code, or by its catalog title), it says the city was given marks, and once
the indicator's code, the report's cycle, section numbers, dates and percentages are set aside it holds exactly
two numbers, one of them the catalog's maximum for that indicator and the other no larger (or, printed as not
assessed, no number but that maximum). A sentence about another cycle, another city, a target, an average or a
correction ("should read 14 instead of 12") gives nothing. What a sentence states is an entry like a row of an
inline scorecard (``survey.inline_scorecards``): the indicator's heading and score, tied to each other and to the
block where the sentence ends, never placed by where they stand on the page.

This is one more reading of the document, never the only one: the arbiter keeps it only where the framework's
arithmetic says it is the more consistent reading (``parsing.arbiter``). Pure: blocks in, entries out.
"""

from __future__ import annotations

import re

from core.blocks import Block
from parsing import grammar as g
from parsing.spelled import spelled_out
from parsing.titles import title_words
from reference.catalog import CatalogIndicator
from reference.crosswalk import fold_title
from reference.gazetteer import find_places

Entries = list[tuple[g.Heading, g.Score]]  # what the sentences ending in one block state
_RUNNING = ("paragraph", "list_item")  # kinds of block that running text is made of
_LETTER = r"[a-hA-H]"
_ONE_CODE = r"[1-5]\s*(?:\.\s*" + _LETTER + r"|\(\s*" + _LETTER + r"\s*\))"
_CODE_IN_TEXT = re.compile(  # "1.a", "1(a)", "1.c & 1.d", "1(c) & (d)", "1.c&d": a pillar 1-5 and a letter
    r"(?<![\w.])(?P<code>" + _ONE_CODE + r"(?:\s*(?:&|and|/)\s*(?:" + _ONE_CODE + r"|\(\s*" + _LETTER
    + r"\s*\)|" + _LETTER + r"(?![\w])))?)(?![\w(])")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘'(\[]?[A-Z0-9])|(?<=:)\s+(?=[\"“‘'(\[]?[A-Z])")
_ABBREVIATION = re.compile(r"(?:\b(?:No|Nos|Dr|Mr|Mrs|Ms|Sh|Smt|St|viz|e\.g|i\.e|etc|vs|Govt|Dept|approx)"
                           r"|\b[A-Z])\.$")
_SECTION_NUMBER = re.compile(r"^\s*[(\[]?\d{1,2}(?:\.\d{1,2}){0,3}[.)\]]?\s+")
_QUOTED = re.compile(r"[“\"‘]([^“”\"‘’]{3,160})[”\"’]")
_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
           r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?")
_SET_ASIDE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTHS + r"(?:\s*,?\s*\d{4})?"  # 10 September 2021
    r"|\b" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*,?\s*\d{4})?"  # September 10, 2021
    r"|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"  # 10/09/2021
    r"|\b(?:19|20)\d\d(?:\s*[-–/]\s*\d{2,4})?\b"  # 2021, 2020-21
    r"|\b\d{1,3}(?:[.,]\d{1,2})?\s*(?:%|per\s*cent|percent)"  # a percentage beside the marks
    r"|\b(?:cycle|round|pillar|para(?:graph)?|section|item|annex(?:ure)?|page)\s*(?:no\.?\s*)?[-:]?\s*"
    r"[IVX]*\d*(?:\.\d+)?\b",
    re.IGNORECASE)
_CYCLE_NAMED = re.compile(r"\b(?:cycle|round)\s*[-–]?\s*(?P<num>[IVX]{1,4}\b|\d{1,2}(?:\.\d)?)", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.])\d{1,4}(?:[.,]\d{1,2}(?!\d))?(?![\w])")
# What says the city was given marks: "marks" alone does not ("assessed as one indicator with a maximum of 40 marks").
_MARKS = re.compile(r"\b(?:scor\w*|secur\w*|award\w*|obtain\w*|achiev\w*|earn\w*|receiv\w*|allott?\w*|got|"
                    r"given|gave|rated|rating)\b", re.IGNORECASE)
_NOT_ASSESSED = re.compile(r"\bnot\s+(?:been\s+)?(?:assessed|evaluated|scored|applicable)\b|\bN\s*[./]?\s*A\b",
                           re.IGNORECASE)
# A sentence about another time, another place, a goal or a change of figure: its numbers are not this score.
_OTHER_FIGURE = re.compile(
    r"\b(?:previous|last|earlier|prior|preceding|next|target\w*|average\w*|mean|median|peer\w*|national\w*|"
    r"highest|lowest|best|top|rank\w*|would|could|if|instead|correct\w*|revis\w*|should|expected|potential|"
    r"aim\w*|goal|increase\w*|decrease\w*|improv\w*|rose|fell|up\s+from|down\s+from|compared|against\s+\d|"
    r"versus|vs)\b",
    re.IGNORECASE)


def sentence_scores(blocks: list[Block], indicators: dict[str, CatalogIndicator], city: str | None,
                    cycle: int | None, known: frozenset[str] = frozenset()) -> dict[int, Entries | None]:
    """Return, by block order, the scores that sentences of running text state: the (heading, score) entries at
    the block where each sentence ends, None at the other blocks a read sentence covers (their text is that
    sentence's, not lines to read one by one), as ``survey.inline_scorecards`` does for inline lists.
    Indicators in ``known`` (read already) are not read from sentences, nor is a sentence over a line that
    reads as a heading as printed; another city's marks are not the report's."""
    if not indicators or not indicators.keys() - known:
        return {}
    titles = sorted(((title_words(ind.title), code) for code, ind in indicators.items()), key=lambda t: -len(t[0]))
    titles = [(words, code) for words, code in titles if len(words) >= 2]
    found: dict[int, Entries | None] = {}
    i = 0
    while i < len(blocks):
        if blocks[i].kind not in _RUNNING:
            i += 1
            continue
        j = i
        while j < len(blocks) and blocks[j].kind in _RUNNING:
            j += 1
        found |= _read_run(blocks[i:j], indicators, titles, (city, cycle), known)
        i = j
    return found


def _read_run(run: list[Block], indicators: dict[str, CatalogIndicator], titles: list[tuple[list[str], str]],
              report: tuple[str | None, int | None], known: frozenset[str]) -> dict[int, Entries | None]:
    """Return the entries that one run of running-text blocks states, by block order."""
    text, ends = "", []  # the run's text, and where each block's text ends in it
    for k, block in enumerate(run):
        piece = " ".join(block.text.split())
        starts_anew = block.kind == "list_item" or _SECTION_NUMBER.match(piece) is not None
        text += ("\n" if k and starts_anew else " " if k else "") + piece
        ends.append(len(text))
    found: dict[int, Entries | None] = {}
    start = 0
    for sentence_end in [*(m.start() for m in _sentence_ends(text)), len(text)]:
        sentence, sentence_start = text[start:sentence_end].strip(), start
        start = sentence_end
        entry = _read_sentence(sentence, indicators, titles, *report) if sentence else None
        if entry is None or entry[0].code in known:
            continue
        first = next(k for k, end in enumerate(ends) if sentence_start < end)
        last = next(k for k, end in enumerate(ends) if sentence_end <= end)
        covered = run[first:last + 1]
        if any(g.match_heading(line) is not None for block in covered for line in block.text.split("\n")):
            continue  # a heading as printed: the reading as printed has it
        found.setdefault(run[last].order, []).append(entry)  # type: ignore[union-attr]  # never None: see below
        # the blocks before the one a sentence ends in are covered by it; later sentences end at or after it
        for block in covered[:-1]:
            found.setdefault(block.order, None)
    return found


def _sentence_ends(text: str) -> list[re.Match]:
    """Return the breaks between the sentences of a text (line breaks, and full stops not after abbreviations)."""
    breaks = [m for m in re.finditer(r"\n", text)]
    breaks += [m for m in _SENTENCE_END.finditer(text) if not _ABBREVIATION.search(text[max(0, m.start() - 6):
                                                                                            m.start()])]
    return sorted(breaks, key=lambda m: m.start())


def _read_sentence(sentence: str, indicators: dict[str, CatalogIndicator], titles: list[tuple[list[str], str]],
                   city: str | None, cycle: int | None) -> tuple[g.Heading, g.Score] | None:
    """Return (heading, score) for a sentence stating one indicator's score, else None."""
    plain = spelled_out(re.sub(r"[\u2010-\u2015\u2212]", "-", sentence))
    if not (_MARKS.search(plain) or _NOT_ASSESSED.search(plain)) or _OTHER_FIGURE.search(plain):
        return None
    if any(g.cycle_number(m["num"]) != cycle for m in _CYCLE_NAMED.finditer(plain)):
        return None  # about another cycle
    if any(hit.kind == "city" and hit.canonical != city for hit in find_places(plain)):
        return None  # another city's marks
    codes: set[str] = set()
    spans: list[tuple[int, int]] = []
    for m in _CODE_IN_TEXT.finditer(plain):
        code = _catalog_code(m["code"], indicators)
        if code is None:
            return None  # a code this cycle does not have: not a sentence to read
        codes.add(code)
        spans.append(m.span())
    title = _printed_title(plain, titles, [m.span(1) for m in _QUOTED.finditer(plain)])
    if title is not None:
        codes.add(title[0])
        spans.append(title[1:])
    if len(codes) != 1:
        return None
    code = next(iter(codes))
    shown = _shown_title(plain, title)
    if shown is not None:
        spans.append(shown[1:])
    rest = _SECTION_NUMBER.sub(" ", _blank(plain, spans), count=1)
    rest = _blank(rest, [m.span() for m in _SET_ASIDE.finditer(rest) if _whole_numbers(rest, *m.span())])
    numbers = [float(n.replace(",", ".")) for n in _NUMBER.findall(rest)]
    top = indicators[code].max_score
    heading = g.Heading(code, shown[0] if shown else "")
    if _NOT_ASSESSED.search(rest):
        return (heading, g.Score(None, top)) if all(n == top for n in numbers) else None
    if len(numbers) != 2 or top not in numbers:
        return None
    score = numbers[0] if numbers[1] == top else numbers[1]
    return (heading, g.Score(score, top)) if 0 <= score <= top else None


def _catalog_code(printed: str, indicators: dict[str, CatalogIndicator]) -> str | None:
    """Return the catalog code a printed code names ("1(c) & (d)" -> "1.c&1.d"; "1.c" alone names "1.c&1.d"
    when the cycle combines them), or None."""
    code = g.card_code(printed)
    if code in indicators:
        return code
    combined = [c for c in indicators if code in c.split("&")]
    return combined[0] if len(combined) == 1 else None


def _printed_title(sentence: str, titles: list[tuple[list[str], str]],
                   quoted: list[tuple[int, int]]) -> tuple[str, int, int] | None:
    """Return (code, start, end) of the one catalog title a sentence names word for word, else None. Words
    inside a quoted title that does not start with them are that title's ("… Initiatives for the data team")."""
    words = list(re.finditer(r"[^\W_]+", sentence))
    folded = [fold_title(w.group()) for w in words]
    found: dict[str, tuple[int, int]] = {}
    taken: set[int] = set()
    for title, code in titles:  # longest first: "City Data Policy Components" before "City Data Policy"
        for k in range(len(folded) - len(title) + 1):
            if folded[k:k + len(title)] != title or taken & set(range(k, k + len(title))):
                continue
            start, end = words[k].start(), words[k + len(title) - 1].end()
            if any(q0 < start < q1 and sentence[q0:start].strip() for q0, q1 in quoted):
                continue
            if sentence[start:end].count("(") > sentence[start:end].count(")") and sentence[end:end + 1] == ")":
                end += 1  # "City Data Officer (CDO)": its bracket too
            found.setdefault(code, (start, end))
            taken |= set(range(k, k + len(title)))
    if len(found) != 1:
        return None
    code, (start, end) = next(iter(found.items()))
    return code, start, end


def _shown_title(sentence: str, title: tuple[str, int, int] | None) -> tuple[str, int, int] | None:
    """Return (title, start, end) as the sentence prints it: the quoted phrase holding the catalog title (or the
    sentence's one quoted phrase), else the catalog title's words; None when it prints neither."""
    quoted = list(_QUOTED.finditer(sentence))
    for m in quoted:
        if title is not None and m.start(1) <= title[1] and title[2] <= m.end(1) or len(quoted) == 1:
            return m.group(1).strip(), m.start(), m.end()
    return (sentence[title[1]:title[2]], title[1], title[2]) if title is not None else None


def _whole_numbers(text: str, start: int, end: int) -> bool:
    """Return True when a span cuts no number in two ("38.5 marks" is no "5 marks")."""
    before, after = text[max(0, start - 2):start], text[end:end + 1]
    return not (before[-1:].isdigit() or before[-1:] in (".", ",") and before[:1].isdigit() or after.isdigit())


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Return the text with the given spans replaced by spaces."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
