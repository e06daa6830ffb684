"""Self-check for blind set E: does each truth file match what its document prints?

    .venv/bin/python tests/blind/e/verify.py OUT_DIR
"""
import csv
import glob
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import load_catalog, load_cities, num_words, fnum  # noqa: E402

WORD_FAMS = {"txt_memo_words", "ledger_words", "docx_two_column_words"}
NA_PAT = re.compile(r"not assessed|N\.A\.|\bNA\b|n/a|N/A", re.I)


def text_of(path):
    if path.endswith(".pdf"):
        import pypdfium2 as pdfium
        doc = pdfium.PdfDocument(path)
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    if path.endswith(".docx"):
        import docx
        d = docx.Document(path)
        parts = []
        for s in d.sections:
            parts += [p.text for p in s.header.paragraphs] + [p.text for p in s.footer.paragraphs]
        body = d.element.body
        for el in body.iterchildren():
            tag = el.tag.split("}")[1]
            if tag == "p":
                parts.append("".join(t.text or "" for t in el.iter() if t.tag.endswith("}t")))
            elif tag == "tbl":
                from docx.table import Table
                t = Table(el, d)
                for row in t.rows:
                    seen = []
                    for c in row.cells:
                        if c._tc in seen:
                            continue
                        seen.append(c._tc)
                        parts.append(c.text)
        return "\n".join(parts)
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def find_title(tokens, title_toks, max_span, after=0):
    """In-order occurrence of the title tokens (contiguous if possible, else the tightest gapped one)."""
    n = len(title_toks)
    for i in range(after, len(tokens)):
        if tokens[i] == title_toks[0] and tokens[i:i + n] == title_toks:
            return i, i + n, True
    best = None
    for i in range(after, len(tokens)):
        if tokens[i] != title_toks[0]:
            continue
        j, k = i + 1, 1
        while k < n and j < len(tokens) and j - i <= max_span:
            if tokens[j] == title_toks[k]:
                k += 1
            j += 1
        if k == n and (best is None or j - i < best[1] - best[0]):
            best = (i, j, False)
    return best


def deinterleave_boxes(raw):
    """Side-by-side text boxes: read each box top to bottom, boxes left to right."""
    out, group = [], []

    def flush():
        if not group:
            return
        cols = {}
        for line in group:
            for k, seg in enumerate(re.findall(r"\|([^|]*)\|", line)):
                cols.setdefault(k, []).append(seg)
        for k in sorted(cols):
            out.extend(cols[k])
        group.clear()

    for line in raw.split("\n"):
        if line.startswith("|"):
            group.append(line)
        elif line.startswith("+"):
            continue
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


# where the score stands relative to its title, in reading order
DIRECTION = {"landscape_rubric": "after", "two_column_bulletin": "after", "score_tiles": "before",
             "ledger_words": "both", "docx_numbered_sections": "after", "docx_rubric_matrix": "after",
             "docx_landscape_upper": "before", "docx_two_column_words": "after", "txt_lineprinter": "before",
             "txt_memo_words": "both", "txt_side_by_side": "before", "txt_markdown_export": "before"}


def score_forms(fam, s):
    if s is None:
        return None
    forms = {fnum(s), fnum(s, "one")}
    if fam in WORD_FAMS:
        forms = {num_words(s, "and a half"), num_words(s, "point five")}
        if fam == "ledger_words":
            forms.add(fnum(s))
    return forms


