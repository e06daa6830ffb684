"""The grammar of variation: every layout axis and its named variants.

A `Layout` is one choice per axis. `sample_layout(rng, fmt, report)` draws each
axis independently (weighted), then `_reconcile` fixes the few combinations that
cannot coexist (e.g. a running header on a format without pages), so the name
recorded for an axis is always the variant actually rendered ("n/a" when the
axis does not apply). To add a variant: append a `V(...)` to its axis here and
handle its name where the axis is consumed (wording.py / compose.py / renderers).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

FORMATS = ("pdf", "docx", "txt")
ENGINES: dict[str, tuple[str, ...]] = {
    "pdf": ("rl_platypus", "rl_canvas", "fpdf2"),
    "docx": ("docx_styles", "docx_direct"),
    "txt": ("txt_plain", "txt_markdown", "txt_pdftotext"),
}
PAGED = frozenset({"rl_platypus", "rl_canvas", "fpdf2", "docx_styles", "docx_direct", "txt_pdftotext"})
PDF, DOCX, TXT = frozenset({"pdf"}), frozenset({"docx"}), frozenset({"txt"})


@dataclass(frozen=True)
class V:
    """A variant: name, weight, and the formats/engines it is allowed on (empty = all)."""

    name: str
    weight: float = 1.0
    only: frozenset[str] = frozenset()


AXES: dict[str, tuple[V, ...]] = {
    "encoding": (V("utf8", 3, TXT), V("utf8_bom", 1, TXT), V("utf8_crlf", 1, TXT), V("cp1252", 1, TXT)),
    "front_matter": (V("none", 5), V("cover", 2), V("cover_toc", 1), V("toc", 1)),
    "title": (V("full_two_line", 3), V("dmaf_dash", 2), V("datasmart", 1), V("report_card", 1)),
    "metadata": (V("pipe_labels", 3), V("labelled_lines", 2), V("kv_table", 2),
                 V("no_labels_title_line", 2), V("ulb_label", 1), V("dash_label", 1),
                 V("colon_dash", 1), V("state_first", 1), V("paren_state", 1)),
    "meta_place": (V("title_block", 5), V("cover_page", 1), V("after_intro", 1),
                   V("running_header", 1, PAGED), V("running_footer", 1, PAGED)),
    "city_form": (V("canonical", 4), V("alias", 1.5), V("municipal_corp", 1), V("greater_mc", 0.5),
                  V("mc_of", 0.5), V("smart_city_ltd", 1), V("scdl", 1), V("upper", 1)),
    "state_form": (V("omitted", 2), V("canonical", 4), V("alias", 1), V("abbreviation", 1), V("upper", 1)),
    "cycle_form": (V("cycle_decimal", 4), V("cycle_int", 1), V("dmaf_decimal", 2), V("cycle_roman_hyphen", 1),
                   V("ordinal_word", 1), V("dmaf_cycle_roman", 1), V("ordinal_short", 0.5), V("years", 1)),
    "intro": (V("none", 3), V("about_dmaf", 2), V("letter", 1)),
    "heading": (V("indicator_colon", 4), V("code_title", 2), V("code_dash", 1), V("paren_dash", 1),
                V("upper", 1), V("title_paren", 1), V("indicator_no", 1), V("numbered_section", 1)),
    "combined_code": (V("amp", 4), V("and", 1), V("slash", 1)),
    "heading_emphasis": (V("bold", 3, PDF | DOCX | frozenset({"txt_markdown"})), V("larger", 2, PDF | DOCX), V("heading_style", 2, PDF | DOCX),
                         V("plain", 1, PDF | DOCX), V("band", 1, PDF), V("markdown_hashes", 1, frozenset({"txt_markdown"}))),
    "title_wording": (V("catalog", 5), V("retitled", 2), V("abbreviated", 1), V("upper", 1)),
    "pillar_heading": (V("none", 3), V("pillar_colon", 2), V("upper_name", 1), V("numbered_name", 1), V("roman_dash", 1)),
    "score_place": (V("below_heading", 5), V("heading_line", 2), V("boxed_right", 2), V("section_end", 1),
                    V("scorecard_first", 2), V("indicator_table", 1)),
    "score_wording": (V("score_colon", 5), V("marks_out_of", 1), V("bare_fraction", 1), V("score_dash_pct", 1),
                      V("score_of", 1), V("scored_max", 1), V("md_bold", 1, frozenset({"txt_plain", "txt_markdown"}))),
    "number_style": (V("plain", 5), V("one_decimal", 1)),
    "na_form": (V("na", 2), V("not_assessed", 1), V("not_applicable", 1), V("n_slash_a", 1)),
    "summary_table": (V("none", 4), V("start", 1), V("end", 1)),
    "scorecard": (V("code_title_score_max", 2), V("sl_code_title_max_score", 1),
                  V("code_title_fraction", 1), V("pillar_grouped", 1)),
    "table_style": (V("ruled", 3), V("borderless", 1), V("header_shaded", 2, PDF | DOCX), V("pipe", 2, frozenset({"txt_markdown"}))),
    "ordering": (V("catalog", 5), V("swapped", 2), V("combined_early", 1)),
    "columns": (V("one", 6, PDF | DOCX), V("two", 1, frozenset({"rl_platypus", "docx_styles", "docx_direct"}))),
    "bullets": (V("dash", 2), V("bullet", 3), V("circle", 1), V("roman", 1), V("letter", 1), V("number", 1)),
    "font": (V("helvetica", 3, PDF), V("times", 2, PDF), V("dejavu_sans", 1, PDF), V("dejavu_serif", 1, PDF),
             V("liberation_sans", 1, PDF), V("liberation_serif", 1, PDF),
             V("calibri", 3, DOCX), V("arial", 2, DOCX), V("times_new_roman", 1, DOCX), V("cambria", 1, DOCX)),
    "header": (V("none", 3), V("report_name", 1, PAGED), V("city_cycle", 1, PAGED), V("mission", 1, PAGED)),
    "page_numbers": (V("none", 2), V("page_of", 2, PAGED), V("dash", 1, PAGED), V("plain", 1, PAGED), V("page_n", 1, PAGED)),
    "watermark": (V("none", 5), V("draft", 1, PDF | frozenset({"txt_pdftotext"})),
                  V("official", 1, PDF | frozenset({"txt_pdftotext"}))),
    "totals": (V("none", 3), V("pillar", 1), V("overall", 1), V("both", 1)),
    "closing": (V("none", 2), V("note", 1)),
}


@dataclass(frozen=True)
class Layout:
    """One sampled choice per axis (names only), plus format and engine."""

    fmt: str
    engine: str
    choices: tuple[tuple[str, str], ...]

    def __getitem__(self, axis: str) -> str:
        return dict(self.choices)[axis]

    def as_dict(self) -> dict[str, str]:
        return {"format": self.fmt, "engine": self.engine, **dict(self.choices)}


def format_for_seed(seed: int) -> str:
    """Each aligned triple of seeds holds one document of each format, in a seeded order."""
    block, pos = divmod(seed, 3)
    order = list(FORMATS)
    random.Random(block).shuffle(order)
    return order[pos]


def _allowed(v: V, fmt: str, engine: str) -> bool:
    return not v.only or fmt in v.only or engine in v.only


def _pick(rng: random.Random, variants: tuple[V, ...], fmt: str, engine: str) -> str:
    ok = [v for v in variants if _allowed(v, fmt, engine)]
    if not ok:
        return "n/a"
    return rng.choices([v.name for v in ok], weights=[v.weight for v in ok])[0]


def _reconcile(c: dict[str, str], fmt: str, engine: str, cycle: int, has_na: bool) -> None:
    if c["metadata"] == "no_labels_title_line":
        c["meta_place"] = "in_title"
    if c["metadata"] == "kv_table" and c["meta_place"] in ("running_header", "running_footer"):
        c["metadata"] = "pipe_labels"
    if c["meta_place"] == "cover_page" and c["front_matter"] not in ("cover", "cover_toc"):
        c["front_matter"] = "cover"
    if c["meta_place"] == "after_intro" and c["intro"] == "none":
        c["meta_place"] = "title_block"
    if c["meta_place"] == "running_header":
        c["header"] = "metadata"
    if c["meta_place"] == "running_footer" and c["page_numbers"] == "none":
        c["page_numbers"] = "plain"
    if c["score_place"] == "scorecard_first":
        c["summary_table"] = "start"
    if c["summary_table"] == "none":
        c["scorecard"] = "n/a"
    if c["score_place"] == "indicator_table":
        c["columns"] = "one" if c["columns"] != "n/a" else "n/a"
        c["heading"] = c["heading_emphasis"] = "n/a"
    if c["score_place"] != "indicator_table" and c["summary_table"] == "none" and c["metadata"] != "kv_table":
        c["table_style"] = "n/a"
    if cycle == 3 and c["cycle_form"] == "years":
        c["cycle_form"] = "cycle_decimal"
    if cycle != 2:
        c["title_wording"] = "catalog"
        if c["ordering"] == "combined_early":
            c["ordering"] = "swapped"
        c["combined_code"] = "n/a"
    if not has_na:
        c["na_form"] = "n/a"


def sample_layout(rng: random.Random, fmt: str, cycle: int, has_na: bool) -> Layout:
    engine = rng.choices(ENGINES[fmt], weights=[3, 2, 2][: len(ENGINES[fmt])])[0]
    choices = {axis: _pick(rng, variants, fmt, engine) for axis, variants in AXES.items()}
    _reconcile(choices, fmt, engine, cycle, has_na)
    return Layout(fmt, engine, tuple(choices.items()))
