"""dmaf as an installed package: a wheel installed non-editable into a fresh venv works from any folder and
writes its warehouse and Prefect files under the current folder, never into site-packages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import RAW_REPORTS, REPO

pytestmark = pytest.mark.slow
SKIP = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".prefect", "*.db",
                              "*.db-*", ".pytest_cache", ".hypothesis", "out", "site", "tests")


def _run(args: list[str], *, cwd: Path, env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess:
    """Run a command and fail the test with its output when it fails."""
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A fresh venv holding the dmaf wheel (built from a copy of the sources) and the test venv's dependencies."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "src"
    shutil.copytree(REPO, source, ignore=SKIP)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "DMAF_", "PYTHON"))}
    _run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(root / "dist")], cwd=source,
         env=env)
    wheel = next((root / "dist").glob("dmaf-*.whl"))
    venv = root / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=root, env=env)
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
         cwd=root, env=env)
    site = Path(_run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     cwd=root, env=env).stdout.strip())
    (site / "test-venv-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return venv, env


def test_the_installed_package_ingests_raw_reports_from_another_folder(installed, tmp_path: Path) -> None:
    """`dmaf ingest raw_reports/`, `dmaf parse` and `dmaf sql` work; files land under the current folder only."""
    venv, env = installed
    work = tmp_path / "elsewhere"
    shutil.copytree(RAW_REPORTS, work / "raw_reports")
    dmaf = str(venv / "bin" / "dmaf")
    where = _run([str(venv / "bin" / "python"), "-c", "import dmaf, core, parsing; print(dmaf.__file__)"],
                 cwd=work, env=env).stdout.strip()
    site = Path(where).parent.parent
    assert site.is_relative_to(venv) and not Path(where).is_relative_to(REPO)
    before = {p for p in site.rglob("*")}
    parsed = _run([dmaf, "parse", "raw_reports"], cwd=work, env=env).stdout.splitlines()
    assert [json.loads(line)["city"] for line in parsed] == ["Imphal"] * 3
    _run([dmaf, "ingest", "raw_reports", "--workers", "0"], cwd=work, env=env)
    scores = _run([dmaf, "sql", "select city, cycle, score, max_score from city_scores", "--format", "csv"],
                  cwd=work, env=env).stdout
    assert scores.splitlines() == ["city,cycle,score,max_score", "Imphal,2,10.0,500.0"]
    assert (work / "warehouse" / "dmaf.db").is_file()
    assert (work / ".prefect").is_dir()
    created = {p for p in site.rglob("*")} - before
    assert not [p for p in created if "__pycache__" not in p.parts], "the installed package wrote into site-packages"