def main(out_dir):
    cat = load_catalog()
    cities = set(load_cities())
    problems, n_docs, n_contig, n_inds = [], 0, 0, 0
    fam_count, fmt_count = {}, {}
    for tj in sorted(glob.glob(os.path.join(out_dir, "*.expected.json"))):
        truth = json.load(open(tj, encoding="utf-8"))
        n_docs += 1
        doc = os.path.join(out_dir, truth["source"])
        fam = truth["style"]
        fam_count[fam] = fam_count.get(fam, 0) + 1
        ext = doc.rsplit(".", 1)[1]
        fmt_count[ext] = fmt_count.get(ext, 0) + 1
        assert set(truth) == {"source", "city", "state", "cycle", "style", "seed", "indicators"}, tj
        assert (truth["city"], truth["state"]) in cities, tj
        assert os.path.basename(tj) == truth["source"].rsplit(".", 1)[0] + ".expected.json"
        codes = [d["code"] for d in cat[truth["cycle"]]]
        assert [i["code"] for i in truth["indicators"]] == codes, tj
        for i, d in zip(truth["indicators"], cat[truth["cycle"]]):
            assert set(i) == {"code", "title", "score", "max_score"}
            assert i["max_score"] == d["max"]
            if i["score"] is not None:
                assert 0 < i["score"] <= i["max_score"] and (i["score"] * 2).is_integer(), (tj, i)
        raw = text_of(doc)
        if fam == "txt_side_by_side":
            raw = deinterleave_boxes(raw)
        flat = re.sub(r"\s+", " ", raw)
        low = flat.lower()
        for what in (truth["city"], truth["state"]):
            if what.lower() not in low:
                problems.append((tj, "missing " + what))
        roman = {1: "i", 2: "ii", 3: "iii"}[truth["cycle"]]
        if not re.search(r"cycle[ -]?(%d\b|%s\b|%d\.0)" % (truth["cycle"], roman, truth["cycle"]), low):
            problems.append((tj, "cycle not printed"))
        flat = re.sub(r"\s+", " ", re.sub(r"[|“”]", " ", flat)).strip()  # borders / quotes never belong to a title
        tokens = flat.split(" ")
        offs, pos = [], 0
        for t in tokens:
            pos = flat.index(t, pos)
            offs.append(pos)
            pos += len(t)
        spans = {}
        for ind in truth["indicators"]:
            n_inds += 1
            tt = ind["title"].split(" ")
            hit = find_title(tokens, tt, max_span=len(tt) * 40)
            if not hit:
                problems.append((tj, "title not found: " + ind["title"]))
                continue
            n_contig += hit[2]
            spans[ind["code"]] = (offs[hit[0]], offs[hit[1] - 1] + len(tokens[hit[1] - 1]))
        order = sorted(spans.items(), key=lambda kv: kv[1][0])
        for idx, (code, (lo, hi)) in enumerate(order):
            prev_end = order[idx - 1][1][1] if idx else 0
            next_start = order[idx + 1][1][0] if idx + 1 < len(order) else len(flat)
            d = DIRECTION[fam]
            a = hi if d == "after" else prev_end
            b = lo if d == "before" else next_start
            if idx + 1 == len(order) and d != "before":
                b = min(b, hi + 2500)
            win = flat[a:b]
            ind = next(x for x in truth["indicators"] if x["code"] == code)
            forms = score_forms(fam, ind["score"])
            if forms is None:
                if not NA_PAT.search(win):
                    problems.append((tj, "NA marker not near " + code))
                continue
            def found(fs, w):
                return any(re.search(r"(?<![\w.])%s(?![\w]|\.\d)" % re.escape(f), w, re.I if fam in WORD_FAMS else 0)
                           for f in fs)
            if fam == "ledger_words":   # figure in the margin before the title, words after it
                s_ = ind["score"]
                ok = found({fnum(s_)}, flat[prev_end:lo]) and found(
                    {num_words(s_, "and a half"), num_words(s_, "point five")}, flat[hi:next_start if idx + 1 < len(order) else hi + 400])
            else:
                ok = found(forms, win)
            if not ok:
                problems.append((tj, "score %s not near %s" % (ind["score"], code)))
    print("docs", n_docs, "indicators", n_inds, "titles contiguous", n_contig)
    print("families", fam_count)
    print("formats", fmt_count)
    for p in problems:
        print("PROBLEM", *p)
    print("problems:", len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
