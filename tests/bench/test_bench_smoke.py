"""The benchmark script runs end to end on a tiny corpus and reports every ratio it promises."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO


def test_bench_run_on_six_reports_writes_results_and_a_summary(tmp_path):
    done = subprocess.run([sys.executable, "bench/run.py", "--n", "6", "--out", str(tmp_path)], cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads((tmp_path / "results-6.json").read_text(encoding="utf-8"))
    main = result["main"]
    assert main["ingest"]["full"]["counts"] == {"loaded": 6}
    assert main["serial"]["all"]["failed"] == 0 and main["pool_all"]["all"]["failed"] == 0
    assert {fmt for fmt in ("txt", "docx", "pdf") if main["serial"][fmt]["docs"] == 2} == {"txt", "docx", "pdf"}
    assert main["ingest"]["refresh"]["counts"] and main["ingest"]["refresh"]["wall_s"] > 0
    assert set(result["ratios"]) >= {"ingest_over_parse_only", "refresh_over_ingest", "extract_pdf_over_pdfplumber_words",
                                     "ocr_scan_over_text_layer", "ocr_share_of_parse_time"}
    assert main["ocr"]["docs"] == 2 and main["ocr"]["scanned"]["failed"] == 0 and main["ocr"]["ocr_s_per_page"] > 0
    assert all(value > 0 for value in result["ratios"].values())
    assert "# dmaf benchmark, N = 6" in (tmp_path / "summary-6.md").read_text(encoding="utf-8")
