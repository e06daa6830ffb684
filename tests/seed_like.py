"""The real report's layout with scores that show a mistake: Imphal's text, line for line, with every indicator
given a distinct, non-zero score.

The real report is a weak oracle for scores: 20 of its 21 are 0, so a score put on the wrong indicator reads the
same. This keeps everything else of it (the headings out of order, 1.c&1.d's score printed after 1.b's, 4.c's
before its own heading, the bold ``**0/40**``) and changes only the numbers, with the truth to match::

    text, truth = seed_like()          # SEED_LIKE_SCORES
    text, truth = seed_like({"2.a": 12.5})
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

from tests.conftest import SEED_TRUTH, SEED_TXT

_SCORE_LINE = re.compile(r"^(?P<lead>Score:\s*\**)(?P<score>\d+(?:\.\d+)?)(?P<sep>/)(?P<max>\d+)(?P<tail>\**)\s*$")
_HEADING = re.compile(r"^Indicator (?P<code>\d\.[a-z](?: & \d\.[a-z])?):")


def _distinct_scores(truth: dict) -> dict[str, float]:
    """Return a distinct, non-zero score per indicator: sorted by maximum, each half a mark further below its own
    maximum than the one before (9.5 and 9 out of 10, 13.5 and 13 out of 15, …, 29.5 out of 40)."""
    rows = sorted(truth["indicators"], key=lambda i: (i["max_score"], i["code"]))
    return {row["code"]: row["max_score"] - 0.5 * (k + 1) for k, row in enumerate(rows)}


_TRUTH = json.loads(SEED_TRUTH.read_text(encoding="utf-8"))
SEED_LIKE_SCORES: dict[str, float] = _distinct_scores(_TRUTH)


def score_lines(lines: list[str], truth: dict) -> dict[int, str]:
    """Return {line index: indicator code} for every score line of the real report: a score printed under a
    heading that has none yet, out of that indicator's maximum, is its own; any other is the score of the one
    indicator with that maximum whose heading has none (1.c&1.d after 1.b, 4.c before its heading)."""
    maxima = {i["code"]: i["max_score"] for i in truth["indicators"]}
    owned: dict[int, str] = {}
    strays: list[int] = []
    current = None
    for k, line in enumerate(lines):
        heading = _HEADING.match(line)
        if heading:
            current = heading["code"].replace(" & ", "&")
            continue
        score = _SCORE_LINE.match(line)
        if score is None:
            continue
        if current is not None and current not in owned.values() and maxima[current] == float(score["max"]):
            owned[k] = current
        else:
            strays.append(k)
    for k in strays:
        top = float(_SCORE_LINE.match(lines[k])["max"])
        unowned = [code for code, mx in maxima.items() if mx == top and code not in owned.values()]
        if len(unowned) != 1:
            raise ValueError(f"score line {k + 1} ({lines[k]!r}) fits {unowned}")
        owned[k] = unowned[0]
    if sorted(owned.values()) != sorted(maxima):
        raise ValueError(f"not one score line per indicator: {sorted(owned.values())}")
    return owned


def seed_like(scores: dict[str, float] | None = None) -> tuple[str, dict]:
    """Return (text, truth): the real report with ``scores`` (default ``SEED_LIKE_SCORES``) printed instead."""
    scores = {**SEED_LIKE_SCORES, **(scores or {})}
    lines = SEED_TXT.read_text(encoding="utf-8").split("\n")
    for k, code in score_lines(lines, _TRUTH).items():
        m = _SCORE_LINE.match(lines[k])
        lines[k] = f"{m['lead']}{scores[code]:g}{m['sep']}{m['max']}{m['tail']}"
    truth = copy.deepcopy(_TRUTH)
    for ind in truth["indicators"]:
        ind["score"] = scores[ind["code"]]
    pillars: dict[str, float] = {}
    for ind in truth["indicators"]:
        pillars[ind["code"][0]] = pillars.get(ind["code"][0], 0.0) + ind["score"]
    for pillar, total in pillars.items():
        truth["pillar_totals"][pillar]["score"] = total
    truth["total"]["score"] = sum(pillars.values())
    return "\n".join(lines), truth


def write_seed_like(folder: Path, scores: dict[str, float] | None = None,
                    formats: tuple[str, ...] = ("txt", "docx", "pdf")) -> list[tuple[Path, dict]]:
    """Write the seed-like report in each format (the TXT as the text, the DOCX and PDF drawn as raw_reports/'s
    renderings are) with ``X.expected.json`` beside each; return (path, truth) pairs."""
    from tests.corpus.render_docx import write_docx
    from tests.corpus.render_pdf import write_pdf
    from tests.corpus.seed_layout import seed_document

    text, truth = seed_like(scores)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = folder / f"imphal_manipur_cycle2_seed_like.{fmt}"
        if fmt == "txt":
            path.write_text(text, encoding="utf-8")
        else:
            (write_docx if fmt == "docx" else write_pdf)(seed_document(text), path)
        own = {**truth, "source": path.name}
        path.with_name(path.name + ".expected.json").write_text(json.dumps(own, indent=1) + "\n", encoding="utf-8")
        written.append((path, own))
    return written
