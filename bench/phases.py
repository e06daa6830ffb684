"""The benchmark's measurements, each run in a fresh process so its memory peak is its own.

``python -m bench.phases PHASE --corpus DIR --json OUT [--workers K]`` writes one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import defaultdict
from pathlib import Path

from bench.corpus import FORMATS, MANIFEST
from bench.measure import Stopwatch, max_rss_mb
from core.defaults import BATCH_SIZE, PARALLEL_BATCHES


def _manifest(corpus: Path) -> list[dict]:
    """Return the corpus manifest entries in the order ``dmaf`` discovers the files."""
    entries = json.loads((corpus / MANIFEST).read_text(encoding="utf-8"))
    return sorted(entries, key=lambda e: e["path"])


def _rates(entries: list[dict], wall_s: float) -> dict:
    """Return documents/s and PDF pages/s for a set of documents parsed in ``wall_s``."""
    pages = sum(e["pages"] or 0 for e in entries)
    out = {"docs": len(entries), "docs_per_s": round(len(entries) / wall_s, 2) if wall_s else None}
    if pages:
        out |= {"pdf_pages": pages, "pdf_pages_per_s": round(pages / wall_s, 2) if wall_s else None}
    return out


def phase_serial(corpus: Path, workers: int) -> dict:
    """The ``dmaf parse`` path: ``parse_path`` on each file in this process, per format."""
    from pipeline.document import ParseOptions, parse_path

    options, out, failed = ParseOptions(settle_s=0), {}, 0  # settle 0: the corpus is complete
    by_format = defaultdict(list)
    for e in _manifest(corpus):
        by_format[e["format"]].append(e)
    with Stopwatch() as total:
        for fmt in FORMATS:
            with Stopwatch() as sw:
                for e in by_format[fmt]:
                    failed += parse_path(e["path"], options).failure is not None
            out[fmt] = sw.result.to_dict() | _rates(by_format[fmt], sw.result.wall_s)
    out["all"] = total.result.to_dict() | _rates(_manifest(corpus), total.result.wall_s) | {"failed": failed}
    return out


def phase_pool(corpus: Path, workers: int, formats: tuple[str, ...] = (*FORMATS, "all")) -> dict:
    """``pipeline.pool.parse_files`` with ``workers`` processes: each format alone, then all files mixed."""
    from pipeline.document import ParseOptions
    from pipeline.pool import parse_files

    options, out = ParseOptions(settle_s=0), {}
    entries = _manifest(corpus)
    for fmt in formats:
        chosen = [e for e in entries if fmt == "all" or e["format"] == fmt]
        with Stopwatch() as sw:
            failed = sum(o.failure is not None for o in parse_files([e["path"] for e in chosen], options,
                                                                     workers=workers))
        out[fmt] = sw.result.to_dict() | _rates(chosen, sw.result.wall_s) | {"failed": failed}
    return out


def phase_ingest(corpus: Path, workers: int, batch_size: int, parallel_batches: int) -> dict:
    """The ingest flow into a fresh SQLite warehouse under Prefect's test harness, then a no-op refresh."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "600")
    from prefect.testing.utilities import prefect_test_harness
    from pydantic import SecretStr

    from flows.ingest import ingest_reports

    db = corpus.parent / f"warehouse-{corpus.name}.db"
    db.unlink(missing_ok=True)
    url = SecretStr(f"sqlite:///{db}")
    started = time.perf_counter()
    with prefect_test_harness(server_startup_timeout=600):
        startup_s = time.perf_counter() - started
        with Stopwatch() as full:
            summary = ingest_reports([str(corpus)], db_url=url, workers=workers, batch_size=batch_size,
                                     parallel_batches=parallel_batches, settle_s=0)  # the corpus is complete
        how, refresh = _refresh(corpus, url, workers, batch_size, parallel_batches)
    return {
        "runner": "prefect_test_harness (temporary API server, started before timing)",
        "harness_startup_s": round(startup_s, 2), "workers": workers, "batch_size": batch_size,
        "parallel_batches": parallel_batches,
        "full": full.result.to_dict() | {"counts": summary.counts()} | _rates(_manifest(corpus), full.result.wall_s),
        "refresh": refresh | {"how": how},
    }


