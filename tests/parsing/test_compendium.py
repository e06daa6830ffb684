"""Where a file that binds several reports is cut (``parsing.compendium``), each rule alone on hand-made blocks:
a cut needs the codes to go back *and* a title naming one other city (or cycle) between; a scorecard and its
recommendations, a sentence naming another city, a contents page or a page that opens with prose cut nothing."""

from __future__ import annotations

from core.blocks import Block
from extractors.txt import lines_to_blocks
from parsing.compendium import Cut, find_cuts, merge_unread, section_key
from reference.catalog import load_catalog
from tests.parsing.handmade import Page

CYCLE_2 = sorted(load_catalog().indicators_for(2).values(), key=lambda i: (i.pillar_no, i.code))


def _title(city: str, state: str, cycle: str = "Cycle 2.0") -> list[str]:
    """A report's title block."""
    return [f"Data Maturity Assessment Framework {cycle}", "City Performance & Recommendations",
            f"City: {city} | State: {state}", ""]


def _body(codes: int = len(CYCLE_2), *, prose: str = "The city is advised to keep improving it.") -> list[str]:
    """Indicator headings with a score and a sentence each."""
    lines = []
    for ind in CYCLE_2[:codes]:
        lines += [f"Indicator {ind.code.replace('&', ' & ')}: {ind.title}", "",
                  f"Score: {ind.max_score // 2:g}/{ind.max_score:g}", "", prose, ""]
    return lines


def _cuts(lines: list[str]) -> list[tuple[str, int | None]] | None:
    """Return (city, cycle) of each section of a text file's lines, or None when it is one report."""
    cuts = find_cuts(lines_to_blocks(lines, source="bound.txt"))
    return None if cuts is None else [(c.city, c.cycle) for c in cuts]


def test_two_reports_back_to_back_are_cut_at_the_second_title() -> None:
    blocks = lines_to_blocks(_title("Pune", "Maharashtra") + _body() + _title("Nagpur", "Maharashtra") + _body(),
                             source="bound.txt")
    cuts = find_cuts(blocks)
    assert [(c.city, c.cycle) for c in cuts] == [("Pune", 2), ("Nagpur", 2)]
    assert blocks[cuts[1].start].text.startswith("Data Maturity Assessment Framework")  # the title starts it
    assert cuts[0].end == cuts[1].start and cuts[1].end == len(blocks)


def test_one_report_is_no_compendium() -> None:
    assert _cuts(_title("Pune", "Maharashtra") + _body()) is None


def test_a_scorecard_then_its_recommendations_is_one_report() -> None:
    """The codes run twice, with no new title between: one report."""
    card = ["| Code | Indicator | Score | Max |", "|---|---|---|---|"]
    card += [f"| {i.code} | {i.title} | 5 | {i.max_score:g} |" for i in CYCLE_2] + ["", "Recommendations", ""]
    recommendations = [line for line in _body() if not line.startswith("Score")]
    assert _cuts(_title("Pune", "Maharashtra") + card + recommendations) is None


def test_the_same_city_again_with_the_same_cycle_is_one_report() -> None:
    """A title repeated before the recommendations ("Recommendations for Pune") starts no report."""
    lines = _title("Pune", "Maharashtra") + _body() + ["Recommendations for Pune", ""] + _body()
    assert _cuts(lines) is None


def test_the_same_city_in_another_cycle_is_another_report() -> None:
    lines = _title("Pune", "Maharashtra", "Cycle 1.0") + _body() + _title("Pune", "Maharashtra") + _body()
    assert _cuts(lines) == [("Pune", 1), ("Pune", 2)]


def test_a_sentence_naming_another_city_cuts_nothing() -> None:
    """Codes go back, but what stands between is prose: no title block."""
    lines = _title("Pune", "Maharashtra") + _body() + [
        "As Nagpur did in its second assessment, the city may publish a roadmap for all of its data work.", ""]
    assert _cuts(lines + _body()) is None


