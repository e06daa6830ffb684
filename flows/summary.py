"""What an ingest or refresh run did, as counts, Markdown and a Prefect artifact for the UI."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.records import LoadResult
from core.statuses import SUMMARY_ORDER, FileStatus
from loaders.confidence import confidence_text

LIST_LIMIT = 50  # failures / missing files listed in the artifact; the rest are in the warehouse
LOW_CONFIDENCE = 0.8  # loaded documents below this confidence are listed after the counts
LOW_CONFIDENCE_SHOWN = 20  # at most this many of them are listed; the rest are in report_confidence
REASONS_SHOWN = 2  # the first reasons of each listed document


@dataclass
class IngestSummary:
    """What a run did: one result per file handled, and counts per status.

    A refresh also counts the files it skipped by size and mtime alone (``unchanged``, not listed
    one by one) and lists the known files that were not found any more (``missing``).
    """

    results: list[LoadResult] = field(default_factory=list)
    run_id: int | None = None
    folder: str | None = None
    duration_s: float | None = None
    unchanged: int = 0
    missing: list[str] = field(default_factory=list)
    scan: dict[str, int] = field(default_factory=dict)
    fault: str | None = None
    """The warehouse fault that stopped the run (disk full, read-only), one line; None when it ran to the end."""
    interrupted: str | None = None
    """The signal that stopped the run (``SIGTERM``, ``SIGINT``); None when it ran to the end."""

    def counts(self) -> dict[str, int]:
        """Return {status: number of files}."""
        out: dict[str, int] = {}
        for r in self.results:
            out[r.status] = out.get(r.status, 0) + 1
        if self.unchanged:
            out[FileStatus.UNCHANGED] = out.get(FileStatus.UNCHANGED, 0) + self.unchanged
        return out

    @property
    def failed(self) -> list[LoadResult]:
        """Return the files that failed."""
        return [r for r in self.results if r.status == FileStatus.FAILED]

    def low_confidence(self, threshold: float = LOW_CONFIDENCE) -> list[LoadResult]:
        """Return the documents loaded by this run with a confidence below ``threshold``, lowest first."""
        doubtful = [r for r in self.results if r.status == FileStatus.LOADED
                    and r.confidence is not None and r.confidence < threshold]
        return sorted(doubtful, key=lambda r: (r.confidence, r.path))


def confidence_line(result: LoadResult) -> str:
    """Return "0.50 <path>: <first reason>; <second reason>" for one loaded document."""
    reasons = "; ".join(result.confidence_reasons[:REASONS_SHOWN])
    return f"{confidence_text(result.confidence)} {result.path}" + (f": {reasons}" if reasons else "")


def ordered_counts(counts: dict[str, int]) -> list[tuple[str, int]]:
    """Return (status, files) in a fixed order: the usual statuses first, then any others by name."""
    known = [(str(s), counts[s]) for s in SUMMARY_ORDER if s in counts]
    return known + sorted((str(s), n) for s, n in counts.items() if s not in SUMMARY_ORDER)


def _bullets(lines: list[str], limit: int, rest: str) -> list[str]:
    """Return Markdown bullets for at most ``limit`` lines, and a last line saying how many were left out."""
    out = [f"- {line}" for line in lines[:limit]]
    if len(lines) > limit:
        out.append(f"- ... and {len(lines) - limit} more ({rest})")
    return out


def summary_markdown(summary: IngestSummary, *, title: str, limit: int = LIST_LIMIT) -> str:
    """Return the run's summary as Markdown: counts per status, documents of low confidence, failures with their
    causes, missing files."""
    lines = [f"# {title}", ""]
    facts = []
    if summary.folder:
        facts.append(f"folder `{summary.folder}`")
    if summary.run_id is not None:
        facts.append(f"ingest_run id {summary.run_id}")
    if summary.duration_s is not None:
        facts.append(f"{summary.duration_s:.1f} s")
    if facts:
        lines += [" · ".join(facts), ""]
    if summary.fault:
        lines += [f"**Stopped: {summary.fault}**", ""]
    if summary.interrupted:
        lines += [f"**Interrupted by {summary.interrupted}**: the files below were committed; the rest were not "
                  "recorded, and the next run reads them.", ""]
    if summary.scan:
        lines += ["Scan: " + ", ".join(f"{n} {what}" for what, n in summary.scan.items()), ""]
    lines += ["| status | files |", "|---|---:|"]
    lines += [f"| {status} | {n} |" for status, n in ordered_counts(summary.counts())] or ["| (no files) | 0 |"]
    doubtful = summary.low_confidence()
    if doubtful:
        lines += ["", f"## Confidence below {LOW_CONFIDENCE:g} ({len(doubtful)}), lowest first", ""]
        lines += _bullets([confidence_line(r) for r in doubtful], min(limit, LOW_CONFIDENCE_SHOWN),
                          "sort the report_confidence view by confidence")
    failed = summary.failed
    if failed:
        lines += ["", f"## Failed ({len(failed)})", ""]
        lines += _bullets([f"`{r.path}`: {r.message}" for r in failed], limit, "see the source_documents view")
    if summary.missing:
        lines += ["", f"## Missing since the last scan ({len(summary.missing)})", "",
                  "Their reports stay in the warehouse, flagged `missing` in `source_file`.", ""]
        lines += _bullets([f"`{path}`" for path in summary.missing], limit, "see source_file where missing")
    return "\n".join(lines) + "\n"


def publish_summary(summary: IngestSummary, *, key: str, title: str) -> None:
    """Publish the summary as a Markdown artifact and a table artifact (counts per status) under ``key``."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    create_markdown_artifact(summary_markdown(summary, title=title), key=key, description=title)
    rows = [{"status": status, "files": n} for status, n in ordered_counts(summary.counts())]
    create_table_artifact(rows, key=f"{key}-counts", description=f"{title}: files per status")
