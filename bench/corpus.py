"""A benchmark corpus of N reports: the test corpus's renderers cycled over cities, cycles, formats and layouts.

Document ``i`` is city ``i % 100`` (the reference list) in cycle ``1 + (i // 100) % 3``, format
``i % 3`` and layout ``(i // 3) % 6``, with scores drawn from seed ``i``: the first 300 are 300
distinct (city, cycle) reports; beyond that a (city, cycle) comes back with other scores (a new
version in the warehouse). A manifest (``manifest.json``: path, format, pages) is written last,
so a folder with one is complete and is reused as it is.
"""

from __future__ import annotations

import csv
import json
import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

MANIFEST = "manifest.json"
FORMATS = ("txt", "docx", "pdf")


def cities() -> list[tuple[str, str]]:
    """Return (city, state) of the reference Smart Cities, in file order."""
    from reference import __file__ as ref

    with open(Path(ref).with_name("cities.csv"), encoding="utf-8", newline="") as fh:
        return [(row["city"], row["state"]) for row in csv.DictReader(fh)]


def doc_plan(i: int, places: list[tuple[str, str]]) -> tuple[str, str, int, str, str]:
    """Return (city, state, cycle, format, layout) of document number ``i``."""
    from tests.corpus.elements import LAYOUTS

    city, state = places[i % len(places)]
    return city, state, 1 + (i // len(places)) % 3, FORMATS[i % 3], LAYOUTS[(i // 3) % len(LAYOUTS)]


def render_one(i: int, out_dir: str) -> dict:
    """Render document ``i`` into ``out_dir``; return its manifest entry."""
    from tests.corpus.build import RENDERERS
    from tests.corpus.spec import CYCLE_LABELS, _random_spec

    city, state, cycle, fmt, layout = doc_plan(i, cities())
    spec = _random_spec(random.Random(i), city, state, cycle)
    slug = "".join(c if c.isalnum() else "_" for c in city.lower())
    path = Path(out_dir) / f"{i:05d}_{slug}_cycle{cycle}_{layout}.{fmt}"
    RENDERERS[fmt](spec, layout, path, variant=i // 18)
    assert spec.cycle_label == CYCLE_LABELS[cycle]
    return {"path": str(path), "format": fmt, "layout": layout, "pages": _pages(path) if fmt == "pdf" else None}


def _pages(path: Path) -> int:
    """Return the page count of a PDF."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def build(out_dir: Path, n: int, *, workers: int = 2) -> list[dict]:
    """Render ``n`` documents into ``out_dir`` (reusing a complete earlier build); return the manifest."""
    out_dir = Path(out_dir)
    manifest = out_dir / MANIFEST
    if manifest.exists():
        entries = json.loads(manifest.read_text(encoding="utf-8"))
        if len(entries) == n:
            return entries
    out_dir.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(max(1, workers)) as pool:
        entries = list(pool.map(render_one, range(n), [str(out_dir)] * n, chunksize=8))
    manifest.write_text(json.dumps(entries, indent=0), encoding="utf-8")
    return entries
