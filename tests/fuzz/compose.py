"""Compose one report (content) under one layout into the format-neutral model.

`compose(report, layout, rng)` returns the Document and the printed Facts
(city, state, cycle token = the truth's cycle_label).
Every fact of the truth is placed here, so legibility rules live here too: the
city and the cycle are always printed, every indicator shows its code, and
each score is printed beside, under, at the end of, or in a table row with its
indicator.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import wording as w
from .catalog import FRAMEWORK, PILLARS
from .content import Item, Report
from .data_text import CLOSING, INTRO, LETTER
from .grammar import Layout
from .model import Block, Break, Bullets, Document, Table, Text
from .scorecards import indicator_table, scorecard_table


@dataclass(frozen=True)
class Facts:
    """The printed forms chosen for this document."""

    city: str
    state: str | None
    token: str
    phrase: str
    date: str | None
    city_form: str  # the variant actually printed (an alias may be missing, a form may not fit)
    state_form: str


def _facts(report: Report, lay: Layout, rng: random.Random) -> Facts:
    city, city_form = w.city_text(report.city, lay["city_form"], rng)
    state = w.state_text(report.city.state, lay["state_form"], rng)
    state_form = lay["state_form"]
    if state_form in ("alias", "abbreviation", "upper") and state == report.city.state:
        state_form = "canonical"
    token = w.cycle_token(report.cycle, lay["cycle_form"], rng)
    phrase = w.cycle_phrase(token, lay["cycle_form"], rng)
    date = {1: rng.choice(("August 2019", "September 2019")),
            2: rng.choice(("June 2021", "25 June 2021", "July 2021"))}.get(report.cycle)
    return Facts(city, state, token, phrase, date, city_form, state_form)


def _title_lines(f: Facts, lay: Layout) -> list[Text]:
    t = lay["title"]
    if lay["metadata"] == "no_labels_title_line":
        place = f.city + (f", {f.state}" if f.state else "")
        return [Text("title", f"{place} — {f.phrase} Assessment", "center"),
                Text("subtitle", "City Performance & Recommendations", "center")]
    if t == "dmaf_dash":
        lead = FRAMEWORK if f.phrase.startswith("DMAF") else f"{FRAMEWORK} (DMAF)"
        return [Text("title", f"{lead} – {f.phrase}", "center"),
                Text("subtitle", "City Performance & Recommendations", "center")]
    if t == "datasmart":
        return [Text("subtitle", "DataSmart Cities", "center"), Text("title", FRAMEWORK, "center"),
                Text("subtitle", f"{f.phrase} – City Report", "center")]
    if t == "report_card":
        return [Text("title", "City Data Maturity Report Card", "left"),
                Text("subtitle", f"{FRAMEWORK}, {f.phrase}", "left")]
    full = f"{FRAMEWORK} – {f.phrase}" if lay["cycle_form"] == "years" else (
        f"{FRAMEWORK} ({f.phrase})" if f.phrase.startswith("DMAF") else f"{FRAMEWORK} {f.phrase}")
    return [Text("title", full, "center"),
            Text("subtitle", "City Performance & Recommendations", "center")]


def _meta_pairs(f: Facts, style: str) -> list[tuple[str, str]]:
    labels = {
        "pipe_labels": ("City", "State"), "labelled_lines": ("Name of the City", "State"),
        "kv_table": ("Smart City", "State / UT"), "ulb_label": ("ULB", "State/UT"),
        "dash_label": ("City / Municipal Corporation", "State"), "colon_dash": ("Name of Smart City", "State"),
        "state_first": ("City", "State"), "paren_state": ("Smart City", "State"),
    }[style]
    pairs = [(labels[0], f.city)]
    if f.state:
        pairs.append((labels[1], f.state))
    if style == "state_first":
        pairs.reverse()
    return pairs


def _meta_blocks(f: Facts, lay: Layout, rng: random.Random) -> list[Block]:
    style = lay["metadata"]
    pairs = _meta_pairs(f, style)
    if style == "pipe_labels":
        sep = rng.choice((" | ", " | ", "   ", " ; "))
        return [Text("meta", sep.join(f"{k}: {v}" for k, v in pairs), "center")]
    if style == "paren_state":
        return [Text("meta", f"Smart City: {f.city}" + (f" ({f.state})" if f.state else ""), "center")]
    if style == "state_first":
        return [Text("meta", "    ".join(f"{k}: {v}" for k, v in pairs))]
    if style == "kv_table":
        rows = pairs + [("Assessment Cycle", f.token), ("Report", "City Performance & Recommendations")]
        if f.date and rng.random() < 0.5:
            rows.append(("Date of issue", f.date))
        style_t = lay["table_style"] if lay["table_style"] != "pipe" or lay.engine == "txt_markdown" else "ruled"
        return [Table(tuple(rows), (0.35, 0.65), False, style_t, "meta", ("l", "l"))]
    sep = {"dash_label": " – ", "colon_dash": " :- "}.get(style, ": ")
    lines = [Text("meta", f"{k}{sep}{v}") for k, v in pairs]
    if style == "labelled_lines":
        lines.append(Text("meta", f"Assessment Year: {f.token}" if f.phrase != f.token else f"Assessment: {f.phrase}"))
        if f.date:
            lines.append(Text("meta", f"Date: {f.date}"))
    return lines


def _meta_line(f: Facts, lay: Layout) -> str:
    """Metadata as one line, for running headers / footers."""
    if lay["metadata"] in ("no_labels_title_line", "paren_state"):
        return f.city + (f" ({f.state})" if f.state else "") + f" | {f.phrase}"
    return " | ".join([f"{k}: {v}" for k, v in _meta_pairs(f, lay["metadata"])] + [f.phrase])


def _order(items: tuple[Item, ...], lay: Layout, rng: random.Random) -> list[Item]:
    items = list(items)
    mode = lay["ordering"]
    if mode == "combined_early" and items and items[0].pillar in (1, 5):
        codes = ["1.a", "1.c&1.d", "1.b"] if items[0].pillar == 1 else ["5.a", "5.c", "5.b", "5.d"]
        rank = {c: k for k, c in enumerate(codes)}
        return sorted(items, key=lambda i: rank.get(i.code, 99))
    if mode == "swapped" and len(items) > 2 and rng.random() < 0.6:
        k = rng.randrange(len(items) - 1)
        items[k], items[k + 1] = items[k + 1], items[k]
    return items


def _prose_blocks(item: Item, lay: Layout) -> list[Block]:
    out: list[Block] = []
    for b in item.prose:
        out.append(Text("para", b.text) if b.kind == "p" else Bullets(b.items, lay["bullets"]))
    return out


def _indicator(item: Item, title: str, lay: Layout, section_no: str, rng_sep: str) -> list[Block]:
    head = w.heading_text(item, title, lay["heading"], lay["combined_code"], section_no)
    score = w.score_text(item.score, item.max_score, lay["score_wording"], lay["number_style"], lay["na_form"])
    place = lay["score_place"]
    prose = _prose_blocks(item, lay)
    if place == "below_heading":
        return [Text("ind", head), Text("score", score), *prose]
    if place == "heading_line":
        return [Text("ind", f"{head}{rng_sep}{score}"), *prose]
    if place == "boxed_right":
        return [Text("ind", head, box=score), *prose]
    if place == "section_end":
        return [Text("ind", head), *prose, Text("score", score), Break("rule")]
    return [Text("ind", head), *prose]


def _front(f: Facts, lay: Layout, report: Report, rng: random.Random) -> list[Block]:
    out: list[Block] = []
    if lay["front_matter"] in ("cover", "cover_toc"):
        out += [Text("cover_title", t.text, "center") for t in _title_lines(f, lay)]
        out.append(Text("cover_line", f.city.upper() if rng.random() < 0.3 else f.city, "center"))
        if lay["meta_place"] == "cover_page":
            out += [Text("cover_line", b.text, "center") if isinstance(b, Text) else b for b in _meta_blocks(f, lay, rng)]
        out += [Text("cover_line", "Smart Cities Mission", "center"),
                Text("cover_line", "Ministry of Housing and Urban Affairs, Government of India", "center")]
        if f.date:
            out.append(Text("cover_line", f.date, "center"))
        out.append(Break("page"))
    if lay["front_matter"] in ("toc", "cover_toc"):
        out.append(Text("h1", "Contents"))
        n = 1
        if lay["intro"] != "none":
            out.append(Text("toc", f"{n}. Introduction")); n += 1
        if lay["summary_table"] == "start":
            out.append(Text("toc", f"{n}. Scorecard")); n += 1
        out.append(Text("toc", f"{n}. City Recommendations"))
        for p in PILLARS:
            out.append(Text("toc", f"    {n}.{p} Pillar {p} – {PILLARS[p]}"))
        out.append(Break("page"))
    return out


def compose(report: Report, lay: Layout, rng: random.Random) -> tuple[Document, Facts]:
    f = _facts(report, lay, rng)
    titles = {i.code: w.display_title(i, lay["title_wording"], rng) for i in report.items}
    blocks: list[Block] = _front(f, lay, report, rng)
    has_cover = lay["front_matter"] in ("cover", "cover_toc")
    if not has_cover or rng.random() < 0.5 or lay["meta_place"] == "in_title":
        blocks += _title_lines(f, lay)
    if lay["meta_place"] == "title_block":
        blocks += _meta_blocks(f, lay, rng)
    blocks.append(Break("space"))
    chapter = 1
    if lay["intro"] != "none":
        chapter += 1
        if lay["intro"] == "letter":
            blocks += [Text("para", s) for s in LETTER]
        else:
            blocks.append(Text("h1", rng.choice(("Introduction", "About DMAF", "Background"))))
            blocks += [Text("para", " ".join(INTRO[:3])), Text("para", " ".join(INTRO[3:]))]
        if lay["meta_place"] == "after_intro":
            blocks += _meta_blocks(f, lay, rng)
    card = scorecard_table(report, lay, titles) if lay["summary_table"] != "none" else None
    if lay["summary_table"] == "start":
        chapter += 1
        blocks += [Text("h1", rng.choice(("Scorecard", "Summary of Scores", "City Score Card"))), card]
    if lay["columns"] == "two":
        blocks.append(Break("columns"))
    elif (lay["intro"] != "none" or lay["summary_table"] == "start") and rng.random() < 0.5:
        blocks.append(Break("page"))
    blocks.append(Text("h1", rng.choice(("City Recommendations", "Indicator-wise Recommendations", "Detailed Assessment"))))
    sep = rng.choice((" — ", " | ", "    "))
    total_variant = rng.randrange(3)
    page_per_pillar = rng.random() < 0.25
    for p in PILLARS:
        ph = w.pillar_heading(p, lay["pillar_heading"])
        if ph:
            blocks.append(Text("pillar", ph))
        ordered = _order(report.pillar_items(p), lay, rng)
        if lay["score_place"] == "indicator_table":
            blocks.append(indicator_table(ordered, lay, titles))
        else:
            for k, item in enumerate(ordered, 1):
                blocks += _indicator(item, titles[item.code], lay, f"{chapter}.{p}.{k}", sep)
        if lay["totals"] in ("pillar", "both"):
            blocks.append(Text("total", w.pillar_total_text(p, report.pillar_total(p), lay["number_style"], total_variant)))
        if p < 5:
            blocks.append(Break("page" if page_per_pillar else "space"))
    if lay["totals"] in ("overall", "both"):
        blocks.append(Text("total", w.overall_total_text(report.total, report.total_max, lay["number_style"], total_variant)))
    if lay["summary_table"] == "end":
        blocks += [Break("space"), Text("h1", rng.choice(("Summary of Scores", "Score Summary"))), card]
    if lay["closing"] == "note":
        blocks += [Break("space"), Text("note", " ".join(rng.sample(CLOSING, 2)))]
    header = {
        "none": None, "n/a": None, "metadata": _meta_line(f, lay),
        "report_name": f"DMAF {f.phrase} | City Performance & Recommendations" if not f.phrase.startswith("DMAF") else f"{f.phrase} | City Performance & Recommendations",
        "city_cycle": f"{f.city} | {f.phrase}",
        "mission": "Smart Cities Mission | Ministry of Housing and Urban Affairs",
    }[lay["header"]]
    footer = _meta_line(f, lay) if lay["meta_place"] == "running_footer" else None
    watermark = {"draft": "DRAFT", "official": "FOR OFFICIAL USE ONLY"}.get(lay["watermark"])
    color = rng.choice(((0, 0, 0), (0.05, 0.2, 0.45), (0.55, 0.1, 0.1), (0.1, 0.35, 0.2)))
    doc = Document(tuple(blocks), header, footer, lay["page_numbers"], watermark, lay["font"],
                   lay["heading_emphasis"], 2 if lay["columns"] == "two" else 1, color)
    return doc, f
