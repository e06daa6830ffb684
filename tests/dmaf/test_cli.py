"""The dmaf command line contract: parse, ingest, sql (exit codes, outputs, read-only)."""

from __future__ import annotations

import json
import shutil

from typer.testing import CliRunner

from dmaf.cli import app
from tests.conftest import RAW_REPORTS, SEED_TXT

runner = CliRunner()


def test_parse_prints_one_json_object_per_rendering_matching_the_truth(truth):
    result = runner.invoke(app, ["parse", str(RAW_REPORTS)])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == 3
    expected = [(i["code"], i["score"], i["max_score"]) for i in truth["indicators"]]
    for doc in docs:
        assert (doc["city"], doc["state"], doc["cycle"], doc["cycle_label"]) == ("Imphal", "Manipur", 2, "Cycle 2.0")
        assert [(i["code"], i["score"], i["max_score"]) for i in doc["indicators"]] == expected
        assert all("recommendation" in i and "title" in i for i in doc["indicators"])
        assert {w["code"] for w in doc["warnings"]} == {"score_placed_by_max_match"}


def test_parse_reports_a_bad_file_on_stderr_prints_the_others_and_exits_non_zero(tmp_path):
    shutil.copy(SEED_TXT, tmp_path / "good.txt")
    (tmp_path / "empty.pdf").write_bytes(b"")
    result = runner.invoke(app, ["parse", str(tmp_path)])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert "empty.pdf" in result.stderr and "empty" in result.stderr


def test_parse_reads_a_scan_by_ocr_refuses_it_with_ocr_off_and_names_the_choices_of_a_bad_engine(tmp_path):
    from tests.hostile.files import _report_pdf, _scanned

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_scanned(_report_pdf("Kochi", "Kerala"))())

    read = runner.invoke(app, ["parse", str(scan)])
    off = runner.invoke(app, ["parse", str(scan), "--ocr", "off"])
    bad = runner.invoke(app, ["parse", str(scan), "--ocr", "easyocr"])

    assert read.exit_code == 0, read.output
    doc = json.loads(read.stdout)
    assert doc["city"] == "Kochi" and doc["ocr"]["engine"] == "tesseract" and len(doc["indicators"]) == 21
    assert off.exit_code == 1 and "it looks scanned (OCR is off" in off.stderr
    assert bad.exit_code == 2 and "'easyocr' is not an OCR engine; choose tesseract, rapidocr or off" in bad.stderr


def test_ingest_then_sql_shows_the_21_truth_indicators_and_10_of_500(prefect_harness, db_url, tmp_path, truth):
    result = runner.invoke(app, ["ingest", str(RAW_REPORTS), "--db", db_url, "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "loaded" in result.stdout
    rows = runner.invoke(app, ["sql", "select indicator_code, score, max_score from indicator_scores", "--db", db_url,
                               "--format", "json"])
    got = sorted((r["indicator_code"], r["score"], r["max_score"]) for r in map(json.loads, rows.stdout.splitlines()))
    assert got == sorted((i["code"], i["score"], i["max_score"]) for i in truth["indicators"])
    city = runner.invoke(app, ["sql", "select city, score, max_score from city_scores", "--db", db_url, "--format", "csv"])
    assert city.stdout.splitlines() == ["city,score,max_score", "Imphal,10.0,500.0"]


def test_ingest_exits_non_zero_when_a_file_fails_but_loads_the_rest(prefect_harness, db_url, tmp_path):
    shutil.copy(SEED_TXT, tmp_path / "good.txt")
    (tmp_path / "bad.docx").write_text("just text", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", db_url, "--workers", "0"])
    assert result.exit_code == 1
    assert "bad.docx" in result.stdout and "plain text" in result.stdout
    rows = runner.invoke(app, ["sql", "select status from source_documents order by path", "--db", db_url, "--format", "csv"])
    assert rows.stdout.splitlines()[1:] == ["failed", "loaded"]


def test_sql_refuses_writes_with_a_clear_message_and_keeps_the_data(prefect_harness, db_url):
    assert runner.invoke(app, ["ingest", str(SEED_TXT), "--db", db_url, "--workers", "0"]).exit_code == 0
    for statement in ("drop table indicator_score", "delete from indicator_score"):
        result = runner.invoke(app, ["sql", statement, "--db", db_url])
        assert result.exit_code == 2
        assert "read-only" in result.stderr
    count = runner.invoke(app, ["sql", "select count(*) as n from indicator_scores", "--db", db_url, "--format", "csv"])
    assert count.stdout.splitlines() == ["n", "21"]
