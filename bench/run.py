"""Benchmark dmaf on a generated corpus: parse-only vs full ingest, 1 vs all cores, refresh, memory, PDF path.

Usage (from the repository root)::

    .venv/bin/python bench/run.py [--n 300] [--out bench/out] [--growth-n 3000]

Each measurement runs in its own process (``bench.phases``); results go to
``OUT/results-N.json`` and a Markdown summary to ``OUT/summary-N.md`` (also printed).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script: make the project importable
    sys.path.insert(0, str(REPO))

from core.defaults import BATCH_SIZE, PARALLEL_BATCHES  # noqa: E402


def cores() -> int:
    """Return the number of cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_phase(name: str, corpus: Path, out: Path, *extra: str) -> dict:
    """Run one phase in a fresh Python process and return its JSON result."""
    target = out / f"{name}-{corpus.name}-{'-'.join(extra) or 'default'}.json".replace("--", "")
    command = [sys.executable, "-m", "bench.phases", name, "--corpus", str(corpus), "--json", str(target), *extra]
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    started = time.perf_counter()
    subprocess.run(command, cwd=REPO, env=env, check=True)
    print(f"  {name} {' '.join(extra)}: {time.perf_counter() - started:.1f}s", file=sys.stderr)
    return json.loads(target.read_text(encoding="utf-8"))


def machine() -> dict:
    """Describe the machine and the library versions the numbers were measured with."""
    from importlib.metadata import version

    import psutil

    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    return {"nproc": cores(), "cpu": model, "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "load_avg_at_start": [round(x, 2) for x in os.getloadavg()], "python": platform.python_version(),
            **{pkg: version(pkg) for pkg in ("pdfplumber", "pypdfium2", "prefect", "python-docx", "sqlalchemy")}}