def _refresh(corpus: Path, url, workers: int, batch_size: int, parallel_batches: int) -> tuple[str, dict]:
    """Run a no-op refresh over the unchanged corpus: ``refresh_reports`` if it exists, else ingest again."""
    import inspect

    try:
        from flows.refresh import refresh_reports
    except ImportError:
        refresh_reports = None
    if refresh_reports is not None:
        known = {"folder": str(corpus), "paths": [str(corpus)], "db_url": url, "workers": workers,
                 "batch_size": batch_size, "parallel_batches": parallel_batches, "settle_s": 0}
        accepted = inspect.signature(refresh_reports.fn).parameters
        kwargs = {k: v for k, v in known.items() if k in accepted}
        with Stopwatch() as sw:
            result = refresh_reports(**kwargs)
        counts = result.counts() if hasattr(result, "counts") else str(result)[:300]
        return "flows.refresh.refresh_reports", sw.result.to_dict() | {"counts": counts}
    from flows.ingest import ingest_reports

    with Stopwatch() as sw:
        summary = ingest_reports([str(corpus)], db_url=url, workers=workers, batch_size=batch_size,
                                 parallel_batches=parallel_batches, settle_s=0)
    return "second ingest_reports run (its skip path)", sw.result.to_dict() | {"counts": summary.counts()}


def phase_pdfpath(corpus: Path, workers: int, per_producer: int = 12) -> dict:
    """CPU ms per PDF page, per PDF producer: our ``extract_pdf`` against the anchors on the same pages
    (pdfplumber's ``extract_words``, pypdfium2's plain ``get_text_range``, poppler's ``pdftotext -layout``).

    The pages are the corpus's PDFs and those of the held-out set (fpdf2, reportlab, LibreOffice exports) and of
    the layout fuzzer, built beside the corpus; up to ``per_producer`` files of each producer."""
    from tests.fuzz.build import build_fuzz
    from tests.heldout.build import build_heldout

    extra = corpus.parent / f"producers-{corpus.name}"
    if not extra.exists():
        build_heldout(extra / "heldout")
        build_fuzz(extra / "fuzz", range(1, 31))
    paths = [Path(e["path"]) for e in _manifest(corpus) if e["format"] == "pdf"] + sorted(extra.rglob("*.pdf"))
    groups: dict[str, list[Path]] = defaultdict(list)
    for path in paths:
        family = _producer(path)
        if len(groups[family]) < per_producer:
            groups[family].append(path)
    out = {name: _pdf_costs(files) for name, files in sorted(groups.items())}
    every = [path for files in groups.values() for path in files]
    out["all"] = _pdf_costs(every)
    return {"files": len(every), "pages": out["all"]["pages"], "cpu_ms_per_page": out["all"]["cpu_ms_per_page"],
            "producers": out}


