"""CI is honest by construction: ``.ci/run`` exports ``CI=true``, and no test skips for a missing tool except
through ``tests.tools``, which fails instead under CI. The skips left are listed here with why they are not a
missing dependency."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SKIP = re.compile(r"pytest\.skip\(|importorskip\(|mark\.skip\b|mark\.skipif\(|mark\.xfail\b")
ALLOWED = {
    "tests/tools.py": "the one place a missing tool skips (and fails under CI=true)",
    "tests/pipeline/test_lifeline.py": "prctl(PR_SET_PDEATHSIG) is Linux's: a platform, not a dependency",
    "tests/flows/test_interrupts.py": "reads /proc: a platform, not a dependency",
    "tests/hostile/test_bad_files.py": "chmod 000 does not stop root: the unreadable cases root can check run instead",
}


def _test_sources() -> dict[str, str]:
    """Return the project's own test code by path (the blind sets' generators are not tests)."""
    return {str(p.relative_to(REPO)): p.read_text(encoding="utf-8") for p in sorted((REPO / "tests").rglob("*.py"))
            if "blind" not in p.parts}


def test_ci_exports_ci_true() -> None:
    assert re.search(r"^export CI=true\b", (REPO / ".ci" / "run").read_text(encoding="utf-8"), re.MULTILINE)


def test_no_test_skips_for_a_missing_tool_except_through_tests_tools() -> None:
    skipping = {path for path, source in _test_sources().items() if SKIP.search(source)}
    skipping.discard("tests/test_honesty.py")
    assert skipping == set(ALLOWED), sorted(skipping ^ set(ALLOWED))


def test_no_test_catches_an_import_error_to_skip() -> None:
    """An ``except ImportError`` in a test would turn a missing dependency into a pass or a skip."""
    catching = [path for path, source in _test_sources().items()
                if path != "tests/test_honesty.py" and re.search(r"except\s+\(?[^)\n]*ImportError", source)]
    assert catching == []