def test_a_line_naming_two_cities_is_no_title() -> None:
    lines = _title("Pune", "Maharashtra") + _body() + ["Pune and Nagpur", ""] + _body()
    assert _cuts(lines) is None


def test_a_contents_page_before_the_first_report_belongs_to_no_report() -> None:
    contents = ["Contents", "", "1. Pune Smart City ........ 3", "2. Nagpur Smart City ........ 9", ""]
    blocks = lines_to_blocks(contents + _title("Pune", "Maharashtra") + _body() + _title("Nagpur", "Maharashtra")
                             + _body(), source="bound.txt")
    cuts = find_cuts(blocks)
    assert [c.city for c in cuts] == ["Pune", "Nagpur"]
    assert all("Smart City" not in b.text for b in blocks[cuts[0].start:cuts[0].start + 3])


def _pdf(*pages: list[tuple[str, str]]) -> list[Block]:
    """Blocks of PDF pages, each a list of (kind, text) lines from the top."""
    page = Page()
    for number, lines in enumerate(pages, start=1):
        for k, (kind, text) in enumerate(lines):
            page.add(text, y=60.0 + 16 * k, kind=kind, page=number)
    return page.blocks


def _pdf_report(city: str, state: str) -> list[list[tuple[str, str]]]:
    """A report over two PDF pages: the title block and pillars 1-2, then pillars 3-5."""
    lines = [("paragraph", t) for t in _title(city, state) if t] + [
        ("heading" if t.startswith("Indicator") else "paragraph", t) for t in _body() if t]
    half = 4 + 3 * 8
    return [lines[:half], lines[half:]]


def test_a_pdf_section_starts_at_the_top_of_its_title_page() -> None:
    cover = [("heading", "Smart Cities Mission"), ("paragraph", "Compendium of city reports: Maharashtra")]
    blocks = _pdf(cover, *_pdf_report("Pune", "Maharashtra"), *_pdf_report("Nagpur", "Maharashtra"))
    cuts = find_cuts(blocks)
    assert [(c.city, blocks[c.start].page, blocks[c.end - 1].page) for c in cuts] == [("Pune", 2, 3),
                                                                                       ("Nagpur", 4, 5)]


def test_a_pdf_page_that_opens_with_prose_starts_no_report() -> None:
    """The second report's title is printed under a paragraph of the first one's text: no cut at its page."""
    first, second = _pdf_report("Pune", "Maharashtra"), _pdf_report("Nagpur", "Maharashtra")
    second[0] = [("paragraph", "and the city is advised to keep its data policy under review every year.")] + second[0]
    blocks = _pdf(*first, *second)
    assert find_cuts(blocks) is None


def test_a_page_header_is_not_a_title() -> None:
    """A running header naming the other city on the page where the first report goes on cuts nothing."""
    first = _pdf_report("Pune", "Maharashtra")
    first[1] = [("header", "Compendium: Nagpur and Pune")] + first[1]
    assert find_cuts(_pdf(*first)) is None


def test_a_section_that_is_no_report_goes_back_into_the_one_before() -> None:
    cuts = [Cut(0, 10, "Pune", 2), Cut(10, 12, "Nagpur", 2), Cut(12, 20, "Nashik", 2)]
    assert merge_unread(cuts, [True, False, True]) == [Cut(0, 12, "Pune", 2), Cut(12, 20, "Nashik", 2)]


def test_a_section_key_is_its_text_only() -> None:
    """The same text on other pages has the same key; one word more has another."""
    a = Page().add("Indicator 1.a: Policy", y=10, page=3).add("Score: 10/30", y=30, page=3).blocks
    b = Page().add("Indicator 1.a: Policy", y=50, page=8).add("Score:  10/30", y=90, page=8).blocks
    c = Page().add("Indicator 1.a: Policy", y=10, page=3).add("Score: 15/30", y=30, page=3).blocks
    assert section_key(a) == section_key(b) != section_key(c)
