"""The refresh flow under Prefect's test harness on a real folder and a real warehouse (both backends)."""

from __future__ import annotations

import os
import shutil

from prefect.artifacts import Artifact
from pydantic import SecretStr
from sqlalchemy import Engine, text

from flows.refresh import plan_folder, refresh_reports
from tests.conftest import RAW_REPORTS
from tests.flows.conftest import opened_files, report_text, write_report


def _runs(engine: Engine) -> list[tuple]:
    """Return (folder, n_loaded, n_skipped, n_failed, n_duplicate, finished) of every ingest_run, oldest first."""
    with engine.connect() as conn:
        rows = conn.execute(text("select folder, n_loaded, n_skipped, n_failed, n_duplicate, finished_at "
                                 "from ingest_run order by id")).all()
    return [(*r[:5], r[5] is not None) for r in rows]


def _files(engine: Engine) -> dict[str, tuple]:
    """Return {path: (status, missing, sha256, mtime)} from source_file."""
    with engine.connect() as conn:
        rows = conn.execute(text("select path, status, missing, sha256, mtime from source_file")).all()
    return {r[0]: (r[1], bool(r[2]), r[3], r[4]) for r in rows}


def test_refresh_loads_new_and_changed_files_skips_the_rest_and_flags_missing_ones(
        prefect_harness, db_url, db_engine, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    paths = {key: write_report(folder, key) for key in ("imphal", "pune", "surat", "kochi")}
    first = refresh_reports(str(folder), db_url=SecretStr(db_url), workers=0, batch_size=2)
    assert first.counts() == {"loaded": 4}
    assert _runs(db_engine) == [(str(folder), 4, 0, 0, 0, True)]

    os.utime(paths["imphal"], (1_000_000, 1_000_000))  # touched: same bytes, new mtime
    edited = report_text("Pune", "Maharashtra").replace("Score: 10/30", "Score: 20/30", 1)
    assert len(edited.encode()) == paths["pune"].stat().st_size  # same size, new content
    paths["pune"].write_text(edited, encoding="utf-8")
    os.utime(paths["pune"], (2_000_000, 2_000_000))
    paths["surat"].unlink()
    write_report(folder, "bhopal")
    second = refresh_reports(str(folder), db_url=SecretStr(db_url), workers=0)
    assert second.scan == {"new": 1, "with a new size or mtime": 2, "unchanged": 1, "missing": 1}
    assert {r.path: r.status for r in second.results} == {
        str(paths["imphal"]): "unchanged", str(paths["pune"]): "loaded", str(folder / "bhopal.txt"): "loaded"}
    assert second.counts() == {"loaded": 2, "unchanged": 2}
    assert second.missing == [str(paths["surat"])]
    assert _runs(db_engine)[-1] == (str(folder), 2, 2, 0, 0, True)
    files = _files(db_engine)
    assert files[str(paths["surat"])][:2] == ("loaded", True)  # flagged, data kept
    assert files[str(paths["imphal"])][3] == 1_000_000  # the touch is recorded: next time it is not hashed
    with db_engine.connect() as conn:
        cities = conn.execute(text("select city, score from city_scores order by city")).all()
    assert [c for c, _ in cities] == ["Bhopal", "Imphal", "Kochi", "Pune", "Surat"]
    assert dict(cities)["Pune"] == dict(cities)["Imphal"] + 10

    third = refresh_reports(str(folder), db_url=SecretStr(db_url), workers=0)
    assert third.counts() == {"unchanged": 4} and third.missing == []  # surat was already flagged
    artifact = Artifact.get("refresh-summary")
    assert artifact is not None and str(folder) in artifact.data and "| unchanged | 4 |" in artifact.data


def test_an_unchanged_folder_is_refreshed_from_stat_calls_alone(prefect_harness, db_url, db_engine, tmp_path):
    """After the first load, every file's bytes are replaced behind the refresh's back with size and mtime
    kept: a refresh that read any content would see new bytes. It opens nothing and loads nothing."""
    folder = tmp_path / "reports"
    shutil.copytree(RAW_REPORTS, folder)
    (folder / "more").mkdir()
    write_report(folder / "more", "pune")
    assert refresh_reports(str(folder), db_url=SecretStr(db_url), workers=0).counts() == {"loaded": 4}
    before = _files(db_engine)
    for path in [p for p in folder.rglob("*") if p.is_file()]:
        st = path.stat()
        path.write_bytes(b"\0" * st.st_size)
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert plan_folder(folder, db_url).plan.counts()["unchanged"] == 4
    with opened_files() as opened:
        summary = refresh_reports(str(folder), db_url=SecretStr(db_url), workers=0)
    assert [p for p in opened if p.startswith(str(folder))] == []
    assert summary.counts() == {"unchanged": 4}
    assert _files(db_engine) == before
    assert _runs(db_engine)[-1] == (str(folder), 0, 4, 0, 0, True)


def test_failed_files_are_left_alone_until_asked_to_retry(prefect_harness, db_engine, db_url, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "notes.txt").write_text("minutes of a meeting, not a report\n", encoding="utf-8")
    write_report(folder, "kochi")
    assert refresh_reports(str(folder), db_url=SecretStr(db_url), workers=0).counts() == {"loaded": 1, "failed": 1}
    assert refresh_reports(str(folder), db_url=SecretStr(db_url), workers=0).counts() == {"unchanged": 2}
    again = refresh_reports(str(folder), db_url=SecretStr(db_url), workers=0, retry_failed=True)
    assert again.counts() == {"failed": 1, "unchanged": 1}
    assert "notes.txt" in again.failed[0].message