def _producer(path: Path) -> str:
    """Return the family of the program that wrote a PDF, from its Producer (or Creator) entry."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    try:
        meta = doc.get_metadata_dict()
    finally:
        doc.close()
    name = (meta.get("Producer") or meta.get("Creator") or "").lower()
    for family in ("reportlab", "libreoffice", "fpdf", "skia", "chrom", "word", "ghostscript"):
        if family in name:
            return {"skia": "browser", "chrom": "browser"}.get(family, family)
    return name.split()[0] if name.split() else "unnamed"


def _pdf_costs(paths: list[Path]) -> dict:
    """Return the pages of some PDFs and the CPU ms per page of each way of reading them."""
    import resource
    import shutil
    import subprocess

    import pdfplumber
    import pypdfium2

    from extractors.pdf import extract_pdf
    from extractors.pdf_page import read_page

    pages, cpu = 0, {}
    start = time.process_time()
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_words()
                page.close()
                pages += 1
    cpu["pdfplumber_extract_words"] = time.process_time() - start
    start = time.process_time()
    for path in paths:
        doc = pypdfium2.PdfDocument(path)
        for page in doc:
            page.get_textpage().get_text_range()
        doc.close()
    cpu["pypdfium2_text"] = time.process_time() - start
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        for path in paths:
            subprocess.run([pdftotext, "-layout", str(path), os.devnull], check=False, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu["poppler_pdftotext"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    start = time.process_time()
    for path in paths:
        extract_pdf(path)
    cpu["extract_pdf"] = time.process_time() - start
    ruled = 0  # pages with ruling edges: where pdfplumber's table finder runs (over pdfium's edges)
    for path in paths:
        doc = pypdfium2.PdfDocument(path)
        ruled += sum(bool(read_page(doc, index).edges) for index in range(len(doc)))
        doc.close()
    per_page = {k: round(1000 * v / max(pages, 1), 2) for k, v in cpu.items()}
    return {"files": len(paths), "pages": pages, "cpu_ms_per_page": per_page,
            "table_finder_page_share": round(ruled / pages, 3) if pages else None,
            "extract_pdf_over_pdfplumber_words": round(cpu["extract_pdf"] / cpu["pdfplumber_extract_words"], 3)
            if cpu["pdfplumber_extract_words"] else None}


def phase_ocr(corpus: Path, workers: int, limit: int = 12) -> dict:
    """OCR cost: the corpus's first ``limit`` PDFs scanned (200 dpi, skew, noise) and parsed with ``workers``
    processes, against the same PDFs with their text layer, in the same run."""
    from pipeline.document import ParseOptions
    from pipeline.pool import parse_files
    from tests.scans.make import ScanStyle, scan_pdf

    chosen = [e for e in _manifest(corpus) if e["format"] == "pdf"][:limit]
    folder = corpus.parent / f"scans-{corpus.name}"
    folder.mkdir(exist_ok=True)
    scans = []
    for k, entry in enumerate(chosen):
        target = folder / (Path(entry["path"]).stem + "_scan.pdf")
        if not target.exists():
            target.write_bytes(scan_pdf(Path(entry["path"]).read_bytes(), ScanStyle(), k))
        scans.append(str(target))
    pages = sum(e["pages"] or 0 for e in chosen)
    out = {"docs": len(chosen), "pages": pages, "workers": workers}
    for label, paths in (("text_layer", [e["path"] for e in chosen]), ("scanned", scans)):
        with Stopwatch() as sw:
            failed = sum(o.failure is not None for o in parse_files(paths, ParseOptions(settle_s=0), workers=workers))
        out[label] = sw.result.to_dict() | {"failed": failed}
    out["ocr_s_per_page"] = round(out["scanned"]["wall_s"] * max(workers, 1) / max(pages, 1), 2)
    return out


PHASES = {"serial": phase_serial, "pool": phase_pool, "ingest": phase_ingest, "pdfpath": phase_pdfpath,
          "ocr": phase_ocr}


def main(argv: list[str] | None = None) -> None:
    """Run one phase and write its JSON result."""
    parser = argparse.ArgumentParser(prog="python -m bench.phases")
    parser.add_argument("phase", choices=sorted(PHASES))
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--json", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--parallel-batches", type=int, default=PARALLEL_BATCHES)
    parser.add_argument("--mixed-only", action="store_true", help="pool: time all files mixed, not each format")
    parser.add_argument("--per-producer", type=int, default=12, help="pdfpath: PDFs of each producer measured")
    args = parser.parse_args(argv)
    if args.phase == "ingest":
        result = phase_ingest(args.corpus, args.workers, args.batch_size, args.parallel_batches)
    elif args.phase == "pdfpath":
        result = phase_pdfpath(args.corpus, args.workers, per_producer=args.per_producer)
    elif args.phase == "pool" and args.mixed_only:
        result = phase_pool(args.corpus, args.workers, formats=("all",))
    else:
        result = PHASES[args.phase](args.corpus, args.workers)
    result["rusage"] = max_rss_mb()
    args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
