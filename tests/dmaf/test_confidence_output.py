"""What `dmaf ingest` and `dmaf refresh` show of each loaded document's confidence: the per-file progress lines,
and after the counts the documents below 0.8, lowest first, with their first two reasons (at most 20 lines).

The reports are built by hand (``dataclasses.replace`` on the Imphal report): nothing here depends on the
parser computing a confidence."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from core.records import LoadResult, ParseOutcome
from dmaf.cli import app
from dmaf.console import print_summary, run_with_progress
from flows import progress
from flows.summary import IngestSummary, summary_markdown
from pipeline.identity import source_of
from tests.loaders.support import imphal_report, renamed, report_bytes

runner = CliRunner()


def _loaded(path: str, confidence: float | None, *reasons: str) -> LoadResult:
    """Return the result of a loaded document with a confidence."""
    return LoadResult(path, "loaded", f"{path}: loaded", None, confidence, reasons)


def _summary_text(summary: IngestSummary) -> str:
    """Return what print_summary prints for a summary."""
    buffer = io.StringIO()
    print_summary(Console(file=buffer, width=200), summary)
    return buffer.getvalue()


def test_the_summary_lists_documents_below_0_8_lowest_first_with_two_reasons() -> None:
    """Only loaded documents below 0.8 are listed, after the counts, each with its first two reasons."""
    summary = IngestSummary(results=[
        _loaded("/r/fine.txt", 0.95, "a small doubt"),
        _loaded("/r/unknown.txt", None),
        _loaded("/r/b.txt", 0.62, "city read from the file name", "pillar 3 maxima add up to 90", "third"),
        _loaded("/r/a.txt", 0.5, "no printed totals"),
        LoadResult("/r/c.txt", "skipped", "/r/c.txt: unchanged", None, 0.1),
    ], run_id=7)
    shown = _summary_text(summary)
    lines = shown.splitlines()
    start = lines.index("confidence below 0.8 (2 loaded), lowest first:")
    assert lines[start + 1:start + 3] == [
        "  0.50 /r/a.txt: no printed totals",
        "  0.62 /r/b.txt: city read from the file name; pillar 3 maxima add up to 90",
    ]
    assert shown.index("┃ status") < shown.index("confidence below") < shown.index("ingest_run id 7")
    assert "fine.txt" not in shown and "unknown.txt" not in shown and "c.txt" not in shown
    markdown = summary_markdown(summary, title="Ingest summary")
    assert "## Confidence below 0.8 (2), lowest first" in markdown
    assert "- 0.50 /r/a.txt: no printed totals" in markdown


def test_at_most_20_lines_are_listed_and_the_last_says_how_many_more() -> None:
    """25 doubtful documents: 19 listed, lowest first, and a 20th line naming the 6 left out."""
    summary = IngestSummary(results=[_loaded(f"/r/{n:02d}.txt", n / 100, f"reason {n}") for n in range(50, 75)])
    lines = _summary_text(summary).splitlines()
    start = lines.index("confidence below 0.8 (25 loaded), lowest first:")
    listed = lines[start + 1:]
    assert len(listed) == 20
    assert listed[0] == "  0.50 /r/50.txt: reason 50" and listed[18] == "  0.68 /r/68.txt: reason 68"
    assert listed[19].startswith("  ... and 6 more")
    few = IngestSummary(results=[_loaded(f"/r/{n}.txt", 0.5) for n in range(20)])
    assert len([line for line in _summary_text(few).splitlines() if line.startswith("  0.50 ")]) == 20


def test_progress_lines_show_a_confidence_below_1() -> None:
    """The plain progress line of a loaded file adds its confidence when it is below 1."""
    buffer = io.StringIO()

    def run() -> None:
        progress.announce_total(3)
        progress.report("/r/a.txt", "loaded", "/r/a.txt: loaded Imphal, cycle 2 (21 indicators, confidence 0.62: "
                                              "city read from the file name)", 0.625)
        progress.report("/r/b.txt", "loaded", "/r/b.txt: loaded Pune, cycle 2 (21 indicators)", 1.0)
        progress.report("/r/c.txt", "skipped", "/r/c.txt: unchanged since it was loaded")

    run_with_progress(Console(file=buffer, width=200), run)
    lines = buffer.getvalue().splitlines()
    assert lines[0].startswith("[1/3] loaded: /r/a.txt (confidence 0.62, ") and "files/s, ETA" in lines[0]
    assert lines[1].startswith("[2/3] loaded: /r/b.txt (") and "confidence" not in lines[1]
    terminal = io.StringIO()
    run_with_progress(Console(file=terminal, width=200, force_terminal=True), run)
    assert "loaded: /r/a.txt (confidence 0.62)" in terminal.getvalue()
    assert "/r/b.txt" not in terminal.getvalue()


def test_ingest_prints_the_confidence_of_each_doubtful_file_and_lists_it_after_the_counts(
        prefect_harness, db_url: str, tmp_path: Path, monkeypatch) -> None:
    """Through `dmaf ingest`: the progress line and the summary show the low confidence, the load message holds
    it, and the warehouse stores it (report_confidence)."""
    reports = {
        "imphal.txt": replace(imphal_report(), confidence=0.5,
                              confidence_reasons=("city read from the file name", "no printed totals",
                                                  "pillar 3 maxima add up to 90")),
        "pune.txt": replace(renamed(imphal_report(), "Pune", "Maharashtra"), confidence=0.9,
                            confidence_reasons=("cycle read from its years",)),
        "surat.txt": replace(renamed(imphal_report(), "Surat", "Gujarat"), confidence=1.0),
    }
    for name, report in reports.items():
        (tmp_path / name).write_bytes(report_bytes(report))

    def parse_by_hand(path: str, options) -> ParseOutcome:
        return ParseOutcome(source_of(Path(path), format="txt"), replace(reports[Path(path).name], source=path))

    monkeypatch.setattr("pipeline.pool.parse_path", parse_by_hand)
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", db_url, "--workers", "0"])
    assert result.exit_code == 0, result.output
    progress_lines = [line for line in result.stderr.splitlines() if line.startswith("[")]
    assert any(f"loaded: {tmp_path / 'imphal.txt'} (confidence 0.50, " in line for line in progress_lines)
    assert any(f"loaded: {tmp_path / 'pune.txt'} (confidence 0.90, " in line for line in progress_lines)
    surat = next(line for line in progress_lines if "surat.txt" in line)
    assert "confidence" not in surat and f"loaded: {tmp_path / 'surat.txt'} (" in surat
    out = result.stdout.splitlines()
    start = out.index("confidence below 0.8 (1 loaded), lowest first:")
    assert out[start + 1] == f"  0.50 {tmp_path / 'imphal.txt'}: city read from the file name; no printed totals"
    assert "pune.txt" not in result.stdout
    query = "select source_file, confidence, confidence_reasons from report_confidence order by confidence"
    rows = runner.invoke(app, ["sql", query, "--db", db_url, "--format", "json"])
    got = [json.loads(line) for line in rows.stdout.splitlines()]
    assert [(Path(r["source_file"]).name, r["confidence"]) for r in got] == [
        ("imphal.txt", 0.5), ("pune.txt", 0.9), ("surat.txt", 1.0)]
    assert json.loads(got[0]["confidence_reasons"])[:2] == ["city read from the file name", "no printed totals"]
