"""A loader process for the concurrency test (importable by ``multiprocessing`` spawn children)."""

from __future__ import annotations

import traceback
from typing import Any

from core.records import ParsedReport
from loaders.load import load_document
from tests.loaders.support import imphal_report, source_info
from warehouse.db import make_engine

CITIES = ("Imphal", "Pune", "Surat", "Jaipur", "Bhopal", "Nagpur", "Indore", "Agra")
COPY_OF_FIRST = "/r/copies/Imphal (copy).txt"


def city_report(city: str) -> ParsedReport:
    """Return the report of one city (scores differ per city so the sums differ)."""
    bump = float(CITIES.index(city))
    return imphal_report(city=city, state=None, scores={"3.a": bump})


def jobs(*, reverse: bool, rounds: int) -> list[tuple[str, str]]:
    """Return ``(path, city)`` loads: every city plus a byte-identical copy of the first, ``rounds`` times."""
    one = [(f"/r/{c}.txt", c) for c in CITIES] + [(COPY_OF_FIRST, CITIES[0])]
    return (one[::-1] if reverse else one) * rounds


def load_many(url: str, work: list[tuple[str, str]], barrier: Any, results: Any) -> None:
    """Wait for the other process, load every job, and put ``[(path, status)]`` (or a traceback) on ``results``."""
    engine = make_engine(url)
    try:
        barrier.wait(timeout=120)
        outcomes = []
        for path, city in work:
            report = city_report(city)
            outcome = load_document(engine, source=source_info(path, report), report=report, error=None,
                                    parser_version="t")
            outcomes.append((path, outcome.status))
        results.put(outcomes)
    except BaseException:  # reported to the parent test, which fails on it
        results.put(traceback.format_exc())
    finally:
        engine.dispose()


def pune_version(cycle: int, variant: str) -> ParsedReport:
    """Return a Pune report of ``cycle`` whose every recommendation names ``variant`` (a distinct version)."""
    from dataclasses import replace

    report = imphal_report(city="Pune", state="Maharashtra", cycle=cycle, source=f"pune_{cycle}_{variant}.txt")
    return replace(report, indicators=tuple(
        replace(i, paragraphs=(f"Advice {variant} on {i.title}.",), bullets=()) for i in report.indicators))


def load_versions(url: str, variants: list[str], barrier: Any, results: Any) -> None:
    """Wait for the other process, then load Pune's cycles 1, 2 and 3 once per variant; put the statuses (or a
    traceback) on ``results``."""
    engine = make_engine(url)
    try:
        barrier.wait(timeout=120)
        outcomes = []
        for variant in variants:
            for cycle in (1, 2, 3):
                report = pune_version(cycle, variant)
                outcome = load_document(engine, source=source_info(f"/r/{report.source}", report), report=report,
                                        error=None, parser_version="t")
                outcomes.append((report.source, outcome.status))
        results.put(outcomes)
    except BaseException:  # reported to the parent test, which fails on it
        results.put(traceback.format_exc())
    finally:
        engine.dispose()


def load_or_correct(url: str, work: list[tuple[str, Any]], barrier: Any, results: Any) -> None:
    """Wait for the other process, then do each job: ``("load", variant)`` loads a new version of Pune's cycle 2
    report, ``("correct", score)`` corrects its 2.a to ``score``; put what each did (or a traceback) on
    ``results``."""
    from loaders.corrections import CorrectionRequest, record_corrections

    engine = make_engine(url)
    try:
        barrier.wait(timeout=120)
        outcomes = []
        for kind, value in work:
            if kind == "load":
                report = pune_version(2, value)
                outcome = load_document(engine, source=source_info(f"/r/{report.source}", report), report=report,
                                        error=None, parser_version="t")
                outcomes.append((kind, outcome.status))
            else:
                [done] = record_corrections(engine, [CorrectionRequest("Pune", 2, "2.a", value, "race", "worker")])
                outcomes.append((kind, done.id))
        results.put(outcomes)
    except BaseException:  # reported to the parent test, which fails on it
        results.put(traceback.format_exc())
    finally:
        engine.dispose()