def measure(n: int, out: Path, workers: int, batch_size: int, parallel_batches: int, *, full: bool) -> dict:
    """Build a corpus of ``n`` reports and run the phases on it (all of them when ``full``)."""
    from bench.corpus import build

    corpus = (out / f"corpus-{n}").resolve()  # absolute: the warehouse keys files by the path given
    started = time.perf_counter()
    entries = build(corpus, n, workers=workers)
    print(f"corpus of {len(entries)} documents ready in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    ingest_args = ("--workers", str(workers), "--batch-size", str(batch_size), "--parallel-batches",
                   str(parallel_batches))
    mixed_only = () if full else ("--mixed-only",)  # at 10·N the per-format split adds nothing but time
    result = {"n": n, "pdf_pages": sum(e["pages"] or 0 for e in entries),
              "pool_all": run_phase("pool", corpus, out, "--workers", str(workers), *mixed_only),
              "ingest": run_phase("ingest", corpus, out, *ingest_args)}
    if full:
        result["serial"] = run_phase("serial", corpus, out)
        result["pool_1"] = run_phase("pool", corpus, out, "--workers", "1")
        result["pdfpath"] = run_phase("pdfpath", corpus, out, "--per-producer", str(min(12, max(2, n // 25))))
        result["ocr"] = run_phase("ocr", corpus, out, "--workers", str(workers))
    return result


def ratios(main: dict, growth: dict | None, workers: int) -> dict:
    """Return the headline ratios, each against a baseline measured in the same run."""
    ingest, pool = main["ingest"], main["pool_all"]
    out = {
        "ingest_over_parse_only": main["ingest"]["full"]["wall_s"] / pool["all"]["wall_s"],
        "refresh_over_ingest": ingest["refresh"]["wall_s"] / ingest["full"]["wall_s"],
        f"speedup_1_to_{workers}_cores_pdf": main["pool_1"]["pdf"]["wall_s"] / pool["pdf"]["wall_s"],
        f"speedup_1_to_{workers}_cores_all": main["pool_1"]["all"]["wall_s"] / pool["all"]["wall_s"],
        "pool_1_over_in_process": main["pool_1"]["all"]["wall_s"] / main["serial"]["all"]["wall_s"],
        "extract_pdf_over_pdfplumber_words": main["pdfpath"]["cpu_ms_per_page"]["extract_pdf"]
        / main["pdfpath"]["cpu_ms_per_page"]["pdfplumber_extract_words"],
    }
    for producer, costs in main["pdfpath"]["producers"].items():
        out[f"extract_pdf_over_pdfplumber_words_{producer}"] = costs["extract_pdf_over_pdfplumber_words"]
    if "ocr" in main:
        ocr = main["ocr"]
        out["ocr_scan_over_text_layer"] = ocr["scanned"]["wall_s"] / ocr["text_layer"]["wall_s"]
        # if these scans joined the corpus: their share of its parse time
        out["ocr_share_of_parse_time"] = ocr["scanned"]["wall_s"] / (ocr["scanned"]["wall_s"] + pool["all"]["wall_s"])
    if growth:
        out["growth_ingest_over_parse_only"] = growth["ingest"]["full"]["wall_s"] / growth["pool_all"]["all"]["wall_s"]
        out["growth_peak_memory_ratio_ingest"] = (growth["ingest"]["full"]["peak_tree_mb"]
                                                  / ingest["full"]["peak_tree_mb"])
        out["growth_peak_memory_ratio_parse"] = growth["pool_all"]["all"]["peak_tree_mb"] / pool["all"]["peak_tree_mb"]
    return {k: round(v, 3) for k, v in out.items()}


def summary(result: dict) -> str:
    """Return the results as a Markdown summary."""
    m, r, main = result["machine"], result["ratios"], result["main"]
    lines = [f"# dmaf benchmark, N = {main['n']} ({main['pdf_pages']} PDF pages)", "",
             f"Machine: {m['nproc']} cores ({m['cpu']}), {m['memory_gb']} GB, load average at start "
             f"{m['load_avg_at_start']}; Python {m['python']}, pdfplumber {m['pdfplumber']}, pypdfium2 "
             f"{m['pypdfium2']}, prefect {m['prefect']}.", "", "## Ratios (same run)", "",
             "| ratio | value |", "| --- | --- |", *(f"| {k} | {v} |" for k, v in r.items()), "",
             "## Parse throughput (wall clock)", "", "| path | format | docs/s | PDF pages/s | wall s | peak tree MB |",
             "| --- | --- | --- | --- | --- | --- |"]
    for label, key in (("parse_path, in process", "serial"), ("parse_files, 1 worker", "pool_1"),
                       (f"parse_files, {m['nproc']} workers", "pool_all")):
        for fmt in ("txt", "docx", "pdf", "all"):
            row = main[key][fmt]
            lines.append(f"| {label} | {fmt} | {row['docs_per_s']} | {row.get('pdf_pages_per_s', '')} | "
                         f"{row['wall_s']} | {row['peak_tree_mb']} |")
    for label, run in (("main", main), ("growth", result.get("growth"))):
        if not run:
            continue
        ing = run["ingest"]
        lines += ["", f"## Ingest, N = {run['n']} ({ing['runner']}; startup {ing['harness_startup_s']} s not counted)",
                  "", f"- full ingest: {ing['full']['wall_s']} s wall, {ing['full']['docs_per_s']} docs/s, peak tree "
                      f"{ing['full']['peak_tree_mb']} MB, counts {ing['full']['counts']}",
                  f"- parse-only ({m['nproc']} workers, all files): {run['pool_all']['all']['wall_s']} s wall, peak "
                  f"tree {run['pool_all']['all']['peak_tree_mb']} MB",
                  f"- no-op refresh ({ing['refresh']['how']}): {ing['refresh']['wall_s']} s, counts "
                  f"{ing['refresh']['counts']}"]
    pdf = main["pdfpath"]
    ways = list(pdf["cpu_ms_per_page"])
    lines += ["", f"## PDF path, CPU ms per page ({pdf['files']} PDFs, {pdf['pages']} pages)", "",
              "| producer | files | pages | " + " | ".join(ways) + " | ours ÷ extract_words | pages with rules |",
              "| --- | --- | --- | " + " | ".join("---" for _ in ways) + " | --- | --- |"]
    for producer, costs in pdf["producers"].items():
        lines.append(f"| {producer} | {costs['files']} | {costs['pages']} | "
                     + " | ".join(str(costs["cpu_ms_per_page"].get(w, "")) for w in ways)
                     + f" | {costs['extract_pdf_over_pdfplumber_words']} | {costs['table_finder_page_share']} |")
    if "ocr" in main:
        ocr = main["ocr"]
        lines += ["", f"## OCR ({ocr['docs']} PDFs, {ocr['pages']} pages, scanned at 200 dpi; {ocr['workers']} "
                      "workers)", "",
                  f"- with their text layer: {ocr['text_layer']['wall_s']} s wall",
                  f"- scanned, read by OCR: {ocr['scanned']['wall_s']} s wall, {ocr['ocr_s_per_page']} s per page "
                  f"per worker, failed {ocr['scanned']['failed']}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and write its results."""
    parser = argparse.ArgumentParser(prog="bench/run.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=300, help="reports in the corpus (default 300)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out", help="where corpora and results go")
    parser.add_argument("--growth-n", type=int, default=None, help="also ingest this many reports (e.g. 10·N) "
                                                                   "to see how time and memory grow")
    parser.add_argument("--workers", type=int, default=cores(), help="parse processes for 'all cores'")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE,
                        help="files per parse task in the ingest flow (default: the flow's)")
    parser.add_argument("--parallel-batches", type=int, default=PARALLEL_BATCHES,
                        help="parse tasks in flight in the ingest flow (default: the flow's)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    args.out.mkdir(parents=True, exist_ok=True)
    result = {"machine": machine(), "command": " ".join([Path(sys.executable).name, *sys.argv])}
    result["main"] = measure(args.n, args.out, args.workers, args.batch_size, args.parallel_batches, full=True)
    if args.growth_n:
        result["growth"] = measure(args.growth_n, args.out, args.workers, args.batch_size, args.parallel_batches,
                                   full=False)
    result["ratios"] = ratios(result["main"], result.get("growth"), args.workers)
    (args.out / f"results-{args.n}.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    text = summary(result)
    (args.out / f"summary-{args.n}.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
